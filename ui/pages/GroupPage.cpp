#include "GroupPage.h"

#include "EntityStyle.h"
#include "PlainText.h"
#include "Roles.h"
#include "TimeText.h"
#include "graphview/FindingGroupsModel.h"
#include "graphview/GraphWidget.h"
#include "widgets/LinkTableView.h"

#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QVBoxLayout>

#include <map>

namespace sightline::ui {

struct GroupPage::Loaded
{
    QString error;
    bool found = false;
    FindingGroup group;
    std::vector<EntityRef> entities;
};

namespace {

constexpr size_t kMaxEntities = 2000;

QStandardItem *textItem(const QString &text, const QVariant &sort = {})
{
    auto *item = new QStandardItem(text);
    item->setData(sort.isValid() ? sort : QVariant(text), SortRole);
    item->setToolTip(plainToolTip(text));
    return item;
}

} // namespace

GroupPage::GroupPage(CaseContext &context, QWidget *parent)
    : Page(context, parent), m_heading(plainLabel()), m_summary(plainLabel()),
      m_graph(new GraphWidget(context, this)), m_tabs(new QTabWidget(this)),
      m_findings(new QStandardItemModel(this)), m_entities(new QStandardItemModel(this)),
      m_findingsView(new LinkTableView(context, this)),
      m_entitiesView(new LinkTableView(context, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 2);
    QFont font = m_heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    m_heading->setFont(font);
    m_summary->setWordWrap(true);
    layout->addWidget(m_heading);
    layout->addWidget(m_summary);
    m_findings->setSortRole(SortRole);
    m_entities->setSortRole(SortRole);
    m_findings->setHorizontalHeaderLabels(
        {tr("Severity"), tr("Finding"), tr("Type"), tr("First seen"), tr("Last seen")});
    m_entities->setHorizontalHeaderLabels({tr("Entity"), tr("Type"), tr("Findings")});
    m_findingsView->setModel(m_findings);
    m_findingsView->setEntityColumn(1);
    m_findingsView->setColumnWidth(1, 320);
    m_findingsView->setColumnWidth(2, 260);
    m_entitiesView->setModel(m_entities);
    m_entitiesView->setColumnWidth(0, 360);
    m_tabs->addTab(m_findingsView, tr("Findings"));
    m_tabs->addTab(m_entitiesView, tr("Entities"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_graph);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
}

QString GroupPage::title() const
{
    return m_title.isEmpty() ? tr("Finding group") : m_title;
}

bool GroupPage::isLoading() const
{
    return m_slot.busy || m_graph->isBusy();
}

void GroupPage::clear()
{
    m_graph->clearGraph();
    m_findings->removeRows(0, m_findings->rowCount());
    m_entities->removeRows(0, m_entities->rowCount());
    m_heading->clear();
    m_summary->clear();
    m_title.clear();
}

void GroupPage::reload()
{
    const qint64 key = location().key.toLongLong();
    m_summary->setText(tr("Loading…"));
    FindingGroupOptions options;
    options.range = m_context.scope();
    m_context.runner().run<Loaded>(
        this, m_slot,
        [key, options](Database &db) {
            Loaded out;
            auto groups = FindingGroups(db).build(options);
            if (!groups) {
                out.error = qs(groups.error().detail);
                return out;
            }
            for (FindingGroup &g : *groups) {
                for (const GroupedFinding &f : g.findings) {
                    if (f.finding.id == key) {
                        out.group = std::move(g);
                        out.found = true;
                        break;
                    }
                }
                if (out.found)
                    break;
            }
            if (!out.found)
                return out;
            EntityLookup lookup(db);
            for (size_t i = 0; i < out.group.entities.size() && i < kMaxEntities; ++i) {
                auto ref = lookup.byId(out.group.entities[i]);
                if (ref && ref->valid())
                    out.entities.push_back(*ref);
            }
            return out;
        },
        [this](Loaded &&r) {
            if (!r.found) {
                clear();
                m_heading->setText(tr("Finding group"));
                m_summary->setText(r.error.isEmpty()
                                       ? tr("No finding group holds this finding within the "
                                            "scope time.")
                                       : tr("Cannot build the finding groups: %1").arg(r.error));
                emit titleChanged();
                return;
            }
            show(r.group, r.entities);
        });
}

void GroupPage::show(const FindingGroup &g, const std::vector<EntityRef> &entities)
{
    const QLocale locale;
    m_title = tr("Group: %1").arg(qs(g.title));
    m_heading->setText(tr("%1 finding group: %2").arg(severityName(g.severityLabel), qs(g.title)));
    QString summary = tr("%1 findings and %2 entities, %3 to %4.")
                          .arg(locale.toString(qint64(g.findings.size())),
                               locale.toString(qint64(g.entities.size())),
                               TimeText::dateTime(g.span.first), TimeText::dateTime(g.span.last));
    const QString tactics = FindingGroupsModel::tacticsText(g);
    if (!tactics.isEmpty())
        summary += QLatin1Char(' ') + tr("ATT&CK tactics: %1.").arg(tactics);
    m_summary->setText(summary);
    m_heading->setStyleSheet(
        QStringLiteral("color: %1").arg(severityColor(g.severityLabel).name()));

    m_findings->removeRows(0, m_findings->rowCount());
    std::vector<qint64> findingIds;
    for (const GroupedFinding &f : g.findings) {
        findingIds.push_back(f.finding.id);
        auto *severity =
            textItem(severityName(f.severityLabel), f.severityLabel * 1000.0 + f.severity);
        severity->setForeground(severityColor(f.severityLabel));
        const QString title = qs(f.finding.label.empty() ? f.finding.key : f.finding.label);
        auto *finding = textItem(title);
        finding->setIcon(typeIcon(EntityType::Finding));
        finding->setData(int(EntityType::Finding), EntityTypeRole);
        finding->setData(qs(f.finding.key), EntityKeyRole);
        m_findings->appendRow({severity, finding, textItem(qs(f.type)),
                               textItem(TimeText::dateTime(f.window.first), qint64(f.window.first)),
                               textItem(TimeText::dateTime(f.window.last), qint64(f.window.last))});
    }
    std::map<int64_t, int64_t> shared;
    for (const SharedEntity &s : g.shared)
        shared[s.entity.id] = s.findings;
    m_entities->removeRows(0, m_entities->rowCount());
    for (const EntityRef &e : entities) {
        const QString key = qs(e.key), label = qs(e.label);
        auto *entity = textItem(label.isEmpty() || label == key
                                    ? key
                                    : label + QStringLiteral(" (") + key + QLatin1Char(')'));
        entity->setIcon(typeIcon(e.type));
        entity->setData(int(e.type), EntityTypeRole);
        entity->setData(key, EntityKeyRole);
        const auto it = shared.find(e.id);
        const qint64 count = it == shared.end() ? 1 : it->second;
        auto *findings = textItem(locale.toString(count), count);
        findings->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_entities->appendRow({entity, textItem(typeDisplayName(e.type)), findings});
    }
    m_findingsView->sortByColumn(0, Qt::DescendingOrder);
    m_entitiesView->sortByColumn(2, Qt::DescendingOrder);
    m_tabs->setTabText(0, tr("Findings (%1)").arg(locale.toString(m_findings->rowCount())));
    m_tabs->setTabText(1, tr("Entities (%1)").arg(locale.toString(m_entities->rowCount())));
    m_graph->showEntities(findingIds, true);
    emit titleChanged();
}

} // namespace sightline::ui
