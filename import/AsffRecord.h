#pragma once
// Reads one AWS Security Finding Format (ASFF) finding object into a FindingRecord.
//   Resources[]: AwsEc2Instance -> Ec2Instance (+ Details IpV4/IpV6Addresses as IpAddress),
//     AwsS3Bucket / AwsS3Object -> S3Bucket, AwsIamAccessKey -> AccessKey + its principal,
//     AwsIamUser -> AwsUser, AwsIamRole -> AwsRole (an IAM ARN's own kind wins over a
//     mislabelled Type), AwsEksCluster / AwsEcsCluster -> ContainerCluster, Container /
//     AwsEcrContainerImage -> ContainerImage, AwsAccount -> AwsAccount; every resource is
//     also listed in the Finding entity's attrs ("resources").
//   Network, Action (GuardDuty's shape), ThreatIntelIndicators and ProductFields (the
//     "aws/guardduty/service/..." fields of GuardDuty findings) -> IpAddress, Domain,
//     UserAgent, API, ports.
// A GuardDuty finding that arrives through Security Hub gets the Finding key, type and
// severity GuardDuty gives it (its ARN is the ASFF Id; the type is decoded from Types; the
// label follows from Severity.Product, GuardDuty's number), so both paths are one finding.
// Other products keep Id, Types[0] and Severity.Label.
#include "FindingJson.h"
#include "FindingRecord.h"

namespace sightline {

// Reads the finding object v (already positioned). Returns false when v is not an object.
bool extractAsff(fjson::Walk &w, fjson::value &v, FindingRecord &out);

} // namespace sightline
