#pragma once
// Walking simdjson On-Demand objects and arrays for the finding formats. Keys compare
// case-insensitively (GuardDuty is camelCase in its API, S3 export and EventBridge events,
// PascalCase in AWS CLI output). A value of an unexpected type is skipped, never an error;
// a syntax error stops the walk and is remembered. Thread affinity: one parser thread.
#include "JsonUtil.h"

#include <simdjson.h>

#include <cctype>
#include <string>
#include <string_view>

namespace sightline::fjson {

using simdjson::ondemand::value;

// key equals lower (given in lower case), ignoring the case of key.
inline bool keyIs(std::string_view key, std::string_view lower)
{
    if (key.size() != lower.size())
        return false;
    for (size_t i = 0; i < key.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(key[i])) != lower[i])
            return false;
    }
    return true;
}

inline bool endsWithNoCase(std::string_view s, std::string_view lowerSuffix)
{
    return s.size() >= lowerSuffix.size() &&
           keyIs(s.substr(s.size() - lowerSuffix.size()), lowerSuffix);
}

inline std::string text(value &v)
{
    return std::string(json::text(v));
}

inline bool isTrue(value &v)
{
    const std::string_view t = json::text(v);
    return keyIs(t, "true");
}

class Walk
{
public:
    // Calls f(key, value&) for each member of an object value; nothing for other types.
    template <class F> void fields(value &v, F &&f)
    {
        if (m_error)
            return;
        if (++m_depth > kMaxDepth) { // skipped; the parent iteration steps over it
            --m_depth;
            return;
        }
        if (json::isObject(v)) {
            simdjson::ondemand::object o;
            if (auto e = v.get_object().get(o); e) {
                fail(e);
            } else {
                for (auto field : o) {
                    std::string_view key;
                    value child;
                    if (auto e1 = field.unescaped_key().get(key); e1) {
                        fail(e1);
                        break;
                    }
                    if (auto e2 = field.value().get(child); e2) {
                        fail(e2);
                        break;
                    }
                    f(key, child);
                    if (m_error)
                        break;
                }
            }
        }
        --m_depth;
    }

    // Calls f(value&) for each element of an array value; nothing for other types.
    template <class F> void elements(value &v, F &&f)
    {
        if (m_error || !json::isArray(v))
            return;
        simdjson::ondemand::array a;
        if (auto e = v.get_array().get(a); e) {
            fail(e);
            return;
        }
        size_t n = 0;
        for (auto element : a) {
            value child;
            if (auto e = element.get(child); e) {
                fail(e);
                return;
            }
            if (++n > kMaxElements)
                return;
            f(child);
            if (m_error)
                return;
        }
    }

    void fail(simdjson::error_code e)
    {
        if (!m_error)
            m_error = e;
    }
    bool failed() const { return m_error != simdjson::SUCCESS; }
    const char *error() const { return simdjson::error_message(m_error); }
    void reset()
    {
        m_error = simdjson::SUCCESS;
        m_depth = 0;
    }

private:
    static constexpr int kMaxDepth = 24;
    static constexpr size_t kMaxElements = 10000;
    simdjson::error_code m_error = simdjson::SUCCESS;
    int m_depth = 0;
};

} // namespace sightline::fjson
