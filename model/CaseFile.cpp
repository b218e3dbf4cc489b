#include "CaseFile.h"

#include "Schema.h"

#include <filesystem>
#include <system_error>

namespace sightline {

Status CaseFile::configure(Database &db, Access access)
{
    // Only after the schema check: setting WAL writes to the file.
    if (access == Access::ReadWrite) {
        if (auto s = db.exec("PRAGMA journal_mode=WAL"); !s)
            return s;
        if (auto s = db.exec("PRAGMA synchronous=NORMAL"); !s)
            return s;
        // An import lets the WAL grow to hundreds of MB between checkpoints; once it starts
        // again from its beginning, the file is cut back to this.
        if (auto s = db.exec("PRAGMA journal_size_limit=67108864"); !s)
            return s;
    }
    // Readers map the file (fast random reads); the writer uses a bounded page cache so that
    // an import's memory does not grow with the case.
    if (auto s = db.exec(access == Access::ReadOnly
                             ? "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"
                               "PRAGMA mmap_size=268435456;"
                             : "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
        !s)
        return s;
    return {};
}

Result<CaseFile> CaseFile::open(const std::string &path, Access access)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return Error{ErrorCode::CannotOpen, path + ": no such file"};
    auto db = Database::open(path, access == Access::ReadOnly ? Database::Mode::ReadOnly
                                                              : Database::Mode::ReadWrite);
    if (!db)
        return db.error();
    if (auto s = schema::check(*db); !s)
        return s.error();
    if (access == Access::ReadWrite) {
        if (auto s = schema::migrate(*db); !s)
            return s.error();
    }
    if (auto s = configure(*db, access); !s)
        return s.error();
    return CaseFile(std::move(*db));
}

Result<CaseFile> CaseFile::openOrCreate(const std::string &path)
{
    std::error_code ec;
    const bool fresh =
        !std::filesystem::exists(path, ec) || std::filesystem::file_size(path, ec) == 0;
    if (!fresh)
        return open(path, Access::ReadWrite);
    auto db = Database::open(path, Database::Mode::Create);
    if (!db)
        return db.error();
    // 16 KB pages: an import writes half the pages (and WAL frames, and system calls) it
    // would write with 8 KB ones. CloudTrail imports as fast as with 32 KB pages; findings,
    // whose rows land at random pages, lose less (README, Performance).
    if (auto s = db->exec("PRAGMA page_size=16384; PRAGMA journal_mode=WAL"); !s)
        return s.error();
    if (auto s = schema::migrate(*db); !s)
        return s.error();
    if (auto s = configure(*db, Access::ReadWrite); !s)
        return s.error();
    return CaseFile(std::move(*db));
}

} // namespace sightline
