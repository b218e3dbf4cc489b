#include "VpcFlowFields.h"

#include "NetAddress.h"

#include <algorithm>
#include <initializer_list>
#include <vector>

namespace sightline::vpcflow {
namespace {

struct Name
{
    std::string_view name;
    Field field;
};

constexpr Name kNames[] = {
    {"version", Field::Version},
    {"account-id", Field::AccountId},
    {"interface-id", Field::InterfaceId},
    {"srcaddr", Field::SrcAddr},
    {"dstaddr", Field::DstAddr},
    {"srcport", Field::SrcPort},
    {"dstport", Field::DstPort},
    {"protocol", Field::Protocol},
    {"packets", Field::Packets},
    {"bytes", Field::Bytes},
    {"start", Field::Start},
    {"end", Field::End},
    {"action", Field::Action},
    {"log-status", Field::LogStatus},
    {"vpc-id", Field::VpcId},
    {"subnet-id", Field::SubnetId},
    {"instance-id", Field::InstanceId},
    {"tcp-flags", Field::TcpFlags},
    {"type", Field::Type},
    {"pkt-srcaddr", Field::PktSrcAddr},
    {"pkt-dstaddr", Field::PktDstAddr},
    {"region", Field::Region},
    {"az-id", Field::AzId},
    {"sublocation-type", Field::SublocationType},
    {"sublocation-id", Field::SublocationId},
    {"pkt-src-aws-service", Field::PktSrcAwsService},
    {"pkt-dst-aws-service", Field::PktDstAwsService},
    {"flow-direction", Field::FlowDirection},
    {"traffic-path", Field::TrafficPath},
    {"ecs-cluster-arn", Field::EcsClusterArn},
    {"ecs-cluster-name", Field::EcsClusterName},
    {"ecs-container-instance-arn", Field::EcsContainerInstanceArn},
    {"ecs-container-instance-id", Field::EcsContainerInstanceId},
    {"ecs-container-id", Field::EcsContainerId},
    {"ecs-second-container-id", Field::EcsSecondContainerId},
    {"ecs-service-name", Field::EcsServiceName},
    {"ecs-task-definition-arn", Field::EcsTaskDefinitionArn},
    {"ecs-task-arn", Field::EcsTaskArn},
    {"ecs-task-id", Field::EcsTaskId},
    {"reject-reason", Field::RejectReason},
    {"resource-type", Field::ResourceType},
    {"tgw-id", Field::TgwId},
    {"tgw-attachment-id", Field::TgwAttachmentId},
    {"tgw-src-vpc-account-id", Field::TgwSrcVpcAccountId},
    {"tgw-dst-vpc-account-id", Field::TgwDstVpcAccountId},
    {"tgw-src-vpc-id", Field::TgwSrcVpcId},
    {"tgw-dst-vpc-id", Field::TgwDstVpcId},
    {"tgw-src-subnet-id", Field::TgwSrcSubnetId},
    {"tgw-dst-subnet-id", Field::TgwDstSubnetId},
    {"tgw-src-eni", Field::TgwSrcEni},
    {"tgw-dst-eni", Field::TgwDstEni},
    {"tgw-src-az-id", Field::TgwSrcAzId},
    {"tgw-dst-az-id", Field::TgwDstAzId},
    {"tgw-pair-attachment-id", Field::TgwPairAttachmentId},
    {"packets-lost-no-route", Field::PacketsLostNoRoute},
    {"packets-lost-blackhole", Field::PacketsLostBlackhole},
    {"packets-lost-mtu-exceeded", Field::PacketsLostMtuExceeded},
    {"packets-lost-ttl-expired", Field::PacketsLostTtlExpired},
};

using F = Field;

// The documented order of every VPC field ("Available fields" of the VPC user guide); a
// version's all-fields layout is a prefix of it.
// clang-format off
constexpr F kVpcOrder[] = {
    // version 2, the default format (14 fields)
    F::Version, F::AccountId, F::InterfaceId, F::SrcAddr, F::DstAddr, F::SrcPort, F::DstPort,
    F::Protocol, F::Packets, F::Bytes, F::Start, F::End, F::Action, F::LogStatus,
    // version 3 (21)
    F::VpcId, F::SubnetId, F::InstanceId, F::TcpFlags, F::Type, F::PktSrcAddr, F::PktDstAddr,
    // version 4 (25)
    F::Region, F::AzId, F::SublocationType, F::SublocationId,
    // version 5 (29)
    F::PktSrcAwsService, F::PktDstAwsService, F::FlowDirection, F::TrafficPath,
    // version 7 (39)
    F::EcsClusterArn, F::EcsClusterName, F::EcsContainerInstanceArn, F::EcsContainerInstanceId,
    F::EcsContainerId, F::EcsSecondContainerId, F::EcsServiceName, F::EcsTaskDefinitionArn,
    F::EcsTaskArn, F::EcsTaskId,
    // version 8 (40)
    F::RejectReason,
};

// Transit gateway flow logs, all fields in the documented order (36).
constexpr F kTgwOrder[] = {
    F::Version, F::ResourceType, F::AccountId, F::TgwId, F::TgwAttachmentId,
    F::TgwSrcVpcAccountId, F::TgwDstVpcAccountId, F::TgwSrcVpcId, F::TgwDstVpcId,
    F::TgwSrcSubnetId, F::TgwDstSubnetId, F::TgwSrcEni, F::TgwDstEni, F::TgwSrcAzId,
    F::TgwDstAzId, F::TgwPairAttachmentId, F::SrcAddr, F::DstAddr, F::SrcPort, F::DstPort,
    F::Protocol, F::Packets, F::Bytes, F::Start, F::End, F::LogStatus, F::Type,
    F::PacketsLostNoRoute, F::PacketsLostBlackhole, F::PacketsLostMtuExceeded,
    F::PacketsLostTtlExpired, F::TcpFlags, F::Region, F::FlowDirection, F::PktSrcAwsService,
    F::PktDstAwsService,
};
// clang-format on

Layout makeLayout(const F *order, int count, std::string description)
{
    Layout l;
    for (int i = 0; i < count; ++i)
        l.column[static_cast<int>(order[i])] = static_cast<int8_t>(i);
    l.columns = count;
    l.description = std::move(description);
    return l;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

bool allDigits(std::string_view s)
{
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool numberOrDash(std::string_view s)
{
    return s == "-" || (allDigits(s) && s.size() <= 20);
}

} // namespace

Field fieldFromName(std::string_view name)
{
    if (name.size() > 3 && name.substr(0, 2) == "${" && name.back() == '}')
        name = name.substr(2, name.size() - 3);
    if (name.empty() || name.size() > 40)
        return Field::Unknown;
    char buf[40];
    for (size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        else if (c == '_')
            c = '-';
        buf[i] = c;
    }
    const std::string_view n(buf, name.size());
    for (const Name &k : kNames) {
        if (k.name == n)
            return k.field;
    }
    return Field::Unknown;
}

bool split(std::string_view line, char separator, Values &out)
{
    out.count = 0;
    const char *p = line.data();
    const char *end = p + line.size();
    if (separator == ' ') {
        for (;;) {
            while (p < end && isSpace(*p))
                ++p;
            if (p >= end)
                return true;
            const char *start = p;
            while (p < end && !isSpace(*p))
                ++p;
            if (out.count >= kMaxColumns)
                return false;
            out.cell[out.count++] = std::string_view(start, static_cast<size_t>(p - start));
        }
    }
    for (;;) {
        const char *start = p;
        while (p < end && *p != separator)
            ++p;
        std::string_view v(start, static_cast<size_t>(p - start));
        while (!v.empty() && isSpace(v.front()))
            v.remove_prefix(1);
        while (!v.empty() && isSpace(v.back()))
            v.remove_suffix(1);
        if (v.size() >= 2 && v.front() == '"' && v.back() == '"')
            v = v.substr(1, v.size() - 2);
        if (out.count >= kMaxColumns)
            return false;
        out.cell[out.count++] = v;
        if (p >= end)
            return true;
        ++p;
    }
}

bool parseHeader(std::string_view line, Layout &layout)
{
    const char separator =
        line.find(',') != std::string_view::npos && line.find(' ') == std::string_view::npos ? ','
                                                                                             : ' ';
    Values v;
    if (!split(line, separator, v) || v.count < 3)
        return false;
    Layout l;
    l.separator = separator;
    l.columns = v.count;
    int known = 0;
    for (int i = 0; i < v.count; ++i) {
        const Field f = fieldFromName(v.cell[i]);
        if (f == Field::Unknown) {
            // Tolerate fields newer than this list, but only names (never values).
            const bool nameLike =
                !v.cell[i].empty() && std::all_of(v.cell[i].begin(), v.cell[i].end(), [](char c) {
                    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
                           c == '_' || (c >= '0' && c <= '9');
                });
            if (!nameLike || (v.cell[i][0] >= '0' && v.cell[i][0] <= '9'))
                return false;
            continue;
        }
        ++known;
        if (l.column[static_cast<int>(f)] < 0)
            l.column[static_cast<int>(f)] = static_cast<int8_t>(i);
    }
    if (known < 3 || known * 2 < v.count)
        return false;
    if (!l.has(Field::SrcAddr) && !l.has(Field::DstAddr) && !l.has(Field::InterfaceId) &&
        !l.has(Field::InstanceId))
        return false;
    l.description = "header line";
    layout = std::move(l);
    return true;
}

const Layout *headerlessLayout(int columns)
{
    static const std::vector<Layout> layouts = [] {
        std::vector<Layout> v;
        v.push_back(makeLayout(kVpcOrder, 14, "default version 2 fields"));
        v.push_back(makeLayout(kVpcOrder, 21, "all version 3 fields in the documented order"));
        v.push_back(makeLayout(kVpcOrder, 25, "all version 4 fields in the documented order"));
        v.push_back(makeLayout(kVpcOrder, 29, "all version 5 fields in the documented order"));
        v.push_back(makeLayout(kVpcOrder, 39, "all version 7 fields in the documented order"));
        v.push_back(makeLayout(kVpcOrder, 40, "all version 8 fields in the documented order"));
        v.push_back(makeLayout(kTgwOrder, 36,
                               "all transit gateway flow log fields in the documented order"));
        return v;
    }();
    for (const Layout &l : layouts) {
        if (l.columns == columns)
            return &l;
    }
    return nullptr;
}

bool cutComment(std::string_view &line)
{
    for (size_t i = line.find('#'); i != std::string_view::npos; i = line.find('#', i + 1)) {
        if (i == 0 || isSpace(line[i - 1])) {
            line = line.substr(0, i);
            while (!line.empty() && isSpace(line.back()))
                line.remove_suffix(1);
            return true;
        }
    }
    return false;
}

bool isElision(std::string_view line)
{
    while (!line.empty() && isSpace(line.front()))
        line.remove_prefix(1);
    while (!line.empty() && isSpace(line.back()))
        line.remove_suffix(1);
    if (line == "\xE2\x80\xA6") // U+2026 HORIZONTAL ELLIPSIS
        return true;
    return line.size() >= 2 &&
           std::all_of(line.begin(), line.end(), [](char c) { return c == '.'; });
}

LineKind classifyLine(std::string_view line)
{
    cutComment(line);
    Layout header;
    if (parseHeader(line, header))
        return LineKind::Header;
    Values v;
    if (!split(line, ' ', v))
        return LineKind::Other;
    const Layout *l = headerlessLayout(v.count);
    if (!l)
        return LineKind::Other;
    const std::string_view version = v.get(*l, Field::Version);
    if (!allDigits(version) || version.size() > 2)
        return LineKind::Other;
    for (Field f : {Field::SrcAddr, Field::DstAddr}) {
        const std::string_view a = v.get(*l, f);
        if (a != "-" && !classifyIp(a).valid)
            return LineKind::Other;
    }
    for (Field f : {Field::SrcPort, Field::DstPort, Field::Protocol, Field::Packets, Field::Bytes,
                    Field::Start, Field::End}) {
        if (!numberOrDash(v.get(*l, f)))
            return LineKind::Other;
    }
    const std::string_view status = v.get(*l, Field::LogStatus);
    if (status != "OK" && status != "NODATA" && status != "SKIPDATA")
        return LineKind::Other;
    return LineKind::Record;
}

} // namespace sightline::vpcflow
