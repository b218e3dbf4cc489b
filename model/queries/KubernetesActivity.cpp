#include "KubernetesActivity.h"

#include "Metric.h"
#include "Prepared.h"

#include <algorithm>
#include <unordered_map>

namespace sightline {
namespace {

constexpr int kK8sCalls = static_cast<int>(Metric::K8sCalls);
constexpr int kK8sDenied = static_cast<int>(Metric::K8sDenied);
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
    // A metric's (a, b) for the entity; false when the query failed.
    Statement &total = range.bounded() ? m_totalRange : m_total;
    auto sums = [&](int metric, int64_t &a, int64_t &b) {
        total.bind(1, entity).bind(2, metric);
        if (range.bounded())
            total.bind(3, range.firstHour()).bind(4, range.lastHour());
        if (total.step()) {
            a = total.int64(0);
            b = total.int64(1);
        }
        if (total.failed())
            return false;
        total.reset();
        return true;
    };
    if (!sums(kK8sCalls, d.successes, d.failures) || !sums(kK8sDenied, d.unauthorized, d.forbidden))
        return detail::stepError(total);

    auto callName = [](std::string_view name) {
        if (name.substr(0, kPrefix.size()) == kPrefix)
            name.remove_prefix(kPrefix.size());
        return std::string(name);
    };
    Statement &calls = range.bounded() ? m_callsRange : m_calls;
    auto bindCalls = [&](int metric) {
        calls.bind(1, entity).bind(2, metric);
        if (range.bounded())
            calls.bind(3, range.firstDayHour()).bind(4, range.lastHour());
    };
    bindCalls(kK8sCalls);
    while (calls.step()) {
        KubernetesCall c;
        c.name = callName(calls.text(0));
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
    if (d.unauthorized + d.forbidden > 0) {
        // The denied part of each call (every denied call is also a failed one).
        std::unordered_map<std::string, size_t> byName;
        for (size_t i = 0; i < d.calls.size(); ++i)
            byName.emplace(d.calls[i].name, i);
        bindCalls(kK8sDenied);
        while (calls.step()) {
            const auto it = byName.find(callName(calls.text(0)));
            if (it == byName.end())
                continue;
            d.calls[it->second].unauthorized = calls.int64(1);
            d.calls[it->second].forbidden = calls.int64(2);
        }
        if (calls.failed())
            return detail::stepError(calls);
        calls.reset();
    }
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
