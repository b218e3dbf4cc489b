#include "ImportDialog.h"

namespace sightline::ui {

ImportDialog::ImportDialog(CaseContext &context, const QStringList &paths, QWidget *parent)
    : QDialog(parent)
{
    Q_UNUSED(context);
    Q_UNUSED(paths);
}

} // namespace sightline::ui
