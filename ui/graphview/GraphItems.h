#pragma once
// The items the graph scene draws: a node (the type's icon and a label, findings tinted by
// severity, group nodes dashed) and an edge (a line clipped at the node borders, an arrow
// when every relation points one way, and its label). Labels come from logs: they are drawn
// with QPainter::drawText, which never interprets rich text. Text is left out where it is
// too small to read (level of detail), which keeps drawing 500 nodes fast.
#include "GraphState.h"

#include <QGraphicsItem>
#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>

namespace sightline::ui {

class NodeItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 1
    };
    explicit NodeItem(const VisibleNode &node);
    ~NodeItem() override;

    // The size a node with this content takes (the layout needs it before the item exists).
    static QSizeF sizeFor(const VisibleNode &node);
    static QString labelFor(const VisibleNode &node);

    qint64 id() const { return m_node.id; }
    const VisibleNode &node() const { return m_node; }
    void setNode(const VisibleNode &node);
    void setPinned(bool pinned);
    bool pinned() const { return m_pinned; }
    void addEdge(class EdgeItem *edge) { m_edges.append(edge); }
    void removeEdge(class EdgeItem *edge) { m_edges.removeAll(edge); }
    const QList<class EdgeItem *> &edges() const { return m_edges; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    VisibleNode m_node;
    QSizeF m_size;
    QString m_text;
    QPixmap m_icon;
    bool m_pinned = false;
    QList<class EdgeItem *> m_edges;
};

class EdgeItem : public QGraphicsPathItem
{
public:
    enum
    {
        Type = UserType + 2
    };
    EdgeItem(const VisibleEdge &edge, NodeItem *a, NodeItem *b);
    ~EdgeItem() override;
    NodeItem *nodeA() const { return m_a; }
    NodeItem *nodeB() const { return m_b; }
    void detach(NodeItem *node); // node is going away

    int type() const override { return Type; }
    const VisibleEdge &edge() const { return m_edge; }
    void setEdge(const VisibleEdge &edge);
    // Follows the two nodes (after a layout or a drag).
    void adjust();
    QString labelText() const;
    bool labelShown() const { return m_showText; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    VisibleEdge m_edge;
    NodeItem *m_a, *m_b;
    QString m_text;
    QSizeF m_textSize;
    QRectF m_textRect;
    QPainterPath m_arrow;
    bool m_showText = false;
    bool m_initialised = false;
};

} // namespace sightline::ui
