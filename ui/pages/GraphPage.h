#pragma once
// PLACEHOLDER: the Graph page (to be built).
#include "Page.h"

namespace sightline::ui {

class GraphPage : public Page
{
    Q_OBJECT
public:
    explicit GraphPage(CaseContext &context, QWidget *parent = nullptr);
    QString title() const override;

protected:
    void reload() override;
};

} // namespace sightline::ui
