#pragma once
// sightline:// links name a case file, a page (an entity profile, a finding, a graph, or
// one of the case pages) and a scope time:
//
//   sightline://open?case=/cases/acme.sightline&type=AwsUser&key=ci-deploy
//                    &from=2026-10-14T00:00:00Z&to=2026-10-15T00:00:00Z
//   sightline://open?case=/cases/acme.sightline&page=findings
//
// Values are percent-encoded. Parsing is strict: an unknown scheme, host or parameter, a
// repeated parameter, a relative case path, an unknown type, an empty or oversized key, a
// malformed time or an empty scope is refused with a message saying which part is wrong.
#include "Location.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace sightline::ui {

struct SightlineLink
{
    QString casePath;
    Location location;
    std::optional<qint64> from, to; // epoch ms UTC

    QUrl toUrl() const;
    // Returns the link, or nullopt with *error set to a translated message.
    static std::optional<SightlineLink> parse(const QString &text, QString *error);
};

} // namespace sightline::ui
