// The clean plans pass every rule; the structure X003–X005, over the plan's
// references and, for the additions of the plan format, over the project
// logic's step/@goals, a cost's or source's @beneficiary ("owner" or the id of
// a partner with role="beneficiary"), ids unique with every other id, each
// new section given once; every finding names the section it belongs to.
#include <boost/test/unit_test.hpp>

#include "rules/rule_test_support.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;
using model::Severity;

BOOST_AUTO_TEST_SUITE(clean_plans)

BOOST_AUTO_TEST_CASE(the_2007_2013_plan_passes_every_rule) {
    const CheckedPlan checked = check_plan(clean_plan());
    BOOST_TEST(checked.findings.empty(), listing(checked.findings));
}

BOOST_AUTO_TEST_CASE(the_esf_plus_plan_passes_every_rule) {
    const CheckedPlan checked = check_plan_esf_plus(clean_plan_esf_plus_full());
    BOOST_TEST(checked.findings.empty(), listing(checked.findings));
}

BOOST_AUTO_TEST_CASE(the_esf_plus_plan_without_the_additions_passes_every_rule_but_the_added_ones) {
    // What the added rules ask of it: the attachments, the applicant, a risk
    // analysis and the project logic, the grounds of discrimination, simplified costs.
    const CheckedPlan checked = check_plan_esf_plus(clean_plan_esf_plus());
    for (const model::Finding& finding : checked.findings) {
        const model::RuleDefinition* rule = model::find_rule_definition(finding.rule);
        BOOST_TEST((rule && (rule->added || finding.rule == "S006")), finding.rule << " " << finding.message_id);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(structure)

BOOST_AUTO_TEST_CASE(x003_unknown_programme_stops_the_pack_rules) {
    const std::string plan = replaced(clean_plan(), "programme=\"esf-2007-2013\"", "programme=\"esf-1994-1999\"");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "X003", Severity::error, line_of(plan, "<application"), "/application");
    BOOST_TEST(checked.findings.size() == 1u, listing(checked.findings));
    BOOST_TEST(checked.findings.front().message_id == "X003.unknown_programme");
}

BOOST_AUTO_TEST_CASE(x003_unknown_call_lists_the_calls) {
    const std::string plan = replaced(clean_plan(), "call=\"ovre-norrland-2009\"", "call=\"ovre-norrland-2010\"");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "X003", Severity::error, line_of(plan, "<application"), "/application");
    const model::Finding finding = checked.of_rule("X003").front();
    BOOST_TEST(finding.message_id == "X003.unknown_call");
    BOOST_TEST(finding.find_arg("calls")->text == "ovre-norrland-2009, transnationellt-2011");
}

BOOST_AUTO_TEST_CASE(x004_duplicate_ids_and_unresolved_references) {
    std::string plan = replaced(clean_plan(), "<activity id=\"a3\"", "<activity id=\"a2\"");
    const CheckedPlan duplicate = check_plan(plan);
    BOOST_TEST(duplicate.of_rule("X004").size() >= 1u);
    BOOST_TEST(duplicate.of_rule("X004").front().message_id == "X004.duplicate_id");
    BOOST_TEST(duplicate.of_rule("X004").front().where.path == "/application/activities/activity[3]");

    plan = replaced(clean_plan(), "goals=\"g2 g3\"", "goals=\"g2 g9\"");
    const CheckedPlan unresolved = check_plan(plan);
    expect_one(unresolved, "X004", Severity::error, line_of(plan, "goals=\"g2 g9\""),
               "/application/activities/activity[3]");
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

std::string inserted_before(std::string text, std::string_view before, std::string_view part) {
    const auto at = text.find(before);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "plan lacks " << before);
    text.insert(at, part);
    return text;
}

const std::string logic =
    "  <projectLogic>\n"
    "    <step kind=\"problem\"><p>Aktörerna saknar stöd.</p></step>\n"
    "    <step kind=\"activities\" goals=\"g1 g2\"><p>Utbildning och nätverk.</p></step>\n"
    "    <step kind=\"effects\" goals=\"g3\"><p>Fler beviljade projekt.</p></step>\n"
    "  </projectLogic>\n";
const std::string risks =
    "  <riskAnalysis>\n"
    "    <risk id=\"r1\" likelihood=\"medium\" impact=\"high\"><description>Få deltar.</description><measure>Riktad "
    "inbjudan.</measure></risk>\n"
    "  </riskAnalysis>\n";

// The clean ESF+ plan with a project logic, a risk analysis and a partner
// that is a beneficiary, whose lines and the owner's name their sub-budget.
std::string plan_with_additions() {
    std::string plan = inserted_before(clean_plan_esf_plus(), "  <organisation>", logic + risks);
    plan =
        replaced(plan, "<partner role=\"cofinancier\" orgNumber=\"212000-2742\">Umeå kommun</partner>",
                 "<partner id=\"umea\" role=\"beneficiary\" orgNumber=\"212000-2742\">Umeå kommun</partner>"
                 "<partner id=\"region\" role=\"cofinancier\" orgNumber=\"232100-0222\">Region Västerbotten</partner>");
    plan = replaced(plan, "amount=\"300000\">Utbildare", "amount=\"300000\" beneficiary=\"umea\">Utbildare");
    plan = replaced(plan, "amount=\"600000\" tags=\"accessibility\">",
                    "amount=\"600000\" tags=\"accessibility\" beneficiary=\"owner\">");
    plan = replaced(plan, "<source kind=\"esf\" amount=\"1080000\"/>",
                    "<source kind=\"esf\" amount=\"1080000\" beneficiary=\"owner\"/>");
    return plan;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(structure_additions)

BOOST_AUTO_TEST_CASE(x004_every_new_reference_that_resolves_is_silent) {
    const CheckedPlan checked = check_plan_esf_plus(plan_with_additions());
    BOOST_TEST(checked.loaded);
    expect_none(checked, "X004");
    expect_none(checked, "X005");
}

BOOST_AUTO_TEST_CASE(x004_a_step_naming_a_goal_that_does_not_exist) {
    const std::string plan =
        replaced(plan_with_additions(), "goals=\"g1 g2\"><p>Utbildning", "goals=\"g1 g7\"><p>Utbildning");
    const CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "X004", Severity::error, line_of(plan, "goals=\"g1 g7\""), "/application/projectLogic/step[2]");
    const model::Finding finding = checked.of_rule("X004").front();
    BOOST_TEST(finding.message_id == "X004.unresolved");
    BOOST_TEST(finding.section == "projectLogic");
    BOOST_TEST(finding.find_arg("kind")->text == "goal");
    BOOST_TEST(finding.find_arg("id")->text == "g7");
}

BOOST_AUTO_TEST_CASE(x004_a_beneficiary_that_is_no_partner) {
    const std::string plan =
        replaced(plan_with_additions(), "beneficiary=\"umea\">Utbildare", "beneficiary=\"umeaa\">Utbildare");
    const CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "X004", Severity::error, line_of(plan, "beneficiary=\"umeaa\""),
               "/application/budget/costs/cost[2]");
    const model::Finding finding = checked.of_rule("X004").front();
    BOOST_TEST(finding.message_id == "X004.unresolved");
    BOOST_TEST(finding.section == "budget");
    BOOST_TEST(finding.find_arg("kind")->text == "partner");
    BOOST_TEST(finding.find_arg("id")->text == "umeaa");
}

BOOST_AUTO_TEST_CASE(x004_a_beneficiary_naming_a_partner_that_is_not_one) {
    const std::string plan = replaced(plan_with_additions(), "orgNumber=\"232100-0222\" amount=\"520000\"/>",
                                      "orgNumber=\"232100-0222\" amount=\"520000\" beneficiary=\"region\"/>");
    const CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "X004", Severity::error, line_of(plan, "beneficiary=\"region\""),
               "/application/budget/financing/source[2]");
    const model::Finding finding = checked.of_rule("X004").front();
    BOOST_TEST(finding.message_id == "X004.not_beneficiary");
    BOOST_TEST(finding.section == "budget");
    BOOST_TEST(finding.find_arg("id")->text == "region");
    BOOST_TEST(finding.find_arg("partner")->text == "Region Västerbotten");
    BOOST_TEST(finding.find_arg("role")->text == "cofinancier");
}

BOOST_AUTO_TEST_CASE(x004_partner_and_risk_ids_share_the_plan_s_id_space) {
    std::string plan = replaced(plan_with_additions(), "<partner id=\"region\"", "<partner id=\"g2\"");
    CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "X004", Severity::error, line_of(plan, "<partner id=\"g2\""),
               "/application/partners/partner[2]");
    BOOST_TEST(checked.of_rule("X004").front().message_id == "X004.duplicate_id");
    BOOST_TEST(checked.of_rule("X004").front().section == "partners");

    plan = replaced(plan_with_additions(), "<risk id=\"r1\"", "<risk id=\"a2\"");
    checked = check_plan_esf_plus(plan);
    expect_one(checked, "X004", Severity::error, line_of(plan, "<risk id=\"a2\""), "/application/riskAnalysis/risk");
    BOOST_TEST(checked.of_rule("X004").front().message_id == "X004.duplicate_id");
    BOOST_TEST(checked.of_rule("X004").front().section == "riskAnalysis");

    plan = replaced(plan_with_additions(), "<partner id=\"region\"", "<partner id=\"umea\"");
    checked = check_plan_esf_plus(plan);
    expect_one(checked, "X004", Severity::error, line_of(plan, "<partner id=\"umea\" role=\"cofinancier\""),
               "/application/partners/partner[2]");
}

BOOST_AUTO_TEST_CASE(x004_no_partner_may_be_called_owner) {
    const std::string plan = replaced(plan_with_additions(), "<partner id=\"region\"", "<partner id=\"owner\"");
    const CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "X004", Severity::error, line_of(plan, "<partner id=\"owner\""),
               "/application/partners/partner[2]");
    BOOST_TEST(checked.of_rule("X004").front().message_id == "X004.owner_id");
    BOOST_TEST(checked.of_rule("X004").front().section == "partners");
}

BOOST_AUTO_TEST_CASE(x005_each_new_section_given_twice_is_reported_at_both_places) {
    const std::vector<std::pair<std::string, std::string>> sections = {
        {"riskAnalysis", "  <riskAnalysis><p>Igen.</p></riskAnalysis>\n"},
        {"projectLogic", "  <projectLogic><step kind=\"problem\"><p>Igen.</p></step></projectLogic>\n"},
        {"sustainableDevelopment", "  <sustainableDevelopment><p>Igen.</p></sustainableDevelopment>\n"},
        {"fundamentalRights", "  <fundamentalRights><p>Igen.</p></fundamentalRights>\n"},
        {"attachments", "  <attachments><attachment kind=\"co-financing-letter\">Intyg</attachment></attachments>\n"},
    };
    for (const auto& [section, text] : sections) BOOST_TEST_CONTEXT(section) {
            // riskAnalysis and projectLogic are in the plan already; the others are given twice here.
            std::string plan = plan_with_additions();
            if (section != "riskAnalysis" && section != "projectLogic")
                plan = inserted_before(plan, "  <organisation>", text);
            plan = inserted_before(plan, "  <budget", text);
            const CheckedPlan checked = check_plan_esf_plus(plan);
            // One finding at each place, each naming the other's line.
            const auto x005 = checked.of_rule("X005");
            BOOST_REQUIRE_MESSAGE(x005.size() == 2u, listing(checked.findings));
            const int first = line_of(plan, "  <" + section + ">"), second = line_of(plan, "  <budget") - 1;
            for (const model::Finding& finding : x005) {
                BOOST_TEST(finding.message_id == "X005.repeated");
                BOOST_TEST(finding.section == section);
                BOOST_TEST((finding.severity == Severity::error));
                const bool at_first = finding.where.line == first;
                BOOST_TEST((at_first || finding.where.line == second), finding.where.line);
                BOOST_TEST(finding.where.path == "/application/" + section + (at_first ? "[1]" : "[2]"));
                BOOST_TEST(finding.find_arg("other")->text == std::to_string(at_first ? second : first));
            }
        }
}

BOOST_AUTO_TEST_SUITE_END()
