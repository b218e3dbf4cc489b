// sightline-cli end to end: every command on a small case, --json validity, exit status, and
// the errors for bad arguments, files that are not cases, and missing entities.
#include "CliRunner.h"
#include "Database.h"
#include "Fixtures.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace sightline;
using namespace sightline::test;

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case, m_trail, m_broken, m_notes, m_notCase;

    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void initTestCase();
    void topLevelHelp();
    void commandHelp_data();
    void commandHelp();
    void usageErrors_data();
    void usageErrors();
    void caseErrors();
    void newerCaseIsRefused();
    void importSummaryAndExitStatus();
    void info();
    void search();
    void profile();
    void events();
    void eventsRawAndEscaping();
    void timeline();
};

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_case = path("case.sightline");
    m_trail = path("trail.json");
    m_broken = path("broken.jsonl");
    m_notes = path("notes.txt");
    m_notCase = path("not-a-case.sightline");
    writeFile(m_trail, kTrail);
    writeFile(m_broken, kBroken);
    writeFile(m_notes, "just some notes\n");
    writeFile(m_notCase, "hello, I am not a database\n");
    const CliRun r = runCli({QStringLiteral("import"), m_case, m_trail});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(r.out.contains("New events  4"));
}

void TestCli::topLevelHelp()
{
    const CliRun r = runCli({QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    for (const char *word :
         {"import CASE PATH", "info CASE", "search CASE QUERY", "profile CASE TYPE KEY",
          "events CASE", "timeline CASE TYPE KEY", "Exit status", "130"})
        QVERIFY2(r.out.contains(word), word);
    QCOMPARE(runCli({}).code, 1);
    const CliRun unknown = runCli({QStringLiteral("frobnicate")});
    QCOMPARE(unknown.code, 1);
    QVERIFY(unknown.err.contains("unknown command 'frobnicate'"));
}

void TestCli::commandHelp_data()
{
    QTest::addColumn<QString>("command");
    for (const char *c : {"import", "info", "search", "profile", "events", "timeline"})
        QTest::newRow(c) << QString::fromLatin1(c);
}

void TestCli::commandHelp()
{
    QFETCH(QString, command);
    const CliRun r = runCli({command, QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("Usage: sightline-cli " + command.toUtf8()), r.out.constData());
    if (command != QLatin1String("import"))
        QVERIFY(r.out.contains("--json"));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    const QString c = QStringLiteral("@case");
    QTest::newRow("missing case") << QStringList{"info"} << QByteArray("missing arguments");
    QTest::newRow("extra argument") << QStringList{"info", c, "more"} << QByteArray("too many");
    QTest::newRow("unknown option") << QStringList{"info", c, "--bogus"} << QByteArray("bogus");
    QTest::newRow("unknown type") << QStringList{"profile", c, "Nope", "x"}
                                  << QByteArray("unknown entity type 'Nope'");
    QTest::newRow("bad time") << QStringList{"events", c, "--from", "yesterday"}
                              << QByteArray("invalid time 'yesterday' for --from");
    QTest::newRow("reversed range")
        << QStringList{"events", c, "--from", "2026-10-15", "--to", "2026-10-14"}
        << QByteArray("--from must be before --to");
    QTest::newRow("bad bucket") << QStringList{"timeline", c,          "AwsUser",
                                               "alice",    "--bucket", "week"}
                                << QByteArray("--bucket is hour or day");
    QTest::newRow("bad limit") << QStringList{"search", c, "x", "--limit", "-3"}
                               << QByteArray("--limit needs a non-negative number");
    QTest::newRow("bad entity") << QStringList{"events", c, "--entity", "alice"}
                                << QByteArray("--entity needs TYPE:KEY");
    QTest::newRow("bad api") << QStringList{"events", c, "--name", "iam:"}
                             << QByteArray("empty API name");
    QTest::newRow("missing evidence") << QStringList{"import", c, "/nonexistent/evidence.json"}
                                      << QByteArray("'/nonexistent/evidence.json': no such file");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    args.replaceInStrings(QStringLiteral("@case"), m_case);
    const CliRun r = runCli(args);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestCli::caseErrors()
{
    const QByteArray before = [&] {
        QFile f(m_notCase);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    for (const char *command : {"info", "search", "events"}) {
        QStringList args{QString::fromLatin1(command), m_notCase};
        if (QByteArray(command) == "search")
            args << QStringLiteral("alice");
        const CliRun r = runCli(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(m_notCase.toUtf8()), r.err.constData());
        QVERIFY(r.err.contains("not a Sightline case file"));
    }
    const CliRun imp = runCli({QStringLiteral("import"), m_notCase, m_trail});
    QCOMPARE(imp.code, 2);
    QFile f(m_notCase);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before); // left untouched

    const CliRun missing = runCli({QStringLiteral("info"), path("missing.sightline")});
    QCOMPARE(missing.code, 2);
    QVERIFY(missing.err.contains("missing.sightline"));

    const CliRun entity = runCli(
        {QStringLiteral("profile"), m_case, QStringLiteral("AwsUser"), QStringLiteral("nobody")});
    QCOMPARE(entity.code, 3);
    QVERIFY(entity.err.contains("AwsUser nobody not found"));
    const CliRun eventsOf = runCli({QStringLiteral("events"), m_case, QStringLiteral("--entity"),
                                    QStringLiteral("IpAddress:192.0.2.1")});
    QCOMPARE(eventsOf.code, 3);
}

void TestCli::newerCaseIsRefused()
{
    const QString newer = path("newer.sightline");
    QCOMPARE(runCli({QStringLiteral("import"), newer, m_trail}).code, 0);
    {
        auto db = Database::open(newer.toStdString(), Database::Mode::ReadWrite);
        QVERIFY(db.ok());
        QVERIFY(db->exec("PRAGMA user_version = 99").ok());
    }
    const CliRun r = runCli({QStringLiteral("info"), newer});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("newer.sightline"));
    QVERIFY(r.err.contains("newer Sightline"));
}

void TestCli::importSummaryAndExitStatus()
{
    const QString c = path("import.sightline");
    const CliRun r = runCli({QStringLiteral("import"), c, m_broken, m_notes});
    QCOMPARE(r.code, 4); // a damaged file
    QVERIFY2(r.out.contains("broken.jsonl:2:"), r.out.constData());
    QVERIFY(r.out.contains("Skipped files"));
    QVERIFY(r.out.contains("notes.txt"));

    const CliRun again = runCli({QStringLiteral("import"), c, m_trail, QStringLiteral("--json")});
    QCOMPARE(again.code, 0);
    const QJsonObject j = again.json().object();
    QCOMPARE(j.value(QLatin1String("newEvents")).toInt(), 4);
    QCOMPARE(j.value(QLatin1String("errors")).toInt(), 0);

    // Importing the same evidence again adds nothing.
    const CliRun third = runCli({QStringLiteral("import"), c, m_trail, QStringLiteral("--json")});
    QCOMPARE(third.code, 0);
    QCOMPARE(third.json().object().value(QLatin1String("newEvents")).toInt(), 0);

    const CliRun skippedOnly = runCli({QStringLiteral("import"), c, m_notes});
    QCOMPARE(skippedOnly.code, 0); // skipped files are listed, not errors
}

void TestCli::info()
{
    QFile f(m_trail);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray sha =
        QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();

    const CliRun human = runCli({QStringLiteral("info"), m_case});
    QCOMPARE(human.code, 0);
    QVERIFY(human.out.contains(sha));
    QVERIFY(human.out.contains("trail.json"));
    QVERIFY(human.out.contains("2026-10-14T11:30:00Z"));

    const CliRun r = runCli({QStringLiteral("info"), m_case, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject j = r.json().object();
    QCOMPARE(j.value(QLatin1String("events")).toInt(), 4);
    QCOMPARE(j.value(QLatin1String("firstTime")).toString(),
             QStringLiteral("2026-10-14T11:30:00Z"));
    QCOMPARE(j.value(QLatin1String("lastTime")).toString(), QStringLiteral("2026-10-15T09:00:00Z"));
    const QJsonObject source = j.value(QLatin1String("sources")).toArray().at(0).toObject();
    QCOMPARE(source.value(QLatin1String("sha256")).toString().toLatin1(), sha);
    QCOMPARE(source.value(QLatin1String("records")).toInt(), 4);
    QCOMPARE(source.value(QLatin1String("status")).toString(), QStringLiteral("imported"));
    const QJsonObject types = j.value(QLatin1String("entitiesByType")).toObject();
    QVERIFY(types.value(QLatin1String("AwsUser")).toInt() >= 2);
    QCOMPARE(types.value(QLatin1String("IpAddress")).toInt(), 2);
}

void TestCli::search()
{
    const CliRun r = runCli({QStringLiteral("search"), m_case, QStringLiteral("alice")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("AwsUser"));
    QVERIFY(r.out.contains("AIDAALICE0000000001"));

    const CliRun cidr = runCli({QStringLiteral("search"), m_case, QStringLiteral("203.0.113.0/24"),
                                QStringLiteral("--json")});
    QCOMPARE(cidr.code, 0);
    const QJsonObject j = cidr.json().object();
    QCOMPARE(j.value(QLatin1String("total")).toInt(), 1);
    const QJsonObject hit = j.value(QLatin1String("hits")).toArray().at(0).toObject();
    QCOMPARE(hit.value(QLatin1String("type")).toString(), QStringLiteral("IpAddress"));
    QCOMPARE(hit.value(QLatin1String("key")).toString(), QStringLiteral("203.0.113.10"));

    const CliRun keys = runCli(
        {QStringLiteral("search"), m_case, QStringLiteral("AKIA*"), QStringLiteral("--json")});
    QCOMPARE(keys.json().object().value(QLatin1String("total")).toInt(), 2);

    const CliRun none = runCli({QStringLiteral("search"), m_case, QStringLiteral("nobody")});
    QCOMPARE(none.code, 3);
    const CliRun noneJson = runCli(
        {QStringLiteral("search"), m_case, QStringLiteral("nobody"), QStringLiteral("--json")});
    QCOMPARE(noneJson.code, 3);
    QCOMPARE(noneJson.json().object().value(QLatin1String("total")).toInt(), 0);
}

void TestCli::profile()
{
    const CliRun r = runCli(
        {QStringLiteral("profile"), m_case, QStringLiteral("AwsUser"), QStringLiteral("alice")});
    QCOMPARE(r.code, 0);
    for (const char *word : {"CreateUser", "ListBuckets", "GetObject", "203.0.113.10",
                             "AKIAALICE00000000001", "aws-cli/2.15.0 Python/3.11"})
        QVERIFY2(r.out.contains(word), word);

    const CliRun j =
        runCli({QStringLiteral("profile"), m_case, QStringLiteral("awsuser"),
                QStringLiteral("arn:aws:iam::111122223333:user/alice"), QStringLiteral("--json")});
    QCOMPARE(j.code, 0);
    const QJsonObject p = j.json().object();
    QCOMPARE(p.value(QLatin1String("entity")).toObject().value(QLatin1String("key")).toString(),
             QStringLiteral("AIDAALICE0000000001"));
    const QJsonObject calls = p.value(QLatin1String("calls")).toObject();
    QCOMPARE(calls.value(QLatin1String("successes")).toInt(), 2);
    QCOMPARE(calls.value(QLatin1String("failures")).toInt(), 1);
    QCOMPARE(p.value(QLatin1String("apis")).toObject().value(QLatin1String("total")).toInt(), 3);
    const QJsonArray ips =
        p.value(QLatin1String("ipAddresses")).toObject().value(QLatin1String("rows")).toArray();
    QCOMPARE(ips.size(), 1);
    QCOMPARE(ips.at(0).toObject().value(QLatin1String("key")).toString(),
             QStringLiteral("203.0.113.10"));

    // Within a range: the 12:00 hour only.
    const CliRun ranged =
        runCli({QStringLiteral("profile"), m_case, QStringLiteral("IpAddress"),
                QStringLiteral("203.0.113.10"), QStringLiteral("--from"),
                QStringLiteral("2026-10-14T12:00Z"), QStringLiteral("--to"),
                QStringLiteral("2026-10-14T13:00:00Z"), QStringLiteral("--json")});
    QCOMPARE(ranged.code, 0);
    const QJsonObject rc = ranged.json().object().value(QLatin1String("calls")).toObject();
    QCOMPARE(rc.value(QLatin1String("successes")).toInt(), 1);
    QCOMPARE(rc.value(QLatin1String("failures")).toInt(), 1);
}

void TestCli::events()
{
    const CliRun r = runCli({QStringLiteral("events"), m_case, QStringLiteral("--entity"),
                             QStringLiteral("IpAddress:203.0.113.10"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray events = r.json().object().value(QLatin1String("events")).toArray();
    QCOMPARE(events.size(), 3);
    QStringList names;
    for (const QJsonValue &e : events)
        names << e.toObject().value(QLatin1String("name")).toString();
    QCOMPARE(names, (QStringList{"CreateUser", "ListBuckets", "GetObject"}));
    const QJsonObject denied = events.at(2).toObject();
    QCOMPARE(denied.value(QLatin1String("error")).toString(), QStringLiteral("AccessDenied"));
    QCOMPARE(denied.value(QLatin1String("time")).toString(),
             QStringLiteral("2026-10-14T12:10:00Z"));
    QCOMPARE(denied.value(QLatin1String("principal"))
                 .toObject()
                 .value(QLatin1String("label"))
                 .toString(),
             QStringLiteral("alice"));

    auto count = [&](QStringList args) {
        args.prepend(m_case);
        args.prepend(QStringLiteral("events"));
        args << QStringLiteral("--json");
        const CliRun run = runCli(args);
        return run.code == 0 ? run.json().object().value(QLatin1String("count")).toInt() : -1;
    };
    QCOMPARE(count({"--name", "GetObject"}), 1);
    QCOMPARE(count({"--name", "s3.amazonaws.com:GetObject", "--entity", "AwsUser:alice"}), 1);
    QCOMPARE(count({"--from", "2026-10-14T12:00Z", "--to", "2026-10-14T12:06:00Z"}), 1);
    QCOMPARE(count({"--from", "2026-10-15"}), 1);
    QCOMPARE(count({"--to", "2026-10-15"}), 3);
    QCOMPARE(count({"--entity", "AwsUser:alice", "--entity", "AwsUser:bob"}), 0);

    const CliRun page = runCli({QStringLiteral("events"), m_case, QStringLiteral("--limit"),
                                QStringLiteral("2"), QStringLiteral("--json")});
    QVERIFY(page.json().object().value(QLatin1String("more")).toBool());
    const CliRun human =
        runCli({QStringLiteral("events"), m_case, QStringLiteral("--limit"), QStringLiteral("2")});
    QVERIFY(human.out.contains("--offset 2"));
}

void TestCli::eventsRawAndEscaping()
{
    const CliRun r = runCli({QStringLiteral("events"), m_case, QStringLiteral("--raw"),
                             QStringLiteral("--name"), QStringLiteral("ListBuckets")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(R"("eventID":"00000000-0000-0000-0000-000000000002")"));
    QVERIFY(r.out.contains("trail.json:"));

    const CliRun j =
        runCli({QStringLiteral("events"), m_case, QStringLiteral("--raw"), QStringLiteral("--json"),
                QStringLiteral("--entity"), QStringLiteral("AwsUser:bob")});
    const QJsonObject e =
        j.json().object().value(QLatin1String("events")).toArray().at(0).toObject();
    QVERIFY(e.value(QLatin1String("raw")).toString().contains(QLatin1String("DescribeInstances")));
    QVERIFY(e.value(QLatin1String("source")).toObject().value(QLatin1String("line")).toInt() > 0);
    // JSON keeps the user agent exactly; the terminal output never passes the escape through.
    QVERIFY(e.value(QLatin1String("userAgent"))
                .toObject()
                .value(QLatin1String("key"))
                .toString()
                .contains(QChar(0x1b)));
    const CliRun human = runCli({QStringLiteral("events"), m_case});
    QVERIFY(!human.out.contains('\x1b'));
    QVERIFY(human.out.contains("\\x1b[31mred"));
}

void TestCli::timeline()
{
    const CliRun r = runCli({QStringLiteral("timeline"), m_case, QStringLiteral("AwsUser"),
                             QStringLiteral("AIDAALICE0000000001"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject j = r.json().object();
    QCOMPARE(j.value(QLatin1String("bucket")).toString(), QStringLiteral("hour"));
    const QJsonArray buckets = j.value(QLatin1String("buckets")).toArray();
    QCOMPARE(buckets.size(), 2);
    QCOMPARE(buckets.at(1).toObject().value(QLatin1String("start")).toString(),
             QStringLiteral("2026-10-14T12:00:00Z"));
    QCOMPARE(buckets.at(1).toObject().value(QLatin1String("failures")).toInt(), 1);

    const CliRun days = runCli({QStringLiteral("timeline"), m_case, QStringLiteral("AwsUser"),
                                QStringLiteral("alice"), QStringLiteral("--bucket"),
                                QStringLiteral("day"), QStringLiteral("--json")});
    const QJsonArray d = days.json().object().value(QLatin1String("buckets")).toArray();
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.at(0).toObject().value(QLatin1String("events")).toInt(), 3);

    const CliRun human = runCli(
        {QStringLiteral("timeline"), m_case, QStringLiteral("AwsUser"), QStringLiteral("alice")});
    QCOMPARE(human.code, 0);
    QVERIFY(human.out.contains("2026-10-14T11:00:00Z"));
    QVERIFY(human.out.contains("Total 3 calls"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
