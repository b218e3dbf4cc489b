#include "RecentEvents.h"

#include "Prepared.h"
#include "ReadSnapshot.h"

#include <algorithm>
#include <iterator>

namespace sightline {

RecentEvents::RecentEvents(Database &db) : m_db(db), m_events(db), m_activity(db)
{
    m_status = detail::prepareAll(db, {{&m_time, "SELECT time FROM events WHERE id = ?1"}});
}

Result<int64_t> RecentEvents::countHour(const std::vector<int64_t> &entities, int64_t hour,
                                        const TimeRange &range)
{
    std::vector<int64_t> ids, other, both;
    if (auto s = m_activity.hourIds(entities.front(), hour, ids); !s)
        return s.error();
    for (size_t i = 1; i < entities.size() && !ids.empty(); ++i) {
        other.clear();
        if (auto s = m_activity.hourIds(entities[i], hour, other); !s)
            return s.error();
        both.clear();
        std::set_intersection(ids.begin(), ids.end(), other.begin(), other.end(),
                              std::back_inserter(both));
        ids.swap(both);
    }
    const bool whole =
        range.contains(hour * kHourMs) && range.contains(hour * kHourMs + kHourMs - 1);
    if (whole)
        return static_cast<int64_t>(ids.size());
    // An hour the range cuts: count the events inside it (at most two such hours).
    int64_t n = 0;
    for (int64_t id : ids) {
        m_time.bind(1, id);
        if (m_time.step() && range.contains(m_time.int64(0)))
            ++n;
        if (m_time.failed())
            return detail::stepError(m_time);
        m_time.reset();
    }
    return n;
}

Result<EventPage> RecentEvents::run(const RecentFilter &f)
{
    if (!m_status)
        return m_status.error();
    EventPage page;
    if (f.entities.empty() || f.limit == 0 || f.range.empty())
        return page;
    detail::ReadSnapshot snapshot(m_db);
    std::vector<int64_t> entities = f.entities;
    std::sort(entities.begin(), entities.end());
    entities.erase(std::unique(entities.begin(), entities.end()), entities.end());

    // Hours where every entity has events.
    std::vector<int64_t> hours, other, both;
    for (size_t i = 0; i < entities.size(); ++i) {
        other.clear();
        if (auto s = m_activity.hours(entities[i], f.range, other); !s)
            return s.error();
        if (i == 0) {
            hours.swap(other);
        } else {
            both.clear();
            std::set_intersection(hours.begin(), hours.end(), other.begin(), other.end(),
                                  std::back_inserter(both));
            hours.swap(both);
        }
    }
    // From the newest hour back until the page (and one more event) is covered.
    const auto want = static_cast<int64_t>(f.offset + f.limit);
    int64_t counted = 0;
    size_t start = hours.size();
    while (start > 0 && counted <= want) {
        --start;
        auto n = countHour(entities, hours[start], f.range);
        if (!n)
            return n.error();
        counted += *n;
    }
    if (counted <= static_cast<int64_t>(f.offset))
        return page;
    page.more = counted > want;
    if (!page.more) {
        // The older hours may still hold events of the range (a cut first hour).
        for (size_t i = start; i-- > 0 && !page.more;) {
            auto n = countHour(entities, hours[i], f.range);
            if (!n)
                return n.error();
            page.more = *n > 0;
        }
    }
    EventFilter q;
    q.entities = entities;
    q.range = f.range;
    if (start < hours.size())
        q.range.from = std::max(f.range.fromMs(), hours[start] * kHourMs);
    const int64_t newestSkipped = static_cast<int64_t>(f.offset);
    const int64_t first = std::max<int64_t>(0, counted - want); // oldest wanted, ascending
    q.offset = static_cast<size_t>(first);
    q.limit = static_cast<size_t>(counted - newestSkipped - first);
    q.withRaw = f.withRaw;
    auto window = m_events.run(q);
    if (!window)
        return window.error();
    page.events = std::move(window->events);
    std::reverse(page.events.begin(), page.events.end());
    return page;
}

} // namespace sightline
