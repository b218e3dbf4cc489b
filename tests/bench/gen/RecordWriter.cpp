#include "RecordWriter.h"

#include "Format.h"
#include "RecordHelpers.h"

namespace sightline::bench {

using namespace detail;

namespace {

const char *const kSsmAgentUa =
    "aws-sdk-go/1.44.260 (go1.20.5; linux; amd64) amazon-ssm-agent/3.2.1705.0";

bool isS3Object(Api api)
{
    return api == Api::GetObject || api == Api::HeadObject || api == Api::PutObject ||
           api == Api::DeleteObject || api == Api::ListObjects;
}

} // namespace

RecordWriter::RecordWriter(const Account &account, int regionIndex)
    : a_(account), r_(account.regions[static_cast<std::size_t>(regionIndex)])
{
    global_ = r_.name == "us-east-1";
    hosts_.reserve(static_cast<std::size_t>(Api::Count));
    for (std::size_t i = 0; i < static_cast<std::size_t>(Api::Count); ++i)
        hosts_.push_back(apiHost(static_cast<Api>(i), r_.name));
    res_.reserve(512);
    ipBuf_.reserve(32);
    tmp_.reserve(256);
}

void RecordWriter::fillOrdinary(EventSpec &e, Rng &rng, const Principal &p, Api api, bool console,
                                std::int64_t t)
{
    e = EventSpec{};
    e.api = api;
    e.t = t;
    e.principal = &p;
    e.ua = p.ua;
    e.cliUa = p.cliUa;
    e.tls12 = p.tls12;

    switch (p.kind) {
    case Kind::HumanUser:
    case Kind::ServiceUser:
        e.channel = api == Api::ConsoleLogin ? Channel::SignIn
                    : console                ? Channel::Console
                                             : Channel::Key;
        break;
    case Kind::Root:
        e.channel = api == Api::ConsoleLogin ? Channel::SignIn : Channel::Console;
        break;
    case Kind::AwsService:
    case Kind::ServiceEventSource:
        e.channel = Channel::Service;
        break;
    case Kind::CiSession:
        e.channel = api == Api::AssumeRoleWithWebIdentity ? Channel::WebId : Channel::Session;
        break;
    default:
        e.channel = Channel::Session;
        break;
    }

    switch (p.ipMode) {
    case IpMode::Human: {
        const double x = rng.unit();
        if (x < 0.65) {
            e.ip = pickStr(rng, a_.officeIps);
        } else if (x < 0.95) {
            e.ip = p.ips[0];
        } else {
            ipBuf_.clear();
            fmt::appendIp(ipBuf_, randomPublicIp(rng));
            e.ip = ipBuf_;
        }
        break;
    }
    case IpMode::Fixed:
        e.ip = p.ips[p.ips.size() == 1 ? 0 : rng.below(static_cast<std::uint32_t>(p.ips.size()))];
        break;
    case IpMode::Instance:
        if (isS3Object(api)) {
            e.ip = p.privateIp;
            e.vpce = r_.vpce;
        } else {
            e.ip = r_.natIp;
        }
        break;
    case IpMode::Lambda:
        ipBuf_.clear();
        fmt::appendIp(ipBuf_, randomAwsIp(rng));
        e.ip = ipBuf_;
        break;
    case IpMode::GitHub:
        ipBuf_.clear();
        fmt::appendIp(ipBuf_, randomGitHubRunnerIp(rng));
        e.ip = ipBuf_;
        break;
    case IpMode::ServiceName:
        e.ip = p.ips[0];
        e.tls = false;
        break;
    }

    if (console || p.kind == Kind::Root) {
        e.cliUa = false;
        e.ua = p.consoleUa;
        e.fromConsole = api != Api::ConsoleLogin;
        if (e.fromConsole) {
            const double x = rng.unit();
            if (x < 0.3) {
                e.ip = "AWS Internal";
                e.ua = "AWS Internal";
                e.tls = false;
            } else if (x < 0.45 && apiInfo(api).svc == Svc::Ec2) {
                e.ua = "console.ec2.amazonaws.com";
            }
        }
    }
    if (p.kind == Kind::InstanceSession && api == Api::UpdateInstanceInformation)
        e.ua = kSsmAgentUa;
    if (api == Api::ConsoleLogin)
        e.tls = true;

    if (p.kind != Kind::AwsService && p.kind != Kind::ServiceEventSource &&
        p.kind != Kind::ServiceLinkedSession) {
        if (api == Api::ConsoleLogin) {
            if (rng.chance(0.04))
                e.error = ErrorKind::LoginFailed;
        } else if (e.channel == Channel::Key && t >= p.keyDisabledAt && t < p.rotateAt) {
            e.error = ErrorKind::InvalidToken;
        } else if (rng.chance(0.03)) {
            if ((api == Api::GetObject || api == Api::HeadObject) && rng.chance(0.4))
                e.error = ErrorKind::NoSuchKey;
            else
                e.error = rng.chance(0.6) ? ErrorKind::Denied : ErrorKind::Throttled;
        }
    }
}

void RecordWriter::identity(std::string &o, const EventSpec &e)
{
    if (!e.identity.empty()) {
        o += e.identity;
        return;
    }
    const Principal &p = *e.principal;
    switch (e.channel) {
    case Channel::Key:
        o += p.idKey[e.t >= p.rotateAt ? 1 : 0];
        return;
    case Channel::SignIn:
        o += p.idSignIn;
        return;
    case Channel::Service:
        o += p.idFixed;
        return;
    case Channel::WebId:
        o += p.webIdUser;
        return;
    case Channel::Session:
    case Channel::Console: {
        std::int64_t created = 0;
        o += p.sessPre;
        p.sessionKey(e.t, o, created);
        o += p.sessMid;
        fmt::appendIso(o, created);
        o += p.sessPost;
        return;
    }
    }
}

void RecordWriter::error(std::string &o, const EventSpec &e, std::string_view callerArn)
{
    const ApiInfo &ai = apiInfo(e.api);
    const char *prefix = svcActionPrefix(ai.svc);
    const char *action = ai.action != nullptr ? ai.action : ai.name;
    auto deniedMessage = [&]() {
        o += "User: ";
        o += callerArn;
        o += " is not authorized to perform: ";
        o += prefix;
        o += ':';
        o += action;
        if (!e.errorResource.empty()) {
            o += " on resource: ";
            o += e.errorResource;
        }
        o += " because no identity-based policy allows the ";
        o += prefix;
        o += ':';
        o += action;
        o += " action";
    };
    switch (e.error) {
    case ErrorKind::None:
        return;
    case ErrorKind::Denied:
        if (ai.svc == Svc::Ec2) {
            o +=
                R"(,"errorCode":"Client.UnauthorizedOperation","errorMessage":"You are not authorized to perform this operation. )";
            deniedMessage();
            o += '"';
        } else if (ai.svc == Svc::S3) {
            o += R"(,"errorCode":"AccessDenied","errorMessage":"Access Denied")";
        } else {
            const bool exception = ai.svc == Svc::Kms || ai.svc == Svc::Secrets ||
                                   ai.svc == Svc::Ssm || ai.svc == Svc::Logs ||
                                   ai.svc == Svc::Lambda || ai.svc == Svc::Dynamo ||
                                   ai.svc == Svc::Ecr || ai.svc == Svc::Orgs;
            o += exception ? R"(,"errorCode":"AccessDeniedException","errorMessage":")"
                           : R"(,"errorCode":"AccessDenied","errorMessage":")";
            deniedMessage();
            o += '"';
        }
        return;
    case ErrorKind::Throttled:
        if (ai.svc == Svc::Ec2)
            o +=
                R"(,"errorCode":"Client.RequestLimitExceeded","errorMessage":"Request limit exceeded.")";
        else if (ai.svc == Svc::S3)
            o += R"(,"errorCode":"SlowDown","errorMessage":"Please reduce your request rate.")";
        else
            o += R"(,"errorCode":"ThrottlingException","errorMessage":"Rate exceeded")";
        return;
    case ErrorKind::NoSuchKey:
        o += R"(,"errorCode":"NoSuchKey","errorMessage":"The specified key does not exist.")";
        return;
    case ErrorKind::InvalidToken:
        o +=
            R"(,"errorCode":"InvalidClientTokenId","errorMessage":"The security token included in the request is invalid.")";
        return;
    case ErrorKind::LoginFailed:
        o += R"(,"errorMessage":"Failed authentication")";
        return;
    }
}

void RecordWriter::write(std::string &o, Rng &rng, const EventSpec &e)
{
    const ApiInfo &ai = apiInfo(e.api);
    host_.clear();
    res_.clear();

    o += R"({"eventVersion":"1.08","userIdentity":)";
    identity(o, e);
    o += R"(,"eventTime":")";
    fmt::appendIso(o, e.t);
    o += R"(","eventSource":")";
    o += svcEventSource(ai.svc);
    o += R"(","eventName":")";
    o += ai.name;
    o += R"(","awsRegion":")";
    o += r_.name;
    o += R"(","sourceIPAddress":")";
    o += e.ip;
    o += R"(","userAgent":")";
    o += e.ua;
    if (e.cliUa && ai.cli[0] != 0) {
        o += " command/";
        o += ai.cli;
    }
    o += '"';
    std::string_view caller = e.callerArn;
    if (caller.empty() && e.principal != nullptr)
        caller = e.principal->arn;
    error(o, e, caller);

    body(o, rng, e);

    if (ai.type == EventType::ApiCall) {
        o += R"(,"requestID":")";
        if (ai.svc == Svc::S3)
            fmt::appendFromAlphabet(o, rng, 16, fmt::kUpperAlnum, 36);
        else
            fmt::appendUuid(o, rng);
        o += '"';
    }
    o += R"(,"eventID":")";
    fmt::appendUuid(o, rng);
    o += R"(","readOnly":)";
    o += ai.readOnly ? "true" : "false";
    if (!res_.empty()) {
        o += R"(,"resources":[)";
        o += res_;
        o += ']';
    }
    o += R"(,"eventType":")";
    o += ai.type == EventType::ApiCall        ? "AwsApiCall"
         : ai.type == EventType::ServiceEvent ? "AwsServiceEvent"
                                              : "AwsConsoleSignIn";
    o += R"(","managementEvent":)";
    o += ai.data ? "false" : "true";
    o += R"(,"recipientAccountId":")";
    o += a_.id;
    o += '"';
    if (!e.vpce.empty()) {
        o += R"(,"vpcEndpointId":")";
        o += e.vpce;
        o += '"';
    }
    o += R"(,"eventCategory":")";
    o += ai.data ? "Data" : "Management";
    o += '"';
    if (e.tls && ai.type != EventType::ServiceEvent) {
        o +=
            e.tls12
                ? R"(,"tlsDetails":{"tlsVersion":"TLSv1.2","cipherSuite":"ECDHE-RSA-AES128-GCM-SHA256","clientProvidedHostHeader":")"
                : R"(,"tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256","clientProvidedHostHeader":")";
        o += host_.empty() ? hosts_[static_cast<std::size_t>(e.api)] : host_;
        o += R"("})";
    }
    if (e.fromConsole)
        o += R"(,"sessionCredentialFromConsole":"true")";
    o += '}';
}

// ---------------------------------------------------------------------------------------------

const Bucket *RecordWriter::pickBucket(Rng &rng, const Principal *p) const
{
    if (p != nullptr && p->bucketPref >= 0) {
        const Bucket &b = a_.buckets[static_cast<std::size_t>(p->bucketPref)];
        if (&a_.regions[static_cast<std::size_t>(b.region)] == &r_ && rng.chance(0.8))
            return &b;
    }
    if (r_.buckets.empty())
        return nullptr;
    // Customer data is read only by the principals that prefer it (its bucket policy).
    for (int attempt = 0; attempt < 4; ++attempt) {
        const Bucket &b = a_.buckets[static_cast<std::size_t>(
            r_.buckets[rng.below(static_cast<std::uint32_t>(r_.buckets.size()))])];
        if (b.kind != BucketKind::Customer)
            return &b;
    }
    return &a_.buckets[static_cast<std::size_t>(r_.buckets.back())];
}

std::string_view RecordWriter::pickInstance(Rng &rng, const Principal *p) const
{
    if (p != nullptr && !p->instanceId.empty() && rng.chance(0.8))
        return p->instanceId;
    if (r_.instanceIds.empty())
        return "i-0f3c2a1b0e9d8c7b6";
    return pickStr(rng, r_.instanceIds);
}

} // namespace sightline::bench
