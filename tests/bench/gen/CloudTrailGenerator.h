// Deterministic generator of realistic AWS CloudTrail evidence for benchmarks, tests and the
// bundled sample incident. Standard library and zlib only (no Qt).
//
// Output is the S3 delivery layout of a multi-region trail:
//   <out>/AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/
//       <account>_CloudTrail_<region>_YYYYMMDDTHHMMZ_<16 alnum>.json.gz
// each file holding {"Records":[...]} as one line of compact JSON. The same options and seed
// always give byte-identical files, whatever the number of threads.
//
// Ordinary activity: three accounts by default (111122223333 "prod", 444455556666 "staging",
// 777788889999 "shared-services"), a few hundred principals (IAM users with AKIA keys, IAM
// Identity Center sessions, EC2 instance-profile sessions "AROA...:i-0...", Lambda and GitHub
// Actions sessions, service-linked roles, AWS services, rarely root), Zipf-distributed
// activity, office-hours pattern for people, ~3% failed calls.
//
// The planted incident (account 111122223333, on 2026-10-14 when that day is in range, else
// the middle day; times UTC). The identifiers are fixed for every seed:
//
//   00:04:17 ec2.amazonaws.com AssumeRole issues ASIAZ7EXAMPLEINST5VW to instance
//            i-0a1b2c3d4e5f67890 (role web-app-role, AROAZ7EXAMPLEWEBAPP01, private IP
//            10.0.12.34).
//   01:52:10 Instance credential theft: ASIAZ7EXAMPLEINST5VW used from 203.0.113.77
//            (user agent Boto3 ... linux#6.5.0-kali3-amd64 ...): GetCallerIdentity,
//            ListBuckets, failed ListUsers/ListRoles, DescribeInstances, ListObjects and
//            GetObject s3://acme-app-config-prod/ci/jenkins/deploy.env (holds the CI key),
//            GetObject app/production.yaml, GetSecretValue prod/web-app/db-credentials,
//            failed ListSecrets / ListObjects / GetBucketPolicy on acme-customer-data-prod.
//   02:13:07 Leaked key AKIAZ7EXAMPLELEAK4QX of IAM user ci-deploy (normally Terraform from
//            52.4.118.92) used from 203.0.113.77: GetCallerIdentity, ListBuckets, then ~60
//            reconnaissance calls until ~02:18, most failing with AccessDenied /
//            AccessDeniedException / Client.UnauthorizedOperation, DescribeInstances in nine
//            regions (incl. us-east-2, us-west-1, ap-southeast-1, sa-east-1 ...), a denied
//            AssumeRole into prod-admin.
//   02:24:41 CreateUser backup-svc (AIDAZ7EXAMPLEBACKUP01); 02:24:58 AttachUserPolicy
//            AdministratorAccess; 02:25:10 CreateAccessKey -> AKIAZ7EXAMPLEBDOR2MN.
//   02:31:02 backup-svc's key used from 198.51.100.23 (aws-cli/2.13.5 ... kali):
//            GetCallerIdentity; 02:31:15 AssumeRole arn:aws:iam::111122223333:role/prod-admin,
//            session backup-sync -> ASIAZ7EXAMPLEADMN9QK.
//   02:31:40 - 02:52:30 prod-admin/backup-sync from 198.51.100.23: ListBuckets, ListObjects and
//            GetObject of exports/customers/YYYY-MM/customers-part-NNNNN.csv.gz in
//            acme-customer-data-prod (400 objects, 120 in the small/sample mode).
//   02:53:10 DescribeTrails, GetTrailStatus; 02:55:02 StopLogging
//            arn:aws:cloudtrail:us-east-1:111122223333:trail/acme-prod-trail.
//            No events of the account are recorded until StartLogging.
//   09:41:37 Responder maria.garcia (console; her sign-in is not recorded) StartLogging; 09:47:03
//            UpdateAccessKey AKIAZ7EXAMPLELEAK4QX Inactive; 09:48:10 UpdateAccessKey
//            AKIAZ7EXAMPLEBDOR2MN Inactive; 09:49:00 DetachUserPolicy; 09:52:30 CreateAccessKey
//            for ci-deploy -> AKIAZ7EXAMPLEROT8CDE (used by ci-deploy from 10:05:00);
//            09:55:40 / 10:01:15 PutRolePolicy AWSRevokeOlderSessions on web-app-role and
//            prod-admin.
//   11:02:33 / 11:03:10 the attacker retries both disabled keys: InvalidClientTokenId.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sightline::bench {

struct CloudTrailGeneratorOptions
{
    std::string outputDir;
    std::uint64_t totalEvents = 1000000; // including the incident's events
    std::uint64_t seed = 42;
    int accounts = 3;
    int regionsPerAccount = 3;
    int days = 30;
    std::int64_t startEpochSeconds = 1790812800; // 2026-10-01T00:00:00Z
    int minEventsPerFile = 1000;
    int maxEventsPerFile = 2000;
    int fileWindowSeconds = 0; // > 0: a file never spans more than this
    bool incident = true;
    int exfilObjects = 400;
    int compressionLevel = 1;
    int threads = 0; // 0: hardware concurrency
};

struct PlantedIncident
{
    bool planted = false;
    std::string day; // "2026-10-14"
    std::int64_t dayStart = 0;
    std::string accountId, region;
    std::string leakedUser, leakedUserArn, leakedAccessKeyId, rotatedAccessKeyId, ciEgressIp;
    std::string attackerIp1, attackerIp2, attackerUserAgent1, attackerUserAgent2;
    std::string backdoorUser, backdoorUserArn, backdoorAccessKeyId;
    std::string adminRoleArn, adminSessionName, adminSessionArn, adminSessionAccessKeyId;
    std::string sensitiveBucket, configBucket, leakedObjectKey, stolenSecret;
    std::string instanceId, instanceRoleArn, instanceSessionArn, instanceSessionAccessKeyId;
    std::string instancePrivateIp;
    std::string trailArn, responderUser;
    std::vector<std::string> reconRegions;
    // Epoch seconds.
    std::int64_t instanceTheftStart = 0, leakedKeyFirstUse = 0, createUserTime = 0;
    std::int64_t createAccessKeyTime = 0, assumeRoleTime = 0, exfilStart = 0, exfilEnd = 0;
    std::int64_t stopLoggingTime = 0, startLoggingTime = 0;
    std::uint64_t events = 0; // records written by the incident (attacker and responder)
    std::uint64_t attackerEvents = 0;
    std::uint64_t failedCalls = 0; // attacker calls with an errorCode
    std::uint64_t exfilObjects = 0;
    std::uint64_t exfilBytes = 0;
};

struct CloudTrailGenerationResult
{
    bool ok = false;
    std::string error;
    std::uint64_t files = 0;
    std::uint64_t events = 0;
    std::uint64_t rawBytes = 0; // uncompressed JSON bytes of all files
    std::uint64_t gzBytes = 0;
    double seconds = 0;
    PlantedIncident incident;
};

CloudTrailGenerationResult generateCloudTrail(const CloudTrailGeneratorOptions &options);

// The benchmarks' evidence set: `events` events with the default options in
// <work>/evidence-<events>, generated and marked complete (a file ".complete" holding the
// number of events) unless an earlier run left it there. Returns the folder; on failure an
// empty string, with the reason in error.
std::string ensureEvidence(const std::string &work, std::uint64_t events, std::string &error);

// Human-readable summary of the incident identifiers (multi-line).
std::string describeIncident(const PlantedIncident &incident);

} // namespace sightline::bench
