#include "FindingPage.h"

#include "PlainText.h"

#include <QVBoxLayout>

namespace sightline::ui {

FindingPage::FindingPage(CaseContext &context, QWidget *parent) : Page(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(plainLabel(tr("Finding")));
}

QString FindingPage::title() const
{
    return tr("Finding");
}

void FindingPage::reload() {}

} // namespace sightline::ui
