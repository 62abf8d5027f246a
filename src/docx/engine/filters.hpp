// Formatting filters for template values: {{amount | sek}}, {{start | date}},
// {{share | percent}}, {{name | upper}}. Formatting never depends on the
// process locale; the document language ("sv" or "en") picks the style.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "docx/engine/template_value.hpp"

namespace esfdraft::docx {

struct FilterCall {
    std::string name;
    std::optional<std::string> argument;  // the quoted argument, unquoted
};

// The filters the engine knows, in the order docs/templates.md lists them.
const std::vector<std::string_view>& known_filters();
bool is_known_filter(std::string_view name);
// Whether the filter takes a quoted argument: "required", "optional" or "none".
std::string_view filter_argument_rule(std::string_view name);

// Applies `filter` to `input`. On success returns the result; on a value the
// filter cannot format, sets `problem` in `lang` (e.g. "sek: \"abc\" is not
// an amount"; "sv": "… är inte ett belopp") and returns nullopt. `default` is the one filter that accepts null.
std::optional<TemplateValue> apply_filter(const FilterCall& filter, const TemplateValue& input, std::string_view lang,
                                          std::string& problem);

// Number formatting shared with the filters, exposed for tests:
// "1250000.5" -> sv "1 250 000,5", en "1,250,000.5". nullopt when not a decimal.
std::optional<std::string> format_number(std::string_view decimal, std::string_view lang);
// A fraction as a percentage with at most one decimal: "0.6135" -> sv "61,4 %", en "61.4%".
// percent_decimals says how many; the draft's share columns are rounded to it
// beforehand, so that a column prints what adds up to 100 %.
inline constexpr int percent_decimals = 1;
std::optional<std::string> format_percent(std::string_view fraction, std::string_view lang);
// "2009-10-01" -> sv "1 oktober 2009", en "1 October 2009"; "2009-10" -> "oktober 2009".
std::optional<std::string> format_long_date(std::string_view iso, std::string_view lang);
// Upper and lower case for ASCII and Latin-1 letters (å, ä, ö, é, ü, ...).
std::string to_upper(std::string_view text);
std::string to_lower(std::string_view text);

}  // namespace esfdraft::docx
