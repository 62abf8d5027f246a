// The budget workbook's financing sheet (budget_sheets.hpp).
#include "xlsx/budget_sheets.hpp"

#include <algorithm>
#include <utility>

#include "xlsx/cell_reference.hpp"

namespace esfdraft::xlsx::sheets {

namespace {

// The financing sheet: the sources with their shares and beneficiaries, and
// the income below them.
class FinancingWriter : SheetWriter {
public:
    explicit FinancingWriter(const BudgetKit& kit) : SheetWriter(kit) {}

    FinancingSheet write() {
        SheetLayout sheet;
        sheet.name = labels_.financing_sheet;
        const auto& sources = budget_.financing;

        put(sheet, 0, source_kind_column, std::string(labels_.kind), looks_.header);
        put(sheet, 0, source_funder_column, std::string(labels_.funder), looks_.header);
        put(sheet, 0, source_org_number_column, std::string(labels_.org_number), looks_.header);
        put(sheet, 0, source_amount_column, std::string(labels_.amount), looks_.header_right);
        put(sheet, 0, source_share_column, std::string(labels_.share), looks_.header_right);
        if (sub_budgets_) {
            put(sheet, 0, source_beneficiary_column, std::string(labels_.beneficiary), looks_.header);
            widen(sheet, source_beneficiary_column, text_width(labels_.owner_key));
        }
        for (std::uint32_t column = 0; column <= source_share_column; ++column) widen(sheet, column, 10);
        widen(sheet, source_kind_column, text_width(labels_.kind));
        widen(sheet, source_funder_column, text_width(labels_.funder));
        widen(sheet, source_org_number_column, text_width(labels_.org_number));

        const std::string total_cell = cell_ref(kit_.financing_total_row, source_amount_column, Anchor::both);
        for (std::size_t i = 0; i < sources.size(); ++i) source_row(sheet, i, total_cell);
        if (sub_budgets_)
            if (auto keys = beneficiary_choices())
                sheet.validations.push_back(
                    ListValidation{1, kit_.source_last_row, source_beneficiary_column, std::move(*keys)});
        if (sources.empty()) put(sheet, 1, source_kind_column, std::string(labels_.no_financing), looks_.note);

        put(sheet, kit_.financing_total_row, source_kind_column, std::string(labels_.total), looks_.total_label);
        put(sheet, kit_.financing_total_row, source_funder_column, std::monostate{}, looks_.total_label);
        put(sheet, kit_.financing_total_row, source_org_number_column, std::monostate{}, looks_.total_label);
        put(sheet, kit_.financing_total_row, source_amount_column, Amount{figures_.financing}, looks_.money_total,
            "=SUM(" + range_ref(1, source_amount_column, kit_.source_last_row, source_amount_column) + ")");
        widen(sheet, source_amount_column, money_width(figures_.financing));
        // The shares add up to 1 whenever there is something to share.
        const Ratio share_sum = figures_.financing > 0 ? Ratio{figures_.financing, figures_.financing} : Ratio{0, 1};
        put(sheet, kit_.financing_total_row, source_share_column, share_sum, looks_.percent_total,
            "=SUM(" + range_ref(1, source_share_column, kit_.source_last_row, source_share_column) + ")");

        income_rows(sheet);

        sheet.frozen_rows = 1;
        sheet.print.repeat_rows_through = 0;
        return FinancingSheet{std::move(sheet), std::move(kind_labels_)};
    }

private:
    // Financing source i on row i + 1, its share of the total in `total_cell`.
    void source_row(SheetLayout& sheet, std::size_t i, const std::string& total_cell) {
        const model::FinancingSource& source = budget_.financing[i];
        const auto row = static_cast<std::uint32_t>(i + 1);
        const std::string what = located("financing source " + std::to_string(i + 1), source.where);
        kind_labels_.push_back(model_text(kind_label(source), "the kind of " + what));
        put(sheet, row, source_kind_column, kind_labels_.back());
        widen(sheet, source_kind_column, std::min(text_width(kind_labels_.back()), wide_text_width));
        if (source.funder) {
            put(sheet, row, source_funder_column, model_text(*source.funder, "the funder of " + what), looks_.wrapped);
            widen(sheet, source_funder_column, std::min(text_width(*source.funder), wide_text_width));
        }
        if (source.org_number) {
            put(sheet, row, source_org_number_column,
                model_text(*source.org_number, "the organisation number of " + what));
            widen(sheet, source_org_number_column, std::min(text_width(*source.org_number), narrow_text_width));
        }
        put(sheet, row, source_amount_column, Amount{source.amount}, looks_.money);
        widen(sheet, source_amount_column, money_width(source.amount));
        put(sheet, row, source_share_column, share_value(source.amount, figures_.financing), looks_.percent,
            "=IF(ROUND(" + total_cell + "*100,0)>0," + cell_ref(row, source_amount_column) + "/" + total_cell +
                ",\"–\")");
        widen(sheet, source_share_column, 11);
        if (sub_budgets_ && source.beneficiary)
            put(sheet, row, source_beneficiary_column,
                model_text(beneficiary_key(source.beneficiary), "the beneficiary of " + what));
    }

    // Income, below the sources, amounts in the same column.
    void income_rows(SheetLayout& sheet) const {
        const auto& income = budget_.income;
        const std::uint32_t income_header_row = kit_.income_header_row;
        put(sheet, income_header_row, source_kind_column, std::string(labels_.income), looks_.header);
        put(sheet, income_header_row, source_funder_column, std::monostate{}, looks_.header);
        put(sheet, income_header_row, source_org_number_column, std::monostate{}, looks_.header);
        put(sheet, income_header_row, source_amount_column, std::string(labels_.amount), looks_.header_right);
        const std::uint32_t first_income_row = income_header_row + 1;
        const std::uint32_t last_income_row = kit_.income_total_row - 1;
        for (std::size_t i = 0; i < income.size(); ++i) {
            const model::Income& item = income[i];
            const auto row = static_cast<std::uint32_t>(first_income_row + i);
            const std::string what = located("income line " + std::to_string(i + 1), item.where);
            // The label runs on across the empty funder and number columns.
            put(sheet, row, source_kind_column, model_text(item.label, "the label of " + what));
            put(sheet, row, source_amount_column, Amount{item.amount}, looks_.money);
            widen(sheet, source_amount_column, money_width(item.amount));
        }
        if (income.empty())
            put(sheet, first_income_row, source_kind_column, std::string(labels_.no_income), looks_.note);
        put(sheet, kit_.income_total_row, source_kind_column, std::string(labels_.total), looks_.total_label);
        put(sheet, kit_.income_total_row, source_funder_column, std::monostate{}, looks_.total_label);
        put(sheet, kit_.income_total_row, source_org_number_column, std::monostate{}, looks_.total_label);
        put(sheet, kit_.income_total_row, source_amount_column, Amount{figures_.income}, looks_.money_total,
            "=SUM(" + range_ref(first_income_row, source_amount_column, last_income_row, source_amount_column) + ")");
        widen(sheet, source_amount_column, money_width(figures_.income));
    }

    std::vector<std::string> kind_labels_;  // per source, what its kind cell shows
};

}  // namespace

FinancingSheet financing_sheet(const BudgetKit& kit) { return FinancingWriter(kit).write(); }

}  // namespace esfdraft::xlsx::sheets
