// sightline-gen-cloudtrail: writes synthetic CloudTrail evidence (see CloudTrailGenerator.h).
//
//   sightline-gen-cloudtrail --out DIR [--events N] [--seed S] [--accounts A] [--regions R]
//                            [--days D] [--start YYYY-MM-DD] [--no-incident] [--small-incident]
//                            [--exfil-objects K] [--min-per-file N] [--max-per-file N]
//                            [--file-window SECONDS] [--level 1-9] [--threads T]
//
// --small-incident is the sample-incident preset: one account (111122223333), two regions
// (us-east-1, us-west-2), one day (2026-10-14), 4,500 events, files of at most 15 minutes,
// 120 exfiltrated objects. Options given explicitly override the preset.
#include "CloudTrailGenerator.h"

#include "Format.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

namespace {

void usage()
{
    std::fputs("usage: sightline-gen-cloudtrail --out DIR [--events N] [--seed S] [--accounts A]\n"
               "         [--regions R] [--days D] [--start YYYY-MM-DD] [--no-incident]\n"
               "         [--small-incident] [--exfil-objects K] [--min-per-file N]\n"
               "         [--max-per-file N] [--file-window SECONDS] [--level 1-9] [--threads T]\n",
               stderr);
}

bool parseUInt(const char *s, std::uint64_t &out)
{
    char *end = nullptr;
    errno = 0;
    const unsigned long long v = std::strtoull(s, &end, 10);
    if (errno != 0 || end == s || *end != 0)
        return false;
    out = v;
    return true;
}

bool parseDate(const char *s, std::int64_t &out)
{
    int y = 0;
    unsigned m = 0, d = 0;
    if (std::sscanf(s, "%d-%u-%u", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    out = sightline::bench::fmt::epochFromCivil(y, m, d);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    using namespace sightline::bench;
    CloudTrailGeneratorOptions o;
    bool small = false;
    std::optional<std::uint64_t> events, seed, accounts, regions, days, exfil, minPer, maxPer,
        window, level, threads;
    std::optional<std::int64_t> start;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> const char * {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "missing value for %s\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        auto number = [&](std::optional<std::uint64_t> &target) {
            std::uint64_t v = 0;
            const char *s = value();
            if (!parseUInt(s, v)) {
                std::fprintf(stderr, "bad number for %s: %s\n", a.c_str(), s);
                std::exit(2);
            }
            target = v;
        };
        if (a == "--out")
            o.outputDir = value();
        else if (a == "--events")
            number(events);
        else if (a == "--seed")
            number(seed);
        else if (a == "--accounts")
            number(accounts);
        else if (a == "--regions")
            number(regions);
        else if (a == "--days")
            number(days);
        else if (a == "--exfil-objects")
            number(exfil);
        else if (a == "--min-per-file")
            number(minPer);
        else if (a == "--max-per-file")
            number(maxPer);
        else if (a == "--file-window")
            number(window);
        else if (a == "--level")
            number(level);
        else if (a == "--threads")
            number(threads);
        else if (a == "--start") {
            std::int64_t t = 0;
            const char *s = value();
            if (!parseDate(s, t)) {
                std::fprintf(stderr, "bad date: %s\n", s);
                return 2;
            }
            start = t;
        } else if (a == "--no-incident")
            o.incident = false;
        else if (a == "--small-incident")
            small = true;
        else if (a == "-h" || a == "--help") {
            usage();
            return 0;
        } else {
            std::fprintf(stderr, "unknown option %s\n", a.c_str());
            usage();
            return 2;
        }
    }
    if (o.outputDir.empty()) {
        usage();
        return 2;
    }
    if (small) {
        o.totalEvents = 4500;
        o.accounts = 1;
        o.regionsPerAccount = 2;
        o.days = 1;
        o.startEpochSeconds = fmt::epochFromCivil(2026, 10, 14);
        o.fileWindowSeconds = 900;
        o.exfilObjects = 120;
    }
    if (events)
        o.totalEvents = *events;
    if (seed)
        o.seed = *seed;
    if (accounts)
        o.accounts = static_cast<int>(*accounts);
    if (regions)
        o.regionsPerAccount = static_cast<int>(*regions);
    if (days)
        o.days = static_cast<int>(*days);
    if (start)
        o.startEpochSeconds = *start;
    if (exfil)
        o.exfilObjects = static_cast<int>(*exfil);
    if (minPer)
        o.minEventsPerFile = static_cast<int>(*minPer);
    if (maxPer)
        o.maxEventsPerFile = static_cast<int>(*maxPer);
    if (window)
        o.fileWindowSeconds = static_cast<int>(*window);
    if (level)
        o.compressionLevel = static_cast<int>(*level);
    if (threads)
        o.threads = static_cast<int>(*threads);

    const CloudTrailGenerationResult r = generateCloudTrail(o);
    if (!r.ok) {
        std::fprintf(stderr, "sightline-gen-cloudtrail: %s\n", r.error.c_str());
        return 1;
    }
    const double rate = r.seconds > 0 ? static_cast<double>(r.events) / r.seconds : 0.0;
    std::printf("output        %s\n", o.outputDir.c_str());
    std::printf("files         %llu\n", static_cast<unsigned long long>(r.files));
    std::printf("events        %llu\n", static_cast<unsigned long long>(r.events));
    std::printf(
        "raw bytes     %llu (%.0f bytes/record)\n", static_cast<unsigned long long>(r.rawBytes),
        r.events > 0 ? static_cast<double>(r.rawBytes) / static_cast<double>(r.events) : 0.0);
    std::printf("gzip bytes    %llu (ratio %.1f)\n", static_cast<unsigned long long>(r.gzBytes),
                r.gzBytes > 0 ? static_cast<double>(r.rawBytes) / static_cast<double>(r.gzBytes)
                              : 0.0);
    std::printf("seconds       %.3f (%.0f events/s)\n", r.seconds, rate);
    std::fputs(describeIncident(r.incident).c_str(), stdout);
    return 0;
}
