#include "SummaryPage.h"

#include "PlainText.h"

#include <QVBoxLayout>

namespace sightline::ui {

SummaryPage::SummaryPage(CaseContext &context, QWidget *parent) : Page(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(plainLabel(tr("Summary")));
}

QString SummaryPage::title() const
{
    return tr("Summary");
}

void SummaryPage::reload() {}

} // namespace sightline::ui
