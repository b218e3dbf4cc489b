#pragma once
// The relationship graph view shared by the Graph page and the finding group page: a tool
// bar (fit, zoom, re-layout, type and relation filters, shortest paths, export), the scene
// and a side panel on the selected node.
//
// Work off the GUI thread: neighbourhoods, paths and the Graphviz layout run on the case's
// query runner; their results come back as values and stale ones are dropped. Expanding a
// node keeps every placed node where it is (placed nodes are pinned in the layout request).
// State lives in GraphState; the widget keeps item positions and user pins.
#include "CaseContext.h"
#include "GraphState.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QGraphicsScene;
class QLabel;
class QMenu;
class QToolBar;

namespace sightline::ui {

class EdgeItem;
class GraphView;
class GroupMembersDialog;
class NodeItem;
class NodePanel;

class GraphWidget : public QWidget
{
    Q_OBJECT
public:
    explicit GraphWidget(CaseContext &context, QWidget *parent = nullptr);
    ~GraphWidget() override;

    // The graph around one entity (resolved by type and key), expanded once.
    void showEntity(EntityType type, const QString &key);
    // These entities, each expanded when expand is set (a finding group's findings).
    void showEntities(const std::vector<qint64> &ids, bool expand);
    // Reloads what is shown within the current scope time, keeping the expansion, the
    // members added, the hidden nodes, the filters and the positions.
    void refresh();
    void clearGraph();
    bool isBusy() const;

    // What the user does, also called by tests.
    void expandNode(qint64 id);
    void expandNodes(const QList<qint64> &ids); // one query for all
    void collapseNode(qint64 id);
    void activateNode(qint64 id); // double-click: expand, then open; a group opens its table
    void openNode(qint64 id);     // the entity's profile (or the finding's page)
    void hideNode(qint64 id);
    void showHiddenNodes();
    void setPinned(qint64 id, bool pinned);
    void setTypeVisible(EntityType type, bool visible);
    void setRelationVisible(Relation relation, bool visible);
    void addGroupMember(qint64 groupNode, const Neighbor &member);
    GroupMembersDialog *openGroup(qint64 groupNode);
    void findPaths(qint64 from, qint64 to);
    void findPathsBetweenSelected();
    void relayout();
    void selectNode(qint64 id, bool add = false);
    QList<qint64> selectedIds() const;
    bool exportSvg(const QString &path) const;
    bool exportPng(const QString &path) const;

    // Neighbours of one type past this many form a group node (default 25).
    void setGroupThreshold(size_t threshold) { m_threshold = threshold; }
    // Leaves out neighbours that belong to another account than the window's account
    // filter (off by default; takes effect with the next load, e.g. refresh()).
    void setFollowsAccount(bool follows) { m_followsAccount = follows; }
    // The account the loaded neighbourhoods were narrowed to ("" = every account), and how
    // many neighbours of the drawn graph that left out.
    QString loadedAccount() const { return m_loadedAccount; }
    int leftOutByAccount() const { return m_visible.otherAccount; }

    const GraphState &state() const { return m_state; }
    const VisibleGraph &visibleGraph() const { return m_visible; }
    NodeItem *nodeItem(qint64 id) const { return m_nodes.value(id); }
    QList<NodeItem *> nodeItems() const { return m_nodes.values(); }
    EdgeItem *edgeItem(qint64 a, qint64 b) const;
    GraphView *view() const { return m_view; }
    NodePanel *panel() const { return m_panel; }
    QString statusText() const;
    // The entity ids of the first root ("" before it was resolved).
    qint64 rootId() const { return m_state.roots().empty() ? 0 : m_state.roots().front(); }

signals:
    void graphChanged(); // the drawing was updated (after a layout)

private:
    void createToolBar();
    void fetch();
    void rebuild();
    void requestLayout(bool fresh = false);
    void applyPositions();
    void updateSelection();
    void showContextMenu(qint64 id, const QPoint &globalPos);
    void setMessage(const QString &message);
    void chooseExport(bool svg);
    NeighborhoodFilter filter() const;

    CaseContext &m_context;
    GraphState m_state;
    VisibleGraph m_visible;
    QGraphicsScene *m_scene;
    GraphView *m_view;
    NodePanel *m_panel;
    QToolBar *m_bar = nullptr;
    QLabel *m_status;
    QAction *m_pathAction = nullptr, *m_showHidden = nullptr;
    QMenu *m_typeMenu = nullptr, *m_relationMenu = nullptr;
    QHash<qint64, NodeItem *> m_nodes;
    QHash<QPair<qint64, qint64>, EdgeItem *> m_edges; // by (a, b), a < b
    QHash<qint64, QPointF> m_positions;               // placed nodes
    QSet<qint64> m_pinned;                            // pinned by the user (kept by "re-layout")
    std::optional<std::pair<EntityType, QString>> m_resolve;
    QString m_message;
    bool m_expandResolved = true;
    bool m_fitAfterLayout = false;
    size_t m_threshold = 25;
    bool m_followsAccount = false;
    QString m_loadedAccount;
    JobSlot m_fetchSlot, m_layoutSlot, m_pathSlot;
    QPointer<GroupMembersDialog> m_membersDialog;
};

} // namespace sightline::ui
