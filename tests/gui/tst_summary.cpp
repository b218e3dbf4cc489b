// The Summary page on the sample incident with the incident's findings and flow logs
// (IncidentExtras.h): counts that match the queries, principals and instances sorted with
// their sparklines, entity counts, sources by format; the scope and the account filter
// narrow it; the case's time range covers flow records outside the CloudTrail events' span.
// Every item model passes QAbstractItemModelTester.
#include "GuiTestSupport.h"
#include "IncidentExtras.h"
#include "Roles.h"
#include "pages/SummaryPage.h"
#include "queries/CaseInfo.h"
#include "widgets/Sparkline.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QLabel>
#include <QTemporaryDir>
#include <QToolButton>

#include <memory>

using namespace sightline;
using namespace sightline::ui;

class TestSummary : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    SummaryPage *page() const
    {
        return qobject_cast<SummaryPage *>(m_window->page(Location::Page::Summary));
    }
    static qint64 count(const QToolButton *b)
    {
        QString n = b->text().section(QLatin1Char('\n'), 0, 0);
        n.remove(QLatin1Char(','));
        return n.toLongLong();
    }

private slots:
    void initTestCase();
    void cleanupTestCase() { m_window.reset(); }
    void showsTheCase();
    void scopeNarrows();
    void accountFilterNarrows();
    void caseRangeCoversFlows();
};

void TestSummary::initTestCase()
{
    testing::isolateSettings();
    QVERIFY(m_dir.isValid());
    const QStringList extras = testing::writeIncidentExtras(m_dir.path());
    QCOMPARE(extras.size(), 2);
    const QString path = m_dir.filePath(QStringLiteral("incident.sightline"));
    const QString error = testing::buildCase(
        path, QStringList{testing::sampleIncident(),
                          testing::sharedData(QStringLiteral("securityhub-asff/asr-simdata"))} +
                  extras);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(testing::openAndWait(*m_window, path));
}

void TestSummary::showsTheCase()
{
    SummaryPage *p = page();
    QCOMPARE(m_window->currentPage(), p);
    QAbstractItemModelTester t1(p->principalsModel());
    QAbstractItemModelTester t2(p->instancesModel());
    QAbstractItemModelTester t3(p->entityTypesModel());
    QAbstractItemModelTester t4(p->sourcesModel());

    // Findings by severity: the six incident findings (3 high, 2 medium, 1 low) and the
    // Security Hub samples.
    qint64 high = count(p->severityButton(3));
    QVERIFY(high >= 3);
    QVERIFY(count(p->severityButton(2)) >= 2);
    QVERIFY(count(p->severityButton(1)) >= 1);

    // Principals: most calls first, each with a series.
    QAbstractItemModel *principals = p->principalsModel();
    QVERIFY(principals->rowCount() >= 5);
    for (int r = 1; r < principals->rowCount(); ++r)
        QVERIFY(principals->index(r - 1, 2).data(SortRole).toLongLong() >=
                principals->index(r, 2).data(SortRole).toLongLong());
    const auto series = principals->index(0, 4).data(SeriesRole).value<QList<qint64>>();
    QVERIFY(!series.isEmpty());
    qint64 sum = 0;
    for (qint64 v : series)
        sum += v;
    QCOMPARE(sum, principals->index(0, 2).data(SortRole).toLongLong());
    QVERIFY(principals->index(0, 0).data(EntityTypeRole).isValid());

    // Instances: the web server sent the most (the exfiltration).
    QAbstractItemModel *instances = p->instancesModel();
    QCOMPARE(instances->rowCount(), 3);
    QCOMPARE(instances->index(0, 0).data(EntityKeyRole).toString(),
             QStringLiteral("i-0a1b2c3d4e5f67890"));

    // Entities and sources match CaseInfo.
    auto file = CaseFile::open(m_window->context().casePath().toStdString());
    QVERIFY(file.ok());
    auto info = CaseInfo(file->db()).read(0);
    QVERIFY(info.ok());
    QCOMPARE(p->entityTypesModel()->rowCount(), int(info->entityCounts.size()));
    bool cloudTrail = false;
    for (int r = 0; r < p->sourcesModel()->rowCount(); ++r) {
        if (p->sourcesModel()->index(r, 0).data().toString().contains(QLatin1String("cloudtrail"),
                                                                      Qt::CaseInsensitive)) {
            QCOMPARE(p->sourcesModel()->index(r, 1).data(SortRole).toLongLong(), 141);
            cloudTrail = true;
        }
    }
    QVERIFY(cloudTrail);
}

void TestSummary::scopeNarrows()
{
    SummaryPage *p = page();
    CaseContext &c = m_window->context();
    const qint64 before = p->principalsModel()->index(0, 2).data(SortRole).toLongLong();
    const qint64 high = count(p->severityButton(3));
    // 02:00-03:00 on the incident day: the attack hour.
    c.setScope(1791943200000, 1791943200000 + kHourMs);
    QVERIFY(testing::waitIdle(*m_window));
    QVERIFY(p->principalsModel()->index(0, 2).data(SortRole).toLongLong() < before);
    QVERIFY(count(p->severityButton(3)) < high);
    QVERIFY(count(p->severityButton(3)) >= 2);
    c.setScopeToWholeCase();
    QVERIFY(testing::waitIdle(*m_window));
}

void TestSummary::accountFilterNarrows()
{
    SummaryPage *p = page();
    CaseContext &c = m_window->context();
    qint64 allEntities = 0;
    for (int r = 0; r < p->entityTypesModel()->rowCount(); ++r)
        allEntities += p->entityTypesModel()->index(r, 1).data(SortRole).toLongLong();
    c.setAccountFilter(QStringLiteral("444455556666"));
    QVERIFY(testing::waitIdle(*m_window));
    QCOMPARE(p->principalsModel()->rowCount(), 0);
    QCOMPARE(p->instancesModel()->rowCount(), 0);
    c.setAccountFilter(QStringLiteral("111122223333"));
    QVERIFY(testing::waitIdle(*m_window));
    QVERIFY(p->principalsModel()->rowCount() > 0);
    for (int r = 0; r < p->instancesModel()->rowCount(); ++r)
        QCOMPARE(p->instancesModel()->index(r, 1).data().toString(),
                 QStringLiteral("111122223333"));
    qint64 accountEntities = 0;
    for (int r = 0; r < p->entityTypesModel()->rowCount(); ++r)
        accountEntities += p->entityTypesModel()->index(r, 1).data(SortRole).toLongLong();
    QVERIFY(accountEntities > 0 && accountEntities < allEntities);
    c.setAccountFilter({});
    QVERIFY(testing::waitIdle(*m_window));
}

void TestSummary::caseRangeCoversFlows()
{
    // The incident's CloudTrail events end at 22:28; its flow records run until 23:51.
    const QStringList extras = testing::writeIncidentExtras(m_dir.path());
    QCOMPARE(extras.size(), 2);
    const QString path = m_dir.filePath(QStringLiteral("flows.sightline"));
    const QString error =
        testing::buildCase(path, QStringList{testing::sampleIncident(), extras.at(1)});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(testing::openAndWait(*m_window, path));
    const CaseContext &c = m_window->context();
    const qint64 day = QDateTime::fromString(QStringLiteral("2026-10-14T00:00:00Z"), Qt::ISODate)
                           .toMSecsSinceEpoch();
    QCOMPARE(c.caseFrom(), day);
    QCOMPARE(c.caseTo(), day + 24 * 3600000LL); // the 23:00 hour of the flows included
    QCOMPARE(c.scopeTo(), c.caseTo());          // "whole case"
    QVERIFY2(page()->rangeLabel()->text().contains(QStringLiteral("23:5")),
             qPrintable(page()->rangeLabel()->text()));
}

QTEST_MAIN(TestSummary)
#include "tst_summary.moc"
