#pragma once
// One class per evidence format: detects its content and parses its records. Adding a
// format touches one new file and one line in FormatRegistry.cpp.
#include "BatchBuilder.h"
#include "RecordReader.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// What the importer learnt from the first bytes of a decoded stream.
struct Sniff
{
    std::string_view head;            // up to 64 KiB of decoded content
    bool wholeFile = false;           // head holds the entire stream
    char firstChar = 0;               // first non-space character
    std::vector<std::string> topKeys; // keys of a top-level JSON object
    std::string firstRecord;          // the first complete JSON record (container-aware)
    // The first complete records (up to 8). chooseFormat() judges each in turn as
    // firstRecord, so one damaged record at the top of a file does not hide its format.
    std::vector<std::string> records;
};

struct Detection
{
    enum class Verdict
    {
        No,
        Yes,
        Skip
    };
    Verdict verdict = Verdict::No;
    int confidence = 0; // highest wins among Yes
    std::string reason; // why a Skip
};

class RecordParser
{
public:
    virtual ~RecordParser() = default;
    // Adds zero or more events (or errors) for one record.
    virtual void parse(const RecordSpan &record, BatchBuilder &out) = 0;
    // Called once after the last record (formats that aggregate flush here).
    virtual void finish(BatchBuilder &out) {}
    // Extra words for the source's note (e.g. "no header: default v2 fields assumed").
    virtual std::string note() const { return {}; }
    // Formats that aggregate records without keys (VPC flow logs): the first n records that
    // aggregate are already in the case, from an interrupted import of the same file.
    virtual void skipFlowRecords(int64_t n) {}
};

class Format
{
public:
    virtual ~Format() = default;
    virtual std::string_view name() const = 0;
    virtual int version() const = 0;
    virtual Detection detect(const Sniff &sniff) const = 0;
    virtual std::unique_ptr<RecordReader> reader(ByteSource &source) const = 0;
    virtual std::unique_ptr<RecordParser> parser() const = 0;
    // Keys of a top-level JSON object whose array holds this format's records.
    virtual std::vector<std::string> jsonContainerKeys() const { return {}; }
};

// Every format, in registry order.
const std::vector<std::unique_ptr<Format>> &formats();
// Container keys of every JSON format (used to find the first record when sniffing).
const std::vector<std::string> &allContainerKeys();

} // namespace sightline
