#pragma once
// Finding groups as a table: highest severity (coloured), title (finding types counted by
// namespace), ATT&CK tactics, first and last seen, entities and findings. SortRole sorts
// every column right. A group is named by the smallest entity id of its findings
// (groupKey), which stays the same while the group holds that finding.
#include "queries/FindingGroups.h"

#include <QAbstractTableModel>

namespace sightline::ui {

class FindingGroupsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SeverityColumn,
        TitleColumn,
        TacticsColumn,
        FirstSeenColumn,
        LastSeenColumn,
        EntitiesColumn,
        FindingsColumn,
        ColumnCount
    };
    static constexpr int GroupKeyRole = Qt::UserRole + 50; // QString, see groupKey()

    explicit FindingGroupsModel(QObject *parent = nullptr);
    void setGroups(std::vector<FindingGroup> groups);
    const FindingGroup &group(int row) const { return m_groups[static_cast<size_t>(row)]; }

    static QString groupKey(const FindingGroup &group);
    static QString tacticsText(const FindingGroup &group);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<FindingGroup> m_groups;
};

} // namespace sightline::ui
