// The message catalogue: every finding's text, every rule's meaning and
// every section's name in Swedish and English, in one place, with numbers
// and dates formatted for the language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/finding.hpp"

namespace esfdraft::report {

enum class Language { sv, en };

// "sv" or "en"; anything else gives false and leaves `out` as it was.
bool parse_language(std::string_view text, Language& out);
std::string_view language_code(Language language);  // "sv" | "en"

// The finding's message in `language`, with {name} placeholders replaced by
// the finding's arguments. An unknown message id falls back to the id itself
// and the arguments, so a finding is never silently dropped.
std::string message_text(const model::Finding& finding, Language language);

// Every message id the catalogue has a text for ("B005.short", …), sorted.
std::vector<std::string> message_ids();

// One argument formatted for the language (money: "1 950 000 kr" / "SEK 1,950,000").
std::string format_argument(const model::MessageArg& argument, Language language);

// What a rule checks (docs/rules.md), e.g. "B005" -> "the budget balances: …";
// an unknown id gives the id.
std::string rule_meaning(std::string_view rule, Language language);

// How to fix what the rule reports, e.g. "B007" -> "raise the co-financing …";
// an unknown id gives an empty string.
std::string rule_fix(std::string_view rule, Language language);

// Every rule id the catalogue has a meaning or a fix for, sorted: the texts
// only; the rules themselves are model::rule_definitions().
std::vector<std::string> described_rule_ids();

// A plan section's name for people: "genderEquality" -> "Jämställdhet" /
// "Gender equality"; "file" is the file itself; an unknown key gives the key.
std::string section_name(std::string_view section, Language language);
// The same in the words of the plan's programme period: ESF+ says
// "Förstudiens resultat" where 2007–2013 says "Förprojekteringens resultat".
std::string section_name(std::string_view section, Language language, std::string_view programme);

// A fixed phrase of the reports, by key ("verdict.ready", "status.complete",
// "heading.sections", ...); an unknown key gives the key.
std::string phrase(std::string_view key, Language language);

}  // namespace esfdraft::report
