#include "CloudTrailFormat.h"

#include "CloudTrailParser.h"
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
