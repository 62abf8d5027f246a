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
    "<nonDiscrimination><p>Projektet samlar kommuner, regionen, Arbetsförmedlingen och utbildningsanordnare i länet "
    "kring en gemensam bild "
    "av behoven. Förprojekteringen visade att aktörerna saknar stöd för att formulera och driva socialfondsprojekt, "
    "och att samverkan över "
    "kommungränserna behöver en fast struktur med tydliga roller, mötesplatser och uppföljning av "
    "resultaten.</p></nonDiscrimination>";

// The ESF+ plan with another non-discrimination text.
std::string with_non_discrimination(const std::string& text) {
    std::string plan = clean_plan_esf_plus_full();
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
    expect_none(check_plan_esf_plus(clean_plan_esf_plus_full()), "M008");

    // The 2023 call is for A1 in Övre Norrland: not for A2, not for Mellersta Norrland.
    std::string plan =
        replaced(clean_plan_esf_plus_full(), "<programmeArea>A1</programmeArea>", "<programmeArea>A2</programmeArea>");
    CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "M008", Severity::error, line_of(plan, "<programmeArea>"),
               "/application/project/programmeArea");
    const model::Finding area = checked.of_rule("M008").front();
    BOOST_TEST(area.message_id == "M008.call_area");
    BOOST_TEST(area.section == "project");
    BOOST_TEST(area.find_arg("areas")->text == "A1");
    // M001 keeps its own wording for the same area.
    BOOST_TEST(checked.of_rule("M001").size() == 1u);

    plan = replaced(clean_plan_esf_plus_full(), "<region>SE33</region>", "<region>SE32</region>");
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
        "<p>Projektet arbetar för lika villkor. Könsfördelningen i styrgruppen följs upp, och agendan för varje möte "
        "tas fram "
        "tillsammans med deltagarna.</p>");
    CheckedPlan checked = check_plan_esf_plus(fails);
    expect_one(checked, "S007", Severity::warning, line_of(fails, "<nonDiscrimination>"),
               "/application/nonDiscrimination");
    BOOST_TEST(checked.of_rule("S007").front().section == "nonDiscrimination");
    BOOST_TEST(checked.of_rule("S007").front().message_id == "S007.no_ground");

    // Inflected, in capitals, across a line break, in English.
    for (const char* text :
         {"<p>ÅLDRARNA bland deltagarna varierar.</p>", "<p>Deltagare med funktionsnedsättningar får stöd.</p>",
          "<p>Ingen ska missgynnas på grund av sexuell\n      läggning.</p>", "<p>Åldersgrupperna blandas.</p>",
          "<p>Vi motverkar diskriminering på grund av <em>etnisk</em> tillhörighet.</p>",
          "<p>Participants of every age are welcome.</p>"}) {
        BOOST_TEST_CONTEXT(text) { expect_none(check_plan_esf_plus(with_non_discrimination(text)), "S007"); }
    }
    // A missing or empty section is S001's, not S007's.
    std::string plan = clean_plan_esf_plus_full();
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
    // The clean plan: 2 000 000 kr under a lump sum, a simplified model.
    expect_none(check_plan_esf_plus(clean_plan_esf_plus_full()), "B013");
    // Real costs only: 2 000 000 kr is at most EUR 200 000 at the call's 11.47 kr.
    const std::string plan = replaced(clean_plan_esf_plus_full(), "costModel=\"lump-sum\"", "costModel=\"real-costs\"");
    CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "B013", Severity::error, line_of(plan, "<budget"), "/application/budget");
    const model::Finding finding = checked.of_rule("B013").front();
    BOOST_TEST(finding.section == "budget");
    BOOST_TEST(finding.find_arg("total")->number == 200'000'000);
    BOOST_TEST(finding.find_arg("threshold")->number == 229'400'000);  // 200 000 × 11.47 kr
    // The indirect-cost flat rate alone leaves the direct costs real: still B013. No model at all: B013.
    expect_one(
        check_plan_esf_plus(replaced(plan, "costModel=\"real-costs\"", "costModel=\"real-costs indirect-flat-rate\"")),
        "B013", Severity::error, line_of(plan, "<budget"), "/application/budget");
    const std::string unsaid = replaced(plan, " costModel=\"real-costs\"", "");
    expect_one(check_plan_esf_plus(unsaid), "B013", Severity::error, line_of(unsaid, "<budget"), "/application/budget");

    // Exactly at the threshold still counts as small; one öre above does not.
    model::RulePack pack = pack_copy("esf-plus-2021-2027");
    call_of(pack, "livslangt-larande-ovre-norrland-2023").sek_per_eur->value = *model::parse_decimal("10");
    expect_one(check_plan_esf_plus(plan, with_pack(pack)), "B013", Severity::error, line_of(plan, "<budget"),
               "/application/budget");
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
    const std::string plan = replaced(clean_plan_esf_plus_full(), " costModel=\"lump-sum\"", "");
    BOOST_TEST(check_plan_esf_plus(plan).of_rule("B013").size() == 1u);
    model::RulePack pack = pack_copy("esf-plus-2021-2027");
    BOOST_TEST(pack.turns_on("B013"));
    BOOST_TEST(pack.turns_on("B005"));  // not an added rule: always on
    pack.added_rules.clear();
    BOOST_TEST(!pack.turns_on("B013"));
    const CheckedPlan checked = check_plan_esf_plus(plan, with_pack(pack));
    for (const char* rule : {"M008", "M009", "M010", "S007", "G009", "B012", "B013", "B014"})
        expect_none(checked, rule);
    // The 2007–2013 pack turns on the call's region and area (M008) and its attachments (M009) only.
    const model::RulePack& old = *pack_library().find("esf-2007-2013");
    for (const char* rule : {"M008", "M009"}) BOOST_TEST(old.turns_on(rule), rule);
    for (const char* rule : {"M010", "S007", "G009", "B012", "B013", "B014"}) BOOST_TEST(!old.turns_on(rule), rule);
}

BOOST_AUTO_TEST_CASE(m009_the_attachments_the_call_requires) {
    expect_none(check_plan_esf_plus(clean_plan_esf_plus_full()), "M009");
    // The proof of the signatory's authority left out.
    std::string plan =
        replaced(clean_plan_esf_plus_full(),
                 "    <attachment kind=\"signatory-proof\">Protokollsutdrag om firmatecknare</attachment>\n", "");
    CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "M009", Severity::warning, line_of(plan, "<attachments>"), "/application/attachments");
    BOOST_TEST(checked.of_rule("M009").front().message_id == "M009.missing");
    BOOST_TEST(checked.of_rule("M009").front().section == "attachments");
    BOOST_TEST(checked.of_rule("M009").front().find_arg("kind")->text == "signatory-proof");

    // A kind the call does not take.
    plan = replaced(clean_plan_esf_plus_full(), "  </attachments>",
                    "    <attachment kind=\"cv\">Projektledarens CV</attachment>\n  </attachments>");
    checked = check_plan_esf_plus(plan);
    expect_one(checked, "M009", Severity::warning, line_of(plan, "kind=\"cv\""),
               "/application/attachments/attachment[3]");
    BOOST_TEST(checked.of_rule("M009").front().message_id == "M009.unknown_kind");

    // No attachments at all: both required ones, reported at the application.
    plan = clean_plan_esf_plus_full();
    const std::size_t from = plan.find("  <attachments>");
    plan.erase(from, plan.find("</attachments>\n") + 15 - from);
    checked = check_plan_esf_plus(plan);
    BOOST_TEST(checked.of_rule("M009").size() == 2u, listing(checked.findings));
    for (const model::Finding& finding : checked.of_rule("M009")) BOOST_TEST(finding.where.path == "/application");
}

BOOST_AUTO_TEST_CASE(m010_the_applicant_details) {
    expect_none(check_plan_esf_plus(clean_plan_esf_plus_full()), "M010");
    std::string plan =
        replaced(clean_plan_esf_plus_full(),
                 "      <signatory><name>Anna Andersson</name><title>Regiondirektör</title></signatory>\n", "");
    CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "M010", Severity::warning, line_of(plan, "<applicant"), "/application/project/applicant");
    BOOST_TEST(checked.of_rule("M010").front().message_id == "M010.incomplete");
    BOOST_TEST(checked.of_rule("M010").front().find_arg("missing")->text == "signatory");

    plan = replaced(clean_plan_esf_plus_full(), "<applicant kind=\"region\" vat=\"deductible\">",
                    "<applicant vat=\"deductible\">");
    plan = replaced(plan,
                    "      <financeContact><name>Per Persson</name><email>per.persson@example.se</email><phone>090-100 "
                    "00</phone></financeContact>\n",
                    "");
    checked = check_plan_esf_plus(plan);
    expect_one(checked, "M010", Severity::warning, line_of(plan, "<applicant"), "/application/project/applicant");
    BOOST_TEST(checked.of_rule("M010").front().find_arg("missing")->text == "kind, financeContact");

    // No <applicant>: at the project, everything missing.
    plan = clean_plan_esf_plus_full();
    const std::size_t from = plan.find("    <applicant");
    plan.erase(from, plan.find("</applicant>\n") + 13 - from);
    checked = check_plan_esf_plus(plan);
    expect_one(checked, "M010", Severity::warning, line_of(plan, "<project>"), "/application/project");
    BOOST_TEST(checked.of_rule("M010").front().message_id == "M010.no_applicant");
    // 2007–2013 does not turn M010 on: the clean plan has no applicant and passes.
    expect_none(check_plan(clean_plan()), "M010");
}

BOOST_AUTO_TEST_CASE(s006_esf_plus_recommends_a_risk_analysis_and_the_project_logic) {
    expect_none(check_plan_esf_plus(clean_plan_esf_plus_full()), "S006");
    std::string plan = clean_plan_esf_plus_full();
    std::size_t from = plan.find("  <riskAnalysis>");
    plan.erase(from, plan.find("</riskAnalysis>\n") + 16 - from);
    CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "S006", Severity::warning, line_of(plan, "<application"), "/application");
    BOOST_TEST(checked.of_rule("S006").front().section == "riskAnalysis");
    BOOST_TEST(checked.of_rule("S006").front().message_id == "S006.missing");

    // A project logic with nothing in it is there but empty.
    plan = clean_plan_esf_plus_full();
    from = plan.find("  <projectLogic>");
    plan.replace(from, plan.find("</projectLogic>\n") + 16 - from,
                 "  <projectLogic><step kind=\"problem\"><p> </p></step></projectLogic>\n");
    checked = check_plan_esf_plus(plan);
    expect_one(checked, "S006", Severity::warning, line_of(plan, "<projectLogic>"), "/application/projectLogic");
    BOOST_TEST(checked.of_rule("S006").front().section == "projectLogic");
    BOOST_TEST(checked.of_rule("S006").front().message_id == "S006.empty");
    // 2007–2013 recommends neither.
    const CheckedPlan old = check_plan(clean_plan());
    expect_none(old, "S006");
}

BOOST_AUTO_TEST_CASE(g005_over_the_pack_gender_categories) {
    // ESF+: nonBinary counts in the sum when given.
    std::string plan = replaced(clean_plan_esf_plus_full(), "women=\"70\" men=\"50\" code",
                                "women=\"70\" men=\"48\" nonBinary=\"2\" code");
    expect_none(check_plan_esf_plus(plan), "G005");
    plan = replaced(clean_plan_esf_plus_full(), "women=\"70\" men=\"50\" code",
                    "women=\"70\" men=\"50\" nonBinary=\"2\" code");
    CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "G005", Severity::error, line_of(plan, "nonBinary="), "/application/goals/goal[1]/indicator");
    const model::Finding sum = checked.of_rule("G005").front();
    BOOST_TEST(sum.message_id == "G005.split_mismatch_non_binary");
    BOOST_TEST(sum.find_arg("sum")->text == "122");
    // nonBinary is optional: women and men alone are a split; men left out is not.
    plan = replaced(clean_plan_esf_plus_full(), " men=\"50\" code", " code");
    checked = check_plan_esf_plus(plan);
    expect_one(checked, "G005", Severity::warning, line_of(plan, "women=\"70\" code"),
               "/application/goals/goal[1]/indicator");
    BOOST_TEST(checked.of_rule("G005").front().find_arg("categories")->text == "women, men");

    // 2007–2013 has no nonBinary category: it does not count, and the finding says so.
    plan = replaced(clean_plan(), "target=\"120\" women=\"70\" men=\"50\"",
                    "target=\"120\" women=\"70\" men=\"48\" nonBinary=\"2\"");
    checked = check_plan(plan);
    expect_one(checked, "G005", Severity::error, line_of(plan, "nonBinary="), "/application/goals/goal[1]/indicator");
    BOOST_TEST(checked.of_rule("G005").front().message_id == "G005.split_mismatch_undeclared");
}

BOOST_AUTO_TEST_CASE(g009_common_indicators) {
    expect_none(check_plan_esf_plus(clean_plan_esf_plus_full()), "G009");
    // A persons indicator without a code: a hint to give one.
    std::string plan = replaced(clean_plan_esf_plus_full(), " code=\"EECO11\"", "");
    CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "G009", Severity::info, line_of(plan, "target=\"120\""),
               "/application/goals/goal[1]/indicator");
    BOOST_TEST(checked.of_rule("G009").front().message_id == "G009.project_specific");
    // A code the pack does not have.
    plan = replaced(clean_plan_esf_plus_full(), "code=\"EECO11\"", "code=\"EECO99\"");
    checked = check_plan_esf_plus(plan);
    expect_one(checked, "G009", Severity::info, line_of(plan, "EECO99"), "/application/goals/goal[1]/indicator");
    BOOST_TEST(checked.of_rule("G009").front().message_id == "G009.unknown_code");
    // 2007–2013 has no common indicators.
    expect_none(check_plan(replaced(clean_plan(), "target=\"120\" women=\"70\"",
                                    "target=\"120\" code=\"EECO99\" women=\"70\"")),
                "G009");
}

BOOST_AUTO_TEST_CASE(b012_the_cost_model_and_the_lines_that_fit_it) {
    expect_none(check_plan_esf_plus(clean_plan_esf_plus_full()), "B012");
    // Unit costs: in the pack, not in this call.
    std::string plan = replaced(clean_plan_esf_plus_full(), "costModel=\"lump-sum\"", "costModel=\"unit-costs\"");
    CheckedPlan checked = check_plan_esf_plus(plan);
    expect_one(checked, "B012", Severity::error, line_of(plan, "<budget"), "/application/budget");
    BOOST_TEST(checked.of_rule("B012").front().message_id == "B012.not_in_call");

    // The two flat rates combined.
    plan = replaced(clean_plan_esf_plus_full(), "costModel=\"lump-sum\"",
                    "costModel=\"indirect-flat-rate remaining-flat-rate\"");
    checked = check_plan_esf_plus(plan);
    bool combined = false;
    for (const model::Finding& finding : checked.of_rule("B012"))
        combined = combined || finding.message_id == "B012.combined";
    BOOST_TEST(combined, listing(checked.findings));

    // The remaining-costs flat rate: staff, participants and the flat-rate line only; at most 40 % of staff.
    std::string remaining =
        replaced(clean_plan_esf_plus_full(), "costModel=\"lump-sum\"", "costModel=\"remaining-flat-rate\"");
    remaining =
        replaced(remaining, "category=\"services\" year=\"2024\" activity=\"a2\" amount=\"300000\">Utbildare",
                 "category=\"participants\" year=\"2024\" activity=\"a2\" amount=\"300000\">Deltagarersättning");
    remaining = replaced(
        remaining,
        "      <cost category=\"travel\" year=\"2025\" activity=\"a2\" amount=\"100000\">Resor i länet</cost>\n", "");
    remaining = replaced(
        remaining, "category=\"premises\" year=\"2025\" activity=\"a3\" amount=\"200000\">Lokaler för mötesplatser",
        "category=\"other\" year=\"2025\" activity=\"a3\" amount=\"560000\">Schablon för övriga kostnader, 40 %");
    remaining =
        replaced(remaining, "<source kind=\"esf\" amount=\"1080000\"/>", "<source kind=\"esf\" amount=\"1340000\"/>");
    checked = check_plan_esf_plus(remaining);
    expect_none(checked, "B012");
    expect_none(checked, "B005");
    // A travel line does not fit it.
    plan = replaced(remaining, "category=\"participants\"", "category=\"travel\"");
    checked = check_plan_esf_plus(plan);
    expect_one(checked, "B012", Severity::error, line_of(plan, "category=\"travel\""),
               "/application/budget/costs/cost[2]");
    BOOST_TEST(checked.of_rule("B012").front().message_id == "B012.category");
    // 560 000.01 kr is more than 40 % of 1 400 000 kr.
    plan = replaced(remaining, "amount=\"560000\"", "amount=\"560000.01\"");
    plan = replaced(plan, "amount=\"1340000\"", "amount=\"1340000.01\"");
    checked = check_plan_esf_plus(plan);
    expect_one(checked, "B012", Severity::error, line_of(plan, "category=\"other\""),
               "/application/budget/costs/cost[4]");
    BOOST_TEST(checked.of_rule("B012").front().message_id == "B012.rate");
    BOOST_TEST(checked.of_rule("B012").front().find_arg("allowed")->number == 56'000'000);
    // No cost model given: B012 has nothing to check (the 2007–2013 pack sets none at all).
    expect_none(check_plan_esf_plus(replaced(plan, " costModel=\"remaining-flat-rate\"", "")), "B012");
}

BOOST_AUTO_TEST_CASE(b014_beneficiaries_sub_budgets) {
    // Umeå kommun becomes a beneficiary with its own sub-budget: the premises and its in-kind share.
    std::string plan = replaced(clean_plan_esf_plus_full(), "<partner role=\"cofinancier\" orgNumber=\"212000-2742\">",
                                "<partner id=\"umea\" role=\"beneficiary\" orgNumber=\"212000-2742\">");
    for (const char* cost :
         {"amount=\"600000\" tags", "amount=\"300000\">", "amount=\"100000\">", "amount=\"800000\">"})
        plan = replaced(plan, cost, std::string("beneficiary=\"owner\" ") + cost);
    plan = replaced(plan, "amount=\"200000\">Lokaler", "amount=\"400000\" beneficiary=\"umea\">Lokaler");
    plan = replaced(plan, "<source kind=\"esf\" amount=\"1080000\"/>",
                    "<source kind=\"esf\" amount=\"1280000\" beneficiary=\"owner\"/>");
    plan = replaced(plan, "amount=\"520000\"/>", "amount=\"520000\" beneficiary=\"owner\"/>");
    plan = replaced(plan, "amount=\"400000\"/>", "amount=\"400000\" beneficiary=\"umea\"/>");
    CheckedPlan checked = check_plan_esf_plus(plan);
    expect_none(checked, "B014");
    expect_none(checked, "B005");

    // A line that does not say whose it is.
    std::string unassigned = replaced(plan, "beneficiary=\"owner\" amount=\"100000\">", "amount=\"100000\">");
    checked = check_plan_esf_plus(unassigned);
    expect_one(checked, "B014", Severity::error, line_of(unassigned, "amount=\"100000\">"),
               "/application/budget/costs/cost[3]");
    BOOST_TEST(checked.of_rule("B014").front().message_id == "B014.cost_unassigned");
    BOOST_TEST(checked.of_rule("B014").front().section == "budget");

    // The whole budget balances, the sub-budgets do not: 100 000 kr of the owner's ESF booked on Umeå.
    std::string moved =
        replaced(plan, "amount=\"1280000\" beneficiary=\"owner\"/>", "amount=\"1180000\" beneficiary=\"owner\"/>");
    moved = replaced(moved, "amount=\"400000\" beneficiary=\"umea\"/>",
                     "amount=\"400000\" beneficiary=\"umea\"/>\n      <source kind=\"esf\" amount=\"100000\" "
                     "beneficiary=\"umea\"/>");
    checked = check_plan_esf_plus(moved);
    expect_none(checked, "B005");
    BOOST_TEST_REQUIRE(checked.of_rule("B014").size() == 2u, listing(checked.findings));
    const model::Finding owner = checked.of_rule("B014")[0];
    BOOST_TEST(owner.message_id == "B014.short");
    BOOST_TEST(owner.find_arg("beneficiary")->text == "owner");
    BOOST_TEST(owner.find_arg("difference")->number == 10'000'000);
    BOOST_TEST(owner.where.path == "/application/budget/costs/cost[1]");
    const model::Finding umea = checked.of_rule("B014")[1];
    BOOST_TEST(umea.message_id == "B014.excess");
    BOOST_TEST(umea.find_arg("name")->text == "Umeå kommun");
    BOOST_TEST(umea.where.line == line_of(moved, "beneficiary=\"umea\">Lokaler"));

    // Without beneficiary partners nothing needs a sub-budget.
    expect_none(check_plan_esf_plus(clean_plan_esf_plus_full()), "B014");
}

BOOST_AUTO_TEST_SUITE_END()
