// Appending formatters used to build CloudTrail JSON by hand into a reused std::string.
// Everything here is allocation-free apart from the growth of the target string.
#pragma once

#include "Rng.h"

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace sightline::bench::fmt {

inline void appendUInt(std::string &o, std::uint64_t v)
{
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    o.append(buf, r.ptr);
}

inline void appendInt(std::string &o, std::int64_t v)
{
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    o.append(buf, r.ptr);
}

inline void appendTwo(std::string &o, unsigned v)
{
    const char d[2] = {static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
    o.append(d, 2);
}

// Zero-padded decimal of fixed width.
inline void appendPadded(std::string &o, std::uint64_t v, int width)
{
    char buf[24];
    for (int i = width - 1; i >= 0; --i) {
        buf[i] = static_cast<char>('0' + v % 10);
        v /= 10;
    }
    o.append(buf, static_cast<std::size_t>(width));
}

struct Civil
{
    int year;
    unsigned month; // 1..12
    unsigned day;   // 1..31
    unsigned hour, minute, second;
};

inline std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

// Howard Hinnant's civil_from_days.
inline Civil civilFromEpoch(std::int64_t t)
{
    std::int64_t days = floorDiv(t, 86400);
    std::int64_t secs = t - days * 86400;
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    Civil c;
    c.year = static_cast<int>(y + (m <= 2));
    c.month = m;
    c.day = d;
    c.hour = static_cast<unsigned>(secs / 3600);
    c.minute = static_cast<unsigned>((secs / 60) % 60);
    c.second = static_cast<unsigned>(secs % 60);
    return c;
}

inline std::int64_t epochFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (era * 146097 + static_cast<std::int64_t>(doe) - 719468) * 86400;
}

// "2026-10-01T12:34:56Z"
inline void appendIso(std::string &o, std::int64_t t)
{
    const Civil c = civilFromEpoch(t);
    char b[20];
    int y = c.year;
    b[0] = static_cast<char>('0' + (y / 1000) % 10);
    b[1] = static_cast<char>('0' + (y / 100) % 10);
    b[2] = static_cast<char>('0' + (y / 10) % 10);
    b[3] = static_cast<char>('0' + y % 10);
    b[4] = '-';
    b[5] = static_cast<char>('0' + c.month / 10);
    b[6] = static_cast<char>('0' + c.month % 10);
    b[7] = '-';
    b[8] = static_cast<char>('0' + c.day / 10);
    b[9] = static_cast<char>('0' + c.day % 10);
    b[10] = 'T';
    b[11] = static_cast<char>('0' + c.hour / 10);
    b[12] = static_cast<char>('0' + c.hour % 10);
    b[13] = ':';
    b[14] = static_cast<char>('0' + c.minute / 10);
    b[15] = static_cast<char>('0' + c.minute % 10);
    b[16] = ':';
    b[17] = static_cast<char>('0' + c.second / 10);
    b[18] = static_cast<char>('0' + c.second % 10);
    b[19] = 'Z';
    o.append(b, 20);
}

inline std::string iso(std::int64_t t)
{
    std::string s;
    appendIso(s, t);
    return s;
}

// "YYYYMMDD" or "YYYY-MM-DD" (with separator)
inline void appendDate(std::string &o, std::int64_t t, char sep)
{
    const Civil c = civilFromEpoch(t);
    appendPadded(o, static_cast<std::uint64_t>(c.year), 4);
    if (sep != 0)
        o += sep;
    appendTwo(o, c.month);
    if (sep != 0)
        o += sep;
    appendTwo(o, c.day);
}

// The format IAM and STS use inside responseElements: "Oct 14, 2026, 3:31:15 AM"
inline void appendAwsDate(std::string &o, std::int64_t t)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const Civil c = civilFromEpoch(t);
    o += months[c.month - 1];
    o += ' ';
    appendUInt(o, c.day);
    o += ", ";
    appendUInt(o, static_cast<std::uint64_t>(c.year));
    o += ", ";
    unsigned h12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
    appendUInt(o, h12);
    o += ':';
    appendTwo(o, c.minute);
    o += ':';
    appendTwo(o, c.second);
    o += c.hour < 12 ? " AM" : " PM";
}

inline constexpr char kHexLower[] = "0123456789abcdef";
inline constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
inline constexpr char kAlnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
inline constexpr char kUpperAlnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
inline constexpr char kBase64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

inline void appendHex(std::string &o, Rng &rng, int n)
{
    char buf[64];
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i) {
        if ((i & 15) == 0)
            v = rng.next();
        buf[i] = kHexLower[v & 15];
        v >>= 4;
    }
    o.append(buf, static_cast<std::size_t>(n));
}

// Characters drawn from an alphabet whose size is a power of two (bits per char).
inline void appendBits(std::string &o, std::uint64_t v, int n, const char *alphabet, int bits)
{
    const std::uint64_t mask = (1ull << bits) - 1;
    char buf[64];
    int left = 64 / bits;
    std::uint64_t state = v;
    for (int i = 0; i < n; ++i) {
        if (left == 0) {
            v = splitmix64(state);
            left = 64 / bits;
        }
        buf[i] = alphabet[v & mask];
        v >>= bits;
        --left;
    }
    o.append(buf, static_cast<std::size_t>(n));
}

// An access-key-style suffix ("AKIA"/"ASIA" + 16 chars) derived from a 64-bit value.
inline void appendKeyBody(std::string &o, std::uint64_t v)
{
    appendBits(o, v, 16, kBase32, 5);
}

inline void appendFromAlphabet(std::string &o, Rng &rng, int n, const char *alphabet, unsigned size)
{
    for (int i = 0; i < n; ++i)
        o += alphabet[rng.below(size)];
}

inline void appendBase64(std::string &o, Rng &rng, int n)
{
    char buf[512];
    std::uint64_t v = 0;
    int left = 0;
    for (int i = 0; i < n; ++i) {
        if (left == 0) {
            v = rng.next();
            left = 10;
        }
        buf[i] = kBase64[v & 63];
        v >>= 6;
        --left;
    }
    o.append(buf, static_cast<std::size_t>(n));
}

// Random UUID version 4, lower-case hex.
inline void appendUuid(std::string &o, Rng &rng)
{
    std::uint64_t a = rng.next();
    std::uint64_t b = rng.next();
    a = (a & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;
    b = (b & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;
    char buf[36];
    int pos = 0;
    auto put = [&](std::uint64_t v, int shift) { buf[pos++] = kHexLower[(v >> shift) & 15]; };
    for (int s = 60; s >= 32; s -= 4)
        put(a, s);
    buf[pos++] = '-';
    for (int s = 28; s >= 16; s -= 4)
        put(a, s);
    buf[pos++] = '-';
    for (int s = 12; s >= 0; s -= 4)
        put(a, s);
    buf[pos++] = '-';
    for (int s = 60; s >= 48; s -= 4)
        put(b, s);
    buf[pos++] = '-';
    for (int s = 44; s >= 0; s -= 4)
        put(b, s);
    o.append(buf, 36);
}

inline constexpr std::uint32_t ipv4(unsigned a, unsigned b, unsigned c, unsigned d)
{
    return (a << 24) | (b << 16) | (c << 8) | d;
}

inline void appendIp(std::string &o, std::uint32_t ip)
{
    appendUInt(o, ip >> 24);
    o += '.';
    appendUInt(o, (ip >> 16) & 255);
    o += '.';
    appendUInt(o, (ip >> 8) & 255);
    o += '.';
    appendUInt(o, ip & 255);
}

inline std::string ipString(std::uint32_t ip)
{
    std::string s;
    appendIp(s, ip);
    return s;
}

inline void appendQuoted(std::string &o, std::string_view s)
{
    o += '"';
    o += s;
    o += '"';
}

} // namespace sightline::bench::fmt
