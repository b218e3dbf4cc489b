#pragma once
// The members of one OCSF event that Sightline reads, found by their dotted path
// ("actor.user.uid", "resources[].type"). The OCSF versions Security Lake and the AWS
// mappings have written (1.0.0-rc.2 to 1.5) moved some members ("cloud.account_uid" became
// "cloud.account.uid", "finding" became "finding_info", "actor.user.uuid" held what
// "actor.user.uid" holds later); each variant gets its own field and the mappers choose.
// Only the subtrees that hold a wanted path are walked. Views point into the parser's
// buffers: valid until it parses again.
#include <simdjson.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::ocsf {

enum class F : uint8_t
{
    ClassUid,
    CategoryUid,
    ActivityId,
    TypeUid,
    ClassName,
    Time,
    TimeDt,
    StartTime,
    StartTimeDt,
    EndTime,
    EndTimeDt,
    Message,
    Status,
    StatusId,
    StatusCode,
    SeverityId,
    Severity,
    Action,
    ActionId,
    Disposition,
    DispositionId,
    State,
    StateId,
    MetaVersion,
    MetaUid,
    MetaEventCode,
    MetaLogName,
    MetaLogProvider,
    ProductName,
    ProductVersion,
    ProductUid,
    ProductFeatureName,
    ProductFeatureUid,
    CloudRegion,
    CloudAccountUid,    // cloud.account.uid (1.0+)
    CloudAccountUidOld, // cloud.account_uid (rc.2)
    // actor (API activity)
    ActorUserUid,
    ActorUserUidAlt,
    ActorUserUuid,
    ActorUserName,
    ActorUserType,
    ActorUserAccountUid,
    ActorUserAccountUidOld,
    ActorUserCredential,
    ActorSessionIssuer,
    ActorSessionUid,
    ActorSessionCredential,
    ActorInvokedBy,
    ApiOperation,
    ApiServiceName,
    ApiRequestUid,
    ApiRequestData, // raw JSON (object) or text
    ApiResponseError,
    ApiResponseCode,
    ApiResponseMessage,
    ApiResponseData,
    HttpUserAgent,
    HttpUrlPath,
    UserName, // the user an account change acted on
    UserUid,
    UserUidAlt,
    // endpoints
    SrcIp,
    SrcPort,
    SrcDomain,
    SrcInstance,
    SrcInterface,
    SrcVpc,
    DstIp,
    DstPort,
    DstInstance,
    DstInterface,
    ConnProtocolNum,
    ConnProtocolName,
    ConnDirection,
    ConnDirectionId,
    TrafficBytes,
    TrafficPackets,
    TrafficBytesIn,
    TrafficBytesOut,
    TrafficPacketsIn,
    TrafficPacketsOut,
    // DNS
    QueryHostname,
    QueryType,
    QueryClass,
    Rcode,
    RcodeId,
    FirewallRuleUid,
    // findings (finding_info in 1.0+, finding in rc.2)
    FindingUid,
    FindingTitle,
    FindingDesc,
    FindingCreated,
    FindingCreatedDt,
    FindingFirstSeen,
    FindingFirstSeenDt,
    FindingLastSeen,
    FindingLastSeenDt,
    FindingModified,
    FindingModifiedDt,
    FindingSrcUrl,
    ComplianceStatus,
    // unmapped members the AWS mappings leave
    UnEventType,
    UnRecipientAccount,
    UnEksClusterName,
    UnIssuerPrincipalId,
    UnIssuerUserName,
    UnIssuerAccountId,
    UnIssuerType,
    UnFirewallAction,
    UnFirewallRuleGroup,
    UnFirewallDomainList,
    UnSrcIdsInstance,
    Count, // keep last
};

// Members of the elements of lists (several values per event).
enum class L : uint8_t
{
    ActorGroupName,  // actor.user.groups[].name
    AnswerRdata,     // answers[].rdata
    FindingType,     // finding_info.types[]
    EvidenceSrcIp,   // evidences[].src_endpoint.ip
    EvidenceUserUid, // evidences[].actor.user.uid
    EvidenceUserName,
    EvidenceUserType,
    EvidenceOperation,
    EvidenceService,
    Count,
};

struct Resource
{
    std::string_view uid, name, type, ns, region, data;
};

struct Observable
{
    std::string_view name, type, typeId, value;
};

class Record
{
public:
    void clear();
    std::string_view get(F f) const { return m_fields[static_cast<size_t>(f)]; }
    // The first non-empty of two variants.
    std::string_view get(F f, F alt) const { return !get(f).empty() ? get(f) : get(alt); }
    const std::vector<std::string_view> &list(L l) const { return m_lists[static_cast<size_t>(l)]; }
    const std::vector<Resource> &resources() const { return m_resources; }
    const std::vector<Observable> &observables() const { return m_observables; }
    int classUid() const;
    int ocsfKeys() const { return m_ocsfKeys; } // class_uid, category_uid, type_uid, metadata
    int memberCount() const { return m_members; }

private:
    friend bool extract(simdjson::ondemand::parser &, simdjson::padded_string_view, Record &,
                        std::string &);
    friend struct Walker;
    std::array<std::string_view, static_cast<size_t>(F::Count)> m_fields;
    std::array<std::vector<std::string_view>, static_cast<size_t>(L::Count)> m_lists;
    std::vector<Resource> m_resources;
    std::vector<Observable> m_observables;
    int m_ocsfKeys = 0; // class_uid, category_uid, type_uid, metadata seen at the top
    int m_members = 0;  // top-level members
};

// Reads one OCSF event object. Returns false (with error) when the text is not a JSON object.
bool extract(simdjson::ondemand::parser &parser, simdjson::padded_string_view text, Record &out,
             std::string &error);

// An OCSF time: epoch seconds, milliseconds or microseconds (told apart by magnitude), or
// ISO 8601 text (the *_dt members, and exports that wrote "time" as text).
std::optional<int64_t> timeMs(std::string_view text);

// "API Activity" for 6003 etc. ("" when unknown).
std::string_view className(int classUid);

} // namespace sightline::ocsf
