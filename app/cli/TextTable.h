#pragma once
// An aligned plain-text table for terminal output. Cells are display text already made
// safe (see displayText); widths count code points.
#include <string>
#include <vector>

namespace sightline::cli {

class TextTable
{
public:
    enum class Align
    {
        Left,
        Right
    };
    struct Column
    {
        std::string title;
        Align align = Align::Left;
        size_t maxWidth = 0; // 0 = unlimited; longer cells are cut with "…"
    };

    explicit TextTable(std::vector<Column> columns, std::string indent = "  ");
    void addRow(std::vector<std::string> cells);
    bool empty() const { return m_rows.empty(); }
    std::string render() const;

private:
    std::vector<Column> m_columns;
    std::string m_indent;
    std::vector<std::vector<std::string>> m_rows;
};

} // namespace sightline::cli
