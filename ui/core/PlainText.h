#pragma once
// Strings from logs are shown as plain text, never interpreted as rich text (DESIGN.md,
// security). Item views show Qt::DisplayRole as plain text already; labels and tool tips
// need these helpers.
#include <QLabel>
#include <QString>

#include <string>
#include <string_view>

namespace sightline::ui {

inline QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// A label that never interprets its text.
inline QLabel *plainLabel(const QString &text = {}, QWidget *parent = nullptr)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setText(text);
    return label;
}

// Tool tips treat text that looks like HTML as rich text: escape log strings for them.
inline QString plainToolTip(const QString &text)
{
    return QStringLiteral("<p style='white-space:pre-wrap'>") + text.toHtmlEscaped() +
           QStringLiteral("</p>");
}

} // namespace sightline::ui
