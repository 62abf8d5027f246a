// Internal to the rules module: how the rules find a term in the plan's text
// (a municipality's name, a ground of discrimination), case and word
// boundaries included.
#pragma once

#include <string>
#include <string_view>

namespace esfdraft::rules {

// Lower-cases ASCII and the Latin-1 capitals (Å, Ä, Ö, É in UTF-8) so that
// "UMEÅ" and "Umeå" compare equal; other bytes stay as they are.
std::string folded(std::string_view text);

// True when `text` holds `term` as whole words: not inside a longer word,
// and, when `term` ends with '*', followed by any ending ("ålders*" names
// "åldersgrupper"). Both are given folded (folded()); spaces in `term` must
// be spaces in `text`.
bool names_term(std::string_view text, std::string_view term);

}  // namespace esfdraft::rules
