#include "CaseWriter.h"

#include "BatchAggregator.h"
#include "CaseWriterDeltas.h"
#include "Metric.h"
#include "TimeUtil.h"

#include <algorithm>
#include <vector>

namespace sightline {

CaseWriter::CaseWriter(CaseFile &caseFile) : m_case(caseFile), m_d(std::make_unique<Deltas>()) {}

CaseWriter::~CaseWriter()
{
    rollback();
    stopCheckpointer();
    if (m_checkpointPages > 0)
        m_case.db().exec("PRAGMA wal_autocheckpoint=" + std::to_string(m_checkpointPages));
}

Status CaseWriter::begin()
{
    if (m_tx && m_tx->active())
        return {};
    m_tx = std::make_unique<Transaction>(m_case.db());
    return m_tx->begin();
}

bool CaseWriter::alreadyImported(const std::string &sha256)
{
    m_findSource.bind(1, sha256);
    const bool found = m_findSource.step() && m_findSource.int64(0) > 0;
    m_findSource.reset();
    return found;
}

Result<int64_t> CaseWriter::addSource(const SourceRecord &source)
{
    if (auto s = begin(); !s)
        return s.error();
    m_insSource.bind(1, source.path)
        .bind(2, source.size)
        .bind(3, source.sha256)
        .bind(4, source.format)
        .bind(5, source.parserVersion)
        .bind(6, source.importedAt);
    if (auto s = m_insSource.run(); !s)
        return s.error();
    return m_case.db().lastInsertRowId();
}

Status CaseWriter::finishSource(int64_t sourceId, const SourceTotals &t)
{
    if (auto s = begin(); !s)
        return s;
    m_updSource.bind(1, sourceId)
        .bind(2, static_cast<int>(t.status))
        .bind(3, t.note)
        .bind(4, t.records)
        .bind(5, t.newEvents)
        .bind(6, t.duplicates)
        .bind(7, t.errors)
        .bind(8, t.firstTime)
        .bind(9, t.lastTime)
        .bind(10, t.sha256);
    return m_updSource.run();
}

Status CaseWriter::noteProgress(int64_t sourceId, int64_t newRecords)
{
    if (auto s = begin(); !s)
        return s;
    m_progressSource.bind(1, sourceId).bind(2, newRecords);
    return m_progressSource.run();
}

Status CaseWriter::addError(int64_t sourceId, const ImportErrorRow &e)
{
    if (auto s = begin(); !s)
        return s;
    m_insError.bind(1, sourceId).bind(2, e.line).bind(3, e.offset).bind(4, e.reason);
    return m_insError.run();
}

Status CaseWriter::drainInterner()
{
    std::vector<NewEntity> entities;
    std::vector<std::pair<int64_t, std::string>> strings;
    std::vector<EntityUpdate> updates;
    m_interner.drain(entities, strings, updates);
    for (const auto &[id, s] : strings) {
        m_insString.bind(1, id).bindStatic(2, s);
        if (auto st = m_insString.run(); !st)
            return st;
    }
    // Entities wait for the commit (insertEntities); nothing reads them before.
    Deltas &d = *m_d;
    if (d.entities.empty())
        d.entities.swap(entities);
    else
        std::move(entities.begin(), entities.end(), std::back_inserter(d.entities));
    std::move(updates.begin(), updates.end(), std::back_inserter(d.updates));
    std::vector<std::pair<std::string, int64_t>> interfaces;
    m_interner.drainInterfaces(interfaces);
    for (const auto &[interface, instance] : interfaces) {
        m_insInterface.bindStatic(1, interface).bind(2, instance);
        if (auto st = m_insInterface.run(); !st)
            return st;
    }
    return {};
}

Result<BatchOutcome> CaseWriter::write(ImportBatch &batch)
{
    BatchOutcome out;
    if (auto s = begin(); !s)
        return s.error();
    PhaseClock clock(m_stats);
    if (auto s = drainInterner(); !s)
        return s.error();
    clock.lap(WriterPhase::Entities);

    // De-duplicate in (hour, key) order: neighbouring keys share b-tree pages. The key goes
    // with its event's hour (the same record always has the same time).
    const size_t n = batch.events.size();
    struct KeyRef
    {
        int64_t hour;
        int64_t k;
        uint32_t i;
        // A key twice in the batch: the first record keeps it.
        bool operator<(const KeyRef &o) const
        {
            if (hour != o.hour)
                return hour < o.hour;
            return k != o.k ? k < o.k : i < o.i;
        }
    };
    std::vector<KeyRef> order(n);
    for (size_t i = 0; i < n; ++i)
        order[i] = {hourOfMs(batch.events[i].time),
                    static_cast<int64_t>(batch.events[i].key & 0x7FFFFFFFFFFFFFFFULL),
                    static_cast<uint32_t>(i)};
    std::sort(order.begin(), order.end());
    std::vector<char> fresh(n, 0);
    bool anyFresh = false;
    for (const KeyRef &r : order) {
        m_insKey.bind(1, r.hour).bind(2, r.k);
        if (auto s = m_insKey.run(); !s)
            return s.error();
        bool isNew = m_case.db().changes() > 0;
        if (isNew && m_legacyKeys) {
            m_findLegacyKey.bind(1, r.k);
            isNew = !m_findLegacyKey.step();
            if (m_findLegacyKey.failed())
                return Error{ErrorCode::Sql, m_findLegacyKey.lastErrorText()};
            m_findLegacyKey.reset();
        }
        fresh[r.i] = isNew;
        anyFresh = anyFresh || isNew;
    }

    clock.lap(WriterPhase::Dedup, static_cast<int64_t>(n));
    std::vector<int64_t> blockIds(batch.rawBlocks.size());
    // A batch of nothing but duplicates keeps no raw block (no event would point to it).
    const bool keepRaw = anyFresh || !batch.flows.empty();
    for (size_t i = 0; keepRaw && i < batch.rawBlocks.size(); ++i) {
        const RawBlock &b = batch.rawBlocks[i];
        m_insRaw.bind(1, b.codec)
            .bind(2, static_cast<int64_t>(b.rawSize))
            .bindBlob(3, b.data.data(), b.data.size())
            .bind(4, batch.sourceId)
            .bind(5, b.firstLine);
        if (auto s = m_insRaw.run(); !s)
            return s.error();
        blockIds[i] = m_case.db().lastInsertRowId();
    }

    clock.lap(WriterPhase::Raw, keepRaw ? static_cast<int64_t>(batch.rawBlocks.size()) : 0);
    Deltas &d = *m_d;
    const int64_t baseId = m_nextEventId;
    const bool allFresh = std::all_of(fresh.begin(), fresh.end(), [](char f) { return f != 0; });
    std::vector<int64_t> ids(n, 0);
    std::vector<uint32_t> kept; // indexes of the fresh events, in id order
    kept.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        if (!fresh[i]) {
            ++out.duplicates;
            continue;
        }
        const EventRow &e = batch.events[i];
        ids[i] = m_nextEventId++;
        kept.push_back(static_cast<uint32_t>(i));
        ++out.newEvents;
        if (out.minTime == 0 || e.time < out.minTime)
            out.minTime = e.time;
        out.maxTime = std::max(out.maxTime, e.time);
    }
    if (auto s = m_insEvents.write(kept.size(),
                                   [&](Statement &st, int p, size_t r) {
                                       const EventRow &e = batch.events[kept[r]];
                                       st.bind(p, ids[kept[r]])
                                           .bind(p + 1, e.time)
                                           .bind(p + 2, e.kind)
                                           .bind(p + 3, batch.sourceId)
                                           .bind(p + 4, e.line)
                                           .bind(p + 5, e.offset);
                                       st.bindOptional(p + 6, e.name)
                                           .bindOptional(p + 7, e.service)
                                           .bindOptional(p + 8, e.error);
                                       st.bindOptional(p + 9, e.principal)
                                           .bindOptional(p + 10, e.ip)
                                           .bindOptional(p + 11, e.ua);
                                       st.bindOptional(p + 12, e.accessKey)
                                           .bindOptional(p + 13, e.account)
                                           .bindOptional(p + 14, e.region);
                                       st.bind(p + 15, blockIds.empty() ? int64_t(0)
                                                                        : blockIds[e.rawBlock]);
                                       st.bind(p + 16, static_cast<int64_t>(e.rawOff))
                                           .bind(p + 17, static_cast<int64_t>(e.rawLen));
                                   });
        !s)
        return s.error();
    clock.lap(WriterPhase::Events, out.newEvents);

    if (!allFresh) {
        // Duplicates contribute nothing: aggregate the fresh events again, numbered as their
        // ids are (consecutive from baseId).
        BatchAggregator fresher;
        uint32_t rank = 0;
        for (size_t i = 0; i < n; ++i) {
            if (fresh[i])
                fresher.addEvent(batch, batch.events[i], rank++);
        }
        fresher.finish(batch);
    }
    // Aggregate rows and posting lists wait for the commit (CaseWriter::flush).
    for (const AggRow &r : batch.aggRows) {
        AB &v = d.aggHour[r.key];
        v.a += r.a;
        v.b += r.b;
    }
    for (const PostingRow &p : batch.postings) {
        Deltas::PostingPiece piece;
        piece.entity = p.entity;
        piece.hour = p.hour;
        piece.first = baseId + p.first;
        piece.last = baseId + p.last;
        piece.begin = static_cast<uint32_t>(d.postingTails.size());
        d.postingTails.append(
            std::string_view(batch.postingTails).substr(p.begin, p.end - p.begin));
        piece.end = static_cast<uint32_t>(d.postingTails.size());
        d.postings.push_back(piece);
    }
    for (const AggRow &r : batch.totalRows)
        d.addTotal(r.key, r.a, r.b, r.first, r.last);
    for (const EdgeRow &r : batch.edgeRows)
        d.addEdge(r.key, r.first, r.last, r.count);
    for (const SeenRow &r : batch.seen)
        d.addSeen(r.entity, r.first, r.last);
    clock.lap(WriterPhase::Merge);
    for (const FindingRow &f : batch.findings) {
        const int64_t eventId = f.event < n ? ids[f.event] : 0;
        if (f.event < n && eventId == 0)
            continue; // this version was imported before
        m_finding.bind(1, f.entity)
            .bind(2, f.product)
            .bind(3, f.type)
            .bind(4, f.title)
            .bind(5, f.severity);
        m_finding.bind(6, f.severityLabel).bind(7, f.account).bind(8, f.region);
        m_finding.bindOptional(9, f.firstSeen).bindOptional(10, f.lastSeen).bind(11, f.updatedAt);
        m_finding.bind(12, f.count).bind(13, f.archived ? 1 : 0).bindOptional(14, eventId);
        if (auto s = m_finding.run(); !s)
            return s.error();
        if (eventId) {
            m_findingVersion.bind(1, f.entity).bind(2, f.updatedAt).bind(3, eventId);
            if (auto s = m_findingVersion.run(); !s)
                return s.error();
        }
    }
    auto flowKey = [](const FlowRow &f) {
        const int64_t packed = (static_cast<int64_t>(f.localPort & 0xFFFF) << 32) |
                               (static_cast<int64_t>(f.remotePort & 0xFFFF) << 16) |
                               (static_cast<int64_t>(f.protocol & 0xFF) << 8) |
                               (f.direction & 0xFF);
        return Key4{f.local, f.remote, f.hour, packed};
    };
    // The map holds a transaction's flow rows (hundreds of thousands): nearly every update is
    // a cache miss, so the slots of the rows a few places ahead are fetched meanwhile.
    constexpr size_t kAhead = 8;
    for (size_t i = 0; i < std::min(kAhead, batch.flows.size()); ++i)
        d.flows.prefetch(flowKey(batch.flows[i]));
    for (size_t i = 0; i < batch.flows.size(); ++i) {
        const FlowRow &f = batch.flows[i];
        if (i + kAhead < batch.flows.size())
            d.flows.prefetch(flowKey(batch.flows[i + kAhead]));
        FlowValue &v = d.flows[flowKey(f)];
        v.bytes += f.bytes;
        v.packets += f.packets;
        v.accepted += f.accepted;
        v.rejected += f.rejected;
        v.first = std::min(v.first, f.first);
        v.last = std::max(v.last, f.last);
        if (v.rawBlock == 0 && f.rawBlock < blockIds.size())
            v.rawBlock = blockIds[f.rawBlock];
        out.flowRecords += f.accepted + f.rejected;
        if (out.minTime == 0 || f.first < out.minTime)
            out.minTime = f.first;
        out.maxTime = std::max(out.maxTime, f.last);
    }
    clock.lap(WriterPhase::Flows);
    for (const ImportErrorRow &err : batch.errors) {
        if (auto s = addError(batch.sourceId, err); !s)
            return s.error();
    }
    m_pendingEvents += out.newEvents;
    return out;
}

} // namespace sightline
