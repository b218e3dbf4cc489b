// VPC flow records without an instance-id field (the default format) credited to the instance
// their network interface belongs to, as CloudTrail (plaso's RunInstances lookup-events
// sample) and a GuardDuty finding (the SAM EventBridge sample) tell; the flow log lines are
// written here with those samples' interface ids.
#include "GoldenCaseFixture.h"
#include "queries/FlowQuery.h"

using namespace sightline;
using namespace sightline::test;

namespace {

// Default format (version 2, no header): the instance's address 10.0.0.5 sends 8,000 bytes
// to 198.51.100.9:443, and a connection from there to port 22 is rejected.
QByteArray flowLines(const char *interface, const char *address)
{
    const QByteArray eni(interface), local(address);
    return "2 012345678901 " + eni + " " + local +
           " 198.51.100.9 49152 443 6 10 8000 1644274800 1644274860 ACCEPT OK\n"
           "2 012345678901 " +
           eni + " 198.51.100.9 " + local + " 51000 22 6 1 40 1644274800 1644274860 REJECT OK\n";
}

} // namespace

class TestFlowInterfaces : public GoldenCaseFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // RunInstances (2022-02-07) answers i-01234567890123456 with interface
    // eni-01234567890123456. The flow file comes first in the import: it is read last.
    void runInstancesMapsInterface()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const QString flows = m_dir.filePath(QStringLiteral("eni-flows.log"));
        QVERIFY(writeFile(flows, flowLines("eni-01234567890123456", "10.0.0.5")));
        const std::string trail =
            samplePath(QStringLiteral("cloudtrail/plaso/aws_cloudtrail_lookup-events.jsonl"));
        QVERIFY(importFresh({toStd(flows), trail}));
        QCOMPARE(m_summary.errors, 0);
        const int64_t instance = entityId(EntityType::Ec2Instance, "i-01234567890123456");
        QVERIFY(instance);
        CaseProbe probe(*m_case);
        QCOMPARE(probe.scalar("SELECT instance FROM interfaces WHERE interface = "
                              "'eni-01234567890123456'"),
                 instance);
        // Both records are the instance's, in and out; its address keeps its own totals.
        QCOMPARE(
            probe.scalar("SELECT count(*) FROM flows WHERE local = " + std::to_string(instance)),
            2);
        QCOMPARE(total(EntityType::Ec2Instance, "i-01234567890123456", Metric::FlowBytes),
                 std::make_pair(int64_t(40), int64_t(8000)));
        QCOMPARE(total(EntityType::Ec2Instance, "i-01234567890123456", Metric::FlowRecords),
                 std::make_pair(int64_t(1), int64_t(1)));
        QCOMPARE(total(EntityType::IpAddress, "10.0.0.5", Metric::FlowBytes),
                 std::make_pair(int64_t(40), int64_t(8000)));
        QCOMPARE(edgeCount(EntityType::Ec2Instance, "i-01234567890123456", Relation::TalkedTo,
                           EntityType::IpAddress, "198.51.100.9"),
                 1);
        // Which instances talked to 198.51.100.9: this one, on 443 out and 22 in (rejected).
        FlowQuery q(m_case->db());
        auto remote = q.load(entityId(EntityType::IpAddress, "198.51.100.9"));
        QVERIFY(remote);
        QCOMPARE(remote->peers.size(), size_t(2));
        for (const FlowPeer &p : remote->peers) {
            QCOMPARE(p.peer.id, instance);
            if (p.port == 443) { // the address's port; the instance's is ephemeral
                QCOMPARE(p.bytesReceived, int64_t(8000));
                QCOMPARE(p.accepted, int64_t(1));
            } else {
                QCOMPARE(p.peerPort, 22);
                QCOMPARE(p.bytesSent, int64_t(40));
                QCOMPARE(p.rejected, int64_t(1));
            }
        }
    }

    // The finding's instance i-000000000000 has interface eni-00000000 (172.31.6.116).
    void guardDutyMapsInterface()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const QString flows = m_dir.filePath(QStringLiteral("gd-flows.log"));
        QVERIFY(writeFile(flows, flowLines("eni-00000000", "172.31.6.116")));
        QVERIFY(importFresh(
            {toStd(flows),
             samplePath(QStringLiteral("guardduty/steveyttt-sam-eventbridge/guardduty.json"))}));
        const int64_t instance = entityId(EntityType::Ec2Instance, "i-000000000000");
        QVERIFY(instance);
        CaseProbe probe(*m_case);
        QCOMPARE(
            probe.scalar("SELECT count(*) FROM flows WHERE local = " + std::to_string(instance)),
            2);
        QCOMPARE(edgeCount(EntityType::Ec2Instance, "i-000000000000", Relation::TalkedTo,
                           EntityType::IpAddress, "198.51.100.9"),
                 1);
    }

    // Without anything naming the interface's instance, the records stay the address's; a
    // mapping learnt in a later import does not rewrite flows already in the case.
    void unknownInterfaceKeepsTheAddress()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const QString flows = m_dir.filePath(QStringLiteral("alone-flows.log"));
        QVERIFY(writeFile(flows, flowLines("eni-01234567890123456", "10.0.0.5")));
        QVERIFY(importFresh({toStd(flows)}));
        const int64_t address = entityId(EntityType::IpAddress, "10.0.0.5");
        CaseProbe probe(*m_case);
        QCOMPARE(
            probe.scalar("SELECT count(*) FROM flows WHERE local = " + std::to_string(address)), 2);
        QVERIFY(runImport(*m_case, {samplePath(QStringLiteral(
                                       "cloudtrail/plaso/aws_cloudtrail_lookup-events.jsonl"))}));
        QCOMPARE(probe.scalar("SELECT count(*) FROM interfaces"), 1);
        QCOMPARE(
            probe.scalar("SELECT count(*) FROM flows WHERE local = " + std::to_string(address)), 2);
    }
};

QTEST_GUILESS_MAIN(TestFlowInterfaces)
#include "tst_flow_interfaces.moc"
