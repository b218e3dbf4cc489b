#pragma once
// The newest events of one entity (or of several together: every one involved) within a
// range, a page at a time, newest first: what a profile's events table shows. Counts the
// entities' posting lists from the end of the range backwards until the page is covered, then
// reads only that window with EventQuery. Never scans or groups the events table.
// Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "EntityActivity.h"
#include "EventQuery.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <vector>

namespace sightline {

struct RecentFilter
{
    std::vector<int64_t> entities; // at least one; every one must be involved
    TimeRange range;
    size_t limit = 500; // events per page (> 0)
    size_t offset = 0;  // events skipped from the newest
    bool withRaw = false;
};

class RecentEvents
{
public:
    explicit RecentEvents(Database &db);

    // EventPage::events newest first; more is true when older events match.
    Result<EventPage> run(const RecentFilter &filter);
    EntityLookup &lookup() { return m_events.lookup(); }

private:
    Result<int64_t> countHour(const std::vector<int64_t> &entities, int64_t hour,
                              const TimeRange &range);

    Database &m_db;
    EventQuery m_events;
    EntityActivity m_activity;
    Status m_status;
    Statement m_time;
};

} // namespace sightline
