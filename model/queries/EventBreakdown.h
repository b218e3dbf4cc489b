#pragma once
// A bounded breakdown of an entity's events for a profile's drill-down tables: of the events
// that involve the entity (and a second entity, or that call one API) within a range, count
// successes and failures per pair of facets (API, caller, IP, access key, user agent), e.g.
// "from this IP: per API, per caller". Reads at most `cap` events (the newest; with an API
// filter the oldest, in time order) through RecentEvents / EventQuery, never a GROUP BY over
// the events table; partial says the cap cut the events.
// Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "EventQuery.h"
#include "RecentEvents.h"
#include "Result.h"
#include "ResultTypes.h"

#include <string>
#include <vector>

namespace sightline {

enum class Facet
{
    Api,       // "service:name"
    Principal, // the caller
    Ip,
    AccessKey,
    UserAgent,
};

struct FacetValue
{
    EntityRef entity; // id 0 for Facet::Api, or when the event has none
    std::string api;  // "iam.amazonaws.com:CreateUser" for Facet::Api
    bool operator<(const FacetValue &o) const
    {
        return entity.id != o.entity.id ? entity.id < o.entity.id : api < o.api;
    }
};

struct BreakdownRow
{
    FacetValue first, second;
    int64_t successes = 0, failures = 0;
    SeenSpan seen;
};

struct BreakdownFilter
{
    int64_t entity = 0;
    int64_t other = 0;   // a second entity every event involves; 0 = none
    int64_t account = 0; // an account (entity) every event involves (account filter); 0 = none
    std::string api;     // "service:name"; "" = any
    TimeRange range;
    Facet first = Facet::Api, second = Facet::Principal;
    size_t cap = 2000; // events read at most
};

struct BreakdownData
{
    std::vector<BreakdownRow> rows; // by first facet (most calls first), then second (same)
    size_t events = 0;              // events counted
    bool partial = false;           // more events matched than the cap
};

class EventBreakdown
{
public:
    explicit EventBreakdown(Database &db);
    Result<BreakdownData> load(const BreakdownFilter &filter);

private:
    RecentEvents m_recent;
    EventQuery m_events;
};

} // namespace sightline
