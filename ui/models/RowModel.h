#pragma once
// A read-only table of prepared rows, the one item model behind the profile's tables. A row
// may stand for an entity (EntityTypeRole / EntityKeyRole on every cell, the type's icon in
// column 0) or an event (EventIdRole); rows may be checkable (column 0). Sorting goes through
// a QSortFilterProxyModel on SortRole (numbers and times sort as numbers).
#include "EntityType.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <vector>

namespace sightline::ui {

struct RowCell
{
    QString text;
    QVariant sort;       // invalid: sort by text
    bool number = false; // right-aligned
    RowCell() = default;
    RowCell(const QString &t) : text(t) {}
    RowCell(const char *t) = delete;
};

struct Row
{
    std::vector<RowCell> cells;
    std::optional<EntityType> type; // the row stands for this entity
    QString key;
    qint64 eventId = 0; // the row stands for an event
    QVariant user;      // anything the owner keeps with the row
    bool checkable = false;
    bool checked = false;
};

RowCell numberCell(qint64 value);
RowCell timeCell(qint64 epochMs); // TimeText, sorted by time; "" for 0

class RowModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit RowModel(const QStringList &headers, QObject *parent = nullptr);

    void setRows(std::vector<Row> rows);
    void appendRows(std::vector<Row> rows);
    void clear();
    const Row &row(int index) const { return m_rows[static_cast<size_t>(index)]; }
    const std::vector<Row> &rows() const { return m_rows; }
    std::vector<int> checkedRows() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void checkedChanged();

private:
    QStringList m_headers;
    std::vector<Row> m_rows;
};

} // namespace sightline::ui
