#pragma once
// Builds ImportBatch values for one source: interns entities, appends raw records to a
// block that is compressed when the batch closes. Thread affinity: one importer thread.
#include "BatchAggregator.h"
#include "EntityType.h"
#include "ImportBatch.h"
#include "Interner.h"
#include "Metric.h"
#include "RawCodec.h"
#include "Relation.h"

#include <string>
#include <string_view>

namespace sightline {

class BatchBuilder
{
public:
    BatchBuilder(Interner &interner, RawCompressor &compressor, size_t maxEvents = 16384,
                 size_t maxRawBytes = 4u << 20);

    Interner &interner() { return m_interner; }

    // Starts an event whose raw record is raw. Fill the returned row, then call the
    // involve / edge / agg helpers, then endEvent().
    EventRow &beginEvent(std::string_view raw, int64_t line, int64_t offset);
    void involve(int64_t entity);
    void edge(int64_t src, Relation relation, int64_t dst);
    void agg(int64_t entity, Metric metric, int64_t dim, int64_t a, int64_t b);
    void endEvent();
    void discardEvent(); // drops the event begun last (its raw bytes stay unused)

    // A finding version held by the event begun last (call before endEvent()).
    void finding(FindingRow row);

    // Records that are aggregated instead of becoming events (VPC flow records): keep the
    // raw text (provenance), then add the record's contributions directly.
    void appendRaw(std::string_view raw, int64_t line);
    void flow(const FlowRow &row); // summed per hour and tuple within the batch
    void aggregateAt(int64_t timeMs, int64_t entity, Metric metric, int64_t dim, int64_t a,
                     int64_t b);
    void edgeAt(int64_t timeMs, int64_t src, Relation relation, int64_t dst, int64_t count = 1);
    void touch(int64_t timeMs, int64_t entity); // first / last seen
    size_t rawBytes() const { return m_raw.size(); }

    void error(int64_t line, int64_t offset, std::string reason);
    int64_t errorCount() const { return m_errors; }
    void setMaxErrors(size_t max) { m_maxErrors = max; }
    // Empties the builder for the next file: what it held (a batch not taken) is dropped, its
    // error count starts again, and its buffers and maps keep their memory (an importer
    // thread reads thousands of files with one builder).
    void restart();

    bool full() const;
    bool empty() const
    {
        return m_batch.events.empty() && m_batch.errors.empty() && m_flows.empty() && m_raw.empty();
    }
    // Closes the batch (compressing its raw block) and returns it.
    ImportBatch take();

private:
    // The next batch's per-event vectors get the room the last batch's used: batches leave
    // with theirs, and growing them from nothing again copied and page-faulted every batch.
    void reserveAsLast();

    struct Sizes
    {
        size_t events = 0, entities = 0, edges = 0, aggs = 0;
    };
    Sizes m_last;
    Interner &m_interner;
    BatchAggregator m_agg;
    FlatMap<FlowRow> m_flows;
    int64_t m_rawFirstLine = 0;
    RawCompressor &m_compressor;
    ImportBatch m_batch;
    std::string m_raw;
    size_t m_maxEvents, m_maxRawBytes;
    size_t m_maxErrors = 1000;
    int64_t m_errors = 0;
    bool m_open = false;
};

} // namespace sightline
