// Issue 10: a plan with its sections in another order, with some missing or
// one given twice, still loads and is judged by the rules: S001 for a
// missing required section (never X002), X005 for a repetition (at each
// place, naming the others), B001 for a negative amount.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "rules/rule_test_support.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;
using model::Severity;

namespace {

std::string cut(std::string text, std::string_view from, std::string_view to) {
    const auto start = text.find(from);
    BOOST_REQUIRE_MESSAGE(start != std::string::npos, "plan lacks " << from);
    const auto end = text.find(to, start);
    BOOST_REQUIRE_MESSAGE(end != std::string::npos, "plan lacks " << to);
    text.erase(start, end + to.size() - start);
    return text;
}

std::string element(const std::string& text, std::string_view from, std::string_view to) {
    const auto start = text.find(from);
    BOOST_REQUIRE(start != std::string::npos);
    const auto end = text.find(to, start);
    BOOST_REQUIRE(end != std::string::npos);
    return text.substr(start, end + to.size() - start);
}

std::string inserted_before(std::string text, std::string_view before, const std::string& part) {
    const auto at = text.find(before);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "plan lacks " << before);
    text.insert(at, part);
    return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lenient_sections)

BOOST_AUTO_TEST_CASE(the_clean_plan_with_its_sections_reordered_passes_every_rule) {
    const std::string plan = clean_plan();
    const std::string budget = element(plan, "  <budget", "</budget>\n");
    const std::string goals = element(plan, "  <goals>", "</goals>\n");
    std::string reordered = inserted_before(cut(plan, "  <budget", "</budget>\n"), "  <summary>", budget);
    reordered = inserted_before(cut(reordered, "  <goals>", "</goals>\n"), "</application>", goals);
    BOOST_REQUIRE(reordered != plan);
    const CheckedPlan checked = check_plan(reordered);
    BOOST_TEST(checked.findings.empty(), listing(checked.findings));
}

BOOST_AUTO_TEST_CASE(s001_not_x002_for_missing_required_sections) {
    std::string plan = cut(clean_plan(), "  <genderEquality>", "</genderEquality>\n");
    plan = cut(plan, "  <budget", "</budget>\n");
    const CheckedPlan checked = check_plan(plan);
    BOOST_TEST(checked.of_rule("X002").empty(), listing(checked.findings));
    const auto s001 = checked.of_rule("S001");
    BOOST_TEST(s001.size() == 2u, listing(checked.findings));
    std::vector<std::string> sections;
    for (const model::Finding& finding : s001) {
        BOOST_TEST(finding.message_id == "S001.missing");
        BOOST_TEST((finding.severity == Severity::error));
        sections.push_back(finding.find_arg("section")->text);
    }
    BOOST_TEST((sections == std::vector<std::string>{"genderEquality", "budget"}));
}

BOOST_AUTO_TEST_CASE(a001_for_a_missing_accessibility_section) {
    const std::string plan = cut(clean_plan(), "  <accessibility>", "</accessibility>\n");
    const CheckedPlan checked = check_plan(plan);
    BOOST_TEST(checked.of_rule("X002").empty(), listing(checked.findings));
    BOOST_TEST(!checked.of_rule("A001").empty(), listing(checked.findings));
}

// The X005 findings in the order of their places, for the tests below.
std::vector<model::Finding> x005_by_line(const CheckedPlan& checked) {
    std::vector<model::Finding> x005 = checked.of_rule("X005");
    std::stable_sort(x005.begin(), x005.end(),
                     [](const model::Finding& a, const model::Finding& b) { return a.where.line < b.where.line; });
    return x005;
}

BOOST_AUTO_TEST_CASE(x005_a_section_given_twice_is_an_error_at_both_places) {
    const std::string plan = clean_plan();
    const std::string again = element(plan, "  <genderEquality>", "</genderEquality>\n");
    const std::string twice = inserted_before(plan, "  <budget", again);
    const CheckedPlan checked = check_plan(twice);
    const int first = line_of(plan, "  <genderEquality>");
    const int second = line_of(twice, "  <budget") - 1;
    const auto x005 = x005_by_line(checked);
    BOOST_REQUIRE_MESSAGE(x005.size() == 2u, listing(checked.findings));
    BOOST_TEST(x005[0].where.line == first);
    BOOST_TEST(x005[0].where.path == "/application/genderEquality[1]");
    BOOST_TEST(x005[1].where.line == second);
    BOOST_TEST(x005[1].where.path == "/application/genderEquality[2]");
    for (const model::Finding& finding : x005) {
        BOOST_TEST(finding.message_id == "X005.repeated");
        BOOST_TEST((finding.severity == Severity::error));
        BOOST_TEST(finding.section == "genderEquality");
        BOOST_TEST(finding.find_arg("section")->text == "genderEquality");
    }
    // Each names the other place.
    BOOST_TEST(x005[0].find_arg("other")->text == std::to_string(second));
    BOOST_TEST(x005[1].find_arg("other")->text == std::to_string(first));
}

BOOST_AUTO_TEST_CASE(x005_two_summaries_in_one_language_but_not_in_two) {
    BOOST_TEST(check_plan(clean_plan()).of_rule("X005").empty());  // sv (no lang) and en
    const std::string plan =
        inserted_before(clean_plan(), "  <background>", "  <summary lang=\"sv\"><p>Igen.</p></summary>\n");
    const CheckedPlan checked = check_plan(plan);
    const auto x005 = x005_by_line(checked);
    BOOST_REQUIRE_MESSAGE(x005.size() == 2u, listing(checked.findings));
    BOOST_TEST(x005[0].where.line == line_of(plan, "<summary>"));
    BOOST_TEST(x005[1].where.line == line_of(plan, "<summary lang=\"sv\""));
    BOOST_TEST(x005[1].where.path == "/application/summary[3]");
    for (const model::Finding& finding : x005) {
        BOOST_TEST(finding.message_id == "X005.repeated_summary");
        BOOST_TEST(finding.find_arg("lang")->text == "sv");
    }
    BOOST_TEST(x005[0].find_arg("other")->text == std::to_string(x005[1].where.line));
    BOOST_TEST(x005[1].find_arg("other")->text == std::to_string(x005[0].where.line));
}

BOOST_AUTO_TEST_CASE(x005_a_second_english_summary_and_a_second_budget) {
    const std::string english =
        inserted_before(clean_plan(), "  <background>", "  <summary lang=\"en\"><p>Again.</p></summary>\n");
    const CheckedPlan summaries = check_plan(english);
    const auto x005 = x005_by_line(summaries);
    BOOST_REQUIRE_MESSAGE(x005.size() == 2u, listing(summaries.findings));
    for (const model::Finding& finding : x005) BOOST_TEST(finding.find_arg("lang")->text == "en");

    const std::string plan = clean_plan();
    const std::string budget = element(plan, "  <budget", "</budget>\n");
    const std::string twice = inserted_before(plan, "  <budget", budget);
    const CheckedPlan checked = check_plan(twice);
    BOOST_TEST(checked.of_rule("X002").empty(), listing(checked.findings));
    const auto budgets = x005_by_line(checked);
    BOOST_REQUIRE_MESSAGE(budgets.size() == 2u, listing(checked.findings));
    BOOST_TEST(budgets[0].section == "budget");
    BOOST_TEST(budgets[0].find_arg("other")->text == std::to_string(budgets[1].where.line));
    BOOST_TEST(budgets[1].find_arg("other")->text == std::to_string(budgets[0].where.line));
}

BOOST_AUTO_TEST_CASE(x005_needs_no_pack) {
    std::string plan = replaced(clean_plan(), "programme=\"esf-2007-2013\"", "programme=\"esf-1994-1999\"");
    plan = inserted_before(plan, "  <budget",
                           "  <evaluation><p>Två.</p></evaluation>\n  <evaluation><p>Tre.</p></evaluation>\n");
    const CheckedPlan checked = check_plan(plan);
    BOOST_TEST(checked.of_rule("X003").size() == 1u);
    // The clean plan has its own evaluation before these two: three places, each naming the other two.
    const auto x005 = x005_by_line(checked);
    BOOST_REQUIRE_MESSAGE(x005.size() == 3u, listing(checked.findings));
    const std::string one = std::to_string(x005[0].where.line), two = std::to_string(x005[1].where.line),
                      three = std::to_string(x005[2].where.line);
    BOOST_TEST(x005[0].where.line == line_of(plan, "  <evaluation>"));
    BOOST_TEST(x005[0].find_arg("other")->text == two + ", " + three);
    BOOST_TEST(x005[1].find_arg("other")->text == one + ", " + three);
    BOOST_TEST(x005[2].find_arg("other")->text == one + ", " + two);
}

BOOST_AUTO_TEST_CASE(x005_is_in_the_rule_list_as_an_error) {
    const model::RuleDefinition* rule = model::find_rule_definition("X005");
    BOOST_REQUIRE(rule);
    BOOST_TEST((rule->severity == Severity::error));
}

BOOST_AUTO_TEST_CASE(b001_for_a_negative_cost) {
    const std::string plan = clean_plan();
    const auto at = plan.find("<cost ");
    BOOST_REQUIRE(at != std::string::npos);
    const auto amount = plan.find("amount=\"", at);
    const auto close = plan.find('"', amount + 8);
    std::string negative = plan;
    negative.replace(amount, close + 1 - amount, "amount=\"-5000\"");
    const CheckedPlan checked = check_plan(negative);
    BOOST_TEST(checked.of_rule("X002").empty(), listing(checked.findings));
    const auto b001 = checked.of_rule("B001");
    BOOST_REQUIRE_MESSAGE(b001.size() == 1u, listing(checked.findings));
    BOOST_TEST(b001.front().message_id == "B001.negative_cost");  // it points to <income>
    BOOST_TEST(b001.front().where.line == line_of(plan, "<cost "));
    BOOST_TEST(b001.front().find_arg("amount")->number == -500000);
}

// plan-format.md: no section is required by the XSD "so that an unfinished
// plan still loads, checks and drafts". A budget begun but not finished is
// judged by the budget rules (B001, B005), never by the schema (X002).
BOOST_AUTO_TEST_CASE(an_unfinished_budget_gets_the_budget_rules_not_x002) {
    const std::string plan = clean_plan();
    const std::string costs = element(plan, "    <costs>", "</costs>\n");
    const std::string financing = element(plan, "    <financing>", "</financing>\n");
    const std::string budget = element(plan, "  <budget", "</budget>\n");

    BOOST_TEST_CONTEXT("an empty budget") {
        const std::string empty = replaced(plan, budget, "  <budget currency=\"SEK\"/>\n");
        const CheckedPlan checked = check_plan(empty);
        BOOST_TEST(checked.loaded);
        BOOST_TEST(checked.of_rule("X002").empty(), listing(checked.findings));
        const auto b001 = checked.of_rule("B001");
        BOOST_REQUIRE_MESSAGE(b001.size() == 1u, listing(checked.findings));
        BOOST_TEST(b001.front().message_id == "B001.no_costs");
        BOOST_TEST(b001.front().where.line == line_of(empty, "  <budget"));
    }
    BOOST_TEST_CONTEXT("costs without financing") {
        const std::string no_financing = replaced(plan, financing, "");
        const CheckedPlan checked = check_plan(no_financing);
        BOOST_TEST(checked.of_rule("X002").empty(), listing(checked.findings));
        BOOST_TEST(checked.of_rule("B001").empty(), listing(checked.findings));
        BOOST_TEST(!checked.of_rule("B005").empty(), listing(checked.findings));
    }
    BOOST_TEST_CONTEXT("financing without costs") {
        const std::string no_costs = replaced(plan, costs, "");
        const CheckedPlan checked = check_plan(no_costs);
        BOOST_TEST(checked.of_rule("X002").empty(), listing(checked.findings));
        const auto b001 = checked.of_rule("B001");
        BOOST_REQUIRE_MESSAGE(b001.size() == 1u, listing(checked.findings));
        BOOST_TEST(b001.front().message_id == "B001.no_costs");
        BOOST_TEST(b001.front().where.line == line_of(no_costs, "  <budget"));
    }
    BOOST_TEST_CONTEXT("an income line alone") {
        const std::string income =
            replaced(plan, budget, "  <budget>\n    <income amount=\"100\">Avgifter</income>\n  </budget>\n");
        const CheckedPlan checked = check_plan(income);
        BOOST_TEST(checked.of_rule("X002").empty(), listing(checked.findings));
        BOOST_TEST(checked.of_rule("B001").size() == 1u, listing(checked.findings));
    }
    BOOST_TEST_CONTEXT("the order of what is written stays the format's") {
        const std::string swapped = replaced(replaced(plan, costs, ""), financing, financing + costs);
        BOOST_TEST(!check_plan(swapped).of_rule("X002").empty());
    }
}

BOOST_AUTO_TEST_SUITE_END()
