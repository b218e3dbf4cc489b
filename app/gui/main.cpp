// sightline: the investigator's window. Usage: sightline [CASE.sightline | sightline://...]
#include "MainWindow.h"
#include "core/Translations.h"
#include "dialogs/PreferencesDialog.h"

#include <QApplication>
#include <QCommandLineParser>
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
    sightline::ui::installTranslators(locale, appTranslator, qtTranslator);

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
