#pragma once
// The members of a group node (the neighbours of one type of an expanded entity), paged
// from NeighborhoodQuery::members as the view scrolls (canFetchMore / fetchMore). Sorting
// asks the query for another order: busiest, most recent, oldest or by key.
// Columns: entity, relations, count, first seen, last seen.
#include "CaseContext.h"
#include "queries/Neighborhood.h"

#include <QAbstractTableModel>

namespace sightline::ui {

class GroupMembersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        EntityColumn,
        RelationsColumn,
        CountColumn,
        FirstSeenColumn,
        LastSeenColumn,
        ColumnCount
    };
    GroupMembersModel(CaseContext &context, qint64 owner, EntityType type,
                      NeighborhoodFilter filter, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

    const Neighbor &member(int row) const { return m_rows[static_cast<size_t>(row)]; }
    qint64 total() const { return m_total; }
    bool isLoading() const { return m_slot.busy; }
    static constexpr size_t kPage = 100;

signals:
    void loaded();

private:
    void load(bool reset);

    CaseContext &m_context;
    qint64 m_owner;
    EntityType m_type;
    NeighborhoodFilter m_filter;
    NeighborSort m_sort = NeighborSort::Weight;
    std::vector<Neighbor> m_rows;
    qint64 m_total = 0;
    bool m_more = true;
    JobSlot m_slot;
};

} // namespace sightline::ui
