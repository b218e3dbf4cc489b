#pragma once
// Findings (GuardDuty, Security Hub ...): which findings involve an entity, and which
// entities and versions one finding has. Reads the findings, finding_versions and edges
// (Finding -> involves -> entity) tables. Thread affinity: the thread that owns the
// Database.
#include "Database.h"
#include "EntityLookup.h"
#include "RawRecordReader.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// Severity labels as stored (findings.severity_label): 0 informational .. 4 critical.
std::string_view findingSeverityName(int label);                   // "Informational" .. "Critical"
std::optional<int> findingSeverityFromName(std::string_view name); // any case; "info" too

struct FindingFilter
{
    int64_t entity = 0;      // only findings that involve this entity; 0 = all
    unsigned severities = 0; // bit (1 << label) per label to keep; 0 = all
    std::string product;     // "" = all; compared case-insensitively
    // Findings active in the range: first seen before its end, last seen at or after its
    // start (updated_at stands in for a missing first / last seen).
    TimeRange range;
    bool archived = true; // include archived findings
    // "" = every account; else findings of other accounts are left out (those of no known
    // account stay).
    std::string account;
    size_t limit = 100; // 0 = no limit
    size_t offset = 0;
};

struct FindingSummary
{
    EntityRef finding; // key = ARN or id, label = title
    std::string product, type, title, account, region;
    double severity = 0;   // the product's number
    int severityLabel = 0; // 0 informational .. 4 critical
    SeenSpan seen;         // first / last observed (eventFirstSeen / eventLastSeen)
    int64_t updatedAt = 0; // of the version kept
    int64_t count = 0;     // occurrences the product counted
    bool archived = false;
    int64_t eventId = 0;  // events row holding the kept version's raw record
    int64_t versions = 0; // versions imported
};

struct FindingPage
{
    std::vector<FindingSummary> findings; // severity, then number, then last seen, descending
    int64_t total = 0;                    // findings matching the filter
    bool more = false;
};

struct FindingInvolved
{
    EntityRef entity;
    SeenSpan seen;     // updatedAt of the first and last version that involved it
    int64_t count = 0; // versions that involved it
};

struct FindingVersion
{
    int64_t updatedAt = 0;
    int64_t eventId = 0;
    bool kept = false; // the version the findings row shows
    int64_t sourceId = 0;
    std::string sourcePath;
    int64_t line = 0, offset = 0;
};

struct FindingDetail
{
    FindingSummary summary;
    std::string attrs; // the Finding entity's attrs (JSON object text, "" when none)
    std::vector<FindingInvolved> involved; // by type, then key
    std::vector<FindingVersion> versions;  // oldest first
    std::string raw;                       // the kept version's raw record (withRaw)
};

class FindingQuery
{
public:
    explicit FindingQuery(Database &db);

    Result<FindingPage> list(const FindingFilter &filter);
    // A finding by its key (ARN or id, any case), by a GuardDuty / ASFF finding id alone (the
    // last path segment of its ARN), or by the id GuardDuty gave it. NotFound, or
    // InvalidArgument when the text fits several findings (the detail lists them).
    Result<EntityRef> resolve(std::string_view key);
    Result<FindingDetail> detail(int64_t finding, bool withRaw = false);

    EntityLookup &lookup() { return m_lookup; }

private:
    static void readSummary(Statement &st, FindingSummary &s);

    EntityLookup m_lookup;
    RawRecordReader m_raw;
    Status m_status;
    Statement m_all, m_allCount, m_byEntity, m_byEntityCount, m_one, m_bySuffix, m_byAttrId,
        m_involved, m_versions;
};

} // namespace sightline
