#include "FindingActions.h"

#include "CloudTrailNormalizer.h"

namespace sightline {
namespace {

using fjson::keyIs;
using fjson::text;
using fjson::value;
using fjson::Walk;

bool allDigits(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

// Reads "remoteIpDetails" / "localIpDetails": the address (with its network owner and
// place as attrs of the IpAddress entity). Redacted or malformed addresses are no entity;
// they are listed in the finding's attrs ("unparsedIps") instead.
int readIpDetails(Walk &w, value &v, FindingRecord &r, bool remote)
{
    std::string v4, v6, asn, asnOrg, isp, org, country, city;
    w.fields(v, [&](std::string_view k, value &c) {
        if (keyIs(k, "ipaddressv4"))
            v4 = text(c);
        else if (keyIs(k, "ipaddressv6"))
            v6 = text(c);
        else if (keyIs(k, "organization"))
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "asn"))
                    asn = text(c2);
                else if (keyIs(k2, "asnorg"))
                    asnOrg = text(c2);
                else if (keyIs(k2, "isp"))
                    isp = text(c2);
                else if (keyIs(k2, "org"))
                    org = text(c2);
            });
        else if (keyIs(k, "country"))
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "countryname"))
                    country = text(c2);
            });
        else if (keyIs(k, "city"))
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "cityname"))
                    city = text(c2);
            });
    });
    JsonObjectText obj;
    obj.add("asn", asn);
    obj.add("asnOrg", asnOrg);
    obj.add("isp", isp);
    obj.add("org", org);
    obj.add("country", country);
    obj.add("city", city);
    const std::string attrs = obj.take();
    int first = -1;
    for (const std::string *ip : {&v4, &v6}) {
        if (ip->empty())
            continue;
        const int i = r.ipParty(*ip, attrs);
        if (i < 0)
            r.attrAppend("unparsedIps", jsonString(*ip));
        else if (first < 0)
            first = i;
    }
    if (remote && first >= 0 && r.ip < 0)
        r.ip = first;
    return first;
}

void readPort(Walk &w, value &v, FindingRecord &r, std::string_view listName)
{
    w.fields(v, [&](std::string_view k, value &c) {
        if (keyIs(k, "port")) {
            const std::string port = text(c);
            double d = 0;
            if (parseNumber(port, d))
                r.attrAppend(listName, port);
        }
    });
}

void readUserAgent(Walk &w, value &v, FindingRecord &r)
{
    std::string ua;
    if (json::isObject(v)) { // newer findings: {"fullUserAgent": ..., "userAgentCategory": ...}
        w.fields(v, [&](std::string_view k, value &c) {
            if (keyIs(k, "fulluseragent"))
                ua = text(c);
        });
    } else {
        ua = text(v);
    }
    if (ua.empty())
        return;
    const int i = r.party(EntityType::UserAgent, ua.substr(0, 2048));
    if (r.userAgent < 0)
        r.userAgent = i;
}

void readNetworkConnection(Walk &w, value &v, FindingRecord &r)
{
    w.fields(v, [&](std::string_view k, value &c) {
        if (keyIs(k, "remoteipdetails"))
            readIpDetails(w, c, r, true);
        else if (keyIs(k, "localipdetails"))
            readIpDetails(w, c, r, false);
        else if (keyIs(k, "remoteportdetails"))
            readPort(w, c, r, "remotePorts");
        else if (keyIs(k, "localportdetails"))
            readPort(w, c, r, "localPorts");
        else if (keyIs(k, "connectiondirection"))
            r.attr("direction", text(c));
        else if (keyIs(k, "protocol"))
            r.attr("protocol", text(c));
        else if (keyIs(k, "blocked"))
            r.attrBool("blocked", fjson::isTrue(c));
    });
}

void readPortProbe(Walk &w, value &v, FindingRecord &r)
{
    w.fields(v, [&](std::string_view k, value &c) {
        if (keyIs(k, "portprobedetails")) {
            w.elements(c, [&](value &detail) {
                w.fields(detail, [&](std::string_view k2, value &c2) {
                    if (keyIs(k2, "remoteipdetails"))
                        readIpDetails(w, c2, r, true);
                    else if (keyIs(k2, "localipdetails"))
                        readIpDetails(w, c2, r, false);
                    else if (keyIs(k2, "localportdetails"))
                        readPort(w, c2, r, "localPorts");
                });
            });
        } else if (keyIs(k, "blocked")) {
            r.attrBool("blocked", fjson::isTrue(c));
        }
    });
}

void readApiCall(Walk &w, value &v, FindingRecord &r)
{
    std::string api, service;
    w.fields(v, [&](std::string_view k, value &c) {
        if (keyIs(k, "api"))
            api = text(c);
        else if (keyIs(k, "servicename"))
            service = text(c);
        else if (keyIs(k, "callertype"))
            r.attr("callerType", text(c));
        else if (keyIs(k, "remoteipdetails"))
            readIpDetails(w, c, r, true);
        else if (keyIs(k, "domaindetails"))
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "domain"))
                    r.attr("callerDomain", text(c2));
            });
        else if (keyIs(k, "useragent"))
            readUserAgent(w, c, r);
        else if (keyIs(k, "errorcode"))
            r.attr("errorCode", text(c));
        else if (keyIs(k, "remoteaccountdetails"))
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "accountid")) {
                    const std::string acct = text(c2);
                    r.party(EntityType::AwsAccount, acct);
                    r.attr("remoteAccount", acct);
                }
            });
        else if (keyIs(k, "affectedresources"))
            w.fields(c, [&](std::string_view type, value &id) {
                addAffectedResource(type, json::text(id), r);
            });
    });
    if (!api.empty())
        r.attr("api", service.empty() ? api : service + ":" + api);
}

void readDnsRequest(Walk &w, value &v, FindingRecord &r)
{
    w.fields(v, [&](std::string_view k, value &c) {
        if (keyIs(k, "domain")) {
            const std::string domain = text(c);
            r.domainParty(domain);
            r.attr("domain", domain);
        } else if (keyIs(k, "protocol")) {
            r.attr("protocol", text(c));
        } else if (keyIs(k, "blocked")) {
            r.attrBool("blocked", fjson::isTrue(c));
        }
    });
}

void readKubernetesApiCall(Walk &w, value &v, FindingRecord &r)
{
    w.fields(v, [&](std::string_view k, value &c) {
        if (keyIs(k, "remoteipdetails"))
            readIpDetails(w, c, r, true);
        else if (keyIs(k, "sourceips"))
            w.elements(c, [&](value &ip) {
                const int i = r.ipParty(json::text(ip));
                if (i >= 0 && r.ip < 0)
                    r.ip = i;
            });
        else if (keyIs(k, "useragent"))
            readUserAgent(w, c, r);
        else if (keyIs(k, "verb"))
            r.attr("verb", text(c));
        else if (keyIs(k, "requesturi"))
            r.attr("requestUri", text(c));
        else if (keyIs(k, "statuscode"))
            r.attrNumber("statusCode", text(c));
        else if (keyIs(k, "namespace"))
            r.attr("namespace", text(c));
        else if (keyIs(k, "resource"))
            r.attr("kubernetesResource", text(c));
        else if (keyIs(k, "resourcename"))
            r.attr("kubernetesResourceName", text(c));
    });
}

void readRdsLogin(Walk &w, value &v, FindingRecord &r)
{
    w.fields(v, [&](std::string_view k, value &c) {
        if (keyIs(k, "remoteipdetails"))
            readIpDetails(w, c, r, true);
        else if (keyIs(k, "loginattributes"))
            w.elements(c, [&](value &attempt) {
                w.fields(attempt, [&](std::string_view k2, value &c2) {
                    if (keyIs(k2, "user"))
                        r.attrAppend("dbUsers", jsonString(json::text(c2)));
                });
            });
    });
}

} // namespace

bool isInstanceId(std::string_view s)
{
    if (s.size() < 10 || s.size() > 19 || s.substr(0, 2) != "i-")
        return false;
    for (char c : s.substr(2)) {
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return false;
    }
    return true;
}

void otherResource(FindingRecord &r, std::string_view type, std::string_view id)
{
    if (id.empty())
        return;
    JsonObjectText obj;
    obj.add("type", type);
    obj.add("id", id);
    r.attrAppend("resources", obj.take());
}

void addAffectedResource(std::string_view cfnType, std::string_view id, FindingRecord &r)
{
    if (id.empty())
        return;
    const std::string_view res = arnResource(id);
    if (cfnType == "AWS::IAM::Role" && res.substr(0, 5) == "role/") {
        r.party(EntityType::AwsRole, id, lastPathPart(id), arnAccount(id), {}, true);
    } else if (cfnType == "AWS::IAM::User" && res.substr(0, 5) == "user/") {
        r.party(EntityType::AwsUser, id, lastPathPart(id), arnAccount(id), {}, true);
    } else if (cfnType == "AWS::S3::Bucket") {
        const std::string_view bucket = res.empty() ? id : res.substr(0, res.find('/'));
        r.party(EntityType::S3Bucket, bucket, bucket);
    } else if (cfnType == "AWS::EC2::Instance" && isInstanceId(lastPathPart(id))) {
        r.party(EntityType::Ec2Instance, lastPathPart(id));
    } else {
        otherResource(r, cfnType, id);
    }
}

void addAccessKey(const AccessKeyInfo &k, FindingRecord &r)
{
    const int key = r.party(EntityType::AccessKey, k.keyId.substr(0, 2048));
    const std::string_view type = k.userType;
    const std::string &pid = k.principalId;
    int principal = -1;
    if (type == "IAMUser") {
        principal =
            r.party(EntityType::AwsUser, pid.empty() ? k.userName : pid, k.userName, {}, {}, true);
    } else if (type == "Role") {
        principal =
            r.party(EntityType::AwsRole, pid.empty() ? k.userName : pid, k.userName, {}, {}, true);
    } else if (type == "AssumedRole") {
        // principalId "<role id>:<session name>"; userName is the role's name.
        const size_t colon = pid.find(':');
        const std::string session =
            colon == std::string::npos ? std::string() : pid.substr(colon + 1);
        principal = r.party(EntityType::AwsRoleSession, pid, session);
        std::string roleKey = k.issuerPrincipalId;
        if (roleKey.empty() && colon != std::string::npos)
            roleKey = pid.substr(0, colon);
        std::string roleName = k.issuerName.empty() ? k.userName : k.issuerName;
        const int role =
            r.party(EntityType::AwsRole, roleKey, lastPathPart(roleName), {}, {}, true);
        r.link(principal, Relation::Assumed, role);
        if (isInstanceId(session)) {
            const int instance = r.party(EntityType::Ec2Instance, session);
            r.link(instance, Relation::RunsAs, principal);
        }
    } else if (type == "Root") {
        const std::string account = allDigits(pid) ? pid : r.account;
        if (!account.empty())
            principal =
                r.party(EntityType::AwsUser, "arn:aws:iam::" + account + ":root", "root", account);
    } else if (type == "FederatedUser") {
        const size_t colon = pid.find(':');
        principal = r.party(EntityType::FederatedUser, pid,
                            colon == std::string::npos ? k.userName : pid.substr(colon + 1));
    } else if (!pid.empty() && type != "AWSService") {
        principal = r.party(EntityType::AwsUser, pid, k.userName, {}, {}, true);
    }
    r.link(principal, Relation::UsesKey, key);
    if (principal >= 0 && r.principal < 0)
        r.principal = principal;
    if (key >= 0 && r.accessKey < 0)
        r.accessKey = key;
}

void readFindingAction(Walk &w, value &action, FindingRecord &r)
{
    w.fields(action, [&](std::string_view k, value &c) {
        if (keyIs(k, "actiontype"))
            r.attr("actionType", text(c));
        else if (keyIs(k, "networkconnectionaction"))
            readNetworkConnection(w, c, r);
        else if (keyIs(k, "portprobeaction"))
            readPortProbe(w, c, r);
        else if (keyIs(k, "awsapicallaction"))
            readApiCall(w, c, r);
        else if (keyIs(k, "dnsrequestaction"))
            readDnsRequest(w, c, r);
        else if (keyIs(k, "kubernetesapicallaction"))
            readKubernetesApiCall(w, c, r);
        else if (keyIs(k, "rdsloginattemptaction"))
            readRdsLogin(w, c, r);
    });
}

} // namespace sightline
