// Sections S001–S006, goals G001–G008 and accessibility A001–A003.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "rules/rule_test_support.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;
using model::Severity;

namespace {

// The <p>…</p> of the first `element` in the clean plan.
std::string paragraph_of(const std::string& plan, const std::string& element) {
    const std::size_t open = plan.find("<" + element + ">");
    const std::size_t start = plan.find("<p>", open);
    const std::size_t end = plan.find("</p>", start);
    return plan.substr(start, end + 4 - start);
}

}  // namespace

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

BOOST_AUTO_TEST_SUITE(goals)

BOOST_AUTO_TEST_CASE(g001_and_g002_goal_kinds) {
    std::string plan = replaced(clean_plan(), "<goal id=\"g1\" kind=\"project\">", "<goal id=\"g1\" kind=\"effect\">");
    plan = replaced(plan, "<goal id=\"g2\" kind=\"project\">", "<goal id=\"g2\" kind=\"effect\">");
    CheckedPlan checked = check_plan(plan);
    expect_one(checked, "G001", Severity::error, line_of(plan, "<goals>"), "/application/goals");
    expect_none(checked, "G004");  // effect goals may be due after the project

    plan = replaced(clean_plan(), "<goal id=\"g3\" kind=\"effect\">", "<goal id=\"g3\" kind=\"project\">");
    plan = replaced(plan, "due=\"2013-12-31\"", "due=\"2011-12-31\"");
    checked = check_plan(plan);
    expect_one(checked, "G002", Severity::warning, line_of(plan, "<goals>"), "/application/goals");
}

BOOST_AUTO_TEST_CASE(g003_goal_without_indicator) {
    const std::string plan = replaced(clean_plan(),
                                      "      <indicator unit=\"organisations\" baseline=\"0\" target=\"15\" "
                                      "due=\"2011-12-31\">Organisationer i nätverket</indicator>\n",
                                      "");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "G003", Severity::error, line_of(plan, "<goal id=\"g2\""), "/application/goals/goal[2]");
}

BOOST_AUTO_TEST_CASE(g004_project_goal_due_after_the_project) {
    const std::string plan = replaced(clean_plan(), "due=\"2011-06-30\"", "due=\"2012-06-30\"");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "G004", Severity::error, line_of(plan, "due=\"2012-06-30\""),
               "/application/goals/goal[1]/indicator");
}

BOOST_AUTO_TEST_CASE(g005_women_and_men) {
    std::string plan = replaced(clean_plan(), "women=\"70\" men=\"50\" due", "women=\"70\" men=\"40\" due");
    CheckedPlan checked = check_plan(plan);
    expect_one(checked, "G005", Severity::error, line_of(plan, "men=\"40\""), "/application/goals/goal[1]/indicator");
    BOOST_TEST(checked.of_rule("G005").front().find_arg("sum")->text == "110");

    plan = replaced(clean_plan(), "women=\"70\" men=\"50\" due", "due");
    checked = check_plan(plan);
    expect_one(checked, "G005", Severity::warning, line_of(plan, "target=\"120\""),
               "/application/goals/goal[1]/indicator");
}

BOOST_AUTO_TEST_CASE(g006_goal_without_activity) {
    const std::string plan = replaced(clean_plan(), "goals=\"g2 g3\"", "goals=\"g2\"");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "G006", Severity::error, line_of(plan, "<goal id=\"g3\""), "/application/goals/goal[3]");
}

BOOST_AUTO_TEST_CASE(g007_goal_without_basis) {
    const std::string plan = replaced(clean_plan(), "      <basis finding=\"f2\"/>\n", "");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "G007", Severity::warning, line_of(plan, "<goal id=\"g2\""), "/application/goals/goal[2]");
    // Without a findings file there is nothing to rest on yet.
    expect_none(check_plan(plan, with_findings("")), "G007");
}

BOOST_AUTO_TEST_CASE(g008_target_not_above_baseline) {
    const std::string plan = replaced(clean_plan(), "baseline=\"40\" target=\"60\"", "baseline=\"60\" target=\"60\"");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "G008", Severity::warning, line_of(plan, "baseline=\"60\""),
               "/application/goals/goal[3]/indicator");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(accessibility)

BOOST_AUTO_TEST_CASE(a001_empty_accessibility) {
    std::string plan = clean_plan();
    const std::size_t from = plan.find("<accessibility>") + 15;
    plan.erase(from, plan.find("</accessibility>") - from);
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "A001", Severity::error, line_of(plan, "<accessibility>"), "/application/accessibility");
    expect_none(checked, "S001");  // said once, by A001
    expect_none(checked, "A002");
}

BOOST_AUTO_TEST_CASE(a002_each_aspect) {
    const std::string plan =
        replaced(clean_plan(), "<participation>" + paragraph_of(clean_plan(), "participation") + "</participation>",
                 "<participation><p> </p></participation>");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "A002", Severity::warning, line_of(plan, "<participation>"),
               "/application/accessibility/participation");
    BOOST_TEST(checked.of_rule("A002").front().message_id == "A002.participation");
}

BOOST_AUTO_TEST_CASE(a003_nothing_pays_for_accessibility) {
    std::string plan = replaced(clean_plan(), " tags=\"accessibility\">\n      <title>", ">\n      <title>");
    plan = replaced(plan, " amount=\"600000\" tags=\"accessibility\">", " amount=\"600000\">");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "A003", Severity::info, line_of(plan, "<accessibility>"), "/application/accessibility");
    // Either an activity or a cost with the tag is enough.
    expect_none(check_plan(replaced(clean_plan(), " amount=\"600000\" tags=\"accessibility\">", " amount=\"600000\">")),
                "A003");
}

BOOST_AUTO_TEST_SUITE_END()
