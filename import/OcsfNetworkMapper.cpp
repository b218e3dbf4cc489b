#include "OcsfNetworkMapper.h"

#include "CloudTrailNormalizer.h"
#include "TimeUtil.h"
#include "Varint.h"

#include <algorithm>
#include <cctype>

namespace sightline {
namespace {

using ocsf::F;
using ocsf::L;

constexpr int64_t kDayMs = 24 * kHourMs;

int64_t number(std::string_view s)
{
    int64_t v = 0;
    if (s.empty() || s.size() > 18)
        return 0;
    for (char c : s) {
        if (c == '.')
            break;
        if (c < '0' || c > '9')
            return 0;
        v = v * 10 + (c - '0');
    }
    return v;
}

// Addresses that never leave a private network: RFC 1918, RFC 6598 shared space (VPC
// secondary ranges, EKS pods), link-local, loopback, IPv6 unique local and link-local.
bool isPrivate(std::string_view ip)
{
    if (ip.find(':') != std::string_view::npos) {
        if (ip == "::1")
            return true;
        if (ip.size() < 4)
            return false;
        auto lower = [&](size_t i) { return std::tolower(static_cast<unsigned char>(ip[i])); };
        if (lower(0) != 'f')
            return false;
        if (lower(1) == 'c' || lower(1) == 'd') // fc00::/7
            return true;
        return lower(1) == 'e' && lower(2) >= '8' && lower(2) <= 'b'; // fe80::/10
    }
    const int64_t v = parseIpv4(ip);
    if (v < 0)
        return false;
    const int64_t a = v >> 24, b = (v >> 16) & 0xFF;
    return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) ||
           (a == 100 && b >= 64 && b <= 127) || (a == 169 && b == 254);
}

// "i-" and hex digits: 8 or 17 in real ids, other lengths in redacted samples.
bool isInstanceId(std::string_view s)
{
    if (s.size() < 10 || s.size() > 34 || s.substr(0, 2) != "i-")
        return false;
    return std::all_of(s.begin() + 2, s.end(),
                       [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

// A client port collapses into one row per hour whatever it was (as for VPC Flow Logs): a
// port is ephemeral when >= 1024 and the other is well known, or in the dynamic range
// (>= 32768) and the other is not.
bool ephemeral(int64_t port, int64_t other)
{
    if (port < 1024)
        return false;
    return other < 1024 || (port >= 32768 && other < 32768);
}

std::string_view rcodeName(std::string_view id)
{
    static constexpr std::string_view kNames[] = {"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN",
                                                  "NOTIMP",  "REFUSED", "YXDOMAIN", "YXRRSET",
                                                  "NXRRSET", "NOTAUTH", "NOTZONE"};
    const int64_t v = number(id);
    if (id.empty() || v < 0 || v > 10)
        return {};
    return kNames[v];
}

} // namespace

bool OcsfNetworkMapper::addFlow(const ocsf::Record &r, const RecordSpan &raw, BatchBuilder &out,
                                std::string &reason)
{
    const std::string_view src = r.get(F::SrcIp), dst = r.get(F::DstIp);
    if (!isIpAddress(src) || !isIpAddress(dst)) {
        reason = "OCSF network activity without valid src_endpoint.ip and dst_endpoint.ip";
        return false;
    }
    auto start = ocsf::timeMs(r.get(F::StartTime));
    if (!start)
        start = ocsf::timeMs(r.get(F::StartTimeDt));
    if (!start)
        start = ocsf::timeMs(r.get(F::Time));
    if (!start)
        start = ocsf::timeMs(r.get(F::TimeDt));
    auto end = ocsf::timeMs(r.get(F::EndTime));
    if (!end)
        end = ocsf::timeMs(r.get(F::EndTimeDt));
    if (!start && !end) {
        reason = "OCSF network activity without a time";
        return false;
    }
    int64_t first = start.value_or(*end), last = end.value_or(*start);
    if (first > last || last - first > kDayMs)
        first = last;

    const std::string_view srcInstance = r.get(F::SrcInstance), dstInstance = r.get(F::DstInstance);
    const std::string_view direction = r.get(F::ConnDirectionId);
    // The local side (the monitored interface): the direction when given, else the side
    // whose instance or interface is named, else the one private address facing a public one.
    int localSide = -1; // 0 source, 1 destination
    if (direction == "1")
        localSide = 1;
    else if (direction == "2")
        localSide = 0;
    else if (isInstanceId(dstInstance) != isInstanceId(srcInstance))
        localSide = isInstanceId(dstInstance) ? 1 : 0;
    else if (r.get(F::DstInterface).substr(0, 4) == "eni-" &&
             r.get(F::SrcInterface).substr(0, 4) != "eni-")
        localSide = 1;
    else if (r.get(F::SrcInterface).substr(0, 4) == "eni-" &&
             r.get(F::DstInterface).substr(0, 4) != "eni-")
        localSide = 0;
    else if (isPrivate(src) != isPrivate(dst))
        localSide = isPrivate(src) ? 0 : 1;
    const bool known = localSide >= 0;

    Interner &in = out.interner();
    const std::string_view account = r.get(F::CloudAccountUid, F::CloudAccountUidOld);
    const int64_t srcIp = in.entity(EntityType::IpAddress, src);
    const int64_t dstIp = dst == src ? srcIp : in.entity(EntityType::IpAddress, dst);
    const std::string_view instanceId = localSide == 1 ? dstInstance : srcInstance;
    const int64_t instance = known && isInstanceId(instanceId)
                                 ? in.entity(EntityType::Ec2Instance, instanceId, {}, account)
                                 : 0;
    const int64_t localIp = localSide == 1 ? dstIp : srcIp;
    const int64_t remote = localSide == 1 ? srcIp : dstIp;
    const int64_t local = instance ? instance : localIp;
    const int64_t srcPort = number(r.get(F::SrcPort)), dstPort = number(r.get(F::DstPort));
    int64_t localPort = localSide == 1 ? dstPort : srcPort;
    int64_t remotePort = localSide == 1 ? srcPort : dstPort;
    const int64_t protocol = number(r.get(F::ConnProtocolNum));
    if (protocol == 6 || protocol == 17 || protocol == 132) {
        if (ephemeral(localPort, remotePort))
            localPort = 0;
        else if (ephemeral(remotePort, localPort))
            remotePort = 0;
    }
    int64_t bytes = number(r.get(F::TrafficBytes));
    if (bytes == 0)
        bytes = number(r.get(F::TrafficBytesIn)) + number(r.get(F::TrafficBytesOut));
    int64_t packets = number(r.get(F::TrafficPackets));
    if (packets == 0)
        packets = number(r.get(F::TrafficPacketsIn)) + number(r.get(F::TrafficPacketsOut));
    const std::string_view action = r.get(F::Action), disposition = r.get(F::Disposition);
    const bool rejected = action == "Denied" || action == "REJECT" || action == "Rejected" ||
                          disposition == "Blocked" || disposition == "Dropped" ||
                          disposition == "Rejected" || r.get(F::ActivityId) == "5";
    const int64_t accepted = rejected ? 0 : 1;

    out.appendRaw(raw.text, raw.line);
    FlowRow row;
    row.local = local;
    row.remote = remote;
    row.hour = hourOfMs(first);
    row.localPort = static_cast<int>(localPort);
    row.remotePort = static_cast<int>(remotePort);
    row.protocol = static_cast<int>(protocol);
    row.direction = !known ? 0 : (localSide == 0 ? 2 : 1);
    row.bytes = bytes;
    row.packets = packets;
    row.accepted = accepted;
    row.rejected = rejected ? 1 : 0;
    row.first = first;
    row.last = last;
    out.flow(row);
    ++m_flows;

    const int64_t t = first;
    auto sent = [&](int64_t e) {
        out.aggregateAt(t, e, Metric::FlowBytes, 0, 0, bytes);
        out.aggregateAt(t, e, Metric::FlowPackets, 0, 0, packets);
        out.aggregateAt(t, e, Metric::FlowRecords, 0, row.accepted, row.rejected);
    };
    auto received = [&](int64_t e) {
        out.aggregateAt(t, e, Metric::FlowBytes, 0, bytes, 0);
        out.aggregateAt(t, e, Metric::FlowPackets, 0, packets, 0);
        out.aggregateAt(t, e, Metric::FlowRecords, 0, row.accepted, row.rejected);
    };
    sent(srcIp);
    if (dstIp != srcIp)
        received(dstIp);
    if (instance) {
        if (localSide == 0)
            sent(instance);
        else
            received(instance);
    }
    const bool inbound = row.direction == 1;
    const int64_t localIn = inbound ? bytes : 0, localOut = inbound ? 0 : bytes;
    out.aggregateAt(t, local, Metric::FlowBytes, remote, localIn, localOut);
    out.aggregateAt(t, local, Metric::FlowRecords, remote, row.accepted, row.rejected);
    out.aggregateAt(t, remote, Metric::FlowBytes, local, localOut, localIn);
    out.aggregateAt(t, remote, Metric::FlowRecords, local, row.accepted, row.rejected);
    out.edgeAt(t, local, Relation::TalkedTo, remote);
    if (last != t)
        out.edgeAt(last, local, Relation::TalkedTo, remote, 0);
    for (int64_t e : {srcIp, dstIp, instance}) {
        out.touch(t, e);
        if (last != t)
            out.touch(last, e);
    }
    return true;
}

bool OcsfNetworkMapper::addDns(const ocsf::Record &r, const RecordSpan &raw, BatchBuilder &out,
                               std::string &reason)
{
    DnsQueryRecord &d = m_dns;
    d.clear();
    auto time = ocsf::timeMs(r.get(F::Time));
    if (!time)
        time = ocsf::timeMs(r.get(F::TimeDt));
    if (!time) {
        reason = r.get(F::Time).empty() ? "OCSF DNS activity without a time"
                                        : "OCSF time is not a valid time: \"" +
                                              std::string(r.get(F::Time).substr(0, 64)) + "\"";
        return false;
    }
    d.timeMs = *time;
    d.queryName = r.get(F::QueryHostname);
    d.queryType = r.get(F::QueryType);
    d.queryClass = r.get(F::QueryClass);
    d.rcode = r.get(F::Rcode);
    if (d.rcode.empty())
        d.rcode = rcodeName(r.get(F::RcodeId));
    d.srcAddr = r.get(F::SrcIp);
    d.srcPort = r.get(F::SrcPort);
    d.transport = r.get(F::ConnProtocolName);
    d.instanceId =
        isInstanceId(r.get(F::SrcInstance)) ? r.get(F::SrcInstance) : r.get(F::UnSrcIdsInstance);
    d.account = r.get(F::CloudAccountUid, F::CloudAccountUidOld);
    d.region = r.get(F::CloudRegion);
    d.firewallRuleGroup = r.get(F::FirewallRuleUid, F::UnFirewallRuleGroup);
    d.firewallDomainList = r.get(F::UnFirewallDomainList);
    d.firewallAction = r.get(F::UnFirewallAction);
    if (d.firewallAction.empty() && !d.firewallRuleGroup.empty()) {
        // A DNS Firewall rule group matched: its verdict is the disposition.
        const std::string_view disposition = r.get(F::Disposition);
        if (disposition == "Blocked" || disposition == "Dropped" || disposition == "Denied" ||
            r.get(F::Action) == "Denied")
            d.firewallAction = "BLOCK";
        else if (disposition == "Alert" || disposition == "No Action")
            d.firewallAction = "ALERT";
        else if (disposition == "Allowed")
            d.firewallAction = "ALLOW";
    }
    d.answers = r.list(L::AnswerRdata);
    if (d.queryName.empty()) {
        reason = "OCSF DNS activity without query.hostname";
        return false;
    }
    return m_dnsNormalizer.add(d, raw.text, raw.line, raw.offset, out, reason);
}

} // namespace sightline
