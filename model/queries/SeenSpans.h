#pragma once
// First / last seen arithmetic shared by the aggregate-based queries.
#include "ResultTypes.h"

#include <algorithm>

namespace sightline::detail {

// First / last seen within the range at bucket precision (rows of bucketHours hours starting
// at firstBucket .. lastBucket), exact where the known exact time falls inside the range and
// inside the first / last bucket. Sets approximate otherwise.
inline SeenSpan clipSeen(SeenSpan exact, int64_t firstBucket, int64_t lastBucket,
                         int64_t bucketHours, const TimeRange &range, bool &approximate)
{
    const int64_t lo = std::max(range.fromMs(), firstBucket * kHourMs);
    const int64_t hi = std::min(range.toMs() - 1, (lastBucket + bucketHours) * kHourMs - 1);
    SeenSpan s{lo, hi};
    if (exact.first >= lo && exact.first < (firstBucket + bucketHours) * kHourMs &&
        range.contains(exact.first))
        s.first = exact.first;
    else
        approximate = true;
    if (exact.last <= hi && exact.last >= lastBucket * kHourMs && range.contains(exact.last))
        s.last = exact.last;
    else
        approximate = true;
    return s;
}

// Nothing involving an entity happened outside its own first / last seen.
inline SeenSpan clamp(SeenSpan s, SeenSpan entity)
{
    if (entity.first != 0 || entity.last != 0) {
        s.first = std::clamp(s.first, entity.first, entity.last);
        s.last = std::clamp(s.last, entity.first, entity.last);
    }
    return s;
}

} // namespace sightline::detail
