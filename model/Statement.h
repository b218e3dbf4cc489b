#pragma once
// A prepared statement, finalized on destruction. Same thread affinity as its Database.
#include "Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace sightline {

class Database;

class Statement
{
public:
    Statement() = default;
    Statement(Database &db, std::string_view sql); // check ok() / error()
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool ok() const { return m_stmt != nullptr; }
    const std::string &errorText() const { return m_error; }

    // Binding (1-based indexes). Text is copied by SQLite (SQLITE_TRANSIENT) unless
    // bindStatic is used, whose buffer must outlive the next step().
    Statement &bind(int i, int64_t v);
    Statement &bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
    Statement &bind(int i, double v);
    Statement &bind(int i, std::string_view v);
    Statement &bindStatic(int i, std::string_view v);
    Statement &bindBlob(int i, const void *data, size_t size);
    Statement &bindNull(int i);
    Statement &bindOptional(int i, int64_t v) { return v ? bind(i, v) : bindNull(i); }

    // Returns true while a row is available; false at the end. On error returns false and
    // sets failed().
    bool step();
    Status run(); // step to completion, reporting errors
    void reset(); // reset and clear bindings
    bool failed() const { return m_failed; }
    std::string lastErrorText() const;

    int64_t int64(int col) const;
    double real(int col) const;
    std::string_view text(int col) const; // valid until the next step/reset
    std::string string(int col) const { return std::string(text(col)); }
    std::string_view blob(int col) const;
    bool isNull(int col) const;
    int columnCount() const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    std::string m_error;
    bool m_failed = false;
};

// Rolls back on destruction unless commit() succeeded.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    Status begin(); // BEGIN IMMEDIATE
    Status commit();
    void rollback();
    bool active() const { return m_active; }

private:
    Database &m_db;
    bool m_active = false;
};

} // namespace sightline
