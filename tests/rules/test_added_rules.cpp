// The added rules (docs/rules.md, "Added rules"): M008, S007, B013 and
// which of them a pack turns on. Each has a plan that passes and one that
// fails, with id, severity, line and element path.
#include <boost/test/unit_test.hpp>

#include "rules/rule_test_support.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;
using model::Severity;

namespace {

const char* const no_ground_text =
    "<nonDiscrimination><p>Projektet samlar kommuner, regionen, Arbetsförmedlingen och utbildningsanordnare i länet kring en gemensam bild "
    "av behoven. Förprojekteringen visade att aktörerna saknar stöd för att formulera och driva socialfondsprojekt, och att samverkan över "
    "kommungränserna behöver en fast struktur med tydliga roller, mötesplatser och uppföljning av resultaten.</p></nonDiscrimination>";

// The ESF+ plan with another non-discrimination text.
std::string with_non_discrimination(const std::string& text) {
    std::string plan = clean_plan_esf_plus();
    const std::size_t from = plan.find("<nonDiscrimination>");
    const std::size_t to = plan.find("</nonDiscrimination>") + 20;
    BOOST_TEST_REQUIRE(from != std::string::npos);
    return plan.replace(from, to - from, "<nonDiscrimination>" + text + "</nonDiscrimination>");
}

model::Call& call_of(model::RulePack& pack, const std::string& name) {
    for (model::Call& call : pack.calls)
        if (call.name == name) return call;
    BOOST_FAIL("no call " << name);
    return pack.calls.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(added_rules)

BOOST_AUTO_TEST_CASE(m008_the_call_covers_the_region_and_the_area) {
    expect_none(check_plan(clean_plan()), "M008");
    expect_none(check_plan_esf_plus(clean_plan_esf_plus()), "M008");

    // The 2023 call is for A1 in Övre Norrland: not for A2, not for Mellersta Norrland.
    std::string plan = replaced(clean_plan_esf_plus(), "<programmeArea>A1</programmeArea>", "<programmeArea>A2</programmeArea>");
    CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "M008", Severity::error, line_of(plan, "<programmeArea>"), "/application/project/programmeArea");
    const model::Finding area = checked.of_rule("M008").front();
    BOOST_TEST(area.message_id == "M008.call_area");
    BOOST_TEST(area.section == "project");
    BOOST_TEST(area.find_arg("areas")->text == "A1");
    // M001 keeps its own wording for the same area.
    BOOST_TEST(checked.of_rule("M001").size() == 1u);

    plan = replaced(clean_plan_esf_plus(), "<region>SE33</region>", "<region>SE32</region>");
    checked = check_plan_esf_plus(plan);
    expect_one(checked, "M008", Severity::error, line_of(plan, "<region>"), "/application/project/region");
    BOOST_TEST(checked.of_rule("M008").front().message_id == "M008.call_region");
    BOOST_TEST(checked.of_rule("M008").front().find_arg("region_name")->text == "Mellersta Norrland");

    // Without a call nothing limits the region.
    plan = replaced(plan, "call=\"livslangt-larande-ovre-norrland-2023\" ", "");
    expect_none(check_plan_esf_plus(plan), "M008");
}

BOOST_AUTO_TEST_CASE(s007_the_non_discrimination_section_names_a_ground) {
    const std::string fails = with_non_discrimination(
        "<p>Projektet arbetar för lika villkor. Könsfördelningen i styrgruppen följs upp, och agendan för varje möte tas fram "
        "tillsammans med deltagarna.</p>");
    CheckedPlan checked = check_plan_esf_plus(fails);
    expect_one(checked, "S007", Severity::warning, line_of(fails, "<nonDiscrimination>"), "/application/nonDiscrimination");
    BOOST_TEST(checked.of_rule("S007").front().section == "nonDiscrimination");
    BOOST_TEST(checked.of_rule("S007").front().message_id == "S007.no_ground");

    // Inflected, in capitals, across a line break, in English.
    for (const char* text : {"<p>ÅLDRARNA bland deltagarna varierar.</p>", "<p>Deltagare med funktionsnedsättningar får stöd.</p>",
                             "<p>Ingen ska missgynnas på grund av sexuell\n      läggning.</p>", "<p>Åldersgrupperna blandas.</p>",
                             "<p>Vi motverkar diskriminering på grund av <em>etnisk</em> tillhörighet.</p>",
                             "<p>Participants of every age are welcome.</p>"}) {
        BOOST_TEST_CONTEXT(text) { expect_none(check_plan_esf_plus(with_non_discrimination(text)), "S007"); }
    }
    // A missing or empty section is S001's, not S007's.
    std::string plan = clean_plan_esf_plus();
    const std::size_t from = plan.find("  <nonDiscrimination>");
    plan.erase(from, plan.find("</nonDiscrimination>\n") + 21 - from);
    checked = check_plan_esf_plus(plan);
    expect_none(checked, "S007");
    BOOST_TEST(checked.of_rule("S001").size() == 1u);
}

BOOST_AUTO_TEST_CASE(s007_is_esf_plus_only) {
    // The 2007–2013 pack neither lists the grounds nor turns S007 on.
    std::string plan = replaced(clean_plan(), "  <budget", std::string("  ") + no_ground_text + "\n  <budget");
    expect_none(check_plan(plan), "S007");
}

BOOST_AUTO_TEST_CASE(b013_a_small_operation_uses_simplified_costs) {
    // 2 000 000 kr of costs, at most EUR 200 000 at the call's 11.47 kr: simplified costs required.
    const std::string plan = clean_plan_esf_plus();
    CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "B013", Severity::error, line_of(plan, "<budget"), "/application/budget");
    const model::Finding finding = checked.of_rule("B013").front();
    BOOST_TEST(finding.section == "budget");
    BOOST_TEST(finding.find_arg("total")->number == 200'000'000);
    BOOST_TEST(finding.find_arg("threshold")->number == 229'400'000);   // 200 000 × 11.47 kr

    // Exactly at the threshold still counts as small; one öre above does not.
    model::RulePack pack = pack_copy("esf-plus-2021-2027");
    call_of(pack, "livslangt-larande-ovre-norrland-2023").sek_per_eur->value = *model::parse_decimal("10");
    expect_one(check_plan_esf_plus(plan, with_pack(pack)), "B013", Severity::error, line_of(plan, "<budget"), "/application/budget");
    call_of(pack, "livslangt-larande-ovre-norrland-2023").sek_per_eur->value = *model::parse_decimal("9.99999");
    expect_none(check_plan_esf_plus(plan, with_pack(pack)), "B013");

    // State aid is exempt; a call without an exchange rate cannot convert the threshold.
    pack = pack_copy("esf-plus-2021-2027");
    call_of(pack, "livslangt-larande-ovre-norrland-2023").state_aid = model::Sourced<bool>{true, "test"};
    expect_none(check_plan_esf_plus(plan, with_pack(pack)), "B013");
    pack = pack_copy("esf-plus-2021-2027");
    call_of(pack, "livslangt-larande-ovre-norrland-2023").sek_per_eur.reset();
    expect_none(check_plan_esf_plus(plan, with_pack(pack)), "B013");
}

BOOST_AUTO_TEST_CASE(an_added_rule_reports_only_under_a_pack_that_turns_it_on) {
    const std::string plan = clean_plan_esf_plus();
    BOOST_TEST(check_plan_esf_plus(plan).of_rule("B013").size() == 1u);
    model::RulePack pack = pack_copy("esf-plus-2021-2027");
    BOOST_TEST(pack.turns_on("B013"));
    BOOST_TEST(pack.turns_on("B005"));   // not an added rule: always on
    pack.added_rules.clear();
    BOOST_TEST(!pack.turns_on("B013"));
    const CheckedPlan checked = check_plan_esf_plus(plan, with_pack(pack));
    for (const char* rule : {"M008", "M009", "M010", "S007", "G009", "B012", "B013", "B014"}) expect_none(checked, rule);
    // The 2007–2013 pack turns on the call's region and area (M008) and its attachments (M009) only.
    const model::RulePack& old = *pack_library().find("esf-2007-2013");
    for (const char* rule : {"M008", "M009"}) BOOST_TEST(old.turns_on(rule), rule);
    for (const char* rule : {"M010", "S007", "G009", "B012", "B013", "B014"}) BOOST_TEST(!old.turns_on(rule), rule);
}

BOOST_AUTO_TEST_SUITE_END()
