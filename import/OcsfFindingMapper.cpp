#include "OcsfFindingMapper.h"

#include "CloudTrailNormalizer.h"
#include "JsonUtil.h"
#include "TimeUtil.h"

namespace sightline {
namespace {

using ocsf::F;
using ocsf::L;

bool isArn(std::string_view s)
{
    return s.substr(0, 4) == "arn:";
}

// "AWS::EC2::Instance" and "AwsEc2Instance" alike: "awsec2instance".
std::string typeKey(std::string_view type)
{
    std::string out;
    for (char c : type) {
        if (c != ':')
            out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

// An ISO 8601 text for FindingRecord: the *_dt text, else the epoch time formatted.
std::string isoTime(std::string_view epoch, std::string_view dt)
{
    if (!dt.empty())
        return std::string(dt);
    if (auto ms = ocsf::timeMs(epoch))
        return formatIso8601(*ms);
    return {};
}

int labelFromSeverityId(std::string_view id)
{
    if (id.size() != 1)
        return -1;
    switch (id[0]) {
    case '1':
        return static_cast<int>(SeverityLabel::Informational);
    case '2':
        return static_cast<int>(SeverityLabel::Low);
    case '3':
        return static_cast<int>(SeverityLabel::Medium);
    case '4':
        return static_cast<int>(SeverityLabel::High);
    case '5':
    case '6':
        return static_cast<int>(SeverityLabel::Critical);
    default:
        return -1;
    }
}

} // namespace

void OcsfFindingMapper::resource(const ocsf::Resource &res)
{
    FindingRecord &f = m_finding;
    const std::string type = typeKey(res.type);
    const std::string_view uid = res.uid;
    const std::string_view arnRes = isArn(uid) ? arnResource(uid) : std::string_view();
    const std::string_view acct = isArn(uid) ? arnAccount(uid) : std::string_view();
    if (type == "awsec2instance") {
        const std::string_view id = isArn(uid) ? lastPathPart(uid) : uid;
        if (id.substr(0, 2) == "i-")
            f.party(EntityType::Ec2Instance, id, {}, acct);
        return;
    }
    if (type == "awss3bucket" || type == "awss3object") {
        std::string_view bucket = !arnRes.empty() ? arnRes : (!res.name.empty() ? res.name : uid);
        bucket = bucket.substr(0, bucket.find('/'));
        f.party(EntityType::S3Bucket, bucket, bucket, acct);
        return;
    }
    if ((type == "awsiamuser" || type == "awsiamrole") && isArn(uid)) {
        f.party(type == "awsiamuser" ? EntityType::AwsUser : EntityType::AwsRole, uid,
                lastPathPart(uid), acct, {}, true);
        return;
    }
    if (type == "awsiamaccesskey") {
        // "AWS::IAM::AccessKey:ASIATMJPC7EXAMPLE"; data names the key's principal.
        const std::string_view key = uid.substr(uid.rfind(':') + 1);
        const int k = f.party(EntityType::AccessKey, key);
        if (k >= 0 && f.accessKey < 0)
            f.accessKey = k;
        if (res.data.empty() || (res.data.front() != '{'))
            return;
        std::string_view principalId, principalName, principalType;
        simdjson::ondemand::document doc;
        if (m_dataParser.iterate(json::padded(res.data, m_data)).get(doc))
            return;
        simdjson::ondemand::object top, details;
        if (doc.get_object().get(top))
            return;
        for (auto field : top) {
            simdjson::ondemand::value v;
            if (field.value().get(v) || !json::isObject(v) || v.get_object().get(details))
                continue;
            for (auto member : details) {
                std::string_view name;
                simdjson::ondemand::value child;
                if (member.unescaped_key().get(name) || member.value().get(child))
                    break;
                if (name == "PrincipalId")
                    principalId = json::text(child);
                else if (name == "PrincipalName" || name == "UserName")
                    principalName = json::text(child);
                else if (name == "PrincipalType")
                    principalType = json::text(child);
            }
            break;
        }
        int p = -1;
        if (principalType == "AssumedRole" && !principalId.empty()) {
            const size_t colon = principalId.find(':');
            p = f.party(EntityType::AwsRoleSession, principalId,
                        colon == std::string_view::npos ? principalId
                                                        : principalId.substr(colon + 1));
        } else if (principalType == "IAMUser" && !principalId.empty()) {
            p = f.party(EntityType::AwsUser, principalId, principalName, {}, {}, true);
        }
        f.link(p, Relation::UsesKey, k);
        if (p >= 0 && f.principal < 0)
            f.principal = p;
        return;
    }
    if (type == "awsekscluster" || type == "awsecscluster") {
        std::string_view name = !res.name.empty() ? res.name : lastPathPart(uid);
        f.party(EntityType::ContainerCluster, name, name, acct);
        return;
    }
    if (type == "container" || type == "awsecrcontainerimage") {
        const std::string_view image = !res.name.empty() ? res.name : uid;
        f.party(EntityType::ContainerImage, image, image);
        return;
    }
    if (!uid.empty() || !res.name.empty()) {
        std::string json = "{\"type\":" + jsonString(res.type.substr(0, 256)) + ",\"id\":" +
                           jsonString((!uid.empty() ? uid : res.name).substr(0, 2048)) + "}";
        f.attrAppend("resources", json);
    }
}

bool OcsfFindingMapper::add(const ocsf::Record &r, const RecordSpan &raw, BatchBuilder &out,
                            std::string &reason)
{
    FindingRecord &f = m_finding;
    f.clear();
    f.product = std::string(r.get(F::ProductName).substr(0, 256));
    if (f.product.empty())
        f.product = "OCSF";
    f.id = std::string(r.get(F::FindingUid));
    f.key = guardDutyFindingArn(f.id);
    const bool guardDuty = !f.key.empty() || f.product == "GuardDuty";
    if (f.key.empty())
        f.key = f.id;
    const auto &types = r.list(L::FindingType);
    if (!types.empty())
        f.type = guardDuty ? guardDutyTypeFromAsff(types.front()) : std::string(types.front());
    if (f.type.empty() && !types.empty())
        f.type = std::string(types.front());
    if (f.type.empty())
        f.type = std::string(ocsf::className(r.classUid()));
    f.title = std::string(r.get(F::FindingTitle));
    f.account = std::string(r.get(F::CloudAccountUid, F::CloudAccountUidOld));
    if (isArn(f.account))
        f.account.clear();
    f.region = std::string(r.get(F::CloudRegion));
    f.updatedAt = isoTime(r.get(F::FindingModified), r.get(F::FindingModifiedDt));
    f.createdAt = isoTime(r.get(F::FindingCreated), r.get(F::FindingCreatedDt));
    f.firstSeen = isoTime(r.get(F::FindingFirstSeen), r.get(F::FindingFirstSeenDt));
    f.lastSeen = isoTime(r.get(F::FindingLastSeen), r.get(F::FindingLastSeenDt));
    f.fallbackTime = isoTime(r.get(F::Time), r.get(F::TimeDt));
    if (f.updatedAt.empty())
        f.updatedAt = f.fallbackTime;
    f.label = labelFromSeverityId(r.get(F::SeverityId));
    if (f.label < 0)
        f.label = asffSeverityLabel(r.get(F::Severity));

    f.attr("ocsf_class", ocsf::className(r.classUid()));
    f.attr("status", r.get(F::State, F::Status));
    f.attr("compliance_status", r.get(F::ComplianceStatus));
    f.attr("url", r.get(F::FindingSrcUrl));
    f.attr("description", r.get(F::FindingDesc));

    for (const ocsf::Resource &res : r.resources())
        resource(res);
    for (std::string_view ip : r.list(L::EvidenceSrcIp)) {
        const int i = f.ipParty(ip);
        if (i >= 0 && f.ip < 0)
            f.ip = i;
    }
    for (const ocsf::Observable &o : r.observables()) {
        if (o.typeId == "2") {
            const int i = f.ipParty(o.value);
            if (i >= 0 && f.ip < 0)
                f.ip = i;
        } else if (o.typeId == "1" && o.value.find('.') != std::string_view::npos &&
                   !isIpAddress(o.value)) {
            f.domainParty(o.value);
        }
    }
    return m_normalizer.add(f, "ocsf", raw.text, raw.line, raw.offset, out, reason);
}

} // namespace sightline
