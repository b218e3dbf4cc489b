#include "CloudTrailFormat.h"

#include "CloudTrailNormalizer.h"
#include "CloudTrailRecord.h"
#include "JsonUtil.h"

#include <algorithm>

namespace sightline {
namespace {

bool hasKey(const std::vector<std::string> &keys, std::string_view k)
{
    return std::find(keys.begin(), keys.end(), k) != keys.end();
}

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

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
    out = "{";
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

class CloudTrailParser final : public RecordParser
{
public:
    void parse(const RecordSpan &span, BatchBuilder &out) override
    {
        std::string_view text = span.text;
        simdjson::padded_string_view input(text.data(), text.size(),
                                           text.size() + RecordReader::kPadding);
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

private:
    simdjson::ondemand::parser m_parser, m_innerParser, m_lakeParser;
    simdjson::ondemand::parser m_textParsers[3];
    std::string m_texts[3];
    CloudTrailRecord m_outer, m_inner;
    CloudTrailNormalizer m_normalizer;
    std::string m_error, m_nested, m_flat, m_flatPadded;
};

} // namespace

const std::vector<std::string> &CloudTrailFormat::containerKeys()
{
    static const std::vector<std::string> keys = {"Records", "Events", "QueryResultRows"};
    return keys;
}

Detection CloudTrailFormat::detect(const Sniff &sniff) const
{
    Detection d;
    if (hasKey(sniff.topKeys, "digestStartTime") || hasKey(sniff.topKeys, "digestS3Object")) {
        d.verdict = Detection::Verdict::Skip;
        d.reason = "CloudTrail digest file (log file integrity data, holds no events)";
        return d;
    }
    if (hasKey(sniff.topKeys, "InsightSelectors") || hasKey(sniff.topKeys, "EventSelectors")) {
        d.verdict = Detection::Verdict::Skip;
        d.reason = "CloudTrail trail configuration (selectors), holds no events";
        return d;
    }
    if (hasKey(sniff.topKeys, "TopicArn") && hasKey(sniff.topKeys, "MessageId")) {
        d.verdict = Detection::Verdict::Skip;
        d.reason = "SNS/SQS notification of log delivery (names log files, holds no events)";
        return d;
    }
    if (sniff.firstRecord.empty())
        return d;
    simdjson::ondemand::parser parser, inner;
    std::string padded, nested, flat;
    CloudTrailRecord r, n;
    std::string error;
    std::string_view text = sniff.firstRecord;
    if (text.front() == '[') {
        if (!hasKey(sniff.topKeys, "QueryResultRows") || !flattenLakeRow(parser, text, flat))
            return d;
        text = flat;
    }
    if (!extractCloudTrail(parser, json::padded(text, padded), r, error)) {
        // A damaged first record: judge by the names in the text instead.
        const std::string_view head = sniff.head;
        if (hasKey(sniff.topKeys, "Records") &&
            head.find("\"eventVersion\"") != std::string_view::npos &&
            head.find("\"eventName\"") != std::string_view::npos &&
            head.find("\"eventSource\"") != std::string_view::npos) {
            d.verdict = Detection::Verdict::Yes;
            d.confidence = 50;
        }
        return d;
    }
    const CloudTrailRecord *rec = &r;
    if (!r.nestedEvent.empty()) {
        if (!extractCloudTrail(inner, json::padded(r.nestedEvent, nested), n, error))
            return d;
        rec = &n;
    }
    const bool awsSource = endsWith(rec->eventSource, ".amazonaws.com") ||
                           endsWith(rec->insightSource, ".amazonaws.com");
    // S3, SNS and SES notifications also carry eventVersion / eventName, with "aws:" sources.
    const bool notification = rec->eventSource.substr(0, 4) == "aws:";
    const bool ctShape =
        rec->sawCloudTrailKey && !notification &&
        (!rec->identity.type.empty() || !rec->eventId.empty() || !rec->eventVersion.empty());
    if (rec->eventType == "AwsCloudTrailInsight" || (ctShape && awsSource)) {
        d.verdict = Detection::Verdict::Yes;
        d.confidence = 90;
    } else if (ctShape) {
        d.verdict = Detection::Verdict::Yes; // placeholders, Lake rows and partial exports
        d.confidence = 60;
    } else if (hasKey(sniff.topKeys, "QueryResultRows")) {
        d.verdict = Detection::Verdict::Skip;
        d.reason = "CloudTrail Lake / Athena query result without event records (its rows lack "
                   "eventTime or eventName, e.g. counts or selected columns)";
    }
    return d;
}

std::unique_ptr<RecordReader> CloudTrailFormat::reader(ByteSource &source) const
{
    return std::make_unique<JsonRecordReader>(source, containerKeys());
}

std::unique_ptr<RecordParser> CloudTrailFormat::parser() const
{
    return std::make_unique<CloudTrailParser>();
}

} // namespace sightline
