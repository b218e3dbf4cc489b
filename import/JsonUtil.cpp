#include "JsonUtil.h"

#include <cstdio>

namespace sightline::json {

std::string_view text(value v)
{
    simdjson::ondemand::json_type t;
    if (v.type().get(t))
        return {};
    switch (t) {
    case simdjson::ondemand::json_type::string: {
        std::string_view s;
        if (v.get_string().get(s))
            return {};
        return s;
    }
    case simdjson::ondemand::json_type::number:
    case simdjson::ondemand::json_type::boolean: {
        std::string_view s = v.raw_json_token();
        while (!s.empty() &&
               (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t' ||
                s.back() == ',' || s.back() == '}' || s.back() == ']'))
            s.remove_suffix(1);
        return s;
    }
    default:
        return {};
    }
}

bool isObject(value &v)
{
    simdjson::ondemand::json_type t;
    return !v.type().get(t) && t == simdjson::ondemand::json_type::object;
}

bool isArray(value &v)
{
    simdjson::ondemand::json_type t;
    return !v.type().get(t) && t == simdjson::ondemand::json_type::array;
}

simdjson::padded_string_view padded(std::string_view text, std::string &buffer)
{
    buffer.assign(text);
    buffer.append(simdjson::SIMDJSON_PADDING, ' ');
    return simdjson::padded_string_view(buffer.data(), text.size(), buffer.size());
}

void appendString(std::string &out, std::string_view s)
{
    out.push_back('"');
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x",
                          static_cast<unsigned>(static_cast<unsigned char>(c)));
            out += buf;
        } else {
            out.push_back(c);
        }
    }
    out.push_back('"');
}

} // namespace sightline::json
