#pragma once
// A small open-addressing hash map keyed by four integers, for the hot aggregation paths
// of an import (millions of updates a second). Key a == 0 marks an empty slot, so a must
// never be 0 (entity ids start at 1). Not thread-safe.
#include <algorithm>
#include <cassert>
#include <cstdint>
#include <span>
#include <vector>

namespace sightline {

struct Key4
{
    int64_t a = 0, b = 0, c = 0, d = 0;
    bool operator==(const Key4 &) const = default;
    bool operator<(const Key4 &o) const
    {
        if (a != o.a)
            return a < o.a;
        if (b != o.b)
            return b < o.b;
        if (c != o.c)
            return c < o.c;
        return d < o.d;
    }
};

template <typename V> class FlatMap
{
public:
    struct Slot
    {
        Key4 key;
        V value;
    };

    FlatMap() { m_slots.resize(64); }

    // Returns the value for key, default-constructed when new.
    V &operator[](const Key4 &key)
    {
        assert(!m_drained && "clear() a map after sortInPlace() before using it again");
        if ((m_size + 1) * 2 > m_slots.size())
            grow();
        size_t i = hash(key) & (m_slots.size() - 1);
        for (;;) {
            Slot &s = m_slots[i];
            if (s.key.a == 0) {
                s.key = key;
                s.value = V{};
                ++m_size;
                return s.value;
            }
            if (s.key == key)
                return s.value;
            i = (i + 1) & (m_slots.size() - 1);
        }
    }

    // Starts loading key's slot into the cache: a caller updating many keys in a row
    // prefetches a few keys ahead, so a large map's cache misses overlap.
    void prefetch(const Key4 &key) const
    {
        __builtin_prefetch(&m_slots[hash(key) & (m_slots.size() - 1)], 1);
    }

    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    // Keeps the slots of a map that grew up to keepSlots (64k by default: an importer
    // thread's per-batch maps would otherwise grow again, rehashing, for every batch).
    void clear(size_t keepSlots = size_t(1) << 16)
    {
        if (m_slots.size() > keepSlots) {
            m_slots.assign(64, Slot{});
        } else {
            for (Slot &s : m_slots)
                s.key.a = 0;
        }
        m_size = 0;
        m_drained = false;
    }

    template <typename F> void forEach(F &&f) const
    {
        for (const Slot &s : m_slots) {
            if (s.key.a != 0)
                f(s.key, s.value);
        }
    }

    // The entries sorted by key (for b-tree friendly flushing), moved to the front of the
    // slots: no copy, and reading them in order reads memory in order (a list of pointers
    // into the slots would be read at random, a cache miss each in a large map).
    // The map is then only that list: clear() it before using it as a map again.
    std::span<const Slot> sortInPlace()
    {
        size_t n = 0;
        for (size_t i = 0; i < m_slots.size(); ++i) {
            if (m_slots[i].key.a == 0)
                continue;
            if (i != n) {
                m_slots[n] = std::move(m_slots[i]);
                m_slots[i].key.a = 0;
            }
            ++n;
        }
        std::sort(m_slots.begin(), m_slots.begin() + static_cast<std::ptrdiff_t>(n),
                  [](const Slot &x, const Slot &y) { return x.key < y.key; });
        m_drained = true;
        return {m_slots.data(), n};
    }

private:
    static size_t hash(const Key4 &k)
    {
        uint64_t h = static_cast<uint64_t>(k.a) * 0x9E3779B97F4A7C15ULL;
        h ^= static_cast<uint64_t>(k.b) + 0x632BE59BD9B4E019ULL + (h << 6) + (h >> 2);
        h ^= static_cast<uint64_t>(k.c) * 0xC2B2AE3D27D4EB4FULL + (h << 6) + (h >> 2);
        h ^= static_cast<uint64_t>(k.d) * 0x165667B19E3779F9ULL + (h << 6) + (h >> 2);
        h ^= h >> 31;
        h *= 0xD6E8FEB86659FD93ULL;
        h ^= h >> 32;
        return static_cast<size_t>(h);
    }
    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        m_size = 0;
        for (Slot &s : old) {
            if (s.key.a != 0)
                (*this)[s.key] = std::move(s.value);
        }
    }

    std::vector<Slot> m_slots;
    size_t m_size = 0;
    bool m_drained = false;
};

} // namespace sightline
