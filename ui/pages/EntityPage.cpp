#include "EntityPage.h"

#include "PlainText.h"
#include "dialogs/RawRecordDialog.h"
#include "profile/ActivityPanel.h"
#include "profile/DetailsPanel.h"
#include "profile/DrillDownPanel.h"
#include "profile/EventsPanel.h"
#include "profile/FindingsPanel.h"
#include "profile/FlowPanel.h"
#include "profile/KubernetesPanel.h"
#include "profile/PeersPanel.h"
#include "profile/ProfileHeader.h"
#include "profile/RelationsPanel.h"
#include "queries/EntityEdges.h"
#include "queries/EntityProfile.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

namespace sightline::ui {

namespace {

bool hasFlows(EntityType t)
{
    return t == EntityType::Ec2Instance || t == EntityType::IpAddress;
}

bool mayHaveKubernetes(EntityType t)
{
    switch (t) {
    case EntityType::ContainerCluster:
    case EntityType::KubernetesSubject:
    case EntityType::ContainerPod:
    case EntityType::ContainerImage:
    case EntityType::AwsUser:
    case EntityType::AwsRole:
    case EntityType::AwsRoleSession:
    case EntityType::IpAddress:
        return true;
    default:
        return false;
    }
}

} // namespace

EntityPage::EntityPage(CaseContext &context, QWidget *parent) : Page(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_header = new ProfileHeader(context, this);
    layout->addWidget(m_header);

    // The entity belongs to another account than the filter's.
    auto *banner = new QFrame(this);
    banner->setObjectName(QStringLiteral("accountBanner"));
    banner->setFrameShape(QFrame::StyledPanel);
    banner->setStyleSheet(
        QStringLiteral("#accountBanner { background: #fff4d6; border: 1px solid #d9a400; }"
                       "#accountBanner QLabel { color: #4a3500; }"));
    auto *bannerLayout = new QHBoxLayout(banner);
    bannerLayout->setContentsMargins(8, 4, 8, 4);
    m_bannerText = plainLabel({}, banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clearAccount = new QPushButton(tr("Show every account"), banner);
    m_clearAccount->setToolTip(tr("Clear the account filter of the window"));
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_clearAccount);
    m_banner = banner;
    m_banner->hide();
    layout->addWidget(m_banner);
    connect(m_clearAccount, &QPushButton::clicked, this,
            [this] { m_context.setAccountFilter(QString()); });

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    auto *content = new QWidget(m_scroll);
    auto *panels = new QVBoxLayout(content);
    panels->setContentsMargins(8, 8, 8, 8);
    panels->setSpacing(10);
    m_details = new DetailsPanel(content);
    m_activity = new ActivityPanel(context, content);
    m_drill = new DrillDownPanel(context, content);
    m_flows = new FlowPanel(context, content);
    m_kubernetes = new KubernetesPanel(context, content);
    m_relations = new RelationsPanel(context, content);
    m_peers = new PeersPanel(context, content);
    m_findings = new FindingsPanel(context, content);
    m_events = new EventsPanel(context, content);
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_details, m_activity, m_drill, m_flows, m_kubernetes,
                                          m_relations, m_peers, m_findings, m_events})
        panels->addWidget(w);
    panels->addStretch(1);
    m_scroll->setWidget(content);
    layout->addWidget(m_scroll, 1);

    connect(m_flows, &FlowPanel::dataReady, m_flows, &QWidget::setVisible);
    connect(m_kubernetes, &KubernetesPanel::dataReady, m_kubernetes, &QWidget::setVisible);
    connect(m_findings, &FindingsPanel::dataReady, m_findings, &QWidget::setVisible);
    connect(m_events, &EventsPanel::dataReady, m_events, &QWidget::setVisible);
    connect(m_events, &EventsPanel::rawRecordRequested, this, &EntityPage::showRawRecord);
    clear();
}

QString EntityPage::title() const
{
    return m_label.isEmpty() ? location().key : m_label;
}

bool EntityPage::isLoading() const
{
    return m_profileSlot.busy || m_activity->busy() || m_drill->busy() || m_flows->busy() ||
           m_kubernetes->busy() || m_findings->busy() || m_events->busy();
}

void EntityPage::clear()
{
    ++m_profileSlot.latest;
    m_profileSlot.busy = false;
    m_label.clear();
    m_banner->hide();
    m_details->clearDetails();
    m_activity->clearChart();
    m_drill->clearTables();
    m_flows->clearFlows();
    m_kubernetes->clearCalls();
    m_relations->model()->clear();
    m_peers->clearLists();
    m_findings->clearFindings();
    m_events->clearEvents();
    for (QWidget *w : std::initializer_list<QWidget *>{m_drill, m_flows, m_kubernetes, m_relations,
                                                       m_peers, m_findings, m_events})
        w->hide();
}

void EntityPage::reload()
{
    const Location &l = location();
    const bool sameEntity = l.type == m_request.type && l.key == m_request.key;
    if (!sameEntity) {
        clear();
        m_scroll->verticalScrollBar()->setValue(0);
    }
    m_request.type = l.type;
    m_request.key = l.key;
    m_request.from = m_context.scopeFrom();
    m_request.to = m_context.scopeTo();
    m_request.account = m_context.accountFilter();
    if (m_request.account.isEmpty())
        m_banner->hide(); // else kept until the profile tells the entity's account
    m_header->showEntity(l.type, l.key, m_label);
    emit titleChanged();

    m_drill->prefetch(m_request);
    loadProfile();
    m_activity->load(m_request);
    if (hasFlows(l.type)) {
        m_flows->show();
        m_flows->load(m_request);
    }
    if (mayHaveKubernetes(l.type))
        m_kubernetes->load(m_request);
    m_findings->load(m_request);
    m_events->show();
    m_events->load(m_request);
}

void EntityPage::loadProfile()
{
    m_details->showLoading();
    for (ProfilePanel *p : std::initializer_list<ProfilePanel *>{m_drill, m_relations, m_peers})
        p->showLoading();
    const ProfileRequest request = m_request;
    m_context.runner().run<Loaded<ProfileData>>(
        this, m_profileSlot,
        [request](Database &db) {
            Loaded<ProfileData> out;
            auto entity = resolveEntity(db, request);
            if (!entity) {
                out.error = errorText(entity.error());
                return out;
            }
            ProfileOptions options;
            options.listLimit = 50;
            options.account = request.account.toStdString();
            auto profile = EntityProfile(db).load(entity->id, request.range(), options);
            if (!profile)
                out.error = errorText(profile.error());
            else
                out.value = std::move(*profile);
            return out;
        },
        [this, request](Loaded<ProfileData> &&result) {
            if (!result.ok()) {
                m_banner->hide();
                m_details->showError(result.error);
                for (ProfilePanel *p :
                     std::initializer_list<ProfilePanel *>{m_drill, m_relations, m_peers})
                    p->hide();
                return;
            }
            const ProfileData &p = result.value;
            showAccountBanner(qs(accountOf(p.entity)));
            m_label = qs(p.entity.label);
            m_header->setLabel(m_label);
            emit titleChanged();
            m_details->setProfile(p);
            m_drill->setProfile(p, request);
            m_drill->setVisible(m_drill->hasRows());
            m_relations->setProfile(p);
            m_relations->showNote(QString());
            m_relations->setVisible(m_relations->hasRows());
            m_peers->setProfile(p);
            m_peers->setVisible(m_peers->hasRows());
        },
        [this](const QString &message) { m_details->showError(message); });
}

void EntityPage::showAccountBanner(const QString &entityAccount)
{
    const QString filter = m_request.account;
    if (filter.isEmpty() || entityAccount.isEmpty() || entityAccount == filter) {
        m_banner->hide();
        return;
    }
    m_bannerText->setText(
        tr("This entity belongs to account %1; the account filter shows account %2. The "
           "lists below hold only what involves account %2, and the charts count every account.")
            .arg(entityAccount, filter));
    m_banner->show();
}

RawRecordDialog *EntityPage::showRawRecord(qint64 eventId)
{
    auto *dialog = new RawRecordDialog(m_context, eventId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace sightline::ui
