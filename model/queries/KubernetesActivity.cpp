#include "KubernetesActivity.h"

#include "Metric.h"
#include "Prepared.h"

#include <algorithm>

namespace sightline {
namespace {

constexpr int kK8sCalls = static_cast<int>(Metric::K8sCalls);
constexpr std::string_view kPrefix = "kubernetes:";

} // namespace

KubernetesActivity::KubernetesActivity(Database &db)
{
    m_status = detail::prepareAll(
        db,
        {
            {&m_total, "SELECT a, b FROM agg_total WHERE entity = ?1 AND metric = ?2 AND dim = 0"},
            {&m_totalRange, "SELECT coalesce(sum(a), 0), coalesce(sum(b), 0) FROM agg_hour "
                            "WHERE entity = ?1 AND metric = ?2 AND dim = 0 AND "
                            "hour BETWEEN ?3 AND ?4"},
            {&m_calls, "SELECT s.s, t.a, t.b, t.first_seen, t.last_seen FROM agg_total t "
                       "JOIN strings s ON s.id = t.dim WHERE t.entity = ?1 AND t.metric = ?2 "
                       "AND t.dim <> 0"},
            // The entity's calls in agg_total, each seeking its daily rows in agg_hour.
            {&m_callsRange, "SELECT s.s, sum(h.a), sum(h.b), t.first_seen, t.last_seen, "
                            "min(h.hour), max(h.hour) FROM agg_total t CROSS JOIN agg_hour h "
                            "ON h.entity = t.entity AND h.metric = t.metric AND h.dim = t.dim "
                            "AND h.hour BETWEEN ?3 AND ?4 JOIN strings s ON s.id = t.dim "
                            "WHERE t.entity = ?1 AND t.metric = ?2 AND t.dim <> 0 "
                            "GROUP BY t.dim"},
        });
}

Result<KubernetesActivityData> KubernetesActivity::load(int64_t entity, const TimeRange &range,
                                                        size_t limit)
{
    if (!m_status)
        return m_status.error();
    KubernetesActivityData d;
    d.breakdownByDay = range.bounded();
    Statement &total = range.bounded() ? m_totalRange : m_total;
    total.bind(1, entity).bind(2, kK8sCalls);
    if (range.bounded())
        total.bind(3, range.firstHour()).bind(4, range.lastHour());
    if (total.step()) {
        d.successes = total.int64(0);
        d.failures = total.int64(1);
    }
    if (total.failed())
        return detail::stepError(total);
    total.reset();

    Statement &calls = range.bounded() ? m_callsRange : m_calls;
    calls.bind(1, entity).bind(2, kK8sCalls);
    if (range.bounded())
        calls.bind(3, range.firstDayHour()).bind(4, range.lastHour());
    while (calls.step()) {
        KubernetesCall c;
        std::string_view name = calls.text(0);
        if (name.substr(0, kPrefix.size()) == kPrefix)
            name.remove_prefix(kPrefix.size());
        c.name = std::string(name);
        c.successes = calls.int64(1);
        c.failures = calls.int64(2);
        c.seen = SeenSpan{calls.int64(3), calls.int64(4)};
        if (range.bounded()) {
            // Day precision unless the exact all-time times fall inside the range.
            const int64_t lo = std::max(range.fromMs(), calls.int64(5) * kHourMs);
            const int64_t hi = std::min(range.toMs() - 1, (calls.int64(6) + 24) * kHourMs - 1);
            if (!range.contains(c.seen.first) || c.seen.first < lo) {
                c.seen.first = lo;
                c.seenApproximate = true;
            }
            if (!range.contains(c.seen.last) || c.seen.last > hi) {
                c.seen.last = hi;
                c.seenApproximate = true;
            }
        }
        d.calls.push_back(std::move(c));
    }
    if (calls.failed())
        return detail::stepError(calls);
    calls.reset();
    d.callTotal = static_cast<int64_t>(d.calls.size());
    std::sort(d.calls.begin(), d.calls.end(), [](const KubernetesCall &x, const KubernetesCall &y) {
        const int64_t nx = x.successes + x.failures, ny = y.successes + y.failures;
        return nx != ny ? nx > ny : x.name < y.name;
    });
    if (limit > 0 && d.calls.size() > limit)
        d.calls.resize(limit);
    return d;
}

} // namespace sightline
