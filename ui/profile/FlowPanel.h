#pragma once
// VPC flow volume of an instance or address (FlowQuery): bytes in and out per hour over the
// scope time (context greyed), and a table of remote address × local port × remote port ×
// protocol × direction with bytes, packets and accepted / rejected records. Ticking rows plots
// each ticked row's bytes per hour over the chart (FlowSeries, its own job). With an account
// filter the table leaves out peers of other accounts; the chart (the entity's own hourly
// totals) then says on it that it counts every account.
#include "ProfilePanel.h"
#include "VolumeChart.h"
#include "queries/FlowQuery.h"

class QLabel;

namespace sightline::ui {

class FlowPanel : public ProfilePanel
{
    Q_OBJECT
public:
    static constexpr int kMaxPlotted = 6;
    FlowPanel(CaseContext &context, QWidget *parent = nullptr);
    void load(const ProfileRequest &request);
    void clearFlows();
    bool busy() const { return ProfilePanel::busy() || m_seriesSlot.busy; }
    bool hasData() const { return m_hasData; }
    VolumeChart *chart() const { return m_chart; }
    LinkTableView *table() const { return m_table; }
    RowModel *model() const { return m_model; }
    QLabel *accountLabel() const { return m_account; }

signals:
    void dataReady(bool hasData);

private:
    void plotChecked();

    CaseContext &m_context;
    ProfileRequest m_request;
    ChartWindow m_window;
    std::vector<FlowPeer> m_peers; // by model row
    VolumeChart *m_chart = nullptr;
    RowModel *m_model = nullptr;
    LinkTableView *m_table = nullptr;
    QLabel *m_account = nullptr;
    JobSlot m_seriesSlot;
    bool m_hasData = false;
};

QString protocolName(int protocol);

} // namespace sightline::ui
