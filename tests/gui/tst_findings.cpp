// The Findings page, a finding's page and the Accounts page on real samples (GuardDuty,
// Security Hub and Stratus Red Team CloudTrail from ../shared/data): the table holds what
// FindingQuery counts, sorts by severity, filters; a finding shows its raw JSON and its
// entities; opening an entity from it sets the scope to the finding's window; the account
// filter narrows the table. Every item model passes QAbstractItemModelTester.
#include "GuiTestSupport.h"
#include "Roles.h"
#include "models/FindingTableModel.h"
#include "pages/AccountsPage.h"
#include "pages/FindingPage.h"
#include "pages/FindingsPage.h"
#include "pages/SummaryPage.h"
#include "queries/FindingQuery.h"
#include "widgets/LinkTableView.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>

#include <memory>

using namespace sightline;
using namespace sightline::ui;

class TestFindings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;
    std::unique_ptr<MainWindow> m_window;

    FindingsPage *findingsPage() const
    {
        return qobject_cast<FindingsPage *>(m_window->page(Location::Page::Findings));
    }
    ui::FindingPage *findingPage() const
    {
        return qobject_cast<ui::FindingPage *>(
            m_window->page(Location::Page::Entity, EntityType::Finding));
    }
    // FindingQuery's count over the window's scope (no account filter).
    qint64 queryTotal(bool archived)
    {
        auto file = CaseFile::open(m_case.toStdString());
        if (!file.ok())
            return -1;
        FindingFilter f;
        f.range = m_window->context().scope();
        f.archived = archived;
        f.limit = 1;
        auto page = FindingQuery(file->db()).list(f);
        return page.ok() ? page->total : -1;
    }
    void showFindings()
    {
        m_window->navigate(Location::simple(Location::Page::Findings));
        QVERIFY(testing::waitIdle(*m_window));
    }

private slots:
    void initTestCase();
    void cleanupTestCase() { m_window.reset(); }
    void tableMatchesFindingQuery();
    void sortsBySeverity();
    void filtersNarrow();
    void summaryButtonOpensFilteredFindings();
    void openingFindingShowsRawJsonAndEntities();
    void entityFromFindingUsesItsWindow();
    void accountFilterNarrowsFindings();
};

void TestFindings::initTestCase()
{
    testing::isolateSettings();
    QVERIFY(m_dir.isValid());
    m_case = m_dir.filePath(QStringLiteral("findings.sightline"));
    const QString error = testing::buildCase(
        m_case, {testing::sharedData(QStringLiteral("guardduty")),
                 testing::sharedData(QStringLiteral("securityhub-asff")),
                 testing::sharedData(QStringLiteral("cloudtrail/stratus-red-team"))});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(testing::openAndWait(*m_window, m_case));
}

void TestFindings::tableMatchesFindingQuery()
{
    showFindings();
    FindingsPage *page = findingsPage();
    QAbstractItemModelTester modelTester(page->model());
    QAbstractItemModelTester proxyTester(page->proxy());
    page->archivedBox()->setChecked(true);
    const qint64 all = queryTotal(true);
    QVERIFY(all > 10);
    QCOMPARE(page->model()->rowCount(), all);
    QCOMPARE(page->proxy()->rowCount(), all);
    QCOMPARE(page->total(), all);
    page->archivedBox()->setChecked(false);
    QCOMPARE(page->proxy()->rowCount(), queryTotal(false));
    page->archivedBox()->setChecked(true);
}

void TestFindings::sortsBySeverity()
{
    showFindings();
    FindingsPage *page = findingsPage();
    auto label = [&](int row) {
        const QModelIndex source = page->proxy()->mapToSource(page->proxy()->index(row, 0));
        return page->model()->row(source.row()).summary.severityLabel;
    };
    const int rows = page->proxy()->rowCount();
    QVERIFY(rows > 2);
    page->view()->sortByColumn(FindingTableModel::Severity, Qt::AscendingOrder);
    for (int r = 1; r < rows; ++r)
        QVERIFY(label(r - 1) <= label(r));
    QVERIFY(label(0) < label(rows - 1)); // several severities
    page->view()->sortByColumn(FindingTableModel::Severity, Qt::DescendingOrder);
    for (int r = 1; r < rows; ++r)
        QVERIFY(label(r - 1) >= label(r));
    // Other columns sort too (by time, not by text).
    page->view()->sortByColumn(FindingTableModel::LastSeen, Qt::AscendingOrder);
    for (int r = 1; r < rows; ++r)
        QVERIFY(
            page->proxy()->index(r - 1, FindingTableModel::LastSeen).data(SortRole).toLongLong() <=
            page->proxy()->index(r, FindingTableModel::LastSeen).data(SortRole).toLongLong());
    page->view()->sortByColumn(FindingTableModel::Severity, Qt::DescendingOrder);
}

void TestFindings::filtersNarrow()
{
    showFindings();
    FindingsPage *page = findingsPage();
    const int all = page->proxy()->rowCount();
    page->textFilter()->setText(QStringLiteral("guardduty"));
    const int guardDuty = page->proxy()->rowCount();
    QVERIFY(guardDuty > 0 && guardDuty < all);
    for (int r = 0; r < guardDuty; ++r) {
        const QModelIndex source = page->proxy()->mapToSource(page->proxy()->index(r, 0));
        QVERIFY(page->model()
                    ->searchText(source.row())
                    .contains(QLatin1String("guardduty"), Qt::CaseInsensitive));
    }
    page->textFilter()->clear();
    QCOMPARE(page->proxy()->rowCount(), all);

    // "High or higher".
    QComboBox *box = page->severityBox();
    box->setCurrentIndex(box->findText(QStringLiteral("High or higher")));
    const int high = page->proxy()->rowCount();
    QVERIFY(high > 0 && high < all);
    for (int r = 0; r < high; ++r) {
        const QModelIndex source = page->proxy()->mapToSource(page->proxy()->index(r, 0));
        QVERIFY(page->model()->row(source.row()).summary.severityLabel >= 3);
    }
    box->setCurrentIndex(0);
    QCOMPARE(page->proxy()->rowCount(), all);
}

void TestFindings::summaryButtonOpensFilteredFindings()
{
    m_window->navigate(Location::summary());
    QVERIFY(testing::waitIdle(*m_window));
    auto *summary = qobject_cast<SummaryPage *>(m_window->currentPage());
    QVERIFY(summary);
    QToolButton *medium = summary->severityButton(2);
    const qint64 shown =
        medium->text().section(QLatin1Char('\n'), 0, 0).remove(QLatin1Char(',')).toLongLong();
    QVERIFY(shown > 0);
    QTest::mouseClick(medium, Qt::LeftButton);
    QVERIFY(testing::waitIdle(*m_window));
    QCOMPARE(m_window->currentPage(), findingsPage());
    FindingsPage *page = findingsPage();
    QCOMPARE(page->proxy()->severityMinimum(), 2);
    QVERIFY(page->proxy()->severityExact());
    page->archivedBox()->setChecked(false); // the summary counts active findings
    QCOMPARE(page->proxy()->rowCount(), shown);
    page->archivedBox()->setChecked(true);
    page->severityBox()->setCurrentIndex(0);
}

void TestFindings::openingFindingShowsRawJsonAndEntities()
{
    showFindings();
    FindingsPage *list = findingsPage();
    // The first GuardDuty finding with involved resources.
    list->textFilter()->setText(QStringLiteral("GuardDuty"));
    int row = -1;
    for (int r = 0; r < list->proxy()->rowCount() && row < 0; ++r) {
        const QModelIndex s = list->proxy()->mapToSource(list->proxy()->index(r, 0));
        if (list->model()->row(s.row()).involved > 0)
            row = r;
    }
    QVERIFY(row >= 0);
    const QString key = list->proxy()->index(row, 0).data(EntityKeyRole).toString();
    list->view()->setFocus();
    list->view()->setCurrentIndex(list->proxy()->index(row, 0));
    QTest::keyClick(list->view(), Qt::Key_Return);
    QVERIFY(testing::waitIdle(*m_window));
    list->textFilter()->clear();

    ui::FindingPage *page = findingPage();
    QCOMPARE(m_window->currentPage(), page);
    QCOMPARE(page->location().key, key);
    QAbstractItemModelTester involvedTester(page->involvedModel());
    QAbstractItemModelTester versionsTester(page->versionsModel());
    QVERIFY(!page->titleLabel()->text().isEmpty());
    QCOMPARE(page->titleLabel()->textFormat(), Qt::PlainText);
    const QString raw = page->rawView()->toPlainText();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(raw.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(doc.isObject());
    QVERIFY(raw.contains(QLatin1String("\n    \""))); // pretty-printed
    QVERIFY(page->rawView()->isReadOnly());
    QVERIFY(page->involvedModel()->rowCount() > 0);
    QVERIFY(page->versionsModel()->rowCount() >= 1);
    QVERIFY(page->windowTo() > page->windowFrom());
    QCOMPARE(page->windowFrom() % kHourMs, 0);
    QCOMPARE(page->windowTo() % kHourMs, 0);
    // The link names the finding and its window.
    QVERIFY(page->link().startsWith(QLatin1String("sightline://open?")));
    QVERIFY(page->link().contains(QLatin1String("type=Finding")));
}

void TestFindings::entityFromFindingUsesItsWindow()
{
    ui::FindingPage *page = findingPage();
    QCOMPARE(m_window->currentPage(), page);
    const qint64 from = page->windowFrom(), to = page->windowTo();
    QAbstractItemModel *involved = page->involvedModel();
    const auto type = static_cast<EntityType>(involved->index(0, 0).data(EntityTypeRole).toInt());
    const QString key = involved->index(0, 0).data(EntityKeyRole).toString();
    page->involvedView()->setFocus();
    page->involvedView()->setCurrentIndex(involved->index(0, 0));
    QTest::keyClick(page->involvedView(), Qt::Key_Return);
    QVERIFY(testing::waitIdle(*m_window));
    CaseContext &c = m_window->context();
    QCOMPARE(c.scopeFrom(), from);
    QCOMPARE(c.scopeTo(), to);
    QCOMPARE(c.findingFrom(), from);
    QCOMPARE(c.findingTo(), to);
    QVERIFY(!c.findingTitle().isEmpty());
    QCOMPARE(m_window->currentPage()->location().page, Location::Page::Entity);
    QCOMPARE(m_window->currentPage()->location().type, type);
    QCOMPARE(m_window->currentPage()->location().key, key);
    c.setScopeToWholeCase();
}

void TestFindings::accountFilterNarrowsFindings()
{
    showFindings();
    FindingsPage *page = findingsPage();
    const int all = page->proxy()->rowCount();
    const QString account = page->model()->index(0, FindingTableModel::Account).data().toString();
    QVERIFY(!account.isEmpty());

    // Selecting the account on the Accounts page sets the filter.
    m_window->navigate(Location::simple(Location::Page::Accounts));
    QVERIFY(testing::waitIdle(*m_window));
    auto *accounts = qobject_cast<AccountsPage *>(m_window->currentPage());
    QVERIFY(accounts);
    QAbstractItemModelTester accountsTester(accounts->model());
    QVERIFY(accounts->model()->rowCount() > 1);
    QModelIndex target;
    for (int r = 0; r < accounts->view()->model()->rowCount(); ++r) {
        const QModelIndex i = accounts->view()->model()->index(r, 0);
        if (i.data(EntityKeyRole).toString() == account)
            target = i;
    }
    QVERIFY(target.isValid());
    // Showing the page chose nothing; a click on the account does.
    QVERIFY(m_window->context().accountFilter().isEmpty());
    accounts->view()->scrollTo(target);
    QTest::mouseClick(accounts->view()->viewport(), Qt::LeftButton, {},
                      accounts->view()->visualRect(target).center());
    QCOMPARE(m_window->context().accountFilter(), account);

    showFindings();
    const int narrowed = page->proxy()->rowCount();
    QVERIFY(narrowed > 0 && narrowed < all);
    for (int r = 0; r < narrowed; ++r)
        QCOMPARE(page->proxy()->index(r, FindingTableModel::Account).data().toString(), account);

    m_window->context().setAccountFilter({});
    QVERIFY(testing::waitIdle(*m_window));
    QCOMPARE(page->proxy()->rowCount(), all);
}

QTEST_MAIN(TestFindings)
#include "tst_findings.moc"
