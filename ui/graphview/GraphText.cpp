#include "GraphText.h"

#include <QCoreApplication>
#include <QLocale>

namespace sightline::ui {

QString relationDisplayName(Relation relation)
{
    static const char *const names[] = {
        QT_TRANSLATE_NOOP("Relation", "related to"),
        QT_TRANSLATE_NOOP("Relation", "called from"),
        QT_TRANSLATE_NOOP("Relation", "used agent"),
        QT_TRANSLATE_NOOP("Relation", "uses key"),
        QT_TRANSLATE_NOOP("Relation", "assumed"),
        QT_TRANSLATE_NOOP("Relation", "acted on"),
        QT_TRANSLATE_NOOP("Relation", "session of"),
        QT_TRANSLATE_NOOP("Relation", "in account"),
        QT_TRANSLATE_NOOP("Relation", "owns"),
        QT_TRANSLATE_NOOP("Relation", "issued key"),
        QT_TRANSLATE_NOOP("Relation", "talked to"),
        QT_TRANSLATE_NOOP("Relation", "involves"),
        QT_TRANSLATE_NOOP("Relation", "created"),
        QT_TRANSLATE_NOOP("Relation", "queried by"),
        QT_TRANSLATE_NOOP("Relation", "runs in"),
        QT_TRANSLATE_NOOP("Relation", "uses image"),
        QT_TRANSLATE_NOOP("Relation", "runs as"),
        QT_TRANSLATE_NOOP("Relation", "authenticated as"),
        QT_TRANSLATE_NOOP("Relation", "resolves to"),
    };
    int index = static_cast<int>(relation);
    if (index < 1 || index > kRelationCount)
        index = 0;
    return QCoreApplication::translate("Relation", names[index]);
}

QString relationWithCount(Relation relation, qint64 count)
{
    if (count <= 1)
        return relationDisplayName(relation);
    return QCoreApplication::translate("Relation", "%1 ×%2")
        .arg(relationDisplayName(relation), QLocale().toString(count));
}

} // namespace sightline::ui
