#include "BatchAggregator.h"

#include "Metric.h"
#include "TimeUtil.h"
#include "Varint.h"

#include <algorithm>

namespace sightline {

void BatchAggregator::add(const Key4 &hourKey, int64_t a, int64_t b, int64_t time)
{
    AggValue &v = m_agg[hourKey];
    v.a += a;
    v.b += b;
    v.first = std::min(v.first, time);
    v.last = std::max(v.last, time);
}

void BatchAggregator::addEvent(const ImportBatch &batch, const EventRow &e, uint32_t index)
{
    const int64_t hour = hourOfMs(e.time);
    for (uint32_t i = e.entBegin; i < e.entEnd; ++i) {
        const int64_t ent = batch.entities[i];
        m_postings[Key4{ent, hour, 0, 0}].push_back(index);
        touch(e.time, ent);
    }
    for (uint32_t i = e.edgeBegin; i < e.edgeEnd; ++i) {
        const EdgeRef &r = batch.edges[i];
        edgeAt(e.time, r.src, r.relation, r.dst, 1);
    }
    for (uint32_t i = e.aggBegin; i < e.aggEnd; ++i) {
        const AggRef &r = batch.aggs[i];
        add(Key4{r.entity, r.metric, r.dim, aggBucket(r.dim, hour)}, r.a, r.b, e.time);
    }
}

void BatchAggregator::aggregateAt(int64_t timeMs, int64_t entity, int metric, int64_t dim,
                                  int64_t a, int64_t b)
{
    if (entity == 0)
        return;
    add(Key4{entity, metric, dim, aggBucket(dim, hourOfMs(timeMs))}, a, b, timeMs);
}

void BatchAggregator::edgeAt(int64_t timeMs, int64_t src, int relation, int64_t dst, int64_t count)
{
    EdgeValue &v = m_edges[Key4{src, relation, dst, 0}];
    v.first = std::min(v.first, timeMs);
    v.last = std::max(v.last, timeMs);
    v.count += count;
}

void BatchAggregator::touch(int64_t timeMs, int64_t entity)
{
    if (entity == 0)
        return;
    SeenValue &s = m_seen[Key4{entity, 0, 0, 0}];
    s.first = std::min(s.first, timeMs);
    s.last = std::max(s.last, timeMs);
}

void BatchAggregator::finish(ImportBatch &batch)
{
    batch.aggRows.clear();
    batch.totalRows.clear();
    batch.edgeRows.clear();
    batch.postings.clear();
    batch.postingTails.clear();
    batch.seen.clear();

    // Each map is sorted in place (read in memory order), then cleared.
    const auto aggs = m_agg.sortInPlace();
    batch.aggRows.reserve(aggs.size());
    for (const auto &s : aggs)
        batch.aggRows.push_back(AggRow{s.key, s.value.a, s.value.b, s.value.first, s.value.last});
    // agg_total: the hourly and daily rows summed over their hour, in the same key order
    // (hour is the last key column). Scoped-only metrics are not totalled.
    for (const AggRow &r : batch.aggRows) {
        if (!keptInTotals(static_cast<int>(r.key.b)))
            continue;
        const Key4 k{r.key.a, r.key.b, r.key.c, 0};
        if (!batch.totalRows.empty() && batch.totalRows.back().key == k) {
            AggRow &t = batch.totalRows.back();
            t.a += r.a;
            t.b += r.b;
            t.first = std::min(t.first, r.first);
            t.last = std::max(t.last, r.last);
        } else {
            batch.totalRows.push_back(AggRow{k, r.a, r.b, r.first, r.last});
        }
    }

    const auto edges = m_edges.sortInPlace();
    batch.edgeRows.reserve(edges.size());
    for (const auto &s : edges)
        batch.edgeRows.push_back(EdgeRow{s.key, s.value.first, s.value.last, s.value.count});

    const auto postings = m_postings.sortInPlace();
    batch.postings.reserve(postings.size());
    for (const auto &s : postings) {
        const std::vector<uint32_t> &v = s.value; // ascending: events are added in order
        PostingRow p;
        p.entity = s.key.a;
        p.hour = s.key.b;
        p.first = v.front();
        p.last = v.back();
        p.begin = static_cast<uint32_t>(batch.postingTails.size());
        for (size_t i = 1; i < v.size(); ++i)
            appendVarint(v[i] - v[i - 1], batch.postingTails);
        p.end = static_cast<uint32_t>(batch.postingTails.size());
        batch.postings.push_back(p);
    }

    const auto seen = m_seen.sortInPlace();
    batch.seen.reserve(seen.size());
    for (const auto &s : seen)
        batch.seen.push_back(SeenRow{s.key.a, s.value.first, s.value.last});

    clear();
}

void BatchAggregator::clear()
{
    m_agg.clear();
    m_edges.clear();
    m_postings.clear();
    m_seen.clear();
}

} // namespace sightline
