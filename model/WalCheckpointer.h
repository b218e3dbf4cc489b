#pragma once
// Checkpoints a case file's WAL on a thread and connection of its own while an import writes
// to it. The writer commits into the WAL and goes on while the committed pages are copied
// into the case file (and the disk syncs that takes); inline, checkpoints were half of the
// commit time on the CloudTrail benchmark.
//
// It replaces the writer connection's automatic checkpoint (sqlite3_wal_hook): after each
// commit the thread runs a PASSIVE checkpoint, which copies what is committed and never
// blocks the writer. The WAL only starts again from its beginning when a write transaction
// begins with all of it copied, so once it holds thresholdPages a commit waits for the
// checkpoint of its own pages, the only ones not copied yet: the WAL stays as bounded as
// with the automatic checkpoint at the same threshold.
#include "Database.h"

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

namespace sightline {

class WalCheckpointer
{
public:
    // Starts on writer's case file; nullptr when a second connection cannot be opened (the
    // writer's own automatic checkpoint then stays as it was).
    static std::unique_ptr<WalCheckpointer> start(Database &writer, int64_t thresholdPages);
    ~WalCheckpointer(); // gives the writer its hook back (none), finishes a checkpoint, joins
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    struct Counts
    {
        int64_t checkpoints = 0; // completed so far
        int64_t waits = 0;       // commits that waited for the thread to catch up
        double cpuSeconds = 0;   // of its thread
    };
    Counts counts() const;

private:
    WalCheckpointer(sqlite3 *writer, Database own, int64_t thresholdPages);
    static int onCommit(void *self, sqlite3 *, const char *, int pages);
    void run();

    sqlite3 *m_writer;
    Database m_db;
    const int64_t m_threshold;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake, m_done;
    int64_t m_requested = 0; // generation asked for by the latest commit
    int64_t m_completed = 0; // generation whose checkpoint has finished
    Counts m_counts;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace sightline
