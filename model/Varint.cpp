#include "Varint.h"

namespace sightline {

void appendVarint(uint64_t v, std::string &out)
{
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

void encodeDeltaList(const std::vector<int64_t> &ascending, std::string &out)
{
    int64_t prev = 0;
    for (int64_t id : ascending) {
        appendVarint(static_cast<uint64_t>(id - prev), out);
        prev = id;
    }
}

void decodeDeltaList(std::string_view data, std::vector<int64_t> &out)
{
    int64_t prev = 0;
    size_t i = 0;
    while (i < data.size()) {
        uint64_t v = 0;
        int shift = 0;
        bool done = false;
        while (i < data.size() && shift < 64) {
            const auto byte = static_cast<unsigned char>(data[i++]);
            v |= static_cast<uint64_t>(byte & 0x7F) << shift;
            shift += 7;
            if (!(byte & 0x80)) {
                done = true;
                break;
            }
        }
        if (!done)
            return;
        prev += static_cast<int64_t>(v);
        out.push_back(prev);
    }
}

int64_t parseIpv4(std::string_view s)
{
    int64_t result = 0;
    int parts = 0;
    size_t i = 0;
    while (parts < 4) {
        if (i >= s.size() || s[i] < '0' || s[i] > '9')
            return -1;
        int value = 0, digits = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            value = value * 10 + (s[i] - '0');
            if (++digits > 3 || value > 255)
                return -1;
            ++i;
        }
        result = (result << 8) | value;
        ++parts;
        if (parts < 4) {
            if (i >= s.size() || s[i] != '.')
                return -1;
            ++i;
        }
    }
    return i == s.size() ? result : -1;
}

} // namespace sightline
