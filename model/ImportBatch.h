#pragma once
// The value an importer hands to CaseWriter: integer-coded rows only. Entity and string
// ids come from an Interner. Per-event extras (involved entities, edges, aggregate
// contributions) are ranges into flat arrays to avoid an allocation per event.
#include "FlatMap.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sightline {

struct EventRow
{
    uint64_t key = 0; // de-duplication hash (63 bits used)
    int64_t time = 0; // epoch ms UTC
    int kind = 0;     // EventKind
    int64_t line = 0;
    int64_t offset = 0;
    int64_t name = 0, service = 0, error = 0, region = 0;              // strings ids, 0 = none
    int64_t principal = 0, ip = 0, ua = 0, accessKey = 0, account = 0; // entity ids
    uint32_t rawBlock = 0; // index into ImportBatch::rawBlocks
    uint32_t rawOff = 0, rawLen = 0;
    uint32_t entBegin = 0, entEnd = 0;   // ImportBatch::entities
    uint32_t edgeBegin = 0, edgeEnd = 0; // ImportBatch::edges
    uint32_t aggBegin = 0, aggEnd = 0;   // ImportBatch::aggs
};

struct EdgeRef
{
    int64_t src = 0;
    int relation = 0; // Relation
    int64_t dst = 0;
};

struct AggRef
{
    int64_t entity = 0;
    int metric = 0; // Metric
    int64_t dim = 0;
    int64_t a = 0, b = 0;
};

struct RawBlock
{
    std::string data;      // compressed
    uint32_t rawSize = 0;  // uncompressed
    int codec = 1;         // 1 = zstd
    int64_t firstLine = 0; // line of the first record in the block
};

struct ImportErrorRow
{
    int64_t line = 0;
    int64_t offset = 0;
    std::string reason;
};

// Per-batch pre-aggregation (BatchAggregator), computed on the importer threads and sorted
// in each table's key order. The writer upserts these directly when none of the batch's
// events is a duplicate (the usual case) and re-aggregates the fresh events otherwise.
struct AggRow
{
    Key4 key; // entity, metric, dim, hour (agg_hour) or 0 (agg_total)
    int64_t a = 0, b = 0, first = 0, last = 0;
};

struct EdgeRow
{
    Key4 key; // src, relation, dst, 0
    int64_t first = 0, last = 0, count = 0;
};

// The events of an entity in an hour: the first event's index in the batch, then the
// differences to the next ones as varints (a range of ImportBatch::postingTails), so that
// the writer only prepends the first event's id to get a posting list blob (entity_events_by_run).
struct PostingRow
{
    int64_t entity = 0, hour = 0;
    uint32_t first = 0, last = 0; // indexes of the first and last events
    uint32_t begin = 0, end = 0;
};

struct SeenRow
{
    int64_t entity = 0, first = 0, last = 0;
};

// A finding version. event is the index (in ImportBatch::events) of the event that holds
// its raw record; the finding row keeps the version with the newest updatedAt.
struct FindingRow
{
    int64_t entity = 0; // the Finding entity
    std::string product, type, title, account, region;
    double severity = 0;
    int severityLabel = 0; // 0 informational .. 4 critical
    int64_t firstSeen = 0, lastSeen = 0, updatedAt = 0, count = 1;
    bool archived = false;
    uint32_t event = 0;
};

// One flow record's contribution, already aggregated per hour and tuple by the importer.
struct FlowRow
{
    int64_t local = 0, remote = 0, hour = 0;
    int localPort = 0, remotePort = 0, protocol = 0, direction = 0;
    int64_t bytes = 0, packets = 0, accepted = 0, rejected = 0, first = 0, last = 0;
    uint32_t rawBlock = 0; // index into ImportBatch::rawBlocks
};

struct ImportBatch
{
    int64_t sourceId = 0;
    std::vector<EventRow> events;
    std::vector<int64_t> entities; // entities involved in each event (posting lists)
    std::vector<EdgeRef> edges;
    std::vector<AggRef> aggs;
    std::vector<RawBlock> rawBlocks;
    std::vector<ImportErrorRow> errors;

    std::vector<AggRow> aggRows;   // agg_hour
    std::vector<AggRow> totalRows; // agg_total
    std::vector<EdgeRow> edgeRows;
    std::vector<PostingRow> postings;
    std::string postingTails;
    std::vector<SeenRow> seen;

    std::vector<FindingRow> findings;
    // Flow aggregates are not tied to events: a block of flow records becomes rows here and
    // one raw block, without an events row per record (see DESIGN.md, VPC flow volume).
    std::vector<FlowRow> flows;

    // The memory it holds, about (its vectors' capacities; strings of findings and errors
    // not counted): what a queue of batches bounds.
    size_t bytes() const
    {
        auto cap = [](const auto &v) { return v.capacity() * sizeof(v[0]); };
        size_t n = cap(events) + cap(entities) + cap(edges) + cap(aggs) + cap(rawBlocks) +
                   cap(errors) + cap(aggRows) + cap(totalRows) + cap(edgeRows) + cap(postings) +
                   postingTails.capacity() + cap(seen) + cap(findings) + cap(flows);
        for (const RawBlock &b : rawBlocks)
            n += b.data.capacity();
        return n;
    }

    void clear()
    {
        findings.clear();
        flows.clear();
        aggRows.clear();
        totalRows.clear();
        edgeRows.clear();
        postings.clear();
        postingTails.clear();
        seen.clear();
        events.clear();
        entities.clear();
        edges.clear();
        aggs.clear();
        rawBlocks.clear();
        errors.clear();
    }
};

struct BatchOutcome
{
    int64_t flowRecords = 0; // flow records aggregated (they have no events rows)
    int64_t newEvents = 0;
    int64_t duplicates = 0;
    int64_t minTime = 0, maxTime = 0; // of new events; 0 when none
};

} // namespace sightline
