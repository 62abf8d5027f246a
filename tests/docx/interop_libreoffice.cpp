// Interop: tools no one on the project wrote. LibreOffice opens the default
// template and saves it again (re-splitting every run its own way); the
// draft built from that copy must say the same as the one from ours. When
// ../shared/tools/ooxml-check is there, every draft written here must pass it
// (ECMA-376 schemas, Word's extra rules, python-docx, LibreOffice rendering).
// Skipped, with the reason printed, when soffice is not installed.
#define BOOST_TEST_MODULE docx_interop
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "docx/application_draft.hpp"
#include "docx_test_support.hpp"
#include "sample_applications.hpp"
#include "support/optional_tool.hpp"

using namespace esfdraft;
using namespace esfdraft::docx;
using namespace esfdraft::docx::testing;

namespace {

namespace fs = std::filesystem;

struct Scratch {
    fs::path path = fs::temp_directory_path() / ("esfdraft-interop-" + std::to_string(std::rand()));
    Scratch() { fs::create_directories(path); }
    ~Scratch() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    std::string write(const std::string& name, const std::string& bytes) const {
        std::ofstream(path / name, std::ios::binary) << bytes;
        return (path / name).string();
    }
};

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

DraftOptions options(const std::string& lang) {
    DraftOptions o;
    o.lang = lang;
    o.date = {2009, 9, 15};
    o.data_dir = ESFDRAFT_SOURCE_DIR;
    o.municipality_names = esfdraft::docx::testing::municipality_names();
    return o;
}

// Runs ooxml-check when it is available; "" when it passed or is absent.
std::string ooxml_check(const std::string& file) {
    const fs::path tool = fs::path(ESFDRAFT_SOURCE_DIR) / ".." / "shared" / "tools" / "ooxml-check";
    if (!fs::exists(tool)) return "";
    const std::string log = file + ".check.txt";
    const int status =
        std::system(("/usr/bin/python3 '" + tool.string() + "' '" + file + "' --render > '" + log + "' 2>&1").c_str());
    return status == 0 ? "" : read(log);
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_default_template_saved_again_by_libreoffice_still_builds_the_same_draft,
                     *esfdraft::testing::needs_tool("soffice", "Debian: apt-get install libreoffice-writer-nogui")) {
    for (const std::string lang : {"sv", "en"}) {
        Scratch scratch;
        const std::string original =
            scratch.write("template-" + lang + ".docx", default_template_bytes(ESFDRAFT_SOURCE_DIR, lang));
        const std::string profile = (scratch.path / "profile").string();
        const std::string command = "cd '" + scratch.path.string() + "' && HOME='" + profile +
                                    "' soffice -env:UserInstallation=file://" + profile +
                                    " --headless --norestore --convert-to 'docx:MS Word 2007 XML' --outdir resaved '" +
                                    original + "' > soffice.log 2>&1";
        BOOST_TEST_REQUIRE(std::system(command.c_str()) == 0);
        const fs::path resaved = scratch.path / "resaved" / ("template-" + lang + ".docx");
        BOOST_TEST_REQUIRE(fs::exists(resaved));

        DraftOptions through_libreoffice = options(lang);
        through_libreoffice.template_path = resaved.string();
        const std::string expected = render_application_draft(framsyn_application(), options(lang));
        const std::string actual = render_application_draft(framsyn_application(), through_libreoffice);
        // LibreOffice writes "page break before" as a break in the paragraph
        // before, which can leave an empty paragraph: compare the text.
        auto texts = [](const std::string& docx) {
            std::vector<std::string> out;
            for (std::string text : paragraph_texts(part_of(docx, "word/document.xml"))) {
                // LibreOffice writes a soft hyphen as <w:softHyphen/>, which is not text.
                for (std::size_t at; (at = text.find("\xC2\xAD")) != std::string::npos;) text.erase(at, 2);
                if (text.find_first_not_of(" \n") != std::string::npos) out.push_back(text);
            }
            return out;
        };
        const auto want = texts(expected);
        const auto got = texts(actual);
        BOOST_TEST(got.size() == want.size());
        for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i)
            if (got[i] != want[i]) {
                BOOST_TEST(got[i] == want[i],
                           "paragraph " << i + 1 << ": \"" << got[i] << "\" instead of \"" << want[i] << "\"");
                break;
            }

        for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
                 {"draft-" + lang + ".docx", expected},
                 {"draft-via-libreoffice-" + lang + ".docx", actual},
                 {"incomplete-" + lang + ".docx", render_application_draft(incomplete_application(), options(lang))}}) {
            const std::string problems = ooxml_check(scratch.write(name, bytes));
            BOOST_TEST(problems.empty(), name << ":\n" << problems);
        }
    }
}
