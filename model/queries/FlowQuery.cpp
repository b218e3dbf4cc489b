#include "FlowQuery.h"

#include "Metric.h"
#include "Prepared.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace sightline {
namespace {

// Flow rows are stored from the monitored side: local (instance, else the interface's
// address) and remote. direction 1 means remote -> local; 2 local -> remote; 0 unknown, in
// which case local is the record's source, so its bytes also went local -> remote.
constexpr const char *kColumns =
    "f.protocol, f.direction, sum(f.bytes), sum(f.packets), sum(f.accepted), "
    "sum(f.rejected), min(f.first_seen), max(f.last_seen) FROM flows f JOIN entities e ON e.id = ";
// The same columns, row by row.
constexpr const char *kRawColumns = "protocol, direction, bytes, packets, accepted, rejected, "
                                    "first_seen, last_seen FROM flows";

struct Key
{
    int64_t peer;
    int protocol, port, peerPort;
    bool operator==(const Key &) const = default;
};

struct KeyHash
{
    size_t operator()(const Key &k) const
    {
        uint64_t h = static_cast<uint64_t>(k.peer) * 0x9E3779B97F4A7C15ULL;
        h ^= (static_cast<uint64_t>(k.protocol) << 40) ^ (static_cast<uint64_t>(k.port) << 20) ^
             static_cast<uint64_t>(k.peerPort);
        return static_cast<size_t>(h ^ (h >> 29));
    }
};

} // namespace

FlowQuery::FlowQuery(Database &db) : m_lookup(db)
{
    const std::string c = kColumns;
    m_status = detail::prepareAll(
        db,
        {
            {&m_asLocal, "SELECT f.remote, f.local_port, f.remote_port, " + c +
                             "f.remote WHERE f.local = ?1 AND f.hour BETWEEN ?2 AND ?3 "
                             "AND (?4 = 0 OR e.type = ?4) AND (?5 = '' OR "
                             "coalesce(e.account, '') IN ('', ?5)) GROUP BY f.remote, f.protocol, "
                             "f.local_port, f.remote_port, f.direction"},
            {&m_asRemote, "SELECT f.local, f.remote_port, f.local_port, " + c +
                              "f.local WHERE f.remote = ?1 AND f.hour BETWEEN ?2 AND ?3 "
                              "AND (?4 = 0 OR e.type = ?4) AND (?5 = '' OR "
                              "coalesce(e.account, '') IN ('', ?5)) GROUP BY f.local, f.protocol, "
                              "f.local_port, f.remote_port, f.direction"},
            // Without a peer type or account to check, the rows go to load()'s merge as they
            // are: no join with the entities and no sort for a GROUP BY.
            {&m_asLocalAll, "SELECT remote, local_port, remote_port, " + std::string(kRawColumns) +
                                " WHERE local = ?1 AND hour BETWEEN ?2 AND ?3"},
            {&m_asRemoteAll, "SELECT local, remote_port, local_port, " + std::string(kRawColumns) +
                                 " WHERE remote = ?1 AND hour BETWEEN ?2 AND ?3"},
            {&m_hourAgg, "SELECT hour, metric, a, b FROM agg_hour WHERE entity = ?1 AND "
                         "metric BETWEEN ?4 AND ?5 AND dim = 0 AND hour BETWEEN ?2 AND ?3"},
            {&m_hourRemote,
             "SELECT hour, sum(iif(direction = 1, bytes, 0)), sum(iif(direction = 1, 0, bytes)), "
             "sum(iif(direction = 1, packets, 0)), sum(iif(direction = 1, 0, packets)), "
             "sum(accepted), sum(rejected) FROM flows WHERE remote = ?1 AND "
             "hour BETWEEN ?2 AND ?3 GROUP BY hour"},
        });
}

Result<std::vector<FlowHour>> FlowQuery::hourly(int64_t entity, const TimeRange &range)
{
    if (!m_status)
        return m_status.error();
    std::map<int64_t, FlowHour> hours;
    auto at = [&](int64_t hour) -> FlowHour & {
        FlowHour &h = hours[hour];
        h.hour = hour;
        return h;
    };
    // As the monitored side: a = in (received), b = out (sent); records a = accepted.
    m_hourAgg.bind(1, entity).bind(2, range.firstHour()).bind(3, range.lastHour());
    m_hourAgg.bind(4, static_cast<int>(Metric::FlowBytes))
        .bind(5, static_cast<int>(Metric::FlowRecords));
    while (m_hourAgg.step()) {
        FlowHour &h = at(m_hourAgg.int64(0));
        const auto metric = static_cast<Metric>(m_hourAgg.int64(1));
        const int64_t a = m_hourAgg.int64(2), b = m_hourAgg.int64(3);
        if (metric == Metric::FlowBytes) {
            h.bytesReceived += a;
            h.bytesSent += b;
        } else if (metric == Metric::FlowPackets) {
            h.packetsReceived += a;
            h.packetsSent += b;
        } else {
            h.accepted += a;
            h.rejected += b;
        }
    }
    if (m_hourAgg.failed())
        return detail::stepError(m_hourAgg);
    m_hourAgg.reset();
    // As the remote side: direction 1 (remote -> local) is what the entity sent.
    m_hourRemote.bind(1, entity).bind(2, range.firstHour()).bind(3, range.lastHour());
    while (m_hourRemote.step()) {
        FlowHour &h = at(m_hourRemote.int64(0));
        h.bytesSent += m_hourRemote.int64(1);
        h.bytesReceived += m_hourRemote.int64(2);
        h.packetsSent += m_hourRemote.int64(3);
        h.packetsReceived += m_hourRemote.int64(4);
        h.accepted += m_hourRemote.int64(5);
        h.rejected += m_hourRemote.int64(6);
    }
    if (m_hourRemote.failed())
        return detail::stepError(m_hourRemote);
    m_hourRemote.reset();
    std::vector<FlowHour> out;
    out.reserve(hours.size());
    for (auto &[hour, h] : hours)
        out.push_back(h);
    return out;
}

Result<FlowSummary> FlowQuery::load(int64_t entity, const TimeRange &range,
                                    const FlowOptions &options)
{
    if (!m_status)
        return m_status.error();
    FlowSummary out;
    out.range = range;
    auto self = m_lookup.byId(entity);
    if (!self)
        return self.error();
    out.entity = std::move(*self);

    std::unordered_map<Key, FlowPeer, KeyHash> merged;
    for (int pass = 0; pass < 2; ++pass) {
        const bool asLocal = pass == 0;
        const bool filtered = options.peerType || !options.account.empty();
        Statement &st = filtered ? (asLocal ? m_asLocal : m_asRemote)
                                 : (asLocal ? m_asLocalAll : m_asRemoteAll);
        st.bind(1, entity).bind(2, range.firstHour()).bind(3, range.lastHour());
        if (filtered) {
            st.bind(4, options.peerType ? static_cast<int64_t>(*options.peerType) : int64_t(0));
            st.bind(5, std::string_view(options.account));
        }
        while (st.step()) {
            Key key{st.int64(0), static_cast<int>(st.int64(3)),
                    options.byPort ? static_cast<int>(st.int64(1)) : 0,
                    options.byPort ? static_cast<int>(st.int64(2)) : 0};
            const int direction = static_cast<int>(st.int64(4));
            FlowPeer &p = merged[key];
            if (p.peer.id == 0) {
                p.peer.id = key.peer;
                p.peerIsLocal = !asLocal;
                p.protocol = key.protocol;
                p.port = key.port;
                p.peerPort = key.peerPort;
            }
            // Did the queried entity send these bytes?
            const bool sent = asLocal ? direction != 1 : direction == 1;
            (sent ? p.bytesSent : p.bytesReceived) += st.int64(5);
            (sent ? p.packetsSent : p.packetsReceived) += st.int64(6);
            p.accepted += st.int64(7);
            p.rejected += st.int64(8);
            const SeenSpan seen{st.int64(9), st.int64(10)};
            p.seen.first = p.seen.first ? std::min(p.seen.first, seen.first) : seen.first;
            p.seen.last = std::max(p.seen.last, seen.last);
            // Directions from the queried entity's point of view.
            if (direction == 0)
                p.undirected = true;
            else if ((direction == 2) == asLocal)
                p.outbound = true;
            else
                p.inbound = true;
        }
        if (st.failed())
            return detail::stepError(st);
        st.reset();
    }

    std::vector<FlowPeer> rows;
    rows.reserve(merged.size());
    std::unordered_map<int64_t, char> peers;
    for (auto &[key, p] : merged) {
        out.bytesSent += p.bytesSent;
        out.bytesReceived += p.bytesReceived;
        out.packetsSent += p.packetsSent;
        out.packetsReceived += p.packetsReceived;
        out.accepted += p.accepted;
        out.rejected += p.rejected;
        out.seen.first = out.seen.first ? std::min(out.seen.first, p.seen.first) : p.seen.first;
        out.seen.last = std::max(out.seen.last, p.seen.last);
        peers.emplace(key.peer, 0);
        rows.push_back(std::move(p));
    }
    out.peerRows = static_cast<int64_t>(rows.size());
    out.peerEntities = static_cast<int64_t>(peers.size());
    auto busier = [](const FlowPeer &a, const FlowPeer &b) {
        const int64_t x = a.bytesSent + a.bytesReceived, y = b.bytesSent + b.bytesReceived;
        if (x != y)
            return x > y;
        if (a.accepted + a.rejected != b.accepted + b.rejected)
            return a.accepted + a.rejected > b.accepted + b.rejected;
        if (a.peer.id != b.peer.id)
            return a.peer.id < b.peer.id;
        if (a.protocol != b.protocol)
            return a.protocol < b.protocol;
        return a.port != b.port ? a.port < b.port : a.peerPort < b.peerPort;
    };
    if (options.limit > 0 && rows.size() > options.limit) {
        std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(options.limit),
                          rows.end(), busier);
        rows.resize(options.limit);
    } else {
        std::sort(rows.begin(), rows.end(), busier);
    }
    for (FlowPeer &p : rows) {
        auto ref = m_lookup.byId(p.peer.id);
        if (!ref)
            return ref.error();
        p.peer = std::move(*ref);
    }
    out.peers = std::move(rows);
    return out;
}

} // namespace sightline
