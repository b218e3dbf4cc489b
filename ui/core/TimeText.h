#pragma once
// Times as the investigator sees them: UTC by default, local time when chosen in the View
// menu; the choice applies everywhere (TimeText::setLocal).
#include <QString>

namespace sightline::ui {

class TimeText
{
public:
    static bool local();
    static void setLocal(bool local);
    // "2026-10-14 02:55:02 UTC" / "2026-10-14 04:55:02 +02:00"; "" for 0.
    static QString dateTime(qint64 epochMs);
    // "2026-10-14 02:00" in the chosen zone (chart axes, scope).
    static QString hour(qint64 epochMs);
    // The zone suffix shown in headers ("UTC" or the local offset name).
    static QString zoneName();
    // ISO 8601 UTC, for links and copy: "2026-10-14T02:00:00Z".
    static QString iso(qint64 epochMs);
};

} // namespace sightline::ui
