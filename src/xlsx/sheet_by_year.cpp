// The budget workbook's sheet of costs and financing by year (budget_sheets.hpp).
#include "xlsx/budget_sheets.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "xlsx/cell_reference.hpp"

namespace esfdraft::xlsx::sheets {

namespace {

// The costs by category and year, the financing spread over the years below
// them, and a chart of the categories.
class ByYearWriter : SheetWriter {
public:
    ByYearWriter(const BudgetKit& kit, const std::vector<std::string>& category_labels,
                 const std::vector<std::string>& kind_labels)
        : SheetWriter(kit), category_labels_(category_labels), kind_labels_(kind_labels) {}

    SheetLayout write() {
        SheetLayout sheet;
        sheet.name = labels_.by_year_sheet;
        const auto& costs = budget_.costs;

        // Rows: the figures' categories (the plan format's in its order, then
        // unknown ones as met), each in the words the costs sheet shows.
        std::vector<std::string> rows;
        std::vector<bool> row_is_own_label;
        for (const std::string& code : figures_.categories) {
            if (const auto words = category_word(code)) {
                rows.push_back(*words);
                row_is_own_label.push_back(plain_criterion(rows.back()));
            } else {
                const auto line =
                    std::find_if(costs.begin(), costs.end(), [&](const auto& c) { return c.category == code; });
                rows.push_back(category_labels_[static_cast<std::size_t>(line - costs.begin())]);
                row_is_own_label.push_back(false);
            }
        }
        if (years_.size() + 3 > max_columns) fail("the cost lines span more years than a worksheet has columns");

        const auto first_year_column = 1u;
        const auto total_column = static_cast<std::uint32_t>(first_year_column + years_.size());
        const auto total_row = static_cast<std::uint32_t>(rows.size() + 1);
        put(sheet, 0, 0, std::string(labels_.category), looks_.header);
        widen(sheet, 0, text_width(labels_.category));
        for (std::size_t y = 0; y < years_.size(); ++y)
            put(sheet, 0, static_cast<std::uint32_t>(first_year_column + y), Count{years_[y]}, looks_.header_year);
        put(sheet, 0, total_column, std::string(labels_.total), looks_.header_right);

        for (std::size_t r = 0; r < rows.size(); ++r)
            category_row(sheet, r, rows[r], row_is_own_label[r], total_column);

        put(sheet, total_row, 0, std::string(labels_.total), looks_.total_label);
        for (std::size_t y = 0; y < years_.size(); ++y) {
            const auto column = static_cast<std::uint32_t>(first_year_column + y);
            put(sheet, total_row, column, Amount{figures_.by_year[y]}, looks_.money_total,
                "=SUMIFS(" + costs_range(cost_amount_column) + "," + costs_range(cost_year_column) + "," +
                    cell_ref(0, column, Anchor::row) + ")");
            widen(sheet, column, money_width(figures_.by_year[y]));
        }
        put(sheet, total_row, total_column, Amount{figures_.total_costs}, looks_.money_total,
            "=SUM(" + costs_range(cost_amount_column) + ")");
        widen(sheet, total_column, money_width(figures_.total_costs));
        const std::uint32_t below = financing_by_year(sheet, total_row + 2, total_row, first_year_column, total_column);

        // A chart helps only when there is more than one category to compare.
        if (rows.size() >= 2) chart(sheet, rows, total_row, total_column, below);
        // The chart starts a page of its own below the financing by year, so
        // that printing does not cut it in two.
        if (sheet.chart && below > total_row + 2) sheet.print.page_breaks.push_back(below);
        sheet.frozen_rows = 1;
        sheet.frozen_columns = 1;
        sheet.print.repeat_rows_through = 0;
        return sheet;
    }

private:
    // Category r's row: its costs in each year and in all, label in column A.
    void category_row(SheetLayout& sheet, std::size_t r, const std::string& label, bool own_label,
                      std::uint32_t total_column) const {
        constexpr std::uint32_t first_year_column = 1;
        const auto row = static_cast<std::uint32_t>(r + 1);
        put(sheet, row, 0, label);
        widen(sheet, 0, std::min(text_width(label), wide_text_width));
        const Money row_sum = figures_.by_category[r];
        for (std::size_t y = 0; y < years_.size(); ++y) {
            const auto column = static_cast<std::uint32_t>(first_year_column + y);
            const Money ore = figures_.cell(r, y);
            const std::string formula =
                "=" + sum_where(costs_range(cost_amount_column), costs_range(cost_category_column),
                                cell_ref(row, 0, Anchor::column), own_label, costs_range(cost_year_column),
                                cell_ref(0, column, Anchor::row));
            put(sheet, row, column, Amount{ore}, looks_.money, formula);
            widen(sheet, column, money_width(ore));
        }
        // The totals read the cost lines themselves, so a line in a year
        // without a column (or a category without a row) still counts.
        put(sheet, row, total_column, Amount{row_sum}, looks_.money,
            "=" + sum_where(costs_range(cost_amount_column), costs_range(cost_category_column),
                            cell_ref(row, 0, Anchor::column), own_label));
        widen(sheet, total_column, money_width(row_sum));
    }

    // The bar chart of the categories' totals, from row `anchor_row` on; its
    // text alternative names each category with its sum.
    void chart(SheetLayout& sheet, const std::vector<std::string>& rows, std::uint32_t total_row,
               std::uint32_t total_column, std::uint32_t anchor_row) const {
        std::vector<std::string> parts;
        for (std::size_t r = 0; r < rows.size(); ++r)
            parts.push_back(rows[r] + " " + labels_.money_words(figures_.by_category[r]));
        sheet.chart = Chart{
            .title = std::string(labels_.chart_title),
            .categories = "=" + sheet_prefix(sheet.name) + range_ref(1, 0, total_row - 1, 0, Anchor::both),
            .values =
                "=" + sheet_prefix(sheet.name) + range_ref(1, total_column, total_row - 1, total_column, Anchor::both),
            .number_format = kit_.money_format,
            .axis_number_format = std::string(labels_.money_format),  // whole kronor on the axis
            .alt_text = shorten_utf8(std::string(labels_.chart_alt_text) + model::join(parts, ", ") + ".", 1000),
            .anchor_row = anchor_row,
            .anchor_column = 0,
            .width_scale = 1.6,
            .height_scale = 1.0 + 0.1 * static_cast<double>(rows.size()),
        };
    }

    // Where the financing by year goes: its sheet, its columns, and the cost
    // total (row and absolute cell) each year's share is taken of.
    struct Grid {
        SheetLayout& sheet;
        std::uint32_t first_year_column, total_column, cost_total_row;
        std::string cost_total;
    };

    void label_cell(const Grid& grid, std::uint32_t row, const std::string& label, LookId look, int indent) const {
        put(grid.sheet, row, 0, label, look);
        widen(grid.sheet, 0, std::min(text_width(label) + 2.0 * indent, financing_label_width));
    }

    void money_cell(const Grid& grid, std::uint32_t row, std::uint32_t column, Money ore, LookId look,
                    std::string formula) const {
        put(grid.sheet, row, column, Amount{checked_amount(ore, "a year's share of the financing")}, look,
            std::move(formula));
        widen(grid.sheet, column, money_width(ore));
    }

    // One source's row: its share of each year and, in the total column, their sum.
    void source_row(const Grid& grid, std::uint32_t row, std::size_t s) const {
        const std::size_t year_count = years_.size();
        const std::string amount = sheet_prefix(labels_.financing_sheet) +
                                   cell_ref(static_cast<std::uint32_t>(s + 1), source_amount_column, Anchor::both);
        for (std::size_t y = 0; y < year_count; ++y) {
            const auto column = static_cast<std::uint32_t>(grid.first_year_column + y);
            std::string formula;
            if (y + 1 < year_count)
                formula = "=IF(ROUND(" + grid.cost_total + "*100,0)=0,0,ROUND(" + amount + "*" +
                          cell_ref(grid.cost_total_row, column, Anchor::row) + "/" + grid.cost_total + ",0))";
            else if (year_count == 1)
                formula = "=" + amount;
            else
                formula = "=" + amount + "-SUM(" + range_ref(row, grid.first_year_column, row, column - 1) + ")";
            money_cell(grid, row, column, figures_.financing_by_source_year[s * year_count + y], looks_.money,
                       std::move(formula));
        }
        money_cell(grid, row, grid.total_column, budget_.financing[s].amount, looks_.money,
                   "=SUM(" + range_ref(row, grid.first_year_column, row, grid.total_column - 1) + ")");
    }

    // A row of SUBTOTALs over rows first..last, with the given results.
    void subtotal_row(const Grid& grid, std::uint32_t row, std::uint32_t first, std::uint32_t last,
                      const std::vector<Money>& by_year, Money total, LookId look) const {
        for (std::uint32_t column = grid.first_year_column; column <= grid.total_column; ++column) {
            const Money ore = column == grid.total_column ? total : by_year[column - grid.first_year_column];
            money_cell(grid, row, column, ore, look, "=SUBTOTAL(9," + range_ref(first, column, last, column) + ")");
        }
    }

    // The financing spread over the years, below the costs by year and in
    // their columns: the figures' spread_by_year as live formulas. Each
    // source's year is its amount (on the financing sheet) times the year's
    // costs over the total costs (the Totalt row above, `cost_total_row`),
    // rounded to whole kronor; the last year is the amount less the other
    // years, so the row always comes to the amount. Sources are grouped by
    // kind under a row of the kind's SUBTOTAL (a kind of one source without a
    // funder is that source's own row); the grand total is SUBTOTAL over the
    // groups, which skips the kinds' subtotals. Returns the first row free
    // below it (the row itself when there is no block: no sources or no years).
    std::uint32_t financing_by_year(SheetLayout& sheet, std::uint32_t header_row, std::uint32_t cost_total_row,
                                    std::uint32_t first_year_column, std::uint32_t total_column) {
        const auto& sources = budget_.financing;
        if (sources.empty() || years_.empty()) return header_row;
        const std::size_t year_count = years_.size();
        if (figures_.financing_by_source_year.size() != sources.size() * year_count)
            fail("the financing could not be spread over the years");

        put(sheet, header_row, 0, std::string(labels_.financing_by_year), looks_.header);
        for (std::size_t y = 0; y < year_count; ++y)
            put(sheet, header_row, static_cast<std::uint32_t>(first_year_column + y), Count{years_[y]},
                looks_.header_year);
        put(sheet, header_row, total_column, std::string(labels_.total), looks_.header_right);
        widen(sheet, 0, std::min(text_width(labels_.financing_by_year), financing_label_width));

        const Grid grid{sheet, first_year_column, total_column, cost_total_row,
                        cell_ref(cost_total_row, total_column, Anchor::both)};
        std::uint32_t row = header_row + 1;
        const std::uint32_t first_row = row;
        std::optional<std::uint32_t> esf_row;
        for (std::size_t k = 0; k < figures_.kinds.size(); ++k) {
            const std::string& code = figures_.kinds[k];
            std::vector<std::size_t> members;
            for (std::size_t s = 0; s < sources.size(); ++s)
                if (sources[s].kind == code) members.push_back(s);
            if (members.empty()) continue;
            const std::string kind_words = kind_labels_[members.front()];
            if (code == "esf") esf_row = row;
            if (members.size() == 1 && !sources[members.front()].funder) {
                label_cell(grid, row, kind_words, looks_.bold_wrapped, 0);
                source_row(grid, row++, members.front());
                continue;
            }
            const std::uint32_t kind_row = row++;
            label_cell(grid, kind_row, kind_words, looks_.bold_wrapped, 0);
            for (const std::size_t s : members) {
                label_cell(grid, row,
                           sources[s].funder ? model_text(*sources[s].funder, "the funder of a source") : kind_words,
                           looks_.indented_wrapped, 1);
                source_row(grid, row++, s);
            }
            const std::vector<Money> by_year(
                figures_.financing_by_kind_year.begin() + static_cast<std::ptrdiff_t>(k * year_count),
                figures_.financing_by_kind_year.begin() + static_cast<std::ptrdiff_t>((k + 1) * year_count));
            subtotal_row(grid, kind_row, kind_row + 1, row - 1, by_year, figures_.by_kind[k], looks_.money);
        }
        const std::uint32_t last_row = row - 1;

        const std::uint32_t total_row = row++;
        label_cell(grid, total_row, std::string(labels_.total_financing), looks_.total_label, 0);
        subtotal_row(grid, total_row, first_row, last_row, figures_.financing_by_year, figures_.financing,
                     looks_.money_total);

        const std::uint32_t cofinancing_row = row++;
        label_cell(grid, cofinancing_row, std::string(labels_.total_cofinancing), looks_.text, 0);
        for (std::uint32_t column = first_year_column; column <= total_column; ++column) {
            const bool total = column == total_column;
            const std::size_t y = column - first_year_column;
            const Money ore =
                total ? figures_.cofinancing : figures_.financing_by_year[y] - figures_.kind_in_year("esf", y);
            std::string formula = "=" + cell_ref(total_row, column);
            if (esf_row) formula += "-" + cell_ref(*esf_row, column);
            money_cell(grid, cofinancing_row, column, ore, looks_.money, std::move(formula));
        }

        const std::uint32_t note_row = row + 1;
        put(sheet, note_row, 0, std::string(labels_.financing_by_year_note), looks_.note);
        sheet.merges.push_back({note_row, 0, total_column});
        return note_row + 2;
    }

    const std::vector<std::string>& category_labels_;  // the costs sheet's, per cost line
    const std::vector<std::string>& kind_labels_;      // the financing sheet's, per source
};

}  // namespace

SheetLayout by_year_sheet(const BudgetKit& kit, const std::vector<std::string>& category_labels,
                          const std::vector<std::string>& kind_labels) {
    return ByYearWriter(kit, category_labels, kind_labels).write();
}

}  // namespace esfdraft::xlsx::sheets
