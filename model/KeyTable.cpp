#include "KeyTable.h"

#include <cstring>
#include <functional>

namespace sightline {

uint64_t KeyTable::hash(std::string_view key)
{
    uint64_t h = std::hash<std::string_view>{}(key);
    // Spread the bits: the low ones pick the slot, the high ones are the tag.
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

std::string_view KeyTable::keyOf(uint64_t ref) const
{
    const size_t chunk = ref >> 40;
    const size_t offset = (ref >> 20) & 0xFFFFF;
    const size_t length = ref & 0xFFFFF;
    return {m_chunks[chunk].get() + offset, length};
}

uint64_t KeyTable::store(std::string_view key)
{
    // Offsets stay below kChunk (they have 20 bits), so a chunk is never filled to the end.
    if (m_chunks.empty() || m_used + key.size() >= kChunk) {
        m_chunks.push_back(std::make_unique<char[]>(kChunk));
        m_used = 0;
    }
    const uint64_t chunk = m_chunks.size() - 1;
    std::memcpy(m_chunks.back().get() + m_used, key.data(), key.size());
    const uint64_t ref = (chunk << 40) | (static_cast<uint64_t>(m_used) << 20) | key.size();
    m_used += key.size();
    return ref;
}

size_t KeyTable::slotOf(std::string_view key, uint64_t h) const
{
    const size_t mask = m_slots.size() - 1;
    const uint64_t tag = h >> 32;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const uint64_t s = m_slots[i];
        if (s == 0)
            return i;
        if ((s >> 32) == tag && keyOf(m_entries[(s & 0xFFFFFFFFULL) - 1].ref) == key)
            return i;
    }
}

void KeyTable::grow()
{
    const size_t size = m_slots.empty() ? 64 : m_slots.size() * 2;
    m_slots.assign(size, 0);
    for (size_t e = 0; e < m_entries.size(); ++e) {
        const uint64_t h = hash(keyOf(m_entries[e].ref));
        size_t i = h & (size - 1);
        while (m_slots[i] != 0)
            i = (i + 1) & (size - 1);
        m_slots[i] = ((h >> 32) << 32) | (e + 1);
    }
}

int64_t *KeyTable::find(std::string_view key)
{
    if (m_slots.empty())
        return nullptr;
    if (key.size() > kMaxKey)
        key = key.substr(0, kMaxKey);
    const uint64_t s = m_slots[slotOf(key, hash(key))];
    return s == 0 ? nullptr : &m_entries[(s & 0xFFFFFFFFULL) - 1].value;
}

int64_t &KeyTable::findOrAdd(std::string_view key, bool &inserted)
{
    if ((m_entries.size() + 1) * 2 > m_slots.size())
        grow();
    if (key.size() > kMaxKey)
        key = key.substr(0, kMaxKey);
    const uint64_t h = hash(key);
    const size_t i = slotOf(key, h);
    if (m_slots[i] != 0) {
        inserted = false;
        return m_entries[(m_slots[i] & 0xFFFFFFFFULL) - 1].value;
    }
    m_entries.push_back(Entry{store(key), 0});
    m_slots[i] = ((h >> 32) << 32) | m_entries.size();
    inserted = true;
    return m_entries.back().value;
}

} // namespace sightline
