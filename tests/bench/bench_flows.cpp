// VPC flow log import benchmark. Generates realistic flow logs as AWS delivers them to S3
// (gzip, AWSLogs/<account>/vpcflowlogs/<region>/Y/M/D/, one file per flow log per 5 minutes,
// a header line each): a few instances behind two flow logs (the default version 2 format,
// and a custom version 5 format with instance-id and flow-direction) talking to a few
// hundred popular services and to a long tail of scanners and clients. Then imports the
// folder into a new case and prints records/s, MB/s, peak RSS, case bytes per record and
// flow query latencies. Asserts nothing. Usage:
//   sightline-bench-flows [--records N] [--work DIR] [--threads T] [--queue-mb M] [--keep]
// Evidence is generated into DIR/evidence (reused when present with the same N).
#include "CaseFile.h"
#include "Importer.h"
#include "Statement.h"
#include "WriterStats.h"
#include "queries/EntityLookup.h"
#include "queries/FlowQuery.h"

#include <sys/resource.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace sightline;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int64_t kDayStart = 1791936000; // 2026-10-14T00:00:00Z
constexpr const char *kAccount = "111122223333";
constexpr const char *kRegion = "us-east-1";

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

void resetPeakRss()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

// CPU seconds (user + system) of the process, or of the calling thread.
double cpuSeconds(int who)
{
    rusage u{};
    getrusage(who, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

struct Rng
{
    uint64_t s;
    uint64_t next()
    {
        s += 0x9E3779B97F4A7C15ULL;
        uint64_t z = s;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    uint64_t below(uint64_t n) { return next() % n; }
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
};

struct Instance
{
    std::string id, eni, ip;
    int flowLog; // 0: default v2 format, 1: custom v5 format
    int weight;
};

struct Service
{
    std::string ip;
    int port, protocol;
};

std::string ipv4(uint32_t v)
{
    char buf[20];
    std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", v >> 24, (v >> 16) & 255, (v >> 8) & 255,
                  v & 255);
    return buf;
}

// A public address outside the private / reserved ranges.
uint32_t publicAddress(Rng &rng)
{
    for (;;) {
        const auto v = static_cast<uint32_t>(rng.next());
        const uint32_t a = v >> 24;
        if (a == 0 || a == 10 || a == 127 || a >= 224 || a == 100 || a == 169 || a == 172 ||
            a == 192)
            continue;
        return v;
    }
}

class GzFile
{
public:
    explicit GzFile(const fs::path &path)
    {
        fs::create_directories(path.parent_path());
        m_f = gzopen(path.string().c_str(), "wb6");
    }
    ~GzFile()
    {
        if (m_f)
            gzclose(m_f);
    }
    bool ok() const { return m_f != nullptr; }
    void write(const std::string &s) { gzwrite(m_f, s.data(), static_cast<unsigned>(s.size())); }

private:
    gzFile m_f = nullptr;
};

struct Generated
{
    int64_t lines = 0, headers = 0, files = 0, rawBytes = 0, storedBytes = 0;
};

// Writes about `records` flow records. Deterministic for a given count.
Generated generate(const fs::path &root, int64_t records)
{
    Rng rng{20261014};
    std::vector<Instance> instances;
    for (int i = 0; i < 8; ++i) {
        char id[32], eni[32];
        std::snprintf(id, sizeof id, "i-0%016llx", static_cast<unsigned long long>(rng.next()));
        std::snprintf(eni, sizeof eni, "eni-0%016llx", static_cast<unsigned long long>(rng.next()));
        instances.push_back({id, eni,
                             ipv4((10u << 24) | (1u << 16) | static_cast<uint32_t>(10 + i)),
                             i % 3 == 0, 8 - i});
    }
    std::vector<Service> popular; // AWS endpoints, package mirrors, DNS, NTP, peers
    const int ports[] = {443, 443, 443, 80, 53, 123, 8443, 5432};
    for (int i = 0; i < 400; ++i) {
        const int port = ports[rng.below(8)];
        popular.push_back({ipv4(publicAddress(rng)), port, port == 53 || port == 123 ? 17 : 6});
    }
    for (int i = 0; i < 8; ++i) // private peers: databases, caches
        popular.push_back({ipv4((10u << 24) | (2u << 16) | static_cast<uint32_t>(20 + i)),
                           i < 4 ? 5432 : 6379, 6});
    std::vector<uint32_t> tail(200000);
    for (uint32_t &t : tail)
        t = publicAddress(rng);
    int totalWeight = 0;
    for (const Instance &in : instances)
        totalWeight += in.weight;

    const char *headers[2] = {
        "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes "
        "start end action log-status\n",
        "version account-id vpc-id subnet-id instance-id interface-id srcaddr dstaddr srcport "
        "dstport protocol packets bytes start end action tcp-flags type pkt-srcaddr "
        "pkt-dstaddr flow-direction log-status\n"};
    const char *flowLogIds[2] = {"fl-0a1b2c3d4e5f60718", "fl-0f9e8d7c6b5a40312"};

    Generated g;
    const int64_t windows = 288; // 5-minute files over one day
    const int64_t perWindow = (records + windows * 2 - 1) / (windows * 2);
    std::string buf;
    char line[512];
    for (int64_t w = 0; w < windows; ++w) {
        const int64_t windowStart = kDayStart + w * 300;
        for (int log = 0; log < 2; ++log) {
            char name[160];
            const int64_t minute = (w * 5) % 60, hour = (w * 5) / 60;
            std::snprintf(name, sizeof name,
                          "%s_vpcflowlogs_%s_%s_20261014T%02lld%02lldZ_%08llx.log.gz", kAccount,
                          kRegion, flowLogIds[log], static_cast<long long>(hour),
                          static_cast<long long>(minute),
                          static_cast<unsigned long long>(rng.next() & 0xFFFFFFFF));
            const fs::path path =
                root / "AWSLogs" / kAccount / "vpcflowlogs" / kRegion / "2026" / "10" / "14" / name;
            GzFile out(path);
            if (!out.ok())
                return g;
            buf.assign(headers[log]);
            ++g.headers;
            int64_t written = 0;
            while (written < perWindow) {
                // An instance of this flow log, weighted.
                const Instance *inst = nullptr;
                do {
                    int r = static_cast<int>(rng.below(static_cast<uint64_t>(totalWeight)));
                    for (const Instance &in : instances) {
                        if ((r -= in.weight) < 0) {
                            inst = &in;
                            break;
                        }
                    }
                } while (inst->flowLog != log);
                const int64_t start = windowStart + static_cast<int64_t>(rng.below(240));
                const int64_t end = start + static_cast<int64_t>(rng.below(60));
                if (rng.below(1000) == 0) { // an interface without traffic
                    const int n =
                        log == 0
                            ? std::snprintf(line, sizeof line,
                                            "2 %s %s - - - - - - - %lld %lld - NODATA\n", kAccount,
                                            inst->eni.c_str(), static_cast<long long>(start),
                                            static_cast<long long>(end))
                            : std::snprintf(line, sizeof line,
                                            "5 %s vpc-0123456789abcdef0 subnet-0123456789abcdef0 "
                                            "%s %s - - - - - - - %lld %lld - - - - - - NODATA\n",
                                            kAccount, inst->id.c_str(), inst->eni.c_str(),
                                            static_cast<long long>(start),
                                            static_cast<long long>(end));
                    buf.append(line, static_cast<size_t>(n));
                    ++written;
                    continue;
                }
                // A conversation: the instance as client of a service (request and response),
                // or a scanner / client from the long tail reaching the instance.
                std::string remote;
                int servicePort, protocol;
                bool inbound;
                const uint64_t kind = rng.below(100);
                if (kind < 70) {
                    const Service &s = popular[rng.below(popular.size())];
                    remote = s.ip;
                    servicePort = s.port;
                    protocol = s.protocol;
                    inbound = false;
                } else {
                    remote = ipv4(tail[rng.below(tail.size())]);
                    const int inPorts[] = {22, 443, 80, 3389, 8080};
                    servicePort = inPorts[rng.below(5)];
                    protocol = 6;
                    inbound = true;
                }
                const bool reject =
                    inbound && servicePort != 443 && servicePort != 80 && rng.below(100) < 60;
                const int client = 32768 + static_cast<int>(rng.below(28232));
                const double size = std::exp(4.0 + rng.unit() * 9.0); // 55 B .. 440 KB
                const auto bytesOut = static_cast<int64_t>(size);
                const auto bytesBack = static_cast<int64_t>(size * (0.05 + rng.unit() * 20));
                const int64_t pOut = std::max<int64_t>(1, bytesOut / 900);
                const int64_t pBack = std::max<int64_t>(1, bytesBack / 900);
                const std::string &local = inst->ip;
                // The initiator's record, then the response's (rejects have none).
                for (int leg = 0; leg < (reject ? 1 : 2) && written < perWindow; ++leg) {
                    const bool fromLocal = inbound ? leg == 1 : leg == 0;
                    const std::string &src = fromLocal ? local : remote;
                    const std::string &dst = fromLocal ? remote : local;
                    const bool srcIsClient = inbound ? !fromLocal : fromLocal;
                    const int sport = srcIsClient ? client : servicePort;
                    const int dport = srcIsClient ? servicePort : client;
                    const int64_t bytes = leg == 0 ? bytesOut : bytesBack;
                    const int64_t packets = leg == 0 ? pOut : pBack;
                    const char *action = reject ? "REJECT" : "ACCEPT";
                    int n;
                    if (log == 0) {
                        n = std::snprintf(
                            line, sizeof line, "2 %s %s %s %s %d %d %d %lld %lld %lld %lld %s OK\n",
                            kAccount, inst->eni.c_str(), src.c_str(), dst.c_str(), sport, dport,
                            protocol, static_cast<long long>(packets),
                            static_cast<long long>(bytes), static_cast<long long>(start),
                            static_cast<long long>(end), action);
                    } else {
                        n = std::snprintf(
                            line, sizeof line,
                            "5 %s vpc-0123456789abcdef0 subnet-0123456789abcdef0 %s %s %s %s %d "
                            "%d %d %lld %lld %lld %lld %s %d IPv4 %s %s %s OK\n",
                            kAccount, inst->id.c_str(), inst->eni.c_str(), src.c_str(), dst.c_str(),
                            sport, dport, protocol, static_cast<long long>(packets),
                            static_cast<long long>(bytes), static_cast<long long>(start),
                            static_cast<long long>(end), action, protocol == 6 ? 19 : 0,
                            src.c_str(), dst.c_str(), fromLocal ? "egress" : "ingress");
                    }
                    buf.append(line, static_cast<size_t>(n));
                    ++written;
                }
            }
            out.write(buf);
            g.rawBytes += static_cast<int64_t>(buf.size());
            g.lines += written;
            ++g.files;
        }
    }
    for (const auto &e : fs::recursive_directory_iterator(root / "AWSLogs")) {
        if (e.is_regular_file())
            g.storedBytes += static_cast<int64_t>(e.file_size());
    }
    return g;
}

} // namespace

int main(int argc, char **argv)
{
    int64_t records = 5000000;
    fs::path work = fs::temp_directory_path() / "sightline-bench-flows";
    int threads = 0;
    int64_t queueMb = -1; // the importer's default
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--records" && i + 1 < argc)
            records = std::stoll(argv[++i]);
        else if (a == "--work" && i + 1 < argc)
            work = argv[++i];
        else if (a == "--threads" && i + 1 < argc)
            threads = std::stoi(argv[++i]);
        else if (a == "--queue-mb" && i + 1 < argc)
            queueMb = std::stoll(argv[++i]);
        else if (a == "--keep")
            keep = true;
        else {
            std::fprintf(stderr,
                         "usage: sightline-bench-flows [--records N] [--work DIR] [--threads T] "
                         "[--queue-mb M] [--keep]\n");
            return 1;
        }
    }
    const fs::path evidence = work / "evidence";
    const fs::path stamp = work / ("evidence-" + std::to_string(records) + ".done");
    fs::create_directories(work);
    Generated g;
    const auto g0 = Clock::now();
    if (!fs::exists(stamp)) {
        fs::remove_all(evidence);
        g = generate(evidence, records);
        std::ofstream(stamp) << g.lines << ' ' << g.headers << ' ' << g.files << ' ' << g.rawBytes
                             << ' ' << g.storedBytes << '\n';
        std::printf("generated %lld flow log lines in %lld files in %.1f s\n",
                    static_cast<long long>(g.lines), static_cast<long long>(g.files),
                    seconds(Clock::now() - g0));
    } else {
        std::ifstream(stamp) >> g.lines >> g.headers >> g.files >> g.rawBytes >> g.storedBytes;
        std::printf("reusing %lld flow log lines in %lld files\n", static_cast<long long>(g.lines),
                    static_cast<long long>(g.files));
    }

    const fs::path casePath = work / "bench-flows.sightline";
    for (const char *suffix : {"", "-wal", "-shm"})
        fs::remove(casePath.string() + suffix);
    auto opened = CaseFile::openOrCreate(casePath.string());
    if (!opened) {
        std::fprintf(stderr, "cannot create the case: %s\n", opened.error().detail.c_str());
        return 2;
    }
    std::optional<CaseFile> c(std::move(*opened));
    ImportOptions options;
    options.threads = threads;
    if (queueMb >= 0)
        options.queueBytes = static_cast<size_t>(queueMb) << 20;
    resetPeakRss();
    const double cpu0 = cpuSeconds(RUSAGE_SELF), writer0 = cpuSeconds(RUSAGE_THREAD);
    const auto t0 = Clock::now();
    auto s = importPaths(*c, {evidence.string()}, nullptr, options);
    const double secs = seconds(Clock::now() - t0);
    // importPaths runs the writer on the calling thread and the parsers on its own threads.
    const double cpu = cpuSeconds(RUSAGE_SELF) - cpu0;
    const double writerCpu = cpuSeconds(RUSAGE_THREAD) - writer0;
    const long rss = peakRssKb();
    if (!s) {
        std::fprintf(stderr, "import failed: %s\n", s.error().detail.c_str());
        return 3;
    }
    c.reset(); // checkpoints the WAL into the case file
    std::error_code sizeError;
    const auto caseBytes = static_cast<int64_t>(fs::file_size(casePath, sizeError));
    const int64_t recordLines = s->records - g.headers; // header lines are not records
    const double perRecord = 1e6 / static_cast<double>(std::max<int64_t>(1, recordLines));
    std::printf("\nVPC flow import (%d parser threads)\n",
                threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency()));
    std::printf("  files              %lld (%lld errors, %lld skipped)\n",
                static_cast<long long>(s->files), static_cast<long long>(s->errors),
                static_cast<long long>(s->skipped));
    std::printf("  records            %lld (%lld aggregated as flows)\n",
                static_cast<long long>(recordLines), static_cast<long long>(s->flowRecords));
    std::printf("  time               %.2f s\n", secs);
    std::printf("  records/s          %.0f\n", static_cast<double>(recordLines) / secs);
    std::printf("  MB/s decompressed  %.1f (%.1f MB of text)\n",
                static_cast<double>(g.rawBytes) / 1e6 / secs,
                static_cast<double>(g.rawBytes) / 1e6);
    std::printf("  MB/s as stored     %.1f (%.1f MB of .gz)\n",
                static_cast<double>(g.storedBytes) / 1e6 / secs,
                static_cast<double>(g.storedBytes) / 1e6);
    const double checkpointCpu = s->writer.checkpointCpuSeconds;
    const double parserCpu = cpu - writerCpu - checkpointCpu;
    std::printf("  CPU                %.2f s: writer thread %.2f s (%.2f us/record), parser "
                "threads %.2f s (%.2f us/record), checkpoints %.2f s\n",
                cpu, writerCpu, writerCpu * perRecord, parserCpu, parserCpu * perRecord,
                checkpointCpu);
    // What the import would take on an idle machine with this many cores: the writer is one
    // thread, the rest shares the cores with it.
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const double idle = std::max(writerCpu, cpu / cores);
    std::string load;
    std::getline(std::ifstream("/proc/loadavg"), load);
    std::printf("  CPU-bound estimate %.2f s on %u idle cores = %.0f records/s (load average "
                "during the run: %s)\n",
                idle, cores, static_cast<double>(recordLines) / idle,
                load.substr(0, load.find(' ')).c_str());
    for (int p = 0; p < WriterStats::kPhases; ++p) {
        if (s->writer.seconds[p] > 0)
            std::printf(
                "    writer %-10s %6.2f s wall %6.2f s CPU %5.2f us CPU/record %9lld rows\n",
                WriterStats::name(static_cast<WriterPhase>(p)), s->writer.seconds[p],
                s->writer.cpuSeconds[p], s->writer.cpuSeconds[p] * perRecord,
                static_cast<long long>(s->writer.rows[p]));
    }
    std::printf("  WAL checkpoints    %lld beside the writer, %lld commits waited for one\n",
                static_cast<long long>(s->writer.checkpoints),
                static_cast<long long>(s->writer.checkpointWaits));
    std::printf("  peak RSS           %.1f MB\n", static_cast<double>(rss) / 1024.0);
    std::printf("  case size          %.1f MB, %.1f bytes per record\n",
                static_cast<double>(caseBytes) / 1e6,
                static_cast<double>(caseBytes) /
                    static_cast<double>(std::max<int64_t>(1, recordLines)));

    auto reopened = CaseFile::open(casePath.string());
    if (!reopened) {
        std::fprintf(stderr, "cannot reopen the case: %s\n", reopened.error().detail.c_str());
        return 2;
    }
    c.emplace(std::move(*reopened));
    {
        Statement st(c->db(), "SELECT count(*) FROM flows");
        if (st.step())
            std::printf("  flow rows          %lld (%.1f records per row)\n",
                        static_cast<long long>(st.int64(0)),
                        static_cast<double>(s->flowRecords) /
                            static_cast<double>(std::max<int64_t>(1, st.int64(0))));
    }
    // Query latency: the busiest instance's peers, and the instances behind a popular IP.
    FlowQuery q(c->db());
    Statement busiest(c->db(), "SELECT local, count(*) AS n FROM flows GROUP BY local ORDER BY n "
                               "DESC LIMIT 1");
    Statement popular(c->db(), "SELECT remote, count(*) AS n FROM flows GROUP BY remote ORDER BY "
                               "n DESC LIMIT 1");
    for (Statement *st : {&busiest, &popular}) {
        if (!st->step())
            continue;
        const int64_t id = st->int64(0);
        const auto q0 = Clock::now();
        auto r = q.load(id);
        const double ms = seconds(Clock::now() - q0) * 1000;
        if (r)
            std::printf("  flows of %-11s %s: %lld peer rows, %.1f ms\n",
                        st == &busiest ? "instance" : "IP", r->entity.key.c_str(),
                        static_cast<long long>(r->peerRows), ms);
    }
    c.reset();
    if (!keep)
        fs::remove_all(work);
    return 0;
}
