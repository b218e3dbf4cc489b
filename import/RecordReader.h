#pragma once
// Splits a decoded stream into records without building a document: JSON (containers,
// arrays, JSON lines, concatenated values) or text lines. Memory is bounded by the largest
// record. A span stays valid until the next call to next(), and is followed by at least
// kPadding readable bytes (simdjson's requirement).
#include "ByteSource.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

struct RecordSpan
{
    std::string_view text;
    int64_t line = 1;   // 1-based line where the record starts
    int64_t offset = 0; // byte offset of its first byte in the decoded stream
};

struct ReaderIssue
{
    int64_t line = 0;
    int64_t offset = 0;
    std::string reason;
};

class RecordReader
{
public:
    static constexpr size_t kPadding = 64;
    virtual ~RecordReader() = default;
    // Returns false at the end of the stream. Problems in the stream (garbage between
    // records, truncation, a damaged compressed stream) are appended to issues() and
    // reading goes on where possible.
    virtual bool next(RecordSpan &span) = 0;
    std::vector<ReaderIssue> &issues() { return m_issues; }
    bool damaged() const { return m_damaged; }

protected:
    std::vector<ReaderIssue> m_issues;
    bool m_damaged = false;
};

// A growing window over a ByteSource, shared by the readers.
class StreamWindow
{
public:
    StreamWindow(ByteSource &source, size_t maxRecordBytes);
    // Makes at least one more byte available past end(); false at the end of the stream.
    bool more();
    // Drops bytes before pos (positions are relative to the window start).
    void discard(size_t pos);
    const char *data() const { return m_buf.get(); }
    size_t size() const { return m_size; }
    int64_t base() const { return m_base; } // stream offset of data()[0]
    bool failed() const { return !m_error.empty(); }
    const std::string &error() const { return m_error; }
    size_t maxRecordBytes() const { return m_max; }

private:
    void reallocate(size_t capacity);

    ByteSource &m_source;
    // Not zeroed when allocated: only the bytes read and the padding after them are written.
    std::unique_ptr<char[]> m_buf;
    size_t m_capacity = 0;
    size_t m_size = 0;
    int64_t m_base = 0;
    size_t m_max;
    bool m_eof = false;
    std::string m_error;
};

class JsonRecordReader final : public RecordReader
{
public:
    // containerKeys: keys of a top-level object whose array values hold the records
    // (e.g. "Records", "Events"). A top-level object without such a key is a record; a
    // top-level array's elements are records; several top-level values (JSON lines) each
    // count.
    JsonRecordReader(ByteSource &source, std::vector<std::string> containerKeys,
                     size_t maxRecordBytes = 64u << 20);
    bool next(RecordSpan &span) override;

private:
    enum class Top
    {
        None,
        Array,
        Object,
        Container
    };
    bool scanValue(size_t &pos, bool &complete);
    void skipGarbage(size_t &pos);
    void skipText(); // from m_pos to the next line, as an issue "text that is not JSON"
    void addIssue(int64_t offset, std::string reason);
    int64_t lineAt(size_t pos);

    StreamWindow m_win;
    std::vector<std::string> m_keys;
    size_t m_pos = 0;   // scan position in the window
    int64_t m_line = 1; // line number at m_linePos
    size_t m_linePos = 0;
    Top m_top = Top::None;
    int m_containerDepth = 0;
};

class LineRecordReader final : public RecordReader
{
public:
    explicit LineRecordReader(ByteSource &source, size_t maxLineBytes = 16u << 20);
    bool next(RecordSpan &span) override; // lines without the end of line; blank lines skipped

private:
    StreamWindow m_win;
    size_t m_pos = 0;
    int64_t m_line = 0;
};

} // namespace sightline
