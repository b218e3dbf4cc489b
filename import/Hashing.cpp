#include "Hashing.h"

#include <openssl/evp.h>

namespace sightline {

struct Sha256::Impl
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Impl() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256() : m_impl(std::make_unique<Impl>())
{
    EVP_DigestInit_ex(m_impl->ctx, EVP_sha256(), nullptr);
}

Sha256::~Sha256() = default;

void Sha256::update(const void *data, size_t size)
{
    EVP_DigestUpdate(m_impl->ctx, data, size);
}

std::string Sha256::hexDigest()
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(m_impl->ctx, md, &len);
    static const char *hex = "0123456789abcdef";
    std::string out;
    out.reserve(len * 2);
    for (unsigned i = 0; i < len; ++i) {
        out.push_back(hex[md[i] >> 4]);
        out.push_back(hex[md[i] & 15]);
    }
    return out;
}

std::string Sha256::ofData(std::string_view data)
{
    Sha256 h;
    h.update(data.data(), data.size());
    return h.hexDigest();
}

uint64_t hash64(std::string_view ns, std::string_view data)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : ns)
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    h = (h ^ 0xff) * 0x100000001b3ULL;
    for (char c : data)
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h & 0x7FFFFFFFFFFFFFFFULL;
}

} // namespace sightline
