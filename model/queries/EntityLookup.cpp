#include "EntityLookup.h"

#include "Prepared.h"
#include "Varint.h"

#include <algorithm>

namespace sightline {
namespace {

constexpr const char *kColumns = "SELECT id, type, key, label, account FROM entities ";
constexpr size_t kMaxCandidates = 20; // the lookups fetch one more

EntityRef readRef(const Statement &st)
{
    EntityRef r;
    r.id = st.int64(0);
    r.type = static_cast<EntityType>(st.int64(1));
    r.key = st.string(2);
    r.label = st.string(3);
    r.account = st.string(4);
    return r;
}

std::string_view lastSegment(std::string_view path)
{
    const size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

} // namespace

bool splitArn(std::string_view text, ArnParts &out)
{
    if (text.substr(0, 4) != "arn:")
        return false;
    std::string_view parts[5];
    size_t pos = 0;
    for (auto &part : parts) {
        const size_t colon = text.find(':', pos);
        if (colon == std::string_view::npos)
            return false;
        part = text.substr(pos, colon - pos);
        pos = colon + 1;
    }
    out.service = parts[2];
    out.account = parts[4];
    out.resource = text.substr(pos);
    return true;
}

EntityLookup::EntityLookup(Database &db)
{
    const std::string c = kColumns;
    m_status = detail::prepareAll(
        db, {
                {&m_exact, c + "WHERE type = ?1 AND key = ?2"},
                {&m_noCase, c + "WHERE key = ?2 COLLATE NOCASE AND type = ?1 LIMIT 21"},
                {&m_byLabel, c + "WHERE label = ?2 COLLATE NOCASE AND type = ?1 AND "
                                 "(?3 = '' OR account IS NULL OR account = ?3) LIMIT 21"},
                {&m_byIpv4, c + "WHERE ipv4 = ?2 AND type = ?1 LIMIT 21"},
                {&m_byId, c + "WHERE id = ?1"},
                {&m_attrs, "SELECT attrs FROM entities WHERE id = ?1"},
            });
}

Result<std::vector<EntityRef>> EntityLookup::collect(Statement &st)
{
    std::vector<EntityRef> found;
    while (st.step())
        found.push_back(readRef(st));
    if (st.failed())
        return detail::stepError(st);
    st.reset();
    return found;
}

Result<EntityRef> EntityLookup::pick(std::vector<EntityRef> found, EntityType type,
                                     std::string_view key)
{
    if (found.empty())
        return Error{ErrorCode::NotFound,
                     std::string(entityTypeName(type)) + " " + std::string(key) + " not found"};
    if (found.size() == 1) {
        m_cache.emplace(found.front().id, found.front());
        return std::move(found.front());
    }
    // One candidate per line, so that the investigator can pick a key.
    std::string detail = std::string(entityTypeName(type)) + " " + std::string(key) + " fits " +
                         (found.size() > kMaxCandidates ? "more than " : "") +
                         std::to_string(std::min(found.size(), kMaxCandidates)) +
                         " entities; give its key or ARN:";
    for (size_t i = 0; i < found.size() && i < kMaxCandidates; ++i) {
        const EntityRef &e = found[i];
        detail += "\n  " + std::string(entityTypeName(e.type)) + ":" + e.key;
        if (!e.label.empty() && e.label != e.key)
            detail += "  " + e.label;
        if (!e.account.empty())
            detail += "  account " + e.account;
    }
    return Error{ErrorCode::InvalidArgument, detail};
}

Result<EntityRef> EntityLookup::resolve(EntityType type, std::string_view key)
{
    if (!m_status)
        return m_status.error();
    if (key.empty())
        return Error{ErrorCode::InvalidArgument, "empty key"};
    const int t = static_cast<int>(type);

    m_exact.bind(1, t).bind(2, key);
    auto exact = collect(m_exact);
    if (!exact)
        return exact.error();
    if (!exact->empty())
        return pick(std::move(*exact), type, key);

    m_noCase.bind(1, t).bind(2, key);
    auto noCase = collect(m_noCase);
    if (!noCase)
        return noCase.error();
    if (!noCase->empty())
        return pick(std::move(*noCase), type, key);

    if (type == EntityType::IpAddress) {
        if (const int64_t v4 = parseIpv4(key); v4 >= 0) {
            m_byIpv4.bind(1, t).bind(2, v4);
            auto byIp = collect(m_byIpv4);
            if (!byIp)
                return byIp.error();
            if (!byIp->empty())
                return pick(std::move(*byIp), type, key);
        }
    }

    ArnParts arn;
    if (splitArn(key, arn))
        return resolveArn(type, key);

    if (type == EntityType::AwsRoleSession) {
        // "<role name>/<session name>"
        if (const size_t slash = key.find('/'); slash != std::string_view::npos) {
            auto role = resolve(EntityType::AwsRole, key.substr(0, slash));
            if (role) {
                const std::string sessionKey = role->key + ":" + std::string(key.substr(slash + 1));
                m_exact.bind(1, t).bind(2, sessionKey);
                auto found = collect(m_exact);
                if (!found)
                    return found.error();
                if (!found->empty())
                    return pick(std::move(*found), type, key);
            }
        }
    }

    m_byLabel.bind(1, t).bind(2, key).bind(3, std::string_view(""));
    auto byLabel = collect(m_byLabel);
    if (!byLabel)
        return byLabel.error();
    return pick(std::move(*byLabel), type, key);
}

Result<EntityRef> EntityLookup::resolveArn(EntityType type, std::string_view text)
{
    ArnParts arn;
    splitArn(text, arn);
    std::string_view name;
    const std::string_view res = arn.resource;
    const int t = static_cast<int>(type);
    if (type == EntityType::AwsAccount) {
        name = arn.account;
    } else if (res.substr(0, 13) == "assumed-role/") {
        const std::string_view rest = res.substr(13);
        const size_t slash = rest.find('/');
        const std::string_view roleName = rest.substr(0, slash);
        const std::string_view session =
            slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        if (type == EntityType::AwsRole) {
            name = roleName;
        } else if (type == EntityType::AwsRoleSession && !session.empty()) {
            // Sessions are keyed "<role principal id>:<session name>".
            m_byLabel.bind(1, static_cast<int>(EntityType::AwsRole))
                .bind(2, roleName)
                .bind(3, arn.account);
            auto roles = collect(m_byLabel);
            if (!roles)
                return roles.error();
            std::vector<EntityRef> sessions;
            for (const EntityRef &role : *roles) {
                m_exact.bind(1, t).bind(2, role.key + ":" + std::string(session));
                auto found = collect(m_exact);
                if (!found)
                    return found.error();
                sessions.insert(sessions.end(), found->begin(), found->end());
            }
            if (!sessions.empty())
                return pick(std::move(sessions), type, text);
            name = session;
        }
    } else if (res.substr(0, 5) == "user/" || res.substr(0, 5) == "role/" ||
               res.substr(0, 15) == "federated-user/") {
        name = lastSegment(res);
    } else if (res == "root" && type == EntityType::AwsUser) {
        name = "root";
    }
    if (name.empty())
        return Error{ErrorCode::NotFound,
                     std::string(entityTypeName(type)) + " " + std::string(text) + " not found"};
    if (type == EntityType::AwsAccount) {
        m_exact.bind(1, t).bind(2, name);
        auto found = collect(m_exact);
        if (!found)
            return found.error();
        return pick(std::move(*found), type, text);
    }
    m_byLabel.bind(1, t).bind(2, name).bind(3, arn.account);
    auto found = collect(m_byLabel);
    if (!found)
        return found.error();
    return pick(std::move(*found), type, text);
}

Result<EntityRef> EntityLookup::byId(int64_t id)
{
    if (!m_status)
        return m_status.error();
    if (id == 0)
        return EntityRef{};
    if (auto it = m_cache.find(id); it != m_cache.end())
        return it->second;
    m_byId.bind(1, id);
    EntityRef r;
    if (m_byId.step())
        r = readRef(m_byId);
    if (m_byId.failed())
        return detail::stepError(m_byId);
    m_byId.reset();
    if (m_cache.size() > 200000)
        m_cache.clear();
    m_cache.emplace(id, r);
    return r;
}

Result<std::string> EntityLookup::attrs(int64_t id)
{
    if (!m_status)
        return m_status.error();
    m_attrs.bind(1, id);
    std::string out;
    if (m_attrs.step())
        out = m_attrs.string(0);
    if (m_attrs.failed())
        return detail::stepError(m_attrs);
    m_attrs.reset();
    return out;
}

} // namespace sightline
