// The window's frame: sightline:// links (strict parsing, round trip), Back / Forward,
// opening cases (good, missing, not a case), the search field and the scope time, on the
// bundled sample incident imported with the real importer.
#include "GuiTestSupport.h"
#include "SightlineLink.h"
#include "widgets/ScopeBar.h"
#include "widgets/SearchBox.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace sightline;
using namespace sightline::ui;

class TestWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;

private slots:
    void initTestCase();
    void linkRoundTrip();
    void linkRejectsMalformed_data();
    void linkRejectsMalformed();
    void history();
    void openMissingAndForeignFiles();
    void searchOpensProfile();
    void scopeIsHourAligned();
    void copyLinkOpensSamePlace();
};

void TestWindow::initTestCase()
{
    testing::isolateSettings();
    QVERIFY(m_dir.isValid());
    m_case = m_dir.filePath(QStringLiteral("sample.sightline"));
    const QString error = testing::buildCase(m_case, {testing::sampleIncident()});
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestWindow::linkRoundTrip()
{
    SightlineLink link;
    link.casePath = QStringLiteral("/cases/a b&c=d+e#f/ケース.sightline");
    link.location =
        Location::entity(EntityType::UserAgent, QStringLiteral("aws-cli/2.0 <b>x</b>&y=z+1 %41"));
    link.from = 1760400000000;
    link.to = 1760486400000;
    const QString text = link.toUrl().toString(QUrl::FullyEncoded);
    QVERIFY(text.startsWith(QLatin1String("sightline://open?")));
    QString error;
    const auto back = SightlineLink::parse(text, &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(back->casePath, link.casePath);
    QCOMPARE(back->location.page, Location::Page::Entity);
    QCOMPARE(back->location.type, EntityType::UserAgent);
    QCOMPARE(back->location.key, link.location.key);
    QCOMPARE(back->from, link.from);
    QCOMPARE(back->to, link.to);

    SightlineLink page;
    page.casePath = QStringLiteral("/c.sightline");
    page.location = Location::simple(Location::Page::Findings);
    const auto parsed = SightlineLink::parse(page.toUrl().toString(), &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(parsed->location.page, Location::Page::Findings);
}

void TestWindow::linkRejectsMalformed_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("scheme") << "https://open?case=/a.sightline"
                            << "sightline://";
    QTest::newRow("host") << "sightline://delete?case=/a.sightline"
                          << "delete";
    QTest::newRow("no case") << "sightline://open?type=AwsUser&key=x"
                             << "case";
    QTest::newRow("relative case") << "sightline://open?case=a.sightline"
                                   << "absolute";
    QTest::newRow("unknown param") << "sightline://open?case=/a.sightline&cmd=rm"
                                   << "cmd";
    QTest::newRow("twice") << "sightline://open?case=/a.sightline&case=/b.sightline"
                           << "twice";
    QTest::newRow("bad type") << "sightline://open?case=/a.sightline&type=Nope&key=x"
                              << "Nope";
    QTest::newRow("no key") << "sightline://open?case=/a.sightline&type=AwsUser"
                            << "key";
    QTest::newRow("no type") << "sightline://open?case=/a.sightline&key=x"
                             << "type";
    QTest::newRow("bad time") << "sightline://open?case=/a.sightline&from=yesterday"
                              << "yesterday";
    QTest::newRow("reversed") << "sightline://open?case=/a.sightline&from=2026-10-15&to=2026-10-14"
                              << "ends";
    QTest::newRow("bad page") << "sightline://open?case=/a.sightline&page=admin"
                              << "admin";
    QTest::newRow("empty") << ""
                           << "sightline://";
    QTest::newRow("huge") << QStringLiteral("sightline://open?case=/a&key=") +
                                 QString(20000, QLatin1Char('x'))
                          << "too long";
}

void TestWindow::linkRejectsMalformed()
{
    QFETCH(QString, link);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!SightlineLink::parse(link, &error).has_value());
    QVERIFY2(error.contains(mentions, Qt::CaseInsensitive), qPrintable(error));
}

void TestWindow::history()
{
    History h;
    QVERIFY(!h.canGoBack());
    h.visit(Location::summary());
    h.visit(Location::entity(EntityType::AwsUser, QStringLiteral("a")));
    h.visit(Location::entity(EntityType::AwsUser, QStringLiteral("a"))); // same: not twice
    h.visit(Location::entity(EntityType::IpAddress, QStringLiteral("1.2.3.4")));
    QVERIFY(h.canGoBack());
    QCOMPARE(h.back().key, QStringLiteral("a"));
    QCOMPARE(h.back().page, Location::Page::Summary);
    QVERIFY(!h.canGoBack());
    QCOMPARE(h.forward().key, QStringLiteral("a"));
    h.visit(Location::simple(Location::Page::Findings)); // drops the forward part
    QVERIFY(!h.canGoForward());
    QCOMPARE(h.back().key, QStringLiteral("a"));
}

void TestWindow::openMissingAndForeignFiles()
{
    MainWindow window;
    QString message;
    connect(&window, &MainWindow::caseOpenFailed, this, [&](const QString &m) { message = m; });
    window.openCase(m_dir.filePath(QStringLiteral("missing.sightline")));
    QTRY_VERIFY(!message.isEmpty());
    QVERIFY2(message.contains(QLatin1String("missing.sightline")), qPrintable(message));
    QVERIFY(!window.context().hasCase());

    const QString foreign = m_dir.filePath(QStringLiteral("notes.sightline"));
    {
        QFile f(foreign);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("these are my notes, not a case\n");
    }
    message.clear();
    window.openCase(foreign);
    QTRY_VERIFY(!message.isEmpty());
    QVERIFY(!window.context().hasCase());
    QFile f(foreign);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("these are my notes, not a case\n")); // left untouched

    // A malformed link gives a message, never a crash, and opens nothing.
    message.clear();
    QVERIFY(!window.openLink(QStringLiteral("sightline://open?case=relative"), true));
    QVERIFY(!message.isEmpty());
}

void TestWindow::searchOpensProfile()
{
    MainWindow window;
    window.show();
    QVERIFY(testing::openAndWait(window, m_case));
    QVERIFY(window.windowTitle().contains(QLatin1String("sample.sightline")));

    // A wildcard query lists several hits grouped by type; nothing opens yet.
    SearchBox *search = window.searchBox();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("backup*"));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(search->popup()->isVisible());
    QVERIFY(search->lastResult().total >= 2);
    QVERIFY(search->lastResult().countsByType.size() >= 2); // a user and a role session
    bool sawUser = false;
    for (const auto &hit : search->lastResult().hits)
        sawUser |= hit.entity.type == EntityType::AwsUser && hit.entity.label == "backup-svc";
    QVERIFY(sawUser);
    QCOMPARE(window.currentPage()->location().page, Location::Page::Summary);

    // An exact identifier with one hit opens its profile on Enter.
    search->popup()->hide();
    search->clear();
    QTest::keyClicks(search, QStringLiteral("AKIAZ7EXAMPLELEAK4QX"));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE(window.currentPage()->location().page, Location::Page::Entity);
    QCOMPARE(window.currentPage()->location().type, EntityType::AccessKey);
    QCOMPARE(window.currentPage()->location().key, QStringLiteral("AKIAZ7EXAMPLELEAK4QX"));

    // Back returns to the Summary, Forward to the key.
    window.goBack();
    QCOMPARE(window.currentPage()->location().page, Location::Page::Summary);
    window.goForward();
    QCOMPARE(window.currentPage()->location().key, QStringLiteral("AKIAZ7EXAMPLELEAK4QX"));
}

void TestWindow::scopeIsHourAligned()
{
    MainWindow window;
    QVERIFY(testing::openAndWait(window, m_case));
    CaseContext &c = window.context();
    QVERIFY(c.caseTo() > c.caseFrom());
    QCOMPARE(c.scopeFrom(), c.caseFrom());
    QCOMPARE(c.scopeFrom() % kHourMs, 0);
    QCOMPARE(c.scopeTo() % kHourMs, 0);
    int changes = 0;
    connect(&c, &CaseContext::scopeChanged, this, [&] { ++changes; });
    c.setScope(c.caseFrom() + 90 * 60000, c.caseFrom() + 150 * 60000); // 01:30 - 02:30
    QCOMPARE(changes, 1);
    QCOMPARE(c.scopeFrom(), c.caseFrom() + kHourMs);
    QCOMPARE(c.scopeTo(), c.caseFrom() + 3 * kHourMs);
    window.scopeBar()->applyPreset(ScopeBar::Last24Hours);
    QCOMPARE(c.scopeTo(), c.caseTo());
    QVERIFY(c.scopeTo() - c.scopeFrom() <= 24 * kHourMs);
    window.scopeBar()->applyPreset(ScopeBar::WholeCase);
    QCOMPARE(c.scopeFrom(), c.caseFrom());
    QCOMPARE(c.scopeTo(), c.caseTo());
}

void TestWindow::copyLinkOpensSamePlace()
{
    MainWindow window;
    QVERIFY(testing::openAndWait(window, m_case));
    CaseContext &c = window.context();
    c.setScope(c.caseFrom() + kHourMs, c.caseFrom() + 5 * kHourMs);
    window.navigate(Location::entity(EntityType::AwsUser, QStringLiteral("ci-deploy")));
    const QString link = window.currentLink();
    QVERIFY(link.contains(QLatin1String("type=AwsUser")));

    MainWindow other;
    QVERIFY(other.openLink(link, true));
    QTRY_COMPARE(other.currentPage()->location().key, QStringLiteral("ci-deploy"));
    QCOMPARE(other.context().casePath(), c.casePath());
    QCOMPARE(other.context().scopeFrom(), c.scopeFrom());
    QCOMPARE(other.context().scopeTo(), c.scopeTo());
    testing::waitIdle(other);
}

QTEST_MAIN(TestWindow)
#include "tst_window.moc"
