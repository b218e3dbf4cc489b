// Golden tests: the real CloudTrail samples of ../shared/data (see its PROVENANCE.md)
// imported through importPaths(), asserting what the samples really contain. Every expected
// number here was counted from the files independently (python3), not read off the importer.
#include "EventKind.h"
#include "ImportTestSupport.h"
#include "Metric.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace sightline;
using namespace sightline::test;

namespace {

int64_t ms(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

constexpr int kImported = static_cast<int>(SourceStatus::Imported);
constexpr int kSkipped = static_cast<int>(SourceStatus::Skipped);

const QString kStratus = QStringLiteral("cloudtrail/stratus-red-team");
const QString kSteal =
    QStringLiteral("cloudtrail/stratus-red-team/aws.credential-access.ec2-steal-instance-"
                   "credentials.json");

} // namespace

class TestCloudTrailImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<CaseFile> m_stratus; // the whole Stratus folder, imported once
    std::optional<ImportSummary> m_stratusSummary;
    std::optional<CaseFile> m_case; // the case of the current test function
    ImportSummary m_summary;
    int m_caseCounter = 0;

    // Imports the paths into a new case (m_case / m_summary).
    bool importFresh(const std::vector<std::string> &paths)
    {
        m_case.reset();
        const QString path =
            m_dir.filePath(QStringLiteral("case%1.sightline").arg(++m_caseCounter));
        auto c = CaseFile::openOrCreate(toStd(path));
        if (!c) {
            qWarning("cannot create %s: %s", qPrintable(path), c.error().detail.c_str());
            return false;
        }
        m_case.emplace(std::move(*c));
        auto s = runImport(*m_case, paths);
        if (!s)
            return false;
        m_summary = std::move(*s);
        return true;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (sharedData().isEmpty())
            return; // every test skips
        auto c = CaseFile::openOrCreate(toStd(m_dir.filePath(QStringLiteral("stratus.sightline"))));
        QVERIFY2(c.ok(), c.ok() ? "" : c.error().detail.c_str());
        m_stratus.emplace(std::move(*c));
        m_stratusSummary = runImport(*m_stratus, {samplePath(kStratus)});
        QVERIFY(m_stratusSummary.has_value());
    }

    void stratusFolder()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const ImportSummary &s = *m_stratusSummary;
        QCOMPARE(s.files, 35);
        QCOMPARE(s.records, 310);
        QCOMPARE(s.newEvents, 310);
        QCOMPARE(s.duplicates, 0);
        QCOMPARE(s.errors, 0);
        QCOMPARE(s.skipped, 0);
        QVERIFY(!s.cancelled);
        QVERIFY(s.issues.empty());
        CaseProbe probe(*m_stratus);
        QCOMPARE(probe.scalar("SELECT count(*) FROM events"), 310);
        QCOMPARE(probe.scalar("SELECT count(*) FROM import_errors"), 0);
        QCOMPARE(probe.scalar("SELECT count(*) FROM sources"), 35);
        // All three identity types of the samples.
        QVERIFY(probe.entity(EntityType::AwsUser, "AIDASSXYG8SJ3JDII10C"));
        QVERIFY(
            probe.entity(EntityType::AwsRoleSession, "AROALHCCSKSM395EGX3XN:i-786a3A8B5C0d92eF4"));
        QVERIFY(probe.entity(EntityType::FederatedUser, "742491224508:stratus_red_team"));
    }

    void stratusFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("failedCalls"); // records with an errorCode
        QTest::addColumn<qint64>("firstTime");
        QTest::addColumn<qint64>("lastTime");
        // clang-format off
        QTest::newRow("ec2-get-password-data") << QStringLiteral("aws.credential-access.ec2-get-password-data.json") << 34 << 32 << Q_INT64_C(1722375070000) << Q_INT64_C(1722375081000);
        QTest::newRow("ec2-steal-instance-credentials") << QStringLiteral("aws.credential-access.ec2-steal-instance-credentials.json") << 45 << 0 << Q_INT64_C(1722586959000) << Q_INT64_C(1722587036000);
        QTest::newRow("secretsmanager-batch-retrieve-secrets") << QStringLiteral("aws.credential-access.secretsmanager-batch-retrieve-secrets.json") << 5 << 0 << Q_INT64_C(1722428956000) << Q_INT64_C(1722428957000);
        QTest::newRow("secretsmanager-retrieve-secrets") << QStringLiteral("aws.credential-access.secretsmanager-retrieve-secrets.json") << 21 << 0 << Q_INT64_C(1722429408000) << Q_INT64_C(1722429412000);
        QTest::newRow("ssm-retrieve-securestring-parameters") << QStringLiteral("aws.credential-access.ssm-retrieve-securestring-parameters.json") << 10 << 0 << Q_INT64_C(1722526015000) << Q_INT64_C(1722526018000);
        QTest::newRow("cloudtrail-delete") << QStringLiteral("aws.defense-evasion.cloudtrail-delete.json") << 1 << 0 << Q_INT64_C(1722430001000) << Q_INT64_C(1722430001000);
        QTest::newRow("cloudtrail-event-selectors") << QStringLiteral("aws.defense-evasion.cloudtrail-event-selectors.json") << 1 << 0 << Q_INT64_C(1722430202000) << Q_INT64_C(1722430202000);
        QTest::newRow("cloudtrail-stop") << QStringLiteral("aws.defense-evasion.cloudtrail-stop.json") << 1 << 0 << Q_INT64_C(1722431184000) << Q_INT64_C(1722431184000);
        QTest::newRow("dns-delete-logs") << QStringLiteral("aws.defense-evasion.dns-delete-logs.json") << 1 << 0 << Q_INT64_C(1722435826000) << Q_INT64_C(1722435826000);
        QTest::newRow("organizations-leave") << QStringLiteral("aws.defense-evasion.organizations-leave.json") << 3 << 1 << Q_INT64_C(1722587399000) << Q_INT64_C(1722587400000);
        QTest::newRow("vpc-remove-flow-logs") << QStringLiteral("aws.defense-evasion.vpc-remove-flow-logs.json") << 1 << 0 << Q_INT64_C(1722438469000) << Q_INT64_C(1722438469000);
        QTest::newRow("ec2-download-user-data") << QStringLiteral("aws.discovery.ec2-download-user-data.json") << 19 << 17 << Q_INT64_C(1722455551000) << Q_INT64_C(1722455558000);
        QTest::newRow("ec2-launch-unusual-instances") << QStringLiteral("aws.execution.ec2-launch-unusual-instances.json") << 3 << 1 << Q_INT64_C(1722511821000) << Q_INT64_C(1722511823000);
        QTest::newRow("ec2-user-data") << QStringLiteral("aws.execution.ec2-user-data.json") << 35 << 0 << Q_INT64_C(1722513810000) << Q_INT64_C(1722513864000);
        QTest::newRow("ssm-send-command") << QStringLiteral("aws.execution.ssm-send-command.json") << 56 << 0 << Q_INT64_C(1722589678000) << Q_INT64_C(1722589742000);
        QTest::newRow("ssm-start-session") << QStringLiteral("aws.execution.ssm-start-session.json") << 29 << 0 << Q_INT64_C(1722514729000) << Q_INT64_C(1722514758000);
        QTest::newRow("sg-open-port-22-ingress") << QStringLiteral("aws.exfiltration.ec2-security-group-open-port-22-ingress.json") << 1 << 0 << Q_INT64_C(1722515035000) << Q_INT64_C(1722515035000);
        QTest::newRow("ec2-share-ami") << QStringLiteral("aws.exfiltration.ec2-share-ami.json") << 1 << 0 << Q_INT64_C(1722515157000) << Q_INT64_C(1722515157000);
        QTest::newRow("ec2-share-ebs-snapshot") << QStringLiteral("aws.exfiltration.ec2-share-ebs-snapshot.json") << 1 << 0 << Q_INT64_C(1722515282000) << Q_INT64_C(1722515282000);
        QTest::newRow("rds-share-snapshot") << QStringLiteral("aws.exfiltration.rds-share-snapshot.json") << 1 << 0 << Q_INT64_C(1722515886000) << Q_INT64_C(1722515886000);
        QTest::newRow("bedrock-invoke-model") << QStringLiteral("aws.impact.bedrock-invoke-model.json") << 15 << 0 << Q_INT64_C(1729195790000) << Q_INT64_C(1729195884000);
        QTest::newRow("console-login-without-mfa") << QStringLiteral("aws.initial-access.console-login-without-mfa.json") << 1 << 0 << Q_INT64_C(1722588804000) << Q_INT64_C(1722588804000);
        QTest::newRow("ec2-instance-connect") << QStringLiteral("aws.lateral-movement.ec2-instance-connect.json") << 3 << 0 << Q_INT64_C(1722518687000) << Q_INT64_C(1722518687000);
        QTest::newRow("ec2-serial-console-send-ssh-public-key") << QStringLiteral("aws.lateral-movement.ec2-serial-console-send-ssh-public-key.json") << 4 << 0 << Q_INT64_C(1732635322000) << Q_INT64_C(1732635323000);
        QTest::newRow("iam-backdoor-role") << QStringLiteral("aws.persistence.iam-backdoor-role.json") << 1 << 0 << Q_INT64_C(1722518997000) << Q_INT64_C(1722518997000);
        QTest::newRow("iam-backdoor-user") << QStringLiteral("aws.persistence.iam-backdoor-user.json") << 1 << 0 << Q_INT64_C(1722376393000) << Q_INT64_C(1722376393000);
        QTest::newRow("iam-create-admin-user") << QStringLiteral("aws.persistence.iam-create-admin-user.json") << 3 << 0 << Q_INT64_C(1722519208000) << Q_INT64_C(1722519208000);
        QTest::newRow("iam-create-backdoor-role") << QStringLiteral("aws.persistence.iam-create-backdoor-role.json") << 2 << 0 << Q_INT64_C(1722519461000) << Q_INT64_C(1722519461000);
        QTest::newRow("iam-create-user-login-profile") << QStringLiteral("aws.persistence.iam-create-user-login-profile.json") << 3 << 1 << Q_INT64_C(1722519741000) << Q_INT64_C(1722519742000);
        QTest::newRow("lambda-backdoor-function") << QStringLiteral("aws.persistence.lambda-backdoor-function.json") << 1 << 0 << Q_INT64_C(1722520036000) << Q_INT64_C(1722520036000);
        QTest::newRow("lambda-layer-extension") << QStringLiteral("aws.persistence.lambda-layer-extension.json") << 1 << 0 << Q_INT64_C(1722376640000) << Q_INT64_C(1722376640000);
        QTest::newRow("lambda-overwrite-code") << QStringLiteral("aws.persistence.lambda-overwrite-code.json") << 1 << 0 << Q_INT64_C(1722520322000) << Q_INT64_C(1722520322000);
        QTest::newRow("rolesanywhere-create-trust-anchor") << QStringLiteral("aws.persistence.rolesanywhere-create-trust-anchor.json") << 2 << 0 << Q_INT64_C(1722520599000) << Q_INT64_C(1722520599000);
        QTest::newRow("sts-federation-token") << QStringLiteral("aws.persistence.sts-federation-token.json") << 2 << 0 << Q_INT64_C(1732956197000) << Q_INT64_C(1732956198000);
        QTest::newRow("iam-update-user-login-profile") << QStringLiteral("aws.privilege-escalation.iam-update-user-login-profile.json") << 1 << 0 << Q_INT64_C(1724838880000) << Q_INT64_C(1724838880000);
        // clang-format on
    }

    void stratusFile()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QFETCH(QString, file);
        QFETCH(int, records);
        QFETCH(int, failedCalls);
        QFETCH(qint64, firstTime);
        QFETCH(qint64, lastTime);
        const std::string path = samplePath(kStratus + QLatin1Char('/') + file);
        CaseProbe probe(*m_stratus);
        const auto src = probe.source(path);
        QVERIFY2(src, path.c_str());
        QCOMPARE(src->format, std::string("cloudtrail"));
        QCOMPARE(src->status, kImported);
        QCOMPARE(src->records, records);
        QCOMPARE(src->newEvents, records); // every eventID is unique
        QCOMPARE(src->duplicates, 0);
        QCOMPARE(src->errors, 0);
        QCOMPARE(src->firstTime, firstTime);
        QCOMPARE(src->lastTime, lastTime);
        QCOMPARE(src->sha256,
                 toStd(QString::fromLatin1(sha256OfFile(QString::fromStdString(path)))));
        const std::string id = std::to_string(src->id);
        QCOMPARE(probe.scalar("SELECT count(*) FROM events WHERE source_id = " + id), records);
        QCOMPARE(probe.scalar(
                     "SELECT count(*) FROM events WHERE error IS NOT NULL AND source_id = " + id),
                 failedCalls);
        QVERIFY(probe.errors(src->id).empty());
    }

    // 107 records of 12 addresses have leading-zero octets; 34 invented region names.
    void stratusLeadingZeroIpsAndInventedRegions()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        CaseProbe probe(*m_stratus);
        QCOMPARE(probe.entityCount(EntityType::IpAddress), 35);
        const char *leadingZero[] = {"035.249.253.232", "06.237.252.245",  "075.050.255.67",
                                     "08.1.250.216",    "201.252.42.03",   "211.9.016.253",
                                     "225.01.00.16",    "225.178.039.250", "251.234.045.249",
                                     "253.252.51.07",   "255.090.254.5",   "255.18.064.253"};
        std::string ids;
        for (const char *ip : leadingZero) {
            const auto e = probe.entity(EntityType::IpAddress, ip);
            QVERIFY2(e, ip);
            ids += (ids.empty() ? "" : ",") + std::to_string(e->id);
        }
        QCOMPARE(probe.scalar("SELECT count(*) FROM events WHERE ip IN (" + ids + ")"), 107);
        // Octets are decimal: 075.050.255.67 is 75.50.255.67, not octal.
        const auto ip = probe.entity(EntityType::IpAddress, "075.050.255.67");
        QCOMPARE(ip->ipv4, (Q_INT64_C(75) << 24) | (50 << 16) | (255 << 8) | 67);
        QCOMPARE(probe.scalar("SELECT count(DISTINCT region) FROM events"), 34);
        QCOMPARE(probe.events("rg.s = 'apiso-centralnorth-2r'").size(), size_t(1));
    }

    // The user christophe sends a command to an instance; the instance's role credentials
    // are then used from the user's own address.
    void stealInstanceCredentialsChain()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(importFresh({samplePath(kSteal)}));
        QCOMPARE(m_summary.newEvents, 45);
        CaseProbe probe(*m_case);
        const auto user = probe.entity(EntityType::AwsUser, "AIDASSXYG8SJ3JDII10C");
        QVERIFY(user);
        QCOMPARE(user->label, std::string("christophe"));
        QCOMPARE(user->account, std::string("017622104382"));
        const auto session =
            probe.entity(EntityType::AwsRoleSession, "AROALHCCSKSM395EGX3XN:i-786a3A8B5C0d92eF4");
        QVERIFY(session);
        QCOMPARE(session->label, std::string("i-786a3A8B5C0d92eF4"));
        const auto role = probe.entity(EntityType::AwsRole, "AROALHCCSKSM395EGX3XN");
        QVERIFY(role);
        QCOMPARE(role->label, std::string("stratus-red-team-ec2-steal-credentials-role"));
        const auto instance = probe.entity(EntityType::Ec2Instance, "i-786a3A8B5C0d92eF4");
        QVERIFY(instance);
        const auto ip = probe.entity(EntityType::IpAddress, "18.236.253.47");
        QVERIFY(ip);

        // The same external address for both: 43 calls by the user, 2 by the session.
        const auto userIp = probe.edge(user->id, Relation::CalledFrom, ip->id);
        QVERIFY(userIp);
        QCOMPARE(userIp->count, 43);
        const auto sessionIp = probe.edge(session->id, Relation::CalledFrom, ip->id);
        QVERIFY(sessionIp);
        QCOMPARE(sessionIp->count, 2);
        QCOMPARE(sessionIp->firstSeen, ms("2024-08-02T08:23:55Z")); // GetCallerIdentity
        QCOMPARE(sessionIp->lastSeen, ms("2024-08-02T08:23:56Z"));  // DescribeInstances

        const auto runsAs = probe.edge(instance->id, Relation::RunsAs, session->id);
        QVERIFY(runsAs);
        QCOMPARE(runsAs->count, 2);
        const auto assumed = probe.edge(session->id, Relation::Assumed, role->id);
        QVERIFY(assumed);
        QCOMPARE(assumed->count, 2);

        // SendCommand names the instance in requestParameters.instanceIds[]; the other 42 calls
        // of the user name it in instanceId (GetCommandInvocation) or in a filter's values
        // (DescribeInstanceInformation): all 43 act on it, the first at 08:22:39.
        const auto sendCommand = probe.events("n.s = 'SendCommand'");
        QCOMPARE(sendCommand.size(), size_t(1));
        QCOMPARE(sendCommand[0].time, ms("2024-08-02T08:23:24Z"));
        QCOMPARE(sendCommand[0].principal, user->id);
        QCOMPARE(sendCommand[0].ip, ip->id);
        const std::vector<int64_t> involving = probe.postings(instance->id);
        QVERIFY2(std::binary_search(involving.begin(), involving.end(), sendCommand[0].id),
                 "the SendCommand event does not involve the instance");
        const auto actedOn = probe.edge(user->id, Relation::ActedOn, instance->id);
        QVERIFY(actedOn);
        QCOMPARE(actedOn->firstSeen, ms("2024-08-02T08:22:39Z"));
        QCOMPARE(actedOn->count, 43);
    }

    // Hourly aggregates per account: recipientAccountId equals the caller's account here.
    void accountAggregates()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(importFresh({samplePath(kSteal)}));
        CaseProbe probe(*m_case);
        const auto account = probe.entity(EntityType::AwsAccount, "017622104382");
        QVERIFY(account);
        QCOMPARE(account->firstSeen, ms("2024-08-02T08:22:39Z"));
        QCOMPARE(account->lastSeen, ms("2024-08-02T08:23:56Z"));
        const std::string where = " FROM agg_total WHERE dim = 0 AND metric = " +
                                  std::to_string(static_cast<int>(Metric::ApiCalls)) +
                                  " AND entity = " + std::to_string(account->id);
        QCOMPARE(probe.scalar("SELECT a" + where), 45); // 45 calls, none failed
        QCOMPARE(probe.scalar("SELECT b" + where), 0);
        QCOMPARE(probe.events("e.account = " + std::to_string(account->id)).size(), size_t(45));
    }

    void federatedUser()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(importFresh(
            {samplePath(kStratus + QStringLiteral("/aws.persistence.sts-federation-token.json"))}));
        QCOMPARE(m_summary.newEvents, 2);
        CaseProbe probe(*m_case);
        const auto fed = probe.entity(EntityType::FederatedUser, "742491224508:stratus_red_team");
        QVERIFY(fed);
        QCOMPARE(fed->label, std::string("stratus_red_team"));
        const auto user = probe.entity(EntityType::AwsUser, "AIDAN7SEM6PEVTNQR8M4");
        QVERIFY(user);
        QCOMPARE(user->label, std::string("stratus-red-team-user-federation-user"));
        // GetFederationToken issued ASIASTJKC5GCM7ZE6LUP, which the federated user then used.
        const auto key = probe.entity(EntityType::AccessKey, "ASIASTJKC5GCM7ZE6LUP");
        QVERIFY(key);
        QVERIFY(probe.edge(fed->id, Relation::IssuedKey, key->id));
        const auto uses = probe.edge(fed->id, Relation::UsesKey, key->id);
        QVERIFY(uses);
        QCOMPARE(uses->count, 1);
        const auto calls = probe.events("n.s = 'GetCallerIdentity'");
        QCOMPARE(calls.size(), size_t(1));
        QCOMPARE(calls[0].principal, fed->id);
        const auto ip = probe.entity(EntityType::IpAddress, "255.090.254.5");
        QVERIFY(ip);
        QCOMPARE(calls[0].ip, ip->id);
    }

    // lookup-events Event objects, one per line; CloudTrailEvent is a JSON string and
    // EventTime a local time ("2022-02-08 09:23:37+11:00").
    void plasoLookupEventsJsonl()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(importFresh(
            {samplePath(QStringLiteral("cloudtrail/plaso/aws_cloudtrail_lookup-events.jsonl"))}));
        QCOMPARE(m_summary.records, 6);
        QCOMPARE(m_summary.newEvents, 6);
        QCOMPARE(m_summary.errors, 0);
        CaseProbe probe(*m_case);
        const auto events = probe.events();
        QCOMPARE(events.size(), size_t(6));
        // The inner eventTime (UTC), in time order.
        const std::vector<std::pair<int64_t, std::string>> expected = {
            {ms("2022-02-07T22:19:04Z"), "CreateSecurityGroup"},
            {ms("2022-02-07T22:19:05Z"), "RunInstances"},
            {ms("2022-02-07T22:19:07Z"), "SharedSnapshotVolumeCreated"},
            {ms("2022-02-07T22:23:03Z"), "StopInstances"},
            {ms("2022-02-07T22:23:18Z"), "TerminateInstances"},
            {ms("2022-02-07T22:23:37Z"), "DescribeInstances"},
        };
        for (size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(events[i].time, expected[i].first);
            QCOMPARE(events[i].name, expected[i].second);
            QCOMPARE(events[i].kind,
                     static_cast<int>(i == 2 ? EventKind::ServiceEvent : EventKind::ApiCall));
        }
        const auto user = probe.entity(EntityType::AwsUser, "0123456789ABCDEFGHIJK");
        QVERIFY(user);
        QCOMPARE(user->label, std::string("fakeusername"));
        QCOMPARE(probe.events("e.principal = " + std::to_string(user->id)).size(), size_t(5));
        // 1.2.3.4 is an address; the service event's "ec2.amazonaws.com" is not.
        QCOMPARE(probe.entityCount(EntityType::IpAddress), 1);
        QVERIFY(probe.entity(EntityType::IpAddress, "1.2.3.4"));
    }

    // Cribl's sample capture: a JSON array of {"_raw": "<pretty CloudTrail event>", ...}.
    void criblRawWrapper()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(importFresh({samplePath(QStringLiteral("cloudtrail/cribl-pack-sample"))}));
        QCOMPARE(m_summary.newEvents, 44);
        QCOMPARE(m_summary.errors, 0);
        QCOMPARE(m_summary.skipped, 1);
        CaseProbe probe(*m_case);
        const auto json =
            probe.source(samplePath(QStringLiteral("cloudtrail/cribl-pack-sample/BeVTW2.json")));
        QVERIFY(json);
        QCOMPARE(json->records, 44);
        QCOMPARE(json->newEvents, 44);
        const auto yml =
            probe.source(samplePath(QStringLiteral("cloudtrail/cribl-pack-sample/samples.yml")));
        QVERIFY(yml);
        QCOMPARE(yml->status, kSkipped);
        QVERIFY(!yml->note.empty());
        QCOMPARE(probe.events("e.kind = " + std::to_string(int(EventKind::ConsoleSignIn))).size(),
                 size_t(1));
        QCOMPARE(probe.events("e.kind = " + std::to_string(int(EventKind::ApiCall))).size(),
                 size_t(43));
        const auto alice = probe.entity(EntityType::AwsUser, "AIDACKCEVSQ6C2EXAMPLE");
        QVERIFY(alice);
        QCOMPARE(alice->label, std::string("Alice"));
        QCOMPARE(probe.events("e.principal = " + std::to_string(alice->id)).size(), size_t(18));
        const auto bob = probe.entity(EntityType::AwsUser, "AIDAJ4C46EXAMPLER6Z");
        QVERIFY(bob);
        QCOMPARE(probe.events("e.principal = " + std::to_string(bob->id)).size(), size_t(16));
        const auto root = probe.entity(EntityType::AwsUser, "arn:aws:iam::123456789012:root");
        QVERIFY(root);
        QCOMPARE(probe.events("e.principal = " + std::to_string(root->id)).size(), size_t(4));
        // Service names in sourceIPAddress are not addresses.
        QCOMPARE(probe.entityCount(EntityType::IpAddress), 3);
    }

    // A native delivery object with a leading space whose two eventTimes are an unexpanded
    // template: two records, two errors, no events.
    void dynatraceTemplateTimes()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::string path = samplePath(QStringLiteral(
            "cloudtrail/dynatrace-s3-forwarder/"
            "012345678910_CloudTrail_ap-northeast-1_20220101T0000Z_gkuyIJtLhiT90uem.json"));
        QVERIFY(importFresh({path}));
        CaseProbe probe(*m_case);
        const auto src = probe.source(path);
        QVERIFY(src);
        QCOMPARE(src->format, std::string("cloudtrail"));
        QCOMPARE(src->status, kImported);
        QCOMPARE(src->records, 2);
        QCOMPARE(src->newEvents, 0);
        QCOMPARE(src->errors, 2);
        const auto errors = probe.errors(src->id);
        QCOMPARE(errors.size(), size_t(2));
        QCOMPARE(errors[0].line, 3); // where each record starts
        QCOMPARE(errors[1].line, 45);
        for (const ErrorRow &e : errors) {
            QVERIFY2(contains(e.reason, "eventTime"), e.reason.c_str());
            QVERIFY2(contains(e.reason, "{{next_log_timestamp()}}"), e.reason.c_str());
        }
        QCOMPARE(probe.scalar("SELECT count(*) FROM events"), 0);
        QCOMPARE(m_summary.issues.size(), size_t(2));
        QCOMPARE(m_summary.issues[0].path, path);
    }

    // Lines 2 and 3 reuse one eventID with the same time and name, but their callers differ
    // (the IAM user JaneDoe, a role session): two events, not a duplicate. The importer keys
    // CloudTrail events by eventID, time, name and caller.
    void elasticConsoleLoginReusedEventId()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::string path = samplePath(
            QStringLiteral("cloudtrail/elastic-integrations/test-console-login-json.log"));
        QVERIFY(importFresh({path}));
        CaseProbe probe(*m_case);
        const auto src = probe.source(path);
        QVERIFY(src);
        QCOMPARE(src->records, 3);
        QCOMPARE(src->newEvents, 3);
        QCOMPARE(src->duplicates, 0);
        QCOMPARE(src->errors, 0);
        const auto events = probe.events();
        QCOMPARE(events.size(), size_t(3));
        QCOMPARE(events[0].line, 2); // 2014-07-08T17:35:27Z, twice
        QCOMPARE(events[1].line, 3);
        QCOMPARE(events[0].time, ms("2014-07-08T17:35:27Z"));
        QCOMPARE(events[1].time, events[0].time);
        QCOMPARE(events[2].line, 1);
        QCOMPARE(events[2].time, ms("2014-07-16T15:49:27Z"));
        const auto session = probe.entity(EntityType::AwsRoleSession,
                                          "AROAIDPPEZS35WEXAMPLE:AssumedRoleSessionName");
        QVERIFY(session);
        QCOMPARE(events[1].principal, session->id);
        // The IAM user's two lines share a principalId (AIDACKCEVSQ6C2EXAMPLE).
        const auto user = probe.entity(EntityType::AwsUser, "AIDACKCEVSQ6C2EXAMPLE");
        QVERIFY(user);
        QCOMPARE(events[0].principal, user->id);
        QCOMPARE(events[2].principal, user->id);
        QCOMPARE(probe.scalar("SELECT count(*) FROM entities WHERE first_seen IS NULL"), 0);
    }

    // A record delivered twice (same eventID, time, name, caller) in one file is one event.
    // Here the second copy is spaced differently: the event keeps the first copy's bytes.
    void sameRecordTwiceInOneFile()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const QByteArray line =
            readFile(QString::fromStdString(samplePath(QStringLiteral("cloudtrail/elastic-"
                                                                      "integrations/test-us-gov-"
                                                                      "arn.log"))))
                .trimmed();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("twice.jsonl"));
        QVERIFY(line.startsWith('{'));
        QVERIFY(writeFile(path, line + '\n' + "{ " + line.mid(1) + '\n'));
        QVERIFY(importFresh({toStd(path)}));
        QCOMPARE(m_summary.records, 2);
        QCOMPARE(m_summary.newEvents, 1);
        QCOMPARE(m_summary.duplicates, 1);
        CaseProbe probe(*m_case);
        QCOMPARE(probe.scalar("SELECT count(*) FROM events"), 1);
        // The event's raw record is the first line itself.
        QCOMPARE(probe.scalar("SELECT sum(raw_len) FROM events"), line.size());
        QCOMPARE(probe.scalar("SELECT line FROM events"), 1);
        QCOMPARE(probe.scalar("SELECT count(*) FROM entities WHERE first_seen IS NULL"), 0);
    }

    void elasticDigestSkipped()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::string path = samplePath(
            QStringLiteral("cloudtrail/elastic-integrations/test-cloudtrail-digest-json.log"));
        QVERIFY(importFresh({path}));
        QCOMPARE(m_summary.skipped, 1);
        QCOMPARE(m_summary.errors, 0);
        const ImportedFile *r = findResult(m_summary, path);
        QVERIFY(r);
        QCOMPARE(r->status, kSkipped);
        QVERIFY2(contains(r->note, "digest"), r->note.c_str());
        CaseProbe probe(*m_case);
        const auto src = probe.source(path);
        QVERIFY(src);
        QCOMPARE(src->status, kSkipped);
        QVERIFY(contains(src->note, "digest"));
        QCOMPARE(probe.scalar("SELECT count(*) FROM events"), 0);
    }

    void elasticGovCloudArns()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(importFresh(
            {samplePath(QStringLiteral("cloudtrail/elastic-integrations/test-us-gov-arn.log"))}));
        QCOMPARE(m_summary.newEvents, 1);
        QCOMPARE(m_summary.errors, 0);
        CaseProbe probe(*m_case);
        const auto session =
            probe.entity(EntityType::AwsRoleSession, "AROAEXAMPLE:i-example1234567890");
        QVERIFY(session);
        QCOMPARE(session->account, std::string("111111111111"));
        QVERIFY(contains(session->attrs, "arn:aws-us-gov:sts::111111111111:assumed-role/"));
        const auto role = probe.entity(EntityType::AwsRole, "AROAEXAMPLE");
        QVERIFY(role);
        QCOMPARE(role->label, std::string("ExampleRole"));
        QVERIFY(contains(role->attrs, "arn:aws-us-gov:iam::111111111111:role/ExampleRole"));
        const auto events = probe.events();
        QCOMPARE(events[0].region, std::string("us-gov-east-1"));
        QCOMPARE(events[0].principal, session->id);
    }

    // IAM Identity Center sign-in with "redacted" in place of ids, addresses and eventID.
    void elasticIdentityCenterRedacted()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(importFresh({samplePath(
            QStringLiteral("cloudtrail/elastic-integrations/test-user-authentication.log"))}));
        QCOMPARE(m_summary.newEvents, 1);
        QCOMPARE(m_summary.errors, 0);
        CaseProbe probe(*m_case);
        const auto events = probe.events();
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events[0].kind, static_cast<int>(EventKind::ServiceEvent));
        QCOMPARE(events[0].name, std::string("UserAuthentication"));
        QCOMPARE(events[0].ip, 0);
        QCOMPARE(probe.entityCount(EntityType::IpAddress), 0);
        // A placeholder is not an identifier: no account, user ... keyed "redacted".
        QCOMPARE(probe.scalar("SELECT count(*) FROM entities WHERE key = 'redacted'"), 0);
    }
};

QTEST_GUILESS_MAIN(TestCloudTrailImport)
#include "tst_cloudtrail_import.moc"
