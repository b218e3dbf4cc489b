// Case info, entity lookup and search (model/queries/) on the hand-made case of
// QueryFixture.h.
#include "QueryFixture.h"
#include "Schema.h"
#include "TimeUtil.h"
#include "queries/CaseInfo.h"
#include "queries/EntityLookup.h"
#include "queries/EntitySearch.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace sightline;
using namespace sightline::test;

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
};

void TestQueries::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const std::string path = m_dir.filePath(QStringLiteral("case.sightline")).toStdString();
    auto built = buildQueryFixture(path);
    QVERIFY2(built.ok(), built.error().detail.c_str());
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

QTEST_GUILESS_MAIN(TestQueries)
#include "tst_queries.moc"
