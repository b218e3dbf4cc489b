#pragma once
// PLACEHOLDER: the Sources page (to be built).
#include "Page.h"

namespace sightline::ui {

class SourcesPage : public Page
{
    Q_OBJECT
public:
    explicit SourcesPage(CaseContext &context, QWidget *parent = nullptr);
    QString title() const override;

protected:
    void reload() override;
};

} // namespace sightline::ui
