// The additions of the plan format (docs/format.md describes each): the
// applicant's details, the case number, the risk analysis, the project logic,
// the other horizontal principles, attachments, beneficiary partners and
// sub-budgets, the cost model, and the indicators' code and nonBinary. Every
// one reads into the model with its place; a value outside its list is an
// X002 finding at its place that does not stop the rest of the file being
// checked; both parse paths read them alike.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <limits>

#include "load/loader.hpp"
#include "load_test_support.hpp"
#include "support/temp_files.hpp"

using namespace esfdraft;
using esfdraft::testing::ScratchFolder;
using esfdraft::testing::source_path;

namespace {

load::Loader& loader() { return esfdraft::testing::shared_loader(); }

const std::string additions_path = "tests/load/fixtures/additions-plan.xml";

std::string additions_plan() { return esfdraft::testing::read_file(source_path(additions_path)); }

model::Application load_ok(const std::string& path) {
    load::PlanLoad result = loader().load_plan(path);
    for (const auto& finding : result.findings)
        BOOST_TEST_MESSAGE(finding.where.line << ":" << finding.where.column << " " << finding.rule << " "
                                              << finding.message_id);
    BOOST_REQUIRE_MESSAGE(result.findings.empty(), path << " has " << result.findings.size() << " structural findings");
    BOOST_REQUIRE(result.application);
    return std::move(*result.application);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks " << from);
    return text.replace(at, from.size(), to);
}

int line_of(const std::string& text, const std::string& part) {
    const auto at = text.find(part);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "text lacks " << part);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::string plain(const model::RichText& text) { return text.plain_text(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_additions)

BOOST_AUTO_TEST_CASE(the_project_facts_come_in_any_order_with_applicant_and_case_number) {
    const std::string text = additions_plan();
    const model::Application application = load_ok(source_path(additions_path));
    const model::Project& project = application.project;
    BOOST_TEST(project.title.value == "Varje tillägg en gång");
    BOOST_TEST(project.phase.value == "implementation");
    BOOST_REQUIRE(project.case_number);
    BOOST_TEST(project.case_number->value == "2024-00123");
    BOOST_TEST(project.case_number->where.line == line_of(text, "<caseNumber>"));
    BOOST_TEST(project.case_number->where.path == "/application/project/caseNumber");

    BOOST_REQUIRE(project.applicant);
    const model::Applicant& applicant = *project.applicant;
    BOOST_TEST(applicant.where.line == line_of(text, "<applicant "));
    BOOST_TEST(applicant.where.column == 5);
    BOOST_REQUIRE(applicant.kind);
    BOOST_TEST(applicant.kind->value == "municipality");
    BOOST_TEST(applicant.kind->where.path == "/application/project/applicant");
    BOOST_TEST(applicant.vat.value().value == "partly-deductible");
    BOOST_REQUIRE(applicant.address);
    BOOST_TEST(applicant.address->street == "Storgatan 1");
    BOOST_TEST(applicant.address->postcode == "901 05");
    BOOST_TEST(applicant.address->city == "Umeå");
    BOOST_TEST(applicant.address->where.line == line_of(text, "<address>"));
    BOOST_REQUIRE(applicant.signatory);
    BOOST_TEST(applicant.signatory->name == "Anna Andersson");
    BOOST_TEST(applicant.signatory->title == "Kommundirektör");
    BOOST_REQUIRE(applicant.finance_contact);
    BOOST_TEST(applicant.finance_contact->name == "Per Persson");
    BOOST_TEST(applicant.finance_contact->email == "per@example.se");
    BOOST_TEST(applicant.finance_contact->phone.value() == "090-100 00");
    BOOST_TEST(applicant.finance_contact->email_where.path == "/application/project/applicant/financeContact/email");
    BOOST_REQUIRE(applicant.account);
    BOOST_TEST(applicant.account->kind == "bankgiro");
    BOOST_TEST(applicant.account->number == "5050-1055");
    BOOST_TEST(applicant.account->where.line == line_of(text, "<account "));
    // The project contact is still the one of <project>, not the finance contact.
    BOOST_TEST(project.contact.name == "Kim Exempel");
}

BOOST_AUTO_TEST_CASE(a_plan_without_the_additions_reads_them_as_absent) {
    const model::Application application = load_ok(source_path("tests/load/fixtures/minimal-plan.xml"));
    BOOST_TEST(!application.project.applicant);
    BOOST_TEST(!application.project.case_number);
    BOOST_TEST(!application.risk_analysis);
    BOOST_TEST(!application.project_logic);
    BOOST_TEST(!application.sustainable_development);
    BOOST_TEST(!application.fundamental_rights);
    BOOST_TEST(!application.attachments);
    BOOST_TEST(application.budget.cost_models.empty());
    BOOST_TEST(application.budget.cost_model_where.line == 0);
    BOOST_TEST(!application.budget.costs[0].beneficiary);
    BOOST_TEST(!application.budget.financing[0].beneficiary);
    BOOST_TEST(!application.goals[0].indicators[0].code);
    BOOST_TEST(!application.goals[0].indicators[0].non_binary);
}

BOOST_AUTO_TEST_CASE(risks_and_the_project_logic_read_with_their_introductions) {
    const std::string text = additions_plan();
    const model::Application application = load_ok(source_path(additions_path));
    BOOST_REQUIRE(application.risk_analysis);
    const model::RiskAnalysis& risks = *application.risk_analysis;
    BOOST_TEST(plain(risks.introduction) == "Tre risker.");
    BOOST_TEST(risks.where.path == "/application/riskAnalysis");
    BOOST_REQUIRE(risks.risks.size() == 2u);
    BOOST_TEST(risks.risks[0].id.value() == "r1");
    BOOST_TEST(risks.risks[0].likelihood == "medium");
    BOOST_TEST(risks.risks[0].impact == "high");
    BOOST_TEST(risks.risks[0].description == "Deltagare avbryter.");
    BOOST_TEST(risks.risks[0].measure == "Individuell uppföljning varje månad.");
    BOOST_TEST(risks.risks[0].where.line == line_of(text, "<risk id=\"r1\""));
    BOOST_TEST(risks.risks[1].where.path == "/application/riskAnalysis/risk[2]");
    BOOST_TEST(!risks.risks[1].id);
    BOOST_TEST(risks.risks[1].likelihood == "low");

    BOOST_REQUIRE(application.project_logic);
    const model::ProjectLogic& logic = *application.project_logic;
    BOOST_TEST(plain(logic.introduction) == "Så hänger det ihop.");
    BOOST_REQUIRE(logic.steps.size() == 3u);
    BOOST_TEST(logic.steps[0].kind == "problem");
    BOOST_TEST(logic.steps[0].goal_ids.empty());
    BOOST_TEST(plain(logic.steps[0].text) == "Låg utbildningsnivå.");
    BOOST_TEST(logic.steps[1].kind == "activities");
    BOOST_TEST(logic.steps[1].text.blocks.size() == 2u);
    BOOST_TEST(plain(logic.steps[1].text) == "Kurser.\nSvenska");
    BOOST_TEST((logic.steps[2].goal_ids == std::vector<std::string>{"g1", "e1"}));
    BOOST_TEST(logic.steps[2].where.line == line_of(text, "<step kind=\"results\""));
    BOOST_TEST(logic.steps[2].where.path == "/application/projectLogic/step[3]");
}

BOOST_AUTO_TEST_CASE(principles_attachments_partners_and_indicators_read) {
    const std::string text = additions_plan();
    const model::Application application = load_ok(source_path(additions_path));
    BOOST_TEST(plain(application.sustainable_development.value()) == "Hållbart.");
    BOOST_TEST(plain(application.fundamental_rights.value()) == "Rättigheter.");
    BOOST_TEST(application.fundamental_rights->where.line == line_of(text, "<fundamentalRights>"));

    BOOST_REQUIRE(application.attachments);
    BOOST_REQUIRE(application.attachments->size() == 2u);
    BOOST_TEST((*application.attachments)[0].kind == "co-financing-letter");
    BOOST_TEST((*application.attachments)[0].title == "Intyg om medfinansiering");
    BOOST_TEST((*application.attachments)[1].kind == "signed-application");  // a token: spaces collapse
    BOOST_TEST((*application.attachments)[1].where.path == "/application/attachments/attachment[2]");
    BOOST_TEST(application.attachments_where.line == line_of(text, "<attachments>"));

    BOOST_REQUIRE(application.partners.size() == 2u);
    BOOST_TEST(application.partners[0].id.value() == "skelleftea");
    BOOST_TEST(application.partners[0].beneficiary());
    BOOST_TEST(!application.partners[1].id);
    BOOST_TEST(!application.partners[1].beneficiary());
    BOOST_TEST(application.find_partner("skelleftea") == &application.partners[0]);
    BOOST_TEST(application.has_beneficiary_partners());

    const model::Indicator& participants = application.goals[0].indicators[0];
    BOOST_TEST(participants.code.value() == "EECO11");
    BOOST_TEST(participants.non_binary.value().text() == "2");
    BOOST_TEST(participants.women.value().text() == "30");
    BOOST_TEST(!application.goals[0].indicators[1].code);
}

BOOST_AUTO_TEST_CASE(the_budget_reads_its_cost_model_and_sub_budgets) {
    const std::string text = additions_plan();
    const model::Application application = load_ok(source_path(additions_path));
    const model::Budget& budget = application.budget;
    BOOST_TEST((budget.cost_models == std::vector<std::string>{"real-costs", "indirect-flat-rate"}));
    BOOST_TEST(budget.cost_model_where.line == line_of(text, "<budget "));
    BOOST_TEST(budget.cost_model_where.path == "/application/budget");
    BOOST_TEST(budget.costs[0].beneficiary.value() == "owner");
    BOOST_TEST(budget.costs[1].beneficiary.value() == "skelleftea");
    BOOST_TEST(!budget.costs[2].beneficiary);
    BOOST_TEST(budget.financing[0].beneficiary.value() == "owner");
    BOOST_TEST(budget.financing[1].beneficiary.value() == "skelleftea");
    BOOST_TEST(budget.total_costs() == budget.total_financing());
}

BOOST_AUTO_TEST_CASE(a_missing_project_fact_is_named_alone_though_the_order_is_free) {
    // libxml2 lists every child of an xs:all not yet seen; the message names the required one.
    ScratchFolder folder;
    const std::string text = replaced(additions_plan(), "<title>Varje tillägg en gång</title>", "");
    const auto result = loader().load_plan(folder.write("no-title.xml", text));
    BOOST_REQUIRE(result.findings.size() == 1u);
    BOOST_TEST(result.findings[0].message_id == "X002.missing_child");
    BOOST_TEST(result.findings[0].where.line == line_of(text, "<project>"));
    BOOST_TEST(result.findings[0].find_arg("expected")->text == "<title>");
    BOOST_REQUIRE(result.application.has_value());  // the rest is still read and checked
    BOOST_TEST(result.application->project.title.value.empty());
}

BOOST_AUTO_TEST_CASE(a_project_fact_given_twice_is_not_expected) {
    ScratchFolder folder;
    const std::string text =
        replaced(additions_plan(), "<region>SE33</region>", "<region>SE33</region><caseNumber>1</caseNumber>");
    const auto result = loader().load_plan(folder.write("twice.xml", text));
    BOOST_REQUIRE(result.findings.size() == 1u);
    BOOST_TEST(result.findings[0].message_id == "X002.misplaced");
    BOOST_TEST(result.findings[0].find_arg("element")->text == "caseNumber");
    BOOST_TEST(result.findings[0].where.line == line_of(text, "<region>"));
}

BOOST_AUTO_TEST_CASE(values_outside_the_new_lists_name_the_allowed_ones_and_the_rest_is_checked) {
    ScratchFolder folder;
    std::string text = replaced(additions_plan(), "likelihood=\"medium\"", "likelihood=\"sometimes\"");
    text = replaced(text, "kind=\"municipality\"", "kind=\"kommun\"");
    text = replaced(text, "costModel=\"real-costs  indirect-flat-rate\"", "costModel=\"real-costs flat\"");
    text = replaced(text, "<step kind=\"problem\">", "<step kind=\"outcome\">");
    text = replaced(text, "vat=\"partly-deductible\"", "vat=\"yes\"");
    text = replaced(text, "<account kind=\"bankgiro\">", "<account kind=\"iban\">");
    text = replaced(text, "nonBinary=\"2\"", "nonBinary=\"two\"");
    const auto result = loader().load_plan(folder.write("enums.xml", text));
    BOOST_TEST(result.application.has_value());
    const auto expect = [&](const std::string& name, const std::string& value, const std::string& allowed, int line) {
        BOOST_TEST_CONTEXT(name) {
            const model::Finding* found = nullptr;
            for (const model::Finding& finding : result.findings)
                if (finding.message_id == "X002.not_allowed" && finding.find_arg("name")->text == name)
                    found = &finding;
            BOOST_REQUIRE(found);
            BOOST_TEST(found->find_arg("value")->text == value);
            BOOST_TEST(found->find_arg("allowed")->text == allowed);
            BOOST_TEST(found->where.line == line);
            BOOST_TEST(found->where.column > 0);
        }
    };
    expect("risk/@likelihood", "sometimes", "low, medium, high", line_of(text, "likelihood=\"sometimes\""));
    expect("applicant/@kind", "kommun",
           "municipality, region, county-board, agency, university, non-profit, company, other",
           line_of(text, "<applicant "));
    expect("applicant/@vat", "yes", "deductible, partly-deductible, not-deductible", line_of(text, "<applicant "));
    expect("budget/@costModel", "flat", "real-costs, indirect-flat-rate, remaining-flat-rate, lump-sum, unit-costs",
           line_of(text, "<budget "));
    expect("step/@kind", "outcome", "problem, activities, outputs, results, effects",
           line_of(text, "<step kind=\"outcome\""));
    expect("account/@kind", "iban", "bankgiro, plusgiro, bank", line_of(text, "<account "));
    // The decimal after them is still checked and placed.
    bool non_binary = false;
    for (const model::Finding& finding : result.findings)
        non_binary = non_binary || (finding.rule == "X002" && finding.where.line == line_of(text, "nonBinary=\"two\""));
    BOOST_TEST(non_binary);
}

BOOST_AUTO_TEST_CASE(a_beneficiary_is_an_id_and_a_risk_needs_its_measure) {
    ScratchFolder folder;
    auto result =
        loader().load_plan(folder.write("beneficiary.xml", replaced(additions_plan(), "beneficiary=\"skelleftea\"/>",
                                                                    "beneficiary=\"Skellefteå kommun\"/>")));
    BOOST_REQUIRE(!result.findings.empty());
    BOOST_TEST(result.findings[0].rule == "X002");
    BOOST_TEST(result.findings[0].where.path == "/application/budget/financing/source[2]");

    const std::string text = replaced(additions_plan(), "<measure>Avtal om reservlokal.</measure>", "");
    result = loader().load_plan(folder.write("measure.xml", text));
    BOOST_REQUIRE(result.findings.size() == 1u);
    BOOST_TEST(result.findings[0].message_id == "X002.missing_child");
    BOOST_TEST(result.findings[0].find_arg("expected")->text == "<measure>");
}

BOOST_AUTO_TEST_CASE(every_new_section_given_twice_is_recorded_for_x005) {
    ScratchFolder folder;
    std::string text = additions_plan();
    const std::string again =
        "  <riskAnalysis/>\n  <projectLogic/>\n  <sustainableDevelopment/>\n  <fundamentalRights/>\n  <attachments/>\n";
    text = replaced(text, "</application>", again + "</application>");
    const model::Application application = load_ok(folder.write("twice.xml", text));
    BOOST_REQUIRE(application.repeated_sections.size() == 5u);
    const std::vector<std::string> names = {"riskAnalysis", "projectLogic", "sustainableDevelopment",
                                            "fundamentalRights", "attachments"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        BOOST_TEST(application.repeated_sections[i].section == names[i]);
        BOOST_TEST(application.repeated_sections[i].first.line == line_of(text, "<" + names[i] + ">"));
        BOOST_TEST(application.repeated_sections[i].again.line == line_of(text, "<" + names[i] + "/>"));
        BOOST_TEST(!application.repeated_sections[i].lang);
    }
    // The first place is the one read.
    BOOST_TEST(application.risk_analysis->risks.size() == 2u);
    BOOST_TEST(application.attachments->size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_large_plan_with_the_additions_reads_the_same_both_ways) {
    // Past default_streaming_from_bytes the loader builds the tree with its
    // own parser while libxml2 validates; the model must be the one the
    // one-pass check gives.
    std::string lines;
    for (int i = 0; lines.size() < 300 * 1024; ++i)
        lines += "      <cost category=\"staff\" year=\"2025\" amount=\"1\" beneficiary=\"" +
                 std::string(i % 2 ? "owner" : "skelleftea") + "\">Lön &amp; arvode " + std::to_string(i) + "</cost>\n";
    const std::string text = replaced(additions_plan(), "    </costs>", lines + "    </costs>");
    BOOST_REQUIRE(text.size() > load::default_streaming_from_bytes);
    ScratchFolder folder;
    const std::string path = folder.write("large.xml", text);
    load::Loader one_pass(source_path("schemas"), load::default_max_input_bytes,
                          std::numeric_limits<std::size_t>::max());
    load::Loader streaming(source_path("schemas"), load::default_max_input_bytes, 0);
    const load::PlanLoad a = one_pass.load_plan(path);
    const load::PlanLoad b = streaming.load_plan(path);
    BOOST_REQUIRE(a.findings.empty());
    BOOST_REQUIRE(b.findings.empty());
    BOOST_REQUIRE(a.application);
    BOOST_REQUIRE(b.application);
    const model::Application& x = *a.application;
    const model::Application& y = *b.application;
    BOOST_TEST(x.project.case_number->value == y.project.case_number->value);
    BOOST_TEST(x.project.applicant->where.line == y.project.applicant->where.line);
    BOOST_TEST(x.project.applicant->where.column == y.project.applicant->where.column);
    BOOST_TEST(x.project.applicant->account->number == y.project.applicant->account->number);
    BOOST_TEST(x.project.applicant->signatory->title == y.project.applicant->signatory->title);
    BOOST_TEST(x.risk_analysis->risks.size() == y.risk_analysis->risks.size());
    BOOST_TEST(x.risk_analysis->risks[1].measure == y.risk_analysis->risks[1].measure);
    BOOST_TEST(x.risk_analysis->risks[1].where.path == y.risk_analysis->risks[1].where.path);
    BOOST_TEST(x.project_logic->steps[2].goal_ids == y.project_logic->steps[2].goal_ids);
    BOOST_TEST(x.project_logic->steps[1].text.plain_text() == y.project_logic->steps[1].text.plain_text());
    BOOST_TEST(x.attachments->back().kind == y.attachments->back().kind);
    BOOST_TEST(x.attachments->back().where.line == y.attachments->back().where.line);
    BOOST_TEST(x.budget.cost_models == y.budget.cost_models);
    BOOST_REQUIRE(x.budget.costs.size() == y.budget.costs.size());
    BOOST_TEST(x.budget.costs.size() > 2000u);
    for (std::size_t i = 0; i < x.budget.costs.size(); ++i) {
        BOOST_TEST(x.budget.costs[i].beneficiary.value_or("-") == y.budget.costs[i].beneficiary.value_or("-"));
        BOOST_TEST(x.budget.costs[i].label == y.budget.costs[i].label);
        BOOST_TEST(x.budget.costs[i].where.line == y.budget.costs[i].where.line);
    }
    BOOST_TEST(x.budget.costs.back().label == y.budget.costs.back().label);
    BOOST_TEST(x.goals[0].indicators[0].code.value() == y.goals[0].indicators[0].code.value());
    BOOST_TEST(x.goals[0].indicators[0].non_binary->micros == y.goals[0].indicators[0].non_binary->micros);
    BOOST_TEST(x.partners[0].id.value() == y.partners[0].id.value());
}

BOOST_AUTO_TEST_SUITE_END()
