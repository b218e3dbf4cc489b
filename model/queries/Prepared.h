#pragma once
// Helpers for the query classes: statements prepared once per query object.
#include "Database.h"
#include "Result.h"
#include "Statement.h"

#include <initializer_list>
#include <string_view>
#include <utility>

namespace sightline::detail {

inline Status prepareAll(Database &db,
                         std::initializer_list<std::pair<Statement *, std::string_view>> defs)
{
    for (const auto &[st, sql] : defs) {
        *st = Statement(db, sql);
        if (!st->ok())
            return Error{ErrorCode::Sql, st->errorText()};
    }
    return {};
}

// The error of a statement whose step() failed; resets the statement.
inline Error stepError(Statement &st)
{
    Error e{ErrorCode::Sql, st.lastErrorText()};
    st.reset();
    return e;
}

} // namespace sightline::detail
