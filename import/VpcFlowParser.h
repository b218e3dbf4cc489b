#pragma once
// Parses the records of one VPC flow log source: text lines (space-separated as delivered to
// S3, or CSV with a header as written by Athena), and JSON records (CloudWatch Logs exports
// {"message": "<record>"}, or objects whose keys are flow log field names). Keeps every
// record's raw text, reads header lines (again whenever one repeats), and counts what it
// tolerated for the source's note. Thread affinity: one importer thread.
#include "Format.h"
#include "VpcFlowFields.h"
#include "VpcFlowNormalizer.h"

#include <simdjson.h>

#include <string>
#include <vector>

namespace sightline {

class VpcFlowParser final : public RecordParser
{
public:
    void parse(const RecordSpan &record, BatchBuilder &out) override;
    std::string note() const override;
    void skipFlowRecords(int64_t n) override { m_normalizer.skipFlowRecords(n); }

private:
    void parseLine(std::string_view line, const RecordSpan &span, BatchBuilder &out);
    void parseJson(const RecordSpan &span, BatchBuilder &out);
    void addRecord(const vpcflow::Layout &layout, const RecordSpan &span, BatchBuilder &out);

    vpcflow::Layout m_header;
    vpcflow::Layout m_jsonLayout;
    vpcflow::Values m_values;
    bool m_haveHeader = false;
    int64_t m_headers = 0;
    int64_t m_comments = 0;                         // records with a trailing "# ..." comment
    int64_t m_commentLines = 0;                     // lines that are only a comment
    std::vector<const vpcflow::Layout *> m_assumed; // headerless layouts used, in order
    VpcFlowNormalizer m_normalizer;
    simdjson::ondemand::parser m_json;
    std::string m_message, m_reason;
};

} // namespace sightline
