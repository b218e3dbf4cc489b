#include "SecurityHubFormat.h"

#include "AsffRecord.h"
#include "FindingNormalizer.h"
#include "FindingProbe.h"
#include "JsonUtil.h"

#include <algorithm>

namespace sightline {
namespace {

bool hasKey(const std::vector<std::string> &keys, std::string_view k)
{
    return std::find(keys.begin(), keys.end(), k) != keys.end();
}

class SecurityHubParser final : public RecordParser
{
public:
    void parse(const RecordSpan &span, BatchBuilder &out) override
    {
        const std::string_view text = span.text;
        const simdjson::padded_string_view input(text.data(), text.size(),
                                                 text.size() + RecordReader::kPadding);
        simdjson::ondemand::document doc;
        fjson::value root;
        if (auto e = m_parser.iterate(input).get(doc); e) {
            out.error(span.line, span.offset,
                      std::string("invalid JSON: ") + simdjson::error_message(e));
            return;
        }
        if (doc.get_value().get(root) || !json::isObject(root)) {
            out.error(span.line, span.offset, "not a JSON object");
            return;
        }
        // An EventBridge event carries its findings in detail.findings. Bare findings (the
        // usual case) have no "detail" member and are read in one pass.
        fjson::Walk w;
        bool event = false;
        int64_t notObjects = 0;
        m_findings.clear();
        if (text.find("\"detail\"") != std::string_view::npos) {
            w.fields(root, [&](std::string_view k, fjson::value &c) {
                if (k != "detail")
                    return;
                w.fields(c, [&](std::string_view k2, fjson::value &c2) {
                    if (k2 != "findings" || !json::isArray(c2))
                        return;
                    event = true;
                    w.elements(c2, [&](fjson::value &f) {
                        simdjson::ondemand::object o;
                        std::string_view raw;
                        if (json::isObject(f) && !f.get_object().get(o) && !o.raw_json().get(raw))
                            m_findings.push_back(raw);
                        else
                            ++notObjects;
                    });
                });
            });
            if (w.failed()) {
                out.error(span.line, span.offset, std::string("invalid JSON: ") + w.error());
                return;
            }
            if (!event) { // parse again to read the record as a finding
                w.reset();
                if (auto e = m_parser.iterate(input).get(doc); e || doc.get_value().get(root)) {
                    out.error(span.line, span.offset, "invalid JSON");
                    return;
                }
            }
        }
        if (!event) {
            addFinding(w, root, text, span.line, span.offset, out);
            return;
        }
        if (notObjects > 0)
            out.error(span.line, span.offset,
                      "detail.findings holds " + std::to_string(notObjects) +
                          " value(s) that are not finding objects");
        if (m_findings.empty() && notObjects == 0) {
            out.error(span.line, span.offset, "Security Hub event whose detail.findings is empty");
            return;
        }
        for (std::string_view raw : m_findings) {
            // One finding: the event is its raw record. Several: each keeps its own text.
            int64_t line = span.line, offset = span.offset;
            std::string_view record = text;
            if (m_findings.size() > 1) {
                const size_t at = static_cast<size_t>(raw.data() - text.data());
                line +=
                    std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
                offset += static_cast<int64_t>(at);
                record = raw;
            }
            simdjson::ondemand::document inner;
            fjson::value finding;
            if (auto e = m_inner.iterate(json::padded(raw, m_buffer)).get(inner); e) {
                out.error(line, offset, std::string("invalid JSON: ") + simdjson::error_message(e));
                continue;
            }
            if (inner.get_value().get(finding)) {
                out.error(line, offset, "invalid JSON");
                continue;
            }
            fjson::Walk fw;
            addFinding(fw, finding, record, line, offset, out);
        }
    }

private:
    void addFinding(fjson::Walk &w, fjson::value &v, std::string_view raw, int64_t line,
                    int64_t offset, BatchBuilder &out)
    {
        if (!extractAsff(w, v, m_record)) {
            out.error(line, offset, "not a JSON object");
            return;
        }
        if (w.failed()) {
            out.error(line, offset, std::string("invalid JSON: ") + w.error());
            return;
        }
        if (m_record.id.empty()) {
            out.error(line, offset, "not a Security Hub finding (no Id)");
            return;
        }
        if (!m_normalizer.add(m_record, "securityhub", raw, line, offset, out, m_error))
            out.error(line, offset, m_error);
    }

    simdjson::ondemand::parser m_parser, m_inner;
    std::vector<std::string_view> m_findings;
    std::string m_buffer, m_error;
    FindingRecord m_record;
    FindingNormalizer m_normalizer;
};

} // namespace

Detection SecurityHubFormat::detect(const Sniff &sniff) const
{
    Detection d;
    if (hasKey(sniff.topKeys, "FailedCount") && hasKey(sniff.topKeys, "SuccessCount")) {
        d.verdict = Detection::Verdict::Skip;
        d.reason = "Security Hub BatchImportFindings response (import counts): holds no findings";
        return d;
    }
    if (sniff.firstRecord.empty()) {
        if (sniff.head.find("\"ProductArn\"") != std::string_view::npos &&
            sniff.head.find("\"SchemaVersion\"") != std::string_view::npos &&
            sniff.head.find("\"AwsAccountId\"") != std::string_view::npos) {
            d.verdict = Detection::Verdict::Yes; // a first record larger than the head
            d.confidence = 40;
        }
        return d;
    }
    const FindingProbe p = probeFinding(sniff.firstRecord);
    if (!p.object)
        return d;
    if (p.pattern) {
        d.verdict = Detection::Verdict::Skip;
        d.reason = "EventBridge rule pattern (a filter for events): holds no events";
        return d;
    }
    if (p.has("findingidentifier") && p.has("updatetime")) {
        d.verdict = Detection::Verdict::Skip;
        d.reason = "Security Hub finding history (get-finding-history): lists changes to "
                   "findings, not the findings";
        return d;
    }
    if (p.envelope && p.source == "aws.securityhub" && !p.detailFindings) {
        d.verdict = Detection::Verdict::Skip;
        d.reason = "Security Hub \"" + p.detailType.substr(0, 80) + "\" event: holds no findings";
        return d;
    }
    const bool asff = p.has("productarn") &&
                      (p.has("awsaccountid") || p.has("generatorid") || p.has("schemaversion"));
    if (asff && p.detailFindings) {
        d.verdict = Detection::Verdict::Yes;
        d.confidence = 95;
    } else if (asff) {
        d.verdict = Detection::Verdict::Yes;
        d.confidence = 90;
    }
    return d;
}

std::unique_ptr<RecordReader> SecurityHubFormat::reader(ByteSource &source) const
{
    return std::make_unique<JsonRecordReader>(source, jsonContainerKeys());
}

std::unique_ptr<RecordParser> SecurityHubFormat::parser() const
{
    return std::make_unique<SecurityHubParser>();
}

} // namespace sightline
