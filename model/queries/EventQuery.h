#pragma once
// Events in time order, filtered by the entities involved (all of them: an intersection of
// their posting lists, walked hour by hour), an API name and a time range, a page at a time.
// Never scans or groups the events table: with entities it reads their posting lists (and
// skips days where an entity's aggregates show no call of the API); without, it walks the
// events_time index (an API name alone: a window of it, then one table scan when the API is
// rare; there is no index by name). Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "EntityActivity.h"
#include "EntityLookup.h"
#include "EventKind.h"
#include "ResultTypes.h"
#include "RawRecordReader.h"
#include "Result.h"
#include "Statement.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace sightline {

struct EventFilter
{
    std::vector<int64_t> entities; // entity ids; every one must be involved in the event
    // "" for any; "CreateUser" (any service), "iam.amazonaws.com:CreateUser" or the short
    // "iam:CreateUser".
    std::string api;
    TimeRange range;
    size_t limit = 100; // 0 = no limit
    size_t offset = 0;
    bool withRaw = false; // fill EventRecord::raw
    // With an API name and no entity: events visited in time order before falling back to a
    // scan of the table (tuning; tests make it small).
    size_t timeWindow = 50000;
    // With entities and an API name their aggregates cannot place: events of the entities
    // visited before switching to the API's events checked against the entities' posting
    // lists instead (tuning; tests make it small).
    size_t walkBudget = 200000;
};

struct EventRecord
{
    int64_t id = 0;
    int64_t time = 0; // epoch ms UTC
    EventKind kind = EventKind::ApiCall;
    std::string name, service, error, region;               // error "" on success
    EntityRef principal, ip, userAgent, accessKey, account; // id 0 when absent
    int64_t sourceId = 0;
    std::string sourcePath;
    int64_t line = 0, offset = 0;
    std::string raw; // with EventFilter::withRaw
};

struct EventPage
{
    std::vector<EventRecord> events;
    bool more = false; // further events match after this page
};

class EventQuery
{
public:
    explicit EventQuery(Database &db);

    Result<EventPage> run(const EventFilter &filter);
    EntityLookup &lookup() { return m_lookup; }

    struct Row; // an events row, integer-coded
private:
    struct ApiFilter
    {
        bool any = true;
        bool impossible = false; // the API never occurs in the case
        int64_t name = 0, service = 0;
        std::string text; // "service:name" or ":name"
    };
    Result<ApiFilter> parseApi(const std::string &api);
    Result<std::string> string(int64_t id);
    Status readRow(Statement &st, Row &row);
    Result<EventPage> byTime(const EventFilter &filter, const ApiFilter &api);
    Result<EventPage> byEntities(const EventFilter &filter, const ApiFilter &api);
    Result<EventPage> byApiThenEntities(const EventFilter &filter, const ApiFilter &api,
                                        const std::vector<int64_t> &entities);
    Result<EventRecord> materialise(const Row &row, bool withRaw);

    Database &m_db;
    EntityLookup m_lookup;
    RawRecordReader m_raw;
    EntityActivity m_activity;
    Status m_status;
    Statement m_byTime, m_byName, m_byId, m_string, m_stringId;
    std::unordered_map<int64_t, std::string> m_strings;
};

} // namespace sightline
