// Golden tests on the Security Hub (ASFF) samples in ../shared/data: every securityhub-asff
// sample (bare findings and EventBridge events, with and without Resources[].Details), the
// ASFF examples of the AWS docs and CLI, OCSF's raw inputs, Panther's test events, GuardDuty
// findings in ASFF, and the files next to them that hold no findings. Every number was counted
// with python3 from the files. Each test imports into a new case in a QTemporaryDir.
#include "AsffSampleRows.h"
#include "FindingsTestCase.h"
#include "Relation.h"
#include "queries/FindingQuery.h"

using namespace sightline;
using namespace sightline::test;

class TestSecurityHubImport : public FindingsTestCase
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void asffSamples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<QString>("entities");
        for (const AsffSampleRow &r : kAsffSamples)
            QTest::newRow(r.path) << QString::fromLatin1(r.path) << r.records << r.findings
                                  << QString::fromLatin1(r.labels)
                                  << QString::fromLatin1(r.involved);
    }

    // Every sample of securityhub-asff: bare findings and EventBridge events.
    void asffSamples()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QFETCH(QString, file);
        QFETCH(int, records);
        QFETCH(int, count);
        QFETCH(QString, labels);
        QFETCH(QString, entities);
        const std::string path = samplePath(file);
        QVERIFY(importFresh({path}));
        checkSource(path, "securityhub", records, count, 0, 0);
        const auto all = findings();
        QCOMPARE(static_cast<int>(all.size()), count);
        Set got;
        for (const Stored &s : all) {
            QCOMPARE(s.product, std::string("Security Hub"));
            got.insert(std::string(findingSeverityName(s.label)));
            QVERIFY(s.updatedAt > 0);
        }
        QCOMPARE(got, split(toStd(labels), ','));
        const Set want = split(toStd(entities), ';');
        const Set have = involvedByAll();
        QVERIFY2(have == want, difference(have, want).constData());
    }

    // The -nodetails variants lack Resources[].Details: the user is then known by its ARN.
    void asffWithoutDetails()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const QString dir = QStringLiteral("securityhub-asff/asr-simdata/");
        QVERIFY(importFresh({samplePath(dir + QStringLiteral("afsbp-iam.8.json"))}));
        CaseProbe probe(*m_case);
        auto user = probe.entity(EntityType::AwsUser, "AIDACKCEVSQ6C2EXAMPLE");
        QVERIFY(user);
        QCOMPARE(user->label, std::string("sharrtest"));
        QVERIFY(importFresh({samplePath(dir + QStringLiteral("afsbp-iam.8-nodetails.json"))}));
        CaseProbe probe2(*m_case);
        user = probe2.entity(EntityType::AwsUser,
                             "arn:aws:iam::111122223333:user/AIDACKCEVSQ6C2EXAMPLE");
        QVERIFY(user);
        QCOMPARE(user->label, std::string("AIDACKCEVSQ6C2EXAMPLE"));
        QCOMPARE(user->account, std::string("111122223333"));
        // A resource without an entity type is listed with the finding, details or not.
        for (const char *file : {"afsbp-rds.1.json", "afsbp-rds.1-nodetails.json"}) {
            QVERIFY(importFresh({samplePath(dir + QString::fromLatin1(file))}));
            const auto all = findings();
            QCOMPARE(all.size(), size_t(1));
            const std::string a = attrs(all[0].entity);
            QVERIFY2(contains(a, "\"resources\":[{\"type\":\"AwsRdsDbClusterSnapshot\""),
                     a.c_str());
        }
    }

    // A GuardDuty finding in ASFF (the Security Hub integration): keyed, typed and graded as
    // GuardDuty does it. The AWS docs print its ARN "arn:aws::guardduty:".
    void asffFromGuardDuty()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::string doc = samplePath(
            kDocs + QStringLiteral("guardduty-user-guide__securityhub-integration__block00.json"));
        QVERIFY(importFresh({doc}));
        checkSource(doc, "securityhub", 1, 1, 0, 0);
        auto f =
            finding("arn:aws:guardduty:us-east-1:193043430472:detector/"
                    "d4b040365221be2b54a6264dc9a4bc64/finding/46ba0ac2845071e23ccdeb2ae03bfdea");
        QVERIFY(f);
        QCOMPARE(f->product, std::string("GuardDuty"));
        QCOMPARE(f->type, std::string("UnauthorizedAccess:EC2/SSHBruteForce"));
        QCOMPARE(f->severity, 2.0); // Severity.Product: GuardDuty's number
        QCOMPARE(f->label, 1);      // Low by GuardDuty's levels (the doc's Label says MEDIUM)
        QCOMPARE(f->region, std::string("us-east-1")); // no Region field: from the ARN
        QCOMPARE(f->count, 74);
        QCOMPARE(f->firstSeen, ms("2020-08-22T09:15:57Z"));
        QCOMPARE(f->lastSeen, ms("2020-09-30T11:56:49Z"));
        QCOMPARE(f->updatedAt, ms("2020-09-30T12:14:00.206Z"));
        QCOMPARE(
            involved(f->entity),
            (Set{"AwsAccount:193043430472", "Ec2Instance:i-0c10c2c7863d1a356",
                 "IpAddress:172.31.43.6", "IpAddress:18.234.130.16", "IpAddress:199.241.229.197"}));
        const std::string a = attrs(f->entity);
        QVERIFY2(contains(a, "\"localPorts\":[22]") && contains(a, "\"remotePorts\":[46717]"),
                 a.c_str());

        const std::string raw = samplePath(
            kOcsf +
            QStringLiteral("v1.1.0/Security_Hub/Detection_Finding/samples/sechub-guardduty.raw"));
        QVERIFY(importFresh({raw}));
        checkSource(raw, "securityhub", 1, 1, 0, 0);
        f = finding("arn:aws:guardduty:us-east-2:111111111111:detector/"
                    "1ac1bfceda6679698215d5d0EXAMPLE/finding/a6c556fcbc9bea427a19f8b787099a0b");
        QVERIFY(f);
        QCOMPARE(f->type, std::string("Stealth:IAMUser/CloudTrailLoggingDisabled"));
        QCOMPARE(f->label, 1);
        QCOMPARE(involved(f->entity),
                 (Set{"AccessKey:ASIATMJPC7EXAMPLE", "AwsAccount:111111111111",
                      "AwsRole:AROATMJPC7YEXAMPLE", "AwsRoleSession:AROATMJPC7YEXAMPLE:example",
                      "IpAddress:52.94.133.131"}));
        QVERIFY(contains(attrs(f->entity), "\"api\":\"cloudtrail.amazonaws.com:DeleteTrail\""));
        QVERIFY(contains(attrs(f->entity), "\"type\":\"AWS::CloudTrail::Trail\""));
    }

    // The other ASFF samples: CLI output, Security Hub user guide, OCSF's raw inputs, Panther.
    void asffOtherSamples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("events");
        QTest::addColumn<int>("duplicates");
        QTest::addColumn<QString>("product");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<QString>("entities");
        const QString guide =
            kDocs + QStringLiteral("security-hub-user-guide__sample-control-findings__block0");
        QTest::newRow("cli get-findings")
            << kDocs + QStringLiteral("awscli__securityhub-get-findings__block00.json") << 1 << 1
            << 0 << "Security Hub"
            << "Informational"
            << "AwsAccount:123456789012";
        for (const char *n : {"0", "1", "4"})
            QTest::newRow(qPrintable(QStringLiteral("control finding %1").arg(QLatin1String(n))))
                << guide + QLatin1String(n) + QStringLiteral(".json") << 1 << 1 << 0
                << "Security Hub"
                << "Medium"
                << "AwsAccount:123456789012";
        QTest::newRow("control finding 2")
            << guide + QStringLiteral("2.json") << 1 << 1 << 0 << "Security Hub"
            << "Medium"
            << "AwsAccount:123456789012";
        QTest::newRow("control finding 5")
            << guide + QStringLiteral("5.json") << 1 << 1 << 0 << "Security Hub"
            << "Medium"
            << "AwsAccount:123456789012";
        QTest::newRow("ocsf Security_Hub.raw")
            << kOcsf + QStringLiteral("v1.0.0-rc.2/Security_Hub/samples/Security_Hub.raw") << 1 << 1
            << 0 << "Security Hub"
            << "Informational"
            << "AwsAccount:522536594833";
        QTest::newRow("ocsf sechub-pci.raw")
            << kOcsf +
                   QStringLiteral("v1.1.0/Security_Hub/Compliance_Finding/samples/sechub-pci.raw")
            << 1 << 1 << 0 << "Security Hub"
            << "Medium"
            << "AwsAccount:111111111111";
        QTest::newRow("ocsf inspector.raw")
            << kOcsf +
                   QStringLiteral("v1.1.0/Security_Hub/Vulnerability_Finding/samples/inspector.raw")
            << 1 << 1 << 0 << "Inspector"
            << "Medium"
            << "AwsAccount:111111111111\nContainerImage:browserhostingstack-EXAMPLE-btb1o54yh1jr@"
               "sha256:e9e2afad74f4e80511a5cff33d3d989b9797a718425f27e549f5b1f862c058a8";
        // 10 lines, each finding twice (same Id and UpdatedAt). Roles and users are left out
        // here: the role behind a session meets an existing one of the same name in the same
        // account (see Interner::principal), so which key wins depends on the order.
        QTest::newRow("panther DecoyDetector")
            << QStringLiteral("derived/panther-tests/securityhub_asff.jsonl") << 10 << 5 << 5
            << "DecoyDetector"
            << "High"
            << "AccessKey:ABC12DEFSG3455VIEJC8U\nAccessKey:ABC9ONWNS3155VIEJC8U\n"
               "AccessKey:ABCDEFG1HIJ2KLMNOPQR\nAwsAccount:123456789012\n"
               "AwsRoleSession:ABC12DEFSG3455VIEJC8U:john.doe\n"
               "AwsRoleSession:ABC9ONWNS3155VIEJC8U:john.doe\n"
               "AwsRoleSession:ABCDEFG0TOGJSGNQKI0:john.doe\n"
               "AwsRoleSession:ABCDEFG1HIJ2KLMNOPQR:john.doe\n"
               "AwsRoleSession:ABCDEFGH0TOGJSGNQKI0:john.doe\nIpAddress:11.1.111.11\n"
               "IpAddress:11.111.11.111\nIpAddress:111.111.111.111\nS3Bucket:panther-databucket\n"
               "UserAgent:AWS Internal\nUserAgent:AWS Signin, aws-internal/3 aws-sdk-java/1.12.720 "
               "Linux/5.10.215-181.850.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/17.0.11+10-LTS "
               "java/17.0.11 kotlin/1.3.72 vendor/Amazon.com_Inc. cfg/retry-mode/standard "
               "cfg/auth-source#unknown\nUserAgent:Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) "
               "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36\n"
               "UserAgent:[Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
               "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36]\n"
               "UserAgent:secretsmanager.amazonaws.com";
    }

    void asffOtherSamples()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QFETCH(QString, file);
        QFETCH(int, records);
        QFETCH(int, events);
        QFETCH(int, duplicates);
        QFETCH(QString, product);
        QFETCH(QString, labels);
        QFETCH(QString, entities);
        const std::string path = samplePath(file);
        QVERIFY(importFresh({path}));
        checkSource(path, "securityhub", records, events, duplicates, 0);
        Set got;
        for (const Stored &s : findings()) {
            QCOMPARE(s.product, toStd(product));
            got.insert(std::string(findingSeverityName(s.label)));
        }
        QCOMPARE(got, split(toStd(labels), ','));
        Set have = involvedByAll();
        if (product == u"DecoyDetector") {
            std::erase_if(have, [](const std::string &e) {
                return e.rfind("AwsRole:", 0) == 0 || e.rfind("AwsUser:", 0) == 0;
            });
            // Every session is tied to the role it was assumed from.
            CaseProbe probe(*m_case);
            QCOMPARE(probe.scalar("SELECT count(DISTINCT src) FROM edges WHERE relation = " +
                                  std::to_string(static_cast<int>(Relation::Assumed))),
                     5);
        }
        const Set want = split(toStd(entities), '\n');
        QVERIFY2(have == want, difference(have, want).constData());
    }

    // Files next to the findings that hold none: skipped, each with its reason.
    void filesWithoutFindings_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("list-findings")
            << kDocs + QStringLiteral("awscli__guardduty-list-findings__block00.json")
            << "list of finding ids";
        QTest::newRow("finding criteria")
            << kDocs + QStringLiteral("awscli__guardduty-list-findings__block01.json")
            << "filter criteria";
        QTest::newRow("list-findings 2")
            << kDocs + QStringLiteral("awscli__guardduty-list-findings__block02.json")
            << "list of finding ids";
        QTest::newRow("batch-import response")
            << kDocs + QStringLiteral("awscli__securityhub-batch-import-findings__block00.json")
            << "BatchImportFindings response";
        QTest::newRow("finding history")
            << kDocs + QStringLiteral("awscli__securityhub-get-finding-history__block00.json")
            << "finding history";
        QTest::newRow("rule pattern")
            << kDocs + QStringLiteral(
                           "security-hub-user-guide__securityhub-cwe-custom-actions__block02.json")
            << "EventBridge rule pattern";
        QTest::newRow("rule pattern 2")
            << kDocs + QStringLiteral(
                           "security-hub-user-guide__securityhub-cwe-custom-actions__block03.json")
            << "EventBridge rule pattern";
        QTest::newRow("insight results")
            << kDocs + QStringLiteral(
                           "security-hub-user-guide__securityhub-cwe-event-formats__block02.json")
            << "Insight Results";
    }

    void filesWithoutFindings()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QFETCH(QString, file);
        QFETCH(QString, reason);
        const std::string path = samplePath(file);
        QVERIFY(importFresh({path}));
        CaseProbe probe(*m_case);
        const auto src = probe.source(path);
        QVERIFY(src);
        QCOMPARE(src->status, kSkipped);
        QVERIFY2(contains(src->note, qPrintable(reason)), src->note.c_str());
    }
};

QTEST_GUILESS_MAIN(TestSecurityHubImport)
#include "tst_securityhub_import.moc"
