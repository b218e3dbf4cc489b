#pragma once
// Thread-safe dictionary of entities and strings for one import. Importer threads call
// entity()/string(); the writer thread drains the rows that are new since its last drain
// and inserts them before the events that reference them (so ids are always resolvable
// in any committed state). Loaded from the case file before the import starts.
#include "Database.h"
#include "EntityType.h"
#include "KeyTable.h"
#include "Result.h"
#include "Statement.h"

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sightline {

struct NewEntity
{
    int64_t id = 0;
    EntityType type = EntityType::AwsAccount;
    std::string key;
    std::string label;
    std::string account;
    std::string attrs; // JSON object text or empty
};

struct EntityUpdate
{
    int64_t id = 0;
    std::string label;   // set when the entity had none
    std::string account; // set when the entity had none
};

// Memory: every string, and the entity keys of the case up to a capacity (setCapacity, 0 =
// all). Past it the entity tables keep only the entities not yet committed, and a lookup
// that misses asks the case file through a read-only connection of its own; a Bloom filter of
// every key (about a byte per entity) spares that for keys never seen. An import's memory
// then stays flat however many entities its case holds. In-memory cases keep every key.
class Interner
{
public:
    Interner();
    // Whether each thread remembers the ids of the keys it asked for last (on by default; set
    // before the import's threads start).
    void rememberKeysPerThread(bool on) { m_remember = on; }
    // Set before load().
    void setCapacity(size_t entities) { m_capacity = m_spillAt = entities; }
    Status load(Database &db);
    // The writer's last drain() has been committed: entities numbered below it can be found in
    // the case file.
    void committed();
    // How often the entity tables were emptied, and how many entities were then found in the
    // case file.
    struct CacheCounts
    {
        int64_t spills = 0, lookups = 0;
    };
    CacheCounts cacheCounts() const;

    // Returns the id of (type, key), creating it when new. label / account / attrs are
    // recorded for new entities, and label / account fill in gaps of known ones.
    int64_t entity(EntityType type, std::string_view key, std::string_view label = {},
                   std::string_view account = {}, std::string_view attrs = {});
    int64_t string(std::string_view s);
    // For users and roles known by more than one name (principal ID, ARN): returns the
    // entity of that type already known by (account, label) if any, else entity().
    int64_t principal(EntityType type, std::string_view key, std::string_view label,
                      std::string_view account, std::string_view attrs = {});

    void drain(std::vector<NewEntity> &entities,
               std::vector<std::pair<int64_t, std::string>> &strings,
               std::vector<EntityUpdate> &updates);
    // Network interfaces and their EC2 instances (the interfaces table): the first instance
    // an interface is seen attached to is kept. instanceOf() returns 0 when unknown.
    void mapInterface(std::string_view interface, int64_t instance);
    int64_t instanceOf(std::string_view interface) const;
    void drainInterfaces(std::vector<std::pair<std::string, int64_t>> &interfaces);
    size_t entityCount() const;

private:
    struct Hash
    {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    // An entity's KeyTable value: id << 2, bit 0 = has a label, bit 1 = has an account.
    static constexpr int64_t kHasLabel = 1, kHasAccount = 2;

    mutable std::mutex m_mutex;
    std::array<KeyTable, kEntityTypeCount + 1> m_entities; // all, or a cache (m_spilled)
    size_t m_capacity = 0;
    size_t m_spillAt = 0; // spill when m_cached exceeds it (capacity, or more: spillLocked)
    size_t m_cached = 0;  // keys in m_entities
    size_t m_entityCount = 0;
    bool m_spilled = false;
    CacheCounts m_counts;
    int64_t m_drainedBelow = 1;    // ids below were handed to the writer by the last drain()
    int64_t m_committedBelow = 1;  // ids below are in the case file
    std::vector<uint64_t> m_bloom; // every entity key, once spilled
    Database m_lookupDb;
    Statement m_lookup;
    int64_t *findLocked(int type, std::string_view key);
    void spillLocked();
    static uint64_t keyHash(int type, std::string_view key);
    void bloomAdd(uint64_t h);
    bool bloomMayHave(uint64_t h) const;
    KeyTable m_strings;
    std::unordered_map<std::string, int64_t, Hash, std::equal_to<>> m_byLabel; // type|account|label
    std::unordered_map<std::string, int64_t, Hash, std::equal_to<>> m_interfaces;
    std::vector<std::pair<std::string, int64_t>> m_newInterfaces;
    int64_t entityLocked(EntityType type, std::string_view key, std::string_view label,
                         std::string_view account, std::string_view attrs);
    // The entity's table value: id << 2 | kHasLabel | kHasAccount (0 for no entity).
    int64_t entityValueLocked(EntityType type, std::string_view key, std::string_view label,
                              std::string_view account, std::string_view attrs);
    const uint64_t m_serial; // tells this interner's ids apart in importer threads' caches
    bool m_remember = true;
    int64_t m_nextEntity = 1;
    int64_t m_nextString = 1;
    std::vector<NewEntity> m_newEntities;
    std::vector<std::pair<int64_t, std::string>> m_newStrings;
    std::vector<EntityUpdate> m_updates;
};

} // namespace sightline
