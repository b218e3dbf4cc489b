#pragma once
// Every AWS account of a case with its activity within a time range: API calls (agg_hour of
// the account entity), principals active in the account (InAccount edges seen in range),
// findings, and the regions and source files its events came from.
//
// Regions and sources are read from the events that involve the account. To stay bounded on
// large cases at most eventBudget events are read in all (shared by the accounts, at most
// 20,000 each, at least 16), spread over the hours of the range (from the account's posting
// lists); `sampled` then says the lists may be incomplete.
// Regions of the account's findings are always complete (findings table).
// Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "PostingLists.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <string>
#include <vector>

namespace sightline {

struct AccountSource
{
    int64_t id = 0;
    std::string path;
    std::string format;
};

struct AccountOverview
{
    EntityRef account;                     // key = the 12-digit id, label = alias when known
    SeenSpan seen;                         // the entity's first and last seen (whole case)
    int64_t apiCalls = 0, failedCalls = 0; // in range (failedCalls is part of apiCalls)
    int64_t principals = 0;                // principals active in the account in range
    int64_t findings = 0;                  // findings of the account active in range
    std::vector<std::string> regions;      // sorted
    std::vector<AccountSource> sources;    // by id
    bool sampled = false;                  // regions / sources from a sample of the events
};

class CaseAccounts
{
public:
    explicit CaseAccounts(Database &db);
    Result<std::vector<AccountOverview>> load(const TimeRange &range = {},
                                              size_t eventBudget = 200000);

private:
    Status details(AccountOverview &a, const TimeRange &range, size_t eventBudget);

    Database &m_db;
    Status m_status;
    PostingLists m_postings;
    Statement m_accounts, m_calls, m_principals, m_findings, m_findingRegions, m_event, m_string,
        m_source;
};

} // namespace sightline
