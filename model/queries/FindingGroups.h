#pragma once
// Finding groups: findings that share entities close in time, so that an investigator
// triages one incident instead of its twenty findings (after Amazon Detective's finding
// groups). Reads the findings table and the Finding -> involves -> entity edges.
//
// The rule:
//  - A finding's window is [first seen, last seen] (eventFirstSeen / eventLastSeen, or
//    FirstObservedAt / LastObservedAt); a missing end is taken from the other end, and
//    updatedAt stands in when both are missing.
//  - Two findings are related when both involve one same entity, of any type except
//    AwsAccount and UserAgent (every finding of an account involves the account, and
//    common user agents are shared by strangers), and their windows are at most `window`
//    (default 24 hours) apart: max(first1, first2) - min(last1, last2) <= window
//    (overlapping windows are 0 apart).
//  - A group is a connected set of related findings (union-find): A and C are in one group
//    when A is related to B and B to C, even if A and C share nothing.
//  - Groups of fewer than minFindings (default 2) findings are not listed.
// Thread affinity: the thread that owns the Database.
#include "AttackTactics.h"
#include "Database.h"
#include "EntityLookup.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <string>
#include <vector>

namespace sightline {

struct FindingGroupOptions
{
    TimeRange range;               // findings active in the range (as FindingFilter)
    bool archived = true;          // include archived findings
    int64_t window = 24 * kHourMs; // the time proximity, ms
    size_t minFindings = 2;        // smaller groups are left out
};

struct GroupedFinding
{
    EntityRef finding; // key = ARN or id, label = title
    std::string type;
    int severityLabel = 0; // 0 informational .. 4 critical
    double severity = 0;   // the product's number
    SeenSpan window;       // as the rule takes it
};

// An entity that two or more findings of the group involve: what ties them together.
struct SharedEntity
{
    EntityRef entity;
    int64_t findings = 0; // findings of the group that involve it
};

struct NamespaceCount
{
    std::string name; // findingTypeNamespace(): "Recon", "UnauthorizedAccess", "TTPs" ...
    int64_t count = 0;
};

struct FindingGroup
{
    // The namespaces counted, most findings first: "3 UnauthorizedAccess, 2 Recon".
    std::string title;
    int severityLabel = 0;                  // the highest of its findings
    double severity = 0;                    // the highest number among the findings of that label
    SeenSpan span;                          // first start .. last end of the findings' windows
    std::vector<NamespaceCount> namespaces; // most findings first, then by name
    std::vector<AttackTactic> tactics;      // in ATT&CK matrix order, each once
    std::vector<GroupedFinding> findings;   // most severe first, then earliest
    std::vector<SharedEntity> shared;       // most findings first, then by type and key
    std::vector<int64_t> entities;          // every entity its findings involve (ids, sorted)
};

class FindingGroups
{
public:
    explicit FindingGroups(Database &db);

    // Groups, most severe first (then more findings, then most recent).
    Result<std::vector<FindingGroup>> build(const FindingGroupOptions &options = {});

private:
    EntityLookup m_lookup;
    Database &m_db;
    Status m_status;
    Statement m_findings, m_involved;
};

} // namespace sightline
