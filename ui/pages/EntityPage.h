#pragma once
// An entity's profile (the investigator's window, "Entity profiles"): a header that stays
// visible (icon, name and key, scope time, Copy Link, Show in Graph) above scrolling panels:
// details, API call volume, drill-down tables, VPC flow volume, Kubernetes activity, resource
// interaction, the entities seen with it, associated findings and its events. Every panel
// loads in its own job off the GUI thread (the details, drill-down first table, peers and
// relations share the one profile job) and is hidden when it has nothing for this entity.
// The window's account filter narrows the lists (rows of other accounts are left out; rows of
// no account stay); charts it cannot narrow say so, and a banner tells when the entity itself
// belongs to another account, with a button that clears the filter.
#include "Page.h"
#include "profile/ProfilePanel.h"

class QLabel;
class QPushButton;
class QScrollArea;

namespace sightline::ui {

class ActivityPanel;
class DetailsPanel;
class DrillDownPanel;
class EventsPanel;
class FindingsPanel;
class FlowPanel;
class KubernetesPanel;
class PeersPanel;
class ProfileHeader;
class RawRecordDialog;
class RelationsPanel;

class EntityPage : public Page
{
    Q_OBJECT
public:
    explicit EntityPage(CaseContext &context, QWidget *parent = nullptr);
    QString title() const override;
    bool isLoading() const override;

    ProfileHeader *header() const { return m_header; }
    DetailsPanel *details() const { return m_details; }
    ActivityPanel *activity() const { return m_activity; }
    DrillDownPanel *drillDown() const { return m_drill; }
    FlowPanel *flows() const { return m_flows; }
    KubernetesPanel *kubernetes() const { return m_kubernetes; }
    RelationsPanel *relations() const { return m_relations; }
    PeersPanel *peers() const { return m_peers; }
    FindingsPanel *findings() const { return m_findings; }
    EventsPanel *events() const { return m_events; }
    QScrollArea *scrollArea() const { return m_scroll; }
    // The banner over the panels when the entity belongs to another account than the account
    // filter's, and its button that clears the filter.
    QWidget *accountBanner() const { return m_banner; }
    QLabel *accountBannerLabel() const { return m_bannerText; }
    QPushButton *clearAccountButton() const { return m_clearAccount; }
    bool profileLoading() const { return m_profileSlot.busy; }
    // Opens the raw record of an event (what activating an event row does).
    RawRecordDialog *showRawRecord(qint64 eventId);

protected:
    void reload() override;
    void clear() override;

private:
    void loadProfile();
    void showAccountBanner(const QString &entityAccount);

    ProfileRequest m_request;
    QString m_label;
    JobSlot m_profileSlot;
    ProfileHeader *m_header = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_clearAccount = nullptr;
    QScrollArea *m_scroll = nullptr;
    DetailsPanel *m_details = nullptr;
    ActivityPanel *m_activity = nullptr;
    DrillDownPanel *m_drill = nullptr;
    FlowPanel *m_flows = nullptr;
    KubernetesPanel *m_kubernetes = nullptr;
    RelationsPanel *m_relations = nullptr;
    PeersPanel *m_peers = nullptr;
    FindingsPanel *m_findings = nullptr;
    EventsPanel *m_events = nullptr;
};

} // namespace sightline::ui
