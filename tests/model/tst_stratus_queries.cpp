// The investigator's questions (issue 2, Acceptance) answered by the queries on the real
// Stratus Red Team detonation logs, imported with the importer. Expected answers were read
// from the JSON samples themselves.
#include "CaseFile.h"
#include "Importer.h"
#include "TimeUtil.h"
#include "queries/EntityLookup.h"
#include "queries/EntityProfile.h"
#include "queries/EntitySearch.h"
#include "queries/EventQuery.h"
#include "queries/RawRecordReader.h"
#include "queries/Timeline.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <optional>
#include <set>

using namespace sightline;

namespace {

int64_t at(const char *iso)
{
    return *parseIso8601(iso);
}

const char *kSteal = "aws.credential-access.ec2-steal-instance-credentials.json";
const char *kUser = "AIDASSXYG8SJ3JDII10C"; // christophe in 017622104382
const char *kSession = "AROALHCCSKSM395EGX3XN:i-786a3A8B5C0d92eF4";
const char *kInstance = "i-786a3A8B5C0d92eF4";
const char *kIp = "18.236.253.47";

} // namespace

class TestStratusQueries : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<CaseFile> m_case;

    EntityRef entity(EntityType type, const char *key)
    {
        EntityLookup lookup(m_case->db());
        auto r = lookup.resolve(type, key);
        if (!r)
            qWarning("%s", r.error().detail.c_str());
        return r ? *r : EntityRef{};
    }

    EventPage events(std::vector<int64_t> entities, TimeRange range = {}, std::string api = {})
    {
        EventQuery q(m_case->db());
        EventFilter f;
        f.entities = std::move(entities);
        f.range = range;
        f.api = std::move(api);
        f.limit = 0;
        auto page = q.run(f);
        if (!page)
            qWarning("%s", page.error().detail.c_str());
        return page ? *page : EventPage{};
    }

private slots:
    void initTestCase();
    void apisCalledByIp();
    void apisCalledByLeadingZeroIp();
    void principalsOfAccessKey();
    void callsWithUserAgent();
    void principalInHourBefore();
    void stealInstanceCredentialsChain();
    void searchByNameAndArn();
    void timelineOfSession();
    void instanceCountsCallsOfItsCredentials();
};

void TestStratusQueries::initTestCase()
{
    const QString data = QStringLiteral(SIGHTLINE_SHARED_DATA "/cloudtrail/stratus-red-team");
    if (!QDir(data).exists())
        QSKIP("the shared Stratus Red Team samples are not available");
    QVERIFY(m_dir.isValid());
    const std::string path = m_dir.filePath(QStringLiteral("stratus.sightline")).toStdString();
    {
        auto c = CaseFile::openOrCreate(path);
        QVERIFY(c.ok());
        auto summary = importPaths(*c, {data.toStdString()});
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.error().detail.c_str());
        QCOMPARE(summary->files, 35);
        QCOMPARE(summary->records, 310);
        QCOMPARE(summary->newEvents, 310);
        QCOMPARE(summary->errors, 0);
    }
    auto c = CaseFile::open(path);
    QVERIFY(c.ok());
    m_case.emplace(std::move(*c));
}

void TestStratusQueries::apisCalledByIp()
{
    // ec2-get-password-data: AssumeRole x4 (2 denied), then GetPasswordData x30, all denied.
    const EntityRef ip = entity(EntityType::IpAddress, "200.249.253.51");
    QVERIFY(ip.valid());
    EntityProfile profile(m_case->db());
    auto p = profile.load(ip.id);
    QVERIFY(p.ok());
    std::map<std::string, std::pair<int64_t, int64_t>> apis;
    for (const ApiStat &a : p->apis)
        apis[a.service + ":" + a.name] = {a.successes, a.failures};
    const std::map<std::string, std::pair<int64_t, int64_t>> expected = {
        {"ec2.amazonaws.com:GetPasswordData", {0, 30}}, {"sts.amazonaws.com:AssumeRole", {2, 2}}};
    QCOMPARE(apis, expected);
    QCOMPARE(p->successes, 2);
    QCOMPARE(p->failures, 32);

    // The same answer from the events themselves.
    const EventPage page = events({ip.id});
    QCOMPARE(page.events.size(), size_t(34));
    std::map<std::string, int> names;
    for (const EventRecord &e : page.events)
        ++names[e.service + ":" + e.name];
    QCOMPARE(names["ec2.amazonaws.com:GetPasswordData"], 30);
    QCOMPARE(names["sts.amazonaws.com:AssumeRole"], 4);
}

void TestStratusQueries::apisCalledByLeadingZeroIp()
{
    // The anonymised log writes "255.18.064.253"; the investigator types 255.18.64.253.
    EntitySearch search(m_case->db());
    auto r = search.run("255.18.64.253");
    QVERIFY(r.ok());
    QCOMPARE(r->total, 1);
    QCOMPARE(r->hits[0].entity.key, std::string("255.18.064.253"));
    EntityProfile profile(m_case->db());
    auto p = profile.load(r->hits[0].entity.id);
    QVERIFY(p.ok());
    QCOMPARE(p->apiTotal, 2);
    QCOMPARE(p->apis[0].name, std::string("DescribeInstanceAttribute"));
    QCOMPARE(p->apis[0].failures, 15);
    QCOMPARE(p->apis[1].name, std::string("AssumeRole"));
    QCOMPARE(p->apis[1].successes, 2);
}

void TestStratusQueries::principalsOfAccessKey()
{
    EntityProfile profile(m_case->db());
    // Temporary key issued by AssumeRole, then used by the role session for GetPasswordData.
    const EntityRef temp = entity(EntityType::AccessKey, "ASIANQQHHS551LWULIWD");
    QVERIFY(temp.valid());
    auto p = profile.load(temp.id);
    QVERIFY(p.ok());
    std::set<std::string> principals;
    for (const PeerStat &s : p->principals.rows)
        principals.insert(std::string(entityTypeName(s.entity.type)) + ":" + s.entity.key);
    QVERIFY(
        principals.count("AwsRoleSession:AROAMLQ9F6KHQ07JKA0WY:aws-go-sdk-1722375070115152000"));
    bool usedBySession = false;
    for (const EdgeInfo &e : p->edges.edges)
        usedBySession =
            usedBySession || (!e.outgoing && e.relation == Relation::UsesKey &&
                              e.other.type == EntityType::AwsRoleSession && e.count == 30);
    QVERIFY(usedBySession);

    // The long-term key of christophe in 457448411975: his four AssumeRole calls.
    const EntityRef key = entity(EntityType::AccessKey, "AKIAWOGXN38MFN92ING5");
    auto k = profile.load(key.id);
    QVERIFY(k.ok());
    QCOMPARE(k->principals.total, 1);
    QCOMPARE(k->principals.rows[0].entity.key, std::string("AIDAFSHDVNSWGFKZR06G"));
    QCOMPARE(k->principals.rows[0].entity.label, std::string("christophe"));
    // Who used a key is known from the relations (uses_key), with the count of calls.
    QCOMPARE(k->principals.rows[0].calls, 4);
}

void TestStratusQueries::callsWithUserAgent()
{
    const EntityRef ua =
        entity(EntityType::UserAgent, "stratus-red-team_5c59eb79-6dac-405c-a4c4-e19aec03c666");
    QVERIFY(ua.valid());
    const EventPage page = events({ua.id});
    QCOMPARE(page.events.size(), size_t(34));
    QCOMPARE(page.events.front().time, at("2024-07-30T21:31:10Z"));
    QCOMPARE(page.events.front().name, std::string("AssumeRole"));
    QCOMPARE(page.events.front().error, std::string("AccessDenied"));
    QCOMPARE(page.events.back().time, at("2024-07-30T21:31:21Z"));
    int failures = 0;
    for (size_t i = 0; i < page.events.size(); ++i) {
        failures += !page.events[i].error.empty();
        if (i > 0)
            QVERIFY(page.events[i - 1].time <= page.events[i].time);
        QVERIFY(page.events[i].sourcePath.ends_with(
            "aws.credential-access.ec2-get-password-data.json"));
    }
    QCOMPARE(failures, 32);
    // With the API name: the 30 GetPasswordData calls.
    QCOMPARE(events({ua.id}, {}, "ec2:GetPasswordData").events.size(), size_t(30));
}

void TestStratusQueries::principalInHourBefore()
{
    // What did christophe do in the hour before he sent the command (08:23:24)?
    const EntityRef user = entity(EntityType::AwsUser, kUser);
    QVERIFY(user.valid());
    const int64_t z = at("2024-08-02T08:23:24Z");
    const EventPage page = events({user.id}, TimeRange{z - 3600000, z});
    QCOMPARE(page.events.size(), size_t(37));
    for (const EventRecord &e : page.events)
        QCOMPARE(e.name, std::string("DescribeInstanceInformation"));
    QCOMPARE(page.events.front().time, at("2024-08-02T08:22:39Z"));
    QCOMPARE(page.events.back().time, at("2024-08-02T08:23:23Z"));
}

void TestStratusQueries::stealInstanceCredentialsChain()
{
    const EntityRef user = entity(EntityType::AwsUser, "arn:aws:iam::017622104382:user/christophe");
    QCOMPARE(user.key, std::string(kUser));
    const EntityRef session = entity(EntityType::AwsRoleSession, kSession);
    const EntityRef instance = entity(EntityType::Ec2Instance, kInstance);
    const EntityRef ip = entity(EntityType::IpAddress, kIp);
    QVERIFY(session.valid() && instance.valid() && ip.valid());

    // 1. The user sent a command to the instance.
    EventQuery query(m_case->db());
    EventFilter f;
    f.entities = {user.id, instance.id};
    f.api = "ssm:SendCommand";
    f.withRaw = true;
    auto sent = query.run(f);
    QVERIFY(sent.ok());
    QCOMPARE(sent->events.size(), size_t(1));
    QCOMPARE(sent->events[0].time, at("2024-08-02T08:23:24Z"));
    QCOMPARE(sent->events[0].ip.key, std::string(kIp));
    QVERIFY(sent->events[0].raw.find(kInstance) != std::string::npos);

    // 2. The instance's role session was then used from the same external IP.
    const EventPage used = events({session.id, ip.id});
    QCOMPARE(used.events.size(), size_t(2));
    QCOMPARE(used.events[0].name, std::string("GetCallerIdentity"));
    QCOMPARE(used.events[0].time, at("2024-08-02T08:23:55Z"));
    QCOMPARE(used.events[1].name, std::string("DescribeInstances"));
    QCOMPARE(used.events[1].time, at("2024-08-02T08:23:56Z"));
    QCOMPARE(used.events[0].accessKey.key, std::string("ASIAP5CT9NN8EYVU1FXV"));

    // 3. The IP's profile shows both principals.
    EntityProfile profile(m_case->db());
    auto p = profile.load(ip.id);
    QVERIFY(p.ok());
    std::set<std::string> principals;
    for (const PeerStat &s : p->principals.rows)
        principals.insert(s.entity.key);
    QVERIFY(principals.count(kUser));
    QVERIFY(principals.count(kSession));

    // 4. The relations tie it together: user -> instance, instance -> session, session -> IP.
    auto inst = profile.load(instance.id);
    QVERIFY(inst.ok());
    bool actedOn = false, runsAs = false;
    for (const EdgeInfo &e : inst->edges.edges) {
        actedOn =
            actedOn || (!e.outgoing && e.relation == Relation::ActedOn && e.other.id == user.id);
        runsAs =
            runsAs || (e.outgoing && e.relation == Relation::RunsAs && e.other.id == session.id);
    }
    QVERIFY(actedOn);
    QVERIFY(runsAs);
    auto s = profile.load(session.id);
    QVERIFY(s.ok());
    QCOMPARE(s->ips.total, 1);
    QCOMPARE(s->ips.rows[0].entity.id, ip.id);

    // 5. The raw record, with its provenance.
    RawRecordReader raw(m_case->db());
    auto record = raw.fetch(used.events[0].id);
    QVERIFY(record.ok());
    QVERIFY(record->sourcePath.ends_with(kSteal));
    QVERIFY(record->text.find("\"GetCallerIdentity\"") != std::string::npos);
    QVERIFY(record->text.find(kSession) != std::string::npos);
    QVERIFY(record->line > 0 && record->line < 250);
}

void TestStratusQueries::searchByNameAndArn()
{
    EntitySearch search(m_case->db());
    auto byName = search.run("christophe", 0, EntityType::AwsUser);
    QVERIFY(byName.ok());
    QCOMPARE(byName->total, 31); // one IAM user per anonymised account
    auto byArn = search.run("arn:aws:iam::017622104382:user/christophe");
    QVERIFY(byArn.ok());
    QCOMPARE(byArn->total, 1);
    QCOMPARE(byArn->hits[0].entity.key, std::string(kUser));
    auto instance = search.run("i-786a3a8b5c0d92ef4", 0, EntityType::Ec2Instance);
    QCOMPARE(instance->total, 1);
}

void TestStratusQueries::timelineOfSession()
{
    const EntityRef user = entity(EntityType::AwsUser, kUser);
    Timeline timeline(m_case->db());
    auto t = timeline.load(user.id, TimelineBucket::Hour);
    QVERIFY(t.ok());
    QCOMPARE(t->points.size(), size_t(1));
    QCOMPARE(t->points[0].start, at("2024-08-02T08:00:00Z"));
    QCOMPARE(t->successes, 43);
    QCOMPARE(t->failures, 0);
}

void TestStratusQueries::instanceCountsCallsOfItsCredentials()
{
    // The instance's profile counts the calls its role credentials made (session name = the
    // instance id), besides calls acting on it: its aggregates agree with its events, and its
    // peers show the outside address that used the stolen credentials.
    const EntityRef instance = entity(EntityType::Ec2Instance, kInstance);
    const EntityRef session = entity(EntityType::AwsRoleSession, kSession);
    QVERIFY(instance.valid() && session.valid());
    const EventPage involving = events({instance.id});
    const EventPage bySession = events({session.id});
    QVERIFY(!bySession.events.empty());
    int64_t ok = 0, failed = 0;
    for (const EventRecord &e : involving.events)
        (e.error.empty() ? ok : failed) += 1;
    Timeline timeline(m_case->db());
    auto t = timeline.load(instance.id, TimelineBucket::Hour);
    QVERIFY(t.ok());
    QCOMPARE(t->successes, ok);
    QCOMPARE(t->failures, failed);
    QVERIFY(static_cast<size_t>(t->successes + t->failures) >= bySession.events.size());

    EntityProfile profile(m_case->db());
    auto p = profile.load(instance.id);
    QVERIFY(p.ok());
    int64_t byApi = 0;
    for (const ApiStat &a : p->apis)
        byApi += a.successes + a.failures;
    QCOMPARE(byApi, ok + failed);

    bool attacker = false;
    for (const PeerStat &ip : p->ips.rows)
        attacker = attacker || ip.entity.key == kIp;
    QVERIFY(attacker);
}

QTEST_GUILESS_MAIN(TestStratusQueries)
#include "tst_stratus_queries.moc"
