#pragma once
// The top of an entity profile, outside its scroll area: the type's icon, the entity's label
// and key, the scope time shown, and the Copy Link / Show in Graph buttons.
#include "CaseContext.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace sightline::ui {

class ProfileHeader : public QWidget
{
    Q_OBJECT
public:
    ProfileHeader(CaseContext &context, QWidget *parent = nullptr);

    // Shows the entity (label "" until known) and the context's scope time.
    void showEntity(EntityType type, const QString &key, const QString &label);
    void setLabel(const QString &label);
    QString link() const; // the sightline:// link Copy link copies

    QLabel *titleLabel() const { return m_title; }
    QLabel *keyLabel() const { return m_key; }
    QLabel *scopeLabel() const { return m_scope; }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *graphButton() const { return m_graph; }

private:
    CaseContext &m_context;
    EntityType m_type = EntityType::AwsAccount;
    QString m_keyText;
    QLabel *m_icon = nullptr, *m_typeName = nullptr, *m_title = nullptr, *m_key = nullptr,
           *m_scope = nullptr;
    QPushButton *m_copy = nullptr, *m_graph = nullptr;
};

} // namespace sightline::ui
