// esfdraft build / draft / budget / template: the commands that write
// documents. Thin: options in, pipeline call, findings and paths out.
#include <iostream>

#include "cli/command_line.hpp"
#include "pipeline/build.hpp"
#include "pipeline/new_plan.hpp"
#include "pipeline/pipeline.hpp"
#include "report/report.hpp"

namespace esfdraft::cli {

namespace {

const char* const build_help_intro = R"(esfdraft build — write the application draft, budget workbook and report

Usage:
  esfdraft build PLAN.xml -o FOLDER [options]

Checks the plan like `esfdraft check`, then writes into FOLDER (created when
missing):
  NAME.docx           the application draft, from the default template for
                      the plan's language or your own (--template)
  NAME.xlsx           the budget workbook with live formulas
  NAME-rapport.html   the completeness report (NAME-report.html in English)
NAME is the plan's acronym (e.g. FRAMSYN), else the plan file's name. Every
file is written to a temporary file and renamed into place only when all of
them are ready, so a failed build leaves earlier outputs as they were. A plan
with errors still gets its draft, with a visible marker such as
[Saknas: Jämställdhetsintegrering] for what is missing.

)";

const char* const build_help_examples = R"(
Examples:
  esfdraft build samples/framsyn/plan.xml -o out
  esfdraft build plan.xml -o out --template our-style.docx --logo logo.png
  esfdraft build plan.xml -o out --lang en --date 2009-09-01

Exit status: 0 written and no errors, 1 written but the application has
errors (or could not be read: then only the report is written), 2 esfdraft
could not do its job (nothing was replaced).
)";

const char* const draft_help = R"(esfdraft draft — write only the application draft (DOCX)

Usage:
  esfdraft draft PLAN.xml -o FILE.docx [--template FILE] [--logo FILE]
                 [--lang sv|en] [--date YYYY-MM-DD] [--findings FILE]

Examples:
  esfdraft draft samples/framsyn/plan.xml -o framsyn.docx

Exit status as for esfdraft build.
)";

const char* const budget_help = R"(esfdraft budget — write only the budget workbook (XLSX)

Usage:
  esfdraft budget PLAN.xml -o FILE.xlsx [--lang sv|en] [--date YYYY-MM-DD]

The workbook has a summary with the key figures and the programme's limits,
every cost line as a table, costs by year and by activity, and the
financing; every total is a live formula stored with its exact result.

Examples:
  esfdraft budget samples/framsyn/plan.xml -o framsyn-budget.xlsx

Exit status as for esfdraft build.
)";

const char* const template_help = R"(esfdraft template — the Word template the draft is made from

Usage:
  esfdraft template export -o FILE.docx [--lang sv|en] [--programme esf-plus-2021-2027]
  esfdraft template check FILE.docx [--lang sv|en]

export writes the default template (the 2007–2013 application, or with
--programme esf-plus-2021-2027 the ESF+ one, which a plan of that
programme gets by default) so you can restyle it in Word or
LibreOffice (fonts, colours, headings, a logo) and use it with
`esfdraft build --template FILE.docx`. check lists the tags a template uses
and every error in it at once (unclosed sections, unknown names or filters),
each with where it is. The tag syntax is described in docs/templates.md.

Examples:
  esfdraft template export -o var-mall.docx
  esfdraft template check var-mall.docx

Exit status: 0 the template is usable, 1 it has errors, 2 it cannot be read.
)";

po::options_description document_options(bool with_template) {
    po::options_description options("Options");
    // clang-format off
    options.add_options()("help,h", "show this help")(
        "output,o", po::value<std::string>()->value_name(with_template ? "FOLDER" : "FILE"),
        with_template ? "the folder to write into (created when missing)" : "the file to write")(
        "findings", po::value<std::string>()->value_name("FILE"),
        "the pre-study's findings file (default: the one the plan names)")(
        "lang", po::value<std::string>()->value_name("LANG"), "language of the documents: sv or en (default: the plan's lang)")(
        "date", po::value<std::string>()->value_name("YYYY-MM-DD"),
        "the documents' date and 'today' for the checks (default: $SOURCE_DATE_EPOCH, else the real date)");
    // clang-format on
    if (with_template)
        // clang-format off
        options.add_options()("template", po::value<std::string>()->value_name("FILE.docx"),
                              "your own template (see esfdraft template export)")(
            "logo", po::value<std::string>()->value_name("FILE"), "a PNG or JPEG logo for the draft")(
            "strict", "warnings count as errors for the verdict and exit status");
    // clang-format on
    return options;
}

pipeline::BuildRequest request_from(const po::variables_map& values, const char* command) {
    const std::string name = command;
    if (!values.count("plans"))
        throw UsageError(model::Said(name + " behöver en PLAN.xml", name + " needs a PLAN.xml"));
    const auto plans = values["plans"].as<std::vector<std::string>>();
    if (plans.size() != 1)
        throw UsageError(model::Said(name + " tar exakt en PLAN.xml", name + " takes exactly one PLAN.xml"));
    if (!values.count("output"))
        throw UsageError(model::Said(name + " behöver -o (var det ska skrivas)", name + " needs -o (where to write)"));
    pipeline::BuildRequest request;
    request.plan = plans.front();
    request.today = today_from(values);
    request.lang = language_from(values);
    if (values.count("findings")) request.findings_override = values["findings"].as<std::string>();
    if (values.count("template")) request.template_path = values["template"].as<std::string>();
    if (values.count("logo")) request.logo_path = values["logo"].as<std::string>();
    request.strict = values.count("strict") > 0;
    return request;
}

// Prints the findings as `esfdraft check` does and says what was written.
int finish(const pipeline::BuildResult& result, const pipeline::BuildRequest& request) {
    report::ReportOptions options;
    options.strict = request.strict;
    options.date = request.today.iso();
    const std::string lang = request.lang.value_or("sv");
    report::parse_language(lang, options.language);
    std::cout << report::render_text({result.report}, options);
    for (const std::string& path : result.written)
        std::cout << (lang == "en" ? "wrote " : "skrev ") << report::printable(path) << "\n";
    if (!result.plan_loaded)
        std::cerr << "esfdraft: "
                  << (lang == "en" ? "the plan could not be read, so only the report was written"
                                   : "planen gick inte att läsa, så bara rapporten skrevs")
                  << "\n";
    return report::ready_to_submit(result.report.findings, request.strict) && result.plan_loaded ? exit_ok
                                                                                                 : exit_findings;
}

}  // namespace

int run_build(const std::vector<std::string>& arguments) {
    const po::options_description options = document_options(true);
    const po::variables_map values = parse(arguments, options, "plans");
    if (values.count("help")) {
        std::cout << build_help_intro << options << build_help_examples;
        return exit_ok;
    }
    pipeline::BuildRequest request = request_from(values, "build");
    const pipeline::BuildResult result = pipeline::build_into_folder(request, values["output"].as<std::string>());
    return finish(result, request);
}

int run_draft(const std::vector<std::string>& arguments) {
    const po::options_description options = document_options(true);
    const po::variables_map values = parse(arguments, options, "plans");
    if (values.count("help")) {
        std::cout << draft_help << "\n" << options;
        return exit_ok;
    }
    pipeline::BuildRequest request = request_from(values, "draft");
    request.draft_path = values["output"].as<std::string>();
    return finish(pipeline::build_application(request), request);
}

int run_budget(const std::vector<std::string>& arguments) {
    const po::options_description options = document_options(false);
    const po::variables_map values = parse(arguments, options, "plans");
    if (values.count("help")) {
        std::cout << budget_help << "\n" << options;
        return exit_ok;
    }
    pipeline::BuildRequest request = request_from(values, "budget");
    request.workbook_path = values["output"].as<std::string>();
    return finish(pipeline::build_application(request), request);
}

namespace {

const char* const new_help_intro = R"(esfdraft new — start a plan with every section the programme requires

Usage:
  esfdraft new --programme PACK --phase prestudy|implementation -o PLAN.xml [options]
  esfdraft new --from-prestudy PRESTUDY.xml -o PLAN.xml [options]

Writes PLAN.xml with every section the programme's rule pack requires (and
those it recommends), each holding a short guiding text marked [...] that
`esfdraft check` reports as S003 until you replace it. For an implementation
application it also writes findings.xml beside the plan (the pre-study's
findings, which preStudy/@findings names). Values the format needs but only
you know (region, municipality codes, programme area, dates) get a stand-in
with a comment saying so. The plan points XML editors at the format's schema
(xsi:schemaLocation, the absolute path of the installed schemas/plan-1.xsd),
so they can complete and check it as you type.

--from-prestudy carries the pre-study's title, acronym, owner, contact,
region, programme area and municipalities forward, and fills in preStudy
(its title and period). Existing files are never replaced unless --force.

)";

const char* const new_help_examples = R"(
Examples:
  esfdraft new --programme esf-plus-2021-2027 --phase prestudy -o forstudie.xml
  esfdraft new --programme esf-2007-2013 --phase implementation --lang en -o plan.xml
  esfdraft new --from-prestudy samples/framsyn-prestudy/plan.xml -o ansokan/plan.xml
  esfdraft check ansokan/plan.xml

Exit status: 0 written, 2 nothing written (bad usage, an unknown programme,
an unreadable pre-study, a file that exists already).
)";

}  // namespace

int run_new(const std::vector<std::string>& arguments) {
    po::options_description options("Options");
    // clang-format off
    options.add_options()("help,h", "show this help")(
        "programme", po::value<std::string>()->value_name("PACK"),
        "the programme's rule pack: esf-plus-2021-2027 or esf-2007-2013 (default with --from-prestudy: the pre-study's)")(
        "phase", po::value<std::string>()->value_name("PHASE"),
        "prestudy or implementation (default with --from-prestudy: implementation)")(
        "from-prestudy", po::value<std::string>()->value_name("PLAN.xml"), "the pre-study's plan to carry forward")(
        "lang", po::value<std::string>()->value_name("LANG"), "the plan's language and that of its guiding texts: sv (default) or en")(
        "date", po::value<std::string>()->value_name("YYYY-MM-DD"),
        "'today': the proposed period starts the next year (default: $SOURCE_DATE_EPOCH, else the real date)")(
        "output,o", po::value<std::string>()->value_name("PLAN.xml"), "the plan file to write")(
        "force", "replace the plan (and findings.xml) when they exist");
    // clang-format on
    const po::variables_map values = parse(arguments, options, "words");
    if (values.count("help")) {
        std::cout << new_help_intro << options << new_help_examples;
        return exit_ok;
    }
    if (values.count("words"))
        throw UsageError(model::Said("new tar inga filargument; skriv planen med -o PLAN.xml",
                                     "new takes no file arguments; write the plan with -o PLAN.xml"));
    if (!values.count("output"))
        throw UsageError(model::Said("new behöver -o PLAN.xml (var planen ska skrivas)",
                                     "new needs -o PLAN.xml (where to write the plan)"));
    pipeline::NewPlanRequest request;
    if (values.count("programme")) request.programme = values["programme"].as<std::string>();
    if (values.count("phase")) request.phase = values["phase"].as<std::string>();
    if (values.count("from-prestudy")) request.from_prestudy = values["from-prestudy"].as<std::string>();
    if (!request.from_prestudy && !request.programme)
        throw UsageError(model::Said(
            "new behöver --programme (esf-plus-2021-2027 eller esf-2007-2013) eller --from-prestudy PLAN.xml",
            "new needs --programme (esf-plus-2021-2027 or esf-2007-2013) or --from-prestudy PLAN.xml"));
    if (!request.from_prestudy && !request.phase)
        throw UsageError(model::Said("new behöver --phase prestudy eller --phase implementation",
                                     "new needs --phase prestudy or --phase implementation"));
    request.lang = language_from(values).value_or("sv");
    request.today = today_from(values);
    request.output = values["output"].as<std::string>();
    request.force = values.count("force") > 0;
    const pipeline::NewPlanResult result = pipeline::write_new_plan(request);
    for (const std::string& path : result.written)
        std::cout << (request.lang == "en" ? "wrote " : "skrev ") << path << "\n";
    std::cout << (request.lang == "en" ? "next: replace the texts marked [...], then: esfdraft check "
                                       : "sedan: ersätt texterna märkta […], och kör: esfdraft check ")
              << request.output << "\n";
    return exit_ok;
}

int run_template(const std::vector<std::string>& arguments) {
    po::options_description options("Options");
    // clang-format off
    options.add_options()("help,h", "show this help")("output,o", po::value<std::string>()->value_name("FILE.docx"),
                                                      "where export writes the template")(
        "lang", po::value<std::string>()->value_name("LANG"), "sv (default) or en")(
        "programme", po::value<std::string>()->value_name("PROGRAMME"),
        "export: esf-2007-2013 (default) or esf-plus-2021-2027, whose application has its own template");
    // clang-format on
    const po::variables_map values = parse(arguments, options, "words");
    const auto words =
        values.count("words") ? values["words"].as<std::vector<std::string>>() : std::vector<std::string>{};
    if (values.count("help") || words.empty()) {
        std::cout << template_help << "\n" << options;
        return values.count("help") ? exit_ok : exit_failure;
    }
    const std::string lang = language_from(values).value_or("sv");
    if (words[0] == "export") {
        if (words.size() != 1)
            throw UsageError(model::Said("template export tar inga filargument; använd -o FIL.docx",
                                         "template export takes no file arguments; use -o FILE.docx"));
        if (!values.count("output"))
            throw UsageError(model::Said("template export behöver -o FIL.docx", "template export needs -o FILE.docx"));
        const std::string path = values["output"].as<std::string>();
        const std::string programme =
            values.count("programme") ? values["programme"].as<std::string>() : "esf-2007-2013";
        if (programme != "esf-2007-2013" && programme != "esf-plus-2021-2027")
            throw UsageError(
                model::Said("okänt program '" + programme + "' (esf-2007-2013 eller esf-plus-2021-2027)",
                            "unknown programme '" + programme + "' (esf-2007-2013 or esf-plus-2021-2027)"));
        pipeline::export_default_template(path, lang, programme);
        // Say what was written, as build does.
        std::cout << (lang == "en" ? "wrote " : "skrev ") << report::printable(path) << "\n";
        return exit_ok;
    }
    if (words[0] == "check") {
        if (words.size() != 2)
            throw UsageError(model::Said("template check tar en FIL.docx", "template check takes one FILE.docx"));
        const pipeline::TemplateCheck result = pipeline::check_template(words[1], lang);
        // The tags and problems quote the template's text: printed through report::printable.
        const std::string file = report::printable(words[1]);
        std::cout << (lang == "en" ? "Tags in " : "Taggar i ") << file << ":\n";
        for (const std::string& tag : result.tags) std::cout << "  " << report::printable(tag) << "\n";
        for (const std::string& error : result.errors)
            std::cout << file << ": error: " << report::printable(error) << "\n";
        std::cout << file << ": " << result.errors.size()
                  << (lang == "en" ? (result.errors.size() == 1 ? " error" : " errors") : " fel") << "\n";
        return result.errors.empty() ? exit_ok : exit_findings;
    }
    throw UsageError(model::Said("okänt template-kommando '" + words[0] + "'; använd export eller check",
                                 "unknown template command '" + words[0] + "'; use export or check"));
}

}  // namespace esfdraft::cli
