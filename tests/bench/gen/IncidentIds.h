// Fixed identifiers of the planted incident. They are the same for every seed so tests and
// benchmarks can assert on them; see CloudTrailGenerator.h for the story.
#pragma once

#include <cstdint>

namespace sightline::bench::incident {

inline constexpr const char *kAccountId = "111122223333";
inline constexpr const char *kHomeRegion = "us-east-1";

// The leaked long-term key: IAM user ci-deploy (Terraform/Jenkins deploy user).
inline constexpr const char *kLeakedUser = "ci-deploy";
inline constexpr const char *kLeakedUserId = "AIDAZ7EXAMPLECIDEPLOY";
inline constexpr const char *kLeakedKey = "AKIAZ7EXAMPLELEAK4QX";
inline constexpr const char *kRotatedKey = "AKIAZ7EXAMPLEROT8CDE";
inline constexpr const char *kCiEgressIp = "52.4.118.92";

// Attacker infrastructure (documentation ranges).
inline constexpr const char *kAttackerIp1 = "203.0.113.77";
inline constexpr const char *kAttackerIp2 = "198.51.100.23";
inline constexpr const char *kAttackerUa1 =
    "Boto3/1.28.57 md/Botocore#1.31.57 ua/2.0 os/linux#6.5.0-kali3-amd64 md/arch#x86_64 "
    "lang/python#3.11.5 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.31.57";
inline constexpr const char *kAttackerUa2 =
    "aws-cli/2.13.5 Python/3.11.4 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2023 prompt/off";

// Persistence.
inline constexpr const char *kBackdoorUser = "backup-svc";
inline constexpr const char *kBackdoorUserId = "AIDAZ7EXAMPLEBACKUP01";
inline constexpr const char *kBackdoorKey = "AKIAZ7EXAMPLEBDOR2MN";
inline constexpr const char *kAdminPolicyArn = "arn:aws:iam::aws:policy/AdministratorAccess";

// Role assumption.
inline constexpr const char *kAdminRole = "prod-admin";
inline constexpr const char *kAdminRoleArn = "arn:aws:iam::111122223333:role/prod-admin";
inline constexpr const char *kAdminRoleId = "AROAZ7EXAMPLEPRODADMN";
inline constexpr const char *kAdminSessionName = "backup-sync";
inline constexpr const char *kAdminSessionArn =
    "arn:aws:sts::111122223333:assumed-role/prod-admin/backup-sync";
inline constexpr const char *kAdminSessionKey = "ASIAZ7EXAMPLEADMN9QK";

// Data.
inline constexpr const char *kSensitiveBucket = "acme-customer-data-prod";
inline constexpr const char *kConfigBucket = "acme-app-config-prod";
inline constexpr const char *kLeakedObjectKey = "ci/jenkins/deploy.env";
inline constexpr const char *kStolenSecret = "prod/web-app/db-credentials";

// Instance credential theft.
inline constexpr const char *kInstanceId = "i-0a1b2c3d4e5f67890";
inline constexpr const char *kInstanceRole = "web-app-role";
inline constexpr const char *kInstanceRoleArn = "arn:aws:iam::111122223333:role/web-app-role";
inline constexpr const char *kInstanceRoleId = "AROAZ7EXAMPLEWEBAPP01";
inline constexpr const char *kInstanceSessionArn =
    "arn:aws:sts::111122223333:assumed-role/web-app-role/i-0a1b2c3d4e5f67890";
inline constexpr const char *kInstanceSessionKey = "ASIAZ7EXAMPLEINST5VW";
inline constexpr const char *kInstancePrivateIp = "10.0.12.34";
inline constexpr std::int64_t kInstanceCredentialOffset = 4 * 60 + 17; // 00:04:17 UTC

// Defence evasion.
inline constexpr const char *kTrailArn =
    "arn:aws:cloudtrail:us-east-1:111122223333:trail/acme-prod-trail";

// Responder.
inline constexpr const char *kResponderUser = "maria.garcia";

// Seconds after midnight UTC of the incident day.
inline constexpr std::int64_t kInstanceTheftStart = 1 * 3600 + 52 * 60 + 10;  // 01:52:10
inline constexpr std::int64_t kLeakedKeyFirstUse = 2 * 3600 + 13 * 60 + 7;    // 02:13:07
inline constexpr std::int64_t kCreateUserTime = 2 * 3600 + 24 * 60 + 41;      // 02:24:41
inline constexpr std::int64_t kCreateAccessKeyTime = 2 * 3600 + 25 * 60 + 10; // 02:25:10
inline constexpr std::int64_t kAssumeRoleTime = 2 * 3600 + 31 * 60 + 15;      // 02:31:15
inline constexpr std::int64_t kExfilStart = 2 * 3600 + 33 * 60;               // 02:33:00
inline constexpr std::int64_t kExfilEnd = 2 * 3600 + 52 * 60 + 30;            // 02:52:30
inline constexpr std::int64_t kStopLoggingTime = 2 * 3600 + 55 * 60 + 2;      // 02:55:02
inline constexpr std::int64_t kStartLoggingTime = 9 * 3600 + 41 * 60 + 37;    // 09:41:37
inline constexpr std::int64_t kLeakedKeyDisabled = 9 * 3600 + 47 * 60 + 3;    // 09:47:03
inline constexpr std::int64_t kKeyRotatedUseFrom = 10 * 3600 + 5 * 60;        // 10:05:00

} // namespace sightline::bench::incident
