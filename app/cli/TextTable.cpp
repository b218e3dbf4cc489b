#include "TextTable.h"

#include <algorithm>

namespace sightline::cli {
namespace {

size_t width(const std::string &s)
{
    size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

// The first `count` code points of s.
std::string prefix(const std::string &s, size_t count)
{
    size_t n = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (n == count)
                break;
            ++n;
        }
    }
    return s.substr(0, i);
}

} // namespace

TextTable::TextTable(std::vector<Column> columns, std::string indent)
    : m_columns(std::move(columns)), m_indent(std::move(indent))
{}

void TextTable::addRow(std::vector<std::string> cells)
{
    cells.resize(m_columns.size());
    for (size_t i = 0; i < cells.size(); ++i) {
        const size_t max = m_columns[i].maxWidth;
        if (max > 1 && width(cells[i]) > max)
            cells[i] = prefix(cells[i], max - 1) + "…";
    }
    m_rows.push_back(std::move(cells));
}

std::string TextTable::render() const
{
    std::vector<size_t> widths(m_columns.size());
    for (size_t i = 0; i < m_columns.size(); ++i) {
        widths[i] = width(m_columns[i].title);
        for (const auto &row : m_rows)
            widths[i] = std::max(widths[i], width(row[i]));
    }
    std::string out;
    auto line = [&](const std::vector<std::string> &cells) {
        std::string l = m_indent;
        for (size_t i = 0; i < cells.size(); ++i) {
            const size_t pad = widths[i] - width(cells[i]);
            const bool last = i + 1 == cells.size();
            if (m_columns[i].align == Align::Right)
                l.append(pad, ' ').append(cells[i]);
            else
                l.append(cells[i]).append(last ? 0 : pad, ' ');
            if (!last)
                l += "  ";
        }
        while (!l.empty() && l.back() == ' ')
            l.pop_back();
        out += l + "\n";
    };
    std::vector<std::string> titles;
    for (const Column &c : m_columns)
        titles.push_back(c.title);
    line(titles);
    for (const auto &row : m_rows)
        line(row);
    return out;
}

} // namespace sightline::cli
