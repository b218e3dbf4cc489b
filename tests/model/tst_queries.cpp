// The case file queries (model/queries/) on a hand-made case written through CaseWriter.
#include "CaseBuilder.h"
#include "Schema.h"
#include "TimeUtil.h"
#include "queries/CaseInfo.h"
#include "queries/EntityLookup.h"
#include "queries/EntityProfile.h"
#include "queries/EntitySearch.h"
#include "queries/EventQuery.h"
#include "queries/RawRecordReader.h"
#include "queries/Timeline.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace sightline;
using sightline::test::CaseBuilder;
using sightline::test::Ev;

namespace {

const int64_t T0 = *parseIso8601("2026-10-14T10:00:00Z");
constexpr int64_t kMin = 60000;
constexpr int64_t kHour = 3600000;

Ev alice(int64_t t, const char *service, const char *api, const char *error = "")
{
    Ev e;
    e.time = t;
    e.principal = "AIDAALICE";
    e.label = "alice";
    e.ip = "10.0.0.5";
    e.ua = "aws-cli/2.15.0 Python/3.11";
    e.accessKey = "AKIAALICE";
    e.service = service;
    e.api = api;
    e.error = error;
    return e;
}

Ev bob(int64_t t, const char *api, const char *error, const char *ip)
{
    Ev e;
    e.time = t;
    e.principal = "AIDABOB";
    e.label = "bob";
    e.ip = ip;
    e.ua = "Boto3/1.34.0";
    e.accessKey = "AKIABOB";
    e.service = "s3.amazonaws.com";
    e.api = api;
    e.error = error;
    e.resources = {{EntityType::S3Bucket, "evidence-bucket"}};
    return e;
}

std::vector<std::string> apis(const EventPage &page)
{
    std::vector<std::string> out;
    for (const EventRecord &e : page.events)
        out.push_back(e.name + "@" + formatIso8601(e.time));
    return out;
}

} // namespace

class TestQueries : public QObject
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
    void caseInfo();
    void lookup_data();
    void lookup();
    void lookupAmbiguousAndMissing();
    void search_data();
    void search();
    void searchLimitAndCounts();
    void profileAllTime();
    void profileRange();
    void profileOfAccessKey();
    void profileOfIp();
    void timeline();
    void timelineFromPostings();
    void events_data();
    void events();
    void eventsPaging();
    void eventsRaw();
    void rawRecord();
};

void TestQueries::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const std::string path = m_dir.filePath(QStringLiteral("case.sightline")).toStdString();
    {
        auto c = CaseFile::openOrCreate(path);
        QVERIFY2(c.ok(), c.ok() ? "" : c.error().detail.c_str());
        CaseBuilder b(*c);
        QVERIFY(b.prepare().ok());

        QVERIFY(b.beginSource("evidence/a.json").ok());
        b.add(alice(T0 + 5 * kMin, "iam.amazonaws.com", "CreateUser")); // e1
        b.add([] {
            Ev e = alice(T0 + 10 * kMin, "iam.amazonaws.com", "CreateUser", "AccessDenied");
            e.resources = {{EntityType::AwsUser, "mallory"}};
            return e;
        }());                                                                      // e2
        b.add(alice(T0 + 20 * kMin, "s3.amazonaws.com", "ListBuckets"));           // e3
        b.add(alice(T0 + 2 * kHour + kMin, "s3.amazonaws.com", "ListBuckets"));    // e4
        b.add(bob(T0 + 2 * kHour + 30 * kMin, "GetObject", "", "075.050.255.67")); // e5
        b.add(bob(T0 + 25 * kHour, "GetObject", "AccessDenied", "10.0.0.5"));      // e6
        Ev s;
        s.time = T0 + 3 * kHour;
        s.principalType = EntityType::AwsRoleSession;
        s.principal = "AROAADMIN:sess1";
        s.label = "sess1";
        s.ip = "10.0.0.5";
        s.ua = "Boto3/1.34.0";
        s.accessKey = "ASIATEMP";
        s.service = "sts.amazonaws.com";
        s.api = "GetCallerIdentity";
        b.add(s); // e7
        b.interner().entity(EntityType::AwsRole, "AROAADMIN", "Admin", "111122223333");
        // Two users called "dup" in two accounts make a name ambiguous.
        b.interner().entity(EntityType::AwsUser, "AIDADUP1", "dup", "111122223333");
        b.interner().entity(EntityType::AwsUser, "AIDADUP2", "dup", "444455556666");
        QVERIFY(b.finishSource().ok());

        // A second commit: its posting lists share hour T0 with the first (another seq).
        QVERIFY(b.beginSource("evidence/b.json.gz").ok());
        b.add(alice(T0 + 10 * kMin + 30000, "iam.amazonaws.com", "CreateUser")); // e8
        b.addError(7, "invalid JSON: missing '}'");
        QVERIFY(b.finishSource(SourceStatus::Damaged, "truncated gzip stream").ok());
    }
    auto c = CaseFile::open(path);
    QVERIFY2(c.ok(), c.ok() ? "" : c.error().detail.c_str());
    m_case.emplace(std::move(*c));
}

void TestQueries::caseInfo()
{
    CaseInfo info(m_case->db());
    auto o = info.read();
    QVERIFY(o.ok());
    QCOMPARE(o->schemaVersion, schema::kCurrentVersion);
    QCOMPARE(o->events, 8);
    QCOMPARE(o->sources.size(), size_t(2));
    QCOMPARE(o->sources[0].path, std::string("evidence/a.json"));
    QCOMPARE(o->sources[0].newEvents, 7);
    QCOMPARE(o->sources[0].sha256, std::string(64, 'a'));
    QCOMPARE(o->sources[1].status, SourceStatus::Damaged);
    QCOMPARE(o->sources[1].note, std::string("truncated gzip stream"));
    QCOMPARE(o->damagedSources, 1);
    QCOMPARE(o->errors, 1);
    QCOMPARE(o->firstTime, T0 + 5 * kMin);
    QCOMPARE(o->lastTime, T0 + 25 * kHour);
    QCOMPARE(o->importErrorRows, 1);
    QCOMPARE(o->firstErrors.size(), size_t(1));
    QCOMPARE(o->firstErrors[0].path, std::string("evidence/b.json.gz"));
    QCOMPARE(o->firstErrors[0].line, 7);
    int64_t users = 0, ips = 0;
    for (const auto &[type, n] : o->entityCounts) {
        users += type == EntityType::AwsUser ? n : 0;
        ips += type == EntityType::IpAddress ? n : 0;
    }
    QCOMPARE(users, 5); // alice, bob, mallory, dup x2
    QCOMPARE(ips, 2);
}

void TestQueries::lookup_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    const int user = int(EntityType::AwsUser);
    QTest::newRow("exact key") << user << "AIDAALICE"
                               << "AIDAALICE";
    QTest::newRow("key ignoring case") << user << "aidaalice"
                                       << "AIDAALICE";
    QTest::newRow("label") << user << "Alice"
                           << "AIDAALICE";
    QTest::newRow("user ARN") << user << "arn:aws:iam::111122223333:user/alice"
                              << "AIDAALICE";
    QTest::newRow("user ARN with path") << user << "arn:aws:iam::111122223333:user/ops/alice"
                                        << "AIDAALICE";
    QTest::newRow("name in one account") << user << "arn:aws:iam::444455556666:user/dup"
                                         << "AIDADUP2";
    QTest::newRow("role by name") << int(EntityType::AwsRole) << "Admin"
                                  << "AROAADMIN";
    QTest::newRow("session by role/session") << int(EntityType::AwsRoleSession) << "Admin/sess1"
                                             << "AROAADMIN:sess1";
    QTest::newRow("session ARN") << int(EntityType::AwsRoleSession)
                                 << "arn:aws:sts::111122223333:assumed-role/Admin/sess1"
                                 << "AROAADMIN:sess1";
    QTest::newRow("role from session ARN")
        << int(EntityType::AwsRole) << "arn:aws:sts::111122223333:assumed-role/Admin/sess1"
        << "AROAADMIN";
    QTest::newRow("IP by value") << int(EntityType::IpAddress) << "75.50.255.67"
                                 << "075.050.255.67";
    QTest::newRow("account") << int(EntityType::AwsAccount) << "111122223333"
                             << "111122223333";
    QTest::newRow("bucket") << int(EntityType::S3Bucket) << "EVIDENCE-bucket"
                            << "evidence-bucket";
}

void TestQueries::lookup()
{
    QFETCH(int, type);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    EntityLookup lookup(m_case->db());
    auto r = lookup.resolve(static_cast<EntityType>(type), key.toStdString());
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().detail.c_str());
    QCOMPARE(QString::fromStdString(r->key), expected);
    QCOMPARE(int(r->type), type);
    auto again = lookup.byId(r->id);
    QVERIFY(again.ok());
    QCOMPARE(again->key, r->key);
}

void TestQueries::lookupAmbiguousAndMissing()
{
    EntityLookup lookup(m_case->db());
    auto missing = lookup.resolve(EntityType::AwsUser, "nobody");
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    auto wrongType = lookup.resolve(EntityType::AwsRole, "AIDAALICE");
    QCOMPARE(wrongType.error().code, ErrorCode::NotFound);
    auto ambiguous = lookup.resolve(EntityType::AwsUser, "dup");
    QVERIFY(!ambiguous.ok());
    QCOMPARE(ambiguous.error().code, ErrorCode::InvalidArgument);
    QVERIFY(ambiguous.error().detail.find("AwsUser:AIDADUP1") != std::string::npos);
    QVERIFY(ambiguous.error().detail.find("AwsUser:AIDADUP2") != std::string::npos);
    auto none = lookup.byId(999999);
    QVERIFY(none.ok());
    QVERIFY(!none->valid());
}

void TestQueries::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected"); // TYPE:KEY in result order
    QTest::newRow("label") << "alice" << QStringList{"AwsUser:AIDAALICE"};
    QTest::newRow("label ignoring case") << "ALICE" << QStringList{"AwsUser:AIDAALICE"};
    QTest::newRow("principal id") << "aidabob" << QStringList{"AwsUser:AIDABOB"};
    QTest::newRow("access key") << "AKIAALICE" << QStringList{"AccessKey:AKIAALICE"};
    QTest::newRow("ip") << "10.0.0.5" << QStringList{"IpAddress:10.0.0.5"};
    QTest::newRow("ip with leading zeros by value")
        << "75.50.255.67" << QStringList{"IpAddress:075.050.255.67"};
    QTest::newRow("cidr") << "10.0.0.0/24" << QStringList{"IpAddress:10.0.0.5"};
    QTest::newRow("cidr /0") << "0.0.0.0/0"
                             << QStringList{"IpAddress:075.050.255.67", "IpAddress:10.0.0.5"};
    QTest::newRow("cidr miss") << "10.0.1.0/24" << QStringList{};
    QTest::newRow("wildcard *") << "AKIA*"
                                << QStringList{"AccessKey:AKIAALICE", "AccessKey:AKIABOB"};
    QTest::newRow("wildcard ?") << "a?ice" << QStringList{"AwsUser:AIDAALICE"};
    QTest::newRow("wildcard over user agents")
        << "aws-cli/*" << QStringList{"UserAgent:aws-cli/2.15.0 Python/3.11"};
    QTest::newRow("underscore is literal") << "evidence_bucket" << QStringList{};
    QTest::newRow("underscore literal in pattern") << "evidence_*" << QStringList{};
    QTest::newRow("percent is literal") << "%" << QStringList{};
    QTest::newRow("bucket pattern") << "evidence-*" << QStringList{"S3Bucket:evidence-bucket"};
    QTest::newRow("user ARN") << "arn:aws:iam::111122223333:user/alice"
                              << QStringList{"AwsUser:AIDAALICE"};
    QTest::newRow("session ARN") << "arn:aws:sts::111122223333:assumed-role/Admin/sess1"
                                 << QStringList{"AwsRoleSession:AROAADMIN:sess1",
                                                "AwsRole:AROAADMIN"};
    QTest::newRow("bucket ARN") << "arn:aws:s3:::evidence-bucket/some/key"
                                << QStringList{"S3Bucket:evidence-bucket"};
    QTest::newRow("name in two accounts")
        << "dup" << QStringList{"AwsUser:AIDADUP1", "AwsUser:AIDADUP2"};
    QTest::newRow("account") << "111122223333" << QStringList{"AwsAccount:111122223333"};
    QTest::newRow("padded") << "  bob " << QStringList{"AwsUser:AIDABOB"};
}

void TestQueries::search()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    EntitySearch search(m_case->db());
    auto r = search.run(query.toStdString());
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().detail.c_str());
    QStringList got;
    for (const SearchHit &h : r->hits)
        got << QString::fromStdString(std::string(entityTypeName(h.entity.type)) + ":" +
                                      h.entity.key);
    QCOMPARE(got, expected);
    QCOMPARE(r->total, expected.size());
}

void TestQueries::searchLimitAndCounts()
{
    EntitySearch search(m_case->db());
    auto all = search.run("*", 3);
    QVERIFY(all.ok());
    QCOMPARE(all->kind, SearchResult::Kind::Wildcard);
    QCOMPARE(all->hits.size(), size_t(3));
    auto count = m_case->db().queryInt("SELECT count(*) FROM entities");
    QCOMPARE(all->total, *count);
    int64_t sum = 0;
    for (const auto &[type, n] : all->countsByType)
        sum += n;
    QCOMPARE(sum, *count);
    // Ordered by type then key: accounts come first.
    QCOMPARE(all->hits[0].entity.type, EntityType::AwsAccount);

    auto typed = search.run("*", 0, EntityType::AccessKey);
    QVERIFY(typed.ok());
    QCOMPARE(typed->total, 3); // AKIAALICE, AKIABOB, ASIATEMP
    QCOMPARE(typed->countsByType.size(), size_t(1));

    auto exactFirst = search.run("10.0.0.5");
    QVERIFY(exactFirst.ok() && exactFirst->hits.front().exact);
    QCOMPARE(search.run("").error().code, ErrorCode::InvalidArgument);
}

void TestQueries::profileAllTime()
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

void TestQueries::profileRange()
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

void TestQueries::profileOfAccessKey()
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

void TestQueries::profileOfIp()
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

void TestQueries::timeline()
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

void TestQueries::timelineFromPostings()
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

void TestQueries::events_data()
{
    QTest::addColumn<QStringList>("entities"); // TYPE:KEY
    QTest::addColumn<QString>("api");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QStringList>("expected"); // name@time
    const qint64 none = 0;
    auto at = [](int64_t ms) { return QString::fromStdString(formatIso8601(ms)); };
    const QString e1 = "CreateUser@" + at(T0 + 5 * kMin), e2 = "CreateUser@" + at(T0 + 10 * kMin),
                  e8 = "CreateUser@" + at(T0 + 10 * kMin + 30000),
                  e3 = "ListBuckets@" + at(T0 + 20 * kMin),
                  e4 = "ListBuckets@" + at(T0 + 2 * kHour + kMin),
                  e5 = "GetObject@" + at(T0 + 2 * kHour + 30 * kMin),
                  e7 = "GetCallerIdentity@" + at(T0 + 3 * kHour),
                  e6 = "GetObject@" + at(T0 + 25 * kHour);
    QTest::newRow("all") << QStringList{} << "" << none << none
                         << QStringList{e1, e2, e8, e3, e4, e5, e7, e6};
    QTest::newRow("one entity, two commits in one hour")
        << QStringList{"AwsUser:alice"} << "" << none << none << QStringList{e1, e2, e8, e3, e4};
    QTest::newRow("intersection") << QStringList{"IpAddress:10.0.0.5", "AwsUser:bob"} << "" << none
                                  << none << QStringList{e6};
    QTest::newRow("same entity twice") << QStringList{"AwsUser:bob", "AwsUser:AIDABOB"} << ""
                                       << none << none << QStringList{e5, e6};
    QTest::newRow("api name") << QStringList{"AwsUser:alice"} << "CreateUser" << none << none
                              << QStringList{e1, e2, e8};
    QTest::newRow("service:api") << QStringList{} << "iam.amazonaws.com:CreateUser" << none << none
                                 << QStringList{e1, e2, e8};
    QTest::newRow("short service") << QStringList{"IpAddress:10.0.0.5"} << "s3:ListBuckets" << none
                                   << none << QStringList{e3, e4};
    QTest::newRow("wrong service")
        << QStringList{} << "s3:CreateUser" << none << none << QStringList{};
    QTest::newRow("unknown api") << QStringList{"AwsUser:alice"} << "NoSuchApi" << none << none
                                 << QStringList{};
    QTest::newRow("range") << QStringList{"AwsUser:alice"} << "" << qint64(T0 + 10 * kMin)
                           << qint64(T0 + 20 * kMin) << QStringList{e2, e8};
    QTest::newRow("range without entity") << QStringList{} << "" << qint64(T0 + 2 * kHour)
                                          << qint64(T0 + 4 * kHour) << QStringList{e4, e5, e7};
    QTest::newRow("hour before") << QStringList{"IpAddress:10.0.0.5"} << ""
                                 << qint64(T0 + 2 * kHour) << qint64(T0 + 3 * kHour)
                                 << QStringList{e4};
    QTest::newRow("resource") << QStringList{"S3Bucket:evidence-bucket"} << "GetObject" << none
                              << none << QStringList{e5, e6};
}

void TestQueries::events()
{
    QFETCH(QStringList, entities);
    QFETCH(QString, api);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QStringList, expected);
    EventQuery query(m_case->db());
    EventFilter f;
    for (const QString &e : entities) {
        const auto type = entityTypeFromName(e.section(':', 0, 0).toStdString());
        QVERIFY(type);
        const EntityRef ref = resolve(*type, e.section(':', 1).toUtf8().constData());
        QVERIFY(ref.valid());
        f.entities.push_back(ref.id);
    }
    f.api = api.toStdString();
    if (from)
        f.range.from = from;
    if (to)
        f.range.to = to;
    auto page = query.run(f);
    QVERIFY2(page.ok(), page.ok() ? "" : page.error().detail.c_str());
    QStringList got;
    for (const std::string &s : apis(*page))
        got << QString::fromStdString(s);
    QCOMPARE(got, expected);
    QVERIFY(!page->more);

    // The same through the table scan that rare API names take, and page by page.
    f.timeWindow = 2;
    got.clear();
    for (f.offset = 0, f.limit = 2;; f.offset += 2) {
        auto part = query.run(f);
        QVERIFY(part.ok());
        for (const std::string &s : apis(*part))
            got << QString::fromStdString(s);
        if (!part->more)
            break;
    }
    QCOMPARE(got, expected);
}

void TestQueries::eventsPaging()
{
    EventQuery query(m_case->db());
    EventFilter f;
    f.entities = {resolve(EntityType::AwsUser, "alice").id};
    f.limit = 2;
    f.offset = 2;
    auto page = query.run(f);
    QVERIFY(page.ok());
    QCOMPARE(page->events.size(), size_t(2));
    QCOMPARE(page->events[0].time, T0 + 10 * kMin + 30000);
    QCOMPARE(page->events[1].name, std::string("ListBuckets"));
    QVERIFY(page->more);
    f.offset = 4;
    page = query.run(f);
    QCOMPARE(page->events.size(), size_t(1));
    QVERIFY(!page->more);

    EventFilter all;
    all.limit = 7;
    page = query.run(all);
    QCOMPARE(page->events.size(), size_t(7));
    QVERIFY(page->more);

    auto second = query.run(EventFilter{f.entities, "", {}, 1, 1, false});
    QVERIFY(second.ok() && second->events.size() == 1);
    const EventRecord &e = second->events[0];
    QCOMPARE(e.error, std::string("AccessDenied"));
    QCOMPARE(e.principal.key, std::string("AIDAALICE"));
    QCOMPARE(e.principal.label, std::string("alice"));
    QCOMPARE(e.ip.key, std::string("10.0.0.5"));
    QCOMPARE(e.userAgent.key, std::string("aws-cli/2.15.0 Python/3.11"));
    QCOMPARE(e.accessKey.key, std::string("AKIAALICE"));
    QCOMPARE(e.account.key, std::string("111122223333"));
    QCOMPARE(e.region, std::string("eu-west-1"));
    QCOMPARE(e.service, std::string("iam.amazonaws.com"));
    QCOMPARE(e.sourcePath, std::string("evidence/a.json"));
    QCOMPARE(e.line, 2);
    QVERIFY(e.raw.empty());

    EventFilter empty;
    empty.range = TimeRange{T0, T0};
    QVERIFY(query.run(empty)->events.empty());
    EventFilter bad;
    bad.api = "iam:";
    QCOMPARE(query.run(bad).error().code, ErrorCode::InvalidArgument);
}

void TestQueries::eventsRaw()
{
    EventQuery query(m_case->db());
    EventFilter f;
    f.withRaw = true;
    auto page = query.run(f);
    QVERIFY(page.ok());
    QCOMPARE(page->events.size(), size_t(8));
    QCOMPARE(page->events[0].raw, std::string(R"({"eventID":"ev-1","eventName":"CreateUser"})"));
    QCOMPARE(page->events[2].raw, std::string(R"({"eventID":"ev-8","eventName":"CreateUser"})"));
    QCOMPARE(page->events[2].sourcePath, std::string("evidence/b.json.gz"));
    QCOMPARE(page->events[7].raw, std::string(R"({"eventID":"ev-6","eventName":"GetObject"})"));
}

void TestQueries::rawRecord()
{
    RawRecordReader reader(m_case->db());
    auto r = reader.fetch(5);
    QVERIFY(r.ok());
    QCOMPARE(r->text, std::string(R"({"eventID":"ev-5","eventName":"GetObject"})"));
    QCOMPARE(r->sourcePath, std::string("evidence/a.json"));
    QCOMPARE(r->line, 5);
    QCOMPARE(reader.fetch(12345).error().code, ErrorCode::NotFound);
    QCOMPARE(reader.slice(1, 0, 100000).error().code, ErrorCode::Corrupt);
    QCOMPARE(reader.slice(99, 0, 10).error().code, ErrorCode::Corrupt);
}

QTEST_GUILESS_MAIN(TestQueries)
#include "tst_queries.moc"
