// The editor's seam (plan_editing.hpp) checked end to end: a part of any
// sample plan or findings file written back in place checks exactly as the
// original (the same findings, with the same messages and arguments, so the
// same model for the rules), whole documents written from the tree too; and
// the plans the editor starts from (follow_up_plan, starter_plan).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "pipeline/new_plan.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/plan_editing.hpp"
#include "report/catalogue.hpp"
#include "support/temp_files.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;

namespace {

const model::Date today{2024, 3, 1};

// What a finding says, without where in the file it is (a part written in
// the document's layout may take other lines than before).
using Said = std::tuple<std::string, std::string, std::string, std::string>;

std::vector<Said> said(const pipeline::CheckedPlan& checked) {
    std::vector<Said> out;
    for (const model::Finding& finding : checked.report.findings)
        out.emplace_back(finding.rule, finding.where.path, finding.message_id,
                         report::message_text(finding, report::Language::en));
    return out;
}

std::vector<std::string> sample_plans() {
    std::vector<std::string> out;
    for (const char* folder : {"samples", "tests/load/fixtures", "tests/rules/fixtures"})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(source_path(folder))) {
            if (entry.path().extension() != ".xml") continue;
            const std::string bytes = read_file(entry.path().string());
            if (bytes.find("<findings") == std::string::npos) out.push_back(entry.path().string());
        }
    std::sort(out.begin(), out.end());
    return out;
}

bool has_rule(const pipeline::CheckedPlan& checked, std::string_view prefix) {
    return std::any_of(checked.report.findings.begin(), checked.report.findings.end(),
                       [&](const model::Finding& finding) { return finding.rule.starts_with(prefix); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_editing)

BOOST_AUTO_TEST_CASE(every_part_written_back_checks_as_the_original) {
    pipeline::CheckSession session(today);
    std::size_t plans = 0, findings_files = 0, parts = 0;
    for (const std::string& path : sample_plans()) {
        const pipeline::CheckedPlan first = session.check(path, std::nullopt);
        const pipeline::NamedBytes plan{"plan.xml", read_file(path)};
        std::optional<pipeline::NamedBytes> findings;
        if (first.findings_file) findings = pipeline::NamedBytes{"findings.xml", read_file(*first.findings_file)};
        const pipeline::CheckedPlan original = session.check_bytes(plan, findings);
        BOOST_TEST_REQUIRE(original.application.has_value(), path);
        const std::vector<Said> expected = said(original);

        const model::Element tree = pipeline::read_document(plan.bytes);
        for (std::size_t i = 0; i < tree.children.size(); ++i) {
            const pipeline::NamedBytes edited{"plan.xml", pipeline::replace_child(plan.bytes, i, tree.children[i])};
            BOOST_TEST((said(session.check_bytes(edited, findings)) == expected),
                       path << " part " << tree.children[i].name);
            ++parts;
        }
        const pipeline::NamedBytes whole{"plan.xml",
                                         pipeline::write_document(tree, pipeline::plan_document_namespace())};
        BOOST_TEST((said(session.check_bytes(whole, findings)) == expected), path << " written whole");
        ++plans;

        if (!findings) continue;
        const model::Element findings_tree = pipeline::read_document(findings->bytes);
        for (std::size_t i = 0; i < findings_tree.children.size(); ++i) {
            const pipeline::NamedBytes edited{"findings.xml",
                                              pipeline::replace_child(findings->bytes, i, findings_tree.children[i])};
            BOOST_TEST((said(session.check_bytes(plan, edited)) == expected), *first.findings_file << " part " << i);
            ++parts;
        }
        const pipeline::NamedBytes whole_findings{
            "findings.xml", pipeline::write_document(findings_tree, pipeline::findings_document_namespace())};
        BOOST_TEST((said(session.check_bytes(plan, whole_findings)) == expected),
                   *first.findings_file << " written whole");
        ++findings_files;
    }
    BOOST_TEST(plans >= 9u);
    BOOST_TEST(findings_files >= 5u);
    BOOST_TEST(parts > 100u);
}

BOOST_AUTO_TEST_CASE(an_edited_part_is_what_the_check_sees) {
    // A goal's statement changed through the tree: the check reads the new text,
    // every other byte of the plan stays.
    const std::string bytes = read_file(source_path("samples/framsyn/plan.xml"));
    model::Element tree = pipeline::read_document(bytes);
    std::size_t project = 0;
    while (tree.children.at(project).name != "project") ++project;
    model::Element part = tree.children[project];
    model::Element& title = const_cast<model::Element&>(*part.child("title"));
    title.content.clear();
    title.append_text("Ny titel & <mer>");
    const std::string edited = pipeline::replace_child(bytes, project, part);
    pipeline::CheckSession session(today);
    const pipeline::CheckedPlan checked = session.check_bytes({"plan.xml", edited}, std::nullopt);
    BOOST_TEST_REQUIRE(checked.application.has_value());
    BOOST_TEST(checked.application->project.title.value == "Ny titel & <mer>");
    const std::size_t start = bytes.find("<project");
    BOOST_TEST(edited.substr(0, start) == bytes.substr(0, start));
    const std::size_t end = bytes.find("</project>") + 10;
    BOOST_TEST(edited.substr(edited.find("</project>") + 10) == bytes.substr(end));
}

BOOST_AUTO_TEST_CASE(unreadable_documents_say_where_in_both_languages) {
    const auto refused = [](std::string_view bytes) -> std::pair<std::string, std::string> {
        try {
            (void)pipeline::read_document(bytes);
        } catch (const pipeline::DocumentUnreadable& error) {
            BOOST_TEST(std::string(error.what()) == error.en());
            return {error.sv(), error.en()};
        }
        return {};
    };
    const auto [sv, en] = refused("<application>\n  <project>\n</application>\n");
    BOOST_TEST(sv == "rad 3: <project> på rad 2 stängs inte före </application>; skriv </project> före </application>",
               sv);
    BOOST_TEST(
        en == "line 3: <project> at line 2 is not closed before </application>; write </project> before </application>",
        en);
    BOOST_TEST(refused("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x \"y\">]>\n<a/>")
                   .second.starts_with("line 2: DOCTYPE"));
    BOOST_TEST(refused("<a>\n\n\xc3</a>").first.starts_with("rad 3: ogiltig UTF-8"));
    BOOST_TEST(refused("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>")
                   .second.starts_with("line 1: the file declares the encoding ISO-8859-1"));
    BOOST_CHECK_THROW(pipeline::replace_child("<a><b/></a", 0, model::Element("b")), pipeline::DocumentUnreadable);
    BOOST_CHECK_THROW(pipeline::insert_child("", 0, model::Element("b")), pipeline::DocumentUnreadable);
    BOOST_CHECK_THROW(pipeline::remove_child("<a><b/></a>", 1), std::out_of_range);
    const std::string large(33u * 1024u * 1024u, ' ');
    BOOST_TEST(refused(large).second == "the document is 33 MiB; esfdraft reads at most 32 MiB");
}

BOOST_AUTO_TEST_CASE(a_follow_up_carries_the_prestudy_forward_without_guiding_texts) {
    const std::string prestudy_bytes = read_file(source_path("samples/framsyn-prestudy/plan.xml"));
    const pipeline::NewPlanBytes made = pipeline::follow_up_plan(prestudy_bytes, "prestudy.xml", today, "sv");
    BOOST_TEST_REQUIRE(made.findings.has_value());
    BOOST_TEST(made.findings_name.value_or("") == "findings.xml");
    pipeline::CheckSession session(today);
    const pipeline::CheckedPlan prestudy = session.check_bytes({"prestudy.xml", prestudy_bytes}, std::nullopt);
    const pipeline::CheckedPlan checked =
        session.check_bytes({"plan.xml", made.plan}, pipeline::NamedBytes{"findings.xml", *made.findings});
    BOOST_TEST_REQUIRE(checked.application.has_value());
    BOOST_TEST(!has_rule(checked, "X"));
    BOOST_TEST(!has_rule(checked, "S003"));  // no text left to write: sections are missing instead
    BOOST_TEST(has_rule(checked, "S001"));
    const model::Project& after = checked.application->project;
    const model::Project& before = prestudy.application->project;
    BOOST_TEST(after.phase.value == "implementation");
    BOOST_TEST(after.title.value == before.title.value);
    BOOST_TEST(after.region.value == before.region.value);
    BOOST_TEST(after.owner.name == before.owner.name);
    BOOST_TEST(after.municipalities.size() == before.municipalities.size());
    BOOST_TEST(checked.application->programme == prestudy.application->programme);
    BOOST_TEST_REQUIRE(after.pre_study.has_value());
    BOOST_TEST(after.pre_study->title == before.title.value);
    BOOST_TEST(made.plan.find("schemaLocation") == std::string::npos);  // the server's paths stay out
    BOOST_TEST(made.plan.find("<!--") == std::string::npos);

    BOOST_CHECK_THROW(
        pipeline::follow_up_plan(read_file(source_path("samples/framsyn/plan.xml")), "impl.xml", today, "sv"),
        pipeline::ToolError);
    BOOST_CHECK_THROW(pipeline::follow_up_plan("<application/>", "broken.xml", today, "sv"), pipeline::ToolError);
    BOOST_CHECK_THROW(pipeline::follow_up_plan(prestudy_bytes, "prestudy.xml", today, "de"), pipeline::ToolError);
}

BOOST_AUTO_TEST_CASE(a_starter_plan_holds_the_project_facts_only) {
    pipeline::StarterPlan request;
    request.programme = "esf-plus-2021-2027";
    request.phase = "implementation";
    request.title = "Vägar & <broar>";
    request.owner = "Umeå kommun";
    request.owner_org_number = "212000-2742";
    request.lang = "en";
    request.today = today;
    for (const char* phase : {"implementation", "prestudy"}) {
        request.phase = phase;
        const std::string plan = pipeline::starter_plan(request);
        pipeline::CheckSession session(today);
        const pipeline::CheckedPlan checked = session.check_bytes({"plan.xml", plan}, std::nullopt);
        BOOST_TEST_REQUIRE(checked.application.has_value(), phase);
        BOOST_TEST(!has_rule(checked, "X"), phase);
        BOOST_TEST(!has_rule(checked, "S003"), phase);
        BOOST_TEST(has_rule(checked, "S001"), phase);
        BOOST_TEST(checked.application->project.title.value == "Vägar & <broar>");
        BOOST_TEST(checked.application->project.owner.org_number.value_or("") == "212000-2742");
        BOOST_TEST(checked.application->project.phase.value == phase);
        BOOST_TEST(checked.application->lang == "en");
        BOOST_TEST(checked.application->project.period.start.year == 2025);
        BOOST_TEST(plan.find("<!--") == std::string::npos);
    }
    pipeline::StarterPlan bad = request;
    bad.programme = "esf-1990";
    BOOST_CHECK_THROW(pipeline::starter_plan(bad), pipeline::ToolError);
    bad = request;
    bad.phase = "evaluation";
    BOOST_CHECK_THROW(pipeline::starter_plan(bad), pipeline::ToolError);
    bad = request;
    bad.call = "no-such-call";
    BOOST_CHECK_THROW(pipeline::starter_plan(bad), pipeline::ToolError);
    bad = request;
    bad.title = " \n";
    BOOST_CHECK_THROW(pipeline::starter_plan(bad), pipeline::ToolError);
}

BOOST_AUTO_TEST_CASE(a_starter_plan_for_a_call_takes_its_limits) {
    pipeline::CheckSession session(today);
    const pipeline::RulesListing listing = pipeline::list_rules(std::string("esf-2007-2013"));
    BOOST_TEST_REQUIRE(listing.pack.has_value());
    BOOST_TEST_REQUIRE(!listing.pack->calls.empty());
    const model::Call& call = listing.pack->calls.front();
    pipeline::StarterPlan request;
    request.programme = "esf-2007-2013";
    request.call = call.name;
    request.phase = call.phases.empty() ? "implementation" : call.phases.front();
    request.title = "Projekt";
    request.today = model::Date{2009, 3, 1};
    const std::string plan = pipeline::starter_plan(request);
    const pipeline::CheckedPlan checked = session.check_bytes({"plan.xml", plan}, std::nullopt);
    BOOST_TEST_REQUIRE(checked.application.has_value());
    BOOST_TEST(checked.application->call.value_or("") == call.name);
    if (call.limits_areas()) BOOST_TEST(checked.application->project.programme_area.value == call.areas.front());
    if (call.earliest_start) BOOST_TEST(!(checked.application->project.period.start < call.earliest_start->value));
    if (call.latest_end) BOOST_TEST(!(call.latest_end->value < checked.application->project.period.end));
}

BOOST_AUTO_TEST_SUITE_END()
