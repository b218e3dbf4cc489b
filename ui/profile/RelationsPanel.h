#pragma once
// Resource interaction (EntityEdges, through the profile): role assumptions (who assumed
// this role, its sessions, the roles this principal assumed), credentials issued, what it
// created or acted on, the identity behind an instance or a Kubernetes subject, pods and
// images. One row per related entity; every row opens it.
#include "ProfilePanel.h"
#include "queries/EntityProfile.h"

namespace sightline::ui {

QString relationText(Relation relation, bool outgoing); // "assumed" / "was assumed by"

class RelationsPanel : public ProfilePanel
{
    Q_OBJECT
public:
    RelationsPanel(CaseContext &context, QWidget *parent = nullptr);
    void setProfile(const ProfileData &profile);
    bool hasRows() const;
    LinkTableView *table() const { return m_table; }
    RowModel *model() const { return m_model; }

private:
    RowModel *m_model = nullptr;
    LinkTableView *m_table = nullptr;
};

} // namespace sightline::ui
