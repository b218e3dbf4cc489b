#pragma once
// Small helpers over simdjson On-Demand values that tolerate wrong types: a field that is
// not what a format expects reads as missing, never as an error.
#include <simdjson.h>

#include <string_view>

namespace sightline::json {

using simdjson::ondemand::value;

// The string value, or the raw token for numbers and booleans; empty for null, objects
// and arrays (which are skipped).
std::string_view text(value v);
bool isObject(value &v);
bool isArray(value &v);
// Parses a JSON document that sits inside a string (e.g. "CloudTrailEvent"): copies it to
// a padded buffer owned by the caller.
simdjson::padded_string_view padded(std::string_view text, std::string &buffer);
// Appends s as a JSON string literal (quoted, escaped).
void appendString(std::string &out, std::string_view s);

} // namespace sightline::json
