#include "AwsWafFormat.h"

namespace sightline {
namespace {

bool has(std::string_view text, std::string_view member)
{
    return text.find(member) != std::string_view::npos;
}

// Never runs (detect only skips); records an error per record should it ever be chosen.
class UnsupportedParser final : public RecordParser
{
public:
    void parse(const RecordSpan &span, BatchBuilder &out) override
    {
        out.error(span.line, span.offset, "AWS WAF log, not supported yet");
    }
};

} // namespace

Detection AwsWafFormat::detect(const Sniff &sniff) const
{
    Detection d;
    const std::string_view r = sniff.firstRecord;
    if (!r.empty() && r.front() == '{' && has(r, "\"webaclId\"") && has(r, "\"httpRequest\"") &&
        (has(r, "\"terminatingRuleId\"") || has(r, "\"action\""))) {
        d.verdict = Detection::Verdict::Skip;
        d.reason = "AWS WAF log, not supported yet";
    }
    return d;
}

std::unique_ptr<RecordReader> AwsWafFormat::reader(ByteSource &source) const
{
    return std::make_unique<JsonRecordReader>(source, std::vector<std::string>());
}

std::unique_ptr<RecordParser> AwsWafFormat::parser() const
{
    return std::make_unique<UnsupportedParser>();
}

} // namespace sightline
