// sightline-cli flows CASE TYPE KEY [--from T] [--to T] [--peer-type TYPE] [--by-peer]
// and the flow panel of `profile`.
#include "CliSupport.h"
#include "Commands.h"
#include "JsonValues.h"
#include "TextTable.h"

#include "queries/FlowQuery.h"

namespace sightline::cli {

using namespace Qt::StringLiterals;

namespace {

using A = TextTable::Align;

std::string protocolName(int p)
{
    switch (p) {
    case 1:
        return "ICMP";
    case 6:
        return "TCP";
    case 17:
        return "UDP";
    case 47:
        return "GRE";
    case 50:
        return "ESP";
    case 58:
        return "ICMPv6";
    case 132:
        return "SCTP";
    default:
        return std::to_string(p);
    }
}

bool hasPorts(int protocol)
{
    return protocol == 6 || protocol == 17 || protocol == 132;
}

// Port 0 of TCP / UDP is where client (ephemeral) ports were folded at import.
std::string portText(int protocol, int port)
{
    if (!hasPorts(protocol))
        return "-";
    return port == 0 ? "*" : std::to_string(port);
}

nlohmann::json peerJson(const FlowPeer &p)
{
    return {{"peer", entityJson(p.peer)},
            {"peerIsLocal", p.peerIsLocal},
            {"protocol", p.protocol},
            {"protocolName", protocolName(p.protocol)},
            {"port", p.port},
            {"peerPort", p.peerPort},
            {"bytesSent", p.bytesSent},
            {"bytesReceived", p.bytesReceived},
            {"packetsSent", p.packetsSent},
            {"packetsReceived", p.packetsReceived},
            {"acceptedRecords", p.accepted},
            {"rejectedRecords", p.rejected},
            {"firstSeen", jsonTime(p.seen.first)},
            {"lastSeen", jsonTime(p.seen.last)}};
}

nlohmann::json flowsJson(const FlowSummary &s, bool withEntity)
{
    nlohmann::json peers = nlohmann::json::array();
    for (const FlowPeer &p : s.peers)
        peers.push_back(peerJson(p));
    nlohmann::json doc;
    if (withEntity)
        doc["entity"] = entityJson(s.entity);
    doc["range"] = rangeJson(s.range);
    doc["totals"] = {{"bytesSent", s.bytesSent},
                     {"bytesReceived", s.bytesReceived},
                     {"packetsSent", s.packetsSent},
                     {"packetsReceived", s.packetsReceived},
                     {"acceptedRecords", s.accepted},
                     {"rejectedRecords", s.rejected},
                     {"firstSeen", jsonTime(s.seen.first)},
                     {"lastSeen", jsonTime(s.seen.last)}};
    doc["peerEntities"] = s.peerEntities;
    doc["peerRows"] = s.peerRows;
    doc["peers"] = std::move(peers);
    return doc;
}

std::string peerTable(const FlowSummary &s, bool byPort)
{
    std::vector<TextTable::Column> cols = {{"TYPE"}, {"PEER", A::Left, 48}};
    if (byPort)
        cols.insert(cols.end(), {{"PROTO"}, {"PORT", A::Right}, {"PEER PORT", A::Right}});
    cols.insert(cols.end(), {{"BYTES SENT", A::Right},
                             {"BYTES RECEIVED", A::Right},
                             {"PACKETS SENT", A::Right},
                             {"PACKETS RECEIVED", A::Right},
                             {"ACCEPTED", A::Right},
                             {"REJECTED", A::Right},
                             {"FIRST SEEN"},
                             {"LAST SEEN"}});
    TextTable t(cols);
    for (const FlowPeer &p : s.peers) {
        std::vector<std::string> row = {std::string(entityTypeName(p.peer.type)),
                                        entityDisplay(p.peer)};
        if (byPort)
            row.insert(row.end(), {protocolName(p.protocol), portText(p.protocol, p.port),
                                   portText(p.protocol, p.peerPort)});
        row.insert(row.end(), {formatCount(p.bytesSent), formatCount(p.bytesReceived),
                               formatCount(p.packetsSent), formatCount(p.packetsReceived),
                               formatCount(p.accepted), formatCount(p.rejected),
                               formatTime(p.seen.first), formatTime(p.seen.last)});
        t.addRow(std::move(row));
    }
    std::string text = t.render();
    if (static_cast<int64_t>(s.peers.size()) < s.peerRows)
        text += "  ... " + formatCount(s.peerRows - static_cast<int64_t>(s.peers.size())) +
                " more (--limit)\n";
    return text;
}

std::string totalsText(const FlowSummary &s)
{
    auto field = [](const char *name, const std::string &value) {
        return "  " + std::string(name) + std::string(12 - std::string_view(name).size(), ' ') +
               value + "\n";
    };
    return field("Peers", formatCount(s.peerEntities) +
                              (s.peerRows != s.peerEntities
                                   ? " (" + formatCount(s.peerRows) + " with protocols and ports)"
                                   : std::string())) +
           field("Sent", formatCount(s.bytesSent) + " bytes (" + formatBytes(s.bytesSent) +
                             ") in " + formatCount(s.packetsSent) + " packets") +
           field("Received", formatCount(s.bytesReceived) + " bytes (" +
                                 formatBytes(s.bytesReceived) + ") in " +
                                 formatCount(s.packetsReceived) + " packets") +
           field("Records",
                 formatCount(s.accepted) + " accepted, " + formatCount(s.rejected) + " rejected") +
           field("First seen", s.seen.first ? formatTime(s.seen.first) : "-") +
           field("Last seen", s.seen.last ? formatTime(s.seen.last) : "-");
}

nlohmann::json hoursJson(const std::vector<FlowHour> &hours)
{
    nlohmann::json a = nlohmann::json::array();
    for (const FlowHour &h : hours)
        a.push_back({{"start", jsonTime(h.hour * kHourMs)},
                     {"bytesSent", h.bytesSent},
                     {"bytesReceived", h.bytesReceived},
                     {"packetsSent", h.packetsSent},
                     {"packetsReceived", h.packetsReceived},
                     {"acceptedRecords", h.accepted},
                     {"rejectedRecords", h.rejected}});
    return a;
}

std::string hoursTable(const std::vector<FlowHour> &hours)
{
    TextTable t({{"HOUR"},
                 {"BYTES SENT", A::Right},
                 {"BYTES RECEIVED", A::Right},
                 {"PACKETS SENT", A::Right},
                 {"PACKETS RECEIVED", A::Right},
                 {"ACCEPTED", A::Right},
                 {"REJECTED", A::Right}});
    for (const FlowHour &h : hours)
        t.addRow({formatTime(h.hour * kHourMs), formatCount(h.bytesSent),
                  formatCount(h.bytesReceived), formatCount(h.packetsSent),
                  formatCount(h.packetsReceived), formatCount(h.accepted),
                  formatCount(h.rejected)});
    return "\nPer hour (UTC)\n" + t.render();
}

constexpr const char *kLegend =
    "  (sent / received: by the entity above; '*' = client ports, folded at import; hours that "
    "overlap --from/--to count whole)\n";

} // namespace

void appendFlowSection(Database &db, const EntityRef &entity, const TimeRange &range, size_t limit,
                       std::string &text, nlohmann::json *json)
{
    if (entity.type != EntityType::Ec2Instance && entity.type != EntityType::IpAddress)
        return;
    FlowQuery query(db);
    FlowOptions options;
    options.limit = limit;
    auto s = query.load(entity.id, range, options);
    if (!s || s->peerRows == 0)
        return;
    if (json) {
        (*json)["flows"] = flowsJson(*s, false);
        return;
    }
    text +=
        "\nNetwork flows (VPC flow logs)\n" + totalsText(*s) + "\n" + peerTable(*s, true) + kLegend;
}

int runFlows(const QStringList &args)
{
    CommandLine cl(u"flows"_s,
                   u"Network flows of an IP address or an instance, from VPC flow logs: which "
                   u"instances and addresses it talked to, on which protocol and ports, bytes "
                   u"and packets each way, accepted and rejected records, first and last seen. "
                   u"For an IP address this answers \"which instances talked to it\"; for an "
                   u"instance, \"which addresses did it talk to\". Hour granularity."_s);
    cl.addJson();
    cl.addRange();
    cl.parser().addPositionalArgument(u"CASE"_s, u"The case file."_s);
    cl.parser().addPositionalArgument(u"TYPE"_s, u"IpAddress or Ec2Instance."_s);
    cl.parser().addPositionalArgument(u"KEY"_s, u"The address or the instance ID."_s);
    cl.parser().addOption(
        QCommandLineOption(u"limit"_s, u"Rows to show (default 50, 0 = all)."_s, u"N"_s));
    cl.parser().addOption(QCommandLineOption(
        u"peer-type"_s, u"Only peers of this type, e.g. Ec2Instance."_s, u"TYPE"_s));
    cl.parser().addOption(
        QCommandLineOption(u"by-peer"_s, u"One row per peer (protocols and ports summed)."_s));
    cl.parser().addOption(
        QCommandLineOption(u"hourly"_s, u"Also the traffic per hour (all peers together)."_s));
    if (auto code = cl.parse(args, 3, 3))
        return *code;
    const auto range = cl.range();
    const auto limit = cl.count(u"limit"_s, 50);
    if (!range || !limit)
        return ExitUsage;
    FlowOptions options;
    options.limit = *limit;
    options.byPort = !cl.isSet(u"by-peer"_s);
    if (cl.isSet(u"peer-type"_s)) {
        const auto t = parseType(cl.value(u"peer-type"_s));
        if (!t)
            return ExitUsage;
        options.peerType = *t;
    }
    if (!parseType(cl.positional().at(1)))
        return ExitUsage;

    int code = ExitOk;
    auto caseFile = openCase(cl.positional().at(0), code);
    if (!caseFile)
        return code;
    FlowQuery query(caseFile->db());
    auto entity = resolveEntity(query.lookup(), cl.positional().at(1), cl.positional().at(2), code);
    if (!entity)
        return code;
    auto s = query.load(entity->id, *range, options);
    if (!s)
        return fail(ExitFailure, caseFile->path() + ": " + s.error().detail);
    std::vector<FlowHour> hours;
    if (cl.isSet(u"hourly"_s)) {
        auto h = query.hourly(entity->id, *range);
        if (!h)
            return fail(ExitFailure, caseFile->path() + ": " + h.error().detail);
        hours = std::move(*h);
    }
    if (cl.json()) {
        nlohmann::json doc = flowsJson(*s, true);
        if (cl.isSet(u"hourly"_s))
            doc["hours"] = hoursJson(hours);
        out(jsonDump(doc));
        return ExitOk;
    }
    std::string text = "Flows of " + std::string(entityTypeName(entity->type)) + "  " +
                       entityDisplay(*entity) + "\n";
    if (range->bounded())
        text += "  Range       " + (range->from ? formatTime(*range->from) : std::string("...")) +
                " to " + (range->to ? formatTime(*range->to) : std::string("...")) + "\n";
    const std::string perHour = hours.empty() ? std::string() : hoursTable(hours);
    if (s->peerRows == 0) {
        out(text + "  No flows with peers" + (range->bounded() ? " in this range" : "") +
            " (flows come from VPC flow logs)\n" + perHour);
        return ExitOk;
    }
    out(text + totalsText(*s) + "\n" + peerTable(*s, options.byPort) + kLegend + perHour);
    return ExitOk;
}

} // namespace sightline::cli
