#include "NetAddress.h"

#include <cstdint>

namespace sightline {
namespace {

bool parseV4(std::string_view s, uint32_t &out)
{
    uint32_t value = 0;
    int parts = 0;
    size_t i = 0;
    while (parts < 4) {
        if (i >= s.size() || s[i] < '0' || s[i] > '9')
            return false;
        uint32_t octet = 0;
        size_t digits = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 4) {
            octet = octet * 10 + static_cast<uint32_t>(s[i] - '0');
            ++i;
            ++digits;
        }
        if (digits > 3 || octet > 255)
            return false;
        value = (value << 8) | octet;
        ++parts;
        if (parts < 4) {
            if (i >= s.size() || s[i] != '.')
                return false;
            ++i;
        }
    }
    if (i != s.size())
        return false;
    out = value;
    return true;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Parses IPv6 text; first16 receives the first 16-bit group (0 when compressed away).
bool parseV6(std::string_view s, uint32_t &first16)
{
    if (s.size() < 2 || s.size() > 45)
        return false;
    uint16_t groups[8] = {};
    int count = 0;
    int gap = -1; // index where "::" was
    size_t i = 0;
    if (s.substr(0, 2) == "::") {
        gap = 0;
        i = 2;
        if (i == s.size()) {
            first16 = 0;
            return true;
        }
    } else if (s[0] == ':') {
        return false;
    }
    while (i < s.size()) {
        if (count >= 8)
            return false;
        // A dotted IPv4 tail takes two groups.
        const size_t colon = s.find(':', i);
        const std::string_view part =
            s.substr(i, colon == std::string_view::npos ? std::string_view::npos : colon - i);
        if (part.find('.') != std::string_view::npos) {
            uint32_t v4 = 0;
            if (colon != std::string_view::npos || count > 6 || !parseV4(part, v4))
                return false;
            groups[count++] = static_cast<uint16_t>(v4 >> 16);
            groups[count++] = static_cast<uint16_t>(v4 & 0xFFFF);
            i = s.size();
            break;
        }
        if (part.empty() || part.size() > 4)
            return false;
        uint32_t g = 0;
        for (char c : part) {
            const int h = hexValue(c);
            if (h < 0)
                return false;
            g = (g << 4) | static_cast<uint32_t>(h);
        }
        groups[count++] = static_cast<uint16_t>(g);
        i += part.size();
        if (i == s.size())
            break;
        ++i; // the ':'
        if (i < s.size() && s[i] == ':') {
            if (gap >= 0)
                return false; // a second "::"
            gap = count;
            ++i;
            if (i == s.size())
                break;
        } else if (i == s.size()) {
            return false; // trailing single ':'
        }
    }
    if (gap < 0 && count != 8)
        return false;
    if (gap >= 0 && count > 7)
        return false;
    first16 = (gap == 0) ? 0 : groups[0];
    return true;
}

} // namespace

IpClass classifyIp(std::string_view text)
{
    IpClass c;
    if (text.empty())
        return c;
    uint32_t v4 = 0;
    if (text.find(':') == std::string_view::npos) {
        if (!parseV4(text, v4))
            return c;
        c.valid = true;
        const uint32_t a = v4 >> 24, b = (v4 >> 16) & 0xFF;
        c.privateUse = a == 10 || (a == 172 && (b & 0xF0) == 16) || (a == 192 && b == 168) ||
                       (a == 100 && (b & 0xC0) == 64) || (a == 169 && b == 254) || a == 127;
        return c;
    }
    uint32_t first = 0;
    if (!parseV6(text, first))
        return c;
    c.valid = true;
    c.v6 = true;
    c.privateUse = (first & 0xFE00) == 0xFC00 || (first & 0xFFC0) == 0xFE80 || text == "::1";
    return c;
}

} // namespace sightline
