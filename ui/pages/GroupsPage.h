#pragma once
// PLACEHOLDER: the Groups page (to be built).
#include "Page.h"

namespace sightline::ui {

class GroupsPage : public Page
{
    Q_OBJECT
public:
    explicit GroupsPage(CaseContext &context, QWidget *parent = nullptr);
    QString title() const override;

protected:
    void reload() override;
};

} // namespace sightline::ui
