// Every figure of a budget, summed once: the sums the rules check, the
// draft shows and the workbook lays out (by category and year, activity,
// financing kind and sub-budget; totals, eligible cost, ESF, co-financing,
// staff and indirect costs; financing spread over the years), and the exact
// share arithmetic they all use.
// Money is whole öre; shares are computed in 128-bit integers, never in
// floating point. Sums throw std::overflow_error rather than wrap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/application.hpp"

namespace esfdraft::model {

// The one definition of the categories the flat rates and the indirect
// share rest on: indirect costs are a share of the direct staff costs.
inline constexpr std::string_view staff_category = "staff";
inline constexpr std::string_view indirect_category = "indirect";

// One sub-budget (stödmottagare): the lines naming one beneficiary.
struct SubBudgetFigures {
    std::string key;  // "owner", a partner's id, or "" for the lines naming no one
    Money costs = 0;
    Money financing = 0;
    Money esf = 0;
    std::vector<Money> by_category;              // indexed like BudgetFigures::categories
    bool has_lines = false;                      // some cost line or source names it
    std::vector<Money> by_category_year;         // [category * years.size() + year], like BudgetFigures's
    std::vector<Money> by_year;                  // its costs per year
    std::vector<std::size_t> lines_by_category;  // how many of its cost lines each category has
    std::vector<Money> by_kind;                  // its financing, indexed like BudgetFigures::kinds

    Money cell(std::size_t category, std::size_t year, std::size_t year_count) const {
        return by_category_year[category * year_count + year];
    }
};

struct BudgetFigures {
    // Years in order: those of the cost lines (and, with period_years, of the project period).
    std::vector<int> years;
    // Category codes: the plan format's in its order, then unknown ones as met.
    std::vector<std::string> categories;
    std::vector<Money> by_category_year;  // [category * years.size() + year]
    std::vector<Money> by_category;
    std::vector<Money> by_year;
    std::vector<std::size_t> lines_by_year;  // how many cost lines each year has
    // Activity keys: the plan's activities (the first of duplicate ids), then
    // ids the cost lines name that no activity has, then "" for the lines
    // without an activity (always last, even when an activity's id is "").
    std::vector<std::string> activities;
    std::vector<Money> by_activity_year;  // [activity * years.size() + year]
    std::vector<Money> by_activity;
    // Goal keys: the plan's goals (the first of duplicate ids), then ids the
    // activities name that no goal has. A goal's costs are those of the
    // activities that serve it, each activity once; an activity serving
    // several goals counts toward each, so the goals may add up to more
    // than the total.
    std::vector<std::string> goals;
    std::vector<Money> by_goal_year;  // [goal * years.size() + year]
    std::vector<Money> by_goal;
    // Financing kinds: the plan format's in its order, then unknown ones as met.
    std::vector<std::string> kinds;
    std::vector<Money> by_kind;
    // The owner first, then the beneficiary partners in plan order, then any
    // other name the lines use, then "" when some line names no one.
    std::vector<SubBudgetFigures> sub_budgets;
    // Financing per year. The plan gives a source no year, so each source is
    // spread over `years` in proportion to each year's costs (spread_by_year):
    // income has no year either, so a year's eligible cost is in the same
    // proportion. Empty when there are no years.
    std::vector<Money> financing_by_source_year;  // [source (plan order) * years.size() + year]
    std::vector<Money> financing_by_kind_year;    // [kind * years.size() + year]: the sum of its sources'
    std::vector<Money> financing_by_year;         // the sum of every source's

    Money total_costs = 0;
    Money income = 0;
    Money eligible = 0;  // total costs less income
    Money financing = 0;
    Money esf = 0;
    Money cofinancing = 0;  // financing less ESF
    Money staff = 0;
    Money indirect = 0;
    Money transnational = 0;  // the cost lines tagged "transnational"

    Money cell(std::size_t category, std::size_t year) const {
        return by_category_year[category * years.size() + year];
    }
    // The sum of a category or financing kind; 0 when no line has it.
    Money category(std::string_view code) const;
    Money kind(std::string_view code) const;
    // A financing kind's part of one year (financing_by_kind_year); 0 when no source has it.
    Money kind_in_year(std::string_view code, std::size_t year) const;
    const SubBudgetFigures* sub_budget(std::string_view key) const;
};

struct FigureOptions {
    // Count the project period's years (at most 20) besides those of the cost lines.
    bool period_years = false;
    // Each cost line's amount as shown instead of the plan's, in the order of
    // the cost lines (the workbook's flat-rate lines); nullptr: the plan's.
    const std::vector<Money>* amounts = nullptr;
};

BudgetFigures budget_figures(const Application& application, const FigureOptions& options = {});

// `amount` spread over the years in proportion to `weights` (each year's
// costs), as the workbook's formulas do it: every year but the last gets
// amount × weight / (sum of the weights) rounded to whole kronor (100 öre),
// half away from zero as ROUND does; the last year gets the remainder, so the
// parts add up to `amount` exactly (öre included). When the weights add up to
// 0 the last year gets it all. Empty for no years; throws std::overflow_error
// when a part would not fit in a Money.
std::vector<Money> spread_by_year(Money amount, const std::vector<Money>& weights);

// ---------------------------------------------------------------- exact shares
// A share is in hundredths of a per cent (ShareHundredths: 2500 = 25 %).

// part / whole in hundredths of a per cent (with `decimals`, in units of
// 10^-decimals of a per cent, 0–4: 1 gives tenths), rounded half up; 0 when
// whole <= 0. Exact for any two amounts.
std::int64_t share_of(Money part, Money whole, int decimals = 2);
// part <= whole * share, exactly.
bool at_most_share(Money part, Money whole, std::int64_t share);
// part >= whole * share, exactly.
bool at_least_share(Money part, Money whole, std::int64_t share);
// whole * share, rounded down (the most a capped amount may be).
Money share_floor(Money whole, std::int64_t share);
// whole * share, rounded up (the least a required amount must be).
Money share_ceiling(Money whole, std::int64_t share);
// whole * share, rounded half away from zero (a flat-rate amount, as ROUND does).
Money share_rounded(Money whole, std::int64_t share);
// part / whole as a fraction with six decimals ("0.253000", "-1.500000"),
// rounded half away from zero; "0" when whole is 0.
std::string fraction_text(Money part, Money whole);

// The shares of a split as one table shows them, in units of 10^-decimals
// of a per cent (decimals 0–4; 1: tenths, 1000 units = 100 %), rounded by
// largest remainder so that they add up to exactly 100 %: each share is
// rounded down, and the units still missing go to the largest remainders
// (the earlier part on a tie). nullopt when `parts` do not split `whole`
// (whole <= 0, a part below 0, or parts that do not add up to whole).
std::optional<std::vector<std::int64_t>> display_shares(const std::vector<Money>& parts, Money whole, int decimals);

}  // namespace esfdraft::model
