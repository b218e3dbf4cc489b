#pragma once
// What the relationship graph shows, as plain data (no widgets): the roots, the
// neighbourhoods loaded for expanded nodes, the group members and paths the user added,
// hidden nodes and the type / relation filters. visible() derives the drawn graph from them,
// so that collapsing a node drops exactly what its expansion brought in (and what only
// hung off that), and a reload with another scope time keeps what the user expanded.
//
// Node ids: entity ids (> 0) for entities; negative ids for group nodes ("+312 IP
// addresses"), stable for one (expanded node, type) pair while the state lives.
// Thread affinity: the GUI thread.
#include "queries/Neighborhood.h"
#include "queries/PathQuery.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <map>
#include <utility>
#include <vector>

namespace sightline::ui {

// One relation between two drawn nodes, with its direction.
struct GraphRelation
{
    Relation relation = Relation::CalledFrom;
    qint64 from = 0, to = 0;
    qint64 count = 0;
    SeenSpan seen;
};

struct VisibleNode
{
    qint64 id = 0;
    GraphNode node;                                // entities (id > 0)
    EntityType groupType = EntityType::AwsAccount; // group nodes (id < 0)
    qint64 groupOwner = 0;                         // the expanded entity of a group node
    qint64 groupCount = 0;                         // neighbours of the group not drawn
    bool groupPartial = false;
    bool expanded = false;
    bool root = false;
    bool onPath = false;
    bool isGroup() const { return id < 0; }
    EntityType type() const { return isGroup() ? groupType : node.entity.type; }
};

struct VisibleEdge
{
    qint64 a = 0, b = 0;                  // a < b
    std::vector<GraphRelation> relations; // empty for the tie of a group node to its owner
    bool onPath = false;
};

struct VisibleGraph
{
    std::vector<VisibleNode> nodes; // in the order they were reached (roots first)
    std::vector<VisibleEdge> edges;
    QHash<qint64, int> index; // node id -> position in nodes
    // Neighbours of the expanded nodes left out by the account filter (not drawn otherwise).
    int otherAccount = 0;
    const VisibleNode *find(qint64 id) const
    {
        const auto it = index.constFind(id);
        return it == index.constEnd() ? nullptr : &nodes[static_cast<size_t>(*it)];
    }
};

class GraphState
{
public:
    void reset(const std::vector<qint64> &roots);
    const std::vector<qint64> &roots() const { return m_roots; }

    // Loaded data. Nodes: what is known of an entity that is drawn without a
    // neighbourhood (a root not expanded, a path node, a group member).
    void setNode(const GraphNode &node) { m_nodes[node.entity.id] = node; }
    bool hasNode(qint64 id) const { return m_nodes.count(id) != 0; }
    void setHood(qint64 id, Neighborhood hood);
    bool hasHood(qint64 id) const { return m_hoods.count(id) != 0; }
    const Neighborhood *hood(qint64 id) const;
    // Forgets every neighbourhood and path (the scope time or account filter changed); keeps the
    // expansion.
    void dropLoaded();
    // Expanded entities whose neighbourhood is not loaded yet.
    std::vector<qint64> missingHoods() const;
    // Roots whose node is not known (neither loaded nor part of a neighbourhood).
    std::vector<qint64> missingNodes() const;

    void expand(qint64 id) { m_expanded.insert(id); }
    // Drops the expansion of id, and the expansions and members of nodes that disappear.
    void collapse(qint64 id);
    bool isExpanded(qint64 id) const { return m_expanded.contains(id); }
    QList<qint64> expanded() const { return m_expanded.values(); }

    // A member of a group node drawn on its own (chosen in the group's table).
    void addMember(qint64 owner, const Neighbor &member);
    // Shortest paths to draw and highlight (replaces the previous ones).
    void setPaths(std::vector<GraphPath> paths);
    void clearPaths() { m_paths.clear(); }
    bool hasPaths() const { return !m_paths.empty(); }

    void hide(qint64 id);
    void showHidden() { m_hidden.clear(); }
    int hiddenCount() const { return static_cast<int>(m_hidden.size()); }
    void setTypeVisible(EntityType type, bool visible);
    bool typeVisible(EntityType type) const { return !m_hiddenTypes.contains(int(type)); }
    void setRelationVisible(Relation relation, bool visible);
    bool relationVisible(Relation r) const { return !m_hiddenRelations.contains(int(r)); }

    VisibleGraph visible() const;
    // The group node id of (owner, type), created on first use.
    qint64 groupId(qint64 owner, EntityType type) const;

private:
    std::vector<qint64> m_roots;
    std::map<qint64, GraphNode> m_nodes;
    std::map<qint64, Neighborhood> m_hoods;
    QSet<qint64> m_expanded, m_hidden;
    QSet<int> m_hiddenTypes, m_hiddenRelations;
    std::map<std::pair<qint64, int>, std::vector<Neighbor>> m_members; // (owner, type)
    std::vector<GraphPath> m_paths;
    mutable std::map<std::pair<qint64, int>, qint64> m_groupIds;
    mutable qint64 m_nextGroupId = -1;
};

} // namespace sightline::ui
