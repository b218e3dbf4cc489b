#pragma once
// Imports files and folders into the open case on a worker thread (the importer opens its
// own read-write connection to the case file), with progress (bytes, records, errors, rate,
// time left) and Cancel; cancelling keeps the batches committed before. At the end it shows
// a report (files, new events, duplicates, skipped files with reasons, every error with file
// and line) that can be saved as text, and updates the context's case range so pages reload.
#include "CaseContext.h"
#include "ImportTypes.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QStringList>

#include <memory>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QThread;
class QTimer;

namespace sightline::ui {

class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    // Starts importing paths into the context's case at once; when done, updates the
    // context's case range (CaseContext::updateCaseRange) so pages reload.
    ImportDialog(CaseContext &context, const QStringList &paths, QWidget *parent = nullptr);
    ~ImportDialog() override;

    bool isRunning() const { return m_running; }
    // Asks the import to stop; it ends after the batch being written.
    void cancel();
    // After importFinished: the importer's summary, or the error that stopped it.
    const std::optional<ImportSummary> &summary() const { return m_summary; }
    QString failure() const { return m_failure; }
    bool wasCancelled() const;
    // The report as plain text, and saving it.
    QString reportText() const;
    bool saveReport(const QString &path, QString *error = nullptr) const;

    // For tests.
    QTableWidget *filesTable() const { return m_files; }
    QTableWidget *errorsTable() const { return m_errors; }
    QLabel *resultLabel() const { return m_result; }

signals:
    void importFinished();

protected:
    void reject() override;

private:
    struct Shared;
    struct Outcome;
    void start();
    void updateProgress();
    void finish(const Outcome &outcome);
    void chooseReportFile();

    CaseContext &m_context;
    QStringList m_paths;
    QString m_casePath;
    std::shared_ptr<Shared> m_shared;
    QThread *m_thread = nullptr;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    bool m_running = false;
    std::optional<ImportSummary> m_summary;
    QString m_failure;

    QStackedWidget *m_pages = nullptr;
    QLabel *m_what = nullptr, *m_file = nullptr, *m_stats = nullptr, *m_result = nullptr;
    QProgressBar *m_progress = nullptr;
    QTableWidget *m_files = nullptr, *m_errors = nullptr;
    QPushButton *m_cancel = nullptr, *m_save = nullptr, *m_close = nullptr;
};

} // namespace sightline::ui
