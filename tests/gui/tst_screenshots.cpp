// Renders the window at 1360x860 to PNG files in SIGHTLINE_SCREENSHOT_DIR: the Summary page
// (summary.png), a finding's page (finding.png) and the other case pages, on the sample
// incident with its findings and flow logs (IncidentExtras.h); then the main pages (Summary,
// a user's profile, an instance's profile, a finding) again in Japanese (*-ja.png). For
// looking at, not for comparing.
#include "GuiTestSupport.h"
#include "IncidentExtras.h"
#include "pages/FindingPage.h"

#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>

#include <memory>

using namespace sightline;
using namespace sightline::ui;

class TestScreenshots : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_case;

    void save(const QString &name)
    {
        QVERIFY(testing::waitIdle(*m_window));
        QTest::qWait(50);
        const QString dir = QStringLiteral(SIGHTLINE_SCREENSHOT_DIR);
        QVERIFY(QDir().mkpath(dir));
        const QImage image = m_window->grab().toImage();
        QCOMPARE(image.size(), QSize(1360, 860));
        QVERIFY(image.save(QDir(dir).filePath(name)));
    }

private slots:
    void initTestCase()
    {
        testing::isolateSettings();
        testing::useEnglish();
        QVERIFY(m_dir.isValid());
        const QStringList extras = testing::writeIncidentExtras(m_dir.path());
        QCOMPARE(extras.size(), 2);
        const QString path = m_dir.filePath(QStringLiteral("acme-incident.sightline"));
        m_case = path;
        const QString error =
            testing::buildCase(path, QStringList{testing::sampleIncident()} + extras);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1360, 860);
        m_window->show();
        QVERIFY(testing::openAndWait(*m_window, path));
    }
    void cleanupTestCase() { m_window.reset(); }

    void summary()
    {
        m_window->navigate(Location::summary());
        save(QStringLiteral("summary.png"));
    }

    void finding()
    {
        m_window->navigate(Location::entity(EntityType::Finding,
                                            QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90")));
        QVERIFY(testing::waitIdle(*m_window));
        auto *page = qobject_cast<ui::FindingPage *>(m_window->currentPage());
        QVERIFY(page);
        QVERIFY(page->involvedModel()->rowCount() > 0);
        save(QStringLiteral("finding.png"));
        page->tabs()->setCurrentIndex(1);
        save(QStringLiteral("finding-raw.png"));
        page->tabs()->setCurrentIndex(0);
    }

    void findings()
    {
        m_window->navigate(Location::simple(Location::Page::Findings));
        save(QStringLiteral("findings.png"));
        m_window->navigate(Location::simple(Location::Page::Accounts));
        save(QStringLiteral("accounts.png"));
        m_window->navigate(Location::simple(Location::Page::Sources));
        save(QStringLiteral("sources.png"));
    }

    void mainPagesInJapanese()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::Japanese), QStringLiteral("sightline"),
                                QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&translator);
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1360, 860);
        m_window->show();
        QVERIFY(testing::openAndWait(*m_window, m_case));
        save(QStringLiteral("summary-ja.png"));
        m_window->navigate(Location::entity(EntityType::AwsUser, QStringLiteral("ci-deploy")));
        save(QStringLiteral("profile-user-ja.png"));
        m_window->navigate(
            Location::entity(EntityType::Ec2Instance, QStringLiteral("i-0a1b2c3d4e5f67890")));
        save(QStringLiteral("profile-instance-ja.png"));
        m_window->navigate(Location::entity(EntityType::Finding,
                                            QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90")));
        save(QStringLiteral("finding-ja.png"));
        m_window.reset();
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
