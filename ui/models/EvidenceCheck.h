#pragma once
// Re-hashing an imported evidence file to tell whether it is still what was imported
// (SourcesPage, "Verify evidence"). Runs on a worker thread; no Qt widgets.
#include <QString>

#include <atomic>
#include <string>

namespace sightline::ui {

enum class EvidenceState
{
    NotChecked,
    Checking,
    Unchanged,
    Changed,
    Missing,
    Unreadable,
    InArchive, // an archive member: checked with its archive
    Cancelled,
};

QString evidenceStateName(EvidenceState state);

struct EvidenceOutcome
{
    EvidenceState state = EvidenceState::NotChecked;
    QString detail; // why (e.g. the new SHA-256, the read error)
};

// Hashes path with SHA-256 and compares with the digest recorded at import. bytesDone grows
// as the file is read; cancel stops between reads (state Cancelled).
EvidenceOutcome checkEvidence(const QString &path, const std::string &sha256,
                              std::atomic<bool> &cancel, std::atomic<qint64> &bytesDone);

} // namespace sightline::ui
