// The floor under CloudTrail import: the CPU per event of the work that no importer of this
// stack can leave out, measured one step at a time on the evidence that
// sightline-bench-import generates. Each step is a library doing only its own job:
//   read + SHA-256   every source file is read and hashed (the case records its SHA-256)
//   inflate          zlib inflates every .json.gz file (the importer's GzipSource)
//   JSON             simdjson On-Demand walks {"Records":[...]} and reads the fields every
//                    event needs (eventID, eventTime, eventName, eventSource, source IP,
//                    user agent, the caller's ARN), plus each record's raw text
//   raw zstd         each record's raw text is kept: zstd level 1 on blocks of 4 MB, as
//                    the importer does
//   SQLite           one row per event in the case's events table and one de-duplication
//                    key, through the real schema, in transactions of 50,000 events, until
//                    they are checkpointed into the case file
// Entities, edges, posting lists and aggregates are not in it: they are Sightline's own
// work on top of this floor. The sum tells how fast two cores could import at best.
//
//   sightline-bench-floor [--events N] [--work DIR]
// The evidence set is the one sightline-bench-import writes to DIR/evidence-N (generated
// here if missing, with the same generator and seed).
#include "ByteSource.h"
#include "CaseFile.h"
#include "Database.h"
#include "Hashing.h"
#include "RawCodec.h"
#include "RowWriter.h"
#include "Statement.h"
#include "TimeUtil.h"
#include "gen/CloudTrailGenerator.h"

#include <simdjson.h>

#include <sys/resource.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

using namespace sightline;
namespace fs = std::filesystem;

namespace {

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

bool readFile(const fs::path &p, std::string &out)
{
    std::ifstream in(p, std::ios::binary);
    if (!in)
        return false;
    in.seekg(0, std::ios::end);
    out.resize(static_cast<size_t>(in.tellg()));
    in.seekg(0);
    return static_cast<bool>(in.read(out.data(), static_cast<std::streamsize>(out.size())));
}

// Inflates through the importer's own GzipSource (zlib), reading in 1 MB pieces.
bool inflateGzip(const std::string &in, std::string &out)
{
    GzipSource gz(std::make_unique<MemorySource>(in), INT64_MAX);
    out.clear();
    for (;;) {
        const size_t have = out.size();
        out.resize(have + (1u << 20));
        auto n = gz.read(out.data() + have, 1u << 20);
        if (!n)
            return false;
        out.resize(have + *n);
        if (*n == 0)
            return true;
    }
}

// A string field's text; empty when it is not a string.
template <typename Value> std::string_view text(Value &&v)
{
    std::string_view s;
    if (std::forward<Value>(v).get_string().get(s))
        return {};
    return s;
}

struct Parsed
{
    int64_t time = 0;
    int64_t key = 0;
};

struct Step
{
    const char *name;
    double cpu = 0;
};

} // namespace

int main(int argc, char **argv)
{
    int64_t events = 2000000;
    std::string work = "/tmp/sightline-bench";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--events" && i + 1 < argc)
            events = std::stoll(argv[++i]);
        else if (a == "--work" && i + 1 < argc)
            work = argv[++i];
        else {
            std::fprintf(stderr, "usage: %s [--events N] [--work DIR]\n", argv[0]);
            return a == "--help" ? 0 : 2;
        }
    }
    std::string error;
    const fs::path evidence =
        bench::ensureEvidence(work, static_cast<std::uint64_t>(events), error);
    if (evidence.empty()) {
        std::fprintf(stderr, "generator failed: %s\n", error.c_str());
        return 2;
    }
    std::vector<fs::path> files;
    for (const auto &e : fs::recursive_directory_iterator(evidence))
        if (e.is_regular_file() && e.path().extension() == ".gz")
            files.push_back(e.path());
    std::sort(files.begin(), files.end());

    Step steps[] = {{"read + SHA-256"},
                    {"inflate (zlib)"},
                    {"JSON (simdjson)"},
                    {"raw zstd level 1"},
                    {"SQLite rows"}};
    std::vector<Parsed> parsed;
    parsed.reserve(static_cast<size_t>(events));
    simdjson::ondemand::parser parser;
    RawCompressor compressor(1);
    std::string gz, json, block, frame;
    size_t jsonBytes = 0, gzBytes = 0, rawBytes = 0, frameBytes = 0, fieldBytes = 0;
    for (const fs::path &f : files) {
        double t = cpuSeconds();
        if (!readFile(f, gz)) {
            std::fprintf(stderr, "%s: cannot read\n", f.c_str());
            return 1;
        }
        Sha256::ofData(gz);
        double u = cpuSeconds();
        steps[0].cpu += u - t;
        if (!inflateGzip(gz, json)) {
            std::fprintf(stderr, "%s: inflate failed\n", f.c_str());
            return 1;
        }
        t = cpuSeconds();
        steps[1].cpu += t - u;
        gzBytes += gz.size();
        jsonBytes += json.size();
        json.reserve(json.size() + simdjson::SIMDJSON_PADDING);
        simdjson::ondemand::document doc;
        if (parser.iterate(simdjson::padded_string_view(json.data(), json.size(), json.capacity()))
                .get(doc)) {
            std::fprintf(stderr, "%s: not JSON\n", f.c_str());
            return 1;
        }
        simdjson::ondemand::array records;
        if (doc["Records"].get_array().get(records)) {
            std::fprintf(stderr, "%s: no Records\n", f.c_str());
            return 1;
        }
        // One pass: each record's raw text runs from where the walk stood before it to where
        // it stands after it (the importer keeps every record's text for provenance).
        std::vector<std::string_view> raws;
        const char *begin = nullptr;
        if (doc.current_location().get(begin))
            begin = json.data();
        for (auto r : records) {
            simdjson::ondemand::object o;
            if (r.get_object().get(o))
                continue;
            std::string_view id, time, name, source, ip, agent, arn;
            for (auto field : o) {
                std::string_view k;
                if (field.unescaped_key().get(k))
                    break;
                if (k == "eventID")
                    id = text(field.value());
                else if (k == "eventTime")
                    time = text(field.value());
                else if (k == "eventName")
                    name = text(field.value());
                else if (k == "eventSource")
                    source = text(field.value());
                else if (k == "sourceIPAddress")
                    ip = text(field.value());
                else if (k == "userAgent")
                    agent = text(field.value());
                else if (k == "userIdentity") {
                    simdjson::ondemand::object who;
                    if (!field.value().get_object().get(who))
                        arn = text(who["arn"]);
                }
            }
            const char *end = nullptr;
            if (doc.current_location().get(end))
                end = json.data() + json.size();
            raws.emplace_back(begin, static_cast<size_t>(end - begin));
            begin = end;
            fieldBytes += id.size() + time.size() + name.size() + source.size() + ip.size() +
                          agent.size() + arn.size();
            parsed.push_back({parseIso8601(time).value_or(0),
                              static_cast<int64_t>(hash64("ct", id) & 0x7FFFFFFFFFFFFFFFull)});
        }
        u = cpuSeconds();
        steps[2].cpu += u - t;
        for (std::string_view raw : raws) {
            block.append(raw);
            block.push_back('\n');
            if (block.size() >= (4u << 20)) {
                compressor.compress(block, frame);
                rawBytes += block.size();
                frameBytes += frame.size();
                block.clear();
            }
        }
        steps[3].cpu += cpuSeconds() - u;
    }
    if (!block.empty()) {
        const double t = cpuSeconds();
        compressor.compress(block, frame);
        rawBytes += block.size();
        frameBytes += frame.size();
        steps[3].cpu += cpuSeconds() - t;
    }

    // The walk must have found every generated event, or the figures are of something else.
    long long generated = -1;
    std::ifstream(evidence / ".complete") >> generated;
    if (static_cast<long long>(parsed.size()) != generated) {
        std::fprintf(stderr, "%s: walked %zu events, the generator wrote %lld\n", evidence.c_str(),
                     parsed.size(), generated);
        return 1;
    }

    // SQLite: the events rows and de-duplication keys in a real case file.
    const std::string casePath = (fs::path(work) / "floor.sightline").string();
    for (const char *suffix : {"", "-wal", "-shm"})
        fs::remove(casePath + suffix);
    auto cf = CaseFile::openOrCreate(casePath);
    if (!cf) {
        std::fprintf(stderr, "%s: %s\n", casePath.c_str(), cf.error().detail.c_str());
        return 1;
    }
    Database &db = cf->db();
    RowWriter ins, keys;
    if (!ins.prepare(db,
                     "INSERT INTO events(id, time, kind, source_id, line, offset, name, service, "
                     "error, principal, ip, ua, access_key, account, region, raw_block, raw_off, "
                     "raw_len) VALUES",
                     18, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") ||
        !keys.prepare(db, "INSERT OR IGNORE INTO event_keys_by_hour(hour, k) VALUES", 2,
                      "(?, ?)")) {
        std::fprintf(stderr, "%s: cannot prepare\n", casePath.c_str());
        return 1;
    }
    const double t0 = cpuSeconds();
    const size_t n = parsed.size();
    std::vector<Parsed> sorted;
    for (size_t from = 0; from < n; from += 50000) {
        const size_t to = std::min(n, from + 50000);
        db.exec("BEGIN");
        sorted.assign(parsed.begin() + static_cast<std::ptrdiff_t>(from),
                      parsed.begin() + static_cast<std::ptrdiff_t>(to));
        std::sort(sorted.begin(), sorted.end(), [](const Parsed &a, const Parsed &b) {
            return hourOfMs(a.time) != hourOfMs(b.time) ? hourOfMs(a.time) < hourOfMs(b.time)
                                                        : a.key < b.key;
        });
        (void)keys.write(sorted.size(), [&](Statement &st, int p, size_t i) {
            st.bind(p, hourOfMs(sorted[i].time)).bind(p + 1, sorted[i].key);
        });
        (void)ins.write(to - from, [&](Statement &st, int p, size_t r) {
            const size_t i = from + r;
            const int64_t k = parsed[i].key;
            st.bind(p, static_cast<int64_t>(i + 1)).bind(p + 1, parsed[i].time).bind(p + 2, 1);
            st.bind(p + 3, static_cast<int64_t>(1 + i / 1350)).bind(p + 4, 0);
            st.bind(p + 5, static_cast<int64_t>((i % 1350) * 1480));
            st.bind(p + 6, 1 + k % 400).bind(p + 7, 1 + k % 60).bind(p + 8, k % 7 ? 0 : 401);
            st.bind(p + 9, 1 + k % 20000).bind(p + 10, 1 + k % 50000).bind(p + 11, 1 + k % 300);
            st.bind(p + 12, 1 + k % 30000).bind(p + 13, 1 + k % 8).bind(p + 14, 1 + k % 17);
            st.bind(p + 15, static_cast<int64_t>(1 + i / 2800));
            st.bind(p + 16, static_cast<int64_t>((i % 2800) * 1480)).bind(p + 17, 1480);
        });
        db.exec("COMMIT");
    }
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)"); // the rows reach the case file itself
    steps[4].cpu = cpuSeconds() - t0;

    const double ev = static_cast<double>(n);
    std::printf("\nFloor under the import of %zu events (%zu files, %.1f MB gzip, %.1f MB JSON; "
                "raw blocks %.1f -> %.1f MB; fields read %.1f MB)\n",
                n, files.size(), static_cast<double>(gzBytes) / 1e6,
                static_cast<double>(jsonBytes) / 1e6, static_cast<double>(rawBytes) / 1e6,
                static_cast<double>(frameBytes) / 1e6, static_cast<double>(fieldBytes) / 1e6);
    double total = 0;
    for (const Step &s : steps) {
        std::printf("  %-18s %7.2f s CPU  %6.2f us/event\n", s.name, s.cpu, s.cpu / ev * 1e6);
        total += s.cpu;
    }
    const double us = total / ev * 1e6;
    std::printf("  %-18s %7.2f s CPU  %6.2f us/event\n", "sum", total, us);
    std::printf("  two cores at best  %.0f events/s (150,000 needs at most 13.33 us/event)\n",
                2e6 / us);
    return 0;
}
