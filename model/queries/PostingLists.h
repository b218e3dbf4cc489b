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
        return visit(m_pieces, m_runPieces, entity, firstHour, lastHour, [&](Statement &st) {
            f(st.int64(0), st.blob(1));
            return true;
        });
    }

private:
    // Steps the older table's statement, then the run table's for each run present, bound to
    // (entity, firstHour, lastHour); calls row(statement) for each row until it returns false.
    // Runs are found one after the other: a damaged case with a huge run number costs one
    // more lookup, not a loop up to that number. A case of version 3 opened read-only has no
    // run table.
    template <typename Row>
    Status visit(Statement &older, Statement &byRun, int64_t entity, int64_t firstHour,
                 int64_t lastHour, Row &&row)
    {
        if (!m_status)
            return m_status;
        std::optional<int64_t> run; // none: the older table
        for (;;) {
            Statement &st = run ? byRun : older;
            if (run)
                st.bind(1, *run);
            st.bind(2, entity).bind(3, firstHour).bind(4, lastHour);
            bool more = true;
            while (more && st.step())
                more = row(st);
            if (auto s = finish(st); !s)
                return s;
            if (!more || !m_hasRuns)
                return {};
            auto next = nextRun(run);
            if (!next)
                return next.error();
            if (!*next)
                return {};
            run = *next;
        }
    }
    // The first run after `after` (or the first of all), nullopt when there is none.
    Result<std::optional<int64_t>> nextRun(std::optional<int64_t> after);
    static Status finish(Statement &st);

    Status m_status;
    bool m_hasRuns = false;
    Statement m_hours, m_runHours, m_pieces, m_runPieces, m_firstRun, m_nextRun;
};

} // namespace sightline
