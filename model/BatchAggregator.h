#pragma once
// Pre-aggregates what one import batch adds to agg_hour, agg_total, edges, posting lists and
// entity first / last seen, and hands it over as rows in no particular order (the writer
// merges them until its commit, then writes each table in key order).
// BatchBuilder runs it on an importer thread, so the single writer thread upserts finished
// rows instead of merging per event; the writer runs it again only for a batch that holds
// duplicates (on the fresh events alone). Thread affinity: one thread.
#include "FlatMap.h"
#include "ImportBatch.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sightline {

class BatchAggregator
{
public:
    // Adds the contributions of e (its ranges in batch). index is the event's position among
    // the events the writer keeps from the batch: its id will be the batch's first id + index.
    void addEvent(const ImportBatch &batch, const EventRow &e, uint32_t index);

    // Contributions not tied to an events row (flow records).
    void aggregateAt(int64_t timeMs, int64_t entity, int metric, int64_t dim, int64_t a, int64_t b);
    void edgeAt(int64_t timeMs, int64_t src, int relation, int64_t dst, int64_t count);
    void touch(int64_t timeMs, int64_t entity);

    // Replaces batch's aggRows, totalRows, edgeRows, postings and seen with the rows (one per
    // key, unsorted) and empties the aggregator.
    void finish(ImportBatch &batch);
    // Empties the aggregator without rows (a batch given up), keeping its maps' memory.
    void clear();

private:
    struct AggValue
    {
        int64_t a = 0, b = 0, first = INT64_MAX, last = INT64_MIN;
    };
    struct EdgeValue
    {
        int64_t first = INT64_MAX, last = INT64_MIN, count = 0;
    };
    struct SeenValue
    {
        int64_t first = INT64_MAX, last = INT64_MIN;
    };
    void add(const Key4 &hourKey, int64_t a, int64_t b, int64_t time);

    FlatMap<AggValue> m_agg;
    FlatMap<AggValue> m_totals; // finish() only
    FlatMap<EdgeValue> m_edges;
    // Posting lists as chains through one array (no allocation per list): a list holds its
    // first and last node, each node an event index and the next node. Node numbers are
    // 1-based; 0 ends a chain (and marks a list not started).
    struct PostingList
    {
        uint32_t first = 0, last = 0;
    };
    struct PostingNode
    {
        uint32_t event, next;
    };
    FlatMap<PostingList> m_postings;
    std::vector<PostingNode> m_nodes;
    FlatMap<SeenValue> m_seen;
};

} // namespace sightline
