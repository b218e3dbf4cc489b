#include "Route53ResolverFormat.h"

#include "CloudWatchEnvelope.h"
#include "DnsQueryNormalizer.h"
#include "JsonUtil.h"
#include "TimeUtil.h"

namespace sightline {
namespace {

using simdjson::ondemand::array;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

struct ResolverRecord
{
    DnsQueryRecord dns;
    std::string_view time; // query_timestamp
    int keys = 0;          // resolver log members seen

    void clear()
    {
        dns.clear();
        time = {};
        keys = 0;
    }
};

void readAnswer(value v, std::vector<std::string_view> &out)
{
    object o;
    if (v.get_object().get(o))
        return;
    for (auto field : o) {
        std::string_view key;
        value child;
        if (field.unescaped_key().get(key) || field.value().get(child))
            return;
        if ((key == "Rdata" || key == "rdata") && out.size() < 64) {
            const std::string_view t = json::text(child);
            if (!t.empty())
                out.push_back(t);
        }
    }
}

void readSrcIds(value v, DnsQueryRecord &r)
{
    object o;
    if (v.get_object().get(o))
        return;
    for (auto field : o) {
        std::string_view key;
        value child;
        if (field.unescaped_key().get(key) || field.value().get(child))
            return;
        if (key == "instance")
            r.instanceId = json::text(child);
        else if (key == "resolver_endpoint")
            r.resolverEndpoint = json::text(child);
    }
}

// Reads one record object; members of a CloudWatch Logs wrapper go to envelope.
bool extractResolver(simdjson::ondemand::parser &parser, simdjson::padded_string_view text,
                     ResolverRecord &rec, CloudWatchEnvelope *envelope, std::string &error)
{
    simdjson::ondemand::document doc;
    if (auto e = parser.iterate(text).get(doc); e) {
        error = simdjson::error_message(e);
        return false;
    }
    object o;
    if (doc.get_object().get(o)) {
        error = "not a JSON object";
        return false;
    }
    DnsQueryRecord &r = rec.dns;
    for (auto field : o) {
        std::string_view key;
        value v;
        if (auto e = field.unescaped_key().get(key); e) {
            error = simdjson::error_message(e);
            return false;
        }
        if (auto e = field.value().get(v); e) {
            error = simdjson::error_message(e);
            return false;
        }
        ++rec.keys;
        if (key == "query_name") {
            r.queryName = json::text(v);
        } else if (key == "query_timestamp") {
            rec.time = json::text(v);
        } else if (key == "query_type") {
            r.queryType = json::text(v);
        } else if (key == "query_class") {
            r.queryClass = json::text(v);
        } else if (key == "rcode") {
            r.rcode = json::text(v);
        } else if (key == "srcaddr") {
            r.srcAddr = json::text(v);
        } else if (key == "srcport") {
            r.srcPort = json::text(v);
        } else if (key == "transport") {
            r.transport = json::text(v);
        } else if (key == "srcids") {
            readSrcIds(v, r);
        } else if (key == "vpc_id") {
            r.vpcId = json::text(v);
        } else if (key == "account_id") {
            r.account = json::text(v);
        } else if (key == "region") {
            r.region = json::text(v);
        } else if (key == "firewall_rule_action") {
            r.firewallAction = json::text(v);
        } else if (key == "firewall_rule_group_id") {
            r.firewallRuleGroup = json::text(v);
        } else if (key == "firewall_domain_list_id") {
            r.firewallDomainList = json::text(v);
        } else if (key == "answers") {
            if (json::isArray(v)) {
                array a;
                if (v.get_array().get(a))
                    continue;
                for (auto element : a) {
                    value child;
                    if (element.get(child))
                        break;
                    readAnswer(child, r.answers);
                }
            } else if (json::isObject(v)) {
                readAnswer(v, r.answers); // Panther's parsed records hold one object
            }
        } else if (key == "version") {
        } else {
            --rec.keys;
            if (envelope)
                envelope->absorb(key, v);
        }
    }
    if (!doc.is_alive()) { // a nested value was damaged: its readers stopped quietly
        error = simdjson::error_message(simdjson::TAPE_ERROR);
        return false;
    }
    return true;
}

// 90: a resolver query record, 0: not one.
int resolverConfidence(const ResolverRecord &r)
{
    if (r.dns.queryName.empty() || r.time.empty())
        return 0;
    const bool more = !r.dns.srcAddr.empty() || !r.dns.rcode.empty() || !r.dns.queryType.empty();
    return more ? 90 : 60;
}

class Route53ResolverParser final : public RecordParser
{
public:
    void parse(const RecordSpan &span, BatchBuilder &out) override
    {
        m_outer.clear();
        m_env.clear();
        const simdjson::padded_string_view input(span.text.data(), span.text.size(),
                                                 span.text.size() + RecordReader::kPadding);
        if (!extractResolver(m_parser, input, m_outer, &m_env, m_error)) {
            out.error(span.line, span.offset, "invalid JSON: " + m_error);
            return;
        }
        if (m_outer.keys == 0 && m_env.control())
            return; // a subscription's delivery check holds no log events
        if (m_outer.keys == 0 && m_env.wrapped()) {
            const bool single = m_env.messages().size() == 1;
            for (const CloudWatchMessage &m : m_env.messages()) {
                m_inner.clear();
                if (!extractResolver(m_innerParser, json::padded(m.text, m_padded), m_inner,
                                     nullptr, m_error) ||
                    resolverConfidence(m_inner) == 0) {
                    out.error(span.line, span.offset,
                              "CloudWatch Logs message is not a Route 53 Resolver query record");
                    continue;
                }
                add(m_inner, single ? span.text : m.text, span, out);
            }
            return;
        }
        add(m_outer, span.text, span, out);
    }

private:
    void add(ResolverRecord &rec, std::string_view raw, const RecordSpan &span, BatchBuilder &out)
    {
        if (rec.dns.queryName.empty() && rec.time.empty()) {
            out.error(span.line, span.offset,
                      "not a Route 53 Resolver query record (no query_name or query_timestamp)");
            return;
        }
        if (rec.time.empty()) {
            out.error(span.line, span.offset, "record has no query_timestamp");
            return;
        }
        const auto time = parseIso8601(rec.time);
        if (!time) {
            out.error(span.line, span.offset,
                      "query_timestamp is not a valid time: \"" +
                          std::string(rec.time.substr(0, 64)) + "\"");
            return;
        }
        rec.dns.timeMs = *time;
        if (!m_normalizer.add(rec.dns, raw, span.line, span.offset, out, m_error))
            out.error(span.line, span.offset, m_error);
    }

    simdjson::ondemand::parser m_parser, m_innerParser;
    ResolverRecord m_outer, m_inner;
    CloudWatchEnvelope m_env;
    DnsQueryNormalizer m_normalizer;
    std::string m_error, m_padded;
};

} // namespace

Detection Route53ResolverFormat::detect(const Sniff &sniff) const
{
    Detection d;
    if (sniff.firstRecord.empty() || sniff.firstRecord.front() != '{')
        return d;
    simdjson::ondemand::parser parser;
    std::string padded, error;
    ResolverRecord r;
    CloudWatchEnvelope env;
    if (!extractResolver(parser, json::padded(sniff.firstRecord, padded), r, &env, error))
        return d;
    int confidence = resolverConfidence(r);
    if (r.keys == 0 && env.wrapped()) {
        simdjson::ondemand::parser inner;
        std::string innerPadded;
        ResolverRecord m;
        if (extractResolver(inner, json::padded(env.messages().front().text, innerPadded), m,
                            nullptr, error))
            confidence = std::min(resolverConfidence(m), 80);
    }
    if (confidence > 0) {
        d.verdict = Detection::Verdict::Yes;
        d.confidence = confidence;
    }
    return d;
}

std::unique_ptr<RecordReader> Route53ResolverFormat::reader(ByteSource &source) const
{
    return std::make_unique<JsonRecordReader>(source, jsonContainerKeys());
}

std::unique_ptr<RecordParser> Route53ResolverFormat::parser() const
{
    return std::make_unique<Route53ResolverParser>();
}

} // namespace sightline
