#include "FindingPage.h"

#include "EntityStyle.h"
#include "PlainText.h"
#include "SightlineLink.h"
#include "TimeText.h"
#include "models/Format.h"
#include "models/RowTableModel.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace sightline::ui {

namespace {

struct Loaded
{
    Result<FindingDetail> detail = Error{};
};

QTableView *makeTable(QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideMiddle);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

QVariant timeCell(qint64 ms, int role)
{
    if (role == Qt::DisplayRole)
        return TimeText::dateTime(ms);
    if (role == SortRole)
        return ms;
    return {};
}

// Pretty JSON when the text is one JSON value, else the text as it is.
QString prettyJson(const std::string &raw)
{
    const QByteArray bytes = QByteArray::fromStdString(raw);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return QString::fromUtf8(bytes);
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

} // namespace

FindingPage::FindingPage(CaseContext &context, QWidget *parent) : Page(context, parent)
{
    auto *layout = new QVBoxLayout(this);

    // Header: severity badge, title, actions.
    auto *header = new QHBoxLayout;
    m_severity = plainLabel({}, this);
    m_severity->setAlignment(Qt::AlignCenter);
    m_severity->setMinimumWidth(110);
    header->addWidget(m_severity, 0, Qt::AlignTop);
    m_title = plainLabel({}, this);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    header->addWidget(m_title, 1);
    m_copyLink = new QPushButton(tr("Copy Link"), this);
    m_copyLink->setToolTip(tr("Copy a sightline:// link to this finding within its window"));
    m_graph = new QPushButton(tr("Show in Graph"), this);
    m_graph->setToolTip(tr("Show the finding and its entities in the relationship graph"));
    header->addWidget(m_copyLink, 0, Qt::AlignTop);
    header->addWidget(m_graph, 0, Qt::AlignTop);
    layout->addLayout(header);
    m_status = plainLabel({}, this);
    layout->addWidget(m_status);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    layout->addWidget(splitter, 1);

    // Details.
    auto *details = new QWidget(splitter);
    m_form = new QFormLayout(details);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_type = addField(tr("Type:"));
    m_description = addField(tr("Description:"));
    m_description->setWordWrap(true);
    m_product = addField(tr("Product:"));
    m_account = addField(tr("Account:"));
    m_region = addField(tr("Region:"));
    m_first = addField(tr("First seen:"));
    m_last = addField(tr("Last seen:"));
    m_count = addField(tr("Count:"));
    m_archived = addField(tr("Archived:"));
    m_key = addField(tr("Finding ID:"));
    m_key->setWordWrap(true);
    auto *scroll = new QScrollArea(splitter);
    scroll->setWidget(details);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    splitter->addWidget(scroll);

    // Involved entities, raw JSON, versions.
    m_tabs = new QTabWidget(splitter);
    m_involved = new RowTableModel<FindingInvolved>(
        {
            {tr("Entity"),
             [](const FindingInvolved &r, int role) -> QVariant {
                 switch (role) {
                 case Qt::DisplayRole:
                     return qs(r.entity.label.empty() ? r.entity.key : r.entity.label);
                 case Qt::DecorationRole:
                     return typeIcon(r.entity.type);
                 case EntityTypeRole:
                     return static_cast<int>(r.entity.type);
                 case EntityKeyRole:
                     return qs(r.entity.key);
                 case Qt::ToolTipRole:
                     return tr("Open within the finding's window (Enter or double-click)");
                 }
                 return {};
             }},
            {tr("Type"),
             [](const FindingInvolved &r, int role) {
                 return role == Qt::DisplayRole ? QVariant(typeDisplayName(r.entity.type))
                                                : QVariant();
             }},
            {tr("Key"),
             [](const FindingInvolved &r, int role) {
                 return role == Qt::DisplayRole ? QVariant(qs(r.entity.key)) : QVariant();
             }},
            {tr("Account"),
             [](const FindingInvolved &r, int role) {
                 return role == Qt::DisplayRole ? QVariant(qs(r.entity.account)) : QVariant();
             }},
            {tr("Versions"),
             [](const FindingInvolved &r, int role) -> QVariant {
                 if (role == Qt::DisplayRole)
                     return countText(r.count);
                 if (role == SortRole)
                     return qint64(r.count);
                 return {};
             },
             kNumberAlignment, tr("Versions of the finding that involved the entity")},
        },
        this);
    m_involvedView = makeTable(m_tabs);
    m_involvedView->setModel(m_involved);
    m_involvedView->horizontalHeader()->resizeSection(0, 260);
    m_involvedView->horizontalHeader()->resizeSection(1, 130);
    m_involvedView->horizontalHeader()->resizeSection(2, 420);
    connect(m_involvedView, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) { openInvolved(index.row()); });
    m_tabs->addTab(m_involvedView, tr("Involved Entities"));

    m_raw = new QPlainTextEdit(m_tabs);
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_raw, tr("Raw Finding"));

    m_versions = new RowTableModel<FindingVersion>(
        {
            {tr("Updated"),
             [](const FindingVersion &v, int role) { return timeCell(v.updatedAt, role); }},
            {tr("Shown"),
             [](const FindingVersion &v, int role) {
                 return role == Qt::DisplayRole && v.kept ? QVariant(tr("yes")) : QVariant();
             }},
            {tr("Source file"),
             [](const FindingVersion &v, int role) {
                 return role == Qt::DisplayRole ? QVariant(qs(v.sourcePath)) : QVariant();
             }},
            {tr("Line"),
             [](const FindingVersion &v, int role) -> QVariant {
                 if (role == Qt::DisplayRole)
                     return v.line > 0 ? QString::number(v.line)
                                       : tr("@%1").arg(v.offset); // byte offset
                 if (role == SortRole)
                     return qint64(v.line);
                 return {};
             },
             kNumberAlignment},
        },
        this);
    m_versionsView = makeTable(m_tabs);
    m_versionsView->setModel(m_versions);
    m_versionsView->horizontalHeader()->resizeSection(0, 190);
    m_versionsView->horizontalHeader()->resizeSection(2, 520);
    m_tabs->addTab(m_versionsView, tr("Versions"));
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    connect(m_copyLink, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(link());
        emit m_context.statusMessage(tr("Link copied: %1").arg(link()));
    });
    connect(m_graph, &QPushButton::clicked, this, [this] {
        if (!location().key.isEmpty()) {
            setFindingWindow();
            m_context.navigate(Location::graph(EntityType::Finding, location().key));
        }
    });
    connect(&context, &CaseContext::timeDisplayChanged, this, [this] {
        if (m_versions->rowCount() > 0)
            emit m_versions->dataChanged(m_versions->index(0, 0),
                                         m_versions->index(m_versions->rowCount() - 1, 0));
    });
    clear();
}

QLabel *FindingPage::addField(const QString &name)
{
    QLabel *value = plainLabel({}, this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(name, value);
    return value;
}

QString FindingPage::title() const
{
    return m_titleText.isEmpty() ? tr("Finding") : m_titleText;
}

QAbstractItemModel *FindingPage::involvedModel() const
{
    return m_involved;
}

QAbstractItemModel *FindingPage::versionsModel() const
{
    return m_versions;
}

void FindingPage::clear()
{
    m_titleText.clear();
    m_windowFrom = m_windowTo = 0;
    m_severity->clear();
    m_severity->setStyleSheet({});
    m_title->clear();
    m_status->clear();
    for (QLabel *l : {m_type, m_product, m_account, m_region, m_first, m_last, m_count, m_archived,
                      m_key, m_description})
        l->clear();
    m_raw->clear();
    m_involved->setRows({});
    m_versions->setRows({});
    m_copyLink->setEnabled(false);
    m_graph->setEnabled(false);
}

void FindingPage::reload()
{
    const std::string key = location().key.toStdString();
    m_status->setText(tr("Loading…"));
    m_context.runner().run<Loaded>(
        this, m_slot,
        [key](Database &db) {
            Loaded l;
            FindingQuery q(db);
            auto ref = q.resolve(key);
            if (!ref.ok())
                l.detail = ref.error();
            else
                l.detail = q.detail(ref->id, true);
            return l;
        },
        [this](Loaded &&l) {
            if (!l.detail.ok()) {
                clear();
                m_status->setText(
                    l.detail.error().code == ErrorCode::NotFound
                        ? tr("There is no finding %1 in this case.").arg(location().key)
                        : tr("Cannot read the finding: %1").arg(qs(l.detail.error().detail)));
                emit titleChanged();
                return;
            }
            show(std::move(*l.detail));
        },
        [this](const QString &message) { m_status->setText(message); });
}

void FindingPage::show(FindingDetail &&d)
{
    const FindingSummary &s = d.summary;
    m_status->clear();
    const QColor color = severityColor(s.severityLabel);
    m_severity->setText(
        QStringLiteral("%1\n%2").arg(severityName(s.severityLabel)).arg(s.severity));
    m_severity->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: %2; border-radius: 4px; padding: 6px; "
                       "font-weight: bold; }")
            .arg(color.name(),
                 color.lightnessF() > 0.6 ? QStringLiteral("black") : QStringLiteral("white")));
    m_titleText = qs(s.title.empty() ? s.type : s.title);
    m_title->setText(m_titleText);
    m_type->setText(qs(s.type));
    m_product->setText(qs(s.product));
    m_account->setText(qs(s.account));
    m_region->setText(qs(s.region));
    m_first->setText(TimeText::dateTime(s.seen.first ? s.seen.first : s.updatedAt));
    m_last->setText(TimeText::dateTime(s.seen.last ? s.seen.last : s.updatedAt));
    m_count->setText(countText(s.count));
    m_archived->setText(s.archived ? tr("yes") : tr("no"));
    m_key->setText(qs(s.finding.key));
    QString description;
    if (!d.attrs.empty()) {
        const QJsonDocument attrs = QJsonDocument::fromJson(QByteArray::fromStdString(d.attrs));
        description = attrs.object().value(QLatin1String("description")).toString();
    }
    m_description->setText(description.isEmpty() ? tr("(none)") : description);

    const qint64 first = s.seen.first ? s.seen.first : s.updatedAt;
    const qint64 last = std::max<qint64>(s.seen.last ? s.seen.last : s.updatedAt, first);
    m_windowFrom = CaseContext::floorHour(first);
    m_windowTo = CaseContext::ceilHour(last + 1);
    setFindingWindow();

    m_raw->setPlainText(d.raw.empty() ? tr("(The raw record is not available.)")
                                      : prettyJson(d.raw));
    m_tabs->setTabText(0, tr("Involved Entities (%1)").arg(d.involved.size()));
    m_tabs->setTabText(2, tr("Versions (%1)").arg(d.versions.size()));
    m_involved->setRows(std::move(d.involved));
    m_versions->setRows(std::move(d.versions));
    m_copyLink->setEnabled(true);
    m_graph->setEnabled(true);
    emit titleChanged();
}

void FindingPage::setFindingWindow()
{
    if (m_windowTo > m_windowFrom)
        m_context.setFindingWindow(m_windowFrom, m_windowTo, m_titleText);
}

void FindingPage::openInvolved(int row)
{
    if (row < 0 || row >= m_involved->rowCount())
        return;
    const EntityRef &e = m_involved->row(row).entity;
    if (m_windowTo > m_windowFrom) {
        setFindingWindow();
        m_context.setScope(m_windowFrom, m_windowTo);
    }
    m_context.navigate(Location::entity(e.type, qs(e.key)));
}

QString FindingPage::link() const
{
    SightlineLink l;
    l.casePath = m_context.casePath();
    l.location = Location::entity(EntityType::Finding, location().key);
    if (m_windowTo > m_windowFrom) {
        l.from = m_windowFrom;
        l.to = m_windowTo;
    }
    return l.toUrl().toString(QUrl::FullyEncoded);
}

} // namespace sightline::ui
