#pragma once
// Finds entities by any identifier an investigator has: an exact key or label (case-
// insensitive), an ARN, a pattern with * and ? wildcards over keys and labels, or an IPv4
// CIDR block. Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "ResultTypes.h"
#include "Result.h"
#include "Statement.h"

#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace sightline {

struct SearchHit
{
    EntityRef entity;
    SeenSpan seen;
    bool exact = false; // the key or label equals the query (ignoring case)
};

struct SearchResult
{
    enum class Kind
    {
        Exact,
        Wildcard,
        Cidr
    };
    Kind kind = Kind::Exact;
    std::vector<SearchHit> hits; // exact hits first, then by type and key; at most limit
    std::vector<std::pair<EntityType, int64_t>> countsByType; // of all matches
    int64_t total = 0;                                        // all matches
};

class EntitySearch
{
public:
    explicit EntitySearch(Database &db);

    // An empty query or a malformed CIDR is an InvalidArgument. limit 0 means no limit.
    Result<SearchResult> run(std::string_view query, size_t limit = 100,
                             std::optional<EntityType> type = std::nullopt);

private:
    Status scan(Statement &st, std::string_view query, std::optional<EntityType> type,
                const std::function<void(SearchHit &&)> &sink);

    Database &m_db;
    Status m_status;
    Statement m_exact, m_like, m_ipRange, m_label;
};

// "10.0.0.0/8" to the inclusive range of IPv4 numbers; false when not an IPv4 CIDR.
bool parseIpv4Cidr(std::string_view text, int64_t &low, int64_t &high);
// "*" -> "%", "?" -> "_", with LIKE's own wildcards and '\' escaped by '\'.
std::string wildcardToLike(std::string_view pattern);

} // namespace sightline
