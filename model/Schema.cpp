#include "Schema.h"

#include "Database.h"
#include "Statement.h"

#include <array>
#include <string>

namespace sightline::schema {
namespace {

// Version 1. Times are UTC epoch milliseconds; hours are epoch ms / 3,600,000.
constexpr const char *kV1 = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;

CREATE TABLE sources(
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,            -- as given; archive members as "archive!/member"
    size INTEGER NOT NULL,         -- bytes of the file as stored (compressed if it was)
    sha256 TEXT NOT NULL,          -- of the file as stored
    format TEXT NOT NULL,          -- detected format, or "" when skipped
    parser_version INTEGER NOT NULL,
    imported_at INTEGER NOT NULL,  -- epoch ms
    status INTEGER NOT NULL,       -- SourceStatus
    note TEXT,                     -- skip reason, damage description
    records INTEGER NOT NULL DEFAULT 0,
    new_events INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    first_time INTEGER,
    last_time INTEGER
);
CREATE INDEX sources_sha ON sources(sha256);

CREATE TABLE import_errors(
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL,
    line INTEGER,                  -- 1-based line, 0 when not line oriented
    offset INTEGER,                -- byte offset in the decoded stream
    reason TEXT NOT NULL
);
CREATE INDEX import_errors_source ON import_errors(source_id);

CREATE TABLE strings(id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE);

CREATE TABLE entities(
    id INTEGER PRIMARY KEY,
    type INTEGER NOT NULL,         -- EntityType
    key TEXT NOT NULL,
    label TEXT,                    -- display name (user name, role name ...)
    account TEXT,
    ipv4 INTEGER,                  -- IpAddress v4 as a number, for CIDR search
    first_seen INTEGER,
    last_seen INTEGER,
    attrs TEXT,                    -- JSON object of details
    UNIQUE(type, key)
);
CREATE INDEX entities_key ON entities(key COLLATE NOCASE);
CREATE INDEX entities_label ON entities(label COLLATE NOCASE);
CREATE INDEX entities_ipv4 ON entities(ipv4) WHERE ipv4 IS NOT NULL;

CREATE TABLE raw_blocks(
    id INTEGER PRIMARY KEY,
    codec INTEGER NOT NULL,        -- 1 = zstd
    size INTEGER NOT NULL,         -- uncompressed bytes
    data BLOB NOT NULL
);

CREATE TABLE events(
    id INTEGER PRIMARY KEY,
    time INTEGER NOT NULL,
    kind INTEGER NOT NULL,         -- EventKind
    source_id INTEGER NOT NULL,
    line INTEGER NOT NULL,         -- 1-based line where the record starts, 0 if unknown
    offset INTEGER NOT NULL,       -- byte offset of the record in the decoded stream
    name INTEGER,                  -- strings: event / API name
    service INTEGER,               -- strings: event source / service
    error INTEGER,                 -- strings: error code, NULL on success
    principal INTEGER,             -- entities
    ip INTEGER,
    ua INTEGER,
    access_key INTEGER,
    account INTEGER,
    region INTEGER,                -- strings
    raw_block INTEGER NOT NULL,
    raw_off INTEGER NOT NULL,
    raw_len INTEGER NOT NULL
);
CREATE INDEX events_time ON events(time);

-- De-duplication: a 63-bit hash of each event's own id (or content).
CREATE TABLE event_keys(k INTEGER PRIMARY KEY);

-- Posting lists: which events involve an entity in an hour. ids is a delta-varint
-- encoded ascending list of events.id; seq separates flushes.
CREATE TABLE entity_events(
    entity INTEGER NOT NULL,
    hour INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    ids BLOB NOT NULL,
    PRIMARY KEY(entity, hour, seq)
) WITHOUT ROWID;

CREATE TABLE edges(
    src INTEGER NOT NULL,
    relation INTEGER NOT NULL,     -- Relation
    dst INTEGER NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY(src, relation, dst)
) WITHOUT ROWID;
CREATE INDEX edges_dst ON edges(dst, relation, src);

CREATE TABLE agg_hour(
    entity INTEGER NOT NULL,
    metric INTEGER NOT NULL,       -- Metric
    dim INTEGER NOT NULL,
    hour INTEGER NOT NULL,
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    PRIMARY KEY(entity, metric, dim, hour)
) WITHOUT ROWID;

CREATE TABLE agg_total(
    entity INTEGER NOT NULL,
    metric INTEGER NOT NULL,
    dim INTEGER NOT NULL,
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    PRIMARY KEY(entity, metric, dim)
) WITHOUT ROWID;

INSERT INTO meta(key, value) VALUES('created_by', 'Sightline');
)SQL";

// Version 2: findings (GuardDuty, Security Hub ...) and VPC flow aggregates.
constexpr const char *kV2 = R"SQL(
CREATE TABLE findings(
    entity INTEGER PRIMARY KEY,    -- the Finding entity (key: the finding's id or ARN)
    product TEXT,                  -- "GuardDuty", "Security Hub", or the ASFF product name
    type TEXT,                     -- e.g. "Recon:EC2/PortProbeUnprotectedPort"
    title TEXT,
    severity REAL,                 -- the product's number
    severity_label INTEGER NOT NULL, -- 0 informational, 1 low, 2 medium, 3 high, 4 critical
    account TEXT,
    region TEXT,
    first_seen INTEGER,
    last_seen INTEGER,
    updated_at INTEGER NOT NULL,   -- the version kept is the one with the newest updated_at
    count INTEGER NOT NULL DEFAULT 1,
    archived INTEGER NOT NULL DEFAULT 0,
    event_id INTEGER               -- events row of the version kept (raw record, source)
);
CREATE INDEX findings_time ON findings(last_seen);

-- Every version of a finding that was imported (provenance of updates).
CREATE TABLE finding_versions(
    entity INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    event_id INTEGER NOT NULL,
    PRIMARY KEY(entity, updated_at, event_id)
) WITHOUT ROWID;

-- VPC flow records aggregated per hour and tuple. local is the instance (or the local
-- address when no instance is known), remote the other address.
CREATE TABLE flows(
    local INTEGER NOT NULL,
    remote INTEGER NOT NULL,
    hour INTEGER NOT NULL,
    local_port INTEGER NOT NULL,
    remote_port INTEGER NOT NULL,
    protocol INTEGER NOT NULL,
    direction INTEGER NOT NULL,    -- 0 unknown, 1 inbound, 2 outbound
    bytes INTEGER NOT NULL,
    packets INTEGER NOT NULL,
    accepted INTEGER NOT NULL,     -- records
    rejected INTEGER NOT NULL,     -- records
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    raw_block INTEGER,             -- a raw block holding one of its records
    PRIMARY KEY(local, remote, hour, local_port, remote_port, protocol, direction)
) WITHOUT ROWID;
CREATE INDEX flows_remote ON flows(remote, hour);

-- Raw blocks remember their source and the line of their first record, so records that
-- have no events row (flow records) keep their provenance.
ALTER TABLE raw_blocks ADD COLUMN source_id INTEGER;
ALTER TABLE raw_blocks ADD COLUMN first_line INTEGER;
)SQL";

// Version 3: which EC2 instance a network interface belongs to, learnt from CloudTrail
// (RunInstances, AttachNetworkInterface, CreateNetworkInterface) and GuardDuty findings, so
// that flow records without an instance-id field (the default format) reach their instance.
// Also: the label index leaves out entities without a label (addresses, keys, agents: most
// of them); every query on labels compares them, which implies a label.
constexpr const char *kV3 = R"SQL(
DROP INDEX entities_label;
CREATE INDEX entities_label ON entities(label COLLATE NOCASE) WHERE label IS NOT NULL;
-- De-duplication keys with the hour of their event: the keys of one hour share pages, so an
-- import writes the pages of the hours it imports instead of pages all over one table of
-- random keys. event_keys keeps the keys of cases written before, and is still consulted.
CREATE TABLE event_keys_by_hour(
    hour INTEGER NOT NULL,
    k INTEGER NOT NULL,
    PRIMARY KEY(hour, k)
) WITHOUT ROWID;
CREATE TABLE interfaces(
    interface TEXT PRIMARY KEY,    -- eni-...
    instance INTEGER NOT NULL      -- the Ec2Instance entity
) WITHOUT ROWID;
)SQL";

// Version 4: posting lists grouped by run (a run of flushes, CaseWriter::kRunRows rows
// or so) before entity. An import's flush then writes to the pages of the current run
// instead of to pages all over a table ordered by entity (at 2 million events, every commit
// rewrote most of it). Readers look an entity up once per run, and in entity_events, which
// keeps the lists of cases written before.
constexpr const char *kV4 = R"SQL(
CREATE TABLE entity_events_by_run(
    run INTEGER NOT NULL,
    entity INTEGER NOT NULL,
    hour INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    ids BLOB NOT NULL,
    PRIMARY KEY(run, entity, hour, seq)
) WITHOUT ROWID;
)SQL";

constexpr std::array<const char *, 4> kMigrations = {kV1, kV2, kV3, kV4};

constexpr std::array<const char *, 12> kRequiredTables = {
    "meta",   "sources",    "import_errors", "strings", "entities", "raw_blocks",
    "events", "event_keys", "entity_events", "edges",   "agg_hour", "agg_total",
};

} // namespace

Status migrate(Database &db)
{
    auto version = db.queryInt("PRAGMA user_version");
    if (!version)
        return version.error();
    auto appId = db.queryInt("PRAGMA application_id");
    if (!appId)
        return appId.error();
    if (*version == 0) {
        auto tables = db.queryInt("SELECT count(*) FROM sqlite_schema");
        if (!tables)
            return Error{ErrorCode::NotACase, db.path() + ": " + tables.error().detail};
        if (*tables != 0 || (*appId != 0 && *appId != kApplicationId))
            return Error{ErrorCode::NotACase, db.path()};
    } else {
        if (*appId != kApplicationId)
            return Error{ErrorCode::NotACase, db.path()};
        if (*version > kCurrentVersion)
            return Error{ErrorCode::NewerVersion, db.path() + " has schema version " +
                                                      std::to_string(*version) +
                                                      ", this Sightline understands up to " +
                                                      std::to_string(kCurrentVersion)};
    }
    for (int v = static_cast<int>(*version); v < kCurrentVersion; ++v) {
        Transaction tx(db);
        if (auto s = tx.begin(); !s)
            return s;
        if (auto s = db.exec(kMigrations[v]); !s)
            return s;
        if (auto s = db.exec("PRAGMA user_version = " + std::to_string(v + 1)); !s)
            return s;
        if (auto s = db.exec("PRAGMA application_id = " + std::to_string(kApplicationId)); !s)
            return s;
        if (auto s = tx.commit(); !s)
            return s;
    }
    return {};
}

Status check(Database &db)
{
    auto appId = db.queryInt("PRAGMA application_id");
    if (!appId) // not even an SQLite file
        return Error{ErrorCode::NotACase, db.path() + ": " + appId.error().detail};
    auto version = db.queryInt("PRAGMA user_version");
    if (!version)
        return Error{ErrorCode::NotACase, db.path()};
    if (*appId != kApplicationId || *version == 0)
        return Error{ErrorCode::NotACase, db.path()};
    if (*version > kCurrentVersion)
        return Error{ErrorCode::NewerVersion,
                     db.path() + " has schema version " + std::to_string(*version) +
                         ", this Sightline understands up to " + std::to_string(kCurrentVersion)};
    Statement st(db, "SELECT count(*) FROM sqlite_schema WHERE type='table' AND name=?1");
    if (!st.ok())
        return Error{ErrorCode::Corrupt, st.errorText()};
    for (const char *t : kRequiredTables) {
        st.bind(1, std::string_view(t));
        const bool found = st.step() && st.int64(0) == 1;
        st.reset();
        if (!found)
            return Error{ErrorCode::Corrupt, db.path() + ": missing table " + t};
    }
    return {};
}

} // namespace sightline::schema
