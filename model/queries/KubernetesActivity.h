#pragma once
// Kubernetes API activity of one entity (a subject, cluster, pod, address or the IAM
// identity behind a subject), from the K8sCalls aggregates the audit log importers write:
// successful and failed calls in total, and per "<verb> <resource>" (e.g. "create pods/exec",
// "get /healthz"). Reads aggregates only: totals from agg_total (all time) or the hourly
// rows (within a range, whole hours), per-call counts from their daily rows within a range
// (whole UTC days at its edges). Failures include unauthorized (401) and forbidden (403)
// answers, also counted apart (K8sDenied aggregates).
// Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <string>
#include <vector>

namespace sightline {

struct KubernetesCall
{
    std::string name; // "<verb> <resource>[/<subresource>]" or "<verb> <path>"
    int64_t successes = 0, failures = 0;
    int64_t unauthorized = 0, forbidden = 0; // of the failures: 401 and 403 answers
    SeenSpan seen;                // all time; within a range clipped to it (day precision)
    bool seenApproximate = false; // day precision
};

struct KubernetesActivityData
{
    int64_t successes = 0, failures = 0;
    int64_t unauthorized = 0, forbidden = 0; // of the failures: 401 and 403 answers
    std::vector<KubernetesCall> calls;       // most calls first, at most the limit
    int64_t callTotal = 0;                   // distinct calls
    bool breakdownByDay = false;             // within a range: per-call counts cover whole days
    bool empty() const { return successes + failures == 0 && callTotal == 0; }
};

class KubernetesActivity
{
public:
    explicit KubernetesActivity(Database &db);

    // limit: call rows returned (0 = all).
    Result<KubernetesActivityData> load(int64_t entity, const TimeRange &range = {},
                                        size_t limit = 50);

private:
    Status m_status;
    Statement m_total, m_totalRange, m_calls, m_callsRange;
};

} // namespace sightline
