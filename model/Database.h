#pragma once
// Thread affinity: a Database (and its Statements) is used by one thread at a time.
// Each reader thread opens its own connection (WAL allows concurrent readers).
#include "Result.h"

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;

namespace sightline {

class Database
{
public:
    enum class Mode
    {
        ReadOnly,
        ReadWrite,
        Create
    };

    Database() = default;
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens with defensive settings (trusted_schema off, defensive mode, no extension
    // loading). Does not check the schema: CaseFile does that.
    static Result<Database> open(const std::string &path, Mode mode);

    sqlite3 *handle() const { return m_db; }
    bool isOpen() const { return m_db != nullptr; }
    const std::string &path() const { return m_path; }
    // The file of the main database, "" for an in-memory or temporary one: what another
    // connection (a checkpointer, a lookup) would open.
    std::string fileName() const;

    Status exec(std::string_view sql);
    Result<int64_t> queryInt(std::string_view sql); // first column of first row, 0 if none
    int64_t lastInsertRowId() const;
    int changes() const;
    Error lastError(std::string_view context) const;

private:
    sqlite3 *m_db = nullptr;
    std::string m_path;
};

} // namespace sightline
