#pragma once
// OCSF API Activity (6003) and the IAM classes the CloudTrail mapping writes (Account Change
// 3001, Authentication 3002, Authorize Session 3003, and rc.2's API Activity 3005): the
// event is rebuilt as the CloudTrail record it came from and normalised by
// CloudTrailNormalizer, so principals, keys and event keys match a native CloudTrail import
// of the same events (importing both adds nothing). Amazon EKS audit events mapped to API
// Activity go to K8sAuditNormalizer the same way.
// Thread affinity: one importer thread.
#include "BatchBuilder.h"
#include "CloudTrailNormalizer.h"
#include "CloudTrailRecord.h"
#include "K8sAuditNormalizer.h"
#include "OcsfRecord.h"
#include "RecordReader.h"

#include <string>

namespace sightline {

class OcsfApiMapper
{
public:
    // Adds the event; false (with reason) when the record is unusable.
    bool add(const ocsf::Record &r, const RecordSpan &raw, BatchBuilder &out, std::string &reason);
    static bool isKubernetes(const ocsf::Record &r);

private:
    bool addKubernetes(const ocsf::Record &r, const RecordSpan &raw, BatchBuilder &out,
                       std::string &reason);
    CloudTrailRecord m_ct;
    CloudTrailNormalizer m_ctNormalizer;
    K8sAuditRecord m_k8s;
    K8sAuditNormalizer m_k8sNormalizer;
    simdjson::ondemand::parser m_textParsers[2];
    std::string m_texts[2], m_time, m_error, m_principalId, m_arn, m_targetId;
};

} // namespace sightline
