#include "Page.h"

namespace sightline::ui {

Page::Page(CaseContext &context, QWidget *parent) : QWidget(parent), m_context(context)
{
    connect(&context, &CaseContext::caseChanged, this, [this] {
        m_loaded = false;
        clear();
    });
    connect(&context, &CaseContext::caseDataChanged, this, &Page::markStale);
    connect(&context, &CaseContext::timeDisplayChanged, this, &Page::markStale);
    connect(&context, &CaseContext::scopeChanged, this, [this] {
        if (followsScope())
            markStale();
    });
    connect(&context, &CaseContext::accountFilterChanged, this, [this] {
        if (followsAccount())
            markStale();
    });
}

void Page::activate(const Location &location)
{
    const bool same = m_loaded && location == m_location;
    m_location = location;
    if (same && !m_stale)
        return;
    m_loaded = true;
    m_stale = false;
    reload();
}

void Page::markStale()
{
    if (!m_loaded)
        return;
    if (isVisible()) {
        m_stale = false;
        reload();
    } else {
        m_stale = true;
    }
}

} // namespace sightline::ui
