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
                {&m_nextRun, "SELECT run FROM entity_events_by_run WHERE run > ?1 ORDER BY run "
                             "LIMIT 1"},
            });
}

Status PostingLists::sources(std::vector<std::optional<int64_t>> &out)
{
    // The older table, then each run present, found one after the other (a damaged case with
    // a huge run number costs one more lookup, not a loop up to that number).
    out.assign(1, std::nullopt);
    if (!m_hasRuns)
        return {};
    int64_t after = INT64_MIN;
    for (;;) {
        m_nextRun.bind(1, after);
        const bool found = m_nextRun.step();
        if (found)
            after = m_nextRun.int64(0);
        if (m_nextRun.failed())
            return detail::stepError(m_nextRun);
        m_nextRun.reset();
        if (!found)
            return {};
        out.push_back(after);
    }
}

Statement &PostingLists::bindRange(Statement &older, Statement &byRun, std::optional<int64_t> run,
                                   int64_t entity, int64_t firstHour, int64_t lastHour)
{
    Statement &st = run ? byRun : older;
    if (run)
        st.bind(1, *run);
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
    if (auto s = sources(m_sources); !s)
        return s;
    const size_t begin = out.size();
    bool sorted = true;
    for (const std::optional<int64_t> &run : m_sources) {
        Statement &st = bindRange(m_hours, m_runHours, run, entity, firstHour, lastHour);
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
    if (auto s = sources(m_sources); !s)
        return s.error();
    std::optional<std::pair<int64_t, int64_t>> out;
    for (const std::optional<int64_t> &run : m_sources) {
        Statement &st = bindRange(m_span, m_runSpan, run, entity, firstHour, lastHour);
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
    if (auto s = sources(m_sources); !s)
        return s;
    for (const std::optional<int64_t> &run : m_sources) {
        if (ids.size() > stopAbove)
            break;
        Statement &st = bindRange(m_pieces, m_runPieces, run, entity, hour, hour);
        while (ids.size() <= stopAbove && st.step())
            decodeDeltaList(st.blob(1), ids);
        if (auto s = finish(st); !s)
            return s;
    }
    return {};
}

} // namespace sightline
