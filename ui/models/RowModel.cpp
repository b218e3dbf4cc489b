#include "RowModel.h"

#include "EntityStyle.h"
#include "PlainText.h"
#include "Roles.h"
#include "TimeText.h"

#include <QLocale>

namespace sightline::ui {

RowCell numberCell(qint64 value)
{
    RowCell c(QLocale().toString(value));
    c.sort = value;
    c.number = true;
    return c;
}

RowCell timeCell(qint64 epochMs)
{
    RowCell c(epochMs ? TimeText::dateTime(epochMs) : QString());
    c.sort = epochMs;
    return c;
}

RowModel::RowModel(const QStringList &headers, QObject *parent)
    : QAbstractTableModel(parent), m_headers(headers)
{}

void RowModel::setRows(std::vector<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void RowModel::appendRows(std::vector<Row> rows)
{
    if (rows.empty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
    for (Row &r : rows)
        m_rows.push_back(std::move(r));
    endInsertRows();
}

void RowModel::clear()
{
    setRows({});
}

std::vector<int> RowModel::checkedRows() const
{
    std::vector<int> out;
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].checkable && m_rows[i].checked)
            out.push_back(static_cast<int>(i));
    return out;
}

int RowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RowModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_headers.size());
}

QVariant RowModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[static_cast<size_t>(index.row())];
    const auto column = static_cast<size_t>(index.column());
    const RowCell *cell = column < r.cells.size() ? &r.cells[column] : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        return cell ? cell->text : QString();
    case Qt::ToolTipRole:
        return cell && !cell->text.isEmpty() ? plainToolTip(cell->text) : QVariant();
    case SortRole:
        if (cell && cell->sort.isValid())
            return cell->sort;
        return cell ? cell->text : QString();
    case Qt::TextAlignmentRole:
        if (cell && cell->number)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DecorationRole:
        if (column == 0 && r.type)
            return typeIcon(*r.type);
        return {};
    case Qt::CheckStateRole:
        if (column == 0 && r.checkable)
            return r.checked ? Qt::Checked : Qt::Unchecked;
        return {};
    case EntityTypeRole:
        return r.type ? QVariant(static_cast<int>(*r.type)) : QVariant();
    case EntityKeyRole:
        return r.type ? QVariant(r.key) : QVariant();
    case EventIdRole:
        return r.eventId ? QVariant(r.eventId) : QVariant();
    default:
        return {};
    }
}

bool RowModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != 0 || !index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &r = m_rows[static_cast<size_t>(index.row())];
    if (!r.checkable)
        return false;
    const bool checked = value.toInt() == Qt::Checked;
    if (checked == r.checked)
        return true;
    r.checked = checked;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit checkedChanged();
    return true;
}

Qt::ItemFlags RowModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == 0 && m_rows[static_cast<size_t>(index.row())].checkable)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant RowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 &&
        section < m_headers.size())
        return m_headers[section];
    return {};
}

} // namespace sightline::ui
