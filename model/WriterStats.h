#pragma once
// Where the single writer's time goes during an import: wall and CPU seconds of the writer
// thread and rows written per phase (CPU time is what to compare on a loaded machine).
// Cheap enough to stay on (two clock reads per phase and batch); the benchmarks print it.
#include <array>
#include <chrono>
#include <cstdint>
#include <ctime>

namespace sightline {

enum class WriterPhase : int
{
    Entities,   // new entities, strings, entity updates
    Dedup,      // event keys
    Raw,        // raw blocks
    Events,     // events rows
    Merge,      // merging batch aggregates into the transaction's maps
    Aggregates, // agg_hour
    Totals,     // agg_total
    Edges,
    Postings, // entity_events_by_run
    Seen,     // entities first / last seen
    Flows,
    Commit,
    Count
};

struct WriterStats
{
    static constexpr int kPhases = static_cast<int>(WriterPhase::Count);
    std::array<double, kPhases> seconds{};
    std::array<double, kPhases> cpuSeconds{};
    std::array<int64_t, kPhases> rows{};
    int64_t checkpoints = 0;     // WAL checkpoints run beside the writer (WalCheckpointer)
    int64_t checkpointWaits = 0; // commits that waited for one
    double checkpointCpuSeconds = 0;
    int64_t entitySpills = 0;  // times the interner emptied its entity tables (its capacity)
    int64_t entityLookups = 0; // entities it then found in the case file

    static const char *name(WriterPhase p)
    {
        constexpr const char *names[kPhases] = {"entities", "dedup",    "raw",       "events",
                                                "merge",    "agg_hour", "agg_total", "edges",
                                                "postings", "seen",     "flows",     "commit"};
        return names[static_cast<int>(p)];
    }
};

// CPU seconds the calling thread has used.
inline double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// Adds the time since the last lap (or construction) to a phase.
class PhaseClock
{
public:
    explicit PhaseClock(WriterStats &stats) : m_stats(stats) {}
    void lap(WriterPhase phase, int64_t rows = 0)
    {
        const auto now = std::chrono::steady_clock::now();
        const double cpu = threadCpuSeconds();
        const int p = static_cast<int>(phase);
        m_stats.seconds[p] += std::chrono::duration<double>(now - m_last).count();
        m_stats.cpuSeconds[p] += cpu - m_lastCpu;
        m_stats.rows[p] += rows;
        m_last = now;
        m_lastCpu = cpu;
    }

private:
    WriterStats &m_stats;
    std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
    double m_lastCpu = threadCpuSeconds();
};

} // namespace sightline
