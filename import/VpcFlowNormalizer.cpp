#include "VpcFlowNormalizer.h"

#include "CloudTrailNormalizer.h"
#include "NetAddress.h"
#include "TimeUtil.h"

#include <algorithm>

namespace sightline {

using vpcflow::Field;

namespace {

constexpr int64_t kDaySeconds = 86400;
constexpr int64_t kMaxSeconds = 100000000000; // year 5138: anything later is not a time
constexpr size_t kMaxCache = 1u << 20;        // entity ids cached per file

bool isDash(std::string_view s)
{
    return s.empty() || s == "-";
}

enum class Num
{
    Ok,
    NotANumber,
    OutOfRange
};

// Unsigned decimal, at most max; "-" (or an absent field) reads as 0.
Num number(std::string_view s, int64_t max, int64_t &out)
{
    out = 0;
    if (isDash(s))
        return Num::Ok;
    if (s.size() > 19)
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })
                   ? Num::OutOfRange
                   : Num::NotANumber;
    int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return Num::NotANumber;
        v = v * 10 + (c - '0');
    }
    if (v > max)
        return Num::OutOfRange;
    out = v;
    return Num::Ok;
}

std::string clip(std::string_view s)
{
    std::string o(s.substr(0, 64));
    for (char &c : o) {
        if (static_cast<unsigned char>(c) < 0x20)
            c = '?';
    }
    return s.size() > 64 ? o + "..." : o;
}

bool isAccountId(std::string_view s)
{
    return s.size() == 12 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Values here are validated resource ids (letters, digits, '-'): no escaping needed.
void addAttr(std::string &json, std::string_view key, std::string_view value)
{
    if (value.empty())
        return;
    json += json.empty() ? "{\"" : ",\"";
    json.append(key).append("\":\"").append(value).append("\"");
}

// Ephemeral (client) ports are folded to 0 so that the flows of one service aggregate into
// one row per hour whatever the client's port: a port is ephemeral when it is >= 1024 and
// the other is a well-known port (< 1024), or when it is in the dynamic range used by Linux
// and Windows (>= 32768) and the other is not. Both ports stay when neither rule decides.
// The exact ports remain in the raw records.
bool ephemeral(int64_t port, int64_t other)
{
    if (port < 1024)
        return false;
    return other < 1024 || (port >= 32768 && other < 32768);
}

} // namespace

int64_t VpcFlowNormalizer::ipEntity(Interner &in, std::string_view address,
                                    std::string_view interface)
{
    auto it = m_ips.find(address);
    if (it != m_ips.end())
        return it->second;
    m_attrs.clear();
    addAttr(m_attrs, "interface", interface);
    if (!m_attrs.empty())
        m_attrs += '}';
    const int64_t id = in.entity(EntityType::IpAddress, address, {}, {}, m_attrs);
    if (m_ips.size() >= kMaxCache)
        m_ips.clear();
    m_ips.emplace(std::string(address), id);
    return id;
}

int64_t VpcFlowNormalizer::instanceEntity(Interner &in, std::string_view id,
                                          std::string_view account, std::string_view interface,
                                          std::string_view vpc, std::string_view subnet)
{
    auto it = m_instances.find(id);
    if (it != m_instances.end())
        return it->second;
    m_attrs.clear();
    addAttr(m_attrs, "interface", interface);
    addAttr(m_attrs, "vpc", vpc);
    addAttr(m_attrs, "subnet", subnet);
    if (!m_attrs.empty())
        m_attrs += '}';
    const int64_t entity = in.entity(EntityType::Ec2Instance, id, {}, account, m_attrs);
    if (m_instances.size() >= kMaxCache)
        m_instances.clear();
    m_instances.emplace(std::string(id), entity);
    return entity;
}

// 0 when src is a learnt address of the interface, 1 when dst is, -1 otherwise.
int VpcFlowNormalizer::interfaceSide(std::string_view interface, std::string_view src,
                                     std::string_view dst)
{
    auto it = m_interfaces.find(interface);
    if (it == m_interfaces.end())
        return -1;
    const auto &known = it->second;
    const bool s = std::find(known.begin(), known.end(), src) != known.end();
    const bool d = std::find(known.begin(), known.end(), dst) != known.end();
    return s == d ? -1 : (s ? 0 : 1);
}

void VpcFlowNormalizer::learn(std::string_view interface, std::string_view address)
{
    auto it = m_interfaces.find(interface);
    if (it == m_interfaces.end()) {
        if (m_interfaces.size() >= kMaxCache)
            m_interfaces.clear();
        m_interfaces.emplace(std::string(interface),
                             std::vector<std::string>{std::string(address)});
        return;
    }
    auto &known = it->second;
    if (known.size() < 4 && std::find(known.begin(), known.end(), address) == known.end())
        known.emplace_back(address);
}

bool VpcFlowNormalizer::add(const vpcflow::Layout &l, const vpcflow::Values &v, BatchBuilder &out,
                            std::string &reason)
{
    auto get = [&](Field f) { return v.get(l, f); };
    const std::string_view status = get(Field::LogStatus);
    const bool noData = status == "NODATA";
    const bool skipData = status == "SKIPDATA";
    if (noData) {
        ++m_counts.noData;
    } else if (skipData) {
        ++m_counts.skipData;
    } else if (!isDash(status) && status != "OK") {
        reason = "log-status is not OK, NODATA or SKIPDATA: \"" + clip(status) + "\"";
        return false;
    }
    const std::string_view src = get(Field::SrcAddr);
    const std::string_view dst = get(Field::DstAddr);
    if (isDash(src) || isDash(dst)) {
        // NODATA / SKIPDATA records carry no traffic: counted above, nothing else to add.
        if (noData || skipData)
            return true;
        reason = !l.has(Field::SrcAddr) || !l.has(Field::DstAddr)
                     ? "the record format has no srcaddr or dstaddr field"
                     : "record without a source or destination address";
        return false;
    }
    const IpClass sc = classifyIp(src);
    const IpClass dc = classifyIp(dst);
    if (!sc.valid || !dc.valid) {
        reason = std::string(!sc.valid ? "srcaddr" : "dstaddr") + " is not an IP address: \"" +
                 clip(!sc.valid ? src : dst) + "\"";
        return false;
    }
    int64_t srcPort = 0, dstPort = 0, protocol = 0, packets = 0, bytes = 0, start = 0, end = 0;
    struct NumField
    {
        Field field;
        const char *name;
        int64_t max;
        int64_t *out;
    };
    const NumField nums[] = {
        {Field::SrcPort, "srcport", 65535, &srcPort},
        {Field::DstPort, "dstport", 65535, &dstPort},
        {Field::Protocol, "protocol", 255, &protocol},
        {Field::Packets, "packets", INT64_MAX / 4, &packets},
        {Field::Bytes, "bytes", INT64_MAX / 4, &bytes},
        {Field::Start, "start", kMaxSeconds, &start},
        {Field::End, "end", kMaxSeconds, &end},
    };
    for (const NumField &n : nums) {
        const Num r = number(get(n.field), n.max, *n.out);
        if (r != Num::Ok) {
            reason = std::string(n.name) +
                     (r == Num::OutOfRange   ? " is out of range"
                      : n.max == kMaxSeconds ? " is not a number of Unix seconds"
                                             : " is not a number") +
                     ": \"" + clip(get(n.field)) + "\"";
            return false;
        }
    }
    int64_t accepted = 1, rejected = 0;
    const std::string_view action = get(Field::Action);
    if (action == "REJECT") {
        accepted = 0;
        rejected = 1;
    } else if (!isDash(action) && action != "ACCEPT") {
        reason = "action is not ACCEPT or REJECT: \"" + clip(action) + "\"";
        return false;
    }
    // Without an action field (transit gateway logs, custom formats) the traffic was
    // forwarded: the record counts as accepted.

    std::string_view interface = get(Field::InterfaceId);
    if (!isNetworkInterfaceId(interface))
        interface = {};
    std::string_view instanceId = get(Field::InstanceId);
    if (!isResourceId(instanceId, "i-")) {
        // ECS tasks on EC2: the container instance is the EC2 instance that hosts the task.
        instanceId = get(Field::EcsContainerInstanceId);
        if (!isResourceId(instanceId, "i-"))
            instanceId = {};
    }
    std::string_view account = get(Field::AccountId);
    if (!isAccountId(account))
        account = {};

    // Which side is local (the monitored interface, or its instance):
    //  1. flow-direction (version 5+): ingress -> the destination, egress -> the source;
    //  2. the one private side (RFC 1918 / shared / link-local / IPv6 ULA) when the other is
    //     public: a VPC interface's address in srcaddr / dstaddr is always its private one;
    //  3. an address already seen as this interface's own in an earlier record of the file
    //     (decided by rule 1 or 2), for private-to-private and public-to-public traffic;
    //  4. otherwise unknown (direction 0): the record is stored source -> destination, local
    //     being the source address, and an instance id is not credited with it.
    // The local side is the interface's own address, so it is learnt for rule 3.
    int localSide = -1; // 0 = source, 1 = destination
    const std::string_view flowDirection = get(Field::FlowDirection);
    if (flowDirection == "ingress")
        localSide = 1;
    else if (flowDirection == "egress")
        localSide = 0;
    else if (sc.privateUse != dc.privateUse)
        localSide = sc.privateUse ? 0 : 1;
    else if (!interface.empty())
        localSide = interfaceSide(interface, src, dst);
    if (localSide >= 0 && !interface.empty())
        learn(interface, localSide == 0 ? src : dst);

    Interner &in = out.interner();
    const int64_t srcIp = ipEntity(in, src, localSide == 0 ? interface : std::string_view());
    const int64_t dstIp = ipEntity(in, dst, localSide == 1 ? interface : std::string_view());
    int64_t instance =
        instanceId.empty()
            ? 0
            : instanceEntity(in, instanceId, account, interface,
                             isDash(get(Field::VpcId)) ? "" : get(Field::VpcId),
                             isDash(get(Field::SubnetId)) ? "" : get(Field::SubnetId));
    if (!instance && !interface.empty()) {
        // No instance-id field (the default format): the instance the interface was seen
        // attached to in CloudTrail or a GuardDuty finding, if any.
        auto it = m_interfaceInstances.find(interface);
        if (it == m_interfaceInstances.end()) {
            if (m_interfaceInstances.size() >= kMaxCache)
                m_interfaceInstances.clear();
            it = m_interfaceInstances.emplace(std::string(interface), in.instanceOf(interface))
                     .first;
        }
        instance = it->second;
    }

    // Time: the flow's start, unless start is missing or implausible (after end, or more than
    // a day before it), then its end.
    const bool hasStart = !isDash(get(Field::Start));
    const bool hasEnd = !isDash(get(Field::End));
    if (!hasStart && !hasEnd) {
        ++m_counts.untimed; // e.g. custom formats without start / end: entities only
        return true;
    }
    int64_t first = hasStart ? start : end;
    int64_t last = hasEnd ? end : start;
    if (hasStart && hasEnd && (start > end || end - start > kDaySeconds)) {
        ++m_counts.badStart;
        first = end;
    }
    first *= 1000;
    last *= 1000;
    const int64_t t = first;

    const bool known = localSide >= 0;
    if (!known) {
        ++m_counts.undirected;
        if (instance)
            ++m_counts.unattributed;
    }
    const int direction = !known ? 0 : (localSide == 0 ? 2 : 1); // 1 in, 2 out
    const int64_t localIp = localSide == 1 ? dstIp : srcIp;
    const int64_t remote = localSide == 1 ? srcIp : dstIp;
    const int64_t local = known && instance ? instance : localIp;
    int64_t localPort = localSide == 1 ? dstPort : srcPort;
    int64_t remotePort = localSide == 1 ? srcPort : dstPort;
    if (protocol == 6 || protocol == 17 || protocol == 132) { // TCP, UDP, SCTP
        if (ephemeral(localPort, remotePort))
            localPort = 0;
        else if (ephemeral(remotePort, localPort))
            remotePort = 0;
    }

    if (m_skip > 0) {
        // Its flow row, totals, edges and first / last seen are in the case already.
        --m_skip;
        ++m_counts.alreadyInCase;
        return true;
    }
    FlowRow row;
    row.local = local;
    row.remote = remote;
    row.hour = hourOfMs(t);
    row.localPort = static_cast<int>(localPort);
    row.remotePort = static_cast<int>(remotePort);
    row.protocol = static_cast<int>(protocol);
    row.direction = direction;
    row.bytes = bytes;
    row.packets = packets;
    row.accepted = accepted;
    row.rejected = rejected;
    row.first = first;
    row.last = last;
    out.flow(row);
    ++m_counts.flows;

    // Hourly totals of the monitored side: the local endpoint (instance, else the interface's
    // address) and, with an instance, also its address. Remote addresses get no aggregate
    // rows: the flows table, indexed by (remote, hour), already holds their traffic per hour
    // and peer (FlowQuery), and a long tail of remote addresses would otherwise cost several
    // rows per record. Per-peer figures likewise come from the flows table.
    const bool localSent = localSide != 1; // the record's bytes left the local side
    auto total = [&](int64_t e) {
        out.aggregateAt(t, e, Metric::FlowBytes, 0, localSent ? 0 : bytes, localSent ? bytes : 0);
        out.aggregateAt(t, e, Metric::FlowPackets, 0, localSent ? 0 : packets,
                        localSent ? packets : 0);
        out.aggregateAt(t, e, Metric::FlowRecords, 0, accepted, rejected);
    };
    total(local);
    if (local != localIp)
        total(localIp);
    // TalkedTo: the local endpoint (instance, else the interface's address) -> remote, for
    // accepted traffic only (a rejected attempt is no conversation; the flows table keeps it).
    if (accepted) {
        out.edgeAt(t, local, Relation::TalkedTo, remote);
        if (last != t)
            out.edgeAt(last, local, Relation::TalkedTo, remote, 0);
    }
    for (int64_t e : {srcIp, dstIp, instance}) {
        out.touch(t, e);
        if (last != t)
            out.touch(last, e);
    }
    return true;
}

} // namespace sightline
