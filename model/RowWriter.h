#pragma once
// Multi-row INSERT statements for the import writer: one statement carries up to kRows rows
// (VALUES (...), (...), ...), which saves SQLite's per-statement work (step, reset, opening
// cursors) on all but one row in kRows; the remainder of a run goes through a one-row
// statement. Thread affinity: the writer thread.
#include "Statement.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace sightline {

class RowWriter
{
public:
    static constexpr size_t kRows = 64;

    // head: "INSERT INTO t(a, b) VALUES"; row: "(?, ?)" with `columns` anonymous parameters;
    // tail: "" or " ON CONFLICT ..." / " RETURNING ...".
    Status prepare(Database &db, std::string_view head, int columns, std::string_view row,
                   std::string_view tail = {})
    {
        m_columns = columns;
        std::string sql(head);
        m_one = Statement(db, sql + " " + std::string(row) + std::string(tail));
        sql += " ";
        for (size_t r = 0; r < kRows; ++r) {
            sql += r ? "," : "";
            sql += row;
        }
        m_many = Statement(db, sql + std::string(tail));
        if (!m_one.ok())
            return Error{ErrorCode::Sql, m_one.errorText()};
        if (!m_many.ok())
            return Error{ErrorCode::Sql, m_many.errorText()};
        return {};
    }

    // Writes rows 0 .. count-1: bind(statement, firstParameter, row) binds one row's columns
    // from parameter index firstParameter on; onRow(statement) sees each RETURNING row.
    template <typename Bind, typename OnRow> Status write(size_t count, Bind &&bind, OnRow &&onRow)
    {
        size_t i = 0;
        for (; i + kRows <= count; i += kRows) {
            for (size_t r = 0; r < kRows; ++r)
                bind(m_many, static_cast<int>(r) * m_columns + 1, i + r);
            if (auto s = run(m_many, onRow); !s)
                return s;
        }
        for (; i < count; ++i) {
            bind(m_one, 1, i);
            if (auto s = run(m_one, onRow); !s)
                return s;
        }
        return {};
    }
    template <typename Bind> Status write(size_t count, Bind &&bind)
    {
        return write(count, bind, [](Statement &) {});
    }

private:
    template <typename OnRow> static Status run(Statement &st, OnRow &onRow)
    {
        while (st.step())
            onRow(st);
        if (st.failed()) {
            Error e{ErrorCode::Sql, st.lastErrorText()};
            st.reset();
            return e;
        }
        st.reset();
        return {};
    }

    Statement m_one, m_many;
    int m_columns = 0;
};

} // namespace sightline
