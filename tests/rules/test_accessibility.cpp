// Accessibility A001–A003.
#include <boost/test/unit_test.hpp>

#include "rules/rule_test_support.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;
using model::Severity;

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
