// Golden tests on the Route 53 Resolver query logs in ../shared/data (route53-resolver/, the
// resolver example of derived/aws-docs-extracted, Panther's tests), their CloudWatch Logs
// wrapping, and the same queries as OCSF DNS Activity.
#include "GoldenCaseFixture.h"

#include <QDirIterator>

using namespace sightline;
using namespace sightline::test;

class TestDnsImport : public GoldenCaseFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Resolver query logs sent to CloudWatch Logs and exported with get-log-events.
    void cloudWatchWrappedResolver()
    {
        const QString path = m_dir.filePath(QStringLiteral("resolver-get-log-events.json"));
        const char *record =
            R"({"version":"1.100000","account_id":"111122223333","region":"eu-west-1",)"
            R"("vpc_id":"vpc-0example","query_timestamp":"2024-05-01T10:00:00Z",)"
            R"("query_name":"Exfil.Example.NET.","query_type":"TXT","query_class":"IN",)"
            R"("rcode":"NOERROR","answers":[],"srcaddr":"10.0.1.20","srcport":"53211",)"
            R"("transport":"UDP","srcids":{"instance":"i-0123456789abcdef0"}})";
        QVERIFY(writeFile(
            path, "{\"events\": [{\"timestamp\": 1714557600000, \"message\": " + quoted(record) +
                      ", \"ingestionTime\": 1714557601000}], "
                      "\"nextForwardToken\": \"f/1\"}"));
        QVERIFY(importFresh({toStd(path)}));
        CaseProbe probe(*m_case);
        const auto src = probe.source(toStd(path));
        QVERIFY(src);
        QCOMPARE(src->format, std::string("route53-resolver"));
        const auto events = probe.events();
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events[0].name, std::string("TXT exfil.example.net"));
        QCOMPARE(events[0].time, ms("2024-05-01T10:00:00Z"));
        QCOMPARE(edgeCount(EntityType::Domain, "exfil.example.net", Relation::QueriedBy,
                           EntityType::Ec2Instance, "i-0123456789abcdef0"),
                 1);
    }

    // Route 53 Resolver query logs from an EC2 instance's boot, plus the AWS documentation's
    // DNS Firewall BLOCK record (line 33).
    void route53Elastic()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::string path =
            samplePath(QStringLiteral("route53-resolver/elastic-integrations/test-route53.log"));
        QVERIFY(importFresh({path}));
        CaseProbe probe(*m_case);
        const auto src = probe.source(path);
        QVERIFY(src);
        QCOMPARE(src->format, std::string("route53-resolver"));
        QCOMPARE(src->records, 34);
        QCOMPARE(src->newEvents, 34);
        QCOMPARE(src->errors, 0);
        QCOMPARE(probe.scalar("SELECT count(*) FROM events WHERE kind = " + std::to_string(kDns)),
                 34);
        QCOMPARE(probe.entityCount(EntityType::Domain), 21);
        QCOMPARE(probe.entityCount(EntityType::Ec2Instance), 2);
        QCOMPARE(probe.entityCount(EntityType::IpAddress), 14); // 3 sources, 12 answers, 1 both
        QCOMPARE(probe.events("er.s = 'NXDOMAIN'").size(), size_t(11));
        const auto blocked = probe.events("er.s = 'firewall BLOCK'");
        QCOMPARE(blocked.size(), size_t(1));
        QCOMPARE(blocked[0].line, 33);
        QCOMPARE(blocked[0].name, std::string("PTR 15.199.16.175.in-addr.arpa"));
        QCOMPARE(blocked[0].time, ms("2021-02-04T17:51:55Z"));
        QCOMPARE(blocked[0].principal, entityId(EntityType::Ec2Instance, "i-0d15cd0d3example"));
        const std::string ptr = "15.199.16.175.in-addr.arpa";
        QCOMPARE(edgeCount(EntityType::Domain, ptr, Relation::QueriedBy, EntityType::Ec2Instance,
                           "i-0d15cd0d3example"),
                 1);
        QCOMPARE(edgeCount(EntityType::Domain, ptr, Relation::QueriedBy, EntityType::IpAddress,
                           "81.2.69.143"),
                 1);
        QCOMPARE(edgeCount(EntityType::Domain, ptr, Relation::ResolvesTo, EntityType::IpAddress,
                           "203.0.113.9"),
                 1);
        // The booting instance queried 4 names; its address 172.31.86.159 queried 32 times.
        QCOMPARE(
            probe.scalar("SELECT count(*) FROM edges WHERE relation = " +
                         std::to_string(static_cast<int>(Relation::QueriedBy)) + " AND dst = " +
                         std::to_string(entityId(EntityType::Ec2Instance, "i-079c44232510ca8ff"))),
            4);
        QCOMPARE(probe.scalar("SELECT sum(count) FROM edges WHERE relation = " +
                              std::to_string(static_cast<int>(Relation::QueriedBy)) +
                              " AND dst = " +
                              std::to_string(entityId(EntityType::IpAddress, "172.31.86.159"))),
                 32);
        // Names lose the trailing dot; lookups outside in-addr.arpa keep theirs.
        QVERIFY(probe.entity(EntityType::Domain, "does-not-exist.abc.com"));
        QVERIFY(!probe.entity(EntityType::Domain, "does-not-exist.abc.com."));
    }

    void route53PantherAndDocs()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        // Panther: 8 records, each name twice (with and without the trailing dot) at the same
        // second from the same port: 4 queries, 4 repeats.
        const std::string panther =
            samplePath(QStringLiteral("derived/panther-tests/route53_resolver.jsonl"));
        QVERIFY(importFresh({panther}));
        CaseProbe probe(*m_case);
        auto src = probe.source(panther);
        QVERIFY(src);
        QCOMPARE(src->format, std::string("route53-resolver"));
        QCOMPARE(src->records, 8);
        QCOMPARE(src->newEvents, 4);
        QCOMPARE(src->duplicates, 4);
        QCOMPARE(probe.entityCount(EntityType::Domain), 4);
        QCOMPARE(edgeCount(EntityType::Domain, "moneropool.ru", Relation::QueriedBy,
                           EntityType::Ec2Instance, "i-0abc234"),
                 1);
        // The AWS documentation's example: a PTR lookup blocked by DNS Firewall.
        const std::string docs = samplePath(
            QStringLiteral("derived/aws-docs-extracted/"
                           "route53-docs__resolver-query-logs-example-json__block00.json"));
        QVERIFY(importFresh({docs}));
        CaseProbe docsProbe(*m_case);
        const auto events = docsProbe.events();
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events[0].name, std::string("PTR 15.3.4.32.in-addr.arpa"));
        QCOMPARE(events[0].error, std::string("firewall BLOCK"));
        QCOMPARE(events[0].region, std::string("us-east-1"));
    }

    // One DNS Firewall ALERT query in six files: the native record (route53.raw) and OCSF
    // DNS Activity of 1.0.0-rc.2 (twice), 1.0.0, 1.1.0 and 1.5.0: one event.
    void ocsfDnsSameQuery()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::vector<std::string> paths = {
            samplePath(kExamples + "bloblang/AWS/route53/v1.0.0/samples/route53.raw"),
            samplePath(kExamples + "bloblang/AWS/route53/v1.0.0/samples/OCSF_dns_activity.json"),
            samplePath(kExamples + "markdown/AWS/v1.0.0-rc.2/Route53/samples/route53.ocsf"),
            samplePath(kMd11 + "Route53/samples/route53.ocsf"),
            samplePath(kExamples + "markdown/AWS/v1.5.0/Route53/samples/route53.ocsf"),
            samplePath(QStringLiteral("ocsf/elastic-amazon_security_lake/test-dns-activity.log"))};
        QVERIFY(importInTurn(paths));
        CaseProbe probe(*m_case);
        const auto sources = probe.sources();
        QCOMPARE(sources.size(), size_t(6));
        QCOMPARE(sources[0].format, std::string("route53-resolver"));
        QCOMPARE(sources[0].newEvents, 1);
        for (size_t i = 1; i < sources.size(); ++i) {
            QCOMPARE(sources[i].format, std::string("ocsf"));
            QCOMPARE(sources[i].duplicates, 1);
        }
        const auto events = probe.events();
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events[0].kind, kDns);
        QCOMPARE(events[0].name, std::string("A ip-127-0-0-62.alert.firewall.canary"));
        QCOMPARE(events[0].error, std::string("firewall ALERT"));
        QCOMPARE(events[0].time, ms("2022-10-13T21:02:36Z"));
        QCOMPARE(edgeCount(EntityType::Domain, "ip-127-0-0-62.alert.firewall.canary",
                           Relation::ResolvesTo, EntityType::IpAddress, "127.0.0.62"),
                 1);
        // The empty v1.1.0 sample is listed as skipped.
        const std::string empty =
            samplePath(kExamples + "bloblang/AWS/route53/v1.1.0/samples/OCSF_dns_activity.json");
        auto more = runImport(*m_case, {empty});
        QVERIFY(more);
        const auto e = probe.source(empty);
        QVERIFY(e);
        QCOMPARE(e->status, kSkipped);
        QVERIFY2(contains(e->note, "empty"), e->note.c_str());
    }

    void ocsfPantherDns()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::string path =
            samplePath(QStringLiteral("derived/panther-tests/route53_ocsf_dns_activity.jsonl"));
        QVERIFY(importFresh({path}));
        CaseProbe probe(*m_case);
        const auto events = probe.events();
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(events[0].time, ms("2022-06-25T00:27:53Z")); // "time" written as text
        QCOMPARE(events[0].principal, entityId(EntityType::Ec2Instance, "i-0abc234"));
        QCOMPARE(probe.events("n.s = 'AAAA moneropool.ru'").size(), size_t(1));
        QCOMPARE(probe.events("n.s = 'AAAA dynamodb.us-west-2.amazonaws.com'").size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestDnsImport)
#include "tst_dns_import.moc"
