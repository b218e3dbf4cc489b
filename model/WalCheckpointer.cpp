#include "WalCheckpointer.h"

#include "WriterStats.h"

#include <sqlite3.h>

namespace sightline {

std::unique_ptr<WalCheckpointer> WalCheckpointer::start(Database &writer, int64_t thresholdPages)
{
    if (!writer.isOpen() || thresholdPages <= 0)
        return nullptr;
    const std::string file = writer.fileName();
    if (file.empty()) // in-memory or temporary: no second connection
        return nullptr;
    auto own = Database::open(file, Database::Mode::ReadWrite);
    if (!own)
        return nullptr;
    // As durable as the writer's own checkpoints: the WAL is synced before its pages are
    // copied, the case file after.
    if (!own->exec("PRAGMA synchronous=NORMAL"))
        return nullptr;
    return std::unique_ptr<WalCheckpointer>(
        new WalCheckpointer(writer.handle(), std::move(*own), thresholdPages));
}

WalCheckpointer::WalCheckpointer(sqlite3 *writer, Database own, int64_t thresholdPages)
    : m_writer(writer), m_db(std::move(own)), m_threshold(thresholdPages)
{
    m_thread = std::thread([this] { run(); });
    sqlite3_wal_hook(m_writer, &WalCheckpointer::onCommit, this);
}

WalCheckpointer::~WalCheckpointer()
{
    sqlite3_wal_hook(m_writer, nullptr, nullptr);
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

WalCheckpointer::Counts WalCheckpointer::counts() const
{
    std::lock_guard lock(m_mutex);
    return m_counts;
}

// On the writer's thread, after a commit (its write lock released).
int WalCheckpointer::onCommit(void *self, sqlite3 *, const char *, int pages)
{
    auto *c = static_cast<WalCheckpointer *>(self);
    if (pages <= 0)
        return SQLITE_OK;
    std::unique_lock lock(c->m_mutex);
    const int64_t generation = ++c->m_requested;
    c->m_wake.notify_one();
    if (pages >= c->m_threshold) {
        // The WAL only starts again from its beginning when a transaction begins with all
        // of it copied: wait for this commit's pages (the earlier ones are copied already).
        ++c->m_counts.waits;
        c->m_done.wait(lock, [&] { return c->m_completed >= generation || c->m_stop; });
    }
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stop || m_requested > m_completed; });
        if (m_stop)
            break;
        const int64_t generation = m_requested;
        lock.unlock();
        int log = 0, copied = 0;
        // PASSIVE: copies the committed frames no reader still needs, without taking the
        // write lock. SQLITE_BUSY (another checkpoint running) only means "later".
        sqlite3_wal_checkpoint_v2(m_db.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
        lock.lock();
        m_completed = generation;
        ++m_counts.checkpoints;
        m_counts.cpuSeconds = threadCpuSeconds();
        m_done.notify_all();
    }
    m_done.notify_all();
}

} // namespace sightline
