#include "FlowPanel.h"

#include "LinkTableView.h"
#include "PlainText.h"
#include "queries/FlowSeries.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace sightline::ui {

QString protocolName(int protocol)
{
    switch (protocol) {
    case 1:
        return QStringLiteral("ICMP");
    case 6:
        return QStringLiteral("TCP");
    case 17:
        return QStringLiteral("UDP");
    case 58:
        return QStringLiteral("ICMPv6");
    default:
        return QString::number(protocol);
    }
}

namespace {

struct FlowLoad
{
    bool allAccounts = false; // the account filter cannot narrow the chart
    std::vector<FlowHour> hours;
    FlowSummary summary;
};

RowCell bytesCell(qint64 bytes)
{
    RowCell c(QLocale().formattedDataSize(bytes));
    c.sort = bytes;
    c.number = true;
    return c;
}

RowCell portCell(int port)
{
    RowCell c(port ? QString::number(port) : QStringLiteral("—"));
    c.sort = port;
    c.number = true;
    return c;
}

} // namespace

FlowPanel::FlowPanel(CaseContext &context, QWidget *parent)
    : ProfilePanel(tr("VPC flow volume"), parent), m_context(context)
{
    auto *hover = plainLabel(tr("Tick rows of the table to plot their bytes per hour."), this);
    hover->setStyleSheet(QStringLiteral("color: palette(mid)"));
    m_chart = new VolumeChart(this);
    m_chart->setMinimumHeight(240);
    m_account = makeChartAccountLabel(this);
    m_model = new RowModel({tr("Remote"), tr("Local port"), tr("Remote port"), tr("Protocol"),
                            tr("Direction"), tr("Bytes out"), tr("Bytes in"), tr("Packets out"),
                            tr("Packets in"), tr("Accepted"), tr("Rejected"), tr("First seen"),
                            tr("Last seen")},
                           this);
    m_table = makeTable(context, m_model, this);
    m_table->setObjectName(QStringLiteral("flows"));
    m_table->setColumnWidth(0, 200);
    for (int c = 1; c <= 10; ++c)
        m_table->setColumnWidth(c, c <= 4 ? 80 : 90);
    m_table->setColumnWidth(11, 160);
    body()->addWidget(m_account);
    body()->addWidget(hover);
    body()->addWidget(m_chart);
    body()->addWidget(m_table);
    connect(m_chart, &VolumeChart::hoverTextChanged, hover, [hover](const QString &text) {
        if (!text.isEmpty())
            hover->setText(text);
    });
    connect(m_chart, &VolumeChart::rangeSelected, this,
            [this](qint64 from, qint64 to) { m_context.setScope(from, to); });
    connect(m_model, &RowModel::checkedChanged, this, &FlowPanel::plotChecked);
}

void FlowPanel::clearFlows()
{
    cancel();
    ++m_seriesSlot.latest;
    m_seriesSlot.busy = false;
    m_chart->clearChart();
    showChartAccount(m_account, {}, false);
    m_model->clear();
    m_peers.clear();
    m_hasData = false;
}

void FlowPanel::load(const ProfileRequest &request)
{
    m_request = request;
    m_window = chartWindow(request.from, request.to);
    ++m_seriesSlot.latest;
    m_seriesSlot.busy = false;
    showLoading();
    const ChartWindow window = m_window;
    m_context.runner().run<Loaded<FlowLoad>>(
        this, slot(),
        [request, window](Database &db) {
            Loaded<FlowLoad> out;
            auto entity = resolveEntity(db, request);
            if (!entity) {
                out.error = errorText(entity.error());
                return out;
            }
            FlowQuery q(db);
            TimeRange wide;
            wide.from = window.first;
            wide.to = window.end();
            auto hours = q.hourly(entity->id, wide);
            if (!hours) {
                out.error = errorText(hours.error());
                return out;
            }
            out.value.hours = std::move(*hours);
            FlowOptions options;
            options.limit = 200;
            options.account = request.account.toStdString();
            out.value.allAccounts = filterNarrows(request, *entity);
            auto summary = q.load(entity->id, request.range(), options);
            if (!summary) {
                out.error = errorText(summary.error());
                return out;
            }
            out.value.summary = std::move(*summary);
            return out;
        },
        [this, request, window](Loaded<FlowLoad> &&loaded) {
            if (!loaded.ok()) {
                showError(loaded.error);
                return;
            }
            const FlowLoad &f = loaded.value;
            showChartAccount(m_account, request, f.allAccounts);
            m_hasData = !f.hours.empty() || !f.summary.peers.empty();
            VolumeChart::Data d;
            d.firstBucket = window.first;
            d.bucketMs = window.bucketMs;
            d.a.assign(static_cast<size_t>(window.count), 0.0);
            d.b.assign(static_cast<size_t>(window.count), 0.0);
            for (const FlowHour &h : f.hours) {
                const int i = window.index(h.hour * 3600000);
                if (i < 0 || i >= window.count)
                    continue;
                d.a[static_cast<size_t>(i)] += static_cast<double>(h.bytesReceived);
                d.b[static_cast<size_t>(i)] += static_cast<double>(h.bytesSent);
            }
            d.scopeFrom = request.from;
            d.scopeTo = request.to;
            d.aName = tr("bytes in");
            d.bName = tr("bytes out");
            d.aColor = QColor(0x1b, 0x9e, 0x77);
            d.bColor = QColor(0x7f, 0x3b, 0x08);
            d.bytes = true;
            m_chart->setData(d);

            std::vector<Row> rows;
            m_peers = f.summary.peers;
            for (size_t i = 0; i < m_peers.size(); ++i) {
                const FlowPeer &p = m_peers[i];
                QStringList dirs;
                if (p.inbound)
                    dirs << tr("in");
                if (p.outbound)
                    dirs << tr("out");
                if (p.undirected)
                    dirs << tr("unknown");
                Row row = entityRow(
                    p.peer,
                    {portCell(p.port), portCell(p.peerPort), RowCell(protocolName(p.protocol)),
                     RowCell(dirs.join(QStringLiteral(", "))), bytesCell(p.bytesSent),
                     bytesCell(p.bytesReceived), numberCell(p.packetsSent),
                     numberCell(p.packetsReceived), numberCell(p.accepted), numberCell(p.rejected),
                     timeCell(p.seen.first), timeCell(p.seen.last)});
                row.checkable = true;
                row.user = static_cast<qint64>(i);
                rows.push_back(std::move(row));
            }
            m_model->setRows(std::move(rows));
            const FlowSummary &s = f.summary;
            showNote(tr("In the scope time: %1 out, %2 in, %3 accepted and %4 rejected records, "
                        "%5 peers.")
                         .arg(QLocale().formattedDataSize(s.bytesSent),
                              QLocale().formattedDataSize(s.bytesReceived),
                              QLocale().toString(s.accepted), QLocale().toString(s.rejected),
                              QLocale().toString(s.peerEntities)));
            emit dataReady(m_hasData);
        },
        [this](const QString &message) { showError(message); });
}

void FlowPanel::plotChecked()
{
    std::vector<int> checked = m_model->checkedRows();
    if (checked.size() > static_cast<size_t>(kMaxPlotted))
        checked.resize(static_cast<size_t>(kMaxPlotted));
    std::vector<FlowTuple> tuples;
    QStringList names;
    for (int r : checked) {
        const FlowPeer &p = m_peers[static_cast<size_t>(m_model->row(r).user.toLongLong())];
        FlowTuple t;
        t.peer = p.peer.id;
        t.peerIsLocal = p.peerIsLocal;
        t.protocol = p.protocol;
        t.port = p.port;
        t.peerPort = p.peerPort;
        tuples.push_back(t);
        names << tr("%1 %2 %3→%4")
                     .arg(displayName(p.peer), protocolName(p.protocol),
                          p.port ? QString::number(p.port) : QStringLiteral("*"),
                          p.peerPort ? QString::number(p.peerPort) : QStringLiteral("*"));
    }
    if (tuples.empty()) {
        ++m_seriesSlot.latest;
        m_seriesSlot.busy = false;
        m_chart->setOverlays({});
        return;
    }
    const ProfileRequest request = m_request;
    const ChartWindow window = m_window;
    m_context.runner().run<Loaded<std::vector<VolumeChart::Overlay>>>(
        this, m_seriesSlot,
        [request, window, tuples, names](Database &db) {
            Loaded<std::vector<VolumeChart::Overlay>> out;
            auto entity = resolveEntity(db, request);
            if (!entity) {
                out.error = errorText(entity.error());
                return out;
            }
            FlowSeries series(db);
            TimeRange wide;
            wide.from = window.first;
            wide.to = window.end();
            for (size_t i = 0; i < tuples.size(); ++i) {
                FlowTuple t = tuples[i];
                t.entity = entity->id;
                auto hours = series.hourly(t, wide);
                if (!hours) {
                    out.error = errorText(hours.error());
                    return out;
                }
                VolumeChart::Overlay o;
                o.name = names[static_cast<qsizetype>(i)];
                o.values.assign(static_cast<size_t>(window.count), 0.0);
                for (const FlowHour &h : *hours) {
                    const int b = window.index(h.hour * 3600000);
                    if (b >= 0 && b < window.count)
                        o.values[static_cast<size_t>(b)] +=
                            static_cast<double>(h.bytesSent + h.bytesReceived);
                }
                out.value.push_back(std::move(o));
            }
            return out;
        },
        [this](Loaded<std::vector<VolumeChart::Overlay>> &&loaded) {
            if (!loaded.ok()) {
                showError(loaded.error);
                return;
            }
            m_chart->setOverlays(loaded.value);
        },
        [this](const QString &message) { showError(message); });
}

} // namespace sightline::ui
