#include "PostingLists.h"

#include "Prepared.h"
#include "Varint.h"

#include <algorithm>

namespace sightline {

PostingLists::PostingLists(Database &db)
{
    m_status = detail::prepareAll(
        db, {
                {&m_hours, "SELECT DISTINCT hour FROM entity_events WHERE entity = ?2 AND "
                           "hour BETWEEN ?3 AND ?4 ORDER BY hour"},
                {&m_span, "SELECT min(hour), max(hour) FROM entity_events WHERE entity = ?2 "
                          "AND hour BETWEEN ?3 AND ?4"},
                {&m_pieces, "SELECT hour, ids FROM entity_events WHERE entity = ?2 AND "
                            "hour BETWEEN ?3 AND ?4 ORDER BY hour, seq"},
            });
    if (!m_status)
        return;
    auto has = db.queryInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                           "name = 'entity_events_by_run'");
    if (!has) {
        m_status = has.error();
        return;
    }
    m_hasRuns = *has > 0;
    if (!m_hasRuns)
        return;
    m_status = detail::prepareAll(
        db, {
                {&m_runHours, "SELECT DISTINCT hour FROM entity_events_by_run WHERE "
                              "run = ?1 AND entity = ?2 AND hour BETWEEN ?3 AND ?4 "
                              "ORDER BY hour"},
                {&m_runSpan, "SELECT min(hour), max(hour) FROM entity_events_by_run WHERE "
                             "run = ?1 AND entity = ?2 AND hour BETWEEN ?3 AND ?4"},
                {&m_runPieces, "SELECT hour, ids FROM entity_events_by_run WHERE "
                               "run = ?1 AND entity = ?2 AND hour BETWEEN ?3 AND ?4 "
                               "ORDER BY hour, seq"},
                {&m_runs, "SELECT coalesce(max(run) + 1, 0) FROM entity_events_by_run"},
            });
}

Result<int64_t> PostingLists::runCount()
{
    if (!m_hasRuns)
        return int64_t(0);
    const bool found = m_runs.step();
    const int64_t n = found ? m_runs.int64(0) : 0;
    if (m_runs.failed())
        return detail::stepError(m_runs);
    m_runs.reset();
    // Runs are numbered from 0 without gaps; a damaged case cannot make a reader loop for
    // long (an run holds kRunRows rows, so there are at most as many as rows).
    return n;
}

Statement &PostingLists::bindRange(Statement &older, Statement &byRun, int64_t e, int64_t entity,
                                   int64_t firstHour, int64_t lastHour)
{
    Statement &st = e < 0 ? older : byRun;
    if (e >= 0)
        st.bind(1, e);
    st.bind(2, entity).bind(3, firstHour).bind(4, lastHour);
    return st;
}

Status PostingLists::finish(Statement &st)
{
    if (st.failed())
        return detail::stepError(st);
    st.reset();
    return {};
}

Status PostingLists::hours(int64_t entity, int64_t firstHour, int64_t lastHour,
                           std::vector<int64_t> &out)
{
    if (!m_status)
        return m_status;
    auto runs = runCount();
    if (!runs)
        return runs.error();
    const size_t begin = out.size();
    bool sorted = true;
    for (int64_t e = -1; e < *runs; ++e) {
        Statement &st = bindRange(m_hours, m_runHours, e, entity, firstHour, lastHour);
        const size_t before = out.size();
        while (st.step())
            out.push_back(st.int64(0));
        if (auto s = finish(st); !s)
            return s;
        // Each source's hours ascend; a later run can repeat or precede an earlier one's.
        sorted =
            sorted && (before == begin || before == out.size() || out[before - 1] < out[before]);
    }
    if (!sorted) {
        std::sort(out.begin() + static_cast<std::ptrdiff_t>(begin), out.end());
        out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(begin), out.end()),
                  out.end());
    }
    return {};
}

Result<std::optional<std::pair<int64_t, int64_t>>>
PostingLists::span(int64_t entity, int64_t firstHour, int64_t lastHour)
{
    if (!m_status)
        return m_status.error();
    auto runs = runCount();
    if (!runs)
        return runs.error();
    std::optional<std::pair<int64_t, int64_t>> out;
    for (int64_t e = -1; e < *runs; ++e) {
        Statement &st = bindRange(m_span, m_runSpan, e, entity, firstHour, lastHour);
        if (st.step() && !st.isNull(0)) {
            const int64_t lo = st.int64(0), hi = st.int64(1);
            out = out ? std::make_pair(std::min(out->first, lo), std::max(out->second, hi))
                      : std::make_pair(lo, hi);
        }
        if (auto s = finish(st); !s)
            return s.error();
    }
    return out;
}

Status PostingLists::hourIds(int64_t entity, int64_t hour, std::vector<int64_t> &ids,
                             size_t stopAbove)
{
    if (!m_status)
        return m_status;
    auto runs = runCount();
    if (!runs)
        return runs.error();
    for (int64_t e = -1; e < *runs && ids.size() <= stopAbove; ++e) {
        Statement &st = bindRange(m_pieces, m_runPieces, e, entity, hour, hour);
        while (ids.size() <= stopAbove && st.step())
            decodeDeltaList(st.blob(1), ids);
        if (auto s = finish(st); !s)
            return s;
    }
    return {};
}

} // namespace sightline
