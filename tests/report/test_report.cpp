// The completeness report in its three formats and two languages, the
// message catalogue, and `esfdraft rules`.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <regex>
#include <set>

#include "model/rule_pack.hpp"
#include "report/report.hpp"
#include "support/optional_tool.hpp"
#include "support/run_binary.hpp"
#include "support/temp_files.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;
using report::Language;

namespace {

const std::string sample = "samples/framsyn/plan.xml";
const std::string prestudy = "samples/framsyn-prestudy/plan.xml";

model::Finding finding(const char* rule, model::Severity severity, const char* section, const char* message_id,
                       int line) {
    model::Finding out;
    out.rule = rule;
    out.severity = severity;
    out.section = section;
    out.message_id = message_id;
    out.where = model::SourceLocation{"plan.xml", line, 5, "/application/x"};
    return out;
}

report::ApplicationReport example_report() {
    report::ApplicationReport application;
    application.file = "plan.xml";
    application.title = "FRAMSYN <test> & \"quotes\"";
    application.sections = {"project", "summary", "goals", "accessibility", "budget"};
    application.findings.push_back(finding("B005", model::Severity::error, "budget", "B005.short", 142)
                                       .arg("financing", model::MessageArg::of_money(195000000))
                                       .arg("costs", model::MessageArg::of_money(201000000))
                                       .arg("difference", model::MessageArg::of_money(6000000)));
    application.findings.push_back(finding("D007", model::Severity::warning, "project", "D007.started", 21)
                                       .arg("start", model::MessageArg::of_date(model::Date{2009, 10, 1}))
                                       .arg("today", model::MessageArg::of_date(model::Date{2009, 11, 1})));
    application.findings.push_back(finding("A003", model::Severity::info, "accessibility", "A003.nothing_pays", 190));
    return application;
}

// A python3 that has the module; the system one first (Debian's python3-jsonschema lives there).
std::string python_with(const std::string& module) {
    for (const char* python : {"/usr/bin/python3", "python3"}) {
        const std::string command = std::string(python) + " -c 'import " + module + "' >/dev/null 2>&1";
        if (std::system(command.c_str()) == 0) return python;
    }
    return {};
}

int run_shell(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The JSON text parsed and written again on one line the way Python writes
// it ({"a": 1, "b": [2]}), so that an assertion can name a whole object
// whatever line breaks the report puts into it.
std::string one_line(const std::string& json) {
    const std::string python = python_with("json");
    BOOST_TEST_REQUIRE(!python.empty(), "python3 is needed");
    ScratchFolder folder;
    const std::string in = folder.write("in.json", json);
    const std::string out = folder.path("out.json");
    const int status = run_shell(python +
                                 " -c 'import json, sys\nprint(json.dumps(json.load(open(sys.argv[1], "
                                 "encoding=\"utf-8\")), ensure_ascii=False))' " +
                                 in + " > " + out);
    BOOST_TEST_REQUIRE(status == 0, "not JSON:\n" << json);
    return read_file(out);
}

// A copy of the sample with a budget 60 000 kr short and a placeholder: errors and warnings.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    BOOST_TEST_REQUIRE(at != std::string::npos, "no \"" << from << "\"");
    return text.replace(at, from.size(), to);
}

std::string defective_sample() {
    std::string plan = read_file(source_path(sample));
    plan = replaced(plan, "orgNumber=\"202100-2346\" amount=\"300000\"", "orgNumber=\"202100-2346\" amount=\"240000\"");
    return replaced(plan, "<evaluation>\n    <p>", "<evaluation>\n    <p>TODO ");
}

// Key figures built by hand: a share just under and one just over its limit,
// each shown with the decimals that keep it on its side.
report::ApplicationReport with_figures() {
    report::ApplicationReport application = example_report();
    report::KeyFigures figures;
    figures.total_costs = 110'000'00;
    figures.income = 10'000'00;
    figures.eligible_costs = 100'000'00;
    figures.esf = 45'996'00;  // 45,996 %: rounded to hundredths it would read 46 %
    figures.esf_share = {figures.esf, figures.eligible_costs, 4600, report::ShareLimit{4600, true, "call-2025", true}};
    figures.cofinancing = 54'004'00;
    figures.cofinancing_share = {figures.cofinancing, figures.eligible_costs, 5400,
                                 report::ShareLimit{5500, false, "esf-test", false}};
    figures.indirect_share =
        report::KeyShare{15'004'00, 100'000'00, 1500, report::ShareLimit{1500, true, "esf-test", false}};
    application.key_figures = figures;
    application.pack = report::AppliedTerms{"esf-test", {"Testprogrammet", "The test programme"}};
    application.call = report::AppliedTerms{"call-2025", {"Utlysning 2025", "Call 2025"}};
    return application;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(catalogue)

BOOST_AUTO_TEST_CASE(money_is_formatted_for_the_language) {
    const model::Finding b005 = example_report().findings.front();
    BOOST_TEST(report::message_text(b005, Language::sv) ==
               "finansieringen (1\xC2\xA0"
               "950\xC2\xA0"
               "000\xC2\xA0kr) täcker inte kostnaderna (2\xC2\xA0"
               "010\xC2\xA0"
               "000\xC2\xA0kr): 60\xC2\xA0"
               "000\xC2\xA0kr saknas");
    BOOST_TEST(report::message_text(b005, Language::en) ==
               "the financing (SEK 1,950,000) does not cover the costs (SEK 2,010,000): SEK 60,000 is missing");
    BOOST_TEST(report::format_argument(model::MessageArg::of_percent_hundredths(4650), Language::sv) ==
               "46,5\xC2\xA0%");
    BOOST_TEST(report::format_argument(model::MessageArg::of_percent_hundredths(6000), Language::en) == "60 %");
}

// model::rule_definitions() is the one list of rules: every rule id the
// checks and the loader report has a definition, every definition is
// reported by one of them (found by reading the sources, as below), and the
// catalogue describes exactly those rules.
BOOST_AUTO_TEST_CASE(the_rules_defined_are_the_rules_reported_and_described) {
    std::set<std::string> defined;
    for (const model::RuleDefinition& rule : model::rule_definitions()) {
        BOOST_TEST(defined.insert(std::string(rule.id)).second, rule.id << " is defined twice");
        BOOST_TEST(rule.family == rule.id.substr(0, 1), rule.id);
    }
    const std::regex rule_id("\"([XMSGABDF][0-9]{3})\"");
    std::set<std::string> reported;
    for (const char* folder : {"src/rules", "src/load"})
        for (const auto& entry : std::filesystem::directory_iterator(source_path(folder))) {
            const std::string text = read_file(entry.path().string());
            for (auto it = std::sregex_iterator(text.begin(), text.end(), rule_id); it != std::sregex_iterator(); ++it)
                reported.insert((*it)[1]);
        }
    for (const std::string& id : reported) BOOST_TEST(defined.count(id) == 1u, id << " is reported but not defined");
    for (const std::string& id : defined) BOOST_TEST(reported.count(id) == 1u, id << " is defined but never reported");
    const std::vector<std::string> ids = report::described_rule_ids();
    const std::set<std::string> described(ids.begin(), ids.end());
    for (const std::string& id : described) BOOST_TEST(defined.count(id) == 1u, id << " is described but not defined");
    for (const std::string& id : defined) BOOST_TEST(described.count(id) == 1u, id << " is defined but not described");
}

BOOST_AUTO_TEST_CASE(every_rule_has_a_meaning_in_both_languages) {
    for (const model::RuleDefinition& rule : model::rule_definitions()) {
        const std::string sv = report::rule_meaning(rule.id, Language::sv);
        const std::string en = report::rule_meaning(rule.id, Language::en);
        BOOST_TEST(sv != std::string(rule.id), rule.id);
        BOOST_TEST(en != std::string(rule.id), rule.id);
        BOOST_TEST(sv != en, rule.id);
    }
}

// Every message id the rules and the loader can emit has a Swedish and an
// English text (found by reading the sources, so a new message cannot be forgotten).
BOOST_AUTO_TEST_CASE(every_message_id_in_the_sources_has_both_texts) {
    const std::regex message_id("\"([XMSGABDF][0-9]{3}\\.[a-z_]+)\"");
    std::set<std::string> ids;
    for (const char* folder : {"src/rules", "src/load"})
        for (const auto& entry : std::filesystem::directory_iterator(source_path(folder))) {
            const std::string text = read_file(entry.path().string());
            for (auto it = std::sregex_iterator(text.begin(), text.end(), message_id); it != std::sregex_iterator();
                 ++it)
                ids.insert((*it)[1]);
        }
    BOOST_TEST(ids.size() > 80u);
    for (const std::string& id : ids) {
        model::Finding probe;
        probe.message_id = id;
        BOOST_TEST(report::message_text(probe, Language::sv) != id, id);
        BOOST_TEST(report::message_text(probe, Language::en) != id, id);
    }
}

// A report names a finding's section by the plan's element name; the JSON
// Schema must allow every one of them (riskAnalysis was missing once, so a
// valid ESF+ report failed validation).
BOOST_AUTO_TEST_CASE(messages_of_the_added_rules_in_both_languages) {
    model::Finding b013;
    b013.message_id = "B013.not_simplified";
    b013.arg("total", model::MessageArg::of_money(200'000'000))
        .arg("threshold", model::MessageArg::of_money(229'400'000))
        .arg("threshold_eur", model::MessageArg::of_number(200'000))
        .arg("rate", model::MessageArg::of_text("11.47"))
        .arg("call", model::MessageArg::of_text("livslangt-larande-ovre-norrland-2023"));
    const std::string sv = report::message_text(b013, Language::sv);
    BOOST_TEST(sv.find("kursen 11,47 kr per euro") != std::string::npos, sv);
    BOOST_TEST(sv.find("2\xC2\xA0"
                       "294\xC2\xA0"
                       "000\xC2\xA0kr") != std::string::npos,
               sv);
    const std::string en = report::message_text(b013, Language::en);
    BOOST_TEST(en.find("SEK 11.47 per euro") != std::string::npos, en);

    // The applicant's missing parts in words, with the element to write.
    model::Finding m010;
    m010.message_id = "M010.incomplete";
    m010.arg("missing", model::MessageArg::of_text("kind, signatory, financeContact"));
    BOOST_TEST(
        report::message_text(m010, Language::sv) ==
        "sökandens uppgifter är ofullständiga: slag av organisation (kind), behörig firmatecknare (signatory) och "
        "ekonomikontakt (financeContact) saknas i <applicant>");
    BOOST_TEST(report::message_text(m010, Language::en) ==
               "the applicant's details are incomplete: <applicant> lacks kind of organisation (kind), authorised "
               "signatory (signatory) and "
               "finance contact (financeContact)");
}

BOOST_AUTO_TEST_CASE(the_json_schema_allows_every_section_of_the_plan) {
    const std::string schema = read_file(source_path("schemas/report.schema.json"));
    const std::size_t key = schema.find("\"sectionKey\"");
    BOOST_TEST_REQUIRE(key != std::string::npos);
    const std::size_t from = schema.find("\"enum\"", key);
    const std::string values = schema.substr(from, schema.find(']', from) - from);
    for (const std::string& section : model::plan_sections())
        BOOST_TEST(values.find("\"" + section + "\"") != std::string::npos, section);
}

BOOST_AUTO_TEST_CASE(every_rule_says_how_to_fix_it_in_both_languages) {
    for (const model::RuleDefinition& rule : model::rule_definitions()) {
        const std::string sv = report::rule_fix(rule.id, Language::sv);
        const std::string en = report::rule_fix(rule.id, Language::en);
        BOOST_TEST(!sv.empty(), rule.id);
        BOOST_TEST(!en.empty(), rule.id);
        BOOST_TEST(sv != en, rule.id);
    }
    BOOST_TEST(report::rule_fix("Z999", Language::en).empty());
}

BOOST_AUTO_TEST_CASE(section_names_in_both_languages) {
    for (const std::string& section : model::plan_sections()) {
        BOOST_TEST(report::section_name(section, Language::sv) != section, section);
        BOOST_TEST(report::section_name(section, Language::en) != section, section);
    }
    BOOST_TEST(report::section_name("genderEquality", Language::sv) == "Jämställdhetsintegrering");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(completeness)

BOOST_AUTO_TEST_CASE(section_status_follows_the_worst_finding) {
    const report::ApplicationReport application = example_report();
    const std::vector<report::SectionSummary> sections = report::section_summary(application, false);
    BOOST_TEST_REQUIRE(sections.size() == 5u);
    BOOST_TEST(sections[0].section == "project");
    BOOST_TEST(report::to_string(sections[0].status) == "needs-attention");
    BOOST_TEST(report::to_string(sections[1].status) == "complete");
    BOOST_TEST(report::to_string(sections[3].status) == "needs-attention");  // a hint only
    BOOST_TEST(sections[4].section == "budget");
    BOOST_TEST(report::to_string(sections[4].status) == "incomplete");
    // Strict: a warning makes its section incomplete too.
    BOOST_TEST(report::to_string(report::section_summary(application, true)[0].status) == "incomplete");
}

BOOST_AUTO_TEST_CASE(findings_in_unlisted_sections_still_appear_in_order) {
    report::ApplicationReport application;
    application.file = "broken.xml";
    application.findings.push_back(finding("F001", model::Severity::warning, "findings", "F001.unused", 3));
    application.findings.push_back(finding("X002", model::Severity::error, "file", "X002.invalid", 1));
    const std::vector<report::SectionSummary> sections = report::section_summary(application, false);
    BOOST_TEST_REQUIRE(sections.size() == 2u);
    BOOST_TEST(sections[0].section == "file");
    BOOST_TEST(sections[1].section == "findings");
}

BOOST_AUTO_TEST_CASE(an_esf_plus_report_calls_the_findings_the_pre_studys_in_its_words) {
    // ESF+ says "förstudie": its report named the section "Förprojekteringens resultat".
    report::ApplicationReport application;
    application.file = "plan.xml";
    application.programme = "esf-plus-2021-2027";
    application.findings.push_back(finding("F001", model::Severity::warning, "findings", "F001.unused", 3));
    report::ReportOptions options;
    options.date = "2024-01-01";
    for (const std::string& text :
         {report::render_text({application}, options), report::render_html({application}, options),
          report::render_json({application}, options)}) {
        BOOST_TEST(text.find("Förstudiens resultat") != std::string::npos);
        BOOST_TEST(text.find("Förprojekteringens resultat") == std::string::npos);
    }
    application.programme = "esf-2007-2013";
    BOOST_TEST(report::render_text({application}, options).find("Förprojekteringens resultat") != std::string::npos);
    options.language = report::Language::en;
    application.programme = "esf-plus-2021-2027";
    BOOST_TEST(report::render_text({application}, options).find("Pre-study findings") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(verdict_is_ready_exactly_without_errors) {
    report::ApplicationReport application = example_report();
    BOOST_TEST(!report::ready_to_submit(application.findings, false));
    application.findings.erase(application.findings.begin());
    BOOST_TEST(report::ready_to_submit(application.findings, false));
    BOOST_TEST(!report::ready_to_submit(application.findings, true));
}

BOOST_AUTO_TEST_CASE(text_lines_then_sections_then_verdict) {
    report::ReportOptions options;
    options.date = "2009-09-01";
    const std::string text = report::render_text({example_report()}, options);
    const std::size_t first_line = text.find("plan.xml:21:5: warning: projektet startar 2009-10-01");
    const std::size_t b005 = text.find(
        "plan.xml:142:5: error: finansieringen (1\xC2\xA0"
        "950\xC2\xA0"
        "000\xC2\xA0kr)");
    const std::size_t sections = text.find("plan.xml: Avsnitt\n");
    const std::size_t verdict = text.find("plan.xml: 1 fel, 1 varning, 1 tips \xE2\x80\x94 inte klar att lämna in\n");
    BOOST_TEST(first_line != std::string::npos, text);
    BOOST_TEST(b005 != std::string::npos, text);
    BOOST_TEST(first_line < b005);
    BOOST_TEST(b005 < sections);
    BOOST_TEST(sections < verdict);
    BOOST_TEST(verdict != std::string::npos, text);
    BOOST_TEST(text.find("  Budget            ofullständigt (1 fel)\n") != std::string::npos, text);
    BOOST_TEST(text.find("  Sammanfattning    komplett\n") != std::string::npos, text);

    options.language = Language::en;
    const std::string english = report::render_text({example_report()}, options);
    BOOST_TEST(
        english.find("plan.xml: 1 error, 1 warning, 1 hint \xE2\x80\x94 not ready to submit") != std::string::npos,
        english);
    BOOST_TEST(english.find("  Accessibility  needs attention (1 hint)") != std::string::npos, english);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(formats)

BOOST_AUTO_TEST_CASE(control_characters_and_invalid_utf8_are_shown_escaped) {
    BOOST_TEST(report::printable("a\x1b[2Jb") == "a\\x1b[2Jb");
    BOOST_TEST(report::printable("tab\tcr\rlf\ndel\x7f") == "tab\\x09cr\\x0dlf\\x0adel\\x7f");
    BOOST_TEST(report::printable("csi \xC2\x9B"
                                 "31m nel \xC2\x85") == "csi \\xc2\\x9b31m nel \\xc2\\x85");
    BOOST_TEST(report::printable("bad \xff\xC3 end") == "bad \\xff\\xc3 end");
    BOOST_TEST(report::printable("overlong \xC0\xAF surrogate \xED\xA0\x80") ==
               "overlong \\xc0\\xaf surrogate \\xed\\xa0\\x80");
    BOOST_TEST(report::printable("Västerbotten \xC2\xA0 \xE2\x80\x94 \xF0\x9F\x98\x80 \\") ==
               "Västerbotten \xC2\xA0 \xE2\x80\x94 \xF0\x9F\x98\x80 \\");
    BOOST_TEST(report::printable("line\n  next\x1b", true) == "line\n  next\\x1b");
}

BOOST_AUTO_TEST_CASE(json_is_valid_utf8_whatever_bytes_a_file_name_holds) {
    report::ApplicationReport application;
    application.file = "plan-\xff\xC3-\x1b[2J\"\\.xml";
    application.findings.push_back(finding("M001", model::Severity::error, "project", "M001.unknown_area", 3)
                                       .arg("area", model::MessageArg::of_text("x\x01\xC0\xAF"))
                                       .arg("programme", model::MessageArg::of_text("esf"))
                                       .arg("areas", model::MessageArg::of_text("1")));
    application.findings.back().where.file = application.file;
    const std::string json = report::render_json({application}, report::ReportOptions{});
    // Python reads the file as strict UTF-8: a raw 0xFF would stop it.
    const std::string line = one_line(json);
    BOOST_TEST(line.find("\"file\": \"plan-\xEF\xBF\xBD\xEF\xBF\xBD-\\u001b[2J\\\"\\\\.xml\"") != std::string::npos,
               line);
    BOOST_TEST(json.find("\\u001B[2J") != std::string::npos, json);
    BOOST_TEST(line.find("\"value\": \"x\\u0001\xEF\xBF\xBD\xEF\xBF\xBD\"") != std::string::npos, line);
    BOOST_TEST(json.find("\"findings\": [\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_writes_an_empty_list_on_one_line) {
    report::ApplicationReport application;
    application.file = "clean.xml";
    const std::string json = report::render_json({application}, report::ReportOptions{});
    BOOST_TEST(json.find("\"findings\": []") != std::string::npos, json);
    BOOST_TEST(json.find("\"args\"") == std::string::npos);
    BOOST_TEST(report::render_json({}, report::ReportOptions{}).find("\"applications\": []") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_finding_quoting_an_escape_sequence_does_not_send_it_to_the_terminal) {
    report::ApplicationReport application;
    application.file = "plan\x1b]0;title\x07.xml";
    application.findings.push_back(finding("M001", model::Severity::error, "project", "M001.unknown_area", 3)
                                       .arg("area", model::MessageArg::of_text("x\x1b[2J\xC2\x9B"
                                                                               "31m"))
                                       .arg("programme", model::MessageArg::of_text("esf"))
                                       .arg("areas", model::MessageArg::of_text("1")));
    application.findings.back().where.file = application.file;
    const std::string text = report::render_text({application, application}, report::ReportOptions{});
    BOOST_TEST(text.find('\x1b') == std::string::npos, text);
    BOOST_TEST(text.find('\x07') == std::string::npos, text);
    BOOST_TEST(text.find("\xC2\x9B") == std::string::npos, text);
    BOOST_TEST(text.find("plan\\x1b]0;title\\x07.xml:3:5: error: programområdet \"x\\x1b[2J\\xc2\\x9b31m\"") !=
                   std::string::npos,
               text);
    BOOST_TEST(text.find("plan\\x1b]0;title\\x07.xml: Avsnitt") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(the_samples_in_text) {
    for (const std::string& plan : {sample, prestudy}) {
        const RunResult result = run_esfdraft({"check", "--date", "2008-12-01", plan});
        BOOST_TEST(result.exit_code == 0, plan << "\n" << result.out << result.err);
        BOOST_TEST(result.out.find(": error:") == std::string::npos, result.out);
        BOOST_TEST(result.out.find("klar att lämna in") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(several_applications_end_with_one_line_each) {
    ScratchFolder folder;
    const std::string broken = folder.write("framsyn/broken.xml", defective_sample());
    folder.write("framsyn/findings.xml", read_file(source_path("samples/framsyn/findings.xml")));
    const RunResult result = run_esfdraft({"check", "--date", "2008-12-01", "--lang", "en", sample, broken, prestudy});
    BOOST_TEST(result.exit_code == 1, result.out << result.err);
    const std::size_t summary = result.out.find("\nSummary\n");
    BOOST_TEST_REQUIRE(summary != std::string::npos, result.out);
    const std::string table = result.out.substr(summary, result.out.find("\n\n", summary + 1) - summary);
    BOOST_TEST(std::count(table.begin(), table.end(), '\n') == 4, table);  // blank, heading, three applications
    BOOST_TEST(result.out.ends_with("\n\nChecked on 2008-12-01 with esfdraft " +
                                    std::string(report::esfdraft_version()) + "\n"),
               result.out);
    BOOST_TEST(table.find(broken) != std::string::npos);
    BOOST_TEST(table.find("1 error (B005), 1 warning (S003), 0 hints  not ready to submit") != std::string::npos,
               table);
    BOOST_TEST(table.find("0 errors, 0 warnings, 0 hints  ready to submit") != std::string::npos, table);
}

BOOST_AUTO_TEST_CASE(strict_counts_warnings) {
    const RunResult result = run_esfdraft({"check", "--strict", "--date", "2008-12-01", prestudy});
    BOOST_TEST(result.exit_code == 1, result.out);
    BOOST_TEST(result.out.find("inte klar att lämna in") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(
    json_validates_against_the_schema,
    *esfdraft::testing::needs("/usr/bin/python3 -c 'import jsonschema' || python3 -c 'import jsonschema'",
                              "python3 with jsonschema", "Debian: apt-get install python3-jsonschema")) {
    const std::string python = python_with("jsonschema");
    BOOST_TEST_REQUIRE(!python.empty(), "python3 with jsonschema is needed (Debian: python3-jsonschema)");
    ScratchFolder folder;
    const std::string broken = folder.write("framsyn/broken.xml", defective_sample());
    folder.write("framsyn/findings.xml", read_file(source_path("samples/framsyn/findings.xml")));
    const std::string not_xml = folder.write("not-xml.xml", "<application xmlns=\"urn:esfdraft:plan:1\">");
    const std::vector<std::vector<std::string>> runs = {
        {"check", "--format", "json", "--date", "2008-12-01", sample},
        {"check", "--format", "json", "--lang", "en", "--strict", "--date", "2010-01-01", sample, prestudy, broken,
         not_xml},
        {"check", "--format", "json", source_path("tests/rules/fixtures/clean-plan-esf-plus.xml")},
    };
    int index = 0;
    for (const auto& arguments : runs) {
        const RunResult result = run_esfdraft(arguments);
        BOOST_TEST(result.err.empty(), result.err);
        const std::string report = folder.write("report-" + std::to_string(++index) + ".json", result.out);
        const std::string check = python +
                                  " -c 'import json, sys, jsonschema\n"
                                  "schema = json.load(open(sys.argv[1]))\n"
                                  "jsonschema.Draft202012Validator.check_schema(schema)\n"
                                  "jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2])))' " +
                                  source_path("schemas/report.schema.json") + " " + report;
        BOOST_TEST(run_shell(check) == 0, "the report does not match schemas/report.schema.json:\n" << result.out);
    }
    const std::string many = one_line(run_esfdraft(runs[1]).out);
    BOOST_TEST(many.find("\"readyToSubmit\": false") != std::string::npos);
    BOOST_TEST(many.find("\"rule\": \"B005\"") != std::string::npos);
    BOOST_TEST(many.find("\"status\": \"incomplete\"") != std::string::npos);
    BOOST_TEST(many.find("\"difference\": {\"kind\": \"money\", \"value\": 6000000}") != std::string::npos, many);
    BOOST_TEST(many.find("\"toolVersion\": ") != std::string::npos);
    BOOST_TEST(many.find("\"keyFigures\": {\"totalCosts\": 201000000") != std::string::npos, many);
    BOOST_TEST(many.find("\"pack\": {\"id\": \"esf-2007-2013\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(html_is_valid_accessible_and_standalone) {
    ScratchFolder folder;
    const std::string broken = folder.write("framsyn/broken.xml", defective_sample());
    folder.write("framsyn/findings.xml", read_file(source_path("samples/framsyn/findings.xml")));
    for (const std::string lang : {"sv", "en"}) {
        const std::string page_path = folder.path("report-" + lang + ".html");
        const RunResult result = run_esfdraft(
            {"check", "--format", "html", "--lang", lang, "--date", "2008-12-01", "-o", page_path, sample, broken});
        BOOST_TEST(result.exit_code == 1, result.err);
        const std::string page = read_file(page_path);
        BOOST_TEST(page.rfind("<!DOCTYPE html>\n<html lang=\"" + lang + "\">", 0) == 0u);
        BOOST_TEST(page.find("<script") == std::string::npos);
        BOOST_TEST(page.find("<link") == std::string::npos);  // standalone: no outside style sheet
        BOOST_TEST(page.find("@media print") != std::string::npos);
        BOOST_TEST(page.find("<th scope=\"col\">") != std::string::npos);
        BOOST_TEST(page.find("<th scope=\"row\">") != std::string::npos);
        BOOST_TEST(page.find("<h1>") != std::string::npos);
        BOOST_TEST(page.find(lang == "sv" ? "60\xC2\xA0"
                                            "000\xC2\xA0kr saknas"
                                          : "SEK\xC2\xA0"
                                            "60,000 is missing") != std::string::npos);

        // Structure, with Python's own HTML parser: every element closed, headings in order, every table with header
        // cells.
        const std::string python = python_with("html.parser");
        BOOST_TEST_REQUIRE(!python.empty());
        const std::string checker = source_path("tests/report/check_html.py");
        BOOST_TEST(run_shell(python + " " + checker + " " + page_path) == 0, "check_html.py failed for " << page_path);
    }
}

// A real validator: HTML Tidy (exit 0 clean, 1 warnings, 2 errors). Skipped, with the reason, without tidy.
BOOST_AUTO_TEST_CASE(html_passes_tidy, *esfdraft::testing::needs_tool("tidy", "Debian: apt-get install tidy")) {
    ScratchFolder folder;
    const std::string broken = folder.write("framsyn/broken.xml", defective_sample());
    folder.write("framsyn/findings.xml", read_file(source_path("samples/framsyn/findings.xml")));
    for (const std::string lang : {"sv", "en"}) {
        const std::string page_path = folder.path("report-" + lang + ".html");
        const RunResult result = run_esfdraft(
            {"check", "--format", "html", "--lang", lang, "--date", "2008-12-01", "-o", page_path, sample, broken});
        BOOST_TEST(result.exit_code == 1, result.err);
        const std::string log = folder.path("tidy-" + lang + ".txt");
        const int tidy = run_shell("tidy -q -e --show-warnings yes -utf8 " + page_path + " >" + log + " 2>&1");
        BOOST_TEST(tidy == 0, "tidy:\n" << read_file(log));
    }
}

BOOST_AUTO_TEST_CASE(output_is_deterministic) {
    const std::vector<std::string> arguments = {"check", "--format", "html", "--date", "2008-12-01", sample, prestudy};
    BOOST_TEST(run_esfdraft(arguments).out == run_esfdraft(arguments).out);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(key_figures)

BOOST_AUTO_TEST_CASE(shares_show_the_decimals_their_limit_needs) {
    const auto shown = [](model::Money part, model::Money whole, std::optional<report::ShareLimit> limit,
                          Language language) {
        return report::share_text(report::KeyShare{part, whole, 0, std::move(limit)}, language);
    };
    const report::ShareLimit at_most_46{4600, true, "x", true};
    BOOST_TEST(shown(4599, 10000, at_most_46, Language::sv) == "45,99\xC2\xA0%");
    BOOST_TEST(shown(45996, 100000, at_most_46, Language::sv) == "45,996\xC2\xA0%");  // not "46 %" under "högst 46 %"
    BOOST_TEST(shown(460001, 1000000, at_most_46, Language::en) == "46.0001 %");
    BOOST_TEST(shown(4600, 10000, at_most_46, Language::sv) == "46\xC2\xA0%");  // exactly on it
    BOOST_TEST(shown(4730, 10000, at_most_46, Language::en) == "47.3 %");
    // Without a limit, the share as it is rounded (KeyShare::hundredths).
    BOOST_TEST(report::share_text(report::KeyShare{45996, 100000, 4600, std::nullopt}, Language::sv) == "46\xC2\xA0%");
    BOOST_TEST(report::limit_text(at_most_46, Language::sv) == "högst 46\xC2\xA0%");
    BOOST_TEST(report::limit_text(report::ShareLimit{4000, false, "x", true}, Language::en) == "at least 40 %");
}

BOOST_AUTO_TEST_CASE(text_has_the_figures_after_the_sections_and_before_the_verdict) {
    report::ReportOptions options;
    options.date = "2009-09-01";
    const std::string text = report::render_text({with_figures()}, options);
    const std::size_t sections = text.find("plan.xml: Avsnitt\n");
    const std::size_t figures = text.find("plan.xml: Nyckeltal\n");
    const std::size_t verdict = text.find("plan.xml: 1 fel, 1 varning, 1 tips");
    BOOST_TEST((sections < figures && figures < verdict && verdict != std::string::npos), text);
    for (const char* expected :
         {"  Total kostnad             110\xC2\xA0"
          "000\xC2\xA0kr\n",
          "  Intäkter                  10\xC2\xA0"
          "000\xC2\xA0kr\n",
          "  Stödberättigande kostnad  100\xC2\xA0"
          "000\xC2\xA0kr\n",
          "  ESF-stöd                  45\xC2\xA0"
          "996\xC2\xA0kr = 45,996\xC2\xA0% av stödberättigande kostnad (högst 46\xC2\xA0%, call-2025): inom gränsen\n",
          "  Medfinansiering           54\xC2\xA0"
          "004\xC2\xA0kr = 54\xC2\xA0% av stödberättigande kostnad (minst 55\xC2\xA0%, esf-test): under gränsen\n",
          "  Indirekta kostnader       15\xC2\xA0"
          "004\xC2\xA0kr = 15,004\xC2\xA0% av personalkostnaderna (högst 15\xC2\xA0%, esf-test): över gränsen\n",
          "  Regelpaket: esf-test (Testprogrammet)\n  Utlysning: call-2025 (Utlysning 2025)\n",
          "\nKontrollerad 2009-09-01 med esfdraft "})
        BOOST_TEST(text.find(expected) != std::string::npos, expected << "\n" << text);
    BOOST_TEST(text.find("esfdraft " + std::string(report::esfdraft_version())) != std::string::npos);
    // The finding lines are as they were: file:line:col: severity: message [ID].
    BOOST_TEST(text.rfind("plan.xml:21:5: warning: projektet startar 2009-10-01", 0) == 0u, text);

    options.language = Language::en;
    const std::string english = report::render_text({with_figures()}, options);
    for (const char* expected :
         {"plan.xml: Key figures\n",
          "SEK 45,996 = 45.996 % of the eligible cost (at most 46 %, call-2025): within the limit\n",
          "  Co-financing    SEK 54,004 = 54 % of the eligible cost (at least 55 %, esf-test): below the limit\n",
          "(at most 15 %, esf-test): above the limit\n",
          "  Rule pack: esf-test (The test programme)\n  Call: call-2025 (Call 2025)\n",
          "\nChecked on 2009-09-01 with esfdraft "})
        BOOST_TEST(english.find(expected) != std::string::npos, expected << "\n" << english);
    // No income: neither income nor eligible cost, the total says it.
    report::ApplicationReport no_income = with_figures();
    no_income.key_figures->income = 0;
    const std::string plain = report::render_text({no_income}, options);
    BOOST_TEST(plain.find("Income") == std::string::npos, plain);
    BOOST_TEST(plain.find("Eligible cost") == std::string::npos, plain);
}

BOOST_AUTO_TEST_CASE(without_figures_or_version_nothing_is_shown) {
    report::ReportOptions options;
    options.tool_version.clear();
    report::ApplicationReport application = example_report();
    const std::string text = report::render_text({application}, options);
    BOOST_TEST(text.find("Nyckeltal") == std::string::npos);
    BOOST_TEST(text.find("esfdraft") == std::string::npos, text);
    BOOST_TEST(report::render_json({application}, options).find("toolVersion") == std::string::npos);
    // A plan without a budget still names its pack, on a line of its own.
    application.pack = report::AppliedTerms{"esf-test", {"Testprogrammet", "The test programme"}};
    const std::string with_pack = report::render_text({application}, options);
    BOOST_TEST(with_pack.find("plan.xml: Regelpaket: esf-test (Testprogrammet)\n") != std::string::npos, with_pack);
    BOOST_TEST(with_pack.find("Nyckeltal") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(html_has_a_table_with_a_caption_and_words_for_the_status) {
    for (const Language language : {Language::sv, Language::en}) {
        report::ReportOptions options;
        options.language = language;
        options.date = "2009-09-01";
        const std::string page = report::render_html({with_figures()}, options);
        const bool sv = language == Language::sv;
        BOOST_TEST(page.find(sv ? "<h3>Nyckeltal</h3>\n<table class=\"figures\">\n<caption>Budgetens nyckeltal"
                                : "<h3>Key figures</h3>\n<table class=\"figures\">\n<caption>The budget") !=
                   std::string::npos);
        BOOST_TEST(page.find(sv ? "<th scope=\"row\">ESF-stöd</th>" : "<th scope=\"row\">ESF support</th>") !=
                   std::string::npos);
        BOOST_TEST(page.find(sv ? "<th scope=\"col\">Gräns</th>" : "<th scope=\"col\">Limit</th>") !=
                   std::string::npos);
        // The status in words and a mark, not by colour alone.
        BOOST_TEST(page.find(sv ? "\xE2\x9C\x97 under gränsen</span>" : "\xE2\x9C\x97 below the limit</span>") !=
                   std::string::npos);
        BOOST_TEST(page.find(sv ? "\xE2\x9C\x93 inom gränsen</span>" : "\xE2\x9C\x93 within the limit</span>") !=
                   std::string::npos);
        BOOST_TEST(page.find(sv ? "45,996\xC2\xA0%" : "45.996 %") != std::string::npos);
        BOOST_TEST(page.find(sv ? ">110\xC2\xA0"
                                  "000\xC2\xA0kr<"
                                : ">SEK\xC2\xA0"
                                  "110,000<") != std::string::npos);  // amounts do not break
        BOOST_TEST(page.find(sv ? "<p class=\"meta\">Utlysning: call-2025 (Utlysning 2025)</p>"
                                : "<p class=\"meta\">Call: call-2025 (Call 2025)</p>") != std::string::npos);
        BOOST_TEST(page.find(". esfdraft " + std::string(report::esfdraft_version())) != std::string::npos);
        // Figures come between the sections and the findings.
        BOOST_TEST(page.find("class=\"figures\"") < page.find(sv ? "<h3>Anmärkningar</h3>" : "<h3>Findings</h3>"));
    }
    // Structure checked with check_html.py (every table with header cells, headings in order).
    ScratchFolder folder;
    const std::string page_path =
        folder.write("figures.html", report::render_html({with_figures()}, report::ReportOptions{}));
    const std::string python = python_with("html.parser");
    BOOST_TEST_REQUIRE(!python.empty());
    BOOST_TEST(run_shell(python + " " + source_path("tests/report/check_html.py") + " " + page_path) == 0);
}

BOOST_AUTO_TEST_CASE(
    json_has_the_figures_in_ore_and_shares_as_decimals,
    *esfdraft::testing::needs("/usr/bin/python3 -c 'import jsonschema' || python3 -c 'import jsonschema'",
                              "python3 with jsonschema", "Debian: apt-get install python3-jsonschema")) {
    report::ReportOptions options;
    options.date = "2009-09-01";
    report::ApplicationReport unknown_call = example_report();
    unknown_call.call = report::AppliedTerms{"no-such-call", {}};
    const std::string json = report::render_json({with_figures(), unknown_call}, options);
    const std::string line = one_line(json);
    for (const std::string& expected :
         {"\"toolVersion\": \"" + std::string(report::esfdraft_version()) + "\"",
          std::string("\"pack\": {\"id\": \"esf-test\", \"name\": \"Testprogrammet\"}"),
          std::string("\"call\": {\"id\": \"call-2025\", \"name\": \"Utlysning 2025\"}"),
          std::string("\"call\": {\"id\": \"no-such-call\", \"name\": \"\"}"),
          std::string("\"keyFigures\": {\"totalCosts\": 11000000, \"income\": 1000000, \"eligibleCosts\": 10000000"),
          std::string("\"esf\": {\"amount\": 4599600, \"of\": 10000000, \"share\": 0.46, \"limit\": {\"type\": "
                      "\"maximum\", \"share\": 0.46, \"setBy\": \"call-2025\", \"within\": true}}"),
          std::string("\"cofinancing\": {\"amount\": 5400400, \"of\": 10000000, \"share\": 0.54, \"limit\": {\"type\": "
                      "\"minimum\", \"share\": 0.55, \"setBy\": \"esf-test\", \"within\": false}}"),
          std::string("\"indirectCosts\": {\"amount\": 1500400, \"of\": 10000000, \"share\": 0.15, \"limit\": "
                      "{\"type\": \"maximum\", \"share\": 0.15")})
        BOOST_TEST(line.find(expected) != std::string::npos, expected << "\n" << line);
    const std::string python = python_with("jsonschema");
    ScratchFolder folder;
    const std::string report = folder.write("figures.json", json);
    const std::string check = python +
                              " -c 'import json, sys, jsonschema\n"
                              "schema = json.load(open(sys.argv[1]))\n"
                              "jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2])))' " +
                              source_path("schemas/report.schema.json") + " " + report;
    BOOST_TEST(run_shell(check) == 0, json);
    // The schema refuses what it does not list (additionalProperties is false): a misspelt property fails.
    const std::string misspelt =
        folder.write("misspelt.json", std::string(json).replace(json.find("\"keyFigures\""), 12, "\"keyFigure\""));
    BOOST_TEST(
        run_shell(
            python +
            " -c 'import json, sys, jsonschema\n"
            "jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))' " +
            source_path("schemas/report.schema.json") + " " + misspelt + " 2>/dev/null") != 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rules_command)

BOOST_AUTO_TEST_CASE(lists_every_rule_and_the_packs) {
    const RunResult result = run_esfdraft({"rules", "--lang", "en"});
    BOOST_TEST(result.exit_code == 0, result.err);
    for (const model::RuleDefinition& rule : model::rule_definitions())
        BOOST_TEST(result.out.find("  " + std::string(rule.id) + "  ") != std::string::npos, rule.id);
    BOOST_TEST(result.out.find("  G005  warning or error: a persons indicator") != std::string::npos, result.out);
    BOOST_TEST(result.out.find("esf-2007-2013, esf-plus-2021-2027") != std::string::npos, result.out);
}

BOOST_AUTO_TEST_CASE(a_pack_with_its_parameters_and_sources) {
    const RunResult result = run_esfdraft({"rules", "--pack", "esf-plus-2021-2027", "--lang", "en"});
    BOOST_TEST(result.exit_code == 0, result.err);
    for (const char* expected :
         {"indirect costs, at most (share of staff costs): 15 %", "Reg. (EU) 2021/1060 art. 54",
          "eligibility window: 2021-01-01 \xE2\x80\x93 2029-12-31", "ESF ceiling: SEK 400,000",
          "livslangt-larande-ovre-norrland-2023", "minimum co-financing: 46 %", "nonDiscrimination",
          "D: More capacity in the sparsely populated regions (only SE32, SE33)"})
        BOOST_TEST(result.out.find(expected) != std::string::npos, expected << "\n" << result.out);
    const RunResult swedish = run_esfdraft({"rules", "--pack", "esf-2007-2013"});
    BOOST_TEST(swedish.out.find("högsta ESF-andel: 100\xC2\xA0%") != std::string::npos, swedish.out);
    BOOST_TEST(swedish.out.find("Källa: [S]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_pack_exits_2_and_help) {
    RunResult result = run_esfdraft({"rules", "--pack", "esf-1994"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(result.err.find("det finns inget regelpaket 'esf-1994'") != std::string::npos, result.err);
    result = run_esfdraft({"rules", "--help"});
    BOOST_TEST(result.exit_code == 0);
    BOOST_TEST(result.out.find("--pack") != std::string::npos);
    BOOST_TEST(result.out.find("Examples:") != std::string::npos);
}

// With a call, each phase's limit is the call's where it sets one, else the
// pack's default, and the line says which (the shipped calls set every limit
// their phases have, so this is built by hand).
BOOST_AUTO_TEST_CASE(a_call_that_leaves_a_limit_to_the_pack_shows_the_pack_default) {
    model::RulePack pack;
    pack.name = "esf-test";
    model::PhaseRules implementation;
    implementation.code = "implementation";
    implementation.name = {"Genomförande", "Implementation"};
    implementation.min_cofinancing = {4000, "pack source"};
    implementation.max_esf_share = {6000, "pack share source"};
    model::PhaseRules prestudy = implementation;
    prestudy.code = "prestudy";
    prestudy.name = {"Förprojektering", "Pre-study"};
    pack.phases = {prestudy, implementation};
    model::Call call;
    call.name = "call-2025";
    call.phases = {"implementation"};
    call.max_esf_share = model::Sourced<model::ShareHundredths>{5000, "call share source"};
    pack.calls = {call};
    const model::RuleDefinition* b007 = model::find_rule_definition("B007");
    const model::RuleDefinition* b006 = model::find_rule_definition("B006");
    BOOST_TEST_REQUIRE((b007 && b006));
    const std::string cofinancing = report::render_rule(*b007, {&pack}, &pack.calls.front(), Language::en);
    BOOST_TEST(
        cofinancing.find("  Implementation, minimum co-financing: 40 % (esf-test)\n      Source: pack source\n") !=
            std::string::npos,
        cofinancing);
    BOOST_TEST(cofinancing.find("Pre-study") == std::string::npos, cofinancing);  // the call is for implementation only
    const std::string share = report::render_rule(*b006, {&pack}, &pack.calls.front(), Language::en);
    BOOST_TEST(share.find("  Implementation, maximum ESF share: 50 % (call-2025)\n      Source: call share source\n") !=
                   std::string::npos,
               share);
    // Without the call: both phases' defaults and the call's own value.
    const std::string all = report::render_rule(*b006, {&pack}, nullptr, Language::en);
    for (const char* expected :
         {"  Pre-study (prestudy), maximum ESF share: 60 %\n", "  Implementation, maximum ESF share: 60 %\n",
          "  call call-2025, maximum ESF share: 50 %\n"})
        BOOST_TEST(all.find(expected) != std::string::npos, expected << all);
}

BOOST_AUTO_TEST_CASE(the_nearest_rule_id) {
    BOOST_TEST(report::nearest_rule_id("B07") == "B007");
    BOOST_TEST(report::nearest_rule_id("b0077") == "B007");
    BOOST_TEST(report::nearest_rule_id("F04") == "F004");
    BOOST_TEST(report::nearest_rule_id("") == "X001");      // a tie goes to the first rule
    BOOST_TEST(report::nearest_rule_id("0B07") == "B007");  // two letters swapped are one edit
}

// docs/rules.md is generated: it must be what the binary prints, so that a
// changed rule, text or pack cannot leave the reference behind.
BOOST_AUTO_TEST_CASE(docs_rules_md_is_what_the_binary_prints) {
    const RunResult result = run_esfdraft({"rules", "--format", "markdown"});
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    const std::string committed = read_file(source_path("docs/rules.md"));
    if (committed == result.out) return;
    std::size_t line = 1;
    std::size_t at = 0;
    while (at < committed.size() && at < result.out.size() && committed[at] == result.out[at])
        if (committed[at++] == '\n') ++line;
    BOOST_ERROR("docs/rules.md differs from `esfdraft rules --format markdown` from line "
                << line << " on; regenerate it from the source folder with\n"
                << "    ESFDRAFT_DATA_DIR=$PWD build/esfdraft rules --format markdown > docs/rules.md\n"
                << "and read the diff before committing");
}

BOOST_AUTO_TEST_CASE(the_reference_has_every_rule_in_both_languages_and_every_pack) {
    const RunResult result = run_esfdraft({"rules", "--format", "markdown"});
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    const std::string& text = result.out;
    for (const model::RuleDefinition& rule : model::rule_definitions()) {
        BOOST_TEST(text.find("\n#### " + std::string(rule.id) + ": ") != std::string::npos, rule.id);
        for (const Language language : {Language::sv, Language::en})
            BOOST_TEST(text.find(report::rule_meaning(rule.id, language).substr(0, 20)) != std::string::npos, rule.id);
    }
    for (const char* expected :
         {"| esf-plus-2021-2027 | every application | indirect costs, at most (share of staff costs) | 15 % | [S] Reg. "
          "(EU) 2021/1060 art. 54(b)",
          "| esf-2007-2013 | call ovre-norrland-2009 | minimum co-financing | 40 % |",
          "| esf-2007-2013 | call transnationellt-2011 | transnational share, at least | 15 % |",
          "| incomplete | ofullständigt | at least one error |", "| 2 | esfdraft could not do its job",
          "`schemas/esf-plus-2021-2027/calls/glesa-geografin-2024.xml`", "&lt;preStudy title="})
        BOOST_TEST(text.find(expected) != std::string::npos, expected);
    // Nothing that depends on where esfdraft runs or points at files users do not have.
    BOOST_TEST(text.find(ESFDRAFT_SOURCE_DIR) == std::string::npos);
    BOOST_TEST(text.find("spec/") == std::string::npos);
    BOOST_TEST(text.find("../shared") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_broken_pack_is_exit_2_naming_file_and_line) {
    ScratchFolder data;
    std::filesystem::copy(source_path("schemas"), data.path("schemas"), std::filesystem::copy_options::recursive);
    std::string pack = read_file(data.path("schemas/esf-2007-2013/pack.xml"));
    pack = replaced(pack, "<eligibility start=\"2007-01-01\"", "<eligibility start=\"2007-13-01\"");
    data.write("schemas/esf-2007-2013/pack.xml", pack);
    const std::string environment = "ESFDRAFT_DATA_DIR=" + data.path();
    const RunResult result = run_esfdraft({"check", sample}, ESFDRAFT_SOURCE_DIR, {environment});
    BOOST_TEST(result.exit_code == 2, result.out << result.err);
    BOOST_TEST(result.err.find("schemas/esf-2007-2013/pack.xml:") != std::string::npos, result.err);
    BOOST_TEST(result.err.find("2007-13-01") != std::string::npos, result.err);
    BOOST_TEST(result.out.empty());
}

BOOST_AUTO_TEST_SUITE_END()
