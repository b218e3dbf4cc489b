#include "CaseFiles.h"

#include "CaseFile.h"
#include "PlainText.h"
#include "queries/CaseInfo.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

namespace sightline::ui {

namespace {
constexpr int kMaxRecent = 10;
const QString kRecentKey = QStringLiteral("cases/recent");
} // namespace

CaseOpenCheck checkCaseFile(const QString &absolutePath)
{
    CaseOpenCheck out;
    if (!QFileInfo::exists(absolutePath)) {
        out.message = QCoreApplication::translate("CaseFiles", "The case file %1 does not exist.")
                          .arg(absolutePath);
        return out;
    }
    auto file = CaseFile::open(absolutePath.toStdString(), CaseFile::Access::ReadOnly);
    if (!file.ok()) {
        out.message = qs(file.error().detail);
        return out;
    }
    auto info = CaseInfo(file->db()).read(0);
    if (!info.ok()) {
        out.message = qs(info.error().detail);
        return out;
    }
    out.ok = true;
    out.first = info->firstTime;
    out.last = info->lastTime;
    return out;
}

QString createCaseFile(QString path, QString *error)
{
    if (!path.endsWith(QLatin1String(".sightline")))
        path += QStringLiteral(".sightline");
    const QString absolute = QFileInfo(path).absoluteFilePath();
    auto created = CaseFile::openOrCreate(absolute.toStdString());
    if (!created.ok()) {
        *error = QCoreApplication::translate("CaseFiles", "Cannot create %1:\n%2")
                     .arg(absolute, qs(created.error().detail));
        return {};
    }
    return absolute;
}

QStringList RecentCases::list()
{
    return QSettings().value(kRecentKey).toStringList();
}

void RecentCases::remember(const QString &path)
{
    QStringList recent = list();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    QSettings().setValue(kRecentKey, recent);
}

void RecentCases::clear()
{
    QSettings().remove(kRecentKey);
}

} // namespace sightline::ui
