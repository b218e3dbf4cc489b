#pragma once
// Turns one FindingRecord into an event (kind Finding, time = the version's updatedAt), a
// Finding entity keyed by the finding's ARN (or id), "involves" edges from it to every party
// (and the finding's account), the parties' own relations, Metric::Findings contributions
// and a FindingRow. Event keys are hash64(ns, id | updatedAt): the same version imported
// again is a duplicate, a newer version is a new event and replaces the kept version in
// the findings table (every version stays in finding_versions).
//
// Metric::Findings counts finding records (versions) of each involved entity by the hour of
// their updatedAt, with dim = the severity label (0 informational .. 4 critical; one row per
// record, so the entity's total is the sum over the five dims). A finding updated three times
// counts three: distinct findings come from the findings table (FindingQuery).
#include "BatchBuilder.h"
#include "FindingRecord.h"

#include <string>
#include <string_view>

namespace sightline {

class FindingNormalizer
{
public:
    // ns names the key space ("guardduty", "securityhub"). Returns false with reason when
    // the record is unusable (no id, no time).
    bool add(const FindingRecord &r, std::string_view ns, std::string_view raw, int64_t line,
             int64_t offset, BatchBuilder &out, std::string &reason);

private:
    std::string m_scratch;
    std::vector<int64_t> m_ids;
};

} // namespace sightline
