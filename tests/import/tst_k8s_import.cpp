// Golden tests on the Kubernetes audit samples in ../shared/data (k8s-audit/, the EKS tests of
// derived/panther-tests, the OCSF mappings of one EKS event) and CloudWatch Logs wrappings of
// audit events written here; the Kubernetes activity query on them.
#include "GoldenCaseFixture.h"
#include "queries/KubernetesActivity.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace sightline;
using namespace sightline::test;

namespace {

// A minimal audit.k8s.io/v1 event for the CloudWatch Logs wrappings.
const char *kAuditEvent =
    R"({"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"0a1b2c3d-0000-4000-8000-)"
    R"(000000000001","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/prod/pods/web-1/exec",)"
    R"("verb":"create","user":{"username":"alice","uid":"aws-iam-authenticator:111122223333:AIDAEXAMPLE",)"
    R"("extra":{"arn":["arn:aws:iam::111122223333:user/alice"]}},"sourceIPs":["198.51.100.7"],)"
    R"("userAgent":"kubectl/v1.29.0","objectRef":{"resource":"pods","namespace":"prod","name":"web-1",)"
    R"("subresource":"exec"},"responseStatus":{"code":403,"reason":"Forbidden"},)"
    R"("requestReceivedTimestamp":"2024-05-01T10:00:00.000000Z","stageTimestamp":"2024-05-01T10:00:00.010000Z"})";

} // namespace

class TestK8sImport : public GoldenCaseFixture
{
    Q_OBJECT

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
        const std::string coredns = "system:serviceaccount:kube-system:coredns";
        QCOMPARE(total(EntityType::KubernetesSubject, coredns, Metric::K8sCalls),
                 std::make_pair(int64_t(2), int64_t(2)));
        // Both failures are 403 answers, counted apart as forbidden; so is the scanner's.
        QCOMPARE(total(EntityType::KubernetesSubject, coredns, Metric::K8sDenied),
                 std::make_pair(int64_t(0), int64_t(2)));
        QCOMPARE(total(EntityType::KubernetesSubject, "system:anonymous", Metric::K8sDenied),
                 std::make_pair(int64_t(0), int64_t(1)));
        KubernetesActivity activity(m_case->db());
        auto a = activity.load(entityId(EntityType::KubernetesSubject, coredns));
        QVERIFY(a);
        QCOMPARE(a->failures, 2);
        QCOMPARE(a->unauthorized, 0);
        QCOMPARE(a->forbidden, 2);
        QCOMPARE(a->calls.size(), size_t(1));
        QCOMPARE(a->calls[0].name, std::string("watch endpointslices"));
        QCOMPARE(a->calls[0].forbidden, 2);
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

    // sightline-cli profile shows the Kubernetes panel of a subject, 403 answers apart.
    void cliKubernetesProfile()
    {
#ifndef SIGHTLINE_CLI
        QSKIP("sightline-cli path not configured");
#else
        SIGHTLINE_REQUIRE_SHARED_DATA();
        QVERIFY(importFresh({samplePath(QStringLiteral("derived/panther-tests/eks_audit.jsonl"))}));
        const QString casePath = QString::fromStdString(m_case->path());
        m_case.reset(); // the CLI opens the case itself
        auto run = [&](QStringList args) {
            args.prepend(QStringLiteral("system:serviceaccount:kube-system:coredns"));
            args.prepend(QStringLiteral("KubernetesSubject"));
            args.prepend(casePath);
            args.prepend(QStringLiteral("profile"));
            QProcess p;
            p.start(QStringLiteral(SIGHTLINE_CLI), args);
            p.waitForFinished(60000);
            return std::make_pair(p.exitCode(), p.readAllStandardOutput());
        };
        auto [code, text] = run({});
        QCOMPARE(code, 0);
        QVERIFY2(text.contains("Kubernetes API calls: 4 (2 succeeded, 2 failed: 0 unauthorized "
                               "(401), 2 forbidden (403), 0 other errors)"),
                 text.constData());
        QVERIFY2(text.contains("FORBIDDEN"), text.constData());
        auto [code2, json] = run({QStringLiteral("--json")});
        QCOMPARE(code2, 0);
        const QJsonObject k8s = QJsonDocument::fromJson(json).object()[u"kubernetes"].toObject();
        QCOMPARE(k8s[u"failures"].toInt(), 2);
        QCOMPARE(k8s[u"unauthorized"].toInt(), 0);
        QCOMPARE(k8s[u"forbidden"].toInt(), 2);
        const QJsonObject call = k8s[u"calls"].toObject()[u"rows"].toArray().at(0).toObject();
        QCOMPARE(call[u"call"].toString(), QStringLiteral("watch endpointslices"));
        QCOMPARE(call[u"forbidden"].toInt(), 2);
#endif
    }

    // Failed calls told apart: bob is refused twice (401, then 403 on another call) and
    // fails once with a server error, and succeeds once. No sample in ../shared/data has a
    // 401 answer, so the events are written here.
    void deniedCallsApart()
    {
        const std::string base = kAuditEvent;
        bool written = true; // every replaced text was found
        auto event = [&](int n, std::string_view uri, std::string_view resource, int code,
                         std::string_view minute) {
            std::string e = base;
            auto swap = [&](std::string_view from, std::string_view to) {
                const size_t at = e.find(from);
                written = written && at != std::string::npos;
                if (at != std::string::npos)
                    e.replace(at, from.size(), to);
            };
            swap("000000000001", "00000000000" + std::to_string(n));
            swap("\"alice\"", "\"bob\"");
            swap("\"verb\":\"create\"", "\"verb\":\"get\"");
            swap("/api/v1/namespaces/prod/pods/web-1/exec", uri);
            swap("\"resource\":\"pods\"", "\"resource\":\"" + std::string(resource) + "\"");
            swap("\"subresource\":\"exec\"", "\"subresource\":\"\"");
            swap("\"code\":403,\"reason\":\"Forbidden\"",
                 "\"code\":" + std::to_string(code) + ",\"reason\":\"\"");
            swap("10:00:00.000000Z", std::string(minute) + ".000000Z");
            return e + "\n";
        };
        const QString path = m_dir.filePath(QStringLiteral("denied.jsonl"));
        const std::string lines =
            event(1, "/api/v1/namespaces/prod/secrets", "secrets", 401, "10:01:00") +
            event(2, "/api/v1/namespaces/prod/secrets", "secrets", 200, "10:02:00") +
            event(3, "/api/v1/namespaces/prod/configmaps", "configmaps", 403, "10:03:00") +
            event(4, "/api/v1/namespaces/prod/configmaps", "configmaps", 500, "11:04:00");
        QVERIFY(written);
        QVERIFY(writeFile(path, QByteArray::fromStdString(lines)));
        QVERIFY(importFresh({toStd(path)}));
        QCOMPARE(m_summary.newEvents, 4);
        QCOMPARE(m_summary.errors, 0);
        const int64_t bob = entityId(EntityType::KubernetesSubject, "bob");
        QCOMPARE(total(EntityType::KubernetesSubject, "bob", Metric::K8sCalls),
                 std::make_pair(int64_t(1), int64_t(3)));
        QCOMPARE(total(EntityType::KubernetesSubject, "bob", Metric::K8sDenied),
                 std::make_pair(int64_t(1), int64_t(1)));
        KubernetesActivity activity(m_case->db());
        auto all = activity.load(bob);
        QVERIFY(all);
        QCOMPARE(all->successes, 1);
        QCOMPARE(all->failures, 3);
        QCOMPARE(all->unauthorized, 1);
        QCOMPARE(all->forbidden, 1);
        QCOMPARE(all->calls.size(), size_t(2));
        for (const KubernetesCall &c : all->calls) {
            QCOMPARE(c.successes + c.failures, 2);
            if (c.name == "get secrets") {
                QCOMPARE(c.unauthorized, 1);
                QCOMPARE(c.forbidden, 0);
            } else {
                QCOMPARE(c.name, std::string("get configmaps"));
                QCOMPARE(c.unauthorized, 0);
                QCOMPARE(c.forbidden, 1);
                QCOMPARE(c.failures, 2); // 403 and 500
            }
        }
        // Scoped to the 11:00 hour: only the server error; totals follow the hours.
        TimeRange hour{ms("2024-05-01T11:00:00Z"), ms("2024-05-01T12:00:00Z")};
        auto scoped = activity.load(bob, hour);
        QVERIFY(scoped);
        QCOMPARE(scoped->failures, 1);
        QCOMPARE(scoped->unauthorized, 0);
        QCOMPARE(scoped->forbidden, 0);
    }
};

QTEST_GUILESS_MAIN(TestK8sImport)
#include "tst_k8s_import.moc"
