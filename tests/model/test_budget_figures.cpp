#include <boost/test/unit_test.hpp>

#include <limits>
#include <numeric>
#include <stdexcept>

#include "model/budget_figures.hpp"

using namespace esfdraft::model;

namespace {

CostLine cost(std::string category, int year, Money amount, std::optional<std::string> activity = std::nullopt,
              std::optional<std::string> beneficiary = std::nullopt, std::vector<std::string> tags = {}) {
    return CostLine{std::move(category), year, std::move(activity),    amount,
                    std::move(tags),     "",   std::move(beneficiary), {}};
}

FinancingSource source(std::string kind, Money amount, std::optional<std::string> beneficiary = std::nullopt) {
    return FinancingSource{std::move(kind), std::nullopt, std::nullopt, amount, std::move(beneficiary), {}};
}

}  // namespace

BOOST_AUTO_TEST_CASE(figures_sum_by_category_year_activity_kind_and_sub_budget) {
    Application a;
    a.project.period = {{2009, 10, 1}, {2011, 9, 30}, {}};
    Activity first;
    first.id = "a1";
    a.activities.push_back(first);
    a.partners.push_back({"p1", "Partner", "beneficiary", std::nullopt, {}});
    a.budget.costs = {cost("travel", 2010, 500, "a1", "owner"), cost("staff", 2011, 10000, std::nullopt, "p1"),
                      cost("indirect", 2011, 1500, "a9", "p1", {"transnational"}), cost("staff", 2010, 2000, "a1"),
                      cost("oddity", 2010, 7)};
    a.budget.financing = {source("public-cash", 3000, "owner"), source("esf", 11000, "p1"), source("esf", 5, "x")};
    a.budget.income.push_back(Income{107, "Avgifter", {}});

    const BudgetFigures f = budget_figures(a);
    BOOST_TEST(f.years == (std::vector<int>{2010, 2011}));
    // The plan format's order, then the unknown category.
    BOOST_TEST(f.categories == (std::vector<std::string>{"staff", "travel", "indirect", "oddity"}));
    BOOST_TEST(f.cell(0, 0) == 2000);
    BOOST_TEST(f.cell(0, 1) == 10000);
    BOOST_TEST(f.by_category == (std::vector<Money>{12000, 500, 1500, 7}));
    BOOST_TEST(f.by_year == (std::vector<Money>{2507, 11500}));
    BOOST_TEST(f.lines_by_year == (std::vector<std::size_t>{3, 2}));
    BOOST_TEST(f.activities == (std::vector<std::string>{"a1", "a9", ""}));
    BOOST_TEST(f.by_activity == (std::vector<Money>{2500, 1500, 10007}));
    BOOST_TEST(f.kinds == (std::vector<std::string>{"esf", "public-cash"}));
    BOOST_TEST(f.by_kind == (std::vector<Money>{11005, 3000}));
    BOOST_TEST(f.total_costs == 14007);
    BOOST_TEST(f.income == 107);
    BOOST_TEST(f.eligible == 13900);
    BOOST_TEST(f.financing == 14005);
    BOOST_TEST(f.esf == 11005);
    BOOST_TEST(f.cofinancing == 3000);
    BOOST_TEST(f.staff == 12000);
    BOOST_TEST(f.indirect == 1500);
    BOOST_TEST(f.transnational == 1500);
    BOOST_TEST(f.category("premises") == 0);

    // The owner, the beneficiary partner, the name only a line uses, then the lines naming no one.
    BOOST_REQUIRE(f.sub_budgets.size() == 4u);
    BOOST_TEST(f.sub_budgets[0].key == "owner");
    BOOST_TEST(f.sub_budgets[1].key == "p1");
    BOOST_TEST(f.sub_budgets[2].key == "x");
    BOOST_TEST(f.sub_budgets[3].key == "");
    const SubBudgetFigures* partner = f.sub_budget("p1");
    BOOST_REQUIRE(partner);
    BOOST_TEST(partner->costs == 11500);
    BOOST_TEST(partner->financing == 11000);
    BOOST_TEST(partner->esf == 11000);
    BOOST_TEST(partner->by_category[0] == 10000);
    BOOST_TEST(partner->by_category[2] == 1500);
    // Per category and year (the workbook's block per beneficiary), and per financing kind.
    BOOST_TEST(partner->by_category_year == (std::vector<Money>{0, 10000, 0, 0, 0, 1500, 0, 0}));
    BOOST_TEST(partner->cell(0, 1, f.years.size()) == 10000);
    BOOST_TEST(partner->by_year == (std::vector<Money>{0, 11500}));
    BOOST_TEST(partner->lines_by_category == (std::vector<std::size_t>{1, 0, 1, 0}));
    BOOST_TEST(partner->by_kind == (std::vector<Money>{11000, 0}));
    BOOST_TEST(f.sub_budget("owner")->by_category_year == (std::vector<Money>{0, 0, 500, 0, 0, 0, 0, 0}));
    BOOST_TEST(f.sub_budget("owner")->by_kind == (std::vector<Money>{0, 3000}));
    BOOST_TEST(f.sub_budget("")->by_category_year == (std::vector<Money>{2000, 0, 0, 0, 0, 0, 7, 0}));
    BOOST_TEST(f.sub_budget("")->costs == 2007);
    BOOST_TEST(f.sub_budget("x")->esf == 5);

    // With the period's years, and with the amounts a workbook shows instead of the plan's.
    FigureOptions options;
    options.period_years = true;
    const std::vector<Money> shown{500, 10000, 1000, 2000, 7};
    options.amounts = &shown;
    const BudgetFigures g = budget_figures(a, options);
    BOOST_TEST(g.years == (std::vector<int>{2009, 2010, 2011}));
    BOOST_TEST(g.by_year == (std::vector<Money>{0, 2507, 11000}));
    BOOST_TEST(g.lines_by_year == (std::vector<std::size_t>{0, 3, 2}));
    BOOST_TEST(g.indirect == 1000);
}

BOOST_AUTO_TEST_CASE(a_goal_costs_what_the_activities_serving_it_cost) {
    Application a;
    Goal g1, g2, again;
    g1.id = "g1";
    g2.id = "g2";
    again.id = "g1";  // a duplicate id counts once
    a.goals = {g1, g2, again};
    Activity a1, a2, a3;
    a1.id = "a1";
    a1.goal_ids = {"g1", "g2", "g1"};  // named twice: served once
    a2.id = "a2";
    a2.goal_ids = {"g2", "g9"};  // g9: no such goal, a row of its own after the plan's
    a3.id = "a1";                // a duplicate activity id: the first one's goals
    a3.goal_ids = {"g1"};
    a.activities = {a1, a2, a3};
    a.budget.costs = {cost("staff", 2010, 1000, "a1"), cost("staff", 2011, 300, "a2"), cost("travel", 2011, 5)};
    const BudgetFigures f = budget_figures(a);
    BOOST_TEST(f.goals == (std::vector<std::string>{"g1", "g2", "g9"}));
    BOOST_TEST(f.by_goal == (std::vector<Money>{1000, 1300, 300}));
    BOOST_TEST(f.by_goal_year == (std::vector<Money>{1000, 0, 1000, 300, 0, 300}));
    // An activity serving two goals counts toward each: the goals add up to more than the costs.
    BOOST_TEST(std::accumulate(f.by_goal.begin(), f.by_goal.end(), Money{0}) > f.total_costs);
}

BOOST_AUTO_TEST_CASE(figures_refuse_overflow) {
    Application a;
    a.budget.costs = {cost("staff", 2010, std::numeric_limits<Money>::max()), cost("staff", 2010, 1)};
    BOOST_CHECK_THROW(budget_figures(a), std::overflow_error);
}

BOOST_AUTO_TEST_CASE(exact_shares_in_128_bits) {
    BOOST_TEST(share_of(1, 3) == 3333);
    BOOST_TEST(share_of(2, 3) == 6667);  // half up
    BOOST_TEST(share_of(5, 0) == 0);
    const Money big = std::numeric_limits<Money>::max();
    BOOST_TEST(share_of(big, big) == 10000);  // part × 10000 passes 64 bits
    // Other units of a per cent: tenths (the editor's and the diff's one decimal), whole ones, millionths.
    BOOST_TEST(share_of(1, 3, 1) == 333);
    BOOST_TEST(share_of(2, 3, 1) == 667);
    BOOST_TEST(share_of(1, 8, 0) == 13);  // 12.5, half up
    BOOST_TEST(share_of(1, 3, 4) == 333333);
    BOOST_TEST(share_of(big / 2, big, 1) == 500);  // part × 1000 passes 64 bits
    BOOST_TEST(share_of(big, big, 1) == 1000);
    BOOST_TEST(at_most_share(1500, 10000, 1500));
    BOOST_TEST(!at_most_share(1501, 10000, 1500));
    BOOST_TEST(at_least_share(big / 2 + 1, big, 5000));
    BOOST_TEST(share_floor(999, 1500) == 149);
    BOOST_TEST(share_ceiling(999, 1500) == 150);
    BOOST_TEST(share_rounded(1003, 1500) == 150);  // 150.45
    BOOST_TEST(share_rounded(1010, 1500) == 152);  // 151.5, half away from zero
    BOOST_TEST(share_rounded(-1010, 1500) == -152);
    BOOST_TEST(fraction_text(1, 4) == "0.250000");
    BOOST_TEST(fraction_text(-3, 2) == "-1.500000");
    BOOST_TEST(fraction_text(2, 3) == "0.666667");
    BOOST_TEST(fraction_text(7, 0) == "0");
}

BOOST_AUTO_TEST_CASE(display_shares_add_up_to_exactly_one_hundred_per_cent) {
    // FRAMSYN's financing: each share rounded on its own gives 100.1 %
    // (50.0 + 14.9 + 10.0 + 7.0 + 6.2 + 6.0 + 6.0).
    const std::vector<Money> framsyn{1005000, 300000, 200000, 140000, 125000, 120000, 120000};
    const auto shares = display_shares(framsyn, 2010000, 1);
    BOOST_REQUIRE(shares);
    BOOST_TEST(*shares == (std::vector<std::int64_t>{500, 149, 99, 70, 62, 60, 60}));
    BOOST_TEST(std::accumulate(shares->begin(), shares->end(), std::int64_t{0}) == 1000);

    // Three equal parts: naive rounding gives 33.3 × 3 = 99.9 %; the first gets the missing tenth.
    const auto thirds = display_shares({1, 1, 1}, 3, 1);
    BOOST_REQUIRE(thirds);
    BOOST_TEST(*thirds == (std::vector<std::int64_t>{334, 333, 333}));

    // Whole per cents and hundredths.
    BOOST_TEST(*display_shares({1, 1, 1}, 3, 0) == (std::vector<std::int64_t>{34, 33, 33}));
    BOOST_TEST(*display_shares({2, 1}, 3, 2) == (std::vector<std::int64_t>{6667, 3333}));
    // Exact shares stay as they are.
    BOOST_TEST(*display_shares({250, 750}, 1000, 1) == (std::vector<std::int64_t>{250, 750}));
    // Huge amounts: part × 1000 passes 64 bits.
    const Money big = std::numeric_limits<Money>::max();
    BOOST_TEST(*display_shares({big / 2, big - big / 2}, big, 1) == (std::vector<std::int64_t>{500, 500}));

    // Parts that do not split the whole: no table shares.
    BOOST_TEST(!display_shares({1, 1}, 3, 1));
    BOOST_TEST(!display_shares({4, -1}, 3, 1));
    BOOST_TEST(!display_shares({}, 0, 1));
    BOOST_TEST(!display_shares({big, big}, big, 1));
    BOOST_TEST(!display_shares({1}, 1, 5));
}

BOOST_AUTO_TEST_CASE(financing_is_spread_over_the_years_by_their_costs) {
    // 1 000 kr over three equal years: 333,33 kr is rounded to 333 kr, the last year takes the rest.
    BOOST_TEST(spread_by_year(100000, {50000, 50000, 50000}) == (std::vector<Money>{33300, 33300, 33400}));
    // Half a krona is rounded away from zero, as ROUND does: 7,50 kr / 3 = 2,50 kr -> 3 kr; the rest keeps its öre.
    BOOST_TEST(spread_by_year(750, {100, 100, 100}) == (std::vector<Money>{300, 300, 150}));
    BOOST_TEST(spread_by_year(-750, {100, 100, 100}) == (std::vector<Money>{-300, -300, -150}));
    // No costs at all: the last year takes the whole amount; no years: nothing.
    BOOST_TEST(spread_by_year(100000, {0, 0}) == (std::vector<Money>{0, 100000}));
    BOOST_TEST(spread_by_year(100000, {}).empty());
    BOOST_TEST(spread_by_year(100000, {7}) == (std::vector<Money>{100000}));
    // A product beyond 64 bits is exact: 10^15 öre × 10^15 öre / (2·10^15 öre).
    const Money big = 1'000'000'000'000'000;
    BOOST_TEST(spread_by_year(big, {big, big}) == (std::vector<Money>{big / 2, big / 2}));
    // A part that no Money holds is refused.
    BOOST_CHECK_THROW(spread_by_year(big, {big * 9, 1 - big * 9}), std::overflow_error);
}

BOOST_AUTO_TEST_CASE(figures_hold_the_financing_by_source_kind_and_year) {
    Application a;
    a.budget.costs = {cost("staff", 2010, 100000), cost("staff", 2011, 200000)};
    a.budget.financing = {source("esf", 100000), source("public-cash", 100001), source("public-cash", 99999)};
    const BudgetFigures f = budget_figures(a);
    // 1 000 kr × 1/3 = 333,33 -> 333; 1 000,01 kr × 1/3 = 333,34 -> 333; 999,99 × 1/3 = 333,33 -> 333.
    BOOST_TEST(f.financing_by_source_year == (std::vector<Money>{33300, 66700, 33300, 66701, 33300, 66699}));
    BOOST_TEST(f.financing_by_kind_year == (std::vector<Money>{33300, 66700, 66600, 133400}));
    BOOST_TEST(f.financing_by_year == (std::vector<Money>{99900, 200100}));
    BOOST_TEST(f.kind_in_year("esf", 0) == 33300);
    BOOST_TEST(f.kind_in_year("esf", 1) == 66700);
    BOOST_TEST(f.kind_in_year("public-cash", 1) == 133400);
    BOOST_TEST(f.kind_in_year("private-cash", 0) == 0);  // no source of that kind
    for (std::size_t s = 0; s < a.budget.financing.size(); ++s)
        BOOST_TEST(f.financing_by_source_year[2 * s] + f.financing_by_source_year[2 * s + 1] ==
                   a.budget.financing[s].amount);
}
