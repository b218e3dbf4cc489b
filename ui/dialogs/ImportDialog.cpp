#include "ImportDialog.h"

#include "CaseFile.h"
#include "EventKind.h"
#include "Importer.h"
#include "PlainText.h"
#include "models/Format.h"
#include "queries/CaseInfo.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <mutex>

namespace sightline::ui {

// What the import thread and the dialog share.
struct ImportDialog::Shared : ImportSink
{
    std::mutex mutex;
    ImportProgress latest;
    std::atomic<bool> stop{false};

    void progress(const ImportProgress &p) override
    {
        std::lock_guard lock(mutex);
        latest = p;
    }
    bool cancelled() override { return stop.load(); }
    ImportProgress snapshot()
    {
        std::lock_guard lock(mutex);
        return latest;
    }
};

struct ImportDialog::Outcome
{
    std::optional<ImportSummary> summary;
    QString failure;
    bool cancelled = false;
    qint64 first = 0, last = 0;
    bool rangeKnown = false;
};

namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideMiddle);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString where(const ImportIssue &i)
{
    return i.line > 0 ? ImportDialog::tr("line %1").arg(i.line)
                      : ImportDialog::tr("offset %1").arg(i.offset);
}

} // namespace

ImportDialog::ImportDialog(CaseContext &context, const QStringList &paths, QWidget *parent)
    : QDialog(parent), m_context(context), m_paths(paths), m_casePath(context.casePath()),
      m_shared(std::make_shared<Shared>())
{
    setWindowTitle(tr("Import Evidence"));
    resize(820, 560);
    auto *layout = new QVBoxLayout(this);
    m_what = plainLabel({}, this);
    m_what->setWordWrap(true);
    layout->addWidget(m_what);

    m_pages = new QStackedWidget(this);
    // Progress.
    auto *progressPage = new QWidget(m_pages);
    auto *progressLayout = new QVBoxLayout(progressPage);
    m_file = plainLabel({}, progressPage);
    m_file->setTextInteractionFlags(Qt::NoTextInteraction);
    m_file->setMinimumWidth(200);
    m_file->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    progressLayout->addWidget(m_file);
    m_progress = new QProgressBar(progressPage);
    m_progress->setRange(0, 0);
    progressLayout->addWidget(m_progress);
    m_stats = plainLabel({}, progressPage);
    progressLayout->addWidget(m_stats);
    progressLayout->addStretch(1);
    m_pages->addWidget(progressPage);

    // Report.
    auto *reportPage = new QWidget(m_pages);
    auto *reportLayout = new QVBoxLayout(reportPage);
    reportLayout->setContentsMargins(0, 0, 0, 0);
    m_result = plainLabel({}, reportPage);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    reportLayout->addWidget(m_result);
    auto *tabs = new QTabWidget(reportPage);
    m_files = makeTable({tr("File"), tr("Format"), tr("Status"), tr("Records"), tr("New events"),
                         tr("Duplicates"), tr("Errors"), tr("Note")},
                        tabs);
    m_files->horizontalHeader()->resizeSection(0, 300);
    m_errors = makeTable({tr("File"), tr("Where"), tr("Reason")}, tabs);
    m_errors->horizontalHeader()->resizeSection(0, 300);
    tabs->addTab(m_files, tr("Files"));
    tabs->addTab(m_errors, tr("Errors"));
    reportLayout->addWidget(tabs, 1);
    m_pages->addWidget(reportPage);
    layout->addWidget(m_pages, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_save = buttons->addButton(tr("Save Report…"), QDialogButtonBox::ActionRole);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_save->setVisible(false);
    m_close->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, &ImportDialog::cancel);
    connect(m_save, &QPushButton::clicked, this, &ImportDialog::chooseReportFile);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    layout->addWidget(buttons);

    m_timer = new QTimer(this);
    m_timer->setInterval(150);
    connect(m_timer, &QTimer::timeout, this, &ImportDialog::updateProgress);
    start();
}

ImportDialog::~ImportDialog()
{
    m_shared->stop = true;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void ImportDialog::start()
{
    QStringList names;
    for (const QString &p : m_paths)
        names << QDir::toNativeSeparators(p);
    m_what->setText(tr("Importing into %1:").arg(QFileInfo(m_casePath).fileName()) +
                    QLatin1Char('\n') + names.join(QLatin1Char('\n')));
    if (m_casePath.isEmpty()) {
        Outcome o;
        o.failure = tr("No case is open.");
        QTimer::singleShot(0, this, [this, o] { finish(o); });
        return;
    }
    m_running = true;
    m_clock.start();
    std::vector<std::string> paths;
    for (const QString &p : m_paths)
        paths.push_back(p.toStdString());
    const std::string casePath = m_casePath.toStdString();
    std::shared_ptr<Shared> shared = m_shared;
    m_thread = QThread::create([this, shared, paths, casePath] {
        Outcome o;
        {
            auto file = CaseFile::open(casePath, CaseFile::Access::ReadWrite);
            if (!file.ok()) {
                o.failure = qs(file.error().detail);
            } else {
                auto summary = importPaths(*file, paths, shared.get());
                if (summary.ok()) {
                    o.summary = std::move(*summary);
                    o.cancelled = o.summary->cancelled;
                } else if (summary.error().code == ErrorCode::Cancelled) {
                    o.cancelled = true;
                } else {
                    o.failure = qs(summary.error().detail);
                }
            }
        }
        // The range of the case as it is now (what was committed).
        if (auto file = CaseFile::open(casePath, CaseFile::Access::ReadOnly); file.ok()) {
            if (auto info = CaseInfo(file->db()).read(0); info.ok()) {
                o.first = info->firstTime;
                o.last = info->lastTime;
                o.rangeKnown = true;
            }
        }
        QMetaObject::invokeMethod(
            this, [this, o] { finish(o); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("import"));
    m_thread->start();
    m_timer->start();
    updateProgress();
}

void ImportDialog::cancel()
{
    if (!m_running)
        return;
    m_shared->stop = true;
    m_cancel->setEnabled(false);
    m_stats->setText(tr("Cancelling after the current batch…"));
}

bool ImportDialog::wasCancelled() const
{
    return m_shared->stop.load() || (m_summary && m_summary->cancelled);
}

void ImportDialog::reject()
{
    if (m_running) {
        cancel();
        return;
    }
    QDialog::reject();
}

void ImportDialog::updateProgress()
{
    if (!m_running)
        return;
    const ImportProgress p = m_shared->snapshot();
    const double seconds = std::max(0.001, m_clock.elapsed() / 1000.0);
    m_file->setText(p.currentFile.empty()
                        ? tr("Looking for evidence…")
                        : tr("File %1 of %2: %3")
                              .arg(p.filesDone + 1 > p.filesTotal ? p.filesTotal : p.filesDone + 1)
                              .arg(p.filesTotal)
                              .arg(QDir::toNativeSeparators(qs(p.currentFile))));
    if (p.bytesTotal > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(1000.0 * double(p.bytesDone) / double(p.bytesTotal)));
    }
    if (m_shared->stop.load())
        return;
    const double rate = double(p.bytesDone) / seconds;
    QString text = tr("%1 of %2 · %3 records · %4 new events · %5 errors · %6/s")
                       .arg(bytesText(p.bytesDone), bytesText(p.bytesTotal), countText(p.records),
                            countText(p.newEvents), countText(p.errors), bytesText(qint64(rate)));
    if (rate > 0 && p.bytesTotal > p.bytesDone && seconds > 1)
        text += QStringLiteral(" · ") +
                tr("about %1 left")
                    .arg(durationText(qint64(double(p.bytesTotal - p.bytesDone) / rate)));
    m_stats->setText(text);
}

void ImportDialog::finish(const Outcome &o)
{
    m_running = false;
    m_timer->stop();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_summary = o.summary;
    m_failure = o.failure;
    if (o.cancelled)
        m_shared->stop = true;

    m_files->setRowCount(0);
    m_errors->setRowCount(0);
    if (m_summary) {
        const ImportSummary &s = *m_summary;
        m_files->setRowCount(int(s.fileResults.size()));
        for (int i = 0; i < int(s.fileResults.size()); ++i) {
            const ImportedFile &f = s.fileResults[size_t(i)];
            m_files->setItem(i, 0, cell(QDir::toNativeSeparators(qs(f.path))));
            m_files->setItem(i, 1, cell(qs(f.format)));
            m_files->setItem(i, 2, cell(sourceStatusText(static_cast<SourceStatus>(f.status))));
            m_files->setItem(i, 3, cell(countText(f.records), true));
            m_files->setItem(i, 4, cell(countText(f.newEvents), true));
            m_files->setItem(i, 5, cell(countText(f.duplicates), true));
            m_files->setItem(i, 6, cell(countText(f.errors), true));
            m_files->setItem(i, 7, cell(qs(f.note)));
        }
        m_errors->setRowCount(int(s.issues.size()));
        for (int i = 0; i < int(s.issues.size()); ++i) {
            const ImportIssue &issue = s.issues[size_t(i)];
            m_errors->setItem(i, 0, cell(QDir::toNativeSeparators(qs(issue.path))));
            m_errors->setItem(i, 1, cell(where(issue)));
            m_errors->setItem(i, 2, cell(qs(issue.reason)));
        }
    }
    m_result->setText(reportText().section(QLatin1String("\n\n"), 0, 0));
    m_pages->setCurrentIndex(1);
    m_cancel->setVisible(false);
    m_save->setVisible(true);
    m_close->setVisible(true);
    m_close->setDefault(true);
    m_close->setFocus();

    if (o.rangeKnown && m_context.casePath() == m_casePath)
        m_context.updateCaseRange(o.first, o.last);
    emit importFinished();
}

QString ImportDialog::reportText() const
{
    QString o;
    const QString caseName = QDir::toNativeSeparators(m_casePath);
    if (!m_failure.isEmpty()) {
        o = tr("The import into %1 failed: %2").arg(caseName, m_failure);
        return o + QLatin1Char('\n');
    }
    if (!m_summary) {
        return wasCancelled()
                   ? tr("Import into %1 cancelled; the case keeps what was committed before.")
                             .arg(caseName) +
                         QLatin1Char('\n')
                   : QString();
    }
    const ImportSummary &s = *m_summary;
    o += (s.cancelled ? tr("Import into %1 cancelled; the case keeps what was committed before.")
                      : tr("Imported into %1."))
             .arg(caseName);
    o += QLatin1Char('\n') +
         tr("%1 files · %2 records · %3 new events · %4 duplicates · %5 errors · %6 skipped "
            "files · %7 in %8")
             .arg(countText(s.files), countText(s.records), countText(s.newEvents),
                  countText(s.duplicates), countText(s.errors), countText(s.skipped),
                  bytesText(s.bytes), durationText(qint64(s.seconds + 0.5)));
    if (s.flowRecords > 0)
        o += QLatin1Char('\n') + tr("%1 flow records aggregated.").arg(countText(s.flowRecords));

    QString skipped, damaged;
    for (const ImportedFile &f : s.fileResults) {
        const auto status = static_cast<SourceStatus>(f.status);
        const QString line = QStringLiteral("  ") + QDir::toNativeSeparators(qs(f.path)) +
                             QStringLiteral(": ") +
                             (f.note.empty() ? sourceStatusText(status) : qs(f.note));
        if (status == SourceStatus::Skipped)
            skipped += line + QLatin1Char('\n');
        else if (status == SourceStatus::Damaged || status == SourceStatus::Failed)
            damaged +=
                line + QStringLiteral(" [") + sourceStatusText(status) + QStringLiteral("]\n");
    }
    if (!skipped.isEmpty())
        o += QStringLiteral("\n\n") + tr("Skipped files") + QLatin1Char('\n') + skipped;
    if (!damaged.isEmpty())
        o += QStringLiteral("\n\n") + tr("Damaged or unreadable files") + QLatin1Char('\n') +
             damaged;
    if (!s.issues.empty()) {
        o += QStringLiteral("\n\n") + tr("Errors") + QLatin1Char('\n');
        for (const ImportIssue &i : s.issues)
            o += QStringLiteral("  ") + QDir::toNativeSeparators(qs(i.path)) +
                 QStringLiteral(", ") + where(i) + QStringLiteral(": ") + qs(i.reason) +
                 QLatin1Char('\n');
        if (s.errors > qint64(s.issues.size()))
            o += QStringLiteral("  ") +
                 tr("(%1 more errors were counted but not recorded)")
                     .arg(countText(s.errors - qint64(s.issues.size()))) +
                 QLatin1Char('\n');
    }
    o += QStringLiteral("\n\n") + tr("Files") + QLatin1Char('\n');
    for (const ImportedFile &f : s.fileResults)
        o += QStringLiteral("  ") + QDir::toNativeSeparators(qs(f.path)) + QStringLiteral(" [") +
             (f.format.empty() ? sourceStatusText(static_cast<SourceStatus>(f.status))
                               : qs(f.format)) +
             QStringLiteral("] ") +
             tr("%1 records, %2 new events, %3 duplicates, %4 errors")
                 .arg(countText(f.records), countText(f.newEvents), countText(f.duplicates),
                      countText(f.errors)) +
             QLatin1Char('\n');
    return o;
}

bool ImportDialog::saveReport(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(reportText().toUtf8());
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void ImportDialog::chooseReportFile()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Import Report"),
        QFileInfo(m_casePath).absoluteDir().filePath(QStringLiteral("import-report.txt")),
        tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveReport(path, &error))
        QMessageBox::warning(this, tr("Save Import Report"),
                             tr("Cannot save %1:\n%2").arg(QDir::toNativeSeparators(path), error));
}

} // namespace sightline::ui
