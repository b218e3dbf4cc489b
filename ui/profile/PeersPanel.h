#pragma once
// The entities seen with the profiled one (EntityPeers, through the profile): callers, IP
// addresses, user agents, access keys, accounts and resources, one table each (tables
// without rows are hidden). Every row opens that entity.
#include "ProfilePanel.h"
#include "queries/EntityProfile.h"

class QGridLayout;
class QLabel;

namespace sightline::ui {

class PeersPanel : public ProfilePanel
{
    Q_OBJECT
public:
    enum List
    {
        Principals,
        Ips,
        UserAgents,
        AccessKeys,
        Accounts,
        Resources,
        ListCount
    };
    PeersPanel(CaseContext &context, QWidget *parent = nullptr);
    void setProfile(const ProfileData &profile);
    void clearLists();
    bool hasRows() const;
    LinkTableView *table(List list) const { return m_tables[list]; }
    RowModel *model(List list) const { return m_models[list]; }

private:
    QLabel *m_titles[ListCount] = {};
    LinkTableView *m_tables[ListCount] = {};
    RowModel *m_models[ListCount] = {};
    QGridLayout *m_grid = nullptr;
};

} // namespace sightline::ui
