// Entity profiles and timelines (model/queries/) on the hand-made case of QueryFixture.h.
#include "QueryFixture.h"
#include "queries/EntityLookup.h"
#include "queries/EntityProfile.h"
#include "queries/Timeline.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace sightline;
using namespace sightline::test;

class TestProfiles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<CaseFile> m_case;

    EntityRef resolve(EntityType type, const char *key)
    {
        EntityLookup lookup(m_case->db());
        auto r = lookup.resolve(type, key);
        if (!r)
            qWarning("%s", r.error().detail.c_str());
        return r ? *r : EntityRef{};
    }

private slots:
    void initTestCase();
    void profileAllTime();
    void profileRange();
    void profileOfAccessKey();
    void profileOfIp();
    void timeline();
    void timelineFromPostings();
};

void TestProfiles::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const std::string path = m_dir.filePath(QStringLiteral("case.sightline")).toStdString();
    auto built = buildQueryFixture(path);
    QVERIFY2(built.ok(), built.error().detail.c_str());
    auto c = CaseFile::open(path);
    QVERIFY2(c.ok(), c.ok() ? "" : c.error().detail.c_str());
    m_case.emplace(std::move(*c));
}

void TestProfiles::profileAllTime()
{
    const EntityRef a = resolve(EntityType::AwsUser, "alice");
    EntityProfile profile(m_case->db());
    auto p = profile.load(a.id);
    QVERIFY2(p.ok(), p.ok() ? "" : p.error().detail.c_str());
    QCOMPARE(p->entity.label, std::string("alice"));
    QCOMPARE(p->successes, 4);
    QCOMPARE(p->failures, 1);
    QCOMPARE(p->seen.first, T0 + 5 * kMin);
    QCOMPARE(p->seen.last, T0 + 2 * kHour + kMin);
    QVERIFY(!p->seenApproximate);
    QCOMPARE(p->apiTotal, 2);
    QCOMPARE(p->apis[0].service, std::string("iam.amazonaws.com"));
    QCOMPARE(p->apis[0].name, std::string("CreateUser"));
    QCOMPARE(p->apis[0].successes, 2);
    QCOMPARE(p->apis[0].failures, 1);
    QCOMPARE(p->apis[0].seen.first, T0 + 5 * kMin);
    QCOMPARE(p->apis[1].name, std::string("ListBuckets"));
    QCOMPARE(p->apis[1].successes, 2);
    QCOMPARE(p->ips.total, 1);
    QCOMPARE(p->ips.rows[0].entity.key, std::string("10.0.0.5"));
    QCOMPARE(p->ips.rows[0].successes, 4);
    QCOMPARE(p->ips.rows[0].failures, 1);
    // Exact from the called_from relation.
    QVERIFY(!p->ips.rows[0].seenApproximate);
    QCOMPARE(p->ips.rows[0].seen.first, T0 + 5 * kMin);
    QCOMPARE(p->ips.rows[0].seen.last, T0 + 2 * kHour + kMin);
    QCOMPARE(p->userAgents.rows[0].entity.key, std::string("aws-cli/2.15.0 Python/3.11"));
    QCOMPARE(p->accessKeys.rows[0].entity.key, std::string("AKIAALICE"));
    QCOMPARE(p->accounts.rows[0].entity.key, std::string("111122223333"));
    // The user alice acted on is a principal too.
    QCOMPARE(p->principals.total, 1);
    QCOMPARE(p->principals.rows[0].entity.key, std::string("mallory"));
    QCOMPARE(p->principals.rows[0].failures, 1);
    QCOMPARE(p->resources.total, 0);

    bool calledFrom = false, actedOn = false;
    for (const EdgeInfo &e : p->edges.edges) {
        if (e.outgoing && e.relation == Relation::CalledFrom) {
            calledFrom = true;
            QCOMPARE(e.other.key, std::string("10.0.0.5"));
            QCOMPARE(e.count, 5);
            QCOMPARE(e.seen.last, T0 + 2 * kHour + kMin);
        }
        actedOn =
            actedOn || (e.outgoing && e.relation == Relation::ActedOn && e.other.key == "mallory");
    }
    QVERIFY(calledFrom);
    QVERIFY(actedOn);

    ProfileOptions small;
    small.listLimit = 1;
    auto limited = profile.load(a.id, {}, small);
    QVERIFY(limited.ok());
    QCOMPARE(limited->apis.size(), size_t(1));
    QCOMPARE(limited->apiTotal, 2);
}

void TestProfiles::profileRange()
{
    const EntityRef a = resolve(EntityType::AwsUser, "AIDAALICE");
    EntityProfile profile(m_case->db());
    TimeRange r{T0 + kHour, T0 + 3 * kHour};
    auto p = profile.load(a.id, r);
    QVERIFY(p.ok());
    // Call totals are hourly: only ListBuckets at T0+2h01.
    QCOMPARE(p->successes, 1);
    QCOMPARE(p->failures, 0);
    // Exact, from the events of the first and last active hours in the range.
    QVERIFY(!p->seenApproximate);
    QCOMPARE(p->seen.first, T0 + 2 * kHour + kMin);
    QCOMPARE(p->seen.last, T0 + 2 * kHour + kMin);
    // Per-API and per-peer rows are daily: the whole of 2026-10-14 counts, except APIs whose
    // activity lies entirely outside the range.
    QVERIFY(p->breakdownByDay);
    QCOMPARE(p->apiTotal, 1);
    QCOMPARE(p->apis[0].name, std::string("ListBuckets"));
    QCOMPARE(p->apis[0].successes, 2);
    // Day precision, bounded by alice's own activity in the range.
    QVERIFY(p->apis[0].seenApproximate);
    QCOMPARE(p->apis[0].seen.first, T0 + 2 * kHour + kMin);
    QCOMPARE(p->apis[0].seen.last, T0 + 2 * kHour + kMin);
    QCOMPARE(p->ips.rows.at(0).successes + p->ips.rows.at(0).failures, 5);

    // The first hour: CreateUser x3 (one failed), ListBuckets x1.
    auto first = profile.load(a.id, TimeRange{T0, T0 + kHour});
    QVERIFY(first.ok());
    QCOMPARE(first->successes, 3);
    QCOMPARE(first->failures, 1);
    QVERIFY(!first->seenApproximate);
    QCOMPARE(first->seen.first, T0 + 5 * kMin);
    QCOMPARE(first->seen.last, T0 + 20 * kMin); // not alice's last call (T0 + 2h01)
    QCOMPARE(first->apis[0].name, std::string("CreateUser"));
    QCOMPARE(first->apis[0].successes, 2);
    QCOMPARE(first->apis[0].failures, 1);
    QCOMPARE(first->apis[0].seen.first, T0 + 5 * kMin);
    QCOMPARE(first->principals.total, 1); // mallory, acted on that day

    // A range inside one hour: counted from that hour's events, exactly.
    auto cut = profile.load(a.id, TimeRange{T0 + 7 * kMin, T0 + 15 * kMin});
    QVERIFY(cut.ok());
    QCOMPARE(cut->successes, 1); // e8
    QCOMPARE(cut->failures, 1);  // e2
    QVERIFY(!cut->totalsApproximate);
    QCOMPARE(cut->seen.first, T0 + 10 * kMin);
    QCOMPARE(cut->seen.last, T0 + 10 * kMin + 30000);

    // No activity in the range: no lists either.
    auto none = profile.load(a.id, TimeRange{T0 + 10 * kHour, T0 + 11 * kHour});
    QVERIFY(none.ok());
    QCOMPARE(none->successes + none->failures, 0);
    QVERIFY(none->apis.empty());
    QCOMPARE(none->ips.total, 0);
    QCOMPARE(none->seen.first, 0);
}

void TestProfiles::profileOfAccessKey()
{
    // No peer aggregates for keys here: who used it comes from the relations.
    const EntityRef k = resolve(EntityType::AccessKey, "AKIAALICE");
    EntityProfile profile(m_case->db());
    auto p = profile.load(k.id);
    QVERIFY(p.ok());
    QCOMPARE(p->principals.total, 1);
    const PeerStat &alice = p->principals.rows.at(0);
    QCOMPARE(alice.entity.key, std::string("AIDAALICE"));
    QVERIFY(alice.fromRelations);
    QCOMPARE(alice.calls, 5);
    QCOMPARE(alice.seen.first, T0 + 5 * kMin);
    QCOMPARE(alice.seen.last, T0 + 2 * kHour + kMin);
}

void TestProfiles::profileOfIp()
{
    const EntityRef ip = resolve(EntityType::IpAddress, "10.0.0.5");
    EntityProfile profile(m_case->db());
    auto p = profile.load(ip.id);
    QVERIFY(p.ok());
    QCOMPARE(p->principals.total, 3); // alice, bob, the session
    QCOMPARE(p->principals.rows[0].entity.label, std::string("alice"));
    QCOMPARE(p->principals.rows[0].successes + p->principals.rows[0].failures, 5);
    QCOMPARE(p->successes, 5);
    QCOMPARE(p->failures, 2);
    QCOMPARE(p->userAgents.total, 2);
    bool fromBob = false;
    for (const EdgeInfo &e : p->edges.edges)
        fromBob = fromBob ||
                  (!e.outgoing && e.relation == Relation::CalledFrom && e.other.key == "AIDABOB");
    QVERIFY(fromBob);
}

void TestProfiles::timeline()
{
    const EntityRef a = resolve(EntityType::AwsUser, "alice");
    Timeline timeline(m_case->db());
    auto hours = timeline.load(a.id, TimelineBucket::Hour);
    QVERIFY(hours.ok());
    QVERIFY(!hours->fromPostings);
    QCOMPARE(hours->points.size(), size_t(2));
    QCOMPARE(hours->points[0].start, T0);
    QCOMPARE(hours->points[0].successes, 3);
    QCOMPARE(hours->points[0].failures, 1);
    QCOMPARE(hours->points[1].start, T0 + 2 * kHour);
    QCOMPARE(hours->points[1].events, 1);
    QCOMPARE(hours->successes, 4);

    auto days = timeline.load(a.id, TimelineBucket::Day);
    QVERIFY(days.ok());
    QCOMPARE(days->points.size(), size_t(1));
    QCOMPARE(days->points[0].start, *parseIso8601("2026-10-14"));
    QCOMPARE(days->points[0].events, 5);

    auto ranged = timeline.load(a.id, TimelineBucket::Hour, TimeRange{T0 + kHour, std::nullopt});
    QVERIFY(ranged.ok());
    QCOMPARE(ranged->points.size(), size_t(1));
    QCOMPARE(ranged->events, 1);

    const EntityRef b = resolve(EntityType::AwsUser, "bob");
    auto bobDays = timeline.load(b.id, TimelineBucket::Day);
    QVERIFY(bobDays.ok());
    QCOMPARE(bobDays->points.size(), size_t(2));
    QCOMPARE(bobDays->points[1].failures, 1);
}

void TestProfiles::timelineFromPostings()
{
    // Access keys have no call aggregates here: the timeline counts their events.
    const EntityRef k = resolve(EntityType::AccessKey, "AKIAALICE");
    Timeline timeline(m_case->db());
    auto t = timeline.load(k.id, TimelineBucket::Hour);
    QVERIFY(t.ok());
    QVERIFY(t->fromPostings);
    QCOMPARE(t->points.size(), size_t(2));
    QCOMPARE(t->points[0].events, 4); // two commits, one hour
    QCOMPARE(t->events, 5);
}

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
