#pragma once
// Where the window is: a page, and for entity, finding and graph pages the entity shown.
// Locations are values; History keeps the visited ones for Back / Forward.
#include "EntityType.h"

#include <QMetaType>
#include <QString>

#include <vector>

namespace sightline::ui {

struct Location
{
    enum class Page
    {
        Summary,
        Accounts,
        Findings,
        Groups,
        Sources,
        Entity, // a profile; for EntityType::Finding the finding's page
        Graph,  // the relationship graph around an entity
        Group,  // one finding group; key is the group's id
    };
    Page page = Page::Summary;
    EntityType type = EntityType::AwsAccount;
    QString key;

    static Location summary() { return {}; }
    static Location entity(EntityType type, const QString &key)
    {
        return {Page::Entity, type, key};
    }
    static Location graph(EntityType type, const QString &key) { return {Page::Graph, type, key}; }
    static Location simple(Page page) { return {page, EntityType::AwsAccount, {}}; }
    bool hasEntity() const { return page == Page::Entity || page == Page::Graph; }
    // Pages without an entity have an empty key (the Findings page may carry its severity
    // filter, "severity=3") and the default type, so all three fields compare.
    bool operator==(const Location &o) const
    {
        return page == o.page && type == o.type && key == o.key;
    }
};

// Back / Forward through visited locations.
class History
{
public:
    // Records a newly visited location (drops the forward part), unless it is the current one.
    void visit(const Location &location);
    bool canGoBack() const { return m_index > 0; }
    bool canGoForward() const { return m_index + 1 < static_cast<int>(m_items.size()); }
    Location back();
    Location forward();
    const Location *current() const
    {
        return m_index >= 0 ? &m_items[static_cast<size_t>(m_index)] : nullptr;
    }
    void clear()
    {
        m_items.clear();
        m_index = -1;
    }

private:
    std::vector<Location> m_items;
    int m_index = -1;
    static constexpr size_t kMax = 200;
};

} // namespace sightline::ui

Q_DECLARE_METATYPE(sightline::ui::Location)
