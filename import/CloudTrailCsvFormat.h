#pragma once
// CloudTrail rows exported as CSV by Athena or CloudTrail Lake: a header row naming
// CloudTrail's fields (any case), nested fields as JSON text or in Athena's struct notation.
// Each row becomes a JSON record for the CloudTrail parser; the row itself is kept raw.
#include "Format.h"

namespace sightline {

class CloudTrailCsvFormat final : public Format
{
public:
    std::string_view name() const override { return "cloudtrail-csv"; }
    int version() const override { return 1; }
    Detection detect(const Sniff &sniff) const override;
    std::unique_ptr<RecordReader> reader(ByteSource &source) const override;
    std::unique_ptr<RecordParser> parser() const override;
};

} // namespace sightline
