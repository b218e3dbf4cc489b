// The Japanese translation is complete for everything shown: every message in
// translations/sightline_ja.ts has a finished translation, placeholders (%1, %n) survive, and
// the .ts is up to date with the sources (lupdate run now finds no text the file lacks). The
// compiled translation loads and changes what the window shows.
#include "GuiTestSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace sightline;

namespace {

struct Message
{
    QString context, source, translation;
    bool unfinished = false;
    bool numerus = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message")) {
                m = Message{};
                m.context = context;
                m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (xml.name() == QLatin1String("source"))
                m.source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                m.unfinished = type == QLatin1String("unfinished") || type == QLatin1String("obsolete") ||
                               type == QLatin1String("vanished");
                if (m.numerus) {
                    // <numerusform> children
                    while (xml.readNextStartElement())
                        m.translation += xml.readElementText();
                } else {
                    m.translation = xml.readElementText();
                }
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out << m;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    QSet<QString> out;
    static const QRegularExpression re(QStringLiteral("%(?:\\d+|n)"));
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured());
    return out;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { testing::isolateSettings(); }
    void everyMessageTranslated();
    void upToDateWithSources();
    void windowShowsJapanese();
};

void TestTranslations::everyMessageTranslated()
{
    QString error;
    const auto messages = readTs(QStringLiteral(SIGHTLINE_SOURCE_DIR "/translations/sightline_ja.ts"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);
    QStringList missing;
    for (const Message &m : messages) {
        if (m.unfinished || m.translation.trimmed().isEmpty()) {
            missing << m.context + QStringLiteral(": ") + m.source;
            continue;
        }
        QSet<QString> want = placeholders(m.source), got = placeholders(m.translation);
        if (m.numerus) {
            want.remove(QStringLiteral("%n"));
            got.remove(QStringLiteral("%n"));
        }
        if (want != got)
            missing << QStringLiteral("placeholders differ: ") + m.source + QStringLiteral(" -> ") + m.translation;
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.mid(0, 30).join(QLatin1Char('\n')) +
                                           QStringLiteral("\n(%1 in all)").arg(missing.size())));
}

void TestTranslations::upToDateWithSources()
{
    const QString lupdate = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    const QString fallback = QLibraryInfo::path(QLibraryInfo::LibraryExecutablesPath) + QStringLiteral("/lupdate");
    const QString tool = QFile::exists(lupdate) ? lupdate : fallback;
    if (!QFile::exists(tool))
        QSKIP("lupdate is not installed (qt6-l10n-tools)");
    QTemporaryDir dir;
    const QString fresh = dir.filePath(QStringLiteral("fresh_ja.ts"));
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(tool, {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("-extensions"), QStringLiteral("cpp,h"),
                   QStringLiteral(SIGHTLINE_SOURCE_DIR "/ui"), QStringLiteral("-ts"), fresh});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    QString error;
    const auto now = readTs(fresh, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto committed = readTs(QStringLiteral(SIGHTLINE_SOURCE_DIR "/translations/sightline_ja.ts"), &error);
    QSet<QString> have;
    for (const Message &m : committed)
        have.insert(m.context + QChar(0) + m.source);
    QStringList lacking;
    for (const Message &m : now)
        if (!have.contains(m.context + QChar(0) + m.source))
            lacking << m.context + QStringLiteral(": ") + m.source;
    QVERIFY2(lacking.isEmpty(),
             qPrintable(QStringLiteral("run `cmake --build build/dev --target update_translations` "
                                       "and translate:\n") +
                        lacking.mid(0, 30).join(QLatin1Char('\n'))));
}

void TestTranslations::windowShowsJapanese()
{
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::Japanese), QStringLiteral("sightline"),
                            QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&translator);
    ui::MainWindow window;
    QStringList menus;
    for (QAction *a : window.menuBar()->actions())
        menus << a->text();
    QCoreApplication::removeTranslator(&translator);
    ui::MainWindow english;
    QStringList englishMenus;
    for (QAction *a : english.menuBar()->actions())
        englishMenus << a->text();
    QCOMPARE(menus.size(), englishMenus.size());
    QVERIFY2(menus != englishMenus, qPrintable(menus.join(QLatin1Char(' '))));
    // Japanese text, not the English words again.
    static const QRegularExpression japanese(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"));
    QVERIFY(menus.join(QString()).contains(japanese));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
