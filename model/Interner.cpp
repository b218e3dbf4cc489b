#include "Interner.h"

#include "Statement.h"

namespace sightline {

Status Interner::load(Database &db)
{
    std::lock_guard lock(m_mutex);
    Statement st(db, "SELECT id, type, key, label IS NOT NULL AND label <> '', "
                     "account IS NOT NULL AND account <> '', label, account FROM entities");
    if (!st.ok())
        return Error{ErrorCode::Sql, st.errorText()};
    while (st.step()) {
        const int type = static_cast<int>(st.int64(1));
        if (type < 1 || type > kEntityTypeCount)
            continue;
        const int64_t id = st.int64(0);
        bool inserted = false;
        m_entities[type].findOrAdd(st.text(2), inserted) =
            (id << 2) | (st.int64(3) != 0 ? kHasLabel : 0) | (st.int64(4) != 0 ? kHasAccount : 0);
        if ((type == static_cast<int>(EntityType::AwsUser) ||
             type == static_cast<int>(EntityType::AwsRole)) &&
            st.int64(3) != 0 && st.int64(4) != 0)
            m_byLabel.emplace(std::to_string(type) + '|' + std::string(st.text(6)) + '|' +
                                  std::string(st.text(5)),
                              id);
        m_nextEntity = std::max(m_nextEntity, id + 1);
    }
    if (st.failed())
        return Error{ErrorCode::Sql, st.lastErrorText()};
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
    std::lock_guard lock(m_mutex);
    return entityLocked(type, key, label, account, attrs);
}

int64_t Interner::principal(EntityType type, std::string_view key, std::string_view label,
                            std::string_view account, std::string_view attrs)
{
    std::lock_guard lock(m_mutex);
    const int t = static_cast<int>(type);
    if (t >= 1 && t <= kEntityTypeCount && !key.empty() && !m_entities[t].find(key) &&
        !label.empty() && !account.empty()) {
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
    const int t = static_cast<int>(type);
    if (key.empty() || t < 1 || t > kEntityTypeCount)
        return 0;
    bool inserted = false;
    int64_t &value = m_entities[t].findOrAdd(key, inserted);
    if (!inserted) {
        const bool fillLabel = !(value & kHasLabel) && !label.empty();
        const bool fillAccount = !(value & kHasAccount) && !account.empty();
        if (fillLabel || fillAccount) {
            m_updates.push_back(EntityUpdate{value >> 2,
                                             fillLabel ? std::string(label) : std::string(),
                                             fillAccount ? std::string(account) : std::string()});
            value |= (fillLabel ? kHasLabel : 0) | (fillAccount ? kHasAccount : 0);
        }
        return value >> 2;
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
    return id;
}

int64_t Interner::string(std::string_view s)
{
    if (s.empty())
        return 0;
    std::lock_guard lock(m_mutex);
    bool inserted = false;
    int64_t &value = m_strings.findOrAdd(s, inserted);
    if (!inserted)
        return value;
    const int64_t id = m_nextString++;
    value = id;
    m_newStrings.emplace_back(id, std::string(s));
    return id;
}

void Interner::drain(std::vector<NewEntity> &entities,
                     std::vector<std::pair<int64_t, std::string>> &strings,
                     std::vector<EntityUpdate> &updates)
{
    std::lock_guard lock(m_mutex);
    entities.swap(m_newEntities);
    m_newEntities.clear();
    strings.swap(m_newStrings);
    m_newStrings.clear();
    updates.swap(m_updates);
    m_updates.clear();
}

size_t Interner::entityCount() const
{
    std::lock_guard lock(m_mutex);
    size_t n = 0;
    for (const auto &m : m_entities)
        n += m.size();
    return n;
}

} // namespace sightline
