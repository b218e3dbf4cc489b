#include "CaseAccounts.h"

#include "Metric.h"
#include "Prepared.h"
#include "ReadSnapshot.h"
#include "Relation.h"

#include <algorithm>
#include <set>

namespace sightline {
namespace {

// Picks n items of v spread evenly, the first and last included.
template <typename T> std::vector<T> spread(const std::vector<T> &v, size_t n)
{
    if (v.size() <= n || n == 0)
        return v;
    std::vector<T> out;
    out.reserve(n);
    for (size_t i = 0; i < n; ++i)
        out.push_back(v[n == 1 ? 0 : i * (v.size() - 1) / (n - 1)]);
    return out;
}

} // namespace

CaseAccounts::CaseAccounts(Database &db) : m_db(db), m_postings(db)
{
    m_status = detail::prepareAll(
        db, {
                {&m_accounts, "SELECT id, key, coalesce(label, ''), coalesce(first_seen, 0), "
                              "coalesce(last_seen, 0) FROM entities WHERE type = " +
                                  std::to_string(static_cast<int>(EntityType::AwsAccount)) +
                                  " ORDER BY key"},
                {&m_calls, "SELECT coalesce(sum(a), 0), coalesce(sum(b), 0) FROM agg_hour "
                           "WHERE entity = ?1 AND metric = " +
                               std::to_string(static_cast<int>(Metric::ApiCalls)) +
                               " AND dim = 0 AND hour BETWEEN ?2 AND ?3"},
                // Covered by edges_dst(dst, relation, src).
                {&m_principals, "SELECT count(*) FROM edges WHERE dst = ?1 AND relation = " +
                                    std::to_string(static_cast<int>(Relation::InAccount)) +
                                    " AND last_seen >= ?2 AND first_seen < ?3"},
                {&m_findings, "SELECT count(*) FROM findings WHERE account = ?1 AND archived = 0 "
                              "AND coalesce(last_seen, updated_at) >= ?2 "
                              "AND coalesce(first_seen, updated_at) < ?3"},
                {&m_findingRegions, "SELECT DISTINCT region FROM findings WHERE account = ?1 "
                                    "AND coalesce(region, '') <> '' "
                                    "AND coalesce(last_seen, updated_at) >= ?2 "
                                    "AND coalesce(first_seen, updated_at) < ?3"},
                {&m_event, "SELECT coalesce(region, 0), source_id FROM events WHERE id = ?1"},
                {&m_string, "SELECT s FROM strings WHERE id = ?1"},
                {&m_source, "SELECT path, format FROM sources WHERE id = ?1"},
            });
    if (m_status)
        m_status = m_postings.status();
}

Result<std::vector<AccountOverview>> CaseAccounts::load(const TimeRange &range, size_t eventBudget)
{
    if (!m_status)
        return m_status.error();
    detail::ReadSnapshot snapshot(m_db);
    std::vector<AccountOverview> out;
    while (m_accounts.step()) {
        AccountOverview a;
        a.account.id = m_accounts.int64(0);
        a.account.type = EntityType::AwsAccount;
        a.account.key = m_accounts.string(1);
        a.account.label = m_accounts.string(2);
        a.account.account = a.account.key;
        a.seen = SeenSpan{m_accounts.int64(3), m_accounts.int64(4)};
        out.push_back(std::move(a));
    }
    if (m_accounts.failed())
        return detail::stepError(m_accounts);
    m_accounts.reset();
    if (range.empty())
        return out;

    // The budget is shared by the accounts, at most kMaxPerAccount events each.
    constexpr size_t kMaxPerAccount = 20000;
    const size_t perAccount =
        std::min(kMaxPerAccount, eventBudget / std::max<size_t>(1, out.size()));
    for (AccountOverview &a : out) {
        m_calls.bind(1, a.account.id).bind(2, range.firstHour()).bind(3, range.lastHour());
        if (m_calls.step()) {
            a.apiCalls = m_calls.int64(0) + m_calls.int64(1);
            a.failedCalls = m_calls.int64(1);
        }
        if (m_calls.failed())
            return detail::stepError(m_calls);
        m_calls.reset();

        m_principals.bind(1, a.account.id).bind(2, range.fromMs()).bind(3, range.toMs());
        if (m_principals.step())
            a.principals = m_principals.int64(0);
        if (m_principals.failed())
            return detail::stepError(m_principals);
        m_principals.reset();

        m_findings.bind(1, std::string_view(a.account.key))
            .bind(2, range.fromMs())
            .bind(3, range.toMs());
        if (m_findings.step())
            a.findings = m_findings.int64(0);
        if (m_findings.failed())
            return detail::stepError(m_findings);
        m_findings.reset();

        if (auto s = details(a, range, perAccount); !s)
            return s.error();
    }
    return out;
}

Status CaseAccounts::details(AccountOverview &a, const TimeRange &range, size_t eventBudget)
{
    std::set<std::string> regions;
    m_findingRegions.bind(1, std::string_view(a.account.key))
        .bind(2, range.fromMs())
        .bind(3, range.toMs());
    while (m_findingRegions.step())
        regions.insert(m_findingRegions.string(0));
    if (m_findingRegions.failed())
        return detail::stepError(m_findingRegions);
    m_findingRegions.reset();

    std::vector<int64_t> hours;
    if (auto s = m_postings.hours(a.account.id, range.firstHour(), range.lastHour(), hours); !s)
        return s;

    // At least 16 events of each hour read; as many hours as the budget allows.
    const size_t budget = std::max<size_t>(eventBudget, 16);
    const size_t maxHours = std::max<size_t>(1, budget / 16);
    if (hours.size() > maxHours) {
        hours = spread(hours, maxHours);
        a.sampled = true;
    }
    const size_t perHour = std::max<size_t>(16, budget / std::max<size_t>(1, hours.size()));

    std::set<int64_t> regionIds, sourceIds;
    std::vector<int64_t> ids;
    for (int64_t hour : hours) {
        ids.clear();
        if (auto s = m_postings.hourIds(a.account.id, hour, ids); !s)
            return s;
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        if (ids.size() > perHour) {
            ids = spread(ids, perHour);
            a.sampled = true;
        }
        for (int64_t id : ids) {
            m_event.bind(1, id);
            if (m_event.step()) {
                if (const int64_t r = m_event.int64(0))
                    regionIds.insert(r);
                sourceIds.insert(m_event.int64(1));
            }
            if (m_event.failed())
                return detail::stepError(m_event);
            m_event.reset();
        }
    }
    for (int64_t id : regionIds) {
        m_string.bind(1, id);
        if (m_string.step() && !m_string.text(0).empty())
            regions.insert(m_string.string(0));
        if (m_string.failed())
            return detail::stepError(m_string);
        m_string.reset();
    }
    a.regions.assign(regions.begin(), regions.end());
    for (int64_t id : sourceIds) {
        m_source.bind(1, id);
        if (m_source.step())
            a.sources.push_back(AccountSource{id, m_source.string(0), m_source.string(1)});
        if (m_source.failed())
            return detail::stepError(m_source);
        m_source.reset();
    }
    return {};
}

} // namespace sightline
