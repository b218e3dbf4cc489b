#pragma once
// Findings that involve the profiled entity and were active in the scope time
// (FindingQuery). Every row opens the finding.
#include "ProfilePanel.h"

namespace sightline::ui {

class FindingsPanel : public ProfilePanel
{
    Q_OBJECT
public:
    FindingsPanel(CaseContext &context, QWidget *parent = nullptr);
    void load(const ProfileRequest &request);
    void clearFindings();
    LinkTableView *table() const { return m_table; }
    RowModel *model() const { return m_model; }

signals:
    void dataReady(bool hasData);

private:
    CaseContext &m_context;
    RowModel *m_model = nullptr;
    LinkTableView *m_table = nullptr;
};

} // namespace sightline::ui
