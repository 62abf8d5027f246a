// The FRAMSYN samples check with no errors, and each deliberate defect put
// into a copy of them is caught by the right rule, at the right place.
#include <boost/test/unit_test.hpp>

#include <set>

#include "rules/rule_test_support.hpp"
#include "support/temp_files.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;
using model::Severity;

namespace {

std::string sample_plan() { return read_file(source_path("samples/framsyn/plan.xml")); }
std::string sample_findings() { return read_file(source_path("samples/framsyn/findings.xml")); }
std::string prestudy_plan() { return read_file(source_path("samples/framsyn-prestudy/plan.xml")); }

CheckOptions sample_options(const std::string& findings = sample_findings()) {
    CheckOptions options = with_findings(findings);
    options.findings_name = "findings.xml";
    return options;
}

CheckedPlan check_sample(const std::string& plan, const std::string& findings = sample_findings()) {
    return check_plan(plan, sample_options(findings));
}

int errors_in(const CheckedPlan& checked) {
    int errors = 0;
    for (const model::Finding& finding : checked.findings) errors += finding.severity == Severity::error;
    return errors;
}

std::set<std::string> rules_of(const CheckedPlan& checked) {
    std::set<std::string> rules;
    for (const model::Finding& finding : checked.findings) rules.insert(finding.rule);
    return rules;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(samples)

BOOST_AUTO_TEST_CASE(the_implementation_sample_has_no_errors) {
    BOOST_TEST_REQUIRE(!sample_plan().empty(), "samples/framsyn/plan.xml is missing");
    const CheckedPlan checked = check_sample(sample_plan());
    BOOST_TEST(errors_in(checked) == 0, listing(checked.findings));
    BOOST_TEST(checked.findings.size() <= 3u, "few and real warnings:\n" << listing(checked.findings));
}

BOOST_AUTO_TEST_CASE(the_prestudy_sample_has_no_errors_under_the_pack_defaults) {
    BOOST_TEST_REQUIRE(!prestudy_plan().empty(), "samples/framsyn-prestudy/plan.xml is missing");
    // 100 % ESF and six months: what the 2007–2013 pack allows a pre-study without a call.
    const CheckedPlan checked = check_plan(prestudy_plan(), with_today(model::Date{2008, 12, 1}));
    BOOST_TEST(errors_in(checked) == 0, listing(checked.findings));
    for (const char* rule : {"B005", "B006", "B007", "D002", "D003", "M001", "M002", "M003", "M004", "M005"})
        expect_none(checked, rule);
}

BOOST_AUTO_TEST_CASE(the_esf_plus_sample_with_every_addition_passes_every_rule) {
    // samples/esf-plus: the applicant, risks, project logic, two beneficiary
    // partners with balanced sub-budgets, the indirect-cost flat rate, common
    // indicators; checked on a day before it starts (D007).
    const std::string plan = read_file(source_path("samples/esf-plus/plan.xml"));
    BOOST_TEST_REQUIRE(!plan.empty(), "samples/esf-plus/plan.xml is missing");
    CheckOptions options = with_findings(read_file(source_path("samples/esf-plus/findings.xml")));
    options.findings_name = "findings.xml";
    options.today = model::Date{2023, 11, 1};
    const CheckedPlan checked = check_plan(plan, options);
    // One hint only: the supervisors who finished their training are counted
    // by an indicator of the project's own, not one of the common indicators (G009, info).
    BOOST_TEST(checked.findings.size() == 1u, listing(checked.findings));
    expect_one(checked, "G009", Severity::info, line_of(plan, "Handledare som har fullföljt"),
               "/application/goals/goal[2]/indicator[2]");
}

BOOST_AUTO_TEST_CASE(b005_the_financing_does_not_cover_the_costs) {
    const std::string plan = replaced(sample_plan(), "orgNumber=\"202100-2346\" amount=\"300000\"",
                                      "orgNumber=\"202100-2346\" amount=\"240000\"");
    const CheckedPlan checked = check_sample(plan);
    expect_one(checked, "B005", Severity::error, line_of(plan, "<financing>"), "/application/budget/financing");
    const model::Finding finding = checked.of_rule("B005").front();
    BOOST_TEST(finding.find_arg("financing")->number == 195000000);
    BOOST_TEST(finding.find_arg("costs")->number == 201000000);
    BOOST_TEST(finding.find_arg("difference")->number == 6000000);
    BOOST_TEST(rules_of(checked) == (std::set<std::string>{"B005"}), listing(checked.findings));
}

BOOST_AUTO_TEST_CASE(b006_b007_too_much_esf) {
    std::string plan = replaced(sample_plan(), "<source kind=\"esf\" amount=\"1005000\"/>",
                                "<source kind=\"esf\" amount=\"1210000\"/>");
    plan = replaced(plan, "orgNumber=\"232100-0222\" amount=\"200000\"", "orgNumber=\"232100-0222\" amount=\"195000\"");
    plan = replaced(plan, "orgNumber=\"202100-2346\" amount=\"300000\"", "orgNumber=\"202100-2346\" amount=\"100000\"");
    const CheckedPlan checked = check_sample(plan);
    expect_one(checked, "B006", Severity::error, line_of(plan, "<source kind=\"esf\""),
               "/application/budget/financing/source[1]");
    expect_one(checked, "B007", Severity::error, line_of(plan, "<financing>"), "/application/budget/financing");
}

BOOST_AUTO_TEST_CASE(b003_a_cost_after_the_project) {
    const std::string plan =
        replaced(sample_plan(), "year=\"2011\" amount=\"20000\">Resor", "year=\"2012\" amount=\"20000\">Resor");
    const CheckedPlan checked = check_sample(plan);
    expect_one(checked, "B003", Severity::error, line_of(plan, "year=\"2012\""), "/application/budget/costs/cost[27]");
}

BOOST_AUTO_TEST_CASE(b011_transnational_section_without_tagged_costs) {
    const std::string plan = replaced(sample_plan(), " tags=\"transnational\">Studiebesök", ">Studiebesök");
    const CheckedPlan checked = check_sample(plan);
    expect_one(checked, "B011", Severity::warning, line_of(plan, "<transnational>"), "/application/transnational");
}

BOOST_AUTO_TEST_CASE(m003_m004_m005_project_facts) {
    std::string plan = replaced(sample_plan(), "<municipality code=\"2404\">Vindeln</municipality>",
                                "<municipality code=\"2405\">Vindeln</municipality>");
    CheckedPlan checked = check_sample(plan);
    expect_one(checked, "M003", Severity::error, line_of(plan, "code=\"2405\""),
               "/application/project/municipalities/municipality[3]");

    plan = replaced(sample_plan(), "<municipality code=\"2482\">Skellefteå</municipality>",
                    "<municipality code=\"2482\">Skellefteå</municipality>\n      <municipality "
                    "code=\"2281\">Sundsvall</municipality>");
    checked = check_sample(plan);
    expect_one(checked, "M004", Severity::error, line_of(plan, "code=\"2281\""),
               "/application/project/municipalities/municipality[16]");

    plan = replaced(sample_plan(), "<owner orgNumber=\"222000-1412\">", "<owner orgNumber=\"222000-1421\">");
    checked = check_sample(plan);
    expect_one(checked, "M005", Severity::error, line_of(plan, "<owner"), "/application/project/owner");
}

BOOST_AUTO_TEST_CASE(s003_a_placeholder_left_in_the_text) {
    const std::string plan =
        replaced(sample_plan(), "<evaluation>\n    <p>", "<evaluation>\n    <p>XXX kolla med utvärderaren. ");
    const CheckedPlan checked = check_sample(plan);
    expect_one(checked, "S003", Severity::warning, line_of(plan, "XXX kolla"), "/application/evaluation/p");
}

BOOST_AUTO_TEST_CASE(g005_women_and_men_do_not_add_up) {
    const std::string plan =
        replaced(sample_plan(), "target=\"120\" women=\"70\" men=\"50\"", "target=\"120\" women=\"70\" men=\"45\"");
    const CheckedPlan checked = check_sample(plan);
    expect_one(checked, "G005", Severity::error, line_of(plan, "men=\"45\""),
               "/application/goals/goal[3]/indicator[1]");
}

BOOST_AUTO_TEST_CASE(d004_d005_d006_dates) {
    std::string plan = replaced(sample_plan(), "<activity id=\"a7\" start=\"2009-10-01\" end=\"2011-09-30\"",
                                "<activity id=\"a7\" start=\"2009-10-01\" end=\"2011-12-31\"");
    CheckedPlan checked = check_sample(plan);
    expect_one(checked, "D005", Severity::error, line_of(plan, "<activity id=\"a7\""),
               "/application/activities/activity[7]");

    plan = replaced(sample_plan(), "<period start=\"2009-10-01\" end=\"2011-09-30\"/>",
                    "<period start=\"2009-06-01\" end=\"2011-09-30\"/>");
    checked = check_sample(plan);
    expect_one(checked, "D004", Severity::error, line_of(plan, "<period start=\"2009-06-01\""),
               "/application/project/period");
    expect_one(checked, "D006", Severity::error, line_of(plan, "<period start=\"2009-06-01\""),
               "/application/project/period");
}

BOOST_AUTO_TEST_CASE(d002_a_prestudy_that_runs_too_long) {
    std::string plan = replaced(prestudy_plan(), "<period start=\"2009-01-07\" end=\"2009-07-07\"/>",
                                "<period start=\"2009-01-07\" end=\"2009-10-30\"/>");
    CheckedPlan checked = check_plan(plan, with_today(model::Date{2008, 12, 1}));
    expect_one(checked, "D002", Severity::error, line_of(plan, "<period"), "/application/project/period");
    plan = replaced(prestudy_plan(), "<period start=\"2009-01-07\" end=\"2009-07-07\"/>",
                    "<period start=\"2009-01-07\" end=\"2009-08-07\"/>");
    checked = check_plan(plan, with_today(model::Date{2008, 12, 1}));
    expect_one(checked, "D002", Severity::warning, line_of(plan, "<period"), "/application/project/period");
}

BOOST_AUTO_TEST_CASE(f004_g007_f001_evidence_and_basis) {
    std::string findings = sample_findings();
    const std::size_t finding = findings.find("<finding id=\"f-comp-3\"");
    const std::size_t evidence = findings.find("<evidence", finding);
    const std::size_t evidence_end = findings.find("</evidence>", evidence) + 11;
    const std::size_t end_of_finding = findings.find("</finding>", finding);
    BOOST_TEST_REQUIRE(evidence < end_of_finding);
    // Remove every evidence of f-comp-3.
    std::string without = findings.substr(0, evidence);
    std::size_t cursor = evidence_end;
    while (true) {
        const std::size_t next = findings.find("<evidence", cursor);
        if (next == std::string::npos || next > end_of_finding) break;
        cursor = findings.find("</evidence>", next) + 11;
    }
    without += findings.substr(cursor);
    CheckedPlan checked = check_sample(sample_plan(), without);
    expect_one(checked, "F004", Severity::warning, line_of(without, "<finding id=\"f-comp-3\""),
               "/findings/finding[7]");

    // A goal without a basis, and the finding it rested on now unused.
    const std::string plan = sample_plan();
    const std::size_t goal = plan.find("<goal id=\"g4\"");
    const std::size_t basis = plan.find("<basis", goal);
    const std::size_t basis_end = plan.find("/>", basis) + 2;
    BOOST_TEST_REQUIRE(basis < plan.find("</goal>", goal));
    std::string changed = plan.substr(0, basis) + plan.substr(basis_end);
    while (true) {  // every basis of g4
        const std::size_t more = changed.find("<basis", goal);
        if (more == std::string::npos || more > changed.find("</goal>", goal)) break;
        changed.erase(more, changed.find("/>", more) + 2 - more);
    }
    checked = check_sample(changed);
    expect_one(checked, "G007", Severity::warning, line_of(changed, "<goal id=\"g4\""), "/application/goals/goal[4]");
}

BOOST_AUTO_TEST_SUITE_END()
