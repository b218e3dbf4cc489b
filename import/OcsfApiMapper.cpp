#include "OcsfApiMapper.h"

#include "JsonUtil.h"
#include "TimeUtil.h"

namespace sightline {
namespace {

using ocsf::F;
using ocsf::L;

bool contains(std::string_view s, std::string_view part)
{
    return s.find(part) != std::string_view::npos;
}

bool isArn(std::string_view s)
{
    return s.substr(0, 4) == "arn:";
}

int parseCode(std::string_view s)
{
    if (s.empty() || s.size() > 3)
        return 0;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return 0;
        v = v * 10 + (c - '0');
    }
    return v;
}

} // namespace

bool OcsfApiMapper::isKubernetes(const ocsf::Record &r)
{
    return contains(r.get(F::ProductName), "EKS") ||
           contains(r.get(F::ProductName), "Kubernetes") ||
           r.get(F::ProductVersion).substr(0, 13) == "audit.k8s.io/" ||
           contains(r.get(F::ProductFeatureName), "Kubernetes");
}

bool OcsfApiMapper::add(const ocsf::Record &r, const RecordSpan &raw, BatchBuilder &out,
                        std::string &reason)
{
    if (isKubernetes(r))
        return addKubernetes(r, raw, out, reason);
    auto time = ocsf::timeMs(r.get(F::Time));
    if (!time)
        time = ocsf::timeMs(r.get(F::TimeDt));
    if (!time) {
        reason = r.get(F::Time).empty() ? "OCSF event without a time"
                                        : "OCSF time is not a valid time: \"" +
                                              std::string(r.get(F::Time).substr(0, 64)) + "\"";
        return false;
    }
    m_time = formatIso8601(*time);

    CloudTrailRecord &c = m_ct;
    c.clear();
    c.sawCloudTrailKey = true;
    c.eventTime = m_time;
    c.eventSource = r.get(F::ApiServiceName);
    c.eventName = r.get(F::ApiOperation);
    c.awsRegion = r.get(F::CloudRegion);
    c.sourceIp = r.get(F::SrcIp, F::SrcDomain);
    c.userAgent = r.get(F::HttpUserAgent);
    c.errorCode = r.get(F::ApiResponseError);
    if (c.errorCode.empty() && (r.get(F::StatusId) == "2" || r.get(F::Status) == "Failure"))
        c.errorCode = "Failure";
    c.eventId = r.get(F::MetaUid);
    c.eventType = r.get(F::UnEventType, F::MetaEventCode);
    if (c.eventType.empty() && r.get(F::MetaLogName).substr(0, 3) == "Aws")
        c.eventType = r.get(F::MetaLogName);
    if (c.eventType.empty() && c.eventName == "ConsoleLogin")
        c.eventType = "AwsConsoleSignIn";
    const std::string_view account = r.get(F::CloudAccountUid, F::CloudAccountUidOld);
    c.recipientAccountId = r.get(F::UnRecipientAccount);
    if (c.recipientAccountId.empty() && !isArn(account))
        c.recipientAccountId = account;

    // actor.user: rc.2 wrote the principal id in uid and the ARN in uuid; 1.0+ the ARN in uid
    // and the principal id in uid_alt.
    CloudTrailIdentity &id = c.identity;
    const std::string_view uid = r.get(F::ActorUserUid);
    const std::string_view uidAlt = r.get(F::ActorUserUidAlt);
    const std::string_view uuid = r.get(F::ActorUserUuid);
    id.arn = isArn(uuid) ? uuid : (isArn(uid) ? uid : std::string_view());
    id.principalId = !uid.empty() && !isArn(uid) ? uid : uidAlt;
    id.type = r.get(F::ActorUserType);
    id.accountId = r.get(F::ActorUserAccountUid, F::ActorUserAccountUidOld);
    id.accessKeyId = r.get(F::ActorUserCredential, F::ActorSessionCredential);
    id.userName = r.get(F::ActorUserName);
    id.invokedBy = r.get(F::ActorInvokedBy);
    id.issuerArn = r.get(F::ActorSessionIssuer);
    id.issuerPrincipalId = r.get(F::UnIssuerPrincipalId);
    id.issuerUserName = r.get(F::UnIssuerUserName);
    id.issuerAccountId = r.get(F::UnIssuerAccountId);
    id.issuerType = r.get(F::UnIssuerType);
    if (id.type.empty() && id.arn.find(":assumed-role/") != std::string_view::npos)
        id.type = "AssumedRole";

    // api.request.data / api.response.data hold requestParameters / responseElements, as
    // JSON text (1.0+) or as objects.
    const std::string_view data[2] = {r.get(F::ApiRequestData), r.get(F::ApiResponseData)};
    const char *which[2] = {"requestParameters", "responseElements"};
    for (int i = 0; i < 2; ++i) {
        if (!data[i].empty() && (data[i].front() == '{' || data[i].front() == '['))
            extractNestedText(m_textParsers[i], json::padded(data[i], m_texts[i]), which[i], c);
    }
    // The user an account change acted on ("user"), when the request data does not name it.
    const std::string_view targetName = r.get(F::UserName);
    if (!targetName.empty()) {
        bool named = false;
        for (const CloudTrailField &f : c.request)
            named = named || f.key == "userName";
        if (!named)
            c.request.push_back(CloudTrailField{"requestParameters", "userName", targetName});
        const std::string_view tUid = r.get(F::UserUid), tAlt = r.get(F::UserUidAlt);
        const std::string_view targetId = !tUid.empty() && !isArn(tUid) ? tUid : tAlt;
        if (!targetId.empty())
            c.response.push_back(CloudTrailField{"user", "userId", targetId});
        if (isArn(tUid))
            c.response.push_back(CloudTrailField{"user", "arn", tUid});
    }
    for (const ocsf::Resource &res : r.resources()) {
        if (isArn(res.uid))
            c.resources.push_back(CloudTrailResource{res.uid, res.type, {}});
    }
    if (c.eventName.empty() && c.eventSource.empty()) {
        reason = "OCSF API event without api.operation or api.service.name";
        return false;
    }
    return m_ctNormalizer.add(c, raw, out, reason);
}

bool OcsfApiMapper::addKubernetes(const ocsf::Record &r, const RecordSpan &raw, BatchBuilder &out,
                                  std::string &reason)
{
    K8sAuditRecord &k = m_k8s;
    k.clear();
    k.kind = "Event";
    k.verb = r.get(F::ApiOperation);
    k.username = r.get(F::ActorUserName);
    k.userUid = r.get(F::ActorUserUid);
    k.groups = r.list(L::ActorGroupName);
    // The EKS mapping writes user.extra.arn to cloud.account.uid, canonicalArn to
    // actor.session.issuer, sessionName to actor.session.uid.
    const std::string_view account = r.get(F::CloudAccountUid, F::CloudAccountUidOld);
    k.iamArn = isArn(account) ? account : std::string_view();
    k.iamCanonicalArn = r.get(F::ActorSessionIssuer);
    k.iamSessionName = r.get(F::ActorSessionUid);
    k.iamAccessKeyId = r.get(F::ActorSessionCredential);
    if (k.iamArn.empty() && isArn(k.iamCanonicalArn) && !k.iamSessionName.empty()) {
        // arn:aws:iam::123:role/Name -> arn:aws:sts::123:assumed-role/Name/session
        const std::string_view role = k.iamCanonicalArn;
        const size_t res = role.find(":role/");
        const size_t acct = role.find("::");
        if (res != std::string_view::npos && acct != std::string_view::npos) {
            m_arn.assign("arn:aws:sts::")
                .append(role.substr(acct + 2, res - acct - 2))
                .append(":assumed-role/")
                .append(role.substr(res + 6).substr(role.substr(res + 6).rfind('/') + 1))
                .append("/")
                .append(k.iamSessionName);
            k.iamArn = m_arn;
        }
    }
    if (!r.get(F::SrcIp).empty())
        k.sourceIps.push_back(r.get(F::SrcIp));
    k.userAgent = r.get(F::HttpUserAgent);
    k.requestUri = r.get(F::HttpUrlPath);
    k.code = parseCode(r.get(F::ApiResponseCode));
    if (!r.resources().empty()) {
        const ocsf::Resource &res = r.resources().front();
        k.resource = res.type;
        k.objectName = res.name;
        k.objectNamespace = res.ns;
    }
    k.auditId = r.get(F::ApiRequestUid);
    k.stage = r.get(F::Message);
    auto time = ocsf::timeMs(r.get(F::StartTime));
    if (!time)
        time = ocsf::timeMs(r.get(F::StartTimeDt));
    if (!time)
        time = ocsf::timeMs(r.get(F::Time));
    if (!time)
        time = ocsf::timeMs(r.get(F::TimeDt));
    k.timeMs = time.value_or(0);
    k.cluster = r.get(F::UnEksClusterName);
    k.region = r.get(F::CloudRegion);
    k.account = isArn(account) ? std::string_view() : account;
    return m_k8sNormalizer.add(k, raw.text, raw.line, raw.offset, out, reason);
}

} // namespace sightline
