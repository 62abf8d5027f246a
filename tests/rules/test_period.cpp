// Period D001–D007.
#include <boost/test/unit_test.hpp>

#include "rules/rule_test_support.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;
using model::Severity;

namespace {

// The clean 2007–2013 plan as a pre-study: no call (the pack's defaults apply), no pre-study of its own.
std::string as_prestudy(const std::string& start, const std::string& end) {
    std::string plan = replaced(clean_plan(), "call=\"ovre-norrland-2009\" ", "");
    plan = replaced(plan, "<phase>implementation</phase>", "<phase>prestudy</phase>");
    plan = replaced(plan, "<period start=\"2010-01-01\" end=\"2011-12-31\"/>",
                    "<period start=\"" + start + "\" end=\"" + end + "\"/>");
    return plan;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(period)

BOOST_AUTO_TEST_CASE(d001_real_dates_and_end_after_start) {
    std::string plan = replaced(clean_plan(), "<activity id=\"a1\" start=\"2010-01-01\" end=\"2010-06-30\"",
                                "<activity id=\"a1\" start=\"2010-01-01\" end=\"2010-02-30\"");
    CheckedPlan checked = check_plan(plan);
    expect_one(checked, "D001", Severity::error, line_of(plan, "2010-02-30"), "/application/activities/activity[1]");
    BOOST_TEST(checked.of_rule("D001").front().find_arg("date")->text == "2010-02-30");
    // The activity by the number the draft gives it and by its id, not only by the path.
    BOOST_TEST(checked.of_rule("D001").front().message_id == "D001.activity_invalid_date");
    BOOST_TEST(checked.of_rule("D001").front().find_arg("number")->text == "A1");
    BOOST_TEST(checked.of_rule("D001").front().find_arg("activity")->text == "a1");

    plan = replaced(clean_plan(), "<activity id=\"a3\" start=\"2011-01-01\" end=\"2011-12-31\"",
                    "<activity id=\"a3\" start=\"2011-01-01\" end=\"2010-12-31\"");
    checked = check_plan(plan);
    expect_one(checked, "D001", Severity::error, line_of(plan, "id=\"a3\""), "/application/activities/activity[3]");
    BOOST_TEST(checked.of_rule("D001").front().message_id == "D001.activity_end_before_start");
    BOOST_TEST(checked.of_rule("D001").front().find_arg("number")->text == "A3");
    BOOST_TEST(checked.of_rule("D001").front().find_arg("activity")->text == "a3");

    plan = replaced(clean_plan(), "<period start=\"2010-01-01\" end=\"2011-12-31\"/>",
                    "<period start=\"2011-12-31\" end=\"2010-01-01\"/>");
    checked = check_plan(plan);
    expect_one(checked, "D001", Severity::error, line_of(plan, "<period"), "/application/project/period");
    BOOST_TEST(checked.of_rule("D001").front().message_id == "D001.end_before_start");
    BOOST_TEST(checked.of_rule("D001").front().find_arg("programme")->text == "esf-2007-2013");

    plan = replaced(clean_plan(), "due=\"2011-06-30\"", "due=\"2011-06-31\"");
    checked = check_plan(plan);
    expect_one(checked, "D001", Severity::error, line_of(plan, "2011-06-31"), "/application/goals/goal[1]/indicator");
}

BOOST_AUTO_TEST_CASE(d002_duration_suits_the_phase) {
    // The 2007–2013 pre-study: 6 months pass, a day more warns, more than 9 months are an error.
    CheckedPlan checked = check_plan(as_prestudy("2010-01-07", "2010-07-07"));
    expect_none(checked, "D002");
    std::string plan = as_prestudy("2010-01-07", "2010-07-08");
    checked = check_plan(plan);
    expect_one(checked, "D002", Severity::warning, line_of(plan, "<period"), "/application/project/period");
    // Exactly 6 months and 1 day, not rounded up to 7; the programme names the phase's words.
    BOOST_TEST(checked.of_rule("D002").front().find_arg("months")->number == 6);
    BOOST_TEST(checked.of_rule("D002").front().find_arg("days")->number == 1);
    BOOST_TEST(checked.of_rule("D002").front().find_arg("programme")->text == "esf-2007-2013");
    plan = as_prestudy("2010-01-07", "2010-08-06");
    checked = check_plan(plan);
    expect_one(checked, "D002", Severity::warning, line_of(plan, "<period"), "/application/project/period");
    BOOST_TEST(checked.of_rule("D002").front().find_arg("months")->number == 6);
    BOOST_TEST(checked.of_rule("D002").front().find_arg("days")->number == 30);
    plan = as_prestudy("2010-01-01", "2010-10-31");
    checked = check_plan(plan);
    expect_one(checked, "D002", Severity::error, line_of(plan, "<period"), "/application/project/period");

    // An implementation: warning above 36 months (the call's window aside).
    plan = replaced(clean_plan(), "call=\"ovre-norrland-2009\" ", "");
    plan = replaced(plan, "end=\"2011-12-31\"/>", "end=\"2013-01-31\"/>");
    checked = check_plan(plan);
    expect_one(checked, "D002", Severity::warning, line_of(plan, "<period"), "/application/project/period");
    BOOST_TEST(checked.of_rule("D002").front().find_arg("months")->number == 36);
    BOOST_TEST(checked.of_rule("D002").front().find_arg("days")->number == 30);
}

BOOST_AUTO_TEST_CASE(d003_eligibility_window) {
    std::string plan = replaced(clean_plan(), "call=\"ovre-norrland-2009\" ", "");
    plan = replaced(plan, "end=\"2011-12-31\"/>", "end=\"2016-01-31\"/>");
    const CheckedPlan checked = check_plan(plan);
    const std::vector<model::Finding> found = checked.of_rule("D003");
    BOOST_TEST_REQUIRE(found.size() == 1u, listing(checked.findings));
    BOOST_TEST(found.front().message_id == "D003.after_window");
    BOOST_TEST(found.front().where.path == "/application/project/period");
    BOOST_TEST(found.front().where.line == line_of(plan, "<period"));
    BOOST_TEST(model::to_string(found.front().severity) == "error");
}

BOOST_AUTO_TEST_CASE(d004_call_window) {
    std::string plan = replaced(clean_plan(), "<period start=\"2010-01-01\" end=\"2011-12-31\"/>",
                                "<period start=\"2009-06-01\" end=\"2012-07-31\"/>");
    const CheckedPlan checked = check_plan(plan);
    const std::vector<model::Finding> found = checked.of_rule("D004");
    BOOST_TEST_REQUIRE(found.size() == 2u, listing(checked.findings));
    BOOST_TEST(found[0].message_id == "D004.too_early");
    BOOST_TEST(found[0].find_arg("earliest")->text == "2009-07-01");
    BOOST_TEST(found[1].message_id == "D004.too_late");
    for (const model::Finding& finding : found) {
        BOOST_TEST(finding.where.path == "/application/project/period");
        BOOST_TEST(finding.where.line == line_of(plan, "<period"));
    }
}

BOOST_AUTO_TEST_CASE(d005_activities_inside_the_period) {
    const std::string plan = replaced(clean_plan(), "<activity id=\"a3\" start=\"2011-01-01\" end=\"2011-12-31\"",
                                      "<activity id=\"a3\" start=\"2011-01-01\" end=\"2012-03-31\"");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "D005", Severity::error, line_of(plan, "2012-03-31"), "/application/activities/activity[3]");
}

BOOST_AUTO_TEST_CASE(d006_after_the_prestudy) {
    std::string plan = replaced(clean_plan(), "start=\"2009-01-07\" end=\"2009-07-07\" findings",
                                "start=\"2009-07-07\" end=\"2010-01-15\" findings");
    CheckedPlan checked = check_plan(plan);
    expect_one(checked, "D006", Severity::error, line_of(plan, "<period"), "/application/project/period");

    plan = replaced(clean_plan(), "start=\"2009-01-07\" end=\"2009-07-07\" findings",
                    "start=\"2008-01-07\" end=\"2008-07-07\" findings");
    checked = check_plan(plan);
    expect_one(checked, "D006", Severity::warning, line_of(plan, "<period"), "/application/project/period");
    // 2008-07-07 to 2010-01-01: 17 whole months and 25 days.
    BOOST_TEST(checked.of_rule("D006").front().find_arg("months")->number == 17);
    BOOST_TEST(checked.of_rule("D006").front().find_arg("days")->number == 25);
    BOOST_TEST(checked.of_rule("D006").front().find_arg("programme")->text == "esf-2007-2013");

    // 12 months and 1 day is over a 12-month limit; 12 months is not.
    plan = replaced(clean_plan(), "start=\"2009-01-07\" end=\"2009-07-07\" findings",
                    "start=\"2008-06-30\" end=\"2008-12-31\" findings");
    checked = check_plan(plan);
    expect_one(checked, "D006", Severity::warning, line_of(plan, "<period"), "/application/project/period");
    BOOST_TEST(checked.of_rule("D006").front().find_arg("months")->number == 12);
    BOOST_TEST(checked.of_rule("D006").front().find_arg("days")->number == 1);
    plan = replaced(clean_plan(), "start=\"2009-01-07\" end=\"2009-07-07\" findings",
                    "start=\"2008-07-01\" end=\"2009-01-01\" findings");
    checked = check_plan(plan);
    expect_none(checked, "D006");
}

// The finding names its programme, so that the report says "förstudie" for ESF+.
BOOST_AUTO_TEST_CASE(d006_names_the_esf_plus_programme) {
    const std::string plan = replaced(clean_plan_esf_plus(), "start=\"2023-01-07\" end=\"2023-07-07\"",
                                      "start=\"2022-01-07\" end=\"2022-07-07\"");
    const CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "D006", Severity::warning, line_of(plan, "<period"), "/application/project/period");
    BOOST_TEST(checked.of_rule("D006").front().find_arg("programme")->text == "esf-plus-2021-2027");
    BOOST_TEST(checked.of_rule("D006").front().find_arg("months")->number == 17);
    BOOST_TEST(checked.of_rule("D006").front().find_arg("days")->number == 25);
}

BOOST_AUTO_TEST_CASE(d007_started_before_today) {
    CheckedPlan checked = check_plan(clean_plan(), with_today(model::Date{2010, 1, 2}));
    expect_one(checked, "D007", Severity::warning, line_of(clean_plan(), "<period"), "/application/project/period");
    // Starting today is not starting before today.
    checked = check_plan(clean_plan(), with_today(model::Date{2010, 1, 1}));
    expect_none(checked, "D007");
}

BOOST_AUTO_TEST_SUITE_END()
