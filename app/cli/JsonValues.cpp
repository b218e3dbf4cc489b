#include "JsonValues.h"

#include "CliSupport.h"
#include "EventKind.h"
#include "Relation.h"

namespace sightline::cli {

using nlohmann::json;

namespace {

json textOrNull(const std::string &s)
{
    return s.empty() ? json() : json(s);
}

json peersJson(const PeerList &list)
{
    json rows = json::array();
    for (const PeerStat &p : list.rows) {
        json j = entityJson(p.entity);
        j["calls"] = p.calls;
        j["successes"] = p.fromRelations ? json() : json(p.successes);
        j["failures"] = p.fromRelations ? json() : json(p.failures);
        // "relations": only the relations table knows the pair (all-time count).
        j["source"] = p.fromRelations ? "relations" : "aggregates";
        j["firstSeen"] = jsonTime(p.seen.first);
        j["lastSeen"] = jsonTime(p.seen.last);
        j["seenPrecision"] = p.seenApproximate ? "day" : "exact";
        rows.push_back(std::move(j));
    }
    return {{"total", list.total}, {"rows", std::move(rows)}};
}

const char *kindName(EventKind k)
{
    switch (k) {
    case EventKind::ApiCall:
        return "ApiCall";
    case EventKind::ConsoleSignIn:
        return "ConsoleSignIn";
    case EventKind::ServiceEvent:
        return "ServiceEvent";
    case EventKind::Insight:
        return "Insight";
    case EventKind::Flow:
        return "Flow";
    case EventKind::Finding:
        return "Finding";
    case EventKind::KubernetesAudit:
        return "KubernetesAudit";
    case EventKind::DnsQuery:
        return "DnsQuery";
    }
    return "Unknown";
}

} // namespace

json rangeJson(const TimeRange &r)
{
    return {{"from", r.from ? json(formatTime(*r.from)) : json()},
            {"to", r.to ? json(formatTime(*r.to)) : json()}};
}

json caseJson(const std::string &path, const CaseOverview &o)
{
    json sources = json::array();
    for (const SourceInfo &s : o.sources) {
        sources.push_back({{"id", s.id},
                           {"path", s.path},
                           {"size", s.size},
                           {"sha256", s.sha256},
                           {"format", textOrNull(s.format)},
                           {"parserVersion", s.parserVersion},
                           {"importedAt", jsonTime(s.importedAt)},
                           {"status", std::string(sourceStatusName(s.status))},
                           {"note", textOrNull(s.note)},
                           {"records", s.records},
                           {"newEvents", s.newEvents},
                           {"duplicates", s.duplicates},
                           {"errors", s.errors},
                           {"firstTime", jsonTime(s.firstTime)},
                           {"lastTime", jsonTime(s.lastTime)}});
    }
    json types = json::object();
    for (const auto &[type, n] : o.entityCounts)
        types[std::string(entityTypeName(type))] = n;
    json errors = json::array();
    for (const ImportErrorInfo &e : o.firstErrors)
        errors.push_back(
            {{"path", e.path}, {"line", e.line}, {"offset", e.offset}, {"reason", e.reason}});
    return {{"case", path},
            {"schemaVersion", o.schemaVersion},
            {"events", o.events},
            {"firstTime", jsonTime(o.firstTime)},
            {"lastTime", jsonTime(o.lastTime)},
            {"totals",
             {{"sources", o.sources.size()},
              {"records", o.records},
              {"newEvents", o.events},
              {"duplicates", o.duplicates},
              {"errors", o.errors},
              {"skippedSources", o.skippedSources},
              {"damagedSources", o.damagedSources},
              {"failedSources", o.failedSources}}},
            {"entities", o.entities},
            {"entitiesByType", std::move(types)},
            {"sources", std::move(sources)},
            {"importErrors", {{"total", o.importErrorRows}, {"first", std::move(errors)}}}};
}

json searchJson(const std::string &query, const SearchResult &r)
{
    static const char *kinds[] = {"exact", "wildcard", "cidr"};
    json hits = json::array();
    for (const SearchHit &h : r.hits) {
        json j = entityJson(h.entity);
        j["firstSeen"] = jsonTime(h.seen.first);
        j["lastSeen"] = jsonTime(h.seen.last);
        j["exact"] = h.exact;
        hits.push_back(std::move(j));
    }
    json counts = json::object();
    for (const auto &[type, n] : r.countsByType)
        counts[std::string(entityTypeName(type))] = n;
    return {{"query", query},
            {"kind", kinds[static_cast<int>(r.kind)]},
            {"total", r.total},
            {"countsByType", std::move(counts)},
            {"truncated", static_cast<int64_t>(r.hits.size()) < r.total},
            {"hits", std::move(hits)}};
}

json profileJson(const ProfileData &p)
{
    json entity = entityJson(p.entity);
    entity["attrs"] = p.attrs.empty() ? json::object() : json::parse(p.attrs, nullptr, false, true);
    if (entity["attrs"].is_discarded())
        entity["attrs"] = p.attrs; // not JSON: keep the text
    json apis = json::array();
    for (const ApiStat &a : p.apis) {
        apis.push_back({{"service", a.service},
                        {"name", a.name},
                        {"successes", a.successes},
                        {"failures", a.failures},
                        {"firstSeen", jsonTime(a.seen.first)},
                        {"lastSeen", jsonTime(a.seen.last)},
                        {"seenPrecision", a.seenApproximate ? "day" : "exact"}});
    }
    json edges = json::array();
    for (const EdgeInfo &e : p.edges.edges) {
        json j = {{"direction", e.outgoing ? "out" : "in"},
                  {"relation", std::string(relationName(e.relation))},
                  {"entity", entityJson(e.other)},
                  {"count", e.count},
                  {"firstSeen", jsonTime(e.seen.first)},
                  {"lastSeen", jsonTime(e.seen.last)}};
        edges.push_back(std::move(j));
    }
    json relationCounts = json::array();
    for (const RelationCount &c : p.edges.counts) {
        relationCounts.push_back({{"direction", c.outgoing ? "out" : "in"},
                                  {"relation", std::string(relationName(c.relation))},
                                  {"total", c.total},
                                  {"totalIsLowerBound", c.lowerBound}});
    }
    return {{"entity", std::move(entity)},
            {"range", rangeJson(p.range)},
            {"firstSeen", jsonTime(p.seen.first)},
            {"lastSeen", jsonTime(p.seen.last)},
            {"seenApproximate", p.seenApproximate},
            {"breakdownByDay", p.breakdownByDay},
            {"calls",
             {{"successes", p.successes},
              {"failures", p.failures},
              {"approximate", p.totalsApproximate}}},
            {"apis", {{"total", p.apiTotal}, {"rows", std::move(apis)}}},
            {"principals", peersJson(p.principals)},
            {"ipAddresses", peersJson(p.ips)},
            {"userAgents", peersJson(p.userAgents)},
            {"accessKeys", peersJson(p.accessKeys)},
            {"accounts", peersJson(p.accounts)},
            {"resources", peersJson(p.resources)},
            {"peersPartial", p.peersPartial},
            {"relations", {{"counts", std::move(relationCounts)}, {"edges", std::move(edges)}}}};
}

json eventJson(const EventRecord &e, bool withRaw)
{
    json j = {{"id", e.id},
              {"time", jsonTime(e.time)},
              {"kind", kindName(e.kind)},
              {"service", textOrNull(e.service)},
              {"name", textOrNull(e.name)},
              {"error", textOrNull(e.error)},
              {"region", textOrNull(e.region)},
              {"principal", entityJson(e.principal)},
              {"ipAddress", entityJson(e.ip)},
              {"userAgent", entityJson(e.userAgent)},
              {"accessKey", entityJson(e.accessKey)},
              {"account", entityJson(e.account)},
              {"source", {{"path", e.sourcePath}, {"line", e.line}, {"offset", e.offset}}}};
    if (withRaw)
        j["raw"] = e.raw;
    return j;
}

json timelineJson(const EntityRef &entity, const TimelineData &t)
{
    json points = json::array();
    for (const TimelinePoint &p : t.points) {
        json j = {{"start", jsonTime(p.start)}, {"events", p.events}};
        if (!t.fromPostings) {
            j["successes"] = p.successes;
            j["failures"] = p.failures;
        }
        points.push_back(std::move(j));
    }
    json totals = {{"events", t.events}};
    if (!t.fromPostings) {
        totals["successes"] = t.successes;
        totals["failures"] = t.failures;
    }
    return {{"entity", entityJson(entity)},
            {"bucket", t.bucket == TimelineBucket::Hour ? "hour" : "day"},
            {"range", rangeJson(t.range)},
            {"counts", t.fromPostings ? "events" : "apiCalls"},
            {"totals", std::move(totals)},
            {"buckets", std::move(points)}};
}

} // namespace sightline::cli
