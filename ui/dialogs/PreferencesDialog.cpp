#include "PreferencesDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>

namespace sightline::ui {

PreferencesDialog::PreferencesDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    auto *form = new QFormLayout(this);
    m_language = new QComboBox(this);
    m_language->addItem(tr("Follow the system"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    QSettings settings;
    const int index = m_language->findData(settings.value(languageKey()).toString());
    m_language->setCurrentIndex(index < 0 ? 0 : index);
    form->addRow(tr("&Language:"), m_language);
    m_localTime = new QCheckBox(tr("Show times in the &local time zone (UTC otherwise)"), this);
    m_localTime->setChecked(settings.value(localTimeKey(), false).toBool());
    form->addRow(QString(), m_localTime);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    form->addRow(buttons);
}

void PreferencesDialog::accept()
{
    QSettings settings;
    const QString language = m_language->currentData().toString();
    const bool languageChanged = settings.value(languageKey()).toString() != language;
    settings.setValue(languageKey(), language);
    settings.setValue(localTimeKey(), m_localTime->isChecked());
    emit localTimeChosen(m_localTime->isChecked());
    if (languageChanged)
        QMessageBox::information(this, tr("Language"),
                                 tr("The new language applies the next time Sightline starts."));
    QDialog::accept();
}

} // namespace sightline::ui
