#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace sightline::ui {

bool installTranslators(const QLocale &locale, QTranslator &app, QTranslator &qt)
{
    const QString dir = QStringLiteral(":/i18n");
    bool found = false;
    if (locale.language() == QLocale::English) {
        found = app.load(QStringLiteral("sightline_en"), dir);
    } else {
        found = app.load(locale, QStringLiteral("sightline"), QStringLiteral("_"), dir);
        if (qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qt);
    }
    if (found)
        QCoreApplication::installTranslator(&app);
    return found;
}

} // namespace sightline::ui
