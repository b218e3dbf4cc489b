#include "Incident.h"

#include "Format.h"
#include "IncidentIds.h"
#include "RecordWriter.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

namespace sightline::bench {

namespace inc = incident;

namespace {

const char *const kReconRegions[] = {"us-east-1",      "us-east-2",      "us-west-1",
                                     "us-west-2",      "eu-west-1",      "eu-central-1",
                                     "ap-southeast-1", "ap-northeast-1", "sa-east-1"};

class Planner
{
public:
    Planner(Population &pop, std::int64_t day, std::uint64_t seed)
        : pop_(pop), a_(pop.accounts[0]), day_(day), rng_(mix64(seed, hashString("incident")))
    {}

    IncidentPlan run(int exfilObjects);

private:
    RecordWriter &writer(const std::string &region)
    {
        const int ri = a_.regionIndex(region);
        if (ri < 0)
            throw std::logic_error("incident region missing");
        auto &w = writers_[static_cast<std::size_t>(ri)];
        if (!w)
            w = std::make_unique<RecordWriter>(a_, ri);
        return *w;
    }

    void emit(std::int64_t offset, const std::string &region, EventSpec e, bool attacker = true)
    {
        e.t = day_ + offset;
        buf_.clear();
        writer(region).write(buf_, rng_, e);
        plan_.events.push_back(PlannedEvent{0, a_.regionIndex(region), e.t, buf_});
        ++plan_.info.events;
        if (attacker) {
            ++plan_.info.attackerEvents;
            if (e.error != ErrorKind::None)
                ++plan_.info.failedCalls;
        }
    }

    EventSpec as(const Principal *p, Channel ch, Api api, std::string_view ip, std::string_view ua)
    {
        EventSpec e;
        e.api = api;
        e.principal = p;
        e.channel = ch;
        e.ip = ip;
        e.ua = ua;
        return e;
    }

    EventSpec asIdentity(std::string_view identity, std::string_view arn, Api api,
                         std::string_view ip, std::string_view ua)
    {
        EventSpec e;
        e.api = api;
        e.identity = identity;
        e.callerArn = arn;
        e.ip = ip;
        e.ua = ua;
        return e;
    }

    std::string regionOfBucket(std::string_view bucket) const
    {
        const int bi = a_.findBucket(bucket);
        return a_
            .regions[static_cast<std::size_t>(
                bi < 0 ? 0 : a_.buckets[static_cast<std::size_t>(bi)].region)]
            .name;
    }

    Population &pop_;
    Account &a_;
    std::int64_t day_;
    Rng rng_;
    std::vector<std::unique_ptr<RecordWriter>> writers_;
    std::string buf_;
    IncidentPlan plan_;
};

IncidentPlan Planner::run(int exfilObjects)
{
    const std::string home = inc::kHomeRegion;
    for (const char *r : kReconRegions)
        a_.ensureRegion(r, rng_);
    writers_.resize(a_.regions.size());

    const int ciIdx = a_.findPrincipal(inc::kLeakedUser);
    const int instIdx = a_.findPrincipal(inc::kInstanceId);
    const int mariaIdx = a_.findPrincipal(inc::kResponderUser);
    const int ec2Idx = a_.findPrincipal("ec2.amazonaws.com");
    if (ciIdx < 0 || instIdx < 0 || mariaIdx < 0 || ec2Idx < 0)
        throw std::logic_error("incident principals missing from the population");

    // Patch the population: the stolen session key and the rotated CI key.
    Principal &inst = a_.principals[static_cast<std::size_t>(instIdx)];
    inst.fixedSessionKey = inc::kInstanceSessionKey;
    inst.fixedKeyBlock =
        fmt::floorDiv(day_ + inc::kInstanceCredentialOffset - inst.blockOffset, inst.blockLen);
    Principal &ci = a_.principals[static_cast<std::size_t>(ciIdx)];
    ci.rotatedKey = inc::kRotatedKey;
    ci.rotateAt = day_ + inc::kKeyRotatedUseFrom;
    ci.keyDisabledAt = day_ + inc::kLeakedKeyDisabled;
    ci.idKey[1] = ci.idKey[0];
    ci.idKey[1].replace(ci.idKey[1].find(inc::kLeakedKey), std::string_view(inc::kLeakedKey).size(),
                        inc::kRotatedKey);

    const Principal *ciP = &a_.principals[static_cast<std::size_t>(ciIdx)];
    const Principal *instP = &a_.principals[static_cast<std::size_t>(instIdx)];
    const Principal *maria = &a_.principals[static_cast<std::size_t>(mariaIdx)];
    const Principal *ec2 = &a_.principals[static_cast<std::size_t>(ec2Idx)];
    const std::string ip1 = inc::kAttackerIp1, ip2 = inc::kAttackerIp2;
    const std::string ua1 = inc::kAttackerUa1, ua2 = inc::kAttackerUa2;

    // 00:04:17 the instance receives the credentials that will be stolen.
    {
        EventSpec e =
            as(ec2, Channel::Service, Api::AssumeRole, "ec2.amazonaws.com", "ec2.amazonaws.com");
        e.tls = false;
        e.args.instanceId = inc::kInstanceId;
        emit(inc::kInstanceCredentialOffset, home, e, false);
    }

    // 01:52:10 instance credential theft (SSRF on the web app), used from outside AWS.
    {
        std::int64_t t = inc::kInstanceTheftStart;
        auto step = [&](Api api, ErrorKind err, std::int64_t gap,
                        const std::string &region = std::string()) {
            EventSpec e = as(instP, Channel::Session, api, ip1, ua1);
            e.error = err;
            emit(t, region.empty() ? home : region, e);
            t += gap;
            return e;
        };
        step(Api::GetCallerIdentity, ErrorKind::None, 21);
        step(Api::ListBuckets, ErrorKind::None, 13);
        {
            EventSpec e = as(instP, Channel::Session, Api::ListUsers, ip1, ua1);
            e.error = ErrorKind::Denied;
            e.errorResource = "arn:aws:iam::111122223333:user/";
            emit(t, home, e);
            t += 3;
            e.api = Api::ListRoles;
            e.errorResource = "arn:aws:iam::111122223333:role/";
            emit(t, home, e);
            t += 15;
        }
        step(Api::DescribeInstances, ErrorKind::None, 38);
        const std::string cfgRegion = regionOfBucket(inc::kConfigBucket);
        auto s3 = [&](Api api, std::string_view bucket, std::string_view key,
                      std::string_view prefix, ErrorKind err, std::int64_t bytes,
                      std::int64_t gap) {
            EventSpec e = as(instP, Channel::Session, api, ip1, ua1);
            e.error = err;
            e.args.bucket = bucket;
            e.args.key = key;
            e.args.prefix = prefix;
            e.args.bytes = bytes;
            emit(t, regionOfBucket(bucket), e);
            t += gap;
        };
        s3(Api::ListObjects, inc::kConfigBucket, {}, "", ErrorKind::None, -1, 12);
        s3(Api::ListObjects, inc::kConfigBucket, {}, "ci/", ErrorKind::None, -1, 17);
        s3(Api::GetObject, inc::kConfigBucket, inc::kLeakedObjectKey, {}, ErrorKind::None, 1284,
           12);
        s3(Api::GetObject, inc::kConfigBucket, "app/production.yaml", {}, ErrorKind::None, 5731,
           37);
        {
            EventSpec e = as(instP, Channel::Session, Api::ListSecrets, ip1, ua1);
            e.error = ErrorKind::Denied;
            emit(t, home, e);
            t += 15;
            e = as(instP, Channel::Session, Api::GetSecretValue, ip1, ua1);
            e.args.secretId = inc::kStolenSecret;
            emit(t, home, e);
            t += 27;
        }
        s3(Api::ListObjects, inc::kSensitiveBucket, {}, "", ErrorKind::Denied, -1, 2);
        s3(Api::GetBucketPolicy, inc::kSensitiveBucket, {}, {}, ErrorKind::Denied, -1, 2);
        (void)cfgRegion;
    }

    // 02:13:07 the leaked ci-deploy key, from the same address.
    std::int64_t t = inc::kLeakedKeyFirstUse;
    auto ciCall = [&](Api api, ErrorKind err, const std::string &region, EventArgs args = {},
                      std::string_view errorResource = {}) {
        EventSpec e = as(ciP, Channel::Key, api, ip1, ua1);
        e.error = err;
        e.args = args;
        e.errorResource = errorResource;
        emit(t, region, e);
        t += 1 + rng_.below(6);
    };
    ciCall(Api::GetCallerIdentity, ErrorKind::None, home);
    t = inc::kLeakedKeyFirstUse + 13;
    ciCall(Api::ListBuckets, ErrorKind::None, home);
    t = inc::kLeakedKeyFirstUse + 38;
    {
        EventArgs self;
        self.userName = inc::kLeakedUser;
        EventArgs admin;
        admin.roleName = inc::kAdminRole;
        ciCall(Api::ListUsers, ErrorKind::None, home);
        ciCall(Api::GetUser, ErrorKind::None, home, self);
        ciCall(Api::ListAttachedUserPolicies, ErrorKind::None, home, self);
        ciCall(Api::ListAccessKeys, ErrorKind::None, home, self);
        ciCall(Api::ListRoles, ErrorKind::None, home);
        ciCall(Api::GetRole, ErrorKind::None, home, admin);
        ciCall(Api::ListPolicies, ErrorKind::None, home);
        ciCall(Api::GetAccountAuthorizationDetails, ErrorKind::None, home);
        ciCall(Api::GetAccountSummary, ErrorKind::None, home);
        ciCall(Api::ListMFADevices, ErrorKind::None, home, self);
        ciCall(Api::DescribeOrganization, ErrorKind::Denied, home);
        EventArgs assume;
        assume.roleArn = inc::kAdminRoleArn;
        assume.roleId = inc::kAdminRoleId;
        assume.roleName = inc::kAdminRole;
        assume.sessionName = "test";
        ciCall(Api::AssumeRole, ErrorKind::Denied, home, assume, inc::kAdminRoleArn);
    }
    for (const Bucket &b : a_.buckets) {
        EventArgs args;
        args.bucket = b.name;
        const ErrorKind err = b.kind == BucketKind::TfState ? ErrorKind::None : ErrorKind::Denied;
        const std::string &region = a_.regions[static_cast<std::size_t>(b.region)].name;
        ciCall(Api::GetBucketPolicy, err, region, args);
        ciCall(Api::GetBucketAcl, err, region, args);
    }
    {
        EventArgs args;
        args.prefix = "";
        args.bucket = inc::kSensitiveBucket;
        ciCall(Api::ListObjects, ErrorKind::Denied, regionOfBucket(inc::kSensitiveBucket), args);
        const int backups = a_.findBucket("acme-prod-db-backups");
        if (backups >= 0) {
            args.bucket = a_.buckets[static_cast<std::size_t>(backups)].name;
            ciCall(Api::ListObjects, ErrorKind::Denied, regionOfBucket(args.bucket), args);
        }
    }
    for (const char *r : kReconRegions) {
        plan_.info.reconRegions.push_back(r);
        ciCall(Api::DescribeInstances, ErrorKind::None, r);
    }
    ciCall(Api::DescribeSecurityGroups, ErrorKind::None, home);
    ciCall(Api::DescribeVpcs, ErrorKind::None, home);
    ciCall(Api::DescribeSnapshots, ErrorKind::None, home);
    for (const char *r : {"us-east-1", "us-west-2", "eu-west-1"})
        ciCall(Api::ListSecrets, ErrorKind::Denied, r);
    {
        EventArgs args;
        args.secretId = inc::kStolenSecret;
        ciCall(Api::GetSecretValue, ErrorKind::Denied, home, args);
    }
    for (const char *r : {"us-east-1", "us-west-2"})
        ciCall(Api::DescribeDBInstances, ErrorKind::Denied, r);
    for (const char *r : {"us-east-1", "us-west-2", "eu-west-1"})
        ciCall(Api::ListFunctions, ErrorKind::Denied, r);
    ciCall(Api::ListKeys, ErrorKind::Denied, home);
    ciCall(Api::ListTables, ErrorKind::Denied, home);
    ciCall(Api::DescribeParameters, ErrorKind::Denied, home);
    {
        EventArgs args;
        args.paramName = "/prod/app/db-host";
        ciCall(Api::GetParameter, ErrorKind::Denied, home, args);
    }
    ciCall(Api::DescribeTrails, ErrorKind::Denied, home);
    {
        EventArgs args;
        args.trailArn = inc::kTrailArn;
        ciCall(Api::GetTrailStatus, ErrorKind::Denied, home, args, inc::kTrailArn);
    }
    ciCall(Api::DescribeLogGroups, ErrorKind::Denied, home);
    ciCall(Api::GetAuthorizationToken, ErrorKind::Denied, home);

    // 02:24:41 persistence.
    {
        EventArgs args;
        args.userName = inc::kBackdoorUser;
        args.userId = inc::kBackdoorUserId;
        t = inc::kCreateUserTime;
        ciCall(Api::CreateUser, ErrorKind::None, home, args);
        args.policyArn = inc::kAdminPolicyArn;
        t = inc::kCreateUserTime + 17;
        ciCall(Api::AttachUserPolicy, ErrorKind::None, home, args);
        args.newAccessKeyId = inc::kBackdoorKey;
        t = inc::kCreateAccessKeyTime;
        ciCall(Api::CreateAccessKey, ErrorKind::None, home, args);
    }

    // 02:31 the backdoor user, from a second address, assumes the admin role.
    const std::string acct = inc::kAccountId;
    const std::string backdoorArn = "arn:aws:iam::" + acct + ":user/" + inc::kBackdoorUser;
    const std::string backdoorId =
        std::string(R"({"type":"IAMUser","principalId":")") + inc::kBackdoorUserId +
        R"(","arn":")" + backdoorArn + R"(","accountId":")" + acct + R"(","accessKeyId":")" +
        inc::kBackdoorKey + R"(","userName":")" + inc::kBackdoorUser + "\"}";
    const std::string adminId =
        std::string(R"({"type":"AssumedRole","principalId":")") + inc::kAdminRoleId + ":" +
        inc::kAdminSessionName + R"(","arn":")" + inc::kAdminSessionArn + R"(","accountId":")" +
        acct + R"(","accessKeyId":")" + inc::kAdminSessionKey +
        R"(","sessionContext":{"sessionIssuer":{"type":"Role","principalId":")" +
        inc::kAdminRoleId + R"(","arn":")" + inc::kAdminRoleArn + R"(","accountId":")" + acct +
        R"(","userName":")" + inc::kAdminRole +
        R"("},"webIdFederationData":{},"attributes":{"creationDate":")" +
        fmt::iso(day_ + inc::kAssumeRoleTime) + R"(","mfaAuthenticated":"false"}}})";
    emit(inc::kAssumeRoleTime - 13, home,
         asIdentity(backdoorId, backdoorArn, Api::GetCallerIdentity, ip2, ua2));
    {
        EventSpec e = asIdentity(backdoorId, backdoorArn, Api::AssumeRole, ip2, ua2);
        e.args.roleArn = inc::kAdminRoleArn;
        e.args.roleId = inc::kAdminRoleId;
        e.args.roleName = inc::kAdminRole;
        e.args.sessionName = inc::kAdminSessionName;
        e.args.newAccessKeyId = inc::kAdminSessionKey;
        emit(inc::kAssumeRoleTime, home, e);
    }

    // 02:31:40 data access with the admin session.
    const std::string dataRegion = regionOfBucket(inc::kSensitiveBucket);
    auto admin = [&](Api api) { return asIdentity(adminId, inc::kAdminSessionArn, api, ip2, ua2); };
    emit(inc::kAssumeRoleTime + 25, home, admin(Api::GetCallerIdentity));
    emit(inc::kAssumeRoleTime + 50, home, admin(Api::ListBuckets));
    {
        EventSpec e = admin(Api::ListObjects);
        e.args.bucket = inc::kSensitiveBucket;
        e.args.prefix = "exports/customers/";
        emit(inc::kAssumeRoleTime + 75, dataRegion, e);
        e.args.prefix = "invoices/";
        emit(inc::kAssumeRoleTime + 89, dataRegion, e);
    }
    const fmt::Civil c = fmt::civilFromEpoch(day_);
    const int n = std::max(1, exfilObjects);
    const double span = static_cast<double>(inc::kExfilEnd - inc::kExfilStart);
    std::string key;
    std::int64_t last = 0;
    for (int i = 0; i < n; ++i) {
        key = "exports/customers/";
        fmt::appendPadded(key, static_cast<std::uint64_t>(c.year), 4);
        key += '-';
        fmt::appendTwo(key, c.month);
        key += "/customers-part-";
        fmt::appendPadded(key, static_cast<std::uint64_t>(i + 1), 5);
        key += ".csv.gz";
        EventSpec e = admin(Api::GetObject);
        e.args.bucket = inc::kSensitiveBucket;
        e.args.key = key;
        e.args.bytes =
            static_cast<std::int64_t>(std::exp(std::log(2.0e6) + rng_.unit() * std::log(6.0)));
        plan_.info.exfilBytes += static_cast<std::uint64_t>(e.args.bytes);
        last = inc::kExfilStart + static_cast<std::int64_t>(span * i / n) + rng_.below(2);
        emit(last, dataRegion, e);
    }
    plan_.info.exfilObjects = static_cast<std::uint64_t>(n);
    plan_.info.exfilEnd = day_ + last;

    // 02:53 defence evasion.
    emit(inc::kStopLoggingTime - 112, home, admin(Api::DescribeTrails));
    {
        EventSpec e = admin(Api::GetTrailStatus);
        e.args.trailArn = inc::kTrailArn;
        emit(inc::kStopLoggingTime - 97, home, e);
        e.api = Api::StopLogging;
        emit(inc::kStopLoggingTime, home, e);
    }

    // 09:38 the responder.
    auto responder = [&](std::int64_t offset, Api api, EventArgs args = {}) {
        EventSpec e = as(maria, api == Api::ConsoleLogin ? Channel::SignIn : Channel::Console, api,
                         a_.officeIps[0], maria->consoleUa);
        e.fromConsole = api != Api::ConsoleLogin;
        e.args = args;
        emit(offset, home, e, false);
    };
    {
        // Her sign-in (about 09:38) and first look at the trail happen while logging is off,
        // so the first record of hers is StartLogging.
        EventArgs trail;
        trail.trailArn = inc::kTrailArn;
        responder(inc::kStartLoggingTime, Api::StartLogging, trail);
        responder(9 * 3600 + 42 * 60 + 2, Api::GetTrailStatus, trail);
        EventArgs look;
        look.lookupKey = "EventName";
        look.lookupValue = "StopLogging";
        responder(9 * 3600 + 42 * 60 + 40, Api::LookupEvents, look);
        look.lookupKey = "Username";
        look.lookupValue = inc::kLeakedUser;
        responder(9 * 3600 + 44 * 60 + 51, Api::LookupEvents, look);
        EventArgs k;
        k.userName = inc::kLeakedUser;
        k.accessKeyId = inc::kLeakedKey;
        k.status = "Inactive";
        responder(inc::kLeakedKeyDisabled, Api::UpdateAccessKey, k);
        k.userName = inc::kBackdoorUser;
        k.accessKeyId = inc::kBackdoorKey;
        responder(9 * 3600 + 48 * 60 + 10, Api::UpdateAccessKey, k);
        EventArgs d;
        d.userName = inc::kBackdoorUser;
        d.policyArn = inc::kAdminPolicyArn;
        responder(9 * 3600 + 49 * 60, Api::DetachUserPolicy, d);
        EventArgs nk;
        nk.userName = inc::kLeakedUser;
        nk.newAccessKeyId = inc::kRotatedKey;
        responder(9 * 3600 + 52 * 60 + 30, Api::CreateAccessKey, nk);
        auto revoke = [&](std::int64_t offset, const char *role) {
            std::string doc =
                R"({\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":[\"*\"],\"Resource\":[\"*\"],\"Condition\":{\"DateLessThan\":{\"aws:TokenIssueTime\":\")";
            doc += fmt::iso(day_ + offset).substr(0, 19);
            doc += R"(.000Z\"}}}]})";
            EventArgs r;
            r.roleName = role;
            r.policyName = "AWSRevokeOlderSessions";
            r.policyDocument = doc;
            responder(offset, Api::PutRolePolicy, r);
        };
        revoke(9 * 3600 + 55 * 60 + 40, inc::kInstanceRole);
        revoke(10 * 3600 + 1 * 60 + 15, inc::kAdminRole);
    }

    // 11:02 the attacker comes back; both keys are disabled.
    {
        // The old key, although ci-deploy itself now uses the rotated one.
        EventSpec e = asIdentity(ciP->idKey[0], ciP->arn, Api::GetCallerIdentity, ip1, ua1);
        e.error = ErrorKind::InvalidToken;
        emit(11 * 3600 + 2 * 60 + 33, home, e);
        EventSpec b = asIdentity(backdoorId, backdoorArn, Api::GetCallerIdentity, ip2, ua2);
        b.error = ErrorKind::InvalidToken;
        emit(11 * 3600 + 3 * 60 + 10, home, b);
    }

    std::stable_sort(plan_.events.begin(), plan_.events.end(),
                     [](const PlannedEvent &x, const PlannedEvent &y) {
                         if (x.region != y.region)
                             return x.region < y.region;
                         return x.t < y.t;
                     });

    PlantedIncident &info = plan_.info;
    info.planted = true;
    {
        std::string d;
        fmt::appendDate(d, day_, '-');
        info.day = d;
    }
    info.dayStart = day_;
    info.accountId = inc::kAccountId;
    info.region = inc::kHomeRegion;
    info.leakedUser = inc::kLeakedUser;
    info.leakedUserArn = "arn:aws:iam::" + acct + ":user/" + inc::kLeakedUser;
    info.leakedAccessKeyId = inc::kLeakedKey;
    info.rotatedAccessKeyId = inc::kRotatedKey;
    info.ciEgressIp = inc::kCiEgressIp;
    info.attackerIp1 = ip1;
    info.attackerIp2 = ip2;
    info.attackerUserAgent1 = ua1;
    info.attackerUserAgent2 = ua2;
    info.backdoorUser = inc::kBackdoorUser;
    info.backdoorUserArn = backdoorArn;
    info.backdoorAccessKeyId = inc::kBackdoorKey;
    info.adminRoleArn = inc::kAdminRoleArn;
    info.adminSessionName = inc::kAdminSessionName;
    info.adminSessionArn = inc::kAdminSessionArn;
    info.adminSessionAccessKeyId = inc::kAdminSessionKey;
    info.sensitiveBucket = inc::kSensitiveBucket;
    info.configBucket = inc::kConfigBucket;
    info.leakedObjectKey = inc::kLeakedObjectKey;
    info.stolenSecret = inc::kStolenSecret;
    info.instanceId = inc::kInstanceId;
    info.instanceRoleArn = inc::kInstanceRoleArn;
    info.instanceSessionArn = inc::kInstanceSessionArn;
    info.instanceSessionAccessKeyId = inc::kInstanceSessionKey;
    info.instancePrivateIp = inc::kInstancePrivateIp;
    info.trailArn = inc::kTrailArn;
    info.responderUser = inc::kResponderUser;
    info.instanceTheftStart = day_ + inc::kInstanceTheftStart;
    info.leakedKeyFirstUse = day_ + inc::kLeakedKeyFirstUse;
    info.createUserTime = day_ + inc::kCreateUserTime;
    info.createAccessKeyTime = day_ + inc::kCreateAccessKeyTime;
    info.assumeRoleTime = day_ + inc::kAssumeRoleTime;
    info.exfilStart = day_ + inc::kExfilStart;
    info.stopLoggingTime = day_ + inc::kStopLoggingTime;
    info.startLoggingTime = day_ + inc::kStartLoggingTime;

    plan_.gapAccount = 0;
    plan_.gapStart = day_ + inc::kStopLoggingTime + 1;
    plan_.gapEnd = day_ + inc::kStartLoggingTime;
    (void)pop_;
    return std::move(plan_);
}

} // namespace

IncidentPlan planIncident(Population &population, std::int64_t dayStart, int exfilObjects,
                          std::uint64_t seed)
{
    if (population.accounts.empty())
        return {};
    Planner planner(population, dayStart, seed);
    return planner.run(exfilObjects);
}

} // namespace sightline::bench
