// How an import behaves over the same, overlapping, archived, truncated and cancelled
// evidence, on the Stratus Red Team samples (and copies of them made in the test).
#include "EventKind.h"
#include "FreshCaseFixture.h"
#include "ImportTestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <thread>
#include <tuple>

using namespace sightline;
using namespace sightline::test;

namespace {

constexpr int kImported = static_cast<int>(SourceStatus::Imported);
constexpr int kSkipped = static_cast<int>(SourceStatus::Skipped);
constexpr int kDamaged = static_cast<int>(SourceStatus::Damaged);

const QString kStratus = QStringLiteral("cloudtrail/stratus-red-team");
const QString kSteal = QStringLiteral("aws.credential-access.ec2-steal-instance-credentials.json");

// Three small samples (1 + 3 + 2 records) used for the archive tests.
const char *const kArchiveMembers[] = {
    "aws.defense-evasion.cloudtrail-stop.json",
    "aws.persistence.iam-create-admin-user.json",
    "aws.persistence.sts-federation-token.json",
};

// Cancels the import as soon as it has reported progress once. Until then it answers slowly
// (1 ms), so that the import is still running at its first report (the importer reports at
// most every 100 ms) however fast the machine.
class CancelAfterFirstProgress final : public ImportSink
{
public:
    void progress(const ImportProgress &) override { ++m_calls; }
    bool cancelled() override
    {
        if (m_calls.load() > 0)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return false;
    }
    int calls() const { return m_calls.load(); }

private:
    std::atomic<int> m_calls{0};
};

// What an event is, independent of which file or case it came from.
using EventFacts = std::tuple<int64_t, std::string, std::string, std::string, int>;

std::vector<EventFacts> facts(CaseProbe &probe)
{
    std::vector<EventFacts> out;
    for (const test::EventRow &e : probe.events())
        out.emplace_back(e.time, e.name, e.service, e.region, e.kind);
    std::sort(out.begin(), out.end());
    return out;
}

// All the Stratus records, one compact JSON object per line.
QByteArray stratusAsJsonLines(int &records)
{
    QByteArray out;
    records = 0;
    const QDir dir(QString::fromStdString(samplePath(kStratus)));
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QJsonArray a = QJsonDocument::fromJson(readFile(dir.filePath(name))).array();
        for (const QJsonValue &v : a) {
            out += QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact) + '\n';
            ++records;
        }
    }
    return out;
}

bool run(const QString &program, const QStringList &args, const QString &workDir)
{
    QProcess p;
    p.setWorkingDirectory(workDir);
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return false;
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

class TestImportBehaviour : public FreshCaseFixture
{
    Q_OBJECT

private:
    // Copies the archive members into <tmp>/<folder>/logs/.
    bool stageMembers(const QString &folder)
    {
        const QString logs = m_dir->filePath(folder + QStringLiteral("/logs"));
        if (!QDir().mkpath(logs))
            return false;
        for (const char *m : kArchiveMembers) {
            const QString name = QString::fromLatin1(m);
            if (!QFile::copy(QString::fromStdString(samplePath(kStratus + QLatin1Char('/') + name)),
                             logs + QLatin1Char('/') + name))
                return false;
        }
        return true;
    }

private slots:
    void init() { QVERIFY(freshDir()); }
    void cleanup() { dropDir(); }

    // Importing the same folder again adds nothing: every file is recognised by its SHA-256
    // and skipped, and not one row of the case changes.
    void reimportAddsNothing()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(newCase());
        const std::string folder = samplePath(kStratus);
        const auto first = runImport(*m_case, {folder});
        QVERIFY(first);
        QCOMPARE(first->newEvents, 310);
        const CaseSnapshot before = snapshot(*m_case);

        const auto again = runImport(*m_case, {folder});
        QVERIFY(again);
        QCOMPARE(again->newEvents, 0);
        QCOMPARE(again->records, 0);
        QCOMPARE(again->files, 0);
        QCOMPARE(again->skipped, 35);
        QCOMPARE(again->fileResults.size(), size_t(35));
        for (const ImportedFile &f : again->fileResults) {
            QCOMPARE(f.status, kSkipped);
            QVERIFY2(contains(f.note, "already") && contains(f.note, "SHA-256"), f.note.c_str());
        }
        const CaseSnapshot after = snapshot(*m_case);
        QVERIFY2(before == after, qPrintable(describeDifference(before, after)));

        // The same bytes under another name are the same evidence.
        const QString copy = m_dir->filePath(QStringLiteral("renamed.json"));
        QVERIFY(QFile::copy(QString::fromStdString(folder + "/" + toStd(kSteal)), copy));
        const auto renamed = runImport(*m_case, {toStd(copy)});
        QVERIFY(renamed);
        QCOMPARE(renamed->skipped, 1);
        QVERIFY(contains(renamed->fileResults.at(0).note, "already"));
        const CaseSnapshot afterCopy = snapshot(*m_case);
        QVERIFY2(before == afterCopy, qPrintable(describeDifference(before, afterCopy)));
    }

    // A case written before schema 3 keeps its keys in event_keys (without hours): records
    // imported again are still known. Simulated by moving the keys of a fresh case there.
    void keysOfEarlierCasesStillCount()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(newCase());
        const QString original =
            QString::fromStdString(samplePath(kStratus + QLatin1Char('/') + kSteal));
        QVERIFY(runImport(*m_case, {toStd(original)}));
        CaseProbe probe(*m_case);
        QCOMPARE(probe.scalar("SELECT count(*) FROM event_keys_by_hour"), 45);
        QVERIFY(m_case->db().exec("INSERT INTO event_keys(k) SELECT k FROM event_keys_by_hour; "
                                  "DELETE FROM event_keys_by_hour"));
        const QString gz = m_dir->filePath(QStringLiteral("steal.json.gz"));
        QVERIFY(writeFile(gz, gzip(readFile(original))));
        const auto s = runImport(*m_case, {toStd(gz)});
        QVERIFY(s);
        QCOMPARE(s->records, 45);
        QCOMPARE(s->duplicates, 45);
        QCOMPARE(s->newEvents, 0);
        QCOMPARE(probe.scalar("SELECT count(*) FROM events"), 45);
    }

    // The same 45 records delivered again in other files (gzip, JSON lines): each is counted
    // as a duplicate and the case gains only the two source rows.
    void overlappingEvidenceAddsNoEvents()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(newCase());
        const QString original =
            QString::fromStdString(samplePath(kStratus + QLatin1Char('/') + kSteal));
        QVERIFY(runImport(*m_case, {toStd(original)}));
        const CaseSnapshot before = snapshot(*m_case);

        const QByteArray bytes = readFile(original);
        const QString gz = m_dir->filePath(QStringLiteral("steal.json.gz"));
        QVERIFY(writeFile(gz, gzip(bytes)));
        QByteArray lines;
        for (const QJsonValue &v : QJsonDocument::fromJson(bytes).array())
            lines += QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact) + '\n';
        const QString jsonl = m_dir->filePath(QStringLiteral("steal.jsonl"));
        QVERIFY(writeFile(jsonl, lines));

        const auto s = runImport(*m_case, {toStd(gz), toStd(jsonl)});
        QVERIFY(s);
        QCOMPARE(s->files, 2);
        QCOMPARE(s->records, 90);
        QCOMPARE(s->newEvents, 0);
        QCOMPARE(s->duplicates, 90);
        CaseProbe probe(*m_case);
        for (const QString &p : {gz, jsonl}) {
            const auto src = probe.source(toStd(p));
            QVERIFY(src);
            QCOMPARE(src->status, kImported);
            QCOMPARE(src->records, 45);
            QCOMPARE(src->duplicates, 45);
            QCOMPARE(src->newEvents, 0);
        }
        const CaseSnapshot after = snapshot(*m_case);
        for (const char *table :
             {"events", "event_keys", "event_keys_by_hour", "entities", "edges", "agg_hour",
              "agg_total", "entity_events", "entity_events_by_run", "strings", "import_errors"}) {
            QVERIFY2(before.at(table) == after.at(table), table);
        }
        QCOMPARE(after.at("sources").rows, before.at("sources").rows + 2);
        // Raw records are kept for events; duplicates leave no unreachable raw bytes behind.
        QCOMPARE(probe.scalar("SELECT count(*) FROM raw_blocks WHERE id NOT IN "
                              "(SELECT raw_block FROM events)"),
                 0);
    }

    void archive_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("zip") << QStringLiteral("zip");
        QTest::newRow("tar") << QStringLiteral("tar");
        QTest::newRow("tar.gz") << QStringLiteral("tar.gz");
    }

    // An archive's members are imported like the loose files, named "archive!/member".
    void archive()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QFETCH(QString, kind);
        QVERIFY(stageMembers(QStringLiteral("staged")));
        const QString staged = m_dir->filePath(QStringLiteral("staged"));
        const QString archive = m_dir->filePath(QStringLiteral("evidence.") + kind);
        if (kind == QLatin1String("zip")) {
            const QString zip = QStandardPaths::findExecutable(QStringLiteral("zip"));
            const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
            if (!zip.isEmpty())
                QVERIFY(run(
                    zip,
                    {QStringLiteral("-q"), QStringLiteral("-r"), archive, QStringLiteral("logs")},
                    staged));
            else if (!python.isEmpty())
                QVERIFY(run(python,
                            {QStringLiteral("-m"), QStringLiteral("zipfile"), QStringLiteral("-c"),
                             archive, QStringLiteral("logs")},
                            staged));
            else
                QSKIP("neither zip nor python3 is installed to build a .zip");
        } else {
            const QString tar = QStandardPaths::findExecutable(QStringLiteral("tar"));
            if (tar.isEmpty())
                QSKIP("tar is not installed");
            QVERIFY(
                run(tar,
                    {kind == QLatin1String("tar") ? QStringLiteral("-cf") : QStringLiteral("-czf"),
                     archive, QStringLiteral("logs")},
                    staged));
        }

        QVERIFY(newCase());
        const auto s = runImport(*m_case, {toStd(archive)});
        QVERIFY(s);
        QCOMPARE(s->files, 3); // the members, not the archive
        QCOMPARE(s->records, 6);
        QCOMPARE(s->newEvents, 6);
        QCOMPARE(s->errors, 0);
        CaseProbe probe(*m_case);
        const auto container = probe.source(toStd(archive));
        QVERIFY(container);
        QCOMPARE(container->format, std::string("archive"));
        QCOMPARE(container->status, kImported);
        QCOMPARE(container->sha256, toStd(QString::fromLatin1(sha256OfFile(archive))));
        const int records[] = {1, 3, 2};
        for (size_t i = 0; i < std::size(kArchiveMembers); ++i) {
            const std::string member = toStd(archive) + "!/logs/" + kArchiveMembers[i];
            const auto src = probe.source(member);
            QVERIFY2(src, member.c_str());
            QCOMPARE(src->format, std::string("cloudtrail"));
            QCOMPARE(src->status, kImported);
            QCOMPARE(src->records, records[i]);
            QCOMPARE(src->newEvents, records[i]);
            // A member's SHA-256 is that of its own bytes.
            const QString loose =
                staged + QStringLiteral("/logs/") + QLatin1String(kArchiveMembers[i]);
            QCOMPARE(src->sha256, toStd(QString::fromLatin1(sha256OfFile(loose))));
        }
        const std::vector<EventFacts> fromArchive = facts(probe);

        // The same events as the loose files.
        QVERIFY(newCase());
        QVERIFY(runImport(*m_case, {toStd(staged)}));
        CaseProbe loose(*m_case);
        QCOMPARE(fromArchive, facts(loose));
    }

    void truncatedGzip_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::newRow("json-lines") << QStringLiteral("jsonl");
        QTest::newRow("records-array") << QStringLiteral("array");
    }

    // A .gz cut in the middle keeps every record decoded before the cut, and says so.
    void truncatedGzip()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QFETCH(QString, shape);
        QByteArray plain;
        int total = 0;
        if (shape == QLatin1String("jsonl")) {
            plain = stratusAsJsonLines(total);
            QCOMPARE(total, 310);
        } else {
            plain =
                readFile(QString::fromStdString(samplePath(kStratus + QLatin1Char('/') + kSteal)));
            total = 45;
        }
        const QByteArray whole = gzip(plain);
        const QByteArray cut = whole.left(whole.size() / 2);
        const QString path = m_dir->filePath(QStringLiteral("cut.json.gz"));
        QVERIFY(writeFile(path, cut));
        // The records complete in what zlib can decode from the first half.
        const QByteArray prefix = gunzipPrefix(cut);
        QVERIFY(prefix.size() > 0 && prefix.size() < plain.size());
        QVERIFY(plain.startsWith(prefix));
        const int complete = shape == QLatin1String("jsonl")
                                 ? static_cast<int>(prefix.count('\n'))
                                 : static_cast<int>(prefix.count("\n   }")); // 3-space indent
        QVERIFY(complete > 0 && complete < total);

        QVERIFY(newCase());
        const auto s = runImport(*m_case, {toStd(path)});
        QVERIFY(s);
        CaseProbe probe(*m_case);
        const auto src = probe.source(toStd(path));
        QVERIFY(src);
        QCOMPARE(src->status, kDamaged);
        QCOMPARE(src->records, complete);
        QCOMPARE(src->newEvents, complete);
        QVERIFY2(contains(src->note, "truncated"), src->note.c_str());
        QVERIFY(src->errors >= 1);
        bool named = false;
        for (const ErrorRow &e : probe.errors(src->id))
            named = named || contains(e.reason, "truncated");
        QVERIFY2(named, "no error mentions the truncation");
        QCOMPARE(probe.scalar("SELECT count(*) FROM events"), complete);
    }

    // Cancelled after the first progress report: the case is exactly as it was before, and a
    // later import of the same evidence imports all of it.
    void cancelLeavesCaseUntouched()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        // 8 copies of the 35 Stratus files with their eventIDs made unique: 280 files.
        const QDir stratus(QString::fromStdString(samplePath(kStratus)));
        const QString bulk = m_dir->filePath(QStringLiteral("bulk"));
        QVERIFY(QDir().mkpath(bulk));
        const QStringList names = stratus.entryList({QStringLiteral("*.json")}, QDir::Files);
        for (const QString &name : names) {
            const QByteArray bytes = readFile(stratus.filePath(name));
            for (int copy = 0; copy < 8; ++copy) {
                QByteArray b = bytes;
                b.replace("\"eventID\": \"",
                          "\"eventID\": \"copy" + QByteArray::number(copy) + '-');
                QVERIFY(writeFile(bulk + QStringLiteral("/%1-%2").arg(copy).arg(name), b));
            }
        }
        QVERIFY(newCase());
        QVERIFY(runImport(*m_case,
                          {samplePath(kStratus + QStringLiteral("/aws.persistence.sts-federation-"
                                                                "token.json"))}));
        const CaseSnapshot before = snapshot(*m_case);

        CancelAfterFirstProgress sink;
        const auto s = runImport(*m_case, {toStd(bulk)}, &sink);
        QVERIFY(s);
        QVERIFY2(sink.calls() > 0, "no progress was reported");
        QVERIFY2(s->cancelled, "the import ended before it saw the cancellation");
        QVERIFY2(s->fileResults.size() < size_t(280), "the cancelled import read every file");
        const CaseSnapshot after = snapshot(*m_case);
        QVERIFY2(before == after, qPrintable(describeDifference(before, after)));

        const auto full = runImport(*m_case, {toStd(bulk)});
        QVERIFY(full);
        QVERIFY(!full->cancelled);
        QCOMPARE(full->files, 280);
        QCOMPARE(full->newEvents, 8 * 310);
        QCOMPARE(full->skipped, 0);
    }
};

QTEST_GUILESS_MAIN(TestImportBehaviour)
#include "tst_import_behaviour.moc"
