#include "FindingQuery.h"

#include "EntityType.h"
#include "Prepared.h"
#include "Relation.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>

namespace sightline {
namespace {

constexpr std::array<std::string_view, 5> kSeverityNames = {"Informational", "Low", "Medium",
                                                            "High", "Critical"};

bool equalsNoCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

const std::string kColumns =
    "SELECT f.entity, e.type, e.key, e.label, e.account, f.product, f.type, f.title, "
    "f.severity, f.severity_label, f.account, f.region, f.first_seen, f.last_seen, "
    "f.updated_at, f.count, f.archived, f.event_id, "
    "(SELECT count(*) FROM finding_versions v WHERE v.entity = f.entity) ";

// ?2 severity mask, ?3 product, ?4 / ?5 range, ?6 include archived, ?9 account.
const std::string kFilter = "(?2 = 0 OR ((?2 >> f.severity_label) & 1) = 1) "
                            "AND (?3 = '' OR f.product = ?3 COLLATE NOCASE) "
                            "AND coalesce(f.last_seen, f.updated_at) >= ?4 "
                            "AND coalesce(f.first_seen, f.updated_at) < ?5 "
                            "AND (?6 = 1 OR f.archived = 0) "
                            "AND (?9 = '' OR coalesce(f.account, '') IN ('', ?9)) ";

const std::string kOrder = "ORDER BY f.severity_label DESC, f.severity DESC, "
                           "coalesce(f.last_seen, f.updated_at) DESC, f.entity "
                           "LIMIT ?7 OFFSET ?8";

// Pages select ids only (narrow rows to sort); each is then read with m_one.
const std::string kIds = "SELECT f.entity ";
const std::string kFromAll = "FROM findings f WHERE ";
const std::string kFromEntity = "FROM edges g JOIN findings f ON f.entity = g.src "
                                "WHERE g.dst = ?1 AND g.relation = " +
                                std::to_string(static_cast<int>(Relation::Involves)) + " AND ";

void bindFilter(Statement &st, const FindingFilter &f, bool page)
{
    st.bind(1, f.entity)
        .bind(2, static_cast<int64_t>(f.severities))
        .bind(3, std::string_view(f.product))
        .bind(4, f.range.fromMs())
        .bind(5, f.range.toMs())
        .bind(6, f.archived ? 1 : 0)
        .bind(9, std::string_view(f.account));
    if (page) {
        // One more than asked, to tell whether more follow.
        const int64_t limit = f.limit == 0 ? -1 : static_cast<int64_t>(f.limit) + 1;
        st.bind(7, limit).bind(8, static_cast<int64_t>(f.offset));
    }
}

} // namespace

std::string_view findingSeverityName(int label)
{
    if (label < 0 || label >= static_cast<int>(kSeverityNames.size()))
        return "Unknown";
    return kSeverityNames[static_cast<size_t>(label)];
}

std::optional<int> findingSeverityFromName(std::string_view name)
{
    if (equalsNoCase(name, "info"))
        return 0;
    for (size_t i = 0; i < kSeverityNames.size(); ++i) {
        if (equalsNoCase(name, kSeverityNames[i]))
            return static_cast<int>(i);
    }
    return std::nullopt;
}

FindingQuery::FindingQuery(Database &db) : m_lookup(db), m_raw(db)
{
    const std::string finding = std::to_string(static_cast<int>(EntityType::Finding));
    m_status = detail::prepareAll(
        db, {
                {&m_all, kIds + kFromAll + kFilter + kOrder},
                {&m_allCount, "SELECT count(*) " + kFromAll + kFilter},
                {&m_byEntity, kIds + kFromEntity + kFilter + kOrder},
                {&m_byEntityCount, "SELECT count(*) " + kFromEntity + kFilter},
                {&m_one, kColumns + "FROM findings f JOIN entities e ON e.id = f.entity "
                                    "WHERE f.entity = ?1"},
                // A finding by its id alone: the last path segment of its key, or the id the
                // product gave it (attrs "id"; GuardDuty's may differ from its ARN's).
                {&m_bySuffix, "SELECT e.id, e.type, e.key, e.label, e.account FROM findings f "
                              "JOIN entities e ON e.id = f.entity WHERE e.type = " +
                                  finding +
                                  " AND substr(e.key, -length(?1) - 1) = '/' || ?1 COLLATE NOCASE "
                                  "ORDER BY e.id LIMIT 21"},
                {&m_byAttrId, "SELECT e.id, e.type, e.key, e.label, e.account FROM findings f "
                              "JOIN entities e ON e.id = f.entity WHERE e.type = " +
                                  finding +
                                  " AND instr(e.attrs, '\"id\":\"' || ?1 || '\"') > 0 "
                                  "AND json_valid(e.attrs) AND json_extract(e.attrs, '$.id') = ?1 "
                                  "ORDER BY e.id LIMIT 21"},
                {&m_involved, "SELECT dst, first_seen, last_seen, count FROM edges "
                              "WHERE src = ?1 AND relation = " +
                                  std::to_string(static_cast<int>(Relation::Involves))},
                {&m_versions, "SELECT v.updated_at, v.event_id, ev.source_id, ev.line, ev.offset "
                              "FROM finding_versions v LEFT JOIN events ev ON ev.id = v.event_id "
                              "WHERE v.entity = ?1 ORDER BY v.updated_at, v.event_id"},
            });
}

void FindingQuery::readSummary(Statement &st, FindingSummary &s)
{
    s.finding.id = st.int64(0);
    s.finding.type = static_cast<EntityType>(st.int64(1));
    s.finding.key = st.string(2);
    s.finding.label = st.string(3);
    s.finding.account = st.string(4);
    s.product = st.string(5);
    s.type = st.string(6);
    s.title = st.string(7);
    s.severity = st.real(8);
    s.severityLabel = static_cast<int>(st.int64(9));
    s.account = st.string(10);
    s.region = st.string(11);
    s.seen = SeenSpan{st.int64(12), st.int64(13)};
    s.updatedAt = st.int64(14);
    s.count = st.int64(15);
    s.archived = st.int64(16) != 0;
    s.eventId = st.int64(17);
    s.versions = st.int64(18);
}

Result<FindingPage> FindingQuery::list(const FindingFilter &filter)
{
    if (!m_status)
        return m_status.error();
    FindingPage page;
    if (filter.range.empty())
        return page;
    Statement &rows = filter.entity ? m_byEntity : m_all;
    Statement &count = filter.entity ? m_byEntityCount : m_allCount;
    bindFilter(count, filter, false);
    if (count.step())
        page.total = count.int64(0);
    if (count.failed())
        return detail::stepError(count);
    count.reset();
    bindFilter(rows, filter, true);
    std::vector<int64_t> ids;
    while (rows.step()) {
        if (filter.limit && ids.size() >= filter.limit) {
            page.more = true;
            break;
        }
        ids.push_back(rows.int64(0));
    }
    if (rows.failed())
        return detail::stepError(rows);
    rows.reset();
    for (int64_t id : ids) {
        m_one.bind(1, id);
        FindingSummary s;
        if (m_one.step())
            readSummary(m_one, s);
        if (m_one.failed())
            return detail::stepError(m_one);
        m_one.reset();
        if (s.finding.id)
            page.findings.push_back(std::move(s));
    }
    return page;
}

Result<EntityRef> FindingQuery::resolve(std::string_view key)
{
    if (!m_status)
        return m_status.error();
    auto exact = m_lookup.resolve(EntityType::Finding, key);
    if (exact || exact.error().code != ErrorCode::NotFound)
        return exact;
    std::vector<EntityRef> found;
    for (Statement *st : {&m_bySuffix, &m_byAttrId}) {
        st->bind(1, key);
        while (st->step()) {
            EntityRef r;
            r.id = st->int64(0);
            r.type = static_cast<EntityType>(st->int64(1));
            r.key = st->string(2);
            r.label = st->string(3);
            r.account = st->string(4);
            found.push_back(std::move(r));
        }
        if (st->failed())
            return detail::stepError(*st);
        st->reset();
        if (!found.empty())
            break;
    }
    if (found.size() == 1)
        return found.front();
    if (found.empty())
        return Error{ErrorCode::NotFound, "no finding with key or id '" + std::string(key) + "'"};
    std::string list;
    for (size_t i = 0; i < found.size() && i < 20; ++i)
        list += (i ? ", " : "") + std::string("Finding:") + found[i].key;
    return Error{ErrorCode::InvalidArgument,
                 "'" + std::string(key) + "' fits " + std::to_string(found.size()) +
                     (found.size() > 20 ? "+" : "") + " findings: " + list};
}

Result<FindingDetail> FindingQuery::detail(int64_t finding, bool withRaw)
{
    if (!m_status)
        return m_status.error();
    FindingDetail d;
    m_one.bind(1, finding);
    const bool found = m_one.step();
    if (found)
        readSummary(m_one, d.summary);
    if (m_one.failed())
        return detail::stepError(m_one);
    m_one.reset();
    if (!found)
        return Error{ErrorCode::NotFound, "entity " + std::to_string(finding) + " is no finding"};

    auto attrs = m_lookup.attrs(finding);
    if (!attrs)
        return attrs.error();
    d.attrs = std::move(*attrs);

    m_involved.bind(1, finding);
    while (m_involved.step()) {
        FindingInvolved inv;
        inv.entity.id = m_involved.int64(0);
        inv.seen = SeenSpan{m_involved.int64(1), m_involved.int64(2)};
        inv.count = m_involved.int64(3);
        d.involved.push_back(std::move(inv));
    }
    if (m_involved.failed())
        return detail::stepError(m_involved);
    m_involved.reset();
    for (FindingInvolved &inv : d.involved) {
        auto ref = m_lookup.byId(inv.entity.id);
        if (!ref)
            return ref.error();
        inv.entity = std::move(*ref);
    }
    std::sort(d.involved.begin(), d.involved.end(), [](const auto &a, const auto &b) {
        if (a.entity.type != b.entity.type)
            return static_cast<int>(a.entity.type) < static_cast<int>(b.entity.type);
        return a.entity.key < b.entity.key;
    });

    m_versions.bind(1, finding);
    while (m_versions.step()) {
        FindingVersion v;
        v.updatedAt = m_versions.int64(0);
        v.eventId = m_versions.int64(1);
        v.sourceId = m_versions.int64(2);
        v.line = m_versions.int64(3);
        v.offset = m_versions.int64(4);
        v.kept = v.eventId == d.summary.eventId;
        d.versions.push_back(std::move(v));
    }
    if (m_versions.failed())
        return detail::stepError(m_versions);
    m_versions.reset();
    for (FindingVersion &v : d.versions) {
        if (v.sourceId == 0)
            continue;
        auto path = m_raw.sourcePath(v.sourceId);
        if (!path)
            return path.error();
        v.sourcePath = std::move(*path);
    }
    if (withRaw && d.summary.eventId) {
        auto raw = m_raw.fetch(d.summary.eventId);
        if (raw)
            d.raw = std::move(raw->text);
        else if (raw.error().code != ErrorCode::NotFound)
            return raw.error();
    }
    return d;
}

} // namespace sightline
