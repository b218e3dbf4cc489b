#pragma once
// Finds where a JSON value ends without parsing it: the importers split a stream into records
// with it (JsonRecordReader) and skip nested values while sniffing a file's top-level keys.
// It reads 64 bytes at a time: masks of quotes, backslashes and brackets, the bytes inside
// strings from the unescaped quotes; only brackets outside strings are visited one by one.
// Most of a CloudTrail record is string bytes, which this skips in blocks.
#include <cstddef>

namespace sightline {

// Where a scan stands inside a value: bracket depth and whether it is inside a string.
struct JsonScanState
{
    int depth = 0;
    bool inString = false;
};

// Continues a scan of a value that starts with '{', '[' or '"' (the first byte included in
// d[i, n) when st is fresh). Returns true when the value ends, with i just past its last byte:
// the string closing at depth 0, or the bracket that brings the depth back to 0. Returns false
// when d[i, n) ends first; i is then where the scan goes on once more bytes follow (n + 1 when
// the last byte escapes the next one). padded: d[n, n + 63) may be read (its bytes are
// ignored; a record reader's window has 64 bytes of padding).
bool scanJsonValue(const char *d, size_t &i, size_t n, JsonScanState &st, bool padded);

// The same, a byte at a time: the reference the fast scan is tested against.
bool scanJsonValueBytewise(const char *d, size_t &i, size_t n, JsonScanState &st);

} // namespace sightline
