#include "FlowSeries.h"

#include "Prepared.h"

#include <map>

namespace sightline {

FlowSeries::FlowSeries(Database &db)
{
    // ?1 local, ?2 remote, ?5 local port, ?6 remote port: the tuple as stored.
    m_status = detail::prepareAll(
        db, {{&m_rows, "SELECT hour, direction, bytes, packets, accepted, rejected FROM flows "
                       "WHERE local = ?1 AND remote = ?2 AND hour BETWEEN ?3 AND ?4 AND "
                       "local_port = ?5 AND remote_port = ?6 AND protocol = ?7 ORDER BY hour"}});
}

Result<std::vector<FlowHour>> FlowSeries::hourly(const FlowTuple &t, const TimeRange &range)
{
    if (!m_status)
        return m_status.error();
    const bool asLocal = !t.peerIsLocal;
    m_rows.bind(1, asLocal ? t.entity : t.peer).bind(2, asLocal ? t.peer : t.entity);
    m_rows.bind(3, range.firstHour()).bind(4, range.lastHour());
    m_rows.bind(5, asLocal ? t.port : t.peerPort).bind(6, asLocal ? t.peerPort : t.port);
    m_rows.bind(7, t.protocol);
    std::map<int64_t, FlowHour> hours;
    while (m_rows.step()) {
        FlowHour &h = hours[m_rows.int64(0)];
        h.hour = m_rows.int64(0);
        const int direction = static_cast<int>(m_rows.int64(1));
        // Did the queried entity send these bytes? (see FlowQuery)
        const bool sent = asLocal ? direction != 1 : direction == 1;
        (sent ? h.bytesSent : h.bytesReceived) += m_rows.int64(2);
        (sent ? h.packetsSent : h.packetsReceived) += m_rows.int64(3);
        h.accepted += m_rows.int64(4);
        h.rejected += m_rows.int64(5);
    }
    if (m_rows.failed())
        return detail::stepError(m_rows);
    m_rows.reset();
    std::vector<FlowHour> out;
    out.reserve(hours.size());
    for (auto &[hour, h] : hours)
        out.push_back(h);
    return out;
}

} // namespace sightline
