#include "xlsx/budget_workbook.hpp"

#include <map>

#include "xlsx/budget_layout.hpp"
#include "xlsx/xlsx_emitter.hpp"

namespace esfdraft::xlsx {

CostActivityNames cost_activity_names(const model::Application& application) {
    CostActivityNames names;
    const model::Labels labels = model::activity_labels(application);
    const auto misread = [&](const std::string& label, const std::string& id) {
        const auto other = labels.find(label);
        return other != labels.end() && other->first != id;
    };
    for (const auto& [id, label] : labels)
        if (id.empty() || misread(label, id)) return {};
    std::map<std::string, std::string> label_ids;
    for (const auto& [id, label] : labels) label_ids[label] = id;
    for (const model::CostLine& cost : application.budget.costs)
        if (cost.activity_id && !labels.contains(*cost.activity_id) && label_ids.contains(*cost.activity_id)) return {};
    for (const auto& [id, label] : labels) {
        names.shown[id] = label;
        names.ids[label] = id;
    }
    return names;
}

void write_budget_workbook(const model::Application& application, const WorkbookOptions& options,
                           const std::string& path) {
    emit_workbook(layout_budget_workbook(application, options), path);
}

}  // namespace esfdraft::xlsx
