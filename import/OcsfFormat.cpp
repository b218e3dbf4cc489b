#include "OcsfFormat.h"

#include "JsonUtil.h"
#include "OcsfApiMapper.h"
#include "OcsfFindingMapper.h"
#include "OcsfNetworkMapper.h"
#include "OcsfRecord.h"

namespace sightline {
namespace {

enum class Mapping
{
    None,
    Api,
    Flow,
    Dns,
    Finding
};

Mapping mappingOf(int classUid)
{
    switch (classUid) {
    case 3001: // Account Change
    case 3002: // Authentication
    case 3003: // Authorize Session
    case 3004: // Entity Management
    case 3005: // API Activity in 1.0.0-rc.2
    case 3006: // Group Management
    case 6003: // API Activity
        return Mapping::Api;
    case 4001:
        return Mapping::Flow;
    case 4003:
        return Mapping::Dns;
    case 2001:
    case 2002:
    case 2003:
    case 2004:
    case 2005:
    case 2006:
        return Mapping::Finding;
    default:
        return Mapping::None;
    }
}

std::string unsupported(int classUid)
{
    const std::string_view name = ocsf::className(classUid);
    std::string s = "OCSF ";
    s += name.empty() ? std::string_view("events") : name;
    s += " (class_uid " + std::to_string(classUid) + ")";
    if (classUid == 4002)
        s += ", e.g. AWS WAF logs from Security Lake,";
    s += " not supported yet";
    return s;
}

// An OCSF event names its class and at least one more of its classification members.
bool isOcsf(const ocsf::Record &r)
{
    return r.classUid() > 0 && r.ocsfKeys() >= 2;
}

class OcsfParser final : public RecordParser
{
public:
    void parse(const RecordSpan &span, BatchBuilder &out) override
    {
        m_record.clear();
        const simdjson::padded_string_view input(span.text.data(), span.text.size(),
                                                 span.text.size() + RecordReader::kPadding);
        if (!ocsf::extract(m_parser, input, m_record, m_error)) {
            out.error(span.line, span.offset, "invalid JSON: " + m_error);
            return;
        }
        if (!isOcsf(m_record)) {
            out.error(span.line, span.offset, "not an OCSF event (no class_uid)");
            return;
        }
        const int classUid = m_record.classUid();
        bool ok = false;
        switch (mappingOf(classUid)) {
        case Mapping::Api:
            if (m_record.get(ocsf::F::ApiOperation).empty()) {
                m_error = "OCSF " + std::string(ocsf::className(classUid)) +
                          " event without api.operation";
                break;
            }
            ok = m_api.add(m_record, span, out, m_error);
            break;
        case Mapping::Flow:
            ok = m_network.addFlow(m_record, span, out, m_error);
            break;
        case Mapping::Dns:
            ok = m_network.addDns(m_record, span, out, m_error);
            break;
        case Mapping::Finding:
            ok = m_finding.add(m_record, span, out, m_error);
            break;
        case Mapping::None:
            m_error = unsupported(classUid);
            break;
        }
        if (!ok)
            out.error(span.line, span.offset, m_error);
    }

    std::string note() const override
    {
        if (m_network.flows() == 0)
            return {};
        return std::to_string(m_network.flows()) +
               " OCSF network activity records aggregated as flows";
    }

private:
    simdjson::ondemand::parser m_parser;
    ocsf::Record m_record;
    OcsfApiMapper m_api;
    OcsfNetworkMapper m_network;
    OcsfFindingMapper m_finding;
    std::string m_error;
};

} // namespace

Detection OcsfFormat::detect(const Sniff &sniff) const
{
    Detection d;
    if (sniff.head.substr(0, 4) == "PAR1") {
        d.verdict = Detection::Verdict::Skip;
        d.reason = "Apache Parquet (how Security Lake stores OCSF): query it (e.g. with Athena) "
                   "and export the results as JSON to import them";
        return d;
    }
    if (sniff.firstRecord.empty() || sniff.firstRecord.front() != '{')
        return d;
    simdjson::ondemand::parser parser;
    std::string padded, error;
    ocsf::Record r;
    if (!ocsf::extract(parser, json::padded(sniff.firstRecord, padded), r, error)) {
        // A damaged first record (the OCSF examples print some with trailing commas): judge
        // by the member names, and let the parser report the damage.
        const std::string_view t = sniff.firstRecord;
        if (t.find("\"class_uid\"") != std::string_view::npos &&
            t.find("\"metadata\"") != std::string_view::npos &&
            (t.find("\"category_uid\"") != std::string_view::npos ||
             t.find("\"type_uid\"") != std::string_view::npos)) {
            d.verdict = Detection::Verdict::Yes;
            d.confidence = 50;
        }
        return d;
    }
    if (!isOcsf(r))
        return d;
    if (mappingOf(r.classUid()) == Mapping::None) {
        d.verdict = Detection::Verdict::Skip;
        d.reason = unsupported(r.classUid());
        return d;
    }
    d.verdict = Detection::Verdict::Yes;
    d.confidence = 90;
    return d;
}

std::unique_ptr<RecordReader> OcsfFormat::reader(ByteSource &source) const
{
    return std::make_unique<JsonRecordReader>(source, std::vector<std::string>());
}

std::unique_ptr<RecordParser> OcsfFormat::parser() const
{
    return std::make_unique<OcsfParser>();
}

} // namespace sightline
