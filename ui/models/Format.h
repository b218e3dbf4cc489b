#pragma once
// Numbers as the pages show them: grouped counts, byte sizes, durations. Locale-aware.
#include "EventKind.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace sightline::ui {

inline QString countText(qint64 n)
{
    return QLocale().toString(n);
}

inline QString bytesText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// "1 h 02 min", "3 min 05 s", "12 s".
inline QString durationText(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds >= 3600)
        return QCoreApplication::translate("Format", "%1 h %2 min")
            .arg(seconds / 3600)
            .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
    if (seconds >= 60)
        return QCoreApplication::translate("Format", "%1 min %2 s")
            .arg(seconds / 60)
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("Format", "%1 s").arg(seconds);
}

// "imported", "skipped" ... (sources.status), translated.
inline QString sourceStatusText(SourceStatus status)
{
    switch (status) {
    case SourceStatus::Importing:
        return QCoreApplication::translate("SourceStatus", "interrupted");
    case SourceStatus::Imported:
        return QCoreApplication::translate("SourceStatus", "imported");
    case SourceStatus::Skipped:
        return QCoreApplication::translate("SourceStatus", "skipped");
    case SourceStatus::Damaged:
        return QCoreApplication::translate("SourceStatus", "damaged");
    case SourceStatus::Failed:
        return QCoreApplication::translate("SourceStatus", "failed");
    case SourceStatus::Cancelled:
        return QCoreApplication::translate("SourceStatus", "cancelled");
    }
    return QCoreApplication::translate("SourceStatus", "unknown");
}

} // namespace sightline::ui
