#include "CaseSummary.h"

#include "Metric.h"
#include "Prepared.h"
#include "ReadSnapshot.h"

#include <algorithm>

namespace sightline {
namespace {

std::string typeList(std::initializer_list<EntityType> types)
{
    std::string out;
    for (EntityType t : types) {
        if (!out.empty())
            out += ", ";
        out += std::to_string(static_cast<int>(t));
    }
    return out;
}

// ?1 / ?2 first / last hour, ?3 account ("" = all), ?4 limit. The entities come from the
// UNIQUE(type, key) index; each one's hours from the agg_hour primary key.
std::string topSql(const std::string &types, int metric)
{
    return "SELECT e.id, e.type, e.key, coalesce(e.label, ''), coalesce(e.account, ''), "
           "sum(h.a), sum(h.b) FROM entities e JOIN agg_hour h ON h.entity = e.id AND h.metric = " +
           std::to_string(metric) +
           " AND h.dim = 0 AND h.hour BETWEEN ?1 AND ?2 "
           "WHERE e.type IN (" +
           types +
           ") AND (?3 = '' OR e.account = ?3) "
           "GROUP BY e.id ORDER BY sum(h.a) + sum(h.b) DESC, e.key LIMIT ?4";
}

} // namespace

CaseSummary::CaseSummary(Database &db) : m_db(db)
{
    const std::string principals =
        typeList({EntityType::AwsUser, EntityType::AwsRole, EntityType::AwsRoleSession,
                  EntityType::FederatedUser});
    const std::string instances = typeList({EntityType::Ec2Instance});
    m_status = detail::prepareAll(
        db, {
                // Same activity rule as FindingQuery::list.
                {&m_findings, "SELECT severity_label, archived, count(*) FROM findings "
                              "WHERE coalesce(last_seen, updated_at) >= ?1 "
                              "AND coalesce(first_seen, updated_at) < ?2 "
                              "AND (?3 = '' OR account = ?3) GROUP BY severity_label, archived"},
                {&m_principals, topSql(principals, static_cast<int>(Metric::ApiCalls))},
                {&m_instances, topSql(instances, static_cast<int>(Metric::FlowBytes))},
                {&m_hours, "SELECT hour, a + b FROM agg_hour WHERE entity = ?1 AND metric = ?2 "
                           "AND dim = 0 AND hour BETWEEN ?3 AND ?4"},
                {&m_typesAll, "SELECT type, count(*) FROM entities GROUP BY type ORDER BY type"},
                {&m_typesAccount, "SELECT type, count(*) FROM entities WHERE account = ?1 "
                                  "GROUP BY type ORDER BY type"},
            });
}

Status CaseSummary::top(Statement &st, const SummaryFilter &filter, int metric, size_t limit,
                        std::vector<SummaryEntity> &out)
{
    const int64_t firstHour = filter.range.firstHour(), lastHour = filter.range.lastHour();
    st.bind(1, firstHour)
        .bind(2, lastHour)
        .bind(3, std::string_view(filter.account))
        .bind(4, static_cast<int64_t>(limit));
    while (st.step()) {
        SummaryEntity s;
        s.entity.id = st.int64(0);
        s.entity.type = static_cast<EntityType>(st.int64(1));
        s.entity.key = st.string(2);
        s.entity.label = st.string(3);
        s.entity.account = st.string(4);
        s.a = st.int64(5);
        s.b = st.int64(6);
        out.push_back(std::move(s));
    }
    if (st.failed())
        return detail::stepError(st);
    st.reset();

    const int buckets = std::max(1, filter.seriesBuckets);
    if (!filter.range.from || !filter.range.to || filter.range.empty())
        return {};
    const int64_t hours = lastHour - firstHour + 1;
    for (SummaryEntity &s : out) {
        s.series.assign(static_cast<size_t>(buckets), 0);
        m_hours.bind(1, s.entity.id).bind(2, metric).bind(3, firstHour).bind(4, lastHour);
        while (m_hours.step()) {
            const int64_t slot = (m_hours.int64(0) - firstHour) * buckets / hours;
            s.series[static_cast<size_t>(std::clamp<int64_t>(slot, 0, buckets - 1))] +=
                m_hours.int64(1);
        }
        if (m_hours.failed())
            return detail::stepError(m_hours);
        m_hours.reset();
    }
    return {};
}

Result<CaseSummaryData> CaseSummary::load(const SummaryFilter &filter)
{
    if (!m_status)
        return m_status.error();
    detail::ReadSnapshot snapshot(m_db);
    CaseSummaryData d;
    if (filter.range.empty())
        return d;

    m_findings.bind(1, filter.range.fromMs())
        .bind(2, filter.range.toMs())
        .bind(3, std::string_view(filter.account));
    while (m_findings.step()) {
        const int64_t label = m_findings.int64(0), n = m_findings.int64(2);
        if (m_findings.int64(1) != 0) {
            d.archivedFindings += n;
            continue;
        }
        d.findings += n;
        if (label >= 0 && label < static_cast<int64_t>(d.findingsBySeverity.size()))
            d.findingsBySeverity[static_cast<size_t>(label)] += n;
    }
    if (m_findings.failed())
        return detail::stepError(m_findings);
    m_findings.reset();

    if (auto s = top(m_principals, filter, static_cast<int>(Metric::ApiCalls), filter.topPrincipals,
                     d.principals);
        !s)
        return s.error();
    if (auto s = top(m_instances, filter, static_cast<int>(Metric::FlowBytes), filter.topInstances,
                     d.instances);
        !s)
        return s.error();

    Statement &types = filter.account.empty() ? m_typesAll : m_typesAccount;
    if (!filter.account.empty())
        types.bind(1, std::string_view(filter.account));
    while (types.step())
        d.entityCounts.emplace_back(static_cast<EntityType>(types.int64(0)), types.int64(1));
    if (types.failed())
        return detail::stepError(types);
    types.reset();
    return d;
}

} // namespace sightline
