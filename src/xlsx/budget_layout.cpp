#include "xlsx/budget_layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include "xlsx/budget_kit.hpp"
#include "xlsx/budget_sheets.hpp"
#include "xlsx/cell_text.hpp"
#include "xlsx/workbook_labels.hpp"

namespace esfdraft::xlsx {
namespace {

using sheets::fail;
using sheets::model_text;

// Wrapped text needs taller rows, and not every viewer sizes rows by
// itself (LibreOffice keeps the stored height; no viewer sizes merged
// cells): give each row with wrapped text the height its longest text
// needs in its column, or in the merged columns.
void fit_rows(SheetLayout& sheet, const WorkbookLayout& layout) {
    const auto width_of = [&](std::uint32_t column) {
        return column < sheet.column_widths.size() && sheet.column_widths[column] > 0 ? sheet.column_widths[column]
                                                                                      : 8.43;
    };
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> merged_to;  // anchor -> last column
    for (const Merge& merge : sheet.merges) merged_to[{merge.row, merge.first_column}] = merge.last_column;
    std::map<std::uint32_t, double> heights;
    for (const Cell& cell : sheet.cells) {
        const CellLook& look = layout.looks[cell.look];
        const auto* text = std::get_if<std::string>(&cell.value);
        const int points = look.font_points > 0 ? look.font_points : 11;
        if (text == nullptr || (!look.wrap && points == 11)) continue;
        double width = width_of(cell.column);
        if (const auto merged = merged_to.find({cell.row, cell.column}); merged != merged_to.end())
            for (std::uint32_t column = cell.column + 1; column <= merged->second; ++column) width += width_of(column);
        // A width counts digits of the default 11-point font; an average
        // letter is about 15 % narrower, a larger font wider.
        const double per_line = std::max((width - 1) * 1.15 * 11.0 / points, 4.0);
        double lines = 0;
        for (std::size_t start = 0; start <= text->size();) {
            const std::size_t end = std::min(text->find('\n', start), text->size());
            const auto characters =
                static_cast<double>(code_points(std::string_view(*text).substr(start, end - start)));
            lines += std::max(1.0, std::ceil(characters / per_line));
            start = end + 1;
        }
        if (lines > 1 || points != 11) {
            double& height = heights[cell.row];
            height = std::max(height, lines * 15.0 * points / 11.0);
        }
    }
    for (const auto& [row, height] : heights) sheet.row_heights.emplace_back(row, height);
}

// ------------------------------------------------------------------ print, properties

void set_print(SheetLayout& sheet, const model::Application& application, const WorkbookOptions& options,
               const WorkbookLabels& labels) {
    const std::string title = shorten_utf8(application.project.title.value, 100);
    std::string escaped;
    for (const char c : title) {
        escaped += c;
        if (c == '&') escaped += '&';  // "&&" prints one ampersand
    }
    sheet.print.header = "&L" + escaped + "&R&A";
    sheet.print.footer =
        "&L" + std::string(labels.prepared) + " " + options.date.iso() + "&R" + std::string(labels.page_footer);
}

void set_properties(WorkbookLayout& layout, const model::Application& application, const WorkbookOptions& options,
                    const WorkbookLabels& labels) {
    const model::Project& project = application.project;
    const auto property = [](const std::string& text) { return shorten_utf8(text, 255); };
    DocumentProperties& properties = layout.properties;
    properties.title = property(std::string(labels.budget_title) + " – " + project.title.value);
    properties.subject = property(std::string(labels.subject));
    properties.author = property(
        model_text(project.contact.name.empty() ? project.owner.name : project.contact.name, "the contact's name"));
    properties.company = property(project.owner.name);
    if (options.source) {
        properties.custom.emplace_back("esfdraft.application", property(options.source->application));
        properties.custom.emplace_back("esfdraft.version", std::to_string(options.source->version));
    }
    std::string keywords = "ESF, budget";
    if (project.acronym) keywords += ", " + project.acronym->value;
    properties.keywords = property(keywords);
    properties.comments = property(options.limits.source_note.empty()
                                       ? std::string("esfdraft")
                                       : "esfdraft. " + std::string(labels.limits_note) + options.limits.source_note);
    properties.created = options.date;
}

}  // namespace

WorkbookLayout layout_budget_workbook(const model::Application& application, const WorkbookOptions& options) {
    const std::string lang = options.lang.empty() ? application.lang : options.lang;
    const WorkbookLabels* labels = labels_for(lang);
    if (labels == nullptr) fail("unsupported language '" + lang + "' (the workbook speaks sv and en)");
    if (!options.date.valid()) fail("the document date " + options.date.iso() + " is not a valid date");

    WorkbookLayout layout;
    const sheets::BudgetKit kit(application, options, *labels, lang, layout);
    // Each sheet takes the kit and what an earlier one made; the order below
    // is only the order their errors are found in.
    sheets::CostsSheet costs = sheets::costs_sheet(kit);
    sheets::FinancingSheet financing = sheets::financing_sheet(kit);
    SheetLayout by_year = sheets::by_year_sheet(kit, costs.category_labels, financing.kind_labels);
    SheetLayout by_activity = sheets::by_activity_sheet(kit);
    sheets::SummarySheet summary = sheets::summary_sheet(kit, financing.kind_labels);
    std::optional<SheetLayout> sub_budgets;
    if (kit.sub_budgets) sub_budgets = sheets::sub_budgets_sheet(kit, costs.category_labels, financing.kind_labels);

    std::vector<SheetLayout*> in_order{&summary.sheet, &costs.sheet, &by_year, &by_activity, &financing.sheet};
    if (sub_budgets) in_order.push_back(&*sub_budgets);
    for (SheetLayout* sheet : in_order) {
        set_print(*sheet, application, options, *labels);
        fit_rows(*sheet, layout);
        layout.sheets.push_back(std::move(*sheet));
    }
    layout.names = std::move(summary.names);
    set_properties(layout, application, options, *labels);
    return layout;
}

}  // namespace esfdraft::xlsx
