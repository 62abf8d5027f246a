#include "xlsx/cell_reference.hpp"

namespace esfdraft::xlsx {

std::string column_letters(std::uint32_t column) {
    std::string letters;
    std::uint32_t rest = column + 1;  // bijective base 26: A=1 … Z=26
    while (rest > 0) {
        const std::uint32_t digit = (rest - 1) % 26;
        letters.insert(letters.begin(), static_cast<char>('A' + digit));
        rest = (rest - 1) / 26;
    }
    return letters;
}

std::string cell_ref(std::uint32_t row, std::uint32_t column, Anchor anchor) {
    const bool fixed_column = anchor == Anchor::column || anchor == Anchor::both;
    const bool fixed_row = anchor == Anchor::row || anchor == Anchor::both;
    return (fixed_column ? "$" : "") + column_letters(column) + (fixed_row ? "$" : "") + std::to_string(row + 1);
}

std::string range_ref(std::uint32_t first_row, std::uint32_t first_column, std::uint32_t last_row,
                      std::uint32_t last_column, Anchor anchor) {
    return cell_ref(first_row, first_column, anchor) + ":" + cell_ref(last_row, last_column, anchor);
}

std::string sheet_prefix(std::string_view sheet_name) {
    std::string out = "'";
    for (const char c : sheet_name) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'!";
}

std::string string_literal(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace esfdraft::xlsx
