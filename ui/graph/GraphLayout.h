#pragma once
// Graph layout for the relationship graph view, computed by Graphviz in plain C++ (no Qt),
// so that the view only draws (Sourcetrail's split). The caller gives node sizes and edges
// and gets back node centres and edge routes; it owns ids and meaning.
//
// Coordinates: one unit is a Graphviz point (1/72 inch); the GUI can read them as device-
// independent pixels. x grows to the right and y DOWNWARDS (screen convention); a node's
// position is its centre. Output is in the same space as pinned input positions.
//
// Engines: neato (stress majorization) for up to LayoutOptions::largeGraph nodes, sfdp
// (multilevel force-directed) above; iterations are capped (maxIterations) so that a call
// always ends. Incremental expansion: nodes given a pinned position keep it exactly; only
// the other ("new") nodes are placed, by neato with the pinned nodes they are tied to held
// fixed, so that new neighbours land next to the node that was expanded. When more than
// pinnedLayoutLimit new nodes come at once they are laid out on their own by sfdp and set
// beside the existing drawing. No two nodes overlap: Graphviz removes overlaps in a fresh
// drawing (prism for neato, the cheaper scale for sfdp); then a final pass moves any new node
// that still overlaps another (or lies closer than nodeGap) to the nearest free place around
// where Graphviz put it. Pinned nodes never move (two pinned nodes may overlap if the caller
// pinned them so).
//
// Thread safety: Graphviz keeps global state and is not thread safe in every version
// (2.43 on Debian 12 is not), so layoutGraph() serializes all Graphviz work behind one
// process-wide mutex. It can be called from any thread (e.g. a QtConcurrent task); calls
// from several threads run one after the other.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sightline::graph {

struct Point
{
    double x = 0;
    double y = 0;
};

struct LayoutNode
{
    int64_t id = 0;              // the caller's id (an entity id, a group id ...), unique
    double width = 0;            // > 0
    double height = 0;           // > 0
    std::optional<Point> pinned; // kept exactly when set (nodes placed before)
};

struct LayoutEdge
{
    int64_t from = 0; // node ids; edges naming an unknown id are routed with no points
    int64_t to = 0;
};

struct LayoutOptions
{
    double nodeGap = 12;            // free space kept between two nodes' boxes
    size_t largeGraph = 150;        // more nodes than this: sfdp instead of neato
    size_t pinnedLayoutLimit = 300; // more new nodes than this: laid out apart (see above)
    int maxIterations = 0;          // 0 = 200 for neato, 100 for sfdp above 1,000 nodes
    bool curvedEdges = false;       // Graphviz spline routing (slower), else straight lines
    unsigned seed = 1;              // the same input and seed give the same layout
};

struct NodePlacement
{
    int64_t id = 0;
    Point center;
    bool pinned = false; // it was pinned and kept its position
};

// points: a polyline from the source node's border to the target's (2 points for a
// straight line), or, when curved, a piecewise cubic Bezier (1 + 3k points).
struct EdgeRoute
{
    int64_t from = 0, to = 0;
    std::vector<Point> points;
    bool curved = false;
};

struct LayoutResult
{
    std::vector<NodePlacement> nodes; // in the order of the input nodes
    std::vector<EdgeRoute> edges;     // in the order of the input edges
    std::string engine;               // "neato", "sfdp", "" when Graphviz was not needed
    size_t movedForOverlap = 0;       // new nodes moved by the final overlap removal
    std::string error;                // empty on success
    bool ok() const { return error.empty(); }
};

LayoutResult layoutGraph(const std::vector<LayoutNode> &nodes, const std::vector<LayoutEdge> &edges,
                         const LayoutOptions &options = {});

} // namespace sightline::graph
