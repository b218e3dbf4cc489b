#pragma once
// Splits CSV text into rows (RFC 4180: quoted fields may hold commas, quotes written twice,
// and line breaks). Each span is one row without its line end.
#include "RecordReader.h"

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

class CsvRecordReader final : public RecordReader
{
public:
    explicit CsvRecordReader(ByteSource &source, size_t maxRowBytes = 64u << 20);
    bool next(RecordSpan &span) override;

private:
    StreamWindow m_win;
    size_t m_pos = 0;
    int64_t m_line = 1; // line where the next row starts
};

// Splits one row into fields, undoing the quoting. False when a quote is left open.
bool splitCsvRow(std::string_view row, std::vector<std::string> &fields);

// Athena renders struct and array columns as {key=value, key={...}} and [a, b]: converts such
// text to JSON (values as strings, "null" as null). False when it is not of that form.
bool athenaStructToJson(std::string_view text, std::string &json);

} // namespace sightline
