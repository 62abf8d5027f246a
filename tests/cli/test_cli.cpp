// The real binary: arguments, output, exit codes, hostile input.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "support/run_binary.hpp"

using namespace esfdraft::testing;

namespace {

const std::string sample = "samples/framsyn/plan.xml";
const std::string prestudy = "samples/framsyn-prestudy/plan.xml";

std::string minimal_plan() { return read_file(source_path("tests/load/fixtures/minimal-plan.xml")); }

}  // namespace

BOOST_AUTO_TEST_SUITE(usage)

BOOST_AUTO_TEST_CASE(help_explains_commands_with_examples) {
    const auto result = run_esfdraft({"--help"});
    BOOST_TEST(result.exit_code == 0);
    BOOST_TEST(contains(result.out, "Usage:"));
    BOOST_TEST(contains(result.out, "check"));
    BOOST_TEST(contains(result.out, "Examples:"));
    BOOST_TEST(contains(result.out, "Exit status"));
    BOOST_TEST(result.err.empty());
}

BOOST_AUTO_TEST_CASE(no_arguments_prints_help_and_fails) {
    const auto result = run_esfdraft({});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.out, "Usage:"));
}

BOOST_AUTO_TEST_CASE(version) {
    const auto result = run_esfdraft({"--version"});
    BOOST_TEST(result.exit_code == 0);
    BOOST_TEST(result.out.rfind("esfdraft ", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(check_help_lists_every_option) {
    for (const auto& arguments : {std::vector<std::string>{"check", "--help"}, std::vector<std::string>{"help", "check"}}) {
        const auto result = run_esfdraft(arguments);
        BOOST_TEST(result.exit_code == 0);
        for (const char* option : {"--findings", "--format", "--lang", "--date", "--strict", "--output", "Examples:"})
            BOOST_TEST(contains(result.out, option), option);
    }
}

BOOST_AUTO_TEST_CASE(unknown_command_and_option_are_usage_errors) {
    auto result = run_esfdraft({"chekc", sample});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "esfdraft: error: unknown command 'chekc'"));
    result = run_esfdraft({"check", "--colour", sample});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "esfdraft: error:"));
    BOOST_TEST(contains(result.err, "colour"));
    result = run_esfdraft({"check"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "at least one PLAN.xml"));
}

BOOST_AUTO_TEST_CASE(bad_option_values_say_what_is_allowed) {
    auto result = run_esfdraft({"check", "--lang", "de", sample});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "--lang must be sv or en"));
    result = run_esfdraft({"check", "--format", "xml", sample});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "--format"));
    result = run_esfdraft({"check", "--date", "2009-02-30", sample});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "--date expects a real date"));
    result = run_esfdraft({"check", sample}, ESFDRAFT_SOURCE_DIR, {"SOURCE_DATE_EPOCH=yesterday"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "SOURCE_DATE_EPOCH"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(check)

BOOST_AUTO_TEST_CASE(the_samples_have_no_errors) {
    for (const std::string& plan : {sample, prestudy}) {
        const auto result = run_esfdraft({"check", "--date", "2009-09-01", plan});
        BOOST_TEST(result.exit_code == 0, plan << "\n" << result.out << result.err);
        BOOST_TEST(!contains(result.out, ": error:"));
        BOOST_TEST(result.err.empty());
    }
}

BOOST_AUTO_TEST_CASE(a_missing_file_exits_2) {
    const auto result = run_esfdraft({"check", "no/such/plan.xml"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(result.err == "esfdraft: error: cannot read 'no/such/plan.xml': no such file\n");
    BOOST_TEST(result.out.empty());
}

BOOST_AUTO_TEST_CASE(findings_are_compiler_style_lines) {
    ScratchFolder folder;
    const std::string plan = folder.write("plan.xml", minimal_plan().replace(minimal_plan().find("amount=\"1000\">"), 14, "amount=\"1,5\">"));
    const auto result = run_esfdraft({"check", plan});
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(contains(result.out, plan + ":41:7: error: "), result.out);
    BOOST_TEST(contains(result.out, "[X002]"));
    BOOST_TEST(contains(result.out, "inte klar att lämna in"));
    const auto english = run_esfdraft({"check", "--lang", "en", plan});
    BOOST_TEST(contains(english.out, "does not follow the format"));
    BOOST_TEST(contains(english.out, "not ready to submit"));
}

BOOST_AUTO_TEST_CASE(json_report) {
    ScratchFolder folder;
    const auto result = run_esfdraft({"check", "--format", "json", "--date", "2009-09-01", sample});
    BOOST_TEST(result.exit_code == 0);
    BOOST_TEST(contains(result.out, "\"tool\": \"esfdraft\""));
    BOOST_TEST(contains(result.out, "\"readyToSubmit\": true"));
    BOOST_TEST(contains(result.out, "\"date\": \"2009-09-01\""));
}

BOOST_AUTO_TEST_CASE(output_file_is_written_whole_and_never_over_an_input) {
    ScratchFolder folder;
    const std::string report = folder.path("report.txt");
    auto result = run_esfdraft({"check", "-o", report, "--date", "2009-09-01", sample});
    BOOST_TEST(result.exit_code == 0);
    BOOST_TEST(result.out.empty());
    BOOST_TEST(contains(read_file(report), "samples/framsyn/plan.xml"));

    const std::string plan = folder.write("plan.xml", minimal_plan());
    result = run_esfdraft({"check", "-o", plan, plan});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "it is one of the input files"));
    BOOST_TEST(read_file(plan) == minimal_plan());
    // No temporary files are left behind.
    int entries = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder.path())) ++entries;
    BOOST_TEST(entries == 2);

    result = run_esfdraft({"check", "-o", folder.path("no/such/folder/r.txt"), sample});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "does not exist"));
}

BOOST_AUTO_TEST_CASE(several_plans_and_folders_end_with_a_summary) {
    ScratchFolder folder;
    folder.write("batch/a.xml", minimal_plan());
    folder.write("batch/sub/b.xml", minimal_plan().replace(minimal_plan().find("<budget>"), 8, "<budget><oops/>"));
    folder.write("batch/notes.xml", "<notes/>");
    const auto result = run_esfdraft({"check", folder.path("batch")});
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(contains(result.out, "Sammanställning"));
    BOOST_TEST(contains(result.out, folder.path("batch/a.xml")));
    BOOST_TEST(contains(result.out, folder.path("batch/sub/b.xml")));
    BOOST_TEST(!contains(result.out, "notes.xml"));
    const auto none = run_esfdraft({"check", folder.path("batch/sub/..") + "/nothing-here"});
    BOOST_TEST(none.exit_code == 2);
}

BOOST_AUTO_TEST_CASE(findings_option_overrides_the_plan) {
    const auto result = run_esfdraft({"check", "--findings", "no/such/findings.xml", sample});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "no/such/findings.xml"));
    const auto two = run_esfdraft({"check", "--findings", "samples/framsyn/findings.xml", sample, prestudy});
    BOOST_TEST(two.exit_code == 2);
    BOOST_TEST(contains(two.err, "exactly one plan"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(hostile_input)

// Each hostile file: the right exit code, a clear message, no crash (the
// suite also runs under AddressSanitizer and UndefinedBehaviorSanitizer).
BOOST_AUTO_TEST_CASE(corpus) {
    ScratchFolder folder;
    const std::string secret = folder.write("secret.txt", "TOP-SECRET-CONTENT");
    std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY a \"aaaaaaaaaa\">";
    for (char level = 'b'; level <= 'j'; ++level) {
        laughs += std::string("<!ENTITY ") + level + " \"";
        for (int i = 0; i < 10; ++i) laughs += std::string("&") + static_cast<char>(level - 1) + ";";
        laughs += "\">";
    }
    laughs += "]>\n<application xmlns=\"urn:esfdraft:plan:1\">&j;</application>\n";
    const std::string plan = minimal_plan();
    struct Case {
        std::string name;
        std::string content;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {"empty.xml", "", ":1:1: error: filen är tom"},
        {"binary.xml", std::string("\x1f\x8b\x08\0\0\0\0\0", 8), ":1:2: error: ogiltig UTF-8"},
        {"truncated.xml", plan.substr(0, plan.size() / 2), ":21:17: error: inte välformad XML"},
        {"namespace.xml", std::string(plan).replace(plan.find("urn:esfdraft:plan:1"), 19, "urn:other"), ":3:1: error: följer inte formatet"},
        {"xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file://" + secret + "\">]>\n<a>&x;</a>\n",
         ":2:1: error: DOCTYPE"},
        {"laughs.xml", laughs, ":2:1: error: DOCTYPE"},
        {"utf8.xml", std::string(plan).replace(plan.find("Kort."), 5, "K\xFF\xFEort."), ":16:16: error: ogiltig UTF-8"},
    };
    for (const Case& hostile : cases) {
        const std::string path = folder.write(hostile.name, hostile.content);
        const auto result = run_esfdraft({"check", path});
        BOOST_TEST_CONTEXT(hostile.name) {
            BOOST_TEST(result.exit_code == 1);
            BOOST_TEST(contains(result.out, path + hostile.expected), result.out);
            BOOST_TEST(!contains(result.out, "TOP-SECRET"));
            BOOST_TEST(result.err.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(a_100_mb_file_is_refused_with_the_limit) {
    ScratchFolder folder;
    const std::string path = folder.path("big.xml");
    {
        std::ofstream out(path);
        out << "<application xmlns=\"urn:esfdraft:plan:1\">";
    }
    std::filesystem::resize_file(path, 100u * 1024u * 1024u);
    const auto result = run_esfdraft({"check", path});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "is 100 MiB; esfdraft reads files up to 32 MiB"), result.err);
}

BOOST_AUTO_TEST_CASE(a_folder_given_as_plan_file_to_findings) {
    const auto result = run_esfdraft({"check", "--findings", "samples", sample});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "it is a folder"));
}

BOOST_AUTO_TEST_SUITE_END()
