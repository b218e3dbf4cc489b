#include "Interner.h"

#include "Statement.h"

#include <atomic>
#include <functional>

namespace sightline {

namespace {

// Each importer thread remembers the ids of the keys it asked for last (direct-mapped by hash),
// so that the many repeats (a principal's agent, an API name, a region) are answered without
// the interner's lock, which the importer threads and the writer share. Ids never change
// once given, so an entry stays right for as long as its interner lives; a thread that asks
// another interner starts afresh (serials are never reused).
struct LocalEntry
{
    size_t hash = 0;
    int64_t value = 0; // as in the interner's tables (entities: id << 2 | flags; strings: id)
    int type = -1;     // entity type; 0 for strings
    std::string key;

    bool holds(size_t h, int t, std::string_view k) const
    {
        return hash == h && type == t && key == k;
    }
    void keep(size_t h, int t, std::string_view k, int64_t v)
    {
        hash = h;
        type = t;
        key.assign(k);
        value = v;
    }
};

struct LocalCache
{
    static constexpr size_t kSlots = 4096;
    static constexpr size_t kMaxKey = 256; // longer keys are not remembered
    uint64_t owner = 0;
    std::vector<LocalEntry> slots;

    LocalEntry &slot(uint64_t interner, size_t hash)
    {
        if (owner != interner) {
            slots.assign(kSlots, LocalEntry{});
            owner = interner;
        }
        return slots[(hash ^ (hash >> 29)) & (kSlots - 1)];
    }
};

thread_local LocalCache t_local;
std::atomic<uint64_t> g_nextSerial{1};

size_t localHash(int type, std::string_view key)
{
    return std::hash<std::string_view>{}(key) ^ (static_cast<size_t>(type) * 0x9E3779B97F4A7C15ULL);
}

// The slot of (type, key) in this thread's cache (hash set to its hash), or nullptr when keys
// are not remembered or this one is too long.
LocalEntry *localSlot(bool remember, uint64_t interner, int type, std::string_view key,
                      size_t &hash)
{
    if (!remember || key.size() > LocalCache::kMaxKey)
        return nullptr;
    hash = localHash(type, key);
    return &t_local.slot(interner, hash);
}

} // namespace

Interner::Interner() : m_serial(g_nextSerial++) {}

Status Interner::load(Database &db)
{
    std::lock_guard lock(m_mutex);
    Statement st(db, "SELECT id, type, key, label IS NOT NULL AND label <> '', "
                     "account IS NOT NULL AND account <> '', label, account FROM entities");
    if (!st.ok())
        return Error{ErrorCode::Sql, st.errorText()};
    // A second connection for lookups once the entity tables are only a cache.
    if (m_capacity > 0 && !db.fileName().empty()) {
        auto lookupDb = Database::open(db.fileName(), Database::Mode::ReadOnly);
        if (lookupDb) {
            m_lookupDb = std::move(*lookupDb);
            m_lookup = Statement(m_lookupDb, "SELECT id, label IS NOT NULL AND label <> '', "
                                             "account IS NOT NULL AND account <> '' FROM entities "
                                             "WHERE type = ?1 AND key = ?2");
            if (!m_lookup.ok())
                return Error{ErrorCode::Sql, m_lookup.errorText()};
        }
    }
    while (st.step()) {
        const int type = static_cast<int>(st.int64(1));
        if (type < 1 || type > kEntityTypeCount)
            continue;
        const int64_t id = st.int64(0);
        ++m_entityCount;
        m_nextEntity = std::max(m_nextEntity, id + 1);
        if (m_spilled) {
            bloomAdd(keyHash(type, st.text(2)));
        } else {
            bool inserted = false;
            m_entities[type].findOrAdd(st.text(2), inserted) = (id << 2) |
                                                               (st.int64(3) != 0 ? kHasLabel : 0) |
                                                               (st.int64(4) != 0 ? kHasAccount : 0);
            m_cached += inserted ? 1 : 0;
        }
        if ((type == static_cast<int>(EntityType::AwsUser) ||
             type == static_cast<int>(EntityType::AwsRole)) &&
            st.int64(3) != 0 && st.int64(4) != 0)
            m_byLabel.emplace(std::to_string(type) + '|' + std::string(st.text(6)) + '|' +
                                  std::string(st.text(5)),
                              id);
        if (m_lookup.ok() && m_cached > m_spillAt) {
            m_drainedBelow = m_committedBelow = m_nextEntity;
            spillLocked();
        }
    }
    if (st.failed())
        return Error{ErrorCode::Sql, st.lastErrorText()};
    m_drainedBelow = m_committedBelow = m_nextEntity;
    Statement ss(db, "SELECT id, s FROM strings");
    if (!ss.ok())
        return Error{ErrorCode::Sql, ss.errorText()};
    while (ss.step()) {
        const int64_t id = ss.int64(0);
        bool inserted = false;
        m_strings.findOrAdd(ss.text(1), inserted) = id;
        m_nextString = std::max(m_nextString, id + 1);
    }
    if (ss.failed())
        return Error{ErrorCode::Sql, ss.lastErrorText()};
    Statement si(db, "SELECT interface, instance FROM interfaces");
    if (!si.ok())
        return Error{ErrorCode::Sql, si.errorText()};
    while (si.step())
        m_interfaces.emplace(si.text(0), si.int64(1));
    if (si.failed())
        return Error{ErrorCode::Sql, si.lastErrorText()};
    return {};
}

void Interner::mapInterface(std::string_view interface, int64_t instance)
{
    if (interface.empty() || instance == 0)
        return;
    std::lock_guard lock(m_mutex);
    if (m_interfaces.find(interface) != m_interfaces.end())
        return;
    m_interfaces.emplace(std::string(interface), instance);
    m_newInterfaces.emplace_back(std::string(interface), instance);
}

int64_t Interner::instanceOf(std::string_view interface) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_interfaces.find(interface);
    return it == m_interfaces.end() ? 0 : it->second;
}

void Interner::drainInterfaces(std::vector<std::pair<std::string, int64_t>> &interfaces)
{
    std::lock_guard lock(m_mutex);
    interfaces.swap(m_newInterfaces);
    m_newInterfaces.clear();
}

int64_t Interner::entity(EntityType type, std::string_view key, std::string_view label,
                         std::string_view account, std::string_view attrs)
{
    const int t = static_cast<int>(type);
    if (key.empty() || t < 1 || t > kEntityTypeCount)
        return 0;
    size_t h = 0;
    LocalEntry *e = localSlot(m_remember, m_serial, t, key, h);
    // A remembered entity is answered here unless the call fills in a label or an account it
    // lacked when remembered (the interner records those).
    if (e && e->holds(h, t, key) && (label.empty() || (e->value & kHasLabel) != 0) &&
        (account.empty() || (e->value & kHasAccount) != 0))
        return e->value >> 2;
    int64_t value = 0;
    {
        std::lock_guard lock(m_mutex);
        value = entityValueLocked(type, key, label, account, attrs);
    }
    if (e)
        e->keep(h, t, key, value);
    return value >> 2;
}

int64_t Interner::principal(EntityType type, std::string_view key, std::string_view label,
                            std::string_view account, std::string_view attrs)
{
    std::lock_guard lock(m_mutex);
    const int t = static_cast<int>(type);
    if (t >= 1 && t <= kEntityTypeCount && !key.empty() && !label.empty() && !account.empty() &&
        !findLocked(t, key)) {
        std::string alias = std::to_string(t) + '|';
        alias.append(account).append("|").append(label);
        auto it = m_byLabel.find(alias);
        if (it != m_byLabel.end())
            return it->second;
    }
    return entityLocked(type, key, label, account, attrs);
}

int64_t Interner::entityLocked(EntityType type, std::string_view key, std::string_view label,
                               std::string_view account, std::string_view attrs)
{
    return entityValueLocked(type, key, label, account, attrs) >> 2;
}

int64_t Interner::entityValueLocked(EntityType type, std::string_view key, std::string_view label,
                                    std::string_view account, std::string_view attrs)
{
    const int t = static_cast<int>(type);
    if (key.empty() || t < 1 || t > kEntityTypeCount)
        return 0;
    if (m_spilled || (m_lookup.ok() && m_cached > m_spillAt)) {
        if (m_cached > m_spillAt)
            spillLocked();
        if (!findLocked(t, key))
            bloomAdd(keyHash(t, key)); // new: added below
    }
    bool inserted = false;
    int64_t &value = m_entities[t].findOrAdd(key, inserted);
    if (inserted) {
        ++m_cached;
        ++m_entityCount;
    }
    if (!inserted) {
        const bool fillLabel = !(value & kHasLabel) && !label.empty();
        const bool fillAccount = !(value & kHasAccount) && !account.empty();
        if (fillLabel || fillAccount) {
            m_updates.push_back(EntityUpdate{value >> 2,
                                             fillLabel ? std::string(label) : std::string(),
                                             fillAccount ? std::string(account) : std::string()});
            value |= (fillLabel ? kHasLabel : 0) | (fillAccount ? kHasAccount : 0);
        }
        return value;
    }
    const int64_t id = m_nextEntity++;
    value = (id << 2) | (label.empty() ? 0 : kHasLabel) | (account.empty() ? 0 : kHasAccount);
    if ((type == EntityType::AwsUser || type == EntityType::AwsRole) && !label.empty() &&
        !account.empty()) {
        std::string alias = std::to_string(t) + '|';
        alias.append(account).append("|").append(label);
        m_byLabel.emplace(std::move(alias), id);
    }
    m_newEntities.push_back(NewEntity{id, type, std::string(key), std::string(label),
                                      std::string(account), std::string(attrs)});
    return value;
}

int64_t Interner::string(std::string_view s)
{
    if (s.empty())
        return 0;
    size_t h = 0;
    LocalEntry *e = localSlot(m_remember, m_serial, 0, s, h);
    if (e && e->holds(h, 0, s))
        return e->value;
    int64_t id = 0;
    {
        std::lock_guard lock(m_mutex);
        bool inserted = false;
        int64_t &value = m_strings.findOrAdd(s, inserted);
        if (inserted) {
            value = m_nextString++;
            m_newStrings.emplace_back(value, std::string(s));
        }
        id = value;
    }
    if (e)
        e->keep(h, 0, s, id);
    return id;
}

void Interner::drain(std::vector<NewEntity> &entities,
                     std::vector<std::pair<int64_t, std::string>> &strings,
                     std::vector<EntityUpdate> &updates)
{
    std::lock_guard lock(m_mutex);
    entities.swap(m_newEntities);
    m_newEntities.clear();
    m_drainedBelow = m_nextEntity;
    strings.swap(m_newStrings);
    m_newStrings.clear();
    updates.swap(m_updates);
    m_updates.clear();
}

size_t Interner::entityCount() const
{
    std::lock_guard lock(m_mutex);
    return m_entityCount;
}

void Interner::committed()
{
    std::lock_guard lock(m_mutex);
    m_committedBelow = m_drainedBelow;
}

Interner::CacheCounts Interner::cacheCounts() const
{
    std::lock_guard lock(m_mutex);
    return m_counts;
}

// The entity of (type, key) in the tables, else (once spilled) in the case file, where it is
// then cached. nullptr when it is in neither: a new entity.
int64_t *Interner::findLocked(int type, std::string_view key)
{
    if (int64_t *v = m_entities[type].find(key))
        return v;
    if (!m_spilled || !bloomMayHave(keyHash(type, key)))
        return nullptr;
    m_lookup.bind(1, type).bindStatic(2, key);
    int64_t value = -1;
    if (m_lookup.step())
        value = (m_lookup.int64(0) << 2) | (m_lookup.int64(1) != 0 ? kHasLabel : 0) |
                (m_lookup.int64(2) != 0 ? kHasAccount : 0);
    // A failed lookup (the file unreadable) counts as not found: the new entity's insert then
    // fails on UNIQUE(type, key) and the import stops, its committed batches kept.
    m_lookup.reset(); // ends its read transaction: checkpoints may go past it
    if (value < 0)
        return nullptr;
    bool inserted = false;
    int64_t &slot = m_entities[type].findOrAdd(key, inserted);
    slot = value;
    ++m_cached;
    ++m_counts.lookups;
    return &slot;
}

// Empties the entity tables but for the entities not committed yet (the case file does not
// have them). The first time, every key goes into the Bloom filter.
void Interner::spillLocked()
{
    if (!m_spilled) {
        // 64 Mbit: under 2% false positives up to 7 million entities (6 probes); past that
        // more lookups, never a wrong answer.
        m_bloom.assign(size_t(1) << 20, 0);
        for (int t = 1; t <= kEntityTypeCount; ++t) {
            for (size_t i = 0; i < m_entities[t].size(); ++i)
                bloomAdd(keyHash(t, m_entities[t].keyAt(i)));
        }
        m_spilled = true;
    }
    ++m_counts.spills;
    m_cached = 0;
    for (int t = 1; t <= kEntityTypeCount; ++t) {
        KeyTable kept;
        const KeyTable &old = m_entities[t];
        for (size_t i = 0; i < old.size(); ++i) {
            if ((old.valueAt(i) >> 2) < m_committedBelow)
                continue;
            bool inserted = false;
            kept.findOrAdd(old.keyAt(i), inserted) = old.valueAt(i);
            ++m_cached;
        }
        m_entities[t] = std::move(kept);
    }
    // The entities not committed yet may be more than the capacity (a commit of many new
    // addresses): the next spill waits until the tables have doubled, so that spills cost
    // a constant per entity.
    m_spillAt = std::max(m_capacity, 2 * m_cached);
}

uint64_t Interner::keyHash(int type, std::string_view key)
{
    uint64_t h = 1469598103934665603ULL ^ static_cast<uint64_t>(type);
    for (unsigned char c : key) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    // Final mix (splitmix64): FNV's low bits are weak for the probe positions.
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBULL;
    return h ^ (h >> 31);
}

void Interner::bloomAdd(uint64_t h)
{
    const uint64_t bits = m_bloom.size() * 64;
    const uint64_t step = (h >> 32) | 1;
    for (int k = 0; k < 6; ++k) {
        const uint64_t b = (h + static_cast<uint64_t>(k) * step) % bits;
        m_bloom[b / 64] |= uint64_t(1) << (b % 64);
    }
}

bool Interner::bloomMayHave(uint64_t h) const
{
    const uint64_t bits = m_bloom.size() * 64;
    const uint64_t step = (h >> 32) | 1;
    for (int k = 0; k < 6; ++k) {
        const uint64_t b = (h + static_cast<uint64_t>(k) * step) % bits;
        if (!(m_bloom[b / 64] & (uint64_t(1) << (b % 64))))
            return false;
    }
    return true;
}

} // namespace sightline
