#include "FindingTable.h"

#include "Prepared.h"
#include "ReadSnapshot.h"
#include "Relation.h"

namespace sightline {
namespace {

// ?1 / ?2 range, ?3 account, ?4 include archived.
const std::string kWhere = "WHERE coalesce(f.last_seen, f.updated_at) >= ?1 "
                           "AND coalesce(f.first_seen, f.updated_at) < ?2 "
                           "AND (?3 = '' OR f.account = ?3) AND (?4 = 1 OR f.archived = 0) ";

std::string involvesClause()
{
    return "g.src = ?1 AND g.relation = " + std::to_string(static_cast<int>(Relation::Involves)) +
           " AND e.type <> " + std::to_string(static_cast<int>(EntityType::AwsAccount));
}

// Resources an investigator acts on first, then who acted, then where from.
std::string rankOfType()
{
    auto t = [](EntityType type) { return std::to_string(static_cast<int>(type)); };
    return "CASE e.type WHEN " + t(EntityType::Ec2Instance) + " THEN 0 WHEN " +
           t(EntityType::S3Bucket) + " THEN 1 WHEN " + t(EntityType::AccessKey) + " THEN 2 WHEN " +
           t(EntityType::ContainerCluster) + " THEN 3 WHEN " + t(EntityType::ContainerPod) +
           " THEN 3 WHEN " + t(EntityType::AwsUser) + " THEN 4 WHEN " + t(EntityType::AwsRole) +
           " THEN 4 WHEN " + t(EntityType::AwsRoleSession) + " THEN 4 WHEN " +
           t(EntityType::IpAddress) + " THEN 6 ELSE 5 END";
}

} // namespace

FindingTable::FindingTable(Database &db) : m_db(db)
{
    m_status = detail::prepareAll(
        db,
        {
            {&m_rows, "SELECT f.entity, e.type, e.key, coalesce(e.label, ''), "
                      "coalesce(e.account, ''), coalesce(f.product, ''), "
                      "coalesce(f.type, ''), coalesce(f.title, ''), coalesce(f.severity, 0), "
                      "f.severity_label, coalesce(f.account, ''), coalesce(f.region, ''), "
                      "coalesce(f.first_seen, 0), coalesce(f.last_seen, 0), f.updated_at, "
                      "f.count, f.archived, coalesce(f.event_id, 0) "
                      "FROM findings f JOIN entities e ON e.id = f.entity " +
                          kWhere +
                          "ORDER BY f.severity_label DESC, f.severity DESC, "
                          "coalesce(f.last_seen, f.updated_at) DESC, f.entity LIMIT ?5"},
            {&m_count, "SELECT count(*) FROM findings f " + kWhere},
            {&m_involved, "SELECT e.id, e.type, e.key, coalesce(e.label, ''), "
                          "coalesce(e.account, '') FROM edges g "
                          "JOIN entities e ON e.id = g.dst WHERE " +
                              involvesClause() + " ORDER BY " + rankOfType() + ", e.key LIMIT ?2"},
            {&m_involvedCount, "SELECT count(*) FROM edges g JOIN entities e ON e.id = g.dst "
                               "WHERE " +
                                   involvesClause()},
        });
}

Result<FindingTableData> FindingTable::load(const FindingTableFilter &filter)
{
    if (!m_status)
        return m_status.error();
    detail::ReadSnapshot snapshot(m_db);
    FindingTableData d;
    if (filter.range.empty())
        return d;
    auto bind = [&](Statement &st) {
        st.bind(1, filter.range.fromMs())
            .bind(2, filter.range.toMs())
            .bind(3, std::string_view(filter.account))
            .bind(4, filter.archived ? 1 : 0);
    };
    bind(m_count);
    if (m_count.step())
        d.total = m_count.int64(0);
    if (m_count.failed())
        return detail::stepError(m_count);
    m_count.reset();

    bind(m_rows);
    m_rows.bind(5, filter.limit == 0 ? int64_t(-1) : static_cast<int64_t>(filter.limit));
    while (m_rows.step()) {
        FindingTableRow r;
        FindingSummary &s = r.summary;
        s.finding.id = m_rows.int64(0);
        s.finding.type = static_cast<EntityType>(m_rows.int64(1));
        s.finding.key = m_rows.string(2);
        s.finding.label = m_rows.string(3);
        s.finding.account = m_rows.string(4);
        s.product = m_rows.string(5);
        s.type = m_rows.string(6);
        s.title = m_rows.string(7);
        s.severity = m_rows.real(8);
        s.severityLabel = static_cast<int>(m_rows.int64(9));
        s.account = m_rows.string(10);
        s.region = m_rows.string(11);
        s.seen = SeenSpan{m_rows.int64(12), m_rows.int64(13)};
        s.updatedAt = m_rows.int64(14);
        s.count = m_rows.int64(15);
        s.archived = m_rows.int64(16) != 0;
        s.eventId = m_rows.int64(17);
        d.rows.push_back(std::move(r));
    }
    if (m_rows.failed())
        return detail::stepError(m_rows);
    m_rows.reset();

    for (FindingTableRow &r : d.rows) {
        m_involved.bind(1, r.summary.finding.id).bind(2, static_cast<int64_t>(filter.resources));
        while (m_involved.step()) {
            EntityRef e;
            e.id = m_involved.int64(0);
            e.type = static_cast<EntityType>(m_involved.int64(1));
            e.key = m_involved.string(2);
            e.label = m_involved.string(3);
            e.account = m_involved.string(4);
            r.resources.push_back(std::move(e));
        }
        if (m_involved.failed())
            return detail::stepError(m_involved);
        m_involved.reset();
        m_involvedCount.bind(1, r.summary.finding.id);
        if (m_involvedCount.step())
            r.involved = m_involvedCount.int64(0);
        if (m_involvedCount.failed())
            return detail::stepError(m_involvedCount);
        m_involvedCount.reset();
    }
    return d;
}

} // namespace sightline
