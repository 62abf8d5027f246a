// Internal to the xlsx module: what every sheet of the budget workbook reads,
// worked out once before any sheet is written (BudgetKit): the plan, the
// options and words, the looks, each cost line's amount with the flat rates
// applied, the figures summed from those amounts, and where the cost and
// financing tables end, which the other sheets' formulas refer to. And the
// helpers each sheet writes its cells with (SheetWriter). Every sheet is a
// unit of its own (budget_sheets.hpp) that takes the kit, and what an earlier
// sheet made, explicitly; none reads another's state.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/application.hpp"
#include "model/budget_figures.hpp"
#include "model/values.hpp"
#include "xlsx/budget_workbook.hpp"
#include "xlsx/cell_text.hpp"
#include "xlsx/message_context.hpp"
#include "xlsx/workbook_labels.hpp"
#include "xlsx/workbook_layout.hpp"

namespace esfdraft::xlsx::sheets {

using model::Money;

// A spreadsheet keeps 15 significant digits. Beyond 999 999 999 999 999 öre
// (about 10 000 billion kr) a cell could no longer hold every öre exactly.
constexpr Money max_exact_ore = 999'999'999'999'999;

// Columns of the costs sheet; other sheets' formulas refer to them.
constexpr std::uint32_t cost_category_column = 0;
constexpr std::uint32_t cost_year_column = 1;
constexpr std::uint32_t cost_activity_column = 2;
constexpr std::uint32_t cost_label_column = 3;
constexpr std::uint32_t cost_amount_column = 4;
constexpr std::uint32_t cost_tags_column = 5;
constexpr std::uint32_t cost_beneficiary_column = 6;  // only when partners are beneficiaries

// Columns of the financing sheet.
constexpr std::uint32_t source_kind_column = 0;
constexpr std::uint32_t source_funder_column = 1;
constexpr std::uint32_t source_org_number_column = 2;
constexpr std::uint32_t source_amount_column = 3;
constexpr std::uint32_t source_share_column = 4;
constexpr std::uint32_t source_beneficiary_column = 5;  // only when partners are beneficiaries

// Widths in characters: long texts wrap within these instead of widening the page.
constexpr double narrow_text_width = 30;
constexpr double wide_text_width = 70;
constexpr double min_money_width = 14;
constexpr double financing_label_width = 36;  // the labels of the financing by year, wrapped within

[[noreturn]] void fail(const std::string& message);

// "cost line 3 (plan.xml:45:7)", or with the element path when there is no line.
std::string located(std::string_view what, const model::SourceLocation& where);

// Text from the plan, refused with the element named when a cell cannot hold it.
template <typename What>
std::string model_text(std::string_view text, const What& what) {
    if (const auto problem = cell_text_problem(text)) fail(describe(what) + " " + *problem);
    return std::string(text);
}

template <typename What>
Money checked_amount(Money ore, const What& what) {
    if (ore > max_exact_ore || ore < -max_exact_ore)
        fail(describe(what) + " is " + model::format_sek(ore) +
             "; a spreadsheet keeps at most 15 significant digits (9 999 999 999 999,99 kr) exactly");
    return ore;
}

template <typename What>
Money add_amounts(Money sum, Money amount, const What& what) {
    try {
        return model::checked_add(sum, amount);
    } catch (const std::overflow_error&) {
        fail(describe(what) + " add up to more than a 64-bit count of öre holds");
    }
}

double text_width(std::string_view text);

// The cell value of a date: a real date when a spreadsheet can show it as
// one (valid, from 1900 on), else the ISO text as written.
CellValue date_value(const model::Date& date);

// A share shown as a percentage, or "–" when the whole is not positive.
CellValue share_value(Money part, Money whole);

// What a cost line's or source's beneficiary cell shows: the owner in
// words, a partner by its id; "" for none.
std::string beneficiary_key(const WorkbookLabels& labels, const std::optional<std::string>& beneficiary);

// The looks the sheets use, made once in the workbook's table of looks.
// Every look aligns at the top, so a row that a long label makes taller
// still reads across.
struct Looks {
    LookId text = 0, bold = 0, title = 0, header = 0, header_right = 0, header_center = 0, header_indented = 0,
           header_year = 0, wrapped = 0, year = 0, indented = 0, bold_wrapped = 0, indented_wrapped = 0, fact = 0,
           fact_label = 0, money = 0, money_total = 0, percent = 0, percent_total = 0, total_label = 0, date = 0,
           note = 0, at_most_percent = 0, at_least_percent = 0, at_most_money = 0, must_be_money = 0, status = 0;
    LookId flat_rate_label = 0;     // a flat rate's label below the cost table, when a plan uses one
    LookId sub_budget_heading = 0;  // a beneficiary's block on the sub-budgets sheet, when there are sub-budgets
};

// Everything the sheets share. Made in one go; checks the plan's amounts and
// the options' limits and rates first, failing (std::runtime_error) with the
// element named as the workbook's documentation says.
struct BudgetKit {
    // The looks go into `looks_into` (the workbook's table of looks).
    BudgetKit(const model::Application& application, const WorkbookOptions& options, const WorkbookLabels& labels,
              std::string lang, WorkbookLayout& looks_into);

    const model::Application& application;
    const model::Budget& budget;
    const WorkbookOptions& options;
    const WorkbookLabels& labels;
    const std::string lang;                   // "sv" or "en"
    const CostActivityNames cost_activities;  // the costs sheet's activity column
    // What the other sheets call activities and goals: their labels ("A1",
    // "M1" / "G1", as the draft numbers them), or their ids when a label
    // would also name something the plan refers to but does not define (an
    // activity "A3" that only a cost line names; a goal "M2" that only an
    // activity names), so that no two rows show one name and the goal
    // table's test finds each goal's own activities only.
    model::Labels activity_names, goal_names;
    bool sub_budgets = false;  // some partner is a beneficiary: the beneficiary columns and the sub-budgets sheet

    // The drop-down's categories and the words every sheet uses for them: the
    // pack's (options.categories) in the workbook's language, else the
    // workbook's own.
    std::map<std::string, std::string> category_word_of;  // code -> the pack's words
    std::vector<std::string> allowed_categories;          // the drop-down

    // Which cost lines are flat-rate formulas and what they come to; every
    // other line keeps its amount.
    std::vector<Money> amounts;              // per cost line: what the workbook shows
    std::vector<std::int64_t> flat_rate_of;  // per cost line: its rate, -1 = not a formula
    std::vector<std::uint32_t> flat_rows;    // costs-sheet rows of flat-rate formulas, ascending
    std::optional<std::int64_t> indirect_rate, remaining_rate;

    // Every sum the sheets show as a stored value, over `amounts`.
    model::BudgetFigures figures;

    Looks looks;
    std::string money_format;  // with öre only when some amount has them
    bool show_ore = false;

    // Where the tables end. The cost ranges reach spare_cost_rows below the
    // last line (cost_range_last), so lines typed under the table count too.
    std::uint32_t cost_last_row = 1, cost_range_last = 1 + spare_cost_rows;
    std::uint32_t source_last_row = 1, financing_total_row = 2;
    std::uint32_t income_header_row = 4, income_total_row = 5;

    // The words of a category code of the plan format (the pack's when it
    // names them); nullopt for any other code.
    std::optional<std::string> category_word(std::string_view code) const;

private:
    void check_limits() const;
    void choose_names();
    void choose_categories();
    void compute_flat_rates();
    void define_looks(WorkbookLayout& layout);
    void place_tables();
};

// The helpers a sheet writes with, over a kit. A sheet's writer derives from
// it and keeps only the state of its own rows.
class SheetWriter {
protected:
    explicit SheetWriter(const BudgetKit& kit);

    void put(SheetLayout& sheet, std::uint32_t row, std::uint32_t column, CellValue value,
             std::optional<LookId> look = std::nullopt, std::string formula = {}) const;
    static void widen(SheetLayout& sheet, std::uint32_t column, double width);
    // The width an amount needs as the money format shows it, with room for bold totals.
    double money_width(Money ore) const;
    // An absolute range on the costs sheet over every data row of one column,
    // down to the spare rows (Excel grows the table over lines typed below
    // it; LibreOffice does not).
    std::string costs_range(std::uint32_t column) const;
    std::string sources_range(std::uint32_t column) const;
    std::optional<std::string> category_word(std::string_view code) const { return kit_.category_word(code); }
    std::string category_label(const model::CostLine& cost) const;
    std::string kind_label(const model::FinancingSource& source) const;
    std::string beneficiary_key(const std::optional<std::string>& beneficiary) const {
        return sheets::beneficiary_key(labels_, beneficiary);
    }
    // The beneficiary drop-down: the owner in words, then the beneficiary
    // partners' ids; nullopt when it would pass a drop-down's 255 characters
    // (the column then takes what is typed).
    std::optional<std::vector<std::string>> beneficiary_choices() const;
    // A status cell (a formula giving `words`), shown red when broken.
    void status(SheetLayout& sheet, std::uint32_t row, std::string_view words, const std::string& formula,
                std::uint32_t column) const;
    // A note in italics on row `row` across columns 0..last_column; `row` moves on.
    void note(SheetLayout& sheet, std::uint32_t& row, std::string text, std::uint32_t last_column) const;

    // SUMIFS reads * ? ~ and a leading = < > in its criteria as operators and
    // ignores case; a key it would misread is matched with EXACT instead.
    static bool plain_criterion(std::string_view key);
    // The sum of `amounts` where `keys` equals the text in `key`. SUMIFS is
    // what finance staff know, but its criteria ignore case and read * ? ~
    // and a leading = < > as operators; so it serves only keys that are our
    // own labels, and any other key is matched exactly with EXACT. `year`
    // (a cell holding a year) adds a condition on the year column.
    static std::string sum_where(const std::string& amounts, const std::string& keys, const std::string& key,
                                 bool key_is_own_label, const std::string& years = {}, const std::string& year = {});
    // The name `names` gives `id`, or the id itself (an id with no label).
    static const std::string& name_of(const model::Labels& names, const std::string& id);

    const BudgetKit& kit_;
    const model::Application& application_;
    const model::Budget& budget_;
    const WorkbookOptions& options_;
    const WorkbookLabels& labels_;
    const model::BudgetFigures& figures_;
    const Looks& looks_;
    const std::vector<int>& years_;  // the figures' years, the columns of the sheets by year
    const bool sub_budgets_;
};

}  // namespace esfdraft::xlsx::sheets
