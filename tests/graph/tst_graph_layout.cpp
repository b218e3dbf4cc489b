// GraphLayout (Graphviz): properties, not coordinates. Every node gets a finite position,
// no two nodes overlap, pinned (previously placed) nodes stay exactly where they were when
// the graph is expanded, edges are routed between the right nodes, and concurrent calls are
// serialized.
#include "GraphLayout.h"

#include <QTest>

#include <cmath>
#include <thread>

using namespace sightline::graph;

namespace {

// A tree-like graph: node 0 at the centre, `spokes` children, each with `leaves` leaves.
void tree(int spokes, int leaves, std::vector<LayoutNode> &nodes, std::vector<LayoutEdge> &edges,
          int64_t firstId = 0)
{
    int64_t next = firstId;
    const int64_t root = next++;
    nodes.push_back(LayoutNode{root, 120, 36, std::nullopt});
    for (int s = 0; s < spokes; ++s) {
        const int64_t spoke = next++;
        nodes.push_back(LayoutNode{spoke, 90, 30, std::nullopt});
        edges.push_back(LayoutEdge{root, spoke});
        for (int l = 0; l < leaves; ++l) {
            const int64_t leaf = next++;
            nodes.push_back(
                LayoutNode{leaf, 60.0 + static_cast<double>(leaf % 3) * 20, 24, std::nullopt});
            edges.push_back(LayoutEdge{spoke, leaf});
        }
    }
}

// "" when no two boxes overlap and every position is finite, else what is wrong.
std::string checkPlacement(const std::vector<LayoutNode> &in, const LayoutResult &r)
{
    if (r.nodes.size() != in.size())
        return "wrong node count";
    for (size_t i = 0; i < in.size(); ++i) {
        if (r.nodes[i].id != in[i].id)
            return "order changed";
        if (!std::isfinite(r.nodes[i].center.x) || !std::isfinite(r.nodes[i].center.y))
            return "node " + std::to_string(in[i].id) + " not finite";
    }
    for (size_t i = 0; i < in.size(); ++i) {
        for (size_t j = i + 1; j < in.size(); ++j) {
            const double dx = std::abs(r.nodes[i].center.x - r.nodes[j].center.x);
            const double dy = std::abs(r.nodes[i].center.y - r.nodes[j].center.y);
            if (dx < (in[i].width + in[j].width) / 2 && dy < (in[i].height + in[j].height) / 2)
                return "nodes " + std::to_string(in[i].id) + " and " + std::to_string(in[j].id) +
                       " overlap";
        }
    }
    return {};
}

} // namespace

class TestGraphLayout : public QObject
{
    Q_OBJECT

private slots:
    void smallGraphWithNeato();
    void largeGraphWithSfdp();
    void expandKeepsPlacedNodes();
    void manyNewNodesGoBeside();
    void edgesAreRouted();
    void curvedEdges();
    void badInput();
    void concurrentCallsAreSerialized();
};

void TestGraphLayout::smallGraphWithNeato()
{
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    tree(6, 4, nodes, edges); // 31 nodes
    const LayoutResult r = layoutGraph(nodes, edges);
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.engine, std::string("neato"));
    const std::string problem = checkPlacement(nodes, r);
    QVERIFY2(problem.empty(), problem.c_str());
    // A fresh drawing starts at the origin.
    double minX = 1e18, minY = 1e18;
    for (size_t i = 0; i < nodes.size(); ++i) {
        minX = std::min(minX, r.nodes[i].center.x - nodes[i].width / 2);
        minY = std::min(minY, r.nodes[i].center.y - nodes[i].height / 2);
    }
    QVERIFY(std::abs(minX) < 1 && std::abs(minY) < 1);
    // Same input, same seed: same layout.
    const LayoutResult again = layoutGraph(nodes, edges);
    for (size_t i = 0; i < nodes.size(); ++i) {
        QCOMPARE(again.nodes[i].center.x, r.nodes[i].center.x);
        QCOMPARE(again.nodes[i].center.y, r.nodes[i].center.y);
    }
}

void TestGraphLayout::largeGraphWithSfdp()
{
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    tree(20, 24, nodes, edges); // 501 nodes
    const LayoutResult r = layoutGraph(nodes, edges);
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.engine, std::string("sfdp"));
    const std::string problem = checkPlacement(nodes, r);
    QVERIFY2(problem.empty(), problem.c_str());
}

void TestGraphLayout::expandKeepsPlacedNodes()
{
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    tree(5, 5, nodes, edges); // 31 nodes, ids 0..30
    const LayoutResult first = layoutGraph(nodes, edges);
    QVERIFY(first.ok());
    for (size_t i = 0; i < nodes.size(); ++i)
        nodes[i].pinned = first.nodes[i].center;
    // Expand leaf 7: 40 new neighbours, two of them also tied to node 20.
    const size_t before = nodes.size();
    for (int k = 0; k < 40; ++k) {
        nodes.push_back(LayoutNode{1000 + k, 80, 28, std::nullopt});
        edges.push_back(LayoutEdge{7, 1000 + k});
    }
    edges.push_back(LayoutEdge{1000, 20});
    edges.push_back(LayoutEdge{1001, 20});
    const LayoutResult second = layoutGraph(nodes, edges);
    QVERIFY2(second.ok(), second.error.c_str());
    QCOMPARE(second.engine, std::string("neato"));
    for (size_t i = 0; i < before; ++i) {
        QCOMPARE(second.nodes[i].center.x, first.nodes[i].center.x); // exactly
        QCOMPARE(second.nodes[i].center.y, first.nodes[i].center.y);
        QVERIFY(second.nodes[i].pinned);
    }
    const std::string problem = checkPlacement(nodes, second);
    QVERIFY2(problem.empty(), problem.c_str());
    // The new nodes gather around the node expanded: nearer to it than to the drawing's
    // far side on average.
    const Point anchor = first.nodes[7].center;
    double toAnchor = 0, toFar = 0;
    Point far = anchor;
    for (size_t i = 0; i < before; ++i) {
        const NodePlacement &p = first.nodes[i];
        if (std::hypot(p.center.x - anchor.x, p.center.y - anchor.y) >
            std::hypot(far.x - anchor.x, far.y - anchor.y))
            far = p.center;
    }
    for (size_t i = before; i < nodes.size(); ++i) {
        const Point c = second.nodes[i].center;
        toAnchor += std::hypot(c.x - anchor.x, c.y - anchor.y);
        toFar += std::hypot(c.x - far.x, c.y - far.y);
    }
    QVERIFY2(toAnchor < toFar, qPrintable(QStringLiteral("%1 vs %2").arg(toAnchor).arg(toFar)));
}

void TestGraphLayout::manyNewNodesGoBeside()
{
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    tree(3, 3, nodes, edges); // 13 nodes
    const LayoutResult first = layoutGraph(nodes, edges);
    QVERIFY(first.ok());
    double maxX = -1e18;
    for (size_t i = 0; i < nodes.size(); ++i) {
        nodes[i].pinned = first.nodes[i].center;
        maxX = std::max(maxX, first.nodes[i].center.x + nodes[i].width / 2);
    }
    const size_t before = nodes.size();
    tree(4, 5, nodes, edges, 500); // 25 new nodes
    edges.push_back(LayoutEdge{0, 500});
    LayoutOptions o;
    o.pinnedLayoutLimit = 10;
    const LayoutResult r = layoutGraph(nodes, edges, o);
    QVERIFY2(r.ok(), r.error.c_str());
    for (size_t i = 0; i < before; ++i) {
        QCOMPARE(r.nodes[i].center.x, first.nodes[i].center.x);
        QCOMPARE(r.nodes[i].center.y, first.nodes[i].center.y);
    }
    for (size_t i = before; i < nodes.size(); ++i)
        QVERIFY(r.nodes[i].center.x - nodes[i].width / 2 > maxX);
    const std::string problem = checkPlacement(nodes, r);
    QVERIFY2(problem.empty(), problem.c_str());
}

void TestGraphLayout::edgesAreRouted()
{
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    tree(4, 2, nodes, edges);
    edges.push_back(LayoutEdge{3, 3});    // a loop: no points
    edges.push_back(LayoutEdge{1, 4242}); // an unknown node: no points
    const LayoutResult r = layoutGraph(nodes, edges);
    QVERIFY(r.ok());
    QCOMPARE(r.edges.size(), edges.size());
    for (size_t e = 0; e + 2 < edges.size(); ++e) {
        const EdgeRoute &route = r.edges[e];
        QCOMPARE(route.from, edges[e].from);
        QCOMPARE(route.to, edges[e].to);
        QCOMPARE(route.points.size(), size_t(2));
        QVERIFY(!route.curved);
        // Each end lies on its node's border.
        const auto onBorder = [&](const Point &p, int64_t id) {
            const LayoutNode &n = nodes[static_cast<size_t>(id)];
            const Point c = r.nodes[static_cast<size_t>(id)].center;
            const double dx = std::abs(p.x - c.x), dy = std::abs(p.y - c.y);
            return dx <= n.width / 2 + 1e-6 && dy <= n.height / 2 + 1e-6 &&
                   (std::abs(dx - n.width / 2) < 1e-6 || std::abs(dy - n.height / 2) < 1e-6);
        };
        QVERIFY(onBorder(route.points.front(), route.from));
        QVERIFY(onBorder(route.points.back(), route.to));
    }
    QVERIFY(r.edges[edges.size() - 2].points.empty());
    QVERIFY(r.edges[edges.size() - 1].points.empty());
}

void TestGraphLayout::curvedEdges()
{
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    tree(4, 3, nodes, edges);
    LayoutOptions o;
    o.curvedEdges = true;
    const LayoutResult r = layoutGraph(nodes, edges, o);
    QVERIFY2(r.ok(), r.error.c_str());
    int curved = 0;
    for (const EdgeRoute &route : r.edges) {
        QVERIFY(route.points.size() >= 2);
        if (route.curved) {
            ++curved;
            QCOMPARE((route.points.size() - 1) % 3, size_t(0));
            for (const Point &p : route.points)
                QVERIFY(std::isfinite(p.x) && std::isfinite(p.y));
        }
    }
    QVERIFY(curved > 0);
}

void TestGraphLayout::badInput()
{
    QVERIFY(layoutGraph({}, {}).ok());
    QVERIFY(!layoutGraph({LayoutNode{1, 10, 10, {}}, LayoutNode{1, 10, 10, {}}}, {}).ok());
    QVERIFY(!layoutGraph({LayoutNode{1, 0, 10, {}}}, {}).ok());
    QVERIFY(!layoutGraph({LayoutNode{1, 10, 10, Point{NAN, 0}}}, {}).ok());
    // Only pinned nodes: nothing for Graphviz, positions as given.
    const LayoutResult r =
        layoutGraph({LayoutNode{1, 10, 10, Point{5, 6}}, LayoutNode{2, 10, 10, Point{50, 6}}},
                    {LayoutEdge{1, 2}});
    QVERIFY(r.ok());
    QCOMPARE(r.engine, std::string());
    QCOMPARE(r.nodes[1].center.x, 50.0);
}

void TestGraphLayout::concurrentCallsAreSerialized()
{
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    tree(8, 6, nodes, edges);
    const LayoutResult reference = layoutGraph(nodes, edges);
    QVERIFY(reference.ok());
    std::vector<LayoutResult> results(4);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < results.size(); ++t)
        threads.emplace_back([&, t] { results[t] = layoutGraph(nodes, edges); });
    for (std::thread &t : threads)
        t.join();
    for (const LayoutResult &r : results) {
        QVERIFY(r.ok());
        for (size_t i = 0; i < nodes.size(); ++i) {
            QCOMPARE(r.nodes[i].center.x, reference.nodes[i].center.x);
            QCOMPARE(r.nodes[i].center.y, reference.nodes[i].center.y);
        }
    }
}

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graph_layout.moc"
