#pragma once
// Sequential byte streams: a file, a buffer in memory, or gzip data decoded on the fly.
// Thread affinity: one thread at a time.
#include "Result.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace sightline {

class ByteSource
{
public:
    virtual ~ByteSource() = default;
    // Reads up to size bytes. Returns 0 at the end. An error (damaged data) is returned
    // only after every byte decoded before the damage has been delivered.
    virtual Result<size_t> read(char *buffer, size_t size) = 0;
    // Bytes consumed from the underlying storage (compressed bytes for gzip).
    virtual int64_t storedBytesRead() const = 0;
};

class FileSource final : public ByteSource
{
public:
    static Result<std::unique_ptr<FileSource>> open(const std::string &path);
    ~FileSource() override;
    Result<size_t> read(char *buffer, size_t size) override;
    int64_t storedBytesRead() const override { return m_read; }

private:
    FileSource(std::FILE *f, std::string path) : m_file(f), m_path(std::move(path)) {}
    std::FILE *m_file;
    std::string m_path;
    int64_t m_read = 0;
};

class MemorySource final : public ByteSource
{
public:
    explicit MemorySource(std::string_view data) : m_data(data) {}
    Result<size_t> read(char *buffer, size_t size) override;
    int64_t storedBytesRead() const override { return static_cast<int64_t>(m_pos); }

private:
    std::string_view m_data;
    size_t m_pos = 0;
};

// Decodes gzip (including concatenated members) and zlib streams.
class GzipSource final : public ByteSource
{
public:
    GzipSource(std::unique_ptr<ByteSource> inner, int64_t maxDecodedBytes);
    ~GzipSource() override;
    Result<size_t> read(char *buffer, size_t size) override;
    int64_t storedBytesRead() const override { return m_inner->storedBytesRead(); }

private:
    struct Impl;
    std::unique_ptr<ByteSource> m_inner;
    std::unique_ptr<Impl> m_impl;
    int64_t m_max;
};

bool looksGzip(std::string_view head);

// Wraps source in a GzipSource when its first bytes are gzip. The head bytes must have
// been obtained from a separate open of the same data (sources are not rewindable).
std::unique_ptr<ByteSource> decodeIfCompressed(std::unique_ptr<ByteSource> source,
                                               std::string_view head, int64_t maxDecodedBytes);

} // namespace sightline
