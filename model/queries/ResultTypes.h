#pragma once
// Plain values shared by the read-only queries over a case file (model/queries/). No Qt.
#include "EntityType.h"
#include "TimeUtil.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace sightline {

// The first hour of the UTC day that holds hour.
constexpr int64_t dayStartHour(int64_t hour)
{
    return hour - ((hour % 24) + 24) % 24;
}

// A half-open interval [from, to) of UTC epoch milliseconds; either end may be open.
struct TimeRange
{
    std::optional<int64_t> from;
    std::optional<int64_t> to; // exclusive

    bool bounded() const { return from.has_value() || to.has_value(); }
    bool contains(int64_t ms) const { return (!from || ms >= *from) && (!to || ms < *to); }
    int64_t fromMs() const { return from.value_or(std::numeric_limits<int64_t>::min()); }
    int64_t toMs() const { return to.value_or(std::numeric_limits<int64_t>::max()); }
    // Hours that overlap the range: [firstHour, lastHour] inclusive. Aggregates are hourly,
    // so queries over them work at hour granularity.
    int64_t firstHour() const
    {
        return from ? hourOfMs(*from) : std::numeric_limits<int64_t>::min();
    }
    // The first hour of the UTC day that holds firstHour() (daily aggregate rows).
    int64_t firstDayHour() const
    {
        return from ? dayStartHour(hourOfMs(*from)) : std::numeric_limits<int64_t>::min();
    }
    int64_t lastHour() const
    {
        return to ? hourOfMs(*to - 1) : std::numeric_limits<int64_t>::max();
    }
    bool empty() const { return from && to && *from >= *to; }
};

// An entity as shown to the investigator. id 0 means "none".
struct EntityRef
{
    int64_t id = 0;
    EntityType type = EntityType::AwsAccount;
    std::string key;
    std::string label;
    std::string account;

    bool valid() const { return id != 0; }
};

// First and last time something was seen, epoch ms; 0 when unknown.
struct SeenSpan
{
    int64_t first = 0;
    int64_t last = 0;
};

} // namespace sightline
