#include "LinkTableView.h"

#include "Roles.h"

#include <QHeaderView>
#include <QKeyEvent>

namespace sightline::ui {

LinkTableView::LinkTableView(CaseContext &context, QWidget *parent)
    : QTableView(parent), m_context(context)
{
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSortingEnabled(true);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideMiddle);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    connect(this, &QAbstractItemView::activated, this, &LinkTableView::activate);
}

void LinkTableView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        currentIndex().isValid()) {
        activate(currentIndex());
        return;
    }
    QTableView::keyPressEvent(event);
}

void LinkTableView::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    QModelIndex cell = index;
    if (m_entityColumn >= 0)
        cell = index.siblingAtColumn(m_entityColumn);
    QVariant type = cell.data(EntityTypeRole);
    if (!type.isValid() && m_entityColumn < 0) {
        for (int c = 0; c < index.model()->columnCount(index.parent()); ++c) {
            cell = index.siblingAtColumn(c);
            type = cell.data(EntityTypeRole);
            if (type.isValid())
                break;
        }
    }
    const QString key = cell.data(EntityKeyRole).toString();
    if (type.isValid() && !key.isEmpty())
        m_context.navigate(Location::entity(static_cast<EntityType>(type.toInt()), key));
    emit rowActivated(index);
}

} // namespace sightline::ui
