#pragma once
// The table behind a group node ("+312 IP addresses"): every member, paged and sortable;
// "Add to Graph" (or double-click / Enter) draws the chosen members on their own.
#include "CaseContext.h"
#include "queries/Neighborhood.h"

#include <QDialog>

class QLabel;
class QTableView;

namespace sightline::ui {

class GroupMembersModel;

class GroupMembersDialog : public QDialog
{
    Q_OBJECT
public:
    GroupMembersDialog(CaseContext &context, qint64 owner, EntityType type,
                       const NeighborhoodFilter &filter, const QString &ownerName,
                       QWidget *parent = nullptr);

    GroupMembersModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // Adds the member in row to the graph.
    void addRow(int row);

signals:
    void memberChosen(const sightline::Neighbor &member);

private:
    void addSelected();
    void updateCount();

    GroupMembersModel *m_model;
    QTableView *m_table;
    QLabel *m_count;
};

} // namespace sightline::ui
