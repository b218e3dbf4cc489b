#pragma once
// The findings of a case as one table (the Findings page): every finding active in a time
// range, optionally of one account, with a few of the resources it involves. One query over
// the findings table (a few hundred thousand rows at most), then the involved entities of
// each row from the edges primary key. Same activity rule and order as FindingQuery::list.
// Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "FindingQuery.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <string>
#include <vector>

namespace sightline {

struct FindingTableFilter
{
    TimeRange range;
    std::string account;  // "" = every account
    bool archived = true; // include archived findings
    size_t limit = 50000; // rows returned; 0 = all
    size_t resources = 3; // involved entities named per row
};

struct FindingTableRow
{
    FindingSummary summary;           // versions is not filled (0)
    std::vector<EntityRef> resources; // resources first (instances, buckets, keys ...), then
                                      // principals, then addresses; accounts left out
    int64_t involved = 0;             // involved entities in all, accounts left out
};

struct FindingTableData
{
    std::vector<FindingTableRow> rows;
    int64_t total = 0; // findings matching the filter (rows may stop at the limit)
};

class FindingTable
{
public:
    explicit FindingTable(Database &db);
    Result<FindingTableData> load(const FindingTableFilter &filter);

private:
    Database &m_db;
    Status m_status;
    Statement m_rows, m_count, m_involved, m_involvedCount;
};

} // namespace sightline
