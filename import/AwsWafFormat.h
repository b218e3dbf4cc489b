#pragma once
// AWS WAF web ACL traffic logs ({"timestamp", "webaclId", "action", "httpRequest": {...}}),
// recognised so that they are listed as skipped with a reason rather than as unknown JSON.
// Sightline does not import them yet.
#include "Format.h"

namespace sightline {

class AwsWafFormat final : public Format
{
public:
    std::string_view name() const override { return "aws-waf"; }
    int version() const override { return 1; }
    Detection detect(const Sniff &sniff) const override;
    std::unique_ptr<RecordReader> reader(ByteSource &source) const override;
    std::unique_ptr<RecordParser> parser() const override;
};

} // namespace sightline
