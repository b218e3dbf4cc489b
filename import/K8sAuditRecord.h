#pragma once
// The fields of one Kubernetes audit event (audit.k8s.io/v1 and v1beta1 Event) that
// Sightline reads, as views into the parser's buffers (valid until it parses again).
// Missing fields, nulls and wrong types read as empty.
#include "CloudWatchEnvelope.h"

#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

struct K8sAuditRecord
{
    std::string_view kind, apiVersion, auditId, stage, requestUri, verb, userAgent;
    std::string_view username, userUid, impersonatedUser;
    std::vector<std::string_view> groups;
    // EKS puts the IAM identity behind a subject in user.extra (first value of each list).
    std::string_view iamArn, iamCanonicalArn, iamSessionName, iamAccessKeyId, iamPrincipalId;
    std::vector<std::string_view> sourceIps;
    // objectRef
    std::string_view resource, subresource, objectNamespace, objectName, apiGroup;
    int code = 0; // responseStatus.code, 0 when absent
    std::string_view statusReason;
    std::string_view requestReceived, stageTime, timestamp, creationTime, altTime;
    std::string_view decision; // annotations["authorization.k8s.io/decision"]
    // requestObject / responseObject metadata, and container images in their pod specs
    std::string_view requestKind, requestName, requestNamespace;
    std::string_view responseKind, responseName, responseNamespace;
    std::vector<std::string_view> images;
    std::string_view cluster;         // when an export names it (clusterName, cluster_name)
    int64_t timeMs = 0;               // fallback time from a wrapper (CloudWatch), 0 when none
    std::string_view region, account; // from a wrapper, when known

    int auditKeys = 0;         // audit Event members seen
    int otherKeys = 0;         // members that are neither audit nor wrapper keys
    bool kindIsString = true;  // false for a "kind" that is not a string (damaged record)
    std::string_view kindText; // the raw token of a "kind" that is not a string

    void clear();
};

// Reads one record object. Members CloudWatch Logs wraps messages in go to envelope when
// given. Returns false (with error) when the text is not a JSON object.
bool extractK8sAudit(simdjson::ondemand::parser &parser, simdjson::padded_string_view text,
                     K8sAuditRecord &out, CloudWatchEnvelope *envelope, std::string &error);

} // namespace sightline
