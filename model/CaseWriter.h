#pragma once
// The single writer of a case file during an import. Thread affinity: one thread (the
// writer thread). Events are written in batches; aggregates, edges, posting lists and
// entity first/last seen are accumulated in memory and flushed in the same transaction as
// the batches they come from, so every committed state of the case is consistent and a
// cancelled or failed import leaves the case as of its last commit.
#include "CaseFile.h"
#include "EventKind.h"
#include "ImportBatch.h"
#include "Interner.h"
#include "RowWriter.h"
#include "Statement.h"
#include "WalCheckpointer.h"
#include "WriterStats.h"

#include <cstdint>
#include <memory>
#include <string>

namespace sightline {

struct SourceRecord
{
    std::string path;
    int64_t size = 0;
    std::string sha256;
    std::string format;
    int parserVersion = 0;
    int64_t importedAt = 0; // epoch ms
};

struct SourceTotals
{
    SourceStatus status = SourceStatus::Imported;
    std::string note;
    int64_t records = 0;
    int64_t newEvents = 0;
    int64_t duplicates = 0;
    int64_t errors = 0;
    int64_t firstTime = 0, lastTime = 0;
    std::string sha256; // set when only known after reading (archive members)
};

class CaseWriter
{
public:
    explicit CaseWriter(CaseFile &caseFile);
    ~CaseWriter(); // rolls back anything not committed
    CaseWriter(const CaseWriter &) = delete;
    CaseWriter &operator=(const CaseWriter &) = delete;

    // Loads the interner (keeping up to cachedEntities entity keys in memory, 0 = all) and
    // prepares statements. The WAL is checkpointed once it holds checkpointPages, on a thread
    // of its own when the case is a file (WalCheckpointer).
    Status prepare(int64_t checkpointPages = 16384, size_t cachedEntities = 0);
    Interner &interner() { return m_interner; }

    // True when a source with this SHA-256 and format was already imported completely.
    bool alreadyImported(const std::string &sha256);

    Result<int64_t> addSource(const SourceRecord &source);
    Status finishSource(int64_t sourceId, const SourceTotals &totals);
    // A source still being read: the records it has added so far (new events and flow
    // records), written with the next commit.
    Status noteProgress(int64_t sourceId, int64_t newRecords);
    Status addError(int64_t sourceId, const ImportErrorRow &error);

    Result<BatchOutcome> write(ImportBatch &batch);
    Status commit();
    Status finish(); // commits and checkpoints the WAL (end of an import)
    void rollback();
    int64_t pendingEvents() const; // events (and flow rows) held for the commit
    const WriterStats &stats() const { return m_stats; }

private:
    struct Deltas;
    Status begin();
    Status drainInterner();
    Status insertEntities();
    Status flush();
    Status writePostings(int64_t &rows); // the transaction's posting lists
    void stopCheckpointer();             // its counts go to stats()

    CaseFile &m_case;
    Interner m_interner;
    std::unique_ptr<Deltas> m_d;
    std::unique_ptr<Transaction> m_tx;
    int64_t m_nextEventId = 1;
    bool m_legacyKeys = false; // event_keys (before schema 3) holds keys to check too
    int64_t m_seq = 1;
    // The posting lists' run (entity_events_by_run) and the rows it holds: a flush starts
    // a new run once the current one holds kRunRows. Advisory: a rolled back flush leaves
    // the count high, and a run ends a little early.
    static constexpr int64_t kRunRows = 131072;
    int64_t m_run = 0, m_runRows = 0;
    int64_t m_pendingEvents = 0;
    WriterStats m_stats;
    int64_t m_checkpointPages = 0; // the connection's wal_autocheckpoint before the import
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    RowWriter m_insEvents, m_aggHour, m_posting, m_aggTotal, m_edge, m_flow;

    Statement m_insInterface, m_findLegacyKey;
    Statement m_insString, m_insEntity, m_updEntity, m_insRaw, m_insKey, m_insError, m_insSource,
        m_updSource, m_progressSource, m_findSource, m_seen, m_finding, m_findingVersion;
};

} // namespace sightline
