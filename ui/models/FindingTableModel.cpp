#include "FindingTableModel.h"

#include "EntityStyle.h"
#include "PlainText.h"
#include "Roles.h"
#include "TimeText.h"

#include <QPainter>
#include <QPixmap>

namespace sightline::ui {

namespace {

QIcon severityIcon(int label)
{
    static QHash<int, QIcon> cache;
    auto it = cache.find(label);
    if (it != cache.end())
        return *it;
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(severityColor(label));
    p.drawEllipse(QRectF(1, 1, 10, 10));
    p.end();
    return *cache.insert(label, QIcon(pixmap));
}

QString entityName(const EntityRef &e)
{
    return qs(e.label.empty() ? e.key : e.label);
}

// First seen / last seen, or the update time when the product gave none.
qint64 firstSeen(const FindingSummary &s)
{
    return s.seen.first ? s.seen.first : s.updatedAt;
}
qint64 lastSeen(const FindingSummary &s)
{
    return s.seen.last ? s.seen.last : s.updatedAt;
}

} // namespace

FindingTableModel::FindingTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void FindingTableModel::setRows(std::vector<FindingTableRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_search.clear();
    m_resources.clear();
    m_search.reserve(m_rows.size());
    m_resources.reserve(m_rows.size());
    for (const FindingTableRow &r : m_rows) {
        QStringList names;
        for (const EntityRef &e : r.resources)
            names << entityName(e);
        QString resources = names.join(QStringLiteral(", "));
        const qint64 more = r.involved - qint64(r.resources.size());
        if (more > 0)
            resources += QStringLiteral(" ") + tr("+%1 more").arg(more);
        const FindingSummary &s = r.summary;
        QString search = qs(s.type) + QLatin1Char('\n') + qs(s.title) + QLatin1Char('\n') +
                         qs(s.account) + QLatin1Char('\n') + qs(s.region) + QLatin1Char('\n') +
                         qs(s.finding.key) + QLatin1Char('\n') + qs(s.product);
        for (const EntityRef &e : r.resources)
            search += QLatin1Char('\n') + qs(e.key) + QLatin1Char('\n') + qs(e.label);
        m_search.push_back(std::move(search));
        m_resources.push_back(std::move(resources));
    }
    endResetModel();
}

void FindingTableModel::timeDisplayChanged()
{
    if (!m_rows.empty())
        emit dataChanged(index(0, FirstSeen), index(rowCount() - 1, LastSeen));
}

int FindingTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int FindingTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const size_t i = static_cast<size_t>(index.row());
    const FindingTableRow &r = m_rows[i];
    const FindingSummary &s = r.summary;
    const int column = index.column();
    if (role == EntityTypeRole && column == Severity)
        return static_cast<int>(EntityType::Finding);
    if (role == EntityKeyRole && column == Severity)
        return qs(s.finding.key);
    if (role == Qt::ForegroundRole && s.archived)
        return QColor(Qt::gray);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    switch (column) {
    case Severity:
        if (role == Qt::DisplayRole)
            return s.archived ? tr("%1 (archived)").arg(severityName(s.severityLabel))
                              : severityName(s.severityLabel);
        if (role == Qt::DecorationRole)
            return severityIcon(s.severityLabel);
        if (role == SortRole)
            return s.severityLabel * 1000.0 + s.severity;
        if (role == Qt::ToolTipRole)
            return tr("%1 (%2 %3)")
                .arg(severityName(s.severityLabel), qs(s.product).toHtmlEscaped())
                .arg(s.severity);
        break;
    case Type:
        if (role == Qt::DisplayRole)
            return qs(s.type);
        break;
    case Title:
        if (role == Qt::DisplayRole)
            return qs(s.title);
        if (role == Qt::ToolTipRole)
            return plainToolTip(qs(s.title));
        break;
    case Resources:
        if (role == Qt::DisplayRole)
            return m_resources[i];
        if (role == Qt::ToolTipRole && !m_resources[i].isEmpty())
            return plainToolTip(m_resources[i]);
        if (role == SortRole)
            return m_resources[i];
        break;
    case FirstSeen:
        if (role == Qt::DisplayRole)
            return TimeText::dateTime(firstSeen(s));
        if (role == SortRole)
            return firstSeen(s);
        break;
    case LastSeen:
        if (role == Qt::DisplayRole)
            return TimeText::dateTime(lastSeen(s));
        if (role == SortRole)
            return lastSeen(s);
        break;
    case Account:
        if (role == Qt::DisplayRole)
            return qs(s.account);
        break;
    case Region:
        if (role == Qt::DisplayRole)
            return qs(s.region);
        break;
    case Product:
        if (role == Qt::DisplayRole)
            return qs(s.product);
        break;
    }
    if (role == SortRole)
        return data(index, Qt::DisplayRole);
    return {};
}

QVariant FindingTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Severity:
        return tr("Severity");
    case Type:
        return tr("Type");
    case Title:
        return tr("Title");
    case Resources:
        return tr("Resources");
    case FirstSeen:
        return tr("First seen");
    case LastSeen:
        return tr("Last seen");
    case Account:
        return tr("Account");
    case Region:
        return tr("Region");
    case Product:
        return tr("Product");
    }
    return {};
}

FindingFilterProxy::FindingFilterProxy(FindingTableModel *source, QObject *parent)
    : QSortFilterProxyModel(parent), m_source(source)
{
    setSourceModel(source);
    setSortRole(SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void FindingFilterProxy::setSeverity(int minimum, bool exact)
{
    if (minimum == m_minimum && exact == m_exact)
        return;
    m_minimum = minimum;
    m_exact = exact;
    invalidateRowsFilter();
}

void FindingFilterProxy::setText(const QString &text)
{
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

void FindingFilterProxy::setShowArchived(bool show)
{
    if (show == m_archived)
        return;
    m_archived = show;
    invalidateRowsFilter();
}

bool FindingFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const FindingSummary &s = m_source->row(sourceRow).summary;
    if (s.archived && !m_archived)
        return false;
    if (m_minimum >= 0 && (m_exact ? s.severityLabel != m_minimum : s.severityLabel < m_minimum))
        return false;
    const QString &text = m_source->searchText(sourceRow);
    for (const QString &word : m_words) {
        if (!text.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace sightline::ui
