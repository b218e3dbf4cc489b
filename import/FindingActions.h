#pragma once
// Pieces shared by the GuardDuty and ASFF readers: GuardDuty's "action" object (ASFF's
// Action mirrors it), access keys with their principals, affected resources, and resources
// that have no entity type. Thread affinity: one parser thread.
#include "FindingJson.h"
#include "FindingRecord.h"

#include <string>
#include <string_view>

namespace sightline {

// NETWORK_CONNECTION, PORT_PROBE, AWS_API_CALL, DNS_REQUEST, KUBERNETES_API_CALL and
// RDS_LOGIN_ATTEMPT: remote / local addresses (IpAddress, "remoteIpDetails" the event's
// ip), ports, protocol and direction (attrs), API (attrs "api" = "service:Api"), domain
// (Domain), user agent (UserAgent), remote account (AwsAccount), affected resources.
void readFindingAction(fjson::Walk &w, fjson::value &action, FindingRecord &r);

// An access key and its principal (GuardDuty accessKeyDetails, ASFF AwsIamAccessKey).
struct AccessKeyInfo
{
    std::string keyId, principalId, userName, userType;
    std::string issuerPrincipalId, issuerName; // ASFF SessionContext.SessionIssuer
};
// AccessKey, and by userType: IAMUser -> AwsUser (principalId), Role -> AwsRole,
// AssumedRole -> AwsRoleSession (principalId) assumed from AwsRole (the id before ':',
// named userName) and run by the Ec2Instance its session name is, Root -> AwsUser
// "arn:aws:iam::<account>:root", FederatedUser; principal -> uses key -> AccessKey.
// Keys follow the CloudTrail normaliser's, so both meet on the same entities.
void addAccessKey(const AccessKeyInfo &k, FindingRecord &r);

// "AWS::IAM::Role" -> AwsRole, "AWS::IAM::User" -> AwsUser, "AWS::S3::Bucket" -> S3Bucket,
// "AWS::EC2::Instance" -> Ec2Instance; anything else is listed in attrs ("resources").
void addAffectedResource(std::string_view cfnType, std::string_view id, FindingRecord &r);
// Lists a resource without an entity type in the finding's attrs ("resources").
void otherResource(FindingRecord &r, std::string_view type, std::string_view id);

bool isInstanceId(std::string_view s);

} // namespace sightline
