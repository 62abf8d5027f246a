// Internal to the rules module: a finding of one rule, at the severity
// model::rule_definitions() gives that rule, so that a rule's severity is
// written in one place only (a pack may still change it: apply_overrides);
// where it points and how its message quotes the plan.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/finding.hpp"
#include "model/values.hpp"

namespace esfdraft::rules {

// A finding of `rule` at its default severity. Throws std::logic_error when
// `rule` is not in model::rule_definitions().
model::Finding rule_finding(std::string_view rule, std::string_view section, std::string_view message_id,
                            const model::SourceLocation& where);

// The finding at its rule's other level: for the rules that report two
// (G005, B011, D002, D006), the second severity of their definition.
model::Finding at_second_level(model::Finding finding);

// `where` when it is a real position, else `fallback` (an element the file
// left out is reported at its parent).
const model::SourceLocation& located_or(const model::SourceLocation& where, const model::SourceLocation& fallback);

// Short text to name an element in a message: the first `max_characters`
// characters (whole UTF-8 characters), with "…" when cut.
std::string excerpt(std::string_view text, std::size_t max_characters = 60);

// "2009-10-01 – 2011-09-30".
std::string period_text(const model::Date& start, const model::Date& end);

// A list in a message: "PO1, PO2" (model/values.hpp).
using model::join;

}  // namespace esfdraft::rules
