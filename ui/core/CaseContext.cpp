#include "CaseContext.h"

namespace sightline::ui {

CaseContext::CaseContext(QObject *parent) : QObject(parent), m_runner(this)
{
    connect(&m_runner, &QueryRunner::queryFailed, this, &CaseContext::statusMessage);
}

qint64 CaseContext::floorHour(qint64 ms)
{
    return hourOfMs(ms) * kHourMs;
}

qint64 CaseContext::ceilHour(qint64 ms)
{
    const qint64 f = floorHour(ms);
    return f == ms ? f : f + kHourMs;
}

TimeRange CaseContext::scope() const
{
    TimeRange r;
    if (m_scopeTo > m_scopeFrom) {
        r.from = m_scopeFrom;
        r.to = m_scopeTo;
    }
    return r;
}

void CaseContext::setScope(qint64 fromMs, qint64 toMs)
{
    qint64 from = floorHour(fromMs), to = ceilHour(toMs);
    if (to <= from)
        to = from + kHourMs;
    if (from == m_scopeFrom && to == m_scopeTo)
        return;
    m_scopeFrom = from;
    m_scopeTo = to;
    emit scopeChanged();
}

void CaseContext::setScopeToWholeCase()
{
    if (m_caseTo > m_caseFrom)
        setScope(m_caseFrom, m_caseTo);
}

void CaseContext::setAccountFilter(const QString &account)
{
    if (account == m_account)
        return;
    m_account = account;
    emit accountFilterChanged();
}

void CaseContext::setCase(const QString &path, qint64 firstEventMs, qint64 lastEventMs)
{
    m_runner.setCasePath(path);
    m_account.clear();
    m_findingFrom = m_findingTo = 0;
    m_findingTitle.clear();
    m_caseFrom = m_caseTo = 0;
    if (lastEventMs >= firstEventMs && firstEventMs != 0) {
        m_caseFrom = floorHour(firstEventMs);
        m_caseTo = floorHour(lastEventMs) + kHourMs;
    }
    m_scopeFrom = m_caseFrom;
    m_scopeTo = m_caseTo;
    emit caseChanged();
    emit scopeChanged();
}

void CaseContext::setFindingWindow(qint64 fromMs, qint64 toMs, const QString &title)
{
    m_findingFrom = fromMs;
    m_findingTo = toMs;
    m_findingTitle = title;
    emit findingWindowChanged();
}

void CaseContext::closeCase()
{
    setCase(QString(), 0, 0);
}

void CaseContext::updateCaseRange(qint64 firstEventMs, qint64 lastEventMs)
{
    const bool wasWhole = m_scopeFrom == m_caseFrom && m_scopeTo == m_caseTo;
    if (lastEventMs >= firstEventMs && firstEventMs != 0) {
        m_caseFrom = floorHour(firstEventMs);
        m_caseTo = floorHour(lastEventMs) + kHourMs;
    }
    // Reconnect so readers see the new data on their next query.
    m_runner.setCasePath(m_runner.casePath());
    if (wasWhole || m_scopeTo <= m_scopeFrom)
        setScope(m_caseFrom, m_caseTo);
    emit caseDataChanged();
}

} // namespace sightline::ui
