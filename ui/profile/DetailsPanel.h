#pragma once
// Details of the profiled entity: first and last seen (within the scope), account, ARN, the
// calls it made, creation information and the attributes the importers recorded (attrs
// JSON), and the geolocation when a finding reported one.
#include "ProfilePanel.h"
#include "queries/EntityProfile.h"

class QFormLayout;

namespace sightline::ui {

class DetailsPanel : public ProfilePanel
{
    Q_OBJECT
public:
    explicit DetailsPanel(QWidget *parent = nullptr);
    void setProfile(const ProfileData &profile);
    void clearDetails();
    // The value shown for a field name ("" when absent): tests.
    QString value(const QString &field) const;

private:
    void addRow(const QString &field, const QString &value);
    QFormLayout *m_form = nullptr;
};

} // namespace sightline::ui
