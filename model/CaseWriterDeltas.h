#pragma once
// What a CaseWriter holds until its transaction commits (private to CaseWriter.cpp and
// CaseWriterCommit.cpp): the rows later batches of the same transaction change again, merged
// in memory, and the transaction's new entities.
#include "CaseWriter.h"
#include "FlatMap.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sightline {

// An agg_hour row's counts; a total's counts and time span; an edge's span and count;
// a flow row's sums.
struct AB
{
    int64_t a = 0, b = 0;
};
struct ABTime
{
    int64_t a = 0, b = 0, first = INT64_MAX, last = INT64_MIN;
};
struct Span
{
    int64_t first = INT64_MAX, last = INT64_MIN, count = 0;
};
struct FlowValue
{
    int64_t bytes = 0, packets = 0, accepted = 0, rejected = 0, first = INT64_MAX, last = INT64_MIN;
    int64_t rawBlock = 0;
};

struct CaseWriter::Deltas
{
    // Rows that later batches change again are merged until the commit, which writes each
    // table in key order: its b-tree then takes them page after page rather than at random.
    FlatMap<FlowValue> flows; // local, remote, hour, ports/protocol/direction packed
    FlatMap<ABTime> aggTotal; // entity, metric, dim, 0
    FlatMap<AB> aggHour;      // entity, metric, dim, hour: agg_hour rows (hourly and daily)
    // The batches' posting lists, joined at the commit into a row per entity and hour.
    struct PostingPiece
    {
        int64_t entity = 0, hour = 0;
        int64_t first = 0, last = 0; // event ids
        uint32_t begin = 0, end = 0; // its differences after first, in postingTails
        bool operator<(const PostingPiece &o) const
        {
            if (entity != o.entity)
                return entity < o.entity;
            return hour != o.hour ? hour < o.hour : first < o.first;
        }
    };
    std::vector<PostingPiece> postings;
    std::string postingTails;
    FlatMap<Span> edges;                       // src, relation, dst, 0
    FlatMap<std::pair<int64_t, int64_t>> seen; // entity -> first, last
    // New entities and fill-ins of known ones, inserted at the commit: a new entity's row is
    // written once, with its first and last seen.
    std::vector<NewEntity> entities;
    std::vector<EntityUpdate> updates;

    // The maps keep their slots from one transaction to the next: growing one again, rehashing
    // every entry several times over, and faulting its fresh pages in cost more than the flow
    // rows' upsert (measured with sightline-bench-flows). Their peak is the same either way.
    void clear()
    {
        constexpr size_t keep = size_t(1) << 24;
        entities.clear();
        updates.clear();
        postings.clear();
        postingTails.clear();
        flows.clear(keep);
        aggTotal.clear(keep);
        aggHour.clear(keep);
        edges.clear(keep);
        seen.clear(keep);
    }
    void addSeen(int64_t entity, int64_t first, int64_t last)
    {
        auto &s = seen[Key4{entity, 0, 0, 0}];
        if (s.first == 0 && s.second == 0) {
            s = {first, last};
        } else {
            s.first = std::min(s.first, first);
            s.second = std::max(s.second, last);
        }
    }
    void addTotal(const Key4 &key, int64_t a, int64_t b, int64_t first, int64_t last)
    {
        ABTime &t = aggTotal[key];
        t.a += a;
        t.b += b;
        t.first = std::min(t.first, first);
        t.last = std::max(t.last, last);
    }
    void addEdge(const Key4 &key, int64_t first, int64_t last, int64_t count)
    {
        Span &s = edges[key];
        s.first = std::min(s.first, first);
        s.last = std::max(s.last, last);
        s.count += count;
    }
};

} // namespace sightline
