// esfdraft assess with the real binary: the document, the ranking, exit
// codes, the output file, bad usage, and that nothing is replaced on failure.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "docx/engine/template_engine.hpp"
#include "docx/engine/zip_package.hpp"
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
    BOOST_TEST(
        contains(html, "<label for=\"score-goals\">Poäng (1–5)</label><input type=\"number\" id=\"score-goals\""));
    BOOST_TEST(contains(html, "<label for=\"comment-goals\">"));
    // The pre-study's evidence behind goal g1.
    BOOST_TEST(contains(html, "bygger på <strong>f-gap</strong>"));
}

BOOST_AUTO_TEST_CASE(english_and_the_2007_2013_criteria) {
    ScratchFolder folder;
    const std::string out = folder.path("assessment.html");
    const auto result =
        run_esfdraft({"assess", "samples/framsyn/plan.xml", "--lang", "en", "--date", "2009-09-01", "-o", out});
    BOOST_TEST(result.exit_code == 0, result.out << result.err);
    const std::string html = read_file(out);
    BOOST_TEST(contains(html, "<html lang=\"en\""));
    BOOST_TEST(contains(html, "Learning environments</h3>"));
    BOOST_TEST(contains(html, "Step 1: formal requirements"));
    BOOST_TEST(!contains(html, "Fundamental Rights"));  // not a formal section of 2007–2013
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
    BOOST_TEST(contains(no_output.err, "-o FIL.html"));
    const auto no_plan = run_esfdraft({"assess", "-o", folder.path("x.html")});
    BOOST_TEST(no_plan.exit_code == 2);
    // A Word document is for one plan; the ranking of a folder is HTML only, and the error says so in the document's
    // language.
    const auto docx = run_esfdraft({"assess", "samples", "-o", folder.path("x.docx")});
    BOOST_TEST(docx.exit_code == 2);
    BOOST_TEST(contains(docx.err, "bara som HTML"));
    const auto docx_en = run_esfdraft({"assess", "samples", "--lang", "en", "-o", folder.path("x.docx")});
    BOOST_TEST(docx_en.exit_code == 2);
    BOOST_TEST(contains(docx_en.err, "HTML only"));
    const auto pdf = run_esfdraft({"assess", "samples/esf-plus/plan.xml", "--lang", "en", "-o", folder.path("x.pdf")});
    BOOST_TEST(pdf.exit_code == 2);
    BOOST_TEST(contains(pdf.err, "must end in .docx or .html"));
    const auto pdf_sv = run_esfdraft({"assess", "samples/esf-plus/plan.xml", "-o", folder.path("x.pdf")});
    BOOST_TEST(pdf_sv.exit_code == 2);
    BOOST_TEST(contains(pdf_sv.err, "ska sluta på .docx eller .html"));
    BOOST_TEST(!fs::exists(folder.path("x.pdf")));
    const auto text = run_esfdraft({"assess", "samples/esf-plus/plan.xml", "-o", folder.path("x.txt")});
    BOOST_TEST(text.exit_code == 2);
    const auto lang =
        run_esfdraft({"assess", "samples/esf-plus/plan.xml", "--lang", "de", "-o", folder.path("x.html")});
    BOOST_TEST(lang.exit_code == 2);
    const auto missing = run_esfdraft({"assess", folder.path("none.xml"), "-o", folder.path("x.html")});
    BOOST_TEST(missing.exit_code == 2);
    BOOST_TEST(!fs::exists(folder.path("x.html")));
    BOOST_TEST(!fs::exists(folder.path("x.docx")));
    const auto help = run_esfdraft({"assess", "--help"});
    BOOST_TEST(help.exit_code == 0);
    BOOST_TEST(contains(help.out, "esfdraft assess PLAN.xml -o FILE.docx|FILE.html"));
    BOOST_TEST(contains(help.out, "The ranking is HTML only"));
}

// The document.xml of a written .docx, after checking that the package opens and every XML part is well-formed (loading
// it as a template parses every part) and that no tag of the template is left.
std::string document_xml(const std::string& path) {
    const std::string bytes = read_file(path);
    const esfdraft::docx::DocumentTemplate loaded = esfdraft::docx::DocumentTemplate::load(bytes, path);
    BOOST_TEST(loaded.tags().empty(), path);
    const esfdraft::docx::Package package = esfdraft::docx::read_package(bytes, path);
    BOOST_REQUIRE(package.find("word/document.xml"));
    return *package.find("word/document.xml");
}

BOOST_AUTO_TEST_CASE(writes_the_assessment_document_as_docx_for_both_programmes) {
    ScratchFolder folder;
    const std::string plus = folder.path("bedomning.docx");
    const auto result = run_esfdraft({"assess", "samples/esf-plus/plan.xml", "--date", "2023-11-01", "-o", plus});
    BOOST_TEST(result.exit_code == 0, result.out << result.err);
    BOOST_TEST(contains(result.out, "skrev " + plus));
    const std::string sv = document_xml(plus);
    for (const char* criterion :
         {"Problemformulering", "Projektmål", "Metod och tillvägagångssätt", "Kapacitet och kompetens", "Förankring"})
        BOOST_TEST(contains(sv, std::string("<w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t xml:space=\"preserve\">") +
                                    criterion + "<"),
                   criterion);
    // The checklist: a row decided by esfdraft (ticked), one for the reviewer (two empty boxes), and the repeating
    // header row.
    BOOST_TEST(contains(sv, "Medfinansieringen och ESF-andelen håller sig inom gränserna"));
    BOOST_TEST(contains(sv, "\xE2\x98\x92 Uppfyllt"));
    BOOST_TEST(contains(sv, "Den som undertecknar är behörig firmatecknare"));
    BOOST_TEST(contains(sv, "bedöms av handläggaren"));
    BOOST_TEST(contains(sv, "<w:tblHeader/>"));
    // The score line on the pack's scale (1–5) as empty boxes, and an empty comment cell per criterion and overall.
    BOOST_TEST(contains(
        sv, "Poäng (1–5):  \xE2\x98\x90 1   \xE2\x98\x90 2   \xE2\x98\x90 3   \xE2\x98\x90 4   \xE2\x98\x90 5"));
    std::size_t comment_boxes = 0;
    for (std::size_t at = sv.find("w:trHeight w:val=\"2600\""); at != std::string::npos;
         at = sv.find("w:trHeight w:val=\"2600\"", at + 1))
        ++comment_boxes;
    BOOST_TEST(comment_boxes == 6u);         // five criteria and the overall assessment
    BOOST_TEST(contains(sv, "bygger på "));  // the pre-study's evidence behind the goals

    const std::string framsyn = folder.path("assessment.docx");
    const auto english =
        run_esfdraft({"assess", "samples/framsyn/plan.xml", "--lang", "en", "--date", "2010-03-01", "-o", framsyn});
    BOOST_TEST(english.exit_code == 0, english.out << english.err);
    const std::string en = document_xml(framsyn);
    BOOST_TEST(contains(en, "Learning environments<"));
    BOOST_TEST(contains(en, "Step 1: formal requirements"));
    BOOST_TEST(contains(en, "The signatory is authorised to sign for the organisation"));
    BOOST_TEST(contains(en, "Score"));
    BOOST_TEST(contains(en, "w:tblCaption w:val=\"Comment\""));
}

BOOST_AUTO_TEST_CASE(a_plan_that_does_not_load_gets_a_docx_with_the_formal_part) {
    ScratchFolder folder;
    const std::string plan = folder.write("broken.xml", "<application xmlns=\"urn:esfdraft:plan:1\"><project>");
    const std::string out = folder.path("broken.docx");
    const auto result = run_esfdraft({"assess", plan, "-o", out, "--date", "2023-11-01"});
    BOOST_TEST(result.exit_code == 1, result.out << result.err);
    const std::string xml = document_xml(out);
    BOOST_TEST(contains(xml, "X001"));
    BOOST_TEST(!contains(xml, "Steg 2"));
}

BOOST_AUTO_TEST_CASE(never_writes_over_an_input) {
    ScratchFolder folder;
    const std::string plan = folder.write("plan.html", read_file(source_path("samples/esf-plus/plan.xml")));
    const std::string before = read_file(plan);
    const auto result =
        run_esfdraft({"assess", plan, "--findings", source_path("samples/esf-plus/findings.xml"), "-o", plan});
    BOOST_TEST(result.exit_code == 2, result.out << result.err);
    BOOST_TEST(read_file(plan) == before);
}

BOOST_AUTO_TEST_SUITE_END()
