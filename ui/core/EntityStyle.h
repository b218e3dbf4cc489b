#pragma once
// How entity types look: translated names, colours and icons (drawn, so they scale and
// need no image files). Shared by every page, the search popup and the graph.
#include "EntityType.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace sightline::ui {

QString typeDisplayName(EntityType type); // "IAM user"
QString typePluralName(EntityType type);  // "IAM users"
QString typeNameForLink(EntityType type); // "AwsUser" (untranslated, as in DESIGN.md)
QColor typeColor(EntityType type);
QIcon typeIcon(EntityType type);
QPixmap typePixmap(EntityType type, int size);

// Severity names and colours (GuardDuty levels; Security Hub labels map onto them).
QString severityName(int label); // 0 informational .. 4 critical (findings.severity_label)
QColor severityColor(int label);

} // namespace sightline::ui
