// The budget workbook laid out from the model: which figures go on which
// sheet, the formulas that derive them, and each formula's exact result
// computed from the model in öre (never read back from the sheet).
#pragma once

#include "model/application.hpp"
#include "xlsx/budget_workbook.hpp"
#include "xlsx/workbook_layout.hpp"

namespace esfdraft::xlsx {

// Lays out the workbook write_budget_workbook writes. Throws
// std::runtime_error for the same bad data it documents (long or invalid
// text, amounts beyond 15 significant digits, too many cost lines, an
// unknown language, an invalid date or limit), naming the element and where
// it came from.
WorkbookLayout layout_budget_workbook(const model::Application& application, const WorkbookOptions& options);

}  // namespace esfdraft::xlsx
