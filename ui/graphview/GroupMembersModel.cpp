#include "GroupMembersModel.h"

#include "EntityStyle.h"
#include "GraphText.h"
#include "PlainText.h"
#include "Roles.h"
#include "TimeText.h"

#include <QLocale>

namespace sightline::ui {

namespace {

struct MembersPage
{
    QString error;
    NeighborPage page;
};

} // namespace

GroupMembersModel::GroupMembersModel(CaseContext &context, qint64 owner, EntityType type,
                                     NeighborhoodFilter filter, QObject *parent)
    : QAbstractTableModel(parent), m_context(context), m_owner(owner), m_type(type),
      m_filter(std::move(filter))
{
    load(true);
}

int GroupMembersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int GroupMembersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupMembersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Neighbor &n = member(index.row());
    const EntityRef &e = n.node.entity;
    if (role == EntityTypeRole)
        return int(e.type);
    if (role == EntityKeyRole)
        return qs(e.key);
    switch (index.column()) {
    case EntityColumn:
        if (role == Qt::DisplayRole)
            return e.label.empty() || e.label == e.key
                       ? qs(e.key)
                       : qs(e.label) + QStringLiteral(" (") + qs(e.key) + QLatin1Char(')');
        if (role == Qt::DecorationRole)
            return typeIcon(e.type);
        if (role == SortRole)
            return qs(e.key);
        break;
    case RelationsColumn:
        if (role == Qt::DisplayRole) {
            QStringList parts;
            for (const NeighborEdge &edge : n.edges)
                parts << relationDisplayName(edge.relation);
            parts.removeDuplicates();
            return parts.join(QStringLiteral(", "));
        }
        break;
    case CountColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(static_cast<qint64>(n.weight));
        if (role == SortRole)
            return static_cast<qint64>(n.weight);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case FirstSeenColumn:
    case LastSeenColumn: {
        const qint64 t = index.column() == FirstSeenColumn ? n.seen.first : n.seen.last;
        if (role == Qt::DisplayRole)
            return TimeText::dateTime(t);
        if (role == SortRole)
            return t;
        break;
    }
    default:
        break;
    }
    return {};
}

QVariant GroupMembersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EntityColumn:
        return typeDisplayName(m_type);
    case RelationsColumn:
        return tr("Relations");
    case CountColumn:
        return tr("Count");
    case FirstSeenColumn:
        return tr("First seen");
    case LastSeenColumn:
        return tr("Last seen");
    default:
        return {};
    }
}

bool GroupMembersModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_slot.busy;
}

void GroupMembersModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        load(false);
}

void GroupMembersModel::sort(int column, Qt::SortOrder)
{
    NeighborSort sort = NeighborSort::Weight;
    if (column == EntityColumn)
        sort = NeighborSort::Key;
    else if (column == FirstSeenColumn)
        sort = NeighborSort::FirstSeen;
    else if (column == LastSeenColumn)
        sort = NeighborSort::LastSeen;
    if (sort == m_sort)
        return;
    m_sort = sort;
    load(true);
}

void GroupMembersModel::load(bool reset)
{
    if (reset) {
        beginResetModel();
        m_rows.clear();
        m_more = true;
        endResetModel();
    }
    const size_t offset = m_rows.size();
    m_context.runner().run<MembersPage>(
        this, m_slot,
        [owner = m_owner, type = m_type, filter = m_filter, sort = m_sort, offset](Database &db) {
            MembersPage out;
            auto page = NeighborhoodQuery(db).members(owner, type, filter, sort, offset, kPage);
            if (page)
                out.page = std::move(*page);
            else
                out.error = qs(page.error().detail);
            return out;
        },
        [this](MembersPage &&r) {
            m_more = r.error.isEmpty() && r.page.more;
            m_total = r.page.total;
            if (!r.page.rows.empty()) {
                const int first = rowCount();
                beginInsertRows({}, first, first + static_cast<int>(r.page.rows.size()) - 1);
                for (Neighbor &n : r.page.rows)
                    m_rows.push_back(std::move(n));
                endInsertRows();
            }
            emit loaded();
        });
}

} // namespace sightline::ui
