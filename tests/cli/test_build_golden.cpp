// End to end: `esfdraft build samples/framsyn/plan.xml -o DIR --date
// 2009-09-01`, run as a user runs it, against the golden folder
// tests/cli/golden/build-framsyn/: what the folder holds afterwards, the
// report HTML as bytes, and the draft and workbook exploded into their XML
// parts in canonical form (the docx and xlsx suites' forms: see
// tests/support/golden.hpp). Those two suites have golden files of their own,
// but of applications built in code; these are of the shipped sample read
// from its file, its findings.xml included, as the whole chain writes them.
//
// An intended change of any of the three outputs (or a version bump: the
// report names ESFDRAFT_VERSION) is accepted with ESFDRAFT_ACCEPT=1.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "support/golden.hpp"
#include "support/run_binary.hpp"

using namespace esfdraft::testing;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(build_golden)

BOOST_AUTO_TEST_CASE(building_the_framsyn_sample_writes_the_golden_outputs) {
    ScratchFolder scratch;
    const std::string out = scratch.path("out");
    const RunResult result = run_esfdraft({"build", "samples/framsyn/plan.xml", "-o", out, "--date", "2009-09-01"});
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);

    GoldenFiles written;
    for (const auto& entry : fs::directory_iterator(out)) {
        const std::string name = entry.path().filename().string();
        if (name.ends_with(".docx")) {
            for (auto& [part, text] :
                 canonical_parts(zip_entries_of_file(entry.path().string()), XmlDeclaration::omitted))
                written[name + "/" + part] = std::move(text);
        } else if (name.ends_with(".xlsx")) {
            // The theme is libxlsxwriter's fixed one, as in tests/xlsx.
            for (auto& [part, text] : canonical_parts(zip_entries_of_file(entry.path().string()),
                                                      XmlDeclaration::written, {"xl/theme/theme1.xml"}))
                written[name + "/" + part] = std::move(text);
        } else {
            written[name] = read_file(entry.path().string());
        }
    }
    BOOST_TEST(written.contains("FRAMSYN-rapport.html"));
    const std::string difference = check_golden("tests/cli", "build-framsyn", written);
    BOOST_TEST(difference.empty(), difference);
}

BOOST_AUTO_TEST_SUITE_END()
