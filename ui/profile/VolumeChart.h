#pragma once
// The profile's volume charts (API calls per hour, flow bytes per hour): two stacked bar
// sets over consecutive time buckets, the buckets outside the scope time greyed (context on
// either side), line overlays (ticked flow rows), the bucket's numbers on hover, and a drag
// across the chart to narrow the scope (rangeSelected).
#include <QChartView>
#include <QString>

#include <vector>

class QAreaSeries;
class QBarSet;
class QCategoryAxis;
class QRubberBand;
class QStackedBarSeries;
class QValueAxis;

namespace sightline::ui {

// The buckets a chart of the scope [from, to) shows: hours (days for scopes over two weeks), with
// context buckets either side.
struct ChartWindow
{
    qint64 first = 0; // epoch ms of bucket 0
    qint64 bucketMs = 3600000;
    int count = 0;
    qint64 end() const { return first + count * bucketMs; }
    int index(qint64 ms) const { return static_cast<int>((ms - first) / bucketMs); }
};
ChartWindow chartWindow(qint64 scopeFrom, qint64 scopeTo);

class VolumeChart : public QChartView
{
    Q_OBJECT
public:
    struct Data
    {
        qint64 firstBucket = 0; // epoch ms of bucket 0
        qint64 bucketMs = 3600000;
        std::vector<double> a, b; // per bucket (same size)
        qint64 scopeFrom = 0, scopeTo = 0;
        QString aName, bName;
        QColor aColor, bColor;
        bool bytes = false; // values are bytes: scale the axis to KiB / MiB / GiB
    };
    struct Overlay
    {
        QString name;
        std::vector<double> values; // per bucket, same unit as Data
    };

    explicit VolumeChart(QWidget *parent = nullptr);

    void setData(const Data &data);
    void setOverlays(const std::vector<Overlay> &overlays);
    void clearChart();

    int bucketCount() const { return static_cast<int>(m_data.a.size()); }
    qint64 bucketStart(int index) const { return m_data.firstBucket + index * m_data.bucketMs; }
    bool inScope(int index) const;
    // The value a chart bar shows for a bucket (set 0 = a, 1 = b), read back from the bar
    // sets (in scope or context), in the data's unit; and the overlay lines' points.
    double barValue(int set, int index) const;
    int overlayCount() const;
    double overlayValue(int overlay, int index) const;
    // What hovering a bucket shows.
    QString bucketText(int index) const;
    // Asks for the scope [start of bucket first, end of bucket last] (what a drag does).
    void selectBuckets(int first, int last);

signals:
    void rangeSelected(qint64 fromMs, qint64 toMs);
    void hoverTextChanged(const QString &text); // "" when the pointer left the bars

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    int bucketAt(const QPoint &pos) const;
    QString formatValue(double value) const;

    Data m_data;
    double m_scale = 1; // data value / axis value
    QString m_unit;
    QStackedBarSeries *m_bars = nullptr;
    QBarSet *m_sets[4] = {}; // a in scope, b in scope, a context, b context
    std::vector<QAreaSeries *> m_bands;
    QCategoryAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    std::vector<std::vector<double>> m_overlays;
    QRubberBand *m_band = nullptr;
    QPoint m_pressAt;
    bool m_dragging = false;
};

} // namespace sightline::ui
