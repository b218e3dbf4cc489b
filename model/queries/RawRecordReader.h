#pragma once
// Fetches the raw bytes of imported records (as they were in the evidence) with their
// provenance. Keeps the last decompressed block, so reading the events of one import in
// order decompresses each block once. Thread affinity: the thread that owns the Database.
#include "Database.h"
#include "Result.h"
#include "Statement.h"

#include <string>
#include <unordered_map>

namespace sightline {

struct RawRecord
{
    int64_t eventId = 0;
    std::string text; // the record's bytes; empty when the case holds no raw record for it
    int64_t sourceId = 0;
    std::string sourcePath; // as given at import; archive members as "archive!/member"
    int64_t line = 0;       // 1-based line where the record starts, 0 if unknown
    int64_t offset = 0;     // byte offset in the decoded stream
};

class RawRecordReader
{
public:
    explicit RawRecordReader(Database &db);

    Result<RawRecord> fetch(int64_t eventId); // NotFound when there is no such event
    // Bytes [offset, offset + length) of a raw block; Corrupt when out of bounds or damaged.
    Result<std::string> slice(int64_t block, int64_t offset, int64_t length);
    Result<std::string> sourcePath(int64_t sourceId);

private:
    Status m_status;
    Statement m_event, m_block, m_source;
    int64_t m_cachedBlock = 0;
    std::string m_cached;
    std::unordered_map<int64_t, std::string> m_paths;
};

} // namespace sightline
