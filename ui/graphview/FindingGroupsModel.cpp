#include "FindingGroupsModel.h"

#include "EntityStyle.h"
#include "PlainText.h"
#include "Roles.h"
#include "TimeText.h"

#include <QLocale>
#include <QPixmap>

#include <algorithm>

namespace sightline::ui {

FindingGroupsModel::FindingGroupsModel(QObject *parent) : QAbstractTableModel(parent) {}

void FindingGroupsModel::setGroups(std::vector<FindingGroup> groups)
{
    beginResetModel();
    m_groups = std::move(groups);
    endResetModel();
}

QString FindingGroupsModel::groupKey(const FindingGroup &group)
{
    int64_t smallest = 0;
    for (const GroupedFinding &f : group.findings)
        if (smallest == 0 || f.finding.id < smallest)
            smallest = f.finding.id;
    return QString::number(smallest);
}

QString FindingGroupsModel::tacticsText(const FindingGroup &group)
{
    QStringList names;
    for (AttackTactic t : group.tactics)
        names << qs(attackTacticName(t));
    return names.join(QStringLiteral(", "));
}

int FindingGroupsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_groups.size());
}

int FindingGroupsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingGroupsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const FindingGroup &g = group(index.row());
    if (role == GroupKeyRole)
        return groupKey(g);
    const QLocale locale;
    switch (index.column()) {
    case SeverityColumn:
        if (role == Qt::DisplayRole)
            return severityName(g.severityLabel);
        if (role == SortRole)
            return g.severityLabel * 1000.0 + g.severity;
        if (role == Qt::ForegroundRole)
            return severityColor(g.severityLabel);
        if (role == Qt::DecorationRole) {
            QPixmap dot(12, 12);
            dot.fill(severityColor(g.severityLabel));
            return dot;
        }
        break;
    case TitleColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return qs(g.title);
        if (role == Qt::ToolTipRole)
            return plainToolTip(qs(g.title));
        break;
    case TacticsColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return tacticsText(g);
        if (role == Qt::ToolTipRole) {
            QStringList lines;
            for (AttackTactic t : g.tactics)
                lines << qs(attackTacticId(t)) + QLatin1Char(' ') + qs(attackTacticName(t));
            return lines.isEmpty() ? QVariant() : plainToolTip(lines.join(QLatin1Char('\n')));
        }
        break;
    case FirstSeenColumn:
    case LastSeenColumn: {
        const qint64 t = index.column() == FirstSeenColumn ? g.span.first : g.span.last;
        if (role == Qt::DisplayRole)
            return TimeText::dateTime(t);
        if (role == SortRole)
            return t;
        break;
    }
    case EntitiesColumn:
    case FindingsColumn: {
        const qint64 n = static_cast<qint64>(index.column() == EntitiesColumn ? g.entities.size()
                                                                              : g.findings.size());
        if (role == Qt::DisplayRole)
            return locale.toString(n);
        if (role == SortRole)
            return n;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    default:
        break;
    }
    return {};
}

QVariant FindingGroupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case TitleColumn:
        return tr("Finding types");
    case TacticsColumn:
        return tr("ATT&CK tactics");
    case FirstSeenColumn:
        return tr("First seen");
    case LastSeenColumn:
        return tr("Last seen");
    case EntitiesColumn:
        return tr("Entities");
    case FindingsColumn:
        return tr("Findings");
    default:
        return {};
    }
}

} // namespace sightline::ui
