#pragma once
// Every imported file with its provenance (size, SHA-256, format, counts, status, import
// time), the import errors (file, line or offset, reason), and "Verify Evidence": re-hashes
// the original files off the GUI thread and reports each as unchanged, changed or missing.
// Ignores the scope time and the account filter.
#include "Page.h"
#include "models/EvidenceCheck.h"
#include "queries/CaseInfo.h"

#include <QThreadPool>

#include <atomic>
#include <memory>

class QAbstractItemModel;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace sightline::ui {

template <typename Row> class RowTableModel;
class LinkTableView;

class SourcesPage : public Page
{
    Q_OBJECT
public:
    struct SourceRow
    {
        SourceInfo info;
        EvidenceOutcome check;
    };

    explicit SourcesPage(CaseContext &context, QWidget *parent = nullptr);
    ~SourcesPage() override;
    QString title() const override;
    bool isLoading() const override { return m_slot.busy; }
    bool isVerifying() const { return m_verify != nullptr; }

    // Re-hashes every imported file (archive members are checked with their archive).
    void verifyEvidence();
    void cancelVerification();

    // For tests.
    QAbstractItemModel *sourcesModel() const;
    QAbstractItemModel *errorsModel() const;
    EvidenceOutcome outcome(const QString &path) const;
    QLabel *verifySummary() const { return m_verifySummary; }

signals:
    void verificationFinished();

protected:
    void reload() override;
    void clear() override;
    bool followsScope() const override { return false; }
    bool followsAccount() const override { return false; }

private:
    struct VerifyJob
    {
        std::atomic<bool> cancel{false};
        std::atomic<qint64> bytesDone{0};
        qint64 bytesTotal = 0;
        int pending = 0;
    };
    void showResult(int64_t sourceId, const EvidenceOutcome &outcome);
    void finishVerification();

    JobSlot m_slot;
    RowTableModel<SourceRow> *m_sources = nullptr;
    RowTableModel<ImportErrorInfo> *m_errors = nullptr;
    LinkTableView *m_sourcesView = nullptr, *m_errorsView = nullptr;
    QLabel *m_summary = nullptr, *m_errorsNote = nullptr, *m_verifySummary = nullptr;
    QPushButton *m_verifyButton = nullptr, *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QTimer *m_progressTimer = nullptr;
    std::shared_ptr<VerifyJob> m_verify;
    QThreadPool m_pool;
};

} // namespace sightline::ui
