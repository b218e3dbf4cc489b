#include "CloudTrailCsvFormat.h"

#include "JsonUtil.h"

#include "CloudTrailParser.h"
#include "CsvRecordReader.h"

#include <algorithm>
#include <cctype>

namespace sightline {
namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool isNested(std::string_view column)
{
    return column == "useridentity" || column == "requestparameters" ||
           column == "responseelements" || column == "resources" ||
           column == "additionaleventdata" || column == "tlsdetails" ||
           column == "serviceeventdetails" || column == "insightdetails";
}

class CsvParser final : public RecordParser
{
public:
    void parse(const RecordSpan &span, BatchBuilder &out) override
    {
        if (!splitCsvRow(span.text, m_fields)) {
            out.error(span.line, span.offset, "a quoted field is not closed");
            return;
        }
        if (m_columns.empty()) { // the header row
            for (const std::string &f : m_fields)
                m_columns.push_back(lower(f));
            return;
        }
        if (m_fields.size() != m_columns.size()) {
            out.error(span.line, span.offset,
                      "row has " + std::to_string(m_fields.size()) + " fields, the header " +
                          std::to_string(m_columns.size()));
            return;
        }
        m_json = "{";
        bool first = true;
        for (size_t i = 0; i < m_fields.size(); ++i) {
            const std::string &v = m_fields[i];
            if (v.empty() || v == "null")
                continue;
            if (!first)
                m_json.push_back(',');
            first = false;
            json::appendString(m_json, m_columns[i]);
            m_json.push_back(':');
            if (isNested(m_columns[i]) && (v.front() == '{' || v.front() == '[')) {
                // JSON text stays JSON; Athena's struct notation is converted.
                if (v.size() > 1 && (v[1] == '"' || v[1] == '}' || v[1] == ']' || v[1] == '{'))
                    m_json += v;
                else if (athenaStructToJson(v, m_converted))
                    m_json += m_converted;
                else
                    json::appendString(m_json, v);
            } else {
                json::appendString(m_json, v);
            }
        }
        m_json.push_back('}');
        m_cloudTrail.parseText(m_json, span, out);
    }

private:
    std::vector<std::string> m_columns, m_fields;
    std::string m_json, m_converted;
    CloudTrailParser m_cloudTrail;
};

} // namespace

Detection CloudTrailCsvFormat::detect(const Sniff &sniff) const
{
    Detection d;
    const std::string_view head = sniff.head;
    const size_t eol = head.find('\n');
    if (eol == std::string_view::npos && !sniff.wholeFile)
        return d;
    const std::string header = lower(head.substr(0, eol));
    if (header.find(',') == std::string::npos || header.find('{') != std::string::npos)
        return d;
    std::vector<std::string> columns;
    splitCsvRow(header, columns);
    auto has = [&](std::string_view c) {
        return std::any_of(columns.begin(), columns.end(), [&](const std::string &x) {
            std::string_view t = x;
            while (!t.empty() && (t.back() == '\r' || t.back() == ' '))
                t.remove_suffix(1);
            return t == c;
        });
    };
    if (has("eventtime") && has("eventname") && has("eventsource")) {
        d.verdict = Detection::Verdict::Yes;
        d.confidence = 80;
    }
    return d;
}

std::unique_ptr<RecordReader> CloudTrailCsvFormat::reader(ByteSource &source) const
{
    return std::make_unique<CsvRecordReader>(source);
}

std::unique_ptr<RecordParser> CloudTrailCsvFormat::parser() const
{
    return std::make_unique<CsvParser>();
}

} // namespace sightline
