#pragma once
// One finding group (Location{Page::Group, FindingGroup, key}; key: FindingGroupsModel::
// groupKey): its severity, finding types, ATT&CK tactics and time span; the graph of its
// findings and the entities they involve; tables of both (rows open the finding or entity).
// The group is rebuilt within the scope time; when the scope no longer holds it, says so.
#include "Page.h"
#include "queries/FindingGroups.h"

class QLabel;
class QStandardItemModel;
class QTabWidget;

namespace sightline::ui {

class GraphWidget;
class LinkTableView;

class GroupPage : public Page
{
    Q_OBJECT
public:
    explicit GroupPage(CaseContext &context, QWidget *parent = nullptr);
    QString title() const override;
    bool isLoading() const override;
    GraphWidget *graph() const { return m_graph; }
    QStandardItemModel *findingsModel() const { return m_findings; }
    QStandardItemModel *entitiesModel() const { return m_entities; }

protected:
    void reload() override;
    void clear() override;
    bool followsAccount() const override { return false; }

private:
    struct Loaded;
    void show(const FindingGroup &group, const std::vector<EntityRef> &entities);

    QLabel *m_heading, *m_summary;
    GraphWidget *m_graph;
    QTabWidget *m_tabs;
    QStandardItemModel *m_findings, *m_entities;
    LinkTableView *m_findingsView, *m_entitiesView;
    QString m_title;
    JobSlot m_slot;
};

} // namespace sightline::ui
