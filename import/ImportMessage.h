#pragma once
// What importer threads hand to the writer thread, through a bounded queue.
#include "CaseWriter.h"
#include "ImportBatch.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

namespace sightline {

struct ImportMessage
{
    enum class Kind
    {
        Begin,
        Batch,
        End,
        Skip
    };
    Kind kind = Kind::Batch;
    int64_t token = 0;   // identifies the source within this import
    SourceRecord source; // Begin
    ImportBatch batch;   // Batch
    SourceTotals totals; // End
    std::string path;    // Skip: not recorded in the case (e.g. already imported)
    std::string reason;  // Skip
};

// A bounded multi-producer, single-consumer queue. Producers block while it is full, which
// bounds the memory an import uses whatever the evidence size.
class ImportQueue
{
public:
    explicit ImportQueue(size_t capacity) : m_capacity(capacity) {}

    bool push(ImportMessage &&m) // false when the queue was closed
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_items.size() < m_capacity || m_closed; });
        if (m_closed)
            return false;
        m_items.push_back(std::move(m));
        m_notEmpty.notify_one();
        return true;
    }

    // Waits for a message; nullopt when every producer has finished and the queue is empty.
    std::optional<ImportMessage> pop()
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return !m_items.empty() || m_producers == 0 || m_closed; });
        if (m_items.empty())
            return std::nullopt;
        ImportMessage m = std::move(m_items.front());
        m_items.pop_front();
        m_notFull.notify_one();
        return m;
    }

    void addProducer()
    {
        std::lock_guard lock(m_mutex);
        ++m_producers;
    }
    void producerDone()
    {
        std::lock_guard lock(m_mutex);
        --m_producers;
        m_notEmpty.notify_all();
    }
    void close() // wakes producers; further pushes fail
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_items.clear();
        m_notFull.notify_all();
        m_notEmpty.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_notFull, m_notEmpty;
    std::deque<ImportMessage> m_items;
    size_t m_capacity;
    int m_producers = 0;
    bool m_closed = false;
};

} // namespace sightline
