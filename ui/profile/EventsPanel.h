#pragma once
// The profiled entity's events in the scope time, newest first, kPage at a time with "Load
// more" (RecentEvents, read through its posting lists). Any row opens the raw record.
#include "ProfilePanel.h"

class QPushButton;

namespace sightline::ui {

class EventsPanel : public ProfilePanel
{
    Q_OBJECT
public:
    static constexpr size_t kPage = 500;
    EventsPanel(CaseContext &context, QWidget *parent = nullptr);
    void load(const ProfileRequest &request);
    void loadMore();
    void clearEvents();
    bool hasMore() const { return m_more; }
    LinkTableView *table() const { return m_table; }
    RowModel *model() const { return m_model; }
    QPushButton *moreButton() const { return m_moreButton; }

signals:
    void dataReady(bool hasData);
    void rawRecordRequested(qint64 eventId);

private:
    void fetch(bool append);

    CaseContext &m_context;
    ProfileRequest m_request;
    RowModel *m_model = nullptr;
    LinkTableView *m_table = nullptr;
    QPushButton *m_moreButton = nullptr;
    bool m_more = false;
};

} // namespace sightline::ui
