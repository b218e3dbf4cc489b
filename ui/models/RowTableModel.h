#pragma once
// A read-only table over a vector of values, one row per value, with columns described by
// functions: what the pages' small tables (sources, accounts, involved entities ...) share.
// Each column answers the roles it knows (DisplayRole, SortRole, EntityTypeRole, ...) and
// returns an invalid QVariant for the others; SortRole falls back to DisplayRole.
#include "Roles.h"

#include <QAbstractTableModel>

#include <functional>
#include <utility>
#include <vector>

namespace sightline::ui {

template <typename Row> class RowTableModel : public QAbstractTableModel
{
public:
    struct Column
    {
        QString header;
        std::function<QVariant(const Row &row, int role)> data;
        Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter;
        QString headerToolTip = {};
    };

    explicit RowTableModel(std::vector<Column> columns, QObject *parent = nullptr)
        : QAbstractTableModel(parent), m_columns(std::move(columns))
    {}

    void setRows(std::vector<Row> rows)
    {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    const std::vector<Row> &rows() const { return m_rows; }
    const Row &row(int index) const { return m_rows[static_cast<size_t>(index)]; }
    // Changes one row in place (e.g. a verification result) and tells the views.
    template <typename F> void updateRow(int index, F &&change)
    {
        if (index < 0 || index >= rowCount())
            return;
        change(m_rows[static_cast<size_t>(index)]);
        emit dataChanged(this->index(index, 0), this->index(index, columnCount() - 1));
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
    }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const Column &c = m_columns[static_cast<size_t>(index.column())];
        const Row &r = m_rows[static_cast<size_t>(index.row())];
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(c.alignment);
        QVariant v = c.data(r, role);
        if (!v.isValid() && role == SortRole)
            v = c.data(r, Qt::DisplayRole);
        return v;
    }

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override
    {
        if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
            return {};
        const Column &c = m_columns[static_cast<size_t>(section)];
        if (role == Qt::DisplayRole)
            return c.header;
        if (role == Qt::ToolTipRole && !c.headerToolTip.isEmpty())
            return c.headerToolTip;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(c.alignment);
        return {};
    }

private:
    std::vector<Column> m_columns;
    std::vector<Row> m_rows;
};

// Right-aligned numbers.
inline constexpr Qt::Alignment kNumberAlignment = Qt::AlignRight | Qt::AlignVCenter;

} // namespace sightline::ui
