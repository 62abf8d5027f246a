// esfdraft: the command line. A thin layer over the pipeline: it parses
// arguments, prints, and maps outcomes to exit codes (0 ok, 1 the
// application has errors, 2 the tool could not do its job).
#include <boost/program_options.hpp>

#include <array>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "model/values.hpp"
#include "pipeline/pipeline.hpp"
#include "report/report.hpp"

#include "cli/command_line.hpp"

using namespace esfdraft;

namespace esfdraft::cli {

namespace {

std::string spoken = "en";

// The value of --lang among `arguments` (--lang X or --lang=X), read before
// Boost parses them, so that even a parse error is said in that language.
std::string_view language_among(const std::vector<std::string>& arguments) {
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == "--") break;
        if (arguments[i] == "--lang" && i + 1 < arguments.size()) return arguments[i + 1];
        if (arguments[i].rfind("--lang=", 0) == 0) return std::string_view(arguments[i]).substr(7);
    }
    return {};
}

// Boost's explanation of a command line it refused, in both languages.
model::Said said_about(const po::error& error) {
    const auto* named = dynamic_cast<const po::error_with_option_name*>(&error);
    const std::string option = named ? named->get_option_name() : std::string();
    const std::string english = error.what();
    if (dynamic_cast<const po::unknown_option*>(&error))
        return {"det finns inget alternativ '" + option + "' (esfdraft KOMMANDO --help visar dem)", english};
    if (const auto* syntax = dynamic_cast<const po::invalid_command_line_syntax*>(&error);
        syntax && syntax->kind() == po::invalid_command_line_syntax::missing_parameter)
        return {"'" + option + "' behöver ett värde", english};
    if (dynamic_cast<const po::multiple_occurrences*>(&error))
        return {"'" + option + "' får anges bara en gång", english};
    if (dynamic_cast<const po::ambiguous_option*>(&error))
        return {"'" + option + "' kan betyda flera alternativ; skriv ut hela namnet", english};
    if (dynamic_cast<const po::invalid_option_value*>(&error)) return {"ogiltigt värde för '" + option + "'", english};
    return {"kommandoraden går inte att läsa: " + english, english};
}

}  // namespace

std::string_view spoken_language() { return spoken; }

po::variables_map parse(const std::vector<std::string>& arguments, const po::options_description& visible,
                        const char* positional_name) {
    if (visible.find_nothrow("lang", false)) spoken = language_among(arguments) == "en" ? "en" : "sv";
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
        throw UsageError(said_about(error));
    }
    return values;
}

model::Date today_from(const po::variables_map& values) {
    return pipeline::resolve_today(values.count("date") ? std::optional(values["date"].as<std::string>())
                                                        : std::nullopt);
}

UsageError bad_language(const std::string& lang) {
    return UsageError(
        model::Said("--lang ska vara sv eller en, inte '" + lang + "'", "--lang must be sv or en, not '" + lang + "'"));
}

std::optional<std::string> language_from(const po::variables_map& values) {
    if (!values.count("lang")) return std::nullopt;
    const std::string lang = values["lang"].as<std::string>();
    if (lang != "sv" && lang != "en") throw bad_language(lang);
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
  new       start a plan with every section the programme requires, each with
            a guiding text to replace
  check     check one or more project plans against the programme's rules and
            print a completeness report
  build     write the application draft (DOCX), the budget workbook (XLSX)
            and the completeness report (HTML) into a folder
  draft     write only the application draft (DOCX)
  budget    write only the budget workbook (XLSX)
  template  export the default Word template to restyle, or check your own
  assess    the reviewer's assessment document (HTML) for a plan, or a call's
            applications ranked by completeness
  rules     list every rule, and a rule pack's parameters with their sources
  serve     the web service for owners and reviewers (see serve --help)
  user      add, list and disable the service's users
  token     create an API token for the service
  db        migrate or back up the service's database

Options:
  -h, --help      show this help
  --version       show the version

A plan is an XML file (urn:esfdraft:plan:1) describing the implementation
project; it may name the pre-study's findings file. See samples/framsyn/ for a
complete application; docs/guide.md for a walk-through, docs/format.md for the
file format and docs/rules.md for every rule (or: esfdraft rules ID).

Examples:
  esfdraft new --programme esf-plus-2021-2027 --phase prestudy -o plan.xml
  esfdraft check samples/framsyn/plan.xml
  esfdraft build samples/framsyn/plan.xml -o out
  esfdraft check --lang en --format json -o report.json samples/framsyn/plan.xml
  esfdraft template export -o my-template.docx
  esfdraft rules --pack esf-2007-2013
  esfdraft rules B005

Exit status: 0 no errors, 1 the application has errors, 2 esfdraft could not
do its job (bad usage, an unreadable file, an unknown rule pack).

Messages: a command that writes in a language (--lang sv|en) says everything
in it, its errors on standard error too: Swedish unless --lang en. serve,
user, token and db speak English.
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
`esfdraft rules RULE` explains a rule and how to fix it (all of them: docs/rules.md);
the plan and findings files are described in docs/format.md.

)";

const char* const check_help_examples = R"(
Examples:
  esfdraft check samples/framsyn/plan.xml
  esfdraft check applications/ --strict
  esfdraft check applications/ --quiet
  esfdraft check plan.xml --findings ../prestudy/findings.xml --lang en
  esfdraft check plan.xml --format json -o report.json --date 2009-09-01
  esfdraft check plan.xml --format html -o report.html

Exit status: 0 no errors (warnings allowed unless --strict), 1 at least one
application has errors, 2 esfdraft could not do its job. In a batch, a plan
that cannot be read at all (say, its findings file is missing) is named on
standard error and the others are checked and reported; the status is then 2.
)";

po::options_description check_options() {
    po::options_description options("Options");
    // clang-format off
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
        ("quiet,q", "text format: print only the closing summary, one line per plan with the rule ids it breaks")
        ("output,o", po::value<std::string>()->value_name("FILE"), "write the report to FILE instead of standard output");
    // clang-format on
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
    if (!values.count("plans"))
        throw UsageError(model::Said("check behöver minst en PLAN.xml", "check needs at least one PLAN.xml"));
    const std::string format = values["format"].as<std::string>();
    if (format != "text" && format != "json" && format != "html")
        throw UsageError(model::Said("--format ska vara text, json eller html, inte '" + format + "'",
                                     "--format must be text, json or html, not '" + format + "'"));
    report::ReportOptions report_options;
    if (!report::parse_language(values["lang"].as<std::string>(), report_options.language))
        throw bad_language(values["lang"].as<std::string>());
    report_options.strict = values.count("strict") > 0;

    pipeline::CheckRequest request;
    request.today =
        pipeline::resolve_today(values.count("date") ? std::optional(values["date"].as<std::string>()) : std::nullopt);
    report_options.date = request.today.iso();
    const auto plan_arguments = values["plans"].as<std::vector<std::string>>();
    request.plans = pipeline::expand_plan_arguments(plan_arguments);
    if (values.count("findings")) {
        if (request.plans.size() != 1)
            throw UsageError(model::Said("--findings hör till exakt en plan", "--findings goes with exactly one plan"));
        request.findings_override = values["findings"].as<std::string>();
    }

    const bool quiet = values.count("quiet") > 0;
    if (quiet && format != "text")
        throw UsageError(model::Said("--quiet hör till --format text (sammanfattningsraderna)",
                                     "--quiet goes with --format text (the summary lines)"));

    const pipeline::CheckOutcome outcome = pipeline::check_plans(request);
    // One plan that could not be read: nothing to report, as before.
    if (outcome.reports.empty() && outcome.failures.size() == 1)
        throw pipeline::ToolError(outcome.failures.front().message);
    const std::string_view lang = report::language_code(report_options.language);
    // In a batch, a plan that could not be read is named and the others are checked all the same.
    for (const pipeline::PlanFailure& failure : outcome.failures)
        std::cerr << "esfdraft: error: " << report::printable(failure.message.in(lang), true) << "\n";
    const std::vector<report::ApplicationReport>& reports = outcome.reports;
    // The quiet summary has one line for every plan, in the order given: a plan
    // that could not be checked says so in its place (the reason is on stderr).
    const auto quiet_summary = [&] {
        std::string lines;
        std::size_t next_report = 0, next_failure = 0;
        for (const std::string& plan : request.plans) {
            if (next_failure < outcome.failures.size() && outcome.failures[next_failure].plan == plan) {
                ++next_failure;
                lines +=
                    report::printable(plan) + ": " +
                    (report_options.language == report::Language::sv ? "kunde inte kontrolleras (se felet ovan)"
                                                                     : "could not be checked (see the error above)") +
                    "\n";
            } else if (next_report < reports.size()) {
                lines += report::render_text_summary({reports[next_report++]}, report_options);
            }
        }
        return lines;
    };
    const std::string text = format == "json"   ? report::render_json(reports, report_options)
                             : format == "html" ? report::render_html(reports, report_options)
                             : quiet            ? quiet_summary()
                                                : report::render_text(reports, report_options);
    if (values.count("output"))
        pipeline::write_file_atomically(values["output"].as<std::string>(), text, outcome.inputs);
    else
        std::cout << text;
    if (!outcome.failures.empty()) return exit_failure;
    for (const report::ApplicationReport& entry : reports)
        if (!report::ready_to_submit(entry.findings, report_options.strict)) return exit_findings;
    return exit_ok;
}

const char* const rules_help_intro = R"(esfdraft rules — list the rules, explain one, show a rule pack's parameters

Usage:
  esfdraft rules [--pack NAME] [--lang sv|en]
  esfdraft rules RULE [--pack NAME] [--call CALL] [--lang sv|en]
  esfdraft rules --format markdown

Lists every rule with its id, severity and what it checks. With --pack, also
the pack's changed severities, every parameter (areas, phases, durations,
shares, ceilings, sections, cost categories, word and length limits, the
eligibility window) with the source it comes from, and the pack's calls.
Without --pack, the names of the packs there are.

With a RULE id (e.g. B007), explains that rule: its severity, what it checks,
how to fix what it reports, and the parameters it reads with their sources:
those of the pack named (and, with --call, what applies to an application
made to that call), or of every pack when none is named.

--format markdown prints the rules reference, docs/rules.md, in English and
Swedish, for every pack.

)";

const char* const rules_help_examples = R"(
Examples:
  esfdraft rules
  esfdraft rules --pack esf-2007-2013
  esfdraft rules B007
  esfdraft rules B007 --pack esf-2007-2013 --call ovre-norrland-2009 --lang en
  esfdraft rules --format markdown > docs/rules.md

Exit status: 0 listed, 2 an unknown rule, pack or call, a broken rule pack, or
bad usage.
)";

namespace {

// Every pack of the data folder, in name order.
std::vector<model::RulePack> all_packs() {
    std::vector<model::RulePack> packs;
    for (const std::string& name : pipeline::list_rules(std::nullopt).pack_names)
        packs.push_back(*pipeline::list_rules(name).pack);
    return packs;
}

// The packs `esfdraft rules RULE` describes, and the call it narrows to.
struct RuleScope {
    std::vector<model::RulePack> packs;
    const model::Call* call = nullptr;  // points into packs.front()
};

RuleScope rule_scope(const std::optional<std::string>& pack_name, const std::optional<std::string>& call_name) {
    RuleScope scope;
    if (pack_name)
        scope.packs.push_back(
            *pipeline::list_rules(*pack_name).pack);  // an unknown pack is a ToolError naming the packs
    else
        scope.packs = all_packs();
    if (!call_name) return scope;
    std::vector<std::string> known;
    for (model::RulePack& pack : scope.packs) {
        if (pack.find_call(*call_name)) {
            model::RulePack chosen = std::move(pack);
            scope.packs.clear();
            scope.packs.push_back(std::move(chosen));
            scope.call = scope.packs.front().find_call(*call_name);
            return scope;
        }
        for (const model::Call& call : pack.calls) known.push_back(call.name);
    }
    const std::string list = model::join(known);
    throw UsageError(model::Said("det finns ingen utlysning '" + *call_name + "'" +
                                     (pack_name ? " i " + *pack_name : "") +
                                     "; utlysningarna är: " + (list.empty() ? "(inga)" : list),
                                 "there is no call '" + *call_name + "'" + (pack_name ? " in " + *pack_name : "") +
                                     "; the calls are: " + (list.empty() ? "(none)" : list)));
}

}  // namespace

int run_rules(const std::vector<std::string>& arguments) {
    po::options_description options("Options");
    // clang-format off
    options.add_options()
        ("help,h", "show this help")
        ("pack", po::value<std::string>()->value_name("NAME"), "the rule pack to describe, e.g. esf-2007-2013")
        ("call", po::value<std::string>()->value_name("CALL"), "with a RULE: the call (utlysning) whose parameters apply, e.g. ovre-norrland-2009")
        ("format", po::value<std::string>()->default_value("text")->value_name("FORMAT"),
         "text, or markdown: the rules reference docs/rules.md")
        ("lang", po::value<std::string>()->default_value("sv")->value_name("LANG"), "language: sv (Swedish) or en (English)");
    // clang-format on
    const po::variables_map values = parse(arguments, options, "rule");
    if (values.count("help")) {
        std::cout << rules_help_intro << options << rules_help_examples;
        return exit_ok;
    }
    const std::string format = values["format"].as<std::string>();
    if (format != "text" && format != "markdown")
        throw UsageError(model::Said("--format ska vara text eller markdown, inte '" + format + "'",
                                     "--format must be text or markdown, not '" + format + "'"));
    report::Language language = report::Language::sv;
    if (!report::parse_language(values["lang"].as<std::string>(), language))
        throw bad_language(values["lang"].as<std::string>());
    const std::vector<std::string> rules =
        values.count("rule") ? values["rule"].as<std::vector<std::string>>() : std::vector<std::string>{};
    if (rules.size() > 1)
        throw UsageError(model::Said("rules förklarar en regel i taget, inte " + std::to_string(rules.size()),
                                     "rules explains one rule at a time, not " + std::to_string(rules.size())));
    const std::optional<std::string> pack =
        values.count("pack") ? std::optional(values["pack"].as<std::string>()) : std::nullopt;
    const std::optional<std::string> call =
        values.count("call") ? std::optional(values["call"].as<std::string>()) : std::nullopt;

    if (format == "markdown") {
        // The reference is one document for every pack in both languages, so it takes nothing that would narrow it.
        if (!rules.empty() || pack || call || !values["lang"].defaulted())
            throw UsageError(model::Said(
                "--format markdown skriver hela referensen på båda språken; utelämna REGEL, --pack, --call och --lang",
                "--format markdown prints the whole reference in both languages; leave out RULE, --pack, --call and "
                "--lang"));
        std::cout << report::render_rules_markdown(all_packs());
        return exit_ok;
    }
    if (!rules.empty()) {
        const model::RuleDefinition* rule = model::find_rule_definition(rules.front());
        if (!rule) {
            std::string upper = rules.front();
            for (char& c : upper)
                if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            rule = model::find_rule_definition(upper);
        }
        if (!rule)
            throw UsageError(model::Said("det finns ingen regel '" + rules.front() + "'; närmast är " +
                                             report::nearest_rule_id(rules.front()) + " (esfdraft rules listar alla)",
                                         "there is no rule '" + rules.front() + "'; the nearest is " +
                                             report::nearest_rule_id(rules.front()) +
                                             " (esfdraft rules lists them all)"));
        const RuleScope scope = rule_scope(pack, call);
        std::vector<const model::RulePack*> packs;
        for (const model::RulePack& entry : scope.packs) packs.push_back(&entry);
        std::cout << report::render_rule(*rule, packs, scope.call, language);
        return exit_ok;
    }
    if (call)
        throw UsageError(model::Said("--call hör till en REGEL, t.ex. esfdraft rules B007 --call " + *call,
                                     "--call goes with a RULE, e.g. esfdraft rules B007 --call " + *call));
    const pipeline::RulesListing listing = pipeline::list_rules(pack);
    std::cout << report::render_rules(listing.pack_names, listing.pack ? &*listing.pack : nullptr, language);
    return exit_ok;
}

namespace {

int dispatch(int argc, char** argv) {
    std::vector<std::string> arguments(argv + 1, argv + argc);
    if (arguments.empty() || arguments[0] == "--help" || arguments[0] == "-h" || arguments[0] == "help") {
        if (arguments.size() >= 2 && arguments[0] == "help")
            return dispatch(3, std::array<char*, 3>{argv[0], argv[2], const_cast<char*>("--help")}.data());
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
    if (command == "serve") return run_serve(arguments);
    if (command == "user") return run_user(arguments);
    if (command == "token") return run_token(arguments);
    if (command == "db") return run_db(arguments);
    if (command == "new") return run_new(arguments);
    if (command == "assess") return run_assess(arguments);
    throw UsageError(model::Said("okänt kommando '" + command + "'; se esfdraft --help",
                                 "unknown command '" + command + "'; see esfdraft --help"));
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
        const bool swedish = spoken_language() == "sv";
        std::cerr << "esfdraft: error: " << report::printable(error.message(spoken_language()), true)
                  << (swedish ? "\nSkriv 'esfdraft --help' för hjälp.\n" : "\nTry 'esfdraft --help'.\n");
        return exit_failure;
    } catch (const std::exception& error) {
        // A ToolError (or any error that has both languages) in the command's language.
        std::cerr << "esfdraft: error: " << report::printable(model::said_of(error).in(spoken_language()), true)
                  << "\n";
        return exit_failure;
    }
}
