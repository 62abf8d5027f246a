// The project facts M001–M007.
#include <boost/test/unit_test.hpp>

#include "rules/rule_test_support.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;
using model::Severity;

BOOST_AUTO_TEST_SUITE(project_facts)

BOOST_AUTO_TEST_CASE(m001_area_not_in_the_pack) {
    const std::string plan =
        replaced(clean_plan(), "<programmeArea>PO1</programmeArea>", "<programmeArea>PO3</programmeArea>");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "M001", Severity::error, line_of(plan, "<programmeArea>"),
               "/application/project/programmeArea");
    BOOST_TEST(checked.of_rule("M001").front().find_arg("areas")->text == "PO1, PO2");
}

BOOST_AUTO_TEST_CASE(m001_area_not_in_the_call) {
    // transnationellt-2011 is open to PO1 only.
    std::string plan = replaced(clean_plan(), "call=\"ovre-norrland-2009\"", "call=\"transnationellt-2011\"");
    plan = replaced(plan, "<programmeArea>PO1</programmeArea>", "<programmeArea>PO2</programmeArea>");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "M001", Severity::error, line_of(plan, "<programmeArea>"),
               "/application/project/programmeArea");
    BOOST_TEST(checked.of_rule("M001").front().message_id == "M001.area_not_in_call");
}

BOOST_AUTO_TEST_CASE(m001_area_d_only_in_the_north) {
    std::string plan = replaced(clean_plan_esf_plus(), "call=\"livslangt-larande-ovre-norrland-2023\"",
                                "call=\"glesa-geografin-2024\"");
    plan = replaced(plan, "<programmeArea>A1</programmeArea>", "<programmeArea>D</programmeArea>");
    expect_none(check_plan_esf_plus(plan), "M001");
    // Stockholm is not sparsely populated: area D is not open to SE11.
    plan = replaced(clean_plan_esf_plus(), "<programmeArea>A1</programmeArea>", "<programmeArea>D</programmeArea>");
    plan = replaced(plan, "call=\"livslangt-larande-ovre-norrland-2023\" ", "");
    plan = replaced(plan, "<region>SE33</region>", "<region>SE11</region>");
    const CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "M001", Severity::error, line_of(plan, "<programmeArea>"),
               "/application/project/programmeArea");
    BOOST_TEST(checked.of_rule("M001").front().message_id == "M001.area_region");
}

BOOST_AUTO_TEST_CASE(m002_unknown_phase_and_phase_not_in_call) {
    std::string plan = replaced(clean_plan(), "<phase>implementation</phase>", "<phase>genomforande</phase>");
    CheckedPlan checked = check_plan(plan);
    expect_one(checked, "M002", Severity::error, line_of(plan, "<phase>"), "/application/project/phase");

    plan = replaced(clean_plan(), "<phase>implementation</phase>", "<phase>prestudy</phase>");
    checked = check_plan(plan);
    expect_one(checked, "M002", Severity::error, line_of(plan, "<phase>"), "/application/project/phase");
    BOOST_TEST(checked.of_rule("M002").front().message_id == "M002.phase_not_in_call");
}

BOOST_AUTO_TEST_CASE(m003_codes_exist_and_names_match) {
    std::string plan = replaced(clean_plan(), "<municipality code=\"2418\"/>", "<municipality code=\"2499\"/>");
    CheckedPlan checked = check_plan(plan);
    expect_one(checked, "M003", Severity::error, line_of(plan, "code=\"2499\""),
               "/application/project/municipalities/municipality[3]");
    BOOST_TEST(checked.of_rule("M003").front().message_id == "M003.unknown_code");

    plan = replaced(clean_plan(), "<municipality code=\"2480\">Umeå</municipality>",
                    "<municipality code=\"2480\">Skellefteå</municipality>");
    checked = check_plan(plan);
    expect_one(checked, "M003", Severity::error, line_of(plan, "code=\"2480\""),
               "/application/project/municipalities/municipality[1]");
    BOOST_TEST(checked.of_rule("M003").front().find_arg("expected")->text == "Umeå");

    // "Skellefteå kommun" and "UMEÅ" name their municipalities.
    plan = replaced(clean_plan(), ">Umeå</municipality>", ">UMEÅ</municipality>");
    expect_none(check_plan(plan), "M003");
}

BOOST_AUTO_TEST_CASE(m004_municipalities_lie_in_the_region_unless_partners) {
    std::string plan =
        replaced(clean_plan(), "<municipality code=\"2418\"/>", "<municipality code=\"0180\">Stockholm</municipality>");
    CheckedPlan checked = check_plan(plan);
    expect_one(checked, "M004", Severity::error, line_of(plan, "code=\"0180\""),
               "/application/project/municipalities/municipality[3]");
    BOOST_TEST(checked.of_rule("M004").front().find_arg("municipality_region")->text == "SE11");

    plan = replaced(clean_plan(), "<municipality code=\"2418\"/>", "<municipality code=\"0180\" role=\"partner\"/>");
    expect_none(check_plan(plan), "M004");

    // A call for Övre Norrland does not take a project in Mellersta Norrland: that is M008 now, M004 is the
    // municipalities only.
    plan = replaced(clean_plan(), "<region>SE33</region>", "<region>SE32</region>");
    checked = check_plan(plan);
    BOOST_TEST(checked.of_rule("M004").size() == 3u, listing(checked.findings));  // the three municipalities
    for (const model::Finding& finding : checked.of_rule("M004"))
        BOOST_TEST(finding.message_id == "M004.outside_region");
    expect_one(checked, "M008", Severity::error, line_of(plan, "<region>"), "/application/project/region");
    BOOST_TEST(checked.of_rule("M008").front().message_id == "M008.call_region");
}

BOOST_AUTO_TEST_CASE(m005_organisation_numbers) {
    std::string plan = replaced(clean_plan(), "orgNumber=\"222000-1412\"", "orgNumber=\"222000-1413\"");
    CheckedPlan checked = check_plan(plan);
    expect_one(checked, "M005", Severity::error, line_of(plan, "<owner"), "/application/project/owner");
    BOOST_TEST(checked.of_rule("M005").front().message_id == "M005.check_digit");
    BOOST_TEST(checked.of_rule("M005").front().find_arg("expected")->number == 2);

    plan = replaced(clean_plan(), "orgNumber=\"232100-0222\"", "orgNumber=\"2321000222\"");
    checked = check_plan(plan);
    expect_one(checked, "M005", Severity::error, line_of(plan, "2321000222"),
               "/application/budget/financing/source[2]");
    BOOST_TEST(checked.of_rule("M005").front().message_id == "M005.form");

    plan = replaced(clean_plan(), "<partner role=\"cofinancier\" orgNumber=\"212000-2742\">",
                    "<partner role=\"cofinancier\" orgNumber=\"212000-2743\">");
    checked = check_plan(plan);
    expect_one(checked, "M005", Severity::error, line_of(plan, "<partner "), "/application/partners/partner");
}

BOOST_AUTO_TEST_CASE(m006_plausible_email) {
    for (const char* bad : {"kim.exempel.example.se", "kim@", "kim@example", "kim @example.se", "@example.se"}) {
        const std::string plan = replaced(clean_plan(), "kim.exempel@example.se", bad);
        const CheckedPlan checked = check_plan(plan);
        BOOST_TEST_CONTEXT(bad) {
            expect_one(checked, "M006", Severity::warning, line_of(plan, "<email>"),
                       "/application/project/contact/email");
        }
    }
    expect_none(check_plan(replaced(clean_plan(), "kim.exempel@example.se", "kim.o'neil+esf@vasterbotten.region.se")),
                "M006");
}

BOOST_AUTO_TEST_CASE(m007_implementation_names_its_prestudy) {
    const std::string plan = replaced(clean_plan(),
                                      "    <preStudy title=\"FRAMTID förprojektering\" start=\"2009-01-07\" "
                                      "end=\"2009-07-07\" findings=\"clean-findings.xml\"/>\n",
                                      "");
    const CheckedPlan checked = check_plan(plan);
    expect_one(checked, "M007", Severity::warning, line_of(plan, "<project>"), "/application/project");
    // A pre-study itself builds on nothing.
    std::string prestudy = replaced(plan, "<phase>implementation</phase>", "<phase>prestudy</phase>");
    prestudy = replaced(prestudy, "call=\"ovre-norrland-2009\" ", "");
    expect_none(check_plan(prestudy), "M007");
}

BOOST_AUTO_TEST_SUITE_END()
