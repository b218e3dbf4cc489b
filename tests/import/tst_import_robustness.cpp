// Hostile and unusable input made in the test: never a crash or a hang; unusable files are
// listed as skipped with a reason, unusable records as errors with their file and line.
#include "EventKind.h"
#include "ImportTestSupport.h"
#include "queries/RawRecordReader.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace sightline;
using namespace sightline::test;

namespace {

constexpr int kImported = static_cast<int>(SourceStatus::Imported);
constexpr int kSkipped = static_cast<int>(SourceStatus::Skipped);
constexpr int kDamaged = static_cast<int>(SourceStatus::Damaged);

// Each import here takes well under a second (a few under AddressSanitizer); one that has not
// finished after 15 s hangs.
constexpr int kDeadline = 15;
const char *const kHung = "the import did not finish within 15 s: it hangs";

// A sound CloudTrail record on one line; n makes its eventID unique.
QByteArray record(int n, const QByteArray &userAgent = "aws-cli/2.15.0")
{
    return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":"
           "\"AIDAROBUSTNESS\",\"arn\":\"arn:aws:iam::111122223333:user/robust\",\"accountId\":"
           "\"111122223333\",\"userName\":\"robust\"},\"eventTime\":\"2024-05-01T10:00:0" +
           QByteArray::number(n % 10) +
           "Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"ListBuckets\","
           "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.7\",\"userAgent\":\"" +
           userAgent + "\",\"eventID\":\"0000-robust-" + QByteArray::number(n) +
           "\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}";
}

QByteArray lines(std::initializer_list<QByteArray> l)
{
    QByteArray out;
    for (const QByteArray &b : l)
        out += b + '\n';
    return out;
}

QByteArray randomHex(qsizetype size)
{
    QByteArray b(size, '0');
    QRandomGenerator rng(1);
    for (qsizetype i = 0; i < size; ++i)
        b[i] = "0123456789abcdef"[rng.bounded(16)];
    return b;
}

QByteArray randomBinary(qsizetype size)
{
    QByteArray b(size, '\0');
    QRandomGenerator rng(42);
    for (qsizetype i = 0; i < size; ++i)
        b[i] = static_cast<char>(rng.bounded(256));
    b[0] = '\x7f'; // not gzip, zip or tar magic
    b[10] = '\0';
    return b;
}

} // namespace

class TestImportRobustness : public QObject
{
    Q_OBJECT

private:
    std::optional<QTemporaryDir> m_dir;
    std::shared_ptr<CaseFile> m_case;

    bool newCase()
    {
        auto c = CaseFile::openOrCreate(toStd(m_dir->filePath(QStringLiteral("case.sightline"))));
        if (!c)
            return false;
        m_case = std::make_shared<CaseFile>(std::move(*c));
        return true;
    }

private slots:
    void init()
    {
        m_case.reset();
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }

    void cleanup()
    {
        m_case.reset();
        m_dir.reset();
    }

    void hostileFile_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<qint64>("maxDecodedBytes"); // 0: the default
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("newEvents");
        QTest::addColumn<int>("errors");     // -1: not checked
        QTest::addColumn<QString>("note");   // expected in the source's note
        QTest::addColumn<int>("errorLine");  // of the first error; 0: no error expected
        QTest::addColumn<QString>("reason"); // expected in the first error's reason

        const QString none;
        QTest::newRow("text") << QStringLiteral("notes.json")
                              << QByteArray("hello world\nthis is not JSON\n") << Q_INT64_C(0)
                              << kSkipped << 0 << 0 << 0 << QStringLiteral("text") << 0 << none;
        QTest::newRow("empty") << QStringLiteral("empty.json") << QByteArray() << Q_INT64_C(0)
                               << kSkipped << 0 << 0 << 0 << QStringLiteral("empty") << 0 << none;
        QTest::newRow("binary") << QStringLiteral("blob.json") << randomBinary(8192) << Q_INT64_C(0)
                                << kSkipped << 0 << 0 << 0 << QStringLiteral("binary") << 0 << none;
        QTest::newRow("zero-byte-gz")
            << QStringLiteral("nothing.json.gz") << QByteArray() << Q_INT64_C(0) << kSkipped << 0
            << 0 << 0 << QStringLiteral("empty") << 0 << none;
        // 100,000 '[' and nothing else: JSON that never completes a record is damaged.
        QTest::newRow("deep-unclosed-array")
            << QStringLiteral("deep.json") << QByteArray(100000, '[') << Q_INT64_C(0) << kDamaged
            << 0 << 0 << 0 << QStringLiteral("JSON") << 0 << none;
        // A text line between records.
        QTest::newRow("garbage-line")
            << QStringLiteral("garbage.jsonl")
            << lines({record(1), "this line is not JSON", record(2)}) << Q_INT64_C(0) << kImported
            << 2 << 2 << 1 << none << 2 << QStringLiteral("not JSON");
        // Raw control characters (NUL, SOH) inside a string are not JSON; escaped ones are.
        QTest::newRow("control-characters")
            << QStringLiteral("control.jsonl")
            << lines({record(1, "agent\\u0000with\\u0001escapes\\u001f"),
                      record(2, QByteArray("raw\x01"
                                           "control\0char",
                                           16)),
                      record(3)})
            << Q_INT64_C(0) << kImported << 3 << 2 << 1 << none << 2
            << QStringLiteral("invalid JSON");
        QTest::newRow("invalid-utf8")
            << QStringLiteral("utf8.jsonl")
            << lines({record(1), record(2, "bad \xff\xfe\xc3\x28 bytes"), record(3)})
            << Q_INT64_C(0) << kImported << 3 << 2 << 1 << none << 2 << QStringLiteral("UTF-8");
        // Nulls everywhere: no time; a time but no name; nulls in every other field.
        const QByteArray allNull =
            "{\"eventVersion\":null,\"userIdentity\":null,\"eventTime\":null,"
            "\"eventSource\":null,\"eventName\":null,\"awsRegion\":null,"
            "\"sourceIPAddress\":null,\"userAgent\":null,\"eventID\":null,"
            "\"requestParameters\":null,\"responseElements\":null,\"resources\":null}";
        const QByteArray noName = "{\"eventTime\":\"2024-05-01T10:00:00Z\",\"eventSource\":null,"
                                  "\"eventName\":null,\"userIdentity\":{\"type\":null}}";
        const QByteArray nullFields =
            "{\"eventTime\":\"2024-05-01T10:00:00Z\",\"eventSource\":\"s3.amazonaws.com\","
            "\"eventName\":\"GetObject\",\"userIdentity\":{\"type\":\"IAMUser\","
            "\"principalId\":null,\"arn\":null,\"accountId\":null,\"accessKeyId\":null,"
            "\"sessionContext\":null},\"sourceIPAddress\":null,\"userAgent\":null,"
            "\"eventID\":null,\"errorCode\":null,\"requestParameters\":{\"bucketName\":"
            "null,\"instanceId\":null},\"responseElements\":{\"credentials\":null},"
            "\"resources\":[null,{\"ARN\":null,\"type\":null}],\"recipientAccountId\":null}";
        QTest::newRow("nulls") << QStringLiteral("nulls.jsonl")
                               << lines({record(1), allNull, noName, nullFields}) << Q_INT64_C(0)
                               << kImported << 4 << 2 << 2 << none << 2
                               << QStringLiteral("no eventTime");
        // The same records with the unusable one first: the file is still CloudTrail, and
        // its sound records are still imported.
        QTest::newRow("unusable-first-record")
            << QStringLiteral("first.jsonl") << lines({allNull, noName, nullFields, record(1)})
            << Q_INT64_C(0) << kImported << 4 << 2 << 2 << none << 1
            << QStringLiteral("no eventTime");
        // After a container's records, its other members (a lookup's "NextToken", paging
        // tokens) are walked, not imported. A stray byte where a member's name should start
        // is an error on its line; a file that ends inside a member, or inside its value, is
        // damaged after the records before it. (Each of these used to hang the import.)
        const QByteArray container = "{\"Records\":[\n" + record(1) + ",\n" + record(2) + "\n],";
        QTest::newRow("garbage-after-records")
            << QStringLiteral("tail-garbage.json") << container + "\xA2  \"NextToken\": \"x\"\n}\n"
            << Q_INT64_C(0) << kImported << 2 << 2 << 1 << none << 4 << QStringLiteral("not JSON");
        QTest::newRow("cut-in-member-name-after-records")
            << QStringLiteral("tail-name.json") << container + "\"NextTok" << Q_INT64_C(0)
            << kDamaged << 2 << 2 << 1 << none << 4 << QStringLiteral("truncated");
        QTest::newRow("cut-in-member-value-after-records")
            << QStringLiteral("tail-value.json") << container + "\"Paging\": {\"token\": [1, 2"
            << Q_INT64_C(0) << kDamaged << 2 << 2 << 1 << none << 4 << QStringLiteral("truncated");
        QTest::newRow("stray-bracket-after-records")
            << QStringLiteral("tail-bracket.json") << container + "\"NextToken\": ]\n}\n"
            << Q_INT64_C(0) << kImported << 2 << 2 << 1 << none << 4 << QStringLiteral("not JSON");
        // A .gz cut inside its first record: damaged, not "not evidence".
        // (A random user agent keeps the record from compressing much: half the gzip is half
        // the record.)
        const QByteArray one = gzip(lines({record(1, randomHex(8000)), record(2)}));
        QTest::newRow("gzip-cut-in-first-record")
            << QStringLiteral("cut.json.gz") << one.left(one.size() / 2) << Q_INT64_C(0) << kDamaged
            << 0 << 0 << -1 << QStringLiteral("truncated") << 0 << none;
        // A decompression bomb: 8 MB of spaces before the first record, read with a 1 MB cap.
        const QByteArray early = "{\"Records\":[" + QByteArray(8 << 20, ' ') + record(1) + "]}";
        QTest::newRow("gzip-bomb-before-first-record")
            << QStringLiteral("early.json.gz") << gzip(early) << Q_INT64_C(1 << 20) << kDamaged << 0
            << 0 << -1 << QStringLiteral("limit") << 0 << none;
        // A gzip whose first record is followed by 8 MB of spaces, read with a 1 MB cap.
        QByteArray bomb = "{\"Records\":[" + record(1) + ',';
        bomb += QByteArray(8 << 20, ' ');
        bomb += record(2) + "]}";
        QTest::newRow("gzip-bomb")
            << QStringLiteral("bomb.json.gz") << gzip(bomb) << Q_INT64_C(1 << 20) << kDamaged << 1
            << 1 << 1 << QStringLiteral("limit") << 1 << QStringLiteral("limit");
    }

    void hostileFile()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(qint64, maxDecodedBytes);
        QFETCH(int, status);
        QFETCH(int, records);
        QFETCH(int, newEvents);
        QFETCH(int, errors);
        QFETCH(QString, note);
        QFETCH(int, errorLine);
        QFETCH(QString, reason);
        const QString path = m_dir->filePath(name);
        QVERIFY(writeFile(path, content));
        QVERIFY(newCase());
        ImportOptions options;
        if (maxDecodedBytes)
            options.maxDecodedBytes = maxDecodedBytes;
        bool hung = false;
        const auto s = runImportWithin(m_case, {toStd(path)}, options, kDeadline, hung);
        QVERIFY2(!hung, kHung);
        QVERIFY(s);
        CaseProbe probe(*m_case);
        const auto src = probe.source(toStd(path));
        QVERIFY(src);
        QCOMPARE(src->status, status);
        QCOMPARE(src->records, records);
        QCOMPARE(src->newEvents, newEvents);
        if (errors >= 0)
            QCOMPARE(src->errors, errors);
        if (status == kSkipped)
            QVERIFY2(!src->note.empty(), "a skipped file needs a reason");
        if (!note.isEmpty())
            QVERIFY2(contains(src->note, qPrintable(note)), src->note.c_str());
        QCOMPARE(probe.scalar("SELECT count(*) FROM events"), newEvents);
        const auto errs = probe.errors(src->id);
        QCOMPARE(static_cast<int64_t>(errs.size()), src->errors);
        if (errorLine) {
            QCOMPARE(errs[0].line, errorLine);
            QVERIFY2(contains(errs[0].reason, qPrintable(reason)), errs[0].reason.c_str());
        }
        // Every issue names its file and a place in it.
        QCOMPARE(static_cast<int64_t>(s->issues.size()), src->errors);
        for (const ImportIssue &i : s->issues) {
            QCOMPARE(i.path, toStd(path));
            QVERIFY(i.line > 0 || i.offset > 0);
        }
    }

    // A 10 MB userAgent is imported; the raw record is kept whole.
    void hugeString_data()
    {
        QTest::addColumn<bool>("hugeFirst");
        QTest::newRow("huge-second") << false;
        // The first record alone is larger than what the importer looks at to tell the format.
        QTest::newRow("huge-first") << true;
    }

    void hugeString()
    {
        QFETCH(bool, hugeFirst);
        const QByteArray agent = "Mozilla/5.0 " + QByteArray(10 << 20, 'A');
        const QByteArray huge = record(1, agent);
        const QString path = m_dir->filePath(QStringLiteral("huge.jsonl"));
        QVERIFY(writeFile(path, hugeFirst ? lines({huge, record(2)}) : lines({record(2), huge})));
        QVERIFY(newCase());
        bool hung = false;
        const auto s = runImportWithin(m_case, {toStd(path)}, {}, kDeadline, hung);
        QVERIFY2(!hung, kHung);
        QVERIFY(s);
        QVERIFY2(s->skipped == 0,
                 s->fileResults.empty() ? "" : s->fileResults.front().note.c_str());
        QCOMPARE(s->records, 2);
        QCOMPARE(s->newEvents, 2);
        QCOMPARE(s->errors, 0);
        CaseProbe probe(*m_case);
        QCOMPARE(probe.scalar("SELECT max(raw_len) FROM events"), huge.size());
        QCOMPARE(probe.entityCount(EntityType::UserAgent), 2);
        // Its user agent entity is the agent or a prefix of it, never more.
        QCOMPARE(probe.scalar("SELECT count(*) FROM entities WHERE type = " +
                              std::to_string(static_cast<int>(EntityType::UserAgent)) +
                              " AND key LIKE 'Mozilla/5.0 AAAA%'"),
                 1);
        QVERIFY(probe.scalar("SELECT max(length(key)) FROM entities") <= agent.size());
    }

    // Thousands of records of uneven length, 3.5 MB in all: the reader's window holds about
    // a megabyte at a time, so records straddle its chunks, it moves its tail to the front,
    // and it grows, in every shape it reads. Every record arrives whole: its raw bytes in the
    // case are the record as written.
    void recordsAcrossWindowChunks_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::newRow("json-lines") << QStringLiteral("jsonl");
        QTest::newRow("records-gz") << QStringLiteral("records");
    }

    void recordsAcrossWindowChunks()
    {
        QFETCH(QString, shape);
        constexpr int kRecords = 4000;
        QRandomGenerator rng(11);
        std::vector<QByteArray> records;
        QByteArray body;
        for (int i = 0; i < kRecords; ++i) {
            records.push_back(record(i, "agent/" + randomHex(rng.bounded(20, 1500))));
            body += records.back() + (shape == QLatin1String("jsonl") ? "\n" : ",\n");
        }
        QString path;
        if (shape == QLatin1String("jsonl")) {
            path = m_dir->filePath(QStringLiteral("many.jsonl"));
            QVERIFY(writeFile(path, body));
        } else {
            body.chop(2);
            path = m_dir->filePath(QStringLiteral("many.json.gz"));
            QVERIFY(writeFile(path, gzip("{\"Records\":[\n" + body + "\n]}")));
        }
        QVERIFY(body.size() > 3 << 20);
        QVERIFY(newCase());
        bool hung = false;
        const auto s = runImportWithin(m_case, {toStd(path)}, {}, kDeadline, hung);
        QVERIFY2(!hung, kHung);
        QVERIFY(s);
        QCOMPARE(s->records, kRecords);
        QCOMPARE(s->newEvents, kRecords);
        QCOMPARE(s->errors, 0);
        // Events are numbered in the order their records were read.
        RawRecordReader reader(m_case->db());
        for (int i = 0; i < kRecords; ++i) {
            const auto raw = reader.fetch(i + 1);
            QVERIFY(raw);
            if (raw->text != records[static_cast<size_t>(i)].toStdString())
                QFAIL(qPrintable(QStringLiteral("record %1 differs").arg(i)));
        }
    }

    // A record whose requestParameters nest 100,000 arrays deep, between two sound records:
    // valid JSON with a time and a name, so an event like its neighbours (the importer reads
    // only a few levels of requestParameters and skips the rest).
    void deepNestingInsideARecord()
    {
        QByteArray deep = record(2);
        deep.chop(1);
        deep += ",\"requestParameters\":" + QByteArray(100000, '[') + QByteArray(100000, ']') + '}';
        const QString path = m_dir->filePath(QStringLiteral("deep.jsonl"));
        QVERIFY(writeFile(path, lines({record(1), deep, record(3)})));
        QVERIFY(newCase());
        bool hung = false;
        const auto s = runImportWithin(m_case, {toStd(path)}, {}, kDeadline, hung);
        QVERIFY2(!hung, kHung);
        QVERIFY(s);
        QCOMPARE(s->records, 3);
        QCOMPARE(s->newEvents, 3);
        QCOMPARE(s->errors, 0);
        CaseProbe probe(*m_case);
        const auto events = probe.events();
        QCOMPARE(events.size(), size_t(3));
        QCOMPARE(events[1].line, 2);
        QCOMPARE(probe.scalar("SELECT raw_len FROM events WHERE line = 2"), deep.size());
    }

    // Two empty files in one import: each is empty, neither was "already imported".
    void identicalUnreadableFiles()
    {
        const QString dir = m_dir->filePath(QStringLiteral("empties"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeFile(dir + QStringLiteral("/a.json"), QByteArray()));
        QVERIFY(writeFile(dir + QStringLiteral("/b.json.gz"), QByteArray()));
        QVERIFY(newCase());
        bool hung = false;
        const auto s = runImportWithin(m_case, {toStd(dir)}, ImportOptions{1}, kDeadline, hung);
        QVERIFY2(!hung, kHung);
        QVERIFY(s);
        QCOMPARE(s->fileResults.size(), size_t(2));
        for (const ImportedFile &f : s->fileResults) {
            QCOMPARE(f.status, kSkipped);
            QVERIFY2(contains(f.note, "empty"), (f.path + ": " + f.note).c_str());
        }
    }

    // Everything above in one folder, with a sound sample among it.
    void hostileFolder()
    {
        const QString dir = m_dir->filePath(QStringLiteral("evidence"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeFile(dir + QStringLiteral("/a.bin"), randomBinary(4096)));
        QVERIFY(writeFile(dir + QStringLiteral("/b.json"), QByteArray("\n \n\t\n")));
        QVERIFY(writeFile(dir + QStringLiteral("/c.json.gz"), QByteArray()));
        QVERIFY(writeFile(dir + QStringLiteral("/d.json"), QByteArray(100000, '[')));
        QVERIFY(writeFile(dir + QStringLiteral("/e.json.gz"), gzip(lines({record(1)})).left(20)));
        QVERIFY(writeFile(dir + QStringLiteral("/f.jsonl"), lines({record(2), "}{", record(3)})));
        QVERIFY(newCase());
        bool hung = false;
        const auto s = runImportWithin(m_case, {toStd(dir)}, {}, kDeadline, hung);
        QVERIFY2(!hung, kHung);
        QVERIFY(s);
        QCOMPARE(s->fileResults.size(), size_t(6));
        QCOMPARE(s->newEvents, 2);
        CaseProbe probe(*m_case);
        QCOMPARE(probe.scalar("SELECT count(*) FROM sources"), 6);
        QCOMPARE(probe.scalar("SELECT count(*) FROM sources WHERE status = 0"), 0); // none left
        QCOMPARE(probe.scalar("SELECT sum(errors) FROM sources"),
                 probe.scalar("SELECT count(*) FROM import_errors"));
    }
};

QTEST_GUILESS_MAIN(TestImportRobustness)
#include "tst_import_robustness.moc"
