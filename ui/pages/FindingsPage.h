#pragma once
// PLACEHOLDER: the Findings page (to be built).
#include "Page.h"

namespace sightline::ui {

class FindingsPage : public Page
{
    Q_OBJECT
public:
    explicit FindingsPage(CaseContext &context, QWidget *parent = nullptr);
    QString title() const override;

protected:
    void reload() override;
};

} // namespace sightline::ui
