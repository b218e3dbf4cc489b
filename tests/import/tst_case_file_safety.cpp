// Opening a file that is not a Sightline case, or a case from a newer Sightline, is refused
// with the right error code, and the file's bytes are left exactly as they were.
#include "Database.h"
#include "ImportTestSupport.h"
#include "Schema.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace sightline;
using namespace sightline::test;

namespace {

enum class How
{
    ReadOnly,
    ReadWrite,
    OpenOrCreate
};

Result<CaseFile> openAs(const std::string &path, How how)
{
    switch (how) {
    case How::ReadOnly:
        return CaseFile::open(path, CaseFile::Access::ReadOnly);
    case How::ReadWrite:
        return CaseFile::open(path, CaseFile::Access::ReadWrite);
    case How::OpenOrCreate:
        break;
    }
    return CaseFile::openOrCreate(path);
}

bool sqlite(const QString &path, const char *sql)
{
    auto db = Database::open(toStd(path), Database::Mode::Create);
    return db && db->exec(sql).ok();
}

// A real case with some events in it (a sound record written here, so that the suite does not
// depend on the shared samples).
bool makeCase(const QString &path, const QString &dir)
{
    const QString evidence = dir + QStringLiteral("/one.json");
    const QByteArray rec =
        "{\"Records\":[{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\","
        "\"principalId\":\"AIDASAFETY\",\"accountId\":\"111122223333\",\"userName\":\"safe\"},"
        "\"eventTime\":\"2024-05-01T10:00:00Z\",\"eventSource\":\"s3.amazonaws.com\","
        "\"eventName\":\"ListBuckets\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":"
        "\"198.51.100.9\",\"eventID\":\"6c1f0b0e-safety\"}]}";
    if (!writeFile(evidence, rec))
        return false;
    auto c = CaseFile::openOrCreate(toStd(path));
    if (!c)
        return false;
    auto s = runImport(*c, {toStd(evidence)});
    return s && s->newEvents == 1;
}

} // namespace

Q_DECLARE_METATYPE(How)

class TestCaseFileSafety : public QObject
{
    Q_OBJECT

private:
    std::optional<QTemporaryDir> m_dir;

    // Builds the file of the given kind; returns its path ("" on failure).
    QString makeFile(const QString &kind)
    {
        const QString path = m_dir->filePath(kind + QStringLiteral(".sightline"));
        if (kind == QLatin1String("text")) {
            return writeFile(path, QByteArray("this is not a database\n").repeated(200))
                       ? path
                       : QString();
        }
        if (kind == QLatin1String("binary")) {
            QByteArray b(16384, '\0');
            QRandomGenerator rng(7);
            for (qsizetype i = 0; i < b.size(); ++i)
                b[i] = static_cast<char>(rng.bounded(256));
            return writeFile(path, b) ? path : QString();
        }
        if (kind == QLatin1String("sqlite-header-garbage")) {
            QByteArray b("SQLite format 3", 16);
            b += QByteArray(8192 - 16, '\x5a');
            return writeFile(path, b) ? path : QString();
        }
        if (kind == QLatin1String("foreign-sqlite")) {
            return sqlite(path, "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT);"
                                "INSERT INTO notes(text) VALUES('mine');")
                       ? path
                       : QString();
        }
        if (kind == QLatin1String("foreign-application")) {
            // A case whose application_id says another program owns it.
            if (!makeCase(path, m_dir->path()))
                return {};
            return sqlite(path, "PRAGMA application_id = 1234") ? path : QString();
        }
        if (kind == QLatin1String("newer-version")) {
            const QString original = m_dir->filePath(QStringLiteral("original.sightline"));
            if (!makeCase(original, m_dir->path()) || !QFile::copy(original, path))
                return {};
            return sqlite(path, "PRAGMA user_version = 99") ? path : QString();
        }
        return {};
    }

private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }

    void cleanup() { m_dir.reset(); }

    void refused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<How>("how");
        QTest::addColumn<int>("code");
        const struct
        {
            const char *kind;
            ErrorCode code;
        } kinds[] = {
            {"text", ErrorCode::NotACase},
            {"binary", ErrorCode::NotACase},
            {"sqlite-header-garbage", ErrorCode::NotACase},
            {"foreign-sqlite", ErrorCode::NotACase},
            {"foreign-application", ErrorCode::NotACase},
            {"newer-version", ErrorCode::NewerVersion},
        };
        const struct
        {
            const char *name;
            How how;
        } hows[] = {{"read-only", How::ReadOnly},
                    {"read-write", How::ReadWrite},
                    {"open-or-create", How::OpenOrCreate}};
        for (const auto &k : kinds) {
            for (const auto &h : hows)
                QTest::addRow("%s/%s", k.kind, h.name)
                    << QString::fromLatin1(k.kind) << h.how << static_cast<int>(k.code);
        }
    }

    void refused()
    {
        QFETCH(QString, kind);
        QFETCH(How, how);
        QFETCH(int, code);
        const QString path = makeFile(kind);
        QVERIFY2(!path.isEmpty(), "cannot build the test file");
        const QByteArray before = readFile(path);
        const QByteArray shaBefore = sha256OfFile(path);
        QVERIFY(!before.isEmpty());
        {
            auto c = openAs(toStd(path), how);
            QVERIFY2(!c.ok(), "the file was accepted as a case");
            QCOMPARE(static_cast<int>(c.error().code), code);
            QVERIFY(!c.error().detail.empty());
            if (code == static_cast<int>(ErrorCode::NewerVersion))
                QVERIFY2(contains(c.error().detail, "99"), c.error().detail.c_str());
        }
        QCOMPARE(sha256OfFile(path), shaBefore);
        QCOMPARE(readFile(path), before);
        // Refused again the same way: the first attempt changed nothing.
        auto again = openAs(toStd(path), how);
        QVERIFY(!again.ok());
        QCOMPARE(static_cast<int>(again.error().code), code);
    }

    // The original of the "newer" copy still opens: making the copy did not harm it.
    void realCaseOpens()
    {
        const QString path = m_dir->filePath(QStringLiteral("real.sightline"));
        QVERIFY(makeCase(path, m_dir->path()));
        auto c = CaseFile::open(toStd(path), CaseFile::Access::ReadOnly);
        QVERIFY2(c.ok(), c.ok() ? "" : c.error().detail.c_str());
        CaseProbe probe(*c);
        QCOMPARE(probe.scalar("SELECT count(*) FROM events"), 1);
        QCOMPARE(probe.scalar("PRAGMA user_version"), schema::kCurrentVersion);
    }

    void missingFile()
    {
        const std::string path = toStd(m_dir->filePath(QStringLiteral("absent.sightline")));
        auto ro = CaseFile::open(path, CaseFile::Access::ReadOnly);
        QVERIFY(!ro.ok());
        QCOMPARE(ro.error().code, ErrorCode::CannotOpen);
        QVERIFY(!QFile::exists(QString::fromStdString(path)));
        auto noDir = CaseFile::openOrCreate(
            toStd(m_dir->filePath(QStringLiteral("no/such/folder/case.sightline"))));
        QVERIFY(!noDir.ok());
        QCOMPARE(noDir.error().code, ErrorCode::CannotOpen);
    }
};

QTEST_GUILESS_MAIN(TestCaseFileSafety)
#include "tst_case_file_safety.moc"
