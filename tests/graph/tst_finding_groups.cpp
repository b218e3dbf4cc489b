// FindingGroups and the ATT&CK tactics of finding types: hand-made findings with exactly
// known shared entities and windows (the rule in FindingGroups.h, case by case), and the
// real GuardDuty / Security Hub samples.
#include "GraphCases.h"
#include "queries/AttackTactics.h"
#include "queries/FindingGroups.h"

#include <QTest>

#include <optional>
#include <set>

using namespace sightline;
using namespace sightline::test;

namespace {

std::vector<std::string> findingKeys(const FindingGroup &g)
{
    std::vector<std::string> out;
    for (const GroupedFinding &f : g.findings)
        out.push_back(f.finding.key);
    return out;
}

} // namespace

class TestFindingGroups : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<CaseFile> m_hand;

private slots:
    void initTestCase();
    void tactics_data();
    void tactics();
    void namespaces();
    void groupsByEntityAndTime();
    void windowBreaksTheChain();
    void rangeAndSingletons();
    void realSamples();
};

void TestFindingGroups::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const std::string p = m_dir.filePath(QStringLiteral("hand.sightline")).toStdString();
    {
        auto h = CaseFile::openOrCreate(p);
        QVERIFY(h.ok());
        GraphWriter w(*h);
        QVERIFY(w.entity(1, EntityType::Ec2Instance, "i-1"));
        QVERIFY(w.entity(2, EntityType::IpAddress, "198.51.100.2"));
        QVERIFY(w.entity(3, EntityType::AwsAccount, "111122223333"));
        QVERIFY(w.entity(4, EntityType::AwsRoleSession, "AROA:session"));
        QVERIFY(w.entity(5, EntityType::UserAgent, "aws-cli/2"));
        QVERIFY(w.entity(6, EntityType::S3Bucket, "bucket"));
        const auto t = [](const char *iso) { return at(iso); };
        // 10 ~ 11 through the address (19 h apart), 11 ~ 12 through the session (21 h);
        // 10 and 12 share the instance but are 41 h apart.
        QVERIFY(w.finding(10, "UnauthorizedAccess:EC2/TorIPCaller", 3, 8.0,
                          t("2026-01-01T00:00:00Z"), t("2026-01-01T01:00:00Z"), {1, 2, 3}));
        QVERIFY(w.finding(11, "Recon:EC2/PortProbeUnprotectedPort", 2, 5.0,
                          t("2026-01-01T20:00:00Z"), t("2026-01-01T21:00:00Z"), {2, 3, 4}));
        QVERIFY(w.finding(12, "Backdoor:EC2/C&CActivity.B", 3, 8.5, t("2026-01-02T18:00:00Z"),
                          t("2026-01-02T19:00:00Z"), {1, 3, 4}));
        // 13 shares the address, days later.
        QVERIFY(w.finding(13, "TTPs/Initial Access/UnauthorizedAccess:IAMUser-MaliciousIPCaller", 4,
                          90, t("2026-01-05T00:00:00Z"), t("2026-01-05T01:00:00Z"), {2}));
        // 14 and 15 share only the account and a user agent, at the same time as 10.
        QVERIFY(w.finding(14, "Policy:IAMUser/RootCredentialUsage", 1, 2.0,
                          t("2026-01-01T00:00:00Z"), t("2026-01-01T00:10:00Z"), {3, 5}));
        QVERIFY(w.finding(15, "Stealth:IAMUser/CloudTrailLoggingDisabled", 1, 2.0,
                          t("2026-01-01T00:00:00Z"), t("2026-01-01T00:10:00Z"), {3, 5}));
        // 16 and 17 overlap on the bucket in March.
        QVERIFY(w.finding(16, "TTPs/Discovery:S3-TorIPCaller", 1, 30, t("2026-03-01T00:00:00Z"),
                          t("2026-03-02T00:00:00Z"), {6}));
        QVERIFY(w.finding(17,
                          "Software and Configuration Checks/Industry and Regulatory Standards/CIS",
                          1, 20, t("2026-03-01T12:00:00Z"), t("2026-03-01T13:00:00Z"), {6}));
    }
    auto h = CaseFile::open(p);
    QVERIFY(h.ok());
    m_hand.emplace(std::move(*h));
}

void TestFindingGroups::tactics_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("tactic"); // 0 = none
    auto row = [](const char *type, int tactic) {
        QTest::newRow(type) << QString::fromLatin1(type) << tactic;
    };
    row("UnauthorizedAccess:EC2/TorIPCaller", 0);
    row("Recon:EC2/PortProbeUnprotectedPort", int(AttackTactic::Discovery));
    row("Backdoor:EC2/C&CActivity.B!DNS", int(AttackTactic::CommandAndControl));
    row("CryptoCurrency:EC2/BitcoinTool.B", int(AttackTactic::CommandAndControl));
    row("Trojan:EC2/BlackholeTraffic!DNS", int(AttackTactic::CommandAndControl));
    row("Stealth:IAMUser/CloudTrailLoggingDisabled", int(AttackTactic::DefenseEvasion));
    row("PrivilegeEscalation:Runtime/DockerSocketAccessed", int(AttackTactic::PrivilegeEscalation));
    row("CredentialAccess:RDS/AnomalousBehavior.SuccessfulLogin",
        int(AttackTactic::CredentialAccess));
    row("Persistence:Kubernetes/SuccessfulAnonymousAccess", int(AttackTactic::Persistence));
    row("Discovery:Kubernetes/TorIPCaller", int(AttackTactic::Discovery));
    row("Exfiltration:S3/ObjectRead.Unusual", int(AttackTactic::Exfiltration));
    row("Impact:EC2/WinRMBruteForce", int(AttackTactic::Impact));
    row("PenTest:IAMUser/KaliLinux", 0);
    row("Policy:S3/BucketPublicAccessGranted", 0);
    row("TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce",
        int(AttackTactic::InitialAccess));
    row("TTPs/Command and Control/Backdoor:EC2-Spambot", int(AttackTactic::CommandAndControl));
    row("TTPs/Defense Evasion/Stealth:S3-ServerAccessLoggingDisabled",
        int(AttackTactic::DefenseEvasion));
    row("TTPs/Discovery:S3-BucketEnumeration.Unusual", int(AttackTactic::Discovery));
    row("TTPs/Privilege Escalation/x", int(AttackTactic::PrivilegeEscalation));
    row("Software and Configuration Checks/Industry and Regulatory Standards/CIS", 0);
    row("Effects/Data Exposure/PCI-DSS", 0);
    row("", 0);
}

void TestFindingGroups::tactics()
{
    QFETCH(QString, type);
    QFETCH(int, tactic);
    const auto t = attackTacticOfFindingType(type.toStdString());
    QCOMPARE(t ? static_cast<int>(*t) : 0, tactic);
}

void TestFindingGroups::namespaces()
{
    QCOMPARE(findingTypeNamespace("UnauthorizedAccess:EC2/TorIPCaller"),
             std::string_view("UnauthorizedAccess"));
    QCOMPARE(findingTypeNamespace("TTPs/Initial Access/x"), std::string_view("TTPs"));
    QCOMPARE(findingTypeNamespace("TTPs/Discovery:S3-TorIPCaller"), std::string_view("TTPs"));
    QCOMPARE(findingTypeNamespace("Custom"), std::string_view("Custom"));
    QCOMPARE(attackTacticName(AttackTactic::CommandAndControl),
             std::string_view("Command and Control"));
    QCOMPARE(attackTacticId(AttackTactic::Impact), std::string_view("TA0040"));
}

void TestFindingGroups::groupsByEntityAndTime()
{
    FindingGroups q(m_hand->db());
    auto groups = q.build();
    QVERIFY2(groups.ok(), groups.ok() ? "" : groups.error().detail.c_str());
    QCOMPARE(groups->size(), size_t(2));
    const FindingGroup &g = (*groups)[0];
    QCOMPARE(findingKeys(g), (std::vector<std::string>{"finding-12", "finding-10", "finding-11"}));
    QCOMPARE(g.severityLabel, 3);
    QCOMPARE(g.severity, 8.5);
    QCOMPARE(g.title, std::string("1 Backdoor, 1 Recon, 1 UnauthorizedAccess"));
    QCOMPARE(g.tactics,
             (std::vector<AttackTactic>{AttackTactic::Discovery, AttackTactic::CommandAndControl}));
    QCOMPARE(g.span.first, at("2026-01-01T00:00:00Z"));
    QCOMPARE(g.span.last, at("2026-01-02T19:00:00Z"));
    QCOMPARE(g.entities, (std::vector<int64_t>{1, 2, 3, 4}));
    // What ties them: the instance (10, 12), the address (10, 11), the session (11, 12);
    // never the account.
    QCOMPARE(g.shared.size(), size_t(3));
    std::set<std::string> shared;
    for (const SharedEntity &s : g.shared) {
        QCOMPARE(s.findings, 2);
        shared.insert(s.entity.key);
    }
    QCOMPARE(shared, (std::set<std::string>{"i-1", "198.51.100.2", "AROA:session"}));

    const FindingGroup &b = (*groups)[1];
    QCOMPARE(findingKeys(b), (std::vector<std::string>{"finding-16", "finding-17"}));
    QCOMPARE(b.severityLabel, 1);
    QCOMPARE(b.title, std::string("1 Software and Configuration Checks, 1 TTPs"));
    QCOMPARE(b.tactics, (std::vector<AttackTactic>{AttackTactic::Discovery}));
}

void TestFindingGroups::windowBreaksTheChain()
{
    FindingGroups q(m_hand->db());
    FindingGroupOptions o;
    o.window = 20 * kHourMs; // 11 ~ 12 (21 h) no longer
    auto groups = q.build(o);
    QVERIFY(groups.ok());
    QCOMPARE(groups->size(), size_t(2));
    QCOMPARE(findingKeys((*groups)[0]), (std::vector<std::string>{"finding-10", "finding-11"}));
    o.window = 0; // overlapping windows only: the bucket's pair
    auto tight = q.build(o);
    QVERIFY(tight.ok());
    QCOMPARE(tight->size(), size_t(1));
    QCOMPARE(findingKeys((*tight)[0]), (std::vector<std::string>{"finding-16", "finding-17"}));
    o.window = 100 * kHourMs; // 13 joins through the address
    auto wide = q.build(o);
    QVERIFY(wide.ok());
    QCOMPARE((*wide)[0].findings.size(), size_t(4));
    QCOMPARE((*wide)[0].severityLabel, 4);
    QCOMPARE((*wide)[0].tactics,
             (std::vector<AttackTactic>{AttackTactic::InitialAccess, AttackTactic::Discovery,
                                        AttackTactic::CommandAndControl}));
}

void TestFindingGroups::rangeAndSingletons()
{
    FindingGroups q(m_hand->db());
    FindingGroupOptions o;
    o.range.to = at("2026-02-01T00:00:00Z");
    auto jan = q.build(o);
    QVERIFY(jan.ok());
    QCOMPARE(jan->size(), size_t(1));
    QCOMPARE(jan->front().findings.size(), size_t(3));
    o.range = {};
    o.minFindings = 1;
    auto all = q.build(o);
    QVERIFY(all.ok());
    QCOMPARE(all->size(), size_t(5)); // the two groups, 13, 14, 15
    size_t findings = 0;
    for (const FindingGroup &g : *all)
        findings += g.findings.size();
    QCOMPARE(findings, size_t(8));
    QCOMPARE(all->front().severityLabel, 4); // 13 alone, Critical
}

void TestFindingGroups::realSamples()
{
    // GuardDuty and Security Hub samples: every group holds findings tied by a shared
    // entity that is no account, and the rule's window holds between linked members.
    auto path = importSample(m_dir, "/securityhub-asff", "asff.sightline");
    QVERIFY(path);
    auto c = CaseFile::open(*path);
    QVERIFY(c.ok());
    FindingGroups q(c->db());
    auto groups = q.build();
    QVERIFY(groups.ok());
    QVERIFY(!groups->empty());
    for (const FindingGroup &g : *groups) {
        QVERIFY(g.findings.size() >= 2);
        QVERIFY(!g.shared.empty());
        for (const SharedEntity &s : g.shared)
            QVERIFY(s.entity.type != EntityType::AwsAccount);
        QVERIFY(!g.title.empty());
        QVERIFY(g.span.first <= g.span.last);
    }
}

QTEST_GUILESS_MAIN(TestFindingGroups)
#include "tst_finding_groups.moc"
