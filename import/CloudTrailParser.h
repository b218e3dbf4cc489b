#pragma once
// Parses CloudTrail records of every JSON shape (see CloudTrailFormat.h) into events.
// Thread affinity: one importer thread (owns simdjson parsers).
#include "CloudTrailNormalizer.h"
#include "CloudTrailRecord.h"
#include "Format.h"

#include <simdjson.h>

#include <string>

namespace sightline {

class CloudTrailParser final : public RecordParser
{
public:
    void parse(const RecordSpan &span, BatchBuilder &out) override;
    // Parses text (JSON of one record) while span (its line, offset and raw bytes as
    // stored) is what the event keeps as provenance: the CSV reader hands a JSON rendering
    // of a CSV row here with the row itself as span.
    void parseText(std::string_view text, const RecordSpan &span, BatchBuilder &out);

private:
    simdjson::ondemand::parser m_parser, m_innerParser, m_lakeParser;
    simdjson::ondemand::parser m_textParsers[3];
    std::string m_texts[3];
    CloudTrailRecord m_outer, m_inner;
    CloudTrailNormalizer m_normalizer;
    std::string m_error, m_nested, m_flat, m_flatPadded, m_padded;
};

// CloudTrail Lake rows are arrays of one-member objects: joins them into one object text.
bool flattenLakeRow(simdjson::ondemand::parser &parser, std::string_view row, std::string &out);

} // namespace sightline
