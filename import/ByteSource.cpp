#include "ByteSource.h"

#include <cerrno>
#include <cstring>
#include <vector>
#include <zlib.h>

namespace sightline {

Result<std::unique_ptr<FileSource>> FileSource::open(const std::string &path)
{
    std::FILE *f = std::fopen(path.c_str(), "rb");
    if (!f)
        return Error{ErrorCode::Io, path + ": " + std::strerror(errno)};
    return std::unique_ptr<FileSource>(new FileSource(f, path));
}

FileSource::~FileSource()
{
    std::fclose(m_file);
}

Result<size_t> FileSource::read(char *buffer, size_t size)
{
    const size_t n = std::fread(buffer, 1, size, m_file);
    if (n == 0 && std::ferror(m_file))
        return Error{ErrorCode::Io, m_path + ": read error at byte " + std::to_string(m_read)};
    m_read += static_cast<int64_t>(n);
    return n;
}

Result<size_t> MemorySource::read(char *buffer, size_t size)
{
    const size_t n = std::min(size, m_data.size() - m_pos);
    std::memcpy(buffer, m_data.data() + m_pos, n);
    m_pos += n;
    return n;
}

struct GzipSource::Impl
{
    z_stream zs{};
    std::vector<char> in = std::vector<char>(1 << 18);
    bool initialised = false;
    bool innerDone = false;
    bool streamEnded = false; // the current gzip member ended
    int64_t decoded = 0;
    std::string pendingError;
    bool failed = false;
};

GzipSource::GzipSource(std::unique_ptr<ByteSource> inner, int64_t maxDecodedBytes)
    : m_inner(std::move(inner)), m_impl(std::make_unique<Impl>()), m_max(maxDecodedBytes)
{
    // 15 + 32: detect gzip or zlib headers automatically.
    m_impl->initialised = inflateInit2(&m_impl->zs, 15 + 32) == Z_OK;
}

GzipSource::~GzipSource()
{
    if (m_impl->initialised)
        inflateEnd(&m_impl->zs);
}

Result<size_t> GzipSource::read(char *buffer, size_t size)
{
    Impl &d = *m_impl;
    if (d.failed)
        return Error{ErrorCode::Io, d.pendingError};
    if (!d.initialised)
        return Error{ErrorCode::Io, "cannot initialise gzip decoder"};
    z_stream &zs = d.zs;
    zs.next_out = reinterpret_cast<Bytef *>(buffer);
    zs.avail_out = static_cast<uInt>(std::min<size_t>(size, 1u << 30));
    const uInt wanted = zs.avail_out;
    while (zs.avail_out > 0) {
        if (zs.avail_in == 0 && !d.innerDone) {
            auto n = m_inner->read(d.in.data(), d.in.size());
            if (!n) {
                d.failed = true;
                d.pendingError = n.error().detail;
                break;
            }
            if (*n == 0)
                d.innerDone = true;
            zs.next_in = reinterpret_cast<Bytef *>(d.in.data());
            zs.avail_in = static_cast<uInt>(*n);
        }
        if (zs.avail_in == 0 && d.innerDone) {
            if (!d.streamEnded && (d.decoded > 0 || zs.total_in > 0)) {
                d.failed = true;
                d.pendingError = "gzip data is truncated (ends after " +
                                 std::to_string(m_inner->storedBytesRead()) +
                                 " compressed bytes, " + std::to_string(d.decoded) +
                                 " bytes decoded)";
            }
            break;
        }
        if (d.streamEnded) {
            // Another gzip member follows (concatenated gzip), or trailing garbage.
            if (zs.avail_in > 0 && static_cast<unsigned char>(zs.next_in[0]) != 0x1f) {
                zs.avail_in = 0; // ignore trailing padding (e.g. zeros)
                continue;
            }
            inflateReset(&zs);
            d.streamEnded = false;
        }
        const uInt before = zs.avail_out;
        const int rc = inflate(&zs, Z_NO_FLUSH);
        d.decoded += before - zs.avail_out;
        if (rc == Z_STREAM_END) {
            d.streamEnded = true;
            continue;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            d.failed = true;
            d.pendingError = std::string("gzip data is corrupt after ") +
                             std::to_string(d.decoded) + " decoded bytes (" +
                             (zs.msg ? zs.msg : "inflate error") + ")";
            break;
        }
        if (d.decoded > m_max) {
            d.failed = true;
            d.pendingError = "decompressed size exceeds the limit of " + std::to_string(m_max) +
                             " bytes (possible decompression bomb)";
            break;
        }
    }
    const size_t produced = wanted - zs.avail_out;
    if (produced == 0 && d.failed)
        return Error{ErrorCode::Io, d.pendingError};
    return produced;
}

bool looksGzip(std::string_view head)
{
    return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
           static_cast<unsigned char>(head[1]) == 0x8b;
}

std::unique_ptr<ByteSource> decodeIfCompressed(std::unique_ptr<ByteSource> source,
                                               std::string_view head, int64_t maxDecodedBytes)
{
    if (looksGzip(head))
        return std::make_unique<GzipSource>(std::move(source), maxDecodedBytes);
    return source;
}

} // namespace sightline
