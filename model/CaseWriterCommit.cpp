// CaseWriter's commit: the rows held in memory for the transaction (aggregates, posting lists,
// totals, edges, flows), the new entities with their first and last seen, then the commit itself
// and what follows it (the interner told, the WAL checkpointed at the end).
#include "CaseWriter.h"

#include "CaseWriterDeltas.h"
#include "EntityType.h"
#include "Varint.h"

#include <algorithm>
#include <string>

namespace sightline {

namespace {

// Writes a held map's rows in key order, 64 rows a statement (RowWriter); rows counts them.
template <typename V, typename Bind>
Status writeInKeyOrder(FlatMap<V> &map, RowWriter &writer, int64_t &rows, Bind bind)
{
    const auto sorted = map.sortInPlace();
    rows = static_cast<int64_t>(sorted.size());
    return writer.write(sorted.size(), [&](Statement &st, int p, size_t i) {
        bind(st, p, sorted[i].key, sorted[i].value);
    });
}

} // namespace

Status CaseWriter::insertEntities()
{
    Deltas &d = *m_d;
    // In key order: the two key indexes then take their new entries page after page rather
    // than at random (a quarter less time on the flows benchmark's 197k addresses).
    std::sort(d.entities.begin(), d.entities.end(), [](const NewEntity &a, const NewEntity &b) {
        return a.type != b.type ? a.type < b.type : a.key < b.key;
    });
    for (const NewEntity &e : d.entities) {
        m_insEntity.bind(1, e.id)
            .bind(2, static_cast<int>(e.type))
            .bindStatic(3, e.key)
            .bindStatic(4, e.label)
            .bindStatic(5, e.account);
        int64_t v4 = -1;
        if (e.type == EntityType::IpAddress)
            v4 = parseIpv4(e.key);
        if (v4 >= 0)
            m_insEntity.bind(6, v4);
        else
            m_insEntity.bindNull(6);
        m_insEntity.bindStatic(7, e.attrs);
        // Its first and last seen of this transaction.
        const auto &seen = d.seen[Key4{e.id, 0, 0, 0}];
        if (seen.first == 0 && seen.second == 0)
            m_insEntity.bindNull(8).bindNull(9);
        else
            m_insEntity.bind(8, seen.first).bind(9, seen.second);
        if (auto st = m_insEntity.run(); !st)
            return st;
    }
    for (const EntityUpdate &u : d.updates) {
        m_updEntity.bind(1, u.id).bindStatic(2, u.label).bindStatic(3, u.account);
        if (auto st = m_updEntity.run(); !st)
            return st;
    }
    return {};
}

Status CaseWriter::writePostings(int64_t &rows)
{
    // One row per entity and hour: the pieces of the batches in id order, each list's first
    // id, then the differences to the next ids (the importer encoded those within a batch;
    // between pieces, the first id of one less the last of the one before).
    Deltas &d = *m_d;
    std::sort(d.postings.begin(), d.postings.end());
    std::string blobs;
    blobs.reserve(d.postingTails.size() + 4 * d.postings.size());
    std::vector<size_t> rowStart; // first piece of each row, then the end
    std::vector<size_t> blobEnd;
    for (size_t i = 0; i < d.postings.size(); ++i) {
        const Deltas::PostingPiece &p = d.postings[i];
        const bool sameRow =
            i > 0 && d.postings[i - 1].entity == p.entity && d.postings[i - 1].hour == p.hour;
        if (!sameRow) {
            if (i > 0)
                blobEnd.push_back(blobs.size());
            rowStart.push_back(i);
        }
        appendVarint(static_cast<uint64_t>(sameRow ? p.first - d.postings[i - 1].last : p.first),
                     blobs);
        blobs.append(std::string_view(d.postingTails).substr(p.begin, p.end - p.begin));
    }
    if (!d.postings.empty())
        blobEnd.push_back(blobs.size());
    rows = static_cast<int64_t>(rowStart.size());
    if (m_runRows >= kRunRows) {
        ++m_run;
        m_runRows = 0;
    }
    if (auto s = m_posting.write(rowStart.size(),
                                 [&](Statement &st, int p, size_t r) {
                                     const size_t begin = r ? blobEnd[r - 1] : 0;
                                     const Deltas::PostingPiece &piece = d.postings[rowStart[r]];
                                     st.bind(p, m_run)
                                         .bind(p + 1, piece.entity)
                                         .bind(p + 2, piece.hour)
                                         .bind(p + 3, m_seq)
                                         .bindBlob(p + 4, blobs.data() + begin, blobEnd[r] - begin);
                                 });
        !s)
        return s;
    m_runRows += rows;
    if (!rowStart.empty())
        ++m_seq;
    return {};
}

int64_t CaseWriter::pendingEvents() const
{
    // Flow rows held for the commit count towards the transaction size too: it bounds the
    // writer's memory. A held row (about 100 bytes) costs a fraction of what an event does,
    // and committing flows rarely matters: every commit rewrites the flow b-tree's pages
    // that its rows touch, spread over the whole table.
    return m_pendingEvents + static_cast<int64_t>(m_d->flows.size() / 4);
}

Status CaseWriter::flush()
{
    Deltas &d = *m_d;
    PhaseClock clock(m_stats);
    int64_t rows = 0;
    if (auto s = writeInKeyOrder(d.aggHour, m_aggHour, rows,
                                 [](Statement &st, int p, const Key4 &k, const AB &v) {
                                     st.bind(p, k.a).bind(p + 1, k.b).bind(p + 2, k.c);
                                     st.bind(p + 3, k.d).bind(p + 4, v.a).bind(p + 5, v.b);
                                 });
        !s)
        return s;
    clock.lap(WriterPhase::Aggregates, rows);
    if (auto s = writePostings(rows); !s)
        return s;
    clock.lap(WriterPhase::Postings, rows);
    if (auto s = writeInKeyOrder(d.aggTotal, m_aggTotal, rows,
                                 [](Statement &st, int p, const Key4 &k, const ABTime &v) {
                                     st.bind(p, k.a).bind(p + 1, k.b).bind(p + 2, k.c);
                                     st.bind(p + 3, v.a).bind(p + 4, v.b);
                                     st.bind(p + 5, v.first).bind(p + 6, v.last);
                                 });
        !s)
        return s;
    clock.lap(WriterPhase::Totals, rows);
    if (auto s = writeInKeyOrder(d.edges, m_edge, rows,
                                 [](Statement &st, int p, const Key4 &k, const Span &v) {
                                     st.bind(p, k.a).bind(p + 1, k.b).bind(p + 2, k.c);
                                     st.bind(p + 3, v.first).bind(p + 4, v.last);
                                     st.bind(p + 5, v.count);
                                 });
        !s)
        return s;
    clock.lap(WriterPhase::Edges, rows);
    if (auto s = writeInKeyOrder(d.flows, m_flow, rows,
                                 [](Statement &st, int p, const Key4 &k, const FlowValue &v) {
                                     st.bind(p, k.a).bind(p + 1, k.b).bind(p + 2, k.c);
                                     st.bind(p + 3, (k.d >> 32) & 0xFFFF)
                                         .bind(p + 4, (k.d >> 16) & 0xFFFF)
                                         .bind(p + 5, (k.d >> 8) & 0xFF)
                                         .bind(p + 6, k.d & 0xFF);
                                     st.bind(p + 7, v.bytes).bind(p + 8, v.packets);
                                     st.bind(p + 9, v.accepted).bind(p + 10, v.rejected);
                                     st.bind(p + 11, v.first).bind(p + 12, v.last);
                                     st.bindOptional(p + 13, v.rawBlock);
                                 });
        !s)
        return s;
    clock.lap(WriterPhase::Flows, rows);
    // Entity ids grow: every id from the transaction's first new one is a new entity, inserted
    // with its first and last seen (insertEntities reorders them: taken before).
    const int64_t firstNew = d.entities.empty() ? INT64_MAX : d.entities.front().id;
    if (auto s = insertEntities(); !s)
        return s;
    clock.lap(WriterPhase::Entities, static_cast<int64_t>(d.entities.size()));
    int64_t updated = 0;
    for (const auto &slot : d.seen.sortInPlace()) {
        if (slot.key.a >= firstNew)
            continue;
        ++updated;
        m_seen.bind(1, slot.key.a).bind(2, slot.value.first).bind(3, slot.value.second);
        if (auto s = m_seen.run(); !s)
            return s;
    }
    if (auto s = m_case.db().exec("INSERT INTO meta(key, value) VALUES('posting_seq', " +
                                  std::to_string(m_seq - 1) +
                                  ") ON CONFLICT DO UPDATE SET value = excluded.value");
        !s)
        return s;
    clock.lap(WriterPhase::Seen, updated);
    d.clear();
    return {};
}

Status CaseWriter::commit()
{
    if (!m_tx || !m_tx->active())
        return {};
    if (auto s = drainInterner(); !s)
        return s;
    if (auto s = flush(); !s)
        return s;
    PhaseClock clock(m_stats);
    if (auto s = m_tx->commit(); !s)
        return s;
    m_interner.committed();
    clock.lap(WriterPhase::Commit, 1);
    m_pendingEvents = 0;
    return {};
}

Status CaseWriter::finish()
{
    if (auto s = commit(); !s)
        return s;
    stopCheckpointer(); // then what it has not copied yet, here
    const Interner::CacheCounts counts = m_interner.cacheCounts();
    m_stats.entitySpills = counts.spills;
    m_stats.entityLookups = counts.lookups;
    return m_case.db().exec("PRAGMA wal_checkpoint(PASSIVE)");
}

void CaseWriter::stopCheckpointer()
{
    if (!m_checkpointer)
        return;
    const WalCheckpointer::Counts c = m_checkpointer->counts();
    m_stats.checkpoints += c.checkpoints;
    m_stats.checkpointWaits += c.waits;
    m_stats.checkpointCpuSeconds += c.cpuSeconds;
    m_checkpointer.reset();
}

void CaseWriter::rollback()
{
    if (m_tx)
        m_tx->rollback();
    m_d->clear();
    m_pendingEvents = 0;
}

} // namespace sightline
