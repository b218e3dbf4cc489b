#pragma once
// The window's scope time: hour-aligned start and end, shown in UTC or local time as
// chosen, with presets (the finding's window, the last 24 hours or 7 days of data, the whole
// case). Edits apply when the user finishes editing (Enter or leaving the field).
#include "CaseContext.h"

#include <QWidget>

class QDateTimeEdit;
class QToolButton;
class QLabel;

namespace sightline::ui {

class ScopeBar : public QWidget
{
    Q_OBJECT
public:
    explicit ScopeBar(CaseContext &context, QWidget *parent = nullptr);

    void applyPreset(int preset); // 0 whole case, 1 last 24 h of data, 2 last 7 days, 3 finding
    enum Preset
    {
        WholeCase,
        Last24Hours,
        Last7Days,
        FindingWindow
    };

private:
    void showScope();
    void commitEdits();

    CaseContext &m_context;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QToolButton *m_presets = nullptr;
    QLabel *m_zone = nullptr;
    bool m_updating = false;
};

} // namespace sightline::ui
