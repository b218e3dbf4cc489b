#pragma once
// An entity's posting lists (which events involve it, hour by hour), wherever the case keeps
// them: entity_events for cases written before schema version 4, entity_events_by_run
// since. The second groups rows by run (a run of flushes, CaseWriter::kRunRows rows or
// so), so a read looks the entity up once per run: a few dozen lookups in a case of ten
// million events. Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "Result.h"
#include "Statement.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace sightline {

class PostingLists
{
public:
    explicit PostingLists(Database &db);
    const Status &status() const { return m_status; }

    // Hours (ascending, distinct) in [firstHour, lastHour] that hold events of the entity.
    Status hours(int64_t entity, int64_t firstHour, int64_t lastHour, std::vector<int64_t> &out);
    // The first and last of those hours, or nullopt when there are none.
    Result<std::optional<std::pair<int64_t, int64_t>>> span(int64_t entity, int64_t firstHour,
                                                            int64_t lastHour);
    // The entity's event ids in one hour, appended to ids in the order stored (ascending
    // within each piece; pieces of later flushes hold later ids). Stops reading pieces once
    // ids holds more than stopAbove.
    Status hourIds(int64_t entity, int64_t hour, std::vector<int64_t> &ids,
                   size_t stopAbove = SIZE_MAX);
    // Calls f(hour, piece) for every stored piece (a delta-varint blob) with hour in
    // [firstHour, lastHour]: older layout first, then run by run, each by hour and flush (so
    // not in hour order overall).
    template <typename F>
    Status forEachPiece(int64_t entity, int64_t firstHour, int64_t lastHour, F &&f)
    {
        if (!m_status)
            return m_status;
        if (auto s = sources(m_sources); !s)
            return s;
        for (const std::optional<int64_t> &run : m_sources) {
            Statement &st = bindRange(m_pieces, m_runPieces, run, entity, firstHour, lastHour);
            while (st.step())
                f(st.int64(0), st.blob(1));
            if (auto s = finish(st); !s)
                return s;
        }
        return {};
    }

private:
    // Where to look: nullopt (entity_events), then every run in entity_events_by_run,
    // ascending (none when that table is missing: a case of version 3 opened read-only).
    Status sources(std::vector<std::optional<int64_t>> &out);
    // The older table's statement (no run) or the run table's, bound to the range.
    static Statement &bindRange(Statement &older, Statement &byRun, std::optional<int64_t> run,
                                int64_t entity, int64_t firstHour, int64_t lastHour);
    static Status finish(Statement &st);

    Status m_status;
    bool m_hasRuns = false;
    Statement m_hours, m_runHours, m_span, m_runSpan, m_pieces, m_runPieces, m_nextRun;
    std::vector<std::optional<int64_t>> m_sources;
};

} // namespace sightline
