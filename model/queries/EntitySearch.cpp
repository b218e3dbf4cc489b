#include "EntitySearch.h"

#include "EntityLookup.h"
#include "Prepared.h"
#include "ReadSnapshot.h"
#include "Varint.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

namespace sightline {
namespace {

constexpr const char *kColumns =
    "SELECT id, type, key, label, account, coalesce(first_seen, 0), coalesce(last_seen, 0) "
    "FROM entities ";

bool hitBefore(const SearchHit &a, const SearchHit &b)
{
    if (a.exact != b.exact)
        return a.exact;
    if (a.entity.type != b.entity.type)
        return a.entity.type < b.entity.type;
    if (a.entity.key != b.entity.key)
        return a.entity.key < b.entity.key;
    return a.entity.id < b.entity.id;
}

bool equalsNoCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

auto append(std::vector<SearchHit> &v)
{
    return [&v](SearchHit &&h) { v.push_back(std::move(h)); };
}

std::string_view lastSegment(std::string_view path)
{
    const size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

} // namespace

bool parseIpv4Cidr(std::string_view text, int64_t &low, int64_t &high)
{
    const size_t slash = text.find('/');
    if (slash == std::string_view::npos)
        return false;
    const int64_t ip = parseIpv4(text.substr(0, slash));
    const std::string_view bits = text.substr(slash + 1);
    if (ip < 0 || bits.empty() || bits.size() > 2)
        return false;
    int n = 0;
    for (char c : bits) {
        if (c < '0' || c > '9')
            return false;
        n = n * 10 + (c - '0');
    }
    if (n > 32)
        return false;
    const int64_t size = int64_t(1) << (32 - n);
    low = ip & ~(size - 1) & 0xFFFFFFFFLL;
    high = low + size - 1;
    return true;
}

std::string wildcardToLike(std::string_view pattern)
{
    std::string out;
    out.reserve(pattern.size() + 4);
    for (char c : pattern) {
        switch (c) {
        case '*':
            out += '%';
            break;
        case '?':
            out += '_';
            break;
        case '%':
        case '_':
        case '\\':
            out += '\\';
            out += c;
            break;
        default:
            out += c;
        }
    }
    return out;
}

EntitySearch::EntitySearch(Database &db) : m_db(db)
{
    const std::string c = kColumns;
    m_status = detail::prepareAll(
        db, {
                // Each OR term has its own index (entities_key, entities_label, entities_ipv4).
                {&m_exact, c + "WHERE key = ?1 COLLATE NOCASE OR label = ?1 COLLATE NOCASE OR "
                               "ipv4 = ?2"},
                {&m_like, c + "WHERE key LIKE ?1 ESCAPE '\\' OR label LIKE ?1 ESCAPE '\\'"},
                {&m_ipRange, c + "WHERE ipv4 BETWEEN ?1 AND ?2 AND ipv4 IS NOT NULL"},
                {&m_label, c + "WHERE label = ?1 COLLATE NOCASE AND type = ?2 AND "
                               "(?3 = '' OR account IS NULL OR account = ?3)"},
            });
}

Status EntitySearch::scan(Statement &st, std::string_view query, std::optional<EntityType> type,
                          const std::function<void(SearchHit &&)> &sink)
{
    while (st.step()) {
        SearchHit h;
        h.entity.type = static_cast<EntityType>(st.int64(1));
        if (type && h.entity.type != *type)
            continue;
        h.entity.id = st.int64(0);
        h.entity.key = st.string(2);
        h.entity.label = st.string(3);
        h.entity.account = st.string(4);
        h.seen = SeenSpan{st.int64(5), st.int64(6)};
        h.exact = !query.empty() &&
                  (equalsNoCase(h.entity.key, query) || equalsNoCase(h.entity.label, query));
        sink(std::move(h));
    }
    if (st.failed())
        return detail::stepError(st);
    st.reset();
    return {};
}

Result<SearchResult> EntitySearch::run(std::string_view query, size_t limit,
                                       std::optional<EntityType> type)
{
    if (!m_status)
        return m_status.error();
    while (!query.empty() && std::isspace(static_cast<unsigned char>(query.front())))
        query.remove_prefix(1);
    while (!query.empty() && std::isspace(static_cast<unsigned char>(query.back())))
        query.remove_suffix(1);
    if (query.empty())
        return Error{ErrorCode::InvalidArgument, "empty search query"};
    detail::ReadSnapshot snapshot(m_db);

    SearchResult result;
    std::vector<SearchHit> hits;
    std::array<int64_t, kEntityTypeCount + 1> counts{};
    auto count = [&](const SearchHit &h) {
        const int t = static_cast<int>(h.entity.type);
        if (t >= 1 && t <= kEntityTypeCount)
            ++counts[t];
        ++result.total;
    };

    int64_t low = 0, high = 0;
    const bool wildcard = query.find_first_of("*?") != std::string_view::npos;
    if (query.find('/') != std::string_view::npos && parseIpv4Cidr(query, low, high)) {
        result.kind = SearchResult::Kind::Cidr;
        m_ipRange.bind(1, low).bind(2, high);
        if (auto s = scan(m_ipRange, {}, type, append(hits)); !s)
            return s.error();
    } else if (wildcard) {
        // Streams every match: counts all of them, keeps the first `limit` in order.
        result.kind = SearchResult::Kind::Wildcard;
        m_like.bind(1, wildcardToLike(query));
        auto keep = [&](SearchHit &&h) {
            count(h);
            hits.push_back(std::move(h));
            if (limit > 0 && hits.size() > 4 * limit + 1024) {
                std::nth_element(hits.begin(), hits.begin() + limit, hits.end(), hitBefore);
                hits.resize(limit);
            }
        };
        if (auto s = scan(m_like, {}, type, keep); !s)
            return s.error();
    } else {
        result.kind = SearchResult::Kind::Exact;
        m_exact.bind(1, query).bind(2, parseIpv4(query));
        if (auto s = scan(m_exact, query, type, append(hits)); !s)
            return s.error();
        // An ARN names a principal or resource whose key may be a principal ID.
        ArnParts arn;
        if (splitArn(query, arn)) {
            std::vector<std::pair<EntityType, std::string_view>> names;
            const std::string_view res = arn.resource;
            if (res.substr(0, 5) == "user/")
                names.emplace_back(EntityType::AwsUser, lastSegment(res));
            else if (res.substr(0, 5) == "role/")
                names.emplace_back(EntityType::AwsRole, lastSegment(res));
            else if (res.substr(0, 15) == "federated-user/")
                names.emplace_back(EntityType::FederatedUser, lastSegment(res));
            else if (res.substr(0, 13) == "assumed-role/") {
                const std::string_view rest = res.substr(13);
                const size_t slash = rest.find('/');
                if (slash != std::string_view::npos)
                    names.emplace_back(EntityType::AwsRoleSession, rest.substr(slash + 1));
                names.emplace_back(EntityType::AwsRole, rest.substr(0, slash));
            }
            for (const auto &[t, name] : names) {
                m_label.bind(1, name).bind(2, static_cast<int>(t)).bind(3, arn.account);
                std::vector<SearchHit> more;
                if (auto s = scan(m_label, {}, type, append(more)); !s)
                    return s.error();
                for (SearchHit &h : more)
                    h.exact = t != EntityType::AwsRole || names.size() == 1;
                hits.insert(hits.end(), more.begin(), more.end());
            }
            std::string_view key;
            if (arn.service == "s3")
                key = res.substr(0, res.find('/'));
            else if (arn.service == "ec2" && res.substr(0, 9) == "instance/")
                key = lastSegment(res);
            else if (arn.service == "iam" && res == "root")
                key = arn.account;
            if (!key.empty()) {
                m_exact.bind(1, key).bind(2, int64_t(-1));
                std::vector<SearchHit> more;
                if (auto s = scan(m_exact, key, type, append(more)); !s)
                    return s.error();
                hits.insert(hits.end(), more.begin(), more.end());
            }
        }
        std::unordered_set<int64_t> seen;
        std::erase_if(hits, [&](const SearchHit &h) { return !seen.insert(h.entity.id).second; });
        for (const SearchHit &h : hits)
            count(h);
    }
    if (result.kind == SearchResult::Kind::Cidr) {
        for (const SearchHit &h : hits)
            count(h);
    }

    if (limit > 0 && hits.size() > limit) {
        std::partial_sort(hits.begin(), hits.begin() + limit, hits.end(), hitBefore);
        hits.resize(limit);
    } else {
        std::sort(hits.begin(), hits.end(), hitBefore);
    }
    result.hits = std::move(hits);
    for (int t = 1; t <= kEntityTypeCount; ++t) {
        if (counts[t] > 0)
            result.countsByType.emplace_back(static_cast<EntityType>(t), counts[t]);
    }
    return result;
}

} // namespace sightline
