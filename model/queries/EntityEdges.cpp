#include "EntityEdges.h"

#include "Prepared.h"

#include <algorithm>

namespace sightline {

EntityEdges::EntityEdges(Database &db, EntityLookup &lookup) : m_lookup(lookup)
{
    // ?6 the account: the other entity has none, is of it, or is the account itself.
    const std::string inAccount = " AND (coalesce(e.account, '') IN ('', ?6)) AND (e.type <> " +
                                  std::to_string(static_cast<int>(EntityType::AwsAccount)) +
                                  " OR e.key = ?6)";
    m_status = detail::prepareAll(
        db, {
                {&m_out, "SELECT dst, first_seen, last_seen, count FROM edges "
                         "WHERE src = ?1 AND relation = ?2 AND first_seen < ?4 AND "
                         "last_seen >= ?3 LIMIT ?5"},
                {&m_in, "SELECT src, first_seen, last_seen, count FROM edges "
                        "WHERE dst = ?1 AND relation = ?2 AND first_seen < ?4 AND "
                        "last_seen >= ?3 LIMIT ?5"},
                {&m_outAccount, "SELECT g.dst, g.first_seen, g.last_seen, g.count FROM edges g "
                                "JOIN entities e ON e.id = g.dst WHERE g.src = ?1 AND "
                                "g.relation = ?2 AND g.first_seen < ?4 AND g.last_seen >= ?3" +
                                    inAccount + " LIMIT ?5"},
                {&m_inAccount, "SELECT g.src, g.first_seen, g.last_seen, g.count FROM edges g "
                               "JOIN entities e ON e.id = g.src WHERE g.dst = ?1 AND "
                               "g.relation = ?2 AND g.first_seen < ?4 AND g.last_seen >= ?3" +
                                   inAccount + " LIMIT ?5"},
            });
}

Result<EdgeSet> EntityEdges::load(int64_t entity, const TimeRange &range, size_t perRelation,
                                  size_t scanCap, std::string_view account)
{
    if (!m_status)
        return m_status.error();
    EdgeSet set;
    std::vector<EdgeInfo> batch;
    for (int dir = 0; dir < 2; ++dir) {
        Statement &st =
            account.empty() ? (dir == 0 ? m_out : m_in) : (dir == 0 ? m_outAccount : m_inAccount);
        for (int r = 1; r <= kRelationCount; ++r) {
            batch.clear();
            st.bind(1, entity).bind(2, r).bind(3, range.fromMs()).bind(4, range.toMs());
            st.bind(5, static_cast<int64_t>(scanCap));
            if (!account.empty())
                st.bind(6, account);
            while (st.step()) {
                EdgeInfo e;
                e.relation = static_cast<Relation>(r);
                e.outgoing = dir == 0;
                e.other.id = st.int64(0);
                e.seen = SeenSpan{st.int64(1), st.int64(2)};
                e.count = st.int64(3);
                batch.push_back(std::move(e));
            }
            if (st.failed())
                return detail::stepError(st);
            st.reset();
            if (batch.empty())
                continue;
            set.counts.push_back(RelationCount{static_cast<Relation>(r), dir == 0,
                                               static_cast<int64_t>(batch.size()),
                                               batch.size() >= scanCap});
            auto busier = [](const EdgeInfo &a, const EdgeInfo &b) {
                return a.count != b.count ? a.count > b.count : a.seen.last > b.seen.last;
            };
            if (perRelation > 0 && batch.size() > perRelation) {
                std::partial_sort(batch.begin(), batch.begin() + perRelation, batch.end(), busier);
                batch.resize(perRelation);
            } else {
                std::sort(batch.begin(), batch.end(), busier);
            }
            for (EdgeInfo &e : batch) {
                auto ref = m_lookup.byId(e.other.id);
                if (!ref)
                    return ref.error();
                e.other = std::move(*ref);
                set.edges.push_back(std::move(e));
            }
        }
    }
    return set;
}

} // namespace sightline
