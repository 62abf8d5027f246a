#include "xlsx/budget_layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "model/budget_figures.hpp"
#include "model/values.hpp"
#include "xlsx/cell_reference.hpp"
#include "xlsx/cell_text.hpp"
#include "xlsx/message_context.hpp"
#include "xlsx/workbook_labels.hpp"

namespace esfdraft::xlsx {
namespace {

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

[[noreturn]] void fail(const std::string& message) { throw std::runtime_error("budget workbook: " + message); }

// "cost line 3 (plan.xml:45:7)", or with the element path when there is no line.
std::string located(std::string_view what, const model::SourceLocation& where) {
    std::string out(what);
    if (!where.file.empty() && where.line > 0)
        out += " (" + where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ")";
    else if (!where.path.empty())
        out += " (" + where.path + ")";
    return out;
}

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

double text_width(std::string_view text) { return static_cast<double>(code_points(text)) + 2; }

// The cell value of a date: a real date when a spreadsheet can show it as
// one (valid, from 1900 on), else the ISO text as written.
CellValue date_value(const model::Date& date) {
    if (date.valid() && date.year >= 1900) return date;
    return date.iso();
}

// One figure of the summary with its row, for formulas and defined names.
struct SummaryRow {
    std::uint32_t row = 0;
    Money ore = 0;
};

class BudgetLayoutBuilder {
public:
    BudgetLayoutBuilder(const model::Application& application, const WorkbookOptions& options,
                        const WorkbookLabels& labels, std::string lang)
        : application_(application),
          budget_(application.budget),
          options_(options),
          labels_(labels),
          lang_(std::move(lang)),
          cost_activities_(cost_activity_names(application)) {
        choose_names();
    }

    WorkbookLayout build() {
        check_limits();
        choose_categories();
        sub_budgets_ = application_.has_beneficiary_partners();
        compute_flat_rates();
        define_looks();
        SheetLayout costs = costs_sheet();
        SheetLayout financing = financing_sheet();  // its rows and labels are the financing by year's
        SheetLayout by_year = by_year_sheet();
        SheetLayout by_activity = by_activity_sheet();
        SheetLayout summary = summary_sheet();
        std::optional<SheetLayout> sub_budgets;
        if (sub_budgets_) sub_budgets = sub_budgets_sheet();
        std::vector<SheetLayout*> sheets{&summary, &costs, &by_year, &by_activity, &financing};
        if (sub_budgets) sheets.push_back(&*sub_budgets);
        for (SheetLayout* sheet : sheets) {
            set_print(*sheet);
            fit_rows(*sheet);
            layout_.sheets.push_back(std::move(*sheet));
        }
        set_properties();
        return std::move(layout_);
    }

private:
    // ------------------------------------------------------------ checks and looks

    void check_limits() const {
        const auto check_share = [](const std::optional<std::int64_t>& hundredths, const char* what) {
            if (hundredths && (*hundredths < 0 || *hundredths > 10000))
                fail(std::string("the limit '") + what + "' is " + std::to_string(*hundredths) +
                     " hundredths of a per cent; it must lie within 0–10000 (0–100 %)");
        };
        check_share(options_.limits.max_esf_share_hundredths, "max ESF share");
        check_share(options_.limits.min_cofinancing_share_hundredths, "min co-financing share");
        check_share(options_.limits.max_indirect_share_of_staff_hundredths, "max indirect share of staff costs");
        if (options_.limits.esf_ceiling) {
            if (*options_.limits.esf_ceiling < 0) fail("the ESF ceiling is negative");
            checked_amount(*options_.limits.esf_ceiling, "the ESF ceiling");
        }
    }

    // ------------------------------------------------------------ categories, flat rates

    // The drop-down's categories and the words every sheet uses for them:
    // the pack's (options.categories) in the workbook's language, else the
    // workbook's own.
    void choose_categories() {
        const bool english = &labels_ == labels_for("en");
        for (const CategoryChoice& choice : options_.categories) {
            const auto own = category_words(labels_, choice.code);
            if (!own) fail("the allowed category '" + choice.code + "' is not a cost category of the plan format");
            const std::string& given = english ? choice.en : choice.sv;
            std::string words = given.empty() ? std::string(*own) : given;
            model_text(words, "the words of the allowed category '" + choice.code + "'");
            category_word_of_[choice.code] = words;
            allowed_categories_.push_back(std::move(words));
        }
        if (allowed_categories_.empty())
            for (const auto code : category_codes) allowed_categories_.emplace_back(*category_words(labels_, code));
    }

    // The words of a category code of the plan format; nullopt for any other code.
    std::optional<std::string> category_word(std::string_view code) const {
        if (const auto found = category_word_of_.find(std::string(code)); found != category_word_of_.end())
            return found->second;
        if (const auto words = category_words(labels_, code)) return std::string(*words);
        return std::nullopt;
    }

    // SUMIFS reads * ? ~ and a leading = < > in its criteria as operators and
    // ignores case; a key it would misread is matched with EXACT instead.
    static bool plain_criterion(std::string_view key) {
        if (key.empty() || key.find_first_of("*?~") != std::string_view::npos) return false;
        return key.front() != '=' && key.front() != '<' && key.front() != '>';
    }

    static std::int64_t checked_rate(const std::optional<std::int64_t>& given, std::int64_t fallback,
                                     const char* what) {
        const std::int64_t rate = given.value_or(fallback);
        if (rate < 0 || rate > 10000)
            fail(std::string("the ") + what + " is " + std::to_string(rate) +
                 " hundredths of a per cent; it must lie within 0–10000 (0–100 %)");
        return rate;
    }

    // rate (hundredths of a per cent) × base öre, rounded to the öre half
    // away from zero, as ROUND does in the sheet.
    static Money flat_amount(Money base, std::int64_t rate) {
        const Money result = model::share_rounded(base, rate);
        if (result > max_exact_ore || result < -max_exact_ore)
            fail("a flat-rate line would be " + model::format_sek(result / 10000) +
                 " kr or more; a spreadsheet keeps at most 15 significant digits exactly");
        return result;
    }

    // What a cost line's beneficiary cell shows: the owner in words, a partner by its id.
    std::string beneficiary_key(const std::optional<std::string>& beneficiary) const {
        if (!beneficiary) return {};
        if (*beneficiary == "owner") return std::string(labels_.owner_key);
        return *beneficiary;
    }

    // Which cost lines are flat-rate formulas and what they come to; every
    // other line keeps its amount. amounts_[i] is what the workbook shows.
    void compute_flat_rates() {
        const auto& costs = budget_.costs;
        amounts_.reserve(costs.size());
        for (const auto& cost : costs) amounts_.push_back(cost.amount);
        flat_rate_of_.assign(costs.size(), -1);
        const auto& models = budget_.cost_models;
        const bool indirect = std::find(models.begin(), models.end(), "indirect-flat-rate") != models.end();
        const bool remaining = std::find(models.begin(), models.end(), "remaining-flat-rate") != models.end();
        if (!indirect && !remaining) return;
        if (indirect)
            indirect_rate_ = checked_rate(options_.indirect_flat_rate_hundredths, default_indirect_flat_rate_hundredths,
                                          "indirect flat rate");
        if (remaining)
            remaining_rate_ = checked_rate(options_.remaining_flat_rate_hundredths,
                                           default_remaining_flat_rate_hundredths, "remaining flat rate");
        // (category, year, sub-budget) -> the flat lines in it; (year, sub-budget) -> staff öre.
        using Group = std::tuple<std::string, int, std::string>;
        std::map<Group, std::vector<std::size_t>> flat_lines;
        std::map<std::pair<int, std::string>, Money> staff;
        for (std::size_t i = 0; i < costs.size(); ++i) {
            const model::CostLine& cost = costs[i];
            const std::string owner = sub_budgets_ ? beneficiary_key(cost.beneficiary) : std::string();
            if (cost.category == model::staff_category) {
                Money& sum = staff[{cost.year, owner}];
                sum = add_amounts(sum, checked_amount(cost.amount, "a staff cost line"), "the staff costs");
            }
            if ((indirect && cost.category == model::indirect_category) || (remaining && cost.category == "other"))
                flat_lines[{cost.category, cost.year, owner}].push_back(i);
        }
        for (const auto& [group, lines] : flat_lines) {
            if (lines.size() != 1) continue;  // two lines on one base: which gets what would be a guess
            const auto& [category, year, owner] = group;
            const std::int64_t rate = category == model::indirect_category ? *indirect_rate_ : *remaining_rate_;
            const auto base = staff.find({year, owner});
            amounts_[lines.front()] = flat_amount(base == staff.end() ? 0 : base->second, rate);
            flat_rate_of_[lines.front()] = rate;
            flat_rows_.push_back(static_cast<std::uint32_t>(lines.front() + 1));
        }
        std::sort(flat_rows_.begin(), flat_rows_.end());
    }

    // Every sum the sheets show as a stored value, over the amounts the
    // workbook shows (flat rates applied), from the one place that sums them.
    void compute_figures() {
        model::FigureOptions figure_options;
        figure_options.amounts = &amounts_;
        try {
            figures_ = model::budget_figures(application_, figure_options);
        } catch (const std::overflow_error&) {
            fail("the cost lines, financing sources or income lines add up to more than a 64-bit count of öre holds");
        }
    }

    void define_looks() {
        // Amounts show öre only when some amount has them, so a whole-krona
        // budget reads "1 250 000 kr" and one with öre never hides them.
        bool any_ore = false;
        for (const Money amount : amounts_) any_ore = any_ore || amount % 100 != 0;
        for (const auto& source : budget_.financing) any_ore = any_ore || source.amount % 100 != 0;
        for (const auto& income : budget_.income) any_ore = any_ore || income.amount % 100 != 0;
        if (options_.limits.esf_ceiling) any_ore = any_ore || *options_.limits.esf_ceiling % 100 != 0;
        money_format_ = std::string(any_ore ? labels_.money_with_ore_format : labels_.money_format);
        show_ore_ = any_ore;
        const std::string percent(labels_.percent_format);

        const std::string money = money_format_;
        const std::string date(labels_.date_format);
        // Every look aligns at the top, so a row that a long label makes
        // taller still reads across.
        text_ = look(to_top);
        bold_ = look(is_bold | to_top);
        title_ = look(is_bold | wraps | to_top, {}, 14);
        header_ = look(is_bold | wraps | is_header | to_top);
        header_right_ = look(is_bold | wraps | is_header | to_right | to_top);
        header_center_ = look(is_bold | wraps | is_header | to_center | to_top);
        header_indented_ = look(is_bold | wraps | is_header | to_top | indented);
        header_year_ = look(is_bold | is_header | to_right | to_top, "0");
        wrapped_ = look(wraps | to_top);
        year_ = look(to_center | to_top);
        indented_ = look(to_top | indented);
        bold_wrapped_ = look(is_bold | wraps | to_top);
        indented_wrapped_ = look(wraps | to_top | indented);
        fact_ = look(wraps | to_top);
        fact_label_ = look(is_bold | to_top);
        money_ = look(to_top, money);
        money_total_ = look(is_bold | is_total | to_top, money);
        percent_ = look(to_right | to_top, percent);
        percent_total_ = look(is_bold | is_total | to_right | to_top, percent);
        total_label_ = look(is_bold | is_total | to_top);
        date_ = look(to_left | to_top, date);
        note_ = look(is_italic | wraps | to_top);
        at_most_percent_ = look(to_right | to_top, std::string(labels_.at_most) + percent);
        at_least_percent_ = look(to_right | to_top, std::string(labels_.at_least) + percent);
        at_most_money_ = look(to_top, std::string(labels_.at_most) + money);
        must_be_money_ = look(to_top, std::string(labels_.must_be) + money);
        status_ = look(is_bold | to_top | indented);
    }

    enum LookFlag : unsigned {
        is_bold = 1 << 0,
        is_italic = 1 << 1,
        wraps = 1 << 2,
        is_header = 1 << 3,
        is_total = 1 << 4,
        to_left = 1 << 5,
        to_center = 1 << 6,
        to_right = 1 << 7,
        to_top = 1 << 8,
        indented = 1 << 9,
    };

    LookId look(unsigned flags, std::string number_format = {}, int font_points = 0) {
        CellLook wanted;
        wanted.number_format = std::move(number_format);
        wanted.bold = (flags & is_bold) != 0;
        wanted.italic = (flags & is_italic) != 0;
        wanted.wrap = (flags & wraps) != 0;
        wanted.header = (flags & is_header) != 0;
        wanted.total = (flags & is_total) != 0;
        if (flags & to_left) wanted.align = CellLook::Align::left;
        if (flags & to_center) wanted.align = CellLook::Align::center;
        if (flags & to_right) wanted.align = CellLook::Align::right;
        wanted.top = (flags & to_top) != 0;
        wanted.indent = (flags & indented) != 0 ? 1 : 0;
        wanted.font_points = font_points;
        return layout_.look(wanted);
    }

    // ------------------------------------------------------------ small helpers

    void put(SheetLayout& sheet, std::uint32_t row, std::uint32_t column, CellValue value,
             std::optional<LookId> look = std::nullopt, std::string formula = {}) const {
        sheet.cells.push_back(Cell{row, column, std::move(value), std::move(formula), look.value_or(text_)});
    }

    static void widen(SheetLayout& sheet, std::uint32_t column, double width) {
        if (sheet.column_widths.size() <= column) sheet.column_widths.resize(column + 1, 0.0);
        sheet.column_widths[column] = std::max(sheet.column_widths[column], width);
    }

    // The width an amount needs as the money format shows it, with room for bold totals.
    double money_width(Money ore) const {
        double width = static_cast<double>(code_points(labels_.money_words(ore))) + 3;
        if (show_ore_ && ore % 100 == 0) width += 3;  // ",00" is shown too
        return std::max(width, min_money_width);
    }

    // An absolute range on the costs sheet, over every data row of one column.
    // It reaches spare_cost_rows below the last line, so lines typed under
    // the table count too (Excel grows the table over them; LibreOffice does not).
    std::string costs_range(std::uint32_t column) const {
        return sheet_prefix(labels_.costs_sheet) + range_ref(1, column, cost_range_last_, column, Anchor::both);
    }

    std::string sources_range(std::uint32_t column) const {
        return sheet_prefix(labels_.financing_sheet) + range_ref(1, column, source_last_row_, column, Anchor::both);
    }

    std::string category_label(const model::CostLine& cost) const {
        if (const auto words = category_word(cost.category)) return *words;
        return cost.category.empty() ? "(" + std::string(labels_.unknown_category) + ")"
                                     : cost.category + " (" + std::string(labels_.unknown_category) + ")";
    }

    std::string kind_label(const model::FinancingSource& source) const {
        if (const auto words = source_kind_words(labels_, source.kind)) return std::string(*words);
        return source.kind.empty() ? "(" + std::string(labels_.unknown_kind) + ")"
                                   : source.kind + " (" + std::string(labels_.unknown_kind) + ")";
    }

    // The sum of `amounts` where `keys` equals the text in `key`. SUMIFS is
    // what finance staff know, but its criteria ignore case and read * ? ~
    // and a leading = < > as operators; so it serves only keys that are our
    // own labels, and any other key is matched exactly with EXACT. `year`
    // (a cell holding a year) adds a condition on the year column.
    static std::string sum_where(const std::string& amounts, const std::string& keys, const std::string& key,
                                 bool key_is_own_label, const std::string& years = {}, const std::string& year = {}) {
        if (key_is_own_label) {
            std::string formula = "SUMIFS(" + amounts + "," + keys + "," + key;
            if (!years.empty()) formula += "," + years + "," + year;
            return formula + ")";
        }
        std::string formula = "SUMPRODUCT(EXACT(" + keys + "," + key + ")";
        if (!years.empty()) formula += "*(" + years + "=" + year + ")";
        return formula + "*" + amounts + ")";
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
        put(sheet, row, cost_label_column, std::string(label), look(is_bold | to_right | to_top));
        widen(sheet, cost_label_column, text_width(label));
        put(sheet, row, cost_amount_column, Ratio{*rate, 10000}, percent_);
        const std::uint32_t last = sub_budgets_ ? cost_beneficiary_column : cost_tags_column;
        put(sheet, row, cost_tags_column, std::string(labels_.flat_rate_note), note_);
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
        for (const std::uint32_t flat : flat_rows_) {
            segment(flat - 1);
            first = flat + 1;
        }
        segment(cost_range_last_);
        return "=ROUND(ROUND((" + model::join(parts, "+") + ")*100,0)*ROUND(" + rate_cell + "*10000,0)/10000,0)/100";
    }

    // The beneficiary drop-down: the owner in words, then the beneficiary
    // partners' ids; nullopt when it would pass a drop-down's 255 characters
    // (the column then takes what is typed).
    std::optional<std::vector<std::string>> beneficiary_choices() const {
        std::vector<std::string> keys{std::string(labels_.owner_key)};
        std::size_t length = utf16_length(labels_.owner_key);
        for (const model::Partner& partner : application_.partners) {
            if (!partner.beneficiary() || !partner.id || partner.id->empty()) continue;
            if (cell_text_problem(*partner.id) || partner.id->find_first_of(",\"") != std::string::npos)
                return std::nullopt;
            if (std::find(keys.begin(), keys.end(), *partner.id) != keys.end()) continue;
            length += utf16_length(*partner.id) + 1;
            keys.push_back(*partner.id);
        }
        if (length > 255) return std::nullopt;
        return keys;
    }

    // ------------------------------------------------------------ costs

    SheetLayout costs_sheet() {
        SheetLayout sheet;
        sheet.name = labels_.costs_sheet;
        const auto& costs = budget_.costs;
        if (costs.size() >= max_rows)
            fail("the budget has " + model::group_digits(costs.size(), " ") +
                 " cost lines; a worksheet holds at most 1 048 575 below its header row");
        // A table needs a data row; without costs it keeps one empty row to type into.
        cost_last_row_ = static_cast<std::uint32_t>(std::max<std::size_t>(costs.size(), 1));
        cost_range_last_ = std::min<std::uint32_t>(cost_last_row_ + spare_cost_rows, max_rows - 1);

        sheet.table =
            Table{.name = std::string(labels_.costs_table),
                  .header_row = 0,
                  .last_row = cost_last_row_,
                  .first_column = 0,
                  .headers = {std::string(labels_.category), std::string(labels_.year), std::string(labels_.activity),
                              std::string(labels_.label), std::string(labels_.amount), std::string(labels_.tags)},
                  .header_looks = {header_, header_center_, header_, header_, header_right_, header_indented_}};
        if (sub_budgets_) {
            sheet.table->headers.emplace_back(labels_.beneficiary);
            sheet.table->header_looks.push_back(header_);
        }
        const std::uint32_t rate_row = cost_range_last_ + 2;  // a row free below the spare rows
        const std::string rate_cell_indirect =
            flat_rate_cell(sheet, indirect_rate_, labels_.indirect_flat_rate, rate_row);
        const std::string rate_cell_remaining = flat_rate_cell(sheet, remaining_rate_, labels_.remaining_flat_rate,
                                                               indirect_rate_ ? rate_row + 1 : rate_row);
        for (std::uint32_t column = 0; column < sheet.table->headers.size(); ++column)
            widen(sheet, column, text_width(sheet.table->headers[column]) + 3);  // room for the filter button

        cost_category_labels_.reserve(costs.size());
        for (std::size_t i = 0; i < costs.size(); ++i) {
            const model::CostLine& cost = costs[i];
            const auto row = static_cast<std::uint32_t>(i + 1);
            const auto what = [&](const char* part) {
                return [&cost, i, part] { return part + located("cost line " + std::to_string(i + 1), cost.where); };
            };
            const Money amount = checked_amount(amounts_[i], what("the amount of "));

            cost_category_labels_.push_back(model_text(category_label(cost), what("the category of ")));
            put(sheet, row, cost_category_column, cost_category_labels_.back());
            widen(sheet, cost_category_column, text_width(cost_category_labels_.back()));
            put(sheet, row, cost_year_column, Count{cost.year}, year_);
            if (cost.activity_id && !cost.activity_id->empty()) {
                const std::string& named = name_of(cost_activities_.shown, *cost.activity_id);
                put(sheet, row, cost_activity_column, model_text(named, what("the activity of ")));
                widen(sheet, cost_activity_column, std::min(text_width(named), narrow_text_width));
            }
            put(sheet, row, cost_label_column, model_text(cost.label, what("the label of ")), wrapped_);
            widen(sheet, cost_label_column, std::min(text_width(cost.label), wide_text_width));
            std::string formula;
            if (flat_rate_of_[i] >= 0)
                formula = flat_formula(
                    row, cost.category == model::indirect_category ? rate_cell_indirect : rate_cell_remaining);
            put(sheet, row, cost_amount_column, Amount{amount}, money_, std::move(formula));
            widen(sheet, cost_amount_column, money_width(amount));
            if (sub_budgets_ && cost.beneficiary)
                put(sheet, row, cost_beneficiary_column,
                    model_text(beneficiary_key(cost.beneficiary), what("the beneficiary of ")));
            if (!cost.tags.empty()) {
                std::vector<std::string> words;
                for (const auto& tag : cost.tags) words.emplace_back(tag_words(labels_, tag).value_or(tag));
                const std::string tags = model_text(model::join(words, ", "), what("the tags of "));
                put(sheet, row, cost_tags_column, tags, indented_);
                widen(sheet, cost_tags_column, std::min(text_width(tags) + 2, narrow_text_width));
            }
        }
        compute_figures();
        total_costs_ = checked_amount(figures_.total_costs, "the total of the cost lines");

        // The empty rows below the table show a typed year and amount as the lines above do.
        for (std::uint32_t row = cost_last_row_ + 1; row <= cost_range_last_; ++row) {
            put(sheet, row, cost_year_column, std::monostate{}, year_);
            put(sheet, row, cost_amount_column, std::monostate{}, money_);
        }
        sheet.validations.push_back(ListValidation{1, cost_range_last_, cost_category_column, allowed_categories_});
        if (sub_budgets_) {
            widen(sheet, cost_beneficiary_column, text_width(labels_.owner_key));
            if (auto keys = beneficiary_choices())
                sheet.validations.push_back(
                    ListValidation{1, cost_range_last_, cost_beneficiary_column, std::move(*keys)});
        }
        sheet.frozen_rows = 1;
        sheet.print.repeat_rows_through = 0;
        return sheet;
    }

    // ------------------------------------------------------------ by year

    SheetLayout by_year_sheet() {
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
                rows.push_back(cost_category_labels_[static_cast<std::size_t>(line - costs.begin())]);
                row_is_own_label.push_back(false);
            }
        }
        years_ = figures_.years;
        if (years_.size() + 3 > max_columns) fail("the cost lines span more years than a worksheet has columns");

        const auto first_year_column = 1u;
        const auto total_column = static_cast<std::uint32_t>(first_year_column + years_.size());
        const auto total_row = static_cast<std::uint32_t>(rows.size() + 1);
        put(sheet, 0, 0, std::string(labels_.category), header_);
        widen(sheet, 0, text_width(labels_.category));
        for (std::size_t y = 0; y < years_.size(); ++y)
            put(sheet, 0, static_cast<std::uint32_t>(first_year_column + y), Count{years_[y]}, header_year_);
        put(sheet, 0, total_column, std::string(labels_.total), header_right_);

        for (std::size_t r = 0; r < rows.size(); ++r) {
            const auto row = static_cast<std::uint32_t>(r + 1);
            put(sheet, row, 0, rows[r]);
            widen(sheet, 0, std::min(text_width(rows[r]), wide_text_width));
            const Money row_sum = figures_.by_category[r];
            for (std::size_t y = 0; y < years_.size(); ++y) {
                const auto column = static_cast<std::uint32_t>(first_year_column + y);
                const Money ore = figures_.cell(r, y);
                const std::string formula =
                    "=" + sum_where(costs_range(cost_amount_column), costs_range(cost_category_column),
                                    cell_ref(row, 0, Anchor::column), row_is_own_label[r],
                                    costs_range(cost_year_column), cell_ref(0, column, Anchor::row));
                put(sheet, row, column, Amount{ore}, money_, formula);
                widen(sheet, column, money_width(ore));
            }
            // The totals read the cost lines themselves, so a line in a year
            // without a column (or a category without a row) still counts.
            put(sheet, row, total_column, Amount{row_sum}, money_,
                "=" + sum_where(costs_range(cost_amount_column), costs_range(cost_category_column),
                                cell_ref(row, 0, Anchor::column), row_is_own_label[r]));
            widen(sheet, total_column, money_width(row_sum));
            category_totals_.emplace_back(rows[r], row_sum);
        }

        put(sheet, total_row, 0, std::string(labels_.total), total_label_);
        for (std::size_t y = 0; y < years_.size(); ++y) {
            const auto column = static_cast<std::uint32_t>(first_year_column + y);
            put(sheet, total_row, column, Amount{figures_.by_year[y]}, money_total_,
                "=SUMIFS(" + costs_range(cost_amount_column) + "," + costs_range(cost_year_column) + "," +
                    cell_ref(0, column, Anchor::row) + ")");
            widen(sheet, column, money_width(figures_.by_year[y]));
        }
        put(sheet, total_row, total_column, Amount{figures_.total_costs}, money_total_,
            "=SUM(" + costs_range(cost_amount_column) + ")");
        widen(sheet, total_column, money_width(figures_.total_costs));
        const std::uint32_t below = financing_by_year(sheet, total_row + 2, total_row, first_year_column, total_column);

        // A chart helps only when there is more than one category to compare.
        if (rows.size() >= 2) {
            std::vector<std::string> parts;
            for (const auto& [label, ore] : category_totals_) parts.push_back(label + " " + labels_.money_words(ore));
            sheet.chart = Chart{
                .title = std::string(labels_.chart_title),
                .categories = "=" + sheet_prefix(sheet.name) + range_ref(1, 0, total_row - 1, 0, Anchor::both),
                .values = "=" + sheet_prefix(sheet.name) +
                          range_ref(1, total_column, total_row - 1, total_column, Anchor::both),
                .number_format = money_format_,
                .axis_number_format = std::string(labels_.money_format),  // whole kronor on the axis
                .alt_text = shorten_utf8(std::string(labels_.chart_alt_text) + model::join(parts, ", ") + ".", 1000),
                .anchor_row = below,
                .anchor_column = 0,
                .width_scale = 1.6,
                .height_scale = 1.0 + 0.1 * static_cast<double>(rows.size()),
            };
        }
        // The chart starts a page of its own below the financing by year, so
        // that printing does not cut it in two.
        if (sheet.chart && below > total_row + 2) sheet.print.page_breaks.push_back(below);
        sheet.frozen_rows = 1;
        sheet.frozen_columns = 1;
        sheet.print.repeat_rows_through = 0;
        return sheet;
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

        put(sheet, header_row, 0, std::string(labels_.financing_by_year), header_);
        for (std::size_t y = 0; y < year_count; ++y)
            put(sheet, header_row, static_cast<std::uint32_t>(first_year_column + y), Count{years_[y]}, header_year_);
        put(sheet, header_row, total_column, std::string(labels_.total), header_right_);
        widen(sheet, 0, std::min(text_width(labels_.financing_by_year), financing_label_width));

        const std::string cost_total = cell_ref(cost_total_row, total_column, Anchor::both);
        const auto label_cell = [&](std::uint32_t row, const std::string& label, LookId look, int indent) {
            put(sheet, row, 0, label, look);
            widen(sheet, 0, std::min(text_width(label) + 2.0 * indent, financing_label_width));
        };
        const auto money_cell = [&](std::uint32_t row, std::uint32_t column, Money ore, LookId look,
                                    std::string formula) {
            put(sheet, row, column, Amount{checked_amount(ore, "a year's share of the financing")}, look,
                std::move(formula));
            widen(sheet, column, money_width(ore));
        };
        // One source's row: its share of each year and, in the total column, their sum.
        const auto source_row = [&](std::uint32_t row, std::size_t s) {
            const std::string amount = sheet_prefix(labels_.financing_sheet) +
                                       cell_ref(static_cast<std::uint32_t>(s + 1), source_amount_column, Anchor::both);
            for (std::size_t y = 0; y < year_count; ++y) {
                const auto column = static_cast<std::uint32_t>(first_year_column + y);
                std::string formula;
                if (y + 1 < year_count)
                    formula = "=IF(ROUND(" + cost_total + "*100,0)=0,0,ROUND(" + amount + "*" +
                              cell_ref(cost_total_row, column, Anchor::row) + "/" + cost_total + ",0))";
                else if (year_count == 1)
                    formula = "=" + amount;
                else
                    formula = "=" + amount + "-SUM(" + range_ref(row, first_year_column, row, column - 1) + ")";
                money_cell(row, column, figures_.financing_by_source_year[s * year_count + y], money_,
                           std::move(formula));
            }
            money_cell(row, total_column, sources[s].amount, money_,
                       "=SUM(" + range_ref(row, first_year_column, row, total_column - 1) + ")");
        };
        // A row of SUBTOTALs over rows first..last, with the given results.
        const auto subtotal_row = [&](std::uint32_t row, std::uint32_t first, std::uint32_t last,
                                      const std::vector<Money>& by_year, Money total, LookId look) {
            for (std::uint32_t column = first_year_column; column <= total_column; ++column) {
                const Money ore = column == total_column ? total : by_year[column - first_year_column];
                money_cell(row, column, ore, look, "=SUBTOTAL(9," + range_ref(first, column, last, column) + ")");
            }
        };

        std::uint32_t row = header_row + 1;
        const std::uint32_t first_row = row;
        std::optional<std::uint32_t> esf_row;
        for (std::size_t k = 0; k < figures_.kinds.size(); ++k) {
            const std::string& code = figures_.kinds[k];
            std::vector<std::size_t> members;
            for (std::size_t s = 0; s < sources.size(); ++s)
                if (sources[s].kind == code) members.push_back(s);
            if (members.empty()) continue;
            const std::string kind_words = source_kind_labels_[members.front()];
            if (code == "esf") esf_row = row;
            if (members.size() == 1 && !sources[members.front()].funder) {
                label_cell(row, kind_words, bold_wrapped_, 0);
                source_row(row++, members.front());
                continue;
            }
            const std::uint32_t kind_row = row++;
            label_cell(kind_row, kind_words, bold_wrapped_, 0);
            for (const std::size_t s : members) {
                label_cell(row,
                           sources[s].funder ? model_text(*sources[s].funder, "the funder of a source") : kind_words,
                           indented_wrapped_, 1);
                source_row(row++, s);
            }
            const std::vector<Money> by_year(
                figures_.financing_by_kind_year.begin() + static_cast<std::ptrdiff_t>(k * year_count),
                figures_.financing_by_kind_year.begin() + static_cast<std::ptrdiff_t>((k + 1) * year_count));
            subtotal_row(kind_row, kind_row + 1, row - 1, by_year, figures_.by_kind[k], money_);
        }
        const std::uint32_t last_row = row - 1;

        const std::uint32_t total_row = row++;
        label_cell(total_row, std::string(labels_.total_financing), total_label_, 0);
        subtotal_row(total_row, first_row, last_row, figures_.financing_by_year, figures_.financing, money_total_);

        const std::uint32_t cofinancing_row = row++;
        label_cell(cofinancing_row, std::string(labels_.total_cofinancing), text_, 0);
        for (std::uint32_t column = first_year_column; column <= total_column; ++column) {
            const bool total = column == total_column;
            const std::size_t y = column - first_year_column;
            const Money ore =
                total ? figures_.cofinancing : figures_.financing_by_year[y] - figures_.kind_in_year("esf", y);
            std::string formula = "=" + cell_ref(total_row, column);
            if (esf_row) formula += "-" + cell_ref(*esf_row, column);
            money_cell(cofinancing_row, column, ore, money_, std::move(formula));
        }

        const std::uint32_t note_row = row + 1;
        put(sheet, note_row, 0, std::string(labels_.financing_by_year_note), note_);
        sheet.merges.push_back({note_row, 0, total_column});
        return note_row + 2;
    }

    // ------------------------------------------------------------ by activity

    // The names the sheets show for activities and goals: their labels
    // ("A1", "M1" / "G1", as the draft numbers them), or their ids when a
    // label would also name something the plan refers to but does not
    // define (an activity "A3" that only a cost line names; a goal "M2" that
    // only an activity names), so that no two rows would show one name and
    // the goal table's test (below) finds each goal's own activities only.
    void choose_names() {
        activity_names_ = model::activity_labels(application_);
        goal_names_ = model::goal_labels(application_, lang_);
        const auto names_an_undefined = [](const model::Labels& names, const std::string& id) {
            if (names.contains(id)) return false;
            for (const auto& [defined, name] : names)
                if (name == id) return true;
            return false;
        };
        std::set<std::string> undefined_activities, undefined_goals;
        for (const model::CostLine& cost : budget_.costs)
            if (cost.activity_id) undefined_activities.insert(*cost.activity_id);
        for (const model::Activity& activity : application_.activities)
            undefined_goals.insert(activity.goal_ids.begin(), activity.goal_ids.end());
        for (const std::string& id : undefined_activities)
            if (names_an_undefined(activity_names_, id)) activity_names_.clear();
        for (const std::string& id : undefined_goals)
            if (names_an_undefined(goal_names_, id)) goal_names_.clear();
    }

    // The name `names` gives `id`, or the id itself (an id with no label).
    static const std::string& name_of(const model::Labels& names, const std::string& id) {
        const auto found = names.find(id);
        return found == names.end() ? id : found->second;
    }

    struct ActivityRow {
        std::string key;        // what the costs' activity column holds; "" for costs without one
        std::string shown_key;  // column A
        std::string title;
        std::vector<std::string> goal_ids;
        std::string goals_text;  // the goals' names separated by spaces, as column C shows them
    };

    SheetLayout by_activity_sheet() {
        SheetLayout sheet;
        sheet.name = labels_.by_activity_sheet;
        const auto& costs = budget_.costs;

        // Rows: the plan's activities, then ids the costs name but nothing
        // defines, then the costs without an activity.
        std::vector<ActivityRow> rows;
        std::set<std::string> seen;
        for (const auto& activity : application_.activities) {
            if (!seen.insert(activity.id).second) continue;  // a duplicate id would count its costs twice
            const std::string what = located("activity '" + activity.id + "'", activity.where);
            std::vector<std::string> goals;
            for (const std::string& goal : activity.goal_ids) goals.push_back(name_of(goal_names_, goal));
            ActivityRow row{.key = model_text(name_of(cost_activities_.shown, activity.id), "the id of " + what),
                            .shown_key = model_text(name_of(activity_names_, activity.id), "the id of " + what),
                            .title = model_text(activity.title, "the title of " + what),
                            .goal_ids = activity.goal_ids,
                            .goals_text = model_text(model::join(goals, " "), "the goals of " + what)};
            rows.push_back(std::move(row));
        }
        for (const auto& cost : costs)
            if (cost.activity_id && !cost.activity_id->empty() && seen.insert(*cost.activity_id).second)
                rows.push_back(
                    ActivityRow{*cost.activity_id, *cost.activity_id, std::string(labels_.unknown_activity), {}, {}});
        rows.push_back(ActivityRow{"", std::string(labels_.no_activity), {}, {}, {}});

        // The rows are the figures' activities, in the same order: their sums per year are the figures'.
        if (rows.size() != figures_.activities.size()) fail("the activities could not be matched to their sums");
        const std::vector<Money>& sums = figures_.by_activity_year;
        const std::vector<Money>& key_totals = figures_.by_activity;

        constexpr std::uint32_t key_column = 0, title_column = 1, goals_column = 2, first_year_column = 3;
        const auto total_column = static_cast<std::uint32_t>(first_year_column + years_.size());
        const auto last_activity_row = static_cast<std::uint32_t>(rows.size());
        const std::uint32_t total_row = last_activity_row + 1;

        const auto header_row = [&](std::uint32_t row, std::string_view a, std::string_view b, std::string_view c) {
            put(sheet, row, key_column, std::string(a), header_);
            put(sheet, row, title_column, std::string(b), header_);
            put(sheet, row, goals_column, std::string(c), header_);
            for (std::size_t y = 0; y < years_.size(); ++y)
                put(sheet, row, static_cast<std::uint32_t>(first_year_column + y), Count{years_[y]}, header_year_);
            put(sheet, row, total_column, std::string(labels_.total), header_right_);
        };
        header_row(0, labels_.activity, labels_.title, labels_.goals);
        widen(sheet, key_column, text_width(labels_.activity));
        widen(sheet, title_column, text_width(labels_.title));
        widen(sheet, goals_column, text_width(labels_.goals));

        // cells[r][y]: the cost of activity row r in year y; the last entry is the row's total.
        std::vector<std::vector<Money>> cells(rows.size(), std::vector<Money>(years_.size() + 1, 0));
        std::vector<Money> column_sums(figures_.by_year);  // each cost is in one row: the years' totals
        column_sums.push_back(figures_.total_costs);
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const ActivityRow& activity = rows[r];
            const auto row = static_cast<std::uint32_t>(r + 1);
            const bool no_activity = r + 1 == rows.size();
            put(sheet, row, key_column, activity.shown_key, no_activity ? text_ : bold_);
            widen(sheet, key_column, std::min(text_width(activity.shown_key), narrow_text_width));
            if (!activity.title.empty()) {
                put(sheet, row, title_column, activity.title, wrapped_);
                widen(sheet, title_column, std::min(text_width(activity.title), wide_text_width));
            }
            if (!activity.goals_text.empty()) {
                put(sheet, row, goals_column, activity.goals_text, wrapped_);
                widen(sheet, goals_column, std::min(text_width(activity.goals_text), narrow_text_width));
            }
            // The key is the cell in column A, except for the row of costs
            // without an activity, whose costs have an empty activity cell,
            // and an activity the costs sheet names by its id but this
            // column by its label (ids that look like labels in another order).
            const std::string key = no_activity                          ? "\"\""
                                    : activity.key == activity.shown_key ? cell_ref(row, key_column, Anchor::column)
                                                                         : string_literal(activity.key);
            for (std::size_t y = 0; y < years_.size(); ++y) {
                const auto column = static_cast<std::uint32_t>(first_year_column + y);
                const Money ore = sums[r * years_.size() + y];
                cells[r][y] = ore;
                put(sheet, row, column, Amount{ore}, money_,
                    "=" + sum_where(costs_range(cost_amount_column), costs_range(cost_activity_column), key, false,
                                    costs_range(cost_year_column), cell_ref(0, column, Anchor::row)));
                widen(sheet, column, money_width(ore));
            }
            const Money row_total = key_totals[r];
            cells[r].back() = row_total;
            const std::string total_formula =
                years_.empty()
                    ? "=" + sum_where(costs_range(cost_amount_column), costs_range(cost_activity_column), key, false)
                    : "=SUM(" + range_ref(row, first_year_column, row, total_column - 1) + ")";
            put(sheet, row, total_column, Amount{row_total}, money_, total_formula);
            widen(sheet, total_column, money_width(row_total));
        }
        put(sheet, total_row, key_column, std::string(labels_.total), total_label_);
        for (std::uint32_t column = first_year_column; column <= total_column; ++column) {
            const Money ore = column_sums[column - first_year_column];
            put(sheet, total_row, column, Amount{ore}, money_total_,
                "=SUM(" + range_ref(1, column, last_activity_row, column) + ")");
            widen(sheet, column, money_width(ore));
        }

        goal_table(sheet, rows, cells, total_row + 2, last_activity_row, total_column);

        sheet.frozen_rows = 1;
        sheet.frozen_columns = 1;
        sheet.print.repeat_rows_through = 0;
        return sheet;
    }

    // Per goal: the costs of the activities that serve it. Each cell is
    // SUMPRODUCT over the activity rows whose goals column (C) holds the
    // goal's id as a whole word: FIND(" g1 ", " " & C & " "), which is exact
    // and case-sensitive. The results repeat that test on the same texts.
    void goal_table(SheetLayout& sheet, const std::vector<ActivityRow>& activities,
                    const std::vector<std::vector<Money>>& cells, std::uint32_t header_row,
                    std::uint32_t last_activity_row, std::uint32_t total_column) {
        constexpr std::uint32_t key_column = 0, statement_column = 1, activities_column = 2, first_year_column = 3;
        struct GoalRow {
            std::string id;
            std::string name;  // column A, as the activities' goals column names it
            std::string statement;
        };
        std::vector<GoalRow> goals;
        std::set<std::string> seen;
        for (const auto& goal : application_.goals) {
            if (!seen.insert(goal.id).second) continue;
            const std::string what = located("goal '" + goal.id + "'", goal.where);
            goals.push_back({model_text(goal.id, "the id of " + what),
                             model_text(name_of(goal_names_, goal.id), "the id of " + what),
                             model_text(goal.statement, "the statement of " + what)});
        }
        for (const auto& activity : activities)
            for (const auto& id : activity.goal_ids)
                if (seen.insert(id).second) goals.push_back({id, id, std::string(labels_.unknown_goal)});
        if (goals.empty()) return;

        put(sheet, header_row, key_column, std::string(labels_.goals), header_);
        put(sheet, header_row, statement_column, std::string(labels_.statement), header_);
        put(sheet, header_row, activities_column, std::string(labels_.activities), header_);
        for (std::size_t y = 0; y < years_.size(); ++y)
            put(sheet, header_row, static_cast<std::uint32_t>(first_year_column + y), Count{years_[y]}, header_year_);
        put(sheet, header_row, total_column, std::string(labels_.total), header_right_);
        widen(sheet, statement_column, text_width(labels_.statement));
        widen(sheet, activities_column, text_width(labels_.activities));

        const std::string goals_range =
            range_ref(1, activities_column, last_activity_row, activities_column, Anchor::both);
        // The activities serving each goal, found once: the formula's test
        // (" id " within " " & the activity's goals & " ") holds exactly when
        // the id is one of the activity's goal ids, which its goals cell lists
        // separated by spaces. A scan of every activity for every goal grew
        // with the square of the plan.
        std::map<std::string_view, std::vector<std::size_t>> serving_activities;
        for (std::size_t a = 0; a < activities.size(); ++a)
            for (const std::string& goal_id : activities[a].goal_ids) {
                std::vector<std::size_t>& members = serving_activities[goal_id];
                if (members.empty() || members.back() != a) members.push_back(a);
            }
        const std::vector<std::size_t> none;
        for (std::size_t g = 0; g < goals.size(); ++g) {
            const auto row = static_cast<std::uint32_t>(header_row + 1 + g);
            const std::string& id = goals[g].id;
            const auto found = serving_activities.find(id);
            const std::vector<std::size_t>& members = found == serving_activities.end() ? none : found->second;
            std::vector<std::string> serving;
            for (std::size_t a : members) serving.push_back(activities[a].shown_key);
            put(sheet, row, key_column, goals[g].name, bold_);
            widen(sheet, key_column, std::min(text_width(goals[g].name), narrow_text_width));
            put(sheet, row, statement_column, goals[g].statement, wrapped_);
            widen(sheet, statement_column, std::min(text_width(goals[g].statement), wide_text_width));
            const std::string serving_text =
                model_text(model::join(serving, " "), "the activities of goal '" + id + "'");
            if (!serving_text.empty()) {
                put(sheet, row, activities_column, serving_text, wrapped_);
                widen(sheet, activities_column, std::min(text_width(serving_text), narrow_text_width));
            }
            const std::string serves = "ISNUMBER(FIND(\" \"&" + cell_ref(row, key_column, Anchor::column) +
                                       "&\" \",\" \"&" + goals_range + "&\" \"))";
            const auto goal_sum = [&](std::size_t column_index) {
                Money sum = 0;
                for (std::size_t a : members) sum = add_amounts(sum, cells[a][column_index], "the cost lines");
                return sum;
            };
            for (std::size_t y = 0; y < years_.size(); ++y) {
                const auto column = static_cast<std::uint32_t>(first_year_column + y);
                const Money ore = goal_sum(y);
                put(sheet, row, column, Amount{ore}, money_,
                    "=SUMPRODUCT(" + serves + "*" + range_ref(1, column, last_activity_row, column, Anchor::row) + ")");
                widen(sheet, column, money_width(ore));
            }
            const Money total = goal_sum(years_.size());
            const std::string total_formula =
                years_.empty() ? "=SUMPRODUCT(" + serves + "*" +
                                     range_ref(1, total_column, last_activity_row, total_column, Anchor::row) + ")"
                               : "=SUM(" + range_ref(row, first_year_column, row, total_column - 1) + ")";
            put(sheet, row, total_column, Amount{total}, money_, total_formula);
            widen(sheet, total_column, money_width(total));
        }
        const auto note_row = static_cast<std::uint32_t>(header_row + 1 + goals.size() + 1);
        put(sheet, note_row, 0, std::string(labels_.goal_note), note_);
        sheet.merges.push_back({note_row, 0, total_column});
    }

    // ------------------------------------------------------------ financing

    SheetLayout financing_sheet() {
        SheetLayout sheet;
        sheet.name = labels_.financing_sheet;
        const auto& sources = budget_.financing;
        const auto& income = budget_.income;
        if (sources.size() + income.size() + 8 >= max_rows)
            fail("the budget has more sources and income lines than a worksheet holds");

        put(sheet, 0, source_kind_column, std::string(labels_.kind), header_);
        put(sheet, 0, source_funder_column, std::string(labels_.funder), header_);
        put(sheet, 0, source_org_number_column, std::string(labels_.org_number), header_);
        put(sheet, 0, source_amount_column, std::string(labels_.amount), header_right_);
        put(sheet, 0, source_share_column, std::string(labels_.share), header_right_);
        if (sub_budgets_) {
            put(sheet, 0, source_beneficiary_column, std::string(labels_.beneficiary), header_);
            widen(sheet, source_beneficiary_column, text_width(labels_.owner_key));
        }
        for (std::uint32_t column = 0; column <= source_share_column; ++column) widen(sheet, column, 10);
        widen(sheet, source_kind_column, text_width(labels_.kind));
        widen(sheet, source_funder_column, text_width(labels_.funder));
        widen(sheet, source_org_number_column, text_width(labels_.org_number));

        source_last_row_ = static_cast<std::uint32_t>(std::max<std::size_t>(sources.size(), 1));
        financing_total_row_ = source_last_row_ + 1;
        for (std::size_t i = 0; i < sources.size(); ++i)
            checked_amount(sources[i].amount,
                           "the amount of " + located("financing source " + std::to_string(i + 1), sources[i].where));
        total_financing_ = checked_amount(figures_.financing, "the total of the financing sources");

        const std::string total_cell = cell_ref(financing_total_row_, source_amount_column, Anchor::both);
        for (std::size_t i = 0; i < sources.size(); ++i) {
            const model::FinancingSource& source = sources[i];
            const auto row = static_cast<std::uint32_t>(i + 1);
            const std::string what = located("financing source " + std::to_string(i + 1), source.where);
            source_kind_labels_.push_back(model_text(kind_label(source), "the kind of " + what));
            put(sheet, row, source_kind_column, source_kind_labels_.back());
            widen(sheet, source_kind_column, std::min(text_width(source_kind_labels_.back()), wide_text_width));
            if (source.funder) {
                put(sheet, row, source_funder_column, model_text(*source.funder, "the funder of " + what), wrapped_);
                widen(sheet, source_funder_column, std::min(text_width(*source.funder), wide_text_width));
            }
            if (source.org_number) {
                put(sheet, row, source_org_number_column,
                    model_text(*source.org_number, "the organisation number of " + what));
                widen(sheet, source_org_number_column, std::min(text_width(*source.org_number), narrow_text_width));
            }
            put(sheet, row, source_amount_column, Amount{source.amount}, money_);
            widen(sheet, source_amount_column, money_width(source.amount));
            put(sheet, row, source_share_column, share_value(source.amount, total_financing_), percent_,
                "=IF(ROUND(" + total_cell + "*100,0)>0," + cell_ref(row, source_amount_column) + "/" + total_cell +
                    ",\"–\")");
            widen(sheet, source_share_column, 11);
            if (sub_budgets_ && source.beneficiary)
                put(sheet, row, source_beneficiary_column,
                    model_text(beneficiary_key(source.beneficiary), "the beneficiary of " + what));
        }
        if (sub_budgets_)
            if (auto keys = beneficiary_choices())
                sheet.validations.push_back(
                    ListValidation{1, source_last_row_, source_beneficiary_column, std::move(*keys)});
        if (sources.empty()) put(sheet, 1, source_kind_column, std::string(labels_.no_financing), note_);

        put(sheet, financing_total_row_, source_kind_column, std::string(labels_.total), total_label_);
        put(sheet, financing_total_row_, source_funder_column, std::monostate{}, total_label_);
        put(sheet, financing_total_row_, source_org_number_column, std::monostate{}, total_label_);
        put(sheet, financing_total_row_, source_amount_column, Amount{total_financing_}, money_total_,
            "=SUM(" + range_ref(1, source_amount_column, source_last_row_, source_amount_column) + ")");
        widen(sheet, source_amount_column, money_width(total_financing_));
        // The shares add up to 1 whenever there is something to share.
        const Ratio share_sum = total_financing_ > 0 ? Ratio{total_financing_, total_financing_} : Ratio{0, 1};
        put(sheet, financing_total_row_, source_share_column, share_sum, percent_total_,
            "=SUM(" + range_ref(1, source_share_column, source_last_row_, source_share_column) + ")");

        // Income, below the sources, amounts in the same column.
        const std::uint32_t income_header_row = financing_total_row_ + 2;
        put(sheet, income_header_row, source_kind_column, std::string(labels_.income), header_);
        put(sheet, income_header_row, source_funder_column, std::monostate{}, header_);
        put(sheet, income_header_row, source_org_number_column, std::monostate{}, header_);
        put(sheet, income_header_row, source_amount_column, std::string(labels_.amount), header_right_);
        const std::uint32_t first_income_row = income_header_row + 1;
        const auto last_income_row =
            static_cast<std::uint32_t>(first_income_row + std::max<std::size_t>(income.size(), 1) - 1);
        income_total_row_ = last_income_row + 1;
        for (std::size_t i = 0; i < income.size(); ++i) {
            const model::Income& item = income[i];
            const auto row = static_cast<std::uint32_t>(first_income_row + i);
            const std::string what = located("income line " + std::to_string(i + 1), item.where);
            checked_amount(item.amount, "the amount of " + what);
            // The label runs on across the empty funder and number columns.
            put(sheet, row, source_kind_column, model_text(item.label, "the label of " + what));
            put(sheet, row, source_amount_column, Amount{item.amount}, money_);
            widen(sheet, source_amount_column, money_width(item.amount));
        }
        total_income_ = checked_amount(figures_.income, "the total of the income lines");
        if (income.empty()) put(sheet, first_income_row, source_kind_column, std::string(labels_.no_income), note_);
        put(sheet, income_total_row_, source_kind_column, std::string(labels_.total), total_label_);
        put(sheet, income_total_row_, source_funder_column, std::monostate{}, total_label_);
        put(sheet, income_total_row_, source_org_number_column, std::monostate{}, total_label_);
        put(sheet, income_total_row_, source_amount_column, Amount{total_income_}, money_total_,
            "=SUM(" + range_ref(first_income_row, source_amount_column, last_income_row, source_amount_column) + ")");
        widen(sheet, source_amount_column, money_width(total_income_));

        sheet.frozen_rows = 1;
        sheet.print.repeat_rows_through = 0;
        return sheet;
    }

    // ------------------------------------------------------------ sub-budgets

    // One row per sub-budget (the owner's, each beneficiary partner's, ids
    // the lines name that no beneficiary partner has, and the lines naming
    // none), each with its costs, financing, ESF support and its own balance.
    // Income has no beneficiary in the plan, so it is not split (a note says so).
    SheetLayout sub_budgets_sheet() {
        SheetLayout sheet;
        sheet.name = labels_.sub_budgets_sheet;
        struct SubBudget {
            std::string key;    // what the beneficiary columns hold; "" = none given
            std::string shown;  // column A
            std::string name;
        };
        std::vector<SubBudget> rows;
        std::set<std::string> seen{std::string(labels_.owner_key)};
        rows.push_back({std::string(labels_.owner_key), std::string(labels_.owner_key),
                        model_text(application_.project.owner.name, "the project owner")});
        for (const model::Partner& partner : application_.partners) {
            if (!partner.beneficiary() || !partner.id || !seen.insert(*partner.id).second) continue;
            const std::string what = located("partner '" + *partner.id + "'", partner.where);
            rows.push_back({model_text(*partner.id, "the id of " + what), *partner.id,
                            model_text(partner.name, "the name of " + what)});
        }
        const std::size_t beneficiaries = rows.size();  // the owner and the beneficiary partners
        const auto add_unknown = [&](const std::optional<std::string>& beneficiary) {
            const std::string key = beneficiary_key(beneficiary);
            if (!key.empty() && seen.insert(key).second)
                rows.push_back({key, key, std::string(labels_.unknown_beneficiary)});
        };
        for (const auto& cost : budget_.costs) add_unknown(cost.beneficiary);
        for (const auto& source : budget_.financing) add_unknown(source.beneficiary);
        rows.push_back({"", std::string(labels_.no_beneficiary), ""});

        constexpr std::uint32_t key_column = 0, name_column = 1, costs_column = 2, financing_column = 3, esf_column = 4,
                                difference_column = 5, status_column_here = 6;
        put(sheet, 0, key_column, std::string(labels_.beneficiary), header_);
        put(sheet, 0, name_column, std::string(labels_.name), header_);
        put(sheet, 0, costs_column, std::string(labels_.costs), header_right_);
        put(sheet, 0, financing_column, std::string(labels_.financing), header_right_);
        put(sheet, 0, esf_column, std::string(labels_.of_which_esf), header_right_);
        put(sheet, 0, difference_column, std::string(labels_.sub_budget_difference), header_right_);
        put(sheet, 0, status_column_here, std::string(labels_.status), header_indented_);
        widen(sheet, key_column, text_width(labels_.beneficiary));
        widen(sheet, name_column, text_width(labels_.name));
        for (std::uint32_t column = costs_column; column <= difference_column; ++column) widen(sheet, column, 14);
        widen(sheet, difference_column, 22);
        for (const auto words : {labels_.balanced, labels_.not_balanced})
            widen(sheet, status_column_here, text_width(words) + 1);

        const std::string esf_words = string_literal(*source_kind_words(labels_, "esf"));
        const std::string cost_keys = costs_range(cost_beneficiary_column);
        const std::string source_keys = sources_range(source_beneficiary_column);
        // Each row holds the figures' sub-budgets whose key its cells show
        // (the owner in words, "" for the lines naming no one).
        const Money all_costs = figures_.total_costs, all_financing = figures_.financing, all_esf = figures_.esf;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const auto row = static_cast<std::uint32_t>(r + 1);
            const SubBudget& sub = rows[r];
            Money costs = 0, financing = 0, esf = 0;
            for (const model::SubBudgetFigures& figures : figures_.sub_budgets) {
                const std::optional<std::string> named =
                    figures.key.empty() ? std::nullopt : std::optional(figures.key);
                if (beneficiary_key(named) != sub.key) continue;
                costs = add_amounts(costs, figures.costs, "the cost lines");
                financing = add_amounts(financing, figures.financing, "the financing sources");
                esf = add_amounts(esf, figures.esf, "the financing sources");
            }
            put(sheet, row, key_column, sub.shown, sub.key.empty() ? text_ : bold_);
            widen(sheet, key_column, std::min(text_width(sub.shown), narrow_text_width));
            if (!sub.name.empty()) {
                put(sheet, row, name_column, sub.name, wrapped_);
                widen(sheet, name_column, std::min(text_width(sub.name), wide_text_width));
            }
            // EXACT: keys are ids as typed, and "" must match only empty cells.
            const std::string key = sub.key.empty() ? "\"\"" : cell_ref(row, key_column, Anchor::column);
            put(sheet, row, costs_column, Amount{costs}, money_,
                "=SUMPRODUCT(EXACT(" + cost_keys + "," + key + ")*" + costs_range(cost_amount_column) + ")");
            put(sheet, row, financing_column, Amount{financing}, money_,
                "=SUMPRODUCT(EXACT(" + source_keys + "," + key + ")*" + sources_range(source_amount_column) + ")");
            put(sheet, row, esf_column, Amount{esf}, money_,
                "=SUMPRODUCT(EXACT(" + source_keys + "," + key + ")*EXACT(" + sources_range(source_kind_column) + "," +
                    esf_words + ")*" + sources_range(source_amount_column) + ")");
            const Money difference = costs - financing;
            put(sheet, row, difference_column, Amount{difference}, money_,
                "=" + cell_ref(row, costs_column) + "-" + cell_ref(row, financing_column));
            widen(sheet, costs_column, money_width(costs));
            widen(sheet, financing_column, money_width(financing));
            widen(sheet, esf_column, money_width(esf));
            widen(sheet, difference_column, money_width(difference));
            status(sheet, row, difference == 0 ? labels_.balanced : labels_.not_balanced,
                   "=IF(ROUND(" + cell_ref(row, difference_column) + "*100,0)=0," + string_literal(labels_.balanced) +
                       "," + string_literal(labels_.not_balanced) + ")",
                   status_column_here);
        }
        const auto total_row = static_cast<std::uint32_t>(rows.size() + 1);
        put(sheet, total_row, key_column, std::string(labels_.total), total_label_);
        put(sheet, total_row, name_column, std::monostate{}, total_label_);
        const std::array<std::pair<std::uint32_t, Money>, 4> totals{{{costs_column, all_costs},
                                                                     {financing_column, all_financing},
                                                                     {esf_column, all_esf},
                                                                     {difference_column, all_costs - all_financing}}};
        for (const auto& [column, ore] : totals) {
            put(sheet, total_row, column, Amount{ore}, money_total_,
                "=SUM(" + range_ref(1, column, total_row - 1, column) + ")");
            widen(sheet, column, money_width(ore));
        }
        row_ = total_row + 2;
        note(sheet, std::string(labels_.sub_budget_note), status_column_here);
        if (!budget_.income.empty()) note(sheet, std::string(labels_.sub_budget_income_note), status_column_here);
        // Below the summary, one block per beneficiary, keyed by its row's
        // column A; each prints on a page of its own. The summary's header
        // row is neither frozen nor repeated: it would stand above the blocks'
        // columns, which are others.
        for (std::size_t r = 0; r < beneficiaries; ++r) {
            ++row_;
            sheet.print.page_breaks.push_back(row_);
            sub_budget_block(sheet, static_cast<std::uint32_t>(r + 1), rows[r].key,
                             rows[r].name + " (" + rows[r].shown + ")");
        }
        sheet.frozen_columns = 1;
        return sheet;
    }

    // One beneficiary's sub-budget in full, from row row_ on: a heading with
    // its name and key, its costs by category (the categories it has lines
    // in) and year with their totals, its financing by kind, and its balance.
    // Every cell is a live formula matching the beneficiary by the key in
    // column A of its summary row (`summary_row`) with EXACT, as the summary
    // row does, over the same ranges (the cost ranges reach the spare rows
    // below the table); the categories and kinds are matched with EXACT on
    // the words the costs and financing sheets show. The results are the
    // figures' sub-budgets whose key the beneficiary columns show as `key`.
    void sub_budget_block(SheetLayout& sheet, std::uint32_t summary_row, const std::string& key,
                          const std::string& heading) {
        const std::size_t year_count = years_.size();
        const std::size_t category_count = figures_.categories.size();
        const std::size_t kind_count = figures_.kinds.size();
        constexpr std::uint32_t row_label_column = 1, first_year_column = 2;
        const auto total_column = static_cast<std::uint32_t>(first_year_column + year_count);
        if (total_column + 1 >= max_columns) fail("the cost lines span more years than a worksheet has columns");

        // The figures of the sub-budgets shown under this key (one, unless a partner's id is the owner's words).
        std::vector<Money> cells(category_count * year_count, 0), by_category(category_count, 0),
            by_year(year_count, 0), by_kind(kind_count, 0);
        std::vector<std::size_t> lines(category_count, 0);
        Money costs = 0, financing = 0;
        const auto add_all = [&](std::vector<Money>& sums, const std::vector<Money>& parts) {
            for (std::size_t i = 0; i < sums.size() && i < parts.size(); ++i)
                sums[i] = add_amounts(sums[i], parts[i], "the lines of a sub-budget");
        };
        for (const model::SubBudgetFigures& figures : figures_.sub_budgets) {
            const std::optional<std::string> named = figures.key.empty() ? std::nullopt : std::optional(figures.key);
            if (figures.key.empty() || beneficiary_key(named) != key) continue;
            add_all(cells, figures.by_category_year);
            add_all(by_category, figures.by_category);
            add_all(by_year, figures.by_year);
            add_all(by_kind, figures.by_kind);
            for (std::size_t c = 0; c < category_count && c < figures.lines_by_category.size(); ++c)
                lines[c] += figures.lines_by_category[c];
            costs = add_amounts(costs, figures.costs, "the cost lines");
            financing = add_amounts(financing, figures.financing, "the financing sources");
        }

        const LookId heading_look = look(is_bold | to_top, {}, 12);
        const std::string key_cell = cell_ref(summary_row, 0, Anchor::both);
        const std::string cost_match = "EXACT(" + costs_range(cost_beneficiary_column) + "," + key_cell + ")";
        const std::string source_match = "EXACT(" + sources_range(source_beneficiary_column) + "," + key_cell + ")";
        const auto money_cell = [&](std::uint32_t row, std::uint32_t column, Money ore, LookId cell_look,
                                    std::string formula) {
            put(sheet, row, column, Amount{checked_amount(ore, "a sum of a sub-budget")}, cell_look,
                std::move(formula));
            widen(sheet, column, money_width(ore));
        };
        const auto label_cell = [&](std::uint32_t row, const std::string& label, LookId cell_look) {
            put(sheet, row, row_label_column, label, cell_look);
            widen(sheet, row_label_column, std::min(text_width(label), wide_text_width));
        };

        put(sheet, row_, 0, model_text(heading, "the heading of a sub-budget"), heading_look);
        sheet.merges.push_back({row_, 0, total_column});
        ++row_;

        // Costs by category and year.
        const std::uint32_t header_row = row_++;
        put(sheet, header_row, 0, std::monostate{}, header_);
        label_cell(header_row, std::string(labels_.category), header_);
        for (std::size_t y = 0; y < year_count; ++y)
            put(sheet, header_row, static_cast<std::uint32_t>(first_year_column + y), Count{years_[y]}, header_year_);
        put(sheet, header_row, total_column, std::string(labels_.total), header_right_);
        const std::string years_range = costs_range(cost_year_column);
        const std::string amounts = costs_range(cost_amount_column);
        for (std::size_t c = 0; c < category_count; ++c) {
            if (lines[c] == 0) continue;
            const std::string& code = figures_.categories[c];
            std::string label;
            if (const auto words = category_word(code)) {
                label = *words;
            } else {
                const auto& all = budget_.costs;
                const auto line =
                    std::find_if(all.begin(), all.end(), [&](const auto& cost) { return cost.category == code; });
                label = cost_category_labels_[static_cast<std::size_t>(line - all.begin())];
            }
            const std::uint32_t row = row_++;
            label_cell(row, label, text_);
            const std::string category_match = "EXACT(" + costs_range(cost_category_column) + "," +
                                               cell_ref(row, row_label_column, Anchor::column) + ")";
            for (std::size_t y = 0; y < year_count; ++y) {
                const auto column = static_cast<std::uint32_t>(first_year_column + y);
                money_cell(row, column, cells[c * year_count + y], money_,
                           "=SUMPRODUCT(" + cost_match + "*" + category_match + "*(" + years_range + "=" +
                               cell_ref(header_row, column, Anchor::row) + ")*" + amounts + ")");
            }
            // Over every year, so a line of a year without a column still counts.
            money_cell(row, total_column, by_category[c], money_,
                       "=SUMPRODUCT(" + cost_match + "*" + category_match + "*" + amounts + ")");
        }
        // The totals read the cost lines themselves, so a line of a category without a row counts too.
        const std::uint32_t costs_row = row_++;
        put(sheet, costs_row, 0, std::monostate{}, total_label_);
        label_cell(costs_row, std::string(labels_.total_cost), total_label_);
        for (std::size_t y = 0; y < year_count; ++y) {
            const auto column = static_cast<std::uint32_t>(first_year_column + y);
            money_cell(costs_row, column, by_year[y], money_total_,
                       "=SUMPRODUCT(" + cost_match + "*(" + years_range + "=" +
                           cell_ref(header_row, column, Anchor::row) + ")*" + amounts + ")");
        }
        money_cell(costs_row, total_column, costs, money_total_, "=SUMPRODUCT(" + cost_match + "*" + amounts + ")");

        // Financing by kind, in the total column.
        ++row_;
        const std::uint32_t financing_header = row_++;
        put(sheet, financing_header, 0, std::monostate{}, header_);
        label_cell(financing_header, std::string(labels_.financing), header_);
        for (std::uint32_t column = first_year_column; column < total_column; ++column)
            put(sheet, financing_header, column, std::monostate{}, header_);
        put(sheet, financing_header, total_column, std::string(labels_.amount), header_right_);
        const auto& sources = budget_.financing;
        const std::string source_amounts = sources_range(source_amount_column);
        for (std::size_t k = 0; k < kind_count; ++k) {
            const std::string& code = figures_.kinds[k];
            std::optional<std::size_t> first;
            for (std::size_t s = 0; s < sources.size() && !first; ++s)
                if (sources[s].kind == code && sources[s].beneficiary && beneficiary_key(sources[s].beneficiary) == key)
                    first = s;
            if (!first) continue;
            const std::uint32_t row = row_++;
            label_cell(row, source_kind_labels_[*first], text_);
            money_cell(row, total_column, by_kind[k], money_,
                       "=SUMPRODUCT(" + source_match + "*EXACT(" + sources_range(source_kind_column) + "," +
                           cell_ref(row, row_label_column, Anchor::column) + ")*" + source_amounts + ")");
        }
        const std::uint32_t financing_row = row_++;
        put(sheet, financing_row, 0, std::monostate{}, total_label_);
        label_cell(financing_row, std::string(labels_.total_financing), total_label_);
        for (std::uint32_t column = first_year_column; column < total_column; ++column)
            put(sheet, financing_row, column, std::monostate{}, total_label_);
        money_cell(financing_row, total_column, financing, money_total_,
                   "=SUMPRODUCT(" + source_match + "*" + source_amounts + ")");

        // The balance, with its status beside it.
        const std::uint32_t balance_row = row_++;
        label_cell(balance_row, std::string(labels_.sub_budget_difference), bold_wrapped_);
        const Money difference = costs - financing;
        money_cell(balance_row, total_column, difference, money_total_,
                   "=" + cell_ref(costs_row, total_column) + "-" + cell_ref(financing_row, total_column));
        status(sheet, balance_row, difference == 0 ? labels_.balanced : labels_.not_balanced,
               "=IF(ROUND(" + cell_ref(balance_row, total_column) + "*100,0)=0," + string_literal(labels_.balanced) +
                   "," + string_literal(labels_.not_balanced) + ")",
               total_column + 1);
        for (const auto words : {labels_.balanced, labels_.not_balanced})
            widen(sheet, total_column + 1, text_width(words) + 1);
    }

    // A share shown as a percentage, or "–" when the whole is not positive.
    static CellValue share_value(Money part, Money whole) {
        if (whole > 0) return Ratio{part, whole};
        return std::string("–");
    }

    // ------------------------------------------------------------ summary

    static constexpr std::uint32_t label_column = 0, value_column = 1, limit_column = 2, status_column = 3;

    SheetLayout summary_sheet() {
        SheetLayout sheet;
        sheet.name = labels_.summary_sheet;
        const model::Project& project = application_.project;

        const std::string title = model_text(project.title.value, located("the project title", project.title.where));
        put(sheet, 0, 0, std::string(labels_.budget_title) + " – " + title, title_);
        sheet.merges.push_back({0, 0, status_column});
        row_ = 2;

        fact(sheet, labels_.project, title);
        if (project.acronym)
            fact(sheet, labels_.acronym,
                 model_text(project.acronym->value, located("the acronym", project.acronym->where)));
        fact(sheet, labels_.owner, model_text(project.owner.name, located("the project owner", project.owner.where)));
        if (project.owner.org_number)
            fact(
                sheet, labels_.org_number,
                model_text(*project.owner.org_number, located("the owner's organisation number", project.owner.where)));
        // The pack's name with the plan's id after it, so a finance officer
        // reads what the call is and can still search for its id.
        const auto named = [&](const std::optional<model::LocalizedName>& pack_name, const std::string& id) {
            if (!pack_name) return id;
            const std::string& name =
                (options_.lang.empty() ? application_.lang : options_.lang) == "en" ? pack_name->en : pack_name->sv;
            return name.empty() ? id : name + " (" + id + ")";
        };
        fact(sheet, labels_.programme,
             model_text(named(options_.programme_title, application_.programme),
                        located("the programme", application_.where)));
        if (application_.call)
            fact(sheet, labels_.call,
                 model_text(named(options_.call_title, *application_.call), located("the call", application_.where)));
        fact(sheet, labels_.programme_area,
             model_text(named(options_.area_title, project.programme_area.value),
                        located("the programme area", project.programme_area.where)));
        const std::string region = options_.region_name && !options_.region_name->empty()
                                       ? *options_.region_name + " (" + project.region.value + ")"
                                       : project.region.value;
        fact(sheet, labels_.region, model_text(region, located("the region", project.region.where)));
        fact(sheet, labels_.period_start, date_value(project.period.start));
        fact(sheet, labels_.period_end, date_value(project.period.end));
        fact(sheet, labels_.prepared, date_value(options_.date));
        ++row_;

        put(sheet, row_, label_column, std::string(labels_.key_figure), header_);
        put(sheet, row_, value_column, std::string(labels_.value), header_right_);
        put(sheet, row_, limit_column, std::string(labels_.limit), header_right_);
        put(sheet, row_, status_column, std::string(labels_.status), header_indented_);
        ++row_;

        const Money eligible = figures_.eligible;
        const SummaryRow total =
            figure(sheet, labels_.total_cost, total_costs_, "=SUM(" + costs_range(cost_amount_column) + ")");
        const SummaryRow income = figure(sheet, labels_.income, total_income_,
                                         "=" + sheet_prefix(labels_.financing_sheet) +
                                             cell_ref(income_total_row_, source_amount_column, Anchor::both));
        const SummaryRow eligible_row =
            figure(sheet, labels_.eligible_cost, eligible, "=" + value_cell(total) + "-" + value_cell(income));

        // ESF, then each kind of co-financing present: known kinds in the
        // plan format's order, then unknown ones as met.
        struct KindRow {
            std::string label;
            bool own;  // one of our own labels
            Money sum;
        };
        std::vector<KindRow> kinds{{std::string(*source_kind_words(labels_, "esf")), true, figures_.esf}};
        for (std::size_t k = 0; k < figures_.kinds.size(); ++k) {
            const std::string& code = figures_.kinds[k];
            if (code == "esf") continue;
            if (const auto words = source_kind_words(labels_, code)) {
                kinds.push_back({std::string(*words), true, figures_.by_kind[k]});
                continue;
            }
            const auto source = std::find_if(budget_.financing.begin(), budget_.financing.end(),
                                             [&](const auto& s) { return s.kind == code; });
            kinds.push_back({source_kind_labels_[static_cast<std::size_t>(source - budget_.financing.begin())], false,
                             figures_.by_kind[k]});
        }
        std::vector<SummaryRow> kind_rows;
        for (const auto& [label, own, sum] : kinds) {
            const std::string formula =
                "=" + sum_where(sources_range(source_amount_column), sources_range(source_kind_column),
                                cell_ref(row_, label_column, Anchor::column), own);
            kind_rows.push_back(figure(sheet, label, sum, formula));
        }
        const SummaryRow esf = kind_rows.front();
        const std::uint32_t financing_row = row_ + 1;  // written right after the co-financing total
        const SummaryRow cofinancing = figure(sheet, labels_.total_cofinancing, total_financing_ - esf.ore,
                                              "=" + cell_ref(financing_row, value_column) + "-" + value_cell(esf));
        const SummaryRow financing = figure(sheet, labels_.total_financing, total_financing_,
                                            "=" + sheet_prefix(labels_.financing_sheet) +
                                                cell_ref(financing_total_row_, source_amount_column, Anchor::both));
        const SummaryRow difference = figure(sheet, labels_.difference, eligible - total_financing_,
                                             "=" + value_cell(eligible_row) + "-" + value_cell(financing));

        // The budget balances only to the öre: compare whole öre, never
        // floating-point kronor (0.1 + 0.2 is not 0.3 in a spreadsheet either).
        put(sheet, difference.row, limit_column, Amount{0}, must_be_money_);
        status(sheet, difference.row, difference.ore == 0 ? labels_.balanced : labels_.not_balanced,
               "=IF(ROUND(" + value_cell(difference) + "*100,0)=0," + string_literal(labels_.balanced) + "," +
                   string_literal(labels_.not_balanced) + ")");

        if (const auto& ceiling = options_.limits.esf_ceiling) {
            put(sheet, esf.row, limit_column, Amount{*ceiling}, at_most_money_);
            widen(sheet, limit_column, money_width(*ceiling) + static_cast<double>(code_points(labels_.at_most)));
            status(sheet, esf.row, esf.ore > *ceiling ? labels_.above_limit : labels_.within_limit,
                   "=IF(ROUND(" + value_cell(esf) + "*100,0)>ROUND(" + cell_ref(esf.row, limit_column) + "*100,0)," +
                       string_literal(labels_.above_limit) + "," + string_literal(labels_.within_limit) + ")");
        }

        const SummaryRow esf_share =
            share_figure(sheet, labels_.esf_share, esf, eligible_row, options_.limits.max_esf_share_hundredths, true);
        const SummaryRow cofinancing_share = share_figure(sheet, labels_.cofinancing_share, cofinancing, eligible_row,
                                                          options_.limits.min_cofinancing_share_hundredths, false);
        const Money staff = figures_.staff, indirect = figures_.indirect;
        const auto category_sum = [&](std::string_view code) {
            const std::string words = *category_word(code);
            return "=" + sum_where(costs_range(cost_amount_column), costs_range(cost_category_column),
                                   string_literal(words), plain_criterion(words));
        };
        const SummaryRow staff_row = figure(sheet, labels_.staff_costs, staff, category_sum(model::staff_category));
        const SummaryRow indirect_row =
            figure(sheet, labels_.indirect_costs, indirect, category_sum(model::indirect_category));
        const SummaryRow indirect_share = share_figure(sheet, labels_.indirect_share, indirect_row, staff_row,
                                                       options_.limits.max_indirect_share_of_staff_hundredths, true);
        widen(sheet, value_column, 12);
        widen(sheet, limit_column, text_width(labels_.limit) + 12);
        for (const auto words : {labels_.within_limit, labels_.above_limit, labels_.below_limit, labels_.not_balanced})
            widen(sheet, status_column, text_width(words) + 1);

        ++row_;
        if (!options_.limits.source_note.empty()) {
            note(sheet, std::string(labels_.limits_note) +
                            model_text(options_.limits.source_note, "the source note of the limits"));
        }
        note(sheet, std::string(labels_.marks_note));

        const auto name = [&](std::string_view defined, const SummaryRow& figure_row) {
            layout_.names.push_back({std::string(defined), "=" + sheet_prefix(sheet.name) +
                                                               cell_ref(figure_row.row, value_column, Anchor::both)});
        };
        name(labels_.name_total_cost, total);
        name(labels_.name_income, income);
        name(labels_.name_eligible_cost, eligible_row);
        name(labels_.name_esf, esf);
        name(labels_.name_cofinancing, cofinancing);
        name(labels_.name_financing, financing);
        name(labels_.name_difference, difference);
        name(labels_.name_esf_share, esf_share);
        name(labels_.name_cofinancing_share, cofinancing_share);
        name(labels_.name_staff_costs, staff_row);
        name(labels_.name_indirect_costs, indirect_row);
        name(labels_.name_indirect_share, indirect_share);
        return sheet;
    }

    static std::string value_cell(const SummaryRow& figure_row) { return cell_ref(figure_row.row, value_column); }

    // A fact of the project: a label, and a text across the other columns or a date.
    void fact(SheetLayout& sheet, std::string_view label, CellValue value) {
        put(sheet, row_, label_column, std::string(label), fact_label_);
        widen(sheet, label_column, text_width(label));
        if (const auto* text = std::get_if<std::string>(&value)) {
            put(sheet, row_, value_column, *text, fact_);
            sheet.merges.push_back({row_, value_column, status_column});
        } else {
            put(sheet, row_, value_column, std::move(value), date_);
        }
        ++row_;
    }

    void note(SheetLayout& sheet, std::string text, std::uint32_t last_column = status_column) {
        put(sheet, row_, label_column, std::move(text), note_);
        sheet.merges.push_back({row_, label_column, last_column});
        ++row_;
    }

    // An amount among the key figures, with its formula.
    SummaryRow figure(SheetLayout& sheet, std::string_view label, Money ore, const std::string& formula) {
        const SummaryRow figure_row{row_, checked_amount(ore, "the figure '" + std::string(label) + "'")};
        put(sheet, row_, label_column, std::string(label));
        widen(sheet, label_column, std::min(text_width(label), wide_text_width));
        put(sheet, row_, value_column, Amount{ore}, money_, formula);
        widen(sheet, value_column, money_width(ore));
        ++row_;
        return figure_row;
    }

    // A share with its limit and status. `at_most`: the limit is a maximum
    // (broken when part / whole > limit), else a minimum. The status compares
    // whole öre times the limit in hundredths, so a budget exactly at its
    // limit is never marked broken by floating-point rounding.
    SummaryRow share_figure(SheetLayout& sheet, std::string_view label, const SummaryRow& part, const SummaryRow& whole,
                            const std::optional<std::int64_t>& limit_hundredths, bool at_most) {
        const std::uint32_t row = row_++;
        put(sheet, row, label_column, std::string(label));
        widen(sheet, label_column, std::min(text_width(label), wide_text_width));
        put(sheet, row, value_column, share_value(part.ore, whole.ore), percent_,
            "=IF(ROUND(" + value_cell(whole) + "*100,0)>0," + value_cell(part) + "/" + value_cell(whole) + ",\"–\")");
        if (limit_hundredths) {
            put(sheet, row, limit_column, Ratio{*limit_hundredths, 10000},
                at_most ? at_most_percent_ : at_least_percent_);
            const bool broken = at_most ? !model::at_most_share(part.ore, whole.ore, *limit_hundredths)
                                        : !model::at_least_share(part.ore, whole.ore, *limit_hundredths);
            const std::string_view broken_words = at_most ? labels_.above_limit : labels_.below_limit;
            status(sheet, row, broken ? broken_words : labels_.within_limit,
                   "=IF(ROUND(" + value_cell(part) + "*100,0)*10000" + (at_most ? ">" : "<") + "ROUND(" +
                       cell_ref(row, limit_column) + "*10000,0)*ROUND(" + value_cell(whole) + "*100,0)," +
                       string_literal(broken_words) + "," + string_literal(labels_.within_limit) + ")");
        }
        return SummaryRow{row, 0};
    }

    void status(SheetLayout& sheet, std::uint32_t row, std::string_view words, const std::string& formula,
                std::uint32_t column = status_column) {
        put(sheet, row, column, std::string(words), status_, formula);
        sheet.highlights.push_back({row, column, std::string(labels_.broken_marker)});
    }

    // Wrapped text needs taller rows, and not every viewer sizes rows by
    // itself (LibreOffice keeps the stored height; no viewer sizes merged
    // cells): give each row with wrapped text the height its longest text
    // needs in its column, or in the merged columns.
    void fit_rows(SheetLayout& sheet) const {
        const auto width_of = [&](std::uint32_t column) {
            return column < sheet.column_widths.size() && sheet.column_widths[column] > 0 ? sheet.column_widths[column]
                                                                                          : 8.43;
        };
        std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> merged_to;  // anchor -> last column
        for (const Merge& merge : sheet.merges) merged_to[{merge.row, merge.first_column}] = merge.last_column;
        std::map<std::uint32_t, double> heights;
        for (const Cell& cell : sheet.cells) {
            const CellLook& look = layout_.looks[cell.look];
            const auto* text = std::get_if<std::string>(&cell.value);
            const int points = look.font_points > 0 ? look.font_points : 11;
            if (text == nullptr || (!look.wrap && points == 11)) continue;
            double width = width_of(cell.column);
            if (const auto merged = merged_to.find({cell.row, cell.column}); merged != merged_to.end())
                for (std::uint32_t column = cell.column + 1; column <= merged->second; ++column)
                    width += width_of(column);
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

    // ------------------------------------------------------------ print, properties

    void set_print(SheetLayout& sheet) const {
        const std::string title = shorten_utf8(application_.project.title.value, 100);
        std::string escaped;
        for (const char c : title) {
            escaped += c;
            if (c == '&') escaped += '&';  // "&&" prints one ampersand
        }
        sheet.print.header = "&L" + escaped + "&R&A";
        sheet.print.footer =
            "&L" + std::string(labels_.prepared) + " " + options_.date.iso() + "&R" + std::string(labels_.page_footer);
    }

    void set_properties() {
        const model::Project& project = application_.project;
        const auto property = [](const std::string& text) { return shorten_utf8(text, 255); };
        DocumentProperties& properties = layout_.properties;
        properties.title = property(std::string(labels_.budget_title) + " – " + project.title.value);
        properties.subject = property(std::string(labels_.subject));
        properties.author = property(
            model_text(project.contact.name.empty() ? project.owner.name : project.contact.name, "the contact's name"));
        properties.company = property(project.owner.name);
        if (options_.source) {
            properties.custom.emplace_back("esfdraft.application", property(options_.source->application));
            properties.custom.emplace_back("esfdraft.version", std::to_string(options_.source->version));
        }
        std::string keywords = "ESF, budget";
        if (project.acronym) keywords += ", " + project.acronym->value;
        properties.keywords = property(keywords);
        properties.comments =
            property(options_.limits.source_note.empty()
                         ? std::string("esfdraft")
                         : "esfdraft. " + std::string(labels_.limits_note) + options_.limits.source_note);
        properties.created = options_.date;
    }

    // ------------------------------------------------------------ state

    const model::Application& application_;
    const model::Budget& budget_;
    const WorkbookOptions& options_;
    const WorkbookLabels& labels_;
    const std::string lang_;                     // "sv" or "en"
    const CostActivityNames cost_activities_;    // the costs sheet's activity column
    model::Labels activity_names_, goal_names_;  // what the other sheets call them (choose_names)
    WorkbookLayout layout_;

    std::string money_format_;
    bool show_ore_ = false;
    LookId text_ = 0, header_center_ = 0, header_indented_ = 0, year_ = 0, indented_ = 0, bold_wrapped_ = 0,
           indented_wrapped_ = 0;
    LookId bold_ = 0, title_ = 0, header_ = 0, header_right_ = 0, header_year_ = 0, wrapped_ = 0, fact_ = 0,
           fact_label_ = 0, money_ = 0, money_total_ = 0, percent_ = 0, percent_total_ = 0, total_label_ = 0, date_ = 0,
           note_ = 0, at_most_percent_ = 0, at_least_percent_ = 0, at_most_money_ = 0, must_be_money_ = 0, status_ = 0;

    std::uint32_t cost_last_row_ = 1;
    std::uint32_t cost_range_last_ = 1 + spare_cost_rows;  // the totals' ranges end here
    bool sub_budgets_ = false;
    std::map<std::string, std::string> category_word_of_;  // code -> the pack's words
    std::vector<std::string> allowed_categories_;          // the drop-down
    std::vector<Money> amounts_;                           // per cost line, flat rates applied
    std::vector<std::int64_t> flat_rate_of_;               // per cost line: its rate, -1 = not a formula
    std::vector<std::uint32_t> flat_rows_;                 // costs-sheet rows of flat-rate formulas
    std::optional<std::int64_t> indirect_rate_, remaining_rate_;
    std::uint32_t source_last_row_ = 1;
    std::uint32_t financing_total_row_ = 2;
    std::uint32_t income_total_row_ = 5;
    model::BudgetFigures figures_;
    Money total_costs_ = 0;
    Money total_financing_ = 0;
    Money total_income_ = 0;
    std::vector<std::string> cost_category_labels_;
    std::vector<std::string> source_kind_labels_;
    std::vector<int> years_;
    std::vector<std::pair<std::string, Money>> category_totals_;
    std::uint32_t row_ = 0;  // the next row of the summary
};

}  // namespace

WorkbookLayout layout_budget_workbook(const model::Application& application, const WorkbookOptions& options) {
    const std::string lang = options.lang.empty() ? application.lang : options.lang;
    const WorkbookLabels* labels = labels_for(lang);
    if (labels == nullptr) fail("unsupported language '" + lang + "' (the workbook speaks sv and en)");
    if (!options.date.valid()) fail("the document date " + options.date.iso() + " is not a valid date");
    return BudgetLayoutBuilder(application, options, *labels, lang).build();
}

}  // namespace esfdraft::xlsx
