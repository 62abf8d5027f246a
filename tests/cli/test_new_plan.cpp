// esfdraft new: a plan that loads (no X001/X002), with every section the
// pack requires holding a guiding text S003 flags, never over a file.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include "model/rule_pack.hpp"
#include "support/run_binary.hpp"

using namespace esfdraft::testing;
namespace fs = std::filesystem;

namespace {

const std::string prestudy = "samples/framsyn-prestudy/plan.xml";

// `esfdraft check` of `plan` must report findings, but none from loading it (X001-X004).
void loads_cleanly(const std::string& plan) {
    const auto result = run_esfdraft({"check", plan, "--date", "2009-09-01"});
    BOOST_TEST(result.exit_code <= 1, result.out << result.err);
    for (const char* rule : {"[X001]", "[X002]", "[X003]", "[X004]"})
        BOOST_TEST(!contains(result.out, rule), rule << "\n" << result.out);
    BOOST_TEST(contains(result.out, "[S003]"), result.out);
    BOOST_TEST(result.err.empty(), result.err);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(new_command)

BOOST_AUTO_TEST_CASE(a_prestudy_plan_with_every_required_section) {
    ScratchFolder folder;
    const std::string plan = folder.path("plan.xml");
    const auto result = run_esfdraft(
        {"new", "--programme", "esf-plus-2021-2027", "--phase", "prestudy", "-o", plan, "--date", "2009-09-01"});
    BOOST_TEST(result.exit_code == 0, result.out << result.err);
    const std::string text = read_file(plan);
    BOOST_TEST(contains(text, "xsi:schemaLocation=\"urn:esfdraft:plan:1 /"), text);
    BOOST_TEST(contains(text, "schemas/plan-1.xsd\""));
    // The schema location is the absolute path of the data folder's plan-1.xsd.
    const std::size_t from = text.find("urn:esfdraft:plan:1 /") + 20;
    const std::string location = text.substr(from, text.find('"', from) - from);
    BOOST_TEST(fs::equivalent(location, source_path("schemas/plan-1.xsd")), location);
    // ESF+ requires nonDiscrimination; every guiding text is a placeholder S003 knows.
    BOOST_TEST(contains(text, "<nonDiscrimination>"));
    BOOST_TEST(contains(text, "Att komplettera"));
    BOOST_TEST(!contains(text, "<preStudy"));
    BOOST_TEST(!fs::exists(folder.path("findings.xml")));
    loads_cleanly(plan);
}

BOOST_AUTO_TEST_CASE(an_implementation_plan_gets_its_findings_file_in_english) {
    ScratchFolder folder;
    const std::string plan = folder.path("plan.xml");
    const auto result =
        run_esfdraft({"new", "--programme", "esf-2007-2013", "--phase", "implementation", "--lang", "en", "-o", plan});
    BOOST_TEST(result.exit_code == 0, result.out << result.err);
    const std::string text = read_file(plan);
    BOOST_TEST(contains(text, "lang=\"en\""));
    BOOST_TEST(contains(text, "To be written"));
    BOOST_TEST(contains(text, "findings=\"findings.xml\""));
    BOOST_TEST(contains(read_file(folder.path("findings.xml")), "urn:esfdraft:findings:1"));
    BOOST_TEST(contains(result.out, folder.path("findings.xml")));
    loads_cleanly(plan);
}

BOOST_AUTO_TEST_CASE(from_a_prestudy_carries_its_project_forward) {
    ScratchFolder folder;
    const std::string plan = folder.path("ansokan/plan.xml");
    fs::create_directory(folder.path("ansokan"));
    const auto result = run_esfdraft({"new", "--from-prestudy", prestudy, "-o", plan});
    BOOST_TEST(result.exit_code == 0, result.out << result.err);
    const std::string text = read_file(plan);
    BOOST_TEST(contains(text, "programme=\"esf-2007-2013\""));
    BOOST_TEST(contains(text, "<title>FRAMSYN ESF</title>"));
    BOOST_TEST(contains(text, "<phase>implementation</phase>"));
    BOOST_TEST(contains(text, "<region>SE33</region>"));
    BOOST_TEST(contains(text, "orgNumber=\"222000-1412\">Regionförbundet Västerbottens län</owner>"));
    BOOST_TEST(contains(text, "<name>Helena Brännström</name>"));
    BOOST_TEST(contains(text, "<municipality code=\"2480\">Umeå</municipality>"));
    BOOST_TEST(
        contains(text,
                 "<preStudy title=\"FRAMSYN ESF\" start=\"2009-01-07\" end=\"2009-07-07\" findings=\"findings.xml\"/>"),
        text);
    BOOST_TEST(contains(text, "<period start=\"2010-01-01\""), text);
    loads_cleanly(plan);
    // The pre-study itself is not an implementation's pre-study.
    const auto twice = run_esfdraft({"new", "--lang", "en", "--from-prestudy", plan, "-o", folder.path("again.xml")});
    BOOST_TEST(twice.exit_code == 2);
    BOOST_TEST(contains(twice.err, "is not a pre-study"), twice.err);
}

BOOST_AUTO_TEST_CASE(text_from_the_prestudy_is_escaped) {
    ScratchFolder folder;
    std::string study = read_file(source_path(prestudy));
    study.replace(study.find("<title>FRAMSYN ESF</title>"), 26, "<title>A &amp; B &lt;C&gt; \"D\"</title>");
    const std::string source = folder.write("study.xml", study);
    const std::string plan = folder.path("plan.xml");
    const auto result = run_esfdraft({"new", "--from-prestudy", source, "-o", plan});
    BOOST_TEST(result.exit_code == 0, result.out << result.err);
    BOOST_TEST(contains(read_file(plan), "<title>A &amp; B &lt;C&gt; &quot;D&quot;</title>"));
    BOOST_TEST(contains(read_file(plan), "title=\"A &amp; B &lt;C&gt; &quot;D&quot;\""));
    loads_cleanly(plan);
}

BOOST_AUTO_TEST_CASE(an_existing_file_is_never_replaced_without_force) {
    ScratchFolder folder;
    const std::string plan = folder.write("plan.xml", "mine");
    auto result =
        run_esfdraft({"new", "--lang", "en", "--programme", "esf-2007-2013", "--phase", "prestudy", "-o", plan});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "already exists"), result.err);
    BOOST_TEST(read_file(plan) == "mine");
    // The findings file beside it counts too, and nothing is written.
    const std::string findings = folder.write("findings.xml", "theirs");
    result = run_esfdraft(
        {"new", "--programme", "esf-2007-2013", "--phase", "implementation", "-o", folder.path("other.xml")});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(read_file(findings) == "theirs");
    BOOST_TEST(!fs::exists(folder.path("other.xml")));
    result = run_esfdraft({"new", "--programme", "esf-2007-2013", "--phase", "prestudy", "-o", plan, "--force"});
    BOOST_TEST(result.exit_code == 0, result.err);
    BOOST_TEST(contains(read_file(plan), "urn:esfdraft:plan:1"));
}

// A pack may require or recommend any section of the format, those of its
// additions (plan-format §3) too: each gets a skeleton that loads and
// resolves, and a guiding text S003 flags. The shipped packs name them as
// their data allows, so this runs on a copy of the data folder whose ESF+
// pack recommends all.
BOOST_AUTO_TEST_CASE(the_sections_of_the_additions_get_skeletons_when_a_pack_asks_for_them) {
    ScratchFolder folder;
    const fs::path data = folder.path("data");
    fs::create_directories(data);
    fs::copy(source_path("schemas"), data / "schemas", fs::copy_options::recursive);
    fs::copy(source_path("templates"), data / "templates", fs::copy_options::recursive);
    const auto patch = [](const fs::path& file, const std::string& before, const std::string& insert) {
        std::string text = read_file(file.string());
        const auto at = text.find(before);
        BOOST_REQUIRE_MESSAGE(at != std::string::npos, file << " lacks " << before);
        text.insert(at, insert);
        std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    };
    // Every section of the format (the vocabulary's), so that a section added
    // to it gets a skeleton and a guide too, or this fails.
    const std::vector<std::string>& sections = esfdraft::model::plan_sections();
    // The shipped schema and pack may already name some of them.
    const std::string pack = read_file((data / "schemas/esf-plus-2021-2027/pack.xml").string());
    const std::string pack_schema = read_file((data / "schemas/pack-1.xsd").string());
    std::string enumeration, recommended;
    for (const std::string& section : sections) {
        if (pack_schema.find("<xs:enumeration value=\"" + section + "\"/>") == std::string::npos)
            enumeration += "      <xs:enumeration value=\"" + section + "\"/>\n";
        if (pack.find("section=\"" + section + "\"") == std::string::npos)
            recommended += "    <recommended section=\"" + section + "\" source=\"[I] a test\"/>\n";
    }
    patch(data / "schemas/pack-1.xsd", "      <xs:enumeration value=\"budget\"/>", enumeration);
    patch(data / "schemas/esf-plus-2021-2027/pack.xml", "  </sections>", recommended);

    const std::string plan = folder.path("plan.xml");
    const std::vector<std::string> environment = {"ESFDRAFT_DATA_DIR=" + data.string()};
    auto result = run_esfdraft({"new", "--programme", "esf-plus-2021-2027", "--phase", "implementation", "-o", plan},
                               ESFDRAFT_SOURCE_DIR, environment);
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.out << result.err);
    const std::string text = read_file(plan);
    for (const std::string& section : sections) BOOST_TEST(contains(text, "<" + section), section << "\n" << text);
    BOOST_TEST(contains(text, "<risk id=\"r1\" likelihood=\"medium\" impact=\"medium\">"), text);
    BOOST_TEST(contains(text, "<step kind=\"results\" goals=\"g1\">"), text);
    BOOST_TEST(contains(text, "<applicant kind="), text);  // the applicant's details, as a comment
    result = run_esfdraft({"check", plan, "--date", "2009-09-01"}, ESFDRAFT_SOURCE_DIR, environment);
    BOOST_TEST(result.exit_code <= 1, result.out << result.err);
    for (const char* rule : {"[X001]", "[X002]", "[X003]", "[X004]", "[X005]"})
        BOOST_TEST(!contains(result.out, rule), rule << "\n" << result.out);
    BOOST_TEST(contains(result.out, "[S003]"), result.out);
}

BOOST_AUTO_TEST_CASE(usage) {
    auto result = run_esfdraft({"new", "--help"});
    BOOST_TEST(result.exit_code == 0);
    for (const char* part : {"--programme", "--phase", "--from-prestudy", "--force", "S003", "Examples:"})
        BOOST_TEST(contains(result.out, part), part);
    result = run_esfdraft({"new", "--phase", "prestudy", "-o", "x.xml"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "--programme"));
    ScratchFolder folder;
    result = run_esfdraft({"new", "--programme", "esf-1994", "--phase", "prestudy", "-o", folder.path("x.xml")});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "esf-plus-2021-2027"), result.err);
    result = run_esfdraft({"new", "--programme", "esf-2007-2013", "--phase", "study", "-o", folder.path("x.xml")});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(!fs::exists(folder.path("x.xml")));
}

BOOST_AUTO_TEST_SUITE_END()
