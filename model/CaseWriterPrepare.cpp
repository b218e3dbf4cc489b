// CaseWriter's set-up: the WAL checkpoint setting, the interner and id counters loaded from
// the case, and every statement the writer runs (kept apart from the write path in
// CaseWriter.cpp, which only binds and steps them).
#include "CaseWriter.h"

namespace sightline {

Status CaseWriter::prepare(int64_t checkpointPages, size_t cachedEntities)
{
    Database &db = m_case.db();
    // Let the WAL grow to checkpointPages (16,384 pages: 256 MB with the 16 KB pages of cases
    // made now, 128 MB with the 8 KB pages of cases made by earlier builds) rather
    // than 1,000 pages: pages that every commit changes (aggregates, event keys) reach the
    // case file once per checkpoint.
    // Each commit stays durable in the WAL (synchronous=NORMAL). finish() checkpoints; the
    // setting is restored when the writer goes.
    auto pages = db.queryInt("PRAGMA wal_autocheckpoint");
    if (!pages)
        return pages.error();
    if (auto s = db.exec("PRAGMA wal_autocheckpoint=" + std::to_string(checkpointPages)); !s)
        return s;
    m_checkpointPages = *pages;
    // The checkpoints themselves run beside the writer; without a second connection the
    // automatic checkpoint set above does them inline.
    m_checkpointer.reset(); // (its destructor removes the hook: before a new one sets it)
    m_checkpointer = WalCheckpointer::start(db, checkpointPages);
    m_interner.setCapacity(cachedEntities);
    if (auto s = m_interner.load(db); !s)
        return s;
    auto maxId = db.queryInt("SELECT coalesce(max(id), 0) FROM events");
    if (!maxId)
        return maxId.error();
    m_nextEventId = *maxId + 1;
    auto legacy = db.queryInt("SELECT EXISTS(SELECT 1 FROM event_keys)");
    if (!legacy)
        return legacy.error();
    m_legacyKeys = *legacy != 0;
    auto seq = db.queryInt("SELECT coalesce((SELECT value FROM meta WHERE key='posting_seq'), 0)");
    if (!seq)
        return seq.error();
    m_seq = *seq + 1;
    auto run = db.queryInt("SELECT coalesce(max(run), 0) FROM entity_events_by_run");
    if (!run)
        return run.error();
    m_run = *run;
    auto runRows = db.queryInt("SELECT count(*) FROM entity_events_by_run WHERE run = " +
                               std::to_string(m_run));
    if (!runRows)
        return runRows.error();
    m_runRows = *runRows;

    struct Def
    {
        Statement *st;
        const char *sql;
    };
    const Def defs[] = {
        {&m_insKey, "INSERT OR IGNORE INTO event_keys_by_hour(hour, k) VALUES(?1, ?2)"},
        {&m_findLegacyKey, "SELECT 1 FROM event_keys WHERE k = ?1"},
        {&m_insString, "INSERT INTO strings(id, s) VALUES(?1, ?2)"},
        {&m_insInterface, "INSERT OR IGNORE INTO interfaces(interface, instance) VALUES(?1, ?2)"},
        {&m_insEntity,
         "INSERT INTO entities(id, type, key, label, account, ipv4, attrs, first_seen, "
         "last_seen) VALUES(?1, ?2, ?3, nullif(?4, ''), nullif(?5, ''), ?6, nullif(?7, ''), ?8, "
         "?9)"},
        // Fills gaps only: the first label or account an entity is given stays (an interner
        // that looks entities up in the case file may ask twice before the commit).
        {&m_updEntity, "UPDATE entities SET label = coalesce(label, nullif(?2, '')), "
                       "account = coalesce(account, nullif(?3, '')) WHERE id = ?1"},
        {&m_insRaw, "INSERT INTO raw_blocks(codec, size, data, source_id, first_line) "
                    "VALUES(?1, ?2, ?3, ?4, ?5)"},
        {&m_finding,
         "INSERT INTO findings(entity, product, type, title, severity, severity_label, "
         "account, region, first_seen, last_seen, updated_at, count, archived, event_id) "
         "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
         "ON CONFLICT(entity) DO UPDATE SET "
         "first_seen = min(coalesce(findings.first_seen, excluded.first_seen), "
         "coalesce(excluded.first_seen, findings.first_seen)), "
         "product = iif(excluded.updated_at >= findings.updated_at, excluded.product, "
         "findings.product), "
         "type = iif(excluded.updated_at >= findings.updated_at, excluded.type, findings.type), "
         "title = iif(excluded.updated_at >= findings.updated_at, excluded.title, findings.title), "
         "severity = iif(excluded.updated_at >= findings.updated_at, excluded.severity, "
         "findings.severity), "
         "severity_label = iif(excluded.updated_at >= findings.updated_at, "
         "excluded.severity_label, findings.severity_label), "
         "account = coalesce(findings.account, excluded.account), "
         "region = coalesce(findings.region, excluded.region), "
         "last_seen = iif(excluded.updated_at >= findings.updated_at, excluded.last_seen, "
         "findings.last_seen), "
         "count = iif(excluded.updated_at >= findings.updated_at, excluded.count, findings.count), "
         "archived = iif(excluded.updated_at >= findings.updated_at, excluded.archived, "
         "findings.archived), "
         "event_id = iif(excluded.updated_at >= findings.updated_at, excluded.event_id, "
         "findings.event_id), "
         "updated_at = max(findings.updated_at, excluded.updated_at)"},
        {&m_findingVersion, "INSERT OR IGNORE INTO finding_versions(entity, updated_at, event_id) "
                            "VALUES(?1, ?2, ?3)"},
        {&m_insError, "INSERT INTO import_errors(source_id, line, offset, reason) "
                      "VALUES(?1, ?2, ?3, ?4)"},
        {&m_insSource, "INSERT INTO sources(path, size, sha256, format, parser_version, "
                       "imported_at, status) VALUES(?1, ?2, ?3, ?4, ?5, ?6, 0)"},
        {&m_updSource, "UPDATE sources SET status=?2, note=nullif(?3, ''), records=?4, "
                       "new_events=?5, duplicates=?6, errors=?7, first_time=nullif(?8, 0), "
                       "last_time=nullif(?9, 0), sha256=coalesce(nullif(?10, ''), sha256) "
                       "WHERE id=?1"},
        {&m_progressSource, "UPDATE sources SET new_events=?2 WHERE id=?1"},
        {&m_findSource, "SELECT count(*) FROM sources WHERE sha256=?1 AND status IN (1, 3)"},
        {&m_seen, "UPDATE entities SET first_seen = min(coalesce(first_seen, ?2), ?2), "
                  "last_seen = max(coalesce(last_seen, ?3), ?3) WHERE id = ?1"},
    };
    for (const Def &d : defs) {
        *d.st = Statement(db, d.sql);
        if (!d.st->ok())
            return Error{ErrorCode::Sql, d.st->errorText()};
    }
    if (auto s = m_insEvents.prepare(
            db,
            "INSERT INTO events(id, time, kind, source_id, line, offset, name, service, error, "
            "principal, ip, ua, access_key, account, region, raw_block, raw_off, raw_len) VALUES",
            18, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        !s)
        return s;
    if (auto s =
            m_aggHour.prepare(db, "INSERT INTO agg_hour(entity, metric, dim, hour, a, b) VALUES", 6,
                              "(?, ?, ?, ?, ?, ?)",
                              " ON CONFLICT DO UPDATE SET a = a + excluded.a, b = b + excluded.b");
        !s)
        return s;
    if (auto s = m_aggTotal.prepare(
            db, "INSERT INTO agg_total(entity, metric, dim, a, b, first_seen, last_seen) VALUES", 7,
            "(?, ?, ?, ?, ?, ?, ?)",
            " ON CONFLICT DO UPDATE SET a = a + excluded.a, b = b + excluded.b, "
            "first_seen = min(first_seen, excluded.first_seen), "
            "last_seen = max(last_seen, excluded.last_seen)");
        !s)
        return s;
    if (auto s = m_edge.prepare(
            db, "INSERT INTO edges(src, relation, dst, first_seen, last_seen, count) VALUES", 6,
            "(?, ?, ?, ?, ?, ?)",
            " ON CONFLICT DO UPDATE SET count = count + excluded.count, "
            "first_seen = min(first_seen, excluded.first_seen), "
            "last_seen = max(last_seen, excluded.last_seen)");
        !s)
        return s;
    if (auto s = m_flow.prepare(
            db,
            "INSERT INTO flows(local, remote, hour, local_port, remote_port, protocol, "
            "direction, bytes, packets, accepted, rejected, first_seen, last_seen, raw_block) "
            "VALUES",
            14, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            " ON CONFLICT DO UPDATE SET bytes = bytes + excluded.bytes, "
            "packets = packets + excluded.packets, accepted = accepted + excluded.accepted, "
            "rejected = rejected + excluded.rejected, "
            "first_seen = min(first_seen, excluded.first_seen), "
            "last_seen = max(last_seen, excluded.last_seen)");
        !s)
        return s;
    return m_posting.prepare(db,
                             "INSERT INTO entity_events_by_run(run, entity, hour, seq, ids) VALUES",
                             5, "(?, ?, ?, ?, ?)");
}

} // namespace sightline
