#include "ActivityPanel.h"

#include "PlainText.h"
#include "VolumeChart.h"
#include "queries/Timeline.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace sightline::ui {

namespace {

struct ActivityLoad
{
    TimelineData timeline;
    bool allAccounts = false; // the filter is set and cannot narrow this entity's chart
};

} // namespace

ActivityPanel::ActivityPanel(CaseContext &context, QWidget *parent)
    : ProfilePanel(tr("API call volume"), parent), m_context(context)
{
    m_hover = plainLabel(tr("Hover over a bar for its numbers; drag across the chart to narrow "
                            "the scope time."),
                         this);
    m_hover->setStyleSheet(QStringLiteral("color: palette(mid)"));
    m_chart = new VolumeChart(this);
    m_chart->setMinimumHeight(240);
    m_account = makeChartAccountLabel(this);
    body()->addWidget(m_account);
    body()->addWidget(m_hover);
    body()->addWidget(m_chart);
    connect(m_chart, &VolumeChart::hoverTextChanged, this, [this](const QString &text) {
        if (!text.isEmpty())
            m_hover->setText(text);
    });
    connect(m_chart, &VolumeChart::rangeSelected, this,
            [this](qint64 from, qint64 to) { m_context.setScope(from, to); });
}

void ActivityPanel::clearChart()
{
    cancel();
    m_chart->clearChart();
    showChartAccount(m_account, {}, false);
}

void ActivityPanel::load(const ProfileRequest &request)
{
    showLoading();
    const ChartWindow window = chartWindow(request.from, request.to);
    m_context.runner().run<Loaded<ActivityLoad>>(
        this, slot(),
        [request, window](Database &db) {
            Loaded<ActivityLoad> out;
            auto entity = resolveEntity(db, request);
            if (!entity) {
                out.error = errorText(entity.error());
                return out;
            }
            TimeRange range;
            range.from = window.first;
            range.to = window.end();
            auto data = Timeline(db).load(
                entity->id, window.bucketMs == 3600000 ? TimelineBucket::Hour : TimelineBucket::Day,
                range);
            if (!data) {
                out.error = errorText(data.error());
            } else {
                out.value.timeline = std::move(*data);
                out.value.allAccounts = filterNarrows(request, *entity);
            }
            return out;
        },
        [this, request, window](Loaded<ActivityLoad> &&loaded) {
            if (!loaded.ok()) {
                m_chart->clearChart();
                showChartAccount(m_account, request, false);
                showError(loaded.error);
                return;
            }
            showChartAccount(m_account, request, loaded.value.allAccounts);
            const TimelineData &t = loaded.value.timeline;
            VolumeChart::Data d;
            d.firstBucket = window.first;
            d.bucketMs = window.bucketMs;
            d.a.assign(static_cast<size_t>(window.count), 0.0);
            d.b.assign(static_cast<size_t>(window.count), 0.0);
            for (const TimelinePoint &p : t.points) {
                const int i = window.index(p.start);
                if (i < 0 || i >= window.count)
                    continue;
                d.a[static_cast<size_t>(i)] += t.fromPostings ? p.events : p.successes;
                d.b[static_cast<size_t>(i)] += t.fromPostings ? 0 : p.failures;
            }
            d.scopeFrom = request.from;
            d.scopeTo = request.to;
            d.aName = t.fromPostings ? tr("events") : tr("successful");
            d.bName = tr("failed");
            d.aColor = QColor(0x2b, 0x7b, 0xb9);
            d.bColor = QColor(0xd7, 0x30, 0x27);
            m_chart->setData(d);
            qint64 inScope = 0, failed = 0;
            for (const TimelinePoint &p : t.points) {
                if (p.start >= request.from && p.start < request.to) {
                    inScope += p.events;
                    failed += p.failures;
                }
            }
            showNote(t.fromPostings
                         ? tr("%1 events in the scope time (this entity has no API call "
                              "aggregates: events it appears in are counted).")
                               .arg(QLocale().toString(inScope))
                         : tr("%1 API calls in the scope time, %2 failed.")
                               .arg(QLocale().toString(inScope), QLocale().toString(failed)));
            emit emptyChanged(t.points.empty());
        },
        [this](const QString &message) { showError(message); });
}

} // namespace sightline::ui
