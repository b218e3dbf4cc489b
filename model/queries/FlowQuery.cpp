#include "FlowQuery.h"

#include "FlatMap.h"
#include "Metric.h"
#include "Prepared.h"

#include <algorithm>
#include <map>

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

// One peer row (peer, protocol, port, peer port) and its sums, as the flow rows are read.
struct PeerRow
{
    Key4 key;
    int64_t bytesSent = 0, bytesReceived = 0, packetsSent = 0, packetsReceived = 0;
    int64_t accepted = 0, rejected = 0, first = 0, last = 0;
    bool peerIsLocal = false, inbound = false, outbound = false, undirected = false;

    void add(const PeerRow &o) // o comes later: this one's peerIsLocal stays
    {
        bytesSent += o.bytesSent;
        bytesReceived += o.bytesReceived;
        packetsSent += o.packetsSent;
        packetsReceived += o.packetsReceived;
        accepted += o.accepted;
        rejected += o.rejected;
        first = first ? std::min(first, o.first) : o.first;
        last = std::max(last, o.last);
        inbound = inbound || o.inbound;
        outbound = outbound || o.outbound;
        undirected = undirected || o.undirected;
    }
};

bool byKey(const PeerRow &a, const PeerRow &b)
{
    return a.key < b.key;
}

// Sorts rows by key and merges the rows of one key; stable, so that the earlier row's
// peerIsLocal stays (the entity as the local side is read first). Rows in order stay put.
void sortAndFold(std::vector<PeerRow> &rows)
{
    if (!std::is_sorted(rows.begin(), rows.end(), byKey))
        std::stable_sort(rows.begin(), rows.end(), byKey);
    size_t out = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (out > 0 && rows[out - 1].key == rows[i].key)
            rows[out - 1].add(rows[i]);
        else if (out++ != i)
            rows[out - 1] = rows[i];
    }
    rows.resize(out);
}

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

    // A busy entity has hundreds of thousands of peer rows: they are merged in a vector, not a
    // hash map of FlowPeer (an allocation each; 0.7 s on an instance with 190,000). Rows come
    // peer by peer when the entity is the local side (the flows key starts local, remote), so
    // a peer's rows merge as they are read, in a small group kept in key order.
    std::vector<PeerRow> rows;
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
        size_t group = rows.size(); // the current peer's rows
        auto closeGroup = [&] {
            std::sort(rows.begin() + static_cast<std::ptrdiff_t>(group), rows.end(), byKey);
            group = rows.size();
        };
        while (st.step()) {
            PeerRow r;
            r.key = Key4{st.int64(0), st.int64(3), options.byPort ? st.int64(1) : 0,
                         options.byPort ? st.int64(2) : 0};
            r.peerIsLocal = !asLocal;
            const int direction = static_cast<int>(st.int64(4));
            // Did the queried entity send these bytes?
            const bool sent = asLocal ? direction != 1 : direction == 1;
            (sent ? r.bytesSent : r.bytesReceived) = st.int64(5);
            (sent ? r.packetsSent : r.packetsReceived) = st.int64(6);
            r.accepted = st.int64(7);
            r.rejected = st.int64(8);
            r.first = st.int64(9);
            r.last = st.int64(10);
            // Directions from the queried entity's point of view.
            if (direction == 0)
                r.undirected = true;
            else if ((direction == 2) == asLocal)
                r.outbound = true;
            else
                r.inbound = true;

            if (group < rows.size() && rows[group].key.a != r.key.a)
                closeGroup();
            // A peer with many ports (a scan) leaves its later rows to sortAndFold.
            const auto begin = rows.begin() + static_cast<std::ptrdiff_t>(group);
            const auto end =
                begin + static_cast<std::ptrdiff_t>(std::min<size_t>(rows.size() - group, 64));
            const auto same =
                std::find_if(begin, end, [&](const PeerRow &p) { return p.key == r.key; });
            if (same != end)
                same->add(r);
            else
                rows.push_back(r);
        }
        closeGroup();
        if (st.failed())
            return detail::stepError(st);
        st.reset();
    }
    // Rows as the local side come sorted (peer by peer); rows as the remote side, if any, are
    // sorted in after them.
    sortAndFold(rows);

    std::vector<const PeerRow *> order;
    order.reserve(rows.size());
    for (const PeerRow &p : rows) {
        out.bytesSent += p.bytesSent;
        out.bytesReceived += p.bytesReceived;
        out.packetsSent += p.packetsSent;
        out.packetsReceived += p.packetsReceived;
        out.accepted += p.accepted;
        out.rejected += p.rejected;
        out.seen.first = out.seen.first ? std::min(out.seen.first, p.first) : p.first;
        out.seen.last = std::max(out.seen.last, p.last);
        // In key order: a peer's rows are neighbours.
        if (order.empty() || order.back()->key.a != p.key.a)
            ++out.peerEntities;
        order.push_back(&p);
    }
    out.peerRows = static_cast<int64_t>(order.size());
    // Most bytes first, then most records, then by peer, protocol and ports.
    auto busier = [](const PeerRow *x, const PeerRow *y) {
        const int64_t bx = x->bytesSent + x->bytesReceived, by = y->bytesSent + y->bytesReceived;
        if (bx != by)
            return bx > by;
        if (x->accepted + x->rejected != y->accepted + y->rejected)
            return x->accepted + x->rejected > y->accepted + y->rejected;
        return x->key < y->key;
    };
    if (options.limit > 0 && order.size() > options.limit) {
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(options.limit),
                          order.end(), busier);
        order.resize(options.limit);
    } else {
        std::sort(order.begin(), order.end(), busier);
    }
    out.peers.reserve(order.size());
    for (const PeerRow *row : order) {
        auto ref = m_lookup.byId(row->key.a);
        if (!ref)
            return ref.error();
        const PeerRow &s = *row;
        FlowPeer p;
        p.peer = std::move(*ref);
        p.peerIsLocal = s.peerIsLocal;
        p.protocol = static_cast<int>(s.key.b);
        p.port = static_cast<int>(s.key.c);
        p.peerPort = static_cast<int>(s.key.d);
        p.bytesSent = s.bytesSent;
        p.bytesReceived = s.bytesReceived;
        p.packetsSent = s.packetsSent;
        p.packetsReceived = s.packetsReceived;
        p.accepted = s.accepted;
        p.rejected = s.rejected;
        p.seen = SeenSpan{s.first, s.last};
        p.inbound = s.inbound;
        p.outbound = s.outbound;
        p.undirected = s.undirected;
        out.peers.push_back(std::move(p));
    }
    return out;
}

} // namespace sightline
