#include "Neighborhood.h"

#include "FlatMap.h"
#include "Prepared.h"
#include "ReadSnapshot.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace sightline {

// A neighbour found by collect(); its edges are a list through Collected::edges (no
// allocation per neighbour: a busy entity has tens of thousands, most only counted).
struct NeighborhoodQuery::Candidate
{
    int64_t id = 0;
    EntityType type = EntityType::AwsAccount;
    int64_t weight = 0;
    SeenSpan seen;
    bool fromCappedScan = false;
    int32_t firstEdge = -1, lastEdge = -1;
};

struct NeighborhoodQuery::Collected
{
    struct Edge
    {
        NeighborEdge edge;
        int32_t next = -1;
    };
    std::vector<Candidate> candidates;
    std::vector<Edge> edges;
    std::vector<int64_t> otherAccount; // left out by the account filter, ascending
};

namespace {

uint64_t maskOf(const std::vector<EntityType> &types)
{
    if (types.empty())
        return ~uint64_t(0);
    uint64_t mask = 0;
    for (EntityType t : types)
        mask |= uint64_t(1) << static_cast<int>(t);
    return mask;
}

template <typename T> bool busierThan(const T &a, const T &b)
{
    if (a.weight != b.weight)
        return a.weight > b.weight;
    if (a.seen.last != b.seen.last)
        return a.seen.last > b.seen.last;
    return a.id < b.id;
}

} // namespace

NeighborhoodQuery::NeighborhoodQuery(Database &db) : m_db(db), m_lookup(db)
{
    // The neighbour's type comes with each edge (one rowid lookup) so that neighbours can
    // be grouped by type without resolving every one of them.
    m_status = detail::prepareAll(
        db, {
                {&m_out, "SELECT g.dst, g.first_seen, g.last_seen, g.count, n.type FROM edges g "
                         "JOIN entities n ON n.id = g.dst WHERE g.src = ?1 AND g.relation = ?2 "
                         "AND g.first_seen < ?4 AND g.last_seen >= ?3 LIMIT ?5"},
                {&m_in, "SELECT g.src, g.first_seen, g.last_seen, g.count, n.type FROM edges g "
                        "JOIN entities n ON n.id = g.src WHERE g.dst = ?1 AND g.relation = ?2 "
                        "AND g.first_seen < ?4 AND g.last_seen >= ?3 LIMIT ?5"},
                {&m_outAccount,
                 "SELECT g.dst, g.first_seen, g.last_seen, g.count, n.type, n.account FROM "
                 "edges g JOIN entities n ON n.id = g.dst WHERE g.src = ?1 AND g.relation = ?2 "
                 "AND g.first_seen < ?4 AND g.last_seen >= ?3 LIMIT ?5"},
                {&m_inAccount,
                 "SELECT g.src, g.first_seen, g.last_seen, g.count, n.type, n.account FROM "
                 "edges g JOIN entities n ON n.id = g.src WHERE g.dst = ?1 AND g.relation = ?2 "
                 "AND g.first_seen < ?4 AND g.last_seen >= ?3 LIMIT ?5"},
                {&m_severity, "SELECT severity_label FROM findings WHERE entity = ?1"},
            });
}

Status NeighborhoodQuery::collect(int64_t entity, const NeighborhoodFilter &filter,
                                  uint64_t typeMask, Collected &out, bool &partial)
{
    FlatMap<size_t> index; // neighbour id -> position in out.candidates + 1
    std::vector<Relation> relations = filter.relations;
    if (relations.empty()) {
        for (int r = 1; r <= kRelationCount; ++r)
            relations.push_back(static_cast<Relation>(r));
    }
    std::sort(relations.begin(), relations.end());
    relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
    const int64_t cap = filter.scanCap == 0 ? -1 : static_cast<int64_t>(filter.scanCap);
    const bool byAccount = !filter.account.empty();
    std::vector<size_t> touched;
    for (int dir = 0; dir < 2; ++dir) {
        Statement &st =
            byAccount ? (dir == 0 ? m_outAccount : m_inAccount) : (dir == 0 ? m_out : m_in);
        for (Relation r : relations) {
            st.bind(1, entity).bind(2, static_cast<int>(r));
            st.bind(3, filter.range.fromMs()).bind(4, filter.range.toMs()).bind(5, cap);
            int64_t rows = 0;
            touched.clear();
            while (st.step()) {
                ++rows;
                const int64_t other = st.int64(0);
                const auto type = static_cast<EntityType>(st.int64(4));
                // The type filter applies after the LIMIT so that the read stays bounded.
                if (other == entity || ((typeMask >> static_cast<int>(type)) & 1) == 0)
                    continue;
                if (byAccount) {
                    const std::string_view account = st.text(5);
                    if (!account.empty() && account != filter.account) {
                        out.otherAccount.push_back(other);
                        continue;
                    }
                }
                NeighborEdge e;
                e.relation = r;
                e.outgoing = dir == 0;
                e.seen = SeenSpan{st.int64(1), st.int64(2)};
                e.count = st.int64(3);
                size_t &slot = index[Key4{other, 0, 0, 0}];
                if (slot == 0) {
                    Candidate c;
                    c.id = other;
                    c.type = type;
                    c.seen = e.seen;
                    out.candidates.push_back(c);
                    slot = out.candidates.size();
                }
                const size_t at = slot - 1;
                Candidate &c = out.candidates[at];
                c.weight += e.count;
                c.seen.first = std::min(c.seen.first, e.seen.first);
                c.seen.last = std::max(c.seen.last, e.seen.last);
                const auto edgeIndex = static_cast<int32_t>(out.edges.size());
                out.edges.push_back(Collected::Edge{e, -1});
                if (c.lastEdge >= 0)
                    out.edges[static_cast<size_t>(c.lastEdge)].next = edgeIndex;
                else
                    c.firstEdge = edgeIndex;
                c.lastEdge = edgeIndex;
                touched.push_back(at);
            }
            if (st.failed())
                return detail::stepError(st);
            st.reset();
            if (cap > 0 && rows >= cap) {
                partial = true;
                for (size_t i : touched)
                    out.candidates[i].fromCappedScan = true;
            }
        }
    }
    std::sort(out.otherAccount.begin(), out.otherAccount.end());
    out.otherAccount.erase(std::unique(out.otherAccount.begin(), out.otherAccount.end()),
                           out.otherAccount.end());
    return {};
}

Result<GraphNode> NeighborhoodQuery::node(int64_t entity)
{
    if (!m_status)
        return m_status.error();
    auto ref = m_lookup.byId(entity);
    if (!ref)
        return ref.error();
    GraphNode n;
    n.entity = std::move(*ref);
    if (n.entity.type == EntityType::Finding) {
        m_severity.bind(1, entity);
        if (m_severity.step())
            n.severity = static_cast<int>(m_severity.int64(0));
        if (m_severity.failed())
            return detail::stepError(m_severity);
        m_severity.reset();
    }
    return n;
}

Result<Neighbor> NeighborhoodQuery::resolve(const Candidate &c, const Collected &from)
{
    auto n = node(c.id);
    if (!n)
        return n.error();
    Neighbor out;
    out.node = std::move(*n);
    for (int32_t e = c.firstEdge; e >= 0; e = from.edges[static_cast<size_t>(e)].next)
        out.edges.push_back(from.edges[static_cast<size_t>(e)].edge);
    out.weight = c.weight;
    out.seen = c.seen;
    return out;
}

Result<Neighborhood> NeighborhoodQuery::load(int64_t entity, const NeighborhoodFilter &filter)
{
    if (!m_status)
        return m_status.error();
    detail::ReadSnapshot snapshot(m_db);
    Neighborhood hood;
    auto center = node(entity);
    if (!center)
        return center.error();
    if (!center->entity.valid())
        return Error{ErrorCode::NotFound, "entity " + std::to_string(entity) + " not found"};
    hood.center = std::move(*center);
    if (filter.range.empty())
        return hood;

    Collected all;
    if (auto s = collect(entity, filter, maskOf(filter.types), all, hood.partial); !s)
        return s.error();
    hood.otherAccount = std::move(all.otherAccount);
    std::map<int, std::vector<const Candidate *>> byType;
    for (const Candidate &c : all.candidates)
        byType[static_cast<int>(c.type)].push_back(&c);
    const auto busier = [](const Candidate *a, const Candidate *b) { return busierThan(*a, *b); };
    for (auto &[type, members] : byType) {
        const bool collapse = members.size() > filter.groupThreshold;
        // A group keeps only its busiest few: order just those.
        const size_t keep = collapse ? std::min(members.size(), filter.groupTop) : members.size();
        std::partial_sort(members.begin(), members.begin() + static_cast<std::ptrdiff_t>(keep),
                          members.end(), busier);
        NeighborGroup group;
        group.type = static_cast<EntityType>(type);
        group.total = static_cast<int64_t>(members.size());
        for (const Candidate *m : members)
            group.partial = group.partial || m->fromCappedScan;
        for (size_t i = 0; i < keep; ++i) {
            auto n = resolve(*members[i], all);
            if (!n)
                return n.error();
            (collapse ? group.top : hood.neighbors).push_back(std::move(*n));
        }
        if (collapse)
            hood.groups.push_back(std::move(group));
    }
    return hood;
}

Result<NeighborPage> NeighborhoodQuery::members(int64_t entity, EntityType type,
                                                const NeighborhoodFilter &filter, NeighborSort sort,
                                                size_t offset, size_t limit)
{
    if (!m_status)
        return m_status.error();
    detail::ReadSnapshot snapshot(m_db);
    NeighborPage page;
    if (filter.range.empty())
        return page;
    Collected collected;
    if (auto s = collect(entity, filter, maskOf({type}), collected, page.partial); !s)
        return s.error();
    std::vector<Candidate> &all = collected.candidates;
    page.total = static_cast<int64_t>(all.size());
    std::vector<EntityRef> refs; // by Key only: every member's key is needed to sort
    switch (sort) {
    case NeighborSort::Weight:
        std::sort(all.begin(), all.end(), busierThan<Candidate>);
        break;
    case NeighborSort::LastSeen:
        std::sort(all.begin(), all.end(), [](const Candidate &a, const Candidate &b) {
            return a.seen.last != b.seen.last ? a.seen.last > b.seen.last : a.id < b.id;
        });
        break;
    case NeighborSort::FirstSeen:
        std::sort(all.begin(), all.end(), [](const Candidate &a, const Candidate &b) {
            return a.seen.first != b.seen.first ? a.seen.first < b.seen.first : a.id < b.id;
        });
        break;
    case NeighborSort::Key: {
        std::vector<std::pair<std::string, size_t>> keys;
        keys.reserve(all.size());
        for (size_t i = 0; i < all.size(); ++i) {
            auto ref = m_lookup.byId(all[i].id);
            if (!ref)
                return ref.error();
            keys.emplace_back(ref->key, i);
        }
        std::sort(keys.begin(), keys.end());
        std::vector<Candidate> sorted;
        sorted.reserve(all.size());
        for (auto &k : keys)
            sorted.push_back(std::move(all[k.second]));
        all = std::move(sorted);
        break;
    }
    }
    const size_t end = limit == 0 ? all.size() : std::min(all.size(), offset + limit);
    for (size_t i = offset; i < end; ++i) {
        auto n = resolve(all[i], collected);
        if (!n)
            return n.error();
        page.rows.push_back(std::move(*n));
    }
    page.more = end < all.size();
    return page;
}

} // namespace sightline
