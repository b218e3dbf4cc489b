#include "GroupsPage.h"

#include "PlainText.h"

#include <QVBoxLayout>

namespace sightline::ui {

GroupsPage::GroupsPage(CaseContext &context, QWidget *parent) : Page(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(plainLabel(tr("Groups")));
}

QString GroupsPage::title() const
{
    return tr("Groups");
}

void GroupsPage::reload() {}

} // namespace sightline::ui
