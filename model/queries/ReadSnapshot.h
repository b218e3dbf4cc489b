#pragma once
// Runs a query's statements in one read transaction: one consistent snapshot of the case
// (an import may be committing meanwhile on another connection) and one file lock instead
// of one per statement. Does nothing when the connection is already in a transaction.
#include "Database.h"

#include <sqlite3.h>

namespace sightline::detail {

class ReadSnapshot
{
public:
    explicit ReadSnapshot(Database &db) : m_db(db)
    {
        if (sqlite3_get_autocommit(db.handle()) != 0)
            m_active = db.exec("BEGIN").ok();
    }
    ~ReadSnapshot()
    {
        if (m_active)
            m_db.exec("COMMIT");
    }
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;

private:
    Database &m_db;
    bool m_active = false;
};

} // namespace sightline::detail
