#include "K8sAuditNormalizer.h"

#include "CloudTrailNormalizer.h"
#include "EventKind.h"
#include "Hashing.h"
#include "JsonUtil.h"
#include "TimeUtil.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>

namespace sightline {
namespace {

constexpr size_t kMaxKey = 2048;
constexpr size_t kMaxName = 256;

std::string_view cut(std::string_view s, size_t max = kMaxKey)
{
    return s.size() > max ? s.substr(0, max) : s;
}

// "aws-iam-authenticator:123456789012:AROAEXAMPLE" (and the older "heptio-authenticator-aws:")
// -> the IAM unique id of the role or user.
std::string_view authenticatorId(std::string_view uid)
{
    if (uid.substr(0, 22) != "aws-iam-authenticator:" &&
        uid.substr(0, 25) != "heptio-authenticator-aws:")
        return {};
    const size_t colon = uid.rfind(':');
    return uid.substr(colon + 1);
}

std::string_view reasonForCode(int code)
{
    switch (code) {
    case 400:
        return "BadRequest";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "NotFound";
    case 405:
        return "MethodNotAllowed";
    case 406:
        return "NotAcceptable";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "RequestEntityTooLarge";
    case 415:
        return "UnsupportedMediaType";
    case 422:
        return "Invalid";
    case 429:
        return "TooManyRequests";
    case 500:
        return "InternalError";
    case 503:
        return "ServiceUnavailable";
    case 504:
        return "Timeout";
    default:
        return {};
    }
}

} // namespace

std::string K8sAuditNormalizer::statusText(int code, std::string_view reason)
{
    if (code < 400)
        return {};
    std::string s = std::to_string(code);
    const std::string_view why = !reason.empty() ? cut(reason, 64) : reasonForCode(code);
    if (!why.empty())
        s.append(" ").append(why);
    return s;
}

K8sAuditNormalizer::Iam K8sAuditNormalizer::iamIdentity(const K8sAuditRecord &r, BatchBuilder &out)
{
    Iam iam;
    const std::string_view arn = r.iamArn;
    if (arn.substr(0, 4) != "arn:")
        return iam;
    Interner &in = out.interner();
    const std::string_view account = arnAccount(arn);
    const std::string_view resource = arnResource(arn);
    std::string_view id = authenticatorId(r.userUid);
    if (id.empty() && !r.iamPrincipalId.empty())
        id = r.iamPrincipalId.substr(0, r.iamPrincipalId.find(':'));
    if (resource.substr(0, 13) == "assumed-role/") {
        // arn:aws:sts::123:assumed-role/RoleName/session
        const std::string_view rest = resource.substr(13);
        const size_t slash = rest.find('/');
        const std::string_view roleName = rest.substr(0, slash);
        const std::string_view session = !r.iamSessionName.empty()         ? r.iamSessionName
                                         : slash != std::string_view::npos ? rest.substr(slash + 1)
                                                                           : std::string_view();
        // The session key CloudTrail uses: "<role id>:<session name>".
        if (!id.empty() && !session.empty())
            m_scratch.assign(id).append(":").append(session);
        else
            m_scratch.assign(arn);
        iam.principal =
            in.entity(EntityType::AwsRoleSession, cut(m_scratch), session, account, arnAttrs(arn));
        std::string roleArn(r.iamCanonicalArn);
        if (roleArn.empty() && !roleName.empty())
            roleArn = "arn:aws:iam::" + std::string(account) + ":role/" + std::string(roleName);
        if (!roleName.empty())
            iam.role = in.principal(EntityType::AwsRole, !id.empty() ? id : roleArn, roleName,
                                    account, arnAttrs(roleArn));
        if (isEc2InstanceId(session))
            iam.instance = in.entity(EntityType::Ec2Instance, session, {}, account);
    } else if (resource.substr(0, 5) == "user/") {
        const std::string_view name = lastPathPart(resource);
        iam.principal =
            in.principal(EntityType::AwsUser, !id.empty() ? id : arn, name, account, arnAttrs(arn));
    } else if (resource == "root") {
        iam.principal = in.entity(EntityType::AwsUser, arn, "root", account, arnAttrs(arn));
    }
    if (!r.iamAccessKeyId.empty())
        iam.key = in.entity(EntityType::AccessKey, cut(r.iamAccessKeyId), {}, account);
    if (!account.empty())
        iam.account = in.entity(EntityType::AwsAccount, cut(account));
    return iam;
}

bool K8sAuditNormalizer::add(const K8sAuditRecord &r, std::string_view raw, int64_t line,
                             int64_t offset, BatchBuilder &out, std::string &reason)
{
    std::optional<int64_t> time;
    std::string_view badTime;
    for (std::string_view t :
         {r.requestReceived, r.stageTime, r.timestamp, r.creationTime, r.altTime}) {
        if (t.empty())
            continue;
        time = parseIso8601(t);
        if (time)
            break;
        if (badTime.empty())
            badTime = t;
    }
    if (!time && r.timeMs != 0)
        time = r.timeMs;
    if (!time) {
        reason = badTime.empty()
                     ? "Kubernetes audit event without a time (requestReceivedTimestamp, "
                       "stageTimestamp or timestamp)"
                     : "Kubernetes audit event time is not a valid time: \"" +
                           std::string(cut(badTime, 64)) + "\"";
        return false;
    }

    // Activity name: "<verb> <resource>[/<subresource>]", or "<verb> <path>" for requests
    // outside the resource API (/healthz, /version, /metrics).
    m_name.clear();
    std::string_view path = r.requestUri.substr(0, r.requestUri.find('?'));
    if (!r.resource.empty()) {
        m_name.append(r.resource);
        if (!r.subresource.empty())
            m_name.append("/").append(r.subresource);
    } else if (!path.empty()) {
        m_name.append(path);
    }
    if (m_name.empty() && r.verb.empty()) {
        reason = "Kubernetes audit event without verb, objectRef or requestURI";
        return false;
    }
    std::string verb = r.verb.empty() ? std::string("request") : std::string(cut(r.verb, 64));
    if (!m_name.empty())
        verb.push_back(' ');
    m_name.insert(0, verb);
    const std::string_view name = cut(m_name, kMaxName);

    Interner &in = out.interner();
    EventRow &e = out.beginEvent(raw, line, offset);
    e.time = *time;
    e.kind = static_cast<int>(EventKind::KubernetesAudit);
    if (r.auditId.size() >= 8) {
        // The audit id with its stage identifies a record; the request fields and the answer
        // keep apart hand-made samples that reuse one id for different requests.
        m_scratch.assign(r.auditId)
            .append("|")
            .append(r.stage)
            .append("|")
            .append(name)
            .append("|")
            .append(r.objectNamespace)
            .append("/")
            .append(r.objectName)
            .append("|")
            .append(r.username)
            .append("|")
            .append(std::to_string(r.code));
        e.key = hash64("k8s-audit", m_scratch);
    } else {
        e.key = hash64("k8s-audit-content", raw);
    }
    e.name = in.string(name);
    e.service = in.string("kubernetes");
    const std::string status = statusText(r.code, r.statusReason);
    e.error = in.string(status);
    e.region = in.string(cut(r.region));
    const bool success = status.empty();

    // The subject, with its groups and uid as details.
    int64_t subject = 0;
    if (!r.username.empty()) {
        std::string attrs;
        if (!r.groups.empty() || !r.userUid.empty()) {
            attrs = "{";
            if (!r.userUid.empty()) {
                attrs += "\"uid\":";
                json::appendString(attrs, cut(r.userUid));
            }
            if (!r.groups.empty()) {
                attrs += r.userUid.empty() ? "\"groups\":[" : ",\"groups\":[";
                for (size_t i = 0; i < r.groups.size(); ++i) {
                    if (i)
                        attrs.push_back(',');
                    json::appendString(attrs, cut(r.groups[i], 256));
                }
                attrs.push_back(']');
            }
            attrs.push_back('}');
        }
        subject =
            in.entity(EntityType::KubernetesSubject, cut(r.username), cut(r.username), {}, attrs);
    }
    const int64_t impersonated = r.impersonatedUser.empty()
                                     ? 0
                                     : in.entity(EntityType::KubernetesSubject,
                                                 cut(r.impersonatedUser), cut(r.impersonatedUser));
    std::vector<int64_t> ips;
    for (std::string_view ip : r.sourceIps) {
        if (isIpAddress(ip)) {
            const int64_t id = in.entity(EntityType::IpAddress, ip);
            if (std::find(ips.begin(), ips.end(), id) == ips.end())
                ips.push_back(id);
        }
    }
    const int64_t ua = r.userAgent.empty() ? 0 : in.entity(EntityType::UserAgent, cut(r.userAgent));
    const Iam iam = iamIdentity(r, out);
    const std::string_view clusterAccount = r.account;
    int64_t account = iam.account;
    if (!account && !clusterAccount.empty())
        account = in.entity(EntityType::AwsAccount, cut(clusterAccount));
    const int64_t cluster =
        r.cluster.empty()
            ? 0
            : in.entity(EntityType::ContainerCluster, cut(r.cluster), cut(r.cluster),
                        clusterAccount.empty() ? arnAccount(r.iamArn) : clusterAccount);

    // The pod acted on (also the one a successful create made, named in the response).
    int64_t pod = 0;
    bool createdPod = false;
    if (r.resource == "pods") {
        std::string_view podName = r.objectName;
        if (podName.empty() && r.responseKind == "Pod")
            podName = r.responseName;
        if (podName.empty() && r.requestKind == "Pod")
            podName = r.requestName;
        std::string_view ns = r.objectNamespace;
        if (ns.empty())
            ns = !r.responseNamespace.empty() ? r.responseNamespace : r.requestNamespace;
        if (!podName.empty()) {
            m_scratch.assign(ns).append("/").append(podName);
            std::string attrs;
            if (!ns.empty()) {
                attrs = "{\"namespace\":";
                json::appendString(attrs, cut(ns, 256));
                attrs.push_back('}');
            }
            pod = in.entity(EntityType::ContainerPod, cut(m_scratch), cut(podName), clusterAccount,
                            attrs);
            createdPod = r.verb == "create" && r.subresource.empty() && success;
        }
    }
    std::vector<int64_t> images;
    for (std::string_view image : r.images)
        images.push_back(in.entity(EntityType::ContainerImage, cut(image), cut(image)));

    e.principal = subject ? subject : iam.principal;
    e.ip = ips.empty() ? 0 : ips.front();
    e.ua = ua;
    e.accessKey = iam.key;
    e.account = account;

    const int64_t actor = e.principal;
    for (int64_t ip : ips) {
        out.edge(actor, Relation::CalledFrom, ip);
        if (subject)
            out.edge(iam.principal, Relation::CalledFrom, ip);
    }
    out.edge(actor, Relation::UsedAgent, ua);
    out.edge(subject, Relation::AuthenticatedAs, iam.principal);
    out.edge(iam.principal, Relation::Assumed, iam.role);
    out.edge(iam.principal, Relation::UsesKey, iam.key);
    out.edge(iam.principal, Relation::InAccount, iam.account);
    out.edge(iam.instance, Relation::RunsAs, iam.principal);
    out.edge(actor, Relation::ActedOn, impersonated);
    out.edge(actor, Relation::ActedOn, cluster);
    out.edge(actor, Relation::ActedOn, pod);
    if (createdPod)
        out.edge(actor, Relation::Created, pod);
    out.edge(pod, Relation::RunsIn, cluster);
    for (int64_t image : images)
        out.edge(pod, Relation::UsesImage, image);

    // Kubernetes call counts, in total and per "<verb> <resource>", for the subject, its IAM
    // identity, the addresses, the cluster and the pod; totals for the agent and account.
    m_scratch.assign("kubernetes:").append(name);
    const int64_t api = in.string(m_scratch);
    const int64_t ok = success ? 1 : 0, fail = success ? 0 : 1;
    // Denied calls apart: 401 (not authenticated) and 403 (authenticated, not allowed).
    const int64_t unauthorized = r.code == 401 ? 1 : 0, forbidden = r.code == 403 ? 1 : 0;
    auto count = [&](int64_t ent, bool byApi) {
        if (!ent)
            return;
        out.involve(ent);
        out.agg(ent, Metric::K8sCalls, 0, ok, fail);
        if (byApi)
            out.agg(ent, Metric::K8sCalls, api, ok, fail);
        if (unauthorized + forbidden == 0)
            return;
        out.agg(ent, Metric::K8sDenied, 0, unauthorized, forbidden);
        if (byApi)
            out.agg(ent, Metric::K8sDenied, api, unauthorized, forbidden);
    };
    count(subject, true);
    count(iam.principal, true);
    for (int64_t ip : ips)
        count(ip, true);
    count(cluster, true);
    count(pod, true);
    count(ua, false);
    count(account, false);
    for (int64_t x : {impersonated, iam.role, iam.key, iam.instance})
        out.involve(x);
    for (int64_t image : images)
        out.involve(image);
    // Peer tables as CloudTrail keeps them: what a principal used, who used an address.
    auto peer = [&](int64_t from, int64_t to) {
        if (from && to && from != to)
            out.agg(from, Metric::PeerCalls, to, ok, fail);
    };
    for (int64_t p : {subject, iam.principal}) {
        if (!ips.empty())
            peer(p, ips.front());
        peer(p, ua);
    }
    peer(iam.principal, iam.key);
    if (!ips.empty())
        peer(ips.front(), actor);
    out.endEvent();
    return true;
}

} // namespace sightline
