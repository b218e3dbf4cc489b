#pragma once
// Overall API call volume of the profiled entity: successful and failed calls per hour (per
// day for long scopes) over the scope time, with context either side greyed (Timeline, read
// from hourly aggregates). Hovering a bar shows its numbers; dragging narrows the scope.
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

signals:
    void emptyChanged(bool empty); // no activity at all in the chart's window

private:
    CaseContext &m_context;
    VolumeChart *m_chart = nullptr;
    QLabel *m_hover = nullptr;
};

} // namespace sightline::ui
