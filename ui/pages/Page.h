#pragma once
// A page of the main window. MainWindow calls activate() when the user navigates to it; the
// page loads its data off the GUI thread (CaseContext::runner) and reloads when the scope
// time, the account filter, the time display or the case's data change — at once when
// visible, otherwise the next time it is shown.
#include "CaseContext.h"
#include "Location.h"

#include <QWidget>

namespace sightline::ui {

class Page : public QWidget
{
    Q_OBJECT
public:
    explicit Page(CaseContext &context, QWidget *parent = nullptr);

    // Shows location; reloads when it differs from the one shown or the data went stale.
    void activate(const Location &location);
    const Location &location() const { return m_location; }
    // Short title for the window title and history ("ci-deploy", "Findings").
    virtual QString title() const = 0;
    // True while any of the page's queries is running (tests wait on it).
    virtual bool isLoading() const { return false; }

signals:
    void titleChanged();

protected:
    // Load everything for location() within the context's scope and account filter.
    virtual void reload() = 0;
    // The case was closed or replaced: drop what is shown.
    virtual void clear() {}
    // Which context changes make the page stale (e.g. Sources ignores the scope).
    virtual bool followsScope() const { return true; }
    virtual bool followsAccount() const { return true; }

    CaseContext &m_context;

private:
    void markStale();
    Location m_location;
    bool m_loaded = false;
    bool m_stale = false;
};

} // namespace sightline::ui
