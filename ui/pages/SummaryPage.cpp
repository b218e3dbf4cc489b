#include "SummaryPage.h"

#include "EntityStyle.h"
#include "PlainText.h"
#include "TimeText.h"
#include "models/Format.h"
#include "models/RowTableModel.h"
#include "widgets/LinkTableView.h"
#include "widgets/Sparkline.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace sightline::ui {

namespace {

constexpr int kTop = 8;
constexpr int kSeriesBuckets = 48;

QString entityText(const EntityRef &e)
{
    return qs(e.label.empty() ? e.key : e.label);
}

QVariant entityCell(const SummaryEntity &s, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        return entityText(s.entity);
    case Qt::DecorationRole:
        return typeIcon(s.entity.type);
    case Qt::ToolTipRole:
        return plainToolTip(typeDisplayName(s.entity.type) + QLatin1Char('\n') + qs(s.entity.key));
    case EntityTypeRole:
        return static_cast<int>(s.entity.type);
    case EntityKeyRole:
        return qs(s.entity.key);
    }
    return {};
}

QVariant number(qint64 n, int role)
{
    if (role == Qt::DisplayRole)
        return countText(n);
    if (role == SortRole)
        return n;
    return {};
}

QVariant bytes(qint64 n, int role)
{
    if (role == Qt::DisplayRole)
        return bytesText(n);
    if (role == SortRole)
        return n;
    return {};
}

QVariant series(const SummaryEntity &s, int role)
{
    if (role == SeriesRole)
        return QVariant::fromValue(QList<qint64>(s.series.begin(), s.series.end()));
    if (role == SortRole)
        return qint64(s.a + s.b);
    return {};
}

QGroupBox *box(const QString &title, QWidget *parent)
{
    auto *group = new QGroupBox(title, parent);
    new QVBoxLayout(group);
    return group;
}

void setupTable(LinkTableView *view)
{
    view->setSortingEnabled(false);
    view->setAlternatingRowColors(false);
    view->setShowGrid(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
}

} // namespace

SummaryPage::SummaryPage(CaseContext &context, QWidget *parent) : Page(context, parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(16, 12, 16, 12);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(12);

    m_header = plainLabel({}, content);
    QFont big = m_header->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_header->setFont(big);
    m_range = plainLabel({}, content);
    m_range->setWordWrap(true);
    m_status = plainLabel({}, content);
    grid->addWidget(m_header, 0, 0, 1, 2);
    grid->addWidget(m_range, 1, 0, 1, 2);
    grid->addWidget(m_status, 2, 0, 1, 2);

    // Findings by severity: one button each, critical first.
    QGroupBox *findings = box(tr("Findings in the scope time"), content);
    auto *tiles = new QHBoxLayout;
    for (int label = 4; label >= 0; --label) {
        auto *button = new QToolButton(findings);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setMinimumSize(120, 56);
        button->setCursor(Qt::PointingHandCursor);
        button->setAutoRaise(false);
        const QColor c = severityColor(label);
        button->setStyleSheet(
            QStringLiteral("QToolButton { border: 1px solid %1; border-left: 6px solid %1; "
                           "border-radius: 4px; padding: 4px 10px; font-weight: bold; }"
                           "QToolButton:hover { background: %2; }")
                .arg(c.name(), c.lighter(185).name()));
        button->setToolTip(tr("Show the %1 findings").arg(severityName(label).toLower()));
        connect(button, &QToolButton::clicked, this, [this, label] {
            m_context.navigate({Location::Page::Findings, EntityType::AwsAccount,
                                QStringLiteral("severity=%1").arg(label)});
        });
        m_severity[size_t(label)] = button;
        tiles->addWidget(button);
    }
    tiles->addStretch(1);
    findings->layout()->addItem(tiles);
    m_findingsNote = plainLabel({}, findings);
    findings->layout()->addWidget(m_findingsNote);
    grid->addWidget(findings, 3, 0, 1, 2);

    // Principals and instances.
    using SE = RowTableModel<SummaryEntity>;
    m_principals = new SE(
        {
            {tr("Principal"), entityCell},
            {tr("Type"),
             [](const SummaryEntity &s, int role) {
                 return role == Qt::DisplayRole ? QVariant(typeDisplayName(s.entity.type))
                                                : QVariant();
             }},
            {tr("API calls"),
             [](const SummaryEntity &s, int role) { return number(s.a + s.b, role); },
             kNumberAlignment},
            {tr("Failed"), [](const SummaryEntity &s, int role) { return number(s.b, role); },
             kNumberAlignment},
            {tr("Activity"), series, Qt::AlignLeft | Qt::AlignVCenter,
             tr("API calls over the scope time")},
        },
        this);
    m_instances = new SE(
        {
            {tr("Instance"), entityCell},
            {tr("Account"),
             [](const SummaryEntity &s, int role) {
                 return role == Qt::DisplayRole ? QVariant(qs(s.entity.account)) : QVariant();
             }},
            {tr("Bytes in"), [](const SummaryEntity &s, int role) { return bytes(s.a, role); },
             kNumberAlignment},
            {tr("Bytes out"), [](const SummaryEntity &s, int role) { return bytes(s.b, role); },
             kNumberAlignment},
            {tr("Traffic"), series, Qt::AlignLeft | Qt::AlignVCenter,
             tr("VPC flow bytes over the scope time")},
        },
        this);
    auto addTop = [&](const QString &title, SE *model, LinkTableView *&view, QLabel *&note,
                      QColor color, int column) {
        QGroupBox *group = box(title, content);
        view = new LinkTableView(context, group);
        view->setModel(model);
        setupTable(view);
        view->setItemDelegateForColumn(4, new SparklineDelegate(color, view));
        QHeaderView *header = view->horizontalHeader();
        header->setStretchLastSection(false);
        header->setSectionResizeMode(0, QHeaderView::Stretch);
        header->setSectionResizeMode(4, QHeaderView::Fixed);
        header->resizeSection(4, 130);
        group->layout()->addWidget(view);
        note = plainLabel({}, group);
        note->setWordWrap(true);
        group->layout()->addWidget(note);
        grid->addWidget(group, 4, column);
    };
    addTop(tr("Principals with the most API calls"), m_principals, m_principalsView,
           m_principalsNote, typeColor(EntityType::AwsUser), 0);
    addTop(tr("Instances with the most traffic"), m_instances, m_instancesView, m_instancesNote,
           typeColor(EntityType::Ec2Instance), 1);

    // Entities by type and sources by format.
    m_types = new RowTableModel<std::pair<EntityType, int64_t>>(
        {
            {tr("Entity type"),
             [](const std::pair<EntityType, int64_t> &r, int role) -> QVariant {
                 if (role == Qt::DisplayRole)
                     return typePluralName(r.first);
                 if (role == Qt::DecorationRole)
                     return typeIcon(r.first);
                 return {};
             }},
            {tr("Count"),
             [](const std::pair<EntityType, int64_t> &r, int role) {
                 return number(r.second, role);
             },
             kNumberAlignment},
        },
        this);
    m_formats = new RowTableModel<FormatRow>(
        {
            {tr("Format"),
             [](const FormatRow &r, int role) {
                 return role == Qt::DisplayRole ? QVariant(r.format) : QVariant();
             }},
            {tr("Files"), [](const FormatRow &r, int role) { return number(r.files, role); },
             kNumberAlignment},
            {tr("Records"), [](const FormatRow &r, int role) { return number(r.records, role); },
             kNumberAlignment},
            {tr("New events"), [](const FormatRow &r, int role) { return number(r.events, role); },
             kNumberAlignment},
            {tr("Errors"), [](const FormatRow &r, int role) { return number(r.errors, role); },
             kNumberAlignment},
        },
        this);
    auto addSmall = [&](const QString &title, QAbstractItemModel *model, LinkTableView *&view,
                        int column) {
        QGroupBox *group = box(title, content);
        view = new LinkTableView(context, group);
        view->setModel(model);
        setupTable(view);
        group->layout()->addWidget(view);
        grid->addWidget(group, 5, column, Qt::AlignTop);
    };
    addSmall(tr("Entities"), m_types, m_typesView, 0);
    addSmall(tr("Sources"), m_formats, m_formatsView, 1);
    connect(m_formatsView, &LinkTableView::rowActivated, this,
            [this] { m_context.navigate(Location::simple(Location::Page::Sources)); });
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(6, 1);
    clear();
}

SummaryPage::~SummaryPage() = default;

QString SummaryPage::title() const
{
    return tr("Summary");
}

QAbstractItemModel *SummaryPage::principalsModel() const
{
    return m_principals;
}
QAbstractItemModel *SummaryPage::instancesModel() const
{
    return m_instances;
}
QAbstractItemModel *SummaryPage::entityTypesModel() const
{
    return m_types;
}
QAbstractItemModel *SummaryPage::sourcesModel() const
{
    return m_formats;
}

void SummaryPage::clear()
{
    m_header->setText(m_context.hasCase() ? QFileInfo(m_context.casePath()).fileName()
                                          : tr("No case is open"));
    m_range->setText(m_context.hasCase()
                         ? QString()
                         : tr("Open a case (File ▸ Open Case…) or drop evidence files on the "
                              "window to import them into a new case."));
    m_status->clear();
    for (int label = 0; label < 5; ++label)
        m_severity[size_t(label)]->setText(severityName(label));
    m_findingsNote->clear();
    m_principalsNote->clear();
    m_instancesNote->clear();
    m_principals->setRows({});
    m_instances->setRows({});
    m_types->setRows({});
    m_formats->setRows({});
}

void SummaryPage::reload()
{
    SummaryFilter filter;
    filter.range = m_context.scope();
    filter.account = m_context.accountFilter().toStdString();
    filter.topPrincipals = kTop;
    filter.topInstances = kTop;
    filter.seriesBuckets = kSeriesBuckets;
    m_status->setText(tr("Loading…"));
    m_context.runner().run<Loaded>(
        this, m_slot,
        [filter](Database &db) {
            Loaded l;
            l.overview = CaseInfo(db).read(0);
            l.summary = CaseSummary(db).load(filter);
            return l;
        },
        [this](Loaded &&l) { show(std::move(l)); },
        [this](const QString &message) { m_status->setText(message); });
}

void SummaryPage::show(Loaded &&l)
{
    if (!l.overview.ok() || !l.summary.ok()) {
        m_status->setText(
            tr("Cannot read the case: %1")
                .arg(qs(l.overview.ok() ? l.summary.error().detail : l.overview.error().detail)));
        return;
    }
    const CaseOverview &o = *l.overview;
    const CaseSummaryData &s = *l.summary;
    m_header->setText(QFileInfo(m_context.casePath()).fileName());
    QString range = o.events == 0 && o.firstTime == 0
                        ? tr("The case holds no events yet.")
                        : tr("Data from %1 to %2 · %3 events from %4 files")
                              .arg(TimeText::dateTime(o.firstTime), TimeText::dateTime(o.lastTime),
                                   countText(o.events), countText(qint64(o.sources.size())));
    range += QLatin1Char('\n') + tr("Scope time: %1 to %2")
                                     .arg(TimeText::hour(m_context.scopeFrom()),
                                          TimeText::hour(m_context.scopeTo()) + QLatin1Char(' ') +
                                              TimeText::zoneName());
    if (!m_context.accountFilter().isEmpty())
        range += QStringLiteral(" · ") + tr("Account %1 only").arg(m_context.accountFilter());
    m_range->setText(range);
    m_status->clear();

    for (int label = 0; label < 5; ++label)
        m_severity[size_t(label)]->setText(QStringLiteral("%1\n%2").arg(
            countText(s.findingsBySeverity[size_t(label)]), severityName(label)));
    m_findingsNote->setText(s.archivedFindings > 0
                                ? tr("Active findings: %1 (archived findings not counted: %2).")
                                      .arg(countText(s.findings), countText(s.archivedFindings))
                                : tr("Active findings: %1.").arg(countText(s.findings)));

    m_principals->setRows(s.principals);
    m_instances->setRows(s.instances);
    m_principalsNote->setText(s.principals.empty()
                                  ? tr("No API calls in the scope time.")
                                  : tr("Double-click a principal to open its profile."));
    m_instancesNote->setText(s.instances.empty()
                                 ? tr("No VPC flow traffic of instances in the scope time.")
                                 : tr("Double-click an instance to open its profile."));
    m_types->setRows(s.entityCounts);

    QMap<QString, FormatRow> byFormat;
    for (const SourceInfo &src : o.sources) {
        const QString format = !src.format.empty()                   ? qs(src.format)
                               : src.status == SourceStatus::Skipped ? tr("(skipped)")
                                                                     : tr("(unreadable)");
        FormatRow &r = byFormat[format];
        r.format = format;
        ++r.files;
        r.records += src.records;
        r.events += src.newEvents;
        r.errors += src.errors;
    }
    m_formats->setRows(std::vector<FormatRow>(byFormat.begin(), byFormat.end()));
    for (LinkTableView *v : {m_principalsView, m_instancesView, m_typesView, m_formatsView})
        v->updateGeometry();
}

} // namespace sightline::ui
