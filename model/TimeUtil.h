#pragma once
// ISO 8601 / RFC 3339 times <-> UTC epoch milliseconds. No locale, no time zone database.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sightline {

// Accepts "2026-10-14", "2026-10-14T12:00Z", "2026-10-14T12:00:05Z",
// "2026-10-14 12:00:05.123", "2026-10-14T12:00:05.123456+11:00", "...-0500" and the basic
// form "20131102T010628Z". A time without a zone is taken as UTC.
std::optional<int64_t> parseIso8601(std::string_view text);

// "2026-10-14T12:00:05Z", or with milliseconds when they are not zero.
std::string formatIso8601(int64_t epochMs);

int64_t daysFromCivil(int64_t y, unsigned m, unsigned d);

inline constexpr int64_t kHourMs = 3600000;

// The hour an epoch-ms time falls in: floor(ms / 3,600,000), also for times before 1970.
constexpr int64_t hourOfMs(int64_t ms)
{
    return ms >= 0 ? ms / kHourMs : (ms - kHourMs + 1) / kHourMs;
}

} // namespace sightline
