#pragma once
// One finding: its details (severity, type, title, description, product, account, region,
// first / last seen, count, archived), every involved entity (opening one sets the scope
// time to the finding's window, whole hours, and makes it the scope preset), the raw
// finding as pretty JSON, and the versions imported. "Copy Link" and "Show in Graph".
#include "Page.h"
#include "queries/FindingQuery.h"

class QAbstractItemModel;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace sightline::ui {

template <typename Row> class RowTableModel;

class FindingPage : public Page
{
    Q_OBJECT
public:
    explicit FindingPage(CaseContext &context, QWidget *parent = nullptr);
    QString title() const override;
    bool isLoading() const override { return m_slot.busy; }

    // The finding's window: first .. last seen padded to whole hours; 0/0 before loading.
    qint64 windowFrom() const { return m_windowFrom; }
    qint64 windowTo() const { return m_windowTo; }
    // Opens the involved entity of that row (of involvedModel()) within the finding's window.
    void openInvolved(int row);
    QString link() const;

    // For tests.
    QAbstractItemModel *involvedModel() const;
    QAbstractItemModel *versionsModel() const;
    QTableView *involvedView() const { return m_involvedView; }
    QPlainTextEdit *rawView() const { return m_raw; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *titleLabel() const { return m_title; }
    QLabel *severityLabel() const { return m_severity; }

protected:
    void reload() override;
    void clear() override;

private:
    void show(FindingDetail &&detail);
    QLabel *addField(const QString &name);
    void setFindingWindow();

    JobSlot m_slot;
    QString m_titleText;
    qint64 m_windowFrom = 0, m_windowTo = 0;
    QLabel *m_severity = nullptr, *m_title = nullptr, *m_status = nullptr;
    QLabel *m_type = nullptr, *m_product = nullptr, *m_account = nullptr, *m_region = nullptr,
           *m_first = nullptr, *m_last = nullptr, *m_count = nullptr, *m_archived = nullptr,
           *m_key = nullptr, *m_description = nullptr;
    QFormLayout *m_form = nullptr;
    QPushButton *m_copyLink = nullptr, *m_graph = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_involvedView = nullptr, *m_versionsView = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    RowTableModel<FindingInvolved> *m_involved = nullptr;
    RowTableModel<FindingVersion> *m_versions = nullptr;
};

} // namespace sightline::ui
