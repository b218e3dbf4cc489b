// Findings import benchmark: generates GuardDuty findings as the S3 export writes them
// (gzipped JSON lines, camelCase), imports them into a new case and prints findings/s, peak
// RSS, case size and the latency of the finding queries. Asserts nothing. Usage:
//   sightline-bench-findings [--findings N] [--updates PERCENT] [--work DIR] [--threads T]
//                            [--commit EVENTS]
// N distinct findings (default 200,000); PERCENT of them get a second, newer version
// (default 10). Evidence is generated once into DIR/findings-N-PERCENT and reused.
#include "CaseFile.h"
#include "Importer.h"
#include "Statement.h"
#include "queries/FindingQuery.h"

#include <sys/resource.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace sightline;
using Clock = std::chrono::steady_clock;

namespace {

long peakRssKb()
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6));
    }
    return -1;
}

// User + system CPU seconds of the process so far (all threads): on a shared machine the
// wall time depends on the load, the CPU time much less.
double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

void timeIt(const char *name, int runs, const std::function<bool()> &f)
{
    std::vector<double> t;
    bool ok = true;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        ok = f() && ok;
        t.push_back(msSince(t0));
    }
    std::sort(t.begin(), t.end());
    std::printf("  %-48s median %8.2f ms   max %8.2f ms%s\n", name, t[t.size() / 2], t.back(),
                ok ? "" : "   (FAILED)");
}

// Deterministic 64-bit generator (splitmix64).
struct Rng
{
    uint64_t s;
    uint64_t next()
    {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    uint64_t below(uint64_t n) { return next() % n; }
};

std::string hex(uint64_t v, int digits)
{
    static const char *d = "0123456789abcdef";
    std::string s(static_cast<size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i, v >>= 4)
        s[static_cast<size_t>(i)] = d[v & 15];
    return s;
}

std::string iso(int64_t ms)
{
    const time_t sec = static_cast<time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&sec, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(ms % 1000));
    return buf;
}

std::string ip(uint64_t n, int first)
{
    return std::to_string(first) + "." + std::to_string((n >> 16) & 255) + "." +
           std::to_string((n >> 8) & 255) + "." + std::to_string(n & 255);
}

const char *kRegions[] = {"us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"};
const char *kApis[] = {"ListBuckets",     "GetObject",       "DescribeInstances", "ListUsers",
                       "CreateAccessKey", "PutBucketPolicy", "GetSecretValue",    "AssumeRole"};
const char *kAgents[] = {"aws-cli/2.15.30 Python/3.11.8 Linux/6.1", "Boto3/1.34.0 Python/3.12",
                         "Mozilla/5.0 (X11; Linux x86_64)", "aws-sdk-go/1.50.0 (go1.21; linux)"};

// One GuardDuty finding version as the S3 export writes it (one line).
std::string finding(uint64_t n, int version, int64_t start)
{
    Rng r{n * 7919 + 17};
    const std::string account = "1111222233" + std::to_string(10 + r.below(20));
    const char *region = kRegions[r.below(4)];
    const std::string detector = hex(r.next(), 32);
    const std::string id = hex(n * 0x9E3779B97F4A7C15ull, 16) + hex(r.next(), 16);
    const double severities[] = {2, 5, 5, 8, 8, 9.5};
    double severity = severities[r.below(6)];
    const int64_t first = start + static_cast<int64_t>(r.below(90ull * 86400000));
    int64_t last = first + static_cast<int64_t>(r.below(3600000ull * 48));
    int64_t count = 1 + static_cast<int64_t>(r.below(20));
    if (version > 0) {
        last += 86400000;
        count += 5;
        severity = std::min(10.0, severity + 1);
    }
    const std::string remote = ip(r.below(50000), 198);
    std::string resource, action, type;
    const uint64_t kind = r.below(10);
    if (kind < 4) {
        const uint64_t inst = r.below(5000);
        resource = R"({"resourceType":"Instance","instanceDetails":{"instanceId":"i-0)" +
                   hex(inst, 16) + R"(","instanceType":"m5.large","networkInterfaces":[{)" +
                   R"("networkInterfaceId":"eni-0)" + hex(inst, 16) + R"(","privateIpAddress":")" +
                   ip(inst, 10) + R"(","publicIp":")" + ip(inst, 54) +
                   R"("}],"tags":[{"key":"Name","value":"web-)" + std::to_string(inst) + R"("}]}})";
        if (kind < 2) {
            type = "UnauthorizedAccess:EC2/SSHBruteForce";
            action = R"({"actionType":"NETWORK_CONNECTION","networkConnectionAction":{)"
                     R"("connectionDirection":"INBOUND","protocol":"TCP","blocked":false,)"
                     R"("remoteIpDetails":{"ipAddressV4":")" +
                     remote +
                     R"(","organization":{"asn":"64500","asnOrg":"EXAMPLE-NET"},)"
                     R"("country":{"countryName":"Example"}},"remotePortDetails":{"port":)" +
                     std::to_string(1024 + r.below(60000)) +
                     R"(},"localPortDetails":{"port":22,"portName":"SSH"}}})";
        } else if (kind < 3) {
            type = "Recon:EC2/PortProbeUnprotectedPort";
            action = R"({"actionType":"PORT_PROBE","portProbeAction":{"blocked":false,)"
                     R"("portProbeDetails":[{"localPortDetails":{"port":3389},)"
                     R"("remoteIpDetails":{"ipAddressV4":")" +
                     remote + R"("}}]}})";
        } else {
            type = "Trojan:EC2/DNSDataExfiltration";
            action = R"({"actionType":"DNS_REQUEST","dnsRequestAction":{"domain":"x)" +
                     hex(r.below(5000), 8) + R"(.example.net","protocol":"UDP","blocked":false}})";
        }
    } else if (kind < 8) {
        const uint64_t user = r.below(500);
        const bool assumed = (user & 1) != 0;
        const std::string pid = (assumed ? "AROA" : "AIDA") + hex(user, 16);
        resource = R"({"resourceType":"AccessKey","accessKeyDetails":{"accessKeyId":")" +
                   std::string(assumed ? "ASIA" : "AKIA") + hex(r.below(2000), 16) +
                   R"(","principalId":")" + pid +
                   (assumed ? ":session-" + std::to_string(user) : "") + R"(","userName":")" +
                   (assumed ? "role-" : "user-") + std::to_string(user) + R"(","userType":")" +
                   (assumed ? "AssumedRole" : "IAMUser") + R"("}})";
        type = kind < 6 ? "Recon:IAMUser/MaliciousIPCaller"
                        : "CredentialAccess:IAMUser/AnomalousBehavior";
        action = R"({"actionType":"AWS_API_CALL","awsApiCallAction":{"api":")" +
                 std::string(kApis[r.below(8)]) +
                 R"(","serviceName":"iam.amazonaws.com","callerType":"Remote IP",)"
                 R"("userAgent":{"fullUserAgent":")" +
                 kAgents[r.below(4)] + R"(","userAgentCategory":"SDK"},)" +
                 R"("remoteIpDetails":{"ipAddressV4":")" + remote + R"("}}})";
    } else if (kind < 9) {
        const std::string bucket = "bucket-" + std::to_string(r.below(300));
        resource = R"({"resourceType":"S3Bucket","s3BucketDetails":[{"name":")" + bucket +
                   R"(","arn":"arn:aws:s3:::)" + bucket + R"(","type":"Destination"}]})";
        type = "Exfiltration:S3/AnomalousBehavior";
        action = R"({"actionType":"AWS_API_CALL","awsApiCallAction":{"api":"GetObject",)"
                 R"("serviceName":"s3.amazonaws.com","remoteIpDetails":{"ipAddressV4":")" +
                 remote + R"("}}})";
    } else {
        const std::string cluster = "cluster-" + std::to_string(r.below(20));
        resource =
            R"({"resourceType":"EKSCluster","eksClusterDetails":{"name":")" + cluster +
            R"(","arn":"arn:aws:eks:us-east-1:)" + account + ":cluster/" + cluster +
            R"("},"kubernetesDetails":{"kubernetesUserDetails":{"username":"system:serviceaccount:default:sa-)" +
            std::to_string(r.below(100)) + R"("},"kubernetesWorkloadDetails":{"name":"pod-)" +
            std::to_string(r.below(1000)) +
            R"(","namespace":"default","type":"pods","containers":[{"name":"app","image":"nginx:1.)" +
            std::to_string(r.below(30)) + R"("}]}}})";
        type = "Execution:Kubernetes/ExecInKubeSystemPod";
        action =
            R"({"actionType":"KUBERNETES_API_CALL","kubernetesApiCallAction":{"verb":"create",)"
            R"("requestUri":"/api/v1/namespaces/kube-system/pods/x/exec","sourceIPs":[")" +
            remote + R"("],"statusCode":101}})";
    }
    char sev[16];
    std::snprintf(sev, sizeof sev, "%g", severity);
    return R"({"schemaVersion":"2.0","accountId":")" + account + R"(","region":")" + region +
           R"(","partition":"aws","id":")" + id + R"(","arn":"arn:aws:guardduty:)" + region + ":" +
           account + ":detector/" + detector + "/finding/" + id + R"(","type":")" + type +
           R"(","resource":)" + resource + R"(,"service":{"serviceName":"guardduty",)" +
           R"("detectorId":")" + detector + R"(","action":)" + action +
           R"(,"resourceRole":"TARGET","eventFirstSeen":")" + iso(first) +
           R"(","eventLastSeen":")" + iso(last) + R"(","archived":false,"count":)" +
           std::to_string(count) + R"(},"severity":)" + sev + R"(,"createdAt":")" +
           iso(first + 60000) + R"(","updatedAt":")" + iso(last + 120000) +
           R"(","title":"Generated finding )" + std::to_string(n) +
           R"(.","description":"A finding generated for the import benchmark."})";
}

bool generate(const std::string &dir, uint64_t findings, int updatesPercent, uint64_t &records)
{
    fs::create_directories(dir);
    const int files = 8;
    const int64_t start = 1767225600000; // 2026-01-01
    records = 0;
    for (int f = 0; f < files; ++f) {
        const std::string path = dir + "/guardduty-export-" + std::to_string(f) + ".jsonl.gz";
        gzFile out = gzopen(path.c_str(), "wb6");
        if (!out)
            return false;
        for (uint64_t n = static_cast<uint64_t>(f); n < findings; n += files) {
            const bool updated = static_cast<int>(n % 100) < updatesPercent;
            for (int v = 0; v < (updated ? 2 : 1); ++v) {
                const std::string line = finding(n, v, start) + "\n";
                gzwrite(out, line.data(), static_cast<unsigned>(line.size()));
                ++records;
            }
        }
        gzclose(out);
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    uint64_t count = 200000;
    int updates = 10;
    std::string work = "/tmp/sightline-bench";
    int threads = 0;
    int64_t commit = 0; // 0: the importer's default
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--findings" && i + 1 < argc)
            count = std::stoull(argv[++i]);
        else if (a == "--updates" && i + 1 < argc)
            updates = std::stoi(argv[++i]);
        else if (a == "--work" && i + 1 < argc)
            work = argv[++i];
        else if (a == "--threads" && i + 1 < argc)
            threads = std::stoi(argv[++i]);
        else if (a == "--commit" && i + 1 < argc)
            commit = std::stoll(argv[++i]);
        else {
            std::fprintf(
                stderr, "usage: %s [--findings N] [--updates PERCENT] [--work DIR] [--threads T]\n",
                argv[0]);
            return 1;
        }
    }
    const std::string evidence =
        work + "/findings-" + std::to_string(count) + "-" + std::to_string(updates);
    const std::string casePath = work + "/bench-findings.sightline";
    fs::create_directories(work);
    uint64_t records = 0;
    if (!fs::exists(evidence + "/.complete")) {
        fs::remove_all(evidence);
        std::printf("generating %llu findings (%d%% with a second version) into %s ...\n",
                    static_cast<unsigned long long>(count), updates, evidence.c_str());
        if (!generate(evidence, count, updates, records)) {
            std::fprintf(stderr, "cannot write %s\n", evidence.c_str());
            return 2;
        }
        std::ofstream(evidence + "/.complete") << records << "\n";
    }
    for (const char *suffix : {"", "-wal", "-shm"})
        fs::remove(casePath + suffix);

    auto caseFile = CaseFile::openOrCreate(casePath);
    if (!caseFile) {
        std::fprintf(stderr, "%s\n", caseFile.error().detail.c_str());
        return 2;
    }
    ImportOptions options;
    options.threads = threads;
    if (commit > 0)
        options.commitEveryEvents = commit;
    const auto t0 = Clock::now();
    const double cpu0 = cpuSeconds();
    auto summary = importPaths(*caseFile, {evidence}, nullptr, options);
    const double seconds = msSince(t0) / 1000;
    const double cpu = cpuSeconds() - cpu0;
    if (!summary) {
        std::fprintf(stderr, "import failed: %s\n", summary.error().detail.c_str());
        return 2;
    }
    const long rss = peakRssKb();
    caseFile->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    auto countOf = [&](const char *table) {
        auto n = caseFile->db().queryInt(std::string("SELECT count(*) FROM ") + table);
        return n ? *n : int64_t(-1);
    };
    const int64_t stored = countOf("findings");
    const int64_t versions = countOf("finding_versions");
    const int64_t entities = countOf("entities");
    const int64_t edges = countOf("edges");
    uint64_t caseBytes = 0;
    for (const char *suffix : {"", "-wal"}) {
        std::error_code ec;
        caseBytes += fs::file_size(casePath + suffix, ec);
    }
    const double n = static_cast<double>(summary->records);
    std::printf("\nImport of %lld finding records (%lld files, %.1f MB gzip)\n",
                static_cast<long long>(summary->records), static_cast<long long>(summary->files),
                summary->bytes / 1e6);
    std::printf("  time                 %8.2f s wall, %.2f s CPU (all threads)\n", seconds, cpu);
    std::printf("  findings/s           %8.0f (records; %lld distinct findings, %lld versions)\n",
                n / seconds, static_cast<long long>(stored), static_cast<long long>(versions));
    std::printf("  findings/CPU-s       %8.0f\n", n / cpu);
    std::printf("  peak RSS             %8.1f MB\n", rss / 1024.0);
    std::printf("  case file            %8.1f MB, %.0f bytes/record\n", caseBytes / 1e6,
                caseBytes / n);
    std::printf("  entities %lld, edges %lld, errors %lld, duplicates %lld\n",
                static_cast<long long>(entities), static_cast<long long>(edges),
                static_cast<long long>(summary->errors),
                static_cast<long long>(summary->duplicates));

    auto reader = CaseFile::open(casePath, CaseFile::Access::ReadOnly);
    if (!reader) {
        std::fprintf(stderr, "%s\n", reader.error().detail.c_str());
        return 2;
    }
    Database &db = reader->db();
    // The address most findings involve.
    Statement busy(db,
                   "SELECT g.dst, count(*) FROM edges g JOIN entities e ON e.id = g.dst "
                   "WHERE g.relation = 11 AND e.type = 8 GROUP BY g.dst ORDER BY 2 DESC LIMIT 1");
    const int64_t busyIp = busy.step() ? busy.int64(0) : 0;
    const int64_t busyCount = busyIp ? busy.int64(1) : 0;
    Statement one(db, "SELECT entity FROM findings ORDER BY entity LIMIT 1 OFFSET 1000");
    const int64_t someFinding = one.step() ? one.int64(0) : 0;
    FindingQuery q(db);
    std::printf("\nQueries (busiest address in %lld findings)\n",
                static_cast<long long>(busyCount));
    const int runs = 9;
    timeIt("findings, first page of 100 (all)", runs, [&] { return q.list({}).ok(); });
    FindingFilter high;
    high.severities = (1u << 3) | (1u << 4);
    timeIt("findings, high and critical, first page", runs, [&] { return q.list(high).ok(); });
    FindingFilter byIp;
    byIp.entity = busyIp;
    timeIt("findings involving the busiest address", runs, [&] { return q.list(byIp).ok(); });
    timeIt("one finding with entities and versions", runs,
           [&] { return q.detail(someFinding, true).ok(); });
    timeIt("resolve a finding by its bare id", runs, [&] {
        auto d = q.detail(someFinding);
        if (!d)
            return false;
        const std::string key = d->summary.finding.key;
        return q.resolve(key.substr(key.rfind('/') + 1)).ok();
    });
    return 0;
}
