// The relationship graph page as the investigator drives it, offscreen, on a big case:
// opens the graph of the busiest entity, expands neighbours (a batch at a time, one query
// each) until about --nodes nodes show, then times, through the GUI, (a) reloading every
// neighbourhood (refresh: the queries of ~500 visible nodes) and (b) laying all of them out
// afresh (re-layout), and one more expansion at that size. A 5 ms timer on the GUI thread
// records the longest gap between its ticks: the longest stall of the GUI thread (it also
// keeps the waits below awake).
// Prints figures; asserts nothing. Usage (the case is only read):
//   QT_QPA_PLATFORM=offscreen sightline-bench-graph-gui --case PATH [--nodes N] [--runs R]
#include "CaseFile.h"
#include "MainWindow.h"
#include "Statement.h"
#include "graphview/GraphWidget.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

using namespace sightline;
using namespace sightline::ui;

namespace {

// The longest gap between two ticks of a 5 ms timer on the GUI thread.
class StallGauge
{
public:
    StallGauge()
    {
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last != 0)
                m_max = std::max(m_max, now - m_last);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    void reset()
    {
        m_max = 0;
        m_last = 0;
    }
    double maxMs() const { return m_max / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0, m_max = 0;
};

// Until the view and the pool are idle. Event-driven: QTest::qWaitFor sleeps 10 ms between
// polls, which added up to 10 ms to every round trip between the GUI thread and the pool
// (a batch of expansions makes two: the queries, then the layout) and kept the stall gauge's
// timer from ticking. Here the GUI thread waits for events; the gauge's 5 ms timer wakes it
// at least that often to look at the pool.
bool waitIdle(MainWindow &window, GraphWidget *g, int timeoutMs = 600000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (g->isBusy() || window.context().runner().pool().activeThreadCount() != 0) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    return true;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QString casePath;
    int target = 500, runs = 3;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--case") && i + 1 < args.size())
            casePath = args[++i];
        else if (args[i] == QLatin1String("--nodes") && i + 1 < args.size())
            target = args[++i].toInt();
        else if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
        else {
            std::fprintf(stderr, "usage: %s --case PATH [--nodes N] [--runs R]\n", argv[0]);
            return 1;
        }
    }
    if (casePath.isEmpty()) {
        std::fprintf(stderr, "--case PATH is required\n");
        return 1;
    }
    // The busiest entity, as in sightline-bench-graph.
    qint64 center = 0, degree = 0;
    {
        auto c = CaseFile::open(casePath.toStdString());
        if (!c) {
            std::fprintf(stderr, "%s\n", c.error().detail.c_str());
            return 2;
        }
        Statement st(c->db(), "SELECT id, sum(c) FROM (SELECT src AS id, count(*) AS c FROM "
                              "edges GROUP BY src UNION ALL SELECT dst, count(*) FROM edges "
                              "GROUP BY dst) GROUP BY id ORDER BY 2 DESC LIMIT 1");
        if (!st.step())
            return 2;
        center = st.int64(0);
        degree = st.int64(1);
    }
    MainWindow window;
    window.resize(1360, 860);
    window.show();
    bool opened = false;
    QObject::connect(&window, &MainWindow::caseOpened, [&] { opened = true; });
    window.openCase(casePath);
    if (!QTest::qWaitFor([&] { return opened; }, 600000))
        return 2;
    std::printf("case %s\nbusiest entity: id %lld, %lld edges; target %d visible nodes\n",
                qPrintable(casePath), static_cast<long long>(center),
                static_cast<long long>(degree), target);

    StallGauge gauge;
    QElapsedTimer clock;
    std::vector<double> openMs, growMs, refreshMs, relayoutMs, expandMs, stalls;
    // Per phase (open, grow, reload, re-layout, expansion): the longest stall, and the CPU
    // time of the process (every thread) in the last run, which a busy machine inflates less
    // than the elapsed time.
    double phaseStall[5] = {0, 0, 0, 0, 0}, phaseCpu[5] = {0, 0, 0, 0, 0};
    std::clock_t cpu0 = 0;
    auto endPhase = [&](int phase) {
        phaseStall[phase] = std::max(phaseStall[phase], gauge.maxMs());
        phaseCpu[phase] = 1000.0 * double(std::clock() - cpu0) / CLOCKS_PER_SEC;
        stalls.push_back(gauge.maxMs());
    };
    size_t visible = 0, expandedCount = 0, added = 0;
    for (int run = 0; run < runs; ++run) {
        GraphWidget g(window.context());
        g.resize(1100, 800);
        g.show();
        gauge.reset();
        cpu0 = std::clock();
        clock.start();
        g.showEntities({center}, true);
        if (!waitIdle(window, &g))
            return 3;
        openMs.push_back(clock.nsecsElapsed() / 1e6);
        endPhase(0);

        // Grow to the target, a batch of unexpanded nodes at a time (breadth first).
        gauge.reset();
        cpu0 = std::clock();
        clock.start();
        while (static_cast<int>(g.visibleGraph().nodes.size()) < target) {
            QList<qint64> batch;
            for (const VisibleNode &n : g.visibleGraph().nodes)
                if (!n.isGroup() && !n.expanded && batch.size() < 8)
                    batch << n.id;
            if (batch.isEmpty())
                break;
            g.expandNodes(batch);
            if (!waitIdle(window, &g))
                return 3;
        }
        growMs.push_back(clock.nsecsElapsed() / 1e6);
        endPhase(1);
        visible = g.visibleGraph().nodes.size();
        expandedCount = static_cast<size_t>(g.state().expanded().size());

        gauge.reset();
        cpu0 = std::clock();
        clock.start();
        g.refresh();
        if (!waitIdle(window, &g))
            return 3;
        refreshMs.push_back(clock.nsecsElapsed() / 1e6);
        endPhase(2);

        gauge.reset();
        cpu0 = std::clock();
        clock.start();
        g.relayout();
        if (!waitIdle(window, &g))
            return 3;
        relayoutMs.push_back(clock.nsecsElapsed() / 1e6);
        endPhase(3);

        const size_t before = g.visibleGraph().nodes.size();
        qint64 next = 0;
        for (const VisibleNode &n : g.visibleGraph().nodes)
            if (!n.isGroup() && !n.expanded) {
                next = n.id;
                break;
            }
        gauge.reset();
        cpu0 = std::clock();
        clock.start();
        g.expandNode(next);
        if (!waitIdle(window, &g))
            return 3;
        expandMs.push_back(clock.nsecsElapsed() / 1e6);
        endPhase(4);
        added = g.visibleGraph().nodes.size() - before;
    }
    std::printf("visible: %zu nodes after expanding %zu entities\n", visible, expandedCount);
    std::printf("  open the busiest entity (query + layout)     median %8.1f ms\n", median(openMs));
    std::printf("  grow to the target, batches of 8 expansions  median %8.1f ms\n", median(growMs));
    std::printf("  (a) reload every neighbourhood (queries)     median %8.1f ms\n",
                median(refreshMs));
    std::printf("  (b) lay out all visible nodes afresh         median %8.1f ms\n",
                median(relayoutMs));
    std::printf("  (a) + (b) query + layout of the visible graph median %7.1f ms\n",
                median(refreshMs) + median(relayoutMs));
    std::printf("  one more expansion (%zu new nodes, pinned)   median %8.1f ms\n", added,
                median(expandMs));
    std::printf("  longest GUI-thread stall (5 ms timer)        max    %8.1f ms\n",
                *std::max_element(stalls.begin(), stalls.end()));
    std::printf("  by phase (open, grow, (a), (b), expansion): longest stall");
    for (double v : phaseStall)
        std::printf(" %.1f", v);
    std::printf(" ms; CPU time of the last run");
    for (double v : phaseCpu)
        std::printf(" %.1f", v);
    std::printf(" ms\n");
    return 0;
}
