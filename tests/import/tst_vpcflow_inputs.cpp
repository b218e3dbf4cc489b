// VPC flow log inputs the samples in ../shared/data lack, written by the tests: .gz in the
// S3 layout, CloudWatch Logs exports, broken records, the direction rules, custom field
// orders and CSV, re-import, and text that is not a flow log.
#include "VpcFlowTestCase.h"
#include "queries/FlowQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace sightline;
using namespace sightline::test;

class TestVpcFlowInputs : public VpcFlowTestCase
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void gzipInS3Layout();
    void cloudWatchExports();
    void brokenRecordsAreCountedWithTheirLines();
    void directionRules();
    void customFieldOrderAndCsv();
    void reimport();
    void interruptedImportIsNotCountedTwice();
    void notDetectedAsFlowLogs();
};

void TestVpcFlowInputs::gzipInS3Layout()
{
    SIGHTLINE_REQUIRE_SHARED_DATA();
    const QString plain = QString::fromStdString(samplePath(kDocs + "v2_default_examples.log"));
    const QString gz =
        writeTemp(QStringLiteral("s3/AWSLogs/123456789010/vpcflowlogs/us-east-1/2014/12/14/"
                                 "123456789010_vpcflowlogs_us-east-1_fl-1234abcd_"
                                 "20141214T0405Z_1a2b3c4d.log.gz"),
                  gzip(readFile(plain)));
    QVERIFY(!gz.isEmpty());
    QVERIFY(importFresh({toStd(plain)}));
    const QStringList expected = flowRows(*m_case);
    QVERIFY(importFresh({toStd(m_dir.filePath(QStringLiteral("s3")))}));
    QCOMPARE(flowRows(*m_case), expected);
    CaseProbe probe(*m_case);
    const auto src = probe.source(toStd(gz));
    QVERIFY(src);
    QCOMPARE(src->format, std::string("vpcflow"));
    QCOMPARE(src->newEvents, int64_t(5));
}

void TestVpcFlowInputs::cloudWatchExports()
{
    // filter-log-events output and a subscription payload (as Firehose writes it, gzipped),
    // both holding the default-format records of the AWS documentation without a header.
    const char *records[] = {
        "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 "
        "1418530010 1418530070 ACCEPT OK",
        "2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 "
        "1432917142 ACCEPT OK",
        "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA",
    };
    QJsonArray events;
    for (const char *r : records)
        events.append(QJsonObject{
            {QStringLiteral("logStreamName"), QStringLiteral("eni-1235b8ca123456789-all")},
            {QStringLiteral("timestamp"), 1418530010000.0},
            {QStringLiteral("message"), QString::fromLatin1(r)},
            {QStringLiteral("eventId"), QStringLiteral("3594")}});
    const QString filter =
        writeTemp(QStringLiteral("cwl/filter-log-events.json"),
                  QJsonDocument(QJsonObject{{QStringLiteral("events"), events},
                                            {QStringLiteral("searchedLogStreams"), QJsonArray()}})
                      .toJson());
    const QString subscription = writeTemp(
        QStringLiteral("cwl/firehose-delivery.gz"),
        gzip(QJsonDocument(
                 QJsonObject{
                     {QStringLiteral("messageType"), QStringLiteral("DATA_MESSAGE")},
                     {QStringLiteral("owner"), QStringLiteral("123456789010")},
                     {QStringLiteral("logGroup"), QStringLiteral("vpc-flows")},
                     {QStringLiteral("logStream"), QStringLiteral("eni-1235b8ca123456789-all")},
                     {QStringLiteral("logEvents"), events}})
                 .toJson(QJsonDocument::Compact)));
    for (const QString &file : {filter, subscription}) {
        QVERIFY(importFresh({toStd(file)}));
        CaseProbe probe(*m_case);
        const auto src = probe.source(toStd(file));
        QVERIFY(src);
        QCOMPARE(src->format, std::string("vpcflow"));
        QCOMPARE(src->records, int64_t(3));
        QCOMPARE(src->newEvents, int64_t(2));
        QCOMPARE(src->errors, int64_t(0));
        QVERIFY2(contains(src->note, "NODATA 1"), src->note.c_str());
        QCOMPARE(flowRows(*m_case),
                 (QStringList{"172.31.16.139|172.31.16.21|394036|0|22|6|0|4249|20|1|0|"
                              "1418530010|1418530070",
                              "172.31.16.139|203.0.113.12|398032|0|0|1|1|336|4|1|0|1432917027|"
                              "1432917142"}));
    }
}

void TestVpcFlowInputs::brokenRecordsAreCountedWithTheirLines()
{
    const QString file = writeTemp(
        QStringLiteral("broken.log"),
        lines({
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets "
            "bytes start end action log-status",
            "2 123456789010 eni-1 10.0.0.5 198.51.100.7 443 51000 6 10 1000 1600000000 1600000060 "
            "ACCEPT OK",
            "2 123456789010 eni-1 10.0.0.5 198.51.100.7 443 6 10 1000 1600000000 1600000060 "
            "ACCEPT OK",
            "2 123456789010 eni-1 10.0.0.5 999.1.1.1 443 51000 6 10 1000 1600000000 1600000060 "
            "ACCEPT OK",
            "2 123456789010 eni-1 10.0.0.5 198.51.100.7 443 51000 6 10 lots 1600000000 1600000060 "
            "ACCEPT OK",
            "2 123456789010 eni-1 10.0.0.5 198.51.100.7 443 51000 6 10 1000 1600000000 1600000060 "
            "MAYBE OK",
            "",
            "2 123456789010 eni-1 10.0.0.5 198.51.100.7 443 51000 6 10 1000 1600000000 1600000060 "
            "ACCEPT BROKEN",
            "2 123456789010 eni-1 10.0.0.5 198.51.100.7 443 70000 6 10 1000 1600000000 1600000060 "
            "ACCEPT OK",
            "...",
            "2 123456789010 eni-1 198.51.100.7 10.0.0.5 51000 443 6 5 500 1600000000 1600000060 "
            "REJECT OK",
        }));
    QVERIFY(importFresh({toStd(file)}));
    CaseProbe probe(*m_case);
    const auto src = probe.source(toStd(file));
    QVERIFY(src);
    QCOMPARE(src->status, kImported);
    QCOMPARE(src->newEvents, int64_t(2));
    const auto errs = probe.errors(src->id);
    const std::vector<std::pair<int64_t, const char *>> expected = {
        {3, "13 values where the header line names 14 fields"},
        {4, "dstaddr is not an IP address: \"999.1.1.1\""},
        {5, "bytes is not a number: \"lots\""},
        {6, "action is not ACCEPT or REJECT: \"MAYBE\""},
        {8, "log-status is not OK, NODATA or SKIPDATA: \"BROKEN\""},
        {9, "dstport is out of range: \"70000\""},
        {10, "an elision line"},
    };
    QCOMPARE(errs.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(errs[i].line, expected[i].first);
        QVERIFY2(contains(errs[i].reason, expected[i].second), errs[i].reason.c_str());
    }
    QCOMPARE(src->errors, int64_t(expected.size()));
    // The server port stays, the client port folds to 0; the REJECT inbound is its own row.
    QCOMPARE(flowRows(*m_case),
             (QStringList{"10.0.0.5|198.51.100.7|444444|443|0|6|1|500|5|0|1|1600000000|1600000060",
                          "10.0.0.5|198.51.100.7|444444|443|0|6|2|1000|10|1|0|1600000000|"
                          "1600000060"}));
}

void TestVpcFlowInputs::directionRules()
{
    const QString file = writeTemp(
        QStringLiteral("direction.log"),
        lines({
            // private -> private, nothing known of eni-a yet: undirected, source first
            "2 111122223333 eni-a 10.0.0.5 10.0.0.9 40000 5432 6 3 300 1600000000 1600000010 "
            "ACCEPT OK",
            // private -> public: eni-a's address is 10.0.0.9 (learnt)
            "2 111122223333 eni-a 10.0.0.9 203.0.113.1 40001 443 6 4 400 1600000000 1600000010 "
            "ACCEPT OK",
            // private -> private again: now the destination is eni-a's own address (inbound)
            "2 111122223333 eni-a 10.0.0.5 10.0.0.9 40000 5432 6 3 300 1600000020 1600000030 "
            "ACCEPT OK",
            // public -> public (as in generated samples): undirected
            "2 111122223333 eni-b 198.51.100.1 203.0.113.9 50000 53 17 1 60 1600000000 1600000010 "
            "ACCEPT OK",
            // IPv6 ULA (private) <- global: inbound to the ULA address
            "2 111122223333 eni-c 2001:db8::1 fd00::5 60000 22 6 2 120 1600000000 1600000010 "
            "REJECT OK",
        }));
    QVERIFY(importFresh({toStd(file)}));
    QCOMPARE(flowRows(*m_case),
             (QStringList{"10.0.0.5|10.0.0.9|444444|0|5432|6|0|300|3|1|0|1600000000|1600000010",
                          "10.0.0.9|10.0.0.5|444444|5432|0|6|1|300|3|1|0|1600000020|1600000030",
                          "10.0.0.9|203.0.113.1|444444|0|443|6|2|400|4|1|0|1600000000|1600000010",
                          "198.51.100.1|203.0.113.9|444444|0|53|17|0|60|1|1|0|1600000000|"
                          "1600000010",
                          "fd00::5|2001:db8::1|444444|22|0|6|1|120|2|0|1|1600000000|1600000010"}));
    CaseProbe probe(*m_case);
    const auto src = probe.source(toStd(file));
    QVERIFY(src);
    QVERIFY2(contains(src->note, "2 records whose local side could not be told"),
             src->note.c_str());
}

void TestVpcFlowInputs::customFieldOrderAndCsv()
{
    // A custom format in an unusual order, with a field this importer does not know (kept
    // aside) and a comment line; then the same record as CSV with quoted values.
    const QString custom = writeTemp(
        QStringLiteral("custom.log"),
        lines({"# exported by a script",
               "log-status action end start bytes packets protocol dstport srcport dstaddr "
               "srcaddr flow-direction instance-id future-field",
               "OK ACCEPT 1600000060 1600000000 777 7 6 22 50123 10.1.2.3 203.0.113.50 ingress "
               "i-0abc123 something"}));
    QVERIFY(importFresh({toStd(custom)}));
    QCOMPARE(flowRows(*m_case),
             (QStringList{"i-0abc123|203.0.113.50|444444|22|0|6|1|777|7|1|0|1600000000|"
                          "1600000060"}));
    const QString csv =
        writeTemp(QStringLiteral("athena.csv"),
                  lines({"\"srcaddr\",\"dstaddr\",\"srcport\",\"dstport\",\"protocol\",\"packets\","
                         "\"bytes\",\"start\",\"end\",\"action\",\"log_status\",\"instance_id\"",
                         "\"203.0.113.50\",\"10.1.2.3\",\"50123\",\"22\",\"6\",\"7\",\"777\","
                         "\"1600000000\",\"1600000060\",\"ACCEPT\",\"OK\",\"i-0abc123\""}));
    QVERIFY(importFresh({toStd(csv)}));
    QCOMPARE(flowRows(*m_case),
             (QStringList{"i-0abc123|203.0.113.50|444444|22|0|6|1|777|7|1|0|1600000000|"
                          "1600000060"}));
}

void TestVpcFlowInputs::reimport()
{
    SIGHTLINE_REQUIRE_SHARED_DATA();
    const std::string path = samplePath(kDocs + "v3_tcpflags_examples.log");
    QVERIFY(importFresh({path}));
    const CaseSnapshot before = snapshot(*m_case);
    // The same file again: skipped by its SHA-256, the case does not change.
    QVERIFY(importMore({path}));
    QCOMPARE(m_summary.flowRecords, int64_t(0));
    QCOMPARE(m_summary.skipped, int64_t(1));
    QVERIFY2(before == snapshot(*m_case),
             qPrintable(describeDifference(before, snapshot(*m_case))));
    // A different file that overlaps (a copy with one more line): flow records have no keys
    // of their own, so the overlapping records are counted again. Documented behaviour.
    QByteArray more = readFile(QString::fromStdString(path));
    more += "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 "
            "eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43700 5001 "
            "52.213.180.42 10.0.0.62 6 100 1 1566933133 1566933193 ACCEPT 2 OK\n";
    const QString overlap = writeTemp(QStringLiteral("overlap.log"), more);
    QVERIFY(importMore({toStd(overlap)}));
    QCOMPARE(m_summary.flowRecords, int64_t(9));
    FlowQuery q(m_case->db());
    auto s = q.load(entityId(EntityType::IpAddress, "52.213.180.42"));
    QVERIFY(s);
    QCOMPARE(s->accepted, int64_t(17));
}

namespace {

// Says "cancel" from its calls-th question on (the importer asks before each message).
class CancelAtMessage final : public ImportSink
{
public:
    explicit CancelAtMessage(int calls) : m_calls(calls) {}
    void progress(const ImportProgress &) override {}
    bool cancelled() override { return --m_calls <= 0; }

private:
    int m_calls;
};

// What the flow records of a case add up to: the flow rows, and the totals and edges
// they contributed.
QStringList flowFacts(CaseFile &c)
{
    QStringList facts = flowRows(c);
    Statement totals(c.db(), "SELECT metric, sum(a), sum(b) FROM agg_total GROUP BY metric");
    while (totals.ok() && totals.step())
        facts << QStringLiteral("total %1: %2 %3")
                     .arg(totals.int64(0))
                     .arg(totals.int64(1))
                     .arg(totals.int64(2));
    Statement edges(c.db(), "SELECT relation, sum(count) FROM edges GROUP BY relation");
    while (edges.ok() && edges.step())
        facts << QStringLiteral("edges %1: %2").arg(edges.int64(0)).arg(edges.int64(1));
    return facts;
}

} // namespace

void TestVpcFlowInputs::interruptedImportIsNotCountedTwice()
{
    // 70,000 records (7.6 MB: two batches) from one interface to 700 addresses over 3 hours.
    QByteArray log;
    for (int i = 0; i < 70000; ++i) {
        const int start = 1700000000 + i / 7;
        log += "2 123456789010 eni-0a1b2c3d4e5f60718 10.0.0.5 198.51.";
        log += QByteArray::number(100 + i % 7) + '.' + QByteArray::number(i % 100) + " ";
        log += QByteArray::number(40000 + i % 20000) + (i % 3 ? " 443 6 " : " 22 6 ");
        log += QByteArray::number(1 + i % 9) + ' ' + QByteArray::number(60 + i % 1500) + ' ';
        log += QByteArray::number(start) + ' ' + QByteArray::number(start + 45);
        log += i % 11 ? " ACCEPT OK\n" : " REJECT OK\n";
    }
    const QString path = writeTemp(QStringLiteral("interrupted.log"), log);
    QVERIFY(!path.isEmpty());
    ImportOptions options;
    options.threads = 1;
    options.commitEveryEvents = 1; // commit after every batch

    QVERIFY(importFresh({toStd(path)}));
    QCOMPARE(m_summary.flowRecords, int64_t(70000));
    const QStringList expected = flowFacts(*m_case);

    // Cancelled at the second batch, after the first one was committed: the case keeps the
    // first batch, and its source (left Importing) says how many records that was.
    QVERIFY(newCase());
    CancelAtMessage cancel(3); // Begin, the first batch, then cancel
    const auto partial = runImport(*m_case, {toStd(path)}, &cancel, options);
    QVERIFY(partial);
    QVERIFY(partial->cancelled);
    Statement src(m_case->db(), "SELECT status, new_events FROM sources");
    QVERIFY(src.step());
    QCOMPARE(src.int64(0), int64_t(SourceStatus::Importing));
    const int64_t committed = src.int64(1);
    QVERIFY2(committed > 0 && committed < 70000, qPrintable(QString::number(committed)));
    src.reset();
    QVERIFY(flowFacts(*m_case) != expected);
    Statement sum(m_case->db(), "SELECT sum(accepted + rejected) FROM flows");
    QVERIFY(sum.step());
    QCOMPARE(sum.int64(0), committed);
    sum.reset();

    // Importing the file again adds the rest only: the case is the one a whole import makes.
    const auto rest = runImport(*m_case, {toStd(path)}, nullptr, options);
    QVERIFY(rest);
    QCOMPARE(rest->flowRecords, 70000 - committed);
    QCOMPARE(flowFacts(*m_case), expected);
    const ImportedFile *file = findResult(*rest, toStd(path));
    QVERIFY(file);
    QVERIFY2(contains(file->note, (std::to_string(committed) + " flow records already in the "
                                                               "case from an interrupted import")
                                      .c_str()),
             file->note.c_str());
    // Once complete, the file is in the case: a third import skips it.
    const auto third = runImport(*m_case, {toStd(path)}, nullptr, options);
    QVERIFY(third);
    QCOMPARE(third->skipped, int64_t(1));
    QCOMPARE(flowFacts(*m_case), expected);
}

void TestVpcFlowInputs::notDetectedAsFlowLogs()
{
    SIGHTLINE_REQUIRE_SHARED_DATA();
    // CloudTrail stays CloudTrail; plain text and other space-separated logs are not flows.
    const QString junk = writeTemp(QStringLiteral("notes.txt"),
                                   lines({"2 apples and 3 pears", "version 2 of the notes"}));
    const QString s3access = writeTemp(
        QStringLiteral("s3access.log"),
        lines({"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be awsexamplebucket1 "
               "[06/Feb/2019:00:00:38 +0000] 192.0.2.3 "
               "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be 3E57427F3EXAMPLE "
               "REST.GET.VERSIONING - \"GET /awsexamplebucket1?versioning HTTP/1.1\" 200 - 113 - "
               "7 - \"-\" \"S3Console/0.4\" -"}));
    QVERIFY(importFresh({toStd(junk), toStd(s3access)}));
    for (const QString &f : {junk, s3access}) {
        const ImportedFile *r = findResult(m_summary, toStd(f));
        QVERIFY(r);
        QVERIFY2(r->format != "vpcflow", r->path.c_str());
    }
    const std::string ct =
        samplePath(QStringLiteral("cloudtrail/stratus-red-team/"
                                  "aws.defense-evasion.vpc-remove-flow-logs.json"));
    QVERIFY(importFresh({ct}));
    const ImportedFile *r = findResult(m_summary, ct);
    QVERIFY(r);
    QCOMPARE(r->format, std::string("cloudtrail"));
}

QTEST_GUILESS_MAIN(TestVpcFlowInputs)
#include "tst_vpcflow_inputs.moc"
