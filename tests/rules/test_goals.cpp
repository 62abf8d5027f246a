// Goals G001–G008.
#include <boost/test/unit_test.hpp>

#include "rules/rule_test_support.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;
using model::Severity;

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
