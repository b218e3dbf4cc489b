// The acceptance questions of issue 2 asked through sightline-cli on the real Stratus Red
// Team detonation logs (answers read from the JSON samples).
#include "CliRunner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

using namespace sightline::test;

namespace {

QJsonObject object(const CliRun &r)
{
    return r.json().object();
}
QJsonArray array(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toArray();
}
QString str(const QJsonValue &v, const char *key)
{
    return v.toObject().value(QLatin1String(key)).toString();
}

} // namespace

class TestCliStratus : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;

    CliRun run(QStringList args)
    {
        args.insert(1, m_case);
        args << QStringLiteral("--json");
        return runCli(args);
    }

private slots:
    void initTestCase();
    void whichApisDidIpCall();
    void whichPrincipalsUsedAccessKey();
    void everyCallWithUserAgent();
    void whatPrincipalDidInHourBefore();
    void stolenInstanceCredentials();
    void info();
};

void TestCliStratus::initTestCase()
{
    const QString data = QStringLiteral(SIGHTLINE_SHARED_DATA "/cloudtrail/stratus-red-team");
    if (!QDir(data).exists())
        QSKIP("the shared Stratus Red Team samples are not available");
    QVERIFY(m_dir.isValid());
    m_case = m_dir.filePath(QStringLiteral("stratus.sightline"));
    const CliRun r = runCli({QStringLiteral("import"), m_case, data, QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(object(r).value(QLatin1String("newEvents")).toInt(), 310);
}

void TestCliStratus::whichApisDidIpCall()
{
    const CliRun r = run(
        {QStringLiteral("profile"), QStringLiteral("IpAddress"), QStringLiteral("200.249.253.51")});
    QCOMPARE(r.code, 0);
    const QJsonArray apis =
        object(r).value(QLatin1String("apis")).toObject().value(QLatin1String("rows")).toArray();
    QCOMPARE(apis.size(), 2);
    QCOMPARE(str(apis.at(0), "name"), QStringLiteral("GetPasswordData"));
    QCOMPARE(apis.at(0).toObject().value(QLatin1String("failures")).toInt(), 30);
    QCOMPARE(str(apis.at(1), "service"), QStringLiteral("sts.amazonaws.com"));
    QCOMPARE(str(apis.at(1), "name"), QStringLiteral("AssumeRole"));
    QCOMPARE(apis.at(1).toObject().value(QLatin1String("successes")).toInt(), 2);
    QCOMPARE(apis.at(1).toObject().value(QLatin1String("failures")).toInt(), 2);

    // Typed without the leading zeros of the anonymised log ("255.18.064.253").
    const CliRun z = run({QStringLiteral("events"), QStringLiteral("--entity"),
                          QStringLiteral("IpAddress:255.18.64.253"), QStringLiteral("--limit"),
                          QStringLiteral("0")});
    QCOMPARE(z.code, 0);
    QSet<QString> names;
    for (const QJsonValue &e : array(object(z), "events"))
        names.insert(str(e, "service") + QLatin1Char(':') + str(e, "name"));
    QCOMPARE(names, (QSet<QString>{QStringLiteral("ec2.amazonaws.com:DescribeInstanceAttribute"),
                                   QStringLiteral("sts.amazonaws.com:AssumeRole")}));
    QCOMPARE(object(z).value(QLatin1String("count")).toInt(), 19);
}

void TestCliStratus::whichPrincipalsUsedAccessKey()
{
    const CliRun r = run({QStringLiteral("profile"), QStringLiteral("AccessKey"),
                          QStringLiteral("AKIAWOGXN38MFN92ING5")});
    QCOMPARE(r.code, 0);
    const QJsonArray principals = object(r)
                                      .value(QLatin1String("principals"))
                                      .toObject()
                                      .value(QLatin1String("rows"))
                                      .toArray();
    QCOMPARE(principals.size(), 1);
    QCOMPARE(str(principals.at(0), "key"), QStringLiteral("AIDAFSHDVNSWGFKZR06G"));
    QCOMPARE(str(principals.at(0), "label"), QStringLiteral("christophe"));

    // The temporary key it obtained with AssumeRole: issued to christophe's call, then used
    // by the role session for 30 GetPasswordData calls.
    const CliRun t = run({QStringLiteral("events"), QStringLiteral("--entity"),
                          QStringLiteral("AccessKey:ASIANQQHHS551LWULIWD"),
                          QStringLiteral("--limit"), QStringLiteral("0")});
    QCOMPARE(t.code, 0);
    const QJsonArray events = array(object(t), "events");
    QCOMPARE(events.size(), 31);
    QCOMPARE(str(events.at(0), "name"), QStringLiteral("AssumeRole"));
    QSet<QString> users;
    for (const QJsonValue &e : events) {
        const QJsonObject o = e.toObject();
        if (o.value(QLatin1String("accessKey")).toObject().value(QLatin1String("key")).toString() ==
            QLatin1String("ASIANQQHHS551LWULIWD"))
            users.insert(o.value(QLatin1String("principal"))
                             .toObject()
                             .value(QLatin1String("key"))
                             .toString());
    }
    QCOMPARE(users,
             QSet<QString>{QStringLiteral("AROAMLQ9F6KHQ07JKA0WY:aws-go-sdk-1722375070115152000")});
}

void TestCliStratus::everyCallWithUserAgent()
{
    const CliRun r =
        run({QStringLiteral("events"), QStringLiteral("--entity"),
             QStringLiteral("UserAgent:stratus-red-team_5c59eb79-6dac-405c-a4c4-e19aec03c666"),
             QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("--raw")});
    QCOMPARE(r.code, 0);
    const QJsonArray events = array(object(r), "events");
    QCOMPARE(events.size(), 34);
    QCOMPARE(str(events.first(), "time"), QStringLiteral("2024-07-30T21:31:10Z"));
    QCOMPARE(str(events.last(), "time"), QStringLiteral("2024-07-30T21:31:21Z"));
    for (const QJsonValue &e : events) {
        QVERIFY(str(e, "raw").contains(QLatin1String("stratus-red-team_5c59eb79")));
        QVERIFY(e.toObject()
                    .value(QLatin1String("source"))
                    .toObject()
                    .value(QLatin1String("path"))
                    .toString()
                    .endsWith(QLatin1String("aws.credential-access.ec2-get-password-data.json")));
    }
}

void TestCliStratus::whatPrincipalDidInHourBefore()
{
    // christophe (017622104382) in the hour before he sent the command at 08:23:24.
    const CliRun r = run({QStringLiteral("events"), QStringLiteral("--entity"),
                          QStringLiteral("AwsUser:arn:aws:iam::017622104382:user/christophe"),
                          QStringLiteral("--from"), QStringLiteral("2024-08-02T07:23:24Z"),
                          QStringLiteral("--to"), QStringLiteral("2024-08-02T08:23:24Z"),
                          QStringLiteral("--limit"), QStringLiteral("0")});
    QCOMPARE(r.code, 0);
    const QJsonArray events = array(object(r), "events");
    QCOMPARE(events.size(), 37);
    for (const QJsonValue &e : events)
        QCOMPARE(str(e, "name"), QStringLiteral("DescribeInstanceInformation"));

    // The same question as a profile of that hour: exact call totals.
    const CliRun p = run({QStringLiteral("profile"), QStringLiteral("AwsUser"),
                          QStringLiteral("AIDASSXYG8SJ3JDII10C"), QStringLiteral("--from"),
                          QStringLiteral("2024-08-02T07:23:24Z"), QStringLiteral("--to"),
                          QStringLiteral("2024-08-02T08:23:24Z")});
    QCOMPARE(p.code, 0);
    const QJsonObject calls = object(p).value(QLatin1String("calls")).toObject();
    QCOMPARE(calls.value(QLatin1String("successes")).toInt(), 37);
    QCOMPARE(calls.value(QLatin1String("failures")).toInt(), 0);
    QCOMPARE(object(p).value(QLatin1String("lastSeen")).toString(),
             QStringLiteral("2024-08-02T08:23:23Z"));
}

void TestCliStratus::stolenInstanceCredentials()
{
    // Who used the external IP of the user who sent the command? Him and the instance's role.
    const CliRun ip = run(
        {QStringLiteral("profile"), QStringLiteral("IpAddress"), QStringLiteral("18.236.253.47")});
    QCOMPARE(ip.code, 0);
    QSet<QString> principals;
    for (const QJsonValue &p : object(ip)
                                   .value(QLatin1String("principals"))
                                   .toObject()
                                   .value(QLatin1String("rows"))
                                   .toArray())
        principals.insert(str(p, "type") + QLatin1Char(':') + str(p, "key"));
    QVERIFY(principals.contains(QStringLiteral("AwsUser:AIDASSXYG8SJ3JDII10C")));
    QVERIFY(principals.contains(
        QStringLiteral("AwsRoleSession:AROALHCCSKSM395EGX3XN:i-786a3A8B5C0d92eF4")));

    // What the stolen credentials did from there, by the role and session names.
    const CliRun used =
        run({QStringLiteral("events"), QStringLiteral("--entity"),
             QStringLiteral("AwsRoleSession:stratus-red-team-ec2-steal-credentials-role/"
                            "i-786a3A8B5C0d92eF4"),
             QStringLiteral("--entity"), QStringLiteral("IpAddress:18.236.253.47")});
    QCOMPARE(used.code, 0);
    const QJsonArray events = array(object(used), "events");
    QCOMPARE(events.size(), 2);
    QCOMPARE(str(events.at(0), "name"), QStringLiteral("GetCallerIdentity"));
    QCOMPARE(str(events.at(0), "time"), QStringLiteral("2024-08-02T08:23:55Z"));
    QCOMPARE(str(events.at(1), "name"), QStringLiteral("DescribeInstances"));

    const CliRun timeline = run(
        {QStringLiteral("timeline"), QStringLiteral("IpAddress"), QStringLiteral("18.236.253.47")});
    QCOMPARE(timeline.code, 0);
    QCOMPARE(object(timeline)
                 .value(QLatin1String("totals"))
                 .toObject()
                 .value(QLatin1String("events"))
                 .toInt(),
             45);
}

void TestCliStratus::info()
{
    const CliRun r = run({QStringLiteral("info")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = object(r);
    QCOMPARE(o.value(QLatin1String("events")).toInt(), 310);
    QCOMPARE(array(o, "sources").size(), 35);
    QCOMPARE(o.value(QLatin1String("firstTime")).toString(),
             QStringLiteral("2024-07-30T21:31:10Z"));
    QCOMPARE(o.value(QLatin1String("entitiesByType"))
                     .toObject()
                     .value(QLatin1String("AwsUser"))
                     .toInt() >= 31,
             true);
}

QTEST_GUILESS_MAIN(TestCliStratus)
#include "tst_cli_stratus.moc"
