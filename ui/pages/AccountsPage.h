#pragma once
// PLACEHOLDER: the Accounts page (to be built).
#include "Page.h"

namespace sightline::ui {

class AccountsPage : public Page
{
    Q_OBJECT
public:
    explicit AccountsPage(CaseContext &context, QWidget *parent = nullptr);
    QString title() const override;

protected:
    void reload() override;
};

} // namespace sightline::ui
