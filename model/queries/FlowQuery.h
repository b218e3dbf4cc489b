#pragma once
// Network flows of one entity from the flows table (VPC flow logs aggregated per hour and
// tuple): which instances and addresses talked to an IP address, or which remote addresses
// an instance (or an interface's address) talked to, on which ports, how many bytes and
// packets each way, accepted / rejected records, and when. Hour granularity: with a range,
// the hours that overlap it are counted whole.
// Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "EntityLookup.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <optional>
#include <string>
#include <vector>

namespace sightline {

// One peer and service of the queried entity, summed over the hours in range. "Sent" is
// what the queried entity sent to the peer, "received" what the peer sent to it.
struct FlowPeer
{
    EntityRef peer;
    bool peerIsLocal = false; // the peer is the monitored side (instance / interface address)
    int protocol = 0;         // IANA number: 6 TCP, 17 UDP, 1 ICMP
    int port = 0;             // the queried entity's port (0: ephemeral ports, or none)
    int peerPort = 0;         // the peer's port (0: ephemeral ports, or none)
    int64_t bytesSent = 0, bytesReceived = 0;
    int64_t packetsSent = 0, packetsReceived = 0;
    int64_t accepted = 0, rejected = 0; // flow records
    SeenSpan seen;                      // first start, last end of its records
    bool inbound = false, outbound = false, undirected = false; // directions seen
};

struct FlowSummary
{
    EntityRef entity;
    TimeRange range;
    std::vector<FlowPeer> peers; // most bytes (both ways) first, at most the limit
    int64_t peerRows = 0;        // peer and service rows in all
    int64_t peerEntities = 0;    // distinct peers
    int64_t bytesSent = 0, bytesReceived = 0, packetsSent = 0, packetsReceived = 0;
    int64_t accepted = 0, rejected = 0;
    SeenSpan seen;
};

// An entity's flow traffic in one hour (UTC), all peers together.
struct FlowHour
{
    int64_t hour = 0; // epoch ms / 3,600,000
    int64_t bytesSent = 0, bytesReceived = 0, packetsSent = 0, packetsReceived = 0;
    int64_t accepted = 0, rejected = 0;
};

struct FlowOptions
{
    size_t limit = 50;                  // peer rows returned; 0 = all
    std::optional<EntityType> peerType; // only peers of this type (e.g. Ec2Instance)
    bool byPort = true;                 // false: one row per peer (ports summed, port 0)
    // "" = every account; else peers of other accounts (instances, interface addresses known
    // to belong to one) are left out, and the totals count the peers kept.
    std::string account;
};

class FlowQuery
{
public:
    explicit FlowQuery(Database &db);

    Result<FlowSummary> load(int64_t entity, const TimeRange &range = {},
                             const FlowOptions &options = {});
    // Hours with traffic, in time order: the monitored side's hourly aggregates (agg_hour,
    // for instances and interface addresses) plus the flows in which the entity is remote.
    Result<std::vector<FlowHour>> hourly(int64_t entity, const TimeRange &range = {});
    EntityLookup &lookup() { return m_lookup; }

private:
    EntityLookup m_lookup;
    Status m_status;
    Statement m_asLocal, m_asRemote, m_asLocalAll, m_asRemoteAll, m_hourAgg, m_hourRemote;
};

} // namespace sightline
