#include "xlsx/budget_kit.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

#include "model/vocabulary.hpp"
#include "xlsx/cell_reference.hpp"

namespace esfdraft::xlsx::sheets {

namespace {

std::int64_t checked_rate(const std::optional<std::int64_t>& given, std::int64_t fallback, const char* what) {
    const std::int64_t rate = given.value_or(fallback);
    if (rate < 0 || rate > 10000)
        fail(std::string("the ") + what + " is " + std::to_string(rate) +
             " hundredths of a per cent; it must lie within 0–10000 (0–100 %)");
    return rate;
}

// rate (hundredths of a per cent) × base öre, rounded to the öre half
// away from zero, as ROUND does in the sheet.
Money flat_amount(Money base, std::int64_t rate) {
    const Money result = model::share_rounded(base, rate);
    if (result > max_exact_ore || result < -max_exact_ore)
        fail("a flat-rate line would be " + model::format_sek(result / 10000) +
             " kr or more; a spreadsheet keeps at most 15 significant digits exactly");
    return result;
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

LookId look_in(WorkbookLayout& layout, unsigned flags, std::string number_format, int font_points) {
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
    return layout.look(wanted);
}

}  // namespace

void fail(const std::string& message) { throw std::runtime_error("budget workbook: " + message); }

std::string located(std::string_view what, const model::SourceLocation& where) {
    std::string out(what);
    if (!where.file.empty() && where.line > 0)
        out += " (" + where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ")";
    else if (!where.path.empty())
        out += " (" + where.path + ")";
    return out;
}

double text_width(std::string_view text) { return static_cast<double>(code_points(text)) + 2; }

CellValue date_value(const model::Date& date) {
    if (date.valid() && date.year >= 1900) return date;
    return date.iso();
}

CellValue share_value(Money part, Money whole) {
    if (whole > 0) return Ratio{part, whole};
    return std::string("–");
}

std::string beneficiary_key(const WorkbookLabels& labels, const std::optional<std::string>& beneficiary) {
    if (!beneficiary) return {};
    if (*beneficiary == "owner") return std::string(labels.owner_key);
    return *beneficiary;
}

// ------------------------------------------------------------------ the kit

BudgetKit::BudgetKit(const model::Application& plan, const WorkbookOptions& given, const WorkbookLabels& words,
                     std::string language, WorkbookLayout& looks_into)
    : application(plan),
      budget(plan.budget),
      options(given),
      labels(words),
      lang(std::move(language)),
      cost_activities(cost_activity_names(plan)) {
    choose_names();
    check_limits();
    choose_categories();
    sub_budgets = application.has_beneficiary_partners();
    compute_flat_rates();
    define_looks(looks_into);
    place_tables();
}

void BudgetKit::check_limits() const {
    const auto check_share = [](const std::optional<std::int64_t>& hundredths, const char* what) {
        if (hundredths && (*hundredths < 0 || *hundredths > 10000))
            fail(std::string("the limit '") + what + "' is " + std::to_string(*hundredths) +
                 " hundredths of a per cent; it must lie within 0–10000 (0–100 %)");
    };
    check_share(options.limits.max_esf_share_hundredths, "max ESF share");
    check_share(options.limits.min_cofinancing_share_hundredths, "min co-financing share");
    check_share(options.limits.max_indirect_share_of_staff_hundredths, "max indirect share of staff costs");
    if (options.limits.esf_ceiling) {
        if (*options.limits.esf_ceiling < 0) fail("the ESF ceiling is negative");
        checked_amount(*options.limits.esf_ceiling, "the ESF ceiling");
    }
}

// The names the sheets show for activities and goals: their labels
// ("A1", "M1" / "G1", as the draft numbers them), or their ids when a
// label would also name something the plan refers to but does not
// define (an activity "A3" that only a cost line names; a goal "M2" that
// only an activity names), so that no two rows would show one name and
// the goal table's test (below) finds each goal's own activities only.
void BudgetKit::choose_names() {
    activity_names = model::activity_labels(application);
    goal_names = model::goal_labels(application, lang);
    const auto names_an_undefined = [](const model::Labels& names, const std::string& id) {
        if (names.contains(id)) return false;
        for (const auto& [defined, name] : names)
            if (name == id) return true;
        return false;
    };
    std::set<std::string> undefined_activities, undefined_goals;
    for (const model::CostLine& cost : budget.costs)
        if (cost.activity_id) undefined_activities.insert(*cost.activity_id);
    for (const model::Activity& activity : application.activities)
        undefined_goals.insert(activity.goal_ids.begin(), activity.goal_ids.end());
    for (const std::string& id : undefined_activities)
        if (names_an_undefined(activity_names, id)) activity_names.clear();
    for (const std::string& id : undefined_goals)
        if (names_an_undefined(goal_names, id)) goal_names.clear();
}

// The drop-down's categories and the words every sheet uses for them:
// the pack's (options.categories) in the workbook's language, else the
// workbook's own.
void BudgetKit::choose_categories() {
    const bool english = &labels == labels_for("en");
    for (const CategoryChoice& choice : options.categories) {
        const auto own = category_words(labels, choice.code);
        if (!own) fail("the allowed category '" + choice.code + "' is not a cost category of the plan format");
        const std::string& given = english ? choice.en : choice.sv;
        std::string words = given.empty() ? std::string(*own) : given;
        model_text(words, "the words of the allowed category '" + choice.code + "'");
        category_word_of[choice.code] = words;
        allowed_categories.push_back(std::move(words));
    }
    if (allowed_categories.empty())
        for (const model::CodeWords& category : model::cost_categories())
            allowed_categories.emplace_back(*category_words(labels, category.key));
}

std::optional<std::string> BudgetKit::category_word(std::string_view code) const {
    if (const auto found = category_word_of.find(std::string(code)); found != category_word_of.end())
        return found->second;
    if (const auto words = category_words(labels, code)) return std::string(*words);
    return std::nullopt;
}

// Which cost lines are flat-rate formulas and what they come to; every
// other line keeps its amount. amounts[i] is what the workbook shows.
void BudgetKit::compute_flat_rates() {
    const auto& costs = budget.costs;
    amounts.reserve(costs.size());
    for (const auto& cost : costs) amounts.push_back(cost.amount);
    flat_rate_of.assign(costs.size(), -1);
    const auto& models = budget.cost_models;
    const bool indirect = std::find(models.begin(), models.end(), "indirect-flat-rate") != models.end();
    const bool remaining = std::find(models.begin(), models.end(), "remaining-flat-rate") != models.end();
    if (!indirect && !remaining) return;
    if (indirect)
        indirect_rate = checked_rate(options.indirect_flat_rate_hundredths, default_indirect_flat_rate_hundredths,
                                     "indirect flat rate");
    if (remaining)
        remaining_rate = checked_rate(options.remaining_flat_rate_hundredths, default_remaining_flat_rate_hundredths,
                                      "remaining flat rate");
    // (category, year, sub-budget) -> the flat lines in it; (year, sub-budget) -> staff öre.
    using Group = std::tuple<std::string, int, std::string>;
    std::map<Group, std::vector<std::size_t>> flat_lines;
    std::map<std::pair<int, std::string>, Money> staff;
    for (std::size_t i = 0; i < costs.size(); ++i) {
        const model::CostLine& cost = costs[i];
        const std::string owner = sub_budgets ? beneficiary_key(labels, cost.beneficiary) : std::string();
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
        const std::int64_t rate = category == model::indirect_category ? *indirect_rate : *remaining_rate;
        const auto base = staff.find({year, owner});
        amounts[lines.front()] = flat_amount(base == staff.end() ? 0 : base->second, rate);
        flat_rate_of[lines.front()] = rate;
        flat_rows.push_back(static_cast<std::uint32_t>(lines.front() + 1));
    }
    std::sort(flat_rows.begin(), flat_rows.end());
}

void BudgetKit::define_looks(WorkbookLayout& layout) {
    const auto look = [&layout](unsigned flags, std::string number_format = {}, int font_points = 0) {
        return look_in(layout, flags, std::move(number_format), font_points);
    };
    // Amounts show öre only when some amount has them, so a whole-krona
    // budget reads "1 250 000 kr" and one with öre never hides them.
    bool any_ore = false;
    for (const Money amount : amounts) any_ore = any_ore || amount % 100 != 0;
    for (const auto& source : budget.financing) any_ore = any_ore || source.amount % 100 != 0;
    for (const auto& income : budget.income) any_ore = any_ore || income.amount % 100 != 0;
    if (options.limits.esf_ceiling) any_ore = any_ore || *options.limits.esf_ceiling % 100 != 0;
    money_format = std::string(any_ore ? labels.money_with_ore_format : labels.money_format);
    show_ore = any_ore;
    const std::string percent(labels.percent_format);

    const std::string money = money_format;
    const std::string date(labels.date_format);
    // Every look aligns at the top, so a row that a long label makes
    // taller still reads across.
    looks.text = look(to_top);
    looks.bold = look(is_bold | to_top);
    looks.title = look(is_bold | wraps | to_top, {}, 14);
    looks.header = look(is_bold | wraps | is_header | to_top);
    looks.header_right = look(is_bold | wraps | is_header | to_right | to_top);
    looks.header_center = look(is_bold | wraps | is_header | to_center | to_top);
    looks.header_indented = look(is_bold | wraps | is_header | to_top | indented);
    looks.header_year = look(is_bold | is_header | to_right | to_top, "0");
    looks.wrapped = look(wraps | to_top);
    looks.year = look(to_center | to_top);
    looks.indented = look(to_top | indented);
    looks.bold_wrapped = look(is_bold | wraps | to_top);
    looks.indented_wrapped = look(wraps | to_top | indented);
    looks.fact = look(wraps | to_top);
    looks.fact_label = look(is_bold | to_top);
    looks.money = look(to_top, money);
    looks.money_total = look(is_bold | is_total | to_top, money);
    looks.percent = look(to_right | to_top, percent);
    looks.percent_total = look(is_bold | is_total | to_right | to_top, percent);
    looks.total_label = look(is_bold | is_total | to_top);
    looks.date = look(to_left | to_top, date);
    looks.note = look(is_italic | wraps | to_top);
    looks.at_most_percent = look(to_right | to_top, std::string(labels.at_most) + percent);
    looks.at_least_percent = look(to_right | to_top, std::string(labels.at_least) + percent);
    looks.at_most_money = look(to_top, std::string(labels.at_most) + money);
    looks.must_be_money = look(to_top, std::string(labels.must_be) + money);
    looks.status = look(is_bold | to_top | indented);
    // Made last, and only when used, as the sheets once asked for them.
    if (indirect_rate || remaining_rate) looks.flat_rate_label = look(is_bold | to_right | to_top);
    if (sub_budgets) looks.sub_budget_heading = look(is_bold | to_top, {}, 12);
}

// The tables' extents follow from the plan alone, so every sheet's formulas
// can refer to them before the tables are written; each amount is checked
// here, with its line named, before anything sums it.
void BudgetKit::place_tables() {
    const auto& costs = budget.costs;
    if (costs.size() >= max_rows)
        fail("the budget has " + model::group_digits(costs.size(), " ") +
             " cost lines; a worksheet holds at most 1 048 575 below its header row");
    // A table needs a data row; without costs it keeps one empty row to type into.
    cost_last_row = static_cast<std::uint32_t>(std::max<std::size_t>(costs.size(), 1));
    cost_range_last = std::min<std::uint32_t>(cost_last_row + spare_cost_rows, max_rows - 1);
    for (std::size_t i = 0; i < costs.size(); ++i)
        checked_amount(amounts[i], [&costs, i] {
            return "the amount of " + located("cost line " + std::to_string(i + 1), costs[i].where);
        });
    try {
        model::FigureOptions figure_options;
        figure_options.amounts = &amounts;
        figures = model::budget_figures(application, figure_options);
    } catch (const std::overflow_error&) {
        fail("the cost lines, financing sources or income lines add up to more than a 64-bit count of öre holds");
    }
    checked_amount(figures.total_costs, "the total of the cost lines");

    const auto& sources = budget.financing;
    const auto& income = budget.income;
    if (sources.size() + income.size() + 8 >= max_rows)
        fail("the budget has more sources and income lines than a worksheet holds");
    source_last_row = static_cast<std::uint32_t>(std::max<std::size_t>(sources.size(), 1));
    financing_total_row = source_last_row + 1;
    for (std::size_t i = 0; i < sources.size(); ++i)
        checked_amount(sources[i].amount,
                       "the amount of " + located("financing source " + std::to_string(i + 1), sources[i].where));
    checked_amount(figures.financing, "the total of the financing sources");
    // Income below the sources, after a free row; one row to type into when there is none.
    income_header_row = financing_total_row + 2;
    income_total_row = static_cast<std::uint32_t>(income_header_row + std::max<std::size_t>(income.size(), 1) + 1);
    for (std::size_t i = 0; i < income.size(); ++i)
        checked_amount(income[i].amount,
                       "the amount of " + located("income line " + std::to_string(i + 1), income[i].where));
    checked_amount(figures.income, "the total of the income lines");
}

// ------------------------------------------------------------------ writing a sheet

SheetWriter::SheetWriter(const BudgetKit& kit)
    : kit_(kit),
      application_(kit.application),
      budget_(kit.budget),
      options_(kit.options),
      labels_(kit.labels),
      figures_(kit.figures),
      looks_(kit.looks),
      years_(kit.figures.years),
      sub_budgets_(kit.sub_budgets) {}

void SheetWriter::put(SheetLayout& sheet, std::uint32_t row, std::uint32_t column, CellValue value,
                      std::optional<LookId> look, std::string formula) const {
    sheet.cells.push_back(Cell{row, column, std::move(value), std::move(formula), look.value_or(looks_.text)});
}

void SheetWriter::widen(SheetLayout& sheet, std::uint32_t column, double width) {
    if (sheet.column_widths.size() <= column) sheet.column_widths.resize(column + 1, 0.0);
    sheet.column_widths[column] = std::max(sheet.column_widths[column], width);
}

double SheetWriter::money_width(Money ore) const {
    double width = static_cast<double>(code_points(labels_.money_words(ore))) + 3;
    if (kit_.show_ore && ore % 100 == 0) width += 3;  // ",00" is shown too
    return std::max(width, min_money_width);
}

std::string SheetWriter::costs_range(std::uint32_t column) const {
    return sheet_prefix(labels_.costs_sheet) + range_ref(1, column, kit_.cost_range_last, column, Anchor::both);
}

std::string SheetWriter::sources_range(std::uint32_t column) const {
    return sheet_prefix(labels_.financing_sheet) + range_ref(1, column, kit_.source_last_row, column, Anchor::both);
}

std::string SheetWriter::category_label(const model::CostLine& cost) const {
    if (const auto words = category_word(cost.category)) return *words;
    return cost.category.empty() ? "(" + std::string(labels_.unknown_category) + ")"
                                 : cost.category + " (" + std::string(labels_.unknown_category) + ")";
}

std::string SheetWriter::kind_label(const model::FinancingSource& source) const {
    if (const auto words = source_kind_words(labels_, source.kind)) return std::string(*words);
    return source.kind.empty() ? "(" + std::string(labels_.unknown_kind) + ")"
                               : source.kind + " (" + std::string(labels_.unknown_kind) + ")";
}

std::optional<std::vector<std::string>> SheetWriter::beneficiary_choices() const {
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

void SheetWriter::status(SheetLayout& sheet, std::uint32_t row, std::string_view words, const std::string& formula,
                         std::uint32_t column) const {
    put(sheet, row, column, std::string(words), looks_.status, formula);
    sheet.highlights.push_back({row, column, std::string(labels_.broken_marker)});
}

void SheetWriter::note(SheetLayout& sheet, std::uint32_t& row, std::string text, std::uint32_t last_column) const {
    put(sheet, row, 0, std::move(text), looks_.note);
    sheet.merges.push_back({row, 0, last_column});
    ++row;
}

bool SheetWriter::plain_criterion(std::string_view key) {
    if (key.empty() || key.find_first_of("*?~") != std::string_view::npos) return false;
    return key.front() != '=' && key.front() != '<' && key.front() != '>';
}

std::string SheetWriter::sum_where(const std::string& amounts, const std::string& keys, const std::string& key,
                                   bool key_is_own_label, const std::string& years, const std::string& year) {
    if (key_is_own_label) {
        std::string formula = "SUMIFS(" + amounts + "," + keys + "," + key;
        if (!years.empty()) formula += "," + years + "," + year;
        return formula + ")";
    }
    std::string formula = "SUMPRODUCT(EXACT(" + keys + "," + key + ")";
    if (!years.empty()) formula += "*(" + years + "=" + year + ")";
    return formula + "*" + amounts + ")";
}

const std::string& SheetWriter::name_of(const model::Labels& names, const std::string& id) {
    const auto found = names.find(id);
    return found == names.end() ? id : found->second;
}

}  // namespace esfdraft::xlsx::sheets
