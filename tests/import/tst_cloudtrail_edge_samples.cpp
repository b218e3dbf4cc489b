// Golden tests on the CloudTrail samples built to break parsers: the AWS CloudTrail Processing
// Library's test resources, the record examples lifted from the AWS documentation (derived/
// aws-docs-extracted: lookup-events, Insights, Lake results, digests, a control character) and
// the Panther detection test events (derived/panther-tests/cloudtrail.jsonl). Each file is
// imported alone into a new case; the expected numbers were counted with python3.
#include "EventKind.h"
#include "ImportTestSupport.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace sightline;
using namespace sightline::test;

namespace {

qint64 ms(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

constexpr int kImported = static_cast<int>(SourceStatus::Imported);
constexpr int kSkipped = static_cast<int>(SourceStatus::Skipped);
constexpr int kDamaged = static_cast<int>(SourceStatus::Damaged);
constexpr int kApi = static_cast<int>(EventKind::ApiCall);
constexpr int kSignIn = static_cast<int>(EventKind::ConsoleSignIn);
constexpr int kInsight = static_cast<int>(EventKind::Insight);

const QString kLib = QStringLiteral("cloudtrail/aws-cloudtrail-processing-library/");
const QString kDocs = QStringLiteral("derived/aws-docs-extracted/");
const QString kGuide = QStringLiteral("derived/aws-docs-extracted/cloudtrail-user-guide__");

} // namespace

class TestCloudTrailEdgeSamples : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<CaseFile> m_case;
    ImportSummary m_summary;
    int m_caseCounter = 0;

    bool importFresh(const std::vector<std::string> &paths)
    {
        m_case.reset();
        const QString path =
            m_dir.filePath(QStringLiteral("case%1.sightline").arg(++m_caseCounter));
        auto c = CaseFile::openOrCreate(toStd(path));
        if (!c)
            return false;
        m_case.emplace(std::move(*c));
        auto s = runImport(*m_case, paths);
        if (!s)
            return false;
        m_summary = std::move(*s);
        return true;
    }

    // Shared by the data-driven file tests: checks the source row, its errors and events.
    void checkFile(const std::string &path)
    {
        QFETCH(int, status);
        QFETCH(int, records);
        QFETCH(int, newEvents);
        QFETCH(int, errors);
        QFETCH(QString, note);
        QFETCH(int, errorLine);
        QFETCH(QString, errorReason);
        QFETCH(int, kind);
        QVERIFY(importFresh({path}));
        CaseProbe probe(*m_case);
        const auto src = probe.source(path);
        QVERIFY2(src, path.c_str());
        QCOMPARE(src->status, status);
        QCOMPARE(src->format, std::string(status == kSkipped ? "" : "cloudtrail"));
        QCOMPARE(src->records, records);
        QCOMPARE(src->newEvents, newEvents);
        QCOMPARE(src->duplicates, 0);
        QCOMPARE(src->errors, errors);
        if (status == kSkipped)
            QVERIFY2(!src->note.empty(), "a skipped file needs a reason");
        if (!note.isEmpty())
            QVERIFY2(contains(src->note, qPrintable(note)), src->note.c_str());
        const auto errs = probe.errors(src->id);
        QCOMPARE(static_cast<int>(errs.size()), errors);
        if (errorLine) {
            QCOMPARE(errs[0].line, errorLine);
            QVERIFY2(contains(errs[0].reason, qPrintable(errorReason)), errs[0].reason.c_str());
        }
        const auto events = probe.events();
        QCOMPARE(static_cast<int>(events.size()), newEvents);
        for (const EventRow &e : events) {
            QCOMPARE(e.sourceId, src->id);
            if (kind)
                QCOMPARE(e.kind, kind);
        }
        // The summary agrees with what was stored.
        const ImportedFile *r = findResult(m_summary, path);
        QVERIFY(r);
        QCOMPARE(r->status, status);
        QCOMPARE(r->records, records);
        QCOMPARE(r->newEvents, newEvents);
        QCOMPARE(r->errors, errors);
    }

    static void fileColumns()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("newEvents");
        QTest::addColumn<int>("errors");
        QTest::addColumn<QString>("note");        // expected in the source's note
        QTest::addColumn<int>("errorLine");       // of the first error; 0: not checked
        QTest::addColumn<QString>("errorReason"); // expected in the first error's reason
        QTest::addColumn<int>("kind");            // EventKind of every event; 0: not checked
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void processingLibraryFile_data()
    {
        fileColumns();
        const QString none;
        // clang-format off
        QTest::newRow("SQSMessageBody") << QStringLiteral("SQSMessageBody") << kSkipped << 0 << 0 << 0 << QStringLiteral("notification") << 0 << none << 0;
        QTest::newRow("SQSMessageBodyWrongFormat") << QStringLiteral("SQSMessageBodyWrongFormat") << kSkipped << 0 << 0 << 0 << QStringLiteral("notification") << 0 << none << 0;
        QTest::newRow("AllFieldsNull") << QStringLiteral("SerializerAllFieldsNull.json") << kImported << 2 << 1 << 1 << none << 3 << QStringLiteral("no eventTime") << kApi;
        QTest::newRow("TestFile") << QStringLiteral("SerializerTestFile.json") << kImported << 6 << 6 << 0 << none << 0 << none << kApi;
        // Record 1 spells every key wrong (eventTimeWrong ...); record 2 is sound.
        QTest::newRow("BadFieldName") << QStringLiteral("SerializerTestFileBadFieldName.json") << kImported << 2 << 1 << 1 << none << 3 << none << kApi;
        QTest::newRow("Compact") << QStringLiteral("SerializerTestFileCompact.json") << kImported << 6 << 6 << 0 << none << 0 << none << kApi;
        QTest::newRow("Compact.gz") << QStringLiteral("SerializerTestFileCompact.json.gz") << kImported << 6 << 6 << 0 << none << 0 << none << kApi;
        QTest::newRow("Location") << QStringLiteral("SerializerTestFileLocation.json") << kImported << 6 << 6 << 0 << none << 0 << none << kApi;
        QTest::newRow("MissField") << QStringLiteral("SerializerTestFileMissField.json") << kImported << 4 << 3 << 1 << none << 100 << QStringLiteral("ThisIsAWrongEventTime") << kApi;
        QTest::newRow("NewFieldAtRandomPlaces") << QStringLiteral("SerializerTestFileNewFieldAtRandomPlaces.json") << kImported << 2 << 2 << 0 << none << 0 << none << kApi;
        // Record 1 has eventVersion1, eventTime1 ... only; record 2 is sound.
        QTest::newRow("NewFieldName") << QStringLiteral("SerializerTestFileNewFieldName.json") << kImported << 2 << 1 << 1 << none << 3 << none << kApi;
        QTest::newRow("NewFieldsInRoot") << QStringLiteral("SerializerTestFileNewFieldsInRoot.json") << kImported << 2 << 2 << 0 << none << 0 << none << kApi;
        QTest::newRow("NewFieldsInUserIdentity") << QStringLiteral("SerializerTestFileNewFieldsInUserIdentity.json") << kImported << 2 << 2 << 0 << none << 0 << none << kApi;
        QTest::newRow("VariousUserIdentity") << QStringLiteral("SerializerVariousUserIdentityTestFile.json") << kImported << 1 << 1 << 0 << none << 0 << none << kApi;
        // clang-format on
    }

    void processingLibraryFile()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QFETCH(QString, file);
        checkFile(samplePath(kLib + file));
    }

    // The first record's userIdentity object is never closed: the rest of the file reads as
    // one broken record. Reported as damaged, the error names the line the record starts on.
    void processingLibraryInvalidJson()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::string path = samplePath(kLib + "SerializerTestFileBadJsonFormat.json");
        QVERIFY(importFresh({path}));
        CaseProbe probe(*m_case);
        const auto src = probe.source(path);
        QVERIFY(src);
        QCOMPARE(src->status, kDamaged);
        QCOMPARE(src->format, std::string("cloudtrail"));
        QCOMPARE(src->newEvents, 0);
        QVERIFY(!src->note.empty());
        const auto errs = probe.errors(src->id);
        QVERIFY(!errs.empty());
        QCOMPARE(static_cast<int64_t>(errs.size()), src->errors);
        QCOMPARE(errs[0].line, 3);
        QVERIFY2(contains(errs[0].reason, "invalid JSON"), errs[0].reason.c_str());
        QCOMPARE(probe.scalar("SELECT count(*) FROM events"), 0);
    }

    // The .json.gz object holds the same six records as the compact .json: importing both
    // gives six duplicates, not new events.
    void processingLibraryGzipSameEvents()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::string json = samplePath(kLib + "SerializerTestFileCompact.json");
        const std::string gz = samplePath(kLib + "SerializerTestFileCompact.json.gz");
        QVERIFY(importFresh({json}));
        auto second = runImport(*m_case, {gz});
        QVERIFY(second);
        QCOMPARE(second->records, 6);
        QCOMPARE(second->newEvents, 0);
        QCOMPARE(second->duplicates, 6);
        CaseProbe probe(*m_case);
        QCOMPARE(probe.scalar("SELECT count(*) FROM events"), 6);
        const auto src = probe.source(gz);
        QVERIFY(src);
        QCOMPARE(src->duplicates, 6);
        QCOMPARE(src->newEvents, 0);
    }

    void docsFile_data()
    {
        fileColumns();
        const QString none;
        const QString lake = QStringLiteral("Lake");
        // clang-format off
        QTest::newRow("lookup-events") << QStringLiteral("awscli__cloudtrail-lookup-events__block00.json") << kImported << 1 << 1 << 0 << none << 0 << none << kSignIn;
        const char *signIn[] = {"00", "01", "02", "03", "04", "05", "06", "07", "09"};
        for (const char *b : signIn)
            QTest::addRow("sign-in-%s", b) << QStringLiteral("cloudtrail-user-guide__cloudtrail-event-reference-aws-console-sign-in-events__block%1.json").arg(QLatin1String(b)) << kImported << 1 << 1 << 0 << none << 0 << none << kSignIn;
        QTest::newRow("sign-in-08-EnableMFADevice") << QStringLiteral("cloudtrail-user-guide__cloudtrail-event-reference-aws-console-sign-in-events__block08.json") << kImported << 1 << 1 << 0 << none << 0 << none << kApi;
        const char *examples[] = {"02", "03", "04", "05", "06", "08"};
        for (const char *b : examples)
            QTest::addRow("log-file-example-%s", b) << QStringLiteral("cloudtrail-user-guide__cloudtrail-log-file-examples__block%1.json").arg(QLatin1String(b)) << kImported << 1 << 1 << 0 << none << 0 << none << kApi;
        QTest::newRow("log-file-example-09-insights") << QStringLiteral("cloudtrail-user-guide__cloudtrail-log-file-examples__block09.json") << kImported << 2 << 2 << 0 << none << 0 << none << kInsight;
        // A raw newline inside a string (line 19) of the record that starts on line 2.
        QTest::newRow("control-character") << QStringLiteral("cloudtrail-user-guide__cloudtrail-log-file-examples__block07_INVALID_control_char.json") << kImported << 1 << 0 << 1 << none << 2 << QStringLiteral("invalid JSON") << 0;
        QTest::newRow("digest-02") << QStringLiteral("cloudtrail-user-guide__cloudtrail-log-file-validation-digest-file-structure__block02.json") << kSkipped << 0 << 0 << 0 << QStringLiteral("digest") << 0 << none << 0;
        QTest::newRow("digest-03") << QStringLiteral("cloudtrail-user-guide__cloudtrail-log-file-validation-digest-file-structure__block03.json") << kSkipped << 0 << 0 << 0 << QStringLiteral("digest") << 0 << none << 0;
        QTest::newRow("insight-selectors-01") << QStringLiteral("cloudtrail-user-guide__logging-insights-events-with-cloudtrail__block01.json") << kSkipped << 0 << 0 << 0 << QStringLiteral("no events") << 0 << none << 0;
        QTest::newRow("insight-selectors-03") << QStringLiteral("cloudtrail-user-guide__logging-insights-events-with-cloudtrail__block03.json") << kSkipped << 0 << 0 << 0 << QStringLiteral("no events") << 0 << none << 0;
        QTest::newRow("lake-01-principal-and-name") << QStringLiteral("cloudtrail-user-guide__query-lake-examples__block01.json") << kSkipped << 0 << 0 << 0 << lake << 0 << none << 0;
        QTest::newRow("lake-03-full-rows") << QStringLiteral("cloudtrail-user-guide__query-lake-examples__block03.json") << kImported << 2 << 2 << 0 << none << 0 << none << kApi;
        QTest::newRow("lake-05-counts") << QStringLiteral("cloudtrail-user-guide__query-lake-examples__block05.json") << kSkipped << 0 << 0 << 0 << lake << 0 << none << 0;
        QTest::newRow("lake-07-no-name") << QStringLiteral("cloudtrail-user-guide__query-lake-examples__block07.json") << kSkipped << 0 << 0 << 0 << lake << 0 << none << 0;
        QTest::newRow("lake-09-columns") << QStringLiteral("cloudtrail-user-guide__query-lake-examples__block09.json") << kSkipped << 0 << 0 << 0 << lake << 0 << none << 0;
        QTest::newRow("lookup-request-21") << QStringLiteral("cloudtrail-user-guide__view-cloudtrail-events-cli__block21.json") << kSkipped << 0 << 0 << 0 << none << 0 << none << 0;
        QTest::newRow("lookup-request-22") << QStringLiteral("cloudtrail-user-guide__view-cloudtrail-events-cli__block22.json") << kSkipped << 0 << 0 << 0 << none << 0 << none << 0;
        QTest::newRow("insights-lookup") << QStringLiteral("cloudtrail-user-guide__view-insights-events-cli__block02.json") << kImported << 2 << 2 << 0 << none << 0 << none << kInsight;
        QTest::newRow("insights-request-15") << QStringLiteral("cloudtrail-user-guide__view-insights-events-cli__block15.json") << kSkipped << 0 << 0 << 0 << none << 0 << none << 0;
        QTest::newRow("insights-request-16") << QStringLiteral("cloudtrail-user-guide__view-insights-events-cli__block16.json") << kSkipped << 0 << 0 << 0 << none << 0 << none << 0;
        // clang-format on
    }

    void docsFile()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QFETCH(QString, file);
        checkFile(samplePath(kDocs + file));
    }

    // The wrapper's EventTime (2021-11-18T09:41:02-08:00) is when the docs were written; the
    // event's own time is the embedded record's eventTime.
    void docsLookupEventsTime()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(
            importFresh({samplePath(kDocs + "awscli__cloudtrail-lookup-events__block00.json")}));
        CaseProbe probe(*m_case);
        const auto events = probe.events();
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events[0].time, ms("2016-01-26T21:42:12Z"));
        QCOMPARE(events[0].name, std::string("ConsoleLogin"));
        const auto session =
            probe.entity(EntityType::AwsRoleSession, "AROAJIKPFTA72SWU4L7T4:my-session-name");
        QVERIFY(session);
        QCOMPARE(events[0].principal, session->id);
    }

    // Insights events take the insight's API as their name, and its state tells Start/End.
    void docsInsightEvents_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("service");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::newRow("view-insights-events-cli")
            << QStringLiteral("view-insights-events-cli__block02.json")
            << QStringLiteral("CompleteLifecycleAction")
            << QStringLiteral("autoscaling.amazonaws.com") << ms("2019-10-15T21:13:00Z")
            << ms("2019-10-15T21:14:00Z");
        QTest::newRow("log-file-examples")
            << QStringLiteral("cloudtrail-log-file-examples__block09.json")
            << QStringLiteral("UpdateInstanceInformation") << QStringLiteral("ssm.amazonaws.com")
            << ms("2019-11-14T00:51:00Z") << ms("2019-11-14T00:52:00Z");
    }

    void docsInsightEvents()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QFETCH(QString, file);
        QFETCH(QString, name);
        QFETCH(QString, service);
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QVERIFY(importFresh({samplePath(kGuide + file)}));
        CaseProbe probe(*m_case);
        const auto events = probe.events();
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(events[0].time, start);
        QCOMPARE(events[1].time, end);
        for (const EventRow &e : events) {
            QCOMPARE(e.kind, kInsight);
            QCOMPARE(QString::fromStdString(e.name), name);
            QCOMPARE(QString::fromStdString(e.service), service);
        }
    }

    // Lake rows holding eventID, eventName, eventSource and eventTime ("2023-01-22
    // 16:53:53.000", UTC) are events.
    void docsLakeRows()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(importFresh({samplePath(kGuide + "query-lake-examples__block03.json")}));
        CaseProbe probe(*m_case);
        const auto events = probe.events();
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(events[0].time, ms("2023-01-22T16:53:53Z"));
        QCOMPARE(events[0].name, std::string("DescribeQuery"));
        QCOMPARE(events[0].service, std::string("cloudtrail.amazonaws.com"));
        QCOMPARE(events[0].line, 9);
        QCOMPARE(events[1].time, ms("2023-01-22T20:25:01Z"));
        QCOMPARE(events[1].name, std::string("ListBuckets"));
        QCOMPARE(events[1].service, std::string("s3.amazonaws.com"));
    }

    // The eleven sign-in examples reuse two eventIDs (blocks 03/04 and 05/06, same time and
    // name): imported together, 9 events and 2 duplicates.
    void docsSignInExamplesTogether()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        std::vector<std::string> paths;
        for (int b = 0; b <= 9; ++b)
            paths.push_back(samplePath(
                kGuide + QStringLiteral("cloudtrail-event-reference-aws-console-sign-in-events__"
                                        "block%1.json")
                             .arg(b, 2, 10, QLatin1Char('0'))));
        paths.push_back(samplePath(kDocs + "awscli__cloudtrail-lookup-events__block00.json"));
        QVERIFY(importFresh(paths));
        QCOMPARE(m_summary.files, 11);
        QCOMPARE(m_summary.records, 11);
        QCOMPARE(m_summary.newEvents, 9);
        QCOMPARE(m_summary.duplicates, 2);
        CaseProbe probe(*m_case);
        QCOMPARE(probe.scalar("SELECT count(*) FROM events"), 9);
    }

    // Panther's test events: JSON lines, some with Athena-style lower-case keys, many reusing
    // eventIDs, 17 without a usable eventTime.
    void pantherTests()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::string path =
            samplePath(QStringLiteral("derived/panther-tests/cloudtrail.jsonl"));
        QVERIFY(importFresh({path}));
        CaseProbe probe(*m_case);
        const auto src = probe.source(path);
        QVERIFY(src);
        QCOMPARE(src->status, kImported);
        QCOMPARE(src->records, 461);
        // Duplicates: the same eventID, time, name and caller (principalId, arn), or, without a
        // usable eventID, the same bytes.
        QCOMPARE(src->newEvents, 391);
        QCOMPARE(src->duplicates, 53);
        QCOMPARE(src->errors, 17);
        const auto errs = probe.errors(src->id);
        const std::vector<int64_t> lines = {35,  36,  37,  38,  78,  95,  328, 334, 335,
                                            395, 396, 397, 398, 399, 452, 458, 461};
        QCOMPARE(errs.size(), lines.size());
        for (size_t i = 0; i < lines.size(); ++i) {
            QCOMPARE(errs[i].line, lines[i]);
            const char *expected =
                lines[i] == 328 || lines[i] == 461 ? "not a valid time" : "no eventTime";
            QVERIFY2(contains(errs[i].reason, expected), errs[i].reason.c_str());
        }
        QCOMPARE(probe.scalar("SELECT count(*) FROM events"), 391);
    }

    void pantherLowerCaseKeys()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(
            importFresh({samplePath(QStringLiteral("derived/panther-tests/cloudtrail.jsonl"))}));
        CaseProbe probe(*m_case);
        // Line 32: "eventname", "eventsource", "eventtime": "2023-01-10 21:04:02", "awsregion".
        const auto rows = probe.events("n.s = 'GetRecords' AND rg.s = 'eu-west-1'");
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].time, ms("2023-01-10T21:04:02Z"));
        QCOMPARE(rows[0].service, std::string("dynamodb.amazonaws.com"));
        QCOMPARE(rows[0].line, 32);
        // Lines 103 and 107: userIdentity with "principalid", "accesskeyid", "sessionissuer".
        const auto session = probe.entity(EntityType::AwsRoleSession, "ARORJ4ULULLE0EEJAAKDO:alan");
        QVERIFY(session);
        const auto role = probe.entity(EntityType::AwsRole, "ARORJ4ULULLE0EEJAAKDO");
        QVERIFY(role);
        QCOMPARE(role->label, std::string("TestAdmin"));
        const auto key = probe.entity(EntityType::AccessKey, "ASIASWJRT64Z7ZLFLJNI");
        QVERIFY(key);
        const auto uses = probe.edge(session->id, Relation::UsesKey, key->id);
        QVERIFY(uses);
        QCOMPARE(uses->count, 1); // line 107 repeats line 103's eventID, time and name
        QCOMPARE(uses->firstSeen, ms("2021-01-24T04:55:45Z"));
        const auto ip = probe.entity(EntityType::IpAddress, "136.25.37.134");
        QVERIFY(ip);
        QVERIFY(probe.edge(session->id, Relation::CalledFrom, ip->id));
    }
};

QTEST_GUILESS_MAIN(TestCloudTrailEdgeSamples)
#include "tst_cloudtrail_edge_samples.moc"
