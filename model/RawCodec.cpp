#include "RawCodec.h"

#include <zstd.h>

namespace sightline {

struct RawCompressor::Impl
{
    ZSTD_CCtx *cctx = ZSTD_createCCtx();
    std::string scratch; // compressBound-sized; out gets only the frame
    ~Impl() { ZSTD_freeCCtx(cctx); }
};

RawCompressor::RawCompressor(int level) : m_impl(std::make_unique<Impl>()), m_level(level) {}

RawCompressor::~RawCompressor() = default;

bool RawCompressor::compress(std::string_view data, std::string &out)
{
    // Compressed into a reused buffer and copied, so that out holds the frame and not the
    // bound (up to 7x more on flow logs; the blocks wait in the writer's queue).
    std::string &buf = m_impl->scratch;
    buf.resize(ZSTD_compressBound(data.size()));
    const size_t n =
        ZSTD_compressCCtx(m_impl->cctx, buf.data(), buf.size(), data.data(), data.size(), m_level);
    if (ZSTD_isError(n)) {
        out.clear();
        return false;
    }
    out = std::string(buf.data(), n);
    return true;
}

bool decompressRawBlock(int codec, std::string_view data, size_t expectedSize, std::string &out)
{
    if (codec != 1 || expectedSize > (64u << 20))
        return false;
    out.resize(expectedSize);
    const size_t n = ZSTD_decompress(out.data(), out.size(), data.data(), data.size());
    if (ZSTD_isError(n) || n != expectedSize) {
        out.clear();
        return false;
    }
    return true;
}

} // namespace sightline
