// IAM, sign-in, KMS, SSM, Secrets Manager, CloudTrail, Logs and other services.
#include "RecordWriter.h"

#include "Format.h"
#include "RecordHelpers.h"

namespace sightline::bench {

using namespace detail;

void RecordWriter::iamBody(std::string &o, Rng &rng, const EventSpec &e)
{
    const bool ok = e.error == ErrorKind::None;
    std::string_view user = e.args.userName;
    if (user.empty())
        user = pickStr(rng, a_.userNames);
    auto userParam = [&]() {
        rp(o);
        o += R"({"userName":")";
        o += user;
        o += R"("})";
        re(o);
        o += "null";
    };
    auto roleName = [&]() -> std::string_view {
        if (!e.args.roleName.empty())
            return e.args.roleName;
        return a_.roles[rng.below(static_cast<std::uint32_t>(a_.roles.size()))].name;
    };
    switch (e.api) {
    case Api::GetUser:
        if (e.args.userName.empty() && rng.chance(0.5)) {
            nullBoth(o);
            return;
        }
        userParam();
        return;
    case Api::ListAttachedUserPolicies:
    case Api::ListAccessKeys:
    case Api::ListMFADevices:
        userParam();
        return;
    case Api::ListPolicies:
        rp(o);
        o += R"({"scope":"Local","onlyAttached":false,"policyUsageFilter":"PermissionsPolicy"})";
        re(o);
        o += "null";
        return;
    case Api::GetRole:
        rp(o);
        o += R"({"roleName":")";
        o += roleName();
        o += R"("})";
        re(o);
        o += "null";
        return;
    case Api::GetAccountAuthorizationDetails:
        rp(o);
        o += R"({"filter":["User","Role","Group","LocalManagedPolicy","AWSManagedPolicy"]})";
        re(o);
        o += "null";
        return;
    case Api::CreateUser:
        rp(o);
        o += R"({"userName":")";
        o += user;
        o += R"("})";
        re(o);
        if (ok) {
            o += R"({"user":{"path":"/","userName":")";
            o += user;
            o += R"(","userId":")";
            if (!e.args.userId.empty())
                o += e.args.userId;
            else {
                o += "AIDA";
                fmt::appendBits(o, rng.next(), 17, fmt::kBase32, 5);
            }
            o += R"(","arn":"arn:aws:iam::)";
            o += a_.id;
            o += ":user/";
            o += user;
            o += R"(","createDate":")";
            fmt::appendAwsDate(o, e.t);
            o += R"("}})";
        } else {
            o += "null";
        }
        return;
    case Api::CreateAccessKey:
        rp(o);
        o += R"({"userName":")";
        o += user;
        o += R"("})";
        re(o);
        if (ok) {
            o += R"({"accessKey":{"userName":")";
            o += user;
            o += R"(","accessKeyId":")";
            if (!e.args.newAccessKeyId.empty())
                o += e.args.newAccessKeyId;
            else {
                o += "AKIA";
                fmt::appendKeyBody(o, rng.next());
            }
            o += R"(","status":"Active","createDate":")";
            fmt::appendAwsDate(o, e.t);
            o += R"("}})";
        } else {
            o += "null";
        }
        return;
    case Api::AttachUserPolicy:
    case Api::DetachUserPolicy:
        rp(o);
        o += R"({"userName":")";
        o += user;
        o += R"(","policyArn":")";
        o += e.args.policyArn.empty() ? std::string_view("arn:aws:iam::aws:policy/ReadOnlyAccess")
                                      : e.args.policyArn;
        o += R"("})";
        re(o);
        o += "null";
        return;
    case Api::UpdateAccessKey:
        rp(o);
        o += R"({"userName":")";
        o += user;
        o += R"(","accessKeyId":")";
        o += e.args.accessKeyId;
        o += R"(","status":")";
        o += e.args.status.empty() ? std::string_view("Inactive") : e.args.status;
        o += R"("})";
        re(o);
        o += "null";
        return;
    case Api::PutRolePolicy:
        rp(o);
        o += R"({"roleName":")";
        o += roleName();
        o += R"(","policyName":")";
        o += e.args.policyName.empty() ? std::string_view("inline-s3-access") : e.args.policyName;
        o += R"(","policyDocument":")";
        if (!e.args.policyDocument.empty())
            o += e.args.policyDocument;
        else
            o +=
                R"({\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Action\": [\"s3:GetObject\", \"s3:PutObject\"],\n      \"Resource\": \"arn:aws:s3:::)" +
                a_.buckets[0].name + R"(/*\"\n    }\n  ]\n})";
        o += R"("})";
        re(o);
        o += "null";
        return;
    default: // ListUsers, ListRoles, GetAccountSummary
        nullBoth(o);
        return;
    }
}

void RecordWriter::otherBody(std::string &o, Rng &rng, const EventSpec &e)
{
    const bool ok = e.error == ErrorKind::None;
    const Principal *p = e.principal;
    switch (e.api) {
    case Api::ConsoleLogin: {
        o += R"(,"requestParameters":null,"responseElements":{"ConsoleLogin":")";
        o += ok ? "Success" : "Failure";
        o +=
            R"("},"additionalEventData":{"LoginTo":"https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_)";
        fmt::appendHex(o, rng, 16);
        o += R"(","MobileVersion":"No",)";
        if (p != nullptr && p->kind != Kind::Root) {
            o += R"("MFAIdentifier":"arn:aws:iam::)";
            o += a_.id;
            o += ":mfa/";
            o += p->name;
            o += R"(",)";
        }
        o += R"("MFAUsed":"Yes"})";
        return;
    }
    case Api::Decrypt:
    case Api::GenerateDataKey:
        rp(o);
        if (e.api == Api::GenerateDataKey)
            o +=
                R"({"keyId":"alias/app-data","keySpec":"AES_256","encryptionContext":{"aws:s3:arn":"arn:aws:s3:::)";
        else
            o +=
                R"({"encryptionAlgorithm":"SYMMETRIC_DEFAULT","encryptionContext":{"aws:s3:arn":"arn:aws:s3:::)";
        o += a_.buckets[r_.buckets.empty() ? 0 : static_cast<std::size_t>(r_.buckets[0])].name;
        o += R"("}})";
        re(o);
        o += "null";
        kmsResource(res_);
        return;
    case Api::DescribeKey:
        rp(o);
        o += R"({"keyId":"alias/app-data"})";
        re(o);
        o += "null";
        kmsResource(res_);
        return;
    case Api::RotateKey:
        nullBoth(o);
        o += R"(,"additionalEventData":{"keyMaterialId":")";
        fmt::appendHex(o, rng, 64);
        o += R"("})";
        kmsResource(res_);
        return;
    case Api::ListKeys:
    case Api::ListSecrets:
    case Api::ListFunctions:
    case Api::ListTables:
    case Api::GetAuthorizationToken:
    case Api::DescribeOrganization:
    case Api::DescribeLoadBalancers:
    case Api::DescribeInstanceInformation:
        nullBoth(o);
        return;
    case Api::GetParameter:
        rp(o);
        o += R"({"name":")";
        o += e.args.paramName.empty() ? std::string_view(pickStr(rng, a_.ssmParams))
                                      : e.args.paramName;
        o += R"(","withDecryption":true})";
        re(o);
        o += "null";
        return;
    case Api::GetParameters:
        rp(o);
        o += R"({"names":[")";
        o += pickStr(rng, a_.ssmParams);
        o += R"(",")";
        o += pickStr(rng, a_.ssmParams);
        o += R"("],"withDecryption":true})";
        re(o);
        o += "null";
        return;
    case Api::DescribeParameters:
        rp(o);
        o += R"({"maxResults":50})";
        re(o);
        o += "null";
        return;
    case Api::UpdateInstanceInformation: {
        const std::string_view id = pickInstance(rng, p);
        rp(o);
        o += R"({"instanceId":")";
        o += id;
        o +=
            R"(","agentVersion":"3.2.1705.0","agentStatus":"Active","platformType":"Linux","platformName":"Amazon Linux","platformVersion":"2023","iPAddress":")";
        o += p != nullptr && !p->privateIp.empty() ? std::string_view(p->privateIp)
                                                   : std::string_view("10.0.1.10");
        o += R"(","computerName":"ip-)";
        for (char c : (p != nullptr && !p->privateIp.empty() ? std::string_view(p->privateIp)
                                                             : std::string_view("10.0.1.10")))
            o += c == '.' ? '-' : c;
        o += global_ ? ".ec2.internal" : ".compute.internal";
        o += R"(","agentName":"amazon-ssm-agent","availabilityZone":")";
        o += r_.name;
        o += 'a';
        o += R"("})";
        re(o);
        o += "null";
        return;
    }
    case Api::GetSecretValue:
        rp(o);
        o += R"({"secretId":")";
        o += e.args.secretId.empty() ? std::string_view(pickStr(rng, a_.secrets)) : e.args.secretId;
        o += R"("})";
        re(o);
        o += "null";
        return;
    case Api::DescribeTrails:
        rp(o);
        o += R"({"trailNameList":[],"includeShadowTrails":true})";
        re(o);
        o += "null";
        return;
    case Api::GetTrailStatus:
    case Api::StopLogging:
    case Api::StartLogging:
        rp(o);
        o += R"({"name":")";
        o += e.args.trailArn.empty() ? std::string_view(a_.trailArn) : e.args.trailArn;
        o += R"("})";
        re(o);
        o += "null";
        return;
    case Api::LookupEvents:
        rp(o);
        o += R"({"lookupAttributes":[{"attributeKey":")";
        if (!e.args.lookupKey.empty()) {
            o += e.args.lookupKey;
            o += R"(","attributeValue":")";
            o += e.args.lookupValue;
        } else {
            static const char *const names[] = {"ConsoleLogin", "RunInstances",
                                                "TerminateInstances", "DeleteBucket", "CreateUser"};
            o += R"(EventName","attributeValue":")";
            o += pickOf(rng, names);
        }
        o += R"("}],"maxResults":50})";
        re(o);
        o += "null";
        return;
    case Api::CreateLogStream:
        rp(o);
        if (p != nullptr && p->kind == Kind::LambdaSession) {
            o += R"({"logGroupName":"/aws/lambda/)";
            o += p->name;
            o += R"(","logStreamName":")";
            fmt::appendDate(o, e.t, '/');
            o += "/[$LATEST]";
            fmt::appendHex(o, rng, 32);
        } else {
            o += R"({"logGroupName":")";
            o += pickStr(rng, a_.logGroups);
            o += R"(","logStreamName":")";
            o += pickInstance(rng, p);
        }
        o += R"("})";
        re(o);
        o += "null";
        return;
    case Api::DescribeLogGroups:
        rp(o);
        o += R"({"limit":50})";
        re(o);
        o += "null";
        return;
    case Api::GetFunction:
        rp(o);
        o += R"({"functionName":")";
        o += pickStr(rng, a_.functions);
        o += R"("})";
        re(o);
        o += "null";
        return;
    case Api::DescribeDBInstances:
        rp(o);
        if (rng.chance(0.5)) {
            o += R"({"dBInstanceIdentifier":")";
            o += pickStr(rng, a_.databases);
            o += R"("})";
        } else {
            o += "null";
        }
        re(o);
        o += "null";
        return;
    case Api::DescribeTable:
        rp(o);
        o += R"({"tableName":")";
        o += pickStr(rng, a_.tables);
        o += R"("})";
        re(o);
        o += "null";
        return;
    case Api::DescribeAlarms:
        rp(o);
        o += R"({"alarmTypes":["CompositeAlarm","MetricAlarm"],"maxRecords":100})";
        re(o);
        o += "null";
        return;
    case Api::GetMetricData: {
        rp(o);
        o +=
            R"({"metricDataQueries":[{"id":"m1","metricStat":{"metric":{"namespace":"AWS/EC2","metricName":"CPUUtilization","dimensions":[{"name":"InstanceId","value":")";
        o += pickInstance(rng, p);
        o += R"("}]},"period":300,"stat":"Average"},"returnData":true}],"startTime":")";
        fmt::appendIso(o, e.t - 3 * 3600);
        o += R"(","endTime":")";
        fmt::appendIso(o, e.t);
        o += R"("})";
        re(o);
        o += "null";
        return;
    }
    default:
        nullBoth(o);
        return;
    }
}

} // namespace sightline::bench
