#pragma once
// The wrapping CloudWatch Logs puts around a log message, as responders export it:
// filter-log-events / get-log-events events ({"timestamp": ms, "message": "<json>",
// "logStreamName": ...}), Logs Insights rows ({"@timestamp", "@message", "@log",
// "@logStream"}), subscription payloads delivered by Firehose ({"messageType":
// "DATA_MESSAGE", "logGroup", "owner", "logEvents": [{"timestamp", "message"}]}), live tail
// updates ("logGroupIdentifier") and the plain {"message": "..."} re-wrapping of log
// shippers. Formats whose records can arrive this way feed each top-level member of a
// record to absorb() and, when wrapped() afterwards, parse the messages instead.
// Views point into the caller's simdjson parser: valid until it parses again.
#include <simdjson.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace sightline {

struct CloudWatchMessage
{
    std::string_view text; // the log message (for the formats here, a JSON document)
    int64_t timeMs = 0;    // CloudWatch's timestamp, 0 when unknown
};

class CloudWatchEnvelope
{
public:
    void clear();
    // Takes the member when it is one of CloudWatch's; false leaves it to the caller.
    bool absorb(std::string_view key, simdjson::ondemand::value value);
    // A message (or a batch of them) was found.
    bool wrapped() const { return !m_messages.empty(); }
    // A subscription CONTROL_MESSAGE (a delivery check, holds no log events).
    bool control() const { return m_control; }
    const std::vector<CloudWatchMessage> &messages() const { return m_messages; }

    std::string_view logGroup() const { return m_logGroup; }
    std::string_view logStream() const { return m_logStream; }
    std::string_view account() const { return m_account; } // subscription owner, @log prefix
    std::string_view region() const { return m_region; }   // from a log group ARN
    // The cluster of an EKS control plane log group "/aws/eks/<cluster>/cluster".
    std::string_view eksCluster() const;

private:
    void setLogGroup(std::string_view text);
    std::vector<CloudWatchMessage> m_messages;
    std::string_view m_logGroup, m_logStream, m_account, m_region;
    int64_t m_timeMs = 0;
    size_t m_single = SIZE_MAX; // index of the message of a single-event wrapper
    bool m_control = false;
};

} // namespace sightline
