// Import and query benchmark on generated CloudTrail evidence. Prints figures; asserts
// nothing. Usage:
//   sightline-bench-import [--events N] [--work DIR] [--threads T] [--commit EVENTS]
//                          [--checkpoint-pages PAGES] [--parse-only]
// --parse-only runs only the importer's threads (read, inflate, split, parse, normalise,
// compress raw records) and drops their batches: how fast the parse side alone goes, the
// ceiling of an import whose writer cost nothing.
// Evidence is generated once into DIR/evidence (reused when present with the same N), the
// case is rebuilt into DIR/bench.sightline on every run.
#include "CaseFile.h"
#include "Importer.h"
#include "Interner.h"
#include "SourceProcessor.h"
#include "TimeUtil.h"
#include "gen/CloudTrailGenerator.h"
#include "queries/EntityLookup.h"
#include "queries/EntityProfile.h"
#include "queries/EntitySearch.h"
#include "queries/EventQuery.h"
#include "queries/Timeline.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>

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

void resetPeakRss()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

double ms(Clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

// Runs f `runs` times; prints median and max in milliseconds.
void timeIt(const char *name, int runs, const std::function<bool()> &f)
{
    std::vector<double> t;
    bool ok = true;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        ok = f() && ok;
        t.push_back(ms(Clock::now() - t0));
    }
    std::sort(t.begin(), t.end());
    std::printf("  %-52s median %8.2f ms   max %8.2f ms%s\n", name, t[t.size() / 2], t.back(),
                ok ? "" : "   (FAILED)");
}

int64_t busiestPrincipal(Database &db)
{
    Statement st(db, "SELECT t.entity FROM agg_total t JOIN entities e ON e.id = t.entity "
                     "WHERE t.metric = 1 AND t.dim = 0 AND e.type IN (2, 3, 4) "
                     "ORDER BY t.a + t.b DESC LIMIT 1");
    return st.step() ? st.int64(0) : 0;
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

std::string loadAverage()
{
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

template <typename A> double sum(const A &values)
{
    double t = 0;
    for (double x : values)
        t += x;
    return t;
}

// The importer's threads without a writer: batches are counted and dropped.
int parseOnly(const std::string &evidence, int threads)
{
    std::vector<std::pair<std::string, int64_t>> files;
    for (const auto &e : fs::recursive_directory_iterator(evidence)) {
        if (e.is_regular_file() && e.path().filename().string()[0] != '.')
            files.emplace_back(e.path().string(), static_cast<int64_t>(e.file_size()));
    }
    std::sort(files.begin(), files.end());
    const int workers =
        threads > 0 ? threads : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    ImportOptions options;
    Interner interner;
    ImportQueue queue(options.queueMessages, options.queueBytes);
    ImportShared shared(interner, queue, options);
    std::atomic<size_t> next{0};
    resetPeakRss();
    const auto t0 = Clock::now();
    const double cpu0 = cpuSeconds();
    std::vector<std::thread> pool;
    for (int i = 0; i < workers; ++i) {
        queue.addProducer();
        pool.emplace_back([&] {
            SourceProcessor processor(shared);
            for (size_t k = next++; k < files.size(); k = next++)
                processor.processPath(files[k].first, files[k].second);
            queue.producerDone();
        });
    }
    int64_t events = 0, rawBytes = 0;
    while (auto msg = queue.pop()) {
        if (msg->kind != ImportMessage::Kind::Batch)
            continue;
        events += static_cast<int64_t>(msg->batch.events.size());
        for (const RawBlock &b : msg->batch.rawBlocks)
            rawBytes += static_cast<int64_t>(b.rawSize);
    }
    for (std::thread &t : pool)
        t.join();
    const double seconds = ms(Clock::now() - t0) / 1000;
    const double cpu = cpuSeconds() - cpu0;
    const double n = static_cast<double>(events);
    std::printf("\nParse side only (%d threads, no writer) of %lld events (%zu files, %.1f MB "
                "JSON)\n",
                workers, static_cast<long long>(events), files.size(), rawBytes / 1e6);
    std::printf("  time                 %8.1f s\n", seconds);
    std::printf("  events/s             %8.0f\n", n / seconds);
    std::printf("  peak RSS             %8.1f MB\n", peakRssKb() / 1024.0);
    std::printf("  CPU user+sys         %8.1f s, %.2f us/event (load average %s)\n", cpu,
                cpu * 1e6 / n, loadAverage().c_str());
    return events > 0 ? 0 : 2;
}

} // namespace

int main(int argc, char **argv)
{
    uint64_t events = 2000000;
    std::string work = "/tmp/sightline-bench";
    int threads = 0;
    int64_t commit = 0;
    bool parseSide = false;
    int64_t checkpointPages = -1;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--events" && i + 1 < argc)
            events = std::stoull(argv[++i]);
        else if (a == "--work" && i + 1 < argc)
            work = argv[++i];
        else if (a == "--threads" && i + 1 < argc)
            threads = std::stoi(argv[++i]);
        else if (a == "--commit" && i + 1 < argc)
            commit = std::stoll(argv[++i]);
        else if (a == "--checkpoint-pages" && i + 1 < argc)
            checkpointPages = std::stoll(argv[++i]);
        else if (a == "--parse-only")
            parseSide = true;
        else {
            std::fprintf(stderr,
                         "usage: %s [--events N] [--work DIR] [--threads T] [--commit EVENTS] "
                         "[--checkpoint-pages PAGES] [--parse-only]\n",
                         argv[0]);
            return 1;
        }
    }
    std::string error;
    const std::string evidence = bench::ensureEvidence(work, events, error);
    if (evidence.empty()) {
        std::fprintf(stderr, "generator failed: %s\n", error.c_str());
        return 2;
    }
    const std::string casePath = work + "/bench.sightline";
    if (parseSide)
        return parseOnly(evidence, threads);
    for (const char *suffix : {"", "-wal", "-shm"})
        fs::remove(casePath + suffix);

    resetPeakRss();
    auto caseFile = CaseFile::openOrCreate(casePath);
    if (!caseFile) {
        std::fprintf(stderr, "%s\n", caseFile.error().detail.c_str());
        return 2;
    }
    ImportOptions options;
    options.threads = threads;
    if (commit > 0)
        options.commitEveryEvents = commit;
    if (checkpointPages >= 0)
        options.checkpointPages = checkpointPages;
    const auto t0 = Clock::now();
    const double cpu0 = cpuSeconds();
    auto summary = importPaths(*caseFile, {evidence}, nullptr, options);
    const double seconds = ms(Clock::now() - t0) / 1000;
    const double cpu = cpuSeconds() - cpu0;
    if (!summary) {
        std::fprintf(stderr, "import failed: %s\n", summary.error().detail.c_str());
        return 2;
    }
    const long rss = peakRssKb();
    caseFile->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    auto rawBytes = caseFile->db().queryInt("SELECT sum(size) FROM raw_blocks");
    uint64_t caseBytes = 0;
    for (const char *suffix : {"", "-wal"}) {
        std::error_code ec;
        caseBytes += fs::file_size(casePath + suffix, ec);
    }
    const double n = static_cast<double>(summary->newEvents);
    std::printf("\nImport of %lld events (%lld files, %.1f MB gzip, %.1f MB JSON)\n",
                static_cast<long long>(summary->newEvents), static_cast<long long>(summary->files),
                summary->bytes / 1e6, rawBytes ? *rawBytes / 1e6 : 0.0);
    std::printf("  time                 %8.1f s\n", seconds);
    std::printf("  events/s             %8.0f\n", n / seconds);
    std::printf("  MB/s (JSON)          %8.1f\n", (rawBytes ? *rawBytes : 0) / 1e6 / seconds);
    std::printf("  MB/s (gzip as read)  %8.1f\n", summary->bytes / 1e6 / seconds);
    std::printf("  peak RSS             %8.1f MB\n", rss / 1024.0);
    std::printf("  case file            %8.1f MB, %.0f bytes/event\n", caseBytes / 1e6,
                caseBytes / n);
    std::printf(
        "  errors %lld, duplicates %lld, skipped %lld\n", static_cast<long long>(summary->errors),
        static_cast<long long>(summary->duplicates), static_cast<long long>(summary->skipped));
    std::printf("  CPU user+sys         %8.1f s, %.2f us/event (load average %s)\n", cpu,
                cpu * 1e6 / n, loadAverage().c_str());
    std::printf("  CaseWriter           %8.1f s wall, %.1f s CPU, %.2f us CPU/event\n",
                sum(summary->writer.seconds), sum(summary->writer.cpuSeconds),
                sum(summary->writer.cpuSeconds) * 1e6 / n);
    for (int p = 0; p < WriterStats::kPhases; ++p) {
        if (summary->writer.seconds[p] > 0)
            std::printf("    %-12s %7.2f s wall %7.2f s CPU %6.2f us CPU/event %10lld rows\n",
                        WriterStats::name(static_cast<WriterPhase>(p)), summary->writer.seconds[p],
                        summary->writer.cpuSeconds[p], summary->writer.cpuSeconds[p] * 1e6 / n,
                        static_cast<long long>(summary->writer.rows[p]));
    }
    std::printf("  WAL checkpoints      %lld beside the writer, %.2f s CPU, %lld commits waited\n",
                static_cast<long long>(summary->writer.checkpoints),
                summary->writer.checkpointCpuSeconds,
                static_cast<long long>(summary->writer.checkpointWaits));
    std::printf("  entity keys in memory %zu at most: emptied %lld times, %lld entities looked "
                "up in the case\n",
                ImportOptions().cachedEntities,
                static_cast<long long>(summary->writer.entitySpills),
                static_cast<long long>(summary->writer.entityLookups));

    // Queries, each on its own read-only connection as the GUI and CLI use them.
    auto reader = CaseFile::open(casePath, CaseFile::Access::ReadOnly);
    if (!reader) {
        std::fprintf(stderr, "%s\n", reader.error().detail.c_str());
        return 2;
    }
    Database &db = reader->db();
    const int64_t busy = busiestPrincipal(db);
    EntityLookup lookup(db);
    auto leakedKey = lookup.resolve(EntityType::AccessKey, "AKIAZ7EXAMPLELEAK4QX");
    auto attackerIp = lookup.resolve(EntityType::IpAddress, "203.0.113.77");
    auto busyInfo = lookup.byId(busy);
    std::printf(
        "\nQueries (busiest principal: %s, %lld calls)\n", busyInfo ? busyInfo->key.c_str() : "?",
        static_cast<long long>(db.queryInt("SELECT a + b FROM agg_total WHERE entity = " +
                                           std::to_string(busy) + " AND metric = 1 AND dim = 0")
                                   .value()));
    EntitySearch search(db);
    EntityProfile profile(db);
    Timeline timeline(db);
    EventQuery eventQuery(db);
    const int runs = 9;
    timeIt("search exact IP 203.0.113.77", runs, [&] { return search.run("203.0.113.77").ok(); });
    timeIt("search wildcard AKIA*LEAK*", runs, [&] { return search.run("AKIA*LEAK*").ok(); });
    timeIt("search CIDR 203.0.113.0/24", runs, [&] { return search.run("203.0.113.0/24").ok(); });
    timeIt("search user name ci-deploy", runs, [&] { return search.run("ci-deploy").ok(); });
    timeIt("profile busiest principal, whole case", runs, [&] { return profile.load(busy).ok(); });
    TimeRange day;
    day.from = parseIso8601("2026-10-14").value_or(0);
    day.to = *day.from + 86400000;
    timeIt("profile busiest principal, one day", runs,
           [&] { return profile.load(busy, day).ok(); });
    TimeRange week;
    week.from = *day.from - 6 * 86400000LL;
    week.to = day.to;
    timeIt("profile busiest principal, 7 days", runs,
           [&] { return profile.load(busy, week).ok(); });
    if (leakedKey)
        timeIt("profile leaked access key, whole case", runs,
               [&] { return profile.load(leakedKey->id).ok(); });
    timeIt("timeline busiest principal, hourly, whole case", runs,
           [&] { return timeline.load(busy, TimelineBucket::Hour).ok(); });
    timeIt("timeline busiest principal, daily, whole case", runs,
           [&] { return timeline.load(busy, TimelineBucket::Day).ok(); });
    if (attackerIp) {
        timeIt("events from attacker IP (first 100)", runs, [&] {
            EventFilter f;
            f.entities = {attackerIp->id};
            return eventQuery.run(f).ok();
        });
    }
    timeIt("events of busiest principal in one hour", runs, [&] {
        EventFilter f;
        f.entities = {busy};
        f.range.from = *day.from + 12 * 3600000LL;
        f.range.to = *f.range.from + 3600000;
        return eventQuery.run(f).ok();
    });
    return 0;
}
