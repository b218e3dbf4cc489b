// The relationship graph page (ui/graphview): expansion, collapse, group nodes and their
// table, filters, the side panel, shortest paths, layout stability, export, Back, the
// scope time; on the real Stratus Red Team "ec2-steal-instance-credentials" detonation and
// the bundled sample incident (screenshot), imported with the real importer.
#include "CaseFile.h"
#include "GuiTestSupport.h"
#include "graphview/GraphItems.h"
#include "graphview/GraphView.h"
#include "graphview/GraphWidget.h"
#include "graphview/GroupMembersDialog.h"
#include "graphview/GroupMembersModel.h"
#include "graphview/NodePanel.h"
#include "pages/GraphPage.h"
#include "queries/EntityLookup.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QSvgRenderer>
#include <QTemporaryDir>

#include <set>

using namespace sightline;
using namespace sightline::ui;

namespace {

const QString kUser = QStringLiteral("AIDASSXYG8SJ3JDII10C");
const QString kSession = QStringLiteral("AROALHCCSKSM395EGX3XN:i-786a3A8B5C0d92eF4");
const QString kInstance = QStringLiteral("i-786a3A8B5C0d92eF4");
const QString kIp = QStringLiteral("18.236.253.47");

std::set<qint64> entityIds(const GraphWidget &g)
{
    std::set<qint64> ids;
    for (const VisibleNode &n : g.visibleGraph().nodes)
        if (!n.isGroup())
            ids.insert(n.id);
    return ids;
}

bool waitGraph(GraphWidget &g, int timeoutMs = 30000)
{
    return QTest::qWaitFor([&] { return !g.isBusy(); }, timeoutMs);
}

} // namespace

class TestGraph : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_steal, m_sample;
    qint64 m_user = 0, m_session = 0, m_instance = 0, m_ip = 0;
    std::unique_ptr<MainWindow> m_window;

    GraphWidget *openGraph(EntityType type, const QString &key)
    {
        m_window->navigate(Location::graph(type, key));
        if (!testing::waitIdle(*m_window))
            return nullptr;
        auto *page = qobject_cast<GraphPage *>(m_window->currentPage());
        return page ? page->graph() : nullptr;
    }

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rootShowsNeighbours();
    void expandReachesInstanceSessionAndIp();
    void collapseRemovesWhatItAdded();
    void expansionKeepsPositionsAndNoOverlap();
    void groupNodeAndMembersTable();
    void typeAndRelationFilters();
    void hideAndShowHidden();
    void sidePanel();
    void shortestPathThroughInstance();
    void exportSvgAndPng();
    void backKeepsGraphAndScopeReloads();
    void accountFilterNarrowsGraph();
    void screenshot();
};

void TestGraph::initTestCase()
{
    testing::isolateSettings();
    testing::useEnglish();
    QVERIFY(m_dir.isValid());
    m_steal = m_dir.filePath(QStringLiteral("steal.sightline"));
    QString error = testing::buildCase(
        m_steal, {testing::sharedData(
                     QStringLiteral("cloudtrail/stratus-red-team/"
                                    "aws.credential-access.ec2-steal-instance-credentials.json"))});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_sample = m_dir.filePath(QStringLiteral("sample.sightline"));
    error = testing::buildCase(m_sample, {testing::sampleIncident()});
    QVERIFY2(error.isEmpty(), qPrintable(error));

    auto c = CaseFile::open(m_steal.toStdString());
    QVERIFY(c.ok());
    EntityLookup lookup(c->db());
    auto id = [&](EntityType type, const QString &key) -> qint64 {
        auto ref = lookup.resolve(type, key.toStdString());
        return ref ? ref->id : 0;
    };
    m_user = id(EntityType::AwsUser, kUser);
    m_session = id(EntityType::AwsRoleSession, kSession);
    m_instance = id(EntityType::Ec2Instance, kInstance);
    m_ip = id(EntityType::IpAddress, kIp);
    QVERIFY(m_user && m_session && m_instance && m_ip);

    m_window = std::make_unique<MainWindow>();
    m_window->resize(1360, 860);
    m_window->show();
    QVERIFY(testing::openAndWait(*m_window, m_steal));
}

void TestGraph::cleanupTestCase()
{
    m_window.reset();
}

void TestGraph::rootShowsNeighbours()
{
    GraphWidget *g = openGraph(EntityType::AwsUser, kUser);
    QVERIFY(g);
    QCOMPARE(g->rootId(), m_user);
    const VisibleNode *root = g->visibleGraph().find(m_user);
    QVERIFY(root);
    QVERIFY(root->root);
    QVERIFY(root->expanded);
    QVERIFY(g->visibleGraph().nodes.size() > 1);
    // Every node is placed and drawn; edges carry their relation and count.
    for (NodeItem *item : g->nodeItems())
        QVERIFY(item->isVisible());
    bool labelled = false;
    for (const VisibleEdge &e : g->visibleGraph().edges) {
        if (EdgeItem *item = g->edgeItem(e.a, e.b); item && !e.relations.empty())
            labelled = labelled || !item->labelText().isEmpty();
    }
    QVERIFY(labelled);
    // English plural forms: "12 nodes, 11 edges", never "node(s)".
    const int nodes = static_cast<int>(g->visibleGraph().nodes.size());
    QVERIFY2(g->statusText().startsWith(QStringLiteral("%1 nodes, ").arg(nodes)),
             qPrintable(g->statusText()));
    QVERIFY(!g->statusText().contains(QStringLiteral("(s)")));
}

void TestGraph::expandReachesInstanceSessionAndIp()
{
    GraphWidget *g = openGraph(EntityType::AwsUser, kUser);
    QVERIFY(g);
    // The first expansion (opening the graph) reaches the instance and the shared address.
    std::set<qint64> ids = entityIds(*g);
    QVERIFY(ids.count(m_instance));
    QVERIFY(ids.count(m_ip));
    // The second: double-click the instance, as the user would.
    NodeItem *instance = g->nodeItem(m_instance);
    QVERIFY(instance);
    const QPoint at = g->view()->mapFromScene(instance->scenePos());
    QVERIFY(g->view()->viewport()->rect().contains(at));
    QTest::mouseDClick(g->view()->viewport(), Qt::LeftButton, {}, at);
    QVERIFY(waitGraph(*g));
    QVERIFY(g->state().isExpanded(m_instance));
    ids = entityIds(*g);
    QVERIFY(ids.count(m_session));
    QVERIFY(ids.count(m_ip));
    // A second double-click on an expanded node opens its profile.
    g->activateNode(m_instance);
    QCOMPARE(m_window->currentPage()->location().page, Location::Page::Entity);
    QCOMPARE(m_window->currentPage()->location().key, kInstance);
    m_window->goBack();
    QVERIFY(testing::waitIdle(*m_window));
}

void TestGraph::collapseRemovesWhatItAdded()
{
    GraphWidget *g = openGraph(EntityType::AwsUser, kUser);
    QVERIFY(g);
    g->collapseNode(m_instance);
    QVERIFY(waitGraph(*g));
    const std::set<qint64> before = entityIds(*g);
    g->expandNode(m_instance);
    QVERIFY(waitGraph(*g));
    const std::set<qint64> expanded = entityIds(*g);
    QVERIFY(expanded.size() > before.size());
    QVERIFY(expanded.count(m_session));
    g->collapseNode(m_instance);
    QVERIFY(waitGraph(*g));
    QCOMPARE(entityIds(*g), before);
    QVERIFY(!g->nodeItem(m_session) || before.count(m_session));
}

void TestGraph::expansionKeepsPositionsAndNoOverlap()
{
    GraphWidget *g = openGraph(EntityType::AwsUser, kUser);
    QVERIFY(g);
    g->collapseNode(m_instance);
    QVERIFY(waitGraph(*g));
    QHash<qint64, QPointF> before;
    for (NodeItem *item : g->nodeItems())
        before.insert(item->id(), item->pos());
    g->expandNode(m_instance);
    QVERIFY(waitGraph(*g));
    QVERIFY(g->nodeItems().size() > before.size());
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        NodeItem *item = g->nodeItem(it.key());
        QVERIFY(item);
        QCOMPARE(item->pos(), it.value());
    }
    const QList<NodeItem *> items = g->nodeItems();
    for (int i = 0; i < items.size(); ++i) {
        QVERIFY(items[i]->isVisible());
        for (int j = i + 1; j < items.size(); ++j)
            QVERIFY2(!items[i]->sceneBoundingRect().intersects(items[j]->sceneBoundingRect()),
                     qPrintable(QStringLiteral("%1 overlaps %2")
                                    .arg(NodeItem::labelFor(items[i]->node()),
                                         NodeItem::labelFor(items[j]->node()))));
    }
}

void TestGraph::groupNodeAndMembersTable()
{
    // The sample incident's account has about a hundred principals: past the threshold
    // (25 by default) they collapse into group nodes.
    MainWindow window;
    window.resize(1360, 860);
    window.show();
    QVERIFY(testing::openAndWait(window, m_sample));
    window.navigate(Location::graph(EntityType::AwsAccount, QStringLiteral("111122223333")));
    QVERIFY(testing::waitIdle(window));
    GraphWidget *graph = qobject_cast<GraphPage *>(window.currentPage())->graph();
    QVERIFY(graph);
    GraphWidget &g = *graph;
    const VisibleNode *group = nullptr;
    for (const VisibleNode &n : g.visibleGraph().nodes)
        if (n.isGroup() && (!group || n.groupCount > group->groupCount))
            group = &n;
    QVERIFY2(group, "no group node past the threshold");
    const qint64 groupId = group->id;
    const qint64 count = group->groupCount;
    QVERIFY(count > 25);
    QVERIFY(NodeItem::labelFor(*group).startsWith(QLatin1Char('+')));
    QVERIFY(g.nodeItem(groupId) && g.nodeItem(groupId)->isVisible());
    GroupMembersDialog *dialog = g.openGroup(groupId);
    QVERIFY(dialog);
    GroupMembersModel *model = dialog->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto loaded = [&] { return QTest::qWaitFor([&] { return !model->isLoading(); }, 20000); };
    QVERIFY(loaded());
    QCOMPARE(model->total(), count);
    // Paged: the first page, then more as the view scrolls.
    const int firstPage = int(qMin<qint64>(count, qint64(GroupMembersModel::kPage)));
    QVERIFY(model->rowCount() >= firstPage);
    while (model->canFetchMore({})) {
        model->fetchMore({});
        QVERIFY(loaded());
    }
    QCOMPARE(model->rowCount(), int(count));
    // Sorting asks the query again; the rows stay the same set.
    model->sort(GroupMembersModel::EntityColumn, Qt::AscendingOrder);
    QVERIFY(loaded());
    QVERIFY(model->rowCount() >= firstPage);
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->member(row - 1).node.entity.key <= model->member(row).node.entity.key);
    const qint64 owner = g.visibleGraph().find(groupId)->groupOwner;
    const qint64 member = model->member(0).node.entity.id;
    QVERIFY(!g.visibleGraph().find(member));
    dialog->addRow(0);
    QVERIFY(testing::waitIdle(window));
    QVERIFY(g.visibleGraph().find(member));
    QVERIFY(g.nodeItem(member) && g.nodeItem(member)->isVisible());
    const VisibleNode *after = g.visibleGraph().find(groupId);
    QVERIFY(after);
    QCOMPARE(after->groupCount, count - 1);
    QVERIFY(g.edgeItem(owner, member));
    dialog->close();
}

void TestGraph::typeAndRelationFilters()
{
    GraphWidget *g = openGraph(EntityType::AwsUser, kUser);
    QVERIFY(g);
    QVERIFY(g->visibleGraph().find(m_ip));
    g->setTypeVisible(EntityType::IpAddress, false);
    QVERIFY(waitGraph(*g));
    for (const VisibleNode &n : g->visibleGraph().nodes)
        QVERIFY(n.type() != EntityType::IpAddress);
    QVERIFY(!g->nodeItem(m_ip));
    g->setTypeVisible(EntityType::IpAddress, true);
    QVERIFY(waitGraph(*g));
    QVERIFY(g->visibleGraph().find(m_ip));

    // Without "called from" the address only stays when another relation ties it.
    g->setRelationVisible(Relation::CalledFrom, false);
    QVERIFY(waitGraph(*g));
    for (const VisibleEdge &e : g->visibleGraph().edges)
        for (const GraphRelation &r : e.relations)
            QVERIFY(r.relation != Relation::CalledFrom);
    g->setRelationVisible(Relation::CalledFrom, true);
    QVERIFY(waitGraph(*g));
    QVERIFY(g->visibleGraph().find(m_ip));
}

void TestGraph::hideAndShowHidden()
{
    GraphWidget *g = openGraph(EntityType::AwsUser, kUser);
    QVERIFY(g);
    g->hideNode(m_ip);
    QVERIFY(waitGraph(*g));
    QVERIFY(!g->visibleGraph().find(m_ip));
    g->hideNode(m_user); // the root cannot be hidden
    QVERIFY(g->visibleGraph().find(m_user));
    g->showHiddenNodes();
    QVERIFY(waitGraph(*g));
    QVERIFY(g->visibleGraph().find(m_ip));
}

void TestGraph::sidePanel()
{
    GraphWidget *g = openGraph(EntityType::AwsUser, kUser);
    QVERIFY(g);
    g->selectNode(m_user);
    QCOMPARE(g->panel()->nodeId(), m_user);
    QVERIFY(waitGraph(*g));
    const QString text = g->panel()->detailText();
    QVERIFY2(text.contains(kUser), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("First seen")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("API calls")), qPrintable(text));
    // Enter on the selected node opens its profile; Back returns to the same graph.
    g->view()->setFocus();
    QTest::keyClick(g->view(), Qt::Key_Return);
    QCOMPARE(m_window->currentPage()->location().page, Location::Page::Entity);
    QCOMPARE(m_window->currentPage()->location().key, kUser);
    m_window->goBack();
    QVERIFY(testing::waitIdle(*m_window));
    QCOMPARE(qobject_cast<GraphPage *>(m_window->currentPage())->graph(), g);
}

void TestGraph::shortestPathThroughInstance()
{
    GraphWidget *g = openGraph(EntityType::AwsUser, kUser);
    QVERIFY(g);
    g->expandNode(m_instance);
    QVERIFY(waitGraph(*g));
    g->selectNode(m_user);
    g->selectNode(m_session, true);
    QCOMPARE(g->selectedIds().size(), 2);
    g->findPathsBetweenSelected();
    QVERIFY(waitGraph(*g));
    QVERIFY2(g->state().hasPaths(), qPrintable(g->statusText()));
    for (qint64 id : {m_user, m_instance, m_session}) {
        const VisibleNode *n = g->visibleGraph().find(id);
        QVERIFY(n);
        QVERIFY(n->onPath);
        QVERIFY(g->nodeItem(id)->node().onPath);
    }
    const VisibleEdge *first = nullptr, *second = nullptr;
    for (const VisibleEdge &e : g->visibleGraph().edges) {
        if (std::set<qint64>{e.a, e.b} == std::set<qint64>{m_user, m_instance})
            first = &e;
        if (std::set<qint64>{e.a, e.b} == std::set<qint64>{m_instance, m_session})
            second = &e;
    }
    QVERIFY(first && first->onPath);
    QVERIFY(second && second->onPath);
    QVERIFY(g->edgeItem(m_user, m_instance)->edge().onPath);
    QVERIFY2(g->statusText().contains(QStringLiteral("shortest path of length 2")) ||
                 g->statusText().contains(QStringLiteral("shortest paths of length 2")),
             qPrintable(g->statusText()));

    // Paths add the nodes they need: from a graph with the instance collapsed.
    g->collapseNode(m_instance);
    g->findPaths(m_user, m_session);
    QVERIFY(waitGraph(*g));
    QVERIFY(g->visibleGraph().find(m_session));
    QVERIFY(g->visibleGraph().find(m_session)->onPath);
}

void TestGraph::exportSvgAndPng()
{
    GraphWidget *g = openGraph(EntityType::AwsUser, kUser);
    QVERIFY(g);
    const QString svg = m_dir.filePath(QStringLiteral("graph.svg"));
    const QString png = m_dir.filePath(QStringLiteral("graph.png"));
    QVERIFY(g->exportSvg(svg));
    QVERIFY(g->exportPng(png));
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QVERIFY(renderer.defaultSize().width() > 100);
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 100 && image.height() > 50);
}

void TestGraph::backKeepsGraphAndScopeReloads()
{
    GraphWidget *g = openGraph(EntityType::AwsUser, kUser);
    QVERIFY(g);
    g->expandNode(m_instance);
    QVERIFY(waitGraph(*g));
    const std::set<qint64> shown = entityIds(*g);
    // Another graph, then Back: the first graph as it was left.
    GraphWidget *other = openGraph(EntityType::IpAddress, kIp);
    QVERIFY(other && other != g);
    m_window->goBack();
    QVERIFY(testing::waitIdle(*m_window));
    GraphWidget *again = qobject_cast<GraphPage *>(m_window->currentPage())->graph();
    QCOMPARE(again, g);
    QVERIFY(g->state().isExpanded(m_instance));
    QCOMPARE(entityIds(*g), shown);

    // A scope time with no activity empties the neighbourhoods; the expansion is kept and
    // comes back with the whole case.
    CaseContext &context = m_window->context();
    context.setScope(context.caseFrom() - 48 * kHourMs, context.caseFrom() - 47 * kHourMs);
    QVERIFY(testing::waitIdle(*m_window));
    QVERIFY(g->state().isExpanded(m_instance));
    QVERIFY(entityIds(*g).size() < shown.size());
    context.setScopeToWholeCase();
    QVERIFY(testing::waitIdle(*m_window));
    QCOMPARE(entityIds(*g), shown);
}

void TestGraph::accountFilterNarrowsGraph()
{
    // The detonation ran in one account; its principals, keys and resources belong to it,
    // addresses and user agents to none.
    const QString account = QStringLiteral("017622104382");
    CaseContext &context = m_window->context();
    QVERIFY(context.accountFilter().isEmpty());
    GraphWidget *g = openGraph(EntityType::AwsUser, kUser);
    QVERIFY(g);
    auto *page = qobject_cast<GraphPage *>(m_window->currentPage());
    QVERIFY(page);
    g->expandNode(m_instance);
    QVERIFY(waitGraph(*g));
    const std::set<qint64> all = entityIds(*g);
    QVERIFY(page->accountNote().isEmpty());
    QCOMPARE(g->leftOutByAccount(), 0);
    std::set<qint64> withAccount; // neighbours that belong to an account
    for (const VisibleNode &n : g->visibleGraph().nodes)
        if (!n.isGroup() && !n.root && !n.node.entity.account.empty())
            withAccount.insert(n.id);
    QVERIFY(withAccount.size() < all.size() - 1); // and some to none
    std::set<qint64> userNeighbours;              // of those, the ones tied to the root
    for (const VisibleEdge &e : g->visibleGraph().edges) {
        if (e.a == m_user && withAccount.count(e.b))
            userNeighbours.insert(e.b);
        if (e.b == m_user && withAccount.count(e.a))
            userNeighbours.insert(e.a);
    }
    QVERIFY(!userNeighbours.empty());

    // Its own account: nothing is left out, but the page says the filter is on.
    context.setAccountFilter(account);
    QVERIFY(testing::waitIdle(*m_window));
    QCOMPARE(page->graph(), g);
    QCOMPARE(entityIds(*g), all);
    QCOMPARE(g->leftOutByAccount(), 0);
    QVERIFY(page->accountNote().contains(account));

    // Another account: every neighbour of the detonation's account goes (the root stays),
    // the expansion is kept, and the note counts what was left out.
    const QString other = QStringLiteral("999999999999");
    context.setAccountFilter(other);
    QVERIFY(testing::waitIdle(*m_window));
    QVERIFY(g->state().isExpanded(m_instance));
    const std::set<qint64> narrowed = entityIds(*g);
    QVERIFY(narrowed.size() < all.size());
    QVERIFY(narrowed.count(m_user));
    for (const VisibleNode &n : g->visibleGraph().nodes) {
        if (n.isGroup() || n.root)
            continue;
        QVERIFY2(n.node.entity.account.empty() || n.node.entity.account == other.toStdString(),
                 n.node.entity.key.c_str());
        QVERIFY(!withAccount.count(n.id));
    }
    // (What hung off a node left out goes with it, uncounted.)
    QVERIFY(g->leftOutByAccount() >= static_cast<int>(userNeighbours.size()));
    const QString note = page->accountNote();
    QVERIFY(note.contains(other));
    QVERIFY(note.contains(QString::number(g->leftOutByAccount())));
    bool shown = false;
    for (QLabel *label : page->findChildren<QLabel *>())
        shown = shown || (label->isVisible() && label->text() == note);
    QVERIFY(shown);

    // Every account again: the graph as it was.
    context.setAccountFilter(QString());
    QVERIFY(testing::waitIdle(*m_window));
    QCOMPARE(entityIds(*g), all);
    QCOMPARE(g->leftOutByAccount(), 0);
    QVERIFY(page->accountNote().isEmpty());
}

void TestGraph::screenshot()
{
    MainWindow window;
    window.resize(1360, 860);
    window.show();
    QVERIFY(testing::openAndWait(window, m_sample));
    window.navigate(Location::graph(EntityType::AwsUser, QStringLiteral("ci-deploy")));
    QVERIFY(testing::waitIdle(window));
    auto *page = qobject_cast<GraphPage *>(window.currentPage());
    QVERIFY(page && page->graph());
    GraphWidget *g = page->graph();
    QVERIFY(g->visibleGraph().nodes.size() > 3);
    // Expand the attacker's address, and select the user for the side panel.
    for (const VisibleNode &n : g->visibleGraph().nodes)
        if (n.type() == EntityType::IpAddress && n.node.entity.key == "203.0.113.77")
            g->expandNode(n.id);
    QVERIFY(testing::waitIdle(window));
    g->selectNode(g->rootId());
    QVERIFY(testing::waitIdle(window));
    g->view()->fitAll();
    QTest::qWait(50);
    const QString dir = QStringLiteral(SIGHTLINE_SCREENSHOT_DIR);
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(window.grab().save(dir + QStringLiteral("/graph.png")));
}

QTEST_MAIN(TestGraph)
#include "tst_graph.moc"
