#pragma once
// The hourly traffic of one row of FlowQuery::load (the queried entity, a peer, protocol and
// ports): what a profile plots when the investigator ticks flow rows. Reads the flows table
// through its keys (local, remote, hour ...) or the flows_remote index: bounded by the hours
// of one pair. Sent / received from the queried entity's point of view, as in FlowQuery.
// Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "FlowQuery.h"
#include "Result.h"
#include "ResultTypes.h"
#include "Statement.h"

#include <vector>

namespace sightline {

struct FlowTuple
{
    int64_t entity = 0;       // the queried entity
    int64_t peer = 0;         // FlowPeer::peer.id
    bool peerIsLocal = false; // FlowPeer::peerIsLocal
    int protocol = 0, port = 0, peerPort = 0;
};

class FlowSeries
{
public:
    explicit FlowSeries(Database &db);

    // Hours with traffic of the tuple, in time order.
    Result<std::vector<FlowHour>> hourly(const FlowTuple &tuple, const TimeRange &range = {});

private:
    Status m_status;
    Statement m_rows;
};

} // namespace sightline
