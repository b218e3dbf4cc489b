// sightline-cli neighbors / path / groups run as a process on the real Stratus
// "ec2-steal-instance-credentials" detonation and the GuardDuty samples (answers read from
// the JSON samples).
#include "CliRunner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

using namespace sightline::test;

namespace {

const QString kUserKey = QStringLiteral("AIDASSXYG8SJ3JDII10C");
const QString kSession = QStringLiteral("AROALHCCSKSM395EGX3XN:i-786a3A8B5C0d92eF4");
const QString kInstance = QStringLiteral("i-786a3A8B5C0d92eF4");
const QString kIp = QStringLiteral("18.236.253.47");

QJsonObject object(const CliRun &r)
{
    return r.json().object();
}
QString str(const QJsonValue &v, const char *key)
{
    return v.toObject().value(QLatin1String(key)).toString();
}
QJsonArray arr(const QJsonValue &v, const char *key)
{
    return v.toObject().value(QLatin1String(key)).toArray();
}
QJsonObject byKey(const QJsonArray &list, const QString &key)
{
    for (const QJsonValue &v : list) {
        if (str(v, "key") == key)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestCliGraph : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_steal, m_guardDuty;

    CliRun run(const QString &command, const QString &caseFile, QStringList args)
    {
        args.prepend(caseFile);
        args.prepend(command);
        return runCli(args);
    }

private slots:
    void initTestCase();
    void neighborsOfUser();
    void neighborsFiltersAndMembers();
    void neighborsErrors();
    void pathUserToSession();
    void pathNotFound();
    void groupsOfGuardDutySamples();
    void helpListsCommands();
};

void TestCliGraph::initTestCase()
{
    const QString data = QStringLiteral(SIGHTLINE_SHARED_DATA);
    if (!QDir(data).exists())
        QSKIP("the shared samples are not available");
    QVERIFY(m_dir.isValid());
    m_steal = m_dir.filePath(QStringLiteral("steal.sightline"));
    CliRun r = runCli({QStringLiteral("import"), m_steal,
                       data + QStringLiteral("/cloudtrail/stratus-red-team/"
                                             "aws.credential-access.ec2-steal-instance-"
                                             "credentials.json")});
    QVERIFY2(r.code == 0, r.err.constData());
    m_guardDuty = m_dir.filePath(QStringLiteral("guardduty.sightline"));
    r = runCli({QStringLiteral("import"), m_guardDuty, data + QStringLiteral("/guardduty")});
    QVERIFY2(r.code == 0 || r.code == 4, r.err.constData());
}

void TestCliGraph::neighborsOfUser()
{
    const CliRun r =
        run(QStringLiteral("neighbors"), m_steal,
            {QStringLiteral("AwsUser"), QStringLiteral("christophe"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = object(r);
    QCOMPARE(str(o, "entity"), QString()); // an object, not a string
    QCOMPARE(o.value(QLatin1String("entity")).toObject().value(QLatin1String("key")).toString(),
             kUserKey);
    const QJsonArray n = o.value(QLatin1String("neighbors")).toArray();
    QCOMPARE(n.size(), 5);
    const QJsonObject instance = byKey(n, kInstance);
    QCOMPARE(str(instance, "type"), QStringLiteral("Ec2Instance"));
    QCOMPARE(str(arr(instance, "edges").at(0), "relation"), QStringLiteral("acted_on"));
    QCOMPARE(str(arr(instance, "edges").at(0), "direction"), QStringLiteral("out"));
    const QJsonObject ip = byKey(n, kIp);
    QCOMPARE(ip.value(QLatin1String("weight")).toInt(), 43);
    QCOMPARE(str(ip, "firstSeen"), QStringLiteral("2024-08-02T08:22:39Z"));
    QVERIFY(o.value(QLatin1String("groups")).toArray().isEmpty());

    // Second expansion: the instance runs as the stolen session.
    const CliRun second = run(QStringLiteral("neighbors"), m_steal,
                              {QStringLiteral("Ec2Instance"), kInstance, QStringLiteral("--json")});
    QCOMPARE(second.code, 0);
    const QJsonObject session =
        byKey(object(second).value(QLatin1String("neighbors")).toArray(), kSession);
    QCOMPARE(str(arr(session, "edges").at(0), "relation"), QStringLiteral("runs_as"));

    // Text: one row per neighbour with its relation.
    const CliRun text = run(QStringLiteral("neighbors"), m_steal,
                            {QStringLiteral("AwsUser"), QStringLiteral("christophe")});
    QCOMPARE(text.code, 0);
    QVERIFY(text.out.contains("-> acted_on"));
    QVERIFY(text.out.contains("5 neighbours"));
}

void TestCliGraph::neighborsFiltersAndMembers()
{
    CliRun r = run(QStringLiteral("neighbors"), m_steal,
                   {QStringLiteral("IpAddress"), kIp, QStringLiteral("--from"),
                    QStringLiteral("2024-08-02T08:23:55Z"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QJsonArray n = object(r).value(QLatin1String("neighbors")).toArray();
    QCOMPARE(n.size(), 1);
    QCOMPARE(str(n.at(0), "key"), kSession);

    r = run(QStringLiteral("neighbors"), m_steal,
            {QStringLiteral("AwsUser"), QStringLiteral("christophe"), QStringLiteral("--type"),
             QStringLiteral("IpAddress,AccessKey"), QStringLiteral("--relation"),
             QStringLiteral("called_from"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    n = object(r).value(QLatin1String("neighbors")).toArray();
    QCOMPARE(n.size(), 1);
    QCOMPARE(str(n.at(0), "key"), kIp);

    // --threshold 0 collapses every type; --members lists one.
    r = run(QStringLiteral("neighbors"), m_steal,
            {QStringLiteral("AwsUser"), QStringLiteral("christophe"), QStringLiteral("--threshold"),
             QStringLiteral("0"), QStringLiteral("--top"), QStringLiteral("0"),
             QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(object(r).value(QLatin1String("groups")).toArray().size(), 5);
    QVERIFY(object(r).value(QLatin1String("neighbors")).toArray().isEmpty());
    r = run(QStringLiteral("neighbors"), m_steal,
            {QStringLiteral("AwsUser"), QStringLiteral("christophe"), QStringLiteral("--members"),
             QStringLiteral("Ec2Instance"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(object(r).value(QLatin1String("total")).toInt(), 1);
    QCOMPARE(str(object(r).value(QLatin1String("neighbors")).toArray().at(0), "key"), kInstance);
}

void TestCliGraph::neighborsErrors()
{
    CliRun r = run(QStringLiteral("neighbors"), m_steal,
                   {QStringLiteral("AwsUser"), QStringLiteral("nobody")});
    QCOMPARE(r.code, 3);
    r = run(QStringLiteral("neighbors"), m_steal,
            {QStringLiteral("AwsUser"), QStringLiteral("christophe"), QStringLiteral("--relation"),
             QStringLiteral("likes")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("unknown relation"));
    r = run(QStringLiteral("neighbors"), m_steal,
            {QStringLiteral("Thing"), QStringLiteral("christophe")});
    QCOMPARE(r.code, 1);
    r = runCli({QStringLiteral("neighbors"), m_dir.filePath(QStringLiteral("missing.sightline")),
                QStringLiteral("AwsUser"), QStringLiteral("x")});
    QCOMPARE(r.code, 2);
}

void TestCliGraph::pathUserToSession()
{
    CliRun r = run(QStringLiteral("path"), m_steal,
                   {QStringLiteral("AwsUser:christophe"),
                    QStringLiteral("AwsRoleSession:") + kSession, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QJsonObject o = object(r);
    QCOMPARE(o.value(QLatin1String("length")).toInt(), 2);
    const QJsonArray paths = o.value(QLatin1String("paths")).toArray();
    QCOMPARE(paths.size(), 4);
    bool viaInstance = false;
    for (const QJsonValue &p : paths) {
        const QJsonArray nodes = arr(p, "nodes");
        QCOMPARE(nodes.size(), 3);
        QCOMPARE(str(nodes.at(0), "key"), kUserKey);
        QCOMPARE(str(nodes.at(2), "key"), kSession);
        if (str(nodes.at(1), "key") == kInstance) {
            viaInstance = true;
            const QJsonArray links = arr(p, "links");
            QCOMPARE(str(links.at(0).toArray().at(0), "relation"), QStringLiteral("acted_on"));
            QCOMPARE(str(links.at(1).toArray().at(0), "relation"), QStringLiteral("runs_as"));
            QCOMPARE(str(links.at(1).toArray().at(0), "direction"), QStringLiteral("out"));
        }
    }
    QVERIFY(viaInstance);

    // Only through the instance, as text.
    r = run(QStringLiteral("path"), m_steal,
            {QStringLiteral("AwsUser:christophe"), QStringLiteral("AwsRoleSession:") + kSession,
             QStringLiteral("--relation"), QStringLiteral("acted_on,runs_as")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("-[acted_on]-> Ec2Instance i-786a3A8B5C0d92eF4 -[runs_as]-> "
                            "AwsRoleSession"),
             r.out.constData());
    QVERIFY(r.out.contains("1 path of 2 relations"));

    // A tiny hub degree: nothing but the endpoints may be crossed.
    r = run(QStringLiteral("path"), m_steal,
            {QStringLiteral("AwsUser:christophe"), QStringLiteral("AwsRoleSession:") + kSession,
             QStringLiteral("--hub-degree"), QStringLiteral("1"), QStringLiteral("--json")});
    QCOMPARE(r.code, 3);
    QVERIFY(!object(r).value(QLatin1String("hubsNotCrossed")).toArray().isEmpty());
}

void TestCliGraph::pathNotFound()
{
    CliRun r =
        run(QStringLiteral("path"), m_steal,
            {QStringLiteral("AwsUser:christophe"), QStringLiteral("Ec2Instance:") + kInstance,
             QStringLiteral("--from"), QStringLiteral("2025-01-01"), QStringLiteral("--json")});
    QCOMPARE(r.code, 3);
    QVERIFY(object(r).value(QLatin1String("length")).isNull());
    QVERIFY(object(r).value(QLatin1String("paths")).toArray().isEmpty());
    r = run(QStringLiteral("path"), m_steal,
            {QStringLiteral("christophe"), QStringLiteral("Ec2Instance:") + kInstance});
    QCOMPARE(r.code, 1);
}

void TestCliGraph::groupsOfGuardDutySamples()
{
    // Three of the Elastic GuardDuty samples involve 175.16.199.1 within one window.
    const CliRun r = run(QStringLiteral("groups"), m_guardDuty, {QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = object(r);
    QCOMPARE(o.value(QLatin1String("count")).toInt(), 1);
    const QJsonObject g = o.value(QLatin1String("groups")).toArray().at(0).toObject();
    QCOMPARE(str(g, "severityLabel"), QStringLiteral("High"));
    QCOMPARE(arr(g, "findings").size(), 3);
    QCOMPARE(str(g, "title"), QStringLiteral("1 Discovery, 1 Persistence, 1 Trojan"));
    QStringList tactics;
    for (const QJsonValue &t : arr(g, "tactics"))
        tactics << str(t, "name");
    QCOMPARE(tactics, (QStringList{QStringLiteral("Persistence"), QStringLiteral("Discovery"),
                                   QStringLiteral("Command and Control")}));
    const QJsonObject ip = byKey(arr(g, "sharedEntities"), QStringLiteral("175.16.199.1"));
    QCOMPARE(ip.value(QLatin1String("findings")).toInt(), 3);
    QCOMPARE(str(g, "firstSeen"), QStringLiteral("2022-11-17T09:33:19Z"));

    // A window of 0 hours still joins them: their windows overlap.
    const CliRun text = run(QStringLiteral("groups"), m_guardDuty,
                            {QStringLiteral("--window"), QStringLiteral("0")});
    QCOMPARE(text.code, 0);
    QVERIFY(text.out.contains("Tied by     IpAddress:175.16.199.1 (3)"));
    QVERIFY(text.out.contains("1 finding group"));
}

void TestCliGraph::helpListsCommands()
{
    const CliRun r = runCli({QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("neighbors CASE TYPE KEY"));
    QVERIFY(r.out.contains("path CASE TYPE:KEY TYPE:KEY"));
    QVERIFY(r.out.contains("groups CASE"));
    const CliRun p = runCli({QStringLiteral("path"), QStringLiteral("--help")});
    QCOMPARE(p.code, 0);
    QVERIFY(p.out.contains("--hub-degree"));
}

QTEST_GUILESS_MAIN(TestCliGraph)
#include "tst_cli_graph.moc"
