#pragma once
// An entity's activity over time: API call successes and failures per hour or per day, read
// from agg_hour (dim 0). Entities without call aggregates (access keys, for example) are
// counted from their posting lists instead (events per bucket, no success / failure split).
// Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "PostingLists.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <vector>

namespace sightline {

enum class TimelineBucket
{
    Hour,
    Day
};

struct TimelinePoint
{
    int64_t start = 0; // bucket start, epoch ms UTC
    int64_t successes = 0, failures = 0;
    int64_t events = 0; // successes + failures, or the event count from posting lists
};

struct TimelineData
{
    TimelineBucket bucket = TimelineBucket::Hour;
    TimeRange range;
    std::vector<TimelinePoint> points; // non-empty buckets only, ascending
    int64_t successes = 0, failures = 0, events = 0;
    bool fromPostings = false; // counts are events, not calls with success / failure
};

class Timeline
{
public:
    explicit Timeline(Database &db);
    Result<TimelineData> load(int64_t entityId, TimelineBucket bucket, const TimeRange &range = {});

private:
    Database &m_db;
    Status m_status;
    PostingLists m_postings;
    Statement m_hasCalls, m_hours;
};

} // namespace sightline
