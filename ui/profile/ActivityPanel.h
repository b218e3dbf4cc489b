#pragma once
// Overall API call volume of the profiled entity: successful and failed calls per hour (per
// day for long scopes) over the scope time, with context either side greyed (Timeline, read
// from hourly aggregates). Hovering a bar shows its numbers; dragging narrows the scope. The
// aggregates have no split by account: with an account filter the chart of an entity not of
// that account (an address, an agent ...) says on it that it counts every account.
#include "ProfilePanel.h"

class QLabel;

namespace sightline::ui {

class VolumeChart;

class ActivityPanel : public ProfilePanel
{
    Q_OBJECT
public:
    ActivityPanel(CaseContext &context, QWidget *parent = nullptr);
    void load(const ProfileRequest &request);
    void clearChart();
    VolumeChart *chart() const { return m_chart; }
    QLabel *hoverLabel() const { return m_hover; }
    // Shown when the account filter is set but cannot narrow the chart (every account counted).
    QLabel *accountLabel() const { return m_account; }

signals:
    void emptyChanged(bool empty); // no activity at all in the chart's window

private:
    CaseContext &m_context;
    VolumeChart *m_chart = nullptr;
    QLabel *m_hover = nullptr;
    QLabel *m_account = nullptr;
};

} // namespace sightline::ui
