// Internal to the rules module: a finding of one rule, at the severity
// model::rule_definitions() gives that rule, so that a rule's severity is
// written in one place only (a pack may still change it: apply_overrides).
#pragma once

#include <string_view>

#include "model/finding.hpp"

namespace esfdraft::rules {

// A finding of `rule` at its default severity. Throws std::logic_error when
// `rule` is not in model::rule_definitions().
model::Finding rule_finding(std::string_view rule, std::string_view section, std::string_view message_id,
                            const model::SourceLocation& where);

// The finding at its rule's other level: for the rules that report two
// (G005, B011, D002, D006), the second severity of their definition.
model::Finding at_second_level(model::Finding finding);

}  // namespace esfdraft::rules
