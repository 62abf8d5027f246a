// The completeness report of the two shipped samples, as `esfdraft check`
// prints it, in text, JSON and HTML, Swedish and English, compared with the
// golden files in tests/report/golden/ (see tests/support/golden.hpp; accept
// an intended change with ESFDRAFT_ACCEPT=1 and read the diff).
//
// Nothing machine-specific is in them: the binary runs in the source tree
// with the plan's path as given relative to it, on a fixed date (each
// sample's own, as tests/rules checks it), with the findings.xml beside the
// plan. The tool version (ESFDRAFT_VERSION) is printed in each report, so a
// version bump means accepting these files again.
#include <boost/test/unit_test.hpp>

#include "support/golden.hpp"
#include "support/run_binary.hpp"
#include "support/temp_files.hpp"

using namespace esfdraft::testing;

namespace {

struct Sample {
    std::string name;  // the golden files' prefix
    std::string plan;
    std::string date;
};

const Sample framsyn{"framsyn", "samples/framsyn/plan.xml", "2009-09-01"};  // before the project starts
const Sample esf_plus{"esf-plus", "samples/esf-plus/plan.xml", "2023-11-01"};

void check_reports(const Sample& sample) {
    for (const std::string lang : {"sv", "en"}) {
        for (const auto& [format, extension] :
             {std::pair<std::string, std::string>{"text", "txt"}, {"json", "json"}, {"html", "html"}}) {
            const RunResult result =
                run_esfdraft({"check", "--format", format, "--lang", lang, "--date", sample.date, sample.plan});
            BOOST_TEST_CONTEXT(sample.plan << " --format " << format << " --lang " << lang) {
                BOOST_TEST(result.exit_code == 0, result.err);
                BOOST_TEST(result.err == "");
                const std::string difference =
                    check_golden("tests/report", sample.name + "-" + lang + "." + extension, result.out);
                BOOST_TEST(difference.empty(), difference);
            }
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_goldens)

BOOST_AUTO_TEST_CASE(the_framsyn_sample_reports_match_the_golden_files) { check_reports(framsyn); }

BOOST_AUTO_TEST_CASE(the_esf_plus_sample_reports_match_the_golden_files) { check_reports(esf_plus); }

// The helper itself: it writes nowhere but below a test folder's golden/,
// and a difference names the file, the line and what each side has there.
BOOST_AUTO_TEST_CASE(the_golden_helper_refuses_other_places_and_shows_the_first_difference) {
    const auto refused = [](const std::string& text) { return text.rfind("refused", 0) == 0; };
    BOOST_TEST(refused(check_golden("tests/report", "../test_report.cpp", "x")));
    BOOST_TEST(refused(check_golden("tests/report", "/tmp/x", "x")));
    BOOST_TEST(refused(check_golden("tests/report", "a/./b", "x")));
    BOOST_TEST(refused(check_golden("tests/../src", "x", "x")));
    BOOST_TEST(refused(check_golden("src/report", "x", "x")));
    BOOST_TEST(refused(check_golden("/tmp", "x", "x")));
    BOOST_TEST(refused(check_golden("tests/report/golden", "x", "x")));
    BOOST_TEST(refused(check_golden("tests/no-such-suite", "x", "x")));
    BOOST_TEST(refused(check_golden("tests/report", "x", GoldenFiles{{"../../escape.txt", "x"}})));
    if (accepting_goldens()) return;  // the comparison below would rewrite a golden file

    std::string text = read_file(source_path("tests/report/golden/framsyn-en.txt"));
    const std::size_t second = text.find('\n') + 1, third = text.find('\n', second) + 1;  // lines 2 and 3
    const std::string before = text.substr(second, third - second - 1),
                      line = text.substr(third, text.find('\n', third) - third);
    BOOST_TEST_REQUIRE(line.ends_with(" complete"), line);
    const std::string changed = line.substr(0, line.size() - 8) + "missing";
    const std::size_t at = third;
    text.replace(third, line.size(), changed);
    const std::string difference = check_golden("tests/report", "framsyn-en.txt", text);
    BOOST_TEST(difference.find("tests/report/golden/framsyn-en.txt differs at line 3, column " +
                               std::to_string(line.size() - 7) + ":\n") == 0,
               difference);
    BOOST_TEST(contains(difference, "      2: " + before + "\n"), difference);
    BOOST_TEST(contains(difference, "  golden 3: " + line + "\n  output 3: " + changed + "\n"), difference);
    BOOST_TEST(contains(difference, "ESFDRAFT_ACCEPT=1"), difference);
    BOOST_TEST(contains(check_golden("tests/report", "framsyn-en.txt", text.substr(0, at)), "(end of file)"));
    BOOST_TEST(contains(check_golden("tests/report", "no-such-file.txt", text),
                        "no golden file tests/report/golden/no-such-file.txt"));
}

BOOST_AUTO_TEST_SUITE_END()
