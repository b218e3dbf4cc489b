#pragma once
// Drill-down tables, as in Amazon Detective: pick a row in the first table, then in the
// second, to see the third. Views: by observed IP address → API → caller; by API → IP
// address → access key; by access key or resource → IP address → API; by caller → API → IP
// address. The first table comes from the profile's aggregates; the second and third from a
// bounded breakdown of the events behind the picked row (EventBreakdown, at most kCap events,
// in its own job). Rows that are entities open them (double-click, Enter). With an account
// filter the peer rows of other accounts are left out (EntityProfile) and the breakdowns count
// only the events that also involve the filtered account; for an entity not of that account
// the API view's first table is such a breakdown too (its aggregates count every account).
#include "ProfilePanel.h"
#include "queries/EntityProfile.h"
#include "queries/EventBreakdown.h"

class QComboBox;
class QLabel;

namespace sightline::ui {

class DrillDownPanel : public ProfilePanel
{
    Q_OBJECT
public:
    enum Mode
    {
        ByIp,
        ByApi,
        ByKeyOrResource,
        ByCaller,
        ModeCount
    };
    static constexpr size_t kCap = 2000;
    // Events read for the API view's first table when the account filter narrows it (the
    // newest; the next tables still read up to kCap events of the picked API).
    static constexpr size_t kFirstCap = 500;

    DrillDownPanel(CaseContext &context, QWidget *parent = nullptr);
    // Starts, with the profile's own job, what the API view needs when the request's account
    // filter narrows the entity (see filterNarrows): the breakdown of the account's newest
    // events by API, and that of its busiest API. Nothing without an account filter.
    void prefetch(const ProfileRequest &request);
    void setProfile(const ProfileData &profile, const ProfileRequest &request);
    bool busy() const { return ProfilePanel::busy() || m_apiSlot.busy; }
    void clearTables();
    bool hasRows() const;
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    QComboBox *modeBox() const { return m_modes; }
    LinkTableView *table(int level) const { return m_tables[level]; }
    RowModel *model(int level) const { return m_models[level]; }

private:
    void fillFirst();
    void setFirstRows(std::vector<Row> rows);
    void showNarrowedApis();
    void showBreakdown(BreakdownData &&data, const ProfileRequest &request);
    static QString firstNarrowedNote(const BreakdownData &b, const ProfileRequest &request);
    void firstPicked();
    void secondPicked();
    int sourceRow(int level) const; // the current row of a level, in its model

    CaseContext &m_context;
    ProfileData m_profile;
    ProfileRequest m_request;
    Mode m_mode = ByIp;
    // The account filter narrows this entity: its per-API aggregates count every account, so
    // the API view's first table comes from a breakdown of the account's events instead.
    bool m_narrow = false;
    QString m_firstNote; // what the first table counts, when it is a breakdown
    struct NarrowedApis
    {
        bool narrowed = false;
        BreakdownData apis;     // of the account's newest events, by API then caller
        std::string busiestApi; // its first API ("" when none)
        BreakdownData busiest;  // the busiest API's breakdown (second and third tables)
        QString error;
    };
    JobSlot m_apiSlot;
    NarrowedApis m_api;
    bool m_apiReady = false;
    // The busiest API's breakdown, shown when its row is picked first.
    bool m_hasPending = false;
    std::string m_pendingApi;
    BreakdownData m_pending;
    QComboBox *m_modes = nullptr;
    QLabel *m_titles[3] = {};
    LinkTableView *m_tables[3] = {};
    RowModel *m_models[3] = {};
    BreakdownData m_breakdown;
};

} // namespace sightline::ui
