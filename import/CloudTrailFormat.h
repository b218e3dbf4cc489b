#pragma once
// AWS CloudTrail in every shape responders export it: S3 delivery files {"Records":[...]},
// bare arrays, JSON lines, single records, lookup-events output ({"Events":[{
// "CloudTrailEvent": "<json>"}]}) and its JSON-lines form, CloudTrail Lake query results,
// Insights events, and records re-exported by Elastic / Logstash / Cribl pipelines.
#include "Format.h"

namespace sightline {

class CloudTrailFormat final : public Format
{
public:
    std::string_view name() const override { return "cloudtrail"; }
    int version() const override { return 1; }
    Detection detect(const Sniff &sniff) const override;
    std::unique_ptr<RecordReader> reader(ByteSource &source) const override;
    std::unique_ptr<RecordParser> parser() const override;
    std::vector<std::string> jsonContainerKeys() const override { return containerKeys(); }

    static const std::vector<std::string> &containerKeys();
};

} // namespace sightline
