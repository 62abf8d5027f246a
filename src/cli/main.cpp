// esfdraft: the command line. A thin layer over the pipeline: it parses
// arguments, prints, and maps outcomes to exit codes (0 ok, 1 the
// application has errors, 2 the tool could not do its job).
#include <boost/program_options.hpp>

#include <array>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/pipeline.hpp"
#include "report/report.hpp"

#include "cli/command_line.hpp"

using namespace esfdraft;

namespace esfdraft::cli {

po::variables_map parse(const std::vector<std::string>& arguments, const po::options_description& visible,
                        const char* positional_name) {
    po::options_description all;
    all.add(visible);
    all.add_options()(positional_name, po::value<std::vector<std::string>>());
    po::positional_options_description positional;
    positional.add(positional_name, -1);
    po::variables_map values;
    try {
        po::store(po::command_line_parser(arguments).options(all).positional(positional).run(), values);
        po::notify(values);
    } catch (const po::error& error) {
        throw UsageError(error.what());
    }
    return values;
}

model::Date today_from(const po::variables_map& values) {
    return pipeline::resolve_today(values.count("date") ? std::optional(values["date"].as<std::string>()) : std::nullopt);
}

std::optional<std::string> language_from(const po::variables_map& values) {
    if (!values.count("lang")) return std::nullopt;
    const std::string lang = values["lang"].as<std::string>();
    if (lang != "sv" && lang != "en") throw UsageError("--lang must be sv or en, not '" + lang + "'");
    return lang;
}

}  // namespace esfdraft::cli

namespace esfdraft::cli {
namespace {

const char* const version_text = "esfdraft " ESFDRAFT_VERSION;

const char* const main_help = R"(esfdraft — drafts and checks applications to the European Social Fund (ESF)

Usage:
  esfdraft COMMAND [OPTIONS] ...
  esfdraft COMMAND --help        help for one command

Commands:
  check     check one or more project plans against the programme's rules and
            print a completeness report
  build     write the application draft (DOCX), the budget workbook (XLSX)
            and the completeness report (HTML) into a folder
  draft     write only the application draft (DOCX)
  budget    write only the budget workbook (XLSX)
  template  export the default Word template to restyle, or check your own
  rules     list every rule, and a rule pack's parameters with their sources

Options:
  -h, --help      show this help
  --version       show the version

A plan is an XML file (urn:esfdraft:plan:1) describing the implementation
project; it may name the pre-study's findings file. See samples/framsyn/ for a
complete application and spec/plan-format.md for the format.

Examples:
  esfdraft check samples/framsyn/plan.xml
  esfdraft build samples/framsyn/plan.xml -o out
  esfdraft check --lang en --format json -o report.json samples/framsyn/plan.xml
  esfdraft template export -o my-template.docx
  esfdraft rules --pack esf-2007-2013

Exit status: 0 no errors, 1 the application has errors, 2 esfdraft could not
do its job (bad usage, an unreadable file, an unknown rule pack).
)";

const char* const check_help_intro = R"(esfdraft check — check project plans and print a completeness report

Usage:
  esfdraft check PLAN.xml [PLAN2.xml | FOLDER ...] [options]

Each plan is read, validated against the plan format and checked against the
rules of its programme (the rule pack named by programme="..."). Every problem
is listed, not just the first, as
  file:line:column: severity: message [RULE]
followed by a summary and the verdict "ready to submit" (no errors). A FOLDER
checks every plan file below it; several plans end with a one-line-each table.

)";

const char* const check_help_examples = R"(
Examples:
  esfdraft check samples/framsyn/plan.xml
  esfdraft check applications/ --strict
  esfdraft check plan.xml --findings ../prestudy/findings.xml --lang en
  esfdraft check plan.xml --format json -o report.json --date 2009-09-01
  esfdraft check plan.xml --format html -o report.html

Exit status: 0 no errors (warnings allowed unless --strict), 1 at least one
application has errors, 2 esfdraft could not do its job.
)";


po::options_description check_options() {
    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help")
        ("findings", po::value<std::string>()->value_name("FILE"),
         "the pre-study's findings file (default: the file named by the plan's preStudy/@findings, relative to the plan)")
        ("format", po::value<std::string>()->default_value("text")->value_name("FORMAT"),
         "report format: text (compiler-style lines), json (schemas/report.schema.json) or html (one standalone page)")
        ("lang", po::value<std::string>()->default_value("sv")->value_name("LANG"), "report language: sv (Swedish) or en (English)")
        ("date", po::value<std::string>()->value_name("YYYY-MM-DD"),
         "the day the check counts as 'today' (default: $SOURCE_DATE_EPOCH, else the real date)")
        ("strict", "warnings count as errors: the verdict and the exit status follow")
        ("output,o", po::value<std::string>()->value_name("FILE"), "write the report to FILE instead of standard output");
    return options;
}

}  // namespace

int run_check(const std::vector<std::string>& arguments) {
    const po::options_description options = check_options();
    const po::variables_map values = parse(arguments, options, "plans");
    if (values.count("help")) {
        std::cout << check_help_intro << options << check_help_examples;
        return exit_ok;
    }
    if (!values.count("plans")) throw UsageError("check needs at least one PLAN.xml");
    const std::string format = values["format"].as<std::string>();
    if (format != "text" && format != "json" && format != "html")
        throw UsageError("--format must be text, json or html, not '" + format + "'");
    report::ReportOptions report_options;
    if (!report::parse_language(values["lang"].as<std::string>(), report_options.language))
        throw UsageError("--lang must be sv or en, not '" + values["lang"].as<std::string>() + "'");
    report_options.strict = values.count("strict") > 0;

    pipeline::CheckRequest request;
    request.today = pipeline::resolve_today(values.count("date") ? std::optional(values["date"].as<std::string>()) : std::nullopt);
    report_options.date = request.today.iso();
    const auto plan_arguments = values["plans"].as<std::vector<std::string>>();
    request.plans = pipeline::expand_plan_arguments(plan_arguments);
    if (values.count("findings")) {
        if (request.plans.size() != 1) throw UsageError("--findings goes with exactly one plan");
        request.findings_override = values["findings"].as<std::string>();
    }

    const std::vector<report::ApplicationReport> reports = pipeline::check_plans(request);
    const std::string text = format == "json"   ? report::render_json(reports, report_options)
                             : format == "html" ? report::render_html(reports, report_options)
                                                : report::render_text(reports, report_options);
    if (values.count("output")) {
        std::vector<std::string> inputs = request.plans;
        if (request.findings_override) inputs.push_back(*request.findings_override);
        pipeline::write_file_atomically(values["output"].as<std::string>(), text, inputs);
    } else {
        std::cout << text;
    }
    for (const report::ApplicationReport& entry : reports)
        if (!report::ready_to_submit(entry.findings, report_options.strict)) return exit_findings;
    return exit_ok;
}

const char* const rules_help_intro = R"(esfdraft rules — list the rules and a rule pack's parameters

Usage:
  esfdraft rules [--pack NAME] [--lang sv|en]

Lists every rule of spec/rules.md with its id, severity and what it checks.
With --pack, also the pack's changed severities, every parameter (areas,
phases, durations, shares, ceilings, sections, cost categories, word and
length limits, the eligibility window) with the source it comes from, and the
pack's calls. Without --pack, the names of the packs there are.

)";

const char* const rules_help_examples = R"(
Examples:
  esfdraft rules
  esfdraft rules --pack esf-2007-2013
  esfdraft rules --pack esf-plus-2021-2027 --lang en

Exit status: 0 listed, 2 an unknown or broken rule pack, or bad usage.
)";

int run_rules(const std::vector<std::string>& arguments) {
    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help")
        ("pack", po::value<std::string>()->value_name("NAME"), "the rule pack to describe, e.g. esf-2007-2013")
        ("lang", po::value<std::string>()->default_value("sv")->value_name("LANG"), "language: sv (Swedish) or en (English)");
    const po::variables_map values = parse(arguments, options, "unexpected");
    if (values.count("help")) {
        std::cout << rules_help_intro << options << rules_help_examples;
        return exit_ok;
    }
    if (values.count("unexpected")) throw UsageError("rules takes no file arguments; use --pack NAME");
    report::Language language = report::Language::sv;
    if (!report::parse_language(values["lang"].as<std::string>(), language))
        throw UsageError("--lang must be sv or en, not '" + values["lang"].as<std::string>() + "'");
    const pipeline::RulesListing listing =
        pipeline::list_rules(values.count("pack") ? std::optional(values["pack"].as<std::string>()) : std::nullopt);
    std::cout << report::render_rules(listing.pack_names, listing.pack ? &*listing.pack : nullptr, language);
    return exit_ok;
}

namespace {

int dispatch(int argc, char** argv) {
    std::vector<std::string> arguments(argv + 1, argv + argc);
    if (arguments.empty() || arguments[0] == "--help" || arguments[0] == "-h" || arguments[0] == "help") {
        if (arguments.size() >= 2 && arguments[0] == "help") return dispatch(3, std::array<char*, 3>{argv[0], argv[2], const_cast<char*>("--help")}.data());
        std::cout << main_help;
        return arguments.empty() ? exit_failure : exit_ok;
    }
    if (arguments[0] == "--version") {
        std::cout << version_text << "\n";
        return exit_ok;
    }
    const std::string command = arguments[0];
    arguments.erase(arguments.begin());
    if (command == "check") return run_check(arguments);
    if (command == "rules") return run_rules(arguments);
    if (command == "build") return run_build(arguments);
    if (command == "draft") return run_draft(arguments);
    if (command == "budget") return run_budget(arguments);
    if (command == "template") return run_template(arguments);
    throw UsageError("unknown command '" + command + "'; see esfdraft --help");
}

}  // namespace
}  // namespace esfdraft::cli

// Errors quote input (file names, zip entry names, template text), so they
// are printed through report::printable: no escape sequence reaches the
// terminal. Line feeds stay: a template error lists its problems one a line.
int main(int argc, char** argv) {
    using namespace esfdraft::cli;
    try {
        return dispatch(argc, argv);
    } catch (const UsageError& error) {
        std::cerr << "esfdraft: error: " << report::printable(error.what(), true) << "\nTry 'esfdraft --help'.\n";
        return exit_failure;
    } catch (const pipeline::ToolError& error) {
        std::cerr << "esfdraft: error: " << report::printable(error.what(), true) << "\n";
        return exit_failure;
    } catch (const std::exception& error) {
        std::cerr << "esfdraft: error: " << report::printable(error.what(), true) << "\n";
        return exit_failure;
    }
}
