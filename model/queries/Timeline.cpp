#include "Timeline.h"

#include "Metric.h"
#include "Prepared.h"
#include "ReadSnapshot.h"
#include "Varint.h"

#include <algorithm>
#include <utility>

namespace sightline {
namespace {

int64_t bucketStart(int64_t hour, TimelineBucket bucket)
{
    if (bucket == TimelineBucket::Hour)
        return hour * kHourMs;
    const int64_t day = hour >= 0 ? hour / 24 : (hour - 23) / 24;
    return day * 24 * kHourMs;
}

void add(TimelineData &d, int64_t hour, int64_t a, int64_t b, int64_t events)
{
    const int64_t start = bucketStart(hour, d.bucket);
    if (d.points.empty() || d.points.back().start != start)
        d.points.push_back(TimelinePoint{start, 0, 0, 0});
    TimelinePoint &p = d.points.back();
    p.successes += a;
    p.failures += b;
    p.events += events;
    d.successes += a;
    d.failures += b;
    d.events += events;
}

} // namespace

Timeline::Timeline(Database &db) : m_db(db), m_postings(db)
{
    m_status = detail::prepareAll(
        db, {
                {&m_hasCalls, "SELECT count(*) FROM agg_total WHERE entity = ?1 AND "
                              "metric = ?2 AND dim = 0"},
                {&m_hours, "SELECT hour, a, b FROM agg_hour WHERE entity = ?1 AND metric = ?2 "
                           "AND dim = 0 AND hour BETWEEN ?3 AND ?4 ORDER BY hour"},
            });
    if (m_status)
        m_status = m_postings.status();
}

Result<TimelineData> Timeline::load(int64_t entityId, TimelineBucket bucket, const TimeRange &range)
{
    if (!m_status)
        return m_status.error();
    detail::ReadSnapshot snapshot(m_db);
    TimelineData d;
    d.bucket = bucket;
    d.range = range;
    const int metric = static_cast<int>(Metric::ApiCalls);

    m_hasCalls.bind(1, entityId).bind(2, metric);
    const bool hasCalls = m_hasCalls.step() && m_hasCalls.int64(0) > 0;
    if (m_hasCalls.failed())
        return detail::stepError(m_hasCalls);
    m_hasCalls.reset();

    if (hasCalls) {
        m_hours.bind(1, entityId)
            .bind(2, metric)
            .bind(3, range.firstHour())
            .bind(4, range.lastHour());
        while (m_hours.step()) {
            const int64_t a = m_hours.int64(1), b = m_hours.int64(2);
            add(d, m_hours.int64(0), a, b, a + b);
        }
        if (m_hours.failed())
            return detail::stepError(m_hours);
        m_hours.reset();
        return d;
    }

    d.fromPostings = true;
    std::vector<int64_t> ids;
    // Pieces come layout by layout and run by run, each by hour: sorted here.
    std::vector<std::pair<int64_t, int64_t>> counts; // hour, events
    auto counted = m_postings.forEachPiece(entityId, range.firstHour(), range.lastHour(),
                                           [&](int64_t hour, std::string_view piece) {
                                               ids.clear();
                                               decodeDeltaList(piece, ids);
                                               // An event lists an entity once per role it plays;
                                               // count it once.
                                               int64_t n = 0, prev = 0;
                                               for (int64_t id : ids) {
                                                   n += id != prev;
                                                   prev = id;
                                               }
                                               counts.emplace_back(hour, n);
                                           });
    if (!counted)
        return counted.error();
    std::sort(counts.begin(), counts.end());
    for (const auto &[hour, n] : counts)
        add(d, hour, 0, 0, n);
    return d;
}

} // namespace sightline
