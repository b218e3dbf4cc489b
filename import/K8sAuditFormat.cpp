#include "K8sAuditFormat.h"

#include "JsonUtil.h"
#include "K8sAuditNormalizer.h"
#include "K8sAuditRecord.h"

namespace sightline {
namespace {

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

// Confidence that a record is an audit event: 90 certain, 70 an Event with the audit
// members, 10 a damaged record with nothing but audit members, 0 not one.
int auditConfidence(const K8sAuditRecord &r)
{
    const bool auditApi = startsWith(r.apiVersion, "audit.k8s.io/");
    if (r.kind == "Event" && auditApi)
        return 90;
    const bool request = !r.verb.empty() || !r.auditId.empty() || !r.requestUri.empty();
    if ((r.kind == "Event" || auditApi) && r.auditKeys >= 3 && request)
        return 70;
    if (!r.kindIsString && r.otherKeys == 0)
        return 10;
    return 0;
}

// EKS sends its other control plane logs (API server, authenticator, scheduler, controller
// manager) to the same log group, in streams of their own.
bool otherEksStream(const CloudWatchEnvelope &env)
{
    const std::string_view s = env.logStream();
    if (s.empty() || startsWith(s, "kube-apiserver-audit"))
        return false;
    return !env.eksCluster().empty() || startsWith(s, "kube-apiserver-") ||
           startsWith(s, "authenticator-") || startsWith(s, "kube-controller-manager-") ||
           startsWith(s, "kube-scheduler-") || startsWith(s, "cloud-controller-manager-");
}

class K8sAuditParser final : public RecordParser
{
public:
    void parse(const RecordSpan &span, BatchBuilder &out) override
    {
        m_outer.clear();
        m_env.clear();
        const simdjson::padded_string_view input(span.text.data(), span.text.size(),
                                                 span.text.size() + RecordReader::kPadding);
        if (!extractK8sAudit(m_parser, input, m_outer, &m_env, m_error)) {
            out.error(span.line, span.offset, "invalid JSON: " + m_error);
            return;
        }
        if (m_outer.auditKeys == 0 && m_env.control()) {
            ++m_controlMessages;
            return;
        }
        if (m_outer.auditKeys == 0 && m_env.wrapped()) {
            const bool single = m_env.messages().size() == 1;
            for (const CloudWatchMessage &m : m_env.messages())
                addMessage(m, single, span, out);
            return;
        }
        if (!m_outer.kindIsString || (!m_outer.kind.empty() && m_outer.kind != "Event")) {
            out.error(span.line, span.offset,
                      "not a Kubernetes audit event: \"kind\" is " +
                          (m_outer.kindIsString
                               ? "\"" + std::string(m_outer.kind.substr(0, 64)) + "\""
                               : std::string(m_outer.kindText.substr(0, 64))) +
                          ", expected \"Event\"");
            return;
        }
        if (m_outer.auditKeys == 0 || (m_outer.kind.empty() && m_outer.verb.empty() &&
                                       m_outer.auditId.empty() && m_outer.requestUri.empty())) {
            out.error(span.line, span.offset,
                      "not a Kubernetes audit event (no kind, verb, auditID or requestURI)");
            return;
        }
        if (!m_normalizer.add(m_outer, span.text, span.line, span.offset, out, m_error))
            out.error(span.line, span.offset, m_error);
    }

    std::string note() const override
    {
        std::string s;
        if (m_otherStreams > 0)
            s = std::to_string(m_otherStreams) +
                " messages from other EKS control plane log streams (API server, authenticator, "
                "scheduler, controller manager) skipped";
        if (m_controlMessages > 0)
            s += (s.empty() ? "" : "; ") + std::to_string(m_controlMessages) +
                 " CloudWatch Logs subscription control messages (hold no events)";
        return s;
    }

private:
    // One CloudWatch Logs message: its raw record is the wrapper when it holds one message
    // (the record as exported), else the message itself.
    void addMessage(const CloudWatchMessage &m, bool single, const RecordSpan &span,
                    BatchBuilder &out)
    {
        m_inner.clear();
        if (!extractK8sAudit(m_innerParser, json::padded(m.text, m_padded), m_inner, nullptr,
                             m_error) ||
            auditConfidence(m_inner) == 0) {
            if (otherEksStream(m_env)) {
                ++m_otherStreams;
                return;
            }
            out.error(
                span.line, span.offset,
                "CloudWatch Logs message is not a Kubernetes audit event" +
                    (m_env.logStream().empty()
                         ? std::string()
                         : " (log stream " + std::string(m_env.logStream().substr(0, 128)) + ")"));
            return;
        }
        if (m_inner.cluster.empty())
            m_inner.cluster = m_env.eksCluster();
        m_inner.account = m_env.account();
        m_inner.region = m_env.region();
        m_inner.timeMs = m.timeMs;
        if (!m_normalizer.add(m_inner, single ? span.text : m.text, span.line, span.offset, out,
                              m_error))
            out.error(span.line, span.offset, m_error);
    }

    simdjson::ondemand::parser m_parser, m_innerParser;
    K8sAuditRecord m_outer, m_inner;
    CloudWatchEnvelope m_env;
    K8sAuditNormalizer m_normalizer;
    std::string m_error, m_padded;
    int64_t m_otherStreams = 0, m_controlMessages = 0;
};

} // namespace

Detection K8sAuditFormat::detect(const Sniff &sniff) const
{
    Detection d;
    if (sniff.firstChar != '{' && sniff.firstChar != '[')
        return d;
    // The first record decides, except that an export of a whole EKS log group may start
    // with other control plane streams: then the next records of the head are looked at.
    simdjson::ondemand::parser parser, inner;
    std::string padded, innerPadded, error;
    K8sAuditRecord r, m;
    CloudWatchEnvelope env;
    // 0: not audit, -1: another EKS stream (look further), else the confidence.
    auto judge = [&](std::string_view text, bool first) {
        r.clear();
        env.clear();
        if (text.empty() || text.front() != '{' ||
            !extractK8sAudit(parser, json::padded(text, padded), r, &env, error))
            return 0;
        if (r.auditKeys > 0) {
            const int c = auditConfidence(r);
            return c == 10 && !first ? 0 : c;
        }
        if (env.control())
            return -1; // a subscription's delivery check: the payloads follow
        if (!env.wrapped())
            return 0;
        m.clear();
        const std::string_view message = env.messages().front().text;
        const int c = extractK8sAudit(inner, json::padded(message, innerPadded), m, nullptr, error)
                          ? std::min(auditConfidence(m), 80)
                          : 0;
        if (c >= 70)
            return c;
        return otherEksStream(env) ? -1 : 0;
    };
    auto verdict = [&](int confidence) {
        if (confidence > 0) {
            d.verdict = Detection::Verdict::Yes;
            d.confidence = confidence;
        }
        return d;
    };
    MemorySource mem(sniff.head);
    JsonRecordReader records(mem, jsonContainerKeys(), sniff.head.size() + 1);
    RecordSpan span;
    int n = 0;
    for (; n < 64 && records.next(span); ++n) {
        const int c = judge(span.text, n == 0);
        if (c >= 0)
            return verdict(c);
    }
    if (n == 0) // a first record larger than the head
        return verdict(std::max(judge(sniff.firstRecord, true), 0));
    return d;
}

std::unique_ptr<RecordReader> K8sAuditFormat::reader(ByteSource &source) const
{
    return std::make_unique<JsonRecordReader>(source, jsonContainerKeys());
}

std::unique_ptr<RecordParser> K8sAuditFormat::parser() const
{
    return std::make_unique<K8sAuditParser>();
}

} // namespace sightline
