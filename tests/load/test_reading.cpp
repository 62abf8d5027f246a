// Reading valid files into the model: every element, exact values, positions.
#include <boost/test/unit_test.hpp>

#include "load/loader.hpp"
#include "load_test_support.hpp"
#include "support/temp_files.hpp"

using namespace esfdraft;
using esfdraft::testing::source_path;

namespace {

load::Loader& loader() { return esfdraft::testing::shared_loader(); }

model::Application load_ok(const std::string& path) {
    load::PlanLoad result = loader().load_plan(path);
    for (const auto& finding : result.findings)
        BOOST_TEST_MESSAGE(finding.where.line << ":" << finding.where.column << " " << finding.rule);
    BOOST_REQUIRE_MESSAGE(result.findings.empty(), path << " has " << result.findings.size() << " structural findings");
    BOOST_REQUIRE(result.application);
    return std::move(*result.application);
}

}  // namespace

BOOST_AUTO_TEST_CASE(minimal_plan_with_only_required_elements_loads) {
    const auto application = load_ok(source_path("tests/load/fixtures/minimal-plan.xml"));
    BOOST_TEST(application.programme == "esf-2007-2013");
    BOOST_TEST(!application.call.has_value());
    BOOST_TEST(application.lang == "sv");
    BOOST_TEST(application.project.title.value == "Minsta möjliga plan");
    BOOST_TEST(!application.project.acronym.has_value());
    BOOST_TEST(!application.project.pre_study.has_value());
    BOOST_TEST(!application.project.owner.org_number.has_value());
    BOOST_TEST(!application.project.contact.phone.has_value());
    BOOST_TEST(application.project.municipalities.size() == 1u);
    BOOST_TEST(!application.project.municipalities[0].name.has_value());
    BOOST_TEST(!application.non_discrimination.has_value());
    BOOST_TEST(!application.accessibility->information.has_value());
    BOOST_TEST(application.partners.empty());
    BOOST_TEST(application.budget.income.empty());
    BOOST_TEST(application.budget.currency == "SEK");
    BOOST_TEST(application.goals[0].indicators[0].baseline.micros == 0);
}

BOOST_AUTO_TEST_CASE(every_element_reads_into_the_model) {
    const auto application = load_ok(source_path("tests/load/fixtures/rich-plan.xml"));
    BOOST_TEST(application.call.value() == "test-call");
    BOOST_TEST(application.lang == "en");
    BOOST_TEST(application.project.title.value == "Every element once");
    BOOST_TEST(application.project.acronym->value == "EVERY");
    BOOST_TEST(application.project.programme_area.value == "A1");
    BOOST_TEST(application.project.phase.value == "implementation");
    BOOST_TEST(application.project.region.value == "SE33");
    BOOST_TEST(application.project.owner.name == "Region Västerbotten");
    BOOST_TEST(application.project.owner.org_number.value() == "222000-1412");
    BOOST_TEST(application.project.contact.phone.value() == "090-000 00 00");
    BOOST_TEST(application.project.period.start.iso() == "2022-01-01");
    BOOST_TEST(application.project.period.end.iso() == "2023-12-31");
    BOOST_TEST(application.project.municipalities[0].name.value() == "Umeå");
    BOOST_TEST(!application.project.municipalities[0].partner);
    BOOST_TEST(application.project.municipalities[1].partner);
    BOOST_TEST(application.project.pre_study->findings_path.value() == "rich-findings.xml");
    BOOST_TEST(application.project.pre_study->period.end.iso() == "2021-06-30");

    BOOST_REQUIRE(application.summaries.size() == 2u);
    const auto& inlines = application.summaries[0].text.blocks.at(0).inlines;
    BOOST_REQUIRE(inlines.size() == 6u);
    BOOST_TEST(inlines[0].text == "Plain ");
    BOOST_TEST((inlines[1].text == "emphasis" && inlines[1].emphasis && !inlines[1].strong));
    BOOST_TEST((inlines[2].text == " and "));
    BOOST_TEST((inlines[3].text == "strong " && inlines[3].strong && !inlines[3].emphasis));
    BOOST_TEST((inlines[4].text == "both" && inlines[4].strong && inlines[4].emphasis));
    BOOST_TEST((inlines[5].text == " text." && !inlines[5].strong));
    BOOST_TEST(application.summaries[1].lang.value() == "en");

    const auto& background = *application.background;
    BOOST_REQUIRE(background.blocks.size() == 3u);
    BOOST_TEST((background.blocks[1].kind == model::Block::Kind::bullet_list));
    BOOST_TEST(background.blocks[1].items.size() == 2u);
    BOOST_TEST((background.blocks[2].kind == model::Block::Kind::numbered_list));

    BOOST_TEST(application.target_groups[0].women->whole() == 70);
    BOOST_TEST(application.target_groups[0].description->plain_text() == "Local actors.");
    const auto& indicator = application.goals[0].indicators[0];
    BOOST_TEST(indicator.unit == "persons");
    BOOST_TEST(indicator.target.whole() == 120);
    BOOST_TEST(indicator.women->whole() == 70);
    BOOST_TEST(indicator.men->whole() == 50);
    BOOST_TEST(indicator.due->iso() == "2023-06-30");
    BOOST_TEST(application.goals[0].indicators[1].target.text() == "75.5");
    BOOST_TEST(application.goals[0].basis[0].finding_id == "f1");
    BOOST_TEST(application.goals[1].kind == "effect");
    BOOST_TEST((application.activities[0].goal_ids == std::vector<std::string>{"g1", "g2"}));
    BOOST_TEST(application.activities[0].has_tag("gender-equality"));
    BOOST_TEST(application.partners[0].org_number.value() == "212000-2742");
    BOOST_TEST(application.accessibility->participation->plain_text() == "Participation.");
    BOOST_TEST(application.evaluation->plain_text() == "Evaluation.");

    const auto& budget = application.budget;
    BOOST_TEST(budget.costs[0].amount == 125000050);
    BOOST_TEST(budget.costs[0].activity_id.value() == "a1");
    BOOST_TEST(budget.costs[0].year == 2022);
    BOOST_TEST(budget.costs[1].amount == 50);
    BOOST_TEST(!budget.costs[1].activity_id.has_value());
    BOOST_TEST(budget.financing[1].funder.value() == "Region Västerbotten");
    BOOST_TEST(budget.financing[1].amount == 62500050);
    BOOST_TEST(budget.income[0].amount == 50);
    BOOST_TEST(budget.income[0].label == "Fees");
    BOOST_TEST(budget.total_costs() - budget.total_income() == budget.total_financing());
}

BOOST_AUTO_TEST_CASE(elements_keep_file_line_column_and_path) {
    const std::string path = source_path("tests/load/fixtures/rich-plan.xml");
    const auto application = load_ok(path);
    const auto& cost = application.budget.costs[1];
    BOOST_TEST(cost.where.file == path);
    BOOST_TEST(cost.where.line == 61);
    BOOST_TEST(cost.where.column == 7);
    BOOST_TEST(cost.where.path == "/application/budget/costs/cost[2]");
    BOOST_TEST(application.project.period.where.path == "/application/project/period");
    BOOST_TEST(application.project.period.where.line == 14);
    BOOST_TEST(application.goals[0].indicators[1].where.path == "/application/goals/goal[1]/indicator[2]");
    BOOST_TEST(application.summaries[1].text.where.path == "/application/summary[2]");
}

BOOST_AUTO_TEST_CASE(findings_file_reads_into_the_model) {
    load::FindingsLoad result = loader().load_findings(source_path("tests/load/fixtures/rich-findings.xml"));
    BOOST_REQUIRE(result.problems.empty());
    BOOST_REQUIRE(result.findings);
    const auto& study = *result.findings;
    BOOST_TEST(study.study_title == "Förstudien");
    BOOST_TEST(study.study_period.start.iso() == "2021-01-01");
    BOOST_TEST(study.method->plain_text() == "Enkät och intervjuer.");
    BOOST_TEST(study.questions.size() == 1u);
    BOOST_TEST(study.actors[0].municipality_code.value() == "2480");
    BOOST_TEST(!study.actors[1].municipality_code.has_value());
    BOOST_REQUIRE(study.findings.size() == 2u);
    const auto& finding = study.findings[0];
    BOOST_TEST(finding.question_id == "q1");
    BOOST_TEST(finding.theme == "competence");
    BOOST_TEST(finding.priority == "high");
    BOOST_TEST(!finding.out_of_scope);
    BOOST_TEST(finding.evidence[0].respondents.value() == 97);
    BOOST_TEST(finding.evidence[0].share->micros == 640000);
    BOOST_TEST((finding.evidence[1].actor_ids == std::vector<std::string>{"act-af", "act-umu"}));
    BOOST_TEST(finding.recommendation.value() == "Ge stöd.");
    BOOST_TEST(study.findings[1].out_of_scope);
    BOOST_TEST(study.findings[1].evidence.empty());
    BOOST_TEST(study.find("f2") == &study.findings[1]);
}

BOOST_AUTO_TEST_CASE(the_framsyn_samples_load) {
    for (const char* sample : {"samples/framsyn/plan.xml", "samples/framsyn-prestudy/plan.xml"}) {
        const auto application = load_ok(source_path(sample));
        BOOST_TEST(application.project.municipalities.size() == 15u);
        BOOST_TEST(application.project.owner.name == "Regionförbundet Västerbottens län");
        BOOST_TEST(application.budget.total_costs() - application.budget.total_income() ==
                   application.budget.total_financing());
    }
    load::FindingsLoad findings = loader().load_findings(source_path("samples/framsyn/findings.xml"));
    BOOST_TEST(findings.problems.empty());
    BOOST_REQUIRE(findings.findings);
    BOOST_TEST(findings.findings->questions.size() == 3u);
}

BOOST_AUTO_TEST_CASE(positions_skip_comments_cdata_and_instructions_holding_angle_brackets) {
    esfdraft::testing::ScratchFolder folder;
    std::string text = esfdraft::testing::read_file(source_path("tests/load/fixtures/minimal-plan.xml"));
    const std::string title = "<title>Minsta möjliga plan</title>";
    text.replace(text.find(title), title.size(),
                 "<!-- <title>not this</title> --><?note <x>?><title><![CDATA[Minsta <möjliga> plan]]></title>");
    const std::string path = folder.write("tricky.xml", text);
    const auto application = load_ok(path);
    BOOST_TEST(application.project.title.value == "Minsta <möjliga> plan");
    BOOST_TEST(application.project.title.where.line == 5);
    BOOST_TEST(application.project.title.where.column ==
               49);  // after 4 spaces, a 32-character comment and a 12-character instruction
    BOOST_TEST(application.budget.costs[0].where.line == 41);
    BOOST_TEST(application.budget.costs[0].where.column == 7);
}

BOOST_AUTO_TEST_CASE(bytes_in_memory_load_as_the_file_does_under_the_name_given) {
    const std::string path = source_path("samples/framsyn/plan.xml");
    const std::string bytes = load::read_input_file(path);
    load::PlanLoad from_file = loader().load_plan(path);
    load::PlanLoad from_bytes = loader().load_plan_bytes(bytes, "uploaded.xml");
    BOOST_REQUIRE(from_file.application && from_bytes.application);
    BOOST_TEST(from_bytes.application->project.title.value == from_file.application->project.title.value);
    BOOST_TEST(from_bytes.application->project.title.where.file == "uploaded.xml");
    BOOST_TEST(from_bytes.application->project.title.where.line == from_file.application->project.title.where.line);

    // A broken upload is a finding under its name, not a file error.
    load::PlanLoad broken = loader().load_plan_bytes("<application", "broken.xml");
    BOOST_TEST(!broken.application);
    BOOST_REQUIRE(!broken.findings.empty());
    BOOST_TEST(broken.findings[0].rule == "X001");
    BOOST_TEST(broken.findings[0].where.file == "broken.xml");

    load::Loader small(source_path("schemas"), 16);
    BOOST_CHECK_THROW(small.load_plan_bytes(bytes, "big.xml"), load::LoadError);
}
