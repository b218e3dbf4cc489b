#pragma once
// The case at a glance, within a time range and optionally one account: findings by
// severity, the principals with the most API calls, the instances with the most flow
// traffic (each with a coarse activity series for a sparkline), and entity counts by type.
// Reads the findings table, the entities' type index and the hourly aggregates (agg_hour,
// dim 0) of principals and instances only, never the events: its cost grows with the number
// of principals and instances and the hours in range, not with the number of events.
// Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace sightline {

struct SummaryFilter
{
    TimeRange range;     // both ends needed for activity series; open ends read everything
    std::string account; // "" = every account
    size_t topPrincipals = 8;
    size_t topInstances = 8;
    int seriesBuckets = 48; // activity series length (equal slices of the range)
};

struct SummaryEntity
{
    EntityRef entity;
    int64_t a = 0, b = 0;        // principals: successful / failed calls; instances: bytes in / out
    std::vector<int64_t> series; // a + b per slice of the range (seriesBuckets values)
};

struct CaseSummaryData
{
    std::array<int64_t, 5> findingsBySeverity{}; // active (not archived) findings by label
    int64_t findings = 0;                        // active findings in range
    int64_t archivedFindings = 0;                // archived findings in range
    std::vector<SummaryEntity> principals;       // most calls first
    std::vector<SummaryEntity> instances;        // most bytes (both ways) first
    // Entities by type: of the account when one is given (entities.account), else all.
    std::vector<std::pair<EntityType, int64_t>> entityCounts;
};

class CaseSummary
{
public:
    explicit CaseSummary(Database &db);
    Result<CaseSummaryData> load(const SummaryFilter &filter);

private:
    Status top(Statement &st, const SummaryFilter &filter, int metric, size_t limit,
               std::vector<SummaryEntity> &out);

    Database &m_db;
    Status m_status;
    Statement m_findings, m_principals, m_instances, m_hours, m_typesAll, m_typesAccount;
};

} // namespace sightline
