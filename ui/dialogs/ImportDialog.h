#pragma once
// PLACEHOLDER: imports files and folders into the open case with progress and a report.
#include "CaseContext.h"

#include <QDialog>
#include <QStringList>

namespace sightline::ui {

class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    // Starts importing paths into the context's case at once; when done, updates the
    // context's case range (CaseContext::updateCaseRange) so pages reload.
    ImportDialog(CaseContext &context, const QStringList &paths, QWidget *parent = nullptr);
};

} // namespace sightline::ui
