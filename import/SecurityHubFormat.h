#pragma once
// AWS Security Hub findings in the AWS Security Finding Format (ASFF): get-findings output
// and the BatchImportFindings payload ({"Findings": [...]}), EventBridge "Security Hub
// Findings - Imported" (and "- Custom Action") events with detail.findings[], bare finding
// objects, arrays and JSON lines. An event holding several findings gives one event per
// finding, each keeping its own text, line and offset as its raw record. See AsffRecord.h.
#include "Format.h"

namespace sightline {

class SecurityHubFormat final : public Format
{
public:
    std::string_view name() const override { return "securityhub"; }
    int version() const override { return 1; }
    Detection detect(const Sniff &sniff) const override;
    std::unique_ptr<RecordReader> reader(ByteSource &source) const override;
    std::unique_ptr<RecordParser> parser() const override;
    std::vector<std::string> jsonContainerKeys() const override { return {"Findings", "findings"}; }
};

} // namespace sightline
