#pragma once
// Opens or creates a case file. A CaseFile owns one connection; use it from one thread.
// Reader threads open their own CaseFile in ReadOnly mode.
#include "Database.h"
#include "Result.h"

#include <string>

namespace sightline {

class CaseFile
{
public:
    enum class Access
    {
        ReadOnly,
        ReadWrite
    };

    // Opens an existing case. Files that are not Sightline cases, are newer than this
    // program, or are damaged are refused and left untouched.
    static Result<CaseFile> open(const std::string &path, Access access = Access::ReadOnly);
    // Opens the case, creating it when the file does not exist (or is empty).
    static Result<CaseFile> openOrCreate(const std::string &path);

    Database &db() { return m_db; }
    const std::string &path() const { return m_db.path(); }

private:
    explicit CaseFile(Database db) : m_db(std::move(db)) {}
    static Status configure(Database &db, Access access);
    Database m_db;
};

} // namespace sightline
