#pragma once
// OCSF findings (Security Finding 2001 in 1.0.0-rc.2; Vulnerability 2002, Compliance 2003,
// Detection 2004 and the other 200x classes since 1.0) as Security Lake writes the findings
// Security Hub holds: a FindingRecord for FindingNormalizer, so a finding seen natively
// (GuardDuty, ASFF) and through Security Lake is one Finding entity (same key: the
// GuardDuty ARN, or the ASFF Id that finding_info.uid carries).
//   resources[]: EC2 instances, S3 buckets, IAM users / roles / access keys (with the
//     principal the access key's data names), EKS / ECS clusters, container images;
//     others are listed in the Finding's attrs.
//   observables[] IP addresses and host names, evidences[] source addresses.
// Severity label from severity_id (2 Low .. 5 Critical, 6 Fatal counts as Critical).
// Thread affinity: one importer thread.
#include "BatchBuilder.h"
#include "FindingNormalizer.h"
#include "FindingRecord.h"
#include "OcsfRecord.h"
#include "RecordReader.h"

#include <string>

namespace sightline {

class OcsfFindingMapper
{
public:
    // Adds the finding's event; false (with reason) when the record is unusable.
    bool add(const ocsf::Record &r, const RecordSpan &raw, BatchBuilder &out, std::string &reason);

private:
    void resource(const ocsf::Resource &res);
    FindingRecord m_finding;
    FindingNormalizer m_normalizer;
    simdjson::ondemand::parser m_dataParser;
    std::string m_data;
};

} // namespace sightline
