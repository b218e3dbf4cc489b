#include "EntityPage.h"

#include "PlainText.h"

#include <QVBoxLayout>

namespace sightline::ui {

EntityPage::EntityPage(CaseContext &context, QWidget *parent) : Page(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(plainLabel(tr("Entity")));
}

QString EntityPage::title() const
{
    return tr("Entity");
}

void EntityPage::reload() {}

} // namespace sightline::ui
