#include "RecordReader.h"

#include "JsonScan.h"

#include <algorithm>
#include <cstring>

namespace sightline {
namespace {
constexpr size_t kChunk = 1u << 20;

inline bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}
} // namespace

StreamWindow::StreamWindow(ByteSource &source, size_t maxRecordBytes)
    : m_source(source), m_max(maxRecordBytes)
{
    // Room for two chunks: a record that straddles the first chunk's end needs no copy.
    reallocate(2 * kChunk + RecordReader::kPadding);
    std::memset(m_buf.get(), 0, RecordReader::kPadding);
}

void StreamWindow::reallocate(size_t capacity)
{
    // new char[] leaves the bytes as they are: a zeroed window would cost a memset of
    // megabytes for every file (and for every sniff of a file's head).
    std::unique_ptr<char[]> buf(new char[capacity]);
    if (m_buf) // the data and the padding after it
        std::memcpy(buf.get(), m_buf.get(), std::min(m_size + RecordReader::kPadding, capacity));
    m_buf = std::move(buf);
    m_capacity = capacity;
}

bool StreamWindow::more()
{
    if (m_eof)
        return false;
    if (m_capacity < m_size + kChunk + RecordReader::kPadding)
        reallocate(std::max(m_capacity * 2, m_size + kChunk + RecordReader::kPadding));
    for (;;) {
        auto n = m_source.read(m_buf.get() + m_size, kChunk);
        if (!n) {
            m_error = n.error().detail;
            m_eof = true;
            return false;
        }
        if (*n == 0) {
            m_eof = true;
            return false;
        }
        m_size += *n;
        std::memset(m_buf.get() + m_size, 0, RecordReader::kPadding);
        return true;
    }
}

void StreamWindow::discard(size_t pos)
{
    pos = std::min(pos, m_size);
    // The padding after the data moves with it.
    std::memmove(m_buf.get(), m_buf.get() + pos, m_size - pos + RecordReader::kPadding);
    m_size -= pos;
    m_base += static_cast<int64_t>(pos);
    // Keep memory bounded after an unusually large record.
    if (m_capacity > 8 * (kChunk + RecordReader::kPadding) && m_size < kChunk)
        reallocate(2 * kChunk + RecordReader::kPadding);
}

JsonRecordReader::JsonRecordReader(ByteSource &source, std::vector<std::string> containerKeys,
                                   size_t maxRecordBytes)
    : m_win(source, maxRecordBytes), m_keys(std::move(containerKeys))
{}

void JsonRecordReader::addIssue(int64_t offset, std::string reason)
{
    m_issues.push_back(ReaderIssue{0, offset, std::move(reason)});
}

int64_t JsonRecordReader::lineAt(size_t pos)
{
    const char *d = m_win.data();
    if (pos < m_linePos) // cannot happen: positions only move forward
        return m_line;
    const char *p = d + m_linePos;
    const char *end = d + pos;
    while (p < end) {
        const void *nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
        if (!nl)
            break;
        ++m_line;
        p = static_cast<const char *>(nl) + 1;
    }
    m_linePos = pos;
    return m_line;
}

// Scans one JSON value starting at pos (which must be at its first byte). On success pos is
// just past it and complete is true. Returns false at the end of the stream.
bool JsonRecordReader::scanValue(size_t &pos, bool &complete)
{
    complete = false;
    size_t i = pos;
    JsonScanState st;
    const size_t start = pos;
    for (;;) {
        if (i >= m_win.size()) {
            if (i - start > m_win.maxRecordBytes())
                return false;
            if (!m_win.more())
                return false;
        }
        const char *d = m_win.data();
        const size_t n = m_win.size();
        if (st.depth == 0 && !st.inString && i == pos) {
            const char c = d[i];
            if (c != '{' && c != '[' && c != '"') {
                // A scalar: runs to the next delimiter.
                while (i < n && !isSpace(d[i]) && d[i] != ',' && d[i] != '}' && d[i] != ']')
                    ++i;
                if (i < n) {
                    pos = i;
                    complete = true;
                    return true;
                }
                continue;
            }
        }
        // The window is followed by kPadding readable bytes.
        if (scanJsonValue(d, i, n, st, true)) {
            pos = i;
            complete = true;
            return true;
        }
    }
}

void JsonRecordReader::skipText()
{
    const size_t start = m_pos;
    const int64_t line = lineAt(start);
    skipGarbage(m_pos);
    m_issues.push_back(
        ReaderIssue{line, m_win.base() + static_cast<int64_t>(start), "text that is not JSON"});
}

void JsonRecordReader::skipGarbage(size_t &pos)
{
    // Skip to the next line that could start a value.
    for (;;) {
        const char *d = m_win.data();
        const size_t n = m_win.size();
        const void *nl = pos < n ? std::memchr(d + pos, '\n', n - pos) : nullptr;
        if (nl) {
            pos = static_cast<size_t>(static_cast<const char *>(nl) - d) + 1;
            return;
        }
        pos = n;
        if (!m_win.more())
            return;
    }
}

bool JsonRecordReader::next(RecordSpan &span)
{
    // Drop what earlier records used, once it is a sizeable part of the window (moving the
    // window's tail after every record would cost a copy of the window per record).
    if (m_pos >= (1u << 19)) {
        lineAt(m_pos);
        m_win.discard(m_pos);
        m_linePos -= std::min(m_linePos, m_pos);
        m_pos = 0;
    }

    for (;;) {
        if (m_pos >= m_win.size() && !m_win.more()) {
            if (m_win.failed()) {
                addIssue(m_win.base() + static_cast<int64_t>(m_pos), m_win.error());
                m_issues.back().line = lineAt(m_pos);
                m_damaged = true;
            } else if (m_top != Top::None) {
                addIssue(m_win.base() + static_cast<int64_t>(m_pos),
                         "the file ends before its closing bracket (truncated after the last "
                         "complete record)");
                m_issues.back().line = lineAt(m_pos);
                m_damaged = true;
            }
            m_top = Top::None;
            return false;
        }
        const char *d = m_win.data();
        const char c = d[m_pos];
        if (isSpace(c) || c == ',' || (c == '\xEF' || c == '\xBB' || c == '\xBF')) {
            ++m_pos;
            continue;
        }
        if (m_top == Top::Array || m_top == Top::Container) {
            if (c == ']') {
                ++m_pos;
                m_top = m_top == Top::Array ? Top::None : Top::Object;
                continue;
            }
        } else if (m_top == Top::Object) {
            // Remaining members of a container object, after its records.
            if (c == '}') {
                ++m_pos;
                m_top = Top::None;
                continue;
            }
            if (c != '"') { // not a member's name: skipped, as between records
                skipText();
                continue;
            }
            size_t p = m_pos;
            bool complete = false;
            if (!scanValue(p, complete) || !complete) { // the stream ends inside the name
                m_pos = m_win.size();
                continue;
            }
            const size_t keyEnd = p;
            const std::string key(m_win.data() + m_pos + 1, keyEnd - m_pos - 2);
            while ((p < m_win.size() || m_win.more()) &&
                   (isSpace(m_win.data()[p]) || m_win.data()[p] == ':'))
                ++p;
            if (p < m_win.size() && m_win.data()[p] == '[' &&
                std::find(m_keys.begin(), m_keys.end(), key) != m_keys.end()) {
                m_pos = p + 1;
                m_top = Top::Container;
                continue;
            }
            if (p < m_win.size() && (!scanValue(p, complete) || !complete))
                p = m_win.size(); // the stream ends inside the value
            m_pos = p;
            continue;
        } else { // Top::None
            if (c == '[') {
                ++m_pos;
                m_top = Top::Array;
                continue;
            }
            if (c == '{') {
                // Is it a container ({"Records": [...]}) or a record? Walk its members.
                size_t p = m_pos + 1;
                bool container = false;
                for (;;) {
                    while ((p < m_win.size() || m_win.more()) && isSpace(m_win.data()[p]))
                        ++p;
                    if (p >= m_win.size() || m_win.data()[p] != '"')
                        break;
                    bool complete = false;
                    const size_t keyStart = p;
                    if (!scanValue(p, complete) || !complete)
                        break;
                    const std::string_view key(m_win.data() + keyStart + 1, p - keyStart - 2);
                    while ((p < m_win.size() || m_win.more()) &&
                           (isSpace(m_win.data()[p]) || m_win.data()[p] == ':'))
                        ++p;
                    if (p >= m_win.size())
                        break;
                    if (m_win.data()[p] == '[' &&
                        std::find(m_keys.begin(), m_keys.end(), key) != m_keys.end()) {
                        container = true;
                        break;
                    }
                    if (!scanValue(p, complete) || !complete)
                        break;
                    while ((p < m_win.size() || m_win.more()) && isSpace(m_win.data()[p]))
                        ++p;
                    if (p < m_win.size() && m_win.data()[p] == ',') {
                        ++p;
                        continue;
                    }
                    break;
                }
                if (container) {
                    lineAt(p);
                    m_pos = p + 1;
                    m_top = Top::Container;
                    continue;
                }
                // Not a container: the object itself is a record (handled below).
            } else if (c != '{') {
                skipText();
                continue;
            }
        }
        // A record starts at m_pos.
        const size_t start = m_pos;
        size_t p = m_pos;
        bool complete = false;
        const bool ok = scanValue(p, complete);
        const int64_t line = lineAt(start);
        if (!ok || !complete) {
            if (p - start > m_win.maxRecordBytes() && m_win.size() - start > m_win.maxRecordBytes())
                m_issues.push_back(ReaderIssue{line, m_win.base() + static_cast<int64_t>(start),
                                               "record larger than " +
                                                   std::to_string(m_win.maxRecordBytes()) +
                                                   " bytes; the rest of the file is skipped"});
            else
                m_issues.push_back(ReaderIssue{line, m_win.base() + static_cast<int64_t>(start),
                                               "the file ends inside this record (truncated)"});
            if (m_win.failed())
                m_issues.push_back(ReaderIssue{
                    line, m_win.base() + static_cast<int64_t>(m_win.size()), m_win.error()});
            m_damaged = true;
            m_pos = m_win.size();
            m_top = Top::None;
            return false;
        }
        if (p == start)
            ++p; // a stray delimiter: step over it
        m_pos = p;
        if (m_win.data()[start] != '{' && m_win.data()[start] != '[') {
            m_issues.push_back(ReaderIssue{line, m_win.base() + static_cast<int64_t>(start),
                                           "a value that is not an object where a record was "
                                           "expected"});
            continue;
        }
        span.text = std::string_view(m_win.data() + start, p - start);
        span.line = line;
        span.offset = m_win.base() + static_cast<int64_t>(start);
        return true;
    }
}

LineRecordReader::LineRecordReader(ByteSource &source, size_t maxLineBytes)
    : m_win(source, maxLineBytes)
{}

bool LineRecordReader::next(RecordSpan &span)
{
    if (m_pos >= (1u << 19)) {
        m_win.discard(m_pos);
        m_pos = 0;
    }
    for (;;) {
        size_t scanFrom = m_pos;
        for (;;) {
            const char *d = m_win.data();
            const size_t n = m_win.size();
            const void *nl = scanFrom < n ? std::memchr(d + scanFrom, '\n', n - scanFrom) : nullptr;
            size_t end;
            bool last = false;
            if (nl) {
                end = static_cast<size_t>(static_cast<const char *>(nl) - d);
            } else {
                if (n - m_pos > m_win.maxRecordBytes()) {
                    m_issues.push_back(
                        ReaderIssue{m_line + 1, m_win.base() + static_cast<int64_t>(m_pos),
                                    "line longer than the limit; the rest of the file is skipped"});
                    m_damaged = true;
                    return false;
                }
                scanFrom = n;
                if (m_win.more())
                    continue;
                if (m_win.failed()) {
                    m_issues.push_back(ReaderIssue{
                        m_line + 1, m_win.base() + static_cast<int64_t>(n), m_win.error()});
                    m_damaged = true;
                }
                if (m_pos >= n)
                    return false;
                end = n;
                last = true;
            }
            ++m_line;
            d = m_win.data(); // more() may have moved the window
            size_t start = m_pos;
            m_pos = last ? end : end + 1;
            size_t e = end;
            if (e > start && d[e - 1] == '\r')
                --e;
            std::string_view text(d + start, e - start);
            if (text.find_first_not_of(" \t") == std::string_view::npos)
                break; // blank line: look for the next
            span.text = text;
            span.line = m_line;
            span.offset = m_win.base() + static_cast<int64_t>(start);
            return true;
        }
    }
}

} // namespace sightline
