// PathQuery: shortest paths on the real Stratus "ec2-steal-instance-credentials" case (the
// IAM user reached the stolen role session through the instance) and on a hand-made graph
// with a hub, parallel paths, time-bounded edges and an unreachable node.
#include "GraphCases.h"
#include "queries/EntityLookup.h"
#include "queries/PathQuery.h"

#include <QTest>

#include <optional>
#include <set>

using namespace sightline;
using namespace sightline::test;

namespace {

std::vector<std::string> keys(const GraphPath &p)
{
    std::vector<std::string> out;
    for (const GraphNode &n : p.nodes)
        out.push_back(n.entity.key);
    return out;
}

} // namespace

class TestPath : public QObject
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
    void userToStolenSession();
    void relationFilterKeepsTheInstanceChain();
    void timeRangeCutsThePath();
    void hubIsNotCrossed();
    void pathCapAndDepth();
    void visitCapTruncates();
    void unreachableAndSame();
};

void TestPath::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto path = importSample(m_dir, kStealFile, "steal.sightline");
    QVERIFY(path);
    auto c = CaseFile::open(*path);
    QVERIFY(c.ok());
    m_steal.emplace(std::move(*c));

    // A(1) and B(2) share the account hub H(3) (also tied to 50 other users); A - X(4) -
    // Y(5) - B and A - X2(6) - Y are the paths around it (X2's edges only in February);
    // Z(7) is tied to nothing.
    const std::string p = m_dir.filePath(QStringLiteral("hand.sightline")).toStdString();
    {
        auto h = CaseFile::openOrCreate(p);
        QVERIFY(h.ok());
        GraphWriter w(*h);
        const int64_t jan = at("2026-01-10T00:00:00Z"), feb = at("2026-02-10T00:00:00Z");
        QVERIFY(w.entity(1, EntityType::AwsUser, "A"));
        QVERIFY(w.entity(2, EntityType::AwsRoleSession, "B"));
        QVERIFY(w.entity(3, EntityType::AwsAccount, "H"));
        QVERIFY(w.entity(4, EntityType::IpAddress, "X"));
        QVERIFY(w.entity(5, EntityType::Ec2Instance, "Y"));
        QVERIFY(w.entity(6, EntityType::IpAddress, "X2"));
        QVERIFY(w.entity(7, EntityType::S3Bucket, "Z"));
        QVERIFY(w.edge(1, Relation::InAccount, 3, jan, jan));
        QVERIFY(w.edge(2, Relation::InAccount, 3, jan, jan));
        for (int i = 0; i < 50; ++i) {
            QVERIFY(w.entity(100 + i, EntityType::AwsUser, "u" + std::to_string(i)));
            QVERIFY(w.edge(100 + i, Relation::InAccount, 3, jan, jan));
        }
        QVERIFY(w.edge(1, Relation::CalledFrom, 4, jan, jan));
        QVERIFY(w.edge(5, Relation::TalkedTo, 4, jan, jan));
        QVERIFY(w.edge(5, Relation::RunsAs, 2, jan, jan));
        QVERIFY(w.edge(1, Relation::CalledFrom, 6, feb, feb));
        QVERIFY(w.edge(5, Relation::TalkedTo, 6, feb, feb));
    }
    auto h = CaseFile::open(p);
    QVERIFY(h.ok());
    m_hand.emplace(std::move(*h));
}

void TestPath::userToStolenSession()
{
    PathQuery q(m_steal->db());
    const int64_t user = id(*m_steal, EntityType::AwsUser, kStealUser);
    const int64_t session = id(*m_steal, EntityType::AwsRoleSession, kStealSession);
    QVERIFY(user && session);
    auto r = q.find(user, session, {});
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().detail.c_str());
    QCOMPARE(r->length, 2);
    QVERIFY(!r->truncated && !r->more && r->hubs.empty());
    // Four ties of length 2: the instance it ran on, the external IP, the user agent and the
    // account both used.
    std::set<std::string> middles;
    for (const GraphPath &p : r->paths) {
        QCOMPARE(p.nodes.size(), size_t(3));
        QCOMPARE(p.nodes.front().entity.key, std::string(kStealUser));
        QCOMPARE(p.nodes.back().entity.key, std::string(kStealSession));
        middles.insert(p.nodes[1].entity.key);
        if (p.nodes[1].entity.key == kStealInstance) {
            // user -acted_on-> instance -runs_as-> session
            QCOMPARE(p.links[0].edges.size(), size_t(1));
            QCOMPARE(p.links[0].edges[0].relation, Relation::ActedOn);
            QVERIFY(p.links[0].edges[0].outgoing);
            QCOMPARE(p.links[1].edges.size(), size_t(1));
            QCOMPARE(p.links[1].edges[0].relation, Relation::RunsAs);
            QVERIFY(p.links[1].edges[0].outgoing); // instance -> session: along the path
        }
        if (p.nodes[1].entity.key == kStealIp) {
            QCOMPARE(p.links[0].edges[0].relation, Relation::CalledFrom);
            QCOMPARE(p.links[0].edges[0].count, 43);
            QCOMPARE(p.links[1].edges[0].count, 2);
        }
    }
    QCOMPARE(middles.size(), size_t(4));
    QVERIFY(middles.count(kStealInstance));
    QVERIFY(middles.count(kStealIp));
    QVERIFY(middles.count("017622104382"));
}

void TestPath::relationFilterKeepsTheInstanceChain()
{
    PathQuery q(m_steal->db());
    PathFilter f;
    f.relations = {Relation::ActedOn, Relation::RunsAs};
    auto r = q.find(id(*m_steal, EntityType::AwsUser, kStealUser),
                    id(*m_steal, EntityType::AwsRoleSession, kStealSession), f);
    QVERIFY(r.ok());
    QCOMPARE(r->paths.size(), size_t(1));
    QCOMPARE(keys(r->paths[0]),
             (std::vector<std::string>{kStealUser, kStealInstance, kStealSession}));
    // The other way round: the same chain, reversed.
    auto back = q.find(id(*m_steal, EntityType::AwsRoleSession, kStealSession),
                       id(*m_steal, EntityType::AwsUser, kStealUser), f);
    QVERIFY(back.ok());
    QCOMPARE(keys(back->paths[0]),
             (std::vector<std::string>{kStealSession, kStealInstance, kStealUser}));
    QVERIFY(back->paths[0].links[0].edges[0].outgoing == false); // instance -> session
}

void TestPath::timeRangeCutsThePath()
{
    PathQuery q(m_steal->db());
    PathFilter f;
    f.range.from = at("2024-08-02T08:23:55Z"); // after the user's last call
    auto r = q.find(id(*m_steal, EntityType::AwsUser, kStealUser),
                    id(*m_steal, EntityType::AwsRoleSession, kStealSession), f);
    QVERIFY(r.ok());
    QCOMPARE(r->length, -1);
    QVERIFY(r->paths.empty());
}

void TestPath::hubIsNotCrossed()
{
    PathQuery q(m_hand->db());
    auto through = q.find(1, 2, {}); // hubDegree 1000: the account's 52 edges are fine
    QVERIFY(through.ok());
    QCOMPARE(through->length, 2);
    QCOMPARE(keys(through->paths[0]), (std::vector<std::string>{"A", "H", "B"}));

    PathFilter f;
    f.hubDegree = 10;
    auto around = q.find(1, 2, f);
    QVERIFY(around.ok());
    QCOMPARE(around->length, 3);
    QCOMPARE(around->paths.size(), size_t(2));
    QCOMPARE(keys(around->paths[0]), (std::vector<std::string>{"A", "X", "Y", "B"}));
    QCOMPARE(keys(around->paths[1]), (std::vector<std::string>{"A", "X2", "Y", "B"}));
    QCOMPARE(around->hubs.size(), size_t(1));
    QCOMPARE(around->hubs[0].node.entity.key, std::string("H"));

    // An endpoint is expanded whatever its degree.
    auto fromHub = q.find(3, 5, f);
    QVERIFY(fromHub.ok());
    QCOMPARE(fromHub->length, 2);
    QCOMPARE(keys(fromHub->paths[0]), (std::vector<std::string>{"H", "B", "Y"}));

    // January only: X2's edges are from February.
    f.range.to = at("2026-02-01T00:00:00Z");
    auto jan = q.find(1, 2, f);
    QVERIFY(jan.ok());
    QCOMPARE(jan->paths.size(), size_t(1));
    QCOMPARE(keys(jan->paths[0]), (std::vector<std::string>{"A", "X", "Y", "B"}));
}

void TestPath::pathCapAndDepth()
{
    PathQuery q(m_hand->db());
    PathFilter f;
    f.hubDegree = 10;
    f.maxPaths = 1;
    auto one = q.find(1, 2, f);
    QVERIFY(one.ok());
    QCOMPARE(one->paths.size(), size_t(1));
    QVERIFY(one->more);
    f.maxPaths = 10;
    f.maxDepth = 2; // the paths around the hub have 3 edges
    auto shallow = q.find(1, 2, f);
    QVERIFY(shallow.ok());
    QCOMPARE(shallow->length, -1);
    QVERIFY(!shallow->truncated);
}

void TestPath::visitCapTruncates()
{
    PathQuery q(m_hand->db());
    PathFilter f;
    f.maxVisited = 20; // H's 52 neighbours exceed it
    auto r = q.find(7, 3, f);
    QVERIFY(r.ok());
    QCOMPARE(r->length, -1);
    auto t = q.find(100, 4, f); // u0 - H - ...: expanding H passes 20 nodes
    QVERIFY(t.ok());
    QVERIFY(t->truncated);
}

void TestPath::unreachableAndSame()
{
    PathQuery q(m_hand->db());
    auto none = q.find(1, 7, {});
    QVERIFY(none.ok());
    QCOMPARE(none->length, -1);
    QVERIFY(none->paths.empty());
    QVERIFY(!none->truncated);
    auto same = q.find(1, 1, {});
    QVERIFY(same.ok());
    QCOMPARE(same->length, 0);
    QCOMPARE(same->paths.size(), size_t(1));
    QCOMPARE(same->paths[0].nodes.size(), size_t(1));
    auto missing = q.find(1, 999999, {});
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestPath)
#include "tst_path.moc"
