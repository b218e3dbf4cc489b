#include "EntityProfile.h"

#include "Metric.h"
#include "Prepared.h"

#include <algorithm>

namespace sightline {
namespace {

// Peers read per profile are sorted by calls; the busiest are kept.
bool busier(int64_t a1, int64_t b1, int64_t last1, int64_t a2, int64_t b2, int64_t last2)
{
    return a1 + b1 != a2 + b2 ? a1 + b1 > a2 + b2 : last1 > last2;
}

// Within a range, exact times are known only where the entity's whole activity starts or
// ends inside it; elsewhere the hour that holds the first / last activity is used.
SeenSpan clipSeen(SeenSpan allTime, int64_t minHour, int64_t maxHour, const TimeRange &range,
                  bool &approximate)
{
    SeenSpan s;
    if (allTime.first >= range.fromMs() && allTime.first < range.toMs()) {
        s.first = allTime.first;
    } else {
        s.first = std::max(range.fromMs(), minHour * kHourMs);
        approximate = true;
    }
    if (allTime.last >= range.fromMs() && allTime.last < range.toMs()) {
        s.last = allTime.last;
    } else {
        s.last = std::min(range.toMs() - 1, (maxHour + 1) * kHourMs - 1);
        approximate = true;
    }
    return s;
}

} // namespace

EntityProfile::EntityProfile(Database &db) : m_lookup(db), m_edges(db, m_lookup)
{
    m_status = detail::prepareAll(
        db,
        {
            {&m_entity, "SELECT coalesce(first_seen, 0), coalesce(last_seen, 0), "
                        "coalesce(attrs, '') FROM entities WHERE id = ?1"},
            {&m_total, "SELECT a, b FROM agg_total WHERE entity = ?1 AND metric = ?2 AND dim = 0"},
            {&m_totalRange, "SELECT coalesce(sum(a), 0), coalesce(sum(b), 0) FROM agg_hour "
                            "WHERE entity = ?1 AND metric = ?2 AND dim = 0 AND "
                            "hour BETWEEN ?3 AND ?4"},
            {&m_postingSpan,
             "SELECT (SELECT hour FROM entity_events WHERE entity = ?1 AND hour BETWEEN ?2 AND ?3 "
             "ORDER BY hour LIMIT 1), (SELECT hour FROM entity_events WHERE entity = ?1 AND "
             "hour BETWEEN ?2 AND ?3 ORDER BY hour DESC LIMIT 1)"},
            {&m_apis, "SELECT dim, 0, a, b, first_seen, last_seen FROM agg_total "
                      "WHERE entity = ?1 AND metric = ?2 AND dim <> 0 LIMIT ?3"},
            // The outer loop walks the entity's dims in agg_total (skipping those not active in
            // the range) and seeks each one's hours in agg_hour: never a scan of all hours.
            {&m_apisRange, "SELECT t.dim, 0, sum(h.a), sum(h.b), t.first_seen, t.last_seen, "
                           "min(h.hour), max(h.hour) FROM agg_total t CROSS JOIN agg_hour h "
                           "ON h.entity = t.entity AND h.metric = t.metric AND h.dim = t.dim "
                           "AND h.hour BETWEEN ?4 AND ?5 WHERE t.entity = ?1 AND t.metric = ?2 "
                           "AND t.dim <> 0 AND t.first_seen < ?7 AND t.last_seen >= ?6 "
                           "GROUP BY t.dim LIMIT ?3"},
            {&m_peers, "SELECT t.dim, e.type, t.a, t.b, t.first_seen, t.last_seen "
                       "FROM agg_total t CROSS JOIN entities e ON e.id = t.dim "
                       "WHERE t.entity = ?1 AND t.metric = ?2 AND t.dim <> 0 LIMIT ?3"},
            {&m_peersRange, "SELECT t.dim, e.type, sum(h.a), sum(h.b), t.first_seen, t.last_seen, "
                            "min(h.hour), max(h.hour) FROM agg_total t CROSS JOIN agg_hour h "
                            "ON h.entity = t.entity AND h.metric = t.metric AND h.dim = t.dim "
                            "AND h.hour BETWEEN ?4 AND ?5 CROSS JOIN entities e ON e.id = t.dim "
                            "WHERE t.entity = ?1 AND t.metric = ?2 AND t.dim <> 0 AND "
                            "t.first_seen < ?7 AND t.last_seen >= ?6 GROUP BY t.dim LIMIT ?3"},
            {&m_string, "SELECT s FROM strings WHERE id = ?1"},
        });
}

Result<std::string> EntityProfile::string(int64_t id)
{
    if (auto it = m_strings.find(id); it != m_strings.end())
        return it->second;
    m_string.bind(1, id);
    std::string s;
    if (m_string.step())
        s = m_string.string(0);
    if (m_string.failed())
        return detail::stepError(m_string);
    m_string.reset();
    m_strings.emplace(id, s);
    return s;
}

Status EntityProfile::readTotals(int64_t entity, const TimeRange &range, ProfileData &out)
{
    const int metric = static_cast<int>(Metric::ApiCalls);
    Statement &st = range.bounded() ? m_totalRange : m_total;
    st.bind(1, entity).bind(2, metric);
    if (range.bounded())
        st.bind(3, range.firstHour()).bind(4, range.lastHour());
    if (st.step()) {
        out.successes = st.int64(0);
        out.failures = st.int64(1);
    }
    if (st.failed())
        return detail::stepError(st);
    st.reset();
    return {};
}

Status EntityProfile::readDims(int64_t entity, int metric, const TimeRange &range, size_t cap,
                               std::vector<DimRow> &rows)
{
    const bool peers = metric == static_cast<int>(Metric::PeerCalls);
    Statement &st =
        range.bounded() ? (peers ? m_peersRange : m_apisRange) : (peers ? m_peers : m_apis);
    st.bind(1, entity).bind(2, metric).bind(3, static_cast<int64_t>(cap));
    if (range.bounded()) {
        st.bind(4, range.firstHour()).bind(5, range.lastHour());
        st.bind(6, range.fromMs()).bind(7, range.toMs());
    }
    while (st.step()) {
        DimRow r;
        r.dim = st.int64(0);
        r.type = static_cast<int>(st.int64(1));
        r.a = st.int64(2);
        r.b = st.int64(3);
        r.seen = SeenSpan{st.int64(4), st.int64(5)};
        if (range.bounded()) {
            bool approximate = false;
            r.seen = clipSeen(r.seen, st.int64(6), st.int64(7), range, approximate);
        }
        rows.push_back(r);
    }
    if (st.failed())
        return detail::stepError(st);
    st.reset();
    return {};
}

Result<ProfileData> EntityProfile::load(int64_t entityId, const TimeRange &range,
                                        const ProfileOptions &options)
{
    if (!m_status)
        return m_status.error();
    ProfileData out;
    out.range = range;
    auto ref = m_lookup.byId(entityId);
    if (!ref)
        return ref.error();
    if (!ref->valid())
        return Error{ErrorCode::NotFound, "entity #" + std::to_string(entityId) + " not found"};
    out.entity = std::move(*ref);

    SeenSpan allTime;
    m_entity.bind(1, entityId);
    if (m_entity.step()) {
        allTime = SeenSpan{m_entity.int64(0), m_entity.int64(1)};
        out.attrs = m_entity.string(2);
    }
    if (m_entity.failed())
        return detail::stepError(m_entity);
    m_entity.reset();

    if (!range.bounded()) {
        out.seen = allTime;
    } else {
        // Every event of an entity is in its posting lists, whatever its aggregates.
        m_postingSpan.bind(1, entityId).bind(2, range.firstHour()).bind(3, range.lastHour());
        if (m_postingSpan.step() && !m_postingSpan.isNull(0))
            out.seen = clipSeen(allTime, m_postingSpan.int64(0), m_postingSpan.int64(1), range,
                                out.seenApproximate);
        if (m_postingSpan.failed())
            return detail::stepError(m_postingSpan);
        m_postingSpan.reset();
    }

    if (auto s = readTotals(entityId, range, out); !s)
        return s.error();

    const size_t limit = options.listLimit;
    std::vector<DimRow> rows;
    if (auto s = readDims(entityId, static_cast<int>(Metric::ApiCalls), range, 1000000, rows); !s)
        return s.error();
    out.apiTotal = static_cast<int64_t>(rows.size());
    auto order = [](const DimRow &x, const DimRow &y) {
        return busier(x.a, x.b, x.seen.last, y.a, y.b, y.seen.last);
    };
    std::sort(rows.begin(), rows.end(), order);
    for (const DimRow &r : rows) {
        if (limit > 0 && out.apis.size() >= limit)
            break;
        auto text = string(r.dim);
        if (!text)
            return text.error();
        ApiStat api;
        const size_t colon = text->find(':');
        api.service = colon == std::string::npos ? std::string() : text->substr(0, colon);
        api.name = colon == std::string::npos ? *text : text->substr(colon + 1);
        api.successes = r.a;
        api.failures = r.b;
        api.seen = r.seen;
        out.apis.push_back(std::move(api));
    }

    rows.clear();
    if (auto s = readDims(entityId, static_cast<int>(Metric::PeerCalls), range, options.peerScanCap,
                          rows);
        !s)
        return s.error();
    out.peersPartial = rows.size() >= options.peerScanCap;
    std::sort(rows.begin(), rows.end(), order);
    for (const DimRow &r : rows) {
        const auto type = static_cast<EntityType>(r.type);
        PeerList *list = &out.resources;
        if (type == EntityType::IpAddress)
            list = &out.ips;
        else if (type == EntityType::UserAgent)
            list = &out.userAgents;
        else if (type == EntityType::AccessKey)
            list = &out.accessKeys;
        else if (type == EntityType::AwsAccount)
            list = &out.accounts;
        else if (isPrincipalType(type))
            list = &out.principals;
        ++list->total;
        if (limit > 0 && list->rows.size() >= limit)
            continue;
        auto peer = m_lookup.byId(r.dim);
        if (!peer)
            return peer.error();
        list->rows.push_back(PeerStat{std::move(*peer), r.a, r.b, r.seen});
    }

    auto edges = m_edges.load(entityId, range, limit);
    if (!edges)
        return edges.error();
    out.edges = std::move(*edges);
    return out;
}

} // namespace sightline
