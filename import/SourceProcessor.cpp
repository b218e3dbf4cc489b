#include "SourceProcessor.h"

#include "BatchBuilder.h"
#include "Hashing.h"
#include "Sniffer.h"

#include <archive.h>
#include <archive_entry.h>
#include <chrono>
#include <cstring>
#include <vector>

namespace sightline {
namespace {

constexpr size_t kMagicBytes = 64 * 1024;
constexpr size_t kSniffBytes = 256 * 1024;

int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Appends up to size bytes to head (fewer only at the end or on an error; the record
// reader reports such an error again in its place).
void readMore(ByteSource &src, std::string &head, size_t size, bool &atEnd)
{
    size_t got = head.size();
    const size_t want = got + size;
    head.resize(want);
    atEnd = false;
    while (got < want) {
        auto n = src.read(head.data() + got, want - got);
        if (!n || *n == 0) {
            atEnd = n.ok();
            break;
        }
        got += *n;
    }
    head.resize(got);
}

std::string readHead(ByteSource &src, size_t size, bool &atEnd)
{
    std::string head;
    readMore(src, head, size, atEnd);
    return head;
}

// Sniffing needs one complete record; a file whose first records are huge is read further
// (up to this much) before it is judged.
constexpr size_t kMaxSniffBytes = 64u << 20;

bool isTar(std::string_view head)
{
    return head.size() >= 262 && head.substr(257, 5) == "ustar";
}

// Hashes bytes as they pass through.
class HashingSource final : public ByteSource
{
public:
    explicit HashingSource(ByteSource &inner) : m_inner(inner) {}
    Result<size_t> read(char *buffer, size_t size) override
    {
        auto n = m_inner.read(buffer, size);
        if (n && *n)
            m_sha.update(buffer, *n);
        return n;
    }
    int64_t storedBytesRead() const override { return m_inner.storedBytesRead(); }
    std::string finish()
    {
        std::vector<char> buf(1 << 16);
        for (;;) { // hash what the parser did not read (after damage)
            auto n = read(buf.data(), buf.size());
            if (!n || *n == 0)
                break;
        }
        return m_sha.hexDigest();
    }

private:
    ByteSource &m_inner;
    Sha256 m_sha;
};

// The data of the current archive entry.
class ArchiveEntrySource final : public ByteSource
{
public:
    ArchiveEntrySource(archive *a, int64_t max) : m_archive(a), m_max(max) {}
    Result<size_t> read(char *buffer, size_t size) override
    {
        const la_ssize_t n = archive_read_data(m_archive, buffer, size);
        if (n < 0)
            return Error{ErrorCode::Io,
                         std::string("archive member is damaged: ") +
                             (archive_error_string(m_archive) ? archive_error_string(m_archive)
                                                              : "read error")};
        m_read += n;
        if (m_read > m_max)
            return Error{ErrorCode::Io, "archive member exceeds the size limit of " +
                                            std::to_string(m_max) + " bytes"};
        return static_cast<size_t>(n);
    }
    int64_t storedBytesRead() const override { return m_read; }

private:
    archive *m_archive;
    int64_t m_max;
    int64_t m_read = 0;
};

struct ArchiveClient
{
    ByteSource *source;
    std::vector<char> buffer = std::vector<char>(1 << 20);
};

la_ssize_t archiveRead(archive *a, void *client, const void **out)
{
    auto *c = static_cast<ArchiveClient *>(client);
    auto n = c->source->read(c->buffer.data(), c->buffer.size());
    if (!n) {
        archive_set_error(a, EIO, "%s", n.error().detail.c_str());
        return -1;
    }
    *out = c->buffer.data();
    return static_cast<la_ssize_t>(*n);
}

} // namespace

bool looksArchive(std::string_view head)
{
    return head.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
           head.substr(0, 4) == std::string_view("PK\x05\x06", 4) || isTar(head);
}

// zstd level 1: raw blocks shrink about tenfold, at a fraction of level 3's cost.
SourceProcessor::SourceProcessor(ImportShared &shared)
    : m_shared(shared), m_compressor(1), m_builder(shared.interner, m_compressor)
{}

bool SourceProcessor::send(ImportMessage &&m)
{
    return m_shared.queue.push(std::move(m));
}

bool SourceProcessor::claim(const std::string &sha, const std::string &path, std::string &previous)
{
    std::lock_guard lock(m_shared.mutex);
    auto [it, inserted] = m_shared.knownSha.try_emplace(sha, path);
    if (!inserted)
        previous = it->second;
    return inserted;
}

void SourceProcessor::skipRow(const std::string &path, int64_t size, const std::string &sha,
                              const std::string &reason, SourceStatus status)
{
    ImportMessage begin;
    begin.kind = ImportMessage::Kind::Begin;
    begin.token = m_shared.nextToken++;
    begin.source = SourceRecord{path, size, sha, "", 0, nowMs()};
    const int64_t token = begin.token;
    if (!send(std::move(begin)))
        return;
    ImportMessage end;
    end.kind = ImportMessage::Kind::End;
    end.token = token;
    end.totals.status = status;
    end.totals.note = reason;
    send(std::move(end));
}

void SourceProcessor::processPath(const std::string &path, int64_t size, bool mayDefer)
{
    {
        std::lock_guard lock(m_shared.mutex);
        m_shared.currentFile = path;
    }
    // Hash first: evidence already in the case is skipped without parsing it again.
    std::string sha;
    {
        auto file = FileSource::open(path);
        if (!file) {
            skipRow(path, size, "", file.error().detail, SourceStatus::Failed);
            m_shared.bytesDone += size;
            return;
        }
        Sha256 h;
        std::vector<char> buf(1 << 20);
        for (;;) {
            auto n = (*file)->read(buf.data(), buf.size());
            if (!n) {
                skipRow(path, size, "", n.error().detail, SourceStatus::Failed);
                m_shared.bytesDone += size;
                return;
            }
            if (*n == 0)
                break;
            h.update(buf.data(), *n);
            if (m_shared.stop())
                return;
        }
        sha = h.hexDigest();
    }
    std::string previous;
    if (size > 0 && !claim(sha, path, previous)) {
        ImportMessage skip;
        skip.kind = ImportMessage::Kind::Skip;
        skip.path = path;
        skip.reason = previous.rfind("case:", 0) == 0
                          ? "already in the case (identical SHA-256 to " + previous.substr(5) + ")"
                          : "identical to " + previous + " (same SHA-256), which this import reads";
        send(std::move(skip));
        m_shared.bytesDone += size;
        ++m_shared.filesDone;
        return;
    }
    readClaimed(DeferredFile{path, size, std::move(sha)}, mayDefer);
}

void SourceProcessor::processDeferred(const DeferredFile &f)
{
    {
        std::lock_guard lock(m_shared.mutex);
        m_shared.currentFile = f.path;
    }
    readClaimed(f, false);
}

void SourceProcessor::readClaimed(const DeferredFile &f, bool mayDefer)
{
    auto file = FileSource::open(f.path);
    if (!file) {
        skipRow(f.path, f.size, f.sha, file.error().detail, SourceStatus::Failed);
        m_shared.bytesDone += f.size;
        return;
    }
    m_mayDefer = mayDefer;
    m_deferred = false;
    processStream(f.path, f.size, f.sha, **file, 0, true);
    m_mayDefer = false;
    if (m_deferred) {
        std::lock_guard lock(m_shared.mutex);
        m_shared.deferred.push_back(f);
        return;
    }
    ++m_shared.filesDone;
}

void SourceProcessor::processStream(const std::string &displayPath, int64_t storedSize,
                                    const std::string &sha, ByteSource &raw, int depth,
                                    bool countBytes)
{
    bool atEnd = false;
    std::string magic = readHead(raw, kMagicBytes, atEnd);
    PrefixedSource stored(magic, raw);
    if (looksArchive(magic) && depth < 3) {
        processArchive(displayPath, storedSize, sha, stored, depth, countBytes);
        return;
    }
    if (looksGzip(magic)) {
        GzipSource decoded(std::make_unique<PrefixedSource>(std::move(magic), raw),
                           m_shared.options.maxDecodedBytes);
        bool whole = false;
        std::string head = readHead(decoded, kSniffBytes, whole);
        if (isTar(head) && depth < 3) {
            PrefixedSource tar(std::move(head), decoded);
            processArchive(displayPath, storedSize, sha, tar, depth, countBytes);
            return;
        }
        parseRecords(displayPath, storedSize, sha, decoded, raw, std::move(head), whole,
                     countBytes);
        return;
    }
    bool whole = false;
    std::string head = readHead(stored, kSniffBytes, whole);
    parseRecords(displayPath, storedSize, sha, stored, raw, std::move(head), whole, countBytes);
}

void SourceProcessor::parseRecords(const std::string &displayPath, int64_t storedSize,
                                   const std::string &sha, ByteSource &decoded, ByteSource &raw,
                                   std::string head, bool wholeFile, bool countBytes)
{
    Sniff sn = sniff(head, wholeFile);
    while (sn.records.empty() && !wholeFile && (sn.firstChar == '{' || sn.firstChar == '[') &&
           head.size() < kMaxSniffBytes) {
        const size_t before = head.size();
        readMore(decoded, head, head.size(), wholeFile);
        sn = sniff(head, wholeFile); // head may have moved: the old sniff's views are stale
        if (head.size() == before)
            break; // the stream failed: reported below
    }
    const FormatChoice choice = chooseFormat(sn);
    if (!choice.format) {
        // A stream that breaks before its first record is damaged evidence, not a stranger.
        char probe;
        auto more = decoded.read(&probe, 1);
        if (!more) {
            skipRow(displayPath, storedSize, sha,
                    "damaged before its first complete record: " + more.error().detail,
                    SourceStatus::Damaged);
            if (countBytes)
                m_shared.bytesDone += storedSize;
            return;
        }
        if (sn.records.empty() && (sn.firstChar == '{' || sn.firstChar == '[') && wholeFile) {
            skipRow(displayPath, storedSize, sha,
                    "JSON that ends before its first record is complete (truncated or damaged)",
                    SourceStatus::Damaged);
            if (countBytes)
                m_shared.bytesDone += storedSize;
            return;
        }
        skipRow(displayPath, storedSize, sha, choice.skipReason);
        if (countBytes)
            m_shared.bytesDone += storedSize;
        return;
    }
    if (m_mayDefer && choice.format->name() == "vpcflow") {
        m_deferred = true; // read again after the other files (processDeferred)
        return;
    }
    ImportMessage begin;
    begin.kind = ImportMessage::Kind::Begin;
    begin.token = m_shared.nextToken++;
    begin.source = SourceRecord{
        displayPath, storedSize, sha, std::string(choice.format->name()), choice.format->version(),
        nowMs()};
    const int64_t token = begin.token;
    if (!send(std::move(begin)))
        return;

    PrefixedSource input(std::move(head), decoded);
    auto reader = choice.format->reader(input);
    auto parser = choice.format->parser();
    if (auto it = m_shared.flowRecordsInCase.find(sha); it != m_shared.flowRecordsInCase.end())
        parser->skipFlowRecords(it->second);
    BatchBuilder &builder = m_builder;
    builder.restart();
    builder.setMaxErrors(m_shared.options.maxErrorsPerFile);
    SourceTotals totals;
    int64_t reportedBytes = 0;
    int64_t reportedRecords = 0;
    int64_t reportedErrors = 0;
    std::string damage;
    auto flushIssues = [&] {
        for (ReaderIssue &i : reader->issues()) {
            if (damage.empty() && reader->damaged())
                damage = i.reason + (i.line ? " (line " + std::to_string(i.line) + ")" : "");
            builder.error(i.line, i.offset, std::move(i.reason));
        }
        reader->issues().clear();
    };
    auto sendBatch = [&] {
        ImportMessage m;
        m.kind = ImportMessage::Kind::Batch;
        m.token = token;
        m.batch = builder.take();
        m_shared.records += totals.records - reportedRecords;
        reportedRecords = totals.records;
        m_shared.errors += builder.errorCount() - reportedErrors;
        reportedErrors = builder.errorCount();
        if (countBytes) {
            const int64_t now = raw.storedBytesRead();
            m_shared.bytesDone += now - reportedBytes;
            reportedBytes = now;
        }
        return send(std::move(m));
    };
    RecordSpan span;
    bool stopped = false;
    while (reader->next(span)) {
        ++totals.records;
        parser->parse(span, builder);
        if (!reader->issues().empty())
            flushIssues();
        if (builder.full()) {
            if (!sendBatch() || m_shared.stop()) {
                stopped = true;
                break;
            }
        }
    }
    if (!stopped) {
        parser->finish(builder);
        flushIssues();
        sendBatch();
    }
    totals.errors = builder.errorCount();
    totals.status = stopped             ? SourceStatus::Cancelled
                    : reader->damaged() ? SourceStatus::Damaged
                                        : SourceStatus::Imported;
    totals.note =
        stopped ? "import cancelled after " + std::to_string(totals.records) + " records" : damage;
    const std::string extra = parser->note();
    if (!extra.empty())
        totals.note = totals.note.empty() ? extra : totals.note + "; " + extra;
    if (sha.empty()) {
        if (auto *hashing = dynamic_cast<HashingSource *>(&raw))
            totals.sha256 = hashing->finish();
    }
    if (countBytes)
        m_shared.bytesDone += storedSize - reportedBytes;
    ImportMessage end;
    end.kind = ImportMessage::Kind::End;
    end.token = token;
    end.totals = std::move(totals);
    send(std::move(end));
}

void SourceProcessor::processArchive(const std::string &displayPath, int64_t storedSize,
                                     const std::string &sha, ByteSource &raw, int depth,
                                     bool countBytes)
{
    m_mayDefer = false; // members are read in the archive's order
    ImportMessage begin;
    begin.kind = ImportMessage::Kind::Begin;
    begin.token = m_shared.nextToken++;
    begin.source = SourceRecord{displayPath, storedSize, sha, "archive", 1, nowMs()};
    const int64_t token = begin.token;
    if (!send(std::move(begin)))
        return;

    archive *a = archive_read_new();
    archive_read_support_filter_gzip(a);
    archive_read_support_filter_bzip2(a);
    archive_read_support_filter_xz(a);
    archive_read_support_format_zip(a);
    archive_read_support_format_tar(a);
    ArchiveClient client{&raw};
    SourceTotals totals;
    std::string damage;
    if (archive_read_open(a, &client, nullptr, archiveRead, nullptr) != ARCHIVE_OK) {
        damage = std::string("cannot read the archive: ") +
                 (archive_error_string(a) ? archive_error_string(a) : "unknown error");
    } else {
        archive_entry *entry = nullptr;
        int rc;
        int64_t reported = 0;
        while ((rc = archive_read_next_header(a, &entry)) == ARCHIVE_OK || rc == ARCHIVE_WARN) {
            if (m_shared.stop())
                break;
            if (archive_entry_filetype(entry) != AE_IFREG)
                continue;
            const char *name = archive_entry_pathname_utf8(entry);
            if (!name)
                name = archive_entry_pathname(entry);
            const std::string member = displayPath + "!/" + (name ? name : "?");
            ++totals.records;
            ArchiveEntrySource data(a, m_shared.options.maxArchiveMemberBytes);
            HashingSource hashing(data);
            processStream(member, archive_entry_size_is_set(entry) ? archive_entry_size(entry) : 0,
                          "", hashing, depth + 1, false);
            if (countBytes) {
                const int64_t now = archive_filter_bytes(a, -1);
                m_shared.bytesDone += now - reported;
                reported = now;
            }
        }
        if (rc == ARCHIVE_FATAL)
            damage =
                "the archive is damaged after " + std::to_string(totals.records) +
                " members: " + (archive_error_string(a) ? archive_error_string(a) : "read error");
        if (countBytes)
            m_shared.bytesDone += storedSize - reported;
    }
    archive_read_free(a);
    totals.status = m_shared.stop()  ? SourceStatus::Cancelled
                    : damage.empty() ? SourceStatus::Imported
                                     : SourceStatus::Damaged;
    totals.note =
        damage.empty() ? "archive with " + std::to_string(totals.records) + " files" : damage;
    if (damage.size())
        totals.errors = 1;
    if (sha.empty()) {
        if (auto *hashing = dynamic_cast<HashingSource *>(&raw))
            totals.sha256 = hashing->finish();
    }
    ImportMessage end;
    end.kind = ImportMessage::Kind::End;
    end.token = token;
    end.totals = std::move(totals);
    send(std::move(end));
}

} // namespace sightline
