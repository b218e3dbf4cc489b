#pragma once
// The neighbours of one entity in the relationship graph (edges table), for the graph view
// and `sightline-cli neighbors`: each neighbour with every relation that ties it to the
// entity. Neighbours of a type that has more than groupThreshold of them collapse into one
// group (type, how many, the busiest few) so that a caller never gets thousands of nodes;
// members() pages through one such group.
//
// Reads are bounded: at most scanCap edges per relation and direction (indexes: the edges
// primary key (src, relation, dst) outgoing and edges_dst (dst, relation, src) incoming).
// An entity with more edges than that gives a partial answer, flagged in the result.
// Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "EntityLookup.h"
#include "Relation.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <string>
#include <vector>

namespace sightline {

// One edge between the entity and a neighbour.
struct NeighborEdge
{
    Relation relation = Relation::CalledFrom;
    bool outgoing = true; // entity -> neighbour; false: neighbour -> entity
    SeenSpan seen;        // first / last time the relation was seen (all time)
    int64_t count = 0;    // all-time count of the relation
};

// An entity as a graph node. severity is the finding's severity label (0 informational ..
// 4 critical, see findingSeverityName) for Finding entities, -1 for every other type.
struct GraphNode
{
    EntityRef entity;
    int severity = -1;
};

struct Neighbor
{
    GraphNode node;
    std::vector<NeighborEdge> edges; // by direction (outgoing first), then relation
    int64_t weight = 0;              // sum of the edges' counts: how busy the tie is
    SeenSpan seen;                   // union of the edges' spans
};

// The neighbours of one type, collapsed.
struct NeighborGroup
{
    EntityType type = EntityType::AwsAccount;
    int64_t total = 0;         // neighbours of this type (a lower bound when partial)
    bool partial = false;      // a relation of this type had more than scanCap edges
    std::vector<Neighbor> top; // the busiest (weight, then last seen), at most groupTop
};

struct NeighborhoodFilter
{
    // Only edges whose [first, last] seen overlaps the range (first < to, last >= from).
    TimeRange range;
    std::vector<EntityType> types;   // neighbour types to keep; empty = all
    std::vector<Relation> relations; // relations to follow; empty = all
    size_t groupThreshold = 25;      // more neighbours of one type than this: a group
    size_t groupTop = 10;            // members of a group returned with it
    size_t scanCap = 20000;          // edges read per relation and direction at most
    // Non-empty: neighbours that belong to another account (entities.account set and
    // different) are left out, and listed in Neighborhood::otherAccount.
    std::string account;
};

struct Neighborhood
{
    GraphNode center;
    std::vector<Neighbor> neighbors;   // the types under the threshold: by type, busiest first
    std::vector<NeighborGroup> groups; // the collapsed types, by type
    bool partial = false;              // some relation had more than scanCap edges
    std::vector<int64_t> otherAccount; // neighbours left out by filter.account, ascending
};

enum class NeighborSort
{
    Weight,    // busiest first (default)
    LastSeen,  // most recent first
    FirstSeen, // oldest first
    Key,       // entity key, ascending
};

struct NeighborPage
{
    std::vector<Neighbor> rows;
    int64_t total = 0;    // neighbours of the type (a lower bound when partial)
    bool more = false;    // rows follow after this page
    bool partial = false; // some relation had more than scanCap edges
};

class NeighborhoodQuery
{
public:
    explicit NeighborhoodQuery(Database &db);

    // The neighbours of entity (an entities.id). NotFound when the entity does not exist.
    Result<Neighborhood> load(int64_t entity, const NeighborhoodFilter &filter);

    // One page of the neighbours of one type (the members of a group), filtered like load()
    // (filter.types is ignored: type is the one listed; groupThreshold/groupTop unused).
    Result<NeighborPage> members(int64_t entity, EntityType type, const NeighborhoodFilter &filter,
                                 NeighborSort sort = NeighborSort::Weight, size_t offset = 0,
                                 size_t limit = 100);

    // The node of one entity (EntityRef and severity); id 0 when unknown.
    Result<GraphNode> node(int64_t entity);

    EntityLookup &lookup() { return m_lookup; }
    Database &database() { return m_db; }

private:
    struct Candidate;
    struct Collected;
    Status collect(int64_t entity, const NeighborhoodFilter &filter, uint64_t typeMask,
                   Collected &out, bool &partial);
    Result<Neighbor> resolve(const Candidate &c, const Collected &from);

    Database &m_db;
    EntityLookup m_lookup;
    Status m_status;
    // Edges out of / into an entity with the neighbour's type; the *Account pair also
    // reads the neighbour's account (only when the filter names one).
    Statement m_out, m_in, m_outAccount, m_inAccount, m_severity;
};

} // namespace sightline
