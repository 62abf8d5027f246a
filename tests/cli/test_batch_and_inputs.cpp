// No output over any input (the plan, its findings file however it is named,
// a template, a logo), and batch checks that go on past a plan that cannot
// be read, with --quiet summaries naming the rule ids.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>

#include "support/run_binary.hpp"

using namespace esfdraft::testing;
namespace fs = std::filesystem;

namespace {

const std::string sample = "samples/framsyn/plan.xml";

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

// The FRAMSYN sample copied into `folder` (plan.xml naming findings.xml beside it).
std::string copy_sample(const ScratchFolder& folder, const std::string& under = "") {
    if (!under.empty()) fs::create_directories(folder.path(under));
    const std::string plan = folder.path(under + (under.empty() ? "" : "/") + "plan.xml");
    fs::copy_file(source_path(sample), plan);
    fs::copy_file(source_path("samples/framsyn/findings.xml"), fs::path(plan).parent_path() / "findings.xml");
    return plan;
}

// The 1-based line of the first `needle` in `text`.
int line_of(const std::string& text, const std::string& needle) {
    const std::size_t at = text.find(needle);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "no " << needle);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(inputs_are_never_outputs)

BOOST_AUTO_TEST_CASE(check_never_writes_over_the_findings_file_the_plan_names) {
    ScratchFolder folder;
    const std::string plan = copy_sample(folder);
    const std::string findings = folder.path("findings.xml");
    const std::string before = read_file(findings);
    auto result = run_esfdraft({"check", plan, "-o", findings, "--date", "2009-09-01", "--lang", "en"});
    BOOST_TEST(result.exit_code == 2, result.out << result.err);
    BOOST_TEST(contains(result.err, "it is one of the input files"), result.err);
    BOOST_TEST(read_file(findings) == before);
    // Named another way (through "." and a relative path from another folder).
    result = run_esfdraft({"check", "plan.xml", "-o", "./sub/../findings.xml", "--date", "2009-09-01"}, folder.path());
    BOOST_TEST(result.exit_code == 2, result.out << result.err);
    BOOST_TEST(read_file(findings) == before);
    // --findings.
    const std::string other = folder.write("other-findings.xml", before);
    result = run_esfdraft({"check", plan, "--findings", other, "-o", other, "--date", "2009-09-01"});
    BOOST_TEST(result.exit_code == 2, result.out << result.err);
    BOOST_TEST(read_file(other) == before);
}

BOOST_AUTO_TEST_CASE(a_findings_file_that_does_not_load_is_still_an_input) {
    ScratchFolder folder;
    const std::string plan = copy_sample(folder);
    const std::string findings = folder.write("findings.xml", "<not-findings");
    const auto result = run_esfdraft({"check", plan, "-o", findings, "--date", "2009-09-01"});
    BOOST_TEST(result.exit_code == 2, result.out << result.err);
    BOOST_TEST(read_file(findings) == "<not-findings");
}

BOOST_AUTO_TEST_CASE(documents_never_write_over_the_template_logo_or_findings) {
    ScratchFolder folder;
    const std::string plan = copy_sample(folder);
    const std::string findings_before = read_file(folder.path("findings.xml"));
    auto result = run_esfdraft({"draft", plan, "-o", folder.path("findings.xml"), "--date", "2009-09-01"});
    BOOST_TEST(result.exit_code == 2, result.err);
    BOOST_TEST(read_file(folder.path("findings.xml")) == findings_before);

    const std::string logo = folder.write("logo.png", tiny_png);
    result = run_esfdraft({"draft", plan, "--logo", logo, "-o", logo, "--date", "2009-09-01"});
    BOOST_TEST(result.exit_code == 2, result.err);
    BOOST_TEST(read_file(logo) == tiny_png);

    const std::string exported = folder.path("out/FRAMSYN.docx");
    fs::create_directory(folder.path("out"));
    BOOST_TEST(run_esfdraft({"template", "export", "-o", exported}).exit_code == 0);
    const std::string template_bytes = read_file(exported);
    result = run_esfdraft(
        {"build", plan, "--template", exported, "-o", folder.path("out"), "--date", "2009-09-01", "--lang", "en"});
    BOOST_TEST(result.exit_code == 2, result.err);
    BOOST_TEST(contains(result.err, "it is one of the input files"), result.err);
    BOOST_TEST(read_file(exported) == template_bytes);
    result = run_esfdraft({"draft", plan, "--template", exported, "-o", exported, "--date", "2009-09-01"});
    BOOST_TEST(result.exit_code == 2, result.err);
    BOOST_TEST(read_file(exported) == template_bytes);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(batch_check)

BOOST_AUTO_TEST_CASE(a_plan_whose_findings_file_is_missing_does_not_stop_the_others) {
    ScratchFolder folder;
    copy_sample(folder, "batch/a");
    const std::string broken = copy_sample(folder, "batch/b");
    fs::remove(fs::path(broken).parent_path() / "findings.xml");
    copy_sample(folder, "batch/c");
    const auto result = run_esfdraft({"check", folder.path("batch"), "--date", "2009-09-01"});
    // The two others are checked and ready; b could not be: status 2 (esfdraft could not do all of its job).
    BOOST_TEST(result.exit_code == 2, result.out << result.err);
    BOOST_TEST(contains(result.err, "esfdraft: error: " + broken + ":"), result.err);
    BOOST_TEST(contains(result.err, "findings.xml"), result.err);
    BOOST_TEST(contains(result.out, folder.path("batch/a/plan.xml")));
    BOOST_TEST(contains(result.out, folder.path("batch/c/plan.xml")));
    BOOST_TEST(contains(result.out, "Sammanställning"));
}

BOOST_AUTO_TEST_CASE(a_missing_findings_file_is_named_at_its_place_and_the_quiet_summary_keeps_every_plan) {
    ScratchFolder folder;
    const std::string a = copy_sample(folder, "a");
    const std::string b = copy_sample(folder, "b");
    fs::remove(fs::path(b).parent_path() / "findings.xml");
    const std::string c = copy_sample(folder, "c");
    const int line = line_of(read_file(b), "<preStudy ");
    // Said in the command's language: Swedish unless --lang en.
    const std::string place = b + ":" + std::to_string(line) + ": preStudy/@findings pekar på 'findings.xml'";
    const std::string place_en = b + ":" + std::to_string(line) + ": preStudy/@findings names 'findings.xml'";

    const auto quiet = run_esfdraft({"check", "--quiet", a, b, c, "--date", "2009-09-01"});
    BOOST_TEST(quiet.exit_code == 2, quiet.out << quiet.err);
    BOOST_TEST(contains(quiet.err, "esfdraft: error: " + place), quiet.err);
    // One line per plan, in the order given; b's says it was not checked.
    BOOST_TEST(quiet.out == a + ": 0 fel, 0 varningar, 0 tips \xE2\x80\x94 klar att lämna in\n" + b +
                                ": kunde inte kontrolleras (se felet ovan)\n" + c +
                                ": 0 fel, 0 varningar, 0 tips \xE2\x80\x94 klar att lämna in\n",
               quiet.out);
    const auto english = run_esfdraft({"check", "--quiet", "--lang", "en", a, b, c, "--date", "2009-09-01"});
    BOOST_TEST(contains(english.out, b + ": could not be checked (see the error above)\n"), english.out);
    BOOST_TEST(contains(english.err, "esfdraft: error: " + place_en), english.err);

    // build: the same place, and nothing written.
    const std::string out = folder.path("out");
    fs::create_directories(out);
    const auto build = run_esfdraft({"build", b, "-o", out, "--date", "2009-09-01"});
    BOOST_TEST(build.exit_code == 2, build.out << build.err);
    BOOST_TEST(contains(build.err, "esfdraft: error: " + place), build.err);
    BOOST_TEST(fs::is_empty(out));
}

BOOST_AUTO_TEST_CASE(quiet_prints_only_the_summary_with_the_rule_ids) {
    ScratchFolder folder;
    const std::string good = copy_sample(folder, "good");
    std::string minimal = read_file(source_path("tests/load/fixtures/minimal-plan.xml"));
    minimal.replace(minimal.find("amount=\"1000\">"), 14, "amount=\"1,5\">");  // X002: not an amount
    const std::string bad = folder.write("bad.xml", minimal);
    const auto result = run_esfdraft({"check", "--quiet", good, bad, "--date", "2009-09-01"});
    BOOST_TEST(result.exit_code == 1, result.out << result.err);
    BOOST_TEST(!contains(result.out, ": error:"), result.out);
    BOOST_TEST(!contains(result.out, "Sammanställning"), result.out);
    // One line per plan: file, counts with the rule ids, verdict.
    int lines = 0;
    for (char c : result.out) lines += c == '\n';
    BOOST_TEST(lines == 2, result.out);
    BOOST_TEST(contains(result.out, good + ": 0 fel, 0 varningar, 0 tips \xE2\x80\x94 klar att lämna in\n"),
               result.out);
    BOOST_TEST(contains(result.out, bad + ": 1 fel (X002), "), result.out);
    BOOST_TEST(contains(result.out, "inte klar att lämna in"), result.out);
    // The full report's closing table names the rule ids too.
    const auto full = run_esfdraft({"check", good, bad, "--date", "2009-09-01"});
    BOOST_TEST(contains(full.out, "1 fel (X002)"), full.out);
    const auto usage = run_esfdraft({"check", "--quiet", "--format", "json", sample});
    BOOST_TEST(usage.exit_code == 2);
}

BOOST_AUTO_TEST_SUITE_END()
