// Golden tests on the Kubernetes audit, Route 53 Resolver and OCSF samples in ../shared/data
// (k8s-audit/, route53-resolver/, ocsf/, derived/panther-tests and the resolver example of
// derived/aws-docs-extracted), plus CloudWatch Logs wrappings of audit events written here.
// Every expected number was counted with python3 from the files.
#include "EventKind.h"
#include "ImportTestSupport.h"
#include "Metric.h"
#include "queries/KubernetesActivity.h"

#include <QDateTime>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace sightline;
using namespace sightline::test;

namespace {

qint64 ms(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

constexpr int kImported = static_cast<int>(SourceStatus::Imported);
constexpr int kSkipped = static_cast<int>(SourceStatus::Skipped);
constexpr int kK8s = static_cast<int>(EventKind::KubernetesAudit);
constexpr int kDns = static_cast<int>(EventKind::DnsQuery);
constexpr int kApi = static_cast<int>(EventKind::ApiCall);
constexpr int kSignIn = static_cast<int>(EventKind::ConsoleSignIn);
constexpr int kFinding = static_cast<int>(EventKind::Finding);

const QString kFalco = QStringLiteral("k8s-audit/falco/");
const QString kExamples = QStringLiteral("ocsf/ocsf-examples/");
const QString kMd11 = QStringLiteral("ocsf/ocsf-examples/markdown/AWS/v1.1.0/");

// A minimal audit.k8s.io/v1 event for the CloudWatch Logs wrappings.
const char *kAuditEvent =
    R"({"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"0a1b2c3d-0000-4000-8000-)"
    R"(000000000001","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/prod/pods/web-1/exec",)"
    R"("verb":"create","user":{"username":"alice","uid":"aws-iam-authenticator:111122223333:AIDAEXAMPLE",)"
    R"("extra":{"arn":["arn:aws:iam::111122223333:user/alice"]}},"sourceIPs":["198.51.100.7"],)"
    R"("userAgent":"kubectl/v1.29.0","objectRef":{"resource":"pods","namespace":"prod","name":"web-1",)"
    R"("subresource":"exec"},"responseStatus":{"code":403,"reason":"Forbidden"},)"
    R"("requestReceivedTimestamp":"2024-05-01T10:00:00.000000Z","stageTimestamp":"2024-05-01T10:00:00.010000Z"})";

QByteArray quoted(const char *json)
{
    QByteArray out = "\"";
    for (const char *p = json; *p; ++p) {
        if (*p == '"' || *p == '\\')
            out += '\\';
        out += *p;
    }
    return out + "\"";
}

} // namespace

class TestK8sDnsOcsfImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<CaseFile> m_case;
    ImportSummary m_summary;
    int m_caseCounter = 0;

    bool importFresh(const std::vector<std::string> &paths)
    {
        m_case.reset();
        auto c = CaseFile::openOrCreate(
            toStd(m_dir.filePath(QStringLiteral("case%1.sightline").arg(++m_caseCounter))));
        if (!c)
            return false;
        m_case.emplace(std::move(*c));
        auto s = runImport(*m_case, paths);
        if (!s)
            return false;
        m_summary = std::move(*s);
        return true;
    }

    // Imports the files one after the other (so that which one holds the new event and which
    // the duplicates does not depend on thread timing).
    bool importInTurn(const std::vector<std::string> &paths)
    {
        if (!importFresh({paths.front()}))
            return false;
        for (size_t i = 1; i < paths.size(); ++i) {
            if (!runImport(*m_case, {paths[i]}))
                return false;
        }
        return true;
    }

    int64_t entityId(EntityType type, const std::string &key)
    {
        CaseProbe probe(*m_case);
        const auto e = probe.entity(type, key);
        return e ? e->id : 0;
    }

    int64_t edgeCount(EntityType fromType, const std::string &from, Relation r, EntityType toType,
                      const std::string &to)
    {
        CaseProbe probe(*m_case);
        const auto e = probe.edge(entityId(fromType, from), r, entityId(toType, to));
        return e ? e->count : 0;
    }

    // (a, b) of an agg_total row; (-1, -1) when missing.
    std::pair<int64_t, int64_t> total(EntityType type, const std::string &key, Metric m)
    {
        CaseProbe probe(*m_case);
        const int64_t id = entityId(type, key);
        const std::string where = "FROM agg_total WHERE entity = " + std::to_string(id) +
                                  " AND metric = " + std::to_string(static_cast<int>(m)) +
                                  " AND dim = 0";
        if (probe.scalar("SELECT count(*) " + where) != 1)
            return {-1, -1};
        return {probe.scalar("SELECT a " + where), probe.scalar("SELECT b " + where)};
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // 47 Falco trace files, 52 records: 51 audit events (one file holds 6), of which two files
    // repeat one request (same auditID, stage, verb, user and answer), and fal_01_003.json
    // ({"kind": 0}) is recorded as an error on its line 1.
    void falcoTraces()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(importFresh({samplePath(kFalco)}));
        QCOMPARE(m_summary.files, 47);
        QCOMPARE(m_summary.records, 52);
        QCOMPARE(m_summary.newEvents, 50);
        QCOMPARE(m_summary.duplicates, 1);
        QCOMPARE(m_summary.errors, 1);
        QCOMPARE(m_summary.skipped, 0);
        CaseProbe probe(*m_case);
        for (const SourceRow &s : probe.sources()) {
            QCOMPARE(s.format, std::string("k8s-audit"));
            QCOMPARE(s.status, kImported);
        }
        const auto bad = probe.source(samplePath(kFalco + "fal_01_003.json"));
        QVERIFY(bad);
        QCOMPARE(bad->records, 1);
        QCOMPARE(bad->errors, 1);
        const auto errs = probe.errors(bad->id);
        QCOMPARE(errs.size(), size_t(1));
        QCOMPARE(errs[0].line, 1);
        QVERIFY2(contains(errs[0].reason, "not a Kubernetes audit event"), errs[0].reason.c_str());
        const auto six =
            probe.source(samplePath(kFalco + "create_configmap_sensitive_values.json"));
        QVERIFY(six);
        QCOMPARE(six->records, 6);
        QCOMPARE(six->newEvents, 6);

        QCOMPARE(probe.scalar("SELECT count(*) FROM events"), 50);
        QCOMPARE(probe.scalar("SELECT count(*) FROM events WHERE kind <> " + std::to_string(kK8s)),
                 0);
        // Responses 201 x38, 200 x11, 101 x2: no failed call.
        QCOMPARE(probe.scalar("SELECT count(*) FROM events WHERE error IS NOT NULL"), 0);
        QCOMPARE(probe.entityCount(EntityType::KubernetesSubject), 7);
        QCOMPARE(probe.entityCount(EntityType::ContainerPod), 11);
        QCOMPARE(probe.entityCount(EntityType::ContainerImage), 2);
        QCOMPARE(probe.entityCount(EntityType::IpAddress), 4);
        QCOMPARE(probe.entityCount(EntityType::UserAgent), 3);
        QCOMPARE(probe.entityCount(EntityType::ContainerCluster), 0); // minikube, no log group
        QVERIFY(probe.entity(EntityType::IpAddress, "::1"));
        QVERIFY(probe.entity(EntityType::ContainerImage, "mysql:latest"));
    }

    void falcoActivity()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(importFresh({samplePath(kFalco)}));
        CaseProbe probe(*m_case);
        // exec_pod.json: create pods/exec by minikube-user from 192.168.99.1.
        const auto exec = probe.events("n.s = 'create pods/exec'");
        QCOMPARE(exec.size(), size_t(1));
        QCOMPARE(exec[0].service, std::string("kubernetes"));
        QCOMPARE(exec[0].time, ms("2018-10-26T13:38:34.867Z"));
        QCOMPARE(exec[0].line, 1);
        QCOMPARE(exec[0].principal, entityId(EntityType::KubernetesSubject, "minikube-user"));
        QCOMPARE(exec[0].ip, entityId(EntityType::IpAddress, "192.168.99.1"));
        const std::string pod = "default/nginx-deployment-7998647bdf-phvq7";
        // exec and attach both act on that pod.
        QCOMPARE(edgeCount(EntityType::KubernetesSubject, "minikube-user", Relation::ActedOn,
                           EntityType::ContainerPod, pod),
                 2);
        const auto subject = probe.entity(EntityType::KubernetesSubject, "minikube-user");
        QVERIFY(subject);
        QVERIFY2(contains(subject->attrs, "system:masters"), subject->attrs.c_str());

        // create_nginx_pod_privileged.json: the replicaset controller creates a pod whose name
        // only the response holds; its container runs image nginx.
        const std::string created = "default/nginx-deployment-5cdcc99dbf-rgw6z";
        const std::string rs = "system:serviceaccount:kube-system:replicaset-controller";
        QCOMPARE(edgeCount(EntityType::KubernetesSubject, rs, Relation::Created,
                           EntityType::ContainerPod, created),
                 1);
        QCOMPARE(edgeCount(EntityType::ContainerPod, created, Relation::UsesImage,
                           EntityType::ContainerImage, "nginx"),
                 1);
        QCOMPARE(edgeCount(EntityType::KubernetesSubject, rs, Relation::CalledFrom,
                           EntityType::IpAddress, "::1"),
                 9); // 10 creates, one of them a repeat

        // K8sCalls: minikube-user made 36 calls of 19 kinds; the activity query reads them.
        QCOMPARE(total(EntityType::KubernetesSubject, "minikube-user", Metric::K8sCalls),
                 std::make_pair(int64_t(36), int64_t(0)));
        QCOMPARE(total(EntityType::IpAddress, "192.168.99.1", Metric::K8sCalls),
                 std::make_pair(int64_t(36), int64_t(0))); // minikube-user 34, 2 namespace creates
        QCOMPARE(total(EntityType::ContainerPod, pod, Metric::K8sCalls),
                 std::make_pair(int64_t(2), int64_t(0)));
        KubernetesActivity activity(m_case->db());
        auto a = activity.load(entityId(EntityType::KubernetesSubject, "minikube-user"));
        QVERIFY(a);
        QCOMPARE(a->successes, 36);
        QCOMPARE(a->failures, 0);
        QCOMPARE(a->callTotal, 19);
        QCOMPARE(a->calls.front().name, std::string("create configmaps"));
        QCOMPARE(a->calls.front().successes, 8);
        auto none = activity.load(entityId(EntityType::UserAgent, "nonexistent"));
        QVERIFY(none && none->empty());
    }

    // Panther's EKS audit test events: 188 records, 169 without any time (hand-made stubs)
    // are errors; 19 usable, 6 of which repeat an earlier record (same auditID and request).
    void pantherEksAudit()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::string path =
            samplePath(QStringLiteral("derived/panther-tests/eks_audit.jsonl"));
        QVERIFY(importFresh({path}));
        CaseProbe probe(*m_case);
        const auto src = probe.source(path);
        QVERIFY(src);
        QCOMPARE(src->format, std::string("k8s-audit"));
        QCOMPARE(src->records, 188);
        QCOMPARE(src->newEvents, 13);
        QCOMPARE(src->duplicates, 6);
        QCOMPARE(src->errors, 169);
        const auto errs = probe.errors(src->id);
        QCOMPARE(errs.size(), size_t(169));
        QCOMPARE(errs.front().line, 4);
        QCOMPARE(errs.back().line, 188);
        for (const ErrorRow &e : errs)
            QVERIFY2(contains(e.reason, "without a time"), e.reason.c_str());
        // Line 8: an anonymous scanner is forbidden a PHP path outside the API.
        const auto scan = probe.events("e.line = 8");
        QCOMPARE(scan.size(), size_t(1));
        QCOMPARE(scan[0].name, std::string("get /vendor/phpunit/src/Util/PHP/eval-stdin.php"));
        QCOMPARE(scan[0].error, std::string("403 Forbidden"));
        QCOMPARE(scan[0].time, ms("2024-11-13T23:50:32.672Z"));
        // coredns: lines 10/11 (403) and 13/14 (200) repeat, 15 (200), 16 (403).
        QCOMPARE(total(EntityType::KubernetesSubject, "system:serviceaccount:kube-system:coredns",
                       Metric::K8sCalls),
                 std::make_pair(int64_t(2), int64_t(2)));
        // Line 17: eks:addon-manager is an IAM role session (user.extra).
        const std::string session = "AROATAVZDPHFJWUSNL3ZV:1669918824986835422";
        const auto s = probe.entity(EntityType::AwsRoleSession, session);
        QVERIFY(s);
        QCOMPARE(s->account, std::string("123412341234"));
        const auto role = probe.entity(EntityType::AwsRole, "AROATAVZDPHFJWUSNL3ZV");
        QVERIFY(role);
        QCOMPARE(role->label,
                 std::string("AWSWesleyClusterManagerLambda-Add-AddonManagerRole-G332QAM69HWF"));
        QCOMPARE(edgeCount(EntityType::KubernetesSubject, "eks:addon-manager",
                           Relation::AuthenticatedAs, EntityType::AwsRoleSession, session),
                 1);
        QCOMPARE(edgeCount(EntityType::AwsRoleSession, session, Relation::Assumed,
                           EntityType::AwsRole, "AROATAVZDPHFJWUSNL3ZV"),
                 1);
        QCOMPARE(total(EntityType::AwsRoleSession, session, Metric::K8sCalls),
                 std::make_pair(int64_t(1), int64_t(0)));
    }

    // One EKS audit event four ways: eks.raw (v1.1.0 mapping input), eks.json (v1.2.0 input),
    // and their OCSF API Activity outputs: one event, three duplicates.
    void ocsfEksSameEvent()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::vector<std::string> paths = {
            samplePath(kMd11 + "EKS_Audit_Logs/samples/eks.raw"),
            samplePath(kMd11 + "EKS_Audit_Logs/samples/eks.ocsf"),
            samplePath(kExamples + "bloblang/AWS/eks/v1.2.0/samples/eks.json"),
            samplePath(kExamples + "bloblang/AWS/eks/v1.2.0/samples/ocsf_eks.json")};
        QVERIFY(importInTurn(paths));
        CaseProbe probe(*m_case);
        const auto formats = probe.sources();
        QCOMPARE(formats.size(), size_t(4));
        QCOMPARE(formats[0].format, std::string("k8s-audit"));
        QCOMPARE(formats[0].newEvents, 1);
        QCOMPARE(formats[1].format, std::string("ocsf"));
        QCOMPARE(formats[1].duplicates, 1);
        QCOMPARE(formats[2].duplicates, 1);
        QCOMPARE(formats[3].format, std::string("ocsf"));
        QCOMPARE(formats[3].duplicates, 1);
        const auto events = probe.events();
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events[0].name, std::string("create nodes"));
        QCOMPARE(events[0].kind, kK8s);
        QCOMPARE(events[0].time, ms("2021-09-07T20:37:30.502Z"));
        // The node's IAM identity: a session of the node instance role, on instance
        // i-12345678901, with its access key.
        const std::string subject = "system:node:ip-192-001-02-03.ec2.internal";
        const std::string session = "ABCD1234567890EXAMPLE:i-12345678901";
        QCOMPARE(edgeCount(EntityType::KubernetesSubject, subject, Relation::AuthenticatedAs,
                           EntityType::AwsRoleSession, session),
                 1);
        QCOMPARE(edgeCount(EntityType::Ec2Instance, "i-12345678901", Relation::RunsAs,
                           EntityType::AwsRoleSession, session),
                 1);
        QCOMPARE(edgeCount(EntityType::AwsRoleSession, session, Relation::UsesKey,
                           EntityType::AccessKey, "EXAMPLEUIDTEST"),
                 1);
        const auto role = probe.entity(EntityType::AwsRole, "ABCD1234567890EXAMPLE");
        QVERIFY(role);
        QCOMPARE(role->label,
                 std::string("example-test-161366663-NodeInstanceRole-abc12345678912"));
        QCOMPARE(events[0].principal, entityId(EntityType::KubernetesSubject, subject));
    }

    // EKS audit events exported from CloudWatch Logs, written here: filter-log-events output
    // (with an authenticator stream message, skipped), a Logs Insights row naming the log
    // group, and a Firehose subscription payload with a control message.
    void cloudWatchWrappedAudit()
    {
        const QString dir = m_dir.filePath(QStringLiteral("cw"));
        QVERIFY(QDir().mkpath(dir));
        const QByteArray msg = quoted(kAuditEvent);
        const QString filtered = dir + QStringLiteral("/filter-log-events.json");
        QVERIFY(writeFile(filtered,
                          "{\"events\": [\n {\"logStreamName\": \"authenticator-0123\", "
                          "\"timestamp\": 1714557599000, \"message\": \"time=2024-05-01 level=info "
                          "msg=access granted\", \"eventId\": \"1\"},\n {\"logStreamName\": "
                          "\"kube-apiserver-audit-0123\", \"timestamp\": 1714557600010, "
                          "\"message\": " +
                              msg + ", \"eventId\": \"2\"}\n], \"searchedLogStreams\": []}\n"));
        const QString insights = dir + QStringLiteral("/insights.json");
        QVERIFY(writeFile(insights, "[{\"@timestamp\": \"2024-05-01 10:00:00.010\", \"@log\": "
                                    "\"111122223333:/aws/eks/prod-east/cluster\", \"@message\": " +
                                        msg + "}]\n"));
        const QString firehose = dir + QStringLiteral("/firehose.json");
        QVERIFY(writeFile(firehose,
                          "{\"messageType\": \"CONTROL_MESSAGE\", \"owner\": \"CloudwatchLogs\", "
                          "\"logGroup\": \"\", \"logStream\": \"\", \"subscriptionFilters\": [], "
                          "\"logEvents\": [{\"id\": \"\", \"timestamp\": 1714557600000, "
                          "\"message\": \"CWL CONTROL MESSAGE: Checking health of destination\"}]}"
                          "{\"messageType\": \"DATA_MESSAGE\", \"owner\": \"111122223333\", "
                          "\"logGroup\": \"/aws/eks/prod-east/cluster\", \"logStream\": "
                          "\"kube-apiserver-audit-0123\", \"subscriptionFilters\": [\"to-s3\"], "
                          "\"logEvents\": [{\"id\": \"1\", \"timestamp\": 1714557600010, "
                          "\"message\": " +
                              msg + "}]}\n"));
        QVERIFY(importFresh({toStd(filtered), toStd(insights), toStd(firehose)}));
        CaseProbe probe(*m_case);
        for (const QString &p : {filtered, insights, firehose}) {
            const auto src = probe.source(toStd(p));
            QVERIFY(src);
            QCOMPARE(src->format, std::string("k8s-audit"));
            QCOMPARE(src->errors, 0);
        }
        const auto f = probe.source(toStd(filtered));
        QVERIFY2(contains(f->note, "1 messages from other EKS control plane log streams"),
                 f->note.c_str());
        QVERIFY2(contains(probe.source(toStd(firehose))->note, "control messages"),
                 probe.source(toStd(firehose))->note.c_str());
        // The same event three times: one event; the log group names the cluster.
        QCOMPARE(m_summary.newEvents, 1);
        QCOMPARE(m_summary.duplicates, 2);
        const auto events = probe.events();
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events[0].error, std::string("403 Forbidden"));
        QCOMPARE(events[0].name, std::string("create pods/exec"));
        QCOMPARE(probe.scalar("SELECT count(*) FROM agg_total WHERE metric = " +
                              std::to_string(static_cast<int>(Metric::K8sCalls)) +
                              " AND dim = 0 AND b = 1 AND entity = " +
                              std::to_string(entityId(EntityType::KubernetesSubject, "alice"))),
                 1);
        QCOMPARE(edgeCount(EntityType::KubernetesSubject, "alice", Relation::AuthenticatedAs,
                           EntityType::AwsUser, "AIDAEXAMPLE"),
                 1);
        // The Insights row and the subscription payload name the log group: the cluster.
        const auto cluster = probe.entity(EntityType::ContainerCluster, "prod-east");
        QVERIFY(cluster);
        QCOMPARE(cluster->account, std::string("111122223333"));
    }

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

QTEST_GUILESS_MAIN(TestK8sDnsOcsfImport)
#include "tst_k8s_dns_ocsf_import.moc"
