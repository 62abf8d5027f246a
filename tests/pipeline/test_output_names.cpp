// output_paths: the names `esfdraft build -o DIR` gives its outputs, from the
// plan's acronym as written, with only what a file system refuses replaced.
#include <boost/test/unit_test.hpp>

#include <string>

#include "pipeline/build.hpp"

using namespace esfdraft;

namespace {

std::string draft_name(const std::string& acronym) {
    return pipeline::output_paths("out", "plans/ansokan.xml", acronym, "sv").draft;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(output_names)

BOOST_AUTO_TEST_CASE(the_acronym_is_kept_with_swedish_letters_and_spaces) {
    BOOST_TEST(draft_name("FRAMSYN") == "out/FRAMSYN.docx");
    BOOST_TEST(draft_name("V\xC3\x84GAR-FRAM\xC3\x85T") == "out/V\xC3\x84GAR-FRAM\xC3\x85T.docx");
    BOOST_TEST(draft_name("Nya v\xC3\xA4gar") == "out/Nya v\xC3\xA4gar.docx");
    const pipeline::OutputPaths paths = pipeline::output_paths("out", "p.xml", "Nya v\xC3\xA4gar", "en");
    BOOST_TEST(paths.workbook == "out/Nya v\xC3\xA4gar.xlsx");
    BOOST_TEST(paths.report == "out/Nya v\xC3\xA4gar-report.html");
}

BOOST_AUTO_TEST_CASE(only_what_a_file_system_refuses_is_replaced) {
    BOOST_TEST(draft_name("A/B") == "out/A-B.docx");
    BOOST_TEST(draft_name("../../etc/passwd") == "out/..-..-etc-passwd.docx");
    BOOST_TEST(draft_name(std::string("A\0B", 3)) == "out/A-B.docx");
    BOOST_TEST(draft_name("A\tB\x7F") == "out/A-B-.docx");
    BOOST_TEST(draft_name("a\\b:c*d?e\"f<g>h|i") == "out/a-b-c-d-e-f-g-h-i.docx");
}

BOOST_AUTO_TEST_CASE(nothing_usable_falls_back_to_the_plan_files_name) {
    for (const std::string acronym : {"", ".", "..", "...", "   ", " . "})
        BOOST_TEST(draft_name(acronym) == "out/ansokan.docx", "'" << acronym << "'");
}

BOOST_AUTO_TEST_CASE(a_long_acronym_is_cut_at_a_character_boundary) {
    std::string long_name(99, 'A');
    long_name += "\xC3\xA5\xC3\xA5";  // "åå": the 100-byte limit falls inside the first å
    const std::string name = draft_name(long_name);
    BOOST_TEST(name == "out/" + std::string(99, 'A') + ".docx");
    BOOST_TEST(draft_name(std::string(300, 'B')) == "out/" + std::string(100, 'B') + ".docx");
}

BOOST_AUTO_TEST_SUITE_END()
