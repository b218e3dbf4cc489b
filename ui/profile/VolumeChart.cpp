#include "VolumeChart.h"

#include "TimeText.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QRubberBand>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace sightline::ui {

namespace {

QColor greyed(const QColor &c)
{
    const int g = qGray(c.rgb());
    return QColor(g, g, g).lighter(150);
}

} // namespace

ChartWindow chartWindow(qint64 from, qint64 to)
{
    constexpr qint64 hour = 3600000, day = 24 * hour;
    ChartWindow w;
    if (to <= from)
        to = from + hour;
    const qint64 hours = (to - from + hour - 1) / hour;
    if (hours <= 14 * 24) { // up to two weeks by the hour (each bar is a scene item)
        const qint64 pad = std::clamp<qint64>(hours / 6, 2, 24);
        w.first = from - pad * hour;
        w.count = static_cast<int>(hours + 2 * pad);
        return w;
    }
    auto floorDay = [](qint64 ms) {
        return ms >= 0 ? ms - ms % day : ms - ((ms % day) + day) % day;
    };
    const qint64 a = floorDay(from), b = floorDay(to - 1) + day;
    const qint64 days = (b - a) / day;
    const qint64 pad = std::clamp<qint64>(days / 6, 2, 14);
    w.bucketMs = day;
    w.first = a - pad * day;
    w.count = static_cast<int>(days + 2 * pad);
    return w;
}

VolumeChart::VolumeChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    setMouseTracking(true);
    setFocusPolicy(Qt::NoFocus);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->legend()->setAlignment(Qt::AlignTop);
    chart()->setAnimationOptions(QChart::NoAnimation);
    m_band = new QRubberBand(QRubberBand::Rectangle, viewport());
    m_band->hide();
    setToolTip(tr("Drag across the chart to narrow the scope time"));
}

void VolumeChart::clearChart()
{
    chart()->removeAllSeries();
    for (QAbstractAxis *axis : chart()->axes())
        chart()->removeAxis(axis), delete axis;
    m_bars = nullptr;
    m_bands.clear();
    std::fill(std::begin(m_sets), std::end(m_sets), nullptr);
    m_x = nullptr;
    m_y = nullptr;
    m_overlays.clear();
    m_data = {};
}

bool VolumeChart::inScope(int index) const
{
    const qint64 start = bucketStart(index);
    return start >= m_data.scopeFrom && start < m_data.scopeTo;
}

void VolumeChart::setData(const Data &data)
{
    clearChart();
    m_data = data;
    const int n = bucketCount();
    double top = 0;
    for (int i = 0; i < n; ++i)
        top = std::max(top, data.a[static_cast<size_t>(i)] + data.b[static_cast<size_t>(i)]);
    m_scale = 1;
    m_unit.clear();
    if (data.bytes) {
        const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (top / m_scale >= 1024 * 10 && u < 4) {
            m_scale *= 1024;
            ++u;
        }
        m_unit = QString::fromLatin1(units[u]);
    }

    m_bars = new QStackedBarSeries;
    m_bars->setBarWidth(0.9);
    const QString names[4] = {data.aName, data.bName, tr("%1 (outside the scope)").arg(data.aName),
                              tr("%1 (outside the scope)").arg(data.bName)};
    const QColor colors[4] = {data.aColor, data.bColor, greyed(data.aColor), greyed(data.bColor)};
    for (int s = 0; s < 4; ++s) {
        m_sets[s] = new QBarSet(names[s]);
        m_sets[s]->setColor(colors[s]);
        m_sets[s]->setBorderColor(colors[s]);
    }
    for (int i = 0; i < n; ++i) {
        const bool in = inScope(i);
        const double a = data.a[static_cast<size_t>(i)] / m_scale;
        const double b = data.b[static_cast<size_t>(i)] / m_scale;
        m_sets[0]->append(in ? a : 0);
        m_sets[1]->append(in ? b : 0);
        m_sets[2]->append(in ? 0 : a);
        m_sets[3]->append(in ? 0 : b);
    }
    for (QBarSet *set : m_sets)
        m_bars->append(set);

    m_x = new QCategoryAxis;
    m_x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_x->setStartValue(-0.5);
    m_x->setRange(-0.5, std::max(0.5, n - 0.5));
    const int wanted = std::max(2, width() / 130);
    int step = std::max(1, (n + wanted - 1) / wanted);
    if (data.bucketMs == 3600000) { // whole hours: 1, 2, 3, 6, 12, 24, 48 ...
        const int steps[] = {1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720};
        for (int s : steps)
            if (s >= step) {
                step = s;
                break;
            }
    }
    for (int i = 0; i < n; ++i) {
        const qint64 start = bucketStart(i);
        if (step > 1 && ((start / data.bucketMs) % step) != 0)
            continue;
        QString label = TimeText::hour(start);
        if (data.bucketMs >= 86400000)
            label = label.left(10);
        m_x->append(label, i);
    }
    m_x->setGridLineVisible(false);
    QFont small = m_x->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_x->setLabelsFont(small);
    m_y = new QValueAxis;
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    m_y->setMin(0);
    m_y->setMax(std::max(1.0, top / m_scale) * 1.08);
    m_y->applyNiceNumbers();
    m_y->setLabelsFont(small);
    if (!m_unit.isEmpty())
        m_y->setTitleText(m_unit);
    // The context either side: a light band behind the bars, as high as the axis.
    auto band = [&](double from, double to) {
        if (to <= from)
            return;
        auto *upper = new QLineSeries;
        upper->append(from, m_y->max());
        upper->append(to, m_y->max());
        auto *area = new QAreaSeries(upper);
        area->setColor(QColor(0, 0, 0, 18));
        area->setBorderColor(Qt::transparent);
        area->setName(tr("Outside the scope"));
        chart()->addSeries(area);
        m_bands.push_back(area);
    };
    int firstIn = n, lastIn = -1;
    for (int i = 0; i < n; ++i) {
        if (inScope(i)) {
            firstIn = std::min(firstIn, i);
            lastIn = i;
        }
    }
    if (lastIn < 0) {
        band(-0.5, n - 0.5);
    } else {
        band(-0.5, firstIn - 0.5);
        band(lastIn + 0.5, n - 0.5);
    }
    chart()->addSeries(m_bars);
    chart()->addAxis(m_x, Qt::AlignBottom);
    chart()->addAxis(m_y, Qt::AlignLeft);
    for (QAbstractSeries *series : chart()->series()) {
        series->attachAxis(m_x);
        series->attachAxis(m_y);
    }
    // Only the two sets in scope in the legend.
    for (QLegendMarker *marker : chart()->legend()->markers()) {
        if (marker->series() != m_bars)
            marker->setVisible(false);
    }
    const auto markers = chart()->legend()->markers(m_bars);
    for (int i = 2; i < markers.size(); ++i)
        markers[i]->setVisible(false);

    connect(m_bars, &QAbstractBarSeries::hovered, this, [this](bool status, int index, QBarSet *) {
        const QString text = status ? bucketText(index) : QString();
        emit hoverTextChanged(text);
        if (status)
            QToolTip::showText(QCursor::pos(), text, this);
        else
            QToolTip::hideText();
    });
}

void VolumeChart::setOverlays(const std::vector<Overlay> &overlays)
{
    if (!m_bars)
        return;
    for (QAbstractSeries *series : chart()->series()) {
        if (qobject_cast<QLineSeries *>(series)) {
            chart()->removeSeries(series);
            delete series;
        }
    }
    m_overlays.clear();
    const QColor palette[] = {QColor(0xd9, 0x5f, 0x02), QColor(0x75, 0x70, 0xb3),
                              QColor(0xe7, 0x29, 0x8a), QColor(0x66, 0xa6, 0x1e),
                              QColor(0xa6, 0x76, 0x1d), QColor(0x1b, 0x9e, 0x77)};
    int colour = 0;
    double top = m_y ? m_y->max() : 1;
    for (const Overlay &o : overlays) {
        auto *line = new QLineSeries;
        line->setName(o.name);
        QPen pen(palette[colour++ % 6]);
        pen.setWidthF(2);
        line->setPen(pen);
        line->setPointsVisible(true);
        for (int i = 0; i < bucketCount(); ++i) {
            const double v = i < static_cast<int>(o.values.size())
                                 ? o.values[static_cast<size_t>(i)] / m_scale
                                 : 0.0;
            line->append(i, v);
            top = std::max(top, v);
        }
        m_overlays.push_back(o.values);
        chart()->addSeries(line);
        line->attachAxis(m_x);
        line->attachAxis(m_y);
    }
    if (m_y && top > m_y->max()) {
        m_y->setMax(top * 1.08);
        m_y->applyNiceNumbers();
        for (QAreaSeries *area : m_bands) {
            const QList<QPointF> points = area->upperSeries()->points();
            area->upperSeries()->replace({QPointF(points.value(0).x(), m_y->max()),
                                          QPointF(points.value(1).x(), m_y->max())});
        }
    }
}

double VolumeChart::barValue(int set, int index) const
{
    if (!m_bars || set < 0 || set > 1 || index < 0 || index >= bucketCount())
        return 0;
    return (m_sets[set]->at(index) + m_sets[set + 2]->at(index)) * m_scale;
}

int VolumeChart::overlayCount() const
{
    return static_cast<int>(m_overlays.size());
}

double VolumeChart::overlayValue(int overlay, int index) const
{
    int n = 0;
    for (QAbstractSeries *series : chart()->series()) {
        if (auto *line = qobject_cast<QLineSeries *>(series);
            line && !qobject_cast<QAreaSeries *>(series)) {
            if (line->count() == bucketCount() && n++ == overlay)
                return index < line->count() ? line->at(index).y() * m_scale : 0;
        }
    }
    return 0;
}

QString VolumeChart::formatValue(double value) const
{
    if (m_data.bytes)
        return QLocale().formattedDataSize(static_cast<qint64>(value));
    return QLocale().toString(static_cast<qint64>(std::llround(value)));
}

QString VolumeChart::bucketText(int index) const
{
    if (index < 0 || index >= bucketCount())
        return {};
    const auto i = static_cast<size_t>(index);
    QString when = TimeText::hour(bucketStart(index));
    if (m_data.bucketMs >= 86400000)
        when = when.left(10);
    QString text = tr("%1 %2: %3 %4, %5 %6")
                       .arg(when, TimeText::zoneName(), formatValue(m_data.a[i]), m_data.aName,
                            formatValue(m_data.b[i]), m_data.bName);
    if (!inScope(index))
        text += tr(" (outside the scope)");
    return text;
}

void VolumeChart::selectBuckets(int first, int last)
{
    if (bucketCount() == 0)
        return;
    if (first > last)
        std::swap(first, last);
    first = std::clamp(first, 0, bucketCount() - 1);
    last = std::clamp(last, 0, bucketCount() - 1);
    emit rangeSelected(bucketStart(first), bucketStart(last) + m_data.bucketMs);
}

int VolumeChart::bucketAt(const QPoint &pos) const
{
    if (!m_bars)
        return -1;
    const QPointF value = chart()->mapToValue(chart()->mapFromScene(mapToScene(pos)), m_bars);
    return static_cast<int>(std::lround(value.x()));
}

void VolumeChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_bars) {
        m_pressAt = event->position().toPoint();
        m_dragging = true;
        const QRectF plot = chart()->plotArea();
        m_band->setGeometry(
            QRect(m_pressAt.x(), static_cast<int>(plot.top()), 1, static_cast<int>(plot.height())));
        m_band->show();
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void VolumeChart::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        const int x = event->position().toPoint().x();
        const QRectF plot = chart()->plotArea();
        m_band->setGeometry(QRect(std::min(x, m_pressAt.x()), static_cast<int>(plot.top()),
                                  std::abs(x - m_pressAt.x()) + 1,
                                  static_cast<int>(plot.height())));
        event->accept();
        return;
    }
    QChartView::mouseMoveEvent(event);
}

void VolumeChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging && event->button() == Qt::LeftButton) {
        m_dragging = false;
        m_band->hide();
        const QPoint at = event->position().toPoint();
        if (std::abs(at.x() - m_pressAt.x()) >= 6)
            selectBuckets(bucketAt(m_pressAt), bucketAt(at));
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

} // namespace sightline::ui
