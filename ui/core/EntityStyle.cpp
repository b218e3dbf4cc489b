#include "EntityStyle.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace sightline::ui {

namespace {

struct Style
{
    const char *name;
    const char *plural;
    const char *glyph; // one or two letters drawn on the icon
    QRgb color;
};

// Colours grouped by family: principals blue/purple, network green, compute orange,
// storage teal, Kubernetes indigo, findings red.
const Style &style(EntityType type)
{
    static const Style styles[] = {
        {QT_TRANSLATE_NOOP("EntityType", "AWS account"),
         QT_TRANSLATE_NOOP("EntityType", "AWS accounts"), "A", 0xff5f6b7a},
        {QT_TRANSLATE_NOOP("EntityType", "IAM user"), QT_TRANSLATE_NOOP("EntityType", "IAM users"),
         "U", 0xff2f6fd0},
        {QT_TRANSLATE_NOOP("EntityType", "IAM role"), QT_TRANSLATE_NOOP("EntityType", "IAM roles"),
         "R", 0xff6b4fc8},
        {QT_TRANSLATE_NOOP("EntityType", "Role session"),
         QT_TRANSLATE_NOOP("EntityType", "Role sessions"), "S", 0xff8a5cd6},
        {QT_TRANSLATE_NOOP("EntityType", "Federated user"),
         QT_TRANSLATE_NOOP("EntityType", "Federated users"), "F", 0xff3b8fd9},
        {QT_TRANSLATE_NOOP("EntityType", "Access key"),
         QT_TRANSLATE_NOOP("EntityType", "Access keys"), "K", 0xffc48a00},
        {QT_TRANSLATE_NOOP("EntityType", "EC2 instance"),
         QT_TRANSLATE_NOOP("EntityType", "EC2 instances"), "I", 0xffe07b00},
        {QT_TRANSLATE_NOOP("EntityType", "IP address"),
         QT_TRANSLATE_NOOP("EntityType", "IP addresses"), "IP", 0xff2e9a4a},
        {QT_TRANSLATE_NOOP("EntityType", "User agent"),
         QT_TRANSLATE_NOOP("EntityType", "User agents"), "UA", 0xff6f8f3a},
        {QT_TRANSLATE_NOOP("EntityType", "S3 bucket"),
         QT_TRANSLATE_NOOP("EntityType", "S3 buckets"), "B", 0xff1f9b99},
        {QT_TRANSLATE_NOOP("EntityType", "Container cluster"),
         QT_TRANSLATE_NOOP("EntityType", "Container clusters"), "C", 0xff3f51b5},
        {QT_TRANSLATE_NOOP("EntityType", "Kubernetes subject"),
         QT_TRANSLATE_NOOP("EntityType", "Kubernetes subjects"), "KS", 0xff5c6bc0},
        {QT_TRANSLATE_NOOP("EntityType", "Container pod"),
         QT_TRANSLATE_NOOP("EntityType", "Container pods"), "P", 0xff7986cb},
        {QT_TRANSLATE_NOOP("EntityType", "Container image"),
         QT_TRANSLATE_NOOP("EntityType", "Container images"), "CI", 0xff5a6fa8},
        {QT_TRANSLATE_NOOP("EntityType", "Finding"), QT_TRANSLATE_NOOP("EntityType", "Findings"),
         "!", 0xffc62828},
        {QT_TRANSLATE_NOOP("EntityType", "Finding group"),
         QT_TRANSLATE_NOOP("EntityType", "Finding groups"), "G", 0xffad1457},
        {QT_TRANSLATE_NOOP("EntityType", "Domain"), QT_TRANSLATE_NOOP("EntityType", "Domains"), "D",
         0xff00897b},
    };
    int index = static_cast<int>(type) - 1;
    if (index < 0 || index >= kEntityTypeCount)
        index = 0;
    return styles[index];
}

} // namespace

QString typeDisplayName(EntityType type)
{
    return QCoreApplication::translate("EntityType", style(type).name);
}

QString typePluralName(EntityType type)
{
    return QCoreApplication::translate("EntityType", style(type).plural);
}

QString typeNameForLink(EntityType type)
{
    const auto name = entityTypeName(type);
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

QColor typeColor(EntityType type)
{
    return QColor::fromRgba(style(type).color);
}

QPixmap typePixmap(EntityType type, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor color = typeColor(type);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    const qreal r = size * 0.22;
    if (type == EntityType::IpAddress || type == EntityType::Domain ||
        type == EntityType::UserAgent)
        p.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1));
    else
        p.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), r, r);
    QFont font = p.font();
    const QString glyph = QString::fromLatin1(style(type).glyph);
    font.setBold(true);
    font.setPixelSize(qMax(6, static_cast<int>(size * (glyph.size() > 1 ? 0.42 : 0.58))));
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, glyph);
    return pixmap;
}

QIcon typeIcon(EntityType type)
{
    static QHash<int, QIcon> cache;
    auto it = cache.find(static_cast<int>(type));
    if (it != cache.end())
        return *it;
    QIcon icon;
    for (int size : {16, 24, 32, 48})
        icon.addPixmap(typePixmap(type, size));
    cache.insert(static_cast<int>(type), icon);
    return icon;
}

QString severityName(int label)
{
    switch (label) {
    case 4:
        return QCoreApplication::translate("Severity", "Critical");
    case 3:
        return QCoreApplication::translate("Severity", "High");
    case 2:
        return QCoreApplication::translate("Severity", "Medium");
    case 1:
        return QCoreApplication::translate("Severity", "Low");
    default:
        return QCoreApplication::translate("Severity", "Informational");
    }
}

QColor severityColor(int label)
{
    switch (label) {
    case 4:
        return QColor(0x8b, 0x00, 0x00);
    case 3:
        return QColor(0xd3, 0x2f, 0x2f);
    case 2:
        return QColor(0xef, 0x8f, 0x00);
    case 1:
        return QColor(0x1e, 0x88, 0xe5);
    default:
        return QColor(0x75, 0x75, 0x75);
    }
}

} // namespace sightline::ui
