// The import dialog and the Sources page on copies of real samples: importing a folder into
// the open case reports what importPaths reports for the same folder, a bad line shows in
// the report with its file and line, the report saves as text, Cancel leaves a readable case,
// and "Verify Evidence" finds a modified and a deleted copy of imported files.
#include "GuiTestSupport.h"
#include "Roles.h"
#include "dialogs/ImportDialog.h"
#include "models/Format.h"
#include "pages/SourcesPage.h"
#include "queries/CaseInfo.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

#include <memory>

using namespace sightline;
using namespace sightline::ui;

namespace {

bool copyFile(const QString &from, const QString &to)
{
    QDir().mkpath(QFileInfo(to).absolutePath());
    return QFile::copy(from, to);
}

// Evidence folder: GuardDuty, Security Hub and CloudTrail samples, a GuardDuty file with a
// broken third line, and a file that is no evidence.
bool makeEvidence(const QString &dir)
{
    const QString gd =
        testing::sharedData(QStringLiteral("guardduty/elastic-integrations/test-guardduty.log"));
    bool ok = copyFile(testing::sharedData(
                           QStringLiteral("guardduty/steveyttt-sam-eventbridge/guardduty.json")),
                       dir + QStringLiteral("/gd/eventbridge.json")) &&
              copyFile(testing::sharedData(
                           QStringLiteral("securityhub-asff/asr-simdata/afsbp-ec2.7.json")),
                       dir + QStringLiteral("/sh/afsbp-ec2.7.json")) &&
              copyFile(testing::sharedData(QStringLiteral(
                           "cloudtrail/stratus-red-team/"
                           "aws.credential-access.ec2-steal-instance-credentials.json")),
                       dir + QStringLiteral("/ct/steal.json"));
    QFile in(gd);
    if (!ok || !in.open(QIODevice::ReadOnly))
        return false;
    QList<QByteArray> lines = in.readAll().split('\n');
    lines.insert(2, QByteArrayLiteral("{\"schemaVersion\":\"2.0\",\"accountId\": broken"));
    QFile bad(dir + QStringLiteral("/gd/bad-line-3.jsonl"));
    QFile notes(dir + QStringLiteral("/notes.txt"));
    if (!bad.open(QIODevice::WriteOnly) || !notes.open(QIODevice::WriteOnly))
        return false;
    bad.write(lines.join('\n'));
    notes.write("Collected by the responder on 2026-10-14. Not evidence.\n");
    return true;
}

} // namespace

class TestSourcesImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_evidence;
    std::unique_ptr<MainWindow> m_window;

    // Runs the dialog to its end.
    bool runImport(ImportDialog &dialog)
    {
        if (!dialog.isRunning())
            return dialog.summary().has_value() || !dialog.failure().isEmpty() ||
                   dialog.wasCancelled();
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        return finished.wait(60000);
    }

private slots:
    void initTestCase();
    void cleanupTestCase() { m_window.reset(); }
    void importFolderReportsLikeImportPaths();
    void sourcesPageListsFilesAndErrors();
    void verifyEvidenceFindsChanges();
    void cancelKeepsCaseReadable();
};

void TestSourcesImport::initTestCase()
{
    testing::isolateSettings();
    QVERIFY(m_dir.isValid());
    m_evidence = m_dir.filePath(QStringLiteral("evidence"));
    QVERIFY(makeEvidence(m_evidence));
    const QString path = m_dir.filePath(QStringLiteral("gui.sightline"));
    QVERIFY(CaseFile::openOrCreate(path.toStdString()).ok());
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(testing::openAndWait(*m_window, path));
}

void TestSourcesImport::importFolderReportsLikeImportPaths()
{
    // The same folder through importPaths, for the expected counts.
    const QString reference = m_dir.filePath(QStringLiteral("reference.sightline"));
    auto c = CaseFile::openOrCreate(reference.toStdString());
    QVERIFY(c.ok());
    auto expected = importPaths(*c, {m_evidence.toStdString()});
    QVERIFY(expected.ok());
    QVERIFY(expected->errors > 0);
    QVERIFY(expected->skipped > 0);

    CaseContext &context = m_window->context();
    QSignalSpy dataChanged(&context, &CaseContext::caseDataChanged);
    ImportDialog dialog(context, {m_evidence}, m_window.get());
    QVERIFY(runImport(dialog));
    QVERIFY2(dialog.failure().isEmpty(), qPrintable(dialog.failure()));
    QVERIFY(dialog.summary().has_value());
    const ImportSummary &s = *dialog.summary();
    QVERIFY(!s.cancelled);
    QCOMPARE(s.files, expected->files);
    QCOMPARE(s.records, expected->records);
    QCOMPARE(s.newEvents, expected->newEvents);
    QCOMPARE(s.duplicates, expected->duplicates);
    QCOMPARE(s.errors, expected->errors);
    QCOMPARE(s.skipped, expected->skipped);
    QCOMPARE(dialog.filesTable()->rowCount(), int(expected->fileResults.size()));
    QCOMPARE(dataChanged.count(), 1);
    QVERIFY(context.caseTo() > context.caseFrom());

    // The bad line is reported with its file and line, in the table and the report.
    bool found = false;
    for (int r = 0; r < dialog.errorsTable()->rowCount(); ++r) {
        if (dialog.errorsTable()->item(r, 0)->text().endsWith(QLatin1String("bad-line-3.jsonl")) &&
            dialog.errorsTable()->item(r, 1)->text() == QLatin1String("line 3"))
            found = true;
    }
    QVERIFY(found);
    const QString report = dialog.reportText();
    QVERIFY(report.contains(QLatin1String("bad-line-3.jsonl, line 3: ")));
    QVERIFY(report.contains(QLatin1String("notes.txt: "))); // skipped, with its reason
    QVERIFY(dialog.resultLabel()->text().contains(countText(s.newEvents)) ||
            dialog.resultLabel()->text().contains(QString::number(s.newEvents)));
    const QString saved = m_dir.filePath(QStringLiteral("report.txt"));
    QString error;
    QVERIFY2(dialog.saveReport(saved, &error), qPrintable(error));
    QFile file(saved);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), report);

    // Importing the same folder again adds nothing.
    ImportDialog again(context, {m_evidence}, m_window.get());
    QVERIFY(runImport(again));
    QVERIFY(again.summary().has_value());
    QCOMPARE(again.summary()->newEvents, 0);
}

void TestSourcesImport::sourcesPageListsFilesAndErrors()
{
    m_window->navigate(Location::simple(Location::Page::Sources));
    QVERIFY(testing::waitIdle(*m_window));
    auto *page = qobject_cast<SourcesPage *>(m_window->currentPage());
    QVERIFY(page);
    QAbstractItemModelTester sourcesTester(page->sourcesModel());
    QAbstractItemModelTester errorsTester(page->errorsModel());
    auto file = CaseFile::open(m_window->context().casePath().toStdString());
    QVERIFY(file.ok());
    auto info = CaseInfo(file->db()).read(1000);
    QVERIFY(info.ok());
    QCOMPARE(page->sourcesModel()->rowCount(), int(info->sources.size()));
    QCOMPARE(page->errorsModel()->rowCount(), int(info->firstErrors.size()));
    bool lineShown = false;
    for (int r = 0; r < page->errorsModel()->rowCount(); ++r) {
        if (page->errorsModel()->index(r, 0).data().toString().endsWith(
                QLatin1String("bad-line-3.jsonl")) &&
            page->errorsModel()->index(r, 1).data(SortRole).toLongLong() == 3)
            lineShown = true;
    }
    QVERIFY(lineShown);
    // SHA-256 column holds the digests.
    const int shaColumn = page->sourcesModel()->columnCount() - 1;
    QCOMPARE(page->sourcesModel()->index(0, shaColumn).data().toString().size(), 64);
}

void TestSourcesImport::verifyEvidenceFindsChanges()
{
    auto *page = qobject_cast<SourcesPage *>(m_window->page(Location::Page::Sources));
    QVERIFY(page);
    const QString changed = m_evidence + QStringLiteral("/sh/afsbp-ec2.7.json");
    const QString missing = m_evidence + QStringLiteral("/ct/steal.json");
    const QString untouched = m_evidence + QStringLiteral("/gd/eventbridge.json");
    {
        QFile f(changed);
        QVERIFY(f.open(QIODevice::Append));
        f.write(" ");
    }
    QVERIFY(QFile::remove(missing));

    QSignalSpy done(page, &SourcesPage::verificationFinished);
    page->verifyEvidence();
    QVERIFY(page->isVerifying() || done.count() == 1);
    QVERIFY(done.count() == 1 || done.wait(30000));
    QCOMPARE(page->outcome(changed).state, EvidenceState::Changed);
    QCOMPARE(page->outcome(missing).state, EvidenceState::Missing);
    QCOMPARE(page->outcome(untouched).state, EvidenceState::Unchanged);
    QVERIFY(page->verifySummary()->text().contains(QLatin1String("1 changed, 1 missing")));
}

void TestSourcesImport::cancelKeepsCaseReadable()
{
    const QString path = m_dir.filePath(QStringLiteral("cancel.sightline"));
    QVERIFY(CaseFile::openOrCreate(path.toStdString()).ok());
    QVERIFY(testing::openAndWait(*m_window, path));
    ImportDialog dialog(
        m_window->context(),
        {testing::sampleIncident(), testing::sharedData(QStringLiteral("cloudtrail"))},
        m_window.get());
    QVERIFY(dialog.isRunning());
    dialog.cancel();
    QVERIFY(runImport(dialog));
    QVERIFY(dialog.wasCancelled());
    QVERIFY(dialog.failure().isEmpty());
    QVERIFY(dialog.reportText().contains(QLatin1String("cancelled")));
    // The case opens and reads as of its last committed batch.
    auto file = CaseFile::open(path.toStdString());
    QVERIFY(file.ok());
    auto info = CaseInfo(file->db()).read(0);
    QVERIFY(info.ok());
    QVERIFY(info->events < 4500);
    QVERIFY(testing::waitIdle(*m_window));
}

QTEST_MAIN(TestSourcesImport)
#include "tst_sources_import.moc"
