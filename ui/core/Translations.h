#pragma once
// The window's language: Sightline's translation for a locale and Qt's own. For English (the
// source texts) only the plural forms are loaded ("1 node", "2 nodes").
class QLocale;
class QTranslator;

namespace sightline::ui {

// Loads into app and qt what locale needs and installs them; they must outlive their use.
// Returns false when Sightline has no translation for the locale (the English texts show).
bool installTranslators(const QLocale &locale, QTranslator &app, QTranslator &qt);

} // namespace sightline::ui
