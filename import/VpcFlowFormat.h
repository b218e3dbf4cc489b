#pragma once
// Amazon VPC Flow Logs and transit gateway flow logs: the S3 delivery (space-separated text
// with a header line, plain or .gz, in AWSLogs/<account>/vpcflowlogs/<region>/Y/M/D/), files
// without a header (default version 2 format, or all fields of a version in the documented
// order), custom formats v3-v8 in any field order, Athena CSV, CloudWatch Logs exports
// (filter-log-events / get-log-events {"events": [{"message": ...}]}, subscription payloads
// {"logEvents": [...]}) and any {"message": "<record>"} wrapping, and JSON objects keyed by
// the field names. Records are aggregated into flows, not events (see VpcFlowNormalizer).
#include "Format.h"

namespace sightline {

class VpcFlowFormat final : public Format
{
public:
    std::string_view name() const override { return "vpcflow"; }
    int version() const override { return 1; }
    Detection detect(const Sniff &sniff) const override;
    std::unique_ptr<RecordReader> reader(ByteSource &source) const override;
    std::unique_ptr<RecordParser> parser() const override;
    std::vector<std::string> jsonContainerKeys() const override;
};

} // namespace sightline
