// Golden tests on the GuardDuty samples in ../shared/data (get-findings output, the S3 export
// as JSON lines, EventBridge events, Panther's test events) and the behaviour of findings over
// time: an updated version replaces the older one, the same version is a duplicate, a GuardDuty
// finding that also comes through Security Hub is one finding; and FindingQuery. Every number
// was counted with python3 from the files. Each test imports into a new case in a QTemporaryDir.
#include "FindingsTestCase.h"
#include "Metric.h"
#include "queries/FindingQuery.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace sightline;
using namespace sightline::test;

class TestFindingsImport : public FindingsTestCase
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Elastic's pipeline input: 5 camelCase findings, one per line, then {"findings":[]}.
    void guardDutyJsonLines()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::string path = samplePath(kElastic);
        QVERIFY(importFresh({path}));
        checkSource(path, "guardduty", 5, 5, 0, 0); // the empty page is no record, no error
        const auto all = findings();
        QCOMPARE(all.size(), size_t(5));
        for (const Stored &s : all) {
            QCOMPARE(s.product, std::string("GuardDuty"));
            QCOMPARE(s.versions, 1);
            QVERIFY(!s.archived);
        }
        const std::string arn = "arn:aws:guardduty:us-east-1:123412341234:detector/";
        auto trojan = finding(arn + "d60123456789e5461eabcd1234abcd1234/finding/"
                                    "d6012345678912345678912349f831b8f");
        QVERIFY(trojan);
        QCOMPARE(trojan->type, std::string("Trojan:EC2/BlackholeTraffic!DNS"));
        QCOMPARE(trojan->title,
                 std::string("Blackholed domain name queried by EC2 instance i-99999999."));
        QCOMPARE(trojan->severity, 5.0);
        QCOMPARE(trojan->label, 2); // Medium: 4.0-6.9
        QCOMPARE(trojan->account, std::string("123412341234"));
        QCOMPARE(trojan->region, std::string("us-east-1"));
        QCOMPARE(trojan->updatedAt, ms("2022-11-22T12:22:20.934Z"));
        QCOMPARE(trojan->firstSeen, ms("2022-11-17T09:33:19.000Z"));
        QCOMPARE(trojan->lastSeen, ms("2022-11-22T12:22:20.000Z"));
        QCOMPARE(trojan->count, 2);
        QCOMPARE(involved(trojan->entity),
                 (Set{"AwsAccount:123412341234", "Domain:generatedfindingdomainname",
                      "Ec2Instance:i-99999999", "IpAddress:175.16.199.1"}));
        CaseProbe probe(*m_case);
        // DNS_REQUEST: the domain was queried by the instance.
        const auto domain = probe.entity(EntityType::Domain, "generatedfindingdomainname");
        const auto instance = probe.entity(EntityType::Ec2Instance, "i-99999999");
        QVERIFY(domain && instance);
        QVERIFY(probe.edge(domain->id, Relation::QueriedBy, instance->id));
        QVERIFY(contains(instance->attrs, "\"networkInterfaces\":[{\"id\":\"eni-abcdef888\""));
        QVERIFY(contains(attrs(trojan->entity), "\"sample\":true"));

        auto anonymous =
            finding(arn + "abcdefe19ce5461eabcd1234abcd1234/finding/250023a9abcdefabcdef12345678");
        QVERIFY(anonymous);
        QCOMPARE(anonymous->type, std::string("Persistence:Kubernetes/SuccessfulAnonymousAccess"));
        QCOMPARE(anonymous->severity, 8.0);
        QCOMPARE(anonymous->label, 3); // High: 7.0-8.9
        QCOMPARE(involved(anonymous->entity),
                 (Set{"AwsAccount:123412341234", "ContainerCluster:GeneratedFindingEKSClusterName",
                      "IpAddress:175.16.199.1", "KubernetesSubject:system:anonymous"}));

        auto tor = finding(
            arn + "12341234e19ce5461eabcd1234abcd1234/finding/43b6abcdeabcdeabcde1234562176924");
        QVERIFY(tor);
        QCOMPARE(tor->label, 2);
        QCOMPARE(involved(tor->entity),
                 (Set{"AccessKey:GeneratedFindingAccessKeyId", "AwsAccount:123412341234",
                      "AwsRole:GeneratedFindingPrincipalId",
                      "ContainerCluster:GeneratedFindingEKSClusterName", "IpAddress:175.16.199.1",
                      "KubernetesSubject:GeneratedFindingUserName"}));
        const auto role = probe.entity(EntityType::AwsRole, "GeneratedFindingPrincipalId");
        const auto key = probe.entity(EntityType::AccessKey, "GeneratedFindingAccessKeyId");
        QVERIFY(role && key);
        QCOMPARE(role->label, std::string("GeneratedFindingUserName"));
        QVERIFY(probe.edge(role->id, Relation::UsesKey, key->id));

        auto rds = finding(
            arn + "4ec22961e1defabcdefabcdef2a1234/finding/5abcdefabcdefabcdef2a123456789f6");
        QVERIFY(rds);
        QCOMPARE(rds->type, std::string("CredentialAccess:RDS/AnomalousBehavior.SuccessfulLogin"));
        QCOMPARE(rds->label, 3);
        QCOMPARE(rds->count, 1);
        QCOMPARE(involved(rds->entity), (Set{"AwsAccount:123412341234", "IpAddress:175.16.199.1"}));
        // The RDS instance has no entity type: it is listed with the finding.
        QVERIFY(
            contains(attrs(rds->entity),
                     "\"resources\":[{\"type\":\"RDSDBInstance\",\"id\":\"arn:aws:rds:us-east-1:"
                     "123456789000:db:GeneratedFindingDBInstanceId\"}]"));
        QVERIFY(contains(attrs(rds->entity), "\"actionType\":\"RDS_LOGIN_ATTEMPT\""));

        // Runtime monitoring: a container on an instance (9-digit, non-numeric account ids).
        auto runtime =
            finding("arn:aws:guardduty:us-west-1:abcd1234:detector/abcd1234/finding/abcd1234");
        QVERIFY(runtime);
        QCOMPARE(runtime->type, std::string("PrivilegeEscalation:Runtime/DockerSocketAccessed"));
        QCOMPARE(runtime->label, 2);
        QCOMPARE(runtime->account, std::string("123456789"));
        QCOMPARE(runtime->count, 9);
        QCOMPARE(runtime->firstSeen, ms("2024-07-24T04:03:51.666Z"));
        QCOMPARE(runtime->lastSeen, ms("2024-10-04T04:06:30.383Z"));
        const std::string image = "[abcd1234.us-west-1.amazonaws.com/mirror/test/infrastructure-"
                                  "bundle:2.8.37](https://abcd1234.us-west-1.amazonaws.com/mirror/"
                                  "test/infrastructure-bundle:2.8.37)";
        QCOMPARE(involved(runtime->entity),
                 (Set{"AwsAccount:123456789", "ContainerImage:" + image, "Ec2Instance:i-abcd1234",
                      "IpAddress:10.30.30.15", "IpAddress:216.160.83.56"}));
        QCOMPARE(probe.entity(EntityType::Ec2Instance, "i-abcd1234")->label,
                 std::string("buildserver-a-0")); // the Name tag

        // Each finding is one event of kind Finding at its updatedAt.
        const auto events = probe.events();
        QCOMPARE(events.size(), size_t(5));
        for (const EventRow &e : events) {
            QCOMPARE(e.kind, static_cast<int>(EventKind::Finding));
            QCOMPARE(e.service, std::string("GuardDuty"));
        }
        QCOMPARE(probe
                     .events("e.name = (SELECT id FROM strings WHERE s = "
                             "'Trojan:EC2/BlackholeTraffic!DNS')")
                     .at(0)
                     .time,
                 ms("2022-11-22T12:22:20.934Z"));
        // Findings aggregates of the shared address: 4 findings, 2 medium and 2 high.
        const auto ip = probe.entity(EntityType::IpAddress, "175.16.199.1");
        const std::string agg = "SELECT coalesce(sum(a), 0) FROM agg_total WHERE metric = " +
                                std::to_string(static_cast<int>(Metric::Findings)) +
                                " AND entity = " + std::to_string(ip->id);
        QCOMPARE(probe.scalar(agg), 4);
        QCOMPARE(probe.scalar(agg + " AND dim = 2"), 2);
        QCOMPARE(probe.scalar(agg + " AND dim = 3"), 2);
    }

    // An EventBridge event whose remote address is redacted ("00000000000000").
    void guardDutyEventBridgeRedactedAddress()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::string path = samplePath(kEventBridge);
        QVERIFY(importFresh({path}));
        checkSource(path, "guardduty", 1, 1, 0, 0);
        const auto all = findings();
        QCOMPARE(all.size(), size_t(1));
        const Stored &f = all[0];
        QCOMPARE(f.key, std::string("arn:aws:guardduty:ap-southeast-2:00000000000:detector/"
                                    "e4b507ba783f3900a2a19712a9f61b8d/finding/"
                                    "34b507de5b20e443b58b96c745235c28"));
        QCOMPARE(f.type, std::string("Recon:EC2/PortProbeUnprotectedPort"));
        QCOMPARE(f.severity, 2.0);
        QCOMPARE(f.label, 1); // Low: 1.0-3.9
        QCOMPARE(f.count, 244);
        QCOMPARE(f.account, std::string("00000000000"));
        QCOMPARE(f.region, std::string("ap-southeast-2"));
        QCOMPARE(f.updatedAt, ms("2019-04-15T11:52:51.956Z"));
        QCOMPARE(f.firstSeen, ms("2019-04-12T03:56:06Z"));
        QCOMPARE(f.lastSeen, ms("2019-04-15T11:40:19Z"));
        // The prober's address and the instance's public address are redacted: no entity.
        QCOMPARE(involved(f.entity), (Set{"AwsAccount:00000000000", "Ec2Instance:i-000000000000",
                                          "IpAddress:172.31.6.116"}));
        CaseProbe probe(*m_case);
        QCOMPARE(probe.entityCount(EntityType::IpAddress), 1);
        QVERIFY(!probe.entity(EntityType::IpAddress, "00000000000000"));
        const std::string a = attrs(f.entity);
        QVERIFY2(contains(a, "\"unparsedIps\":[\"0000000000000\",\"00000000000000\"]"), a.c_str());
        QVERIFY2(contains(a, "\"localPorts\":[22]"), a.c_str());
        QVERIFY2(contains(a, "\"actionType\":\"PORT_PROBE\""), a.c_str());
    }

    // AWS CLI get-findings output: PascalCase keys inside {"Findings": [...]}.
    void guardDutyCliOutput()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::string path = samplePath(kCli);
        QVERIFY(importFresh({path}));
        checkSource(path, "guardduty", 1, 1, 0, 0);
        auto f =
            finding("arn:aws:guardduty:us-east-1:111122223333:detector/"
                    "d4b040365221be2b54a6264dcexample/finding/1ab92989eaf0e742df4a014d5example");
        QVERIFY(f);
        QCOMPARE(f->type, std::string("Recon:IAMUser/UserPermissions"));
        QCOMPARE(f->label, 2);
        QCOMPARE(f->count, 5);
        QCOMPARE(f->updatedAt, ms("2020-05-26T22:55:21.703Z"));
        QCOMPARE(involved(f->entity),
                 (Set{"AccessKey:ASIASZ4SI7REEEXAMPLE", "AwsAccount:111122223333",
                      "AwsUser:AIDACKCEVSQ6C2EXAMPLE", "IpAddress:52.94.36.7"}));
        CaseProbe probe(*m_case);
        const auto user = probe.entity(EntityType::AwsUser, "AIDACKCEVSQ6C2EXAMPLE");
        const auto key = probe.entity(EntityType::AccessKey, "ASIASZ4SI7REEEXAMPLE");
        QVERIFY(user && key);
        QCOMPARE(user->label, std::string("testuser"));
        QVERIFY(probe.edge(user->id, Relation::UsesKey, key->id));
        QVERIFY(contains(attrs(f->entity), "\"api\":\"iam.amazonaws.com:ListPolicyVersions\""));
        const auto events = probe.events();
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events[0].principal, user->id);
        QCOMPARE(events[0].accessKey, key->id);
        QCOMPARE(events[0].ip, probe.entity(EntityType::IpAddress, "52.94.36.7")->id);
    }

    // Panther's test events: 2 attack sequences and one finding six times with the same id and
    // updatedAt (edited severities) - the first is kept, the rest are duplicates.
    void guardDutyPantherEvents()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::string path = samplePath(kPanther);
        QVERIFY(importFresh({path}));
        checkSource(path, "guardduty", 8, 3, 5, 0);
        const auto all = findings();
        QCOMPARE(all.size(), size_t(3));
        const std::string det = "arn:aws:guardduty:us-east-1:123456789012:detector/"
                                "111111bbbbbbbbbb5555555551111111/finding/";
        auto credentials = finding(det + "8c258d654378414b9bc26f61a93eb816");
        QVERIFY(credentials);
        QCOMPARE(credentials->type, std::string("AttackSequence:IAM/CompromisedCredentials"));
        QCOMPARE(credentials->label, 4); // Critical: 9.0-10.0
        QCOMPARE(credentials->updatedAt, ms("2025-02-25T20:40:06.721Z"));
        QCOMPARE(involved(credentials->entity), (Set{"AwsAccount:123456789012"}));
        auto data = finding(det + "b174b38d16e34da0a4c66012083bd8f7");
        QVERIFY(data);
        QCOMPARE(data->label, 4);
        // Keyed by its ARN, whose last part differs from its id in this test event.
        auto admin = finding("arn:aws:guardduty:us-west-2:123456789012:detector/"
                             "111111bbbbbbbbbb5555555551111111/finding/"
                             "90b82273685661b9318f078d0851fe9a");
        QVERIFY(admin);
        QCOMPARE(admin->type, std::string("PrivilegeEscalation:IAMUser/AdministrativePermissions"));
        QCOMPARE(admin->severity, 8.0);
        QCOMPARE(admin->label, 3);
        QCOMPARE(admin->versions, 1);
        QCOMPARE(involved(admin->entity), (Set{"AwsAccount:123456789012",
                                               "AwsRole:arn:aws:iam::123456789012:role/IAMRole"}));
        FindingQuery q(m_case->db());
        auto byId = q.resolve("eeb88ab56556eb7771b266670dddee5a");
        QVERIFY(byId);
        QCOMPARE(byId->id, admin->entity);
    }

    // The S3 export is gzipped JSON lines; a file is recognised by content, not by name.
    void guardDutyGzipExport()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const QByteArray text = readFile(QString::fromStdString(samplePath(kElastic)));
        QVERIFY(!text.isEmpty());
        const std::string gz = write(QStringLiteral("export.jsonl.gz"), gzip(text));
        const std::string misnamed =
            write(QStringLiteral("cloudtrail.json"),
                  readFile(QString::fromStdString(samplePath(kEventBridge))));
        QVERIFY(importFresh({gz, misnamed}));
        checkSource(gz, "guardduty", 5, 5, 0, 0);
        checkSource(misnamed, "guardduty", 1, 1, 0, 0);
        QCOMPARE(findings().size(), size_t(6));
    }

    // An empty page of findings imports nothing, without error, and says so.
    void emptyFindingsPage()
    {
        const std::string path =
            write(QStringLiteral("empty-page.json"), QByteArrayLiteral("{\"findings\": []}\n"));
        QVERIFY(importFresh({path}));
        checkSource(path, "guardduty", 0, 0, 0, 0);
        CaseProbe probe(*m_case);
        const auto src = probe.source(path);
        QVERIFY2(contains(src->note, "holds no findings"), src->note.c_str());
        QCOMPARE(findings().size(), size_t(0));
    }

    // A newer version of a finding (same id, later updatedAt) replaces the older one in the
    // findings table; every version stays in finding_versions; an older one changes nothing.
    void updatedFindingReplacesOlder()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const QByteArray text = readFile(QString::fromStdString(samplePath(kElastic)));
        QJsonObject first = QJsonDocument::fromJson(text.left(text.indexOf('\n'))).object();
        QVERIFY(!first.isEmpty());
        auto variant = [&](const char *updatedAt, double severity, int count,
                           const char *lastSeen) {
            QJsonObject f = first;
            f[QStringLiteral("updatedAt")] = QString::fromLatin1(updatedAt);
            f[QStringLiteral("severity")] = severity;
            QJsonObject service = f[QStringLiteral("service")].toObject();
            service[QStringLiteral("count")] = count;
            service[QStringLiteral("eventLastSeen")] = QString::fromLatin1(lastSeen);
            f[QStringLiteral("service")] = service;
            return QJsonDocument(f).toJson(QJsonDocument::Compact) + '\n';
        };
        const std::string newer =
            write(QStringLiteral("newer.jsonl"),
                  variant("2022-11-23T08:00:00.000Z", 8, 3, "2022-11-23T07:59:00.000Z"));
        const std::string older =
            write(QStringLiteral("older.jsonl"),
                  variant("2022-11-20T08:00:00.000Z", 2, 1, "2022-11-20T07:00:00.000Z"));
        const std::string key = "arn:aws:guardduty:us-east-1:123412341234:detector/"
                                "d60123456789e5461eabcd1234abcd1234/finding/"
                                "d6012345678912345678912349f831b8f";
        QVERIFY(importFresh({samplePath(kElastic)}));
        QVERIFY(importMore({newer}));
        checkSource(newer, "guardduty", 1, 1, 0, 0);
        auto f = finding(key);
        QVERIFY(f);
        QCOMPARE(f->severity, 8.0);
        QCOMPARE(f->label, 3);
        QCOMPARE(f->count, 3);
        QCOMPARE(f->updatedAt, ms("2022-11-23T08:00:00.000Z"));
        QCOMPARE(f->lastSeen, ms("2022-11-23T07:59:00.000Z"));
        QCOMPARE(f->firstSeen, ms("2022-11-17T09:33:19.000Z"));
        QCOMPARE(f->versions, 2);
        QCOMPARE(findings().size(), size_t(5));
        CaseProbe probe(*m_case);
        QCOMPARE(probe.entityCount(EntityType::Finding), 5);

        QVERIFY(importMore({older}));
        checkSource(older, "guardduty", 1, 1, 0, 0);
        f = finding(key);
        QCOMPARE(f->severity, 8.0); // still the newest version
        QCOMPARE(f->updatedAt, ms("2022-11-23T08:00:00.000Z"));
        QCOMPARE(f->versions, 3);

        // The kept version points at the newer file's record.
        FindingQuery q(m_case->db());
        auto d = q.detail(f->entity);
        QVERIFY(d);
        QCOMPARE(d->versions.size(), size_t(3));
        QCOMPARE(d->versions[0].updatedAt, ms("2022-11-20T08:00:00.000Z"));
        QCOMPARE(d->versions[2].updatedAt, ms("2022-11-23T08:00:00.000Z"));
        QVERIFY(d->versions[2].kept && !d->versions[0].kept && !d->versions[1].kept);
        QCOMPARE(d->versions[2].sourcePath, newer);
        QCOMPARE(d->versions[1].sourcePath, samplePath(kElastic));
        QCOMPARE(d->versions[1].line, 1);
    }

    // The same version again, in another file and shape, is a duplicate.
    void sameVersionIsDuplicate()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const QByteArray text = readFile(QString::fromStdString(samplePath(kElastic)));
        const QByteArray page = "{\"Findings\": [" + text.left(text.indexOf('\n')) + "]}";
        const std::string path = write(QStringLiteral("page.json"), page);
        QVERIFY(importFresh({samplePath(kElastic)}));
        QVERIFY(importMore({path}));
        checkSource(path, "guardduty", 1, 0, 1, 0);
        QCOMPARE(findings().size(), size_t(5));
        for (const Stored &s : findings())
            QCOMPARE(s.versions, 1);
    }

    // A GuardDuty finding imported from GuardDuty and through Security Hub is one finding
    // with two versions, whichever comes first.
    void guardDutyViaSecurityHubIsOneFinding()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::string asff = samplePath(
            kOcsf +
            QStringLiteral("v1.1.0/Security_Hub/Detection_Finding/samples/sechub-guardduty.raw"));
        // The same finding as GuardDuty writes it (values from the ASFF sample).
        const QByteArray native = R"({"schemaVersion":"2.0","accountId":"111111111111",
"region":"us-east-2","partition":"aws","id":"a6c556fcbc9bea427a19f8b787099a0b",
"arn":"arn:aws:guardduty:us-east-2:111111111111:detector/1ac1bfceda6679698215d5d0EXAMPLE/finding/a6c556fcbc9bea427a19f8b787099a0b",
"type":"Stealth:IAMUser/CloudTrailLoggingDisabled",
"resource":{"resourceType":"AccessKey","accessKeyDetails":{"accessKeyId":"ASIATMJPC7EXAMPLE",
"principalId":"AROATMJPC7YEXAMPLE:example","userName":"Admin","userType":"AssumedRole"}},
"service":{"serviceName":"guardduty","detectorId":"1ac1bfceda6679698215d5d0EXAMPLE",
"action":{"actionType":"AWS_API_CALL","awsApiCallAction":{"api":"DeleteTrail",
"serviceName":"cloudtrail.amazonaws.com","callerType":"Remote IP",
"remoteIpDetails":{"ipAddressV4":"52.94.133.131"}}},"resourceRole":"TARGET",
"eventFirstSeen":"2023-09-19T14:55:09.000Z","eventLastSeen":"2023-09-19T14:55:09.000Z",
"archived":false,"count":1},"severity":2,"createdAt":"2023-09-19T15:05:22.487Z",
"updatedAt":"2023-09-19T15:05:22.487Z",
"title":"AWS CloudTrail trail arn:aws:cloudtrail:us-east-2:111111111111:trail/delete-me was disabled.",
"description":"AWS CloudTrail trail was disabled by Admin calling DeleteTrail."}
)";
        const std::string gd = write(QStringLiteral("guardduty-native.json"), native);
        for (int order = 0; order < 2; ++order) {
            QVERIFY(importFresh(order == 0 ? std::vector<std::string>{asff}
                                           : std::vector<std::string>{gd}));
            QVERIFY(importMore(order == 0 ? std::vector<std::string>{gd}
                                          : std::vector<std::string>{asff}));
            checkSource(asff, "securityhub", 1, 1, 0, 0);
            checkSource(gd, "guardduty", 1, 1, 0, 0);
            const auto all = findings();
            QCOMPARE(all.size(), size_t(1));
            CaseProbe probe(*m_case);
            QCOMPARE(probe.entityCount(EntityType::Finding), 1);
            const Stored &f = all[0];
            QCOMPARE(f.product, std::string("GuardDuty"));
            QCOMPARE(f.type, std::string("Stealth:IAMUser/CloudTrailLoggingDisabled"));
            QCOMPARE(f.severity, 2.0);
            QCOMPARE(f.label, 1);
            QCOMPARE(f.versions, 2);
            QCOMPARE(involved(f.entity),
                     (Set{"AccessKey:ASIATMJPC7EXAMPLE", "AwsAccount:111111111111",
                          "AwsRole:AROATMJPC7YEXAMPLE", "AwsRoleSession:AROATMJPC7YEXAMPLE:example",
                          "IpAddress:52.94.133.131"}));
            const auto session =
                probe.entity(EntityType::AwsRoleSession, "AROATMJPC7YEXAMPLE:example");
            const auto role = probe.entity(EntityType::AwsRole, "AROATMJPC7YEXAMPLE");
            QVERIFY(session && role);
            QCOMPARE(role->label, std::string("Admin"));
            QVERIFY(probe.edge(session->id, Relation::Assumed, role->id));
        }
    }

    // The questions sightline-cli asks: which findings involve an entity; which entities a
    // finding involves.
    void findingQueries()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(importFresh({samplePath(kElastic), samplePath(kEventBridge)}));
        FindingQuery q(m_case->db());
        FindingFilter all;
        auto page = q.list(all);
        QVERIFY(page);
        QCOMPARE(page->total, 6);
        QCOMPARE(page->findings.size(), size_t(6));
        QVERIFY(!page->more);
        for (size_t i = 1; i < page->findings.size(); ++i) // most severe first
            QVERIFY(page->findings[i - 1].severityLabel >= page->findings[i].severityLabel);
        QCOMPARE(page->findings.back().type, std::string("Recon:EC2/PortProbeUnprotectedPort"));

        auto ip = q.lookup().resolve(EntityType::IpAddress, "175.16.199.1");
        QVERIFY(ip);
        FindingFilter byIp;
        byIp.entity = ip->id;
        page = q.list(byIp);
        QVERIFY(page);
        QCOMPARE(page->total, 4);
        byIp.severities = 1u << 3; // High
        page = q.list(byIp);
        QCOMPARE(page->total, 2);
        for (const FindingSummary &s : page->findings)
            QCOMPARE(s.severityLabel, 3);
        byIp.severities = 0;
        byIp.limit = 3;
        page = q.list(byIp);
        QCOMPARE(page->findings.size(), size_t(3));
        QVERIFY(page->more);
        FindingFilter range; // active in 2019 only
        range.range.from = ms("2019-01-01T00:00:00Z");
        range.range.to = ms("2020-01-01T00:00:00Z");
        page = q.list(range);
        QCOMPARE(page->total, 1);

        auto ref = q.resolve("34b507de5b20e443b58b96c745235c28"); // the id alone
        QVERIFY(ref);
        auto d = q.detail(ref->id, true);
        QVERIFY(d);
        QCOMPARE(d->summary.type, std::string("Recon:EC2/PortProbeUnprotectedPort"));
        QCOMPARE(d->involved.size(), size_t(3));
        QCOMPARE(d->involved[0].entity.type, EntityType::AwsAccount);
        QCOMPARE(d->involved[1].entity.key, std::string("i-000000000000"));
        QCOMPARE(d->involved[2].entity.key, std::string("172.31.6.116"));
        QCOMPARE(d->versions.size(), size_t(1));
        QCOMPARE(d->versions[0].sourcePath, samplePath(kEventBridge));
        QCOMPARE(d->versions[0].line, 1);
        QVERIFY(contains(d->raw, "\"detail-type\": \"GuardDuty Finding\""));
        QVERIFY(!q.resolve("no-such-finding"));
        QCOMPARE(q.resolve("no-such-finding").error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestFindingsImport)
#include "tst_findings_import.moc"
