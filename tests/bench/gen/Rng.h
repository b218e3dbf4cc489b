// Small, fast, deterministic pseudo-random numbers for the benchmark generators.
// splitmix64 for seeding and hashing, xoshiro256** for streams. No std::random_device.
#pragma once

#include <cstdint>

namespace sightline::bench {

inline std::uint64_t splitmix64(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Stateless mixing of two values into one well-distributed 64-bit value.
inline std::uint64_t mix64(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t s = a ^ (b * 0xD6E8FEB86659FD93ull) ^ 0x2545F4914F6CDD1Dull;
    splitmix64(s);
    return splitmix64(s);
}

// FNV-1a, for turning names into seeds.
inline std::uint64_t hashString(const char *s)
{
    std::uint64_t h = 0xCBF29CE484222325ull;
    for (; *s != 0; ++s) {
        h ^= static_cast<unsigned char>(*s);
        h *= 0x100000001B3ull;
    }
    return h;
}

class Rng
{
public:
    explicit Rng(std::uint64_t seed)
    {
        std::uint64_t s = seed;
        for (auto &v : s_)
            v = splitmix64(s);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform in [0, n). n must be > 0.
    std::uint32_t below(std::uint32_t n)
    {
        return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }

    // Uniform in [lo, hi] (inclusive).
    int range(int lo, int hi)
    {
        return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo + 1)));
    }

    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    bool chance(double p) { return unit() < p; }

    template <typename T> const T &pick(const T *items, std::uint32_t count)
    {
        return items[below(count)];
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    std::uint64_t s_[4];
};

} // namespace sightline::bench
