#include "SourcesPage.h"

#include "PlainText.h"

#include <QVBoxLayout>

namespace sightline::ui {

SourcesPage::SourcesPage(CaseContext &context, QWidget *parent) : Page(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(plainLabel(tr("Sources")));
}

QString SourcesPage::title() const
{
    return tr("Sources");
}

void SourcesPage::reload() {}

} // namespace sightline::ui
