#pragma once
// Resolves what an investigator types (TYPE + KEY) to an entity, and entity ids to their
// display values. Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "ResultTypes.h"
#include "Result.h"
#include "Statement.h"

#include <string_view>
#include <unordered_map>
#include <vector>

namespace sightline {

class EntityLookup
{
public:
    explicit EntityLookup(Database &db);

    // Exact (type, key) first, then the key case-insensitively. For principals (users, roles,
    // role sessions, federated users) an ARN or the label (user name, role name, session
    // name) is accepted too; role sessions also as "<role name>/<session name>". IP
    // addresses match by value too ("075.050.255.67" is 75.50.255.67).
    // Errors: NotFound, or InvalidArgument when a name fits several entities (the detail
    // lists them as TYPE:KEY).
    Result<EntityRef> resolve(EntityType type, std::string_view key);

    // Display values of an entity id (cached). An unknown id gives an EntityRef with id 0.
    Result<EntityRef> byId(int64_t id);
    // The entity's attrs JSON text ("" when none).
    Result<std::string> attrs(int64_t id);

private:
    Result<std::vector<EntityRef>> collect(Statement &st);
    Result<EntityRef> pick(std::vector<EntityRef> found, EntityType type, std::string_view key);
    Result<EntityRef> resolveArn(EntityType type, std::string_view arn);

    Status m_status;
    Statement m_exact, m_noCase, m_byLabel, m_byIpv4, m_byId, m_attrs;
    std::unordered_map<int64_t, EntityRef> m_cache;
};

// Splits an ARN "arn:partition:service:region:account:resource" into its parts; false
// when the text is not an ARN.
struct ArnParts
{
    std::string_view service;
    std::string_view account;
    std::string_view resource;
};
bool splitArn(std::string_view text, ArnParts &out);

} // namespace sightline
