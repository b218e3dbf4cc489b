#include "BatchBuilder.h"

#include <algorithm>

namespace sightline {

BatchBuilder::BatchBuilder(Interner &interner, RawCompressor &compressor, size_t maxEvents,
                           size_t maxRawBytes)
    : m_interner(interner), m_compressor(compressor), m_maxEvents(maxEvents),
      m_maxRawBytes(maxRawBytes)
{}

EventRow &BatchBuilder::beginEvent(std::string_view raw, int64_t line, int64_t offset)
{
    EventRow &e = m_batch.events.emplace_back();
    e.line = line;
    e.offset = offset;
    e.rawBlock = 0;
    e.rawOff = static_cast<uint32_t>(m_raw.size());
    e.rawLen = static_cast<uint32_t>(raw.size());
    if (m_raw.empty())
        m_rawFirstLine = line;
    m_raw.append(raw);
    e.entBegin = e.entEnd = static_cast<uint32_t>(m_batch.entities.size());
    e.edgeBegin = e.edgeEnd = static_cast<uint32_t>(m_batch.edges.size());
    e.aggBegin = e.aggEnd = static_cast<uint32_t>(m_batch.aggs.size());
    m_open = true;
    return e;
}

void BatchBuilder::involve(int64_t entity)
{
    if (entity == 0)
        return;
    // Small linear check: an event involves a handful of entities.
    const EventRow &e = m_batch.events.back();
    for (size_t i = e.entBegin; i < m_batch.entities.size(); ++i) {
        if (m_batch.entities[i] == entity)
            return;
    }
    m_batch.entities.push_back(entity);
}

void BatchBuilder::edge(int64_t src, Relation relation, int64_t dst)
{
    if (src == 0 || dst == 0 || src == dst)
        return;
    m_batch.edges.push_back(EdgeRef{src, static_cast<int>(relation), dst});
}

void BatchBuilder::agg(int64_t entity, Metric metric, int64_t dim, int64_t a, int64_t b)
{
    if (entity == 0)
        return;
    m_batch.aggs.push_back(AggRef{entity, static_cast<int>(metric), dim, a, b});
}

void BatchBuilder::endEvent()
{
    EventRow &e = m_batch.events.back();
    e.entEnd = static_cast<uint32_t>(m_batch.entities.size());
    e.edgeEnd = static_cast<uint32_t>(m_batch.edges.size());
    e.aggEnd = static_cast<uint32_t>(m_batch.aggs.size());
    m_open = false;

    constexpr int64_t kHourMs = 3600000;
    const int64_t hour = e.time >= 0 ? e.time / kHourMs : (e.time - kHourMs + 1) / kHourMs;
    const auto index = static_cast<uint32_t>(m_batch.events.size() - 1);
    for (uint32_t i = e.entBegin; i < e.entEnd; ++i) {
        const int64_t ent = m_batch.entities[i];
        m_postings[Key4{ent, hour, 0, 0}].push_back(index);
        SeenValue &s = m_seen[Key4{ent, 0, 0, 0}];
        s.first = std::min(s.first, e.time);
        s.last = std::max(s.last, e.time);
    }
    for (uint32_t i = e.edgeBegin; i < e.edgeEnd; ++i) {
        const EdgeRef &r = m_batch.edges[i];
        EdgeValue &v = m_edgeAgg[Key4{r.src, r.relation, r.dst, 0}];
        v.first = std::min(v.first, e.time);
        v.last = std::max(v.last, e.time);
        ++v.count;
    }
    for (uint32_t i = e.aggBegin; i < e.aggEnd; ++i) {
        const AggRef &r = m_batch.aggs[i];
        AggValue &v = m_agg[Key4{r.entity, r.metric, r.dim, aggBucket(r.dim, hour)}];
        v.a += r.a;
        v.b += r.b;
        v.first = std::min(v.first, e.time);
        v.last = std::max(v.last, e.time);
    }
}

void BatchBuilder::discardEvent()
{
    if (m_batch.events.empty())
        return;
    const EventRow e = m_batch.events.back();
    m_batch.entities.resize(e.entBegin);
    m_batch.edges.resize(e.edgeBegin);
    m_batch.aggs.resize(e.aggBegin);
    m_raw.resize(e.rawOff);
    m_batch.events.pop_back();
    m_open = false;
}

void BatchBuilder::finding(FindingRow row)
{
    row.event = static_cast<uint32_t>(m_batch.events.size() - 1);
    m_batch.findings.push_back(std::move(row));
}

void BatchBuilder::appendRaw(std::string_view raw, int64_t line)
{
    if (m_raw.empty())
        m_rawFirstLine = line;
    m_raw.append(raw);
    m_raw.push_back('\n');
}

namespace {
int64_t hourOfMs(int64_t t)
{
    constexpr int64_t kHourMs = 3600000;
    return t >= 0 ? t / kHourMs : (t - kHourMs + 1) / kHourMs;
}
} // namespace

void BatchBuilder::flow(const FlowRow &row)
{
    const int64_t packed = (static_cast<int64_t>(row.localPort & 0xFFFF) << 32) |
                           (static_cast<int64_t>(row.remotePort & 0xFFFF) << 16) |
                           (static_cast<int64_t>(row.protocol & 0xFF) << 8) |
                           (row.direction & 0xFF);
    FlowRow &v = m_flows[Key4{row.local, row.remote, row.hour, packed}];
    if (v.local == 0) {
        v = row;
        v.rawBlock = 0;
        return;
    }
    v.bytes += row.bytes;
    v.packets += row.packets;
    v.accepted += row.accepted;
    v.rejected += row.rejected;
    v.first = std::min(v.first, row.first);
    v.last = std::max(v.last, row.last);
}

void BatchBuilder::aggregateAt(int64_t timeMs, int64_t entity, Metric metric, int64_t dim,
                               int64_t a, int64_t b)
{
    if (entity == 0)
        return;
    AggValue &v =
        m_agg[Key4{entity, static_cast<int>(metric), dim, aggBucket(dim, hourOfMs(timeMs))}];
    v.a += a;
    v.b += b;
    v.first = std::min(v.first, timeMs);
    v.last = std::max(v.last, timeMs);
}

void BatchBuilder::edgeAt(int64_t timeMs, int64_t src, Relation relation, int64_t dst,
                          int64_t count)
{
    if (src == 0 || dst == 0 || src == dst)
        return;
    EdgeValue &v = m_edgeAgg[Key4{src, static_cast<int>(relation), dst, 0}];
    v.first = std::min(v.first, timeMs);
    v.last = std::max(v.last, timeMs);
    v.count += count;
}

void BatchBuilder::touch(int64_t timeMs, int64_t entity)
{
    if (entity == 0)
        return;
    SeenValue &s = m_seen[Key4{entity, 0, 0, 0}];
    s.first = std::min(s.first, timeMs);
    s.last = std::max(s.last, timeMs);
}

void BatchBuilder::error(int64_t line, int64_t offset, std::string reason)
{
    ++m_errors;
    if (static_cast<size_t>(m_errors) <= m_maxErrors)
        m_batch.errors.push_back(ImportErrorRow{line, offset, std::move(reason)});
}

bool BatchBuilder::full() const
{
    return m_batch.events.size() >= m_maxEvents || m_raw.size() >= m_maxRawBytes ||
           m_flows.size() >= 4 * m_maxEvents;
}

ImportBatch BatchBuilder::take()
{
    ImportBatch out;
    if (!m_raw.empty()) {
        RawBlock block;
        block.rawSize = static_cast<uint32_t>(m_raw.size());
        block.firstLine = m_rawFirstLine;
        m_compressor.compress(m_raw, block.data);
        m_batch.rawBlocks.push_back(std::move(block));
    }
    m_agg.forEach([&](const Key4 &k, const AggValue &v) {
        m_batch.aggRows.push_back(AggRow{k, v.a, v.b, v.first, v.last});
    });
    m_edgeAgg.forEach([&](const Key4 &k, const EdgeValue &v) {
        m_batch.edgeRows.push_back(EdgeRow{k, v.first, v.last, v.count});
    });
    m_postings.forEach([&](const Key4 &k, const std::vector<uint32_t> &v) {
        const auto begin = static_cast<uint32_t>(m_batch.postingIndexes.size());
        m_batch.postingIndexes.insert(m_batch.postingIndexes.end(), v.begin(), v.end());
        m_batch.postings.push_back(
            PostingRow{k.a, k.b, begin, static_cast<uint32_t>(m_batch.postingIndexes.size())});
    });
    m_seen.forEach([&](const Key4 &k, const SeenValue &v) {
        m_batch.seen.push_back(SeenRow{k.a, v.first, v.last});
    });
    m_flows.forEach([&](const Key4 &, const FlowRow &v) { m_batch.flows.push_back(v); });
    m_flows.clear();
    m_agg.clear();
    m_edgeAgg.clear();
    m_postings.clear();
    m_seen.clear();
    std::swap(out, m_batch);
    m_raw.clear();
    return out;
}

} // namespace sightline
