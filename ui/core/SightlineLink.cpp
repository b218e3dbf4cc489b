#include "SightlineLink.h"

#include "TimeUtil.h"

#include <QCoreApplication>
#include <QDir>
#include <QStringList>
#include <QUrlQuery>

#include <array>
#include <utility>

namespace sightline::ui {

namespace {

constexpr int kMaxLinkLength = 16384;
constexpr int kMaxKeyLength = 4096;

const std::array<std::pair<const char *, Location::Page>, 5> kPages = {{
    {"summary", Location::Page::Summary},
    {"accounts", Location::Page::Accounts},
    {"findings", Location::Page::Findings},
    {"groups", Location::Page::Groups},
    {"sources", Location::Page::Sources},
}};

QString isoUtc(qint64 ms)
{
    return QString::fromStdString(formatIso8601(ms));
}

} // namespace

QUrl SightlineLink::toUrl() const
{
    QStringList items;
    auto add = [&items](const char *name, const QString &value) {
        items << QString::fromLatin1(name) + QLatin1Char('=') +
                     QString::fromLatin1(QUrl::toPercentEncoding(value));
    };
    add("case", casePath);
    switch (location.page) {
    case Location::Page::Entity:
    case Location::Page::Graph:
        if (location.page == Location::Page::Graph)
            add("page", QStringLiteral("graph"));
        add("type",
            QString::fromLatin1(entityTypeName(location.type).data(),
                                static_cast<qsizetype>(entityTypeName(location.type).size())));
        add("key", location.key);
        break;
    case Location::Page::Group:
        add("page", QStringLiteral("group"));
        add("key", location.key);
        break;
    default:
        for (const auto &[name, page] : kPages)
            if (page == location.page && page != Location::Page::Summary)
                add("page", QString::fromLatin1(name));
        break;
    }
    if (from)
        add("from", isoUtc(*from));
    if (to)
        add("to", isoUtc(*to));
    QUrl url;
    url.setScheme(QStringLiteral("sightline"));
    url.setHost(QStringLiteral("open"));
    url.setQuery(items.join(QLatin1Char('&')), QUrl::StrictMode);
    return url;
}

std::optional<SightlineLink> SightlineLink::parse(const QString &text, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<SightlineLink> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(QCoreApplication::translate(
            "SightlineLink", "The link is empty; Sightline links start with sightline://open?"));
    if (trimmed.size() > kMaxLinkLength)
        return fail(QCoreApplication::translate("SightlineLink", "The link is too long."));
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return fail(QCoreApplication::translate("SightlineLink", "The link is not a valid URL: %1")
                        .arg(url.errorString()));
    if (url.scheme() != QLatin1String("sightline"))
        return fail(QCoreApplication::translate("SightlineLink",
                                                "The link does not start with sightline://"));
    if (url.host() != QLatin1String("open") ||
        (!url.path().isEmpty() && url.path() != QLatin1String("/")))
        return fail(QCoreApplication::translate(
                        "SightlineLink",
                        "Unknown link target \"%1\": Sightline links start with sightline://open?")
                        .arg(url.host() + url.path()));
    if (!url.userInfo().isEmpty() || url.port() != -1 || url.hasFragment())
        return fail(QCoreApplication::translate(
            "SightlineLink",
            "The link has parts Sightline does not use (user, port or fragment)."));

    SightlineLink link;
    QString typeName, key, page;
    bool haveCase = false, haveType = false, haveKey = false, havePage = false;
    const QUrlQuery query(url);
    for (const auto &[name, rawValue] : query.queryItems(QUrl::FullyDecoded)) {
        const QString value = rawValue;
        auto once = [&](bool &seen) {
            if (seen)
                return false;
            seen = true;
            return true;
        };
        bool haveFrom = link.from.has_value(), haveTo = link.to.has_value();
        if (name == QLatin1String("case")) {
            if (!once(haveCase))
                return fail(QCoreApplication::translate(
                                "SightlineLink", "The link names the parameter \"%1\" twice.")
                                .arg(name));
            link.casePath = value;
        } else if (name == QLatin1String("type")) {
            if (!once(haveType))
                return fail(QCoreApplication::translate(
                                "SightlineLink", "The link names the parameter \"%1\" twice.")
                                .arg(name));
            typeName = value;
        } else if (name == QLatin1String("key")) {
            if (!once(haveKey))
                return fail(QCoreApplication::translate(
                                "SightlineLink", "The link names the parameter \"%1\" twice.")
                                .arg(name));
            key = value;
        } else if (name == QLatin1String("page")) {
            if (!once(havePage))
                return fail(QCoreApplication::translate(
                                "SightlineLink", "The link names the parameter \"%1\" twice.")
                                .arg(name));
            page = value;
        } else if (name == QLatin1String("from") || name == QLatin1String("to")) {
            if ((name == QLatin1String("from") && haveFrom) ||
                (name == QLatin1String("to") && haveTo))
                return fail(QCoreApplication::translate(
                                "SightlineLink", "The link names the parameter \"%1\" twice.")
                                .arg(name));
            const auto ms = parseIso8601(value.toStdString());
            if (!ms)
                return fail(
                    QCoreApplication::translate(
                        "SightlineLink", "The time \"%1\" in the link is not an ISO 8601 time.")
                        .arg(value));
            (name == QLatin1String("from") ? link.from : link.to) = *ms;
        } else {
            return fail(QCoreApplication::translate("SightlineLink",
                                                    "The link has an unknown parameter \"%1\".")
                            .arg(name));
        }
    }
    if (!haveCase || link.casePath.isEmpty())
        return fail(QCoreApplication::translate("SightlineLink",
                                                "The link does not name a case file (case=...)."));
    if (!QDir::isAbsolutePath(link.casePath))
        return fail(QCoreApplication::translate(
                        "SightlineLink", "The case file in the link must be an absolute path: %1")
                        .arg(link.casePath));
    if (link.from && link.to && *link.from >= *link.to)
        return fail(QCoreApplication::translate("SightlineLink",
                                                "The link's scope time ends before it starts."));
    if (key.size() > kMaxKeyLength)
        return fail(QCoreApplication::translate("SightlineLink",
                                                "The entity key in the link is too long."));

    if (page.isEmpty() || page == QLatin1String("graph")) {
        if (!haveType && !haveKey && page.isEmpty()) {
            link.location = Location::summary();
            return link;
        }
        if (!haveType)
            return fail(QCoreApplication::translate(
                "SightlineLink", "The link names an entity key but no type (type=...)."));
        const auto type = entityTypeFromName(typeName.toStdString());
        if (!type)
            return fail(QCoreApplication::translate("SightlineLink",
                                                    "Unknown entity type \"%1\" in the link.")
                            .arg(typeName));
        if (key.isEmpty())
            return fail(QCoreApplication::translate(
                "SightlineLink", "The link names an entity type but no key (key=...)."));
        link.location = page.isEmpty() ? Location::entity(*type, key) : Location::graph(*type, key);
        return link;
    }
    if (page == QLatin1String("group")) {
        if (haveType || key.isEmpty())
            return fail(QCoreApplication::translate(
                "SightlineLink", "A finding group link needs key=<group id> and no type."));
        link.location = {Location::Page::Group, EntityType::FindingGroup, key};
        return link;
    }
    for (const auto &[name, p] : kPages) {
        if (page == QLatin1String(name)) {
            if (haveType || haveKey)
                return fail(QCoreApplication::translate("SightlineLink",
                                                        "The page \"%1\" does not take an entity.")
                                .arg(page));
            link.location = Location::simple(p);
            return link;
        }
    }
    return fail(
        QCoreApplication::translate("SightlineLink", "Unknown page \"%1\" in the link.").arg(page));
}

} // namespace sightline::ui
