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
    m_agg.addEvent(m_batch, e, static_cast<uint32_t>(m_batch.events.size() - 1));
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
    m_agg.aggregateAt(timeMs, entity, static_cast<int>(metric), dim, a, b);
}

void BatchBuilder::edgeAt(int64_t timeMs, int64_t src, Relation relation, int64_t dst,
                          int64_t count)
{
    if (src == 0 || dst == 0 || src == dst)
        return;
    m_agg.edgeAt(timeMs, src, static_cast<int>(relation), dst, count);
}

void BatchBuilder::touch(int64_t timeMs, int64_t entity)
{
    m_agg.touch(timeMs, entity);
}

void BatchBuilder::restart()
{
    m_agg.clear();
    m_flows.clear();
    m_batch = ImportBatch{};
    reserveAsLast();
    m_raw.clear();
    m_rawFirstLine = 0;
    m_errors = 0;
    m_open = false;
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
    m_agg.finish(m_batch);
    m_batch.flows.reserve(m_flows.size()); // exact: the batch waits in the writer's queue
    m_flows.forEach([&](const Key4 &, const FlowRow &v) { m_batch.flows.push_back(v); });
    m_flows.clear();
    // A batch smaller than its room (a file's last) gives the room back: the queue to the
    // writer counts capacity.
    auto fit = [](auto &v) {
        if (v.size() * 2 < v.capacity())
            v.shrink_to_fit();
    };
    fit(m_batch.events);
    fit(m_batch.entities);
    fit(m_batch.edges);
    fit(m_batch.aggs);
    m_last = Sizes{m_batch.events.size(), m_batch.entities.size(), m_batch.edges.size(),
                   m_batch.aggs.size()};
    std::swap(out, m_batch);
    reserveAsLast();
    m_raw.clear();
    return out;
}

void BatchBuilder::reserveAsLast()
{
    // An eighth more: files of one trail differ a little in size.
    auto room = [](size_t n) { return n + n / 8; };
    m_batch.events.reserve(room(m_last.events));
    m_batch.entities.reserve(room(m_last.entities));
    m_batch.edges.reserve(room(m_last.edges));
    m_batch.aggs.reserve(room(m_last.aggs));
}

} // namespace sightline
