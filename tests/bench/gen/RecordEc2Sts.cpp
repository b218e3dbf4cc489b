// Dispatch of record bodies; EC2 and STS request and response elements.
#include "RecordWriter.h"

#include "Format.h"
#include "RecordHelpers.h"

namespace sightline::bench {

using namespace detail;

void RecordWriter::credentials(std::string &o, Rng &rng, std::string_view key,
                               std::int64_t expires) const
{
    o += R"({"accessKeyId":")";
    o += key;
    o += R"(","sessionToken":"IQoJb3JpZ2luX2VjE)";
    fmt::appendBase64(o, rng, 236);
    o += R"(","expiration":")";
    fmt::appendAwsDate(o, expires);
    o += R"("})";
}

void RecordWriter::kmsResource(std::string &res) const
{
    res += R"({"accountId":")";
    res += a_.id;
    res += R"(","type":"AWS::KMS::Key","ARN":")";
    res += r_.kmsKeyArn;
    res += R"("})";
}

void RecordWriter::body(std::string &o, Rng &rng, const EventSpec &e)
{
    switch (apiInfo(e.api).svc) {
    case Svc::S3:
        s3Body(o, rng, e);
        return;
    case Svc::Ec2:
        ec2Body(o, rng, e);
        return;
    case Svc::Sts:
        stsBody(o, rng, e);
        return;
    case Svc::Iam:
        iamBody(o, rng, e);
        return;
    default:
        otherBody(o, rng, e);
        return;
    }
}

void RecordWriter::ec2Body(std::string &o, Rng &rng, const EventSpec &e)
{
    const bool ok = e.error == ErrorKind::None;
    auto filter = [&](const char *name, std::string_view value) {
        o += R"("filterSet":{"items":[{"name":")";
        o += name;
        o += R"(","valueSet":{"items":[{"value":")";
        o += value;
        o += R"("}]}}]})";
    };
    auto instanceItems = [&](std::string_view id) {
        o += R"({"instancesSet":{"items":[{"instanceId":")";
        o += id;
        o += R"("}]})";
    };
    switch (e.api) {
    case Api::DescribeInstances: {
        rp(o);
        const std::uint32_t k = rng.below(3);
        if (k == 0) {
            o += R"({"instancesSet":{},"filterSet":{}})";
        } else if (k == 1) {
            instanceItems(e.args.instanceId.empty() ? pickInstance(rng, e.principal)
                                                    : e.args.instanceId);
            o += R"(,"filterSet":{}})";
        } else {
            o += R"({"instancesSet":{},)";
            filter("instance-state-name", "running");
            o += '}';
        }
        re(o);
        o += "null";
        return;
    }
    case Api::DescribeSecurityGroups:
        rp(o);
        if (rng.chance(0.5)) {
            o += R"({"securityGroupSet":{},"securityGroupIdSet":{"items":[{"groupId":")";
            o += pickStr(rng, r_.securityGroups);
            o += R"("}]},"filterSet":{}})";
        } else {
            o += R"({"securityGroupSet":{},"securityGroupIdSet":{},)";
            filter("vpc-id", r_.vpcId);
            o += '}';
        }
        re(o);
        o += "null";
        return;
    case Api::DescribeVpcs:
        rp(o);
        o += R"({"vpcSet":{},"filterSet":{}})";
        re(o);
        o += "null";
        return;
    case Api::DescribeSubnets:
        rp(o);
        o += R"({"subnetSet":{},)";
        filter("vpc-id", r_.vpcId);
        o += '}';
        re(o);
        o += "null";
        return;
    case Api::DescribeVolumes:
        rp(o);
        o += R"({"volumeSet":{},)";
        filter("attachment.instance-id", pickInstance(rng, e.principal));
        o += '}';
        re(o);
        o += "null";
        return;
    case Api::DescribeTags:
        rp(o);
        o += '{';
        filter("resource-id", pickInstance(rng, e.principal));
        o += '}';
        re(o);
        o += "null";
        return;
    case Api::DescribeInstanceStatus:
        rp(o);
        o += R"({"instancesSet":{},"filterSet":{},"includeAllInstances":false})";
        re(o);
        o += "null";
        return;
    case Api::DescribeImages:
        rp(o);
        o += R"({"executableBySet":{},"imagesSet":{"items":[{"imageId":")";
        o += pickStr(rng, r_.amis);
        o += R"("}]},"ownersSet":{},"includeDeprecated":false,"includeDisabled":false})";
        re(o);
        o += "null";
        return;
    case Api::DescribeRegions:
        rp(o);
        o += R"({"regionSet":{}})";
        re(o);
        o += "null";
        return;
    case Api::DescribeSnapshots:
        rp(o);
        o +=
            R"({"snapshotSet":{},"ownersSet":{"items":[{"owner":"self"}]},"sharedUsersSet":{},"filterSet":{}})";
        re(o);
        o += "null";
        return;
    case Api::RunInstances: {
        static const char *const types[] = {"t3.medium", "m5.large", "c6i.xlarge", "t3.small",
                                            "r6g.large"};
        const char *type = pickOf(rng, types);
        const std::string &ami = pickStr(rng, r_.amis);
        const std::string &subnet = pickStr(rng, r_.subnets);
        tmp_ = "i-0";
        fmt::appendHex(tmp_, rng, 16);
        rp(o);
        o += R"({"instancesSet":{"items":[{"imageId":")";
        o += ami;
        o += R"(","minCount":1,"maxCount":1}]},"instanceType":")";
        o += type;
        o += R"(","blockDeviceMapping":{},"monitoring":{"enabled":false},"subnetId":")";
        o += subnet;
        o += R"(","disableApiTermination":false,"disableApiStop":false,"clientToken":")";
        fmt::appendUuid(o, rng);
        o += R"("})";
        re(o);
        if (!ok) {
            o += "null";
            return;
        }
        o += R"({"requestId":")";
        fmt::appendUuid(o, rng);
        o += R"(","reservationId":"r-0)";
        fmt::appendHex(o, rng, 16);
        o += R"(","ownerId":")";
        o += a_.id;
        o += R"(","groupSet":{},"instancesSet":{"items":[{"instanceId":")";
        o += tmp_;
        o += R"(","imageId":")";
        o += ami;
        o += R"(","instanceState":{"code":0,"name":"pending"},"privateDnsName":"ip-10-0-)";
        fmt::appendUInt(o, rng.below(64));
        o += '-';
        fmt::appendUInt(o, 1 + rng.below(253));
        o += global_ ? ".ec2.internal" : ".compute.internal";
        o += R"(","amiLaunchIndex":0,"productCodes":{},"instanceType":")";
        o += type;
        o += R"(","launchTime":)";
        fmt::appendInt(o, e.t * 1000);
        o += R"(,"placement":{"availabilityZone":")";
        o += r_.name;
        o += static_cast<char>('a' + rng.below(3));
        o += R"(","tenancy":"default"},"monitoring":{"state":"disabled"},"subnetId":")";
        o += subnet;
        o += R"(","vpcId":")";
        o += r_.vpcId;
        o += R"(","sourceDestCheck":true,"groupSet":{"items":[{"groupId":")";
        o += r_.securityGroups[0];
        o +=
            R"(","groupName":"default"}]},"architecture":"x86_64","rootDeviceType":"ebs","rootDeviceName":"/dev/xvda","virtualizationType":"hvm","hypervisor":"xen","enaSupport":true}]}})";
        return;
    }
    case Api::TerminateInstances:
    case Api::StopInstances:
    case Api::StartInstances: {
        const std::string_view id =
            e.args.instanceId.empty() ? pickInstance(rng, e.principal) : e.args.instanceId;
        rp(o);
        instanceItems(id);
        if (e.api == Api::StopInstances)
            o += R"(,"force":false)";
        o += '}';
        re(o);
        if (!ok) {
            o += "null";
            return;
        }
        o += R"({"requestId":")";
        fmt::appendUuid(o, rng);
        o += R"(","instancesSet":{"items":[{"instanceId":")";
        o += id;
        o +=
            e.api == Api::TerminateInstances
                ? R"(","currentState":{"code":32,"name":"shutting-down"},"previousState":{"code":16,"name":"running"}}]}})"
            : e.api == Api::StopInstances
                ? R"(","currentState":{"code":64,"name":"stopping"},"previousState":{"code":16,"name":"running"}}]}})"
                : R"(","currentState":{"code":0,"name":"pending"},"previousState":{"code":80,"name":"stopped"}}]}})";
        return;
    }
    case Api::CreateTags: {
        static const char *const keys[] = {"Owner", "CostCenter", "Environment", "Backup"};
        static const char *const values[] = {"platform", "cc-1042", "production", "daily",
                                             "data-eng"};
        rp(o);
        o += R"({"resourcesSet":{"items":[{"resourceId":")";
        o += pickInstance(rng, e.principal);
        o += R"("}]},"tagSet":{"items":[{"key":")";
        o += pickOf(rng, keys);
        o += R"(","value":")";
        o += pickOf(rng, values);
        o += R"("}]}})";
        re(o);
        if (ok) {
            o += R"({"requestId":")";
            fmt::appendUuid(o, rng);
            o += R"(","_return":true})";
        } else {
            o += "null";
        }
        return;
    }
    default:
        nullBoth(o);
        return;
    }
}

void RecordWriter::stsBody(std::string &o, Rng &rng, const EventSpec &e)
{
    const bool ok = e.error == ErrorKind::None;
    if (e.api == Api::GetCallerIdentity) {
        nullBoth(o);
        return;
    }
    const Principal *p = e.principal;
    if (e.api == Api::AssumeRoleWithWebIdentity && p != nullptr && p->kind == Kind::CiSession) {
        const Role &role = a_.roles[static_cast<std::size_t>(p->role)];
        std::int64_t created = 0;
        tmp_.clear();
        p->sessionKey(e.t, tmp_, created);
        rp(o);
        o += R"({"roleArn":")";
        o += role.arn;
        o += R"(","roleSessionName":")";
        o += p->name;
        o += R"(","durationSeconds":3600})";
        re(o);
        if (ok) {
            o += R"({"credentials":)";
            credentials(o, rng, tmp_, e.t + 3600);
            o += R"(,"subjectFromWebIdentityToken":")";
            o += p->webIdSubject;
            o += R"(","assumedRoleUser":{"assumedRoleId":")";
            o += p->principalId;
            o += R"(","arn":")";
            o += p->arn;
            o += R"("},"provider":")";
            o += p->webIdProvider;
            o += R"(","audience":"sts.amazonaws.com"})";
        } else {
            o += "null";
        }
        res_ += R"({"accountId":")";
        res_ += a_.id;
        res_ += R"(","type":"AWS::IAM::Role","ARN":")";
        res_ += role.arn;
        res_ += R"("})";
        return;
    }

    // AssumeRole.
    std::string_view roleArn = e.args.roleArn, roleId = e.args.roleId, roleName = e.args.roleName;
    std::string_view session = e.args.sessionName;
    std::int64_t expires = e.t + e.args.durationSeconds;
    const Principal *target = nullptr;
    if (p != nullptr && p->kind == Kind::AwsService) {
        const std::vector<int> &pool =
            p->profile == Profile::Ec2Service ? r_.instanceSessions : r_.lambdaSessions;
        if (!pool.empty())
            target = &a_.principals[static_cast<std::size_t>(
                pool[rng.below(static_cast<std::uint32_t>(pool.size()))])];
        // The planted instance's credentials are issued by the incident plan only.
        if (target != nullptr && !target->fixedSessionKey.empty())
            target = &a_.principals[static_cast<std::size_t>(pool.back())];
    }
    if (e.args.instanceId.size() > 0) {
        const int ti = a_.findPrincipal(e.args.instanceId);
        if (ti >= 0)
            target = &a_.principals[static_cast<std::size_t>(ti)];
    }
    tmp_.clear();
    if (target != nullptr) {
        const Role &role = a_.roles[static_cast<std::size_t>(target->role)];
        roleArn = role.arn;
        roleId = role.id;
        roleName = role.name;
        session = target->name;
        std::int64_t created = 0;
        target->sessionKey(e.t, tmp_, created);
        expires = created + target->blockLen + 3600;
    } else {
        if (roleArn.empty()) {
            const Role &role = a_.roles[static_cast<std::size_t>(a_.assumableRoles[rng.below(
                static_cast<std::uint32_t>(a_.assumableRoles.size()))])];
            roleArn = role.arn;
            roleId = role.id;
            roleName = role.name;
        }
        if (session.empty())
            session = p != nullptr ? std::string_view(p->name) : std::string_view("session");
        if (!e.args.newAccessKeyId.empty()) {
            tmp_ += e.args.newAccessKeyId;
        } else {
            tmp_ += "ASIA";
            fmt::appendKeyBody(tmp_, rng.next());
        }
    }
    rp(o);
    o += R"({"roleArn":")";
    o += roleArn;
    o += R"(","roleSessionName":")";
    o += session;
    if (target == nullptr) {
        o += R"(","durationSeconds":)";
        fmt::appendInt(o, e.args.durationSeconds);
        o += '}';
    } else {
        o += R"("})";
    }
    re(o);
    if (ok) {
        o += R"({"credentials":)";
        credentials(o, rng, tmp_, expires);
        if (target == nullptr) {
            o += R"(,"assumedRoleUser":{"assumedRoleId":")";
            o += roleId;
            o += ':';
            o += session;
            o += R"(","arn":"arn:aws:sts::)";
            o += a_.id;
            o += ":assumed-role/";
            o += roleName;
            o += '/';
            o += session;
            o += R"("})";
        }
        o += '}';
    } else {
        o += "null";
    }
    res_ += R"({"accountId":")";
    res_ += a_.id;
    res_ += R"(","type":"AWS::IAM::Role","ARN":")";
    res_ += roleArn;
    res_ += R"("})";
}

} // namespace sightline::bench
