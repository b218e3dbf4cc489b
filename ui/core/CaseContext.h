#pragma once
// The state every page of a window shares: the open case, the query runner over it, the
// scope time (one for the window, hour-aligned, kept while moving between entities), the
// account filter, and navigation requests. Pages read it and connect to its signals;
// MainWindow owns it.
#include "Location.h"
#include "QueryRunner.h"
#include "queries/ResultTypes.h"

#include <QObject>
#include <QString>

namespace sightline::ui {

class CaseContext : public QObject
{
    Q_OBJECT
public:
    explicit CaseContext(QObject *parent = nullptr);

    QueryRunner &runner() { return m_runner; }
    QString casePath() const { return m_runner.casePath(); }
    bool hasCase() const { return !casePath().isEmpty(); }

    // The case's whole time range [first hour, last hour + 1h), epoch ms; 0/0 when empty.
    qint64 caseFrom() const { return m_caseFrom; }
    qint64 caseTo() const { return m_caseTo; }

    // The scope time, hour-aligned, always within reason (never empty once a case is open).
    qint64 scopeFrom() const { return m_scopeFrom; }
    qint64 scopeTo() const { return m_scopeTo; }
    TimeRange scope() const;
    // Sets the scope, aligning outward to whole hours. Emits scopeChanged when it changes.
    void setScope(qint64 fromMs, qint64 toMs);
    void setScopeToWholeCase();

    // The window of the finding last opened (a scope preset); 0/0 when none.
    void setFindingWindow(qint64 fromMs, qint64 toMs, const QString &title);
    qint64 findingFrom() const { return m_findingFrom; }
    qint64 findingTo() const { return m_findingTo; }
    QString findingTitle() const { return m_findingTitle; }

    // "" = every account; otherwise the 12-digit account every page narrows to.
    QString accountFilter() const { return m_account; }
    void setAccountFilter(const QString &account);

    // Opens a case (after MainWindow checked it opens); sets the scope to the whole case.
    void setCase(const QString &path, qint64 firstEventMs, qint64 lastEventMs);
    void closeCase();
    // Called after an import into the open case: new range, same scope if still inside.
    void updateCaseRange(qint64 firstEventMs, qint64 lastEventMs);

    // Any page asks the window to show a location (recorded in Back / Forward history).
    void navigate(const Location &location) { emit navigateRequested(location); }

    static qint64 floorHour(qint64 ms);
    static qint64 ceilHour(qint64 ms);

signals:
    void caseChanged();
    void caseDataChanged(); // an import added to the open case
    void scopeChanged();
    void accountFilterChanged();
    void timeDisplayChanged(); // UTC / local switch
    void navigateRequested(const sightline::ui::Location &location);
    void statusMessage(const QString &message);
    void findingWindowChanged();

private:
    QueryRunner m_runner;
    qint64 m_caseFrom = 0, m_caseTo = 0;
    qint64 m_scopeFrom = 0, m_scopeTo = 0;
    QString m_account;
    qint64 m_findingFrom = 0, m_findingTo = 0;
    QString m_findingTitle;
};

} // namespace sightline::ui
