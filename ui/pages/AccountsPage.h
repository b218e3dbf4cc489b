#pragma once
// Every AWS account of the case with its activity in the scope time: API calls, principals,
// findings, regions and source files, and when it was seen. Selecting an account sets the
// account filter that narrows every page; "All Accounts" clears it. Double-click or Enter
// opens the account's profile.
#include "Page.h"
#include "queries/CaseAccounts.h"

class QAbstractItemModel;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;

namespace sightline::ui {

template <typename Row> class RowTableModel;
class LinkTableView;

class AccountsPage : public Page
{
    Q_OBJECT
public:
    explicit AccountsPage(CaseContext &context, QWidget *parent = nullptr);
    QString title() const override;
    bool isLoading() const override { return m_slot.busy; }

    // For tests.
    QAbstractItemModel *model() const;
    LinkTableView *view() const { return m_view; }

protected:
    void reload() override;
    void clear() override;
    bool followsAccount() const override { return false; }

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void selectFiltered();
    void chooseCurrent();

    JobSlot m_slot;
    RowTableModel<AccountOverview> *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    LinkTableView *m_view = nullptr;
    QLabel *m_note = nullptr, *m_details = nullptr;
    QPushButton *m_all = nullptr;
    bool m_selecting = false;
};

} // namespace sightline::ui
