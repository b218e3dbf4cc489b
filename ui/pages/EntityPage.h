#pragma once
// PLACEHOLDER: the Entity page (to be built).
#include "Page.h"

namespace sightline::ui {

class EntityPage : public Page
{
    Q_OBJECT
public:
    explicit EntityPage(CaseContext &context, QWidget *parent = nullptr);
    QString title() const override;

protected:
    void reload() override;
};

} // namespace sightline::ui
