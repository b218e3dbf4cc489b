#pragma once
// Stored as integers in case files: only append.
namespace sightline {

enum class EventKind : int
{
    ApiCall = 1, // CloudTrail management / data event
    ConsoleSignIn = 2,
    ServiceEvent = 3,
    Insight = 4, // CloudTrail Insights
    Flow = 5,    // VPC flow record (aggregated)
    Finding = 6,
    KubernetesAudit = 7,
    DnsQuery = 8,
};

enum class SourceStatus : int
{
    Importing = 0, // interrupted if still set after the import
    Imported = 1,
    Skipped = 2, // not evidence Sightline reads (note says why)
    Damaged = 3, // imported up to the damage (note says where)
    Failed = 4,  // could not be read at all
    Cancelled = 5,
};

} // namespace sightline
