// Events (filters, order, paging, raw records) on the hand-made case of QueryFixture.h.
#include "QueryFixture.h"
#include "queries/EntityLookup.h"
#include "queries/EventQuery.h"
#include "queries/RawRecordReader.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace sightline;
using namespace sightline::test;

namespace {

std::vector<std::string> apis(const EventPage &page)
{
    std::vector<std::string> out;
    for (const EventRecord &e : page.events)
        out.push_back(e.name + "@" + formatIso8601(e.time));
    return out;
}

} // namespace

class TestEvents : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<CaseFile> m_case;

    EntityRef resolve(EntityType type, const char *key)
    {
        EntityLookup lookup(m_case->db());
        auto r = lookup.resolve(type, key);
        if (!r)
            qWarning("%s", r.error().detail.c_str());
        return r ? *r : EntityRef{};
    }

private slots:
    void initTestCase();
    void events_data();
    void events();
    void eventsPaging();
    void eventsRaw();
    void rawRecord();
};

void TestEvents::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const std::string path = m_dir.filePath(QStringLiteral("case.sightline")).toStdString();
    auto built = buildQueryFixture(path);
    QVERIFY2(built.ok(), built.error().detail.c_str());
    auto c = CaseFile::open(path);
    QVERIFY2(c.ok(), c.ok() ? "" : c.error().detail.c_str());
    m_case.emplace(std::move(*c));
}

void TestEvents::events_data()
{
    QTest::addColumn<QStringList>("entities"); // TYPE:KEY
    QTest::addColumn<QString>("api");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QStringList>("expected"); // name@time
    const qint64 none = 0;
    auto at = [](int64_t ms) { return QString::fromStdString(formatIso8601(ms)); };
    const QString e1 = "CreateUser@" + at(T0 + 5 * kMin), e2 = "CreateUser@" + at(T0 + 10 * kMin),
                  e8 = "CreateUser@" + at(T0 + 10 * kMin + 30000),
                  e3 = "ListBuckets@" + at(T0 + 20 * kMin),
                  e4 = "ListBuckets@" + at(T0 + 2 * kHour + kMin),
                  e5 = "GetObject@" + at(T0 + 2 * kHour + 30 * kMin),
                  e7 = "GetCallerIdentity@" + at(T0 + 3 * kHour),
                  e6 = "GetObject@" + at(T0 + 25 * kHour);
    QTest::newRow("all") << QStringList{} << "" << none << none
                         << QStringList{e1, e2, e8, e3, e4, e5, e7, e6};
    QTest::newRow("one entity, two commits in one hour")
        << QStringList{"AwsUser:alice"} << "" << none << none << QStringList{e1, e2, e8, e3, e4};
    QTest::newRow("intersection") << QStringList{"IpAddress:10.0.0.5", "AwsUser:bob"} << "" << none
                                  << none << QStringList{e6};
    QTest::newRow("same entity twice") << QStringList{"AwsUser:bob", "AwsUser:AIDABOB"} << ""
                                       << none << none << QStringList{e5, e6};
    QTest::newRow("api name") << QStringList{"AwsUser:alice"} << "CreateUser" << none << none
                              << QStringList{e1, e2, e8};
    QTest::newRow("service:api") << QStringList{} << "iam.amazonaws.com:CreateUser" << none << none
                                 << QStringList{e1, e2, e8};
    QTest::newRow("short service") << QStringList{"IpAddress:10.0.0.5"} << "s3:ListBuckets" << none
                                   << none << QStringList{e3, e4};
    QTest::newRow("wrong service")
        << QStringList{} << "s3:CreateUser" << none << none << QStringList{};
    QTest::newRow("unknown api") << QStringList{"AwsUser:alice"} << "NoSuchApi" << none << none
                                 << QStringList{};
    QTest::newRow("range") << QStringList{"AwsUser:alice"} << "" << qint64(T0 + 10 * kMin)
                           << qint64(T0 + 20 * kMin) << QStringList{e2, e8};
    QTest::newRow("range without entity") << QStringList{} << "" << qint64(T0 + 2 * kHour)
                                          << qint64(T0 + 4 * kHour) << QStringList{e4, e5, e7};
    QTest::newRow("hour before") << QStringList{"IpAddress:10.0.0.5"} << ""
                                 << qint64(T0 + 2 * kHour) << qint64(T0 + 3 * kHour)
                                 << QStringList{e4};
    QTest::newRow("key and api (no per-API aggregates)")
        << QStringList{"AccessKey:AKIAALICE"} << "CreateUser" << none << none
        << QStringList{e1, e2, e8};
    QTest::newRow("two entities and api")
        << QStringList{"AccessKey:AKIAALICE", "IpAddress:10.0.0.5"} << "s3:ListBuckets" << none
        << none << QStringList{e3, e4};
    QTest::newRow("resource") << QStringList{"S3Bucket:evidence-bucket"} << "GetObject" << none
                              << none << QStringList{e5, e6};
}

void TestEvents::events()
{
    QFETCH(QStringList, entities);
    QFETCH(QString, api);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QStringList, expected);
    EventQuery query(m_case->db());
    EventFilter f;
    for (const QString &e : entities) {
        const auto type = entityTypeFromName(e.section(':', 0, 0).toStdString());
        QVERIFY(type);
        const EntityRef ref = resolve(*type, e.section(':', 1).toUtf8().constData());
        QVERIFY(ref.valid());
        f.entities.push_back(ref.id);
    }
    f.api = api.toStdString();
    if (from)
        f.range.from = from;
    if (to)
        f.range.to = to;
    auto page = query.run(f);
    QVERIFY2(page.ok(), page.ok() ? "" : page.error().detail.c_str());
    QStringList got;
    for (const std::string &s : apis(*page))
        got << QString::fromStdString(s);
    QCOMPARE(got, expected);
    QVERIFY(!page->more);

    // The same through the scans that rare API names take, and page by page.
    f.timeWindow = 2;
    f.walkBudget = 1;
    got.clear();
    for (f.offset = 0, f.limit = 2;; f.offset += 2) {
        auto part = query.run(f);
        QVERIFY(part.ok());
        for (const std::string &s : apis(*part))
            got << QString::fromStdString(s);
        if (!part->more)
            break;
    }
    QCOMPARE(got, expected);
}

void TestEvents::eventsPaging()
{
    EventQuery query(m_case->db());
    EventFilter f;
    f.entities = {resolve(EntityType::AwsUser, "alice").id};
    f.limit = 2;
    f.offset = 2;
    auto page = query.run(f);
    QVERIFY(page.ok());
    QCOMPARE(page->events.size(), size_t(2));
    QCOMPARE(page->events[0].time, T0 + 10 * kMin + 30000);
    QCOMPARE(page->events[1].name, std::string("ListBuckets"));
    QVERIFY(page->more);
    f.offset = 4;
    page = query.run(f);
    QCOMPARE(page->events.size(), size_t(1));
    QVERIFY(!page->more);

    EventFilter all;
    all.limit = 7;
    page = query.run(all);
    QCOMPARE(page->events.size(), size_t(7));
    QVERIFY(page->more);

    auto second = query.run(EventFilter{f.entities, "", {}, 1, 1, false});
    QVERIFY(second.ok() && second->events.size() == 1);
    const EventRecord &e = second->events[0];
    QCOMPARE(e.error, std::string("AccessDenied"));
    QCOMPARE(e.principal.key, std::string("AIDAALICE"));
    QCOMPARE(e.principal.label, std::string("alice"));
    QCOMPARE(e.ip.key, std::string("10.0.0.5"));
    QCOMPARE(e.userAgent.key, std::string("aws-cli/2.15.0 Python/3.11"));
    QCOMPARE(e.accessKey.key, std::string("AKIAALICE"));
    QCOMPARE(e.account.key, std::string("111122223333"));
    QCOMPARE(e.region, std::string("eu-west-1"));
    QCOMPARE(e.service, std::string("iam.amazonaws.com"));
    QCOMPARE(e.sourcePath, std::string("evidence/a.json"));
    QCOMPARE(e.line, 2);
    QVERIFY(e.raw.empty());

    EventFilter empty;
    empty.range = TimeRange{T0, T0};
    QVERIFY(query.run(empty)->events.empty());
    EventFilter bad;
    bad.api = "iam:";
    QCOMPARE(query.run(bad).error().code, ErrorCode::InvalidArgument);
}

void TestEvents::eventsRaw()
{
    EventQuery query(m_case->db());
    EventFilter f;
    f.withRaw = true;
    auto page = query.run(f);
    QVERIFY(page.ok());
    QCOMPARE(page->events.size(), size_t(8));
    QCOMPARE(page->events[0].raw, std::string(R"({"eventID":"ev-1","eventName":"CreateUser"})"));
    QCOMPARE(page->events[2].raw, std::string(R"({"eventID":"ev-8","eventName":"CreateUser"})"));
    QCOMPARE(page->events[2].sourcePath, std::string("evidence/b.json.gz"));
    QCOMPARE(page->events[7].raw, std::string(R"({"eventID":"ev-6","eventName":"GetObject"})"));
}

void TestEvents::rawRecord()
{
    RawRecordReader reader(m_case->db());
    auto r = reader.fetch(5);
    QVERIFY(r.ok());
    QCOMPARE(r->text, std::string(R"({"eventID":"ev-5","eventName":"GetObject"})"));
    QCOMPARE(r->sourcePath, std::string("evidence/a.json"));
    QCOMPARE(r->line, 5);
    QCOMPARE(reader.fetch(12345).error().code, ErrorCode::NotFound);
    QCOMPARE(reader.slice(1, 0, 100000).error().code, ErrorCode::Corrupt);
    QCOMPARE(reader.slice(99, 0, 10).error().code, ErrorCode::Corrupt);
}

QTEST_GUILESS_MAIN(TestEvents)
#include "tst_events.moc"
