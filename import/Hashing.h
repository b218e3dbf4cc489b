#pragma once
// Hashes used by the importer. Sha256 is streaming (OpenSSL EVP); hash64 keys events.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace sightline {

class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;
    void update(const void *data, size_t size);
    std::string hexDigest(); // finishes the hash
    static std::string ofData(std::string_view data);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// 64-bit FNV-1a followed by a finalising mix, seeded by a namespace so that ids from
// different formats never collide by construction. 63 bits are used as the event key.
uint64_t hash64(std::string_view ns, std::string_view data);

} // namespace sightline
