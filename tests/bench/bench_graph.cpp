// Relationship graph benchmark: what the graph view does when an investigator opens the
// busiest entity of a big case and expands its neighbours until about 500 nodes show:
// NeighborhoodQuery for each expansion, then the Graphviz layout of all visible nodes, then
// one more expansion laid out incrementally (previous nodes pinned). Prints milliseconds;
// asserts nothing. Usage:
//   sightline-bench-graph [--case PATH] [--events N] [--work DIR] [--nodes N] [--runs R]
// Without --case, CloudTrail evidence of N events (default 2,000,000) is generated into DIR
// (reused when present) and imported into DIR/bench.sightline (reused when present).
#include "CaseFile.h"
#include "GraphLayout.h"
#include "Importer.h"
#include "gen/CloudTrailGenerator.h"
#include "queries/Neighborhood.h"
#include "queries/PathQuery.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <string>
#include <unordered_set>
#include <vector>

namespace fs = std::filesystem;
using namespace sightline;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// The entity with the most edges (either direction).
int64_t busiestEntity(Database &db, int64_t &degree)
{
    Statement st(db, "SELECT id, sum(c) FROM (SELECT src AS id, count(*) AS c FROM edges "
                     "GROUP BY src UNION ALL SELECT dst, count(*) FROM edges GROUP BY dst) "
                     "GROUP BY id ORDER BY 2 DESC LIMIT 1");
    if (!st.step())
        return 0;
    degree = st.int64(1);
    return st.int64(0);
}

// The visible graph, built the way the view builds it.
struct Visible
{
    std::vector<graph::LayoutNode> nodes;
    std::vector<graph::LayoutEdge> edges;
    std::unordered_set<int64_t> ids;
    std::deque<int64_t> toExpand;
    int64_t nextGroupId = -1;

    void add(int64_t id, int64_t from)
    {
        if (ids.insert(id).second) {
            nodes.push_back(graph::LayoutNode{id, 140, 32, std::nullopt});
            if (id > 0)
                toExpand.push_back(id);
        }
        if (from != 0)
            edges.push_back(graph::LayoutEdge{from, id});
    }
    void addHood(const Neighborhood &h)
    {
        const int64_t c = h.center.entity.id;
        add(c, 0);
        for (const Neighbor &n : h.neighbors)
            add(n.node.entity.id, c);
        for (const NeighborGroup &g : h.groups) {
            const int64_t groupNode = nextGroupId--; // "1,234 IpAddress" box
            add(groupNode, c);
            for (const Neighbor &n : g.top)
                add(n.node.entity.id, groupNode);
        }
    }
};

} // namespace

int main(int argc, char **argv)
{
    std::string casePath;
    uint64_t events = 2000000;
    std::string work = "/tmp/sightline-bench-graph";
    size_t target = 500;
    int runs = 5;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--case" && i + 1 < argc)
            casePath = argv[++i];
        else if (a == "--events" && i + 1 < argc)
            events = std::stoull(argv[++i]);
        else if (a == "--work" && i + 1 < argc)
            work = argv[++i];
        else if (a == "--nodes" && i + 1 < argc)
            target = std::stoull(argv[++i]);
        else if (a == "--runs" && i + 1 < argc)
            runs = std::max(1, std::stoi(argv[++i]));
        else {
            std::fprintf(stderr,
                         "usage: %s [--case PATH] [--events N] [--work DIR] [--nodes N] "
                         "[--runs R]\n",
                         argv[0]);
            return 1;
        }
    }
    if (casePath.empty()) {
        std::string error;
        const std::string evidence = bench::ensureEvidence(work, events, error);
        if (evidence.empty()) {
            std::fprintf(stderr, "generator failed: %s\n", error.c_str());
            return 2;
        }
        casePath = work + "/bench.sightline";
        if (!fs::exists(casePath)) {
            std::printf("importing into %s ...\n", casePath.c_str());
            auto c = CaseFile::openOrCreate(casePath);
            if (!c || !importPaths(*c, {evidence})) {
                std::fprintf(stderr, "import failed\n");
                return 2;
            }
        }
    }
    auto caseFile = CaseFile::open(casePath);
    if (!caseFile) {
        std::fprintf(stderr, "%s\n", caseFile.error().detail.c_str());
        return 2;
    }
    Database &db = caseFile->db();
    int64_t degree = 0;
    const int64_t center = busiestEntity(db, degree);
    if (center == 0) {
        std::fprintf(stderr, "the case has no edges\n");
        return 2;
    }
    std::printf("case %s\nbusiest entity: id %lld, %lld edges; target %zu visible nodes\n",
                casePath.c_str(), static_cast<long long>(center), static_cast<long long>(degree),
                target);

    std::vector<double> queryMs, layoutMs, expandQueryMs, expandLayoutMs, pathMs;
    size_t visibleNodes = 0, visibleEdges = 0, expansions = 0, added = 0;
    std::string engine, expandEngine;
    size_t movedForOverlap = 0;
    for (int run = 0; run < runs; ++run) {
        // A fresh connection and query object per run, as a new view would have.
        auto c = CaseFile::open(casePath);
        NeighborhoodQuery q(c->db());
        Visible v;
        NeighborhoodFilter filter;
        const auto t0 = Clock::now();
        size_t expanded = 0;
        v.toExpand.push_back(center);
        while (v.nodes.size() < target && !v.toExpand.empty()) {
            const int64_t next = v.toExpand.front();
            v.toExpand.pop_front();
            auto h = q.load(next, filter);
            if (!h) {
                std::fprintf(stderr, "query failed: %s\n", h.error().detail.c_str());
                return 2;
            }
            v.addHood(*h);
            ++expanded;
        }
        queryMs.push_back(ms(Clock::now() - t0));
        visibleNodes = v.nodes.size();
        visibleEdges = v.edges.size();
        expansions = expanded;

        const auto t1 = Clock::now();
        const graph::LayoutResult layout = graph::layoutGraph(v.nodes, v.edges);
        layoutMs.push_back(ms(Clock::now() - t1));
        if (!layout.ok()) {
            std::fprintf(stderr, "layout failed: %s\n", layout.error.c_str());
            return 2;
        }
        engine = layout.engine;
        movedForOverlap = layout.movedForOverlap;

        // One more expansion, laid out with the visible nodes pinned.
        for (size_t i = 0; i < v.nodes.size(); ++i)
            v.nodes[i].pinned = layout.nodes[i].center;
        const size_t before = v.nodes.size();
        const auto t2 = Clock::now();
        while (v.nodes.size() == before && !v.toExpand.empty()) {
            const int64_t next = v.toExpand.front();
            v.toExpand.pop_front();
            auto h = q.load(next, filter);
            if (!h)
                return 2;
            v.addHood(*h);
        }
        expandQueryMs.push_back(ms(Clock::now() - t2));
        added = v.nodes.size() - before;
        const auto t3 = Clock::now();
        const graph::LayoutResult more = graph::layoutGraph(v.nodes, v.edges);
        expandLayoutMs.push_back(ms(Clock::now() - t3));
        if (!more.ok())
            return 2;
        expandEngine = more.engine;

        // A path from the busiest entity to the last node added.
        PathQuery paths(c->db());
        const auto t4 = Clock::now();
        auto p = paths.find(center, v.nodes.back().id > 0 ? v.nodes.back().id : center, {});
        pathMs.push_back(ms(Clock::now() - t4));
        if (!p)
            return 2;
    }
    std::printf("visible: %zu nodes, %zu edges after %zu expansions\n", visibleNodes, visibleEdges,
                expansions);
    std::printf("  neighbourhood queries (all expansions)   median %8.1f ms\n", median(queryMs));
    std::printf("  layout of all visible nodes (%s)      median %8.1f ms\n", engine.c_str(),
                median(layoutMs));
    std::printf("  (nodes moved by the final overlap pass: %zu)\n", movedForOverlap);
    std::printf("  query + layout                           median %8.1f ms\n",
                median(queryMs) + median(layoutMs));
    std::printf("  one more expansion: query                median %8.1f ms (%zu new nodes)\n",
                median(expandQueryMs), added);
    std::printf("  one more expansion: layout, pinned (%s) median %8.1f ms\n", expandEngine.c_str(),
                median(expandLayoutMs));
    std::printf("  shortest paths busiest -> last node      median %8.1f ms\n", median(pathMs));
    return 0;
}
