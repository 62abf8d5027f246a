#include "rules/rule_finding.hpp"

#include "model/rule_pack.hpp"
#include "rules/terms.hpp"

namespace esfdraft::rules {

model::Finding rule_finding(std::string_view rule, std::string_view section, std::string_view message_id,
                            const model::SourceLocation& where) {
    return make_finding(rule, model::default_severity(rule), section, message_id, where);
}

model::Finding at_second_level(model::Finding finding) {
    finding.severity = model::second_severity(finding.rule);
    return finding;
}

}  // namespace esfdraft::rules
