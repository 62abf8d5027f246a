// Internal to the rules module: the limits one application's check applies
// (Terms, resolved once per check, is the check's API in check.hpp) as a
// family reads them, and the exact share arithmetic the limits are compared
// with.
#pragma once

#include "model/application.hpp"
#include "model/budget_figures.hpp"
#include "model/rule_pack.hpp"
#include "rules/check.hpp"

namespace esfdraft::rules {

// The terms a family applies: those the caller resolved (CheckContext::terms),
// else resolved here for a family called on its own.
Terms terms_for(const model::Application& application, const model::RulePack& pack, const CheckContext& context);

// The exact share arithmetic lives with the budget's figures (model/budget_figures.hpp).
using model::at_least_share;
using model::at_most_share;
using model::share_ceiling;
using model::share_floor;
using model::share_of;

}  // namespace esfdraft::rules
