// The CloudTrail API calls the generator knows, and the call mixes ("profiles") of the
// kinds of principal that make them.
#pragma once

#include "Rng.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sightline::bench {

enum class Svc : std::uint8_t
{
    Ec2,
    S3,
    Iam,
    Sts,
    Signin,
    Kms,
    Ssm,
    Secrets,
    CloudTrail,
    Logs,
    Lambda,
    Rds,
    Dynamo,
    Ecr,
    CloudWatch,
    Elb,
    Orgs,
    Count
};

enum class Api : std::uint8_t
{
    // ec2
    DescribeInstances,
    DescribeSecurityGroups,
    DescribeVpcs,
    DescribeSubnets,
    DescribeVolumes,
    DescribeTags,
    DescribeInstanceStatus,
    DescribeImages,
    DescribeRegions,
    DescribeSnapshots,
    RunInstances,
    TerminateInstances,
    StartInstances,
    StopInstances,
    CreateTags,
    // s3
    ListBuckets,
    GetBucketAcl,
    GetBucketPolicy,
    GetBucketLocation,
    GetObject,
    HeadObject,
    PutObject,
    ListObjects,
    DeleteObject,
    // iam
    GetUser,
    ListUsers,
    ListRoles,
    ListPolicies,
    GetRole,
    ListAttachedUserPolicies,
    ListAccessKeys,
    GetAccountAuthorizationDetails,
    GetAccountSummary,
    ListMFADevices,
    CreateUser,
    CreateAccessKey,
    AttachUserPolicy,
    DetachUserPolicy,
    UpdateAccessKey,
    PutRolePolicy,
    // sts
    GetCallerIdentity,
    AssumeRole,
    AssumeRoleWithWebIdentity,
    // signin
    ConsoleLogin,
    // kms
    Decrypt,
    GenerateDataKey,
    DescribeKey,
    ListKeys,
    RotateKey,
    // ssm
    GetParameter,
    GetParameters,
    UpdateInstanceInformation,
    DescribeParameters,
    DescribeInstanceInformation,
    // secretsmanager
    GetSecretValue,
    ListSecrets,
    // cloudtrail
    DescribeTrails,
    GetTrailStatus,
    LookupEvents,
    StopLogging,
    StartLogging,
    // logs
    CreateLogStream,
    DescribeLogGroups,
    // lambda
    ListFunctions,
    GetFunction,
    // rds
    DescribeDBInstances,
    // dynamodb
    ListTables,
    DescribeTable,
    // ecr
    GetAuthorizationToken,
    // cloudwatch
    DescribeAlarms,
    GetMetricData,
    // elasticloadbalancing
    DescribeLoadBalancers,
    // organizations
    DescribeOrganization,
    Count
};

enum class EventType : std::uint8_t
{
    ApiCall,
    ServiceEvent,
    ConsoleSignIn
};

struct ApiInfo
{
    Api api;
    Svc svc;
    const char *name;   // eventName
    const char *action; // IAM action name without service prefix
    const char *cli;    // aws-cli v2 "command/..." suffix
    bool readOnly;
    bool global; // recorded in us-east-1 only (IAM, sign-in, Organizations)
    bool data;   // data event (S3 object level)
    EventType type;
};

const ApiInfo &apiInfo(Api api);
const char *svcEventSource(Svc svc);
const char *svcActionPrefix(Svc svc);
// Host header a client uses for this API in this region (S3 object calls are special-cased
// by the record writer).
std::string apiHost(Api api, const std::string &region);

enum class Profile : std::uint8_t
{
    HumanCli,
    HumanConsole,
    Terraform,
    Reporting,
    Monitoring,
    LogShipper,
    Backup,
    InstanceWeb,
    InstanceBatch,
    InstanceEks,
    InstanceBastion,
    Lambda,
    ConfigRecorder,
    AutoScaling,
    Ec2Service,
    LambdaService,
    KmsService,
    Root,
    Count
};

// Weighted choice of an API; one table with global APIs allowed (us-east-1), one without.
class ApiTable
{
public:
    void add(Api api, std::uint32_t weight);
    bool empty() const { return total_ == 0; }
    Api pick(Rng &rng) const;

private:
    std::vector<Api> apis_;
    std::vector<std::uint32_t> cumulative_;
    std::uint32_t total_ = 0;
};

const ApiTable &profileTable(Profile profile, bool globalAllowed);

} // namespace sightline::bench
