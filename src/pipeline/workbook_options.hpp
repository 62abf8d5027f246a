// What the budget workbook takes from the rule pack, shared by writing it
// (build) and reading an edited one back (workbook_budget), so both use the
// same words for the same categories.
#pragma once

#include <vector>

#include "model/rule_pack.hpp"
#include "xlsx/budget_workbook.hpp"

namespace esfdraft::pipeline {

// The pack's cost categories with its Swedish and English names, in the
// pack's order: the workbook's category drop-down. Empty when the pack lists none.
std::vector<xlsx::CategoryChoice> workbook_categories(const model::RulePack& pack);

}  // namespace esfdraft::pipeline
