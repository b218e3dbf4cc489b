#pragma once
// Test helper: writes hand-made events into a case through CaseWriter the way an importer
// does (entities, posting lists, edges, ApiCalls and PeerCalls aggregates, raw records), so
// the queries can be tested without the importer.
#include "CaseWriter.h"
#include "Metric.h"
#include "RawCodec.h"
#include "Relation.h"

#include <string>
#include <utility>
#include <vector>

namespace sightline::test {

struct Ev
{
    int64_t time = 0;
    EntityType principalType = EntityType::AwsUser;
    std::string principal, label; // key and label
    std::string ip, ua, accessKey;
    std::string service, api, error; // error "" = success
    std::string account = "111122223333";
    std::vector<std::pair<EntityType, std::string>> resources;
    std::string region = "eu-west-1";
};

class CaseBuilder
{
public:
    explicit CaseBuilder(CaseFile &c) : m_writer(c) {}

    Status prepare() { return m_writer.prepare(); }
    Interner &interner() { return m_writer.interner(); }

    Status beginSource(const std::string &path)
    {
        SourceRecord s;
        s.path = path;
        s.size = 1000;
        s.sha256 = std::string(64, 'a' + static_cast<char>(m_sources++));
        s.format = "test";
        s.parserVersion = 1;
        s.importedAt = 1;
        auto id = m_writer.addSource(s);
        if (!id)
            return id.error();
        m_batch = ImportBatch{};
        m_batch.sourceId = *id;
        m_raw.clear();
        m_records = 0;
        return {};
    }

    void addError(int64_t line, std::string reason)
    {
        m_batch.errors.push_back(ImportErrorRow{line, 0, std::move(reason)});
    }

    // The raw record text of the event (what --raw shows).
    static std::string rawText(const Ev &e, int n)
    {
        return "{\"eventID\":\"ev-" + std::to_string(n) + "\",\"eventName\":\"" + e.api + "\"}";
    }

    void add(const Ev &e)
    {
        Interner &in = m_writer.interner();
        const int n = ++m_counter;
        EventRow row;
        row.key = 0x1000 + static_cast<uint64_t>(n) * 7919;
        row.time = e.time;
        row.kind = static_cast<int>(EventKind::ApiCall);
        row.line = ++m_records;
        row.offset = static_cast<int64_t>(m_raw.size());
        row.name = in.string(e.api);
        row.service = in.string(e.service);
        row.error = in.string(e.error);
        row.region = in.string(e.region);
        row.account = in.entity(EntityType::AwsAccount, e.account);
        row.principal = in.entity(e.principalType, e.principal, e.label, e.account);
        row.ip = in.entity(EntityType::IpAddress, e.ip);
        row.ua = in.entity(EntityType::UserAgent, e.ua);
        row.accessKey = in.entity(EntityType::AccessKey, e.accessKey, {}, e.account);
        const std::string raw = rawText(e, n);
        row.rawBlock = 0;
        row.rawOff = static_cast<uint32_t>(m_raw.size());
        row.rawLen = static_cast<uint32_t>(raw.size());
        m_raw += raw + "\n";

        std::vector<int64_t> resources;
        for (const auto &[type, key] : e.resources)
            resources.push_back(in.entity(type, key));

        row.entBegin = static_cast<uint32_t>(m_batch.entities.size());
        for (int64_t id : {row.principal, row.ip, row.ua, row.accessKey, row.account})
            if (id)
                m_batch.entities.push_back(id);
        m_batch.entities.insert(m_batch.entities.end(), resources.begin(), resources.end());
        row.entEnd = static_cast<uint32_t>(m_batch.entities.size());

        row.edgeBegin = static_cast<uint32_t>(m_batch.edges.size());
        auto edge = [&](int64_t dst, Relation r) {
            if (dst)
                m_batch.edges.push_back(EdgeRef{row.principal, static_cast<int>(r), dst});
        };
        edge(row.ip, Relation::CalledFrom);
        edge(row.ua, Relation::UsedAgent);
        edge(row.accessKey, Relation::UsesKey);
        edge(row.account, Relation::InAccount);
        for (int64_t r : resources)
            edge(r, Relation::ActedOn);
        row.edgeEnd = static_cast<uint32_t>(m_batch.edges.size());

        row.aggBegin = static_cast<uint32_t>(m_batch.aggs.size());
        const int64_t ok = e.error.empty() ? 1 : 0, failed = 1 - ok;
        const int64_t apiDim = in.string(e.service + ":" + e.api);
        std::vector<int64_t> callers = {row.principal, row.ip, row.ua, row.account};
        callers.insert(callers.end(), resources.begin(), resources.end());
        for (int64_t x : callers) {
            if (!x)
                continue;
            for (int64_t dim : {int64_t(0), apiDim})
                m_batch.aggs.push_back(
                    AggRef{x, static_cast<int>(Metric::ApiCalls), dim, ok, failed});
        }
        auto peer = [&](int64_t x, int64_t y) {
            if (x && y)
                m_batch.aggs.push_back(
                    AggRef{x, static_cast<int>(Metric::PeerCalls), y, ok, failed});
        };
        for (int64_t y : {row.ip, row.ua, row.accessKey, row.account})
            peer(row.principal, y);
        for (int64_t r : resources) {
            peer(row.principal, r);
            peer(r, row.principal);
        }
        peer(row.ip, row.principal);
        peer(row.ip, row.ua);
        peer(row.ua, row.principal);
        peer(row.ua, row.ip);
        row.aggEnd = static_cast<uint32_t>(m_batch.aggs.size());
        m_batch.events.push_back(row);
    }

    // Writes the source's events as one batch and commits (a new posting-list seq).
    Status finishSource(SourceStatus status = SourceStatus::Imported, std::string note = {})
    {
        RawCompressor compressor;
        RawBlock block;
        block.rawSize = static_cast<uint32_t>(m_raw.size());
        if (!compressor.compress(m_raw, block.data))
            return Error{ErrorCode::Io, "compress"};
        m_batch.rawBlocks.push_back(std::move(block));
        const int64_t errors = static_cast<int64_t>(m_batch.errors.size());
        auto outcome = m_writer.write(m_batch);
        if (!outcome)
            return outcome.error();
        SourceTotals t;
        t.status = status;
        t.note = std::move(note);
        t.records = m_records + errors;
        t.newEvents = outcome->newEvents;
        t.duplicates = outcome->duplicates;
        t.errors = errors;
        t.firstTime = outcome->minTime;
        t.lastTime = outcome->maxTime;
        if (auto s = m_writer.finishSource(m_batch.sourceId, t); !s)
            return s;
        return m_writer.commit();
    }

private:
    CaseWriter m_writer;
    ImportBatch m_batch;
    std::string m_raw;
    int m_counter = 0;
    int m_sources = 0;
    int64_t m_records = 0;
};

} // namespace sightline::test
