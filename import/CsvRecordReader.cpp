#include "CsvRecordReader.h"

#include "JsonUtil.h"

#include <cstring>

namespace sightline {

CsvRecordReader::CsvRecordReader(ByteSource &source, size_t maxRowBytes)
    : m_win(source, maxRowBytes)
{}

bool CsvRecordReader::next(RecordSpan &span)
{
    if (m_pos >= (1u << 19)) {
        m_win.discard(m_pos);
        m_pos = 0;
    }
    for (;;) {
        size_t i = m_pos;
        bool quoted = false;
        int64_t breaks = 0;
        for (;;) {
            const char *d = m_win.data();
            const size_t n = m_win.size();
            while (i < n) {
                const char c = d[i];
                if (c == '"')
                    quoted = !quoted;
                else if (c == '\n') {
                    if (!quoted)
                        break;
                    ++breaks;
                }
                ++i;
            }
            if (i < n)
                break; // a row end
            if (n - m_pos > m_win.maxRecordBytes()) {
                m_issues.push_back(
                    ReaderIssue{m_line, m_win.base() + static_cast<int64_t>(m_pos),
                                "row longer than the limit; the rest of the file is skipped"});
                m_damaged = true;
                return false;
            }
            if (!m_win.more()) {
                if (m_win.failed()) {
                    m_issues.push_back(
                        ReaderIssue{m_line, m_win.base() + static_cast<int64_t>(n), m_win.error()});
                    m_damaged = true;
                }
                if (quoted && n > m_pos) {
                    m_issues.push_back(
                        ReaderIssue{m_line, m_win.base() + static_cast<int64_t>(m_pos),
                                    "the file ends inside a quoted field (truncated)"});
                    m_damaged = true;
                    m_pos = n;
                    return false;
                }
                if (m_pos >= n)
                    return false;
                break; // last row without a line end
            }
        }
        const char *d = m_win.data();
        const size_t end = std::min(i, m_win.size());
        const size_t start = m_pos;
        const int64_t line = m_line;
        m_pos = end < m_win.size() ? end + 1 : end;
        m_line += 1 + breaks;
        size_t e = end;
        if (e > start && d[e - 1] == '\r')
            --e;
        const std::string_view text(d + start, e - start);
        if (text.find_first_not_of(" \t") == std::string_view::npos)
            continue;
        span.text = text;
        span.line = line;
        span.offset = m_win.base() + static_cast<int64_t>(start);
        return true;
    }
}

bool splitCsvRow(std::string_view row, std::vector<std::string> &fields)
{
    fields.clear();
    std::string field;
    bool quoted = false;
    for (size_t i = 0; i < row.size(); ++i) {
        const char c = row[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < row.size() && row[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
        } else {
            field.push_back(c);
        }
    }
    fields.push_back(std::move(field));
    return !quoted;
}

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

// value := '{' pairs '}' | '[' values ']' | scalar ; scalars run to the next ',' '}' ']'.
bool convert(std::string_view s, size_t &i, std::string &out, int depth)
{
    if (depth > 32)
        return false;
    while (i < s.size() && s[i] == ' ')
        ++i;
    if (i < s.size() && (s[i] == '{' || s[i] == '[')) {
        const bool object = s[i] == '{';
        const char close = object ? '}' : ']';
        out.push_back(s[i++]);
        bool first = true;
        for (;;) {
            while (i < s.size() && s[i] == ' ')
                ++i;
            if (i >= s.size())
                return false;
            if (s[i] == close) {
                ++i;
                out.push_back(close);
                return true;
            }
            if (!first) {
                if (s[i] != ',')
                    return false;
                ++i;
                out.push_back(',');
            }
            first = false;
            if (object) {
                while (i < s.size() && s[i] == ' ')
                    ++i;
                const size_t eq = s.find('=', i);
                if (eq == std::string_view::npos)
                    return false;
                json::appendString(out, trim(s.substr(i, eq - i)));
                out.push_back(':');
                i = eq + 1;
            }
            if (!convert(s, i, out, depth + 1))
                return false;
        }
    }
    const size_t start = i;
    while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']')
        ++i;
    const std::string_view v = trim(s.substr(start, i - start));
    if (v == "null")
        out += "null";
    else
        json::appendString(out, v);
    return true;
}

} // namespace

bool athenaStructToJson(std::string_view text, std::string &json)
{
    text = trim(text);
    if (text.empty() || (text.front() != '{' && text.front() != '['))
        return false;
    json.clear();
    size_t i = 0;
    return convert(text, i, json, 0) && trim(text.substr(i)).empty();
}

} // namespace sightline
