// The queries behind the profile page that the other suites do not cover: newest-first event
// pages (RecentEvents), the bounded drill-down breakdown (EventBreakdown) and one flow row per
// hour (FlowSeries), checked against EventQuery and FlowQuery on the shared real samples
// (Stratus Red Team CloudTrail, the AWS documentation's VPC flow log examples).
#include "CaseFile.h"
#include "Importer.h"
#include "queries/EventBreakdown.h"
#include "queries/EventQuery.h"
#include "queries/FlowQuery.h"
#include "queries/FlowSeries.h"
#include "queries/RecentEvents.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <optional>

using namespace sightline;

class TestProfilePageQueries : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<CaseFile> m_case;

    EntityRef entity(EntityType type, const char *key)
    {
        EntityLookup lookup(m_case->db());
        auto r = lookup.resolve(type, key);
        return r ? *r : EntityRef{};
    }
    std::vector<int64_t> ascendingIds(std::vector<int64_t> entities, TimeRange range)
    {
        EventQuery q(m_case->db());
        EventFilter f;
        f.entities = std::move(entities);
        f.range = range;
        f.limit = 0;
        auto page = q.run(f);
        std::vector<int64_t> ids;
        if (page)
            for (const EventRecord &e : page->events)
                ids.push_back(e.id);
        return ids;
    }

private slots:
    void initTestCase();
    void recentEventsPagesNewestFirst();
    void recentEventsRangeCutsHours();
    void breakdownOfUserAndIp();
    void flowSeriesAddsUpToFlowQuery();
};

void TestProfilePageQueries::initTestCase()
{
    const QString data = QStringLiteral(SIGHTLINE_SHARED_DATA);
    if (!QDir(data + QStringLiteral("/cloudtrail/stratus-red-team")).exists())
        QSKIP("the shared samples are not available");
    QVERIFY(m_dir.isValid());
    const std::string path = m_dir.filePath(QStringLiteral("p.sightline")).toStdString();
    {
        auto c = CaseFile::openOrCreate(path);
        QVERIFY(c.ok());
        auto summary = importPaths(
            *c,
            {(data + QStringLiteral("/cloudtrail/stratus-red-team")).toStdString(),
             (data + QStringLiteral("/derived/aws-docs-extracted/vpcflow_v3_tcpflags_examples.log"))
                 .toStdString()});
        QVERIFY(summary.ok());
    }
    auto c = CaseFile::open(path);
    QVERIFY(c.ok());
    m_case.emplace(std::move(*c));
}

void TestProfilePageQueries::recentEventsPagesNewestFirst()
{
    // christophe's account: many events over several hours.
    const EntityRef session = entity(EntityType::AwsAccount, "017622104382");
    QVERIFY(session.valid());
    std::vector<int64_t> expected = ascendingIds({session.id}, {});
    QVERIFY(expected.size() > 7);
    std::reverse(expected.begin(), expected.end());

    RecentEvents q(m_case->db());
    std::vector<int64_t> got;
    RecentFilter f;
    f.entities = {session.id};
    f.limit = 3;
    for (int guard = 0; guard < 100; ++guard) {
        auto page = q.run(f);
        QVERIFY(page.ok());
        for (const EventRecord &e : page->events)
            got.push_back(e.id);
        for (size_t i = 1; i < page->events.size(); ++i)
            QVERIFY(page->events[i - 1].time >= page->events[i].time);
        if (!page->more)
            break;
        QCOMPARE(page->events.size(), size_t(3));
        f.offset += 3;
    }
    // Same events; ties in time may come in any order between the two.
    std::vector<int64_t> a = got, b = expected;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    QCOMPARE(a, b);
    QCOMPARE(got.size(), expected.size());
}

void TestProfilePageQueries::recentEventsRangeCutsHours()
{
    const EntityRef user = entity(EntityType::AwsUser, "AIDASSXYG8SJ3JDII10C");
    QVERIFY(user.valid());
    const std::vector<int64_t> all = ascendingIds({user.id}, {});
    QVERIFY(all.size() >= 3);
    // A range that starts and ends inside hours: between the first and last event's times.
    EventQuery eq(m_case->db());
    EventFilter ef;
    ef.entities = {user.id};
    ef.limit = 0;
    auto events = eq.run(ef);
    QVERIFY(events.ok());
    TimeRange cut;
    cut.from = events->events.front().time + 1;
    cut.to = events->events.back().time;
    std::vector<int64_t> expected = ascendingIds({user.id}, cut);
    std::reverse(expected.begin(), expected.end());

    RecentEvents q(m_case->db());
    RecentFilter f;
    f.entities = {user.id};
    f.range = cut;
    f.limit = 1000;
    auto page = q.run(f);
    QVERIFY(page.ok());
    QVERIFY(!page->more);
    std::vector<int64_t> got;
    for (const EventRecord &e : page->events) {
        QVERIFY(cut.contains(e.time));
        got.push_back(e.id);
    }
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(got, expected);
}

void TestProfilePageQueries::breakdownOfUserAndIp()
{
    // christophe from 18.236.253.47: per API, per caller.
    const EntityRef user = entity(EntityType::AwsUser, "AIDASSXYG8SJ3JDII10C");
    const EntityRef ip = entity(EntityType::IpAddress, "18.236.253.47");
    QVERIFY(user.valid() && ip.valid());
    EventQuery eq(m_case->db());
    EventFilter ef;
    ef.entities = {user.id, ip.id};
    ef.limit = 0;
    auto events = eq.run(ef);
    QVERIFY(events.ok());
    QVERIFY(!events->events.empty());
    std::map<std::string, std::pair<int64_t, int64_t>> expected;
    for (const EventRecord &e : events->events)
        (e.error.empty() ? expected[e.service + ":" + e.name].first
                         : expected[e.service + ":" + e.name].second) += 1;

    EventBreakdown b(m_case->db());
    BreakdownFilter f;
    f.entity = user.id;
    f.other = ip.id;
    f.first = Facet::Api;
    f.second = Facet::Principal;
    auto data = b.load(f);
    QVERIFY(data.ok());
    QVERIFY(!data->partial);
    QCOMPARE(data->events, events->events.size());
    std::map<std::string, std::pair<int64_t, int64_t>> got;
    for (const BreakdownRow &r : data->rows) {
        QCOMPARE(r.second.entity.id, user.id); // the caller is christophe himself
        got[r.first.api].first += r.successes;
        got[r.first.api].second += r.failures;
    }
    QCOMPARE(got, expected);

    // A cap cuts the events and says so.
    f.cap = 1;
    auto capped = b.load(f);
    QVERIFY(capped.ok());
    QCOMPARE(capped->events, size_t(1));
    QCOMPARE(capped->partial, events->events.size() > 1);

    // With an API: the IPs it was called from, and the access keys.
    BreakdownFilter byApi;
    byApi.entity = user.id;
    byApi.api = events->events.front().service + ":" + events->events.front().name;
    byApi.first = Facet::Ip;
    byApi.second = Facet::AccessKey;
    auto api = b.load(byApi);
    QVERIFY(api.ok());
    QVERIFY(!api->rows.empty());
    int64_t n = 0;
    for (const BreakdownRow &r : api->rows)
        n += r.successes + r.failures;
    QCOMPARE(n, static_cast<int64_t>(api->events));
}

void TestProfilePageQueries::flowSeriesAddsUpToFlowQuery()
{
    FlowQuery fq(m_case->db());
    FlowSeries fs(m_case->db());
    for (auto [type, key] : {std::pair{EntityType::Ec2Instance, "i-01234567890123456"},
                             std::pair{EntityType::IpAddress, "52.213.180.42"}}) {
        const EntityRef e = entity(type, key);
        QVERIFY(e.valid());
        auto summary = fq.load(e.id);
        QVERIFY(summary.ok());
        QVERIFY(!summary->peers.empty());
        for (const FlowPeer &p : summary->peers) {
            FlowTuple t{e.id, p.peer.id, p.peerIsLocal, p.protocol, p.port, p.peerPort};
            auto hours = fs.hourly(t);
            QVERIFY(hours.ok());
            int64_t sent = 0, received = 0, accepted = 0;
            for (const FlowHour &h : *hours) {
                sent += h.bytesSent;
                received += h.bytesReceived;
                accepted += h.accepted;
            }
            QCOMPARE(sent, p.bytesSent);
            QCOMPARE(received, p.bytesReceived);
            QCOMPARE(accepted, p.accepted);
        }
    }
}

QTEST_GUILESS_MAIN(TestProfilePageQueries)
#include "tst_profile_page_queries.moc"
