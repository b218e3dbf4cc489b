#pragma once
// Amazon GuardDuty findings: get-findings output ({"Findings": [...]}, PascalCase from the
// AWS CLI), the S3 export and console exports (JSON lines or arrays of camelCase findings,
// also .jsonl.gz), EventBridge "GuardDuty Finding" events (the finding under "detail") and
// sample findings. See GuardDutyRecord.h for what becomes entities.
#include "Format.h"

namespace sightline {

class GuardDutyFormat final : public Format
{
public:
    std::string_view name() const override { return "guardduty"; }
    int version() const override { return 1; }
    Detection detect(const Sniff &sniff) const override;
    std::unique_ptr<RecordReader> reader(ByteSource &source) const override;
    std::unique_ptr<RecordParser> parser() const override;
    std::vector<std::string> jsonContainerKeys() const override { return {"Findings", "findings"}; }
};

} // namespace sightline
