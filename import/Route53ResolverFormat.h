#pragma once
// Amazon Route 53 Resolver query logs: JSON records, one per line, as delivered to S3
// (plain or .gz) and Firehose, and exported from CloudWatch Logs (filter-log-events /
// get-log-events {"events": [...]}, Logs Insights rows, subscription payloads). Records carry
// srcids {"instance": ...} for queries from instances, DNS Firewall verdicts when a rule
// group matched, and answers. See DnsQueryNormalizer for what they become.
#include "Format.h"

namespace sightline {

class Route53ResolverFormat final : public Format
{
public:
    std::string_view name() const override { return "route53-resolver"; }
    int version() const override { return 1; }
    Detection detect(const Sniff &sniff) const override;
    std::unique_ptr<RecordReader> reader(ByteSource &source) const override;
    std::unique_ptr<RecordParser> parser() const override;
    std::vector<std::string> jsonContainerKeys() const override { return {"events"}; }
};

} // namespace sightline
