// The entity profile page: the API call chart against the Timeline query (and after a scope
// change and a drag), drilling from tables to other entities, the raw record dialog, a user
// agent holding HTML shown literally, a VPC flow profile with ticked rows, the item models
// under QAbstractItemModelTester, and screenshots of two sample-incident profiles. Profiles
// of Panther's test events are in tst_profile_panther.cpp.
#include "GuiTestSupport.h"
#include "LinkTableView.h"
#include "Roles.h"
#include "SightlineLink.h"
#include "dialogs/RawRecordDialog.h"
#include "models/RowModel.h"
#include "pages/EntityPage.h"
#include "profile/ActivityPanel.h"
#include "profile/DetailsPanel.h"
#include "profile/DrillDownPanel.h"
#include "profile/EventsPanel.h"
#include "profile/FindingsPanel.h"
#include "profile/FlowPanel.h"
#include "profile/PeersPanel.h"
#include "profile/ProfileHeader.h"
#include "profile/VolumeChart.h"
#include "queries/EntityLookup.h"
#include "queries/EventQuery.h"
#include "queries/FlowQuery.h"
#include "queries/RawRecordReader.h"
#include "queries/Timeline.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>

#include <memory>

using namespace sightline;
using namespace sightline::ui;

namespace {

const QString kUser = QStringLiteral("AIDASSXYG8SJ3JDII10C"); // christophe in 017622104382
const QString kIp = QStringLiteral("18.236.253.47");
const QString kInstance = QStringLiteral("i-01234567890123456"); // VPC flow docs example
const QString kHtmlAgent = QStringLiteral("<b>bold</b><img src=x onerror=alert(1)> agent/1.0");

// A CloudTrail record whose user agent is HTML.
QByteArray htmlAgentTrail()
{
    QJsonObject identity{
        {QStringLiteral("type"), QStringLiteral("IAMUser")},
        {QStringLiteral("principalId"), QStringLiteral("AIDAHTMLAGENTUSER0001")},
        {QStringLiteral("arn"), QStringLiteral("arn:aws:iam::999988887777:user/<i>mallory</i>")},
        {QStringLiteral("accountId"), QStringLiteral("999988887777")},
        {QStringLiteral("userName"), QStringLiteral("<i>mallory</i>")}};
    QJsonObject record{
        {QStringLiteral("eventVersion"), QStringLiteral("1.08")},
        {QStringLiteral("userIdentity"), identity},
        {QStringLiteral("eventTime"), QStringLiteral("2024-01-02T03:04:05Z")},
        {QStringLiteral("eventSource"), QStringLiteral("sts.amazonaws.com")},
        {QStringLiteral("eventName"), QStringLiteral("GetCallerIdentity")},
        {QStringLiteral("awsRegion"), QStringLiteral("us-east-1")},
        {QStringLiteral("sourceIPAddress"), QStringLiteral("198.51.100.99")},
        {QStringLiteral("userAgent"), kHtmlAgent},
        {QStringLiteral("eventID"), QStringLiteral("6f1d2c1e-0000-4000-8000-htmlagent001")},
        {QStringLiteral("eventType"), QStringLiteral("AwsApiCall")},
        {QStringLiteral("recipientAccountId"), QStringLiteral("999988887777")}};
    QJsonObject root{{QStringLiteral("Records"), QJsonArray{record}}};
    return QJsonDocument(root).toJson();
}

EntityPage *entityPage(MainWindow &w)
{
    return qobject_cast<EntityPage *>(w.page(Location::Page::Entity, EntityType::AwsUser));
}

// Selects the row of view whose column-0 key (or display text) is key; returns its index.
QModelIndex selectRow(QTableView *view, const QString &key)
{
    QAbstractItemModel *m = view->model();
    for (int r = 0; r < m->rowCount(); ++r) {
        const QModelIndex i = m->index(r, 0);
        if (i.data(EntityKeyRole).toString() == key || i.data().toString() == key) {
            view->setFocus();
            view->setCurrentIndex(i);
            return i;
        }
    }
    return {};
}

} // namespace

class TestProfile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case, m_sample;
    std::unique_ptr<MainWindow> m_window;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;

    bool open(EntityType type, const QString &key)
    {
        m_window->navigate(Location::entity(type, key));
        return testing::waitIdle(*m_window);
    }
    // Compares the API chart with the Timeline query over the chart's window.
    void compareChartWithTimeline(const QString &key);

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rowModelPassesTester();
    void userProfileMatchesTimeline();
    void drillDownOpensEntities();
    void scopeChangeAndDrag();
    void rawRecordDialog();
    void htmlUserAgentIsPlainText();
    void flowProfileTicksRows();
    void screenshots();
};

void TestProfile::initTestCase()
{
    testing::isolateSettings();
    QVERIFY(m_dir.isValid());
    const QString stratus = testing::sharedData(QStringLiteral("cloudtrail/stratus-red-team"));
    if (!QFileInfo::exists(stratus))
        QSKIP("the shared samples are not available");
    const QString html = m_dir.filePath(QStringLiteral("html-agent.json"));
    QFile f(html);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(htmlAgentTrail());
    f.close();
    m_case = m_dir.filePath(QStringLiteral("stratus.sightline"));
    QString error = testing::buildCase(
        m_case, {stratus, html,
                 testing::sharedData(QStringLiteral(
                     "derived/aws-docs-extracted/vpcflow_v3_tcpflags_examples.log"))});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_sample = m_dir.filePath(QStringLiteral("sample.sightline"));
    error = testing::buildCase(m_sample, {testing::sampleIncident()});
    QVERIFY2(error.isEmpty(), qPrintable(error));

    m_window = std::make_unique<MainWindow>();
    m_window->resize(1360, 860);
    m_window->show();
    QVERIFY(testing::openAndWait(*m_window, m_case));
}

void TestProfile::cleanupTestCase()
{
    m_testers.clear();
    m_window.reset();
}

void TestProfile::rowModelPassesTester()
{
    RowModel model({QStringLiteral("A"), QStringLiteral("B")});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<Row> rows;
    for (int i = 0; i < 5; ++i) {
        Row r;
        r.cells = {RowCell(QStringLiteral("row %1").arg(i)), numberCell(i * 10)};
        if (i % 2) {
            r.type = EntityType::IpAddress;
            r.key = QStringLiteral("10.0.0.%1").arg(i);
        }
        r.checkable = i < 3;
        rows.push_back(std::move(r));
    }
    model.setRows(rows);
    QVERIFY(model.setData(model.index(1, 0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.checkedRows(), std::vector<int>{1});
    QVERIFY(!model.setData(model.index(4, 0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.index(1, 0).data(EntityKeyRole).toString(), QStringLiteral("10.0.0.1"));
    QCOMPARE(model.index(3, 1).data(SortRole).toLongLong(), 30);
    model.appendRows(std::vector<Row>(2));
    QCOMPARE(model.rowCount(), 7);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestProfile::compareChartWithTimeline(const QString &key)
{
    EntityPage *page = entityPage(*m_window);
    VolumeChart *chart = page->activity()->chart();
    const ChartWindow window =
        chartWindow(m_window->context().scopeFrom(), m_window->context().scopeTo());
    QCOMPARE(chart->bucketCount(), window.count);
    QCOMPARE(chart->bucketStart(0), window.first);
    auto c =
        CaseFile::open(m_window->context().casePath().toStdString(), CaseFile::Access::ReadOnly);
    QVERIFY(c.ok());
    auto entity = EntityLookup(c->db()).resolve(page->location().type, key.toStdString());
    QVERIFY(entity.ok());
    TimeRange range;
    range.from = window.first;
    range.to = window.end();
    auto t = Timeline(c->db()).load(
        entity->id, window.bucketMs == 3600000 ? TimelineBucket::Hour : TimelineBucket::Day, range);
    QVERIFY(t.ok());
    std::vector<double> a(static_cast<size_t>(window.count)), b(a.size());
    for (const TimelinePoint &p : t->points) {
        const int i = window.index(p.start);
        QVERIFY(i >= 0 && i < window.count);
        a[static_cast<size_t>(i)] += t->fromPostings ? p.events : p.successes;
        b[static_cast<size_t>(i)] += t->fromPostings ? 0 : p.failures;
    }
    double total = 0;
    for (int i = 0; i < window.count; ++i) {
        QCOMPARE(chart->barValue(0, i), a[static_cast<size_t>(i)]);
        QCOMPARE(chart->barValue(1, i), b[static_cast<size_t>(i)]);
        total += a[static_cast<size_t>(i)] + b[static_cast<size_t>(i)];
    }
    QVERIFY(total > 0);
}

void TestProfile::userProfileMatchesTimeline()
{
    m_window->navigate(Location::entity(EntityType::AwsUser, kUser));
    EntityPage *page = entityPage(*m_window);
    QCOMPARE(m_window->currentPage(), page);
    QVERIFY(page->isLoading()); // the panels' jobs run off the GUI thread
    QVERIFY(testing::waitIdle(*m_window));
    QVERIFY(!page->isLoading());
    QCOMPARE(page->title(), QStringLiteral("christophe"));
    QCOMPARE(page->header()->titleLabel()->text(), QStringLiteral("christophe"));
    QCOMPARE(page->header()->keyLabel()->text(), kUser);
    QCOMPARE(page->details()->value(QStringLiteral("Account")), QStringLiteral("017622104382"));
    QVERIFY(page->details()->value(QStringLiteral("First seen")).startsWith(QLatin1String("20")));
    compareChartWithTimeline(kUser);

    // Panels with data are shown, the ones without hidden.
    QVERIFY(page->activity()->isVisibleTo(page));
    QVERIFY(page->peers()->isVisibleTo(page));
    QVERIFY(page->events()->isVisibleTo(page));
    QVERIFY(!page->flows()->isVisibleTo(page)); // a user has no flows
    QVERIFY(page->events()->model()->rowCount() > 0);

    // Copy link names this profile and scope.
    page->header()->copyButton()->click();
    QString error;
    const auto link = SightlineLink::parse(page->header()->link(), &error);
    QVERIFY2(link.has_value(), qPrintable(error));
    QCOMPARE(link->location.type, EntityType::AwsUser);
    QCOMPARE(link->location.key, kUser);
    QCOMPARE(*link->from, m_window->context().scopeFrom());

    // The live models keep the tester's rules through the rest of the suite.
    for (QAbstractItemModel *m :
         {static_cast<QAbstractItemModel *>(page->events()->model()),
          static_cast<QAbstractItemModel *>(page->drillDown()->model(0)),
          static_cast<QAbstractItemModel *>(page->drillDown()->model(1)),
          static_cast<QAbstractItemModel *>(page->drillDown()->model(2)),
          static_cast<QAbstractItemModel *>(page->flows()->model()),
          static_cast<QAbstractItemModel *>(page->peers()->model(PeersPanel::Ips))})
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            m, QAbstractItemModelTester::FailureReportingMode::QtTest));
}

void TestProfile::drillDownOpensEntities()
{
    QVERIFY(open(EntityType::AwsUser, kUser));
    EntityPage *page = entityPage(*m_window);
    DrillDownPanel *drill = page->drillDown();
    QVERIFY(drill->isVisibleTo(page));
    drill->setMode(DrillDownPanel::ByIp);
    QCOMPARE(drill->mode(), DrillDownPanel::ByIp);
    QVERIFY(selectRow(drill->table(0), kIp).isValid());
    QVERIFY(testing::waitIdle(*m_window));
    QVERIFY(drill->model(1)->rowCount() > 0); // the APIs called from that address
    drill->table(1)->setCurrentIndex(drill->table(1)->model()->index(0, 0));
    QVERIFY(drill->model(2)->rowCount() > 0); // their callers: christophe
    const QModelIndex caller = drill->table(2)->model()->index(0, 0);
    QCOMPARE(caller.data(EntityKeyRole).toString(), kUser);

    // Enter on an IP row of the first table opens that address's profile.
    QVERIFY(selectRow(drill->table(0), kIp).isValid());
    QTest::keyClick(drill->table(0), Qt::Key_Return);
    QVERIFY(testing::waitIdle(*m_window));
    QCOMPARE(m_window->currentPage()->location().type, EntityType::IpAddress);
    QCOMPARE(m_window->currentPage()->location().key, kIp);
    compareChartWithTimeline(kIp);
    // From the address, its callers: double-click christophe in the peers table.
    LinkTableView *callers = page->peers()->table(PeersPanel::Principals);
    QVERIFY(callers->isVisibleTo(page));
    const QModelIndex row = selectRow(callers, kUser);
    QVERIFY(row.isValid());
    emit callers->activated(row);
    QVERIFY(testing::waitIdle(*m_window));
    QCOMPARE(m_window->currentPage()->location().type, EntityType::AwsUser);
    QCOMPARE(m_window->currentPage()->location().key, kUser);
}

void TestProfile::scopeChangeAndDrag()
{
    QVERIFY(open(EntityType::AwsUser, kUser));
    EntityPage *page = entityPage(*m_window);
    VolumeChart *chart = page->activity()->chart();
    const int before = chart->bucketCount();
    // Narrow the scope to the day of christophe's first call.
    auto c = CaseFile::open(m_case.toStdString(), CaseFile::Access::ReadOnly);
    QVERIFY(c.ok());
    auto user = EntityLookup(c->db()).resolve(EntityType::AwsUser, kUser.toStdString());
    QVERIFY(user.ok());
    EventQuery q(c->db());
    EventFilter f;
    f.entities = {user->id};
    f.limit = 1;
    auto first = q.run(f);
    QVERIFY(first.ok() && !first->events.empty());
    const qint64 t0 = first->events.front().time;
    m_window->context().setScope(t0 - 6 * 3600000, t0 + 6 * 3600000);
    QVERIFY(testing::waitIdle(*m_window));
    QVERIFY(chart->bucketCount() != before);
    QCOMPARE(chart->bucketCount(),
             chartWindow(m_window->context().scopeFrom(), m_window->context().scopeTo()).count);
    compareChartWithTimeline(kUser);
    QVERIFY(!chart->inScope(0)); // context before the scope, greyed
    QVERIFY(!chart->inScope(chart->bucketCount() - 1));
    // The hover text of the first call's hour.
    const int hour = chartWindow(m_window->context().scopeFrom(), m_window->context().scopeTo())
                         .index(CaseContext::floorHour(t0));
    QVERIFY(chart->bucketText(hour).contains(QString::number(chart->barValue(0, hour), 'f', 0)));

    // Dragging across buckets narrows the scope to them.
    chart->selectBuckets(hour - 1, hour + 1);
    QCOMPARE(m_window->context().scopeFrom(), chart->bucketStart(hour - 1));
    QCOMPARE(m_window->context().scopeTo(), chart->bucketStart(hour + 1) + 3600000);
    QVERIFY(testing::waitIdle(*m_window));
    compareChartWithTimeline(kUser);
    // And with the mouse, over the plot area.
    const QRectF plot = chart->chart()->plotArea();
    const QPoint a(static_cast<int>(plot.left() + plot.width() * 0.2),
                   static_cast<int>(plot.center().y()));
    const QPoint b(static_cast<int>(plot.left() + plot.width() * 0.8), a.y());
    const qint64 scopeBefore = m_window->context().scopeTo() - m_window->context().scopeFrom();
    QTest::mousePress(chart->viewport(), Qt::LeftButton, {}, a);
    QTest::mouseMove(chart->viewport(), b);
    QTest::mouseRelease(chart->viewport(), Qt::LeftButton, {}, b);
    QVERIFY(testing::waitIdle(*m_window));
    QVERIFY(m_window->context().scopeTo() - m_window->context().scopeFrom() != scopeBefore);
    compareChartWithTimeline(kUser);
    m_window->context().setScopeToWholeCase();
    QVERIFY(testing::waitIdle(*m_window));
}

void TestProfile::rawRecordDialog()
{
    QVERIFY(open(EntityType::AwsUser, kUser));
    EntityPage *page = entityPage(*m_window);
    LinkTableView *events = page->events()->table();
    QVERIFY(events->model()->rowCount() > 0);
    const QModelIndex first = events->model()->index(0, 0);
    const qint64 id = first.data(EventIdRole).toLongLong();
    QVERIFY(id > 0);
    events->setFocus();
    events->setCurrentIndex(first);
    QTest::keyClick(events, Qt::Key_Enter);
    auto *dialog = page->findChild<RawRecordDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(!dialog->isLoading());

    auto c = CaseFile::open(m_case.toStdString(), CaseFile::Access::ReadOnly);
    QVERIFY(c.ok());
    auto raw = RawRecordReader(c->db()).fetch(id);
    QVERIFY(raw.ok());
    const QJsonObject record =
        QJsonDocument::fromJson(QByteArray::fromStdString(raw->text)).object();
    const QString eventId = record.value(QStringLiteral("eventID")).toString();
    QVERIFY(!eventId.isEmpty());
    QVERIFY(dialog->text().contains(QStringLiteral("\"eventID\": \"%1\"").arg(eventId)));
    QCOMPARE(dialog->sourcePath(), QString::fromStdString(raw->sourcePath));
    QVERIFY(dialog->sourceLabel()->text().contains(dialog->sourcePath()));
    QCOMPARE(dialog->sourceLabel()->textFormat(), Qt::PlainText);
    QVERIFY(dialog->sourcePath().contains(QLatin1String("stratus-red-team")));
    dialog->close();
}

void TestProfile::htmlUserAgentIsPlainText()
{
    QVERIFY(open(EntityType::UserAgent, kHtmlAgent));
    EntityPage *page = entityPage(*m_window);
    QLabel *title = page->header()->titleLabel();
    QCOMPARE(title->textFormat(), Qt::PlainText);
    QCOMPARE(title->text(), kHtmlAgent);
    // The caller's name holds HTML too: the tables show it as text.
    LinkTableView *callers = page->peers()->table(PeersPanel::Principals);
    QCOMPARE(callers->model()->index(0, 0).data().toString(), QStringLiteral("<i>mallory</i>"));
    QVERIFY(callers->model()
                ->index(0, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("&lt;i&gt;")));
}

void TestProfile::flowProfileTicksRows()
{
    // The flow records (2019-08-26 and 27) lie outside the CloudTrail events' time range,
    // which is what the case's range (and so the whole-case scope) covers.
    m_window->context().setScope(1566777600000, 1566950400000);
    QVERIFY(open(EntityType::Ec2Instance, kInstance));
    EntityPage *page = entityPage(*m_window);
    FlowPanel *flows = page->flows();
    QVERIFY2(flows->isVisibleTo(page), qPrintable(flows->statusLabel()->text() + QLatin1Char('|') +
                                                  page->details()->statusLabel()->text()));
    QVERIFY(flows->model()->rowCount() > 0);
    auto c = CaseFile::open(m_case.toStdString(), CaseFile::Access::ReadOnly);
    QVERIFY(c.ok());
    auto instance = EntityLookup(c->db()).resolve(EntityType::Ec2Instance, kInstance.toStdString());
    QVERIFY(instance.ok());
    FlowQuery q(c->db());
    auto hours = q.hourly(instance->id);
    QVERIFY(hours.ok());
    // The chart holds every hour's bytes in and out.
    VolumeChart *chart = flows->chart();
    double in = 0, out = 0, chartIn = 0, chartOut = 0;
    for (const FlowHour &h : *hours) {
        in += static_cast<double>(h.bytesReceived);
        out += static_cast<double>(h.bytesSent);
    }
    for (int i = 0; i < chart->bucketCount(); ++i) {
        chartIn += chart->barValue(0, i);
        chartOut += chart->barValue(1, i);
    }
    QCOMPARE(qRound64(chartIn), qRound64(in));
    QCOMPARE(qRound64(chartOut), qRound64(out));
    QCOMPARE(in, 23397117.0);
    // The table: remote 52.213.180.42 to local port 5001 over TCP.
    const QModelIndex row = flows->table()->model()->index(0, 0);
    QCOMPARE(row.data(EntityKeyRole).toString(), QStringLiteral("52.213.180.42"));
    QCOMPARE(flows->table()->model()->index(0, 1).data().toString(), QStringLiteral("5001"));
    QCOMPARE(flows->table()->model()->index(0, 3).data().toString(), QStringLiteral("TCP"));
    // Ticking the row plots its bytes per hour.
    QCOMPARE(chart->overlayCount(), 0);
    QVERIFY(flows->table()->model()->setData(row, Qt::Checked, Qt::CheckStateRole));
    QVERIFY(testing::waitIdle(*m_window));
    QCOMPARE(chart->overlayCount(), 1);
    double plotted = 0;
    for (int i = 0; i < chart->bucketCount(); ++i)
        plotted += chart->overlayValue(0, i);
    QCOMPARE(qRound64(plotted), qRound64(in + out));
    QVERIFY(flows->table()->model()->setData(row, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(testing::waitIdle(*m_window));
    QCOMPARE(chart->overlayCount(), 0);
    // Drill from the flow table to the remote address.
    flows->table()->setCurrentIndex(row);
    QTest::keyClick(flows->table(), Qt::Key_Return);
    QVERIFY(testing::waitIdle(*m_window));
    QCOMPARE(m_window->currentPage()->location().key, QStringLiteral("52.213.180.42"));
    QVERIFY(flows->isVisibleTo(page)); // the address's flows, seen from the other side
    QCOMPARE(flows->model()->index(0, 0).data(EntityKeyRole).toString(), kInstance);
    m_window->context().setScopeToWholeCase();
    QVERIFY(testing::waitIdle(*m_window));
}

void TestProfile::screenshots()
{
    const QString dir = QStringLiteral(SIGHTLINE_SCREENSHOT_DIR);
    QVERIFY(QDir().mkpath(dir));
    m_testers.clear();
    QVERIFY(testing::openAndWait(*m_window, m_sample));
    m_window->resize(1360, 860);
    auto c = CaseFile::open(m_sample.toStdString(), CaseFile::Access::ReadOnly);
    QVERIFY(c.ok());
    auto user = EntityLookup(c->db()).resolve(EntityType::AwsUser, "ci-deploy");
    QVERIFY(user.ok());
    const std::pair<EntityType, QString> shots[] = {
        {EntityType::AwsUser, QString::fromStdString(user->key)},
        {EntityType::Ec2Instance, QStringLiteral("i-0a1b2c3d4e5f67890")}};
    const QString names[] = {QStringLiteral("profile-user.png"),
                             QStringLiteral("profile-instance.png")};
    for (int i = 0; i < 2; ++i) {
        QVERIFY(open(shots[i].first, shots[i].second));
        QTest::qWait(50);
        const QPixmap shot = m_window->grab();
        QCOMPARE(shot.size(), QSize(1360, 860));
        QVERIFY(shot.save(dir + QLatin1Char('/') + names[i]));
        // And the lower half of the profile.
        EntityPage *page = entityPage(*m_window);
        // Whole times: no time cell of the relations and "seen with" tables is elided.
        int timeCells = 0;
        for (auto *view : page->findChildren<QTableView *>()) {
            if (view->objectName() != QLatin1String("relations") &&
                !view->objectName().startsWith(QLatin1String("peers")))
                continue;
            const int first = view->objectName() == QLatin1String("relations") ? 4 : 3;
            for (int r = 0; r < view->model()->rowCount(); ++r)
                for (int col = first; col < first + 2; ++col) {
                    const QString text = view->model()->index(r, col).data().toString();
                    QVERIFY2(text.endsWith(QLatin1String(" UTC")), qPrintable(text));
                    QVERIFY2(view->fontMetrics().horizontalAdvance(text) + 6 <=
                                 view->columnWidth(col),
                             qPrintable(view->objectName() + QLatin1Char(' ') + text));
                    ++timeCells;
                }
        }
        QVERIFY(timeCells > 10);
        auto *bar = page->scrollArea()->verticalScrollBar();
        bar->setValue(bar->maximum() / 2 + 300);
        QTest::qWait(20);
        QVERIFY(m_window->grab().save(
            dir + QLatin1Char('/') +
            QString(names[i]).replace(QLatin1String(".png"), QLatin1String("-lower.png"))));
        bar->setValue(0);
    }
}

QTEST_MAIN(TestProfile)
#include "tst_profile.moc"
