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
    for (const auto& arguments :
         {std::vector<std::string>{"check", "--help"}, std::vector<std::string>{"help", "check"}}) {
        const auto result = run_esfdraft(arguments);
        BOOST_TEST(result.exit_code == 0);
        for (const char* option :
             {"--findings", "--format", "--lang", "--date", "--strict", "--quiet", "--output", "Examples:"})
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
    BOOST_TEST(contains(result.err, "check behöver minst en PLAN.xml"));
}

// What esfdraft says on stderr is in the command's language: Swedish, the
// documents' default, unless --lang en; even Boost's refusals and the hint
// after a usage error. The service's commands and esfdraft itself speak English.
BOOST_AUTO_TEST_CASE(errors_speak_the_commands_language) {
    auto result = run_esfdraft({"check", "--colour", sample});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(result.err ==
                   "esfdraft: error: det finns inget alternativ '--colour' (esfdraft KOMMANDO --help visar dem)\n"
                   "Skriv 'esfdraft --help' för hjälp.\n",
               result.err);
    result = run_esfdraft({"check", "--lang=en", "--colour", sample});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "unrecognised option '--colour'"), result.err);
    BOOST_TEST(contains(result.err, "Try 'esfdraft --help'."), result.err);
    result = run_esfdraft({"build", sample, "-o"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "'--output' behöver ett värde"), result.err);
    for (const char* lang : {"sv", "en"}) {
        result = run_esfdraft({"draft", "no/such/plan.xml", "-o", "x.docx", "--lang", lang});
        BOOST_TEST(result.exit_code == 2);
        BOOST_TEST(result.err == (std::string(lang) == "en"
                                      ? "esfdraft: error: cannot read 'no/such/plan.xml': no such file\n"
                                      : "esfdraft: error: kan inte läsa 'no/such/plan.xml': filen finns inte\n"),
                   result.err);
        result = run_esfdraft({"new", "--programme", "esf-1994", "--phase", "prestudy", "-o", "x.xml", "--lang", lang});
        BOOST_TEST(result.exit_code == 2);
        BOOST_TEST(contains(result.err, std::string(lang) == "en" ? "there is no programme 'esf-1994'"
                                                                  : "det finns inget program 'esf-1994'"),
                   result.err);
    }
    result = run_esfdraft({"user", "frobnicate", "a@b.se"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "Try 'esfdraft --help'."), result.err);
}

BOOST_AUTO_TEST_CASE(bad_option_values_say_what_is_allowed) {
    auto result = run_esfdraft({"check", "--lang", "de", sample});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "--lang ska vara sv eller en, inte 'de'"));
    result = run_esfdraft({"check", "--format", "xml", sample});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "--format"));
    result = run_esfdraft({"check", "--date", "2009-02-30", sample});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "--date vill ha ett riktigt datum"));
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
    BOOST_TEST(result.err == "esfdraft: error: kan inte läsa 'no/such/plan.xml': filen finns inte\n");
    BOOST_TEST(result.out.empty());
}

BOOST_AUTO_TEST_CASE(findings_are_compiler_style_lines) {
    ScratchFolder folder;
    const std::string plan = folder.write(
        "plan.xml", minimal_plan().replace(minimal_plan().find("amount=\"1000\">"), 14, "amount=\"1,5\">"));
    const auto result = run_esfdraft({"check", plan});
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(contains(result.out, plan + ":41:7: error: "), result.out);
    BOOST_TEST(contains(result.out, "[X002]"));
    BOOST_TEST(contains(result.out, "inte klar att lämna in"));
    const auto english = run_esfdraft({"check", "--lang", "en", plan});
    BOOST_TEST(contains(english.out, "the amount \"1,5\" cannot be read; write it with '.' and without spaces: 1.5"),
               english.out);
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
    result = run_esfdraft({"check", "--lang", "en", "-o", plan, plan});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "it is one of the input files"));
    BOOST_TEST(read_file(plan) == minimal_plan());
    // No temporary files are left behind.
    int entries = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder.path())) ++entries;
    BOOST_TEST(entries == 2);

    result = run_esfdraft({"check", "--lang", "en", "-o", folder.path("no/such/folder/r.txt"), sample});
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
    const auto two =
        run_esfdraft({"check", "--lang", "en", "--findings", "samples/framsyn/findings.xml", sample, prestudy});
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
        {"truncated.xml", plan.substr(0, plan.size() / 2),
         ":21:5: error: starttaggen <targetGroup> avslutas aldrig med >"},
        {"namespace.xml", std::string(plan).replace(plan.find("urn:esfdraft:plan:1"), 19, "urn:other"),
         ":3:1: error: filen är ingen plan: <application> har namnrymden urn:other"},
        {"xxe.xml",
         "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file://" + secret + "\">]>\n<a>&x;</a>\n",
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
    const auto result = run_esfdraft({"check", "--lang", "en", path});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "is 100 MiB; esfdraft reads files up to 32 MiB"), result.err);
}

BOOST_AUTO_TEST_CASE(a_folder_given_as_plan_file_to_findings) {
    const auto result = run_esfdraft({"check", "--lang", "en", "--findings", "samples", sample});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "it is a folder"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(hand_edit_mistakes)

// The printed lines for mistakes made by hand: the user's language, the
// place of the mistake, what to write; no libxml2 English.
BOOST_AUTO_TEST_CASE(printed_in_swedish_and_english) {
    ScratchFolder folder;
    std::string plan = minimal_plan();
    std::string tag = plan;
    tag.replace(tag.find("</purpose>"), 10, "</purpos>");
    std::string ampersand = plan;
    ampersand.replace(ampersand.find("Bakgrund."), 9, "Vård & omsorg.");
    std::string table = plan;
    table.replace(table.find("<p>Bakgrund.</p>"), 16, "<table>Bakgrund.</table>");
    struct Case {
        std::string name, content, sv, en;
    };
    const std::vector<Case> cases = {
        {"tag.xml", tag,
         ":19:25: error: sluttaggen </purpos> passar inte till starttaggen <purpose> på rad 19; skriv </purpose> "
         "[X001]",
         ":19:25: error: the end tag </purpos> does not match the start tag <purpose> at line 19; write </purpose> "
         "[X001]"},
        {"amp.xml", ampersand, ":17:23: error: ett & i texten måste skrivas &amp;",
         ":17:23: error: a & in the text must be written &amp;"},
        {"table.xml", table,
         ":17:3: error: elementet <table> finns inte i formatet och hör inte hemma här; här väntas <p>, <ul>, <ol> "
         "[X002]",
         ":17:3: error: the element <table> is not part of the format and does not belong here; <p>, <ul>, <ol> is "
         "expected here [X002]"},
    };
    for (const Case& mistake : cases) {
        const std::string path = folder.write(mistake.name, mistake.content);
        const auto sv = run_esfdraft({"check", path});
        const auto en = run_esfdraft({"check", "--lang", "en", path});
        BOOST_TEST_CONTEXT(mistake.name) {
            BOOST_TEST(sv.exit_code == 1);
            BOOST_TEST(contains(sv.out, path + mistake.sv), sv.out);
            BOOST_TEST(contains(en.out, path + mistake.en), en.out);
            for (const char* raw : {"Opening and ending", "xmlParseEntityRef", "This element is not expected"}) {
                BOOST_TEST(!contains(sv.out, raw), sv.out);
                BOOST_TEST(!contains(en.out, raw), en.out);
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rules_command)

BOOST_AUTO_TEST_CASE(one_rule_with_its_meaning_fix_and_parameters_of_every_pack) {
    const auto result = run_esfdraft({"rules", "B007", "--lang", "en"});
    BOOST_TEST(result.exit_code == 0, result.err);
    for (const char* expected :
         {"B007  error: co-financing (all sources but esf) is at least the call's minimum share",
          "How to fix: raise the co-financing", "Parameters in force, esf-2007-2013:",
          "Parameters in force, esf-plus-2021-2027:", "Implementation, minimum co-financing: 46 %",
          "call ovre-norrland-2009, minimum co-financing: 40 %", "Source: [S] esf-facts.md: area A co-financing 46 %"})
        BOOST_TEST(contains(result.out, expected), expected << "\n" << result.out);
    const auto swedish = run_esfdraft({"rules", "B007"});
    BOOST_TEST(swedish.exit_code == 0);
    BOOST_TEST(contains(swedish.out, "B007  fel: medfinansieringen"), swedish.out);
    BOOST_TEST(contains(swedish.out, "Så åtgärdar du: öka medfinansieringen"), swedish.out);
}

BOOST_AUTO_TEST_CASE(a_pack_and_call_give_what_applies_to_that_call) {
    const auto result = run_esfdraft(
        {"rules", "b009", "--pack", "esf-plus-2021-2027", "--call", "glesa-geografin-2024", "--lang", "en"});
    BOOST_TEST(result.exit_code == 0, result.err);
    BOOST_TEST(contains(result.out, "B009  error:"), result.out);
    BOOST_TEST(contains(result.out, "Parameters in force, esf-plus-2021-2027, call glesa-geografin-2024:"), result.out);
    // The call sets its own ceiling, which replaces the phases' defaults; the other pack is not shown.
    BOOST_TEST(contains(result.out, "Pre-study (prestudy), ESF ceiling: SEK 8,000,000 (glesa-geografin-2024)"),
               result.out);
    BOOST_TEST(!contains(result.out, "SEK 400,000"), result.out);
    BOOST_TEST(!contains(result.out, "esf-2007-2013"), result.out);
    // Neither the call nor its pack's implementation phase sets a ceiling: nothing applies.
    const auto unlimited = run_esfdraft({"rules", "B009", "--call", "transnationellt-2011", "--lang", "en"});
    BOOST_TEST(unlimited.exit_code == 0, unlimited.err);
    BOOST_TEST(
        contains(unlimited.out, "Parameters in force, esf-2007-2013, call transnationellt-2011:\n  no parameters"),
        unlimited.out);
    const auto share = run_esfdraft({"rules", "B006", "--call", "transnationellt-2011", "--lang", "en"});
    BOOST_TEST(contains(share.out, "Implementation, maximum ESF share: 60 % (transnationellt-2011)"), share.out);
}

BOOST_AUTO_TEST_CASE(a_rule_without_parameters_says_so) {
    // G005 has parameters now (the pack's gender categories); G006 has none.
    const auto result = run_esfdraft({"rules", "G006", "--pack", "esf-2007-2013", "--lang", "en"});
    BOOST_TEST(result.exit_code == 0, result.err);
    BOOST_TEST(contains(result.out, "G006  error:"), result.out);
    BOOST_TEST(contains(result.out, "no parameters: the rule is the same for every application"), result.out);
    const auto categories = run_esfdraft({"rules", "G005", "--pack", "esf-plus-2021-2027", "--lang", "en"});
    BOOST_TEST(contains(categories.out, "G005  warning or error:"), categories.out);
    BOOST_TEST(contains(categories.out, "nonBinary: non-binary (optional)"), categories.out);
}

BOOST_AUTO_TEST_CASE(an_added_rule_says_whether_the_pack_turns_it_on) {
    const auto on = run_esfdraft({"rules", "B013", "--pack", "esf-plus-2021-2027", "--call",
                                  "livslangt-larande-ovre-norrland-2023", "--lang", "en"});
    BOOST_TEST(on.exit_code == 0, on.err);
    BOOST_TEST(contains(on.out, "added rule: turned on by the pack"), on.out);
    BOOST_TEST(contains(on.out, "simplified costs required up to (euro): 200,000"), on.out);
    BOOST_TEST(contains(on.out, "exchange rate (kronor per euro): 11.47"), on.out);
    const auto off = run_esfdraft({"rules", "B013", "--pack", "esf-2007-2013", "--lang", "en"});
    BOOST_TEST(off.exit_code == 0, off.err);
    BOOST_TEST(contains(off.out, "added rule: not turned on by the pack: the rule reports nothing"), off.out);
    const auto listing = run_esfdraft({"rules", "--pack", "esf-2007-2013", "--lang", "en"});
    BOOST_TEST(contains(listing.out, "B013  error (not turned on by this pack):"), listing.out);
}

BOOST_AUTO_TEST_CASE(an_unknown_rule_is_a_usage_error_naming_the_nearest) {
    auto result = run_esfdraft({"rules", "--lang", "en", "B07"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "esfdraft: error: there is no rule 'B07'; the nearest is B007"), result.err);
    BOOST_TEST(result.out.empty());
    result = run_esfdraft({"rules", "--lang", "en", "g0005"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "there is no rule 'g0005'; the nearest is G005"), result.err);
    result = run_esfdraft({"rules", "B007", "B008"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "rules förklarar en regel i taget"), result.err);
    result = run_esfdraft({"rules", "--lang", "en", "B007", "B008"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "one rule at a time"), result.err);
}

BOOST_AUTO_TEST_CASE(unknown_pack_and_call_exit_2_naming_the_known_ones) {
    auto result = run_esfdraft({"rules", "--lang", "en", "B007", "--pack", "esf-1994"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(
        contains(result.err, "there is no rule pack 'esf-1994'; the packs are: esf-2007-2013, esf-plus-2021-2027"),
        result.err);
    result =
        run_esfdraft({"rules", "--lang", "en", "B007", "--pack", "esf-2007-2013", "--call", "glesa-geografin-2024"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err,
                        "there is no call 'glesa-geografin-2024' in esf-2007-2013; the calls are: ovre-norrland-2009, "
                        "transnationellt-2011"),
               result.err);
    result = run_esfdraft({"rules", "--lang", "en", "--call", "ovre-norrland-2009"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "--call goes with a RULE"), result.err);
}

// An unknown programme or call in a plan is a finding about the plan (X003,
// exit 1, the report still written); an unknown --pack on the command line
// is a usage error (exit 2).
BOOST_AUTO_TEST_CASE(unknown_programme_or_call_in_a_plan_is_x003_exit_1) {
    const std::string plan = read_file(source_path(sample));
    const auto replace_attribute = [&plan](const std::string& from, const std::string& to) {
        std::string out = plan;
        const std::size_t at = out.find(from);
        BOOST_TEST_REQUIRE(at != std::string::npos, from);
        return out.replace(at, from.size(), to);
    };
    ScratchFolder folder;
    folder.write("findings.xml", read_file(source_path("samples/framsyn/findings.xml")));
    const std::string programme =
        folder.write("programme.xml", replace_attribute("programme=\"esf-2007-2013\"", "programme=\"nope\""));
    const std::string call =
        folder.write("call.xml", replace_attribute("call=\"ovre-norrland-2009\"", "call=\"nope\""));

    auto result = run_esfdraft({"check", programme, "--date", "2009-09-01", "--lang", "en"});
    BOOST_TEST(result.exit_code == 1, result.err);
    BOOST_TEST(
        contains(result.out, "the programme \"nope\" does not exist; use esf-2007-2013 or esf-plus-2021-2027 [X003]"),
        result.out);
    BOOST_TEST(result.err.empty(), result.err);

    result = run_esfdraft({"check", call, "--date", "2009-09-01", "--lang", "en"});
    BOOST_TEST(result.exit_code == 1, result.err);
    BOOST_TEST(contains(result.out,
                        "the call \"nope\" does not exist in esf-2007-2013; its calls are ovre-norrland-2009, "
                        "transnationellt-2011"),
               result.out);
    BOOST_TEST(contains(result.out, "[X003]"), result.out);
    BOOST_TEST(result.err.empty(), result.err);

    result = run_esfdraft({"rules", "--lang", "en", "--pack", "nope"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(result.out.empty(), result.out);
    BOOST_TEST(
        contains(result.err,
                 "esfdraft: error: there is no rule pack 'nope'; the packs are: esf-2007-2013, esf-plus-2021-2027"),
        result.err);
}

BOOST_AUTO_TEST_CASE(markdown_is_the_whole_reference_and_takes_no_narrowing) {
    auto result = run_esfdraft({"rules", "--format", "markdown"});
    BOOST_TEST(result.exit_code == 0, result.err);
    BOOST_TEST(result.out.rfind("# Rules reference\n", 0) == 0u);
    for (const std::vector<std::string>& arguments :
         {std::vector<std::string>{"rules", "--format", "markdown", "--lang", "en"},
          {"rules", "--format", "markdown", "B007"},
          {"rules", "--format", "markdown", "--pack", "esf-2007-2013"}}) {
        result = run_esfdraft(arguments);
        BOOST_TEST(result.exit_code == 2);
        BOOST_TEST(contains(result.err, arguments.back() == "en" ? "--format markdown prints the whole reference"
                                                                 : "--format markdown skriver hela referensen"),
                   result.err);
    }
    result = run_esfdraft({"rules", "--format", "pdf"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "--format ska vara text eller markdown, inte 'pdf'"), result.err);
}

// Users have the repository's docs/, never the developers' ../shared/spec/.
BOOST_AUTO_TEST_CASE(help_points_at_the_docs_the_repository_ships) {
    for (const std::vector<std::string>& arguments : {std::vector<std::string>{"--help"},
                                                      {"check", "--help"},
                                                      {"rules", "--help"},
                                                      {"rules"},
                                                      {"rules", "--pack", "esf-2007-2013"}}) {
        const auto result = run_esfdraft(arguments);
        BOOST_TEST(result.exit_code == 0, result.err);
        BOOST_TEST(!contains(result.out, "spec/"), arguments.back() << "\n" << result.out);
        for (const char* document : {"docs/guide.md", "docs/format.md", "docs/rules.md"})
            if (contains(result.out, document)) BOOST_TEST(std::filesystem::exists(source_path(document)), document);
    }
    const auto help = run_esfdraft({"--help"});
    for (const char* document : {"docs/guide.md", "docs/format.md", "docs/rules.md"})
        BOOST_TEST(contains(help.out, document), document);
    const auto rules_help = run_esfdraft({"rules", "--help"});
    for (const char* expected : {"--call", "--format", "esfdraft rules B007", "docs/rules.md"})
        BOOST_TEST(contains(rules_help.out, expected), expected);
}

BOOST_AUTO_TEST_SUITE_END()
