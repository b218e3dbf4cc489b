#pragma once
// Reads one evidence path (a file, or an archive and its members) on an importer thread:
// hashes it, detects its format, splits and parses its records into batches, and sends
// them to the writer through the queue.
#include "BatchBuilder.h"
#include "ByteSource.h"
#include "ImportMessage.h"
#include "ImportTypes.h"
#include "Interner.h"
#include "RawCodec.h"

#include <atomic>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace sightline {

// A VPC flow log file put off until the other files of the import are read (see
// SourceProcessor::processPath): hashed and claimed already.
struct DeferredFile
{
    std::string path;
    int64_t size = 0;
    std::string sha;
};

// Shared by all importer threads of one import.
struct ImportShared
{
    ImportShared(Interner &in, ImportQueue &q, const ImportOptions &o)
        : interner(in), queue(q), options(o)
    {}
    Interner &interner;
    ImportQueue &queue;
    const ImportOptions &options;
    ImportSink *sink = nullptr;
    std::atomic<int64_t> nextToken{1};
    std::atomic<int64_t> bytesDone{0};
    std::atomic<int64_t> records{0};
    std::atomic<int64_t> errors{0};
    std::atomic<int64_t> filesDone{0};
    std::atomic<bool> cancelled{false};
    std::mutex mutex;                                      // guards the members below
    std::unordered_map<std::string, std::string> knownSha; // SHA-256 -> where it was seen
    // Set before the parser threads start, then only read: SHA-256 of a VPC flow log file ->
    // flow records that interrupted imports of it committed (sources left Importing).
    std::unordered_map<std::string, int64_t> flowRecordsInCase;
    std::string currentFile;
    std::vector<DeferredFile> deferred;

    bool stop() { return cancelled.load(std::memory_order_relaxed); }
};

class SourceProcessor
{
public:
    explicit SourceProcessor(ImportShared &shared);
    // mayDefer: a VPC flow log file (not an archive member) is not read but added to
    // ImportShared::deferred, so that the network interfaces the other files map to
    // instances (CloudTrail, GuardDuty) are known when its records are read.
    void processPath(const std::string &path, int64_t size, bool mayDefer = false);
    void processDeferred(const DeferredFile &file);

private:
    // raw yields the bytes as stored. sha is known for files (hashed first); for archive
    // members it is computed while reading and recorded at the end.
    // Reads a file already hashed and claimed (or defers it, see processPath).
    void readClaimed(const DeferredFile &file, bool mayDefer);
    void processStream(const std::string &displayPath, int64_t storedSize, const std::string &sha,
                       ByteSource &raw, int depth, bool countBytes);
    void processArchive(const std::string &displayPath, int64_t storedSize, const std::string &sha,
                        ByteSource &raw, int depth, bool countBytes);
    void parseRecords(const std::string &displayPath, int64_t storedSize, const std::string &sha,
                      ByteSource &decoded, ByteSource &raw, std::string head, bool wholeFile,
                      bool countBytes);
    bool claim(const std::string &sha, const std::string &path, std::string &previous);
    void skipRow(const std::string &path, int64_t size, const std::string &sha,
                 const std::string &reason, SourceStatus status = SourceStatus::Skipped);
    bool send(ImportMessage &&m);

    ImportShared &m_shared;
    RawCompressor m_compressor;
    BatchBuilder m_builder;  // restarted for each file
    bool m_mayDefer = false; // for the file being read (never for archive members)
    bool m_deferred = false;
};

bool looksArchive(std::string_view head);

} // namespace sightline
