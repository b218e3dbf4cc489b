#pragma once
// Sparklines: a tiny activity series drawn as a filled line, for table cells (the Summary
// page's principals and instances). The series is a QList<qint64> under SeriesRole.
#include <QColor>
#include <QList>
#include <QStyledItemDelegate>

class QPainter;

namespace sightline::ui {

inline constexpr int SeriesRole = Qt::UserRole + 60;

void paintSparkline(QPainter &painter, const QRectF &rect, const QList<qint64> &series,
                    const QColor &color);

class SparklineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit SparklineDelegate(QColor color, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QColor m_color;
};

} // namespace sightline::ui
