// Walks every file of the shared third-party corpus: each must either be imported with
// events (or flow records, or findings) or be listed as skipped with a reason. A file that
// is "imported" yet yields nothing, or skipped without a reason, fails the test.
#include "CaseFile.h"
#include "EventKind.h"
#include "Importer.h"

#include <QDir>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace sightline;

class TestCorpus : public QObject
{
    Q_OBJECT

private slots:
    void everyFileIsImportedOrSkippedWithAReason()
    {
        const QString root = QStringLiteral(SIGHTLINE_SHARED_DATA);
        if (!QDir(root).exists())
            QSKIP("shared test data not found");
        QTemporaryDir dir;
        auto c =
            CaseFile::openOrCreate(dir.filePath(QStringLiteral("corpus.sightline")).toStdString());
        QVERIFY(c);
        auto summary = importPaths(*c, {root.toStdString()});
        QVERIFY2(summary, summary ? "" : summary.error().detail.c_str());

        std::map<std::string, const ImportedFile *> byPath;
        for (const ImportedFile &f : summary->fileResults)
            byPath.emplace(f.path, &f);

        int files = 0, imported = 0, skipped = 0;
        QStringList problems;
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const std::string path = it.next().toStdString();
            ++files;
            auto found = byPath.find(path);
            if (found == byPath.end()) {
                problems << QStringLiteral("not reported: %1").arg(QString::fromStdString(path));
                continue;
            }
            const ImportedFile &f = *found->second;
            const auto status = static_cast<SourceStatus>(f.status);
            if (status == SourceStatus::Skipped || status == SourceStatus::Failed ||
                (status == SourceStatus::Damaged && f.records == 0)) {
                ++skipped;
                if (f.note.empty())
                    problems << QStringLiteral("skipped without a reason: %1")
                                    .arg(QString::fromStdString(path));
                continue;
            }
            ++imported;
            const bool gaveSomething = f.newEvents > 0 || f.duplicates > 0 || f.errors > 0 ||
                                       f.format == "archive" || !f.note.empty();
            if (!gaveSomething)
                problems << QStringLiteral("imported as %1 but gave nothing: %2")
                                .arg(QString::fromStdString(f.format),
                                     QString::fromStdString(path));
        }
        for (const QString &p : problems)
            qWarning("%s", qPrintable(p));
        qInfo(
            "%d files: %d imported, %d skipped with a reason; %lld new events, %lld flow records, "
            "%lld errors",
            files, imported, skipped, static_cast<long long>(summary->newEvents),
            static_cast<long long>(summary->flowRecords), static_cast<long long>(summary->errors));
        QVERIFY(files > 500);
        QVERIFY(imported > 100);
        QVERIFY(problems.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
