#include "HourEvents.h"

#include "Prepared.h"

#include <algorithm>

namespace sightline {

HourEvents::HourEvents(Database &db) : m_postings(db)
{
    m_status = detail::prepareAll(
        db, {
                {&m_event, "SELECT time, error IS NOT NULL FROM events WHERE id = ?1"},
            });
    if (m_status)
        m_status = m_postings.status();
}

Result<std::optional<std::vector<EventBrief>>> HourEvents::read(int64_t entity, int64_t hour,
                                                                size_t maxEvents)
{
    if (!m_status)
        return m_status.error();
    std::vector<int64_t> ids;
    if (auto s = m_postings.hourIds(entity, hour, ids, maxEvents); !s)
        return s.error();
    if (ids.size() > maxEvents)
        return std::optional<std::vector<EventBrief>>();
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<EventBrief> out;
    out.reserve(ids.size());
    for (int64_t id : ids) {
        m_event.bind(1, id);
        if (m_event.step())
            out.push_back(EventBrief{id, m_event.int64(0), m_event.int64(1) != 0});
        if (m_event.failed())
            return detail::stepError(m_event);
        m_event.reset();
    }
    return std::optional<std::vector<EventBrief>>(std::move(out));
}

} // namespace sightline
