#pragma once
// Shortest paths between two entities over the relationship graph (edges table), for the
// graph view and `sightline-cli path`: how is this user tied to that instance?
//
// Edges are followed in both directions (src -> dst and dst -> src); with a bounded range
// only edges whose [first, last] seen overlaps it. The search is a breadth-first search
// from both ends at once (one whole level of the smaller side at a time), so it touches
// far fewer nodes than a one-sided search, and it is bounded three ways:
//  - maxDepth: paths longer than that are not searched for;
//  - maxVisited: the search stops once that many nodes were reached (truncated);
//  - hubs: a node with more than hubDegree edges (in the range, both directions counted)
//    is never crossed, except when it is one of the two endpoints. Such a node is an
//    account every principal belongs to, a NAT address every instance talks to, a common
//    user agent: a path through it says little and expanding it would read thousands of
//    edges. Each hub met is listed in PathResult::hubs, so the caller can say that paths
//    through it were left out (and raise hubDegree to include them).
// Reading one node's edges reads at most hubDegree + 1 of them per direction, and the two
// endpoints at most maxVisited, so one search reads a bounded number of rows.
// Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "Neighborhood.h"
#include "Relation.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <vector>

namespace sightline {

struct PathFilter
{
    TimeRange range;
    std::vector<Relation> relations; // relations to follow; empty = all
    size_t maxDepth = 6;             // edges in a path at most
    size_t maxPaths = 10;            // shortest paths returned at most (all have one length)
    size_t maxVisited = 20000;       // nodes reached before the search gives up
    size_t hubDegree = 1000;         // nodes with more edges are not crossed
};

// The edges between two consecutive nodes of a path (one or more relations).
struct PathLink
{
    std::vector<NeighborEdge> edges; // outgoing: from the earlier node of the path to the next
};

struct GraphPath
{
    std::vector<GraphNode> nodes; // from the first entity to the second
    std::vector<PathLink> links;  // links[i] ties nodes[i] and nodes[i + 1]
};

// A node the search did not cross because it has more than hubDegree edges.
struct PathHub
{
    GraphNode node;
    bool degreeLowerBound = true; // the search stopped counting after hubDegree + 1 edges
};

struct PathResult
{
    std::vector<GraphPath> paths; // all of length `length`, at most maxPaths, in a stable order
    int length = -1;              // edges in each path; -1 when no path was found
    bool more = false;            // more shortest paths exist than maxPaths
    bool truncated = false;       // stopped at maxVisited nodes: a path may exist beyond
    std::vector<PathHub> hubs;    // hubs met and not crossed (at most 50)
    size_t visited = 0;           // nodes reached
};

class PathQuery
{
public:
    explicit PathQuery(Database &db);

    // The shortest paths between entities from and to (entities.id). from == to gives one
    // path of length 0. NotFound when either entity does not exist.
    Result<PathResult> find(int64_t from, int64_t to, const PathFilter &filter);

private:
    struct Side;
    Status expand(Side &side, const Side &other, const PathFilter &filter, uint64_t relationMask,
                  int64_t a, int64_t b, std::vector<int64_t> &meets, PathResult &result);
    Status neighbours(int64_t node, const PathFilter &filter, uint64_t relationMask, size_t cap,
                      std::vector<int64_t> &out, bool &hub);
    Status links(int64_t a, int64_t b, const PathFilter &filter, uint64_t relationMask,
                 PathLink &out);

    NeighborhoodQuery m_nodes;
    Status m_status;
    Statement m_out, m_in, m_between;
};

} // namespace sightline
