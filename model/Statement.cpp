#include "Statement.h"

#include "Database.h"

#include <sqlite3.h>

namespace sightline {

Statement::Statement(Database &db, std::string_view sql)
{
    if (sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
        m_error = std::string(sqlite3_errmsg(db.handle())) + " in: " + std::string(sql);
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_stmt(other.m_stmt), m_error(std::move(other.m_error)), m_failed(other.m_failed)
{
    other.m_stmt = nullptr;
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_stmt = other.m_stmt;
        m_error = std::move(other.m_error);
        m_failed = other.m_failed;
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement &Statement::bind(int i, int64_t v)
{
    sqlite3_bind_int64(m_stmt, i, v);
    return *this;
}

Statement &Statement::bind(int i, double v)
{
    sqlite3_bind_double(m_stmt, i, v);
    return *this;
}

Statement &Statement::bind(int i, std::string_view v)
{
    sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindStatic(int i, std::string_view v)
{
    sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
}

Statement &Statement::bindBlob(int i, const void *data, size_t size)
{
    sqlite3_bind_blob64(m_stmt, i, data, size, SQLITE_STATIC);
    return *this;
}

Statement &Statement::bindNull(int i)
{
    sqlite3_bind_null(m_stmt, i);
    return *this;
}

bool Statement::step()
{
    if (!m_stmt) {
        m_failed = true;
        return false;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_failed = true;
        m_error = sqlite3_errmsg(sqlite3_db_handle(m_stmt));
    }
    return false;
}

Status Statement::run()
{
    while (step()) {
    }
    if (m_failed) {
        Error e{ErrorCode::Sql, m_error};
        reset();
        return e;
    }
    reset();
    return {};
}

void Statement::reset()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    m_failed = false;
}

std::string Statement::lastErrorText() const
{
    return m_error;
}

int64_t Statement::int64(int col) const
{
    return sqlite3_column_int64(m_stmt, col);
}

double Statement::real(int col) const
{
    return sqlite3_column_double(m_stmt, col);
}

std::string_view Statement::text(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
    if (!p)
        return {};
    return {p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, col))};
}

std::string_view Statement::blob(int col) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, col));
    if (!p)
        return {};
    return {p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, col))};
}

bool Statement::isNull(int col) const
{
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

Transaction::Transaction(Database &db) : m_db(db) {}

Transaction::~Transaction()
{
    rollback();
}

Status Transaction::begin()
{
    Status s = m_db.exec("BEGIN IMMEDIATE");
    m_active = s.ok();
    return s;
}

Status Transaction::commit()
{
    if (!m_active)
        return Error{ErrorCode::Sql, "commit without an open transaction"};
    Status s = m_db.exec("COMMIT");
    if (s.ok())
        m_active = false;
    return s;
}

void Transaction::rollback()
{
    if (m_active) {
        m_db.exec("ROLLBACK");
        m_active = false;
    }
}

} // namespace sightline
