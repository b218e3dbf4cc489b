#include "Sparkline.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace sightline::ui {

void paintSparkline(QPainter &painter, const QRectF &rect, const QList<qint64> &series,
                    const QColor &color)
{
    if (series.isEmpty() || rect.width() < 4 || rect.height() < 4)
        return;
    const qint64 peak = *std::max_element(series.begin(), series.end());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    // Baseline.
    QColor base = color;
    base.setAlpha(70);
    painter.setPen(QPen(base, 1));
    painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()));
    if (peak > 0) {
        const int n = static_cast<int>(series.size());
        const qreal step = n > 1 ? rect.width() / (n - 1) : 0;
        QPainterPath line;
        for (int i = 0; i < n; ++i) {
            const qreal x = n > 1 ? rect.left() + i * step : rect.center().x();
            const qreal y = rect.bottom() - rect.height() * static_cast<qreal>(series[i]) /
                                                static_cast<qreal>(peak);
            if (i == 0)
                line.moveTo(x, y);
            else
                line.lineTo(x, y);
        }
        QPainterPath area = line;
        area.lineTo(n > 1 ? rect.right() : rect.center().x(), rect.bottom());
        area.lineTo(n > 1 ? rect.left() : rect.center().x(), rect.bottom());
        area.closeSubpath();
        QColor fill = color;
        fill.setAlpha(60);
        painter.fillPath(area, fill);
        painter.setPen(QPen(color, 1.4));
        painter.drawPath(line);
    }
    painter.restore();
}

SparklineDelegate::SparklineDelegate(QColor color, QObject *parent)
    : QStyledItemDelegate(parent), m_color(std::move(color))
{}

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    const QList<qint64> series = index.data(SeriesRole).value<QList<qint64>>();
    const QColor color =
        (opt.state & QStyle::State_Selected) ? opt.palette.highlightedText().color() : m_color;
    paintSparkline(*painter, QRectF(opt.rect).adjusted(4, 4, -4, -4), series, color);
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    return {std::max(s.width(), 140), s.height()};
}

} // namespace sightline::ui
