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
// Calls f(key, value) for each member of an object value; stops at the first malformed
// member (simdjson reports the error again to whoever reads on). Not an object: no calls.
template <typename F> void forEachField(value v, F &&f)
{
    simdjson::ondemand::json_type t;
    simdjson::ondemand::object o;
    if (v.type().get(t) || t != simdjson::ondemand::json_type::object || v.get_object().get(o))
        return;
    for (auto field : o) {
        std::string_view key;
        value child;
        if (field.unescaped_key().get(key) || field.value().get(child))
            return;
        f(key, child);
    }
}

// Appends s as a JSON string literal (quoted, escaped).
void appendString(std::string &out, std::string_view s);

} // namespace sightline::json
