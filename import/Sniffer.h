#pragma once
// Looks at the first bytes of a decoded stream and picks a format by content.
#include "Format.h"

#include <string>

namespace sightline {

struct FormatChoice
{
    const Format *format = nullptr; // null when skipped
    std::string skipReason;
};

Sniff sniff(std::string_view head, bool wholeFile);
FormatChoice chooseFormat(const Sniff &sniff);

// A source that first replays bytes already read (the sniffed head), then continues.
class PrefixedSource final : public ByteSource
{
public:
    PrefixedSource(std::string prefix, ByteSource &rest) : m_prefix(std::move(prefix)), m_rest(rest)
    {}
    Result<size_t> read(char *buffer, size_t size) override;
    int64_t storedBytesRead() const override { return m_rest.storedBytesRead(); }

private:
    std::string m_prefix;
    size_t m_pos = 0;
    ByteSource &m_rest;
};

} // namespace sightline
