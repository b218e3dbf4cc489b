#include "GraphView.h"

#include "GraphItems.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QWheelEvent>
#include <QtMath>

namespace sightline::ui {

GraphView::GraphView(QGraphicsScene *scene, QWidget *parent) : QGraphicsView(scene, parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setBackgroundBrush(QColor(0xfb, 0xfb, 0xfc));
    setOptimizationFlags(QGraphicsView::DontSavePainterState |
                         QGraphicsView::DontAdjustForAntialiasing);
    setFocusPolicy(Qt::StrongFocus);
}

void GraphView::zoomBy(qreal factor)
{
    const qreal next = zoom() * factor;
    if (next < 0.05 || next > 8)
        return;
    scale(factor, factor);
}

void GraphView::fitAll()
{
    if (!scene())
        return;
    const QRectF r = scene()->itemsBoundingRect().adjusted(-30, -30, 30, 30);
    if (r.isEmpty())
        return;
    fitInView(r, Qt::KeepAspectRatio);
    // Small graphs are not blown up past their natural size.
    if (zoom() > 1.0)
        setTransform(QTransform());
    centerOn(r.center());
}

bool GraphView::viewKey(const QKeyEvent *event) const
{
    if (!(event->modifiers() & Qt::ControlModifier))
        return false;
    switch (event->key()) {
    case Qt::Key_0:
    case Qt::Key_Equal:
    case Qt::Key_Plus:
    case Qt::Key_Minus:
        return true;
    default:
        return false;
    }
}

bool GraphView::event(QEvent *event)
{
    // The view's zoom keys win over the window's shortcuts (Ctrl+0 is "whole case" there).
    if (event->type() == QEvent::ShortcutOverride && viewKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QGraphicsView::event(event);
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(qPow(1.15, delta / 120.0));
    event->accept();
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    if (viewKey(event)) {
        if (event->key() == Qt::Key_0)
            fitAll();
        else if (event->key() == Qt::Key_Minus)
            zoomBy(1 / 1.25);
        else
            zoomBy(1.25);
        event->accept();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        emit openRequested();
        return;
    case Qt::Key_Plus:
        emit expandRequested();
        return;
    case Qt::Key_Minus:
        emit collapseRequested();
        return;
    case Qt::Key_Delete:
        emit hideRequested();
        return;
    case Qt::Key_P:
        emit pinRequested();
        return;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

NodeItem *GraphView::nodeAt(const QPoint &pos) const
{
    for (QGraphicsItem *item : items(pos)) {
        if (item->type() == NodeItem::Type)
            return static_cast<NodeItem *>(item);
    }
    return nullptr;
}

void GraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (NodeItem *node = nodeAt(event->position().toPoint())) {
        emit nodeDoubleClicked(node->id());
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void GraphView::contextMenuEvent(QContextMenuEvent *event)
{
    if (NodeItem *node = nodeAt(event->pos())) {
        if (!node->isSelected()) {
            scene()->clearSelection();
            node->setSelected(true);
        }
        emit nodeContextMenu(node->id(), event->globalPos());
        event->accept();
        return;
    }
    QGraphicsView::contextMenuEvent(event);
}

} // namespace sightline::ui
