// A1-style references for formulas, from 0-based rows and columns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace esfdraft::xlsx {

// Excel's grid: rows 0..1 048 575, columns 0..16 383 (A..XFD).
inline constexpr std::uint32_t max_rows = 1'048'576;
inline constexpr std::uint32_t max_columns = 16'384;

// 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string column_letters(std::uint32_t column);

// Which parts of a reference are absolute ($).
enum class Anchor { none, row, column, both };

// (4, 1) -> "B5"; with Anchor::both "$B$5"; Anchor::row "B$5"; Anchor::column "$B5".
std::string cell_ref(std::uint32_t row, std::uint32_t column, Anchor anchor = Anchor::none);

// "B5:B9" with the given anchoring on both ends.
std::string range_ref(std::uint32_t first_row, std::uint32_t first_column, std::uint32_t last_row,
                      std::uint32_t last_column, Anchor anchor = Anchor::none);

// A sheet name as a formula prefix, always quoted: "Per år" -> "'Per år'!",
// "Bob's" -> "'Bob''s'!".
std::string sheet_prefix(std::string_view sheet_name);

// A text as a formula string literal: Lön "x" -> "Lön ""x""" (with the quotes).
std::string string_literal(std::string_view text);

}  // namespace esfdraft::xlsx
