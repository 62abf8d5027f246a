// The reviewer's assessment document: criteria parts, findings routed to
// criteria by their section, the formal checklist's decided and undecided
// rows, and the criteria's sections as the packs give them.
#include <boost/test/unit_test.hpp>

#include "load/rule_pack_reader.hpp"
#include "model/application.hpp"
#include "report/assessment.hpp"

using namespace esfdraft;
using report::RequirementState;

namespace {

model::Finding finding(const char* rule, model::Severity severity, const char* section) {
    model::Finding out;
    out.rule = rule;
    out.severity = severity;
    out.section = section;
    out.message_id = std::string(rule) + ".test";
    out.where = model::SourceLocation{"plan.xml", 10, 1, "/application"};
    return out;
}

model::RulePack example_pack() {
    model::RulePack pack;
    pack.name = "esf-plus-2021-2027";
    pack.score_scale = model::ScoreScale{1, 5, "[I]"};
    pack.assessment_criteria.push_back(
        {"problem", {"Problemformulering", "Problem statement"}, "[S]", {"background", "problem"}});
    pack.assessment_criteria.push_back({"goals", {"Projektmål", "Project goals"}, "[S]", {"goals"}});
    pack.added_rules.push_back({"M009", "[S]"});
    pack.formal_sections.push_back({"fundamentalRights", "[S]"});
    model::Call call;
    call.name = "call-2023";
    call.attachments.push_back({"budget-sheet", true, {"Budget", "Budget"}});
    pack.calls.push_back(call);
    return pack;
}

model::Application example_application() {
    model::Application app;
    app.file = "plan.xml";
    app.programme = "esf-plus-2021-2027";
    app.call = "call-2023";
    model::Block block;
    block.inlines.push_back({"Äldreomsorgen <saknar> personal", false, false});
    app.problem = model::RichText{{block}, {}};
    app.fundamental_rights = model::RichText{{block}, {}};
    model::Goal goal;
    goal.id = "g1";
    goal.kind = "project";
    goal.statement = "180 validerade";
    goal.basis.push_back({"f-gap", {}});
    app.goals.push_back(goal);
    model::PreStudyFindings study;
    model::StudyFinding gap;
    gap.id = "f-gap";
    gap.statement = "fyra av tio saknar kompetensen";
    gap.evidence.push_back({"survey", 612, model::Decimal{630000}, {}, "63 procent saknar tre kurser", {}});
    study.findings.push_back(gap);
    app.findings = study;
    return app;
}

const report::RequirementRow* row(const std::vector<report::RequirementRow>& rows, const std::string& key) {
    for (const report::RequirementRow& entry : rows)
        if (entry.key == key) return &entry;
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(assessment)

BOOST_AUTO_TEST_CASE(findings_concern_the_criteria_whose_sections_they_name) {
    const model::RulePack pack = example_pack();
    const model::Findings findings = {finding("S002", model::Severity::warning, "problem"),
                                      finding("G001", model::Severity::error, "goals"),
                                      finding("B005", model::Severity::error, "budget")};
    const model::Findings problem = report::criterion_findings(pack.assessment_criteria[0], findings);
    BOOST_TEST_REQUIRE(problem.size() == 1u);
    BOOST_TEST(problem.front().rule == "S002");
    const model::Findings goals = report::criterion_findings(pack.assessment_criteria[1], findings);
    BOOST_TEST_REQUIRE(goals.size() == 1u);
    BOOST_TEST(goals.front().rule == "G001");
}

BOOST_AUTO_TEST_CASE(checklist_decides_what_the_findings_decide_and_leaves_the_rest) {
    const model::RulePack pack = example_pack();
    const model::Application app = example_application();
    report::AssessedApplication assessed{
        {"plan.xml",
         "T",
         {finding("B007", model::Severity::error, "budget"), finding("M009", model::Severity::warning, "attachments"),
          finding("M001", model::Severity::info, "project")},
         {},
         "",
         {},
         {},
         {}},
        &app,
        &pack};
    const auto rows = report::formal_checklist(assessed);
    BOOST_TEST_REQUIRE(row(rows, "req.programme_fit"));
    BOOST_TEST((row(rows, "req.programme_fit")->state == RequirementState::met));  // a hint decides nothing
    BOOST_TEST((row(rows, "req.cofinancing")->state == RequirementState::not_met));
    BOOST_TEST(row(rows, "req.cofinancing")->rules == std::vector<std::string>{"B007"});
    BOOST_TEST((row(rows, "req.attachments")->state == RequirementState::not_met));
    BOOST_TEST(!row(rows, "req.applicant"));  // M010 is not turned on by this pack
    BOOST_TEST((row(rows, "req.fundamental_rights")->state == RequirementState::met));
    for (const char* key : {"req.signatory", "req.debts", "req.active", "req.state_aid"}) {
        BOOST_TEST_REQUIRE(row(rows, key), key);
        BOOST_TEST((row(rows, key)->state == RequirementState::for_reviewer), key);
    }

    model::Application without = app;
    without.fundamental_rights.reset();
    const auto missing = report::formal_checklist({assessed.report, &without, &pack});
    BOOST_TEST((row(missing, "req.fundamental_rights")->state == RequirementState::not_met));

    // A plan that did not load: nothing decided.
    const auto unloaded = report::formal_checklist({assessed.report, nullptr, nullptr});
    for (const report::RequirementRow& entry : unloaded)
        BOOST_TEST((entry.state == RequirementState::for_reviewer), entry.key);
}

BOOST_AUTO_TEST_CASE(attachments_are_for_the_reviewer_when_the_call_lists_none) {
    model::RulePack pack = example_pack();
    pack.calls.front().attachments.clear();
    const model::Application app = example_application();
    const auto rows = report::formal_checklist({{"plan.xml", "T", {}, {}, "", {}, {}, {}}, &app, &pack});
    BOOST_TEST((row(rows, "req.attachments")->state == RequirementState::for_reviewer));
    BOOST_TEST(row(rows, "req.attachments")->note == "req.attachments_none");
}

BOOST_AUTO_TEST_CASE(the_document_has_a_part_per_criterion_with_text_findings_evidence_and_fields) {
    const model::RulePack pack = example_pack();
    const model::Application app = example_application();
    report::ReportOptions options;
    options.date = "2023-11-01";
    const std::string html = report::render_assessment_html(
        {{"plan.xml", "Vårdlyftet", {finding("G001", model::Severity::error, "goals")}, {}, "", {}, {}, {}},
         &app,
         &pack},
        options);
    BOOST_TEST(html.find("<h3 id=\"criterion-problem\">Problemformulering</h3>") != std::string::npos);
    BOOST_TEST(html.find("<h3 id=\"criterion-goals\">Projektmål</h3>") != std::string::npos);
    // The plan's text, escaped; a section the plan lacks says so.
    BOOST_TEST(html.find("Äldreomsorgen &lt;saknar&gt; personal") != std::string::npos);
    BOOST_TEST(html.find("Avsnittet saknas i ansökan.") != std::string::npos);
    // The goals finding sits under the goals criterion, not under the problem.
    const std::size_t goals_at = html.find("criterion-goals");
    const std::size_t g001_at = html.find("<td>G001</td>");
    BOOST_TEST((g001_at != std::string::npos && g001_at > goals_at));
    // Evidence under the goals criterion only.
    BOOST_TEST(html.find("bygger på <strong>f-gap</strong>") > goals_at);
    BOOST_TEST(html.find("enkät (612 svarande, 63") != std::string::npos);
    BOOST_TEST(html.find("<label for=\"score-problem\">Poäng (1–5)</label>") != std::string::npos);
    BOOST_TEST(html.find("min=\"1\" max=\"5\"") != std::string::npos);
    BOOST_TEST(html.find("<textarea id=\"comment-goals\"") != std::string::npos);
    BOOST_TEST(html.find("<label for=\"req-debts-met\">Uppfyllt</label>") != std::string::npos);
    BOOST_TEST(html.find("aria-describedby=\"req-debts\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(ranking_orders_by_errors_then_warnings_then_title) {
    const model::RulePack pack = example_pack();
    const model::Application app = example_application();
    const auto with = [&](const char* title, int errors, int warnings) {
        report::AssessedApplication entry{{std::string(title) + ".xml", title, {}, {}, "", {}, {}, {}}, &app, &pack};
        for (int i = 0; i < errors; ++i)
            entry.report.findings.push_back(finding("B005", model::Severity::error, "budget"));
        for (int i = 0; i < warnings; ++i)
            entry.report.findings.push_back(finding("S002", model::Severity::warning, "problem"));
        return entry;
    };
    const std::string html = report::render_assessment_ranking(
        {with("Cecilia", 1, 0), with("Bertil", 0, 2), with("Adam", 0, 2), with("David", 0, 0)},
        {"lost.xml: could not be read"}, report::ReportOptions{});
    const std::size_t david = html.find(">David<"), adam = html.find(">Adam<"), bertil = html.find(">Bertil<"),
                      cecilia = html.find(">Cecilia<");
    BOOST_TEST((david < adam && adam < bertil && bertil < cecilia && cecilia != std::string::npos));
    BOOST_TEST(html.find("lost.xml: could not be read") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_packs_tie_sections_to_every_criterion) {
    load::RulePackLibrary packs(std::string(ESFDRAFT_SOURCE_DIR) + "/schemas");
    for (const std::string& name : packs.pack_names()) {
        const model::RulePack* pack = packs.find(name);
        BOOST_TEST_REQUIRE(pack);
        BOOST_TEST(!pack->assessment_criteria.empty(), name);
        for (const model::AssessmentCriterion& criterion : pack->assessment_criteria)
            BOOST_TEST(!criterion.sections.empty(), name + " " + criterion.code);
    }
    const model::RulePack* plus = packs.find("esf-plus-2021-2027");
    BOOST_TEST_REQUIRE(plus);
    BOOST_TEST(plus->assessment_criteria.front().concerns("problem"));
    BOOST_TEST_REQUIRE(plus->formal_sections.size() == 1u);
    BOOST_TEST(plus->formal_sections.front().section == "fundamentalRights");
}

BOOST_AUTO_TEST_SUITE_END()
