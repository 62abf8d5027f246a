#include <boost/test/unit_test.hpp>

#include <limits>
#include <set>
#include <stdexcept>

#include "model/application.hpp"
#include "model/vocabulary.hpp"

using namespace esfdraft::model;

BOOST_AUTO_TEST_CASE(rich_text_counts_words_across_blocks_and_no_break_spaces) {
    RichText text;
    Block paragraph;
    paragraph.inlines = {{"Projektet ska ", false, false}, {"undersöka", true, false}, {" behov", false, false}};
    Block list;
    list.kind = Block::Kind::bullet_list;
    list.items = {{{"ett", false, false}}, {{"två\xC2\xA0tre", false, true}}};
    text.blocks = {paragraph, list};
    BOOST_TEST(text.word_count() == 7);
    BOOST_TEST(text.plain_text() == "Projektet ska undersöka behov\nett\ntvå\xC2\xA0tre");
    BOOST_TEST(!text.empty());
    BOOST_TEST(RichText{}.empty());
}

BOOST_AUTO_TEST_CASE(budget_sums_are_exact_and_refuse_overflow) {
    Budget budget;
    budget.costs.push_back(CostLine{"staff", 2009, {}, 13500000, {}, "Projektledare", {}, {}});
    budget.costs.push_back(CostLine{"travel", 2010, {}, 4200050, {}, "Resor", {}, {}});
    budget.income.push_back(Income{100, "Avgifter", {}});
    budget.financing.push_back(FinancingSource{"esf", {}, {}, 8849950, {}, {}});
    budget.financing.push_back(FinancingSource{"public-cash", "Region", {}, 8850000, {}, {}});
    BOOST_TEST(budget.total_costs() == 17700050);
    BOOST_TEST(budget.eligible_costs() == 17699950);
    BOOST_TEST(budget.total_financing() == 17699950);
    BOOST_TEST(budget.financing_of_kind("esf") == 8849950);
    budget.costs.push_back(CostLine{"other", 2010, {}, std::numeric_limits<Money>::max(), {}, "", {}, {}});
    BOOST_CHECK_THROW(budget.total_costs(), std::overflow_error);
}

BOOST_AUTO_TEST_CASE(a_budget_has_lines_when_it_has_a_cost_financing_or_income) {
    BOOST_TEST(!Budget{}.has_lines());
    Budget costs;
    costs.costs.push_back(CostLine{"staff", 2009, {}, 100, {}, "Projektledare", {}, {}});
    BOOST_TEST(costs.has_lines());
    Budget financing;
    financing.financing.push_back(FinancingSource{"esf", {}, {}, 100, {}, {}});
    BOOST_TEST(financing.has_lines());
    Budget income;
    income.income.push_back(Income{100, "Avgifter", {}});
    BOOST_TEST(income.has_lines());
}

BOOST_AUTO_TEST_CASE(summaries_by_language) {
    Application application;
    application.summaries.push_back(Summary{std::string("en"), {}});
    application.summaries.push_back(Summary{std::nullopt, {}});
    BOOST_TEST(application.main_summary() == &application.summaries[1]);
    BOOST_TEST(application.english_summary() == &application.summaries[0]);
    application.lang = "en";
    BOOST_TEST(application.main_summary() == &application.summaries[0]);
    BOOST_TEST(application.english_summary() == nullptr);
}

// Every section the vocabulary calls rich text (but the summary) has its
// member, each its own, and nothing else has one: a section of rich text
// added to the vocabulary without its member here fails this test.
BOOST_AUTO_TEST_CASE(rich_sections_are_the_vocabularys_and_each_has_its_own_member) {
    Application application;
    std::set<const std::optional<RichText>*> members;
    for (const SectionWords& section : sections()) {
        const std::optional<RichText>* text = rich_section(application, section.key);
        if (!section.rich_text || section.key == "summary") {
            BOOST_TEST(text == nullptr, section.key);
            continue;
        }
        BOOST_TEST_REQUIRE(text != nullptr, section.key);
        BOOST_TEST(members.insert(text).second, section.key);
    }
    BOOST_TEST(members.size() == 11u);
    BOOST_TEST(rich_section(application, "genderEquality") == &application.gender_equality);
    BOOST_TEST(rich_section(application, "fundamentalRights") == &application.fundamental_rights);
    BOOST_TEST(rich_section(application, "gender_equality") == nullptr);
    BOOST_TEST(rich_section(application, "") == nullptr);
}
