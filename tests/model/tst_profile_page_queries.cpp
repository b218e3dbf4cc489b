// The queries behind the profile page that the other suites do not cover: newest-first event
// pages (RecentEvents), the bounded drill-down breakdown (EventBreakdown), one flow row per
// hour (FlowSeries), the account filter of profiles (EntityProfile's peers and relations,
// FindingQuery, FlowQuery, breakdowns) and the case's time range over every source (CaseInfo),
// checked against EventQuery and FlowQuery on the shared real samples (Stratus Red Team
// CloudTrail, the Panther CloudTrail test events, where 1.2.3.4 calls from several accounts,
// GuardDuty findings from the Elastic integration tests, the AWS documentation's VPC flow log
// examples).
#include "CaseFile.h"
#include "Importer.h"
#include "queries/CaseInfo.h"
#include "queries/EntityProfile.h"
#include "queries/EventBreakdown.h"
#include "queries/EventQuery.h"
#include "queries/FindingQuery.h"
#include "queries/FlowQuery.h"
#include "queries/FlowSeries.h"
#include "queries/RecentEvents.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

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
    void profileAccountFilterLeavesOutOtherAccounts();
    void eventsAndBreakdownOfAnAccount();
    void findingsAndFlowsOfAnAccount();
    void caseRangeCoversFlows();
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
                 .toStdString(),
             (data + QStringLiteral("/derived/panther-tests/cloudtrail.jsonl")).toStdString(),
             (data + QStringLiteral("/guardduty/elastic-integrations")).toStdString()});
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

namespace {

const char *const kSharedIp = "1.2.3.4"; // Panther's samples call from it in several accounts
const std::string kAccount = "111111111111";

} // namespace

void TestProfilePageQueries::profileAccountFilterLeavesOutOtherAccounts()
{
    const EntityRef ip = entity(EntityType::IpAddress, kSharedIp);
    QVERIFY(ip.valid());
    EntityProfile profiles(m_case->db());
    ProfileOptions all;
    all.listLimit = 0;
    auto whole = profiles.load(ip.id, {}, all);
    QVERIFY(whole.ok());
    QVERIFY(!whole->callsAllAccounts);
    std::set<std::string> accounts;
    size_t ofAccount = 0;
    for (const PeerStat &p : whole->principals.rows) {
        accounts.insert(p.entity.account);
        ofAccount += p.entity.account == kAccount;
    }
    QVERIFY(accounts.size() >= 3); // the test needs callers from several accounts
    QVERIFY(ofAccount > 0);

    ProfileOptions narrowed = all;
    narrowed.account = kAccount;
    auto one = profiles.load(ip.id, {}, narrowed);
    QVERIFY(one.ok());
    QCOMPARE(one->account, kAccount);
    QVERIFY(one->callsAllAccounts); // an address: its totals cover every account
    QCOMPARE(one->successes, whole->successes);
    // Callers: exactly those of the account (or of none).
    size_t kept = 0;
    for (const PeerStat &p : whole->principals.rows)
        kept += p.entity.account.empty() || p.entity.account == kAccount;
    QCOMPARE(one->principals.rows.size(), kept);
    QCOMPARE(one->principals.total, static_cast<int64_t>(kept));
    QVERIFY(kept < whole->principals.rows.size());
    for (const PeerList *list : {&one->principals, &one->ips, &one->userAgents, &one->accessKeys,
                                 &one->accounts, &one->resources})
        for (const PeerStat &p : list->rows)
            QVERIFY2(!outsideAccount(p.entity, kAccount), p.entity.key.c_str());
    for (const EdgeInfo &e : one->edges.edges)
        QVERIFY2(!outsideAccount(e.other, kAccount), e.other.key.c_str());
    // A list limit applies after the filter: the first rows are the account's.
    ProfileOptions limited = narrowed;
    limited.listLimit = 1;
    auto top = profiles.load(ip.id, {}, limited);
    QVERIFY(top.ok());
    QCOMPARE(top->principals.rows.size(), size_t(1));
    QCOMPARE(top->principals.rows.front().entity.account, kAccount);

    // A caller of the account, profiled with the filter on another account: its own lists
    // keep no entity of its account but itself (the account entity and its keys are left out).
    const EntityRef caller = one->principals.rows.front().entity;
    ProfileOptions other = all;
    other.account = "123456789012";
    auto elsewhere = profiles.load(caller.id, {}, other);
    QVERIFY(elsewhere.ok());
    QVERIFY(elsewhere->callsAllAccounts);
    for (const PeerStat &p : elsewhere->accounts.rows)
        QCOMPARE(p.entity.key, other.account);
    for (const PeerStat &p : elsewhere->accessKeys.rows)
        QVERIFY(!outsideAccount(p.entity, other.account));
    // Its own account: nothing is narrowed.
    ProfileOptions own = all;
    own.account = kAccount;
    auto home = profiles.load(caller.id, {}, own);
    QVERIFY(home.ok());
    QVERIFY(!home->callsAllAccounts);
}

void TestProfilePageQueries::eventsAndBreakdownOfAnAccount()
{
    const EntityRef ip = entity(EntityType::IpAddress, kSharedIp);
    const EntityRef account = entity(EntityType::AwsAccount, kAccount.c_str());
    QVERIFY(ip.valid() && account.valid());
    // Expected: the address's events whose account, or whose caller's account, is kAccount.
    EventQuery eq(m_case->db());
    EventFilter ef;
    ef.entities = {ip.id};
    ef.limit = 0;
    auto events = eq.run(ef);
    QVERIFY(events.ok());
    std::set<int64_t> expected;
    for (const EventRecord &e : events->events)
        if (e.account.key == kAccount || e.principal.account == kAccount)
            expected.insert(e.id);
    QVERIFY(!expected.empty());
    QVERIFY(expected.size() < events->events.size());

    RecentEvents recent(m_case->db());
    RecentFilter rf;
    rf.entities = {ip.id, account.id};
    rf.limit = 1000;
    auto page = recent.run(rf);
    QVERIFY(page.ok());
    std::set<int64_t> got;
    for (const EventRecord &e : page->events)
        got.insert(e.id);
    QCOMPARE(got, expected);

    EventBreakdown b(m_case->db());
    BreakdownFilter f;
    f.entity = ip.id;
    f.account = account.id;
    f.first = Facet::Api;
    f.second = Facet::Principal;
    auto data = b.load(f);
    QVERIFY(data.ok());
    QCOMPARE(data->events, expected.size());
    int64_t calls = 0;
    for (const BreakdownRow &r : data->rows)
        calls += r.successes + r.failures;
    QCOMPARE(calls, static_cast<int64_t>(expected.size()));
}

void TestProfilePageQueries::findingsAndFlowsOfAnAccount()
{
    FindingQuery fq(m_case->db());
    FindingFilter all;
    all.limit = 0;
    auto every = fq.list(all);
    QVERIFY(every.ok());
    std::map<std::string, int64_t> byAccount;
    for (const FindingSummary &f : every->findings)
        ++byAccount[f.account];
    QVERIFY(byAccount["123412341234"] > 0);
    QVERIFY(byAccount.size() >= 2);
    for (const std::string account : {"123412341234", "999999999999"}) {
        FindingFilter one = all;
        one.account = account;
        auto page = fq.list(one);
        QVERIFY(page.ok());
        QCOMPARE(page->total, byAccount[account] + byAccount[""]);
        for (const FindingSummary &f : page->findings)
            QVERIFY(f.account.empty() || f.account == account);
    }
    // Of one involved entity.
    const FindingSummary &first = every->findings.front();
    auto detail = fq.detail(first.finding.id);
    QVERIFY(detail.ok());
    QVERIFY(!detail->involved.empty());
    FindingFilter of;
    of.entity = detail->involved.front().entity.id;
    auto mine = fq.list(of);
    QVERIFY(mine.ok() && mine->total > 0);
    of.account = first.account == "999999999999" ? "888888888888" : "999999999999";
    auto none = fq.list(of);
    QVERIFY(none.ok());
    for (const FindingSummary &f : none->findings)
        QVERIFY(f.account.empty());

    // Flows: the documentation's instance belongs to an account; the address it talked to
    // keeps it as a peer for that account only.
    FlowQuery flows(m_case->db());
    const EntityRef remote = entity(EntityType::IpAddress, "52.213.180.42");
    QVERIFY(remote.valid());
    auto wholeFlows = flows.load(remote.id);
    QVERIFY(wholeFlows.ok());
    std::string instanceAccount;
    for (const FlowPeer &p : wholeFlows->peers)
        if (p.peer.type == EntityType::Ec2Instance)
            instanceAccount = p.peer.account;
    QVERIFY(!instanceAccount.empty());
    FlowOptions same;
    same.account = instanceAccount;
    auto kept = flows.load(remote.id, {}, same);
    QVERIFY(kept.ok());
    QCOMPARE(kept->peers.size(), wholeFlows->peers.size());
    QCOMPARE(kept->bytesSent, wholeFlows->bytesSent);
    FlowOptions other;
    other.account = "999999999999";
    auto left = flows.load(remote.id, {}, other);
    QVERIFY(left.ok());
    QVERIFY(left->peers.size() < wholeFlows->peers.size());
    for (const FlowPeer &p : left->peers)
        QVERIFY(!outsideAccount(p.peer, other.account));
}

void TestProfilePageQueries::caseRangeCoversFlows()
{
    // The documentation's flow records (2019) lie years before the Stratus events (2024):
    // the case's range covers both.
    const QString data = QStringLiteral(SIGHTLINE_SHARED_DATA);
    const std::string path = m_dir.filePath(QStringLiteral("range.sightline")).toStdString();
    {
        auto c = CaseFile::openOrCreate(path);
        QVERIFY(c.ok());
        QVERIFY(
            importPaths(*c, {(data + QStringLiteral("/cloudtrail/stratus-red-team")).toStdString(),
                             (data + QStringLiteral("/derived/aws-docs-extracted/"
                                                    "vpcflow_v3_tcpflags_examples.log"))
                                 .toStdString()})
                .ok());
    }
    auto c = CaseFile::open(path, CaseFile::Access::ReadOnly);
    QVERIFY(c.ok());
    auto info = CaseInfo(c->db()).read(0);
    QVERIFY(info.ok());
    int64_t flowFirst = 0, flowLast = 0;
    for (const SourceInfo &s : info->sources) {
        if (s.path.find("vpcflow") != std::string::npos) {
            flowFirst = s.firstTime;
            flowLast = s.lastTime;
        }
    }
    QVERIFY(flowFirst > 0 && flowLast >= flowFirst);
    EventFilter ef;
    ef.limit = 1;
    auto firstEvent = EventQuery(c->db()).run(ef);
    QVERIFY(firstEvent.ok() && !firstEvent->events.empty());
    QVERIFY(flowLast < firstEvent->events.front().time); // the events alone miss the flows
    QCOMPARE(info->firstTime, flowFirst);
    QVERIFY(info->lastTime >= firstEvent->events.front().time);
    for (const SourceInfo &s : info->sources) {
        if (s.firstTime == 0)
            continue;
        QVERIFY(info->firstTime <= s.firstTime);
        QVERIFY(info->lastTime >= s.lastTime);
    }
}

QTEST_GUILESS_MAIN(TestProfilePageQueries)
#include "tst_profile_page_queries.moc"
