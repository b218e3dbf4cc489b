#include "PathQuery.h"

#include "Prepared.h"
#include "ReadSnapshot.h"

#include <algorithm>
#include <unordered_map>

namespace sightline {

namespace {

constexpr size_t kMaxHubsListed = 50;

uint64_t relationMaskOf(const std::vector<Relation> &relations)
{
    if (relations.empty())
        return ~uint64_t(0);
    uint64_t mask = 0;
    for (Relation r : relations)
        mask |= uint64_t(1) << static_cast<int>(r);
    return mask;
}

bool follows(uint64_t mask, int64_t relation)
{
    return relation > 0 && relation < 64 && ((mask >> relation) & 1) != 0;
}

std::string allRelations()
{
    std::string list;
    for (int r = 1; r <= kRelationCount; ++r)
        list += (r > 1 ? "," : "") + std::to_string(r);
    return list;
}

} // namespace

struct PathQuery::Side
{
    struct Visit
    {
        int dist = 0;
        std::vector<int64_t> parents; // on shortest paths from the root; empty for the root
    };
    int64_t root = 0;
    int depth = 0; // every node up to this distance has been reached
    std::unordered_map<int64_t, Visit> visited;
    std::vector<int64_t> frontier; // the nodes at distance depth

    explicit Side(int64_t r) : root(r)
    {
        visited[r] = Visit{};
        frontier.push_back(r);
    }

    // Chains node .. root along parents, at most cap of them.
    void chains(int64_t node, size_t cap, std::vector<int64_t> &stack,
                std::vector<std::vector<int64_t>> &out) const
    {
        if (out.size() >= cap)
            return;
        stack.push_back(node);
        const Visit &v = visited.at(node);
        if (v.parents.empty()) {
            out.push_back(stack);
        } else {
            for (int64_t p : v.parents)
                chains(p, cap, stack, out);
        }
        stack.pop_back();
    }
};

PathQuery::PathQuery(Database &db) : m_nodes(db)
{
    const std::string rel = allRelations();
    m_status = detail::prepareAll(
        db, {
                {&m_out, "SELECT dst, relation FROM edges WHERE src = ?1 AND first_seen < ?3 "
                         "AND last_seen >= ?2 LIMIT ?4"},
                {&m_in, "SELECT src, relation FROM edges WHERE dst = ?1 AND first_seen < ?3 "
                        "AND last_seen >= ?2 LIMIT ?4"},
                // The relation list lets SQLite seek the primary key (src, relation, dst).
                {&m_between, "SELECT relation, first_seen, last_seen, count FROM edges "
                             "WHERE src = ?1 AND relation IN (" +
                                 rel +
                                 ") AND dst = ?2 AND first_seen < ?4 AND last_seen >= ?3 "
                                 "ORDER BY relation"},
            });
}

Status PathQuery::neighbours(int64_t node, const PathFilter &filter, uint64_t relationMask,
                             size_t cap, std::vector<int64_t> &out, bool &hub)
{
    out.clear();
    hub = false;
    size_t degree = 0;
    for (Statement *st : {&m_out, &m_in}) {
        st->bind(1, node).bind(2, filter.range.fromMs()).bind(3, filter.range.toMs());
        st->bind(4, static_cast<int64_t>(cap) + 1);
        while (st->step()) {
            ++degree;
            const int64_t other = st->int64(0);
            if (other != node && follows(relationMask, st->int64(1)))
                out.push_back(other);
        }
        if (st->failed())
            return detail::stepError(*st);
        st->reset();
    }
    hub = degree > cap;
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return {};
}

Status PathQuery::expand(Side &side, const Side &other, const PathFilter &filter,
                         uint64_t relationMask, int64_t a, int64_t b, std::vector<int64_t> &meets,
                         PathResult &result)
{
    std::vector<int64_t> next, around;
    const int dist = side.depth + 1;
    auto noteHub = [&](int64_t node) -> Status {
        if (result.hubs.size() >= kMaxHubsListed)
            return {};
        for (const PathHub &h : result.hubs) {
            if (h.node.entity.id == node)
                return {};
        }
        auto n = m_nodes.node(node);
        if (!n)
            return n.error();
        result.hubs.push_back(PathHub{std::move(*n), true});
        return {};
    };
    for (int64_t u : side.frontier) {
        const bool endpoint = u == a || u == b;
        bool hub = false;
        if (auto s = neighbours(u, filter, relationMask,
                                endpoint ? filter.maxVisited : filter.hubDegree, around, hub);
            !s)
            return s;
        if (hub && !endpoint) {
            if (auto s = noteHub(u); !s)
                return s;
            continue;
        }
        for (int64_t v : around) {
            auto [it, fresh] = side.visited.try_emplace(v);
            if (!fresh) {
                if (it->second.dist == dist)
                    it->second.parents.push_back(u);
                continue;
            }
            it->second.dist = dist;
            it->second.parents.push_back(u);
            next.push_back(v);
            if (other.visited.count(v))
                meets.push_back(v);
        }
        if (side.visited.size() + other.visited.size() > filter.maxVisited) {
            result.truncated = true;
            break;
        }
    }
    side.depth = dist;
    side.frontier = std::move(next);
    // A meeting node is crossed by its paths: hubs may not be met in (endpoints may).
    std::vector<int64_t> kept;
    for (int64_t m : meets) {
        if (m == a || m == b) {
            kept.push_back(m);
            continue;
        }
        bool hub = false;
        if (auto s = neighbours(m, filter, relationMask, filter.hubDegree, around, hub); !s)
            return s;
        if (hub) {
            if (auto s = noteHub(m); !s)
                return s;
        } else {
            kept.push_back(m);
        }
    }
    meets = std::move(kept);
    return {};
}

Status PathQuery::links(int64_t x, int64_t y, const PathFilter &filter, uint64_t relationMask,
                        PathLink &out)
{
    for (int dir = 0; dir < 2; ++dir) {
        m_between.bind(1, dir == 0 ? x : y).bind(2, dir == 0 ? y : x);
        m_between.bind(3, filter.range.fromMs()).bind(4, filter.range.toMs());
        while (m_between.step()) {
            if (!follows(relationMask, m_between.int64(0)))
                continue;
            NeighborEdge e;
            e.relation = static_cast<Relation>(m_between.int64(0));
            e.outgoing = dir == 0;
            e.seen = SeenSpan{m_between.int64(1), m_between.int64(2)};
            e.count = m_between.int64(3);
            out.edges.push_back(e);
        }
        if (m_between.failed())
            return detail::stepError(m_between);
        m_between.reset();
    }
    return {};
}

Result<PathResult> PathQuery::find(int64_t from, int64_t to, const PathFilter &filter)
{
    if (!m_status)
        return m_status.error();
    detail::ReadSnapshot snapshot(m_nodes.database());
    PathResult result;
    for (int64_t id : {from, to}) {
        auto n = m_nodes.node(id);
        if (!n)
            return n.error();
        if (!n->entity.valid())
            return Error{ErrorCode::NotFound, "entity " + std::to_string(id) + " not found"};
    }
    const uint64_t relationMask = relationMaskOf(filter.relations);
    std::vector<std::vector<int64_t>> found; // node ids, from .. to
    if (from == to) {
        found.push_back({from});
        result.length = 0;
    } else if (!filter.range.empty()) {
        Side forward(from), backward(to);
        std::vector<int64_t> meets;
        while (meets.empty() && !result.truncated && !forward.frontier.empty() &&
               !backward.frontier.empty() &&
               static_cast<size_t>(forward.depth + backward.depth) < filter.maxDepth) {
            const bool fwd = forward.frontier.size() <= backward.frontier.size();
            if (auto s = expand(fwd ? forward : backward, fwd ? backward : forward, filter,
                                relationMask, from, to, meets, result);
                !s)
                return s.error();
        }
        result.visited = forward.visited.size() + backward.visited.size();
        if (!meets.empty()) {
            // Every meeting node found in one level gives paths of the same length (shortest);
            // keep the minimum all the same, cheaply.
            auto total = [&](int64_t m) {
                return forward.visited.at(m).dist + backward.visited.at(m).dist;
            };
            std::sort(meets.begin(), meets.end());
            int best = total(meets.front());
            for (int64_t m : meets)
                best = std::min(best, total(m));
            result.length = best;
            const size_t cap = filter.maxPaths + 1; // one more tells that more exist
            std::vector<int64_t> stack;
            for (int64_t m : meets) {
                if (total(m) != best || found.size() >= cap)
                    continue;
                std::vector<std::vector<int64_t>> heads, tails;
                forward.chains(m, cap, stack, heads);  // m .. from
                backward.chains(m, cap, stack, tails); // m .. to
                for (auto &head : heads) {
                    std::reverse(head.begin(), head.end()); // from .. m
                    for (const auto &tail : tails) {
                        if (found.size() >= cap)
                            break;
                        std::vector<int64_t> path = head;
                        path.insert(path.end(), tail.begin() + 1, tail.end());
                        found.push_back(std::move(path));
                    }
                }
            }
            std::sort(found.begin(), found.end());
            if (found.size() > filter.maxPaths) {
                result.more = true;
                found.resize(filter.maxPaths);
            }
        }
    }
    for (const auto &ids : found) {
        GraphPath path;
        for (size_t i = 0; i < ids.size(); ++i) {
            auto n = m_nodes.node(ids[i]);
            if (!n)
                return n.error();
            path.nodes.push_back(std::move(*n));
            if (i + 1 < ids.size()) {
                PathLink link;
                if (auto s = links(ids[i], ids[i + 1], filter, relationMask, link); !s)
                    return s.error();
                path.links.push_back(std::move(link));
            }
        }
        result.paths.push_back(std::move(path));
    }
    return result;
}

} // namespace sightline
