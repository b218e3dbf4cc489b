// Small helpers shared by the RecordWriter translation units.
#pragma once

#include "Rng.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace sightline::bench::detail {

inline void rp(std::string &o)
{
    o += R"(,"requestParameters":)";
}

inline void re(std::string &o)
{
    o += R"(,"responseElements":)";
}

inline void nullBoth(std::string &o)
{
    o += R"(,"requestParameters":null,"responseElements":null)";
}

template <std::size_t N> const char *pickOf(Rng &rng, const char *const (&a)[N])
{
    return a[rng.below(static_cast<std::uint32_t>(N))];
}

inline std::int64_t logUniform(Rng &rng, double lo, double hi)
{
    return static_cast<std::int64_t>(
        std::exp(std::log(lo) + rng.unit() * (std::log(hi) - std::log(lo))));
}

inline const std::string &pickStr(Rng &rng, const std::vector<std::string> &v)
{
    return v[rng.below(static_cast<std::uint32_t>(v.size()))];
}

} // namespace sightline::bench::detail
