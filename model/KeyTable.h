#pragma once
// A compact string -> int64 dictionary for the import's interner, which keeps every entity
// key of a case in memory (a million IP addresses on a 10-million-event case). Keys live
// back to back in 1 MiB chunks; an entry is 16 bytes (where the key is, and its value) and
// an open-addressing slot 8 bytes (part of the hash, and the entry's index), about 40 bytes
// per short key where std::unordered_map<std::string, ...> takes about 90.
// Keys longer than kMaxKey bytes are cut to kMaxKey (importers cut theirs far shorter).
// Not thread-safe; entries are never removed.
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace sightline {

class KeyTable
{
public:
    static constexpr size_t kMaxKey = (size_t(1) << 20) - 1;

    // The value of key, or nullptr.
    int64_t *find(std::string_view key);
    // The value of key; when absent, key is added with value 0 and inserted is set.
    int64_t &findOrAdd(std::string_view key, bool &inserted);
    size_t size() const { return m_entries.size(); }
    // The key of the i-th entry added (0-based), for iteration.
    std::string_view keyAt(size_t i) const { return keyOf(m_entries[i].ref); }
    int64_t valueAt(size_t i) const { return m_entries[i].value; }

private:
    struct Entry
    {
        uint64_t ref = 0; // chunk (24 bits), offset in chunk (20 bits), length (20 bits)
        int64_t value = 0;
    };
    static constexpr size_t kChunk = size_t(1) << 20;
    static uint64_t hash(std::string_view key);
    std::string_view keyOf(uint64_t ref) const;
    uint64_t store(std::string_view key);
    void grow();
    // Slot: high 32 bits a hash tag, low 32 bits entry index + 1 (0 = empty).
    size_t slotOf(std::string_view key, uint64_t h) const;

    std::vector<uint64_t> m_slots;
    std::vector<Entry> m_entries;
    std::vector<std::unique_ptr<char[]>> m_chunks;
    size_t m_used = 0; // bytes used in the last chunk
};

} // namespace sightline
