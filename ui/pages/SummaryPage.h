#pragma once
// PLACEHOLDER: the Summary page (to be built).
#include "Page.h"

namespace sightline::ui {

class SummaryPage : public Page
{
    Q_OBJECT
public:
    explicit SummaryPage(CaseContext &context, QWidget *parent = nullptr);
    QString title() const override;

protected:
    void reload() override;
};

} // namespace sightline::ui
