#pragma once
// Every finding active in the scope time (and of the account filter's account), in a
// sortable table with filters: minimum or exact severity, text, archived findings. Enter or
// double-click opens the finding's page. A location key "severity=N" (from the Summary
// page) shows the findings of severity N only.
#include "Page.h"
#include "queries/FindingTable.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace sightline::ui {

class FindingFilterProxy;
class FindingTableModel;
class LinkTableView;

class FindingsPage : public Page
{
    Q_OBJECT
public:
    explicit FindingsPage(CaseContext &context, QWidget *parent = nullptr);
    QString title() const override;
    bool isLoading() const override { return m_slot.busy; }

    // For tests.
    LinkTableView *view() const { return m_view; }
    FindingTableModel *model() const { return m_model; }
    FindingFilterProxy *proxy() const { return m_proxy; }
    QComboBox *severityBox() const { return m_severity; }
    QLineEdit *textFilter() const { return m_text; }
    QCheckBox *archivedBox() const { return m_archived; }
    qint64 total() const { return m_total; }

protected:
    void reload() override;
    void clear() override;

private:
    void applySeverity();
    void updateCount();

    JobSlot m_slot;
    FindingTableModel *m_model = nullptr;
    FindingFilterProxy *m_proxy = nullptr;
    LinkTableView *m_view = nullptr;
    QComboBox *m_severity = nullptr;
    QLineEdit *m_text = nullptr;
    QCheckBox *m_archived = nullptr;
    QLabel *m_count = nullptr;
    qint64 m_total = 0;
    bool m_truncated = false;
};

} // namespace sightline::ui
