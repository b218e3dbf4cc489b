// Golden tests on every VPC flow log sample in ../shared/data (Elastic pipeline inputs, the
// AWS documentation examples, the OCSF mapping inputs, the Panther stubs), FlowQuery and the
// CLI on them. Each sample is imported alone into a new case. Every expected number was
// computed with python3 from the files (an independent reading of the same rules: flows
// keyed by local, remote, hour, ports, protocol, direction; client ports folded to 0).
#include "VpcFlowTestCase.h"
#include "queries/FlowQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace sightline;
using namespace sightline::test;

class TestVpcFlowImport : public VpcFlowTestCase
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void samples_data();
    void samples();
    void sampleFlows_data();
    void sampleFlows();
    void pantherStubsAreSkipped();
    void entitiesAndInterfaces();
    void aggregatesAndEdges();
    void flowQueryBothWays();
    void cliFlows();
};

void TestVpcFlowImport::samples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("records");    // spans read (lines, or JSON records)
    QTest::addColumn<int>("flows");      // records aggregated (sources.new_events)
    QTest::addColumn<int>("flowRows");   // rows in the flows table
    QTest::addColumn<int>("instances");  // Ec2Instance entities
    QTest::addColumn<int>("ips");        // IpAddress entities
    QTest::addColumn<QString>("errors"); // "line:reason part;..."
    QTest::addColumn<QStringList>("note");

    // v2 default without a header: 7 records, 1 NODATA, 1 SKIPDATA, 5 flows (IPv6 and public
    // pairs have no private side: undirected).
    QTest::newRow("elastic extra samples")
        << kElastic + "test-extra-samples.log" << 7 << 5 << 5 << 0 << 6 << QString()
        << QStringList{"no header line: default version 2 fields assumed",
                       "5 flow records aggregated", "NODATA 1, SKIPDATA 1",
                       "3 records whose local side could not be told"};
    // The header line before every record: 3 headers, SKIPDATA, NODATA, one flow.
    QTest::newRow("elastic tcp flag sequence")
        << kElastic + "test-tcp-flag-sequence.log" << 6 << 1 << 1 << 1 << 2 << QString()
        << QStringList{"header line repeated (3 headers)", "1 flow record aggregated",
                       "NODATA 1, SKIPDATA 1"};
    // Transit gateway, 36 fields, no header: log-status SKIPDATA / NODATA rows that still
    // carry traffic (generated data) are aggregated and counted.
    QTest::newRow("elastic transit gateway")
        << kElastic + "test-tgw-samples.log" << 10 << 10 << 10 << 0 << 10 << QString()
        << QStringList{"all transit gateway flow log fields in the documented order assumed",
                       "10 flow records aggregated", "NODATA 1, SKIPDATA 6"};
    // 29 fields (version 5 all fields), 9-digit start: end used; redacted instance id.
    QTest::newRow("elastic v5 all fields")
        << kElastic + "test-v5-all-fields.log" << 1 << 1 << 1 << 1 << 2 << QString()
        << QStringList{"all version 5 fields in the documented order assumed",
                       "1 record with a start time after or more than a day before its end"};
    // 40 fields (version 8, ECS, reject-reason BPA): the ECS container instance.
    QTest::newRow("elastic v8 ecs")
        << kElastic + "test-v8-samples.log" << 1 << 1 << 1 << 1 << 2 << QString()
        << QStringList{"all version 8 fields in the documented order assumed", "NODATA 1"};
    // {"message": "<NODATA record>"}
    QTest::newRow("elastic message field")
        << kElastic + "test-with-message-field.log" << 1 << 0 << 0 << 0 << 0 << QString()
        << QStringList{"default version 2 fields assumed", "NODATA 1, SKIPDATA 0"};
    // Custom formats without start / end: entities only.
    QTest::newRow("docs nat gateway")
        << kDocs + "custom_natgw_examples.log" << 5 << 0 << 0 << 0 << 3 << QString()
        << QStringList{"4 records without start or end time"};
    QTest::newRow("docs nat gateway with comments")
        << kDocs + "custom_natgw_instance_with_inline_comments.log" << 3 << 0 << 0 << 1 << 2
        << QString()
        << QStringList{"2 records without start or end time",
                       "2 records with a trailing \"# comment\" (ignored)"};
    QTest::newRow("docs v2 default")
        << kDocs + "v2_default_examples.log" << 8 << 5 << 5 << 0 << 7 << QString()
        << QStringList{"5 flow records aggregated", "NODATA 1, SKIPDATA 1",
                       "3 records whose local side could not be told"};
    // One record has a double space between two fields.
    QTest::newRow("docs v3 tcp flags")
        << kDocs + "v3_tcpflags_examples.log" << 9 << 8 << 4 << 1 << 2 << QString()
        << QStringList{"8 flow records aggregated"};
    // The doc's "..." line (line 3) is an error; the records have no start / end.
    QTest::newRow("docs v3 transit gateway") << kDocs + "v3_transit_gateway_examples.log" << 6 << 0
                                             << 0 << 1 << 4 << QStringLiteral("3:an elision line")
                                             << QStringList{"4 records without start or end time"};
    QTest::newRow("docs v5 traffic path")
        << kDocs + "v5_service_traffic_path_examples.log" << 3 << 2 << 2 << 1 << 2 << QString()
        << QStringList{"2 flow records aggregated"};
    // Athena / Security Lake style CSV with underscore names, in any order.
    QTest::newRow("ocsf csv v5")
        << QStringLiteral("ocsf/ocsf-examples/markdown/AWS/v1.0.0-rc.2/VPC_Flowlogs/samples/"
                          "vpcflowlog.raw")
        << 2 << 1 << 1 << 1 << 2 << QString() << QStringList{"1 flow record aggregated"};
    QTest::newRow("ocsf csv v8 ecs")
        << QStringLiteral("ocsf/ocsf-examples/markdown/AWS/v1.5.0/VPC_Flowlogs/samples/"
                          "vpcflowlog.raw")
        << 2 << 1 << 1 << 0 << 2 << QString() << QStringList{"1 flow record aggregated"};
    // A JSON array of records keyed by field names.
    QTest::newRow("ocsf dataprepper json")
        << QStringLiteral("ocsf/ocsf-examples/dataprepper/AWS/v1.1.0/VPC_Flow/samples/"
                          "vpcflowlog.raw")
        << 1 << 1 << 1 << 1 << 2 << QString() << QStringList{"1 flow record aggregated"};
}

void TestVpcFlowImport::samples()
{
    SIGHTLINE_REQUIRE_SHARED_DATA();
    QFETCH(QString, file);
    QFETCH(int, records);
    QFETCH(int, flows);
    QFETCH(int, flowRows);
    QFETCH(int, instances);
    QFETCH(int, ips);
    QFETCH(QString, errors);
    QFETCH(QStringList, note);
    const std::string path = samplePath(file);
    QVERIFY(importFresh({path}));
    CaseProbe probe(*m_case);
    const auto src = probe.source(path);
    QVERIFY(src);
    QCOMPARE(src->format, std::string("vpcflow"));
    QCOMPARE(src->status, kImported);
    QCOMPARE(src->records, int64_t(records));
    QCOMPARE(src->newEvents, int64_t(flows));
    QCOMPARE(m_summary.flowRecords, int64_t(flows));
    QCOMPARE(m_summary.newEvents, int64_t(0)); // flow records never become events
    QCOMPARE(probe.scalar("SELECT count(*) FROM events"), int64_t(0));
    QCOMPARE(probe.scalar("SELECT count(*) FROM flows"), int64_t(flowRows));
    QCOMPARE(probe.entityCount(EntityType::Ec2Instance), int64_t(instances));
    QCOMPARE(probe.entityCount(EntityType::IpAddress), int64_t(ips));
    for (const QString &part : note)
        QVERIFY2(contains(src->note, toStd(part).c_str()), src->note.c_str());

    const auto errs = probe.errors(src->id);
    const QStringList expected = errors.isEmpty() ? QStringList() : errors.split(u';');
    QCOMPARE(src->errors, int64_t(expected.size()));
    QCOMPARE(errs.size(), size_t(expected.size()));
    for (int i = 0; i < expected.size(); ++i) {
        const QStringList lr = expected[i].split(u':');
        QCOMPARE(errs[i].line, lr[0].toLongLong());
        QVERIFY2(contains(errs[i].reason, toStd(lr[1]).c_str()), errs[i].reason.c_str());
    }
    // The records' text is kept in raw blocks (provenance), headers included. (The writer
    // keeps a batch's raw block only when it holds flows or new events, so files of nothing
    // but NODATA / untimed records keep none.)
    if (flows > 0)
        QVERIFY(probe.scalar("SELECT count(*) FROM raw_blocks") >= 1);
}

void TestVpcFlowImport::sampleFlows_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("rows");
    QTest::newRow("elastic extra samples")
        << kElastic + "test-extra-samples.log"
        << QStringList{
               "172.31.16.139|203.0.113.12|398032|0|0|1|1|336|4|1|0|1432917027|1432917142",
               "172.31.16.139|203.0.113.12|398032|0|0|1|2|336|4|0|1|1432917094|1432917142",
               "2001:db8:1234:a100:8d6e:3477:df66:f105|2001:db8:1234:a102:3304:8879:34cf:4071|"
               "410531|0|22|6|0|8855|54|1|0|1477913708|1477913820",
               "78.24.182.42|158.109.0.1|394036|0|22|6|0|4249|20|1|0|1418530010|1418530070",
               "78.24.182.42|158.109.0.1|394036|0|3389|6|0|4249|20|0|1|1418530010|1418530070",
           };
    QTest::newRow("elastic tcp flag sequence")
        << kElastic + "test-tcp-flag-sequence.log"
        << QStringList{"i-01234567890123456|52.213.180.42|435235|5001|0|6|1|568|8|1|0|1566848875|"
                       "1566848933"};
    QTest::newRow("elastic transit gateway")
        << kElastic + "test-tgw-samples.log"
        << QStringList{
               "1.128.0.0|81.2.69.142|487664|3389|3147|17|1|5970|48|1|0|1755592563|1755592613",
               "175.16.199.0|2a02:cf40::|487664|3389|20385|17|1|7659|9|1|0|1755592623|1755592681",
               "216.160.83.56|67.43.156.0|487664|443|0|6|1|4534|42|1|0|1755592613|1755592634",
               "2a02:cf40::|1.128.0.0|487664|22|0|6|1|8947|49|1|0|1755592533|1755592558",
               "67.43.156.0|175.16.199.0|487664|80|0|17|1|9771|45|1|0|1755592543|1755592598",
               "81.2.69.142|89.160.20.128|487664|3389|0|17|1|3803|43|1|0|1755592603|1755592635",
               "81.2.69.144|81.2.69.192|487664|80|0|6|1|3734|42|1|0|1755592583|1755592635",
               "81.2.69.192|89.160.20.112|487664|443|0|6|1|5749|3|1|0|1755592593|1755592652",
               "89.160.20.112|81.2.69.144|487664|80|0|17|1|6949|3|1|0|1755592573|1755592617",
               "89.160.20.128|216.160.83.56|487664|8080|0|17|1|6842|13|1|0|1755592553|1755592580",
           };
    QTest::newRow("elastic v5 all fields")
        << kElastic + "test-v5-all-fields.log"
        << QStringList{"i-0axxxxxx1ad77|89.160.20.156|455555|33004|50041|17|1|1|52|0|1|1640000297|"
                       "1640000297"};
    QTest::newRow("elastic v8 ecs")
        << kElastic + "test-v8-samples.log"
        << QStringList{"i-18de3682c033431da|2a02:cf40::|487688|80|0|17|1|33615|51|0|1|1755678754|"
                       "1755678775"};
    QTest::newRow("docs v2 default")
        << kDocs + "v2_default_examples.log"
        << QStringList{
               "172.31.16.139|172.31.16.21|394036|0|22|6|0|4249|20|1|0|1418530010|1418530070",
               "172.31.16.139|203.0.113.12|398032|0|0|1|1|336|4|1|0|1432917027|1432917142",
               "172.31.16.139|203.0.113.12|398032|0|0|1|2|336|4|0|1|1432917094|1432917142",
               "172.31.9.69|172.31.9.12|394036|0|3389|6|0|4249|20|0|1|1418530010|1418530070",
               "2001:db8:1234:a100:8d6e:3477:df66:f105|2001:db8:1234:a102:3304:8879:34cf:4071|"
               "410531|0|22|6|0|8855|54|1|0|1477913708|1477913820",
           };
    QTest::newRow("docs v3 tcp flags")
        << kDocs + "v3_tcpflags_examples.log"
        << QStringList{
               "i-01234567890123456|52.213.180.42|435235|5001|0|6|1|23395857|15852|3|0|1566848875|"
               "1566849113",
               "i-01234567890123456|52.213.180.42|435235|5001|0|6|2|64396|1238|3|0|1566848875|"
               "1566849113",
               "i-01234567890123456|52.213.180.42|435259|5001|0|6|1|1260|17|1|0|1566933133|"
               "1566933193",
               "i-01234567890123456|52.213.180.42|435259|5001|0|6|2|967|14|1|0|1566933133|"
               "1566933193",
           };
    QTest::newRow("docs v5 traffic path")
        << kDocs + "v5_service_traffic_path_examples.log"
        << QStringList{"i-0c50d5961bcb2d47b|52.95.128.179|449091|0|80|6|1|15044|14|1|0|1616729292|"
                       "1616729349",
                       "i-0c50d5961bcb2d47b|52.95.128.179|449091|0|80|6|2|471|7|1|0|1616729292|"
                       "1616729349"};
    QTest::newRow("ocsf csv v5")
        << QStringLiteral("ocsf/ocsf-examples/markdown/AWS/v1.0.0-rc.2/VPC_Flowlogs/samples/"
                          "vpcflowlog.raw")
        << QStringList{"i-000000000000000000|1.2.3.4|458256|39938|56858|6|1|40|1|0|1|1649721732|"
                       "1649721788"};
    QTest::newRow("ocsf csv v8 ecs")
        << QStringLiteral("ocsf/ocsf-examples/markdown/AWS/v1.5.0/VPC_Flowlogs/samples/"
                          "vpcflowlog.raw")
        << QStringList{"1.2.3.4|10.0.0.1|486735|8080|8864|6|2|38526|8|1|0|1752247584|1752247603"};
    QTest::newRow("ocsf dataprepper json")
        << QStringLiteral("ocsf/ocsf-examples/dataprepper/AWS/v1.1.0/VPC_Flow/samples/"
                          "vpcflowlog.raw")
        << QStringList{"i-000000000000000000|1.2.3.4|458256|39938|56858|6|1|40|1|0|1|1649721732|"
                       "1649721788"};
}

void TestVpcFlowImport::sampleFlows()
{
    SIGHTLINE_REQUIRE_SHARED_DATA();
    QFETCH(QString, file);
    QFETCH(QStringList, rows);
    QVERIFY(importFresh({samplePath(file)}));
    QCOMPARE(flowRows(*m_case), rows);
}

void TestVpcFlowImport::pantherStubsAreSkipped()
{
    SIGHTLINE_REQUIRE_SHARED_DATA();
    // Panther's parsed field names (srcAddr, dstPort ...) without start / end times: listed as
    // skipped with the reason, never half-imported.
    for (const char *f : {"derived/panther-tests/vpcflow_panther_parsed.jsonl",
                          "derived/panther-tests/vpcflow_stubs_panther_and_ocsf.jsonl"}) {
        const std::string path = samplePath(QString::fromLatin1(f));
        QVERIFY(importFresh({path}));
        const ImportedFile *r = findResult(m_summary, path);
        QVERIFY(r);
        QCOMPARE(r->status, kSkipped);
        QVERIFY2(contains(r->note, "parsed by Panther"), r->note.c_str());
        QCOMPARE(m_summary.flowRecords, int64_t(0));
    }
}

void TestVpcFlowImport::entitiesAndInterfaces()
{
    SIGHTLINE_REQUIRE_SHARED_DATA();
    QVERIFY(importFresh({samplePath(kDocs + "v3_tcpflags_examples.log"),
                         samplePath(kElastic + "test-v8-samples.log"),
                         samplePath(kDocs + "custom_natgw_examples.log")}));
    CaseProbe probe(*m_case);
    // The instance from instance-id, with its interface, VPC and subnet as attributes, its
    // account, and first / last seen from the flows' start and end.
    const auto inst = probe.entity(EntityType::Ec2Instance, "i-01234567890123456");
    QVERIFY(inst);
    QCOMPARE(inst->account, std::string("123456789010"));
    QCOMPARE(inst->attrs, std::string("{\"interface\":\"eni-1235b8ca123456789\",\"vpc\":\"vpc-"
                                      "abcdefab012345678\",\"subnet\":\"subnet-"
                                      "aaaaaaaa012345678\"}"));
    QCOMPARE(inst->firstSeen, int64_t(1566848875000));
    QCOMPARE(inst->lastSeen, int64_t(1566933193000));
    // The interface's own address keeps the interface as an attribute.
    const auto local = probe.entity(EntityType::IpAddress, "10.0.0.62");
    QVERIFY(local);
    QCOMPARE(local->attrs, std::string("{\"interface\":\"eni-1235b8ca123456789\"}"));
    QCOMPARE(local->ipv4, int64_t(10LL << 24 | 62));
    // ECS on EC2: the container instance id names the host instance (v8 record).
    QVERIFY(probe.entity(EntityType::Ec2Instance, "i-18de3682c033431da"));
    // IPv6 addresses are entities too.
    const auto v6 = probe.entity(EntityType::IpAddress, "2a02:cf40::");
    QVERIFY(v6);
    QCOMPARE(v6->ipv4, int64_t(-1));
    // Records without times still name their addresses (no first / last seen).
    const auto nat = probe.entity(EntityType::IpAddress, "203.0.113.5");
    QVERIFY(nat);
    QCOMPARE(nat->firstSeen, int64_t(0));
}

void TestVpcFlowImport::aggregatesAndEdges()
{
    SIGHTLINE_REQUIRE_SHARED_DATA();
    QVERIFY(importFresh({samplePath(kDocs + "v3_tcpflags_examples.log")}));
    const int64_t inst = entityId(EntityType::Ec2Instance, "i-01234567890123456");
    const int64_t ext = entityId(EntityType::IpAddress, "52.213.180.42");
    const int64_t own = entityId(EntityType::IpAddress, "10.0.0.62");
    QVERIFY(inst && ext && own);
    // The monitored side's hourly aggregates (a = in, b = out). python3: the instance received
    // 23,397,117 bytes in 15,869 packets and sent 65,363 in 1,252; 8 records accepted.
    QCOMPARE(total(inst, Metric::FlowBytes), std::make_pair(int64_t(23397117), int64_t(65363)));
    QCOMPARE(total(inst, Metric::FlowPackets), std::make_pair(int64_t(15869), int64_t(1252)));
    QCOMPARE(total(inst, Metric::FlowRecords), std::make_pair(int64_t(8), int64_t(0)));
    QCOMPARE(total(own, Metric::FlowBytes), std::make_pair(int64_t(23397117), int64_t(65363)));
    // Remote addresses have no aggregate rows: their hours come from the flows table.
    QCOMPARE(total(ext, Metric::FlowBytes), std::make_pair(int64_t(-1), int64_t(-1)));
    QCOMPARE(total(inst, Metric::FlowBytes, ext), std::make_pair(int64_t(-1), int64_t(-1)));
    FlowQuery q(m_case->db());
    // Hour 435235 holds 6 records, hour 435259 two (python3); the same seen from both sides.
    for (const int64_t e : {ext, inst}) {
        auto hours = q.hourly(e);
        QVERIFY(hours);
        QCOMPARE(hours->size(), size_t(2));
        const bool remote = e == ext;
        QCOMPARE(hours->at(0).hour, int64_t(435235));
        QCOMPARE(remote ? hours->at(0).bytesSent : hours->at(0).bytesReceived, int64_t(23395857));
        QCOMPARE(remote ? hours->at(0).bytesReceived : hours->at(0).bytesSent, int64_t(64396));
        QCOMPARE(hours->at(0).accepted, int64_t(6));
        QCOMPARE(hours->at(1).hour, int64_t(435259));
        QCOMPARE(remote ? hours->at(1).bytesSent : hours->at(1).bytesReceived, int64_t(1260));
        QCOMPARE(remote ? hours->at(1).bytesReceived : hours->at(1).bytesSent, int64_t(967));
        QCOMPARE(hours->at(1).accepted, int64_t(2));
    }
    // instance -> talked to -> remote address: 8 records, first start to last end.
    CaseProbe probe(*m_case);
    const auto edge = probe.edge(inst, Relation::TalkedTo, ext);
    QVERIFY(edge);
    QCOMPARE(edge->count, int64_t(8));
    QCOMPARE(edge->firstSeen, int64_t(1566848875000));
    QCOMPARE(edge->lastSeen, int64_t(1566933193000));

    // Rejected records: the v2 examples reject 2 of 5 flows.
    QVERIFY(importFresh({samplePath(kDocs + "v2_default_examples.log")}));
    const int64_t web = entityId(EntityType::IpAddress, "172.31.16.139");
    QCOMPARE(total(web, Metric::FlowRecords), std::make_pair(int64_t(2), int64_t(1)));
    FlowQuery q2(m_case->db());
    auto rdp = q2.hourly(entityId(EntityType::IpAddress, "172.31.9.12"));
    QVERIFY(rdp);
    QCOMPARE(rdp->size(), size_t(1));
    QCOMPARE(rdp->at(0).rejected, int64_t(1));
    QCOMPARE(rdp->at(0).bytesReceived, int64_t(4249));
    // Without an instance, the interface's address is the local end of the edge; only the
    // accepted ICMP record counts as talking (its rejected reply does not).
    const int64_t pinger = entityId(EntityType::IpAddress, "203.0.113.12");
    CaseProbe probe2(*m_case);
    const auto e2 = probe2.edge(web, Relation::TalkedTo, pinger);
    QVERIFY(e2);
    QCOMPARE(e2->count, int64_t(1));
    QCOMPARE(e2->firstSeen, int64_t(1432917027000));
    QCOMPARE(e2->lastSeen, int64_t(1432917142000));
    // A flow that was only ever rejected makes no edge.
    QVERIFY(!probe2.edge(entityId(EntityType::IpAddress, "172.31.9.69"), Relation::TalkedTo,
                         entityId(EntityType::IpAddress, "172.31.9.12")));
}

void TestVpcFlowImport::flowQueryBothWays()
{
    SIGHTLINE_REQUIRE_SHARED_DATA();
    QVERIFY(importFresh({samplePath(kDocs + "v3_tcpflags_examples.log"),
                         samplePath(kDocs + "v2_default_examples.log")}));
    FlowQuery q(m_case->db());
    // Which instances talked to 52.213.180.42, on which ports, how many bytes each way?
    const int64_t ext = entityId(EntityType::IpAddress, "52.213.180.42");
    auto s = q.load(ext);
    QVERIFY(s);
    QCOMPARE(s->peerRows, int64_t(1));
    const FlowPeer &p = s->peers.at(0);
    QCOMPARE(p.peer.key, std::string("i-01234567890123456"));
    QCOMPARE(p.peer.type, EntityType::Ec2Instance);
    QVERIFY(p.peerIsLocal);
    QCOMPARE(p.protocol, 6);
    QCOMPARE(p.port, 0);        // the address used client ports
    QCOMPARE(p.peerPort, 5001); // to the instance's 5001
    QCOMPARE(p.bytesSent, int64_t(23397117));
    QCOMPARE(p.bytesReceived, int64_t(65363));
    QCOMPARE(p.packetsSent, int64_t(15869));
    QCOMPARE(p.accepted, int64_t(8));
    QCOMPARE(p.seen.first, int64_t(1566848875000));
    QCOMPARE(p.seen.last, int64_t(1566933193000));
    QVERIFY(p.inbound && p.outbound && !p.undirected);
    // The reverse: which addresses did the instance talk to?
    auto r = q.load(entityId(EntityType::Ec2Instance, "i-01234567890123456"));
    QVERIFY(r);
    QCOMPARE(r->peerRows, int64_t(1));
    QCOMPARE(r->peers.at(0).peer.key, std::string("52.213.180.42"));
    QCOMPARE(r->bytesSent, int64_t(65363));
    QCOMPARE(r->bytesReceived, int64_t(23397117));
    // A range keeps the hours that overlap it: 2019-08-27 holds hour 435259 only.
    TimeRange day;
    day.from = int64_t(1566864000000); // 2019-08-27T00:00:00Z
    auto d = q.load(ext, day);
    QVERIFY(d);
    QCOMPARE(d->bytesSent, int64_t(1260));
    QCOMPARE(d->bytesReceived, int64_t(967));
    QCOMPARE(d->accepted, int64_t(2));
    // Peer type filter: only instances.
    FlowOptions onlyInstances;
    onlyInstances.peerType = EntityType::Ec2Instance;
    auto web = q.load(entityId(EntityType::IpAddress, "203.0.113.12"), {}, onlyInstances);
    QVERIFY(web);
    QCOMPARE(web->peerRows, int64_t(0)); // its peer is an address (no instance-id field)
    auto all = q.load(entityId(EntityType::IpAddress, "203.0.113.12"));
    QVERIFY(all);
    QCOMPARE(all->peerRows, int64_t(1)); // ICMP both ways merged in one row
    QCOMPARE(all->peers.at(0).bytesSent, int64_t(336));
    QCOMPARE(all->peers.at(0).bytesReceived, int64_t(336));
    QCOMPARE(all->peers.at(0).rejected, int64_t(1));
}

void TestVpcFlowImport::cliFlows()
{
#ifndef SIGHTLINE_CLI
    QSKIP("sightline-cli path not configured");
#else
    SIGHTLINE_REQUIRE_SHARED_DATA();
    QVERIFY(importFresh({samplePath(kDocs + "v3_tcpflags_examples.log")}));
    const QString casePath = QString::fromStdString(m_case->path());
    m_case.reset(); // the CLI opens the case itself
    auto run = [&](const QStringList &args) {
        QProcess p;
        p.start(QStringLiteral(SIGHTLINE_CLI), args);
        p.waitForFinished(60000);
        return std::make_pair(p.exitCode(), p.readAllStandardOutput());
    };
    // Which instances talked to 52.213.180.42?
    auto [code, out] = run({QStringLiteral("flows"), casePath, QStringLiteral("IpAddress"),
                            QStringLiteral("52.213.180.42"), QStringLiteral("--json")});
    QCOMPARE(code, 0);
    const QJsonObject doc = QJsonDocument::fromJson(out).object();
    const QJsonObject peer = doc[u"peers"].toArray().at(0).toObject();
    QCOMPARE(peer[u"peer"].toObject()[u"key"].toString(), QStringLiteral("i-01234567890123456"));
    QCOMPARE(peer[u"peerPort"].toInt(), 5001);
    QCOMPARE(peer[u"bytesSent"].toInteger(), qint64(23397117));
    QCOMPARE(peer[u"bytesReceived"].toInteger(), qint64(65363));
    QCOMPARE(peer[u"firstSeen"].toString(), QStringLiteral("2019-08-26T19:47:55Z"));
    QCOMPARE(peer[u"lastSeen"].toString(), QStringLiteral("2019-08-27T19:13:13Z"));
    // --from / --to narrow to the hours that overlap.
    auto [code2, out2] = run({QStringLiteral("flows"), casePath, QStringLiteral("Ec2Instance"),
                              QStringLiteral("i-01234567890123456"), QStringLiteral("--from"),
                              QStringLiteral("2019-08-27"), QStringLiteral("--json")});
    QCOMPARE(code2, 0);
    const QJsonObject totals = QJsonDocument::fromJson(out2).object()[u"totals"].toObject();
    QCOMPARE(totals[u"bytesSent"].toInteger(), qint64(967));
    QCOMPARE(totals[u"bytesReceived"].toInteger(), qint64(1260));
    // The profile shows the flow panel.
    auto [code3, out3] = run({QStringLiteral("profile"), casePath, QStringLiteral("IpAddress"),
                              QStringLiteral("52.213.180.42")});
    QCOMPARE(code3, 0);
    QVERIFY2(out3.contains("Network flows (VPC flow logs)"), out3.constData());
    QVERIFY(out3.contains("23,397,117"));
#endif
}

QTEST_GUILESS_MAIN(TestVpcFlowImport)
#include "tst_vpcflow_import.moc"
