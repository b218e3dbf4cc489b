#pragma once
// The view of the graph scene: zoom with the wheel or Ctrl+= / Ctrl+-, fit with Ctrl+0, pan
// by dragging the background; Ctrl+click selects several nodes. Keys on the selected node:
// Enter opens its profile, + expands, - collapses, Delete hides, P pins. Double-click and the
// context menu are reported with the node's id.
#include <QGraphicsView>

namespace sightline::ui {

class NodeItem;

class GraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit GraphView(QGraphicsScene *scene, QWidget *parent = nullptr);

    void zoomBy(qreal factor);
    void fitAll();
    qreal zoom() const { return transform().m11(); }

signals:
    void nodeDoubleClicked(qint64 id);
    void nodeContextMenu(qint64 id, const QPoint &globalPos);
    void openRequested();     // Enter
    void expandRequested();   // +
    void collapseRequested(); // -
    void hideRequested();     // Delete
    void pinRequested();      // P

protected:
    bool event(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    NodeItem *nodeAt(const QPoint &pos) const;
    bool viewKey(const QKeyEvent *event) const;
};

} // namespace sightline::ui
