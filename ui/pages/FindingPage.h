#pragma once
// PLACEHOLDER: the Finding page (to be built).
#include "Page.h"

namespace sightline::ui {

class FindingPage : public Page
{
    Q_OBJECT
public:
    explicit FindingPage(CaseContext &context, QWidget *parent = nullptr);
    QString title() const override;

protected:
    void reload() override;
};

} // namespace sightline::ui
