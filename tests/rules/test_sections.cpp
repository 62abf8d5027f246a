// Sections S001–S006.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "rules/rule_test_support.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;
using model::Severity;

BOOST_AUTO_TEST_SUITE(sections)

BOOST_AUTO_TEST_CASE(s001_required_section_empty) {
    const std::string plan =
        replaced(clean_plan(), "<background>" + paragraph_of(clean_plan(), "background") + "</background>",
                 "<background></background>");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "S001", Severity::error, line_of(plan, "<background>"), "/application/background");
    BOOST_TEST(checked.of_rule("S001").front().message_id == "S001.empty");
    BOOST_TEST(checked.of_rule("S001").front().section == "background");
}

BOOST_AUTO_TEST_CASE(s001_required_section_missing) {
    // ESF+ requires non-discrimination.
    const std::string plan = clean_plan_esf_plus();
    const std::string without =
        replaced(plan, "<nonDiscrimination>" + paragraph_of(plan, "nonDiscrimination") + "</nonDiscrimination>\n", "");
    const CheckedPlan checked = check_plan_esf_plus(without);
    expect_one(checked, "S001", Severity::error, line_of(without, "<application"), "/application");
    BOOST_TEST(checked.of_rule("S001").front().message_id == "S001.missing");
    BOOST_TEST(checked.of_rule("S001").front().find_arg("section")->text == "nonDiscrimination");
    // The same plan under 2007–2013, which does not ask for it, passes.
    expect_none(check_plan(clean_plan()), "S001");
}

BOOST_AUTO_TEST_CASE(s001_goals_without_goals) {
    std::string plan = clean_plan();
    const std::size_t from = plan.find("<goals>") + 7;
    plan.erase(from, plan.find("</goals>") - from);
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "S001", Severity::error, line_of(plan, "<goals>"), "/application/goals");
}

BOOST_AUTO_TEST_CASE(s002_too_few_words) {
    const std::string plan = replaced(clean_plan(), paragraph_of(clean_plan(), "purpose") + "</purpose>",
                                      "<p>Syftet är att stärka aktörerna.</p></purpose>");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "S002", Severity::warning, line_of(plan, "<purpose>"), "/application/purpose");
    BOOST_TEST(checked.of_rule("S002").front().find_arg("words")->number == 5);
    BOOST_TEST(checked.of_rule("S002").front().find_arg("minimum")->number == 40);
}

BOOST_AUTO_TEST_CASE(s002_summary_minimum_is_25) {
    const std::string plan = replaced(clean_plan(), paragraph_of(clean_plan(), "summary"),
                                      "<p>En kort sammanfattning med tjugo ord om projektets syfte, mål, aktiviteter, "
                                      "organisation och budget som inte riktigt räcker till för en granskare.</p>");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "S002", Severity::warning, line_of(plan, "<summary>"), "/application/summary[1]");
    BOOST_TEST(checked.of_rule("S002").front().find_arg("minimum")->number == 25);
}

BOOST_AUTO_TEST_CASE(s003_placeholders_every_occurrence) {
    std::string plan = replaced(clean_plan(), "<background><p>", "<background><p>TODO: skriv om. </p><p>");
    plan = replaced(plan, "<title>Nätverk och mötesplatser</title>", "<title>Nätverk (att komplettera)</title>");
    plan = replaced(plan, ">Utbildare</cost>", ">Utbildare [...]</cost>");
    const CheckedPlan checked = check_plan(plan);
    const std::vector<model::Finding> found = checked.of_rule("S003");
    BOOST_TEST_REQUIRE(found.size() == 3u, listing(checked.findings));
    BOOST_TEST(found[0].where.path == "/application/background/p[1]");
    BOOST_TEST(found[0].where.line == line_of(plan, "TODO"));
    BOOST_TEST(found[0].find_arg("placeholder")->text == "TODO");
    BOOST_TEST(model::to_string(found[0].severity) == "warning");
    BOOST_TEST(found[1].where.path == "/application/activities/activity[2]");
    BOOST_TEST(found[1].find_arg("placeholder")->text == "att komplettera");
    BOOST_TEST(found[2].where.path == "/application/budget/costs/cost[2]");
    BOOST_TEST(found[2].find_arg("placeholder")->text == "[...]");
    // A word that merely contains a placeholder is not one.
    expect_none(check_plan(replaced(clean_plan(), "<background><p>", "<background><p>Storlek XXXL och TODOS. ")),
                "S003");
}

BOOST_AUTO_TEST_CASE(s003_covers_the_esf_plus_sections_too) {
    // The sections the plan format added (project logic, risk analysis, the
    // other horizontal principles, attachments) are sections like the others.
    std::string plan = replaced(clean_plan_esf_plus_full(), "  <budget",
                                "  <fundamentalRights><p>Att komplettera.</p></fundamentalRights>\n  <budget");
    plan = replaced(plan, "<measure>Mötena läggs digitalt", "<measure>XXX Mötena läggs digitalt");
    plan = replaced(plan, "<p>Fler beviljade projekt i länet.</p>", "<p>Fler beviljade projekt i länet [...]</p>");
    plan = replaced(plan, "Protokollsutdrag om firmatecknare<", "Protokollsutdrag om firmatecknare TODO<");
    const CheckedPlan checked = check_plan_esf_plus(plan);
    std::vector<std::string> sections;
    for (const model::Finding& finding : checked.of_rule("S003")) sections.push_back(finding.section);
    std::sort(sections.begin(), sections.end());
    BOOST_TEST(
        sections == (std::vector<std::string>{"attachments", "fundamentalRights", "projectLogic", "riskAnalysis"}),
        listing(checked.findings));
    for (const model::Finding& finding : checked.of_rule("S003")) {
        if (finding.section != "riskAnalysis") continue;
        BOOST_TEST(finding.where.path == "/application/riskAnalysis/risk");  // the risk whose measure holds it
        BOOST_TEST(finding.where.line == line_of(plan, "<risk id=\"r1\""));
    }
    expect_none(check_plan_esf_plus(clean_plan_esf_plus_full()), "S003");
}

BOOST_AUTO_TEST_CASE(s004_summary_too_long) {
    model::RulePack pack = pack_copy("esf-2007-2013");
    pack.summary_max_characters.value = 100;
    const CheckedPlan checked = check_plan(clean_plan(), with_pack(pack));
    // Both summaries are longer than 100 characters.
    const std::vector<model::Finding> found = checked.of_rule("S004");
    BOOST_TEST_REQUIRE(found.size() == 2u, listing(checked.findings));
    BOOST_TEST(found[0].where.path == "/application/summary[1]");
    BOOST_TEST(found[1].where.path == "/application/summary[2]");
    BOOST_TEST(found[0].find_arg("maximum")->number == 100);
    BOOST_TEST(model::to_string(found[0].severity) == "warning");
    expect_none(check_plan(clean_plan()), "S004");
}

BOOST_AUTO_TEST_CASE(s005_no_english_summary) {
    const std::string plan = clean_plan();
    const std::size_t from = plan.find("  <summary lang=\"en\">");
    const std::string without = std::string(plan).erase(from, plan.find('\n', from) + 1 - from);
    const CheckedPlan checked = check_plan(without);
    expect_one(checked, "S005", Severity::info, line_of(without, "<summary>"), "/application/summary");
    // An application written in English needs no second summary.
    expect_none(check_plan(replaced(without, "lang=\"sv\">", "lang=\"en\">")), "S005");
}

BOOST_AUTO_TEST_CASE(s006_recommended_sections) {
    const std::string plan =
        replaced(clean_plan(), "<evaluation>" + paragraph_of(clean_plan(), "evaluation") + "</evaluation>\n", "");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "S006", Severity::warning, line_of(plan, "<application"), "/application");
    BOOST_TEST(checked.of_rule("S006").front().section == "evaluation");
}

BOOST_AUTO_TEST_SUITE_END()
