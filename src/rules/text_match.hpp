// Internal to the rules module: how the rules find a term in the plan's text
// (a municipality's name, a ground of discrimination), case and word
// boundaries included.
#pragma once

#include <string>
#include <string_view>

#include "model/utf8.hpp"

namespace esfdraft::rules {

// Case folding for the rules' comparisons (model/utf8.hpp).
using model::folded;

// True when `text` holds `term` as whole words: not inside a longer word,
// and, when `term` ends with '*', followed by any ending ("ålders*" names
// "åldersgrupper"). Both are given folded (folded()); spaces in `term` must
// be spaces in `text`.
bool names_term(std::string_view text, std::string_view term);

}  // namespace esfdraft::rules
