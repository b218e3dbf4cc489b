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
        PostingList &list = m_postings[Key4{ent, hour, 0, 0}];
        m_nodes.push_back(PostingNode{index, 0});
        const auto node = static_cast<uint32_t>(m_nodes.size());
        if (list.last != 0)
            m_nodes[list.last - 1].next = node;
        else
            list.first = node;
        list.last = node;
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

    // The rows in the maps' memory order: the writer merges them into its own maps and sorts
    // those at its commit.
    batch.aggRows.reserve(m_agg.size());
    m_agg.forEach([&](const Key4 &k, const AggValue &v) {
        batch.aggRows.push_back(AggRow{k, v.a, v.b, v.first, v.last});
        // agg_total: the hourly and daily rows summed over their hour. Scoped-only metrics are
        // not totalled.
        if (!keptInTotals(static_cast<int>(k.b)))
            return;
        AggValue &t = m_totals[Key4{k.a, k.b, k.c, 0}];
        t.a += v.a;
        t.b += v.b;
        t.first = std::min(t.first, v.first);
        t.last = std::max(t.last, v.last);
    });
    batch.totalRows.reserve(m_totals.size());
    m_totals.forEach([&](const Key4 &k, const AggValue &v) {
        batch.totalRows.push_back(AggRow{k, v.a, v.b, v.first, v.last});
    });
    batch.edgeRows.reserve(m_edges.size());
    m_edges.forEach([&](const Key4 &k, const EdgeValue &v) {
        batch.edgeRows.push_back(EdgeRow{k, v.first, v.last, v.count});
    });
    batch.postings.reserve(m_postings.size());
    m_postings.forEach([&](const Key4 &k, const PostingList &list) {
        // A chain is ascending: events are added in order.
        PostingRow p;
        p.entity = k.a;
        p.hour = k.b;
        p.first = m_nodes[list.first - 1].event;
        p.last = m_nodes[list.last - 1].event;
        p.begin = static_cast<uint32_t>(batch.postingTails.size());
        uint32_t previous = p.first;
        for (uint32_t n = m_nodes[list.first - 1].next; n != 0; n = m_nodes[n - 1].next) {
            appendVarint(m_nodes[n - 1].event - previous, batch.postingTails);
            previous = m_nodes[n - 1].event;
        }
        p.end = static_cast<uint32_t>(batch.postingTails.size());
        batch.postings.push_back(p);
    });
    batch.seen.reserve(m_seen.size());
    m_seen.forEach([&](const Key4 &k, const SeenValue &v) {
        batch.seen.push_back(SeenRow{k.a, v.first, v.last});
    });

    clear();
}

void BatchAggregator::clear()
{
    m_agg.clear();
    m_totals.clear();
    m_edges.clear();
    m_postings.clear();
    m_nodes.clear();
    m_seen.clear();
}

} // namespace sightline
