// The budget workbook's costs sheet (budget_sheets.hpp).
#include "xlsx/budget_sheets.hpp"

#include <algorithm>
#include <utility>

#include "xlsx/cell_reference.hpp"

namespace esfdraft::xlsx::sheets {

namespace {

// The costs sheet: one row per cost line in an Excel table with drop-downs,
// the flat-rate lines as formulas over the staff costs, empty rows below the
// table that the totals elsewhere still count.
class CostsWriter : SheetWriter {
public:
    explicit CostsWriter(const BudgetKit& kit) : SheetWriter(kit) {}

    CostsSheet write() {
        SheetLayout sheet;
        sheet.name = labels_.costs_sheet;
        const auto& costs = budget_.costs;

        sheet.table =
            Table{.name = std::string(labels_.costs_table),
                  .header_row = 0,
                  .last_row = kit_.cost_last_row,
                  .first_column = 0,
                  .headers = {std::string(labels_.category), std::string(labels_.year), std::string(labels_.activity),
                              std::string(labels_.label), std::string(labels_.amount), std::string(labels_.tags)},
                  .header_looks = {looks_.header, looks_.header_center, looks_.header, looks_.header,
                                   looks_.header_right, looks_.header_indented}};
        if (sub_budgets_) {
            sheet.table->headers.emplace_back(labels_.beneficiary);
            sheet.table->header_looks.push_back(looks_.header);
        }
        const std::uint32_t rate_row = kit_.cost_range_last + 2;  // a row free below the spare rows
        const std::string rate_cell_indirect =
            flat_rate_cell(sheet, kit_.indirect_rate, labels_.indirect_flat_rate, rate_row);
        const std::string rate_cell_remaining = flat_rate_cell(sheet, kit_.remaining_rate, labels_.remaining_flat_rate,
                                                               kit_.indirect_rate ? rate_row + 1 : rate_row);
        for (std::uint32_t column = 0; column < sheet.table->headers.size(); ++column)
            widen(sheet, column, text_width(sheet.table->headers[column]) + 3);  // room for the filter button

        category_labels_.reserve(costs.size());
        for (std::size_t i = 0; i < costs.size(); ++i) line_row(sheet, i, rate_cell_indirect, rate_cell_remaining);

        // The empty rows below the table show a typed year and amount as the lines above do.
        for (std::uint32_t row = kit_.cost_last_row + 1; row <= kit_.cost_range_last; ++row) {
            put(sheet, row, cost_year_column, std::monostate{}, looks_.year);
            put(sheet, row, cost_amount_column, std::monostate{}, looks_.money);
        }
        sheet.validations.push_back(
            ListValidation{1, kit_.cost_range_last, cost_category_column, kit_.allowed_categories});
        if (sub_budgets_) {
            widen(sheet, cost_beneficiary_column, text_width(labels_.owner_key));
            if (auto keys = beneficiary_choices())
                sheet.validations.push_back(
                    ListValidation{1, kit_.cost_range_last, cost_beneficiary_column, std::move(*keys)});
        }
        sheet.frozen_rows = 1;
        sheet.print.repeat_rows_through = 0;
        return CostsSheet{std::move(sheet), std::move(category_labels_)};
    }

private:
    // Cost line i on row i + 1; a flat-rate line's amount is a formula over
    // the staff costs and the rate in its cell.
    void line_row(SheetLayout& sheet, std::size_t i, const std::string& rate_cell_indirect,
                  const std::string& rate_cell_remaining) {
        const model::CostLine& cost = budget_.costs[i];
        const auto row = static_cast<std::uint32_t>(i + 1);
        const auto what = [&](const char* part) {
            return [&cost, i, part] { return part + located("cost line " + std::to_string(i + 1), cost.where); };
        };
        const Money amount = kit_.amounts[i];

        category_labels_.push_back(model_text(category_label(cost), what("the category of ")));
        put(sheet, row, cost_category_column, category_labels_.back());
        widen(sheet, cost_category_column, text_width(category_labels_.back()));
        put(sheet, row, cost_year_column, Count{cost.year}, looks_.year);
        if (cost.activity_id && !cost.activity_id->empty()) {
            const std::string& named = name_of(kit_.cost_activities.shown, *cost.activity_id);
            put(sheet, row, cost_activity_column, model_text(named, what("the activity of ")));
            widen(sheet, cost_activity_column, std::min(text_width(named), narrow_text_width));
        }
        put(sheet, row, cost_label_column, model_text(cost.label, what("the label of ")), looks_.wrapped);
        widen(sheet, cost_label_column, std::min(text_width(cost.label), wide_text_width));
        std::string formula;
        if (kit_.flat_rate_of[i] >= 0)
            formula =
                flat_formula(row, cost.category == model::indirect_category ? rate_cell_indirect : rate_cell_remaining);
        put(sheet, row, cost_amount_column, Amount{amount}, looks_.money, std::move(formula));
        widen(sheet, cost_amount_column, money_width(amount));
        if (sub_budgets_ && cost.beneficiary)
            put(sheet, row, cost_beneficiary_column,
                model_text(beneficiary_key(cost.beneficiary), what("the beneficiary of ")));
        if (!cost.tags.empty()) {
            std::vector<std::string> words;
            for (const auto& tag : cost.tags) words.emplace_back(tag_words(labels_, tag).value_or(tag));
            const std::string tags = model_text(model::join(words, ", "), what("the tags of "));
            put(sheet, row, cost_tags_column, tags, looks_.indented);
            widen(sheet, cost_tags_column, std::min(text_width(tags) + 2, narrow_text_width));
        }
    }

    // The rate of a flat-rate model below the cost table and its spare rows
    // (row `row`), in the table's own columns so that the sheet still prints
    // at a readable size one page wide: its label in the label column, the
    // rate in the amount column, what it is a share of beside it. The formula
    // reference to it, or "" when the model is not used. The reader skips the
    // row by its label.
    std::string flat_rate_cell(SheetLayout& sheet, const std::optional<std::int64_t>& rate, std::string_view label,
                               std::uint32_t row) {
        if (!rate) return {};
        if (row >= max_rows) fail("the flat rates do not fit below the cost lines on the worksheet");
        put(sheet, row, cost_label_column, std::string(label), looks_.flat_rate_label);
        widen(sheet, cost_label_column, text_width(label));
        put(sheet, row, cost_amount_column, Ratio{*rate, 10000}, looks_.percent);
        const std::uint32_t last = sub_budgets_ ? cost_beneficiary_column : cost_tags_column;
        put(sheet, row, cost_tags_column, std::string(labels_.flat_rate_note), looks_.note);
        if (last > cost_tags_column) sheet.merges.push_back({row, cost_tags_column, last});
        return cell_ref(row, cost_amount_column, Anchor::both);
    }

    // A flat-rate line's amount: the rate times the staff costs of the line's
    // own year (and beneficiary), in whole öre, rounded half away from zero.
    // The staff costs are summed around every flat-rate line, never over one,
    // so no line's formula refers to its own cell or to another's (a
    // circular reference in Excel and LibreOffice, however the criteria fall).
    std::string flat_formula(std::uint32_t row, const std::string& rate_cell) const {
        const std::string staff = string_literal(*category_word(model::staff_category));
        const auto column = [&](std::uint32_t c, std::uint32_t first, std::uint32_t last) {
            return range_ref(first, c, last, c, Anchor::both);
        };
        std::vector<std::string> parts;
        std::uint32_t first = 1;
        const auto segment = [&](std::uint32_t last) {
            if (first > last) return;
            std::string part = "SUMPRODUCT(EXACT(" + column(cost_category_column, first, last) + "," + staff + ")*(" +
                               column(cost_year_column, first, last) + "=" + cell_ref(row, cost_year_column) + ")";
            if (sub_budgets_)
                part += "*EXACT(" + column(cost_beneficiary_column, first, last) + "," +
                        cell_ref(row, cost_beneficiary_column) + ")";
            parts.push_back(part + "*" + column(cost_amount_column, first, last) + ")");
        };
        for (const std::uint32_t flat : kit_.flat_rows) {
            segment(flat - 1);
            first = flat + 1;
        }
        segment(kit_.cost_range_last);
        return "=ROUND(ROUND((" + model::join(parts, "+") + ")*100,0)*ROUND(" + rate_cell + "*10000,0)/10000,0)/100";
    }

    std::vector<std::string> category_labels_;  // per cost line, what its category cell shows
};

}  // namespace

CostsSheet costs_sheet(const BudgetKit& kit) { return CostsWriter(kit).write(); }

}  // namespace esfdraft::xlsx::sheets
