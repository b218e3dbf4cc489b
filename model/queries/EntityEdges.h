#pragma once
// The relations of one entity (edges table) in both directions, per relation the busiest
// first. Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "EntityLookup.h"
#include "Relation.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// The account an entity belongs to: an account's own id, else entities.account; "" for
// entities of no account (addresses, user agents, domains ...).
inline const std::string &accountOf(const EntityRef &e)
{
    return e.type == EntityType::AwsAccount ? e.key : e.account;
}

// Whether an account filter ("" = every account) leaves the entity out: it belongs to another
// account. Entities of no account stay.
inline bool outsideAccount(const EntityRef &e, std::string_view account)
{
    const std::string &own = accountOf(e);
    return !account.empty() && !own.empty() && own != account;
}

struct EdgeInfo
{
    Relation relation = Relation::CalledFrom;
    bool outgoing = true; // entity -> other; false: other -> entity
    EntityRef other;
    SeenSpan seen;
    int64_t count = 0; // all-time count of the relation
};

struct RelationCount
{
    Relation relation = Relation::CalledFrom;
    bool outgoing = true;
    int64_t total = 0;       // edges of this relation and direction (within the range)
    bool lowerBound = false; // more than scanCap edges: total is a lower bound
};

struct EdgeSet
{
    std::vector<EdgeInfo> edges; // by direction, relation, then count descending
    std::vector<RelationCount> counts;
};

class EntityEdges
{
public:
    EntityEdges(Database &db, EntityLookup &lookup);

    // Up to perRelation edges per relation and direction (0 = all). With a bounded range,
    // only edges whose [first, last] seen overlaps it. At most scanCap edges are read per
    // relation and direction, so that a hub (an account every entity belongs to) stays fast.
    // With an account ("" = every account), edges to entities of other accounts are left out
    // (see outsideAccount) before the limits apply.
    Result<EdgeSet> load(int64_t entity, const TimeRange &range, size_t perRelation = 50,
                         size_t scanCap = 5000, std::string_view account = {});

private:
    EntityLookup &m_lookup;
    Status m_status;
    Statement m_out, m_in, m_outAccount, m_inAccount;
};

} // namespace sightline
