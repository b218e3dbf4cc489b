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
                {&m_firstRun, "SELECT min(run) FROM entity_events_by_run"},
                {&m_runPieces, "SELECT hour, ids FROM entity_events_by_run WHERE "
                               "run = ?1 AND entity = ?2 AND hour BETWEEN ?3 AND ?4 "
                               "ORDER BY hour, seq"},
                {&m_nextRun, "SELECT run FROM entity_events_by_run WHERE run > ?1 ORDER BY run "
                             "LIMIT 1"},
            });
}

Result<std::optional<int64_t>> PostingLists::nextRun(std::optional<int64_t> after)
{
    Statement &st = after ? m_nextRun : m_firstRun;
    if (after)
        st.bind(1, *after);
    std::optional<int64_t> out;
    if (st.step() && !st.isNull(0))
        out = st.int64(0);
    if (auto s = finish(st); !s)
        return s.error();
    return out;
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
    const auto begin = static_cast<std::ptrdiff_t>(out.size());
    if (auto s = visit(m_hours, m_runHours, entity, firstHour, lastHour,
                       [&](Statement &st) {
                           out.push_back(st.int64(0));
                           return true;
                       });
        !s)
        return s;
    // Each source's hours ascend, but a later run can repeat or precede an earlier one's.
    std::sort(out.begin() + begin, out.end());
    out.erase(std::unique(out.begin() + begin, out.end()), out.end());
    return {};
}

Result<std::optional<std::pair<int64_t, int64_t>>>
PostingLists::span(int64_t entity, int64_t firstHour, int64_t lastHour)
{
    std::vector<int64_t> all;
    if (auto s = hours(entity, firstHour, lastHour, all); !s)
        return s.error();
    if (all.empty())
        return std::optional<std::pair<int64_t, int64_t>>();
    return std::optional<std::pair<int64_t, int64_t>>(std::make_pair(all.front(), all.back()));
}

Status PostingLists::hourIds(int64_t entity, int64_t hour, std::vector<int64_t> &ids,
                             size_t stopAbove)
{
    return visit(m_pieces, m_runPieces, entity, hour, hour, [&](Statement &st) {
        decodeDeltaList(st.blob(1), ids);
        return ids.size() <= stopAbove;
    });
}

} // namespace sightline
