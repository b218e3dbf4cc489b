#pragma once
// Kubernetes audit logs (audit.k8s.io/v1 and v1beta1 Event objects): JSON lines as the log
// backend writes them, arrays, webhook EventLists ({"kind": "EventList", "items": [...]}),
// and EKS control plane audit logs exported from CloudWatch Logs (filter-log-events /
// get-log-events {"events": [...]}, Logs Insights rows, Firehose subscription payloads).
// The cluster is named by the log group "/aws/eks/<cluster>/cluster" when the export has it.
#include "Format.h"

namespace sightline {

class K8sAuditFormat final : public Format
{
public:
    std::string_view name() const override { return "k8s-audit"; }
    int version() const override { return 1; }
    Detection detect(const Sniff &sniff) const override;
    std::unique_ptr<RecordReader> reader(ByteSource &source) const override;
    std::unique_ptr<RecordParser> parser() const override;
    std::vector<std::string> jsonContainerKeys() const override { return {"events", "items"}; }
};

} // namespace sightline
