#pragma once
// Test helper: writes hand-made events into a case with the importer's BatchBuilder and
// CaseWriter, contributing entities, edges and ApiCalls / PeerCalls aggregates the way the
// CloudTrail normaliser does, so the queries can be tested on exactly known data.
#include "BatchBuilder.h"
#include "CaseWriter.h"
#include "Metric.h"
#include "RawCodec.h"
#include "Relation.h"

#include <memory>
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
        m_sourceId = *id;
        m_builder = std::make_unique<BatchBuilder>(m_writer.interner(), m_compressor);
        m_records = 0;
        m_offset = 0;
        return {};
    }

    void addError(int64_t line, std::string reason)
    {
        m_builder->error(line, 0, std::move(reason));
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
        const std::string raw = rawText(e, n);
        EventRow &row = m_builder->beginEvent(raw, ++m_records, m_offset);
        m_offset += static_cast<int64_t>(raw.size()) + 1;
        row.key = 0x1000 + static_cast<uint64_t>(n) * 7919;
        row.time = e.time;
        row.kind = static_cast<int>(EventKind::ApiCall);
        row.name = in.string(e.api);
        row.service = in.string(e.service);
        row.error = in.string(e.error);
        row.region = in.string(e.region);
        row.account = in.entity(EntityType::AwsAccount, e.account);
        row.principal = in.entity(e.principalType, e.principal, e.label, e.account);
        row.ip = in.entity(EntityType::IpAddress, e.ip);
        row.ua = in.entity(EntityType::UserAgent, e.ua);
        row.accessKey = in.entity(EntityType::AccessKey, e.accessKey, {}, e.account);
        const EventRow r = row; // beginEvent's reference is not used past the helpers below

        std::vector<int64_t> resources;
        for (const auto &[type, key] : e.resources)
            resources.push_back(in.entity(type, key));
        for (int64_t id : {r.principal, r.ip, r.ua, r.accessKey, r.account})
            m_builder->involve(id);
        for (int64_t id : resources)
            m_builder->involve(id);

        m_builder->edge(r.principal, Relation::CalledFrom, r.ip);
        m_builder->edge(r.principal, Relation::UsedAgent, r.ua);
        m_builder->edge(r.principal, Relation::UsesKey, r.accessKey);
        m_builder->edge(r.principal, Relation::InAccount, r.account);
        for (int64_t id : resources)
            m_builder->edge(r.principal, Relation::ActedOn, id);

        const int64_t ok = e.error.empty() ? 1 : 0, failed = 1 - ok;
        const int64_t apiDim = in.string(e.service + ":" + e.api);
        std::vector<int64_t> callers = {r.principal, r.ip, r.ua, r.account};
        callers.insert(callers.end(), resources.begin(), resources.end());
        for (int64_t x : callers) {
            m_builder->agg(x, Metric::ApiCalls, 0, ok, failed);
            m_builder->agg(x, Metric::ApiCalls, apiDim, ok, failed);
        }
        auto peer = [&](int64_t x, int64_t y) {
            if (x && y)
                m_builder->agg(x, Metric::PeerCalls, y, ok, failed);
        };
        for (int64_t y : {r.ip, r.ua, r.accessKey, r.account})
            peer(r.principal, y);
        for (int64_t id : resources) {
            peer(r.principal, id);
            peer(id, r.principal);
        }
        peer(r.ip, r.principal);
        peer(r.ip, r.ua);
        peer(r.ua, r.principal);
        peer(r.ua, r.ip);
        m_builder->endEvent();
    }

    // Writes the source's events as one batch and commits (a new posting-list seq).
    Status finishSource(SourceStatus status = SourceStatus::Imported, std::string note = {})
    {
        const int64_t errors = m_builder->errorCount();
        ImportBatch batch = m_builder->take();
        batch.sourceId = m_sourceId;
        auto outcome = m_writer.write(batch);
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
        if (auto s = m_writer.finishSource(m_sourceId, t); !s)
            return s;
        return m_writer.commit();
    }

private:
    CaseWriter m_writer;
    RawCompressor m_compressor;
    std::unique_ptr<BatchBuilder> m_builder;
    int64_t m_sourceId = 0;
    int m_counter = 0;
    int m_sources = 0;
    int64_t m_records = 0;
    int64_t m_offset = 0;
};

} // namespace sightline::test
