// The guided editor's budget part and the findings' parts, without a
// server: each part drawn from a stored document and applied with what it
// drew gives the document back byte for byte; an edited value is written
// where it belongs, loads with that value and leaves the other findings as
// they were; a value the format refuses is the check's finding at its row.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "http/checker.hpp"
#include "http/editor.hpp"
#include "http/plan_diff.hpp"
#include "pipeline/plan_editing.hpp"

using namespace esfdraft;
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const fs::path source = ESFDRAFT_SOURCE_DIR;

// Every sample and fixture plan, and every findings document with the plan to check it with.
std::vector<fs::path> plans() {
    return {source / "samples/framsyn/plan.xml",
            source / "samples/framsyn-prestudy/plan.xml",
            source / "samples/esf-plus/plan.xml",
            source / "tests/load/fixtures/additions-plan.xml",
            source / "tests/load/fixtures/minimal-plan.xml",
            source / "tests/load/fixtures/rich-plan.xml",
            source / "tests/rules/fixtures/clean-plan.xml",
            source / "tests/rules/fixtures/clean-plan-esf-plus.xml",
            source / "tests/rules/fixtures/clean-plan-esf-plus-full.xml"};
}
std::vector<std::pair<fs::path, fs::path>> findings_documents() {
    return {{source / "samples/framsyn/findings.xml", source / "samples/framsyn/plan.xml"},
            {source / "samples/esf-plus/findings.xml", source / "samples/esf-plus/plan.xml"},
            {source / "tests/load/fixtures/rich-findings.xml", source / "tests/load/fixtures/rich-plan.xml"},
            {source / "tests/rules/fixtures/clean-findings.xml", source / "tests/rules/fixtures/clean-plan.xml"},
            {source / "tests/rules/fixtures/clean-findings-esf-plus.xml",
             source / "tests/rules/fixtures/clean-plan-esf-plus.xml"}};
}

http::Checker& checker() {
    static http::Checker one;
    return one;
}
const model::Date today = *model::parse_date("2024-01-15");

struct Drawn {
    std::string html;
    http::editor::Fields fields;
};

Drawn draw(const http::editor::Part& part, const http::UploadCheck& check, const model::Element* root,
           const std::string& lang = "sv") {
    http::Request request;
    request.language = lang;
    http::editor::Sheet sheet(request, check, root, nullptr);
    std::ostringstream out;
    part.draw(sheet, out);
    return {out.str(), sheet.drawn()};
}

const http::editor::Part& part(const char* key) {
    const http::editor::Part* found = http::editor::find_part(key);
    BOOST_REQUIRE_MESSAGE(found, "no part " << key);
    return *found;
}

http::UploadCheck check_of(const std::string& plan, const std::optional<std::string>& findings) {
    std::optional<http::NamedUpload> upload;
    if (findings) upload = http::NamedUpload{"findings.xml", *findings};
    return checker().check({"plan.xml", plan}, upload, today);
}

std::multiset<std::string> keys(const model::Findings& findings) {
    std::multiset<std::string> out;
    for (const model::Finding& f : findings) out.insert(f.rule + "|" + f.where.path + "|" + f.message_id);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(editor_parts)

BOOST_AUTO_TEST_CASE(the_budget_part_saved_unchanged_gives_every_plan_back_byte_for_byte) {
    for (const fs::path& path : plans()) {
        BOOST_TEST_CONTEXT(path.filename()) {
            const std::string plan = read_file(path);
            const model::Element root = pipeline::read_document(plan);
            const http::UploadCheck check = check_of(plan, std::nullopt);
            const Drawn drawn = draw(part("budget"), check, &root);
            BOOST_TEST((part("budget").apply(drawn.fields, plan, root) == plan));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_findings_parts_saved_unchanged_give_every_document_back_byte_for_byte) {
    for (const auto& [path, plan_path] : findings_documents()) {
        const std::string findings = read_file(path);
        const model::Element root = pipeline::read_document(findings);
        const http::UploadCheck check = check_of(read_file(plan_path), findings);
        for (const char* key : {"study", "questions", "actors", "findings"}) {
            BOOST_TEST_CONTEXT(path.filename() << " " << key) {
                const Drawn drawn = draw(part(key), check, &root);
                BOOST_TEST((part(key).apply(drawn.fields, findings, root) == findings));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(an_edited_cost_label_loads_with_that_label_and_the_same_findings) {
    for (const fs::path& path : plans()) {
        BOOST_TEST_CONTEXT(path.filename()) {
            const std::string plan = read_file(path);
            const model::Element root = pipeline::read_document(plan);
            const http::UploadCheck before = check_of(plan, std::nullopt);
            Drawn drawn = draw(part("budget"), before, &root);
            if (!before.application || before.application->budget.costs.empty()) continue;
            drawn.fields["cost.1.label"] = "Ändrad benämning & <mer>";
            const std::string edited = part("budget").apply(drawn.fields, plan, root);
            BOOST_TEST(edited != plan);
            const http::UploadCheck after = check_of(edited, std::nullopt);
            BOOST_REQUIRE(after.application);
            BOOST_TEST(after.application->budget.costs.front().label == "Ändrad benämning & <mer>");
            BOOST_TEST(after.application->budget.costs.size() == before.application->budget.costs.size());
            BOOST_TEST((keys(after.report.findings) == keys(before.report.findings)));
            // Outside the budget element every byte is the same.
            BOOST_TEST(edited.substr(0, edited.find("<budget")) == plan.substr(0, plan.find("<budget")));
            BOOST_TEST(edited.substr(edited.find("</budget>")) == plan.substr(plan.find("</budget>")));
        }
    }
}

BOOST_AUTO_TEST_CASE(an_edited_finding_text_loads_with_that_text_and_the_same_findings) {
    for (const auto& [path, plan_path] : findings_documents()) {
        BOOST_TEST_CONTEXT(path.filename()) {
            const std::string findings = read_file(path), plan = read_file(plan_path);
            const model::Element root = pipeline::read_document(findings);
            const http::UploadCheck before = check_of(plan, findings);
            BOOST_REQUIRE(before.application && before.application->findings);
            Drawn questions = draw(part("questions"), before, &root);
            questions.fields["question.1.text"] = "En ny fråga?";
            const std::string edited = part("questions").apply(questions.fields, findings, root);
            Drawn statements = draw(part("findings"), before, &root);
            statements.fields["finding.1.statement"] = "Ett nytt påstående.";
            const std::string edited_too =
                part("findings").apply(statements.fields, edited, pipeline::read_document(edited));
            const http::UploadCheck after = check_of(plan, edited_too);
            BOOST_REQUIRE(after.application && after.application->findings);
            BOOST_TEST(after.application->findings->questions.front().text == "En ny fråga?");
            BOOST_TEST(after.application->findings->findings.front().statement == "Ett nytt påstående.");
            BOOST_TEST((keys(after.report.findings) == keys(before.report.findings)));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_budget_grid_has_a_labelled_cell_for_every_value_and_an_empty_row) {
    const std::string plan = read_file(source / "samples/framsyn/plan.xml");
    const model::Element root = pipeline::read_document(plan);
    const http::UploadCheck check = check_of(plan, std::nullopt);
    const std::size_t lines = check.application->budget.costs.size();
    const Drawn sv = draw(part("budget"), check, &root);
    // Column headers, and a label per cell naming column and row.
    BOOST_TEST(sv.html.find("<th scope=\"col\">Belopp (kr)</th>") != std::string::npos);
    BOOST_TEST(sv.html.find("<label for=\"f-cost.3.amount\">Belopp (kr), rad 3</label>") != std::string::npos,
               sv.html.substr(0, 3000));
    BOOST_TEST(sv.fields.at("cost.count") == std::to_string(lines + 1));
    BOOST_TEST(sv.fields.count("cost." + std::to_string(lines + 1) + ".amount") == 1u);
    BOOST_TEST(sv.fields.at("cost.1.amount") == "126000");
    // The pack's words for the categories (2007–2013: "Lön personal").
    BOOST_TEST(sv.html.find(">Lön personal</option>") != std::string::npos);
    // The key figures of the stored version, in words as well as numbers.
    BOOST_TEST(sv.html.find("data-budget-figure=\"costs\">2\u00a0010\u00a0000\u00a0kr</td>") != std::string::npos);
    BOOST_TEST(sv.html.find("(i balans)") != std::string::npos);
    BOOST_TEST(sv.html.find("data-budget-figure=\"esf-share\">50,0\u00a0%</td>") != std::string::npos);
    const Drawn en = draw(part("budget"), check, &root, "en");
    BOOST_TEST(en.html.find("<label for=\"f-cost.3.amount\">Amount (SEK), row 3</label>") != std::string::npos);
    BOOST_TEST(en.html.find("(balanced)") != std::string::npos);
}

static void replace_once(std::string& text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
}

BOOST_AUTO_TEST_CASE(the_key_figures_hold_for_amounts_whose_per_mille_does_not_fit_in_64_bits) {
    // 10^15 kr of staff and 5 × 10^14 kr of ESF support: in öre, times 1000
    // for a share with one decimal, far past 2^63.
    std::string plan = read_file(source / "samples/framsyn/plan.xml");
    replace_once(plan, "amount=\"126000\"", "amount=\"1000000000000000\"");
    replace_once(plan, "kind=\"esf\" amount=\"1005000\"", "kind=\"esf\" amount=\"500000000000000\"");
    const model::Element root = pipeline::read_document(plan);
    const http::UploadCheck check = check_of(plan, std::nullopt);
    BOOST_REQUIRE(check.application);
    const Drawn sv = draw(part("budget"), check, &root);
    BOOST_TEST(sv.html.find("data-budget-figure=\"esf-share\">50,0\u00a0%</td>") != std::string::npos,
               sv.html.substr(sv.html.find("budget-figures"), 2500));
    BOOST_TEST(sv.html.find("data-budget-figure=\"cofinancing-share\">0,0\u00a0%</td>") != std::string::npos);

    const auto figures = http::diff_json({1, &*check.application, nullptr}, {2, &*check.application, nullptr}, "en")
                             ->getObject("keyFigures")
                             ->getObject("after");
    BOOST_TEST(figures->getValue<std::string>("coFinancingShare") == "0.0");
}

BOOST_AUTO_TEST_CASE(the_diff_counts_the_cofinancing_share_of_the_eligible_cost_as_the_rules_do) {
    // ESF support 100 000 kr short: 1 005 000 kr of co-financing is 50.0 % of
    // the 2 010 000 kr eligible (B007's share), not 52.6 % of the financing.
    std::string plan = read_file(source / "samples/framsyn/plan.xml");
    replace_once(plan, "kind=\"esf\" amount=\"1005000\"", "kind=\"esf\" amount=\"905000\"");
    const http::UploadCheck before = check_of(read_file(source / "samples/framsyn/plan.xml"), std::nullopt);
    const http::UploadCheck after = check_of(plan, std::nullopt);
    BOOST_REQUIRE(before.application && after.application);
    const auto figures = http::diff_json({1, &*before.application, nullptr}, {2, &*after.application, nullptr}, "en")
                             ->getObject("keyFigures");
    BOOST_TEST(figures->getObject("before")->getValue<std::string>("coFinancingShare") == "50.0");
    BOOST_TEST(figures->getObject("after")->getValue<std::string>("coFinancingShare") == "50.0");
    BOOST_TEST(figures->getObject("after")->getValue<std::string>("esf") == "905000.00");
    BOOST_TEST(figures->getObject("after")->getValue<std::string>("coFinancing") == "1005000.00");
}

BOOST_AUTO_TEST_CASE(rows_added_and_removed_and_an_amount_as_typed_is_the_finding_at_its_row) {
    const std::string plan = read_file(source / "samples/framsyn/plan.xml");
    const model::Element root = pipeline::read_document(plan);
    const http::UploadCheck check = check_of(plan, std::nullopt);
    const std::size_t lines = check.application->budget.costs.size();
    Drawn drawn = draw(part("budget"), check, &root);
    drawn.fields["cost.3.amount"] = "40000,50";
    drawn.fields["cost.2.remove"] = "1";
    const std::string fresh = "cost." + std::to_string(lines + 1) + ".";
    drawn.fields[fresh + "category"] = "travel";
    drawn.fields[fresh + "year"] = "2011";
    drawn.fields[fresh + "label"] = "Resa till Bryssel";
    drawn.fields[fresh + "amount"] = "9999.99";
    drawn.fields["income.1.label"] = "Kursavgifter";
    drawn.fields["income.1.amount"] = "5000";
    const std::string edited = part("budget").apply(drawn.fields, plan, root);
    BOOST_TEST(edited.find("amount=\"40000,50\"") != std::string::npos);
    BOOST_TEST(edited.find(">Resa till Bryssel</cost>") != std::string::npos);
    BOOST_TEST(edited.find("<income amount=\"5000\">Kursavgifter</income>") != std::string::npos, edited);
    const http::UploadCheck after = check_of(edited, std::nullopt);
    // Line 2 is gone, so the typed amount's line is now the second.
    bool at_row = false;
    for (const model::Finding& finding : after.report.findings)
        at_row |= finding.rule == "X002" && finding.where.path == "/application/budget/costs/cost[2]";
    BOOST_TEST(at_row);
    // Drawn again, the finding stands beside that row.
    const model::Element edited_root = pipeline::read_document(edited);
    const Drawn again = draw(part("budget"), after, &edited_root);
    BOOST_TEST(again.html.find("id=\"at-application-budget-costs-cost-2-\"") != std::string::npos);
    BOOST_TEST(again.fields.at("cost.count") == std::to_string(lines + 1));  // one removed, one added, one empty
}

BOOST_AUTO_TEST_CASE(the_first_save_of_a_findings_part_creates_the_document) {
    const std::string plan = read_file(source / "samples/framsyn/plan.xml");
    const http::UploadCheck check = check_of(plan, std::nullopt);
    Drawn drawn = draw(part("study"), check, nullptr);
    drawn.fields["title"] = "FRAMSYN ESF";
    drawn.fields["start"] = "2009-01-07";
    drawn.fields["end"] = "2009-07-07";
    drawn.fields["method"] = "En enkät och *intervjuer*.\n\n- tre workshoppar\n- 22 intervjuer";
    // As the editor gives a version without findings: an empty findings document.
    const std::string empty =
        pipeline::write_document(model::Element("findings"), pipeline::findings_document_namespace());
    const std::string created = part("study").apply(drawn.fields, empty, pipeline::read_document(empty));
    BOOST_TEST(created.find("xmlns=\"urn:esfdraft:findings:1\"") != std::string::npos);
    BOOST_TEST(created.find("<em>intervjuer</em>") != std::string::npos, created);
    const model::Element root = pipeline::read_document(created);
    Drawn questions = draw(part("questions"), check, &root);
    questions.fields["question.1.id"] = "q1";
    questions.fields["question.1.text"] = "Vad behövs?";
    const std::string with_question = part("questions").apply(questions.fields, created, root);
    const model::Element root2 = pipeline::read_document(with_question);
    Drawn findings = draw(part("findings"), check, &root2);
    findings.fields["finding.1.id"] = "f1";
    findings.fields["finding.1.question"] = "q1";
    findings.fields["finding.1.statement"] = "Det behövs samverkan.";
    findings.fields["finding.1.evidence.1.kind"] = "survey";
    findings.fields["finding.1.evidence.1.respondents"] = "97";
    findings.fields["finding.1.evidence.1.text"] = "71 procent instämmer.";
    const std::string complete = part("findings").apply(findings.fields, with_question, root2);
    const http::UploadCheck after = check_of(plan, complete);
    BOOST_REQUIRE(after.application && after.application->findings);
    for (const model::Finding& finding : after.report.findings)
        BOOST_TEST(finding.rule != "X002", finding.where.path << " " << finding.message_id);
    BOOST_TEST(after.application->findings->findings.size() == 1u);
    BOOST_TEST((after.application->findings->findings.front().evidence.front().respondents ==
                std::optional<std::int64_t>(97)));
}

BOOST_AUTO_TEST_SUITE_END()
