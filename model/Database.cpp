#include "Database.h"

#include <sqlite3.h>

namespace sightline {

Database::~Database()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

Database::Database(Database &&other) noexcept : m_db(other.m_db), m_path(std::move(other.m_path))
{
    other.m_db = nullptr;
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = other.m_db;
        m_path = std::move(other.m_path);
        other.m_db = nullptr;
    }
    return *this;
}

Result<Database> Database::open(const std::string &path, Mode mode)
{
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        if (db)
            sqlite3_close_v2(db);
        return Error{ErrorCode::CannotOpen, path + ": " + msg};
    }
    // Case files are untrusted input: no schema-embedded functions with side effects, no
    // writes to the schema through crafted SQL, no extension loading.
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_busy_timeout(db, 5000);
    Database d;
    d.m_db = db;
    d.m_path = path;
    return d;
}

Status Database::exec(std::string_view sql)
{
    std::string s(sql);
    char *err = nullptr;
    if (sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        Error e{ErrorCode::Sql, err ? err : "unknown SQLite error"};
        sqlite3_free(err);
        return e;
    }
    return {};
}

Result<int64_t> Database::queryInt(std::string_view sql)
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &st, nullptr) !=
        SQLITE_OK)
        return lastError(sql);
    int64_t v = 0;
    const int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return lastError(sql);
    return v;
}

int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

std::string Database::fileName() const
{
    const char *file = m_db ? sqlite3_db_filename(m_db, "main") : nullptr;
    return file ? std::string(file) : std::string();
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Error Database::lastError(std::string_view context) const
{
    return Error{ErrorCode::Sql, std::string(sqlite3_errmsg(m_db)) + " (" +
                                     std::string(context.substr(0, 120)) + ")"};
}

} // namespace sightline
