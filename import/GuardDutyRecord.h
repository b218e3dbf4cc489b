#pragma once
// Reads one GuardDuty finding into a FindingRecord: a bare finding (S3 export line, console
// export, one element of get-findings' "Findings") or an EventBridge "GuardDuty Finding"
// event with the finding under "detail". Keys in any case. Every resource type (Instance,
// AccessKey, S3Bucket, EKSCluster, Container, ECSCluster, RDSDBInstance, Lambda) and action
// (NETWORK_CONNECTION, PORT_PROBE, AWS_API_CALL, DNS_REQUEST, KUBERNETES_API_CALL,
// RDS_LOGIN_ATTEMPT) becomes parties:
//   Instance -> Ec2Instance (+ its private / public / IPv6 addresses as IpAddress)
//   AccessKey -> AccessKey, and its principal by userType: IAMUser -> AwsUser, Role ->
//     AwsRole, AssumedRole -> AwsRoleSession (+ AwsRole, + Ec2Instance when the session is
//     an instance id), Root -> AwsUser "arn:aws:iam::<account>:root", FederatedUser
//   S3Bucket -> S3Bucket (name); EKSCluster / ECSCluster -> ContainerCluster (name);
//   Kubernetes user -> KubernetesSubject (user name); workload -> ContainerPod
//   ("<namespace>/<name>"); ECS task -> ContainerPod (task ARN); images -> ContainerImage
//   remote / local addresses -> IpAddress; DNS domain -> Domain; user agent -> UserAgent
// RDS instances, Lambda functions and other resources without an entity type are kept in
// the Finding entity's attrs ("resources"), with the API, ports and protocol.
#include "FindingRecord.h"

#include <simdjson.h>

#include <string>

namespace sightline {

// Returns false (with error) when the text is not a JSON object or is malformed.
bool extractGuardDuty(simdjson::ondemand::parser &parser, simdjson::padded_string_view text,
                      FindingRecord &out, std::string &error);

} // namespace sightline
