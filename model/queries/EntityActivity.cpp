#include "EntityActivity.h"

#include "Metric.h"
#include "Prepared.h"

#include <algorithm>

namespace sightline {

EntityActivity::EntityActivity(Database &db) : m_postings(db)
{
    m_status = detail::prepareAll(
        db, {
                {&m_apiDims, "SELECT dim, a, b FROM agg_total WHERE entity = ?1 AND metric = ?2"},
                {&m_apiHours, "SELECT hour FROM agg_hour WHERE entity = ?1 AND metric = ?2 AND "
                              "dim = ?3 AND hour BETWEEN ?4 AND ?5"},
                {&m_string, "SELECT s FROM strings WHERE id = ?1"},
            });
    if (m_status)
        m_status = m_postings.status();
}

Result<std::string> EntityActivity::string(int64_t id)
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

Status EntityActivity::hours(int64_t entity, const TimeRange &range, std::vector<int64_t> &hours)
{
    if (!m_status)
        return m_status;
    return m_postings.hours(entity, range.firstHour(), range.lastHour(), hours);
}

Status EntityActivity::apiHours(int64_t entity, std::string_view api, const TimeRange &range,
                                std::vector<int64_t> &hours, bool &usable)
{
    usable = false;
    if (!m_status)
        return m_status;
    // Aggregates are usable when the entity's per-API totals add up to its call total (not
    // every entity type need keep per-API rows): then days without the API's daily rows hold
    // none of its calls. The result is the entity's active hours on the other days.
    std::vector<int64_t> dims;
    int64_t total = -1, perApi = 0;
    m_apiDims.bind(1, entity).bind(2, static_cast<int>(Metric::ApiCalls));
    while (m_apiDims.step()) {
        const int64_t dim = m_apiDims.int64(0), calls = m_apiDims.int64(1) + m_apiDims.int64(2);
        if (dim == 0) {
            total = calls;
        } else {
            dims.push_back(dim);
            perApi += calls;
        }
    }
    if (m_apiDims.failed())
        return detail::stepError(m_apiDims);
    m_apiDims.reset();
    usable = total >= 0 && perApi == total;
    if (!usable)
        return {};
    const bool anyService = api.front() == ':';
    std::vector<int64_t> days;
    for (int64_t dim : dims) {
        auto text = string(dim);
        if (!text)
            return text.error();
        const bool match = anyService ? text->ends_with(api) : *text == api;
        if (!match)
            continue;
        m_apiHours.bind(1, entity).bind(2, static_cast<int>(Metric::ApiCalls)).bind(3, dim);
        m_apiHours.bind(4, range.firstDayHour()).bind(5, range.lastHour());
        while (m_apiHours.step())
            days.push_back(dayStartHour(m_apiHours.int64(0)));
        if (m_apiHours.failed())
            return detail::stepError(m_apiHours);
        m_apiHours.reset();
    }
    if (days.empty())
        return {};
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    std::vector<int64_t> active;
    if (auto s = this->hours(entity, range, active); !s)
        return s;
    for (int64_t hour : active) {
        if (std::binary_search(days.begin(), days.end(), dayStartHour(hour)))
            hours.push_back(hour);
    }
    return {};
}

Status EntityActivity::hourIds(int64_t entity, int64_t hour, std::vector<int64_t> &ids)
{
    if (!m_status)
        return m_status;
    ids.clear();
    if (auto s = m_postings.hourIds(entity, hour, ids); !s)
        return s;
    // Within a blob ids ascend; blobs of later flushes hold later ids. Sort anyway: the case
    // file is untrusted input.
    if (!std::is_sorted(ids.begin(), ids.end()))
        std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return {};
}

} // namespace sightline
