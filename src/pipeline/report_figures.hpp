// Internal to the pipeline: the limits in force for one application, the one
// source the budget workbook and the completeness report show beside the key
// figures, and the report's key figures, pack and call.
#pragma once

#include <optional>

#include "model/application.hpp"
#include "model/rule_pack.hpp"
#include "report/report.hpp"
#include "rules/check.hpp"

namespace esfdraft::pipeline {

// The terms the check applied (rules::resolve_terms: the call's value where it
// sets one, else the phase's default in the pack) and the pack's limit on
// indirect costs as a share of staff costs. Empty without a pack.
struct AppliedLimits {
    const model::Call* call = nullptr;  // the plan's call, when the pack has it
    std::optional<rules::Limit<model::ShareHundredths>> max_esf_share;
    std::optional<rules::Limit<model::ShareHundredths>> min_cofinancing;
    std::optional<rules::Limit<model::Money>> esf_ceiling;
    std::optional<rules::Limit<model::ShareHundredths>> max_indirect_share_of_staff;  // set by the pack
};
AppliedLimits applied_limits(const rules::Terms& terms, const model::RulePack* pack);

// The budget's key figures beside `limits`; nullopt when the plan has no
// budget (no costs, financing or income) or a sum overflows (B-reported).
// The one place the report's figures are computed: swap it for the model's
// budget figures when there is a module for them.
std::optional<report::KeyFigures> key_figures(const model::Application& application, const AppliedLimits& limits);

// Fills the report's key figures, pack and call for a loaded plan.
void add_key_figures(report::ApplicationReport& report, const model::Application& application,
                     const model::RulePack* pack, const AppliedLimits& limits);

}  // namespace esfdraft::pipeline
