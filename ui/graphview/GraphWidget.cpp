#include "GraphWidget.h"

#include "GraphItems.h"
#include "GraphLayout.h"
#include "GraphView.h"
#include "GroupMembersDialog.h"
#include "NodePanel.h"
#include "PlainText.h"

#include <QAction>
#include <QGraphicsScene>
#include <QLabel>
#include <QMenu>
#include <QSplitter>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <atomic>
#include <memory>

namespace sightline::ui {

namespace {

struct FetchResult
{
    qint64 resolved = 0;
    QString error;
    std::vector<GraphNode> nodes;
    std::vector<std::pair<qint64, Neighborhood>> hoods;
};

struct PathOutcome
{
    QString error;
    PathResult result;
};

} // namespace

GraphWidget::GraphWidget(CaseContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_scene(new QGraphicsScene(this)),
      m_view(new GraphView(m_scene, this)), m_panel(new NodePanel(context, this)),
      m_status(plainLabel())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    createToolBar();
    layout->addWidget(m_bar);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_panel);
    splitter->setStretchFactor(0, 1);
    splitter->setCollapsible(0, false);
    splitter->setSizes({900, 260});
    layout->addWidget(splitter, 1);
    m_status->setContentsMargins(6, 0, 6, 2);
    layout->addWidget(m_status);

    // Hundreds of items move at once after a layout: no index to keep up to date.
    m_scene->setItemIndexMethod(QGraphicsScene::NoIndex);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &GraphWidget::updateSelection);
    connect(m_view, &GraphView::nodeDoubleClicked, this, &GraphWidget::activateNode);
    connect(m_view, &GraphView::nodeContextMenu, this, &GraphWidget::showContextMenu);
    auto onSelected = [this](void (GraphWidget::*f)(qint64)) {
        return [this, f] {
            const QList<qint64> ids = selectedIds();
            for (qint64 id : ids)
                (this->*f)(id);
        };
    };
    connect(m_view, &GraphView::openRequested, this, onSelected(&GraphWidget::openNode));
    connect(m_view, &GraphView::expandRequested, this, onSelected(&GraphWidget::expandNode));
    connect(m_view, &GraphView::collapseRequested, this, onSelected(&GraphWidget::collapseNode));
    connect(m_view, &GraphView::hideRequested, this, onSelected(&GraphWidget::hideNode));
    connect(m_view, &GraphView::pinRequested, this, [this] {
        for (qint64 id : selectedIds())
            setPinned(id, !m_pinned.contains(id));
    });
    connect(m_panel, &NodePanel::openRequested, this, &GraphWidget::openNode);
    connect(m_panel, &NodePanel::expandRequested, this, &GraphWidget::expandNode);
    connect(m_panel, &NodePanel::collapseRequested, this, &GraphWidget::collapseNode);
    connect(m_panel, &NodePanel::hideRequested, this, &GraphWidget::hideNode);
    connect(m_panel, &NodePanel::pinRequested, this,
            [this](qint64 id) { setPinned(id, !m_pinned.contains(id)); });
    connect(m_panel, &NodePanel::membersRequested, this, &GraphWidget::openGroup);
    setMessage({});
}

GraphWidget::~GraphWidget()
{
    // The scene emits selectionChanged while it deletes its items; this widget is half
    // destroyed by then, so stop listening and delete the scene first.
    disconnect(m_scene, nullptr, this, nullptr);
    m_scene->blockSignals(true);
    qDeleteAll(m_edges);
    m_edges.clear();
    delete m_view;
    m_view = nullptr;
    delete m_scene;
    m_scene = nullptr;
}

NeighborhoodFilter GraphWidget::filter() const
{
    NeighborhoodFilter f;
    f.range = m_context.scope();
    f.groupThreshold = m_threshold;
    f.groupTop = 0;
    if (m_followsAccount)
        f.account = m_context.accountFilter().toStdString();
    return f;
}

void GraphWidget::clearGraph()
{
    ++m_fetchSlot.latest;
    ++m_layoutSlot.latest;
    ++m_pathSlot.latest;
    m_fetchSlot.busy = m_layoutSlot.busy = m_pathSlot.busy = false;
    m_state.reset({});
    m_positions.clear();
    m_pinned.clear();
    m_resolve.reset();
    m_message.clear();
    if (m_membersDialog)
        m_membersDialog->close();
    rebuild();
    m_panel->showNode(nullptr);
}

void GraphWidget::showEntity(EntityType type, const QString &key)
{
    clearGraph();
    m_resolve = std::make_pair(type, key);
    m_expandResolved = true;
    m_fitAfterLayout = true;
    fetch();
}

void GraphWidget::showEntities(const std::vector<qint64> &ids, bool expand)
{
    clearGraph();
    m_state.reset(ids);
    if (expand)
        for (qint64 id : ids)
            m_state.expand(id);
    m_fitAfterLayout = true;
    fetch();
}

void GraphWidget::refresh()
{
    const bool hadPaths = m_state.hasPaths();
    m_state.dropLoaded();
    if (hadPaths)
        setMessage(tr("The scope changed: run Shortest Paths again."));
    fetch();
}

bool GraphWidget::isBusy() const
{
    return m_fetchSlot.busy || m_layoutSlot.busy || m_pathSlot.busy || m_panel->isBusy();
}

void GraphWidget::fetch()
{
    const std::vector<qint64> hoods = m_state.missingHoods();
    const std::vector<qint64> nodes = m_state.missingNodes();
    if (!m_resolve && hoods.empty() && nodes.empty()) {
        rebuild();
        return;
    }
    std::optional<std::pair<EntityType, std::string>> resolve;
    if (m_resolve)
        resolve = std::make_pair(m_resolve->first, m_resolve->second.toStdString());
    const NeighborhoodFilter f = filter();
    m_loadedAccount = qs(f.account);
    const bool expandResolved = m_expandResolved;
    // The neighbourhoods of a batch load side by side, one connection per pool thread; the
    // parts take the next entity from a shared counter, so one busy entity does not hold
    // up the others. Resolving a name first needs one part (it names the entity to load).
    const int parts = resolve ? 1
                              : std::max(1, std::min(static_cast<int>(hoods.size()),
                                                     m_context.runner().pool().maxThreadCount()));
    auto next = std::make_shared<std::atomic<size_t>>(0);
    m_context.runner().runSplit<FetchResult>(
        this, m_fetchSlot, parts,
        [resolve, hoods, nodes, f, expandResolved, next](Database &db, int part) {
            FetchResult out;
            NeighborhoodQuery q(db);
            std::vector<qint64> needHoods = hoods;
            if (part == 0) {
                std::vector<qint64> needNodes = nodes;
                if (resolve) {
                    auto ref = q.lookup().resolve(resolve->first, resolve->second);
                    if (!ref) {
                        out.error = qs(ref.error().detail);
                        return out;
                    }
                    out.resolved = ref->id;
                    (expandResolved ? needHoods : needNodes).push_back(ref->id);
                }
                for (qint64 id : needNodes) {
                    auto node = q.node(id);
                    if (node && node->entity.valid())
                        out.nodes.push_back(*node);
                }
            }
            // Only part 0 may have added the resolved entity, and then it is the only part.
            for (size_t i = (*next)++; i < needHoods.size(); i = (*next)++) {
                const qint64 id = needHoods[i];
                auto hood = q.load(id, f);
                if (!hood) {
                    out.error = qs(hood.error().detail);
                    continue;
                }
                out.hoods.emplace_back(id, std::move(*hood));
            }
            return out;
        },
        [this](std::vector<FetchResult> &&results) {
            FetchResult &r = results.front();
            if (m_resolve) {
                m_resolve.reset();
                if (r.resolved == 0) {
                    setMessage(tr("Cannot show the graph: %1").arg(r.error));
                    return;
                }
                m_state.reset({r.resolved});
                if (m_expandResolved)
                    m_state.expand(r.resolved);
            }
            for (FetchResult &part : results) {
                for (const GraphNode &n : part.nodes)
                    m_state.setNode(n);
                for (auto &[id, hood] : part.hoods)
                    m_state.setHood(id, std::move(hood));
                if (!part.error.isEmpty())
                    m_message = part.error;
            }
            rebuild();
        });
    setMessage(m_message);
}

void GraphWidget::rebuild()
{
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it)
        if (it.value()->isVisible())
            m_positions[it.key()] = it.value()->pos();
    m_visible = m_state.visible();
    // Edges first (they point at nodes): drop those no longer shown.
    QSet<QPair<qint64, qint64>> keep;
    for (const VisibleEdge &e : m_visible.edges)
        keep.insert({e.a, e.b});
    for (auto it = m_edges.begin(); it != m_edges.end();) {
        if (!keep.contains(it.key())) {
            delete it.value();
            it = m_edges.erase(it);
        } else {
            ++it;
        }
    }
    // Drop the items of nodes no longer shown; update the others; add the new ones.
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (!m_visible.find(it.key())) {
            m_positions.remove(it.key());
            delete it.value();
            it = m_nodes.erase(it);
        } else {
            ++it;
        }
    }
    bool needLayout = false;
    for (const VisibleNode &n : m_visible.nodes) {
        NodeItem *item = m_nodes.value(n.id);
        if (!item) {
            item = new NodeItem(n);
            m_scene->addItem(item);
            m_nodes.insert(n.id, item);
        } else {
            item->setNode(n);
        }
        item->setPinned(m_pinned.contains(n.id));
        if (!m_positions.contains(n.id)) {
            item->setVisible(false); // until the layout places it
            needLayout = true;
        }
    }
    for (const VisibleEdge &e : m_visible.edges) {
        NodeItem *a = m_nodes.value(e.a), *b = m_nodes.value(e.b);
        if (!a || !b)
            continue;
        EdgeItem *&edge = m_edges[{e.a, e.b}];
        if (!edge) {
            edge = new EdgeItem(e, a, b);
            m_scene->addItem(edge);
        } else {
            edge->setEdge(e);
        }
        edge->setVisible(a->isVisible() && b->isVisible());
    }
    m_showHidden->setEnabled(m_state.hiddenCount() > 0);
    if (needLayout)
        requestLayout();
    else
        applyPositions();
    updateSelection();
}

void GraphWidget::requestLayout(bool fresh)
{
    std::vector<graph::LayoutNode> nodes;
    std::vector<graph::LayoutEdge> edges;
    nodes.reserve(m_visible.nodes.size());
    for (const VisibleNode &n : m_visible.nodes) {
        const QSizeF size = NodeItem::sizeFor(n);
        graph::LayoutNode ln{n.id, size.width(), size.height(), std::nullopt};
        const auto pos = m_positions.constFind(n.id);
        if (pos != m_positions.constEnd() && (!fresh || m_pinned.contains(n.id)))
            ln.pinned = graph::Point{pos->x(), pos->y()};
        nodes.push_back(ln);
    }
    for (const VisibleEdge &e : m_visible.edges)
        edges.push_back({e.a, e.b});
    graph::LayoutOptions options;
    options.nodeGap = 18;
    m_context.runner().run<graph::LayoutResult>(
        this, m_layoutSlot,
        [nodes, edges, options](Database &) { return graph::layoutGraph(nodes, edges, options); },
        [this](graph::LayoutResult &&r) {
            if (!r.ok()) {
                setMessage(tr("Layout failed: %1").arg(qs(r.error)));
                return;
            }
            for (const graph::NodePlacement &p : r.nodes)
                m_positions[p.id] = QPointF(p.center.x, p.center.y);
            applyPositions();
            if (m_fitAfterLayout) {
                m_fitAfterLayout = false;
                m_view->fitAll();
            }
            setMessage(m_message);
        });
    setMessage(m_message);
}

void GraphWidget::applyPositions()
{
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it) {
        const auto pos = m_positions.constFind(it.key());
        if (pos == m_positions.constEnd())
            continue;
        // Edges follow through NodeItem::itemChange.
        it.value()->setPos(*pos);
        it.value()->setVisible(true);
    }
    for (EdgeItem *e : std::as_const(m_edges))
        e->setVisible(e->nodeA()->isVisible() && e->nodeB()->isVisible());
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-400, -400, 400, 400));
    setMessage(m_message);
    emit graphChanged();
}

void GraphWidget::relayout()
{
    m_fitAfterLayout = true;
    requestLayout(true);
}

void GraphWidget::expandNode(qint64 id)
{
    if (id <= 0 || m_state.isExpanded(id))
        return;
    m_state.expand(id);
    fetch();
}

void GraphWidget::expandNodes(const QList<qint64> &ids)
{
    for (qint64 id : ids)
        if (id > 0)
            m_state.expand(id);
    fetch();
}

void GraphWidget::collapseNode(qint64 id)
{
    if (!m_state.isExpanded(id))
        return;
    m_state.collapse(id);
    rebuild();
}

void GraphWidget::activateNode(qint64 id)
{
    if (id < 0)
        openGroup(id);
    else if (!m_state.isExpanded(id))
        expandNode(id);
    else
        openNode(id);
}

void GraphWidget::openNode(qint64 id)
{
    const VisibleNode *n = m_visible.find(id);
    if (!n)
        return;
    if (n->isGroup()) {
        openGroup(id);
        return;
    }
    m_context.navigate(Location::entity(n->node.entity.type, qs(n->node.entity.key)));
}

void GraphWidget::hideNode(qint64 id)
{
    m_state.hide(id);
    rebuild();
}

void GraphWidget::showHiddenNodes()
{
    m_state.showHidden();
    rebuild();
}

void GraphWidget::setPinned(qint64 id, bool pinned)
{
    if (pinned)
        m_pinned.insert(id);
    else
        m_pinned.remove(id);
    if (NodeItem *item = m_nodes.value(id))
        item->setPinned(pinned);
}

void GraphWidget::setTypeVisible(EntityType type, bool visible)
{
    if (m_state.typeVisible(type) == visible)
        return;
    m_state.setTypeVisible(type, visible);
    for (QAction *a : m_typeMenu->actions())
        if (a->data().toInt() == int(type) && a->isChecked() != visible)
            a->setChecked(visible);
    rebuild();
}

void GraphWidget::setRelationVisible(Relation relation, bool visible)
{
    if (m_state.relationVisible(relation) == visible)
        return;
    m_state.setRelationVisible(relation, visible);
    for (QAction *a : m_relationMenu->actions())
        if (a->data().toInt() == int(relation) && a->isChecked() != visible)
            a->setChecked(visible);
    rebuild();
}

void GraphWidget::addGroupMember(qint64 groupNode, const Neighbor &member)
{
    const VisibleNode *g = m_visible.find(groupNode);
    if (!g || !g->isGroup())
        return;
    m_state.addMember(g->groupOwner, member);
    rebuild();
}

GroupMembersDialog *GraphWidget::openGroup(qint64 groupNode)
{
    const VisibleNode *g = m_visible.find(groupNode);
    if (!g || !g->isGroup())
        return nullptr;
    if (m_membersDialog)
        m_membersDialog->close();
    const VisibleNode *owner = m_visible.find(g->groupOwner);
    const QString ownerName = owner ? NodeItem::labelFor(*owner) : QString();
    auto *dialog =
        new GroupMembersDialog(m_context, g->groupOwner, g->groupType, filter(), ownerName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GroupMembersDialog::memberChosen, this,
            [this, owner = g->groupOwner, type = g->groupType](const Neighbor &member) {
                addGroupMember(m_state.groupId(owner, type), member);
            });
    m_membersDialog = dialog;
    dialog->show();
    return dialog;
}

void GraphWidget::findPathsBetweenSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() == 2)
        findPaths(ids[0], ids[1]);
}

void GraphWidget::findPaths(qint64 from, qint64 to)
{
    if (from <= 0 || to <= 0)
        return;
    PathFilter f;
    f.range = m_context.scope();
    m_message = tr("Searching for shortest paths…");
    m_context.runner().run<PathOutcome>(
        this, m_pathSlot,
        [from, to, f](Database &db) {
            PathOutcome out;
            auto r = PathQuery(db).find(from, to, f);
            if (r)
                out.result = std::move(*r);
            else
                out.error = qs(r.error().detail);
            return out;
        },
        [this](PathOutcome &&r) {
            if (!r.error.isEmpty()) {
                m_message = tr("Shortest paths failed: %1").arg(r.error);
            } else if (r.result.paths.empty()) {
                m_message = r.result.truncated ? tr("No path found before the search limit.")
                                               : tr("No path between them within the scope time.");
            } else {
                m_message = tr("%n shortest path(s) of length %1", "",
                               static_cast<int>(r.result.paths.size()))
                                .arg(r.result.length);
                if (r.result.more)
                    m_message += tr(" (more exist)");
            }
            if (!r.result.hubs.empty())
                m_message +=
                    tr("; %n busy node(s) not crossed", "", static_cast<int>(r.result.hubs.size()));
            m_state.setPaths(std::move(r.result.paths));
            rebuild();
        });
    setMessage(m_message);
}

void GraphWidget::selectNode(qint64 id, bool add)
{
    if (!add)
        m_scene->clearSelection();
    if (NodeItem *item = m_nodes.value(id))
        item->setSelected(true);
}

QList<qint64> GraphWidget::selectedIds() const
{
    QList<qint64> ids;
    for (QGraphicsItem *item : m_scene->selectedItems())
        if (item->type() == NodeItem::Type)
            ids << static_cast<NodeItem *>(item)->id();
    return ids;
}

void GraphWidget::updateSelection()
{
    const QList<qint64> ids = selectedIds();
    int entities = 0;
    for (qint64 id : ids)
        entities += id > 0 ? 1 : 0;
    m_pathAction->setEnabled(ids.size() == 2 && entities == 2);
    const VisibleNode *n = ids.size() == 1 ? m_visible.find(ids.front()) : nullptr;
    m_panel->showNode(n, n && m_pinned.contains(n->id), filter());
}

EdgeItem *GraphWidget::edgeItem(qint64 a, qint64 b) const
{
    return m_edges.value({qMin(a, b), qMax(a, b)});
}

void GraphWidget::setMessage(const QString &message)
{
    m_message = message;
    QString text = tr("%n node(s)", "", static_cast<int>(m_visible.nodes.size())) +
                   QStringLiteral(", ") +
                   tr("%n edge(s)", "", static_cast<int>(m_visible.edges.size()));
    if (m_state.hiddenCount() > 0)
        text += QStringLiteral(", ") + tr("%n hidden", "", m_state.hiddenCount());
    if (m_fetchSlot.busy || m_layoutSlot.busy || m_pathSlot.busy)
        text += QStringLiteral(" — ") + tr("loading…");
    if (!message.isEmpty())
        text += QStringLiteral(" — ") + message;
    m_status->setText(text);
}

QString GraphWidget::statusText() const
{
    return m_status->text();
}

} // namespace sightline::ui
