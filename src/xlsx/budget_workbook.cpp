#include "xlsx/budget_workbook.hpp"

#include "xlsx/budget_layout.hpp"
#include "xlsx/xlsx_emitter.hpp"

namespace esfdraft::xlsx {

void write_budget_workbook(const model::Application& application, const WorkbookOptions& options,
                           const std::string& path) {
    emit_workbook(layout_budget_workbook(application, options), path);
}

}  // namespace esfdraft::xlsx
