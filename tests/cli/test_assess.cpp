// esfdraft assess with the real binary: the document, the ranking, exit
// codes, the output file, bad usage, and that nothing is replaced on failure.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "support/run_binary.hpp"
#include "support/temp_files.hpp"

using namespace esfdraft::testing;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(assess)

BOOST_AUTO_TEST_CASE(writes_the_assessment_document_of_an_esf_plus_plan) {
    ScratchFolder folder;
    const std::string out = folder.path("bedomning.html");
    const auto result = run_esfdraft({"assess", "samples/esf-plus/plan.xml", "--date", "2023-11-01", "-o", out});
    BOOST_TEST(result.exit_code == 0, result.out << result.err);
    BOOST_TEST(contains(result.out, "skrev " + out));
    const std::string html = read_file(out);
    BOOST_TEST(contains(html, "<html lang=\"sv\""));
    BOOST_TEST(contains(html, "Steg 1: formella krav"));
    for (const char* criterion : {"Problemformulering</h3>", "Projektmål</h3>", "Metod och tillvägagångssätt</h3>",
                                  "Kapacitet och kompetens</h3>", "Förankring</h3>"})
        BOOST_TEST(contains(html, criterion), criterion);
    // A labelled score field per criterion, on the pack's scale.
    BOOST_TEST(contains(html, "<label for=\"score-goals\">Poäng (1–5)</label><input type=\"number\" id=\"score-goals\""));
    BOOST_TEST(contains(html, "<label for=\"comment-goals\">"));
    // The pre-study's evidence behind goal g1.
    BOOST_TEST(contains(html, "bygger på <strong>f-gap</strong>"));
}

BOOST_AUTO_TEST_CASE(english_and_the_2007_2013_criteria) {
    ScratchFolder folder;
    const std::string out = folder.path("assessment.html");
    const auto result = run_esfdraft({"assess", "samples/framsyn/plan.xml", "--lang", "en", "--date", "2009-09-01", "-o", out});
    BOOST_TEST(result.exit_code == 0, result.out << result.err);
    const std::string html = read_file(out);
    BOOST_TEST(contains(html, "<html lang=\"en\""));
    BOOST_TEST(contains(html, "Learning environments</h3>"));
    BOOST_TEST(contains(html, "Step 1: formal requirements"));
    BOOST_TEST(!contains(html, "Fundamental Rights"));   // not a formal section of 2007–2013
}

BOOST_AUTO_TEST_CASE(a_plan_that_does_not_load_gets_the_formal_part_and_exit_1) {
    ScratchFolder folder;
    const std::string plan = folder.write("broken.xml", "<application xmlns=\"urn:esfdraft:plan:1\"><project>");
    const std::string out = folder.path("broken.html");
    const auto result = run_esfdraft({"assess", plan, "-o", out, "--date", "2023-11-01"});
    BOOST_TEST(result.exit_code == 1, result.out << result.err);
    const std::string html = read_file(out);
    BOOST_TEST(contains(html, "X001"));
    BOOST_TEST(!contains(html, "Steg 2"));
}

BOOST_AUTO_TEST_CASE(a_folder_gives_the_ranking_per_call) {
    ScratchFolder folder;
    const std::string out = folder.path("rangordning.html");
    const auto result = run_esfdraft({"assess", "samples", "-o", out, "--date", "2023-11-01"});
    BOOST_TEST(result.exit_code <= 1, result.out << result.err);
    BOOST_TEST(contains(result.out, "rangordning av 3 ansökningar"));
    const std::string html = read_file(out);
    BOOST_TEST(contains(html, "Ansökningar efter fullständighet"));
    BOOST_TEST(contains(html, "samples/esf-plus/plan.xml"));
    BOOST_TEST(contains(html, "samples/framsyn/plan.xml"));
}

BOOST_AUTO_TEST_CASE(bad_usage_is_exit_2_and_writes_nothing) {
    ScratchFolder folder;
    const auto no_output = run_esfdraft({"assess", "samples/esf-plus/plan.xml"});
    BOOST_TEST(no_output.exit_code == 2);
    BOOST_TEST(contains(no_output.err, "-o FILE.html"));
    const auto no_plan = run_esfdraft({"assess", "-o", folder.path("x.html")});
    BOOST_TEST(no_plan.exit_code == 2);
    const auto docx = run_esfdraft({"assess", "samples/esf-plus/plan.xml", "-o", folder.path("x.docx")});
    BOOST_TEST(docx.exit_code == 2);
    BOOST_TEST(contains(docx.err, "HTML only"));
    const auto text = run_esfdraft({"assess", "samples/esf-plus/plan.xml", "-o", folder.path("x.txt")});
    BOOST_TEST(text.exit_code == 2);
    const auto lang = run_esfdraft({"assess", "samples/esf-plus/plan.xml", "--lang", "de", "-o", folder.path("x.html")});
    BOOST_TEST(lang.exit_code == 2);
    const auto missing = run_esfdraft({"assess", folder.path("none.xml"), "-o", folder.path("x.html")});
    BOOST_TEST(missing.exit_code == 2);
    BOOST_TEST(!fs::exists(folder.path("x.html")));
    BOOST_TEST(!fs::exists(folder.path("x.docx")));
    const auto help = run_esfdraft({"assess", "--help"});
    BOOST_TEST(help.exit_code == 0);
    BOOST_TEST(contains(help.out, "esfdraft assess PLAN.xml -o FILE.html"));
}

BOOST_AUTO_TEST_CASE(never_writes_over_an_input) {
    ScratchFolder folder;
    const std::string plan = folder.write("plan.html", read_file(source_path("samples/esf-plus/plan.xml")));
    const std::string before = read_file(plan);
    const auto result = run_esfdraft({"assess", plan, "--findings", source_path("samples/esf-plus/findings.xml"), "-o", plan});
    BOOST_TEST(result.exit_code == 2, result.out << result.err);
    BOOST_TEST(read_file(plan) == before);
}

BOOST_AUTO_TEST_SUITE_END()
