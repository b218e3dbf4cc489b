#include "GraphState.h"

#include <algorithm>
#include <deque>

namespace sightline::ui {

void GraphState::reset(const std::vector<qint64> &roots)
{
    *this = GraphState();
    m_roots = roots;
}

void GraphState::setHood(qint64 id, Neighborhood hood)
{
    if (hood.center.entity.valid())
        m_nodes[hood.center.entity.id] = hood.center;
    m_hoods[id] = std::move(hood);
}

const Neighborhood *GraphState::hood(qint64 id) const
{
    const auto it = m_hoods.find(id);
    return it == m_hoods.end() ? nullptr : &it->second;
}

void GraphState::dropLoaded()
{
    m_hoods.clear();
    m_paths.clear();
}

std::vector<qint64> GraphState::missingHoods() const
{
    std::vector<qint64> out;
    for (qint64 id : m_expanded)
        if (!hasHood(id))
            out.push_back(id);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<qint64> GraphState::missingNodes() const
{
    std::vector<qint64> out;
    for (qint64 id : m_roots)
        if (!hasNode(id))
            out.push_back(id);
    return out;
}

void GraphState::collapse(qint64 id)
{
    m_expanded.remove(id);
    // What hung off the collapsed node is gone now; so are its expansions and members.
    for (;;) {
        const VisibleGraph v = visible();
        bool changed = false;
        for (qint64 e : m_expanded.values()) {
            if (!v.find(e)) {
                m_expanded.remove(e);
                changed = true;
            }
        }
        for (auto it = m_members.begin(); it != m_members.end();) {
            if (!v.find(it->first.first)) {
                it = m_members.erase(it);
                changed = true;
            } else {
                ++it;
            }
        }
        if (!changed)
            break;
    }
}

void GraphState::addMember(qint64 owner, const Neighbor &member)
{
    auto &list = m_members[{owner, int(member.node.entity.type)}];
    for (const Neighbor &n : list)
        if (n.node.entity.id == member.node.entity.id)
            return;
    list.push_back(member);
    m_hidden.remove(member.node.entity.id);
}

void GraphState::setPaths(std::vector<GraphPath> paths)
{
    m_paths = std::move(paths);
    for (const GraphPath &p : m_paths)
        for (const GraphNode &n : p.nodes)
            m_hidden.remove(n.entity.id);
}

void GraphState::hide(qint64 id)
{
    if (std::find(m_roots.begin(), m_roots.end(), id) == m_roots.end())
        m_hidden.insert(id);
}

void GraphState::setTypeVisible(EntityType type, bool visible)
{
    if (visible)
        m_hiddenTypes.remove(int(type));
    else
        m_hiddenTypes.insert(int(type));
}

void GraphState::setRelationVisible(Relation relation, bool visible)
{
    if (visible)
        m_hiddenRelations.remove(int(relation));
    else
        m_hiddenRelations.insert(int(relation));
}

qint64 GraphState::groupId(qint64 owner, EntityType type) const
{
    auto [it, added] = m_groupIds.try_emplace({owner, int(type)}, m_nextGroupId);
    if (added)
        --m_nextGroupId;
    return it->second;
}

VisibleGraph GraphState::visible() const
{
    VisibleGraph g;
    std::map<std::pair<qint64, qint64>, size_t> edgeIndex;
    std::deque<qint64> queue;

    auto addNode = [&](VisibleNode node, bool forced) {
        if (g.index.contains(node.id))
            return true;
        if (m_hidden.contains(node.id) || (!forced && !typeVisible(node.type())))
            return false;
        node.expanded = !node.isGroup() && m_expanded.contains(node.id);
        g.index.insert(node.id, static_cast<int>(g.nodes.size()));
        g.nodes.push_back(node);
        if (!node.isGroup())
            queue.push_back(node.id);
        return true;
    };
    auto entityNode = [](const GraphNode &n) {
        VisibleNode v;
        v.id = n.entity.id;
        v.node = n;
        return v;
    };
    auto edge = [&](qint64 x, qint64 y) -> VisibleEdge & {
        const std::pair<qint64, qint64> key{std::min(x, y), std::max(x, y)};
        auto [it, added] = edgeIndex.try_emplace(key, g.edges.size());
        if (added) {
            g.edges.push_back(VisibleEdge{key.first, key.second, {}, false});
        }
        return g.edges[it->second];
    };
    auto addRelation = [&](VisibleEdge &e, const GraphRelation &r) {
        for (const GraphRelation &have : e.relations)
            if (have.relation == r.relation && have.from == r.from && have.to == r.to)
                return;
        e.relations.push_back(r);
    };
    // Adds neighbour n of center with the relations the filter keeps.
    auto addNeighbor = [&](qint64 center, const Neighbor &n, bool forced) {
        std::vector<GraphRelation> relations;
        for (const NeighborEdge &e : n.edges) {
            if (!forced && !relationVisible(e.relation))
                continue;
            GraphRelation r{e.relation, center, n.node.entity.id, e.count, e.seen};
            if (!e.outgoing)
                std::swap(r.from, r.to);
            relations.push_back(r);
        }
        if (relations.empty() && !n.edges.empty())
            return;
        if (!addNode(entityNode(n.node), forced))
            return;
        VisibleEdge &e = edge(center, n.node.entity.id);
        for (const GraphRelation &r : relations)
            addRelation(e, r);
    };

    for (qint64 root : m_roots) {
        auto it = m_nodes.find(root);
        if (it == m_nodes.end())
            continue;
        VisibleNode v = entityNode(it->second);
        v.root = true;
        addNode(v, true);
    }
    for (const GraphPath &p : m_paths) {
        for (size_t i = 0; i < p.nodes.size(); ++i) {
            addNode(entityNode(p.nodes[i]), true);
            if (const VisibleNode *v = g.find(p.nodes[i].entity.id))
                g.nodes[static_cast<size_t>(g.index.value(v->id))].onPath = true;
            if (i == 0)
                continue;
            const qint64 a = p.nodes[i - 1].entity.id, b = p.nodes[i].entity.id;
            if (!g.find(a) || !g.find(b))
                continue;
            VisibleEdge &e = edge(a, b);
            e.onPath = true;
            for (const NeighborEdge &ne : p.links[i - 1].edges) {
                GraphRelation r{ne.relation, a, b, ne.count, ne.seen};
                if (!ne.outgoing)
                    std::swap(r.from, r.to);
                addRelation(e, r);
            }
        }
    }
    QSet<qint64> otherAccount;
    while (!queue.empty()) {
        const qint64 id = queue.front();
        queue.pop_front();
        if (!m_expanded.contains(id))
            continue;
        const Neighborhood *h = hood(id);
        if (!h)
            continue;
        for (int64_t other : h->otherAccount)
            otherAccount.insert(other);
        for (const Neighbor &n : h->neighbors)
            addNeighbor(id, n, false);
        for (const NeighborGroup &group : h->groups) {
            const auto members = m_members.find({id, int(group.type)});
            qint64 drawn = 0;
            if (members != m_members.end()) {
                for (const Neighbor &n : members->second) {
                    addNeighbor(id, n, true);
                    ++drawn;
                }
            }
            VisibleNode v;
            v.id = groupId(id, group.type);
            v.groupType = group.type;
            v.groupOwner = id;
            v.groupCount = std::max<qint64>(0, group.total - drawn);
            v.groupPartial = group.partial;
            if (v.groupCount > 0 && addNode(v, false))
                edge(id, v.id);
        }
    }
    for (qint64 other : std::as_const(otherAccount))
        g.otherAccount += g.index.contains(other) ? 0 : 1;
    return g;
}

} // namespace sightline::ui
