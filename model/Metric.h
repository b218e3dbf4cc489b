#pragma once
// Aggregate metrics kept per entity per hour (agg_hour) and in total (agg_total).
// Stored as integers in case files: only append. The meaning of the two value columns
// (a, b) and of dim depends on the metric.
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
};

} // namespace sightline
