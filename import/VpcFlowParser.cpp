#include "VpcFlowParser.h"

#include "JsonUtil.h"

#include <algorithm>

namespace sightline {

using vpcflow::Field;
using vpcflow::Layout;

namespace {

bool startsLikeName(std::string_view line)
{
    if (line.empty())
        return false;
    const char c = line.front();
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '"' || c == '$';
}

std::string plural(int64_t n, const char *one, const char *many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

void VpcFlowParser::parse(const RecordSpan &span, BatchBuilder &out)
{
    // Every record's text goes into the source's compressed raw blocks (provenance), also
    // the header lines and the records that turn out unusable.
    out.appendRaw(span.text, span.line);
    const size_t first = span.text.find_first_not_of(" \t");
    if (first != std::string_view::npos && span.text[first] == '{')
        parseJson(span, out);
    else
        parseLine(span.text, span, out);
}

void VpcFlowParser::parseLine(std::string_view line, const RecordSpan &span, BatchBuilder &out)
{
    if (line.substr(0, 3) == "\xEF\xBB\xBF") // UTF-8 byte order mark
        line.remove_prefix(3);
    if (vpcflow::isElision(line)) {
        out.error(span.line, span.offset,
                  "an elision line (\"...\", as in the AWS documentation examples), not a flow "
                  "log record");
        return;
    }
    if (vpcflow::cutComment(line)) {
        if (line.find_first_not_of(" \t") == std::string_view::npos) {
            ++m_commentLines;
            return;
        }
        ++m_comments;
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
        line.remove_prefix(1);
    if (startsLikeName(line)) {
        Layout header;
        if (vpcflow::parseHeader(line, header)) {
            m_header = std::move(header);
            m_haveHeader = true;
            ++m_headers;
            return;
        }
    }
    const Layout *layout = nullptr;
    if (m_haveHeader) {
        layout = &m_header;
        const bool fits = vpcflow::split(line, layout->separator, m_values);
        if (!fits || m_values.count != layout->columns) {
            out.error(span.line, span.offset,
                      (fits ? std::to_string(m_values.count) : std::string("too many")) +
                          " values where the header line names " + std::to_string(layout->columns) +
                          " fields");
            return;
        }
    } else {
        if (!vpcflow::split(line, ' ', m_values)) {
            out.error(span.line, span.offset, "too many values for a flow log record");
            return;
        }
        layout = vpcflow::headerlessLayout(m_values.count);
        if (!layout) {
            out.error(span.line, span.offset,
                      std::to_string(m_values.count) +
                          " values and no header line: without one only the default format "
                          "(14 values) and the documented all-fields orders (21, 25, 29, 36, 39 "
                          "or 40 values) can be read");
            return;
        }
        if (std::find(m_assumed.begin(), m_assumed.end(), layout) == m_assumed.end())
            m_assumed.push_back(layout);
    }
    addRecord(*layout, span, out);
}

void VpcFlowParser::addRecord(const Layout &layout, const RecordSpan &span, BatchBuilder &out)
{
    if (!m_normalizer.add(layout, m_values, out, m_reason))
        out.error(span.line, span.offset, m_reason);
}

void VpcFlowParser::parseJson(const RecordSpan &span, BatchBuilder &out)
{
    const std::string_view text = span.text;
    simdjson::padded_string_view input(text.data(), text.size(),
                                       text.size() + RecordReader::kPadding);
    simdjson::ondemand::document doc;
    simdjson::ondemand::object object;
    if (m_json.iterate(input).get(doc) || doc.get_object().get(object)) {
        out.error(span.line, span.offset, "invalid JSON");
        return;
    }
    // Either a wrapper {"message": "<record line>", ...} (CloudWatch Logs exports,
    // subscription payloads, log shippers) or an object of flow log fields.
    Layout &layout = m_jsonLayout;
    layout.column.fill(-1);
    layout.columns = 0;
    bool message = false;
    for (auto member : object) {
        std::string_view key;
        if (member.unescaped_key().get(key)) {
            out.error(span.line, span.offset, "invalid JSON");
            return;
        }
        simdjson::ondemand::value value;
        if (member.value().get(value)) {
            out.error(span.line, span.offset, "invalid JSON");
            return;
        }
        if (key == "message") {
            std::string_view s;
            if (value.get_string().get(s)) {
                out.error(span.line, span.offset, "\"message\" is not a string");
                return;
            }
            m_message.assign(s);
            message = true;
            continue;
        }
        const Field f = vpcflow::fieldFromName(key);
        if (f == Field::Unknown || layout.has(f) || layout.columns >= vpcflow::kMaxColumns)
            continue;
        // Views into the parser's string buffer stay valid until the next document.
        const std::string_view v = json::text(value);
        layout.column[static_cast<int>(f)] = static_cast<int8_t>(layout.columns);
        m_values.cell[layout.columns++] = v;
    }
    m_values.count = layout.columns;
    if (message) {
        parseLine(m_message, span, out);
        return;
    }
    if (!layout.has(Field::SrcAddr) && !layout.has(Field::DstAddr) &&
        !layout.has(Field::LogStatus)) {
        out.error(span.line, span.offset,
                  "JSON record with neither a \"message\" nor flow log fields (srcaddr, dstaddr, "
                  "log-status)");
        return;
    }
    addRecord(layout, span, out);
}

std::string VpcFlowParser::note() const
{
    std::vector<std::string> parts;
    if (!m_assumed.empty()) {
        std::string s = "no header line: ";
        for (size_t i = 0; i < m_assumed.size(); ++i)
            s += (i ? " and " : "") + m_assumed[i]->description;
        parts.push_back(s + " assumed");
    }
    if (m_headers > 1)
        parts.push_back("header line repeated (" + plural(m_headers, "header", "headers") + ")");
    const VpcFlowNormalizer::Counts &c = m_normalizer.counts();
    parts.push_back(plural(c.flows, "flow record", "flow records") + " aggregated");
    if (c.alreadyInCase)
        parts.push_back(plural(c.alreadyInCase, "flow record", "flow records") +
                        " already in the case from an interrupted import of this file, not "
                        "counted again");
    if (c.noData || c.skipData)
        parts.push_back("NODATA " + std::to_string(c.noData) + ", SKIPDATA " +
                        std::to_string(c.skipData) + " (counted, not errors)");
    if (c.untimed)
        parts.push_back(plural(c.untimed, "record", "records") +
                        " without start or end time (the format has none): addresses and "
                        "instances kept as entities, no flows");
    if (c.badStart)
        parts.push_back(plural(c.badStart, "record", "records") +
                        " with a start time after or more than a day before its end: end used");
    if (c.undirected)
        parts.push_back(
            plural(c.undirected, "record", "records") +
            " whose local side could not be told (no flow-direction, both addresses private or "
            "both public): stored as source to destination" +
            (c.unattributed
                 ? ", " + std::to_string(c.unattributed) + " of them not credited to their instance"
                 : std::string()));
    if (m_comments)
        parts.push_back(plural(m_comments, "record", "records") +
                        " with a trailing \"# comment\" (ignored)");
    if (m_commentLines)
        parts.push_back(plural(m_commentLines, "comment line", "comment lines") + " skipped");
    std::string s;
    for (size_t i = 0; i < parts.size(); ++i)
        s += (i ? "; " : "") + parts[i];
    return s;
}

} // namespace sightline
