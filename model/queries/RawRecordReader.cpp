#include "RawRecordReader.h"

#include "Prepared.h"
#include "RawCodec.h"

namespace sightline {

RawRecordReader::RawRecordReader(Database &db)
{
    m_status = detail::prepareAll(
        db,
        {
            {&m_event, "SELECT source_id, line, offset, raw_block, raw_off, raw_len FROM events "
                       "WHERE id = ?1"},
            {&m_block, "SELECT codec, size, data FROM raw_blocks WHERE id = ?1"},
            {&m_source, "SELECT path FROM sources WHERE id = ?1"},
        });
}

Result<std::string> RawRecordReader::sourcePath(int64_t sourceId)
{
    if (!m_status)
        return m_status.error();
    if (auto it = m_paths.find(sourceId); it != m_paths.end())
        return it->second;
    m_source.bind(1, sourceId);
    std::string path;
    if (m_source.step())
        path = m_source.string(0);
    if (m_source.failed())
        return detail::stepError(m_source);
    m_source.reset();
    m_paths.emplace(sourceId, path);
    return path;
}

Result<std::string> RawRecordReader::slice(int64_t block, int64_t offset, int64_t length)
{
    if (!m_status)
        return m_status.error();
    if (block <= 0 || length <= 0)
        return std::string();
    if (block != m_cachedBlock) {
        m_cachedBlock = 0;
        m_cached.clear();
        m_block.bind(1, block);
        bool found = false, decoded = false;
        if (m_block.step()) {
            found = true;
            const int64_t size = m_block.int64(1);
            decoded =
                size >= 0 && decompressRawBlock(static_cast<int>(m_block.int64(0)), m_block.blob(2),
                                                static_cast<size_t>(size), m_cached);
        }
        if (m_block.failed())
            return detail::stepError(m_block);
        m_block.reset();
        if (!found || !decoded)
            return Error{ErrorCode::Corrupt, "raw block " + std::to_string(block) +
                                                 (found ? " is damaged" : " is missing")};
        m_cachedBlock = block;
    }
    if (offset < 0 || offset > static_cast<int64_t>(m_cached.size()) ||
        length > static_cast<int64_t>(m_cached.size()) - offset)
        return Error{ErrorCode::Corrupt, "raw record outside its block " + std::to_string(block)};
    return m_cached.substr(static_cast<size_t>(offset), static_cast<size_t>(length));
}

Result<RawRecord> RawRecordReader::fetch(int64_t eventId)
{
    if (!m_status)
        return m_status.error();
    m_event.bind(1, eventId);
    if (!m_event.step()) {
        if (m_event.failed())
            return detail::stepError(m_event);
        m_event.reset();
        return Error{ErrorCode::NotFound, "event " + std::to_string(eventId) + " not found"};
    }
    RawRecord r;
    r.eventId = eventId;
    r.sourceId = m_event.int64(0);
    r.line = m_event.int64(1);
    r.offset = m_event.int64(2);
    const int64_t block = m_event.int64(3), off = m_event.int64(4), len = m_event.int64(5);
    m_event.reset();
    auto text = slice(block, off, len);
    if (!text)
        return text.error();
    r.text = std::move(*text);
    auto path = sourcePath(r.sourceId);
    if (!path)
        return path.error();
    r.sourcePath = std::move(*path);
    return r;
}

} // namespace sightline
