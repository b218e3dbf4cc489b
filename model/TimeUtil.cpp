#include "TimeUtil.h"

#include <cstdio>

namespace sightline {

int64_t daysFromCivil(int64_t y, unsigned m, unsigned d)
{
    // Howard Hinnant's public-domain algorithm for days since 1970-01-01.
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

namespace {

struct Cursor
{
    std::string_view s;
    size_t i = 0;
    bool digits(int n, int &out)
    {
        if (i + n > s.size())
            return false;
        int v = 0;
        for (int k = 0; k < n; ++k) {
            const char c = s[i + k];
            if (c < '0' || c > '9')
                return false;
            v = v * 10 + (c - '0');
        }
        i += n;
        out = v;
        return true;
    }
    bool eat(char c)
    {
        if (i < s.size() && s[i] == c) {
            ++i;
            return true;
        }
        return false;
    }
    bool done() const { return i >= s.size(); }
};

void civilFromDays(int64_t z, int &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yy + (m <= 2));
}

} // namespace

std::optional<int64_t> parseIso8601(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    Cursor c{text};
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    bool basic = false;
    if (!c.digits(4, y))
        return std::nullopt;
    if (c.eat('-')) {
        if (!c.digits(2, mo) || !c.eat('-') || !c.digits(2, d))
            return std::nullopt;
    } else {
        basic = true;
        if (!c.digits(2, mo) || !c.digits(2, d))
            return std::nullopt;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31)
        return std::nullopt;
    int64_t ms = 0;
    if (!c.done()) {
        if (!c.eat('T') && !c.eat(' ') && !c.eat('t'))
            return std::nullopt;
        if (!c.digits(2, h))
            return std::nullopt;
        if (basic) {
            if (!c.digits(2, mi))
                return std::nullopt;
            c.digits(2, sec);
        } else {
            if (!c.eat(':') || !c.digits(2, mi))
                return std::nullopt;
            if (c.eat(':') && !c.digits(2, sec))
                return std::nullopt;
        }
        if (h > 23 || mi > 59 || sec > 60)
            return std::nullopt;
        if (c.eat('.') || c.eat(',')) {
            int scale = 100, n = 0;
            while (!c.done() && c.s[c.i] >= '0' && c.s[c.i] <= '9') {
                ms += (c.s[c.i] - '0') * scale;
                scale /= 10;
                ++c.i;
                ++n;
            }
            if (n == 0)
                return std::nullopt;
        }
        int64_t offsetMin = 0;
        if (c.eat('Z') || c.eat('z')) {
        } else if (!c.done() && (c.s[c.i] == '+' || c.s[c.i] == '-')) {
            const int sign = c.s[c.i] == '-' ? -1 : 1;
            ++c.i;
            int oh = 0, om = 0;
            if (!c.digits(2, oh))
                return std::nullopt;
            c.eat(':');
            c.digits(2, om);
            offsetMin = sign * (oh * 60 + om);
        } else if (!c.done() && c.s.substr(c.i) == " UTC") {
            c.i = c.s.size();
        }
        if (!c.done())
            return std::nullopt;
        ms -= offsetMin * 60000;
    }
    const int64_t days = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    return days * 86400000 + (static_cast<int64_t>(h) * 3600 + mi * 60 + sec) * 1000 + ms;
}

std::string formatIso8601(int64_t epochMs)
{
    int64_t days = epochMs >= 0 ? epochMs / 86400000 : (epochMs - 86399999) / 86400000;
    int64_t rest = epochMs - days * 86400000;
    int y = 0;
    unsigned m = 0, d = 0;
    civilFromDays(days, y, m, d);
    const int h = static_cast<int>(rest / 3600000);
    const int mi = static_cast<int>(rest / 60000 % 60);
    const int s = static_cast<int>(rest / 1000 % 60);
    const int ms = static_cast<int>(rest % 1000);
    char buf[40];
    if (ms)
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", y, m, d, h, mi, s,
                      ms);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", y, m, d, h, mi, s);
    return buf;
}

} // namespace sightline
