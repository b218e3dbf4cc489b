// Entity profile page benchmark: opens a case in the main window (offscreen), shows one
// entity's profile and measures, per panel, the time until its data is shown, and the
// longest stall of the GUI thread meanwhile (gaps between the ticks of a 5 ms timer).
// Prints figures; asserts nothing. Usage:
//   sightline-bench-profile-gui --case PATH [--type AwsUser] [--key KEY] [--runs N]
//                               [--account ACCOUNT]
// KEY defaults to the busiest principal of the case (most API calls). Each run uses another
// scope time: the whole case, its last 7 days, its last day (then again). --account sets the
// window's account filter (the 12-digit id) before the runs.
#include "CaseFile.h"
#include "MainWindow.h"
#include "pages/EntityPage.h"
#include "profile/ActivityPanel.h"
#include "profile/DrillDownPanel.h"
#include "profile/EventsPanel.h"
#include "profile/FindingsPanel.h"
#include "profile/FlowPanel.h"
#include "profile/KubernetesPanel.h"
#include "queries/EntityLookup.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

using namespace sightline;
using namespace sightline::ui;

namespace {

struct Probe
{
    const char *name;
    std::function<bool()> busy;
    std::function<bool()> applies;
    qint64 doneAt = -1;
};

std::string busiestPrincipal(const std::string &path)
{
    auto c = CaseFile::open(path, CaseFile::Access::ReadOnly);
    if (!c)
        return {};
    auto id = c->db().queryInt("SELECT entity FROM agg_total t JOIN entities e ON e.id = "
                               "t.entity WHERE t.metric = 1 AND t.dim = 0 AND e.type IN (2, 3, 4, "
                               "5) ORDER BY t.a + t.b DESC LIMIT 1");
    if (!id)
        return {};
    EntityLookup lookup(c->db());
    auto ref = lookup.byId(*id);
    return ref ? ref->key : std::string();
}

// Checks the probes at every event the application delivers; remembers the longest time
// between two events (one event's handling on the GUI thread) and what that event was.
class EventWatch : public QObject
{
public:
    EventWatch(QElapsedTimer &clock, std::vector<Probe> &probes) : m_clock(clock), m_probes(probes)
    {}
    qint64 longest = 0;
    std::string longestWhat;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const qint64 now = m_clock.elapsed();
        if (now - m_last > longest) {
            longest = now - m_last;
            longestWhat = m_what;
        }
        m_last = now;
        m_what = std::string(watched->metaObject()->className()) + " event " +
                 std::to_string(static_cast<int>(event->type()));
        // A panel may chain jobs (the drill-down's tables): done once it is seen idle after
        // the last time it was seen busy.
        for (Probe &p : m_probes) {
            if (!p.applies())
                continue;
            if (p.busy())
                p.doneAt = -1;
            else if (p.doneAt < 0)
                p.doneAt = now;
        }
        return false;
    }

private:
    QElapsedTimer &m_clock;
    std::vector<Probe> &m_probes;
    qint64 m_last = 0;
    std::string m_what;
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QString casePath, key, account, typeName = QStringLiteral("AwsUser");
    int runs = 3;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--case") && i + 1 < args.size())
            casePath = args[++i];
        else if (args[i] == QLatin1String("--type") && i + 1 < args.size())
            typeName = args[++i];
        else if (args[i] == QLatin1String("--key") && i + 1 < args.size())
            key = args[++i];
        else if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = args[++i].toInt();
        else if (args[i] == QLatin1String("--account") && i + 1 < args.size())
            account = args[++i];
        else {
            std::fprintf(stderr,
                         "usage: %s --case PATH [--type AwsUser] [--key KEY] [--runs N] "
                         "[--account ACCOUNT]\n",
                         argv[0]);
            return 1;
        }
    }
    const auto type = entityTypeFromName(typeName.toStdString());
    if (casePath.isEmpty() || !type) {
        std::fprintf(stderr, "a case (--case) and a valid --type are needed\n");
        return 1;
    }
    if (key.isEmpty()) {
        key = QString::fromStdString(busiestPrincipal(casePath.toStdString()));
        if (key.isEmpty()) {
            std::fprintf(stderr, "no principal in the case; give --key\n");
            return 1;
        }
        // The busiest principal may be a role or session: find its type.
        auto c = CaseFile::open(casePath.toStdString(), CaseFile::Access::ReadOnly);
        EntityLookup lookup(c->db());
        for (EntityType t : {EntityType::AwsUser, EntityType::AwsRole, EntityType::AwsRoleSession,
                             EntityType::FederatedUser}) {
            auto r = lookup.resolve(t, key.toStdString());
            if (r && r->key == key.toStdString()) {
                typeName = QString::fromLatin1(entityTypeName(t).data());
                break;
            }
        }
    }
    const EntityType entityType = *entityTypeFromName(typeName.toStdString());

    MainWindow window;
    window.resize(1360, 860);
    window.show();
    bool opened = false, failed = false;
    QObject::connect(&window, &MainWindow::caseOpened, [&] { opened = true; });
    QObject::connect(&window, &MainWindow::caseOpenFailed, [&](const QString &m) {
        std::fprintf(stderr, "%s\n", qPrintable(m));
        failed = true;
    });
    window.openCase(casePath);
    while (!opened && !failed)
        app.processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (failed)
        return 2;
    window.context().runner().waitForIdle();
    app.processEvents();
    window.context().setAccountFilter(account);
    window.context().runner().waitForIdle();
    app.processEvents();

    auto *page = qobject_cast<EntityPage *>(window.page(Location::Page::Entity, entityType));
    std::vector<Probe> probes = {
        {"profile (details, peers, relations, drill 1st table)",
         [page] { return page->profileLoading(); }, [] { return true; }},
        {"API call volume chart", [page] { return page->activity()->busy(); }, [] { return true; }},
        {"drill-down 2nd/3rd tables (breakdown)",
         [page] { return page->profileLoading() || page->drillDown()->busy(); },
         [] { return true; }},
        {"VPC flows", [page] { return page->flows()->busy(); },
         [entityType] {
             return entityType == EntityType::Ec2Instance || entityType == EntityType::IpAddress;
         }},
        {"Kubernetes", [page] { return page->kubernetes()->busy(); }, [] { return true; }},
        {"findings", [page] { return page->findings()->busy(); }, [] { return true; }},
        {"events (500 newest)", [page] { return page->events()->busy(); }, [] { return true; }},
    };

    const qint64 caseFrom = window.context().caseFrom(), caseTo = window.context().caseTo();
    std::printf("Profile of %s %s in %s%s\n", qPrintable(typeName), qPrintable(key),
                qPrintable(casePath),
                account.isEmpty() ? "" : qPrintable(QStringLiteral(", account filter ") + account));
    for (int run = 0; run < runs; ++run) {
        const int kind = run % 3;
        const qint64 from = kind == 0   ? caseFrom
                            : kind == 1 ? std::max(caseFrom, caseTo - 7 * 86400000LL)
                                        : std::max(caseFrom, caseTo - 86400000LL);
        window.navigate(Location::summary());
        window.context().runner().waitForIdle();
        app.processEvents();
        // Two scope changes while the profile is hidden: it reloads when shown again, even
        // when this run's scope equals the last one's.
        window.context().setScope(from, caseTo - 3600000);
        window.context().setScope(from, caseTo);
        window.context().runner().waitForIdle();
        app.processEvents();

        QElapsedTimer clock;
        qint64 lastTick = 0, longestStall = 0;
        for (Probe &p : probes)
            p.doneAt = -1;
        QTimer ticker;
        ticker.setInterval(5);
        ticker.setTimerType(Qt::PreciseTimer);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            longestStall = std::max(longestStall, now - lastTick);
            lastTick = now;
        });
        // Panels are seen done at the first event after their result was shown.
        EventWatch watch(clock, probes);
        clock.start();
        ticker.start();
        const qint64 navStart = clock.elapsed();
        window.navigate(Location::entity(entityType, key));
        const qint64 navigateMs = clock.elapsed() - navStart; // GUI thread: building the page
        app.installEventFilter(&watch);
        lastTick = clock.elapsed();
        while (page->isLoading() && clock.elapsed() < 120000)
            app.processEvents(QEventLoop::WaitForMoreEvents, 5);
        const qint64 total = clock.elapsed();
        // A few more ticks so the last panels are seen done.
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 30)
            app.processEvents(QEventLoop::WaitForMoreEvents, 5);
        ticker.stop();
        app.removeEventFilter(&watch);
        std::printf("\nrun %d, scope %s: all panels in %lld ms\n", run + 1,
                    kind == 0   ? "whole case"
                    : kind == 1 ? "last 7 days"
                                : "last day",
                    static_cast<long long>(total));
        for (const Probe &p : probes) {
            if (!p.applies())
                continue;
            std::printf("  %-55s %6lld ms\n", p.name,
                        static_cast<long long>(p.doneAt < 0 ? total : p.doneAt));
        }
        std::printf("  %-55s %6lld ms\n", "GUI thread: navigate() call (page set-up)",
                    static_cast<long long>(navigateMs));
        std::printf("  %-55s %6lld ms\n", "GUI thread: longest stall (5 ms ticks)",
                    static_cast<long long>(std::max(longestStall, navigateMs)));
        std::printf("  %-55s %6lld ms (%s)\n", "GUI thread: longest event handling",
                    static_cast<long long>(watch.longest), watch.longestWhat.c_str());
    }
    return 0;
}
