#include "CloudTrailGenerator.h"

#include "Format.h"
#include "Incident.h"
#include "Population.h"
#include "RecordWriter.h"

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

namespace sightline::bench {

namespace {

constexpr std::int64_t kDay = 86400;
constexpr double kMachineRate = 0.55;
constexpr double kHumanRate = 1.1;

struct Cell
{
    int account;
    int region;
    int day;
    std::size_t plannedBegin = 0, plannedEnd = 0;
};

double humanCurve(int localHour, bool weekend)
{
    double v;
    if (localHour >= 9 && localHour <= 17)
        v = 1.0;
    else if (localHour == 8 || localHour == 18)
        v = 0.6;
    else if (localHour == 7 || localHour == 19 || localHour == 20)
        v = 0.3;
    else if (localHour >= 21)
        v = 0.12;
    else
        v = 0.03;
    return weekend ? v * 0.15 : v;
}

double machineCurve(int localHour)
{
    if (localHour >= 9 && localHour <= 18)
        return 1.15;
    if (localHour <= 5)
        return 0.85;
    return 1.0;
}

// The part of [h0, h0+3600) that is not inside [g0, g1).
struct HourWindow
{
    std::int64_t start;
    std::int64_t gapLo = 0, gapLen = 0;
    std::int64_t length = 3600;
};

HourWindow hourWindow(std::int64_t h0, std::int64_t g0, std::int64_t g1)
{
    HourWindow w{h0};
    const std::int64_t lo = std::max(h0, g0), hi = std::min(h0 + 3600, g1);
    if (lo < hi) {
        w.gapLo = lo;
        w.gapLen = hi - lo;
        w.length = 3600 - w.gapLen;
    }
    return w;
}

class Gzip
{
public:
    explicit Gzip(int level)
    {
        zs_ = {};
        ok_ = deflateInit2(&zs_, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
    }
    ~Gzip()
    {
        if (ok_)
            deflateEnd(&zs_);
    }
    Gzip(const Gzip &) = delete;
    Gzip &operator=(const Gzip &) = delete;

    bool compress(const std::string &in, std::vector<unsigned char> &out)
    {
        if (!ok_ || deflateReset(&zs_) != Z_OK)
            return false;
        out.resize(deflateBound(&zs_, static_cast<uLong>(in.size())) + 64);
        zs_.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
        zs_.avail_in = static_cast<uInt>(in.size());
        zs_.next_out = out.data();
        zs_.avail_out = static_cast<uInt>(out.size());
        const int rc = deflate(&zs_, Z_FINISH);
        if (rc != Z_STREAM_END)
            return false;
        out.resize(zs_.total_out);
        return true;
    }

private:
    z_stream zs_;
    bool ok_ = false;
};

struct Totals
{
    std::uint64_t files = 0, events = 0, rawBytes = 0, gzBytes = 0;
};

class Generator
{
public:
    Generator(const CloudTrailGeneratorOptions &o) : opt_(o) {}

    CloudTrailGenerationResult run();

private:
    void worker();
    bool generateCell(std::size_t cellIndex, Gzip &gz, std::string &raw,
                      std::vector<unsigned char> &out, std::vector<std::int64_t> &times,
                      Totals &totals);
    void fail(const std::string &message)
    {
        std::lock_guard lock(mutex_);
        if (error_.empty())
            error_ = message;
        failed_ = true;
    }

    const CloudTrailGeneratorOptions &opt_;
    Population pop_;
    IncidentPlan plan_;
    std::vector<Cell> cells_;
    std::vector<std::uint32_t> hourCounts_;
    std::vector<double> humanShare_;
    std::atomic<std::size_t> next_{0};
    std::atomic<bool> failed_{false};
    std::mutex mutex_;
    std::string error_;
    Totals totals_;
};

CloudTrailGenerationResult Generator::run()
{
    CloudTrailGenerationResult result;
    const auto started = std::chrono::steady_clock::now();
    if (opt_.outputDir.empty()) {
        result.error = "no output directory";
        return result;
    }
    if (opt_.accounts < 1 || opt_.days < 1 || opt_.regionsPerAccount < 1 ||
        opt_.minEventsPerFile < 1 || opt_.maxEventsPerFile < opt_.minEventsPerFile) {
        result.error = "invalid options";
        return result;
    }

    pop_ = buildPopulation(opt_.seed, opt_.accounts, opt_.regionsPerAccount);
    const std::int64_t start = fmt::floorDiv(opt_.startEpochSeconds, kDay) * kDay;
    if (opt_.incident) {
        const std::int64_t preferred = fmt::epochFromCivil(2026, 10, 14);
        std::int64_t day = start + (opt_.days / 2) * kDay;
        if (preferred >= start && preferred < start + opt_.days * kDay)
            day = preferred;
        plan_ = planIncident(pop_, day, opt_.exfilObjects, opt_.seed);
    }
    finalizePopulation(pop_);

    // Cells: one per account, region and day; weights per hour.
    std::vector<double> weights;
    for (int ai = 0; ai < static_cast<int>(pop_.accounts.size()); ++ai) {
        const Account &a = pop_.accounts[static_cast<std::size_t>(ai)];
        for (int ri = 0; ri < static_cast<int>(a.regions.size()); ++ri) {
            const RegionInfo &r = a.regions[static_cast<std::size_t>(ri)];
            for (int d = 0; d < opt_.days; ++d) {
                cells_.push_back(Cell{ai, ri, d});
                const std::int64_t dayStart = start + d * kDay;
                const std::int64_t weekday = (fmt::floorDiv(dayStart, kDay) + 4) % 7; // 0 = Sunday
                const bool weekend = weekday == 0 || weekday == 6;
                for (int h = 0; h < 24; ++h) {
                    const int local = ((h + a.tzOffsetHours) % 24 + 24) % 24;
                    const double m = kMachineRate * machineCurve(local);
                    double hu = kHumanRate * humanCurve(local, weekend);
                    if (r.humans.empty())
                        hu = 0;
                    double w = r.ordinary && !(r.machines.empty() && r.humans.empty())
                                   ? a.weight * r.weight * (m + hu)
                                   : 0.0;
                    if (ai == plan_.gapAccount) {
                        const HourWindow hw =
                            hourWindow(dayStart + h * 3600, plan_.gapStart, plan_.gapEnd);
                        w *= static_cast<double>(hw.length) / 3600.0;
                    }
                    weights.push_back(w);
                    humanShare_.push_back(m + hu > 0 ? hu / (m + hu) : 0.0);
                }
            }
        }
    }

    // Spread the ordinary events over the cell-hours, exactly.
    const std::uint64_t planned = plan_.events.size();
    const std::uint64_t ordinary = opt_.totalEvents > planned ? opt_.totalEvents - planned : 0;
    double total = 0;
    for (double w : weights)
        total += w;
    hourCounts_.assign(weights.size(), 0);
    if (total > 0) {
        double cum = 0;
        std::uint64_t assigned = 0;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            cum += weights[i];
            const std::uint64_t upto = std::min<std::uint64_t>(
                ordinary, static_cast<std::uint64_t>(
                              std::llround(cum / total * static_cast<double>(ordinary))));
            hourCounts_[i] = static_cast<std::uint32_t>(upto > assigned ? upto - assigned : 0);
            assigned += hourCounts_[i];
        }
        if (assigned < ordinary) {
            for (std::size_t i = weights.size(); i-- > 0;) {
                if (weights[i] > 0) {
                    hourCounts_[i] += static_cast<std::uint32_t>(ordinary - assigned);
                    break;
                }
            }
        }
    }

    // Planned (incident) records per cell.
    for (Cell &c : cells_) {
        if (c.account != 0)
            continue;
        const std::int64_t d0 = start + c.day * kDay;
        auto lo =
            std::lower_bound(plan_.events.begin(), plan_.events.end(), std::pair{c.region, d0},
                             [](const PlannedEvent &e, const std::pair<int, std::int64_t> &k) {
                                 return e.region != k.first ? e.region < k.first : e.t < k.second;
                             });
        auto hi = std::lower_bound(
            plan_.events.begin(), plan_.events.end(), std::pair{c.region, d0 + kDay},
            [](const PlannedEvent &e, const std::pair<int, std::int64_t> &k) {
                return e.region != k.first ? e.region < k.first : e.t < k.second;
            });
        c.plannedBegin = static_cast<std::size_t>(lo - plan_.events.begin());
        c.plannedEnd = static_cast<std::size_t>(hi - plan_.events.begin());
    }

    unsigned threads = opt_.threads > 0 ? static_cast<unsigned>(opt_.threads)
                                        : std::thread::hardware_concurrency();
    threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(cells_.size())));
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i)
        pool.emplace_back([this] { worker(); });
    worker();
    for (std::thread &t : pool)
        t.join();

    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    result.files = totals_.files;
    result.events = totals_.events;
    result.rawBytes = totals_.rawBytes;
    result.gzBytes = totals_.gzBytes;
    result.incident = plan_.info;
    result.ok = !failed_;
    result.error = error_;
    return result;
}

void Generator::worker()
{
    Gzip gz(opt_.compressionLevel);
    std::string raw;
    raw.reserve(static_cast<std::size_t>(opt_.maxEventsPerFile) * 1600 + 4096);
    std::vector<unsigned char> out;
    std::vector<std::int64_t> times;
    Totals local;
    for (;;) {
        const std::size_t i = next_.fetch_add(1);
        if (i >= cells_.size() || failed_)
            break;
        if (!generateCell(i, gz, raw, out, times, local))
            break;
    }
    std::lock_guard lock(mutex_);
    totals_.files += local.files;
    totals_.events += local.events;
    totals_.rawBytes += local.rawBytes;
    totals_.gzBytes += local.gzBytes;
}

bool Generator::generateCell(std::size_t cellIndex, Gzip &gz, std::string &raw,
                             std::vector<unsigned char> &out, std::vector<std::int64_t> &times,
                             Totals &totals)
{
    const Cell &cell = cells_[cellIndex];
    const Account &a = pop_.accounts[static_cast<std::size_t>(cell.account)];
    const RegionInfo &region = a.regions[static_cast<std::size_t>(cell.region)];
    const std::int64_t dayStart =
        fmt::floorDiv(opt_.startEpochSeconds, kDay) * kDay + cell.day * kDay;
    const bool global = region.name == "us-east-1";

    std::uint64_t cellEvents = cell.plannedEnd - cell.plannedBegin;
    for (int h = 0; h < 24; ++h)
        cellEvents += hourCounts_[cellIndex * 24 + static_cast<std::size_t>(h)];
    if (cellEvents == 0)
        return true;

    Rng rng(mix64(opt_.seed ^ hashString(region.name.c_str()),
                  (static_cast<std::uint64_t>(cell.account) << 32) ^
                      static_cast<std::uint64_t>(cell.day)));
    RecordWriter writer(a, cell.region);
    EventSpec spec;

    std::string dir;
    std::string lastDir;
    std::string path;
    std::uint64_t count = 0;
    std::int64_t fileStart = 0, lastT = 0;
    std::uint32_t target =
        static_cast<std::uint32_t>(rng.range(opt_.minEventsPerFile, opt_.maxEventsPerFile));
    const char prefix[] = R"({"Records":[)";

    auto flush = [&]() -> bool {
        if (count == 0)
            return true;
        raw += "]}";
        if (!gz.compress(raw, out)) {
            fail("compression failed");
            return false;
        }
        const std::int64_t delivered = lastT + 60 + rng.below(300);
        const fmt::Civil c = fmt::civilFromEpoch(delivered);
        dir = opt_.outputDir;
        dir += "/AWSLogs/";
        dir += a.id;
        dir += "/CloudTrail/";
        dir += region.name;
        dir += '/';
        fmt::appendPadded(dir, static_cast<std::uint64_t>(c.year), 4);
        dir += '/';
        fmt::appendTwo(dir, c.month);
        dir += '/';
        fmt::appendTwo(dir, c.day);
        if (dir != lastDir) {
            std::error_code ec;
            std::filesystem::create_directories(dir, ec);
            if (ec) {
                fail("cannot create " + dir + ": " + ec.message());
                return false;
            }
            lastDir = dir;
        }
        path = dir;
        path += '/';
        path += a.id;
        path += "_CloudTrail_";
        path += region.name;
        path += '_';
        fmt::appendDate(path, delivered, 0);
        path += 'T';
        fmt::appendTwo(path, c.hour);
        fmt::appendTwo(path, c.minute);
        path += "Z_";
        fmt::appendFromAlphabet(path, rng, 16, fmt::kAlnum, 62);
        path += ".json.gz";
        std::FILE *f = std::fopen(path.c_str(), "wb");
        if (f == nullptr) {
            fail("cannot write " + path);
            return false;
        }
        const bool written = std::fwrite(out.data(), 1, out.size(), f) == out.size();
        if (std::fclose(f) != 0 || !written) {
            fail("cannot write " + path);
            return false;
        }
        totals.files += 1;
        totals.events += count;
        totals.rawBytes += raw.size();
        totals.gzBytes += out.size();
        count = 0;
        target =
            static_cast<std::uint32_t>(rng.range(opt_.minEventsPerFile, opt_.maxEventsPerFile));
        return true;
    };
    auto begin = [&](std::int64_t t) -> bool {
        if (count > 0 && (count >= target || (opt_.fileWindowSeconds > 0 &&
                                              t - fileStart >= opt_.fileWindowSeconds))) {
            if (!flush())
                return false;
        }
        if (count == 0) {
            raw.assign(prefix);
            fileStart = t;
        } else {
            raw += ',';
        }
        return true;
    };

    std::size_t pb = cell.plannedBegin;
    const std::size_t pe = cell.plannedEnd;
    const bool gapHere = cell.account == plan_.gapAccount;
    for (int h = 0; h < 24; ++h) {
        const std::size_t hi = cellIndex * 24 + static_cast<std::size_t>(h);
        const std::uint32_t n = hourCounts_[hi];
        if (n == 0)
            continue;
        const std::int64_t h0 = dayStart + h * 3600;
        const HourWindow hw =
            gapHere ? hourWindow(h0, plan_.gapStart, plan_.gapEnd) : HourWindow{h0};
        times.resize(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            std::int64_t t = h0 + rng.below(static_cast<std::uint32_t>(hw.length));
            if (hw.gapLen > 0 && t >= hw.gapLo)
                t += hw.gapLen;
            times[i] = t;
        }
        std::sort(times.begin(), times.end());
        const double humanShare = humanShare_[hi];
        for (std::int64_t t : times) {
            while (pb < pe && plan_.events[pb].t <= t) {
                if (!begin(plan_.events[pb].t))
                    return false;
                raw += plan_.events[pb].json;
                lastT = plan_.events[pb].t;
                ++count;
                ++pb;
            }
            const bool human =
                !region.humans.empty() && (region.machines.empty() || rng.chance(humanShare));
            const PrincipalTable &table = human ? region.humans : region.machines;
            const Principal &p = a.principals[table.pick(rng)];
            bool console = false;
            if (p.kind == Kind::Root)
                console = true;
            else if (p.consoleCapable)
                console = rng.chance(p.kind == Kind::SsoSession ? 0.6 : 0.35);
            const Profile profile =
                console && p.kind != Kind::Root ? Profile::HumanConsole : p.profile;
            Api api = profileTable(profile, global).pick(rng);
            if (api == Api::ConsoleLogin && p.kind == Kind::SsoSession)
                api = Api::DescribeInstances;
            writer.fillOrdinary(spec, rng, p, api, console, t);
            if (!begin(t))
                return false;
            writer.write(raw, rng, spec);
            lastT = t;
            ++count;
        }
    }
    while (pb < pe) {
        if (!begin(plan_.events[pb].t))
            return false;
        raw += plan_.events[pb].json;
        lastT = plan_.events[pb].t;
        ++count;
        ++pb;
    }
    return flush();
}

std::string hms(std::int64_t t)
{
    return fmt::iso(t);
}

} // namespace

CloudTrailGenerationResult generateCloudTrail(const CloudTrailGeneratorOptions &options)
{
    CloudTrailGenerationResult r;
    try {
        Generator g(options);
        r = g.run();
    } catch (const std::exception &e) {
        r.ok = false;
        r.error = e.what();
    }
    return r;
}

std::string describeIncident(const PlantedIncident &i)
{
    if (!i.planted)
        return "No incident planted.\n";
    std::string s;
    auto line = [&](const char *label, const std::string &value) {
        s += "  ";
        s += label;
        s.append(label[0] != 0 ? std::max<std::size_t>(1, 30 - std::string_view(label).size()) : 0,
                 ' ');
        s += value;
        s += '\n';
    };
    s += "Planted incident (account " + i.accountId + ", " + i.day + ", times UTC)\n";
    line("attacker IPs",
         i.attackerIp1 + " (theft, leaked key), " + i.attackerIp2 + " (backdoor, exfiltration)");
    line("attacker user agent 1", i.attackerUserAgent1);
    line("attacker user agent 2", i.attackerUserAgent2);
    line("stolen instance credentials",
         i.instanceSessionAccessKeyId + " of " + i.instanceSessionArn);
    line("  instance", i.instanceId + " (private IP " + i.instancePrivateIp + ", role " +
                           i.instanceRoleArn + ")");
    line("  first misuse", hms(i.instanceTheftStart));
    line("  object read",
         "s3://" + i.configBucket + "/" + i.leakedObjectKey + ", secret " + i.stolenSecret);
    line("leaked access key",
         i.leakedAccessKeyId + " of IAM user " + i.leakedUser + " (" + i.leakedUserArn + ")");
    line("  normal origin", i.ciEgressIp + " (Terraform)");
    line("  first misuse", hms(i.leakedKeyFirstUse));
    line("  recon regions", [&] {
        std::string r;
        for (const std::string &x : i.reconRegions)
            r += (r.empty() ? "" : ",") + x;
        return r;
    }());
    line("backdoor user",
         i.backdoorUser + " (" + i.backdoorUserArn + ") created " + hms(i.createUserTime));
    line("  backdoor key", i.backdoorAccessKeyId + " created " + hms(i.createAccessKeyTime));
    line("admin role assumed", i.adminRoleArn + " at " + hms(i.assumeRoleTime));
    line("  session", i.adminSessionArn + " key " + i.adminSessionAccessKeyId);
    line("data accessed", std::to_string(i.exfilObjects) + " objects, " +
                              std::to_string(i.exfilBytes) + " bytes from s3://" +
                              i.sensitiveBucket + " " + hms(i.exfilStart) + " .. " +
                              hms(i.exfilEnd));
    line("StopLogging", i.trailArn + " at " + hms(i.stopLoggingTime));
    line("StartLogging", "by " + i.responderUser + " at " + hms(i.startLoggingTime));
    line("rotated ci-deploy key", i.rotatedAccessKeyId);
    line("incident records", std::to_string(i.events) + " (attacker " +
                                 std::to_string(i.attackerEvents) + ", failed " +
                                 std::to_string(i.failedCalls) + ")");
    return s;
}

std::string ensureEvidence(const std::string &work, std::uint64_t events, std::string &error)
{
    const std::string evidence = work + "/evidence-" + std::to_string(events);
    if (std::filesystem::exists(evidence + "/.complete"))
        return evidence;
    std::error_code ec;
    std::filesystem::remove_all(evidence, ec);
    std::filesystem::create_directories(work, ec);
    CloudTrailGeneratorOptions o;
    o.outputDir = evidence;
    o.totalEvents = events;
    std::printf("generating %llu events into %s ...\n", static_cast<unsigned long long>(events),
                evidence.c_str());
    const CloudTrailGenerationResult r = generateCloudTrail(o);
    if (!r.ok) {
        error = r.error;
        return {};
    }
    std::ofstream(evidence + "/.complete") << r.events << "\n";
    return evidence;
}

} // namespace sightline::bench
