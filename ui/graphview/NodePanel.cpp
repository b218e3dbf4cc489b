#include "NodePanel.h"

#include "EntityStyle.h"
#include "GraphItems.h"
#include "PlainText.h"
#include "Roles.h"
#include "TimeText.h"
#include "queries/EntityProfile.h"

#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace sightline::ui {

namespace {

struct PanelData
{
    QString error;
    SeenSpan seen;
    qint64 successes = 0, failures = 0;
    std::vector<Neighbor> findings;
    qint64 findingTotal = 0;
};

} // namespace

NodePanel::NodePanel(CaseContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_icon(new QLabel(this)), m_type(plainLabel()),
      m_title(plainLabel()), m_key(plainLabel()), m_details(plainLabel()),
      m_findingsTitle(plainLabel(tr("Findings"))), m_findings(new QListWidget(this)),
      m_open(new QPushButton(tr("Open Profile"), this)),
      m_expand(new QPushButton(tr("Expand"), this)), m_pin(new QPushButton(tr("Pin"), this)),
      m_hide(new QPushButton(tr("Hide"), this)),
      m_members(new QPushButton(tr("Show Members…"), this))
{
    setMinimumWidth(230);
    setMaximumWidth(380);
    auto *layout = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    head->addWidget(m_icon);
    head->addWidget(m_type, 1);
    layout->addLayout(head);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    for (QLabel *l : {m_title, m_key, m_details}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(l);
    }
    m_key->setStyleSheet(QStringLiteral("color: #555"));
    auto *buttons = new QGridLayout;
    buttons->addWidget(m_open, 0, 0);
    buttons->addWidget(m_expand, 0, 1);
    buttons->addWidget(m_pin, 1, 0);
    buttons->addWidget(m_hide, 1, 1);
    buttons->addWidget(m_members, 2, 0, 1, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_findingsTitle);
    layout->addWidget(m_findings, 1);
    m_findings->setIconSize(QSize(12, 12));
    connect(m_findings, &QListWidget::itemActivated, this, &NodePanel::openFinding);
    connect(m_open, &QPushButton::clicked, this, [this] { emit openRequested(m_id); });
    connect(m_expand, &QPushButton::clicked, this,
            [this] { m_expanded ? emit collapseRequested(m_id) : emit expandRequested(m_id); });
    connect(m_pin, &QPushButton::clicked, this, [this] { emit pinRequested(m_id); });
    connect(m_hide, &QPushButton::clicked, this, [this] { emit hideRequested(m_id); });
    connect(m_members, &QPushButton::clicked, this, [this] { emit membersRequested(m_id); });
    showNode(nullptr);
}

void NodePanel::showNode(const VisibleNode *node, bool pinned, const NeighborhoodFilter &filter)
{
    ++m_slot.latest;
    m_slot.busy = false;
    m_findings->clear();
    m_details->clear();
    const bool entity = node && !node->isGroup();
    m_id = node ? node->id : 0;
    m_expanded = node && node->expanded;
    for (QWidget *w : {static_cast<QWidget *>(m_open), static_cast<QWidget *>(m_expand),
                       static_cast<QWidget *>(m_pin), static_cast<QWidget *>(m_findings),
                       static_cast<QWidget *>(m_findingsTitle)})
        w->setVisible(entity);
    m_members->setVisible(node && node->isGroup());
    m_hide->setVisible(node && !node->root);
    if (!node) {
        m_icon->clear();
        m_type->setText(tr("Nothing selected"));
        m_title->setText(tr("Select a node to see its details. Double-click expands it; "
                            "Ctrl+click a second node to find the paths between them."));
        m_key->clear();
        return;
    }
    m_icon->setPixmap(typePixmap(node->type(), 24));
    m_type->setText(typeDisplayName(node->type()));
    m_title->setText(NodeItem::labelFor(*node));
    m_expand->setText(node->expanded ? tr("Collapse") : tr("Expand"));
    m_pin->setText(pinned ? tr("Unpin") : tr("Pin"));
    if (node->isGroup()) {
        m_key->clear();
        m_details->setText(
            tr("%1 more neighbours of this type%2. Open the table to add some of them to the "
               "graph.")
                .arg(QLocale().toString(node->groupCount),
                     node->groupPartial ? tr(" (at least)") : QString()));
        return;
    }
    m_key->setText(qs(node->node.entity.key));
    QString details;
    if (node->node.severity >= 0)
        details = tr("Severity: %1").arg(severityName(node->node.severity)) + QLatin1Char('\n');
    m_details->setText(details + tr("Loading…"));
    const qint64 id = node->id;
    m_context.runner().run<PanelData>(
        this, m_slot,
        [id, filter](Database &db) {
            PanelData out;
            ProfileOptions options;
            options.listLimit = 1;
            options.peerScanCap = 20000;
            auto profile = EntityProfile(db).load(id, filter.range, options);
            if (!profile) {
                out.error = qs(profile.error().detail);
                return out;
            }
            out.seen = profile->seen;
            out.successes = profile->successes;
            out.failures = profile->failures;
            auto findings = NeighborhoodQuery(db).members(id, EntityType::Finding, filter,
                                                          NeighborSort::LastSeen, 0, 50);
            if (findings) {
                out.findings = std::move(findings->rows);
                out.findingTotal = findings->total;
            }
            return out;
        },
        [this, details](PanelData &&d) {
            if (!d.error.isEmpty()) {
                m_details->setText(details + d.error);
                return;
            }
            QString text = details;
            const QLocale locale;
            if (d.seen.first != 0) {
                text +=
                    tr("First seen: %1").arg(TimeText::dateTime(d.seen.first)) + QLatin1Char('\n');
                text +=
                    tr("Last seen: %1").arg(TimeText::dateTime(d.seen.last)) + QLatin1Char('\n');
            } else {
                text += tr("Not seen within the scope time.") + QLatin1Char('\n');
            }
            if (d.successes + d.failures > 0)
                text += tr("API calls: %1 (%2 failed)")
                            .arg(locale.toString(d.successes + d.failures),
                                 locale.toString(d.failures)) +
                        QLatin1Char('\n');
            m_details->setText(text.trimmed());
            m_findingsTitle->setText(tr("Findings (%1)").arg(locale.toString(d.findingTotal)));
            for (const Neighbor &f : d.findings) {
                const int severity = qMax(0, f.node.severity);
                QPixmap dot(12, 12);
                dot.fill(severityColor(severity));
                const QString title =
                    qs(f.node.entity.label.empty() ? f.node.entity.key : f.node.entity.label);
                auto *item = new QListWidgetItem(QIcon(dot), severityName(severity) +
                                                                 QStringLiteral(" — ") + title);
                item->setData(EntityTypeRole, int(EntityType::Finding));
                item->setData(EntityKeyRole, qs(f.node.entity.key));
                item->setToolTip(plainToolTip(title));
                m_findings->addItem(item);
            }
        });
}

void NodePanel::openFinding(QListWidgetItem *item)
{
    const QString key = item->data(EntityKeyRole).toString();
    if (!key.isEmpty())
        m_context.navigate(Location::entity(EntityType::Finding, key));
}

QString NodePanel::detailText() const
{
    return m_type->text() + QLatin1Char('\n') + m_title->text() + QLatin1Char('\n') +
           m_key->text() + QLatin1Char('\n') + m_details->text();
}

int NodePanel::findingCount() const
{
    return m_findings->count();
}

} // namespace sightline::ui
