#include "CloudTrailNormalizer.h"

#include "JsonUtil.h"

#include "EventKind.h"
#include "Hashing.h"
#include "TimeUtil.h"
#include "Varint.h"

#include <algorithm>
#include <array>

namespace sightline {
namespace {

constexpr size_t kMaxKey = 2048; // longer identifiers (user agents) are cut

std::string_view cut(std::string_view s)
{
    return s.size() > kMaxKey ? s.substr(0, kMaxKey) : s;
}

std::string_view field(const std::vector<CloudTrailField> &fields, std::string_view parent,
                       std::string_view key)
{
    for (const auto &f : fields) {
        if (f.key == key && (parent.empty() || f.parent == parent))
            return f.value;
    }
    return {};
}

// Exports that hide identifiers write a placeholder instead; such values name nothing.
bool redacted(std::string_view s)
{
    return s.empty() || s == "redacted" || s == "REDACTED" || s == "HIDDEN_DUE_TO_SECURITY_REASONS";
}

// Account ids are 12 digits; anonymised samples shorten them, redacted ones say so.
bool isAccountId(std::string_view s)
{
    return !s.empty() && s.size() <= 12 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Network interfaces attached to instances, in the order of the fields: an interface goes
// with the only instance named, else with the instance named last before it (RunInstances
// lists each instance's id before its networkInterfaceSet, natively and with sorted keys).
void mapInterfaces(const std::vector<CloudTrailField> &fields, Interner &in,
                   std::string_view account)
{
    int instances = 0;
    std::string_view only;
    for (const CloudTrailField &f : fields) {
        if (f.key == "instanceId" && isEc2InstanceId(f.value) && f.value != only) {
            ++instances;
            only = f.value;
        }
    }
    if (instances == 0)
        return;
    std::string_view last;
    for (const CloudTrailField &f : fields) {
        if (f.key == "instanceId" && isEc2InstanceId(f.value))
            last = f.value;
        else if (f.key == "networkInterfaceId" && isNetworkInterfaceId(f.value)) {
            const std::string_view instance = instances == 1 ? only : last;
            if (!instance.empty())
                in.mapInterface(f.value, in.entity(EntityType::Ec2Instance, instance, {}, account));
        }
    }
}

bool plausibleEventId(std::string_view id)
{
    return id.size() >= 8 && id != "redacted" && id != "REDACTED";
}

} // namespace

std::string arnAttrs(std::string_view arn)
{
    if (arn.empty())
        return {};
    std::string out = "{\"arn\":";
    json::appendString(out, arn);
    out.push_back('}');
    return out;
}

bool isEc2InstanceId(std::string_view s)
{
    if (s.size() < 10 || s.size() > 19 || s.substr(0, 2) != "i-")
        return false;
    return std::all_of(s.begin() + 2, s.end(),
                       [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

bool isResourceId(std::string_view s, std::string_view prefix)
{
    if (s.size() <= prefix.size() || s.size() > 64 || s.substr(0, prefix.size()) != prefix)
        return false;
    return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(prefix.size()), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
}

bool isIpAddress(std::string_view s)
{
    if (parseIpv4(s) >= 0)
        return true;
    // IPv6: hex digits and colons (and a dotted IPv4 tail), at least two colons.
    if (s.size() < 2 || s.size() > 45)
        return false;
    int colons = 0;
    for (char c : s) {
        if (c == ':')
            ++colons;
        else if (!std::isxdigit(static_cast<unsigned char>(c)) && c != '.')
            return false;
    }
    return colons >= 2;
}

std::string_view arnAccount(std::string_view arn)
{
    // arn:partition:service:region:account:resource
    size_t pos = 0;
    for (int i = 0; i < 4; ++i) {
        pos = arn.find(':', pos);
        if (pos == std::string_view::npos)
            return {};
        ++pos;
    }
    const size_t end = arn.find(':', pos);
    if (end == std::string_view::npos)
        return {};
    return arn.substr(pos, end - pos);
}

std::string_view arnResource(std::string_view arn)
{
    size_t pos = 0;
    for (int i = 0; i < 5; ++i) {
        pos = arn.find(':', pos);
        if (pos == std::string_view::npos)
            return {};
        ++pos;
    }
    return arn.substr(pos);
}

std::string_view lastPathPart(std::string_view s)
{
    const size_t slash = s.rfind('/');
    return slash == std::string_view::npos ? s : s.substr(slash + 1);
}

struct CloudTrailNormalizer::Refs
{
    int64_t principal = 0, issuer = 0, ip = 0, ua = 0, key = 0, account = 0, recipient = 0;
    int64_t instance = 0;           // the EC2 instance whose role credentials made the call
    std::vector<int64_t> resources; // acted on
    std::vector<int64_t> extra;     // involved without being acted on
    std::string_view principalAccount;
};

void CloudTrailNormalizer::principal(const CloudTrailRecord &r, BatchBuilder &out, Refs &refs)
{
    Interner &in = out.interner();
    const CloudTrailIdentity &id = r.identity;
    std::string_view account = !id.accountId.empty() ? id.accountId : arnAccount(id.arn);
    refs.principalAccount = account;
    const std::string_view type = id.type;
    if (type == "IAMUser") {
        const std::string_view key = !id.principalId.empty() ? id.principalId : id.arn;
        std::string_view name = !id.userName.empty() ? id.userName : lastPathPart(id.arn);
        refs.principal = in.principal(EntityType::AwsUser, key, name, account, arnAttrs(id.arn));
    } else if (type == "AssumedRole") {
        std::string_view key = id.principalId;
        std::string_view session;
        if (const size_t colon = key.find(':'); colon != std::string_view::npos)
            session = key.substr(colon + 1);
        else
            session = lastPathPart(id.arn);
        if (key.empty())
            key = id.arn;
        refs.principal =
            in.entity(EntityType::AwsRoleSession, key, session, account, arnAttrs(id.arn));
        std::string_view roleKey = id.issuerPrincipalId;
        if (roleKey.empty()) {
            if (const size_t colon = id.principalId.find(':'); colon != std::string_view::npos)
                roleKey = id.principalId.substr(0, colon);
        }
        if (roleKey.empty())
            roleKey = id.issuerArn;
        std::string_view roleName = id.issuerUserName;
        if (roleName.empty()) {
            // arn:aws:sts::123:assumed-role/RoleName/session
            const std::string_view res = arnResource(id.arn);
            const size_t a = res.find('/');
            const size_t b = a == std::string_view::npos ? a : res.find('/', a + 1);
            if (a != std::string_view::npos && b != std::string_view::npos)
                roleName = res.substr(a + 1, b - a - 1);
        }
        refs.issuer = in.principal(EntityType::AwsRole, roleKey, roleName,
                                   !id.issuerAccountId.empty() ? id.issuerAccountId : account,
                                   arnAttrs(id.issuerArn));
        if (isEc2InstanceId(session)) {
            const int64_t instance = in.entity(EntityType::Ec2Instance, session, {}, account);
            out.edge(instance, Relation::RunsAs, refs.principal);
            refs.instance = instance;
        }
    } else if (type == "FederatedUser") {
        std::string_view key = !id.principalId.empty() ? id.principalId : id.arn;
        std::string_view name = lastPathPart(id.arn);
        if (const size_t colon = id.principalId.find(':'); colon != std::string_view::npos)
            name = id.principalId.substr(colon + 1);
        refs.principal = in.entity(EntityType::FederatedUser, key, name, account, arnAttrs(id.arn));
        if (!id.issuerPrincipalId.empty() || !id.issuerArn.empty()) {
            refs.issuer = in.principal(
                id.issuerType == "Role" ? EntityType::AwsRole : EntityType::AwsUser,
                !id.issuerPrincipalId.empty() ? id.issuerPrincipalId : id.issuerArn,
                !id.issuerUserName.empty() ? id.issuerUserName : lastPathPart(id.issuerArn),
                account, arnAttrs(id.issuerArn));
        }
    } else if (type == "Root") {
        std::string root = !id.arn.empty() ? std::string(id.arn)
                                           : "arn:aws:iam::" + std::string(account) + ":root";
        refs.principal = in.entity(EntityType::AwsUser, root, "root", account, arnAttrs(root));
    } else if (type == "AWSAccount") {
        std::string_view acct = !account.empty() ? account : id.principalId;
        if (const size_t colon = acct.find(':'); colon != std::string_view::npos)
            acct = acct.substr(0, colon);
        refs.principal = in.entity(EntityType::AwsAccount, acct);
    } else if (type == "SAMLUser" || type == "WebIdentityUser") {
        std::string_view key = !id.principalId.empty() ? id.principalId : id.userName;
        refs.principal = in.entity(EntityType::FederatedUser, key, id.userName, account);
    } else if (!redacted(id.onBehalfOfUserId)) { // IdentityCenterUser and friends
        refs.principal = in.entity(EntityType::AwsUser, id.onBehalfOfUserId, id.userName, account);
    } else if (type != "AWSService" && !id.principalId.empty()) {
        // Unknown identity types: keep the principal rather than lose it.
        const EntityType t = id.arn.find(":assumed-role/") != std::string_view::npos
                                 ? EntityType::AwsRoleSession
                                 : EntityType::AwsUser;
        refs.principal =
            in.entity(t, id.principalId, !id.userName.empty() ? id.userName : lastPathPart(id.arn),
                      account, arnAttrs(id.arn));
    }
    if (!id.accessKeyId.empty())
        refs.key = in.entity(EntityType::AccessKey, cut(id.accessKeyId), {}, account);
}

void CloudTrailNormalizer::targets(const CloudTrailRecord &r, BatchBuilder &out, Refs &refs,
                                   bool success)
{
    Interner &in = out.interner();
    const std::string_view acct =
        !r.recipientAccountId.empty() ? r.recipientAccountId : refs.principalAccount;
    auto actedOn = [&](int64_t id) {
        if (id &&
            std::find(refs.resources.begin(), refs.resources.end(), id) == refs.resources.end())
            refs.resources.push_back(id);
    };
    auto created = [&](int64_t id) {
        if (success && refs.principal)
            out.edge(refs.principal, Relation::Created, id);
    };
    for (const auto &f : r.request) {
        if (f.key == "bucketName")
            actedOn(in.entity(EntityType::S3Bucket, cut(f.value), f.value, acct));
        else if (isEc2InstanceId(f.value))
            actedOn(in.entity(EntityType::Ec2Instance, f.value, {}, acct));
    }
    const bool runInstances = r.eventName == "RunInstances";
    if (success && (runInstances || r.eventName == "CreateNetworkInterface"))
        mapInterfaces(r.response, in, acct);
    else if (success && r.eventName == "AttachNetworkInterface")
        mapInterfaces(r.request, in, acct);
    for (const auto &f : r.response) {
        if (isEc2InstanceId(f.value)) {
            const int64_t inst = in.entity(EntityType::Ec2Instance, f.value, {}, acct);
            actedOn(inst);
            if (runInstances)
                created(inst);
        }
    }
    for (const auto &res : r.resources) {
        const std::string_view type = res.type;
        const std::string_view name = arnResource(res.arn);
        const std::string_view account = !res.accountId.empty() ? res.accountId : acct;
        if (type == "AWS::S3::Bucket" && !name.empty())
            actedOn(in.entity(EntityType::S3Bucket, cut(name), name, account));
        else if (type == "AWS::S3::Object" && !name.empty()) {
            const std::string_view bucket = name.substr(0, name.find('/'));
            actedOn(in.entity(EntityType::S3Bucket, cut(bucket), bucket, account));
        } else if (type == "AWS::EC2::Instance" && isEc2InstanceId(lastPathPart(res.arn)))
            actedOn(in.entity(EntityType::Ec2Instance, lastPathPart(res.arn), {}, account));
        else if (type == "AWS::IAM::Role" && !res.arn.empty())
            actedOn(in.principal(EntityType::AwsRole, res.arn, lastPathPart(res.arn),
                                 arnAccount(res.arn), arnAttrs(res.arn)));
        else if (type == "AWS::IAM::User" && !res.arn.empty())
            actedOn(in.principal(EntityType::AwsUser, res.arn, lastPathPart(res.arn),
                                 arnAccount(res.arn), arnAttrs(res.arn)));
        else if (type == "AWS::IAM::AccessKey" && !res.arn.empty())
            actedOn(in.entity(EntityType::AccessKey, cut(res.arn), {}, account));
    }

    const std::string_view source = r.eventSource;
    if (source == "iam.amazonaws.com") {
        const std::string_view userName = field(r.request, {}, "userName");
        int64_t targetUser = 0;
        if (!userName.empty()) {
            std::string_view key = field(r.response, "user", "userId");
            std::string arn(field(r.response, "user", "arn"));
            if (arn.empty())
                arn = "arn:aws:iam::" + std::string(acct) + ":user/" + std::string(userName);
            targetUser =
                in.principal(EntityType::AwsUser, !key.empty() ? key : std::string_view(arn),
                             userName, acct, arnAttrs(arn));
            actedOn(targetUser);
            if (r.eventName == "CreateUser")
                created(targetUser);
        }
        const std::string_view roleName = field(r.request, {}, "roleName");
        if (!roleName.empty()) {
            std::string_view key = field(r.response, "role", "roleId");
            std::string arn(field(r.response, "role", "arn"));
            if (arn.empty())
                arn = "arn:aws:iam::" + std::string(acct) + ":role/" + std::string(roleName);
            const int64_t role =
                in.principal(EntityType::AwsRole, !key.empty() ? key : std::string_view(arn),
                             roleName, acct, arnAttrs(arn));
            actedOn(role);
            if (r.eventName == "CreateRole")
                created(role);
        }
        const std::string_view newKey = field(r.response, "accessKey", "accessKeyId");
        if (!newKey.empty()) {
            const int64_t k = in.entity(EntityType::AccessKey, cut(newKey), {}, acct);
            const int64_t owner = targetUser ? targetUser : refs.principal;
            if (success && owner)
                out.edge(owner, Relation::Owns, k);
            created(k);
            refs.extra.push_back(k);
        }
    } else if (source == "sts.amazonaws.com") {
        const std::string_view roleArn = field(r.request, {}, "roleArn");
        const std::string_view issuedKey = field(r.response, "credentials", "accessKeyId");
        int64_t holder = 0;
        if (!roleArn.empty()) {
            const std::string_view assumedId =
                field(r.response, "assumedRoleUser", "assumedRoleId");
            std::string_view roleKey = roleArn;
            std::string_view session = field(r.request, {}, "roleSessionName");
            if (const size_t colon = assumedId.find(':'); colon != std::string_view::npos) {
                roleKey = assumedId.substr(0, colon);
                session = assumedId.substr(colon + 1);
            }
            const std::string_view roleName = lastPathPart(roleArn);
            const int64_t role = in.principal(EntityType::AwsRole, roleKey, roleName,
                                              arnAccount(roleArn), arnAttrs(roleArn));
            actedOn(role);
            if (success && refs.principal)
                out.edge(refs.principal, Relation::Assumed, role);
            if (!assumedId.empty()) {
                const std::string_view sessionArn = field(r.response, "assumedRoleUser", "arn");
                holder = in.entity(EntityType::AwsRoleSession, assumedId, session,
                                   arnAccount(roleArn), arnAttrs(sessionArn));
                out.edge(holder, Relation::Assumed, role);
                created(holder);
                refs.extra.push_back(holder);
            }
        }
        const std::string_view fedId = field(r.response, "federatedUser", "federatedUserId");
        if (!fedId.empty()) {
            const size_t colon = fedId.find(':');
            holder = in.entity(EntityType::FederatedUser, fedId,
                               colon == std::string_view::npos ? fedId : fedId.substr(colon + 1),
                               acct, arnAttrs(field(r.response, "federatedUser", "arn")));
            created(holder);
            refs.extra.push_back(holder);
        }
        if (!issuedKey.empty()) {
            const int64_t k = in.entity(EntityType::AccessKey, cut(issuedKey), {}, acct);
            out.edge(holder ? holder : refs.principal, Relation::IssuedKey, k);
            refs.extra.push_back(k);
        }
    }
}

bool CloudTrailNormalizer::add(const CloudTrailRecord &r, const RecordSpan &raw, BatchBuilder &out,
                               std::string &reason)
{
    std::optional<int64_t> time;
    if (!r.eventTime.empty())
        time = parseIso8601(r.eventTime);
    if (!time && !r.altTime.empty())
        time = parseIso8601(r.altTime);
    if (!time) {
        reason = r.eventTime.empty() && r.altTime.empty()
                     ? "record has no eventTime"
                     : "eventTime is not a valid time: \"" +
                           std::string(cut(r.eventTime)).substr(0, 64) + "\"";
        return false;
    }
    const bool insight = r.eventType == "AwsCloudTrailInsight";
    const std::string_view name = insight && !r.insightName.empty() ? r.insightName : r.eventName;
    const std::string_view service =
        insight && !r.insightSource.empty() ? r.insightSource : r.eventSource;
    if (name.empty() && service.empty()) {
        reason = "record has neither eventName nor eventSource";
        return false;
    }
    Interner &in = out.interner();
    EventRow &e = out.beginEvent(raw.text, raw.line, raw.offset);
    e.time = *time;
    e.kind = static_cast<int>(insight ? EventKind::Insight
                              : (r.eventType == "AwsConsoleSignIn" || name == "ConsoleLogin")
                                  ? EventKind::ConsoleSignIn
                              : r.eventType == "AwsServiceEvent" ? EventKind::ServiceEvent
                                                                 : EventKind::ApiCall);
    if (plausibleEventId(r.eventId)) {
        // The event's own id, with its time and name: CloudTrail's duplicate deliveries
        // collapse, while hand-made samples that reuse one id for different events do not.
        m_scratch.assign(r.eventId)
            .append("|")
            .append(std::to_string(*time))
            .append("|")
            .append(name);
        // Hand-made samples reuse one eventID for different callers; real duplicates agree.
        m_scratch.append("|").append(r.identity.principalId).append("|").append(r.identity.arn);
        if (insight)
            m_scratch.append("|").append(r.insightState);
        e.key = hash64("cloudtrail", m_scratch);
    } else {
        e.key = hash64("cloudtrail-content", raw.text);
    }
    e.name = in.string(cut(name));
    e.service = in.string(cut(service));
    e.error = in.string(cut(r.errorCode));
    e.region = in.string(cut(r.awsRegion));
    const bool success = r.errorCode.empty();

    Refs refs;
    principal(r, out, refs);
    if (!r.sourceIp.empty() && isIpAddress(r.sourceIp))
        refs.ip = in.entity(EntityType::IpAddress, r.sourceIp);
    if (!r.userAgent.empty())
        refs.ua = in.entity(EntityType::UserAgent, cut(r.userAgent));
    if (isAccountId(refs.principalAccount))
        refs.account = in.entity(EntityType::AwsAccount, refs.principalAccount);
    if (isAccountId(r.recipientAccountId))
        refs.recipient = in.entity(EntityType::AwsAccount, r.recipientAccountId);
    targets(r, out, refs, success);

    e.principal = refs.principal;
    e.ip = refs.ip;
    e.ua = refs.ua;
    e.accessKey = refs.key;
    e.account = refs.recipient ? refs.recipient : refs.account;

    const int64_t p = refs.principal;
    out.edge(p, Relation::CalledFrom, refs.ip);
    out.edge(p, Relation::UsedAgent, refs.ua);
    out.edge(p, Relation::UsesKey, refs.key);
    out.edge(p, Relation::InAccount, refs.account);
    if (refs.issuer && r.identity.type == "AssumedRole")
        out.edge(p, Relation::Assumed, refs.issuer);
    for (int64_t res : refs.resources)
        out.edge(p, Relation::ActedOn, res);

    m_scratch.assign(service).append(":").append(name);
    const int64_t api = in.string(cut(m_scratch));
    const int64_t ok = success ? 1 : 0, fail = success ? 0 : 1;
    // An instance's calls are the ones its role credentials made (as Detective counts them),
    // besides the calls that act on it.
    const std::array<int64_t, 8> core = {p,       refs.issuer, refs.instance, refs.ip,
                                         refs.ua, refs.key,    refs.account,  refs.recipient};
    // Per-API counts for every entity but user agents (which keep totals only).
    auto count = [&](int64_t ent, bool byApi) {
        out.involve(ent);
        out.agg(ent, Metric::ApiCalls, 0, ok, fail);
        if (byApi)
            out.agg(ent, Metric::ApiCalls, api, ok, fail);
    };
    for (size_t i = 0; i < core.size(); ++i) {
        const int64_t ent = core[i];
        if (ent && std::find(core.begin(), core.begin() + i, ent) == core.begin() + i)
            count(ent, ent != refs.ua);
    }
    for (int64_t res : refs.resources) {
        if (std::find(core.begin(), core.end(), res) == core.end())
            count(res, true);
    }
    for (int64_t x : refs.extra)
        out.involve(x);
    // Scoped peer tables: what a principal (and the role behind a session) used, and who
    // used an address, a key or an agent. What touched a resource is answered from the
    // edges table.
    auto peer = [&](int64_t from, int64_t to) {
        if (from && to && from != to)
            out.agg(from, Metric::PeerCalls, to, ok, fail);
    };
    for (int64_t s : {p, refs.issuer, refs.instance}) {
        peer(s, refs.ip);
        peer(s, refs.ua);
        peer(s, refs.key);
    }
    peer(refs.ip, p);
    peer(refs.key, p);
    peer(refs.ua, p);
    out.endEvent();
    return true;
}

} // namespace sightline
