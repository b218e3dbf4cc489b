#pragma once
// Case files as the window handles them: checking one opens before showing it (run off the
// GUI thread), creating a new one, and the list of recent cases kept in QSettings.
#include <QString>
#include <QStringList>

namespace sightline::ui {

struct CaseOpenCheck
{
    bool ok = false;
    QString message;            // why it cannot be opened (translated), when !ok
    qint64 first = 0, last = 0; // the case's first and last event, epoch ms (0 when empty)
};

// Opens the case read-only and reads its time range. Any thread; does I/O.
CaseOpenCheck checkCaseFile(const QString &absolutePath);

// Creates an empty case at path (".sightline" appended when missing). Returns the path
// created, or an empty string with *error set.
QString createCaseFile(QString path, QString *error);

class RecentCases
{
public:
    static QStringList list();
    static void remember(const QString &path);
    static void clear();
};

} // namespace sightline::ui
