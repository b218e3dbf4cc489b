// Golden tests on the OCSF samples in ../shared/data (ocsf/): API Activity, Network Activity,
// findings, damaged and unsupported files; and that every file under k8s-audit/,
// route53-resolver/ and ocsf/ is handled.
#include "GoldenCaseFixture.h"

#include <QDirIterator>

using namespace sightline;
using namespace sightline::test;

class TestOcsfImport : public GoldenCaseFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // OCSF API Activity and CloudTrail IAM classes, as CloudTrail would give them.
    void ocsfApiActivity()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::string elastic =
            samplePath(QStringLiteral("ocsf/elastic-amazon_security_lake/test-api-activity.log"));
        QVERIFY(importFresh({elastic}));
        CaseProbe probe(*m_case);
        auto events = probe.events();
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events[0].kind, kApi);
        QCOMPARE(events[0].name, std::string("DescribeDirectConnectGateways"));
        QCOMPARE(events[0].service, std::string("directconnect.amazonaws.com"));
        QCOMPARE(events[0].time, ms("2020-09-21T22:22:52Z"));
        const auto user = probe.entity(EntityType::AwsUser, "AIDADO2GQD0K8TEF7KW1V");
        QVERIFY(user);
        QCOMPARE(user->label, std::string("Level6"));
        QCOMPARE(user->account, std::string("811596193553"));
        QCOMPARE(events[0].principal, user->id);
        QCOMPARE(events[0].ip, entityId(EntityType::IpAddress, "1.128.0.0"));
        QCOMPARE(events[0].accessKey, entityId(EntityType::AccessKey, "AKIA3Z2XBVUDFQ9TU4MD"));

        // 1.1.0: the OCSF event and the CloudTrail record it came from are one event.
        QVERIFY(importInTurn(
            {samplePath(kMd11 + "CloudTrail/API_Activity/samples/generic_api_activity.raw"),
             samplePath(kMd11 + "CloudTrail/API_Activity/samples/generic_api_activity.ocsf")}));
        CaseProbe pair(*m_case);
        QCOMPARE(pair.scalar("SELECT count(*) FROM events"), 1);
        QCOMPARE(pair.sources()[1].duplicates, 1);

        // Account Change (3001): an assumed-role session creates user test_user2.
        QVERIFY(importFresh(
            {samplePath(kMd11 + "CloudTrail/Account_Change/samples/account_change.ocsf")}));
        CaseProbe change(*m_case);
        const std::string session = "AROA2W7SOKHEXAMPLE:Admin-user";
        QVERIFY(change.entity(EntityType::AwsRoleSession, session));
        const auto admin = change.entity(EntityType::AwsRole, "AROA2W7SOKHEXAMPLE");
        QVERIFY(admin);
        QCOMPARE(admin->label, std::string("Admin"));
        QCOMPARE(edgeCount(EntityType::AwsRoleSession, session, Relation::Created,
                           EntityType::AwsUser, "AIDA2W7SOKHEXAMPLE"),
                 1);
        QCOMPARE(change.entity(EntityType::AwsUser, "AIDA2W7SOKHEXAMPLE")->label,
                 std::string("test_user2"));

        // Authentication (3002): a console sign-in.
        QVERIFY(importFresh(
            {samplePath(kMd11 + "CloudTrail/Authentication/samples/authentication.ocsf")}));
        CaseProbe auth(*m_case);
        events = auth.events();
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events[0].kind, kSignIn);
        QCOMPARE(events[0].name, std::string("ConsoleLogin"));
        QCOMPARE(events[0].principal, entityId(EntityType::AwsUser, "AIDACKCEVSQ6C2EXAMPLE"));
    }

    // Network Activity (VPC Flow Logs in Security Lake) becomes flows, not events.
    void ocsfNetworkActivity()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        // rc.2: 1.2.3.4:56858 -> 172.31.2.52:39938 TCP, inbound to i-000000000000000000,
        // refused, 40 bytes, 1 packet, 2022-04-12T00:02:12Z.
        const std::string rc2 =
            samplePath(kExamples + "markdown/AWS/v1.0.0-rc.2/VPC_Flowlogs/samples/vpcflowlog.ocsf");
        QVERIFY(importFresh({rc2}));
        QCOMPARE(m_summary.newEvents, 0);
        QCOMPARE(m_summary.flowRecords, 1);
        CaseProbe probe(*m_case);
        QCOMPARE(probe.scalar("SELECT count(*) FROM events"), 0);
        const std::string flow =
            "SELECT %s FROM flows WHERE local = " +
            std::to_string(entityId(EntityType::Ec2Instance, "i-000000000000000000")) +
            " AND remote = " + std::to_string(entityId(EntityType::IpAddress, "1.2.3.4"));
        auto col = [&](const char *c) {
            std::string sql = flow;
            sql.replace(sql.find("%s"), 2, c);
            return probe.scalar(sql);
        };
        QCOMPARE(col("count(*)"), 1);
        QCOMPARE(col("bytes"), 40);
        QCOMPARE(col("packets"), 1);
        QCOMPARE(col("rejected"), 1);
        QCOMPARE(col("accepted"), 0);
        QCOMPARE(col("direction"), 1);
        QCOMPARE(col("protocol"), 6);
        QCOMPARE(col("local_port"), 39938);
        QCOMPARE(col("remote_port"), 56858);
        QCOMPARE(col("first_seen"), ms("2022-04-12T00:02:12Z"));
        QCOMPARE(col("last_seen"), ms("2022-04-12T00:03:08Z"));
        QCOMPARE(edgeCount(EntityType::Ec2Instance, "i-000000000000000000", Relation::TalkedTo,
                           EntityType::IpAddress, "1.2.3.4"),
                 1);
        QCOMPARE(total(EntityType::Ec2Instance, "i-000000000000000000", Metric::FlowBytes),
                 std::make_pair(int64_t(40), int64_t(0)));

        // Data Prepper wrote the same flow with times in seconds.
        QVERIFY(runImport(
            *m_case,
            {samplePath(kExamples + "dataprepper/AWS/v1.1.0/VPC_Flow/samples/vpcflowlog.ocsf")}));
        QCOMPARE(col("bytes"), 80);
        QCOMPARE(col("first_seen"), ms("2022-04-12T00:02:12Z"));

        // 1.5.0: outbound from 1.2.3.4:8080 to 1.2.3.5:8864, accepted, 38526 bytes.
        QVERIFY(importFresh(
            {samplePath(kExamples + "markdown/AWS/v1.5.0/VPC_Flowlogs/samples/vpcflowlog.ocsf")}));
        CaseProbe out(*m_case);
        QCOMPARE(out.scalar("SELECT count(*) FROM flows WHERE direction = 2 AND bytes = 38526 AND "
                            "packets = 8 AND accepted = 1 AND local_port = 8080 AND "
                            "remote_port = 8864"),
                 1);
        QCOMPARE(total(EntityType::IpAddress, "1.2.3.5", Metric::FlowBytes),
                 std::make_pair(int64_t(38526), int64_t(0)));
    }

    // Findings: Security Finding (rc.2), Detection Finding (a GuardDuty finding via Security
    // Hub), Vulnerability and Compliance Findings.
    void ocsfFindings()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(importFresh({samplePath(
            kExamples + "markdown/AWS/v1.0.0-rc.2/Security_Hub/samples/Security_Hub.ocsf")}));
        CaseProbe sh(*m_case);
        QCOMPARE(sh.scalar("SELECT count(*) FROM findings"), 1);
        QCOMPARE(sh.scalar("SELECT severity_label FROM findings"), 0); // Informational
        const auto test = sh.entity(EntityType::Finding, "test");
        QVERIFY(test);
        QVERIFY2(contains(test->attrs, "AwsEc2SecurityGroup"), test->attrs.c_str());

        const std::string gdArn = "arn:aws:guardduty:us-east-2:111111111111:detector/"
                                  "1ac1bfceda6679698215d5d0EXAMPLE/finding/"
                                  "a6c556fcbc9bea427a19f8b787099a0b";
        QVERIFY(importFresh(
            {samplePath(kMd11 + "Security_Hub/Detection_Finding/samples/sechub-guardduty.ocsf")}));
        CaseProbe gd(*m_case);
        const auto events = gd.events();
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events[0].kind, kFinding);
        QCOMPARE(events[0].name, std::string("Stealth:IAMUser/CloudTrailLoggingDisabled"));
        QCOMPARE(gd.scalar("SELECT severity_label FROM findings"), 1); // Low
        QCOMPARE(edgeCount(EntityType::Finding, gdArn, Relation::Involves, EntityType::AccessKey,
                           "ASIATMJPC7EXAMPLE"),
                 1);
        QCOMPARE(edgeCount(EntityType::Finding, gdArn, Relation::Involves, EntityType::IpAddress,
                           "52.94.133.131"),
                 1);
        QCOMPARE(edgeCount(EntityType::AwsRoleSession, "AROATMJPC7YEXAMPLE:example",
                           Relation::UsesKey, EntityType::AccessKey, "ASIATMJPC7EXAMPLE"),
                 1);

        QVERIFY(importFresh(
            {samplePath(kMd11 + "Security_Hub/Vulnerability_Finding/samples/inspector.ocsf"),
             samplePath(kMd11 + "Security_Hub/Compliance_Finding/samples/sechub-pci.ocsf")}));
        CaseProbe two(*m_case);
        QCOMPARE(two.scalar("SELECT count(*) FROM findings"), 2);
    }

    // Broken and unsupported inputs: the 1.5.0 samples printed with trailing commas are
    // errors on their line 1; WAF logs (native and OCSF HTTP Activity) and Parquet are
    // skipped with a reason.
    void ocsfDamagedAndUnsupported()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const QString v15 = kExamples + QStringLiteral("markdown/AWS/v1.5.0/");
        for (const QString &f :
             {QStringLiteral("CloudTrail/API_Activity/samples/generic_api_activity.ocsf"),
              QStringLiteral("CloudTrail/Authentication/samples/authentication.ocsf"),
              QStringLiteral("EKS_Audit_Logs/samples/eks.ocsf")}) {
            const std::string path = samplePath(v15 + f);
            QVERIFY(importFresh({path}));
            CaseProbe probe(*m_case);
            const auto src = probe.source(path);
            QVERIFY(src);
            QCOMPARE(src->format, std::string("ocsf"));
            QCOMPARE(src->records, 1);
            QCOMPARE(src->newEvents, 0);
            const auto errs = probe.errors(src->id);
            QCOMPARE(errs.size(), size_t(1));
            QCOMPARE(errs[0].line, 1);
            QVERIFY2(contains(errs[0].reason, "invalid JSON"), errs[0].reason.c_str());
        }
        const QString parquet = m_dir.filePath(QStringLiteral("part-0000.parquet"));
        QVERIFY(writeFile(parquet, QByteArray("PAR1\x15\x04\x15\x10\x15\x14L", 11)));
        const std::vector<std::pair<std::string, const char *>> skipped = {
            {samplePath(kMd11 + "WAF/Samples/waf.raw"), "AWS WAF log, not supported yet"},
            {samplePath(kMd11 + "WAF/Samples/waf.ocsf"), "HTTP Activity (class_uid 4002)"},
            {samplePath(QStringLiteral("derived/panther-tests/waf.jsonl")), "AWS WAF log"},
            {toStd(parquet), "Parquet"}};
        for (const auto &[path, reason] : skipped) {
            QVERIFY(importFresh({path}));
            CaseProbe probe(*m_case);
            const auto src = probe.source(path);
            QVERIFY(src);
            QCOMPARE(src->status, kSkipped);
            QVERIFY2(contains(src->note, reason), src->note.c_str());
        }
    }

    // Every file under k8s-audit/, route53-resolver/ and ocsf/ is imported (events, flows or
    // recorded errors) or skipped with a reason; the formats of this suite claim theirs.
    void everyFileHandled()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        std::vector<std::string> roots = {samplePath(QStringLiteral("k8s-audit")),
                                          samplePath(QStringLiteral("route53-resolver")),
                                          samplePath(QStringLiteral("ocsf"))};
        QVERIFY(importFresh(roots));
        CaseProbe probe(*m_case);
        int files = 0;
        for (const QString &root : {QStringLiteral("k8s-audit"), QStringLiteral("route53-resolver"),
                                    QStringLiteral("ocsf")}) {
            QDirIterator it(sharedData() + "/" + root, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const std::string path = toStd(QDir::cleanPath(it.next()));
                ++files;
                const ImportedFile *r = findResult(m_summary, path);
                QVERIFY2(r, path.c_str());
                if (r->status == kSkipped) {
                    QVERIFY2(!r->note.empty(), path.c_str());
                    continue;
                }
                QCOMPARE(r->status, kImported);
                QVERIFY2(r->records > 0, path.c_str());
                const bool flows = contains(r->note, "aggregated");
                QVERIFY2(r->newEvents + r->duplicates > 0 || r->errors > 0 || flows, path.c_str());
                const bool mine = contains(path, "/k8s-audit/") ||
                                  contains(path, "/route53-resolver/") || contains(path, ".ocsf") ||
                                  contains(path, "OCSF_") || contains(path, "ocsf_eks") ||
                                  contains(path, "eks.json") || contains(path, "eks.raw") ||
                                  contains(path, "route53.raw") ||
                                  contains(path, "elastic-amazon_security_lake");
                if (mine)
                    QVERIFY2(r->format == "k8s-audit" || r->format == "route53-resolver" ||
                                 r->format == "ocsf",
                             (path + ": " + r->format).c_str());
            }
        }
        QCOMPARE(files, 47 + 1 + 52);
    }
};

QTEST_GUILESS_MAIN(TestOcsfImport)
#include "tst_ocsf_import.moc"
