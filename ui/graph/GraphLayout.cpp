#include "GraphLayout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

namespace sightline::graph {
namespace {

constexpr double kPointsPerInch = 72.0;

// Graphviz 2.43 takes char * for names and values it does not modify.
char *cs(const char *s)
{
    return const_cast<char *>(s);
}

std::string number(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

// One process-wide context, created on first use; used and freed only under the mutex.
std::mutex &graphvizMutex()
{
    static std::mutex m;
    return m;
}

GVC_t *context()
{
    static GVC_t *gvc = [] {
        agseterr(AGERR); // no warnings on stderr
        return gvContext();
    }();
    return gvc;
}

struct Box
{
    double x, y, hw, hh; // centre and half sizes
};

// Free placement of boxes with a uniform grid, for the final overlap removal.
class Occupancy
{
public:
    Occupancy(double cell, double gap) : m_cell(std::max(cell, 1.0)), m_gap(gap) {}

    bool free(const Box &b) const
    {
        bool clear = true;
        forCells(b, [&](int64_t key) {
            auto it = m_cells.find(key);
            if (it == m_cells.end())
                return;
            for (size_t i : it->second) {
                const Box &o = m_boxes[i];
                if (std::abs(o.x - b.x) < o.hw + b.hw + m_gap &&
                    std::abs(o.y - b.y) < o.hh + b.hh + m_gap)
                    clear = false;
            }
        });
        return clear;
    }
    void add(const Box &b)
    {
        const size_t index = m_boxes.size();
        m_boxes.push_back(b);
        forCells(b, [&](int64_t key) { m_cells[key].push_back(index); });
    }

private:
    template <typename F> void forCells(const Box &b, F f) const
    {
        const auto c0x = static_cast<int64_t>(std::floor((b.x - b.hw - m_gap) / m_cell));
        const auto c1x = static_cast<int64_t>(std::floor((b.x + b.hw + m_gap) / m_cell));
        const auto c0y = static_cast<int64_t>(std::floor((b.y - b.hh - m_gap) / m_cell));
        const auto c1y = static_cast<int64_t>(std::floor((b.y + b.hh + m_gap) / m_cell));
        for (int64_t cx = c0x; cx <= c1x; ++cx) {
            for (int64_t cy = c0y; cy <= c1y; ++cy)
                f(cx * 73856093 ^ cy * 19349663);
        }
    }
    double m_cell, m_gap;
    std::vector<Box> m_boxes;
    std::unordered_map<int64_t, std::vector<size_t>> m_cells;
};

struct Run
{
    std::vector<size_t> nodes; // indexes into the input nodes
    std::vector<size_t> edges; // indexes into the input edges, both ends in the run
};

// Lays out one run with Graphviz. Positions come back in screen space (y down) for every
// node of the run; routes for its edges when curved. Must hold the mutex.
std::string runGraphviz(const char *engine, const Run &run, const std::vector<LayoutNode> &nodes,
                        const std::vector<LayoutEdge> &edges,
                        const std::unordered_map<int64_t, size_t> &index,
                        const LayoutOptions &options, std::vector<Point> &pos,
                        std::vector<EdgeRoute> &routes)
{
    Agraph_t *g = agopen(cs("sightline"), Agundirected, nullptr);
    if (!g)
        return "Graphviz: cannot create a graph";
    const bool sfdp = std::string_view(engine) == "sfdp";
    int maxIter = options.maxIterations;
    if (maxIter <= 0)
        maxIter = sfdp ? (run.nodes.size() > 1000 ? 100 : 200) : 200;
    bool pins = false;
    for (size_t i : run.nodes)
        pins = pins || nodes[i].pinned.has_value();
    // Graphviz's overlap removal rescales the drawing, pinned nodes included: with pins it is
    // left to the final pass of layoutGraph().
    // Overlap removal: prism (best looking) costs seconds on 500 nodes, so sfdp uses scale
    // (spreads the drawing evenly until nothing overlaps, ~linear).
    agattr(g, AGRAPH, cs("overlap"), cs(pins ? "true" : sfdp ? "scale" : "prism"));
    if (pins && !sfdp) {
        // Graphviz 2.43's stress majorization (neato's default mode) lays the free nodes out
        // as if the pinned ones were elsewhere; Kamada-Kawai honours pins. Its maxiter counts
        // single-node moves.
        agattr(g, AGRAPH, cs("mode"), cs("KK"));
        maxIter = static_cast<int>(std::min<size_t>(100 * run.nodes.size(), 30000));
        if (options.maxIterations > 0)
            maxIter = options.maxIterations;
    }
    agattr(g, AGRAPH, cs("splines"), cs(options.curvedEdges ? "true" : "false"));
    agattr(g, AGRAPH, cs("maxiter"), cs(std::to_string(maxIter).c_str()));
    agattr(g, AGRAPH, cs("start"), cs(std::to_string(options.seed).c_str()));
    agattr(g, AGRAPH, cs("sep"), cs(("+" + number(options.nodeGap / 2)).c_str()));
    agattr(g, AGRAPH, cs("notranslate"), cs("true"));
    agattr(g, AGNODE, cs("shape"), cs("box"));
    agattr(g, AGNODE, cs("fixedsize"), cs("true"));
    agattr(g, AGNODE, cs("label"), cs(""));
    agattr(g, AGNODE, cs("width"), cs("1"));
    agattr(g, AGNODE, cs("height"), cs("1"));
    agattr(g, AGNODE, cs("pos"), cs(""));

    std::vector<Agnode_t *> gvNodes(run.nodes.size());
    std::unordered_map<size_t, size_t> local; // input index -> run position
    for (size_t k = 0; k < run.nodes.size(); ++k) {
        const LayoutNode &n = nodes[run.nodes[k]];
        const std::string name = "n" + std::to_string(k);
        Agnode_t *v = agnode(g, cs(name.c_str()), 1);
        agsafeset(v, cs("width"), cs(number(n.width / kPointsPerInch).c_str()), cs("1"));
        agsafeset(v, cs("height"), cs(number(n.height / kPointsPerInch).c_str()), cs("1"));
        if (n.pinned) {
            // pos is in inches; '!' pins the node. Graphviz's y grows upwards.
            const std::string p = number(n.pinned->x / kPointsPerInch) + "," +
                                  number(-n.pinned->y / kPointsPerInch) + "!";
            agsafeset(v, cs("pos"), cs(p.c_str()), cs(""));
        }
        gvNodes[k] = v;
        local.emplace(run.nodes[k], k);
    }
    // neato's ideal edge length: long enough that a node's neighbours fit around it on a
    // circle (a node expanded into 40 neighbours), at least 1 inch.
    std::vector<size_t> degree(run.nodes.size(), 0);
    double diagonal = 0;
    for (size_t i : run.nodes)
        diagonal += std::hypot(nodes[i].width, nodes[i].height);
    diagonal = run.nodes.empty() ? 0 : diagonal / static_cast<double>(run.nodes.size());
    for (size_t e : run.edges) {
        ++degree[local.at(index.at(edges[e].from))];
        ++degree[local.at(index.at(edges[e].to))];
    }
    if (!sfdp)
        agattr(g, AGEDGE, cs("len"), cs("1"));
    if (sfdp) {
        // sfdp's ideal edge length (K, inches; default 0.3) about a node's size, so that
        // the scale step has little to do; the fast quadtree halves its time on 500 nodes.
        agattr(g, AGRAPH, cs("K"),
               cs(number((diagonal + options.nodeGap) / kPointsPerInch).c_str()));
        agattr(g, AGRAPH, cs("quadtree"), cs("fast"));
    }
    std::vector<Agedge_t *> gvEdges(run.edges.size(), nullptr);
    for (size_t k = 0; k < run.edges.size(); ++k) {
        const LayoutEdge &e = edges[run.edges[k]];
        const size_t a = local.at(index.at(e.from)), b = local.at(index.at(e.to));
        gvEdges[k] = agedge(g, gvNodes[a], gvNodes[b], nullptr, 1);
        if (!sfdp && gvEdges[k]) {
            const double around = static_cast<double>(std::max(degree[a], degree[b])) *
                                  (diagonal + options.nodeGap) / (2 * M_PI);
            const double len = std::max(1.0, around / kPointsPerInch);
            agsafeset(gvEdges[k], cs("len"), cs(number(len).c_str()), cs("1"));
        }
    }

    GVC_t *gvc = context();
    if (!gvc || gvLayout(gvc, g, engine) != 0) {
        agclose(g);
        return std::string("Graphviz: the ") + engine + " layout failed";
    }
    // Graphviz may still translate the drawing (and overlap removal may nudge pinned
    // nodes): the pinned nodes tell by how much, on average. They keep their own position.
    double dx = 0, dy = 0;
    size_t pinnedCount = 0;
    for (size_t k = 0; k < run.nodes.size(); ++k) {
        if (const auto &in = nodes[run.nodes[k]].pinned) {
            dx += in->x - ND_coord(gvNodes[k]).x;
            dy += in->y + ND_coord(gvNodes[k]).y;
            ++pinnedCount;
        }
    }
    if (pinnedCount > 0) {
        dx /= static_cast<double>(pinnedCount);
        dy /= static_cast<double>(pinnedCount);
    }
    for (size_t k = 0; k < run.nodes.size(); ++k) {
        if (nodes[run.nodes[k]].pinned)
            continue;
        const pointf c = ND_coord(gvNodes[k]);
        pos[run.nodes[k]] = Point{c.x + dx, -c.y + dy};
    }
    if (options.curvedEdges) {
        for (size_t k = 0; k < run.edges.size(); ++k) {
            const splines *spl = gvEdges[k] ? ED_spl(gvEdges[k]) : nullptr;
            if (!spl || spl->size < 1 || spl->list[0].size < 4)
                continue;
            EdgeRoute &r = routes[run.edges[k]];
            const bezier &b = spl->list[0];
            // Graphviz may store the edge in either direction: orient it from -> to.
            std::vector<Point> pts;
            for (int i = 0; i < b.size; ++i)
                pts.push_back(Point{b.list[i].x + dx, -b.list[i].y + dy});
            if (agtail(gvEdges[k]) != gvNodes[local.at(index.at(edges[run.edges[k]].from))])
                std::reverse(pts.begin(), pts.end());
            r.points = std::move(pts);
            r.curved = true;
        }
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    return {};
}

// Where the segment from the centre of a towards b leaves a's box.
Point borderPoint(const Box &a, const Point &towards)
{
    const double vx = towards.x - a.x, vy = towards.y - a.y;
    if (vx == 0 && vy == 0)
        return Point{a.x, a.y};
    const double tx = vx != 0 ? a.hw / std::abs(vx) : std::numeric_limits<double>::infinity();
    const double ty = vy != 0 ? a.hh / std::abs(vy) : std::numeric_limits<double>::infinity();
    const double t = std::min({tx, ty, 1.0});
    return Point{a.x + vx * t, a.y + vy * t};
}

} // namespace

LayoutResult layoutGraph(const std::vector<LayoutNode> &nodes, const std::vector<LayoutEdge> &edges,
                         const LayoutOptions &options)
{
    LayoutResult result;
    std::unordered_map<int64_t, size_t> index;
    for (size_t i = 0; i < nodes.size(); ++i) {
        const LayoutNode &n = nodes[i];
        if (!(n.width > 0) || !(n.height > 0) || !std::isfinite(n.width) ||
            !std::isfinite(n.height)) {
            result.error = "node " + std::to_string(n.id) + " has no size";
            return result;
        }
        if (n.pinned && (!std::isfinite(n.pinned->x) || !std::isfinite(n.pinned->y))) {
            result.error = "node " + std::to_string(n.id) + " is pinned at no finite position";
            return result;
        }
        if (!index.emplace(n.id, i).second) {
            result.error = "node id " + std::to_string(n.id) + " given twice";
            return result;
        }
    }
    std::vector<Point> pos(nodes.size());
    result.edges.resize(edges.size());
    for (size_t i = 0; i < edges.size(); ++i) {
        result.edges[i].from = edges[i].from;
        result.edges[i].to = edges[i].to;
    }
    // Edges Graphviz sees: between known nodes, no loops, each pair once.
    std::vector<size_t> usable;
    {
        std::unordered_set<uint64_t> seen;
        for (size_t i = 0; i < edges.size(); ++i) {
            auto a = index.find(edges[i].from), b = index.find(edges[i].to);
            if (a == index.end() || b == index.end() || a->second == b->second)
                continue;
            const auto lo = std::min(a->second, b->second), hi = std::max(a->second, b->second);
            if (seen.insert((static_cast<uint64_t>(lo) << 32) ^ hi).second)
                usable.push_back(i);
        }
    }

    std::vector<size_t> fresh;
    double pinnedMaxX = -std::numeric_limits<double>::infinity(), pinnedMinY = 0;
    double pinnedMaxY = 0;
    bool anyPinned = false;
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].pinned) {
            pos[i] = *nodes[i].pinned;
            pinnedMaxX = std::max(pinnedMaxX, pos[i].x + nodes[i].width / 2);
            pinnedMinY = anyPinned ? std::min(pinnedMinY, pos[i].y - nodes[i].height / 2)
                                   : pos[i].y - nodes[i].height / 2;
            pinnedMaxY = anyPinned ? std::max(pinnedMaxY, pos[i].y + nodes[i].height / 2)
                                   : pos[i].y + nodes[i].height / 2;
            anyPinned = true;
        } else {
            fresh.push_back(i);
        }
    }

    if (!fresh.empty()) {
        Run run;
        std::vector<bool> inRun(nodes.size(), false);
        for (size_t i : fresh)
            inRun[i] = true;
        const bool apart = anyPinned && fresh.size() > options.pinnedLayoutLimit;
        if (anyPinned && !apart) {
            // The pinned nodes tied to a new node hold it in place.
            for (size_t e : usable) {
                const size_t a = index.at(edges[e].from), b = index.at(edges[e].to);
                if (inRun[a] != inRun[b] && (inRun[a] || inRun[b]))
                    inRun[inRun[a] ? b : a] = true;
            }
        }
        for (size_t i = 0; i < nodes.size(); ++i) {
            if (inRun[i])
                run.nodes.push_back(i);
        }
        for (size_t e : usable) {
            if (inRun[index.at(edges[e].from)] && inRun[index.at(edges[e].to)])
                run.edges.push_back(e);
        }
        const char *engine =
            run.nodes.size() > options.largeGraph && (!anyPinned || apart) ? "sfdp" : "neato";
        result.engine = engine;
        std::string error;
        {
            std::lock_guard<std::mutex> lock(graphvizMutex());
            error = runGraphviz(engine, run, nodes, edges, index, options, pos, result.edges);
        }
        if (!error.empty()) {
            result.error = error;
            return result;
        }
        for (size_t i : fresh) {
            if (!std::isfinite(pos[i].x) || !std::isfinite(pos[i].y)) {
                result.error = "Graphviz placed a node at no finite position";
                return result;
            }
        }
        // Shift the new nodes: beside the drawing when laid out apart, else a fresh drawing
        // starts at (0, 0).
        double minX = std::numeric_limits<double>::infinity(), minY = minX;
        for (size_t i : fresh) {
            minX = std::min(minX, pos[i].x - nodes[i].width / 2);
            minY = std::min(minY, pos[i].y - nodes[i].height / 2);
        }
        double sx = 0, sy = 0;
        if (!anyPinned) {
            sx = -minX;
            sy = -minY;
        } else if (apart) {
            sx = pinnedMaxX + 4 * options.nodeGap - minX;
            sy = pinnedMinY - minY;
        }
        for (size_t i : fresh) {
            pos[i].x += sx;
            pos[i].y += sy;
        }
        if (sx != 0 || sy != 0) {
            for (EdgeRoute &r : result.edges) {
                for (Point &p : r.points) {
                    p.x += sx;
                    p.y += sy;
                }
            }
        }
    }
    (void)pinnedMaxY;

    // Overlap removal: pinned nodes first, as they are; then each new node where Graphviz
    // put it, or at the nearest free place on rings around it.
    double cell = 1, minDim = std::numeric_limits<double>::infinity();
    for (const LayoutNode &n : nodes) {
        cell = std::max({cell, n.width, n.height});
        minDim = std::min({minDim, n.width, n.height});
    }
    Occupancy occupied(cell + options.nodeGap, options.nodeGap);
    auto boxAt = [&](size_t i, Point p) {
        return Box{p.x, p.y, nodes[i].width / 2, nodes[i].height / 2};
    };
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].pinned)
            occupied.add(boxAt(i, pos[i]));
    }
    std::vector<bool> moved(nodes.size(), false);
    for (size_t i : fresh) {
        Box b = boxAt(i, pos[i]);
        if (!occupied.free(b)) {
            const double step = (std::isfinite(minDim) ? minDim : 10) / 2 + options.nodeGap / 2;
            bool placed = false;
            for (int ring = 1; !placed; ++ring) {
                const int samples = 8 * ring;
                for (int s = 0; s < samples && !placed; ++s) {
                    const double angle = 2 * M_PI * s / samples;
                    const Box c = boxAt(i, Point{pos[i].x + std::cos(angle) * step * ring,
                                                 pos[i].y + std::sin(angle) * step * ring});
                    if (occupied.free(c)) {
                        b = c;
                        placed = true;
                    }
                }
            }
            pos[i] = Point{b.x, b.y};
            moved[i] = true;
            ++result.movedForOverlap;
        }
        occupied.add(b);
    }

    result.nodes.resize(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i)
        result.nodes[i] = NodePlacement{nodes[i].id, pos[i], nodes[i].pinned.has_value()};
    for (size_t e = 0; e < edges.size(); ++e) {
        EdgeRoute &r = result.edges[e];
        auto a = index.find(edges[e].from), b = index.find(edges[e].to);
        if (a == index.end() || b == index.end()) {
            r.points.clear();
            r.curved = false;
            continue;
        }
        // Graphviz's curve is kept only where both ends are where Graphviz left them.
        const bool keepCurve = r.curved && !moved[a->second] && !moved[b->second] &&
                               !(nodes[a->second].pinned && nodes[b->second].pinned);
        if (keepCurve)
            continue;
        r.curved = false;
        r.points.clear();
        if (a->second == b->second)
            continue; // a loop: the view draws it
        const Box ba = boxAt(a->second, pos[a->second]), bb = boxAt(b->second, pos[b->second]);
        r.points.push_back(borderPoint(ba, pos[b->second]));
        r.points.push_back(borderPoint(bb, pos[a->second]));
    }
    return result;
}

} // namespace sightline::graph
