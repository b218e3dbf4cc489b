#pragma once
// Aggregate metrics kept per entity per hour (agg_hour) and in total (agg_total).
// Stored as integers in case files: only append. The meaning of the two value columns
// (a, b) and of dim depends on the metric.
//
// Granularity: rows with dim 0 (the entity's totals) are hourly, for timelines. Rows with
// dim != 0 (per API, per peer) are daily: their hour column holds the first hour of the
// UTC day (a multiple of 24). A scoped query over [from, to) therefore reads dim != 0 rows
// with hour in [floor(from / 24h) * 24, to) and counts whole days at the edges.
// agg_total holds every metric and dim over the whole case, except PeerCalls: peers are only
// read by day (see keptInTotals).
#include <cstdint>

namespace sightline {

enum class Metric : int
{
    ApiCalls = 1,    // a = successful calls, b = failed calls; dim 0 = all APIs, else the
                     // strings id of "<service>:<api>"
    PeerCalls = 2,   // a = successful, b = failed calls that involved the entity in dim
    FlowBytes = 3,   // a = bytes in, b = bytes out; dim 0 = all, else the peer entity id
    FlowPackets = 4, // a = packets in, b = packets out; dim as FlowBytes
    FlowRecords = 5, // a = accepted records, b = rejected records; dim as FlowBytes
    Findings = 6,    // a = findings, b = 0; dim = severity (1 low .. 4 critical)
    K8sCalls = 7,    // a = successful, b = failed Kubernetes API calls; dim as ApiCalls
    K8sDenied = 8,   // of those failed: a = unauthorized (401), b = forbidden (403); dim as
                     // K8sCalls. Only calls answered 401 or 403 write rows.
};

// Whether agg_total keeps the metric. PeerCalls is read from its daily rows only (profiles'
// peer lists); case files written by earlier versions also hold (unread) totals for it.
inline bool keptInTotals(int metric)
{
    return metric != static_cast<int>(Metric::PeerCalls);
}

// The hour bucket an aggregate row of (metric, dim) at `hour` is stored under.
inline int64_t aggBucket(int64_t dim, int64_t hour)
{
    if (dim == 0)
        return hour;
    return hour >= 0 ? hour - hour % 24 : hour - ((hour % 24) + 24) % 24;
}

} // namespace sightline
