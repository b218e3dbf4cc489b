#include "FindingsPage.h"

#include "PlainText.h"

#include <QVBoxLayout>

namespace sightline::ui {

FindingsPage::FindingsPage(CaseContext &context, QWidget *parent) : Page(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(plainLabel(tr("Findings")));
}

QString FindingsPage::title() const
{
    return tr("Findings");
}

void FindingsPage::reload() {}

} // namespace sightline::ui
