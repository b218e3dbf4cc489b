#include "SourcesPage.h"

#include "PlainText.h"
#include "TimeText.h"
#include "models/Format.h"
#include "models/RowTableModel.h"
#include "widgets/LinkTableView.h"

#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace sightline::ui {

namespace {

constexpr size_t kErrorsShown = 5000;
using Row = SourcesPage::SourceRow;

QVariant number(qint64 n, int role)
{
    if (role == Qt::DisplayRole)
        return countText(n);
    if (role == SortRole)
        return n;
    return {};
}

QAbstractItemModel *sorted(QAbstractItemModel *model, QObject *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(SortRole);
    return proxy;
}

bool inArchive(const std::string &path)
{
    return path.find("!/") != std::string::npos;
}

} // namespace

SourcesPage::SourcesPage(CaseContext &context, QWidget *parent) : Page(context, parent)
{
    m_pool.setMaxThreadCount(1);
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_summary = plainLabel({}, this);
    bar->addWidget(m_summary, 1);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(260);
    m_progress->setVisible(false);
    bar->addWidget(m_progress);
    m_verifyButton = new QPushButton(tr("Verify Evidence"), this);
    m_verifyButton->setToolTip(tr("Hash the original files again and compare them with the "
                                  "SHA-256 recorded when they were imported"));
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setVisible(false);
    bar->addWidget(m_verifyButton);
    bar->addWidget(m_cancelButton);
    layout->addLayout(bar);
    m_verifySummary = plainLabel({}, this);
    m_verifySummary->setWordWrap(true);
    layout->addWidget(m_verifySummary);

    m_sources = new RowTableModel<Row>(
        {
            {tr("File"),
             [](const Row &r, int role) -> QVariant {
                 if (role == Qt::DisplayRole)
                     return qs(r.info.path);
                 if (role == Qt::ToolTipRole)
                     return plainToolTip(
                         qs(r.info.path) +
                         (r.info.note.empty() ? QString() : QLatin1Char('\n') + qs(r.info.note)));
                 return {};
             }},
            {tr("Format"),
             [](const Row &r, int role) {
                 return role == Qt::DisplayRole ? QVariant(qs(r.info.format)) : QVariant();
             }},
            {tr("Size"),
             [](const Row &r, int role) -> QVariant {
                 if (role == Qt::DisplayRole)
                     return bytesText(r.info.size);
                 if (role == SortRole)
                     return qint64(r.info.size);
                 return {};
             },
             kNumberAlignment},
            {tr("Records"), [](const Row &r, int role) { return number(r.info.records, role); },
             kNumberAlignment},
            {tr("New events"),
             [](const Row &r, int role) { return number(r.info.newEvents, role); },
             kNumberAlignment},
            {tr("Duplicates"),
             [](const Row &r, int role) { return number(r.info.duplicates, role); },
             kNumberAlignment},
            {tr("Errors"), [](const Row &r, int role) { return number(r.info.errors, role); },
             kNumberAlignment},
            {tr("Status"),
             [](const Row &r, int role) -> QVariant {
                 if (role == Qt::DisplayRole)
                     return sourceStatusText(r.info.status);
                 if (role == Qt::ToolTipRole && !r.info.note.empty())
                     return plainToolTip(qs(r.info.note));
                 return {};
             }},
            {tr("Imported"),
             [](const Row &r, int role) -> QVariant {
                 if (role == Qt::DisplayRole)
                     return TimeText::dateTime(r.info.importedAt);
                 if (role == SortRole)
                     return qint64(r.info.importedAt);
                 return {};
             }},
            {tr("Evidence"),
             [](const Row &r, int role) -> QVariant {
                 if (role == Qt::DisplayRole)
                     return evidenceStateName(r.check.state);
                 if (role == Qt::ToolTipRole && !r.check.detail.isEmpty())
                     return plainToolTip(r.check.detail);
                 if (role == Qt::ForegroundRole && (r.check.state == EvidenceState::Changed ||
                                                    r.check.state == EvidenceState::Missing ||
                                                    r.check.state == EvidenceState::Unreadable))
                     return QColor(0xc6, 0x28, 0x28);
                 return {};
             },
             Qt::AlignLeft | Qt::AlignVCenter, tr("The last verification of the file")},
            {tr("SHA-256"),
             [](const Row &r, int role) {
                 return role == Qt::DisplayRole ? QVariant(qs(r.info.sha256)) : QVariant();
             }},
        },
        this);
    m_errors = new RowTableModel<ImportErrorInfo>(
        {
            {tr("File"),
             [](const ImportErrorInfo &e, int role) {
                 return role == Qt::DisplayRole ? QVariant(qs(e.path)) : QVariant();
             }},
            {tr("Line"),
             [](const ImportErrorInfo &e, int role) -> QVariant {
                 if (role == Qt::DisplayRole)
                     return e.line > 0 ? QVariant(countText(e.line)) : QVariant(QString());
                 if (role == SortRole)
                     return qint64(e.line);
                 return {};
             },
             kNumberAlignment},
            {tr("Offset"),
             [](const ImportErrorInfo &e, int role) { return number(e.offset, role); },
             kNumberAlignment, tr("Byte offset in the decoded file")},
            {tr("Reason"),
             [](const ImportErrorInfo &e, int role) -> QVariant {
                 if (role == Qt::DisplayRole)
                     return qs(e.reason);
                 if (role == Qt::ToolTipRole)
                     return plainToolTip(qs(e.reason));
                 return {};
             }},
        },
        this);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_sourcesView = new LinkTableView(context, splitter);
    m_sourcesView->setModel(sorted(m_sources, this));
    m_sourcesView->sortByColumn(0, Qt::AscendingOrder);
    m_sourcesView->horizontalHeader()->resizeSection(0, 420);
    splitter->addWidget(m_sourcesView);
    auto *errors = new QGroupBox(tr("Import errors"), splitter);
    auto *errorsLayout = new QVBoxLayout(errors);
    m_errorsNote = plainLabel({}, errors);
    errorsLayout->addWidget(m_errorsNote);
    m_errorsView = new LinkTableView(context, errors);
    m_errorsView->setModel(sorted(m_errors, this)); // stable: lines stay in order
    m_errorsView->sortByColumn(0, Qt::AscendingOrder);
    m_errorsView->horizontalHeader()->resizeSection(0, 420);
    errorsLayout->addWidget(m_errorsView);
    splitter->addWidget(errors);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_verify && m_verify->bytesTotal > 0)
            m_progress->setValue(
                int(1000.0 * double(m_verify->bytesDone.load()) / double(m_verify->bytesTotal)));
    });
    connect(m_verifyButton, &QPushButton::clicked, this, &SourcesPage::verifyEvidence);
    connect(m_cancelButton, &QPushButton::clicked, this, &SourcesPage::cancelVerification);
}

SourcesPage::~SourcesPage()
{
    if (m_verify)
        m_verify->cancel = true;
    m_pool.waitForDone();
}

QString SourcesPage::title() const
{
    return tr("Sources");
}

QAbstractItemModel *SourcesPage::sourcesModel() const
{
    return m_sources;
}

QAbstractItemModel *SourcesPage::errorsModel() const
{
    return m_errors;
}

EvidenceOutcome SourcesPage::outcome(const QString &path) const
{
    for (const Row &r : m_sources->rows()) {
        if (qs(r.info.path) == path)
            return r.check;
    }
    return {};
}

void SourcesPage::clear()
{
    cancelVerification();
    m_sources->setRows({});
    m_errors->setRows({});
    m_summary->clear();
    m_errorsNote->clear();
    m_verifySummary->clear();
    m_verifyButton->setEnabled(false);
}

void SourcesPage::reload()
{
    m_summary->setText(tr("Loading…"));
    m_context.runner().run<Result<CaseOverview>>(
        this, m_slot, [](Database &db) { return CaseInfo(db).read(kErrorsShown); },
        [this](Result<CaseOverview> &&o) {
            if (!o.ok()) {
                m_summary->setText(tr("Cannot read the sources: %1").arg(qs(o.error().detail)));
                return;
            }
            // Keep the verification results of files still listed.
            std::vector<Row> rows;
            for (SourceInfo &s : o->sources) {
                Row r;
                r.check = outcome(qs(s.path));
                if (r.check.state == EvidenceState::Checking)
                    r.check = {};
                if (inArchive(s.path))
                    r.check = {EvidenceState::InArchive, {}};
                r.info = std::move(s);
                rows.push_back(std::move(r));
            }
            m_sources->setRows(std::move(rows));
            m_errors->setRows(std::move(o->firstErrors));
            QString text =
                tr("%1 files · %2 records · %3 new events · %4 duplicates · %5 errors")
                    .arg(countText(qint64(o->sources.size())), countText(o->records),
                         countText(o->events), countText(o->duplicates), countText(o->errors));
            if (o->skippedSources + o->damagedSources + o->failedSources > 0)
                text += QStringLiteral(" · ") + tr("%1 skipped, %2 damaged, %3 failed")
                                                    .arg(o->skippedSources)
                                                    .arg(o->damagedSources)
                                                    .arg(o->failedSources);
            m_summary->setText(text);
            m_errorsNote->setText(
                o->importErrorRows > qint64(m_errors->rowCount())
                    ? tr("The first %1 of %2 recorded errors.")
                          .arg(countText(m_errors->rowCount()), countText(o->importErrorRows))
                    : tr("Recorded errors: %1.").arg(countText(o->importErrorRows)));
            m_verifyButton->setEnabled(!m_verify && m_sources->rowCount() > 0);
        },
        [this](const QString &message) { m_summary->setText(message); });
}

void SourcesPage::verifyEvidence()
{
    if (m_verify || m_sources->rowCount() == 0)
        return;
    auto job = std::make_shared<VerifyJob>();
    struct Item
    {
        int64_t id;
        QString path;
        std::string sha;
    };
    std::vector<Item> items;
    for (int i = 0; i < m_sources->rowCount(); ++i) {
        const Row &r = m_sources->row(i);
        if (inArchive(r.info.path) || r.info.sha256.empty())
            continue;
        items.push_back({r.info.id, qs(r.info.path), r.info.sha256});
        job->bytesTotal += r.info.size;
        m_sources->updateRow(i, [](Row &row) { row.check = {EvidenceState::Checking, {}}; });
    }
    job->pending = static_cast<int>(items.size());
    m_verify = job;
    m_verifySummary->setText(tr("Verifying the files (%1)…").arg(job->pending));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancelButton->setVisible(true);
    m_verifyButton->setEnabled(false);
    m_progressTimer->start();
    if (items.empty()) {
        finishVerification();
        return;
    }
    m_pool.start([this, job, items = std::move(items)] {
        for (const Item &item : items) {
            const EvidenceOutcome result =
                checkEvidence(item.path, item.sha, job->cancel, job->bytesDone);
            QMetaObject::invokeMethod(
                this,
                [this, job, id = item.id, result] {
                    if (job != m_verify)
                        return;
                    showResult(id, result);
                    if (--job->pending == 0)
                        finishVerification();
                },
                Qt::QueuedConnection);
        }
    });
}

void SourcesPage::showResult(int64_t sourceId, const EvidenceOutcome &outcome)
{
    for (int i = 0; i < m_sources->rowCount(); ++i) {
        if (m_sources->row(i).info.id == sourceId) {
            m_sources->updateRow(i, [&](Row &r) { r.check = outcome; });
            return;
        }
    }
}

void SourcesPage::cancelVerification()
{
    if (!m_verify)
        return;
    m_verify->cancel = true;
    m_pool.waitForDone();
    // Results still queued are dropped (the job is no longer current).
    for (int i = 0; i < m_sources->rowCount(); ++i) {
        if (m_sources->row(i).check.state == EvidenceState::Checking)
            m_sources->updateRow(i, [](Row &r) { r.check = {EvidenceState::Cancelled, {}}; });
    }
    finishVerification();
}

void SourcesPage::finishVerification()
{
    const bool cancelled = m_verify && m_verify->cancel.load();
    m_verify.reset();
    m_progressTimer->stop();
    m_progress->setVisible(false);
    m_cancelButton->setVisible(false);
    m_verifyButton->setEnabled(m_sources->rowCount() > 0);
    int unchanged = 0, changed = 0, missing = 0, unreadable = 0;
    for (const Row &r : m_sources->rows()) {
        unchanged += r.check.state == EvidenceState::Unchanged;
        changed += r.check.state == EvidenceState::Changed;
        missing += r.check.state == EvidenceState::Missing;
        unreadable += r.check.state == EvidenceState::Unreadable;
    }
    QString text = tr("%1 unchanged, %2 changed, %3 missing, %4 unreadable.")
                       .arg(unchanged)
                       .arg(changed)
                       .arg(missing)
                       .arg(unreadable);
    if (cancelled)
        text = tr("Verification cancelled.") + QLatin1Char(' ') + text;
    else if (changed + missing + unreadable == 0)
        text = tr("Every file is as it was imported.") + QLatin1Char(' ') + text;
    else
        text = tr("Some evidence is no longer as it was imported.") + QLatin1Char(' ') + text;
    m_verifySummary->setText(text);
    emit verificationFinished();
}

} // namespace sightline::ui
