#include "EntityProfile.h"

#include "Metric.h"
#include "Prepared.h"
#include "ReadSnapshot.h"
#include "SeenSpans.h"

#include <algorithm>

namespace sightline {
namespace {

constexpr int kApiCalls = static_cast<int>(Metric::ApiCalls);

bool busier(const auto &x, const auto &y)
{
    return x.a + x.b != y.a + y.b ? x.a + x.b > y.a + y.b : x.seen.last > y.seen.last;
}

} // namespace

EntityProfile::EntityProfile(Database &db)
    : m_db(db), m_lookup(db), m_edges(db, m_lookup), m_peerLists(db, m_lookup), m_postings(db),
      m_hourEvents(db)
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
            {&m_apis, "SELECT dim, a, b, first_seen, last_seen FROM agg_total "
                      "WHERE entity = ?1 AND metric = ?2 AND dim <> 0"},
            // The outer loop walks the entity's APIs in agg_total (skipping those not active in
            // the range) and seeks each one's daily rows in agg_hour: never a scan of all rows.
            {&m_apisRange, "SELECT t.dim, sum(h.a), sum(h.b), t.first_seen, t.last_seen, "
                           "min(h.hour), max(h.hour) FROM agg_total t CROSS JOIN agg_hour h "
                           "ON h.entity = t.entity AND h.metric = t.metric AND h.dim = t.dim "
                           "AND h.hour BETWEEN ?3 AND ?4 WHERE t.entity = ?1 AND t.metric = ?2 "
                           "AND t.dim <> 0 AND t.first_seen < ?6 AND t.last_seen >= ?5 "
                           "GROUP BY t.dim"},
            {&m_string, "SELECT s FROM strings WHERE id = ?1"},
        });
    if (m_status)
        m_status = m_postings.status();
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
    auto sum = [&](Statement &st, int64_t fromHour, int64_t toHour, int64_t &a,
                   int64_t &b) -> Status {
        st.bind(1, entity).bind(2, kApiCalls);
        if (range.bounded())
            st.bind(3, fromHour).bind(4, toHour);
        a = b = 0;
        if (st.step()) {
            a = st.int64(0);
            b = st.int64(1);
        }
        if (st.failed())
            return detail::stepError(st);
        st.reset();
        return {};
    };
    if (!range.bounded())
        return sum(m_total, 0, 0, out.successes, out.failures);

    // Whole hours from the hourly totals; hours the range cuts are counted from their events
    // when they are few and agree with the totals, else counted whole.
    const int64_t first = range.firstHour(), last = range.lastHour();
    const bool cutFirst = range.from && *range.from % kHourMs != 0;
    const bool cutLast = range.to && *range.to % kHourMs != 0;
    const int64_t innerFirst = cutFirst ? first + 1 : first;
    const int64_t innerLast = cutLast ? last - 1 : last;
    if (innerFirst <= innerLast) {
        if (auto s = sum(m_totalRange, innerFirst, innerLast, out.successes, out.failures); !s)
            return s;
    }
    std::vector<int64_t> cut;
    if (cutFirst)
        cut.push_back(first);
    if (cutLast && (!cutFirst || last != first))
        cut.push_back(last);
    for (int64_t hour : cut) {
        int64_t a = 0, b = 0;
        if (auto s = sum(m_totalRange, hour, hour, a, b); !s)
            return s;
        if (a + b == 0)
            continue;
        auto events = m_hourEvents.read(entity, hour);
        if (!events)
            return events.error();
        if (!*events || static_cast<int64_t>((*events)->size()) != a + b) {
            out.successes += a;
            out.failures += b;
            out.totalsApproximate = true;
            continue;
        }
        for (const EventBrief &e : **events) {
            if (range.contains(e.time))
                ++(e.failed ? out.failures : out.successes);
        }
    }
    return {};
}

Status EntityProfile::readApis(int64_t entity, const TimeRange &range, std::vector<DimRow> &rows)
{
    Statement &st = range.bounded() ? m_apisRange : m_apis;
    st.bind(1, entity).bind(2, kApiCalls);
    if (range.bounded()) {
        st.bind(3, range.firstDayHour()).bind(4, range.lastHour());
        st.bind(5, range.fromMs()).bind(6, range.toMs());
    }
    while (st.step()) {
        DimRow r;
        r.dim = st.int64(0);
        r.a = st.int64(1);
        r.b = st.int64(2);
        r.seen = SeenSpan{st.int64(3), st.int64(4)};
        if (range.bounded())
            r.seen = detail::clipSeen(r.seen, st.int64(5), st.int64(6), 24, range, r.approximate);
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
    detail::ReadSnapshot snapshot(m_db);
    ProfileData out;
    out.range = range;
    out.breakdownByDay = range.bounded();
    auto ref = m_lookup.byId(entityId);
    if (!ref)
        return ref.error();
    if (!ref->valid())
        return Error{ErrorCode::NotFound, "entity #" + std::to_string(entityId) + " not found"};
    out.entity = std::move(*ref);
    out.account = options.account;
    out.callsAllAccounts = !options.account.empty() && accountOf(out.entity) != options.account;

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
        // Every event of an entity is in its hourly posting lists, whatever its aggregates.
        auto span = m_postings.span(entityId, range.firstHour(), range.lastHour());
        if (!span)
            return span.error();
        const bool any = span->has_value();
        const int64_t firstHour = any ? (*span)->first : 0;
        const int64_t lastHour = any ? (*span)->second : 0;
        if (any) {
            out.seen =
                detail::clipSeen(allTime, firstHour, lastHour, 1, range, out.seenApproximate);
            if (out.seenApproximate) {
                // The range cuts the entity's activity: read the edge hours' events.
                bool exact = true;
                for (const bool earliest : {true, false}) {
                    auto events = m_hourEvents.read(entityId, earliest ? firstHour : lastHour);
                    if (!events)
                        return events.error();
                    bool found = false;
                    int64_t &t = earliest ? out.seen.first : out.seen.last;
                    for (const EventBrief &e : events->value_or(std::vector<EventBrief>())) {
                        if (range.contains(e.time) &&
                            (!found || (earliest ? e.time < t : e.time > t))) {
                            t = e.time;
                            found = true;
                        }
                    }
                    exact = exact && found;
                }
                out.seenApproximate = !exact;
            }
        }
    }

    if (auto s = readTotals(entityId, range, out); !s)
        return s.error();
    // No activity in the range: the daily rows of its days would only show other hours.
    const bool active = !range.bounded() || out.seen.first != 0;

    const size_t limit = options.listLimit;
    std::vector<DimRow> rows;
    if (active) {
        if (auto s = readApis(entityId, range, rows); !s)
            return s.error();
    }
    out.apiTotal = static_cast<int64_t>(rows.size());
    std::sort(rows.begin(), rows.end(),
              [](const DimRow &x, const DimRow &y) { return busier(x, y); });
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
        api.seen = detail::clamp(r.seen, out.seen);
        api.seenApproximate = r.approximate;
        out.apis.push_back(std::move(api));
    }

    auto edges = m_edges.load(entityId, range, limit, 5000, options.account);
    if (!edges)
        return edges.error();
    out.edges = std::move(*edges);

    auto peers = m_peerLists.load(entityId, range, out.seen, out.edges, limit, options.peerScanCap,
                                  options.account);
    if (!peers)
        return peers.error();
    out.principals = std::move(peers->principals);
    out.ips = std::move(peers->ips);
    out.userAgents = std::move(peers->userAgents);
    out.accessKeys = std::move(peers->accessKeys);
    out.accounts = std::move(peers->accounts);
    out.resources = std::move(peers->resources);
    out.peersPartial = peers->partial;
    return out;
}

} // namespace sightline
