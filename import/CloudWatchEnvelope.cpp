#include "CloudWatchEnvelope.h"

#include "JsonUtil.h"
#include "TimeUtil.h"

namespace sightline {
namespace {

int64_t numberMs(simdjson::ondemand::value v)
{
    int64_t n = 0;
    if (v.get_int64().get(n)) {
        double d = 0;
        if (v.get_double().get(d))
            return 0;
        n = static_cast<int64_t>(d);
    }
    return n;
}

} // namespace

void CloudWatchEnvelope::clear()
{
    m_messages.clear();
    m_logGroup = m_logStream = m_account = m_region = {};
    m_timeMs = 0;
    m_single = SIZE_MAX;
    m_control = false;
}

void CloudWatchEnvelope::setLogGroup(std::string_view text)
{
    // "arn:aws:logs:us-east-1:123456789012:log-group:/aws/eks/prod/cluster:*" (live tail) or
    // "123456789012:/aws/eks/prod/cluster" (Insights @log) or the plain name.
    if (text.substr(0, 4) == "arn:") {
        const size_t group = text.find(":log-group:");
        if (group == std::string_view::npos)
            return;
        // arn:partition:logs:region:account:...
        size_t pos = 0;
        std::string_view parts[5];
        for (int i = 0; i < 5; ++i) {
            const size_t colon = text.find(':', pos);
            if (colon == std::string_view::npos)
                return;
            parts[i] = text.substr(pos, colon - pos);
            pos = colon + 1;
        }
        m_region = parts[3];
        m_account = parts[4];
        text = text.substr(group + 11);
        if (text.size() >= 2 && text.substr(text.size() - 2) == ":*")
            text.remove_suffix(2);
    } else if (const size_t colon = text.find(":/"); colon != std::string_view::npos) {
        m_account = text.substr(0, colon);
        text = text.substr(colon + 1);
    }
    m_logGroup = text;
}

bool CloudWatchEnvelope::absorb(std::string_view key, simdjson::ondemand::value v)
{
    if (key.empty())
        return false;
    if (key == "message" || key == "@message") {
        std::string_view text;
        if (v.get_string().get(text))
            return false;
        if (m_single == SIZE_MAX) {
            m_single = m_messages.size();
            m_messages.push_back(CloudWatchMessage{text, m_timeMs});
        } else {
            m_messages[m_single].text = text;
        }
        return true;
    }
    if (key == "timestamp") {
        simdjson::ondemand::json_type t;
        if (v.type().get(t) || t != simdjson::ondemand::json_type::number)
            return false;
        m_timeMs = numberMs(v);
    } else if (key == "@timestamp") {
        m_timeMs = parseIso8601(json::text(v)).value_or(0);
    } else if (key == "logStreamName" || key == "logStream" || key == "@logStream") {
        m_logStream = json::text(v);
    } else if (key == "logGroup" || key == "logGroupName" || key == "@log" ||
               key == "logGroupIdentifier") {
        setLogGroup(json::text(v));
    } else if (key == "owner") {
        if (m_account.empty())
            m_account = json::text(v);
    } else if (key == "messageType") {
        m_control = json::text(v) == "CONTROL_MESSAGE";
    } else if (key == "logEvents") {
        simdjson::ondemand::array events;
        if (v.get_array().get(events))
            return true;
        for (auto element : events) {
            simdjson::ondemand::object o;
            if (element.get_object().get(o))
                continue;
            CloudWatchMessage m;
            for (auto field : o) {
                std::string_view k;
                simdjson::ondemand::value child;
                if (field.unescaped_key().get(k) || field.value().get(child))
                    break;
                if (k == "message")
                    m.text = json::text(child);
                else if (k == "timestamp")
                    m.timeMs = numberMs(child);
            }
            if (!m.text.empty())
                m_messages.push_back(m);
        }
    } else if (key != "ingestionTime" && key != "eventId" && key != "id" &&
               key != "subscriptionFilters" && key != "@ptr") {
        return false;
    }
    if (m_single != SIZE_MAX && m_timeMs != 0)
        m_messages[m_single].timeMs = m_timeMs;
    return true;
}

std::string_view CloudWatchEnvelope::eksCluster() const
{
    constexpr std::string_view prefix = "/aws/eks/";
    constexpr std::string_view suffix = "/cluster";
    const std::string_view g = m_logGroup;
    if (g.size() <= prefix.size() + suffix.size() || g.substr(0, prefix.size()) != prefix ||
        g.substr(g.size() - suffix.size()) != suffix)
        return {};
    return g.substr(prefix.size(), g.size() - prefix.size() - suffix.size());
}

} // namespace sightline
