#include "GraphItems.h"

#include "EntityStyle.h"
#include "GraphText.h"
#include "PlainText.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QLocale>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

namespace sightline::ui {

namespace {

constexpr qreal kIcon = 20, kPad = 7, kHeight = 34, kMaxText = 190;

QFont nodeFont(bool bold = false)
{
    QFont font;
    font.setPointSizeF(9);
    font.setBold(bold);
    return font;
}

// Metrics and icons are asked for hundreds of nodes at a time: computed once.
const QFontMetricsF &nodeMetrics(bool bold)
{
    static const QFontMetricsF regular(nodeFont(false)), heavy(nodeFont(true));
    return bold ? heavy : regular;
}

const QPixmap &nodeIcon(EntityType type)
{
    static QHash<int, QPixmap> cache;
    auto it = cache.find(int(type));
    if (it == cache.end())
        it = cache.insert(int(type), typePixmap(type, static_cast<int>(kIcon)));
    return *it;
}

QFont edgeFont()
{
    QFont font;
    font.setPointSizeF(7.5);
    return font;
}

bool sameLook(const VisibleNode &a, const VisibleNode &b)
{
    return a.id == b.id && a.node.entity.label == b.node.entity.label &&
           a.node.entity.key == b.node.entity.key && a.node.severity == b.node.severity &&
           a.groupCount == b.groupCount && a.groupPartial == b.groupPartial &&
           a.expanded == b.expanded && a.root == b.root && a.onPath == b.onPath;
}

// Where the line from the centre of rect towards p leaves rect.
QPointF borderPoint(const QRectF &rect, const QPointF &p)
{
    const QPointF c = rect.center();
    const qreal dx = p.x() - c.x(), dy = p.y() - c.y();
    if (qFuzzyIsNull(dx) && qFuzzyIsNull(dy))
        return c;
    const qreal sx = qFuzzyIsNull(dx) ? 1e9 : (rect.width() / 2) / qAbs(dx);
    const qreal sy = qFuzzyIsNull(dy) ? 1e9 : (rect.height() / 2) / qAbs(dy);
    const qreal s = qMin(1.0, qMin(sx, sy));
    return {c.x() + dx * s, c.y() + dy * s};
}

} // namespace

QString NodeItem::labelFor(const VisibleNode &node)
{
    if (node.isGroup())
        return QCoreApplication::translate("GraphView", "+%1 %2")
            .arg(QLocale().toString(node.groupCount), typePluralName(node.groupType));
    const QString label = qs(node.node.entity.label);
    return label.isEmpty() ? qs(node.node.entity.key) : label;
}

QSizeF NodeItem::sizeFor(const VisibleNode &node)
{
    const qreal text = qMin(kMaxText, nodeMetrics(node.expanded).horizontalAdvance(labelFor(node)));
    return QSizeF(qCeil(kPad + kIcon + kPad + text + kPad + 2), kHeight);
}

NodeItem::NodeItem(const VisibleNode &node)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setZValue(2);
    // Drawn once per zoom level and then copied: repaints of hundreds of nodes stay cheap.
    setCacheMode(DeviceCoordinateCache);
    setCursor(Qt::PointingHandCursor);
    setNode(node);
}

NodeItem::~NodeItem()
{
    for (EdgeItem *edge : m_edges)
        edge->detach(this);
}

void NodeItem::setNode(const VisibleNode &node)
{
    if (!m_size.isEmpty() && sameLook(node, m_node))
        return;
    prepareGeometryChange();
    m_node = node;
    m_size = sizeFor(node);
    m_text = nodeMetrics(node.expanded).elidedText(labelFor(node), Qt::ElideMiddle, kMaxText);
    m_icon = nodeIcon(node.type());
    QString tip = typeDisplayName(node.type());
    if (!node.isGroup()) {
        tip += QLatin1Char('\n') + qs(node.node.entity.key);
        if (!node.node.entity.label.empty() && node.node.entity.label != node.node.entity.key)
            tip += QLatin1Char('\n') + qs(node.node.entity.label);
        if (node.node.severity >= 0)
            tip += QLatin1Char('\n') + severityName(node.node.severity);
    } else {
        tip = labelFor(node);
    }
    setToolTip(plainToolTip(tip));
    update();
    for (EdgeItem *edge : m_edges) // the size may have changed
        edge->adjust();
}

void NodeItem::setPinned(bool pinned)
{
    m_pinned = pinned;
    update();
}

QRectF NodeItem::boundingRect() const
{
    return {-m_size.width() / 2, -m_size.height() / 2, m_size.width(), m_size.height()};
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF r = boundingRect().adjusted(1.5, 1.5, -1.5, -1.5);
    if (lod < 0.45) {
        // Far out (hundreds of nodes in view): a plain box in the type's colour, cheap to
        // draw; no antialiasing, icon or text, which could not be read anyway.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(
            isSelected() ? QPen(QColor(0x15, 0x65, 0xc0), 3)
                         : QPen(m_node.onPath ? QColor(0xff, 0x8f, 0x00) : typeColor(m_node.type()),
                                m_node.onPath ? 4 : 0));
        painter->setBrush(m_node.node.severity >= 0 && !m_node.isGroup()
                              ? severityColor(m_node.node.severity)
                              : typeColor(m_node.type()).lighter(m_node.isGroup() ? 170 : 140));
        painter->drawRect(r);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    QColor border = typeColor(m_node.type());
    QColor fill(Qt::white);
    if (!m_node.isGroup() && m_node.node.severity >= 0) {
        border = severityColor(m_node.node.severity);
        fill = QColor::fromHsvF(border.hsvHueF(), border.hsvHueF() < 0 ? 0 : 0.12, 0.98);
    }
    QPen pen(border, m_node.expanded || m_node.root ? 2.2 : 1.3);
    if (m_node.isGroup()) {
        pen.setStyle(Qt::DashLine);
        fill = QColor(0xf4, 0xf4, 0xf6);
    }
    if (m_node.onPath) {
        painter->setPen(QPen(QColor(0xff, 0xa0, 0x00, 150), 6));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(r, 6, 6);
    }
    if (isSelected()) {
        pen.setColor(QColor(0x15, 0x65, 0xc0));
        pen.setWidthF(3);
        pen.setStyle(Qt::SolidLine);
    }
    painter->setPen(pen);
    painter->setBrush(fill);
    painter->drawRoundedRect(r, 6, 6);
    painter->drawPixmap(QPointF(r.left() + kPad - 1, -kIcon / 2), m_icon);
    painter->setFont(nodeFont(m_node.expanded));
    painter->setPen(QColor(0x20, 0x20, 0x20));
    const QRectF textRect(r.left() + kPad + kIcon + kPad - 1, r.top(), kMaxText + 4, r.height());
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine, m_text);
    if (m_pinned) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0x15, 0x65, 0xc0));
        painter->drawEllipse(QPointF(r.right() - 4, r.top() + 4), 3, 3);
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        for (EdgeItem *edge : m_edges)
            edge->adjust();
    }
    return QGraphicsItem::itemChange(change, value);
}

EdgeItem::EdgeItem(const VisibleEdge &edge, NodeItem *a, NodeItem *b) : m_edge(edge), m_a(a), m_b(b)
{
    setZValue(0);
    m_a->addEdge(this);
    m_b->addEdge(this);
    setEdge(edge);
}

EdgeItem::~EdgeItem()
{
    if (m_a)
        m_a->removeEdge(this);
    if (m_b)
        m_b->removeEdge(this);
}

void EdgeItem::detach(NodeItem *node)
{
    if (m_a == node)
        m_a = nullptr;
    if (m_b == node)
        m_b = nullptr;
}

QString EdgeItem::labelText() const
{
    QStringList parts;
    for (const GraphRelation &r : m_edge.relations)
        parts << relationWithCount(r.relation, r.count);
    parts.removeDuplicates();
    return parts.join(QStringLiteral(", "));
}

void EdgeItem::setEdge(const VisibleEdge &edge)
{
    if (m_initialised) {
        bool same =
            m_edge.onPath == edge.onPath && m_edge.relations.size() == edge.relations.size();
        for (size_t i = 0; same && i < edge.relations.size(); ++i) {
            const GraphRelation &x = m_edge.relations[i], &y = edge.relations[i];
            same = x.relation == y.relation && x.from == y.from && x.count == y.count;
        }
        if (same)
            return;
    }
    m_initialised = true;
    m_edge = edge;
    QPen pen(edge.onPath ? QColor(0xff, 0x8f, 0x00) : QColor(0x9e, 0xa4, 0xab),
             edge.onPath ? 3.0 : 1.2);
    if (edge.relations.empty())
        pen.setStyle(Qt::DashLine);
    setPen(pen);
    m_text = labelText();
    static const QFontMetricsF metrics(edgeFont());
    m_textSize = m_text.isEmpty() ? QSizeF() : metrics.size(0, m_text);
    QString tip;
    for (const GraphRelation &r : edge.relations)
        tip += relationWithCount(r.relation, r.count) + QLatin1Char('\n');
    setToolTip(tip.isEmpty() ? QString() : plainToolTip(tip.trimmed()));
    adjust();
}

void EdgeItem::adjust()
{
    if (!m_a || !m_b)
        return;
    prepareGeometryChange();
    // Draw from the relations' source to their target when they all point one way.
    NodeItem *from = m_a, *to = m_b;
    bool oneWay = !m_edge.relations.empty();
    const qint64 src = m_edge.relations.empty() ? 0 : m_edge.relations.front().from;
    for (const GraphRelation &r : m_edge.relations)
        oneWay = oneWay && r.from == src;
    if (oneWay && src == m_b->id())
        std::swap(from, to);
    const QRectF ra = from->sceneBoundingRect(), rb = to->sceneBoundingRect();
    const QPointF p1 = borderPoint(ra, rb.center()), p2 = borderPoint(rb, ra.center());
    QPainterPath path(p1);
    path.lineTo(p2);
    m_arrow = QPainterPath();
    const QLineF line(p2, p1);
    if (oneWay && line.length() > 10) {
        const qreal angle = qDegreesToRadians(line.angle());
        const QPointF d1(qCos(angle + 0.45) * 9, -qSin(angle + 0.45) * 9);
        const QPointF d2(qCos(angle - 0.45) * 9, -qSin(angle - 0.45) * 9);
        m_arrow.moveTo(p2);
        m_arrow.lineTo(p2 + d1);
        m_arrow.lineTo(p2 + d2);
        m_arrow.closeSubpath();
    }
    const QPointF mid = (p1 + p2) / 2;
    m_textRect = QRectF(mid - QPointF(m_textSize.width() / 2, m_textSize.height() / 2), m_textSize);
    m_showText = !m_text.isEmpty() && line.length() > m_textSize.width() * 0.6;
    setPath(path);
}

QRectF EdgeItem::boundingRect() const
{
    QRectF r = QGraphicsPathItem::boundingRect().united(m_arrow.boundingRect());
    return m_showText ? r.united(m_textRect) : r;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod >= 0.7);
    painter->setPen(pen());
    painter->setBrush(Qt::NoBrush);
    const QPainterPath &p = path();
    if (p.elementCount() == 2)
        painter->drawLine(QPointF(p.elementAt(0)), QPointF(p.elementAt(1)));
    else
        painter->drawPath(p);
    if (!m_arrow.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(pen().color());
        painter->drawPath(m_arrow);
    }
    // Labels only where they can be read.
    if (m_showText && lod >= 0.6) {
        painter->setFont(edgeFont());
        painter->setPen(QColor(0x55, 0x55, 0x55));
        painter->drawText(m_textRect, Qt::AlignCenter | Qt::TextSingleLine, m_text);
    }
}

} // namespace sightline::ui
