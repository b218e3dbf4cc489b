#pragma once
// Preferences: the language (follows the system by default) and the time display.
#include <QDialog>

class QComboBox;
class QCheckBox;

namespace sightline::ui {

class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // QSettings keys.
    static QString languageKey() { return QStringLiteral("ui/language"); } // "", "en", "ja"
    static QString localTimeKey() { return QStringLiteral("ui/localTime"); }

    void accept() override;

signals:
    void localTimeChosen(bool local);

private:
    QComboBox *m_language = nullptr;
    QCheckBox *m_localTime = nullptr;
};

} // namespace sightline::ui
