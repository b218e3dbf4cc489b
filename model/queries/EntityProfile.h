#pragma once
// An entity's profile: details, first/last seen, API calls by service and name with
// successes and failures, and the entities it was seen with (IPs, user agents, access keys,
// accounts, principals, resources), plus its relations. Reads only aggregates, never the
// events: call totals from agg_total (all time) or the hourly dim-0 rows of agg_hour (within
// a range); per-API and per-peer counts from their daily agg_hour rows (agg_total for APIs
// without a range), so within a range those lists cover whole UTC days at its edges.
// Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "EntityEdges.h"
#include "EntityLookup.h"
#include "EntityPeers.h"
#include "HourEvents.h"
#include "PostingLists.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace sightline {

struct ApiStat
{
    std::string service; // "iam.amazonaws.com"
    std::string name;    // "CreateUser"
    int64_t successes = 0, failures = 0;
    SeenSpan seen;
    bool seenApproximate = false; // within a range: day precision, bounded by the entity's
};

struct ProfileData
{
    EntityRef entity;
    std::string attrs; // JSON object text, "" when none
    TimeRange range;
    SeenSpan seen;                // within the range when one is given
    bool seenApproximate = false; // hour precision (the range cuts the entity's activity)
    int64_t successes = 0, failures = 0;
    bool totalsApproximate = false; // an hour cut by the range was counted whole
    std::vector<ApiStat> apis;      // most calls first, at most the list limit
    int64_t apiTotal = 0;           // distinct APIs
    PeerList principals, ips, userAgents, accessKeys, accounts, resources;
    // Per-API and per-peer counts are kept per UTC day: within a range they cover whole days
    // at its edges (the call totals above are hourly).
    bool breakdownByDay = false;
    bool peersPartial = false; // more peer rows than peerScanCap: lists are incomplete
    // Relations count as peers too (see EntityPeers).
    EdgeSet edges;
    // The account filter applied ("" = every account): peers and relations of other accounts
    // are left out. The call totals and the API list come from the entity's own aggregates,
    // which have no split by account: callsAllAccounts says they count the calls in every
    // account (a filter is set and the entity is not of its account: an address, an agent,
    // or an entity of another account).
    std::string account;
    bool callsAllAccounts = false;
};

struct ProfileOptions
{
    size_t listLimit = 50;       // rows per list; 0 = all
    size_t peerScanCap = 200000; // peer aggregate rows (peer x day) read at most
    std::string account;         // "" = every account; else the 12-digit account to narrow to
};

class EntityProfile
{
public:
    explicit EntityProfile(Database &db);

    Result<ProfileData> load(int64_t entityId, const TimeRange &range = {},
                             const ProfileOptions &options = {});
    EntityLookup &lookup() { return m_lookup; }

private:
    struct DimRow
    {
        int64_t dim = 0;
        int64_t a = 0, b = 0;
        SeenSpan seen;
        bool approximate = false;
    };
    Status readTotals(int64_t entity, const TimeRange &range, ProfileData &out);
    Status readApis(int64_t entity, const TimeRange &range, std::vector<DimRow> &rows);
    Result<std::string> string(int64_t id);

    Database &m_db;
    EntityLookup m_lookup;
    EntityEdges m_edges;
    EntityPeers m_peerLists;
    Status m_status;
    Statement m_entity, m_total, m_totalRange, m_apis, m_apisRange, m_string;
    PostingLists m_postings;
    HourEvents m_hourEvents;
    std::unordered_map<int64_t, std::string> m_strings;
};

} // namespace sightline
