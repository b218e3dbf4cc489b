#include "Sniffer.h"

#include "JsonScan.h"

#include <algorithm>
#include <cstring>

namespace sightline {
namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Keys at depth 1 of a top-level object, read from a possibly truncated head.
std::vector<std::string> topLevelKeys(std::string_view s)
{
    std::vector<std::string> keys;
    size_t i = s.find('{');
    if (i == std::string_view::npos)
        return keys;
    int depth = 0;
    for (; i < s.size() && keys.size() < 64; ++i) {
        const char c = s[i];
        if (c == '"') {
            const size_t start = i + 1;
            ++i;
            while (i < s.size() && s[i] != '"') {
                if (s[i] == '\\')
                    ++i;
                ++i;
            }
            if (i >= s.size())
                break;
            if (depth == 1) {
                size_t j = i + 1;
                while (j < s.size() && isSpace(s[j]))
                    ++j;
                if (j < s.size() && s[j] == ':')
                    keys.emplace_back(s.substr(start, i - start));
            }
        } else if ((c == '{' || c == '[') && depth >= 1) {
            // A member's value (or an element of a top-level array): skipped whole, fast
            // (a delivery file is one such value).
            JsonScanState st;
            size_t end = i;
            if (!scanJsonValue(s.data(), end, s.size(), st, false))
                break;
            i = end - 1;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth <= 0)
                break;
        }
    }
    return keys;
}

bool printableText(std::string_view head)
{
    size_t bad = 0;
    for (unsigned char c : head.substr(0, 4096)) {
        if (c < 0x09 || (c > 0x0d && c < 0x20 && c != 0x1b))
            ++bad;
    }
    return bad == 0;
}

} // namespace

Sniff sniff(std::string_view head, bool wholeFile)
{
    Sniff s;
    s.head = head;
    s.wholeFile = wholeFile;
    size_t i = 0;
    if (head.substr(0, 3) == "\xEF\xBB\xBF")
        i = 3;
    while (i < head.size() && isSpace(head[i]))
        ++i;
    s.firstChar = i < head.size() ? head[i] : 0;
    if (s.firstChar == '{')
        s.topKeys = topLevelKeys(head.substr(i));
    if (s.firstChar == '{' || s.firstChar == '[') {
        MemorySource mem(head);
        JsonRecordReader reader(mem, allContainerKeys(), head.size() + 1);
        RecordSpan span;
        while (s.records.size() < 8 && reader.next(span))
            s.records.emplace_back(span.text);
        if (!s.records.empty())
            s.firstRecord = s.records.front();
    }
    return s;
}

FormatChoice chooseFormat(const Sniff &sniff)
{
    FormatChoice choice;
    int best = -1;
    std::string skip;
    Sniff probe = sniff;
    const size_t tries = std::max<size_t>(1, sniff.records.size());
    for (size_t r = 0; r < tries && !choice.format; ++r) {
        if (!sniff.records.empty())
            probe.firstRecord = sniff.records[r];
        for (const auto &f : formats()) {
            const Detection d = f->detect(probe);
            if (d.verdict == Detection::Verdict::Yes && d.confidence > best) {
                best = d.confidence;
                choice.format = f.get();
            } else if (d.verdict == Detection::Verdict::Skip && skip.empty()) {
                skip = d.reason;
            }
        }
    }
    if (choice.format)
        return choice;
    if (!skip.empty()) {
        choice.skipReason = skip;
    } else if (sniff.head.empty() || sniff.firstChar == 0) {
        choice.skipReason = "empty file";
    } else if (sniff.firstChar == '{' || sniff.firstChar == '[') {
        choice.skipReason = sniff.firstRecord.empty()
                                ? "JSON that could not be read as records (damaged or not evidence)"
                                : "JSON of a shape Sightline does not read";
        const std::vector<std::string> recordKeys =
            sniff.firstRecord.empty() || sniff.firstRecord[0] != '{'
                ? std::vector<std::string>()
                : topLevelKeys(sniff.firstRecord);
        if (!recordKeys.empty() && recordKeys != sniff.topKeys) {
            choice.skipReason += " (first record's keys: ";
            for (size_t k = 0; k < recordKeys.size() && k < 6; ++k)
                choice.skipReason += (k ? ", " : "") + recordKeys[k];
            choice.skipReason += ")";
        } else if (!sniff.topKeys.empty()) {
            choice.skipReason += " (top-level keys: ";
            for (size_t k = 0; k < sniff.topKeys.size() && k < 6; ++k)
                choice.skipReason += (k ? ", " : "") + sniff.topKeys[k];
            choice.skipReason += ")";
        }
    } else if (!printableText(sniff.head)) {
        choice.skipReason = "binary content of an unknown type";
    } else {
        choice.skipReason = "text of a kind Sightline does not read";
    }
    return choice;
}

Result<size_t> PrefixedSource::read(char *buffer, size_t size)
{
    if (m_pos < m_prefix.size()) {
        const size_t n = std::min(size, m_prefix.size() - m_pos);
        std::memcpy(buffer, m_prefix.data() + m_pos, n);
        m_pos += n;
        return n;
    }
    return m_rest.read(buffer, size);
}

} // namespace sightline
