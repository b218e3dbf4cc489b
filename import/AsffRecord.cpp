#include "AsffRecord.h"

#include "CloudTrailNormalizer.h"
#include "FindingActions.h"

#include <vector>

namespace sightline {
namespace {

using fjson::endsWithNoCase;
using fjson::keyIs;
using fjson::text;
using fjson::value;
using fjson::Walk;

struct Resource
{
    std::string type, id, role;
    std::vector<std::string> ips;
    AccessKeyInfo key;
    std::string userId, userName, roleId, roleName, name, arn, imageName, repository, digest;
};

struct Severity
{
    std::string label, normalized, product, original;
};

struct Asff
{
    std::string productArn, productName, asffType, providerType;
    std::string firstObserved, lastObserved;
    Severity severity, provider;
    std::vector<std::pair<std::string, std::string>> productFields;
};

void readSeverity(Walk &w, value &v, Severity &s)
{
    w.fields(v, [&](std::string_view k, value &c) {
        if (keyIs(k, "label"))
            s.label = text(c);
        else if (keyIs(k, "normalized"))
            s.normalized = text(c);
        else if (keyIs(k, "product"))
            s.product = text(c);
        else if (keyIs(k, "original"))
            s.original = text(c);
    });
}

std::string firstString(Walk &w, value &v)
{
    std::string first;
    w.elements(v, [&](value &e) {
        if (first.empty())
            first = text(e);
    });
    return first;
}

// The members of one Details.<Type> object, whatever the type (only the useful ones).
void readDetails(Walk &w, value &v, Resource &res)
{
    w.fields(v, [&](std::string_view, value &detail) {
        w.fields(detail, [&](std::string_view k, value &c) {
            if (keyIs(k, "ipv4addresses") || keyIs(k, "ipv6addresses"))
                w.elements(c, [&](value &ip) { res.ips.push_back(text(ip)); });
            else if (keyIs(k, "accesskeyid"))
                res.key.keyId = text(c);
            else if (keyIs(k, "principalid"))
                res.key.principalId = text(c);
            else if (keyIs(k, "principalname"))
                res.key.userName = text(c);
            else if (keyIs(k, "principaltype"))
                res.key.userType = text(c);
            else if (keyIs(k, "username"))
                res.userName = text(c);
            else if (keyIs(k, "userid"))
                res.userId = text(c);
            else if (keyIs(k, "roleid"))
                res.roleId = text(c);
            else if (keyIs(k, "rolename"))
                res.roleName = text(c);
            else if (keyIs(k, "name"))
                res.name = text(c);
            else if (keyIs(k, "arn"))
                res.arn = text(c);
            else if (keyIs(k, "imagename"))
                res.imageName = text(c);
            else if (keyIs(k, "repositoryname"))
                res.repository = text(c);
            else if (keyIs(k, "imagedigest"))
                res.digest = text(c);
            else if (keyIs(k, "sessioncontext"))
                w.fields(c, [&](std::string_view k2, value &c2) {
                    if (!keyIs(k2, "sessionissuer"))
                        return;
                    w.fields(c2, [&](std::string_view k3, value &c3) {
                        if (keyIs(k3, "principalid"))
                            res.key.issuerPrincipalId = text(c3);
                        else if (keyIs(k3, "username"))
                            res.key.issuerName = text(c3);
                    });
                });
        });
    });
}

// The account of an ARN when it is one (digits); "" otherwise (the finding's account is
// then used).
std::string_view accountOf(std::string_view arn)
{
    const std::string_view a = arnAccount(arn);
    for (char c : a) {
        if (c < '0' || c > '9')
            return {};
    }
    return a;
}

// arn:partition:service:region:...; "" when not an ARN.
std::string arnRegion(std::string_view arn)
{
    if (arn.substr(0, 4) != "arn:")
        return {};
    size_t pos = 0;
    for (int i = 0; i < 3; ++i) {
        pos = arn.find(':', pos);
        if (pos == std::string_view::npos)
            return {};
        ++pos;
    }
    const size_t end = arn.find(':', pos);
    return end == std::string_view::npos ? std::string() : std::string(arn.substr(pos, end - pos));
}

// "arn:aws:iam::123:user/x" kinds; "" when not an IAM ARN.
std::string_view iamKind(std::string_view id)
{
    if (id.substr(0, 4) != "arn:" || id.find(":iam::") == std::string_view::npos)
        return {};
    const std::string_view res = arnResource(id);
    return res.substr(0, res.find('/'));
}

void addResource(const Resource &res, FindingRecord &r)
{
    const std::string_view type = res.type;
    const std::string_view id = res.id;
    {
        JsonObjectText obj;
        obj.add("type", type);
        obj.add("id", id);
        obj.add("role", res.role);
        r.attrAppend("resources", obj.take());
    }
    const std::string_view kind = iamKind(id);
    if (type == "AwsEc2Instance") {
        const std::string_view inst = id.substr(0, 4) == "arn:" ? lastPathPart(id) : id;
        r.party(EntityType::Ec2Instance, inst, {}, accountOf(id));
        for (const std::string &ip : res.ips) {
            if (r.ipParty(ip) < 0 && !ip.empty())
                r.attrAppend("unparsedIps", jsonString(ip));
        }
    } else if (type == "AwsS3Bucket" || type == "AwsS3Object") {
        std::string_view bucket = id.substr(0, 4) == "arn:" ? arnResource(id) : id;
        bucket = bucket.substr(0, bucket.find('/'));
        r.party(EntityType::S3Bucket, bucket, bucket);
    } else if (type == "AwsIamAccessKey") {
        AccessKeyInfo k = res.key;
        if (k.userName.empty())
            k.userName = res.userName;
        if (k.keyId.empty())
            k.keyId = id.substr(0, 20) == "AWS::IAM::AccessKey:" ? id.substr(20) : id;
        addAccessKey(k, r);
    } else if ((type == "AwsIamUser" && kind != "role") || kind == "user") {
        const std::string label =
            !res.userName.empty() ? res.userName : std::string(lastPathPart(id));
        r.party(EntityType::AwsUser, !res.userId.empty() ? std::string_view(res.userId) : id, label,
                accountOf(id), {}, true);
    } else if (type == "AwsIamRole" || kind == "role") {
        const std::string label =
            !res.roleName.empty() ? res.roleName : std::string(lastPathPart(id));
        r.party(EntityType::AwsRole, !res.roleId.empty() ? std::string_view(res.roleId) : id, label,
                accountOf(id), {}, true);
    } else if (type == "AwsEksCluster" || type == "AwsEcsCluster") {
        const std::string name = !res.name.empty() ? res.name : std::string(lastPathPart(id));
        JsonObjectText attrs;
        attrs.add("arn", !res.arn.empty() ? std::string_view(res.arn) : id);
        r.party(EntityType::ContainerCluster, name, name, accountOf(id), attrs.take());
    } else if (type == "Container") {
        const std::string &image = !res.imageName.empty() ? res.imageName : res.name;
        r.party(EntityType::ContainerImage, image, image);
    } else if (type == "AwsEcrContainerImage") {
        if (!res.repository.empty() && !res.digest.empty())
            r.party(EntityType::ContainerImage, res.repository + "@" + res.digest);
        else
            r.party(EntityType::ContainerImage, id);
    } else if (type == "AwsAccount") { // "AWS::::Account:111122223333"
        const size_t colon = id.rfind(':');
        const std::string_view account =
            colon == std::string_view::npos ? id : id.substr(colon + 1);
        if (!account.empty() && account.find_first_not_of("0123456789") == std::string_view::npos)
            r.party(EntityType::AwsAccount, account);
    }
}

void readResources(Walk &w, value &v, FindingRecord &r)
{
    w.elements(v, [&](value &e) {
        Resource res;
        w.fields(e, [&](std::string_view k, value &c) {
            if (keyIs(k, "type"))
                res.type = text(c);
            else if (keyIs(k, "id"))
                res.id = text(c);
            else if (keyIs(k, "resourcerole"))
                res.role = text(c);
            else if (keyIs(k, "details"))
                readDetails(w, c, res);
        });
        if (!res.id.empty() || !res.type.empty())
            addResource(res, r);
    });
}

void readNetwork(Walk &w, value &v, FindingRecord &r)
{
    w.fields(v, [&](std::string_view k, value &c) {
        if (keyIs(k, "direction")) {
            r.attr("direction", text(c));
        } else if (keyIs(k, "protocol")) {
            r.attr("protocol", text(c));
        } else if (keyIs(k, "sourceipv4") || keyIs(k, "sourceipv6") ||
                   keyIs(k, "destinationipv4") || keyIs(k, "destinationipv6")) {
            const std::string ip = text(c);
            if (r.ipParty(ip) < 0 && !ip.empty())
                r.attrAppend("unparsedIps", jsonString(ip));
        } else if (keyIs(k, "sourceport")) {
            r.attrAppend("sourcePorts", text(c));
        } else if (keyIs(k, "destinationport")) {
            r.attrAppend("destinationPorts", text(c));
        } else if (keyIs(k, "sourcedomain") || keyIs(k, "destinationdomain")) {
            r.domainParty(text(c));
        }
    });
}

void readThreatIntel(Walk &w, value &v, FindingRecord &r)
{
    w.elements(v, [&](value &e) {
        std::string type, val;
        w.fields(e, [&](std::string_view k, value &c) {
            if (keyIs(k, "type"))
                type = text(c);
            else if (keyIs(k, "value"))
                val = text(c);
        });
        if (type == "IPV4_ADDRESS" || type == "IPV6_ADDRESS")
            r.ipParty(val);
        else if (type == "DOMAIN")
            r.domainParty(val);
    });
}

// ProductFields: flat "a/b/c" -> string. GuardDuty's "aws/guardduty/service/..." carry what
// its own finding has under service.action.
void applyProductFields(const Asff &a, FindingRecord &r, std::string &productName,
                        std::string &pfLabel)
{
    std::string api, apiService;
    for (const auto &[k, v] : a.productFields) {
        if (v.empty())
            continue;
        const std::string_view key = k;
        if (key == "aws/securityhub/ProductName") {
            if (productName.empty())
                productName = v;
        } else if (key == "aws/securityhub/SeverityLabel") {
            pfLabel = v;
        } else if (endsWithNoCase(key, "/ipaddressv4") || endsWithNoCase(key, "/ipaddressv6")) {
            const int i = r.ipParty(v);
            if (i < 0)
                r.attrAppend("unparsedIps", jsonString(v));
            else if (r.ip < 0 && key.find("remoteIpDetails") != std::string_view::npos)
                r.ip = i;
        } else if (endsWithNoCase(key, "dnsrequestaction/domain")) {
            r.domainParty(v);
            r.attr("domain", v);
        } else if (endsWithNoCase(key, "awsapicallaction/api")) {
            api = v;
        } else if (endsWithNoCase(key, "awsapicallaction/servicename")) {
            apiService = v;
        } else if (endsWithNoCase(key, "/action/actiontype")) {
            r.attr("actionType", v);
        } else if (endsWithNoCase(key, "localportdetails/port")) {
            r.attrAppend("localPorts", v);
        } else if (endsWithNoCase(key, "remoteportdetails/port")) {
            r.attrAppend("remotePorts", v);
        } else if (endsWithNoCase(key, "/connectiondirection")) {
            r.attr("direction", v);
        } else if (key.find("/affectedResources/") != std::string_view::npos) {
            addAffectedResource(key.substr(key.rfind('/') + 1), v, r);
        } else if (endsWithNoCase(key, "/useragent") || endsWithNoCase(key, "/fulluseragent")) {
            const int i = r.party(EntityType::UserAgent, v.substr(0, 2048));
            if (r.userAgent < 0)
                r.userAgent = i;
        } else if (key == "aws/guardduty/service/count") {
            double d = 0;
            if (parseNumber(v, d) && d >= 0 && d < 9.0e15)
                r.count = static_cast<int64_t>(d);
        } else if (key == "aws/guardduty/service/archived") {
            r.archived = r.archived || fjson::keyIs(v, "true");
        } else if (key == "aws/guardduty/service/eventFirstSeen") {
            if (r.firstSeen.empty())
                r.firstSeen = v;
        } else if (key == "aws/guardduty/service/eventLastSeen") {
            if (r.lastSeen.empty())
                r.lastSeen = v;
        } else if (key == "aws/guardduty/service/resourceRole") {
            r.attr("resourceRole", v);
        }
    }
    if (!api.empty())
        r.attr("api", apiService.empty() ? api : apiService + ":" + api);
}

} // namespace

bool extractAsff(Walk &w, value &v, FindingRecord &r)
{
    r.clear();
    if (!json::isObject(v))
        return false;
    Asff a;
    w.fields(v, [&](std::string_view k, value &c) {
        if (keyIs(k, "id")) {
            r.id = text(c);
        } else if (keyIs(k, "productarn")) {
            a.productArn = text(c);
        } else if (keyIs(k, "productname")) {
            a.productName = text(c);
        } else if (keyIs(k, "companyname")) {
            r.attr("company", text(c));
        } else if (keyIs(k, "generatorid")) {
            r.attr("generatorId", text(c));
        } else if (keyIs(k, "awsaccountid")) {
            r.account = text(c);
        } else if (keyIs(k, "region")) {
            r.region = text(c);
        } else if (keyIs(k, "types")) {
            a.asffType = firstString(w, c);
        } else if (keyIs(k, "firstobservedat")) {
            r.firstSeen = text(c);
        } else if (keyIs(k, "lastobservedat")) {
            r.lastSeen = text(c);
        } else if (keyIs(k, "createdat")) {
            r.createdAt = text(c);
        } else if (keyIs(k, "updatedat")) {
            r.updatedAt = text(c);
        } else if (keyIs(k, "severity")) {
            readSeverity(w, c, a.severity);
        } else if (keyIs(k, "findingproviderfields")) {
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "severity"))
                    readSeverity(w, c2, a.provider);
                else if (keyIs(k2, "types"))
                    a.providerType = firstString(w, c2);
            });
        } else if (keyIs(k, "title")) {
            r.title = text(c);
        } else if (keyIs(k, "description")) {
            r.attr("description", text(c));
        } else if (keyIs(k, "productfields")) {
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (a.productFields.size() < 1000)
                    a.productFields.emplace_back(std::string(k2), text(c2));
            });
        } else if (keyIs(k, "resources")) {
            readResources(w, c, r);
        } else if (keyIs(k, "network")) {
            readNetwork(w, c, r);
        } else if (keyIs(k, "action")) {
            readFindingAction(w, c, r);
        } else if (keyIs(k, "threatintelindicators")) {
            readThreatIntel(w, c, r);
        } else if (keyIs(k, "workflow")) {
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "status"))
                    r.attr("workflowStatus", text(c2));
            });
        } else if (keyIs(k, "recordstate")) {
            const std::string state = text(c);
            r.attr("recordState", state);
            r.archived = r.archived || state == "ARCHIVED";
        } else if (keyIs(k, "compliance")) {
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "status"))
                    r.attr("complianceStatus", text(c2));
            });
        } else if (keyIs(k, "sample")) {
            if (fjson::isTrue(c))
                r.attrBool("sample", true);
        }
    });
    if (w.failed())
        return true; // the caller reports the syntax error

    std::string productName = a.productName, pfLabel;
    applyProductFields(a, r, productName, pfLabel);
    if (productName.empty())
        productName = lastPathPart(a.productArn);
    const std::string gdArn = guardDutyFindingArn(r.id);
    const bool guardDuty = keyIs(productName, "guardduty") ||
                           endsWithNoCase(a.productArn, "/aws/guardduty") || !gdArn.empty();
    r.product = guardDuty ? "GuardDuty" : productName;
    if (r.region.empty()) // the region of the finding's ARN, else of its product
        r.region = arnRegion(!gdArn.empty() ? std::string_view(gdArn) : std::string_view(r.id));
    if (r.region.empty())
        r.region = arnRegion(a.productArn);
    r.key = guardDuty && !gdArn.empty() ? gdArn : r.id;
    const std::string &asffType = !a.asffType.empty() ? a.asffType : a.providerType;
    std::string type = guardDuty ? guardDutyTypeFromAsff(asffType) : std::string();
    r.type = !type.empty() ? type : asffType;

    // The number: the product's own (GuardDuty's 1-10 for GuardDuty findings), else the
    // normalized 0-100.
    double number = 0;
    const bool product = parseNumber(a.severity.product, number) ||
                         parseNumber(a.severity.original, number) ||
                         parseNumber(a.provider.original, number);
    if (product) {
        r.severity = number;
        r.hasSeverity = true;
    } else if (parseNumber(a.severity.normalized, number)) {
        r.severity = number;
        r.hasSeverity = true;
    }
    if (guardDuty && product) {
        r.label = static_cast<int>(guardDutySeverityLabel(number));
    } else {
        for (const std::string *l : {&a.severity.label, &a.provider.label, &pfLabel}) {
            if (r.label < 0)
                r.label = asffSeverityLabel(*l);
        }
        double normalized = 0;
        if (r.label < 0 && parseNumber(a.severity.normalized, normalized))
            r.label = static_cast<int>(normalizedSeverityLabel(normalized));
    }
    if (r.firstSeen.empty())
        r.firstSeen = r.createdAt;
    r.attr("id", r.id);
    r.attr("productArn", a.productArn);
    if (guardDuty && r.type != asffType)
        r.attr("asffType", asffType);
    return true;
}

} // namespace sightline
