#include "model/budget_figures.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "model/vocabulary.hpp"

namespace esfdraft::model {

namespace {

__extension__ typedef __int128 Wide;  // products of two int64 values cannot overflow it

template <typename Codes>
std::vector<std::string> ordered_codes(const Codes& known, const std::vector<std::string>& used) {
    std::vector<std::string> out;
    for (const CodeWords& code : known)
        if (std::find(used.begin(), used.end(), code.key) != used.end()) out.emplace_back(code.key);
    for (const std::string& code : used)
        if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
    return out;
}

std::size_t index_of(const std::vector<std::string>& items, std::string_view item) {
    return static_cast<std::size_t>(std::find(items.begin(), items.end(), item) - items.begin());
}

void add_to(Money& sum, Money amount) { sum = checked_add(sum, amount); }

}  // namespace

Money BudgetFigures::category(std::string_view code) const {
    const std::size_t at = index_of(categories, code);
    return at < by_category.size() ? by_category[at] : 0;
}

Money BudgetFigures::kind(std::string_view code) const {
    const std::size_t at = index_of(kinds, code);
    return at < by_kind.size() ? by_kind[at] : 0;
}

Money BudgetFigures::kind_in_year(std::string_view code, std::size_t year) const {
    const std::size_t at = index_of(kinds, code);
    return at < kinds.size() ? financing_by_kind_year[at * years.size() + year] : 0;
}

const SubBudgetFigures* BudgetFigures::sub_budget(std::string_view key) const {
    for (const SubBudgetFigures& sub : sub_budgets)
        if (sub.key == key) return &sub;
    return nullptr;
}

namespace {

// The rows and columns: the years (the period's, with options.period_years,
// and every cost line's), the categories used (the plan format's in its
// order, then unknown ones as met), the activities (the plan's, then ids only
// the costs name, then "" for costs without one).
void choose_rows(BudgetFigures& f, const Application& application, const FigureOptions& options) {
    const Budget& budget = application.budget;
    std::set<int> year_set;
    const Period& period = application.project.period;
    if (options.period_years && period.start.valid() && period.end.valid())
        for (int y = period.start.year; y <= period.end.year && year_set.size() < 20; ++y) year_set.insert(y);
    std::vector<std::string> used;
    for (const CostLine& cost : budget.costs) {
        year_set.insert(cost.year);
        if (std::find(used.begin(), used.end(), cost.category) == used.end()) used.push_back(cost.category);
    }
    f.years.assign(year_set.begin(), year_set.end());
    f.categories = ordered_codes(cost_categories(), used);

    std::set<std::string_view> activity_ids;  // views of the application's own strings
    for (const Activity& activity : application.activities)
        if (activity_ids.insert(activity.id).second) f.activities.push_back(activity.id);
    for (const CostLine& cost : budget.costs)
        if (cost.activity_id && !cost.activity_id->empty() && activity_ids.insert(*cost.activity_id).second)
            f.activities.push_back(*cost.activity_id);
    f.activities.emplace_back();
}

// The sub-budget keyed `key`, or f.sub_budgets.size().
std::size_t sub_at(const BudgetFigures& f, std::string_view key) {
    for (std::size_t s = 0; s < f.sub_budgets.size(); ++s)
        if (f.sub_budgets[s].key == key) return s;
    return f.sub_budgets.size();
}

// The sub-budget a line with `beneficiary` belongs to ("" is the last).
SubBudgetFigures& sub_of(BudgetFigures& f, const std::optional<std::string>& beneficiary) {
    return f.sub_budgets[beneficiary ? sub_at(f, *beneficiary) : f.sub_budgets.size() - 1];
}

// Sub-budgets: the owner, the beneficiary partners, other names the lines
// give, then "" when some line names none; each with its sums at zero.
void choose_sub_budgets(BudgetFigures& f, const Application& application) {
    const auto new_sub = [](std::string key) {
        SubBudgetFigures sub;
        sub.key = std::move(key);
        return sub;
    };
    f.sub_budgets.push_back(new_sub("owner"));
    for (const Partner& partner : application.partners)
        if (partner.beneficiary() && partner.id && sub_at(f, *partner.id) == f.sub_budgets.size())
            f.sub_budgets.push_back(new_sub(*partner.id));
    bool unassigned = false;
    const auto note = [&](const std::optional<std::string>& beneficiary) {
        if (!beneficiary)
            unassigned = true;
        else if (sub_at(f, *beneficiary) == f.sub_budgets.size())
            f.sub_budgets.push_back(new_sub(*beneficiary));
    };
    for (const CostLine& cost : application.budget.costs) note(cost.beneficiary);
    for (const FinancingSource& source : application.budget.financing) note(source.beneficiary);
    if (unassigned) f.sub_budgets.push_back(new_sub(""));
    for (SubBudgetFigures& sub : f.sub_budgets) {
        sub.by_category.assign(f.categories.size(), 0);
        sub.by_category_year.assign(f.categories.size() * f.years.size(), 0);
        sub.lines_by_category.assign(f.categories.size(), 0);
        sub.by_year.assign(f.years.size(), 0);
    }
}

// Every cost line into its category, year, activity and sub-budget.
void sum_costs(BudgetFigures& f, const Budget& budget, const FigureOptions& options) {
    const auto amount_of = [&](std::size_t i) {
        return options.amounts ? (*options.amounts)[i] : budget.costs[i].amount;
    };
    std::unordered_map<std::string_view, std::size_t> activity_at;  // the first of equal keys
    for (std::size_t a = 0; a < f.activities.size(); ++a) activity_at.emplace(f.activities[a], a);
    const std::size_t year_count = f.years.size();
    f.by_category_year.assign(f.categories.size() * year_count, 0);
    f.by_category.assign(f.categories.size(), 0);
    f.by_year.assign(year_count, 0);
    f.lines_by_year.assign(year_count, 0);
    f.by_activity_year.assign(f.activities.size() * year_count, 0);
    f.by_activity.assign(f.activities.size(), 0);
    for (std::size_t i = 0; i < budget.costs.size(); ++i) {
        const CostLine& cost = budget.costs[i];
        const Money amount = amount_of(i);
        const std::size_t c = index_of(f.categories, cost.category);
        const auto y =
            static_cast<std::size_t>(std::lower_bound(f.years.begin(), f.years.end(), cost.year) - f.years.begin());
        const auto found =
            activity_at.find(cost.activity_id ? std::string_view(*cost.activity_id) : std::string_view());
        const std::size_t a = found == activity_at.end() ? f.activities.size() - 1 : found->second;
        add_to(f.by_category_year[c * year_count + y], amount);
        add_to(f.by_category[c], amount);
        add_to(f.by_year[y], amount);
        ++f.lines_by_year[y];
        add_to(f.by_activity_year[a * year_count + y], amount);
        add_to(f.by_activity[a], amount);
        add_to(f.total_costs, amount);
        if (cost.has_tag("transnational")) add_to(f.transnational, amount);
        SubBudgetFigures& sub = sub_of(f, cost.beneficiary);
        sub.has_lines = true;
        add_to(sub.costs, amount);
        add_to(sub.by_category[c], amount);
        add_to(sub.by_category_year[c * year_count + y], amount);
        add_to(sub.by_year[y], amount);
        ++sub.lines_by_category[c];
    }
}

// The financing by kind and sub-budget, the income, and each source spread
// over the years by the years' costs.
void sum_financing(BudgetFigures& f, const Budget& budget) {
    const std::size_t year_count = f.years.size();
    std::vector<std::string> kinds_used;
    for (const FinancingSource& source : budget.financing)
        if (std::find(kinds_used.begin(), kinds_used.end(), source.kind) == kinds_used.end())
            kinds_used.push_back(source.kind);
    f.kinds = ordered_codes(financing_kinds(), kinds_used);
    f.by_kind.assign(f.kinds.size(), 0);
    for (SubBudgetFigures& sub : f.sub_budgets) sub.by_kind.assign(f.kinds.size(), 0);
    for (const FinancingSource& source : budget.financing) {
        const std::size_t k = index_of(f.kinds, source.kind);
        add_to(f.by_kind[k], source.amount);
        add_to(f.financing, source.amount);
        SubBudgetFigures& sub = sub_of(f, source.beneficiary);
        sub.has_lines = true;
        add_to(sub.financing, source.amount);
        add_to(sub.by_kind[k], source.amount);
        if (source.kind == "esf") add_to(sub.esf, source.amount);
    }
    for (const Income& line : budget.income) add_to(f.income, line.amount);

    f.financing_by_kind_year.assign(f.kinds.size() * year_count, 0);
    f.financing_by_year.assign(year_count, 0);
    f.financing_by_source_year.reserve(budget.financing.size() * year_count);
    for (const FinancingSource& source : budget.financing) {
        const std::vector<Money> parts = spread_by_year(source.amount, f.by_year);
        const std::size_t k = index_of(f.kinds, source.kind);
        for (std::size_t y = 0; y < year_count; ++y) {
            f.financing_by_source_year.push_back(parts[y]);
            add_to(f.financing_by_kind_year[k * year_count + y], parts[y]);
            add_to(f.financing_by_year[y], parts[y]);
        }
    }
}

}  // namespace

// Each goal's costs: the sums of the activities serving it (the plan's
// activities, whose keys come first in f.activities, the first of equal ids).
void sum_goals(BudgetFigures& f, const Application& application) {
    std::set<std::string_view> seen;
    for (const Goal& goal : application.goals)
        if (seen.insert(goal.id).second) f.goals.push_back(goal.id);
    std::vector<const Activity*> activities;  // by key index, the plan's only
    std::set<std::string_view> seen_activities;
    for (const Activity& activity : application.activities)
        if (seen_activities.insert(activity.id).second) activities.push_back(&activity);
    for (const Activity* activity : activities)
        for (const std::string& goal : activity->goal_ids)
            if (seen.insert(goal).second) f.goals.push_back(goal);
    std::unordered_map<std::string_view, std::size_t> goal_at;
    for (std::size_t g = 0; g < f.goals.size(); ++g) goal_at.emplace(f.goals[g], g);
    const std::size_t year_count = f.years.size();
    f.by_goal_year.assign(f.goals.size() * year_count, 0);
    f.by_goal.assign(f.goals.size(), 0);
    for (std::size_t a = 0; a < activities.size(); ++a) {
        std::set<std::size_t> served;  // a goal named twice by one activity counts it once
        for (const std::string& goal : activities[a]->goal_ids) {
            const std::size_t g = goal_at.at(goal);
            if (!served.insert(g).second) continue;
            for (std::size_t y = 0; y < year_count; ++y)
                add_to(f.by_goal_year[g * year_count + y], f.by_activity_year[a * year_count + y]);
            add_to(f.by_goal[g], f.by_activity[a]);
        }
    }
}

BudgetFigures budget_figures(const Application& application, const FigureOptions& options) {
    BudgetFigures f;
    choose_rows(f, application, options);
    choose_sub_budgets(f, application);
    sum_costs(f, application.budget, options);
    sum_goals(f, application);
    sum_financing(f, application.budget);
    f.eligible = f.total_costs - f.income;
    f.esf = f.kind("esf");
    f.cofinancing = f.financing - f.esf;
    f.staff = f.category(staff_category);
    f.indirect = f.category(indirect_category);
    return f;
}

std::vector<Money> spread_by_year(Money amount, const std::vector<Money>& weights) {
    std::vector<Money> parts(weights.size(), 0);
    if (weights.empty()) return parts;
    Wide whole = 0;
    for (const Money weight : weights) whole += weight;
    Wide given = 0;
    if (whole != 0) {
        // amount × weight / whole in öre, rounded to whole kronor: the
        // quotient in kronor is (amount × weight) / (whole × 100).
        const Wide divisor = whole < 0 ? -whole * 100 : whole * 100;
        for (std::size_t y = 0; y + 1 < weights.size(); ++y) {
            Wide product = static_cast<Wide>(amount) * weights[y];
            if (whole < 0) product = -product;
            const Wide magnitude = product < 0 ? -product : product;
            const Wide kronor = (magnitude * 2 + divisor) / (divisor * 2);
            const Wide ore = (product < 0 ? -kronor : kronor) * 100;
            if (ore > INT64_MAX || ore < INT64_MIN) throw std::overflow_error("a year's share of a financing source");
            parts[y] = static_cast<Money>(ore);
            given += ore;
        }
    }
    const Wide rest = static_cast<Wide>(amount) - given;
    if (rest > INT64_MAX || rest < INT64_MIN) throw std::overflow_error("a year's share of a financing source");
    parts.back() = static_cast<Money>(rest);
    return parts;
}

// ---------------------------------------------------------------- exact shares

std::int64_t share_of(Money part, Money whole, int decimals) {
    if (whole <= 0) return 0;
    static constexpr std::int64_t per_cent_units[] = {100, 1000, 10000, 100000, 1000000};
    const Wide scaled = static_cast<Wide>(part) * per_cent_units[std::clamp(decimals, 0, 4)];
    return static_cast<std::int64_t>((scaled * 2 + whole) / (static_cast<Wide>(whole) * 2));
}

bool at_most_share(Money part, Money whole, std::int64_t share) {
    return static_cast<Wide>(part) * 10000 <= static_cast<Wide>(whole) * share;
}

bool at_least_share(Money part, Money whole, std::int64_t share) {
    return static_cast<Wide>(part) * 10000 >= static_cast<Wide>(whole) * share;
}

Money share_floor(Money whole, std::int64_t share) {
    return static_cast<Money>(static_cast<Wide>(whole) * share / 10000);
}

Money share_ceiling(Money whole, std::int64_t share) {
    return static_cast<Money>((static_cast<Wide>(whole) * share + 9999) / 10000);
}

Money share_rounded(Money whole, std::int64_t share) {
    const Wide product = static_cast<Wide>(whole) * share;
    const Wide magnitude = product < 0 ? -product : product;
    const Wide rounded = (magnitude + 5000) / 10000;
    return static_cast<Money>(product < 0 ? -rounded : rounded);
}

std::string fraction_text(Money part, Money whole) {
    if (whole == 0) return "0";
    const bool negative = (part < 0) != (whole < 0) && part != 0;
    // 128 bits: part × 10^6 must not overflow for any two int64 amounts.
    __extension__ typedef unsigned __int128 Unsigned;
    const Unsigned p = part < 0 ? 0 - static_cast<Unsigned>(part) : static_cast<Unsigned>(part);
    const Unsigned w = whole < 0 ? 0 - static_cast<Unsigned>(whole) : static_cast<Unsigned>(whole);
    const Unsigned micros = (p * 1000000 + w / 2) / w;
    const auto whole_part = static_cast<std::uint64_t>(micros / 1000000);
    const auto fraction = static_cast<std::uint64_t>(micros % 1000000);
    std::string digits = std::to_string(fraction);
    digits.insert(0, 6 - digits.size(), '0');
    return (negative ? "-" : "") + std::to_string(whole_part) + "." + digits;
}

std::optional<std::vector<std::int64_t>> display_shares(const std::vector<Money>& parts, Money whole, int decimals) {
    if (whole <= 0 || decimals < 0 || decimals > 4) return std::nullopt;
    Money sum = 0;
    for (const Money part : parts) {
        if (part < 0) return std::nullopt;
        if (part > whole - sum) return std::nullopt;  // more than the whole, without overflowing
        sum += part;
    }
    if (sum != whole) return std::nullopt;
    std::int64_t units = 100;  // 100 % in units of 10^-decimals per cent
    for (int d = 0; d < decimals; ++d) units *= 10;
    std::vector<std::int64_t> shares(parts.size());
    std::vector<Wide> remainders(parts.size());
    std::int64_t given = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Wide scaled = static_cast<Wide>(parts[i]) * units;
        shares[i] = static_cast<std::int64_t>(scaled / whole);
        remainders[i] = scaled % whole;
        given += shares[i];
    }
    // Each share lost less than one unit, so fewer units are missing than there are parts.
    std::vector<std::size_t> order(parts.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    for (std::size_t k = 0; given < units && k < order.size(); ++k, ++given) ++shares[order[k]];
    return shares;
}

}  // namespace esfdraft::model
