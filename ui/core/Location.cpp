#include "Location.h"

namespace sightline::ui {

void History::visit(const Location &location)
{
    if (const Location *now = current(); now && *now == location)
        return;
    m_items.resize(static_cast<size_t>(m_index + 1));
    m_items.push_back(location);
    if (m_items.size() > kMax)
        m_items.erase(m_items.begin());
    m_index = static_cast<int>(m_items.size()) - 1;
}

Location History::back()
{
    if (canGoBack())
        --m_index;
    return *current();
}

Location History::forward()
{
    if (canGoForward())
        ++m_index;
    return *current();
}

} // namespace sightline::ui
