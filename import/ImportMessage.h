#pragma once
// What importer threads hand to the writer thread, through a bounded queue.
#include "CaseWriter.h"
#include "ImportBatch.h"

#include <condition_variable>
#include <cstdint>
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

// A bounded multi-producer, single-consumer queue. Producers block while it is full (as many
// messages as its capacity, or batches holding maxBytes), which bounds the memory an import
// uses whatever the evidence size. A message always fits in an empty queue.
class ImportQueue
{
public:
    explicit ImportQueue(size_t capacity, size_t maxBytes = SIZE_MAX)
        : m_capacity(capacity), m_maxBytes(maxBytes)
    {}

    bool push(ImportMessage &&m) // false when the queue was closed
    {
        const size_t bytes = m.kind == ImportMessage::Kind::Batch ? m.batch.bytes() : 0;
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] {
            return m_items.empty() || (m_items.size() < m_capacity && m_bytes < m_maxBytes) ||
                   m_closed;
        });
        if (m_closed)
            return false;
        m_items.push_back(Item{std::move(m), bytes});
        m_bytes += bytes;
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
        ImportMessage m = std::move(m_items.front().message);
        m_bytes -= m_items.front().bytes;
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
        m_bytes = 0;
        m_notFull.notify_all();
        m_notEmpty.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_notFull, m_notEmpty;
    struct Item
    {
        ImportMessage message;
        size_t bytes;
    };
    std::deque<Item> m_items;
    size_t m_capacity, m_maxBytes, m_bytes = 0;
    int m_producers = 0;
    bool m_closed = false;
};

} // namespace sightline
