#pragma once
// Translated names of relations as the graph view labels its edges ("called from ×12").
#include "Relation.h"

#include <QString>

namespace sightline::ui {

QString relationDisplayName(Relation relation); // "called from"
// "called from ×12"; the count is left out when it is 1.
QString relationWithCount(Relation relation, qint64 count);

} // namespace sightline::ui
