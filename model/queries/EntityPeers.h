#pragma once
// The entities seen with one entity, by kind (principals, IPs, user agents, access keys,
// accounts, resources): from its daily PeerCalls aggregates (calls with successes and
// failures), completed by its relations for the directions the importer keeps no peer
// aggregates for (who used a key or an agent, what touched a resource).
// Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "EntityEdges.h"
#include "EntityLookup.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <string_view>
#include <vector>

namespace sightline {

struct PeerStat
{
    EntityRef entity;
    int64_t calls = 0;                   // events that involved both entities
    int64_t successes = 0, failures = 0; // split of calls; both 0 when fromRelations
    SeenSpan seen;
    bool seenApproximate = false; // day precision (no relation between the two tells better)
    // Known only from the relations table: calls is the busiest relation's all-time count.
    bool fromRelations = false;
};

struct PeerList
{
    std::vector<PeerStat> rows; // most calls first, at most the list limit
    int64_t total = 0;          // peers of this kind found
};

struct PeerSet
{
    PeerList principals, ips, userAgents, accessKeys, accounts, resources;
    bool partial = false; // more aggregate rows than the scan cap: lists are incomplete
};

class EntityPeers
{
public:
    EntityPeers(Database &db, EntityLookup &lookup);

    // entitySeen bounds every peer's first / last seen; edges are the entity's relations
    // (EntityEdges) already loaded for the same range. With an account ("" = every account),
    // peers of other accounts are left out (see outsideAccount) before the limit applies.
    Result<PeerSet> load(int64_t entity, const TimeRange &range, SeenSpan entitySeen,
                         const EdgeSet &edges, size_t limit, size_t scanCap,
                         std::string_view account = {});

private:
    struct Candidate;
    Status read(int64_t entity, const TimeRange &range, size_t cap, std::string_view account,
                std::vector<Candidate> &out, bool &partial);
    PeerList &listFor(PeerSet &set, EntityType type);

    EntityLookup &m_lookup;
    Status m_status;
    Statement m_peers, m_types, m_type, m_pairSpan;
};

} // namespace sightline
