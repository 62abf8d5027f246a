// The message catalogue: every finding's text in Swedish and English, in one
// place, with numbers and dates formatted for the language.
#pragma once

#include <string>
#include <string_view>

#include "model/finding.hpp"

namespace esfdraft::report {

enum class Language { sv, en };

// "sv" or "en"; anything else gives nullopt-like failure through the bool.
bool parse_language(std::string_view text, Language& out);

// The finding's message in `language`, with {name} placeholders replaced by
// the finding's arguments. An unknown message id falls back to the id itself
// and the arguments, so a finding is never silently dropped.
std::string message_text(const model::Finding& finding, Language language);

// One argument formatted for the language (money: "1 950 000 kr" / "SEK 1,950,000").
std::string format_argument(const model::MessageArg& argument, Language language);

}  // namespace esfdraft::report
