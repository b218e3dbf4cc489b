#pragma once
// Where an entity was active: the hours of its posting lists, its event ids in one hour, and
// the hours on which it called an API (told by its daily per-API aggregates when they are
// complete). Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "PostingLists.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sightline {

class EntityActivity
{
public:
    explicit EntityActivity(Database &db);

    // Hours (ascending) holding events of the entity within the range.
    Status hours(int64_t entity, const TimeRange &range, std::vector<int64_t> &hours);
    // The subset of hours() on days the entity called the API: "service:name", or ":name" for
    // any service. usable is false (and hours empty) when its aggregates cannot tell.
    Status apiHours(int64_t entity, std::string_view api, const TimeRange &range,
                    std::vector<int64_t> &hours, bool &usable);
    // The entity's event ids in one hour, ascending and distinct.
    Status hourIds(int64_t entity, int64_t hour, std::vector<int64_t> &ids);

private:
    Result<std::string> string(int64_t id);

    Status m_status;
    PostingLists m_postings;
    Statement m_apiDims, m_apiHours, m_string;
    std::unordered_map<int64_t, std::string> m_strings;
};

} // namespace sightline
