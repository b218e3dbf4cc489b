#pragma once
// Finding groups (after Amazon Detective): findings that share entities close in time,
// within the scope time, as a sortable table; Enter or double-click opens the group.
#include "Page.h"

class QLabel;
class QSortFilterProxyModel;

namespace sightline::ui {

class FindingGroupsModel;
class LinkTableView;

class GroupsPage : public Page
{
    Q_OBJECT
public:
    explicit GroupsPage(CaseContext &context, QWidget *parent = nullptr);
    QString title() const override;
    bool isLoading() const override { return m_slot.busy; }
    FindingGroupsModel *model() const { return m_model; }
    LinkTableView *table() const { return m_table; }

protected:
    void reload() override;
    void clear() override;
    bool followsAccount() const override { return false; }

private:
    QLabel *m_summary;
    FindingGroupsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    LinkTableView *m_table;
    JobSlot m_slot;
};

} // namespace sightline::ui
