// Posting lists are read wherever a case keeps them: entity_events (cases written before
// schema 4), runs of entity_events_by_run (since), or both. The case is the bundled sample
// incident, imported a dozen files at a time so that its entities have pieces in many
// flushes; its answers must not change when the pieces move between layouts and runs.
#include "CaseFile.h"
#include "Importer.h"
#include "Schema.h"
#include "Statement.h"
#include "queries/EntityActivity.h"
#include "queries/EntityProfile.h"
#include "queries/EventQuery.h"
#include "queries/HourEvents.h"
#include "queries/PostingLists.h"
#include "queries/Timeline.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace sightline;

namespace {

QString numbers(const QString &head, const std::vector<int64_t> &values)
{
    QString line = head;
    for (int64_t v : values)
        line += QLatin1Char(' ') + QString::number(v);
    return line;
}

// What the posting lists answer, entity by entity, as text: the active hours, the ids of each
// hour (and how many events HourEvents reads there), the first and last hour, the timeline's
// events per hour, the events an entity query lists, and the first / last seen of a profile
// whose range cuts the entity's activity. An error makes it nullopt.
std::optional<QStringList> postingAnswers(CaseFile &c)
{
    std::vector<int64_t> entities;
    Statement st(c.db(), "SELECT id FROM entities ORDER BY id");
    while (st.step())
        entities.push_back(st.int64(0));
    EntityActivity activity(c.db());
    PostingLists lists(c.db());
    HourEvents hourEvents(c.db());
    Timeline timeline(c.db());
    EntityProfile profile(c.db());
    EventQuery query(c.db());
    QStringList out;
    for (const int64_t e : entities) {
        const QString id = QString::number(e);
        std::vector<int64_t> hours;
        if (!activity.hours(e, TimeRange{}, hours))
            return std::nullopt;
        out << numbers(id + QStringLiteral(" hours"), hours);
        for (const int64_t h : hours) {
            std::vector<int64_t> ids;
            auto brief = hourEvents.read(e, h);
            if (!activity.hourIds(e, h, ids) || !brief)
                return std::nullopt;
            out << numbers(QStringLiteral("%1 %2 ids").arg(id).arg(h), ids) +
                       QStringLiteral(" read %1").arg(brief->has_value() ? (*brief)->size() : -1);
        }
        auto span = lists.span(e, INT64_MIN, INT64_MAX);
        auto t = timeline.load(e, TimelineBucket::Hour);
        EventFilter f;
        f.entities = {e};
        f.limit = 0;
        auto page = query.run(f);
        if (!span || !t || !page)
            return std::nullopt;
        if (span->has_value())
            out << QStringLiteral("%1 span %2 %3").arg(id).arg((*span)->first).arg((*span)->second);
        std::vector<int64_t> perHour, listed;
        for (const TimelinePoint &p : t->points)
            perHour.insert(perHour.end(), {p.start, p.events});
        for (const EventRecord &r : page->events)
            listed.push_back(r.id);
        out << numbers(id + QStringLiteral(" timeline"), perHour)
            << numbers(id + QStringLiteral(" events"), listed);
        if (hours.size() >= 2) {
            TimeRange cut;
            cut.from = hours.front() * 3600000 + 1;
            cut.to = hours.back() * 3600000 + 3599999;
            auto p = profile.load(e, cut);
            if (!p)
                return std::nullopt;
            out << QStringLiteral("%1 seen %2 %3 %4")
                       .arg(id)
                       .arg(p->seen.first)
                       .arg(p->seen.last)
                       .arg(p->seenApproximate);
        }
    }
    return out;
}

int64_t scalar(CaseFile &c, const char *sql)
{
    auto v = c.db().queryInt(sql);
    return v ? *v : -1;
}

bool exec(CaseFile &c, const char *sql)
{
    return c.db().exec(sql).ok();
}

// Every list moved to the layout of cases written before schema 4.
const char *const kToOlderLayout = "INSERT INTO entity_events(entity, hour, seq, ids) SELECT "
                                   "entity, hour, seq, ids FROM entity_events_by_run; "
                                   "DELETE FROM entity_events_by_run";

QStringList answersOrError(CaseFile &c)
{
    return postingAnswers(c).value_or(QStringList{QStringLiteral("error")});
}

} // namespace

class TestPostingLayouts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::vector<std::string> m_files;

    std::optional<CaseFile> build(const QString &name)
    {
        auto c = CaseFile::openOrCreate(m_dir.filePath(name).toStdString());
        if (!c)
            return std::nullopt;
        return std::move(*c);
    }

    // Files [from, to) imported twelve at a time: a flush each. One parser thread, so that
    // two cases built alike number their events alike.
    bool importInGroups(CaseFile &c, size_t from, size_t to)
    {
        ImportOptions options;
        options.threads = 1;
        for (size_t i = from; i < to; i += 12) {
            const auto first = m_files.begin() + static_cast<std::ptrdiff_t>(i);
            const auto last = m_files.begin() + static_cast<std::ptrdiff_t>(std::min(i + 12, to));
            auto s = importPaths(c, std::vector<std::string>(first, last), nullptr, options);
            if (!s || s->errors != 0 || s->newEvents == 0)
                return false;
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDirIterator it(QStringLiteral(SIGHTLINE_SOURCE_DIR "/resources/sample-incident"),
                        {QStringLiteral("*.json.gz")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            m_files.push_back(it.next().toStdString());
        std::sort(m_files.begin(), m_files.end());
        QCOMPARE(m_files.size(), size_t(141));
    }

    void sameAnswersInEveryLayout()
    {
        auto a = build(QStringLiteral("a.sightline"));
        QVERIFY(a);
        QVERIFY(importInGroups(*a, 0, m_files.size()));
        QCOMPARE(scalar(*a, "SELECT count(DISTINCT seq) FROM entity_events_by_run"), 12);
        QCOMPARE(scalar(*a, "SELECT count(DISTINCT run) FROM entity_events_by_run"), 1);
        QCOMPARE(scalar(*a, "SELECT count(*) FROM entity_events"), 0);
        // Entities with pieces in several flushes, and hours with pieces of several flushes.
        QVERIFY(scalar(*a, "SELECT count(*) FROM (SELECT entity FROM entity_events_by_run "
                           "GROUP BY entity HAVING count(DISTINCT seq) >= 6)") >= 10);
        QVERIFY(scalar(*a, "SELECT count(*) FROM (SELECT 1 FROM entity_events_by_run "
                           "GROUP BY entity, hour HAVING count(*) > 1)") >= 10);
        const auto expected = postingAnswers(*a);
        QVERIFY(expected);
        QVERIFY(expected->size() > 1000);

        // Runs in an order that is not the flushes', one numbered far away and one below zero
        // (a damaged case).
        QVERIFY(exec(*a, "UPDATE entity_events_by_run SET run = (seq * 7) % 5; "
                         "UPDATE entity_events_by_run SET run = 1000000000000000 WHERE run = 4; "
                         "UPDATE entity_events_by_run SET run = -3 WHERE run = 3"));
        QCOMPARE(scalar(*a, "SELECT count(DISTINCT run) FROM entity_events_by_run"), 5);
        QCOMPARE(answersOrError(*a), *expected);
        // The older layout alone.
        QVERIFY(exec(*a, kToOlderLayout));
        QCOMPARE(answersOrError(*a), *expected);
        // Both.
        QVERIFY(exec(*a, "INSERT INTO entity_events_by_run(run, entity, hour, seq, ids) SELECT "
                         "seq % 3, entity, hour, seq, ids FROM entity_events WHERE seq % 2 = 0; "
                         "DELETE FROM entity_events WHERE seq % 2 = 0"));
        QVERIFY(scalar(*a, "SELECT count(*) FROM entity_events") > 0);
        QCOMPARE(answersOrError(*a), *expected);
        // A case of version 3 (no runs table), read without being migrated, then migrated.
        QVERIFY(exec(*a, kToOlderLayout));
        QVERIFY(exec(*a, "DROP TABLE entity_events_by_run; PRAGMA user_version = 3"));
        a.reset();
        const std::string path = m_dir.filePath(QStringLiteral("a.sightline")).toStdString();
        for (const auto access : {CaseFile::Access::ReadOnly, CaseFile::Access::ReadWrite}) {
            auto old = CaseFile::open(path, access);
            QVERIFY(old);
            QCOMPARE(scalar(*old, "PRAGMA user_version"),
                     access == CaseFile::Access::ReadOnly ? 3 : schema::kCurrentVersion);
            QCOMPARE(answersOrError(*old), *expected);
        }

        // Half the files into a case whose lists then move to the older layout, and a full
        // run 0 (of an entity that does not exist); the other half imported on top goes to a
        // new run.
        auto b = build(QStringLiteral("b.sightline"));
        QVERIFY(b);
        QVERIFY(importInGroups(*b, 0, 72));
        QVERIFY(exec(*b, kToOlderLayout));
        QVERIFY(exec(*b, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                         "WHERE i < 131072) INSERT INTO entity_events_by_run(run, entity, hour, "
                         "seq, ids) SELECT 0, -1, i, 0, x'01' FROM n"));
        QVERIFY(importInGroups(*b, 72, m_files.size()));
        QCOMPARE(scalar(*b, "SELECT count(*) FROM entity_events_by_run WHERE run = 0 AND "
                            "entity > 0"),
                 0);
        QVERIFY(scalar(*b, "SELECT count(*) FROM entity_events_by_run WHERE run = 1") > 0);
        QCOMPARE(scalar(*b, "SELECT count(DISTINCT run) FROM entity_events_by_run"), 2);
        QCOMPARE(answersOrError(*b), *expected);
    }
};

QTEST_GUILESS_MAIN(TestPostingLayouts)
#include "tst_posting_layouts.moc"
