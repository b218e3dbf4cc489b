#pragma once
// OCSF events as Amazon Security Lake writes them, exported as JSON (Athena / Security Lake
// query results, the subscriber's JSON, pipelines): JSON lines, arrays or single objects of
// OCSF 1.0.0-rc.2 to 1.5. API Activity and the CloudTrail IAM classes, Network Activity,
// DNS Activity and the finding classes are mapped onto the entities the native formats make
// (see OcsfApiMapper, OcsfNetworkMapper, OcsfFindingMapper); other classes are reported.
// Parquet, Security Lake's storage format, is named and skipped.
#include "Format.h"

namespace sightline {

class OcsfFormat final : public Format
{
public:
    std::string_view name() const override { return "ocsf"; }
    int version() const override { return 1; }
    Detection detect(const Sniff &sniff) const override;
    std::unique_ptr<RecordReader> reader(ByteSource &source) const override;
    std::unique_ptr<RecordParser> parser() const override;
};

} // namespace sightline
