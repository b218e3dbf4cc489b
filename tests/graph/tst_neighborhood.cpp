// NeighborhoodQuery on the real Stratus "ec2-steal-instance-credentials" detonation and on
// hand-made graphs: what an investigator reaches by expanding nodes, type groups, filters,
// time ranges and the bounded read of a hub.
#include "GraphCases.h"
#include "queries/FindingQuery.h"
#include "queries/Neighborhood.h"

#include <QTest>

#include <algorithm>
#include <optional>
#include <set>

using namespace sightline;
using namespace sightline::test;

namespace {

const Neighbor *find(const std::vector<Neighbor> &list, const std::string &key)
{
    for (const Neighbor &n : list) {
        if (n.node.entity.key == key)
            return &n;
    }
    return nullptr;
}

bool hasEdge(const Neighbor &n, Relation r, bool outgoing)
{
    for (const NeighborEdge &e : n.edges) {
        if (e.relation == r && e.outgoing == outgoing)
            return true;
    }
    return false;
}

} // namespace

class TestNeighborhood : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<CaseFile> m_steal, m_hand;

    int64_t id(CaseFile &c, EntityType type, const char *key)
    {
        EntityLookup lookup(c.db());
        auto r = lookup.resolve(type, key);
        return r ? r->id : 0;
    }

private slots:
    void initTestCase();
    void twoExpansionsFromUser();
    void relationAndTypeFilters();
    void timeRangeFiltersEdges();
    void groupThresholdCollapses();
    void membersArePagedAndSorted();
    void hubReadIsBounded();
    void findingsCarrySeverity();
    void unknownEntity();
    void accountFilterLeavesOutOtherAccounts();
};

void TestNeighborhood::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto path = importSample(m_dir, kStealFile, "steal.sightline");
    QVERIFY(path);
    auto c = CaseFile::open(*path);
    QVERIFY(c.ok());
    m_steal.emplace(std::move(*c));

    // Hand-made: hub 1 with 60 IP addresses (ids 1000..1059, counts 1..60), 3 users
    // (2..4), a finding (5, High 7.5) involving the hub; a 30,000-address star around 9.
    const std::string path2 = m_dir.filePath(QStringLiteral("hand.sightline")).toStdString();
    {
        auto h = CaseFile::openOrCreate(path2);
        QVERIFY(h.ok());
        GraphWriter w(*h);
        QVERIFY(w.entity(1, EntityType::Ec2Instance, "i-hub"));
        for (int i = 0; i < 60; ++i) {
            QVERIFY(w.entity(1000 + i, EntityType::IpAddress, "10.0.0." + std::to_string(i)));
            QVERIFY(w.edge(1, Relation::TalkedTo, 1000 + i,
                           at("2026-01-01T00:00:00Z") + i * kHourMs,
                           at("2026-01-01T00:30:00Z") + i * kHourMs, i + 1));
        }
        for (int u = 2; u <= 4; ++u) {
            QVERIFY(w.entity(u, EntityType::AwsUser, "user" + std::to_string(u)));
            QVERIFY(w.edge(u, Relation::ActedOn, 1, at("2026-01-01T00:00:00Z"),
                           at("2026-01-02T00:00:00Z"), u));
        }
        QVERIFY(w.finding(5, "Recon:EC2/PortProbeUnprotectedPort", 3, 7.5,
                          at("2026-01-01T00:00:00Z"), at("2026-01-01T01:00:00Z"), {1}));
        QVERIFY(w.entity(9, EntityType::IpAddress, "198.51.100.9"));
        for (int i = 0; i < 30000; ++i) {
            QVERIFY(w.entity(100000 + i, EntityType::AwsRoleSession, "s" + std::to_string(i)));
            QVERIFY(w.edge(100000 + i, Relation::CalledFrom, 9, at("2026-01-01T00:00:00Z"),
                           at("2026-01-01T00:00:00Z"), 1));
        }
    }
    auto h = CaseFile::open(path2);
    QVERIFY(h.ok());
    m_hand.emplace(std::move(*h));
}

void TestNeighborhood::twoExpansionsFromUser()
{
    NeighborhoodQuery q(m_steal->db());
    const int64_t user = id(*m_steal, EntityType::AwsUser, kStealUser);
    QVERIFY(user);
    auto first = q.load(user, {});
    QVERIFY2(first.ok(), first.ok() ? "" : first.error().detail.c_str());
    QCOMPARE(first->center.entity.key, std::string(kStealUser));
    QVERIFY(first->groups.empty()); // a handful of neighbours: nothing collapses
    const Neighbor *instance = find(first->neighbors, kStealInstance);
    const Neighbor *ip = find(first->neighbors, kStealIp);
    QVERIFY(instance && ip);
    QVERIFY(hasEdge(*instance, Relation::ActedOn, true));
    QVERIFY(hasEdge(*ip, Relation::CalledFrom, true));
    QCOMPARE(ip->weight, 43); // 43 calls from the external IP
    QCOMPARE(ip->seen.first, at("2024-08-02T08:22:39Z"));
    QCOMPARE(ip->seen.last, at("2024-08-02T08:24:00Z") - 6000); // 08:23:54
    QVERIFY(!find(first->neighbors, kStealSession));            // the session is one step further

    // Second expansion: the instance runs as the stolen role session ...
    auto second = q.load(instance->node.entity.id, {});
    QVERIFY(second.ok());
    const Neighbor *session = find(second->neighbors, kStealSession);
    QVERIFY(session);
    QVERIFY(hasEdge(*session, Relation::RunsAs, true));
    QVERIFY(find(second->neighbors, kStealUser)); // incoming acted_on
    QVERIFY(hasEdge(*find(second->neighbors, kStealUser), Relation::ActedOn, false));
    // ... and the session was used from the user's external IP: the IP's neighbours hold both.
    auto third = q.load(ip->node.entity.id, {});
    QVERIFY(third.ok());
    QVERIFY(find(third->neighbors, kStealUser));
    QVERIFY(find(third->neighbors, kStealSession));
    QCOMPARE(third->neighbors.size(), size_t(2));
}

void TestNeighborhood::relationAndTypeFilters()
{
    NeighborhoodQuery q(m_steal->db());
    const int64_t user = id(*m_steal, EntityType::AwsUser, kStealUser);
    NeighborhoodFilter f;
    f.types = {EntityType::IpAddress, EntityType::Ec2Instance};
    auto r = q.load(user, f);
    QVERIFY(r.ok());
    std::set<std::string> keys;
    for (const Neighbor &n : r->neighbors)
        keys.insert(n.node.entity.key);
    QCOMPARE(keys, (std::set<std::string>{kStealIp, kStealInstance}));

    NeighborhoodFilter g;
    g.relations = {Relation::UsesKey};
    auto k = q.load(user, g);
    QVERIFY(k.ok());
    QCOMPARE(k->neighbors.size(), size_t(1));
    QCOMPARE(k->neighbors[0].node.entity.key, std::string("AKIAAM80VXLJF8NPK4VC"));
    QCOMPARE(k->neighbors[0].node.entity.type, EntityType::AccessKey);
}

void TestNeighborhood::timeRangeFiltersEdges()
{
    NeighborhoodQuery q(m_steal->db());
    const int64_t ip = id(*m_steal, EntityType::IpAddress, kStealIp);
    // The user's calls end at 08:23:54, the session's start at 08:23:55.
    NeighborhoodFilter f;
    f.range.from = at("2024-08-02T08:23:55Z");
    auto after = q.load(ip, f);
    QVERIFY(after.ok());
    QCOMPARE(after->neighbors.size(), size_t(1));
    QCOMPARE(after->neighbors[0].node.entity.key, std::string(kStealSession));
    f.range.from.reset();
    f.range.to = at("2024-08-02T08:23:55Z"); // exclusive: the session's first call is out
    auto before = q.load(ip, f);
    QVERIFY(before.ok());
    QCOMPARE(before->neighbors.size(), size_t(1));
    QCOMPARE(before->neighbors[0].node.entity.key, std::string(kStealUser));
    f.range.from = at("2025-01-01T00:00:00Z");
    f.range.to.reset();
    auto none = q.load(ip, f);
    QVERIFY(none.ok());
    QVERIFY(none->neighbors.empty() && none->groups.empty());
}

void TestNeighborhood::groupThresholdCollapses()
{
    NeighborhoodQuery q(m_hand->db());
    auto r = q.load(1, {});
    QVERIFY(r.ok());
    QVERIFY(!r->partial);
    QCOMPARE(r->groups.size(), size_t(1)); // 60 addresses > 25
    const NeighborGroup &g = r->groups[0];
    QCOMPARE(g.type, EntityType::IpAddress);
    QCOMPARE(g.total, 60);
    QCOMPARE(g.top.size(), size_t(10));
    QCOMPARE(g.top[0].node.entity.key, std::string("10.0.0.59")); // count 60: busiest
    QCOMPARE(g.top[9].node.entity.key, std::string("10.0.0.50"));
    // Under the threshold: 3 users and the finding are listed one by one.
    QCOMPARE(r->neighbors.size(), size_t(4));
    QCOMPARE(r->neighbors[0].node.entity.type, EntityType::AwsUser);
    QCOMPARE(r->neighbors[0].node.entity.key, std::string("user4")); // busiest user first

    NeighborhoodFilter f;
    f.groupThreshold = 60; // exactly 60: not more than the threshold
    auto all = q.load(1, f);
    QVERIFY(all.ok());
    QVERIFY(all->groups.empty());
    QCOMPARE(all->neighbors.size(), size_t(64));
    f.groupThreshold = 2;
    f.groupTop = 1;
    auto tight = q.load(1, f);
    QVERIFY(tight.ok());
    QCOMPARE(tight->groups.size(), size_t(2)); // users (3 > 2) and addresses
    QCOMPARE(tight->groups[0].type, EntityType::AwsUser);
    QCOMPARE(tight->groups[0].total, 3);
    QCOMPARE(tight->groups[0].top.size(), size_t(1));
    QCOMPARE(tight->neighbors.size(), size_t(1)); // the finding
}

void TestNeighborhood::membersArePagedAndSorted()
{
    NeighborhoodQuery q(m_hand->db());
    auto page = q.members(1, EntityType::IpAddress, {}, NeighborSort::Weight, 10, 20);
    QVERIFY(page.ok());
    QCOMPARE(page->total, 60);
    QCOMPARE(page->rows.size(), size_t(20));
    QVERIFY(page->more);
    QCOMPARE(page->rows[0].weight, 50); // the 11th busiest
    auto last = q.members(1, EntityType::IpAddress, {}, NeighborSort::FirstSeen, 50, 20);
    QVERIFY(last.ok());
    QCOMPARE(last->rows.size(), size_t(10));
    QVERIFY(!last->more);
    QCOMPARE(last->rows.back().node.entity.key, std::string("10.0.0.59"));
    auto byKey = q.members(1, EntityType::IpAddress, {}, NeighborSort::Key, 0, 3);
    QVERIFY(byKey.ok());
    QCOMPARE(byKey->rows[0].node.entity.key, std::string("10.0.0.0"));
    QCOMPARE(byKey->rows[1].node.entity.key, std::string("10.0.0.1"));
    QCOMPARE(byKey->rows[2].node.entity.key, std::string("10.0.0.10"));
    // Time range: addresses talked to in the first 5 hours only.
    NeighborhoodFilter f;
    f.range.to = at("2026-01-01T05:00:00Z");
    auto early = q.members(1, EntityType::IpAddress, f, NeighborSort::LastSeen, 0, 0);
    QVERIFY(early.ok());
    QCOMPARE(early->total, 5);
    QCOMPARE(early->rows.front().node.entity.key, std::string("10.0.0.4"));
}

void TestNeighborhood::hubReadIsBounded()
{
    NeighborhoodQuery q(m_hand->db());
    auto r = q.load(9, {}); // 30,000 sessions called from the address
    QVERIFY(r.ok());
    QVERIFY(r->partial);
    QCOMPARE(r->groups.size(), size_t(1));
    QVERIFY(r->groups[0].partial);
    QCOMPARE(r->groups[0].total, 20000); // the default scan cap: a lower bound
    QCOMPARE(r->groups[0].top.size(), size_t(10));
    NeighborhoodFilter f;
    f.scanCap = 0; // unbounded, on request
    auto all = q.load(9, f);
    QVERIFY(all.ok());
    QVERIFY(!all->partial);
    QCOMPARE(all->groups[0].total, 30000);
}

void TestNeighborhood::findingsCarrySeverity()
{
    NeighborhoodQuery q(m_hand->db());
    auto r = q.load(1, {});
    QVERIFY(r.ok());
    const Neighbor *finding = find(r->neighbors, "finding-5");
    QVERIFY(finding);
    QCOMPARE(finding->node.severity, 3);
    QVERIFY(hasEdge(*finding, Relation::Involves, false));
    QCOMPARE(r->center.severity, -1); // not a finding
    auto f = q.load(5, {});
    QVERIFY(f.ok());
    QCOMPARE(f->center.severity, 3);
    QCOMPARE(findingSeverityName(f->center.severity), std::string_view("High"));
}

void TestNeighborhood::unknownEntity()
{
    NeighborhoodQuery q(m_hand->db());
    auto r = q.load(424242, {});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::NotFound);
}

void TestNeighborhood::accountFilterLeavesOutOtherAccounts()
{
    NeighborhoodQuery q(m_steal->db());
    const int64_t user = id(*m_steal, EntityType::AwsUser, kStealUser);
    QVERIFY(user);
    auto all = q.load(user, {});
    QVERIFY(all.ok());
    QVERIFY(all->otherAccount.empty());
    std::vector<int64_t> withAccount, without;
    for (const Neighbor &n : all->neighbors)
        (n.node.entity.account.empty() ? without : withAccount).push_back(n.node.entity.id);
    std::sort(withAccount.begin(), withAccount.end());
    QVERIFY(!withAccount.empty() && !without.empty());

    // The detonation's own account: the same neighbours.
    NeighborhoodFilter own;
    own.account = "017622104382";
    auto same = q.load(user, own);
    QVERIFY(same.ok());
    QCOMPARE(same->neighbors.size(), all->neighbors.size());
    QVERIFY(same->otherAccount.empty());

    // Another account: only the neighbours of no account stay (the external IP among them);
    // the others are listed as left out.
    NeighborhoodFilter other;
    other.account = "999999999999";
    auto narrowed = q.load(user, other);
    QVERIFY(narrowed.ok());
    QCOMPARE(narrowed->neighbors.size(), without.size());
    for (const Neighbor &n : narrowed->neighbors)
        QVERIFY(n.node.entity.account.empty());
    QVERIFY(find(narrowed->neighbors, kStealIp));
    QCOMPARE(narrowed->otherAccount, withAccount);
    const EntityType type = [&] {
        for (const Neighbor &n : all->neighbors)
            if (!n.node.entity.account.empty())
                return n.node.entity.type;
        return EntityType::AwsAccount;
    }();
    auto page = q.members(user, type, other);
    QVERIFY(page.ok());
    QCOMPARE(page->total, int64_t(0));
}

QTEST_GUILESS_MAIN(TestNeighborhood)
#include "tst_neighborhood.moc"
