#include "TimeText.h"

#include <QDateTime>
#include <QTimeZone>

#include <atomic>

namespace sightline::ui {

namespace {
std::atomic<bool> g_local{false};

QDateTime toShown(qint64 ms)
{
    QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    return g_local.load() ? t.toLocalTime() : t;
}
} // namespace

bool TimeText::local()
{
    return g_local.load();
}

void TimeText::setLocal(bool local)
{
    g_local = local;
}

QString TimeText::dateTime(qint64 epochMs)
{
    if (epochMs == 0)
        return {};
    const QDateTime t = toShown(epochMs);
    QString text = t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (epochMs % 1000 != 0)
        text += t.toString(QStringLiteral(".zzz"));
    return text + QLatin1Char(' ') + zoneName();
}

QString TimeText::hour(qint64 epochMs)
{
    return toShown(epochMs).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString TimeText::zoneName()
{
    if (!g_local.load())
        return QStringLiteral("UTC");
    const int offset = QDateTime::currentDateTime().offsetFromUtc();
    if (offset == 0)
        return QStringLiteral("UTC");
    const int minutes = qAbs(offset) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString TimeText::iso(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone::utc()).toString(Qt::ISODate);
}

} // namespace sightline::ui
