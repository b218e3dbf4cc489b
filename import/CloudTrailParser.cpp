#include "CloudTrailParser.h"

#include "JsonUtil.h"

namespace sightline {

// CloudTrail Lake rows are arrays of one-member objects: [{"eventID": ".."}, ...].
// Joins them into one object text; false when the row has another shape.
bool flattenLakeRow(simdjson::ondemand::parser &parser, std::string_view row, std::string &out)
{
    std::string padded;
    simdjson::ondemand::document doc;
    if (parser.iterate(json::padded(row, padded)).get(doc))
        return false;
    simdjson::ondemand::array a;
    if (doc.get_array().get(a))
        return false;
    out.clear(); // (not out = "{": GCC 12 reports a false -Wrestrict on that)
    out.push_back('{');
    bool first = true;
    for (auto element : a) {
        simdjson::ondemand::object o;
        if (element.get_object().get(o))
            return false;
        std::string_view raw;
        if (o.raw_json().get(raw))
            return false;
        const size_t open = raw.find('{');
        const size_t close = raw.rfind('}');
        if (open == std::string_view::npos || close == std::string_view::npos || close <= open)
            return false;
        std::string_view inner = raw.substr(open + 1, close - open - 1);
        if (inner.find_first_not_of(" \t\r\n") == std::string_view::npos)
            continue;
        if (!first)
            out.push_back(',');
        out.append(inner);
        first = false;
    }
    out.push_back('}');
    return true;
}

void CloudTrailParser::parse(const RecordSpan &span, BatchBuilder &out)
{
    parseText(span.text, span, out);
}

void CloudTrailParser::parseText(std::string_view text, const RecordSpan &span, BatchBuilder &out)
{
    {
        // Spans from a RecordReader carry padding; other text is copied to a padded buffer.
        simdjson::padded_string_view input =
            text.data() == span.text.data()
                ? simdjson::padded_string_view(text.data(), text.size(),
                                               text.size() + RecordReader::kPadding)
                : json::padded(text, m_padded);
        if (!text.empty() && text.front() == '[') {
            if (!flattenLakeRow(m_lakeParser, text, m_flat)) {
                out.error(span.line, span.offset,
                          "array record that is not a CloudTrail Lake result row");
                return;
            }
            input = json::padded(m_flat, m_flatPadded);
        }
        m_outer.clear();
        if (!extractCloudTrail(m_parser, input, m_outer, m_error)) {
            out.error(span.line, span.offset, "invalid JSON: " + m_error);
            return;
        }
        const CloudTrailRecord *record = &m_outer;
        if (!m_outer.nestedEvent.empty()) {
            m_inner.clear();
            if (!extractCloudTrail(m_innerParser, json::padded(m_outer.nestedEvent, m_nested),
                                   m_inner, m_error)) {
                out.error(span.line, span.offset,
                          "invalid JSON in the embedded CloudTrail event: " + m_error);
                return;
            }
            if (m_inner.eventTime.empty())
                m_inner.altTime = m_outer.altTime;
            if (m_inner.eventId.empty())
                m_inner.eventId = m_outer.eventId;
            record = &m_inner;
        }
        CloudTrailRecord &rec = const_cast<CloudTrailRecord &>(*record);
        if (!rec.identityText.empty() && rec.identityText.front() == '{')
            extractNestedText(m_textParsers[0], json::padded(rec.identityText, m_texts[0]),
                              "userIdentity", rec);
        if (!rec.requestText.empty() && rec.requestText.front() == '{')
            extractNestedText(m_textParsers[1], json::padded(rec.requestText, m_texts[1]),
                              "requestParameters", rec);
        if (!rec.responseText.empty() && rec.responseText.front() == '{')
            extractNestedText(m_textParsers[2], json::padded(rec.responseText, m_texts[2]),
                              "responseElements", rec);
        if (!record->sawCloudTrailKey) {
            out.error(
                span.line, span.offset,
                "not a CloudTrail record (no eventName, eventSource, eventTime or userIdentity)");
            return;
        }
        if (!m_normalizer.add(*record, span, out, m_error))
            out.error(span.line, span.offset, m_error);
    }
}

} // namespace sightline
