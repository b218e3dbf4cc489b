#include "GraphPage.h"

#include "PlainText.h"

#include <QVBoxLayout>

namespace sightline::ui {

GraphPage::GraphPage(CaseContext &context, QWidget *parent) : Page(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(plainLabel(tr("Graph")));
}

QString GraphPage::title() const
{
    return tr("Graph");
}

void GraphPage::reload() {}

} // namespace sightline::ui
