// build_artefacts and CheckSession::check_bytes: the same bytes as the file
// layer the CLI writes, and nothing opened that a plan names.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <future>
#include <map>
#include <thread>

#include "docx/engine/zip_package.hpp"
#include "pipeline/artefacts.hpp"
#include "pipeline/build.hpp"
#include "pipeline/new_plan.hpp"
#include "support/temp_files.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;
namespace fs = std::filesystem;

namespace {

const model::Date day{2009, 9, 1};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The request the file layer makes for `plan` (its findings beside it, when it names one).
pipeline::ArtefactRequest request_for(const std::string& plan, const std::optional<std::string>& findings_name) {
    pipeline::ArtefactRequest request;
    request.plan = {plan, read_file(plan)};
    if (findings_name) {
        const std::string findings = (fs::path(plan).parent_path() / *findings_name).lexically_normal().string();
        request.findings = pipeline::NamedBytes{findings, read_file(findings)};
    }
    request.today = day;
    return request;
}

std::string hex_bytes(const std::string& hex) {
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return bytes;
}

// A 1×1 PNG.
const std::string tiny_png = hex_bytes(
    "89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C4890000000A49444154789C6300010000050001"
    "0D0A2DB40000000049454E44AE426082");

std::string with_findings_attribute(std::string plan, const std::string& value) {
    const std::string attribute = "findings=\"findings.xml\"";
    const auto at = plan.find(attribute);
    BOOST_REQUIRE(at != std::string::npos);
    plan.replace(at, attribute.size(), "findings=\"" + value + "\"");
    return plan;
}

void check_same_as_the_cli(const std::string& sample, const std::optional<std::string>& findings,
                           const std::string& name) {
    const std::string plan = source_path(sample);
    ScratchFolder folder;
    pipeline::BuildRequest files;
    files.plan = plan;
    files.today = day;
    const pipeline::BuildResult written = pipeline::build_into_folder(files, folder.path("out"));
    BOOST_REQUIRE_EQUAL(written.written.size(), 3u);

    pipeline::CheckSession session(day);
    const pipeline::Artefacts made = pipeline::build_artefacts(request_for(plan, findings), session);
    BOOST_TEST(made.plan_loaded);
    BOOST_REQUIRE(made.draft_docx && made.workbook_xlsx && made.report_html);
    BOOST_TEST((*made.draft_docx == read_file(folder.path("out/" + name + ".docx"))));
    BOOST_TEST((*made.workbook_xlsx == read_file(folder.path("out/" + name + ".xlsx"))));
    BOOST_TEST((*made.report_html == read_file(folder.path("out/" + name + "-rapport.html"))));
    BOOST_TEST(made.report.findings.size() == written.report.findings.size());
}

}  // namespace

BOOST_AUTO_TEST_CASE(bytes_give_the_same_documents_as_the_file_layer) {
    check_same_as_the_cli("samples/framsyn/plan.xml", "findings.xml", "FRAMSYN");
    check_same_as_the_cli("samples/framsyn-prestudy/plan.xml", std::nullopt, "plan");
}

namespace {

// The draft's paragraphs' text, joined by "|".
std::string draft_text(const std::string& docx) {
    const docx::Package package = docx::read_package(docx, "draft");
    const std::string* document = package.find("word/document.xml");
    BOOST_REQUIRE(document);
    std::string text;
    for (std::size_t at = document->find("<w:t"); at != std::string::npos; at = document->find("<w:t", at + 1)) {
        const std::size_t open_end = document->find('>', at);
        if ((*document)[at + 4] != '>' && (*document)[at + 4] != ' ') continue;  // <w:tbl>, <w:tc> …
        const std::size_t close = document->find("</w:t>", open_end);
        text += "|" + document->substr(open_end + 1, close - open_end - 1);
    }
    return text;
}

std::string without_element(std::string plan, const std::string& name) {
    const std::size_t from = plan.find("  <" + name + ">");
    const std::string close = "</" + name + ">\n";
    const std::size_t to = plan.find(close, from);
    BOOST_REQUIRE(from != std::string::npos && to != std::string::npos);
    plan.erase(from, to + close.size() - from);
    return plan;
}

}  // namespace

// Issue 10: the draft agrees with the report, through the real check. FRAMSYN
// (2007–2013) without non-discrimination and transnational sections, which
// that programme does not ask for, and without an evaluation, which it
// recommends (S006): a marker for the evaluation only, and the cover names
// the call by its title and says what the report says.
BOOST_AUTO_TEST_CASE(the_draft_marks_what_the_report_flags_and_states_its_verdict) {
    pipeline::CheckSession session(day);
    pipeline::ArtefactRequest request = request_for(source_path("samples/framsyn/plan.xml"), "findings.xml");
    std::string plan = without_element(without_element(request.plan.bytes, "nonDiscrimination"), "transnational");
    request.plan.bytes = without_element(plan, "evaluation");
    const pipeline::Artefacts made = pipeline::build_artefacts(request, session);
    BOOST_REQUIRE(made.draft_docx.has_value());
    std::vector<std::string> rules;
    for (const model::Finding& finding : made.report.findings) rules.push_back(finding.rule);
    BOOST_TEST(std::count(rules.begin(), rules.end(), "S006") == 1);
    BOOST_TEST(std::count(rules.begin(), rules.end(), "S001") == 0);
    const std::string text = draft_text(*made.draft_docx);
    BOOST_TEST(contains(text, "|Utvärdering|[Saknas: Utvärdering]|"));
    BOOST_TEST(!contains(text, "Icke-diskriminering"));
    BOOST_TEST(!contains(text, "Transnationellt samarbete"));
    BOOST_TEST(contains(text, "|Utlysning|Utlysning Övre Norrland 2009"));
    BOOST_TEST(contains(text, "|Status: klar att lämna in|"));  // warnings only: ready, as the report says

    // An error left: the cover says how many.
    request.plan.bytes = without_element(request.plan.bytes, "background");
    const pipeline::Artefacts with_error = pipeline::build_artefacts(request, session);
    const std::string missing = draft_text(*with_error.draft_docx);
    BOOST_TEST(contains(missing, "[Saknas: Bakgrund]"));
    BOOST_TEST(contains(missing, "|Status: utkast – 1 fel kvar|"));
}

BOOST_AUTO_TEST_CASE(only_the_artefacts_asked_for_are_made) {
    pipeline::CheckSession session(day);
    pipeline::ArtefactRequest request = request_for(source_path("samples/framsyn/plan.xml"), "findings.xml");
    request.draft = false;
    request.report_html = false;
    const pipeline::Artefacts made = pipeline::build_artefacts(request, session);
    BOOST_TEST(!made.draft_docx);
    BOOST_TEST(made.workbook_xlsx.has_value());
    BOOST_TEST(!made.report_html);
}

BOOST_AUTO_TEST_CASE(a_plan_that_does_not_load_gets_only_its_report) {
    pipeline::CheckSession session(day);
    pipeline::ArtefactRequest request;
    request.plan = {"upload.xml", "<application xmlns=\"urn:esfdraft:plan:1\">"};
    request.today = day;
    const pipeline::Artefacts made = pipeline::build_artefacts(request, session);
    BOOST_TEST(!made.plan_loaded);
    BOOST_TEST(!made.draft_docx);
    BOOST_TEST(!made.workbook_xlsx);
    BOOST_REQUIRE(made.report_html.has_value());
    BOOST_REQUIRE(!made.report.findings.empty());
    BOOST_TEST(made.report.findings.front().where.file == "upload.xml");
}

BOOST_AUTO_TEST_CASE(check_bytes_never_opens_the_findings_file_a_plan_names) {
    // Existing files, absolute and through "..": none may be read.
    const std::string plan_bytes = read_file(source_path("samples/framsyn/plan.xml"));
    for (const std::string named : {"/etc/passwd", "../framsyn/findings.xml", "findings.xml"}) {
        pipeline::CheckSession session(day);
        const pipeline::CheckedPlan checked = session.check_bytes(
            {source_path("samples/framsyn/plan.xml"), with_findings_attribute(plan_bytes, named)}, std::nullopt);
        BOOST_REQUIRE(checked.application.has_value());
        BOOST_TEST(!checked.application->findings.has_value(), named);
        const std::string text = report::render_text({checked.report}, report::ReportOptions{});
        BOOST_TEST(!contains(text, named), text);
        BOOST_TEST(!contains(text, "passwd"), text);
    }
}

BOOST_AUTO_TEST_CASE(check_bytes_uses_the_findings_buffer_given) {
    pipeline::CheckSession session(day);
    const pipeline::ArtefactRequest request = request_for(source_path("samples/framsyn/plan.xml"), "findings.xml");
    const pipeline::CheckedPlan checked =
        session.check_bytes(request.plan, pipeline::NamedBytes{"uploaded-findings.xml", request.findings->bytes});
    BOOST_REQUIRE(checked.application && checked.application->findings);
    BOOST_TEST(checked.application->findings->file == "uploaded-findings.xml");
}

BOOST_AUTO_TEST_CASE(sessions_on_two_threads_give_the_same_bytes_as_one) {
    const pipeline::ArtefactRequest request = request_for(source_path("samples/framsyn/plan.xml"), "findings.xml");
    pipeline::CheckSession alone(day);
    const pipeline::Artefacts expected = pipeline::build_artefacts(request, alone);
    const auto run = [&] {
        pipeline::CheckSession session(day);
        std::vector<pipeline::Artefacts> made;
        for (int i = 0; i < 3; ++i) made.push_back(pipeline::build_artefacts(request, session));
        return made;
    };
    auto first = std::async(std::launch::async, run);
    auto second = std::async(std::launch::async, run);
    for (auto* future : {&first, &second})
        for (const pipeline::Artefacts& made : future->get()) {
            BOOST_TEST((made.draft_docx == expected.draft_docx));
            BOOST_TEST((made.workbook_xlsx == expected.workbook_xlsx));
            BOOST_TEST((made.report_html == expected.report_html));
        }
}

BOOST_AUTO_TEST_CASE(a_logo_from_bytes_is_named_by_its_own_name) {
    pipeline::CheckSession session(day);
    pipeline::ArtefactRequest request = request_for(source_path("samples/framsyn/plan.xml"), "findings.xml");
    request.workbook = false;
    request.logo = pipeline::NamedBytes{"logga.png", tiny_png};
    const pipeline::Artefacts with_logo = pipeline::build_artefacts(request, session);
    BOOST_REQUIRE(with_logo.draft_docx.has_value());
    BOOST_TEST(contains(*with_logo.draft_docx, "word/media/"));

    request.logo = pipeline::NamedBytes{"logga.png", "GIF89a not a png"};
    try {
        pipeline::build_artefacts(request, session);
        BOOST_FAIL("a logo that is not a PNG or JPEG must stop the build");
    } catch (const pipeline::ToolError& error) {
        BOOST_TEST(std::string(error.what()) == "logo 'logga.png': not a PNG or JPEG image");
    }
}

BOOST_AUTO_TEST_CASE(a_template_from_bytes_is_named_by_its_own_name) {
    pipeline::CheckSession session(day);
    pipeline::ArtefactRequest request = request_for(source_path("samples/framsyn/plan.xml"), "findings.xml");
    request.template_docx = pipeline::NamedBytes{"var-mall.docx", "this is not a zip archive"};
    try {
        pipeline::build_artefacts(request, session);
        BOOST_FAIL("a broken template must stop the build");
    } catch (const pipeline::ToolError& error) {
        BOOST_TEST(contains(error.what(), "var-mall.docx"), error.what());
    }
}

BOOST_AUTO_TEST_CASE(the_file_layer_reads_findings_only_beside_the_plan) {
    ScratchFolder folder;
    const std::string plan_bytes = read_file(source_path("samples/framsyn/plan.xml"));
    fs::create_directories(folder.path("plans"));
    folder.write("findings.xml", read_file(source_path("samples/framsyn/findings.xml")));
    for (const std::string& named : std::vector<std::string>{"/etc/passwd", "../findings.xml", "sub/../../findings.xml",
                                                             folder.path("findings.xml")}) {
        const std::string plan = folder.write("plans/plan.xml", with_findings_attribute(plan_bytes, named));
        pipeline::CheckSession session(day);
        try {
            session.check(plan, std::nullopt);
            BOOST_FAIL("@findings='" + named + "' must be refused");
        } catch (const pipeline::ToolError& error) {
            BOOST_TEST(contains(error.what(), "give the findings file with --findings, or put it beside the plan"),
                       error.what());
            BOOST_TEST(contains(error.what(), named));
        }
        // --findings names the file: then @findings is not looked at.
        const pipeline::CheckedPlan checked = session.check(plan, folder.path("findings.xml"));
        BOOST_TEST((checked.application && checked.application->findings));
    }
    // Inside the folder, also through "sub/..", still works.
    fs::create_directories(folder.path("plans/sub"));
    folder.write("plans/findings.xml", read_file(source_path("samples/framsyn/findings.xml")));
    const std::string plan = folder.write("plans/plan.xml", with_findings_attribute(plan_bytes, "sub/../findings.xml"));
    pipeline::CheckSession session(day);
    const pipeline::CheckedPlan checked = session.check(plan, std::nullopt);
    BOOST_TEST((checked.application && checked.application->findings));
}

BOOST_AUTO_TEST_CASE(a_plan_gets_the_default_draft_of_its_programme) {
    // The template is prepared while the plan is checked: it must still be
    // the programme's (ESF+ has its own application).
    for (const std::string programme : {"esf-plus-2021-2027", "esf-2007-2013"}) {
        ScratchFolder folder;
        pipeline::NewPlanRequest plan;
        plan.programme = programme;
        plan.phase = "implementation";
        plan.output = folder.path("plan.xml");
        plan.today = day;
        pipeline::write_new_plan(plan);
        pipeline::CheckSession session(day);
        const pipeline::Artefacts made = pipeline::build_artefacts(request_for(plan.output, "findings.xml"), session);
        BOOST_REQUIRE(made.draft_docx);
        const docx::Package package = docx::read_package(*made.draft_docx, "draft");
        const std::string document = *package.find("word/document.xml");
        const bool plus = programme == "esf-plus-2021-2027";
        BOOST_TEST(contains(document, "Horisontella principer") == plus, programme);
        BOOST_TEST(contains(document, "Projektfakta") == !plus, programme);
    }
}

BOOST_AUTO_TEST_CASE(the_workbook_names_the_programme_call_area_and_region_as_the_pack_does) {
    // The summary sheet gave "esf-2007-2013", "ovre-norrland-2009", "PO1" and "SE33", the plan's ids.
    pipeline::CheckSession session(day);
    const pipeline::Artefacts made =
        pipeline::build_artefacts(request_for(source_path("samples/framsyn/plan.xml"), "findings.xml"), session);
    BOOST_REQUIRE(made.workbook_xlsx);
    const docx::Package package = docx::read_package(*made.workbook_xlsx, "workbook");
    const std::string* strings = package.find("xl/sharedStrings.xml");
    BOOST_REQUIRE(strings);
    BOOST_TEST(contains(*strings, "(ovre-norrland-2009)</t>"), *strings);
    BOOST_TEST(contains(*strings, "(esf-2007-2013)</t>"));
    BOOST_TEST(contains(*strings, "Kompetensförsörjning (PO1)</t>"));
    BOOST_TEST(contains(*strings, "<t>Övre Norrland (SE33)</t>"), *strings);
    BOOST_TEST(!contains(*strings, "<t>ovre-norrland-2009</t>"));
    BOOST_TEST(!contains(*strings, "<t>SE33</t>"));
}

BOOST_AUTO_TEST_CASE(a_bad_value_is_reported_where_it_is_and_the_rest_is_still_checked_and_drafted) {
    // One amount with a comma stopped everything behind one X002: the other
    // mistakes, the report's sections and the draft were all missing.
    std::string plan = read_file(source_path("samples/framsyn/plan.xml"));
    const auto swap = [&](const std::string& from, const std::string& to) {
        const std::size_t at = plan.find(from);
        BOOST_REQUIRE(at != std::string::npos);
        plan.replace(at, from.size(), to);
    };
    swap("amount=\"126000\"", "amount=\"126000,50\"");
    swap("<email>helena.brannstrom@regionvasterbotten.se</email>", "<email>helena.brannstrom</email>");
    swap("category=\"travel\"", "category=\"travl\"");
    pipeline::CheckSession session(day);
    const pipeline::CheckedPlan checked = session.check_bytes(
        {"plan.xml", plan},
        pipeline::NamedBytes{"findings.xml", read_file(source_path("samples/framsyn/findings.xml"))});
    BOOST_REQUIRE(checked.application.has_value());
    std::map<std::string, int> rules;
    for (const model::Finding& finding : checked.report.findings) ++rules[finding.rule + " " + finding.message_id];
    BOOST_TEST(rules["X002 X002.amount_form_suggest"] == 1);
    BOOST_TEST(rules["X002 X002.not_allowed"] == 1);
    bool m006 = false, b002 = false, b005 = false;
    for (const model::Finding& finding : checked.report.findings) {
        m006 = m006 || finding.rule == "M006";
        b002 = b002 || finding.rule == "B002";
        b005 = b005 || finding.rule == "B005";
    }
    BOOST_TEST(m006);   // the mistake elsewhere is still found
    BOOST_TEST(!b002);  // the refused category is X002's alone
    BOOST_TEST(!b005);  // no balance computed with an amount that could not be read
    BOOST_TEST(checked.report.sections.size() > 10u);
    ScratchFolder folder;
    folder.write("findings.xml", read_file(source_path("samples/framsyn/findings.xml")));
    const pipeline::Artefacts made =
        pipeline::build_artefacts(request_for(folder.write("plan.xml", plan), "findings.xml"), session);
    BOOST_TEST(made.draft_docx.has_value());
}
