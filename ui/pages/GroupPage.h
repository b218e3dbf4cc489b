#pragma once
// PLACEHOLDER: the Group page (to be built).
#include "Page.h"

namespace sightline::ui {

class GroupPage : public Page
{
    Q_OBJECT
public:
    explicit GroupPage(CaseContext &context, QWidget *parent = nullptr);
    QString title() const override;

protected:
    void reload() override;
};

} // namespace sightline::ui
