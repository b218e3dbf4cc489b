#include "FindingGroups.h"

#include "Prepared.h"
#include "ReadSnapshot.h"
#include "Relation.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

namespace sightline {
namespace {

class UnionFind
{
public:
    explicit UnionFind(size_t n) : m_parent(n), m_rank(n, 0)
    {
        std::iota(m_parent.begin(), m_parent.end(), size_t(0));
    }
    size_t find(size_t x)
    {
        while (m_parent[x] != x) {
            m_parent[x] = m_parent[m_parent[x]]; // path halving
            x = m_parent[x];
        }
        return x;
    }
    void unite(size_t a, size_t b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return;
        if (m_rank[a] < m_rank[b])
            std::swap(a, b);
        m_parent[b] = a;
        if (m_rank[a] == m_rank[b])
            ++m_rank[a];
    }

private:
    std::vector<size_t> m_parent;
    std::vector<unsigned char> m_rank;
};

bool links(EntityType t)
{
    return t != EntityType::AwsAccount && t != EntityType::UserAgent;
}

struct Row
{
    GroupedFinding f;
    std::vector<int64_t> involved; // every involved entity
};

} // namespace

FindingGroups::FindingGroups(Database &db) : m_lookup(db), m_db(db)
{
    m_status = detail::prepareAll(
        db, {
                {&m_findings,
                 "SELECT f.entity, f.type, f.severity_label, f.severity, "
                 "coalesce(f.first_seen, f.last_seen, f.updated_at), "
                 "coalesce(f.last_seen, f.first_seen, f.updated_at) FROM findings f "
                 "WHERE coalesce(f.last_seen, f.updated_at) >= ?1 "
                 "AND coalesce(f.first_seen, f.updated_at) < ?2 AND (?3 = 1 OR f.archived = 0) "
                 "ORDER BY f.entity"},
                {&m_involved, "SELECT g.dst, n.type FROM edges g JOIN entities n ON n.id = g.dst "
                              "WHERE g.src = ?1 AND g.relation = " +
                                  std::to_string(static_cast<int>(Relation::Involves))},
            });
}

Result<std::vector<FindingGroup>> FindingGroups::build(const FindingGroupOptions &options)
{
    if (!m_status)
        return m_status.error();
    detail::ReadSnapshot snapshot(m_db);
    std::vector<FindingGroup> groups;
    if (options.range.empty())
        return groups;

    std::vector<Row> rows;
    m_findings.bind(1, options.range.fromMs()).bind(2, options.range.toMs());
    m_findings.bind(3, options.archived ? 1 : 0);
    while (m_findings.step()) {
        Row r;
        r.f.finding.id = m_findings.int64(0);
        r.f.type = m_findings.string(1);
        r.f.severityLabel = static_cast<int>(m_findings.int64(2));
        r.f.severity = m_findings.real(3);
        r.f.window = SeenSpan{m_findings.int64(4), m_findings.int64(5)};
        if (r.f.window.last < r.f.window.first)
            std::swap(r.f.window.first, r.f.window.last);
        rows.push_back(std::move(r));
    }
    if (m_findings.failed())
        return detail::stepError(m_findings);
    m_findings.reset();

    // Which findings involve each linking entity.
    std::unordered_map<int64_t, std::vector<size_t>> byEntity;
    for (size_t i = 0; i < rows.size(); ++i) {
        m_involved.bind(1, rows[i].f.finding.id);
        while (m_involved.step()) {
            const int64_t e = m_involved.int64(0);
            rows[i].involved.push_back(e);
            if (links(static_cast<EntityType>(m_involved.int64(1))))
                byEntity[e].push_back(i);
        }
        if (m_involved.failed())
            return detail::stepError(m_involved);
        m_involved.reset();
    }

    // Per entity, a sweep in order of start: a finding is related to an earlier one exactly
    // when the latest end so far reaches its start minus the window.
    UnionFind sets(rows.size());
    for (auto &[entity, members] : byEntity) {
        if (members.size() < 2)
            continue;
        std::sort(members.begin(), members.end(), [&](size_t a, size_t b) {
            return rows[a].f.window.first < rows[b].f.window.first;
        });
        int64_t reach = rows[members.front()].f.window.last;
        for (size_t k = 1; k < members.size(); ++k) {
            const SeenSpan &w = rows[members[k]].f.window;
            if (w.first - reach <= options.window)
                sets.unite(members[k - 1], members[k]);
            reach = std::max(reach, w.last);
        }
    }

    std::map<size_t, std::vector<size_t>> components;
    for (size_t i = 0; i < rows.size(); ++i)
        components[sets.find(i)].push_back(i);
    for (auto &[root, members] : components) {
        if (members.size() < std::max<size_t>(options.minFindings, 1))
            continue;
        FindingGroup g;
        g.span = rows[members.front()].f.window;
        std::map<std::string, int64_t> namespaces;
        std::vector<bool> tactics(kAttackTacticCount + 1, false);
        std::map<int64_t, int64_t> involvedBy;
        for (size_t i : members) {
            Row &r = rows[i];
            auto ref = m_lookup.byId(r.f.finding.id);
            if (!ref)
                return ref.error();
            r.f.finding = std::move(*ref);
            if (r.f.severityLabel > g.severityLabel ||
                (r.f.severityLabel == g.severityLabel && r.f.severity > g.severity)) {
                g.severityLabel = r.f.severityLabel;
                g.severity = r.f.severity;
            }
            g.span.first = std::min(g.span.first, r.f.window.first);
            g.span.last = std::max(g.span.last, r.f.window.last);
            ++namespaces[std::string(findingTypeNamespace(r.f.type))];
            if (auto t = attackTacticOfFindingType(r.f.type))
                tactics[static_cast<size_t>(*t)] = true;
            for (int64_t e : r.involved)
                ++involvedBy[e];
            g.findings.push_back(r.f);
        }
        std::sort(g.findings.begin(), g.findings.end(),
                  [](const GroupedFinding &a, const GroupedFinding &b) {
                      if (a.severityLabel != b.severityLabel)
                          return a.severityLabel > b.severityLabel;
                      if (a.severity != b.severity)
                          return a.severity > b.severity;
                      if (a.window.first != b.window.first)
                          return a.window.first < b.window.first;
                      return a.finding.key < b.finding.key;
                  });
        for (const auto &[name, count] : namespaces)
            g.namespaces.push_back(NamespaceCount{name.empty() ? "(no type)" : name, count});
        std::stable_sort(
            g.namespaces.begin(), g.namespaces.end(),
            [](const NamespaceCount &a, const NamespaceCount &b) { return a.count > b.count; });
        for (const NamespaceCount &n : g.namespaces)
            g.title += (g.title.empty() ? "" : ", ") + std::to_string(n.count) + " " + n.name;
        for (int t = 1; t <= kAttackTacticCount; ++t) {
            if (tactics[static_cast<size_t>(t)])
                g.tactics.push_back(static_cast<AttackTactic>(t));
        }
        for (const auto &[entity, count] : involvedBy) {
            g.entities.push_back(entity);
            if (count < 2)
                continue;
            auto ref = m_lookup.byId(entity);
            if (!ref)
                return ref.error();
            if (links(ref->type))
                g.shared.push_back(SharedEntity{std::move(*ref), count});
        }
        std::sort(g.shared.begin(), g.shared.end(),
                  [](const SharedEntity &a, const SharedEntity &b) {
                      if (a.findings != b.findings)
                          return a.findings > b.findings;
                      if (a.entity.type != b.entity.type)
                          return static_cast<int>(a.entity.type) < static_cast<int>(b.entity.type);
                      return a.entity.key < b.entity.key;
                  });
        groups.push_back(std::move(g));
    }
    std::sort(groups.begin(), groups.end(), [](const FindingGroup &a, const FindingGroup &b) {
        if (a.severityLabel != b.severityLabel)
            return a.severityLabel > b.severityLabel;
        if (a.severity != b.severity)
            return a.severity > b.severity;
        if (a.findings.size() != b.findings.size())
            return a.findings.size() > b.findings.size();
        if (a.span.last != b.span.last)
            return a.span.last > b.span.last;
        return a.findings.front().finding.key < b.findings.front().finding.key;
    });
    return groups;
}

} // namespace sightline
