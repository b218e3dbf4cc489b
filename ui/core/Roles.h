#pragma once
// Item data roles shared by every model in ui/. A row that stands for an entity carries
// its type and key so any view can open it (LinkTableView, the search popup, the graph).
#include <Qt>

namespace sightline::ui {

enum Roles : int
{
    EntityTypeRole = Qt::UserRole + 1, // int(EntityType)
    EntityKeyRole,                     // QString
    SortRole,                          // a value that sorts right (numbers, epoch ms)
    EventIdRole,                       // qint64 event row id, for the raw record
    RawTextRole,                       // QString, e.g. a finding's JSON
};

} // namespace sightline::ui
