#include "Apis.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace sightline::bench {

namespace {

constexpr EventType Call = EventType::ApiCall;

// clang-format off
const ApiInfo kApis[] = {
    // api                                 svc          eventName                    action                        cli                                  ro     global data   type
    {Api::DescribeInstances,              Svc::Ec2,    "DescribeInstances",         nullptr,                      "ec2.describe-instances",            true,  false, false, Call},
    {Api::DescribeSecurityGroups,         Svc::Ec2,    "DescribeSecurityGroups",    nullptr,                      "ec2.describe-security-groups",      true,  false, false, Call},
    {Api::DescribeVpcs,                   Svc::Ec2,    "DescribeVpcs",              nullptr,                      "ec2.describe-vpcs",                 true,  false, false, Call},
    {Api::DescribeSubnets,                Svc::Ec2,    "DescribeSubnets",           nullptr,                      "ec2.describe-subnets",              true,  false, false, Call},
    {Api::DescribeVolumes,                Svc::Ec2,    "DescribeVolumes",           nullptr,                      "ec2.describe-volumes",              true,  false, false, Call},
    {Api::DescribeTags,                   Svc::Ec2,    "DescribeTags",              nullptr,                      "ec2.describe-tags",                 true,  false, false, Call},
    {Api::DescribeInstanceStatus,         Svc::Ec2,    "DescribeInstanceStatus",    nullptr,                      "ec2.describe-instance-status",      true,  false, false, Call},
    {Api::DescribeImages,                 Svc::Ec2,    "DescribeImages",            nullptr,                      "ec2.describe-images",               true,  false, false, Call},
    {Api::DescribeRegions,                Svc::Ec2,    "DescribeRegions",           nullptr,                      "ec2.describe-regions",              true,  false, false, Call},
    {Api::DescribeSnapshots,              Svc::Ec2,    "DescribeSnapshots",         nullptr,                      "ec2.describe-snapshots",            true,  false, false, Call},
    {Api::RunInstances,                   Svc::Ec2,    "RunInstances",              nullptr,                      "ec2.run-instances",                 false, false, false, Call},
    {Api::TerminateInstances,             Svc::Ec2,    "TerminateInstances",        nullptr,                      "ec2.terminate-instances",           false, false, false, Call},
    {Api::StartInstances,                 Svc::Ec2,    "StartInstances",            nullptr,                      "ec2.start-instances",               false, false, false, Call},
    {Api::StopInstances,                  Svc::Ec2,    "StopInstances",             nullptr,                      "ec2.stop-instances",                false, false, false, Call},
    {Api::CreateTags,                     Svc::Ec2,    "CreateTags",                nullptr,                      "ec2.create-tags",                   false, false, false, Call},
    {Api::ListBuckets,                    Svc::S3,     "ListBuckets",               "ListAllMyBuckets",           "s3.ls",                             true,  false, false, Call},
    {Api::GetBucketAcl,                   Svc::S3,     "GetBucketAcl",              nullptr,                      "s3api.get-bucket-acl",              true,  false, false, Call},
    {Api::GetBucketPolicy,                Svc::S3,     "GetBucketPolicy",           nullptr,                      "s3api.get-bucket-policy",           true,  false, false, Call},
    {Api::GetBucketLocation,              Svc::S3,     "GetBucketLocation",         nullptr,                      "s3api.get-bucket-location",         true,  false, false, Call},
    {Api::GetObject,                      Svc::S3,     "GetObject",                 nullptr,                      "s3.cp",                             true,  false, true,  Call},
    {Api::HeadObject,                     Svc::S3,     "HeadObject",                "GetObject",                  "s3api.head-object",                 true,  false, true,  Call},
    {Api::PutObject,                      Svc::S3,     "PutObject",                 nullptr,                      "s3.cp",                             false, false, true,  Call},
    {Api::ListObjects,                    Svc::S3,     "ListObjects",               "ListBucket",                 "s3.ls",                             true,  false, true,  Call},
    {Api::DeleteObject,                   Svc::S3,     "DeleteObject",              nullptr,                      "s3.rm",                             false, false, true,  Call},
    {Api::GetUser,                        Svc::Iam,    "GetUser",                   nullptr,                      "iam.get-user",                      true,  true,  false, Call},
    {Api::ListUsers,                      Svc::Iam,    "ListUsers",                 nullptr,                      "iam.list-users",                    true,  true,  false, Call},
    {Api::ListRoles,                      Svc::Iam,    "ListRoles",                 nullptr,                      "iam.list-roles",                    true,  true,  false, Call},
    {Api::ListPolicies,                   Svc::Iam,    "ListPolicies",              nullptr,                      "iam.list-policies",                 true,  true,  false, Call},
    {Api::GetRole,                        Svc::Iam,    "GetRole",                   nullptr,                      "iam.get-role",                      true,  true,  false, Call},
    {Api::ListAttachedUserPolicies,       Svc::Iam,    "ListAttachedUserPolicies",  nullptr,                      "iam.list-attached-user-policies",   true,  true,  false, Call},
    {Api::ListAccessKeys,                 Svc::Iam,    "ListAccessKeys",            nullptr,                      "iam.list-access-keys",              true,  true,  false, Call},
    {Api::GetAccountAuthorizationDetails, Svc::Iam,    "GetAccountAuthorizationDetails", nullptr,                 "iam.get-account-authorization-details", true, true, false, Call},
    {Api::GetAccountSummary,              Svc::Iam,    "GetAccountSummary",         nullptr,                      "iam.get-account-summary",           true,  true,  false, Call},
    {Api::ListMFADevices,                 Svc::Iam,    "ListMFADevices",            nullptr,                      "iam.list-mfa-devices",              true,  true,  false, Call},
    {Api::CreateUser,                     Svc::Iam,    "CreateUser",                nullptr,                      "iam.create-user",                   false, true,  false, Call},
    {Api::CreateAccessKey,                Svc::Iam,    "CreateAccessKey",           nullptr,                      "iam.create-access-key",             false, true,  false, Call},
    {Api::AttachUserPolicy,               Svc::Iam,    "AttachUserPolicy",          nullptr,                      "iam.attach-user-policy",            false, true,  false, Call},
    {Api::DetachUserPolicy,               Svc::Iam,    "DetachUserPolicy",          nullptr,                      "iam.detach-user-policy",            false, true,  false, Call},
    {Api::UpdateAccessKey,                Svc::Iam,    "UpdateAccessKey",           nullptr,                      "iam.update-access-key",             false, true,  false, Call},
    {Api::PutRolePolicy,                  Svc::Iam,    "PutRolePolicy",             nullptr,                      "iam.put-role-policy",               false, true,  false, Call},
    {Api::GetCallerIdentity,              Svc::Sts,    "GetCallerIdentity",         nullptr,                      "sts.get-caller-identity",           true,  false, false, Call},
    {Api::AssumeRole,                     Svc::Sts,    "AssumeRole",                nullptr,                      "sts.assume-role",                   false, false, false, Call},
    {Api::AssumeRoleWithWebIdentity,      Svc::Sts,    "AssumeRoleWithWebIdentity", nullptr,                      "sts.assume-role-with-web-identity", false, false, false, Call},
    {Api::ConsoleLogin,                   Svc::Signin, "ConsoleLogin",              nullptr,                      "",                                  false, true,  false, EventType::ConsoleSignIn},
    {Api::Decrypt,                        Svc::Kms,    "Decrypt",                   nullptr,                      "kms.decrypt",                       true,  false, false, Call},
    {Api::GenerateDataKey,                Svc::Kms,    "GenerateDataKey",           nullptr,                      "kms.generate-data-key",             true,  false, false, Call},
    {Api::DescribeKey,                    Svc::Kms,    "DescribeKey",               nullptr,                      "kms.describe-key",                  true,  false, false, Call},
    {Api::ListKeys,                       Svc::Kms,    "ListKeys",                  nullptr,                      "kms.list-keys",                     true,  false, false, Call},
    {Api::RotateKey,                      Svc::Kms,    "RotateKey",                 nullptr,                      "",                                  false, false, false, EventType::ServiceEvent},
    {Api::GetParameter,                   Svc::Ssm,    "GetParameter",              nullptr,                      "ssm.get-parameter",                 true,  false, false, Call},
    {Api::GetParameters,                  Svc::Ssm,    "GetParameters",             nullptr,                      "ssm.get-parameters",                true,  false, false, Call},
    {Api::UpdateInstanceInformation,      Svc::Ssm,    "UpdateInstanceInformation", nullptr,                      "ssm.update-instance-information",   false, false, false, Call},
    {Api::DescribeParameters,             Svc::Ssm,    "DescribeParameters",        nullptr,                      "ssm.describe-parameters",           true,  false, false, Call},
    {Api::DescribeInstanceInformation,    Svc::Ssm,    "DescribeInstanceInformation", nullptr,                    "ssm.describe-instance-information", true,  false, false, Call},
    {Api::GetSecretValue,                 Svc::Secrets, "GetSecretValue",           nullptr,                      "secretsmanager.get-secret-value",   true,  false, false, Call},
    {Api::ListSecrets,                    Svc::Secrets, "ListSecrets",              nullptr,                      "secretsmanager.list-secrets",       true,  false, false, Call},
    {Api::DescribeTrails,                 Svc::CloudTrail, "DescribeTrails",        nullptr,                      "cloudtrail.describe-trails",        true,  false, false, Call},
    {Api::GetTrailStatus,                 Svc::CloudTrail, "GetTrailStatus",        nullptr,                      "cloudtrail.get-trail-status",       true,  false, false, Call},
    {Api::LookupEvents,                   Svc::CloudTrail, "LookupEvents",          nullptr,                      "cloudtrail.lookup-events",          true,  false, false, Call},
    {Api::StopLogging,                    Svc::CloudTrail, "StopLogging",           nullptr,                      "cloudtrail.stop-logging",           false, false, false, Call},
    {Api::StartLogging,                   Svc::CloudTrail, "StartLogging",          nullptr,                      "cloudtrail.start-logging",          false, false, false, Call},
    {Api::CreateLogStream,                Svc::Logs,   "CreateLogStream",           nullptr,                      "logs.create-log-stream",            false, false, false, Call},
    {Api::DescribeLogGroups,              Svc::Logs,   "DescribeLogGroups",         nullptr,                      "logs.describe-log-groups",          true,  false, false, Call},
    {Api::ListFunctions,                  Svc::Lambda, "ListFunctions20150331",     "ListFunctions",              "lambda.list-functions",             true,  false, false, Call},
    {Api::GetFunction,                    Svc::Lambda, "GetFunction20150331v2",     "GetFunction",                "lambda.get-function",               true,  false, false, Call},
    {Api::DescribeDBInstances,            Svc::Rds,    "DescribeDBInstances",       nullptr,                      "rds.describe-db-instances",         true,  false, false, Call},
    {Api::ListTables,                     Svc::Dynamo, "ListTables",                nullptr,                      "dynamodb.list-tables",              true,  false, false, Call},
    {Api::DescribeTable,                  Svc::Dynamo, "DescribeTable",             nullptr,                      "dynamodb.describe-table",           true,  false, false, Call},
    {Api::GetAuthorizationToken,          Svc::Ecr,    "GetAuthorizationToken",     nullptr,                      "ecr.get-login-password",            true,  false, false, Call},
    {Api::DescribeAlarms,                 Svc::CloudWatch, "DescribeAlarms",        nullptr,                      "cloudwatch.describe-alarms",        true,  false, false, Call},
    {Api::GetMetricData,                  Svc::CloudWatch, "GetMetricData",         nullptr,                      "cloudwatch.get-metric-data",        true,  false, false, Call},
    {Api::DescribeLoadBalancers,          Svc::Elb,    "DescribeLoadBalancers",     nullptr,                      "elbv2.describe-load-balancers",     true,  false, false, Call},
    {Api::DescribeOrganization,           Svc::Orgs,   "DescribeOrganization",      nullptr,                      "organizations.describe-organization", true, true, false, Call},
};
// clang-format on

static_assert(sizeof(kApis) / sizeof(kApis[0]) == static_cast<std::size_t>(Api::Count),
              "kApis must list every Api");

struct SvcInfo
{
    const char *source;
    const char *prefix;
    const char *hostPrefix; // regional: "<hostPrefix>.<region>.amazonaws.com"
    const char *globalHost; // non-null: the fixed host
};

const SvcInfo kSvcs[] = {
    {"ec2.amazonaws.com", "ec2", "ec2", nullptr},
    {"s3.amazonaws.com", "s3", "s3", nullptr},
    {"iam.amazonaws.com", "iam", "iam", "iam.amazonaws.com"},
    {"sts.amazonaws.com", "sts", "sts", nullptr},
    {"signin.amazonaws.com", "signin", "signin", "signin.aws.amazon.com"},
    {"kms.amazonaws.com", "kms", "kms", nullptr},
    {"ssm.amazonaws.com", "ssm", "ssm", nullptr},
    {"secretsmanager.amazonaws.com", "secretsmanager", "secretsmanager", nullptr},
    {"cloudtrail.amazonaws.com", "cloudtrail", "cloudtrail", nullptr},
    {"logs.amazonaws.com", "logs", "logs", nullptr},
    {"lambda.amazonaws.com", "lambda", "lambda", nullptr},
    {"rds.amazonaws.com", "rds", "rds", nullptr},
    {"dynamodb.amazonaws.com", "dynamodb", "dynamodb", nullptr},
    {"ecr.amazonaws.com", "ecr", "api.ecr", nullptr},
    {"monitoring.amazonaws.com", "cloudwatch", "monitoring", nullptr},
    {"elasticloadbalancing.amazonaws.com", "elasticloadbalancing", "elasticloadbalancing", nullptr},
    {"organizations.amazonaws.com", "organizations", "organizations",
     "organizations.us-east-1.amazonaws.com"},
};

static_assert(sizeof(kSvcs) / sizeof(kSvcs[0]) == static_cast<std::size_t>(Svc::Count),
              "kSvcs must list every Svc");

struct Weighted
{
    Api api;
    std::uint32_t weight;
};

using A = Api;

// Call mixes per profile. Weights are relative.
std::vector<Weighted> profileMix(Profile p)
{
    switch (p) {
    case Profile::HumanCli:
        return {{A::DescribeInstances, 28},
                {A::DescribeSecurityGroups, 10},
                {A::DescribeVpcs, 4},
                {A::DescribeSubnets, 6},
                {A::DescribeVolumes, 4},
                {A::DescribeInstanceStatus, 4},
                {A::DescribeImages, 2},
                {A::DescribeRegions, 2},
                {A::StartInstances, 2},
                {A::StopInstances, 2},
                {A::CreateTags, 2},
                {A::RunInstances, 1},
                {A::TerminateInstances, 1},
                {A::ListBuckets, 12},
                {A::GetObject, 12},
                {A::PutObject, 4},
                {A::ListObjects, 12},
                {A::HeadObject, 2},
                {A::GetBucketLocation, 2},
                {A::GetCallerIdentity, 12},
                {A::AssumeRole, 6},
                {A::GetUser, 2},
                {A::ListUsers, 2},
                {A::ListRoles, 2},
                {A::ListAccessKeys, 1},
                {A::GetParameter, 4},
                {A::DescribeParameters, 2},
                {A::GetSecretValue, 4},
                {A::ListSecrets, 2},
                {A::LookupEvents, 4},
                {A::DescribeTrails, 2},
                {A::DescribeLogGroups, 6},
                {A::ListFunctions, 6},
                {A::GetFunction, 2},
                {A::DescribeDBInstances, 4},
                {A::ListTables, 2},
                {A::DescribeTable, 2},
                {A::DescribeAlarms, 4},
                {A::GetMetricData, 2},
                {A::DescribeLoadBalancers, 4},
                {A::DescribeKey, 2},
                {A::ListKeys, 2},
                {A::GetAuthorizationToken, 2}};
    case Profile::HumanConsole:
        return {{A::ConsoleLogin, 3},
                {A::DescribeInstances, 10},
                {A::DescribeInstanceStatus, 6},
                {A::DescribeSecurityGroups, 4},
                {A::DescribeVpcs, 3},
                {A::DescribeSubnets, 2},
                {A::DescribeVolumes, 2},
                {A::DescribeTags, 2},
                {A::ListBuckets, 6},
                {A::GetBucketAcl, 3},
                {A::GetBucketPolicy, 3},
                {A::GetBucketLocation, 3},
                {A::ListObjects, 3},
                {A::GetObject, 1},
                {A::DescribeAlarms, 4},
                {A::GetMetricData, 5},
                {A::DescribeLogGroups, 3},
                {A::ListFunctions, 3},
                {A::GetFunction, 2},
                {A::DescribeDBInstances, 3},
                {A::ListUsers, 2},
                {A::ListRoles, 2},
                {A::GetRole, 2},
                {A::GetAccountSummary, 2},
                {A::ListPolicies, 1},
                {A::ListMFADevices, 1},
                {A::DescribeTrails, 1},
                {A::LookupEvents, 3},
                {A::DescribeLoadBalancers, 2},
                {A::ListSecrets, 1},
                {A::DescribeTable, 1},
                {A::ListTables, 1},
                {A::DescribeKey, 1},
                {A::ListKeys, 1},
                {A::DescribeInstanceInformation, 1}};
    case Profile::Terraform:
        return {{A::GetCallerIdentity, 6},
                {A::DescribeInstances, 8},
                {A::DescribeSecurityGroups, 8},
                {A::DescribeVpcs, 6},
                {A::DescribeSubnets, 6},
                {A::DescribeImages, 4},
                {A::DescribeTags, 3},
                {A::DescribeVolumes, 3},
                {A::CreateTags, 2},
                {A::RunInstances, 1},
                {A::TerminateInstances, 1},
                {A::GetObject, 5},
                {A::PutObject, 2},
                {A::ListObjects, 1},
                {A::GetBucketAcl, 2},
                {A::GetBucketPolicy, 3},
                {A::GetBucketLocation, 2},
                {A::GetRole, 5},
                {A::GetUser, 2},
                {A::ListAttachedUserPolicies, 1},
                {A::PutRolePolicy, 1},
                {A::DescribeKey, 2},
                {A::GetParameter, 2},
                {A::DescribeLoadBalancers, 3},
                {A::DescribeDBInstances, 2},
                {A::DescribeTable, 2},
                {A::DescribeLogGroups, 2},
                {A::GetFunction, 2},
                {A::DescribeAlarms, 1},
                {A::AssumeRoleWithWebIdentity, 2}};
    case Profile::Reporting:
        return {{A::GetObject, 20}, {A::ListObjects, 10},     {A::PutObject, 6},
                {A::HeadObject, 4}, {A::GetMetricData, 4},    {A::DescribeTable, 2},
                {A::Decrypt, 4},    {A::GetCallerIdentity, 1}};
    case Profile::Monitoring:
        return {{A::DescribeInstances, 10},  {A::DescribeInstanceStatus, 6},
                {A::GetMetricData, 14},      {A::DescribeAlarms, 6},
                {A::DescribeVolumes, 4},     {A::DescribeTags, 4},
                {A::ListBuckets, 3},         {A::GetBucketLocation, 2},
                {A::DescribeDBInstances, 4}, {A::DescribeLoadBalancers, 4},
                {A::ListFunctions, 4},       {A::ListTables, 2},
                {A::DescribeTable, 2},       {A::DescribeLogGroups, 2},
                {A::GetAccountSummary, 1}};
    case Profile::LogShipper:
        return {{A::ListObjects, 10},
                {A::GetObject, 30},
                {A::DeleteObject, 3},
                {A::HeadObject, 3},
                {A::Decrypt, 3}};
    case Profile::Backup:
        return {{A::DescribeVolumes, 6},     {A::DescribeSnapshots, 6}, {A::DescribeInstances, 3},
                {A::GetObject, 4},           {A::PutObject, 10},        {A::ListObjects, 4},
                {A::DescribeDBInstances, 3}, {A::GenerateDataKey, 3}};
    case Profile::InstanceWeb:
        return {{A::GetObject, 17},        {A::PutObject, 5},
                {A::HeadObject, 4},        {A::ListObjects, 3},
                {A::Decrypt, 12},          {A::GenerateDataKey, 5},
                {A::GetParameter, 8},      {A::GetParameters, 3},
                {A::GetSecretValue, 6},    {A::UpdateInstanceInformation, 8},
                {A::CreateLogStream, 3},   {A::DescribeTags, 3},
                {A::GetCallerIdentity, 1}, {A::DescribeTable, 1}};
    case Profile::InstanceBatch:
        return {{A::GetObject, 15},      {A::PutObject, 11},
                {A::ListObjects, 6},     {A::DeleteObject, 2},
                {A::HeadObject, 3},      {A::Decrypt, 8},
                {A::GenerateDataKey, 6}, {A::UpdateInstanceInformation, 6},
                {A::GetParameters, 4},   {A::DescribeTable, 2},
                {A::ListTables, 1},      {A::CreateLogStream, 2}};
    case Profile::InstanceEks:
        return {{A::DescribeInstances, 10},
                {A::DescribeTags, 6},
                {A::GetAuthorizationToken, 15},
                {A::DescribeSecurityGroups, 3},
                {A::DescribeVolumes, 4},
                {A::DescribeSubnets, 2},
                {A::UpdateInstanceInformation, 5},
                {A::CreateLogStream, 4},
                {A::GetObject, 3},
                {A::Decrypt, 2},
                {A::DescribeLoadBalancers, 2}};
    case Profile::InstanceBastion:
        return {{A::UpdateInstanceInformation, 20},
                {A::GetCallerIdentity, 2},
                {A::DescribeInstances, 4},
                {A::GetParameter, 2},
                {A::CreateLogStream, 2}};
    case Profile::Lambda:
        return {{A::GetObject, 12},     {A::PutObject, 8},      {A::Decrypt, 8},
                {A::GetSecretValue, 6}, {A::GetParameter, 8},   {A::GenerateDataKey, 4},
                {A::DescribeTable, 2},  {A::CreateLogStream, 4}};
    case Profile::ConfigRecorder:
        return {{A::DescribeInstances, 6},   {A::DescribeSecurityGroups, 6}, {A::DescribeVpcs, 4},
                {A::DescribeSubnets, 4},     {A::DescribeVolumes, 4},        {A::GetBucketAcl, 4},
                {A::GetBucketPolicy, 4},     {A::GetBucketLocation, 2},      {A::ListUsers, 2},
                {A::ListRoles, 2},           {A::ListPolicies, 2},           {A::GetRole, 2},
                {A::DescribeTrails, 2},      {A::GetTrailStatus, 2},         {A::DescribeKey, 2},
                {A::DescribeDBInstances, 2}, {A::DescribeLoadBalancers, 2},  {A::ListFunctions, 2}};
    case Profile::AutoScaling:
        return {{A::RunInstances, 4},
                {A::TerminateInstances, 3},
                {A::DescribeInstanceStatus, 5},
                {A::CreateTags, 3}};
    case Profile::Ec2Service:
    case Profile::LambdaService:
        return {{A::AssumeRole, 1}};
    case Profile::KmsService:
        return {{A::RotateKey, 1}};
    case Profile::Root:
        return {{A::ConsoleLogin, 4}, {A::GetAccountSummary, 3},
                {A::ListUsers, 2},    {A::DescribeInstances, 2},
                {A::ListBuckets, 2},  {A::ListMFADevices, 2},
                {A::GetUser, 1}};
    case Profile::Count:
        break;
    }
    return {};
}

struct Tables
{
    std::array<ApiTable, static_cast<std::size_t>(Profile::Count) * 2> t;
    Tables()
    {
        for (std::size_t i = 0; i < static_cast<std::size_t>(Api::Count); ++i)
            if (kApis[i].api != static_cast<Api>(i))
                throw std::logic_error("kApis is out of order");
        for (std::size_t p = 0; p < static_cast<std::size_t>(Profile::Count); ++p) {
            for (const Weighted &w : profileMix(static_cast<Profile>(p))) {
                t[p * 2 + 1].add(w.api, w.weight);
                if (!apiInfo(w.api).global)
                    t[p * 2].add(w.api, w.weight);
            }
        }
    }
};

} // namespace

const ApiInfo &apiInfo(Api api)
{
    return kApis[static_cast<std::size_t>(api)];
}

const char *svcEventSource(Svc svc)
{
    return kSvcs[static_cast<std::size_t>(svc)].source;
}

const char *svcActionPrefix(Svc svc)
{
    return kSvcs[static_cast<std::size_t>(svc)].prefix;
}

std::string apiHost(Api api, const std::string &region)
{
    const SvcInfo &s = kSvcs[static_cast<std::size_t>(apiInfo(api).svc)];
    if (s.globalHost != nullptr)
        return s.globalHost;
    std::string h = s.hostPrefix;
    h += '.';
    h += region;
    h += ".amazonaws.com";
    return h;
}

void ApiTable::add(Api api, std::uint32_t weight)
{
    if (weight == 0)
        return;
    apis_.push_back(api);
    total_ += weight;
    cumulative_.push_back(total_);
}

Api ApiTable::pick(Rng &rng) const
{
    const std::uint32_t r = rng.below(total_);
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), r);
    return apis_[static_cast<std::size_t>(it - cumulative_.begin())];
}

const ApiTable &profileTable(Profile profile, bool globalAllowed)
{
    static const Tables tables;
    return tables.t[static_cast<std::size_t>(profile) * 2 + (globalAllowed ? 1 : 0)];
}

} // namespace sightline::bench
