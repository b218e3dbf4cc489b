// sightline: the investigator's window. Usage: sightline [CASE.sightline | sightline://...]
#include "MainWindow.h"
#include "dialogs/PreferencesDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Sightline"));
    QApplication::setApplicationName(QStringLiteral("Sightline"));
    QApplication::setApplicationVersion(QStringLiteral(SIGHTLINE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("sightline"));

    // Language: the Preferences choice, else the system's.
    const QString chosen =
        QSettings().value(sightline::ui::PreferencesDialog::languageKey()).toString();
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    QTranslator appTranslator, qtTranslator;
    if (locale.language() != QLocale::English) {
        if (appTranslator.load(locale, QStringLiteral("sightline"), QStringLiteral("_"),
                               QStringLiteral(":/i18n")))
            QApplication::installTranslator(&appTranslator);
        if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                              QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(&qtTranslator);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Offline investigation of AWS logs. Opens a case file or a sightline:// link."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("case-or-link"),
        QApplication::translate("main", "A .sightline case file or a sightline:// link."),
        QStringLiteral("[CASE | URL]"));
    parser.process(app);

    sightline::ui::MainWindow window;
    window.show();
    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty()) {
        const QString arg = args.first();
        if (arg.startsWith(QLatin1String("sightline:"), Qt::CaseInsensitive))
            window.openLink(arg);
        else
            window.openCase(arg);
    }
    return QApplication::exec();
}
