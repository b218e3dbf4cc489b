#pragma once
// Public values of an import: options, progress, and the summary. No Qt.
#include "WriterStats.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sightline {

struct ImportOptions
{
    int threads = 0;                           // parser threads; 0 = hardware threads
    int64_t commitEveryEvents = 50000;         // events per transaction
    size_t queueMessages = 256;                // messages between parsers and the writer
    size_t queueBytes = 48u << 20;             // and the batches they hold, at most
    int64_t maxDecodedBytes = 8LL << 30;       // cap per decompressed file (bombs)
    int64_t maxArchiveMemberBytes = 2LL << 30; // cap per archive member held in memory
    size_t maxErrorsPerFile = 1000;            // errors recorded per file; the rest are counted
    // WAL pages (16 KB in new cases, 8 KB in cases made before) at which a commit waits for the
    // checkpoint running beside the writer (WalCheckpointer); 0: no checkpoint until the import
    // ends.
    int64_t checkpointPages = 16384;
    // Entity keys the interner keeps in memory (about 45 bytes each); past that it looks the
    // others up in the case file (Interner::setCapacity). 0: every key.
    size_t cachedEntities = 262144;
    // Importer threads remember the ids of their recent keys and ask the interner (and its
    // lock) only for others. Off: every key asks the interner (tests of its own paths).
    bool rememberKeysPerThread = true;
};

struct ImportProgress
{
    int64_t bytesDone = 0;  // bytes of evidence (as stored) read so far
    int64_t bytesTotal = 0; // bytes of all evidence found
    int64_t records = 0;
    int64_t newEvents = 0;
    int64_t errors = 0;
    int64_t filesDone = 0;
    int64_t filesTotal = 0;
    std::string currentFile;
};

// Called from import threads: implementations must be thread-safe and cheap.
class ImportSink
{
public:
    virtual ~ImportSink() = default;
    virtual void progress(const ImportProgress &p) = 0;
    virtual bool cancelled() { return false; }
};

struct ImportedFile
{
    std::string path;
    std::string format; // detected format, empty when skipped
    int64_t records = 0, newEvents = 0, duplicates = 0, errors = 0;
    int status = 0;   // SourceStatus
    std::string note; // skip reason or damage
};

struct ImportIssue
{
    std::string path;
    int64_t line = 0;   // 1-based, 0 if not line oriented
    int64_t offset = 0; // byte offset in the decoded stream
    std::string reason;
};

struct ImportSummary
{
    int64_t files = 0, records = 0, newEvents = 0, duplicates = 0, errors = 0, skipped = 0;
    int64_t flowRecords = 0; // flow records aggregated into the case (not events)
    bool cancelled = false;
    std::vector<ImportedFile> fileResults;
    std::vector<ImportIssue> issues; // first errors (at most maxErrorsPerFile per file)
    double seconds = 0;
    int64_t bytes = 0;
    WriterStats writer; // where the writer thread's time went
};

} // namespace sightline
