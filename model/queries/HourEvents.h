#pragma once
// The events of one entity in one hour, read from its posting list when there are few
// enough: lets aggregate-based queries be exact at the partial hours at the edges of a time
// range. Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "PostingLists.h"
#include "Result.h"
#include "Statement.h"

#include <optional>
#include <vector>

namespace sightline {

struct EventBrief
{
    int64_t id = 0;
    int64_t time = 0;
    bool failed = false; // has an error code
};

class HourEvents
{
public:
    explicit HourEvents(Database &db);

    // The entity's events of that hour (distinct, by id), or nullopt when there are more than
    // maxEvents (reading them would cost more than the caller's budget).
    Result<std::optional<std::vector<EventBrief>>> read(int64_t entity, int64_t hour,
                                                        size_t maxEvents = 4096);

private:
    Status m_status;
    PostingLists m_postings;
    Statement m_event;
};

} // namespace sightline
