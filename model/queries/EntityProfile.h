#pragma once
// An entity's profile: details, first/last seen, API calls by service and name with
// successes and failures, and the entities it was seen with (IPs, user agents, access keys,
// accounts, principals, resources), plus its relations. Reads only aggregates: agg_total
// without a time range, agg_hour within one (hour granularity). Thread affinity: the thread
// that owns the Database.
#include "Database.h"
#include "EntityEdges.h"
#include "EntityLookup.h"
#include "QueryTypes.h"
#include "Result.h"
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
};

struct PeerStat
{
    EntityRef entity;
    int64_t successes = 0, failures = 0; // calls that involved both entities
    SeenSpan seen;
};

struct PeerList
{
    std::vector<PeerStat> rows; // most calls first, at most the list limit
    int64_t total = 0;          // peers of this kind
};

struct ProfileData
{
    EntityRef entity;
    std::string attrs; // JSON object text, "" when none
    TimeRange range;
    SeenSpan seen;                // within the range when one is given
    bool seenApproximate = false; // hour precision (the range cuts the entity's activity)
    int64_t successes = 0, failures = 0;
    std::vector<ApiStat> apis; // most calls first, at most the list limit
    int64_t apiTotal = 0;      // distinct APIs
    PeerList principals, ips, userAgents, accessKeys, accounts, resources;
    bool peersPartial = false; // the entity has more peers than were read (see peerScanCap)
    EdgeSet edges;
};

struct ProfileOptions
{
    size_t listLimit = 50;       // rows per list; 0 = all
    size_t peerScanCap = 100000; // peers read at most (per profile)
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
        int type = 0; // entity type of the peer (PeerCalls)
        int64_t a = 0, b = 0;
        SeenSpan seen;
    };
    Status readTotals(int64_t entity, const TimeRange &range, ProfileData &out);
    Status readDims(int64_t entity, int metric, const TimeRange &range, size_t cap,
                    std::vector<DimRow> &rows);
    Result<std::string> string(int64_t id);

    EntityLookup m_lookup;
    EntityEdges m_edges;
    Status m_status;
    Statement m_entity, m_total, m_totalRange, m_apis, m_apisRange, m_peers, m_peersRange, m_string,
        m_postingSpan;
    std::unordered_map<int64_t, std::string> m_strings;
};

} // namespace sightline
