#pragma once
// What a case holds: its sources with provenance and counts, entity counts by type, time
// range and totals. Reads only small tables and indexes (no scan of events).
// Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "EventKind.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sightline {

struct SourceInfo
{
    int64_t id = 0;
    std::string path;
    int64_t size = 0;
    std::string sha256;
    std::string format;
    int parserVersion = 0;
    int64_t importedAt = 0; // epoch ms
    SourceStatus status = SourceStatus::Imported;
    std::string note;
    int64_t records = 0, newEvents = 0, duplicates = 0, errors = 0;
    int64_t firstTime = 0, lastTime = 0; // 0 when no events
};

struct ImportErrorInfo
{
    std::string path;
    int64_t line = 0;
    int64_t offset = 0;
    std::string reason;
};

struct CaseOverview
{
    int schemaVersion = 0;
    std::vector<SourceInfo> sources;
    std::vector<std::pair<EntityType, int64_t>> entityCounts; // types present, in enum order
    int64_t entities = 0;
    int64_t events = 0; // sum of the sources' new events
    // Of all the case's data: events, and the sources' spans (VPC flow records have no events
    // row); 0 when the case is empty.
    int64_t firstTime = 0, lastTime = 0;
    int64_t records = 0, duplicates = 0, errors = 0;
    int64_t skippedSources = 0, damagedSources = 0, failedSources = 0;
    std::vector<ImportErrorInfo> firstErrors; // in source and line order
    int64_t importErrorRows = 0;              // recorded import errors in total
};

std::string_view sourceStatusName(SourceStatus status); // "imported", "skipped" ...

class CaseInfo
{
public:
    explicit CaseInfo(Database &db);
    Result<CaseOverview> read(size_t maxErrors = 20);

private:
    Database &m_db;
    Status m_status;
    Statement m_sources, m_types, m_range, m_errors, m_errorCount;
};

} // namespace sightline
