// Entity profiles of Panther's test events (derived/panther-tests in ../shared/data): the
// window's account filter narrowing a profile (CloudTrail, where 1.2.3.4 calls from several
// accounts) and the Kubernetes panel telling refused calls apart (EKS audit).
#include "GuiTestSupport.h"
#include "LinkTableView.h"
#include "Roles.h"
#include "models/RowModel.h"
#include "pages/EntityPage.h"
#include "profile/ActivityPanel.h"
#include "profile/DrillDownPanel.h"
#include "profile/EventsPanel.h"
#include "profile/KubernetesPanel.h"
#include "profile/PeersPanel.h"
#include "profile/ProfileHeader.h"
#include "queries/EntityEdges.h"
#include "queries/EntityLookup.h"
#include "queries/EventQuery.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTemporaryDir>

#include <memory>

using namespace sightline;
using namespace sightline::ui;

class TestProfilePanther : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    bool open(EntityType type, const QString &key)
    {
        m_window->navigate(Location::entity(type, key));
        return testing::waitIdle(*m_window);
    }
    // Builds a case at path from one Panther file and opens it; skips without the samples.
    void openCase(const QString &sample, const QString &path)
    {
        const QString panther =
            testing::sharedData(QStringLiteral("derived/panther-tests/") + sample);
        if (!QFileInfo::exists(panther))
            QSKIP("the Panther samples are not available");
        const QString error = testing::buildCase(path, {panther});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(testing::openAndWait(*m_window, path));
    }

private slots:
    void initTestCase()
    {
        testing::isolateSettings();
        QVERIFY(m_dir.isValid());
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1360, 860);
        m_window->show();
    }
    void cleanupTestCase() { m_window.reset(); }
    void accountFilterNarrowsProfile();
    void kubernetesPanelCountsDenied();
};

void TestProfilePanther::accountFilterNarrowsProfile()
{
    const QString path = m_dir.filePath(QStringLiteral("accounts.sightline"));
    openCase(QStringLiteral("cloudtrail.jsonl"), path);
    if (QTest::currentTestFailed() || !QFileInfo::exists(path))
        return;
    const QString ip = QStringLiteral("1.2.3.4");
    const QString account = QStringLiteral("111111111111");
    CaseContext &context = m_window->context();
    QVERIFY(context.accountFilter().isEmpty());

    // What the case holds: the address's events, the callers and their accounts.
    auto c = CaseFile::open(path.toStdString(), CaseFile::Access::ReadOnly);
    QVERIFY(c.ok());
    EntityLookup lookup(c->db());
    auto ipRef = lookup.resolve(EntityType::IpAddress, ip.toStdString());
    QVERIFY(ipRef.ok());
    EventFilter ef;
    ef.entities = {ipRef->id};
    ef.limit = 0;
    auto events = EventQuery(c->db()).run(ef);
    QVERIFY(events.ok());
    int ofAccount = 0;
    QString otherCaller; // a caller of another account (role session)
    EntityType otherType = EntityType::AwsRoleSession;
    QString otherAccount;
    for (const EventRecord &e : events->events) {
        if (e.account.key == account.toStdString() || e.principal.account == account.toStdString())
            ++ofAccount;
        else if (otherCaller.isEmpty() && e.principal.valid() && !e.principal.account.empty() &&
                 e.principal.account != account.toStdString()) {
            otherCaller = QString::fromStdString(e.principal.key);
            otherType = e.principal.type;
            otherAccount = QString::fromStdString(e.principal.account);
        }
    }
    QVERIFY(ofAccount > 0);
    QVERIFY(ofAccount < static_cast<int>(events->events.size()));
    QVERIFY(!otherCaller.isEmpty());

    // Every account: all of the address's events, callers of several accounts.
    QVERIFY(open(EntityType::IpAddress, ip));
    EntityPage *page = qobject_cast<EntityPage *>(m_window->currentPage());
    QVERIFY(page);
    QCOMPARE(page->events()->model()->rowCount(), static_cast<int>(events->events.size()));
    QVERIFY(!page->accountBanner()->isVisibleTo(page));
    QVERIFY(!page->activity()->accountLabel()->isVisibleTo(page));
    auto callerAccounts = [&] {
        QSet<QString> accounts;
        RowModel *callers = page->peers()->model(PeersPanel::Principals);
        for (int r = 0; r < callers->rowCount(); ++r) {
            const QModelIndex i = callers->index(r, 0);
            auto ref = lookup.resolve(static_cast<EntityType>(i.data(EntityTypeRole).toInt()),
                                      i.data(EntityKeyRole).toString().toStdString());
            if (ref.ok())
                accounts.insert(QString::fromStdString(accountOf(*ref)));
        }
        return accounts;
    };
    QVERIFY(callerAccounts().size() >= 3);

    // The filter reloads the open profile and narrows its lists; the chart says it is not.
    context.setAccountFilter(account);
    QVERIFY(testing::waitIdle(*m_window));
    QCOMPARE(m_window->currentPage(), page);
    QCOMPARE(page->events()->model()->rowCount(), ofAccount);
    QVERIFY(page->events()->statusLabel()->text().contains(account));
    QCOMPARE(callerAccounts(), QSet<QString>{account});
    QVERIFY(!page->accountBanner()->isVisibleTo(page)); // an address belongs to no account
    QVERIFY(page->activity()->accountLabel()->isVisibleTo(page));
    QVERIFY(page->activity()->accountLabel()->text().contains(account));
    QCOMPARE(page->activity()->accountLabel()->textFormat(), Qt::PlainText);
    QVERIFY(page->header()->scopeLabel()->text().contains(account));
    // The API view's first table counts the account's events, not the address's aggregates.
    DrillDownPanel *drill = page->drillDown();
    drill->setMode(DrillDownPanel::ByApi);
    QVERIFY(testing::waitIdle(*m_window));
    qint64 apiCalls = 0;
    for (int r = 0; r < drill->model(0)->rowCount(); ++r)
        apiCalls += drill->model(0)->index(r, 1).data(SortRole).toLongLong();
    QCOMPARE(apiCalls, qint64(ofAccount));

    // A caller of another account: the banner says so and clears the filter.
    QVERIFY(open(otherType, otherCaller));
    EntityPage *callerPage = qobject_cast<EntityPage *>(m_window->currentPage());
    QVERIFY(callerPage);
    QVERIFY(callerPage->accountBanner()->isVisibleTo(callerPage));
    const QString banner = callerPage->accountBannerLabel()->text();
    QVERIFY2(banner.contains(otherAccount) && banner.contains(account), qPrintable(banner));
    QCOMPARE(callerPage->accountBannerLabel()->textFormat(), Qt::PlainText);
    // Its events are narrowed too: it made none in the filtered account.
    QCOMPARE(callerPage->events()->model()->rowCount(), 0);
    callerPage->clearAccountButton()->click();
    QVERIFY(context.accountFilter().isEmpty());
    QVERIFY(testing::waitIdle(*m_window));
    QVERIFY(!callerPage->accountBanner()->isVisibleTo(callerPage));
    QVERIFY(callerPage->events()->model()->rowCount() > 0);

    // Back to the address, now without the filter: everything again; then Forward.
    m_window->goBack();
    QVERIFY(testing::waitIdle(*m_window));
    QCOMPARE(m_window->currentPage()->location().key, ip);
    QCOMPARE(page->events()->model()->rowCount(), static_cast<int>(events->events.size()));
    QVERIFY(!page->activity()->accountLabel()->isVisibleTo(page));
    m_window->goForward();
    QVERIFY(testing::waitIdle(*m_window));
    QCOMPARE(m_window->currentPage()->location().key, otherCaller);
}

// Panther's EKS audit test events: coredns is refused two watches (403 Forbidden).
void TestProfilePanther::kubernetesPanelCountsDenied()
{
    const QString path = m_dir.filePath(QStringLiteral("eks.sightline"));
    openCase(QStringLiteral("eks_audit.jsonl"), path);
    if (QTest::currentTestFailed() || !QFileInfo::exists(path))
        return;
    QVERIFY(open(EntityType::KubernetesSubject,
                 QStringLiteral("system:serviceaccount:kube-system:coredns")));
    EntityPage *page = qobject_cast<EntityPage *>(m_window->currentPage());
    QVERIFY(page);
    KubernetesPanel *k8s = page->kubernetes();
    QVERIFY(k8s->isVisibleTo(page));
    QAbstractItemModel *m = k8s->table()->model();
    QCOMPARE(m->rowCount(), 1);
    QCOMPARE(m->headerData(4, Qt::Horizontal).toString(), QStringLiteral("Forbidden (403)"));
    QCOMPARE(m->index(0, 0).data().toString(), QStringLiteral("watch endpointslices"));
    QCOMPARE(m->index(0, 1).data().toString(), QStringLiteral("2")); // successful
    QCOMPARE(m->index(0, 2).data().toString(), QStringLiteral("2")); // failed
    QCOMPARE(m->index(0, 3).data().toString(), QStringLiteral("0")); // unauthorized
    QCOMPARE(m->index(0, 4).data().toString(), QStringLiteral("2")); // forbidden
    const QString note = k8s->statusLabel()->text();
    QVERIFY2(note.contains(QStringLiteral("2 successful and 2 failed")), qPrintable(note));
    QVERIFY2(note.contains(QStringLiteral("0 were unauthorized (401) and 2 forbidden (403)")),
             qPrintable(note));
    QVERIFY(QDir().mkpath(QStringLiteral(SIGHTLINE_SCREENSHOT_DIR)));
    QVERIFY(k8s->grab().save(QStringLiteral(SIGHTLINE_SCREENSHOT_DIR "/profile-kubernetes.png")));
}

QTEST_MAIN(TestProfilePanther)
#include "tst_profile_panther.moc"
