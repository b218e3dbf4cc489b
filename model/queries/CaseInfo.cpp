#include "CaseInfo.h"

#include "Prepared.h"
#include "ReadSnapshot.h"

namespace sightline {

std::string_view sourceStatusName(SourceStatus status)
{
    switch (status) {
    case SourceStatus::Importing:
        return "interrupted";
    case SourceStatus::Imported:
        return "imported";
    case SourceStatus::Skipped:
        return "skipped";
    case SourceStatus::Damaged:
        return "damaged";
    case SourceStatus::Failed:
        return "failed";
    case SourceStatus::Cancelled:
        return "cancelled";
    }
    return "unknown";
}

CaseInfo::CaseInfo(Database &db) : m_db(db)
{
    m_status = detail::prepareAll(
        db, {
                {&m_sources, "SELECT id, path, size, sha256, format, parser_version, imported_at, "
                             "status, coalesce(note, ''), records, new_events, duplicates, errors, "
                             "coalesce(first_time, 0), coalesce(last_time, 0) FROM sources "
                             "ORDER BY id"},
                // Covered by the UNIQUE(type, key) index.
                {&m_types, "SELECT type, count(*) FROM entities GROUP BY type ORDER BY type"},
                // Every source's data: the events (min / max on their time index) and the
                // sources' own spans, which also cover records that have no events row (VPC
                // flow records, kept only in the flows table).
                {&m_range, "SELECT min(a), max(b) FROM (SELECT (SELECT min(time) FROM events) "
                           "AS a, (SELECT max(time) FROM events) AS b UNION ALL "
                           "SELECT min(first_time), max(last_time) FROM sources "
                           "WHERE coalesce(first_time, 0) <> 0 AND coalesce(last_time, 0) <> 0)"},
                {&m_errors, "SELECT s.path, coalesce(e.line, 0), coalesce(e.offset, 0), e.reason "
                            "FROM import_errors e JOIN sources s ON s.id = e.source_id "
                            "ORDER BY e.id LIMIT ?1"},
                {&m_errorCount, "SELECT count(*) FROM import_errors"},
            });
}

Result<CaseOverview> CaseInfo::read(size_t maxErrors)
{
    if (!m_status)
        return m_status.error();
    detail::ReadSnapshot snapshot(m_db);
    CaseOverview o;
    auto version = m_db.queryInt("PRAGMA user_version");
    if (!version)
        return version.error();
    o.schemaVersion = static_cast<int>(*version);

    while (m_sources.step()) {
        SourceInfo s;
        s.id = m_sources.int64(0);
        s.path = m_sources.string(1);
        s.size = m_sources.int64(2);
        s.sha256 = m_sources.string(3);
        s.format = m_sources.string(4);
        s.parserVersion = static_cast<int>(m_sources.int64(5));
        s.importedAt = m_sources.int64(6);
        s.status = static_cast<SourceStatus>(m_sources.int64(7));
        s.note = m_sources.string(8);
        s.records = m_sources.int64(9);
        s.newEvents = m_sources.int64(10);
        s.duplicates = m_sources.int64(11);
        s.errors = m_sources.int64(12);
        s.firstTime = m_sources.int64(13);
        s.lastTime = m_sources.int64(14);
        o.records += s.records;
        o.events += s.newEvents;
        o.duplicates += s.duplicates;
        o.errors += s.errors;
        o.skippedSources += s.status == SourceStatus::Skipped;
        o.damagedSources += s.status == SourceStatus::Damaged;
        o.failedSources += s.status == SourceStatus::Failed;
        o.sources.push_back(std::move(s));
    }
    if (m_sources.failed())
        return detail::stepError(m_sources);
    m_sources.reset();

    while (m_types.step()) {
        const int64_t n = m_types.int64(1);
        o.entityCounts.emplace_back(static_cast<EntityType>(m_types.int64(0)), n);
        o.entities += n;
    }
    if (m_types.failed())
        return detail::stepError(m_types);
    m_types.reset();

    if (m_range.step() && !m_range.isNull(0)) {
        o.firstTime = m_range.int64(0);
        o.lastTime = m_range.int64(1);
    }
    if (m_range.failed())
        return detail::stepError(m_range);
    m_range.reset();

    if (maxErrors > 0) {
        m_errors.bind(1, static_cast<int64_t>(maxErrors));
        while (m_errors.step()) {
            o.firstErrors.push_back(ImportErrorInfo{m_errors.string(0), m_errors.int64(1),
                                                    m_errors.int64(2), m_errors.string(3)});
        }
        if (m_errors.failed())
            return detail::stepError(m_errors);
        m_errors.reset();
    }
    if (m_errorCount.step())
        o.importErrorRows = m_errorCount.int64(0);
    if (m_errorCount.failed())
        return detail::stepError(m_errorCount);
    m_errorCount.reset();
    return o;
}

} // namespace sightline
