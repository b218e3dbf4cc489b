#pragma once
// The Findings page's table: one row per finding (FindingTable), and the proxy that sorts it
// and filters it by severity, text and archived state. Column 0 carries the finding's
// EntityTypeRole / EntityKeyRole, so LinkTableView opens the finding's page.
#include "queries/FindingTable.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace sightline::ui {

class FindingTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Severity,
        Type,
        Title,
        Resources,
        FirstSeen,
        LastSeen,
        Account,
        Region,
        Product,
        ColumnCount
    };
    explicit FindingTableModel(QObject *parent = nullptr);

    void setRows(std::vector<FindingTableRow> rows);
    const FindingTableRow &row(int index) const { return m_rows[static_cast<size_t>(index)]; }
    // The text the filter field searches: type, title, resources, account, region, key.
    const QString &searchText(int index) const { return m_search[static_cast<size_t>(index)]; }
    // Refreshes the time columns (UTC / local switch).
    void timeDisplayChanged();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<FindingTableRow> m_rows;
    std::vector<QString> m_search, m_resources;
};

class FindingFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit FindingFilterProxy(FindingTableModel *source, QObject *parent = nullptr);

    // Keeps findings of severity label >= minimum (exact: == minimum); -1 = every severity.
    void setSeverity(int minimum, bool exact = false);
    int severityMinimum() const { return m_minimum; }
    bool severityExact() const { return m_exact; }
    void setText(const QString &text);
    void setShowArchived(bool show);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    FindingTableModel *m_source;
    int m_minimum = -1;
    bool m_exact = false;
    QStringList m_words;
    bool m_archived = false;
};

} // namespace sightline::ui
