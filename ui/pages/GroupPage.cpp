#include "GroupPage.h"

#include "PlainText.h"

#include <QVBoxLayout>

namespace sightline::ui {

GroupPage::GroupPage(CaseContext &context, QWidget *parent) : Page(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(plainLabel(tr("Group")));
}

QString GroupPage::title() const
{
    return tr("Group");
}

void GroupPage::reload() {}

} // namespace sightline::ui
