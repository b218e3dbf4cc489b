#include "AccountsPage.h"

#include "PlainText.h"

#include <QVBoxLayout>

namespace sightline::ui {

AccountsPage::AccountsPage(CaseContext &context, QWidget *parent) : Page(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(plainLabel(tr("Accounts")));
}

QString AccountsPage::title() const
{
    return tr("Accounts");
}

void AccountsPage::reload() {}

} // namespace sightline::ui
