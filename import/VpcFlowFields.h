#pragma once
// The fields of VPC Flow Logs and transit gateway flow logs, how a header line (or the lack
// of one) orders them, and splitting a record line into its values. No state; used by the
// detector and by the parser.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace sightline::vpcflow {

// Every field AWS documents, VPC (versions 2 to 8) and transit gateway. Unknown header names
// map to Unknown and their column is ignored.
enum class Field : uint8_t
{
    Version,
    AccountId,
    InterfaceId,
    SrcAddr,
    DstAddr,
    SrcPort,
    DstPort,
    Protocol,
    Packets,
    Bytes,
    Start,
    End,
    Action,
    LogStatus,
    VpcId,
    SubnetId,
    InstanceId,
    TcpFlags,
    Type,
    PktSrcAddr,
    PktDstAddr,
    Region,
    AzId,
    SublocationType,
    SublocationId,
    PktSrcAwsService,
    PktDstAwsService,
    FlowDirection,
    TrafficPath,
    EcsClusterArn,
    EcsClusterName,
    EcsContainerInstanceArn,
    EcsContainerInstanceId,
    EcsContainerId,
    EcsSecondContainerId,
    EcsServiceName,
    EcsTaskDefinitionArn,
    EcsTaskArn,
    EcsTaskId,
    RejectReason,
    ResourceType,
    TgwId,
    TgwAttachmentId,
    TgwSrcVpcAccountId,
    TgwDstVpcAccountId,
    TgwSrcVpcId,
    TgwDstVpcId,
    TgwSrcSubnetId,
    TgwDstSubnetId,
    TgwSrcEni,
    TgwDstEni,
    TgwSrcAzId,
    TgwDstAzId,
    TgwPairAttachmentId,
    PacketsLostNoRoute,
    PacketsLostBlackhole,
    PacketsLostMtuExceeded,
    PacketsLostTtlExpired,
    Unknown, // keep last
};

inline constexpr int kFieldCount = static_cast<int>(Field::Unknown);
inline constexpr int kMaxColumns = 96; // longer lines are errors

// "srcaddr", "pkt_srcaddr", "${pkt-srcaddr}", "PKT-SRCADDR" -> the field; Unknown otherwise.
Field fieldFromName(std::string_view name);

// Which column holds each field, from a header line or a documented default order.
struct Layout
{
    std::array<int8_t, kFieldCount> column; // -1 when the field is absent
    int columns = 0;
    char separator = ' ';    // ' ' (runs of spaces and tabs) or ','
    std::string description; // for the source's note, e.g. "default version 2 fields"

    Layout() { column.fill(-1); }
    bool has(Field f) const { return column[static_cast<int>(f)] >= 0; }
};

// The values of one record line. Splitting keeps string_views into the line.
struct Values
{
    std::array<std::string_view, kMaxColumns> cell;
    int count = 0;
    std::string_view get(const Layout &layout, Field f) const
    {
        const int c = layout.column[static_cast<int>(f)];
        return c >= 0 && c < count ? cell[c] : std::string_view();
    }
};

// Splits line at separator (' ' splits at runs of spaces and tabs, so the double spaces of
// the AWS documentation examples are harmless; ',' trims spaces and surrounding double
// quotes, as in Athena's CSV). Returns false when the line has more than kMaxColumns values.
bool split(std::string_view line, char separator, Values &out);

// A header line: every value names a field (at least 3 of them known, and at least one
// address or interface field). On success fills layout (separator from the line).
bool parseHeader(std::string_view line, Layout &layout);

// The layout of a record without a header line, chosen by its number of values: 14 is the
// default format (version 2); 21, 25, 29, 39 and 40 are all fields of versions 3, 4, 5, 7
// and 8 in the documented order; 36 is a transit gateway flow log with all its fields.
// Null for any other count.
const Layout *headerlessLayout(int columns);

// Cuts a trailing "# comment" (as in the AWS documentation examples). Returns true when a
// comment was cut. A line that starts with '#' becomes empty.
bool cutComment(std::string_view &line);

// True when the line is only dots (the "..." elision of the AWS documentation).
bool isElision(std::string_view line);

// For detection: does this line look like a flow log header or record?
enum class LineKind
{
    Other,
    Header,
    Record
};
LineKind classifyLine(std::string_view line);

} // namespace sightline::vpcflow
