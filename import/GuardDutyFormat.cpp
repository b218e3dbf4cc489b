#include "GuardDutyFormat.h"

#include "FindingJson.h"
#include "FindingNormalizer.h"
#include "FindingProbe.h"
#include "GuardDutyRecord.h"
#include "JsonUtil.h"

#include <algorithm>

namespace sightline {
namespace {

bool hasKey(const std::vector<std::string> &keys, std::string_view k)
{
    return std::find(keys.begin(), keys.end(), k) != keys.end();
}

class GuardDutyParser final : public RecordParser
{
public:
    void parse(const RecordSpan &span, BatchBuilder &out) override
    {
        const std::string_view text = span.text;
        const simdjson::padded_string_view input(text.data(), text.size(),
                                                 text.size() + RecordReader::kPadding);
        if (!extractGuardDuty(m_parser, input, m_record, m_error)) {
            out.error(span.line, span.offset, "invalid JSON: " + m_error);
            return;
        }
        if (m_record.type.empty() && m_record.id.empty() && m_record.key.empty()) {
            out.error(span.line, span.offset, "not a GuardDuty finding (no id, arn or type)");
            return;
        }
        if (!m_normalizer.add(m_record, "guardduty", text, span.line, span.offset, out, m_error))
            out.error(span.line, span.offset, m_error);
        else
            ++m_findings;
    }

    std::string note() const override
    {
        return m_findings == 0 ? "holds no findings (an empty page of findings)" : std::string();
    }

private:
    simdjson::ondemand::parser m_parser;
    FindingRecord m_record;
    FindingNormalizer m_normalizer;
    std::string m_error;
    int64_t m_findings = 0;
};

} // namespace

Detection GuardDutyFormat::detect(const Sniff &sniff) const
{
    Detection d;
    if (hasKey(sniff.topKeys, "FindingIds")) {
        d.verdict = Detection::Verdict::Skip;
        d.reason = "list of finding ids (GuardDuty list-findings output): holds no findings";
        return d;
    }
    if (hasKey(sniff.topKeys, "Criterion") || hasKey(sniff.topKeys, "FindingCriteria")) {
        d.verdict = Detection::Verdict::Skip;
        d.reason = "GuardDuty finding filter criteria (a query): holds no findings";
        return d;
    }
    if (sniff.firstRecord.empty()) {
        if ((hasKey(sniff.topKeys, "Findings") || hasKey(sniff.topKeys, "findings")) &&
            sniff.wholeFile && sniff.topKeys.size() <= 2) {
            // An empty page of get-findings output ({"findings": []}, maybe a NextToken):
            // read as findings, it imports nothing and says so (see note()).
            d.verdict = Detection::Verdict::Yes;
            d.confidence = 30;
        } else if (sniff.head.find("\"GuardDuty Finding\"") != std::string_view::npos ||
                   (sniff.head.find(":guardduty:") != std::string_view::npos &&
                    sniff.head.find("/finding/") != std::string_view::npos &&
                    sniff.head.find("\"ProductArn\"") == std::string_view::npos)) {
            d.verdict = Detection::Verdict::Yes; // a first record larger than the head
            d.confidence = 40;
        }
        return d;
    }
    const FindingProbe p = probeFinding(sniff.firstRecord);
    if (!p.object)
        return d;
    if (p.source == "aws.guardduty" || p.detailType == "GuardDuty Finding") {
        if (!p.pattern) {
            d.verdict = Detection::Verdict::Yes;
            d.confidence = 95;
        }
        return d;
    }
    if (p.has("productarn") || p.detailFindings)
        return d; // Security Hub's format (ASFF), also for GuardDuty findings sent there
    const bool arn = p.arn.find(":guardduty:") != std::string::npos &&
                     p.arn.find("/finding/") != std::string::npos;
    const bool shape = p.has("type") && p.has("severity") && (p.has("id") || p.has("arn")) &&
                       (p.has("service") || p.has("resource"));
    if (shape && (arn || fjson::keyIs(p.serviceName, "guardduty"))) {
        d.verdict = Detection::Verdict::Yes;
        d.confidence = 90;
    } else if (arn && (p.has("updatedat") || p.has("type"))) {
        d.verdict = Detection::Verdict::Yes;
        d.confidence = 70;
    }
    return d;
}

std::unique_ptr<RecordReader> GuardDutyFormat::reader(ByteSource &source) const
{
    return std::make_unique<JsonRecordReader>(source, jsonContainerKeys());
}

std::unique_ptr<RecordParser> GuardDutyFormat::parser() const
{
    return std::make_unique<GuardDutyParser>();
}

} // namespace sightline
