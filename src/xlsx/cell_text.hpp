// Text as a spreadsheet cell can hold it: valid UTF-8 without the control
// characters XML 1.0 forbids, at most 32 767 UTF-16 code units (Excel counts
// those), and with OOXML's own "_xHHHH_" escape sequences kept literal.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace esfdraft::xlsx {

inline constexpr std::size_t max_cell_text_units = 32767;

// Why `text` cannot go into a cell as it is ("is not valid UTF-8 (byte 7)",
// "holds the control character U+0001 (character 12)", "is 40 000 characters
// long; a cell holds at most 32 767"), or nullopt when it can. `limit` is the
// most UTF-16 code units allowed.
std::optional<std::string> cell_text_problem(std::string_view text, std::size_t limit = max_cell_text_units);

// Length in UTF-16 code units (what Excel counts); text must be valid UTF-8.
std::size_t utf16_length(std::string_view text);

// Length in code points (an estimate of the width on screen); text must be valid UTF-8.
std::size_t code_points(std::string_view text);

// The text with every literal "_xHHHH_" written as "_x005F_xHHHH_", so that a
// reader shows it as typed instead of decoding it (ECMA-376 §22.9.2.19).
std::string escape_ooxml_escapes(std::string_view text);

// The longest prefix of `text` with at most `max_bytes` bytes that ends on a
// whole character, followed by "…" when it had to be cut (the "…" counts
// towards `max_bytes`). Text must be valid UTF-8.
std::string shorten_utf8(std::string_view text, std::size_t max_bytes);

}  // namespace esfdraft::xlsx
