// The pre-study findings F001–F004.
#include <boost/test/unit_test.hpp>

#include "rules/rule_test_support.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;
using model::Severity;

BOOST_AUTO_TEST_SUITE(findings)

BOOST_AUTO_TEST_CASE(f001_finding_no_goal_rests_on) {
    const std::string study = replaced(clean_findings(), "scope=\"out\"", "");
    const CheckedPlan checked = check_plan(clean_plan(), with_findings(study));
    expect_one(checked, "F001", Severity::warning, line_of(study, "<finding id=\"f3\""), "/findings/finding[3]");
    BOOST_TEST(checked.of_rule("F001").front().where.file == checked.findings_file);
    BOOST_TEST(checked.of_rule("F001").front().section == "findings");
}

BOOST_AUTO_TEST_CASE(f002_question_without_finding) {
    const std::string study = replaced(clean_findings(), "  </questions>",
                                       "    <question id=\"q3\">Vad kostar det?</question>\n  </questions>");
    const CheckedPlan checked = check_plan(clean_plan(), with_findings(study));
    expect_one(checked, "F002", Severity::warning, line_of(study, "id=\"q3\""), "/findings/questions/question[3]");
}

BOOST_AUTO_TEST_CASE(f003_study_period_differs) {
    const std::string study = replaced(clean_findings(), "<period start=\"2009-01-07\" end=\"2009-07-07\"/>",
                                       "<period start=\"2009-01-07\" end=\"2009-06-30\"/>");
    const CheckedPlan checked = check_plan(clean_plan(), with_findings(study));
    expect_one(checked, "F003", Severity::warning, line_of(clean_plan(), "<preStudy"), "/application/project/preStudy");
}

BOOST_AUTO_TEST_CASE(f004_finding_without_evidence) {
    const std::string study =
        replaced(clean_findings(), "    <evidence kind=\"interview\" actors=\"act1\">Intervjuerna.</evidence>\n", "");
    const CheckedPlan checked = check_plan(clean_plan(), with_findings(study));
    expect_one(checked, "F004", Severity::warning, line_of(study, "<finding id=\"f2\""), "/findings/finding[2]");
}

BOOST_AUTO_TEST_SUITE_END()
