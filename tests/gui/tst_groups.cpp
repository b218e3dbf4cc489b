// The finding groups page and one group's page, on the GuardDuty and Security Hub samples
// imported with the real importer: the table lists what FindingGroups builds, sorts, and
// opens a group whose graph and tables show its findings and entities.
#include "CaseFile.h"
#include "GuiTestSupport.h"
#include "Roles.h"
#include "graphview/FindingGroupsModel.h"
#include "graphview/GraphWidget.h"
#include "pages/GroupPage.h"
#include "pages/GroupsPage.h"
#include "widgets/LinkTableView.h"

#include <QAbstractItemModelTester>
#include <QStandardItemModel>
#include <QTemporaryDir>

using namespace sightline;
using namespace sightline::ui;

class TestGroups : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;

private slots:
    void initTestCase();
    void groupsPageListsFindingGroups();
};

void TestGroups::initTestCase()
{
    testing::isolateSettings();
    testing::useEnglish();
    QVERIFY(m_dir.isValid());
    m_case = m_dir.filePath(QStringLiteral("findings.sightline"));
    const QString error =
        testing::buildCase(m_case, {testing::sharedData(QStringLiteral("guardduty")),
                                    testing::sharedData(QStringLiteral("securityhub-asff"))});
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestGroups::groupsPageListsFindingGroups()
{
    MainWindow window;
    window.resize(1360, 860);
    window.show();
    QVERIFY(testing::openAndWait(window, m_case));
    window.navigate(Location::simple(Location::Page::Groups));
    QVERIFY(testing::waitIdle(window));
    auto *page = qobject_cast<GroupsPage *>(window.currentPage());
    QVERIFY(page);

    // The same groups as the query within the window's scope time.
    auto c = CaseFile::open(m_case.toStdString());
    QVERIFY(c.ok());
    FindingGroupOptions options;
    options.range = window.context().scope();
    auto expected = FindingGroups(c->db()).build(options);
    QVERIFY(expected.ok());
    QVERIFY2(!expected->empty(), "the samples hold no finding group");
    QCOMPARE(page->model()->rowCount(), int(expected->size()));
    QAbstractItemModelTester tester(page->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(page->table()->model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Sorted by severity, highest first; each row names its group.
    QAbstractItemModel *view = page->table()->model();
    for (int row = 1; row < view->rowCount(); ++row)
        QVERIFY(view->index(row - 1, 0).data(SortRole).toDouble() >=
                view->index(row, 0).data(SortRole).toDouble());
    page->table()->sortByColumn(FindingGroupsModel::FindingsColumn, Qt::DescendingOrder);
    for (int row = 1; row < view->rowCount(); ++row)
        QVERIFY(
            view->index(row - 1, FindingGroupsModel::FindingsColumn).data(SortRole).toLongLong() >=
            view->index(row, FindingGroupsModel::FindingsColumn).data(SortRole).toLongLong());
    const QString key = view->index(0, 0).data(FindingGroupsModel::GroupKeyRole).toString();
    QVERIFY(!key.isEmpty());
    qint64 findings =
        view->index(0, FindingGroupsModel::FindingsColumn).data(SortRole).toLongLong();
    qint64 entities =
        view->index(0, FindingGroupsModel::EntitiesColumn).data(SortRole).toLongLong();

    // Enter opens the group.
    page->table()->setFocus();
    page->table()->setCurrentIndex(view->index(0, 0));
    QTest::keyClick(page->table(), Qt::Key_Return);
    QVERIFY(testing::waitIdle(window));
    auto *group = qobject_cast<GroupPage *>(window.currentPage());
    QVERIFY(group);
    QCOMPARE(group->location().page, Location::Page::Group);
    QCOMPARE(group->location().key, key);
    QCOMPARE(group->findingsModel()->rowCount(), int(findings));
    QCOMPARE(group->entitiesModel()->rowCount(), int(entities));
    QAbstractItemModelTester findingsTester(group->findingsModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Its graph holds every finding, expanded, and the entities they involve.
    const VisibleGraph &graph = group->graph()->visibleGraph();
    int findingNodes = 0;
    for (const VisibleNode &n : graph.nodes)
        findingNodes += n.type() == EntityType::Finding ? 1 : 0;
    QVERIFY(findingNodes >= findings);
    QVERIFY(graph.nodes.size() > size_t(findings));
    // A finding row is a link to the finding.
    QCOMPARE(group->findingsModel()->index(0, 1).data(EntityTypeRole).toInt(),
             int(EntityType::Finding));
    QVERIFY(!group->findingsModel()->index(0, 1).data(EntityKeyRole).toString().isEmpty());
}

QTEST_MAIN(TestGroups)
#include "tst_groups.moc"
