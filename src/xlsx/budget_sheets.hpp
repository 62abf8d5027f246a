// Internal to the xlsx module: the budget workbook's sheets, each laid out
// by a unit of its own from the kit (budget_kit.hpp) and, explicitly, what an
// earlier sheet made that it needs: the words the costs sheet shows for each
// line's category and the financing sheet for each source's kind, which name
// the rows of the other sheets. Each throws std::runtime_error for data a
// cell cannot hold, naming the element.
#pragma once

#include <string>
#include <vector>

#include "xlsx/budget_kit.hpp"
#include "xlsx/workbook_layout.hpp"

namespace esfdraft::xlsx::sheets {

struct CostsSheet {
    SheetLayout sheet;
    std::vector<std::string> category_labels;  // per cost line, what its category cell shows
};
CostsSheet costs_sheet(const BudgetKit& kit);

struct FinancingSheet {
    SheetLayout sheet;
    std::vector<std::string> kind_labels;  // per financing source, what its kind cell shows
};
FinancingSheet financing_sheet(const BudgetKit& kit);

// Costs by category and year, the financing spread over the years, a chart.
SheetLayout by_year_sheet(const BudgetKit& kit, const std::vector<std::string>& category_labels,
                          const std::vector<std::string>& kind_labels);

// Costs by activity and year, then by goal.
SheetLayout by_activity_sheet(const BudgetKit& kit);

// Only when partners are beneficiaries (BudgetKit::sub_budgets).
SheetLayout sub_budgets_sheet(const BudgetKit& kit, const std::vector<std::string>& category_labels,
                              const std::vector<std::string>& kind_labels);

struct SummarySheet {
    SheetLayout sheet;
    std::vector<DefinedName> names;  // the key figures' defined names
};
SummarySheet summary_sheet(const BudgetKit& kit, const std::vector<std::string>& kind_labels);

}  // namespace esfdraft::xlsx::sheets
