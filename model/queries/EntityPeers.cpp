#include "EntityPeers.h"

#include "Metric.h"
#include "Prepared.h"
#include "Relation.h"
#include "SeenSpans.h"

#include <algorithm>
#include <unordered_map>

namespace sightline {

struct EntityPeers::Candidate
{
    int64_t id = 0;
    EntityType type = static_cast<EntityType>(0); // unknown until read
    int64_t a = 0, b = 0, calls = 0;
    int64_t firstDay = 0, lastDay = 0; // hours of the first / last daily row
    SeenSpan seen;                     // exact all-time span, from relations
    bool fromRelations = false;
    bool outside = false;           // of another account than the filter's
    const EntityRef *ref = nullptr; // resolved already (relations)
};

namespace {

std::string relationList()
{
    std::string list;
    for (int r = 1; r <= kRelationCount; ++r)
        list += (r > 1 ? "," : "") + std::to_string(r);
    return list;
}

} // namespace

EntityPeers::EntityPeers(Database &db, EntityLookup &lookup) : m_lookup(lookup)
{
    const std::string rel = relationList();
    m_status = detail::prepareAll(
        db,
        {
            // Daily rows in key order (dim, hour): summed per dim below.
            {&m_peers, "SELECT dim, a, b, hour FROM agg_hour WHERE entity = ?1 AND metric = ?2 "
                       "AND dim <> 0 AND hour BETWEEN ?3 AND ?4 LIMIT ?5"},
            // The types of all the peers read, in id order: one statement instead of one
            // lookup each (a session can have tens of thousands of addresses).
            {&m_types, "SELECT id, type, coalesce(account, ''), key FROM entities WHERE id IN "
                       "(SELECT dim FROM agg_hour "
                       "WHERE entity = ?1 AND metric = ?2 AND dim <> 0 AND hour BETWEEN ?3 AND "
                       "?4) ORDER BY id"},
            {&m_type, "SELECT type, coalesce(account, ''), key FROM entities WHERE id = ?1"},
            // Exact first / last time two entities were related, by any relation.
            {&m_pairSpan, "SELECT min(f), max(l) FROM (SELECT first_seen AS f, last_seen AS l "
                          "FROM edges WHERE src = ?1 AND relation IN (" +
                              rel +
                              ") AND dst = ?2 "
                              "UNION ALL SELECT first_seen, last_seen FROM edges WHERE dst = ?1 "
                              "AND relation IN (" +
                              rel + ") AND src = ?2)"},
        });
}

PeerList &EntityPeers::listFor(PeerSet &set, EntityType t)
{
    if (t == EntityType::IpAddress)
        return set.ips;
    if (t == EntityType::UserAgent)
        return set.userAgents;
    if (t == EntityType::AccessKey)
        return set.accessKeys;
    if (t == EntityType::AwsAccount)
        return set.accounts;
    if (isPrincipalType(t))
        return set.principals;
    return set.resources;
}

Status EntityPeers::read(int64_t entity, const TimeRange &range, size_t cap,
                         std::string_view account, std::vector<Candidate> &out, bool &partial)
{
    auto place = [account](Candidate &c, Statement &st, int column) {
        c.type = static_cast<EntityType>(st.int64(column));
        EntityRef ref;
        ref.type = c.type;
        ref.account = st.string(column + 1);
        ref.key = c.type == EntityType::AwsAccount ? st.string(column + 2) : std::string();
        c.outside = outsideAccount(ref, account);
    };
    m_peers.bind(1, entity).bind(2, static_cast<int>(Metric::PeerCalls));
    m_peers.bind(3, range.firstDayHour()).bind(4, range.lastHour());
    m_peers.bind(5, static_cast<int64_t>(cap));
    size_t read = 0;
    while (m_peers.step()) {
        ++read;
        const int64_t dim = m_peers.int64(0), hour = m_peers.int64(3);
        if (out.empty() || out.back().id != dim) {
            Candidate c;
            c.id = dim;
            c.firstDay = c.lastDay = hour;
            out.push_back(c);
        }
        Candidate &c = out.back();
        c.a += m_peers.int64(1);
        c.b += m_peers.int64(2);
        c.calls = c.a + c.b;
        c.firstDay = std::min(c.firstDay, hour);
        c.lastDay = std::max(c.lastDay, hour);
    }
    if (m_peers.failed())
        return detail::stepError(m_peers);
    m_peers.reset();
    partial = cap > 0 && read >= cap;
    if (!partial) {
        // Candidates ascend by id (the key order of agg_hour), as do the types.
        m_types.bind(1, entity).bind(2, static_cast<int>(Metric::PeerCalls));
        m_types.bind(3, range.firstDayHour()).bind(4, range.lastHour());
        size_t i = 0;
        while (m_types.step()) {
            const int64_t id = m_types.int64(0);
            while (i < out.size() && out[i].id < id)
                ++i;
            if (i < out.size() && out[i].id == id)
                place(out[i], m_types, 1);
        }
        if (m_types.failed())
            return detail::stepError(m_types);
        m_types.reset();
        return {};
    }
    for (Candidate &c : out) {
        m_type.bind(1, c.id);
        if (m_type.step())
            place(c, m_type, 0);
        else
            c.type = static_cast<EntityType>(0);
        if (m_type.failed())
            return detail::stepError(m_type);
        m_type.reset();
    }
    return {};
}

Result<PeerSet> EntityPeers::load(int64_t entity, const TimeRange &range, SeenSpan entitySeen,
                                  const EdgeSet &edges, size_t limit, size_t scanCap,
                                  std::string_view account)
{
    if (!m_status)
        return m_status.error();
    PeerSet set;
    std::vector<Candidate> all;
    if (entitySeen.first != 0) { // no activity in the range: its days would show other hours
        if (auto s = read(entity, range, scanCap, account, all, set.partial); !s)
            return s.error();
    }
    std::unordered_map<int64_t, size_t> index;
    for (size_t i = 0; i < all.size(); ++i)
        index.emplace(all[i].id, i);
    for (const EdgeInfo &e : edges.edges) {
        auto [it, fresh] = index.try_emplace(e.other.id, all.size());
        if (fresh) {
            Candidate c;
            c.id = e.other.id;
            c.type = e.other.type;
            c.fromRelations = true;
            c.seen = e.seen;
            c.ref = &e.other;
            c.outside = outsideAccount(e.other, account);
            all.push_back(c);
        }
        Candidate &c = all[it->second];
        if (!c.fromRelations)
            continue;
        c.calls = std::max(c.calls, e.count);
        c.seen.first = std::min(c.seen.first, e.seen.first);
        c.seen.last = std::max(c.seen.last, e.seen.last);
    }
    std::sort(all.begin(), all.end(), [](const Candidate &x, const Candidate &y) {
        return x.calls != y.calls ? x.calls > y.calls : x.id < y.id;
    });

    for (const Candidate &c : all) {
        if (c.outside)
            continue;
        PeerList &list = listFor(set, c.type);
        ++list.total;
        if (limit > 0 && list.rows.size() >= limit)
            continue;
        PeerStat stat;
        stat.calls = c.calls;
        stat.fromRelations = c.fromRelations;
        if (c.fromRelations) {
            stat.entity = *c.ref;
            stat.seen = SeenSpan{std::max(c.seen.first, range.fromMs()),
                                 std::min(c.seen.last, range.toMs() - 1)};
            stat.seenApproximate = stat.seen.first != c.seen.first || stat.seen.last != c.seen.last;
        } else {
            auto peer = m_lookup.byId(c.id);
            if (!peer)
                return peer.error();
            stat.entity = std::move(*peer);
            stat.successes = c.a;
            stat.failures = c.b;
            // The relations between the two give exact times where they agree with the days.
            m_pairSpan.bind(1, entity).bind(2, c.id);
            SeenSpan exact;
            if (m_pairSpan.step() && !m_pairSpan.isNull(0))
                exact = SeenSpan{m_pairSpan.int64(0), m_pairSpan.int64(1)};
            if (m_pairSpan.failed())
                return detail::stepError(m_pairSpan);
            m_pairSpan.reset();
            stat.seen = detail::clamp(
                detail::clipSeen(exact, c.firstDay, c.lastDay, 24, range, stat.seenApproximate),
                entitySeen);
        }
        list.rows.push_back(std::move(stat));
    }
    return set;
}

} // namespace sightline
