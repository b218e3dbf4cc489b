#pragma once
// Thread-safe dictionary of entities and strings for one import. Importer threads call
// entity()/string(); the writer thread drains the rows that are new since its last drain
// and inserts them before the events that reference them (so ids are always resolvable
// in any committed state). Loaded from the case file before the import starts.
#include "Database.h"
#include "EntityType.h"
#include "KeyTable.h"
#include "Result.h"

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

class Interner
{
public:
    Status load(Database &db);

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
    std::array<KeyTable, kEntityTypeCount + 1> m_entities;
    KeyTable m_strings;
    std::unordered_map<std::string, int64_t, Hash, std::equal_to<>> m_byLabel; // type|account|label
    std::unordered_map<std::string, int64_t, Hash, std::equal_to<>> m_interfaces;
    std::vector<std::pair<std::string, int64_t>> m_newInterfaces;
    int64_t entityLocked(EntityType type, std::string_view key, std::string_view label,
                         std::string_view account, std::string_view attrs);
    int64_t m_nextEntity = 1;
    int64_t m_nextString = 1;
    std::vector<NewEntity> m_newEntities;
    std::vector<std::pair<int64_t, std::string>> m_newStrings;
    std::vector<EntityUpdate> m_updates;
};

} // namespace sightline
