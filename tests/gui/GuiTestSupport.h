#pragma once
// Shared by the GUI suites: builds a case with the real importer from ../shared/data (or the
// bundled sample incident), and waits for a window's queries to finish.
#include "CaseFile.h"
#include "Importer.h"
#include "MainWindow.h"
#include "core/Translations.h"
#include "pages/Page.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

#include <string>
#include <vector>

namespace sightline::testing {

inline QString sharedData(const QString &relative)
{
    return QStringLiteral(SIGHTLINE_SHARED_DATA) + QLatin1Char('/') + relative;
}

inline QString sampleIncident()
{
    return QStringLiteral(SIGHTLINE_SOURCE_DIR "/resources/sample-incident");
}

// Imports inputs into a new case at path; returns an empty string on success or the error.
inline QString buildCase(const QString &path, const QStringList &inputs)
{
    auto c = CaseFile::openOrCreate(path.toStdString());
    if (!c.ok())
        return QString::fromStdString(c.error().detail);
    std::vector<std::string> paths;
    for (const QString &input : inputs)
        paths.push_back(input.toStdString());
    auto summary = importPaths(*c, paths);
    if (!summary.ok())
        return QString::fromStdString(summary.error().detail);
    return {};
}

// English as the window shows it: the plural forms of translations/sightline_en.ts ("1 node",
// "2 nodes"), installed for the rest of the test program.
inline void useEnglish()
{
    static QTranslator app, qt;
    QVERIFY(sightline::ui::installTranslators(QLocale(QLocale::English), app, qt));
}

// Keeps test runs from reading or writing the user's settings (recent cases, language).
inline void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SightlineTests"));
    QCoreApplication::setApplicationName(QStringLiteral("SightlineTests"));
    QSettings().clear();
}

// Processes events until the runner has no job left and the current page is not loading.
inline bool waitIdle(ui::MainWindow &window, int timeoutMs = 20000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        window.context().runner().waitForIdle();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        ui::Page *page = window.currentPage();
        if (window.context().runner().pool().activeThreadCount() == 0 &&
            (!page || !page->isLoading()))
            return true;
        QTest::qWait(10);
    }
    return false;
}

// Opens a case in the window and waits until it is shown.
inline bool openAndWait(ui::MainWindow &window, const QString &path)
{
    bool opened = false, failed = false;
    auto c1 = QObject::connect(&window, &ui::MainWindow::caseOpened, [&] { opened = true; });
    auto c2 = QObject::connect(&window, &ui::MainWindow::caseOpenFailed, [&] { failed = true; });
    window.openCase(path);
    const bool done = QTest::qWaitFor([&] { return opened || failed; }, 20000);
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    return done && opened && waitIdle(window);
}

} // namespace sightline::testing
