// CloudTrail rows exported as CSV (Athena / CloudTrail Lake). There is no CSV sample among
// the third-party files, so the test renders a real Stratus detonation log as Athena would
// (lower-case columns, userIdentity in Athena's struct notation, the other nested fields as
// JSON text) and checks that the case built from it equals the one built from the JSON.
#include "CaseFile.h"
#include "CsvRecordReader.h"
#include "Importer.h"
#include "Statement.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace sightline;
using nlohmann::json;

namespace {

const std::string kSample = std::string(SIGHTLINE_SHARED_DATA) +
                            "/cloudtrail/stratus-red-team/"
                            "aws.credential-access.ec2-steal-instance-credentials.json";

std::string athena(const json &v)
{
    if (v.is_object()) {
        std::string s = "{";
        bool first = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (!first)
                s += ", ";
            first = false;
            std::string key = it.key();
            for (char &c : key)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            s += key + "=" + athena(it.value());
        }
        return s + "}";
    }
    if (v.is_array()) {
        std::string s = "[";
        for (size_t i = 0; i < v.size(); ++i)
            s += (i ? ", " : "") + athena(v[i]);
        return s + "]";
    }
    if (v.is_null())
        return "null";
    if (v.is_string())
        return v.get<std::string>();
    return v.dump();
}

std::string csvField(const std::string &s)
{
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += "\"\"";
        else
            out += c;
    }
    return out + "\"";
}

// Writes the sample as Athena CSV; returns the number of records.
size_t writeCsv(const std::string &path)
{
    std::ifstream in(kSample);
    const json records = json::parse(in);
    const std::vector<std::string> columns = {
        "eventVersion", "userIdentity",      "eventTime",        "eventSource",
        "eventName",    "awsRegion",         "sourceIPAddress",  "userAgent",
        "errorCode",    "requestParameters", "responseElements", "requestID",
        "eventID",      "resources",         "eventType",        "recipientAccountId"};
    std::ofstream out(path);
    for (size_t i = 0; i < columns.size(); ++i) {
        std::string lower = columns[i];
        for (char &c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out << (i ? "," : "") << lower;
    }
    out << "\r\n";
    for (const json &r : records) {
        for (size_t i = 0; i < columns.size(); ++i) {
            std::string cell;
            if (r.contains(columns[i]) && !r[columns[i]].is_null()) {
                const json &v = r[columns[i]];
                cell = columns[i] == "userIdentity" ? athena(v)
                       : v.is_string()              ? v.get<std::string>()
                                                    : v.dump();
            }
            out << (i ? "," : "") << csvField(cell);
        }
        out << "\r\n";
    }
    return records.size();
}

int64_t scalar(CaseFile &c, const char *sql)
{
    auto v = c.db().queryInt(sql);
    return v ? *v : -1;
}

} // namespace

class TestCloudTrailCsv : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!QFile::exists(QString::fromStdString(kSample)))
            QSKIP("shared test data not found");
    }

    void sameCaseAsJson()
    {
        QTemporaryDir dir;
        const std::string csv = dir.filePath("export.csv").toStdString();
        const size_t records = writeCsv(csv);
        QVERIFY(records > 0);

        auto fromCsv = CaseFile::openOrCreate(dir.filePath("csv.sightline").toStdString());
        auto fromJson = CaseFile::openOrCreate(dir.filePath("json.sightline").toStdString());
        QVERIFY(fromCsv && fromJson);
        auto a = importPaths(*fromCsv, {csv});
        auto b = importPaths(*fromJson, {kSample});
        QVERIFY(a && b);
        QCOMPARE(a->errors, 0);
        QCOMPARE(a->newEvents, static_cast<int64_t>(records));
        QCOMPARE(a->newEvents, b->newEvents);
        QCOMPARE(a->fileResults.front().format, std::string("cloudtrail-csv"));
        for (const char *sql :
             {"SELECT count(*) FROM entities", "SELECT count(*) FROM edges",
              "SELECT sum(count) FROM edges", "SELECT sum(a) FROM agg_total",
              "SELECT sum(b) FROM agg_total", "SELECT count(*) FROM entities WHERE type = 4"}) {
            QCOMPARE(scalar(*fromCsv, sql), scalar(*fromJson, sql));
        }
        // The stolen role session, used from the user's address, came through the struct
        // notation of userIdentity.
        QCOMPARE(scalar(*fromCsv, "SELECT count(*) FROM edges e JOIN entities s ON s.id = e.src "
                                  "JOIN entities d ON d.id = e.dst WHERE e.relation = 1 AND "
                                  "s.key = 'AROALHCCSKSM395EGX3XN:i-786a3A8B5C0d92eF4' AND "
                                  "d.key = '18.236.253.47'"),
                 int64_t(1));
        // The raw record kept is the CSV row, with its line.
        Statement st(fromCsv->db(), "SELECT min(line), max(line) FROM events");
        QVERIFY(st.step());
        QCOMPARE(st.int64(0), int64_t(2));
        QCOMPARE(st.int64(1), static_cast<int64_t>(records + 1));
    }

    void badRows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("bad.csv");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("eventtime,eventsource,eventname,eventid\n"
                "2026-10-14T02:13:07Z,sts.amazonaws.com,GetCallerIdentity,aaaaaaaa-1\n"
                "2026-10-14T02:13:08Z,sts.amazonaws.com\n"
                "not a time,s3.amazonaws.com,ListBuckets,aaaaaaaa-2\n"
                "2026-10-14T02:13:09Z,s3.amazonaws.com,\"ListBuckets,aaaaaaaa-3\n");
        f.close();
        auto c = CaseFile::openOrCreate(dir.filePath("c.sightline").toStdString());
        QVERIFY(c);
        auto s = importPaths(*c, {path.toStdString()});
        QVERIFY(s);
        QCOMPARE(s->newEvents, int64_t(1));
        QCOMPARE(s->errors, int64_t(3));
        QCOMPARE(s->issues.size(), size_t(3));
        QCOMPARE(s->issues[0].line, int64_t(3));
        QVERIFY(s->issues[0].reason.find("fields") != std::string::npos);
        QCOMPARE(s->issues[1].line, int64_t(4));
        QVERIFY(s->issues[1].reason.find("eventTime") != std::string::npos);
        QCOMPARE(s->issues[2].line, int64_t(5));
        QVERIFY(s->issues[2].reason.find("truncated") != std::string::npos);
    }

    void structNotation_data()
    {
        QTest::addColumn<QString>("athena");
        QTest::addColumn<QString>("expected");
        QTest::newRow("flat") << "{type=IAMUser, username=alice}"
                              << R"({"type":"IAMUser","username":"alice"})";
        QTest::newRow("nested") << "{a={b=1, c=null}, d=[x, y]}"
                                << R"({"a":{"b":"1","c":null},"d":["x","y"]})";
        QTest::newRow("arn") << "{arn=arn:aws:iam::1:user/a}"
                             << R"({"arn":"arn:aws:iam::1:user/a"})";
        QTest::newRow("empty") << "{}"
                               << "{}";
    }

    void structNotation()
    {
        QFETCH(QString, athena);
        QFETCH(QString, expected);
        std::string out;
        QVERIFY(athenaStructToJson(athena.toStdString(), out));
        QCOMPARE(QString::fromStdString(out), expected);
    }

    void structNotationRejectsNonsense()
    {
        std::string out;
        QVERIFY(!athenaStructToJson("plain text", out));
        QVERIFY(!athenaStructToJson("{unclosed=1", out));
        QVERIFY(!athenaStructToJson("{a=1} trailing", out));
    }
};

QTEST_GUILESS_MAIN(TestCloudTrailCsv)
#include "tst_cloudtrail_csv.moc"
