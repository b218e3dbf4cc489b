#pragma once
// Turns one Kubernetes audit event into a KubernetesAudit event: the subject, its EKS IAM
// identity, source addresses, user agent, cluster, pod and container images, with edges and
// K8sCalls aggregates (see DESIGN.md "Entities and relations").
//
// Entity keys, shared with the other formats that name Kubernetes things:
//   ContainerCluster   the cluster name (EKS: from the log group "/aws/eks/<name>/cluster")
//   KubernetesSubject  user.username ("system:serviceaccount:<ns>:<name>" for accounts)
//   ContainerPod       "<namespace>/<name>"
//   ContainerImage     the image reference as written in the pod spec ("nginx:1.25")
// Thread affinity: one importer thread.
#include "BatchBuilder.h"
#include "K8sAuditRecord.h"
#include "RecordReader.h"

#include <string>

namespace sightline {

class K8sAuditNormalizer
{
public:
    // Adds the event (raw is the record text kept as provenance); returns false with reason
    // when the record is unusable.
    bool add(const K8sAuditRecord &record, std::string_view raw, int64_t line, int64_t offset,
             BatchBuilder &out, std::string &reason);

    // "403 Forbidden" for failed calls; "" for successes.
    static std::string statusText(int code, std::string_view reason);

private:
    struct Iam
    {
        int64_t principal = 0, role = 0, key = 0, instance = 0, account = 0;
    };
    Iam iamIdentity(const K8sAuditRecord &r, BatchBuilder &out);
    std::string m_scratch, m_name;
};

} // namespace sightline
