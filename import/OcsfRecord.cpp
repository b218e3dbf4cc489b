#include "OcsfRecord.h"

#include "JsonUtil.h"
#include "TimeUtil.h"

#include <unordered_map>

namespace sightline::ocsf {
namespace {

using simdjson::ondemand::array;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

constexpr size_t kMaxList = 256;

// What a path means: a field, a list member, a member of resources[] / observables[], a
// member kept as raw JSON, or only a step towards one of those.
struct Spec
{
    enum class Kind : uint8_t
    {
        Step,
        Field,
        List,
        Resource,
        Observable,
        Element, // start of an element of resources[] / observables[]
    };
    Kind kind = Kind::Step;
    uint8_t index = 0;
    bool raw = false; // objects / arrays kept as their JSON text
};

struct Hash
{
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using Table = std::unordered_map<std::string, Spec, Hash, std::equal_to<>>;

enum ResourceMember : uint8_t
{
    RUid,
    RName,
    RType,
    RNs,
    RRegion,
    RData
};
enum ObservableMember : uint8_t
{
    OName,
    OType,
    OTypeId,
    OValue
};

const Table &table()
{
    static const Table t = [] {
        Table m;
        auto steps = [&m](std::string_view path) {
            for (size_t dot = path.find_first_of(".["); dot != std::string_view::npos;
                 dot = path.find_first_of(".[", dot + 1)) {
                m.try_emplace(std::string(path.substr(0, dot)), Spec{});
                if (path[dot] == '[' && path.substr(0, dot + 2) != path)
                    m.try_emplace(std::string(path.substr(0, dot + 2)), Spec{});
            }
        };
        auto field = [&](std::string_view path, F f, bool raw = false) {
            steps(path);
            m[std::string(path)] = Spec{Spec::Kind::Field, static_cast<uint8_t>(f), raw};
        };
        auto list = [&](std::string_view path, L l) {
            steps(path);
            m[std::string(path)] = Spec{Spec::Kind::List, static_cast<uint8_t>(l), false};
        };
        field("class_uid", F::ClassUid);
        field("category_uid", F::CategoryUid);
        field("activity_id", F::ActivityId);
        field("type_uid", F::TypeUid);
        field("class_name", F::ClassName);
        field("time", F::Time);
        field("time_dt", F::TimeDt);
        field("start_time", F::StartTime);
        field("start_time_dt", F::StartTimeDt);
        field("end_time", F::EndTime);
        field("end_time_dt", F::EndTimeDt);
        field("message", F::Message);
        field("status", F::Status);
        field("status_id", F::StatusId);
        field("status_code", F::StatusCode);
        field("severity_id", F::SeverityId);
        field("severity", F::Severity);
        field("action", F::Action);
        field("action_id", F::ActionId);
        field("disposition", F::Disposition);
        field("disposition_id", F::DispositionId);
        field("state", F::State);
        field("state_id", F::StateId);
        field("metadata.version", F::MetaVersion);
        field("metadata.uid", F::MetaUid);
        field("metadata.event_code", F::MetaEventCode);
        field("metadata.log_name", F::MetaLogName);
        field("metadata.log_provider", F::MetaLogProvider);
        field("metadata.product.name", F::ProductName);
        field("metadata.product.version", F::ProductVersion);
        field("metadata.product.uid", F::ProductUid);
        field("metadata.product.feature.name", F::ProductFeatureName);
        field("metadata.product.feature.uid", F::ProductFeatureUid);
        field("cloud.region", F::CloudRegion);
        field("cloud.account.uid", F::CloudAccountUid);
        field("cloud.account_uid", F::CloudAccountUidOld);
        field("actor.user.uid", F::ActorUserUid);
        field("actor.user.uid_alt", F::ActorUserUidAlt);
        field("actor.user.uuid", F::ActorUserUuid);
        field("actor.user.name", F::ActorUserName);
        field("actor.user.type", F::ActorUserType);
        field("actor.user.account.uid", F::ActorUserAccountUid);
        field("actor.user.account_uid", F::ActorUserAccountUidOld);
        field("actor.user.credential_uid", F::ActorUserCredential);
        field("actor.session.issuer", F::ActorSessionIssuer);
        field("actor.session.uid", F::ActorSessionUid);
        field("actor.session.credential_uid", F::ActorSessionCredential);
        field("actor.invoked_by", F::ActorInvokedBy);
        list("actor.user.groups[].name", L::ActorGroupName);
        field("api.operation", F::ApiOperation);
        field("api.service.name", F::ApiServiceName);
        field("api.request.uid", F::ApiRequestUid);
        field("api.request.data", F::ApiRequestData, true);
        field("api.response.error", F::ApiResponseError);
        field("api.response.code", F::ApiResponseCode);
        field("api.response.message", F::ApiResponseMessage);
        field("api.response.data", F::ApiResponseData, true);
        field("http_request.user_agent", F::HttpUserAgent);
        field("http_request.url.path", F::HttpUrlPath);
        field("user.name", F::UserName);
        field("user.uid", F::UserUid);
        field("user.uid_alt", F::UserUidAlt);
        field("src_endpoint.ip", F::SrcIp);
        field("src_endpoint.port", F::SrcPort);
        field("src_endpoint.domain", F::SrcDomain);
        field("src_endpoint.instance_uid", F::SrcInstance);
        field("src_endpoint.interface_uid", F::SrcInterface);
        field("src_endpoint.vpc_uid", F::SrcVpc);
        field("dst_endpoint.ip", F::DstIp);
        field("dst_endpoint.port", F::DstPort);
        field("dst_endpoint.instance_uid", F::DstInstance);
        field("dst_endpoint.interface_uid", F::DstInterface);
        field("connection_info.protocol_num", F::ConnProtocolNum);
        field("connection_info.protocol_name", F::ConnProtocolName);
        field("connection_info.direction", F::ConnDirection);
        field("connection_info.direction_id", F::ConnDirectionId);
        field("traffic.bytes", F::TrafficBytes);
        field("traffic.packets", F::TrafficPackets);
        field("traffic.bytes_in", F::TrafficBytesIn);
        field("traffic.bytes_out", F::TrafficBytesOut);
        field("traffic.packets_in", F::TrafficPacketsIn);
        field("traffic.packets_out", F::TrafficPacketsOut);
        field("query.hostname", F::QueryHostname);
        field("query.type", F::QueryType);
        field("query.class", F::QueryClass);
        field("rcode", F::Rcode);
        field("rcode_id", F::RcodeId);
        list("answers[].rdata", L::AnswerRdata);
        list("answers.rdata", L::AnswerRdata); // one answer written as an object
        field("firewall_rule.uid", F::FirewallRuleUid);
        for (const char *f : {"finding_info", "finding"}) {
            const std::string p(f);
            field(p + ".uid", F::FindingUid);
            field(p + ".title", F::FindingTitle);
            field(p + ".desc", F::FindingDesc);
            field(p + ".created_time", F::FindingCreated);
            field(p + ".created_time_dt", F::FindingCreatedDt);
            field(p + ".first_seen_time", F::FindingFirstSeen);
            field(p + ".first_seen_time_dt", F::FindingFirstSeenDt);
            field(p + ".last_seen_time", F::FindingLastSeen);
            field(p + ".last_seen_time_dt", F::FindingLastSeenDt);
            field(p + ".modified_time", F::FindingModified);
            field(p + ".modified_time_dt", F::FindingModifiedDt);
            field(p + ".src_url", F::FindingSrcUrl);
            list(p + ".types[]", L::FindingType);
        }
        field("compliance.status", F::ComplianceStatus);
        list("evidences[].src_endpoint.ip", L::EvidenceSrcIp);
        list("evidences[].actor.user.uid", L::EvidenceUserUid);
        list("evidences[].actor.user.name", L::EvidenceUserName);
        list("evidences[].actor.user.type", L::EvidenceUserType);
        list("evidences[].api.operation", L::EvidenceOperation);
        list("evidences[].api.service.name", L::EvidenceService);
        field("unmapped.eventType", F::UnEventType);
        field("unmapped.recipientAccountId", F::UnRecipientAccount);
        field("unmapped.eks_cluster_name", F::UnEksClusterName);
        field("unmapped.userIdentity.sessionContext.sessionIssuer.principalId",
              F::UnIssuerPrincipalId);
        field("unmapped.userIdentity.sessionContext.sessionIssuer.userName", F::UnIssuerUserName);
        field("unmapped.userIdentity.sessionContext.sessionIssuer.accountId", F::UnIssuerAccountId);
        field("unmapped.userIdentity.sessionContext.sessionIssuer.type", F::UnIssuerType);
        field("unmapped.firewall_rule_action", F::UnFirewallAction);
        field("unmapped.firewall_rule_group_id", F::UnFirewallRuleGroup);
        field("unmapped.firewall_domain_list_id", F::UnFirewallDomainList);
        field("unmapped.srcids.instance", F::UnSrcIdsInstance);

        m["resources[]"] = Spec{Spec::Kind::Element, 0, false};
        m.try_emplace("resources", Spec{});
        const std::pair<const char *, ResourceMember> rm[] = {
            {"uid", RUid},       {"name", RName}, {"type", RType},    {"namespace", RNs},
            {"region", RRegion}, {"data", RData}, {"details", RData},
        };
        for (const auto &[name, member] : rm)
            m["resources[]." + std::string(name)] = Spec{Spec::Kind::Resource, member, true};
        m["observables[]"] = Spec{Spec::Kind::Element, 1, false};
        m.try_emplace("observables", Spec{});
        const std::pair<const char *, ObservableMember> om[] = {
            {"name", OName}, {"type", OType}, {"type_id", OTypeId}, {"value", OValue}};
        for (const auto &[name, member] : om)
            m["observables[]." + std::string(name)] = Spec{Spec::Kind::Observable, member, false};
        return m;
    }();
    return t;
}

} // namespace

struct Walker
{
    Record &r;
    const Table &t = table();
    std::string path;

    std::string_view leafText(value v, bool raw)
    {
        std::string_view s;
        if (raw && json::isObject(v)) {
            object o;
            if (v.get_object().get(o) || o.raw_json().get(s))
                return {};
            return s;
        }
        if (raw && json::isArray(v)) {
            array a;
            if (v.get_array().get(a) || a.raw_json().get(s))
                return {};
            return s;
        }
        return json::text(v);
    }

    void store(const Spec &s, value v)
    {
        switch (s.kind) {
        case Spec::Kind::Field:
            if (r.m_fields[s.index].empty())
                r.m_fields[s.index] = leafText(v, s.raw);
            break;
        case Spec::Kind::List: {
            auto &list = r.m_lists[s.index];
            if (json::isArray(v)) { // a list of scalars ("types[]")
                array a;
                if (v.get_array().get(a))
                    return;
                for (auto element : a) {
                    value child;
                    if (element.get(child) || list.size() >= kMaxList)
                        return;
                    const std::string_view t = json::text(child);
                    if (!t.empty())
                        list.push_back(t);
                }
            } else if (const std::string_view text = json::text(v);
                       !text.empty() && list.size() < kMaxList) {
                list.push_back(text);
            }
            break;
        }
        case Spec::Kind::Resource:
            if (!r.m_resources.empty()) {
                Resource &res = r.m_resources.back();
                const std::string_view text = leafText(v, s.raw);
                switch (s.index) {
                case RUid:
                    res.uid = text;
                    break;
                case RName:
                    res.name = text;
                    break;
                case RType:
                    res.type = text;
                    break;
                case RNs:
                    res.ns = text;
                    break;
                case RRegion:
                    res.region = text;
                    break;
                default:
                    res.data = text;
                    break;
                }
            }
            break;
        case Spec::Kind::Observable:
            if (!r.m_observables.empty()) {
                Observable &o = r.m_observables.back();
                const std::string_view text = json::text(v);
                if (s.index == OName)
                    o.name = text;
                else if (s.index == OType)
                    o.type = text;
                else if (s.index == OTypeId)
                    o.typeId = text;
                else
                    o.value = text;
            }
            break;
        default:
            break;
        }
    }

    void walkValue(value v, int depth)
    {
        const auto it = t.find(std::string_view(path));
        if (it == t.end())
            return;
        const Spec &s = it->second;
        if (s.kind != Spec::Kind::Step && s.kind != Spec::Kind::Element) {
            // A list member written as an array ("types": [...]) is read whole.
            store(s, v);
            return;
        }
        if (depth > 12)
            return;
        if (json::isObject(v)) {
            object o;
            if (v.get_object().get(o))
                return;
            const size_t base = path.size();
            for (auto field : o) {
                std::string_view key;
                value child;
                if (field.unescaped_key().get(key) || field.value().get(child))
                    break;
                if (base > 0)
                    path.push_back('.');
                path.append(key);
                walkValue(child, depth + 1);
                path.resize(base);
            }
        } else if (json::isArray(v)) {
            array a;
            if (v.get_array().get(a))
                return;
            const size_t base = path.size();
            path.append("[]");
            const auto element = t.find(std::string_view(path));
            int n = 0;
            for (auto e : a) {
                value child;
                if (e.get(child) || ++n > static_cast<int>(kMaxList))
                    break;
                if (element != t.end() && element->second.kind == Spec::Kind::Element) {
                    if (element->second.index == 0)
                        r.m_resources.emplace_back();
                    else
                        r.m_observables.emplace_back();
                }
                walkValue(child, depth + 1);
            }
            path.resize(base);
        }
    }
};

void Record::clear()
{
    m_fields.fill({});
    for (auto &l : m_lists)
        l.clear();
    m_resources.clear();
    m_observables.clear();
    m_ocsfKeys = 0;
    m_members = 0;
}

int Record::classUid() const
{
    const std::string_view s = get(F::ClassUid);
    if (s.empty() || s.size() > 6)
        return 0;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return 0;
        v = v * 10 + (c - '0');
    }
    return v;
}

bool extract(simdjson::ondemand::parser &parser, simdjson::padded_string_view text, Record &r,
             std::string &error)
{
    simdjson::ondemand::document doc;
    if (auto e = parser.iterate(text).get(doc); e) {
        error = simdjson::error_message(e);
        return false;
    }
    object o;
    if (auto e = doc.get_object().get(o); e) {
        error = "not a JSON object";
        return false;
    }
    Walker w{r, table(), {}};
    for (auto field : o) {
        std::string_view key;
        value v;
        if (auto e = field.unescaped_key().get(key); e) {
            error = simdjson::error_message(e);
            return false;
        }
        if (auto e = field.value().get(v); e) {
            error = simdjson::error_message(e);
            return false;
        }
        ++r.m_members;
        if (key == "class_uid" || key == "category_uid" || key == "type_uid" || key == "metadata")
            ++r.m_ocsfKeys;
        w.path.assign(key);
        w.walkValue(v, 0);
    }
    if (!doc.is_alive()) { // a nested value was damaged: its readers stopped quietly
        error = simdjson::error_message(simdjson::TAPE_ERROR);
        return false;
    }
    return true;
}

std::optional<int64_t> timeMs(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    bool numeric = true;
    for (char c : text)
        numeric = numeric && ((c >= '0' && c <= '9') || c == '.');
    if (!numeric || text.front() == '.')
        return parseIso8601(text);
    const size_t dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    if (whole.empty() || whole.size() > 19)
        return std::nullopt;
    int64_t v = 0;
    for (char c : whole)
        v = v * 10 + (c - '0');
    if (v < 100000000000LL) // before 1973 in ms: seconds
        return v * 1000;
    if (v < 100000000000000LL) // milliseconds
        return v;
    if (v < 100000000000000000LL) // microseconds
        return v / 1000;
    return v / 1000000; // nanoseconds
}

std::string_view className(int classUid)
{
    switch (classUid) {
    case 2001:
        return "Security Finding";
    case 2002:
        return "Vulnerability Finding";
    case 2003:
        return "Compliance Finding";
    case 2004:
        return "Detection Finding";
    case 2005:
        return "Incident Finding";
    case 2006:
        return "Data Security Finding";
    case 3001:
        return "Account Change";
    case 3002:
        return "Authentication";
    case 3003:
        return "Authorize Session";
    case 3004:
        return "Entity Management";
    case 3005:
        return "API Activity"; // 1.0.0-rc.2 numbering (User Access Management later)
    case 3006:
        return "Group Management";
    case 4001:
        return "Network Activity";
    case 4002:
        return "HTTP Activity";
    case 4003:
        return "DNS Activity";
    case 6001:
        return "Web Resources Activity";
    case 6002:
        return "Application Lifecycle";
    case 6003:
        return "API Activity";
    case 6004:
        return "Web Resource Access Activity";
    default:
        return {};
    }
}

} // namespace sightline::ocsf
