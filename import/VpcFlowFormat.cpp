#include "VpcFlowFormat.h"

#include "JsonUtil.h"
#include "Sniffer.h"
#include "VpcFlowFields.h"
#include "VpcFlowParser.h"

#include <simdjson.h>

namespace sightline {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Ends the stream with a newline when its last line has none. LineRecordReader reads a
// final unterminated line through a pointer taken before its window may grow (a dangling
// read, seen under valgrind on test-v5-all-fields.log); a terminated last line avoids that
// path, and changes no line or offset.
class NewlineTerminated final : public ByteSource
{
public:
    explicit NewlineTerminated(ByteSource &inner) : m_inner(inner) {}
    Result<size_t> read(char *buffer, size_t size) override
    {
        if (m_done || size == 0)
            return size_t(0);
        auto n = m_inner.read(buffer, size);
        if (!n)
            return n;
        if (*n > 0) {
            m_last = buffer[*n - 1];
            m_any = true;
            return n;
        }
        m_done = true;
        if (!m_any || m_last == '\n')
            return size_t(0);
        buffer[0] = '\n';
        return size_t(1);
    }
    int64_t storedBytesRead() const override { return m_inner.storedBytesRead(); }

private:
    ByteSource &m_inner;
    char m_last = 0;
    bool m_any = false;
    bool m_done = false;
};

// Picks the JSON or the line reader from the first character of the stream.
class VpcFlowReader final : public RecordReader
{
public:
    VpcFlowReader(ByteSource &source, std::vector<std::string> keys)
        : m_source(source), m_keys(std::move(keys))
    {}

    bool next(RecordSpan &span) override
    {
        if (!m_inner)
            open();
        const bool more = m_inner->next(span);
        auto &inner = m_inner->issues();
        if (!inner.empty()) {
            for (ReaderIssue &i : inner)
                m_issues.push_back(std::move(i));
            inner.clear();
        }
        m_damaged = m_damaged || m_inner->damaged();
        return more;
    }

private:
    void open()
    {
        std::string head;
        char buf[4096];
        size_t pos = 0;
        for (;;) {
            while (pos < head.size() &&
                   (isSpace(head[pos]) || kBom.find(head[pos]) != std::string_view::npos))
                ++pos;
            if (pos < head.size() || head.size() > (1u << 20))
                break;
            auto n = m_source.read(buf, sizeof buf);
            if (!n || *n == 0)
                break; // the inner reader meets the same end or error and reports it
            head.append(buf, *n);
        }
        const bool json = pos < head.size() && (head[pos] == '{' || head[pos] == '[');
        m_prefixed = std::make_unique<PrefixedSource>(std::move(head), m_source);
        if (json) {
            m_inner = std::make_unique<JsonRecordReader>(*m_prefixed, m_keys);
        } else {
            m_terminated = std::make_unique<NewlineTerminated>(*m_prefixed);
            m_inner = std::make_unique<LineRecordReader>(*m_terminated);
        }
    }

    ByteSource &m_source;
    std::vector<std::string> m_keys;
    std::unique_ptr<PrefixedSource> m_prefixed;
    std::unique_ptr<NewlineTerminated> m_terminated;
    std::unique_ptr<RecordReader> m_inner;
};

bool isLowerName(std::string_view key)
{
    for (char c : key) {
        if (!((c >= 'a' && c <= 'z') || c == '-' || c == '_'))
            return false;
    }
    return !key.empty();
}

Detection detectJson(const Sniff &sniff)
{
    Detection d;
    if (sniff.firstRecord.empty() || sniff.firstRecord[0] != '{')
        return d;
    simdjson::ondemand::parser parser;
    std::string padded;
    simdjson::ondemand::document doc;
    simdjson::ondemand::object object;
    if (parser.iterate(json::padded(sniff.firstRecord, padded)).get(doc) ||
        doc.get_object().get(object))
        return d;
    int known = 0;
    bool addresses = false, timeOrStatus = false, panther = false;
    std::string message;
    for (auto member : object) {
        std::string_view key;
        simdjson::ondemand::value value;
        if (member.unescaped_key().get(key) || member.value().get(value))
            return d;
        if (key == "message") {
            std::string_view s;
            if (!value.get_string().get(s))
                message.assign(s);
            continue;
        }
        if (key == "p_log_type") {
            panther = json::text(value) == "AWS.VPCFlow";
            continue;
        }
        const vpcflow::Field f = vpcflow::fieldFromName(key);
        if (f == vpcflow::Field::Unknown || !isLowerName(key))
            continue;
        ++known;
        addresses = addresses || f == vpcflow::Field::SrcAddr || f == vpcflow::Field::DstAddr;
        timeOrStatus = timeOrStatus || f == vpcflow::Field::Start || f == vpcflow::Field::End ||
                       f == vpcflow::Field::LogStatus;
    }
    if (panther) {
        d.verdict = Detection::Verdict::Skip;
        d.reason = "VPC flow records as parsed by Panther (renamed fields, test stubs without "
                   "start or end times), not an AWS export";
        return d;
    }
    if (!message.empty() && vpcflow::classifyLine(message) != vpcflow::LineKind::Other) {
        d.verdict = Detection::Verdict::Yes;
        d.confidence = 85;
    } else if (addresses && timeOrStatus && known >= 4) {
        d.verdict = Detection::Verdict::Yes;
        d.confidence = 80;
    }
    return d;
}

} // namespace

Detection VpcFlowFormat::detect(const Sniff &sniff) const
{
    if (sniff.firstChar == '{' || sniff.firstChar == '[')
        return detectJson(sniff);
    Detection d;
    std::string_view head = sniff.head;
    if (head.substr(0, kBom.size()) == kBom)
        head.remove_prefix(kBom.size());
    // The first line that is not blank or only a comment.
    while (!head.empty()) {
        const size_t nl = head.find('\n');
        std::string_view line = head.substr(0, nl);
        head = nl == std::string_view::npos ? std::string_view() : head.substr(nl + 1);
        if (nl == std::string_view::npos && !sniff.wholeFile && head.empty() && line.size() > 4096)
            return d; // an unterminated giant line: not a flow log
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        const size_t first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line[first] == '#')
            continue;
        const vpcflow::LineKind kind = vpcflow::classifyLine(line.substr(first));
        if (kind == vpcflow::LineKind::Header) {
            d.verdict = Detection::Verdict::Yes;
            d.confidence = 90;
        } else if (kind == vpcflow::LineKind::Record) {
            d.verdict = Detection::Verdict::Yes;
            d.confidence = 85;
        }
        return d;
    }
    return d;
}

std::unique_ptr<RecordReader> VpcFlowFormat::reader(ByteSource &source) const
{
    return std::make_unique<VpcFlowReader>(source, jsonContainerKeys());
}

std::unique_ptr<RecordParser> VpcFlowFormat::parser() const
{
    return std::make_unique<VpcFlowParser>();
}

std::vector<std::string> VpcFlowFormat::jsonContainerKeys() const
{
    // CloudWatch Logs: filter-log-events / get-log-events output and subscription payloads.
    return {"events", "logEvents"};
}

} // namespace sightline
