#include "EvidenceCheck.h"

#include "Hashing.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <vector>

namespace sightline::ui {

QString evidenceStateName(EvidenceState state)
{
    switch (state) {
    case EvidenceState::NotChecked:
        return {};
    case EvidenceState::Checking:
        return QCoreApplication::translate("EvidenceCheck", "checking…");
    case EvidenceState::Unchanged:
        return QCoreApplication::translate("EvidenceCheck", "unchanged");
    case EvidenceState::Changed:
        return QCoreApplication::translate("EvidenceCheck", "CHANGED");
    case EvidenceState::Missing:
        return QCoreApplication::translate("EvidenceCheck", "missing");
    case EvidenceState::Unreadable:
        return QCoreApplication::translate("EvidenceCheck", "unreadable");
    case EvidenceState::InArchive:
        return QCoreApplication::translate("EvidenceCheck", "in archive");
    case EvidenceState::Cancelled:
        return QCoreApplication::translate("EvidenceCheck", "not checked (cancelled)");
    }
    return {};
}

EvidenceOutcome checkEvidence(const QString &path, const std::string &sha256,
                              std::atomic<bool> &cancel, std::atomic<qint64> &bytesDone)
{
    if (!QFileInfo::exists(path))
        return {EvidenceState::Missing,
                QCoreApplication::translate("EvidenceCheck", "The file no longer exists.")};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {EvidenceState::Unreadable, file.errorString()};
    Sha256 hash;
    std::vector<char> buffer(1 << 20);
    for (;;) {
        if (cancel.load())
            return {EvidenceState::Cancelled, {}};
        const qint64 n = file.read(buffer.data(), static_cast<qint64>(buffer.size()));
        if (n < 0)
            return {EvidenceState::Unreadable, file.errorString()};
        if (n == 0)
            break;
        hash.update(buffer.data(), static_cast<size_t>(n));
        bytesDone += n;
    }
    const std::string digest = hash.hexDigest();
    if (digest == sha256)
        return {EvidenceState::Unchanged, {}};
    return {EvidenceState::Changed, QCoreApplication::translate("EvidenceCheck", "SHA-256 now %1")
                                        .arg(QString::fromStdString(digest))};
}

} // namespace sightline::ui
