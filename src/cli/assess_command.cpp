// esfdraft assess: the reviewer's assessment document (one plan) or the
// ranking of a call's applications (a folder or several plans). Thin:
// options in, pipeline::assess, what was written out.
#include <cctype>
#include <filesystem>
#include <iostream>

#include "cli/command_line.hpp"
#include "pipeline/assess.hpp"
#include "pipeline/pipeline.hpp"
#include "report/report.hpp"

namespace esfdraft::cli {

namespace {

const char* const assess_help_intro = R"(esfdraft assess — the reviewer's assessment document, or a call's ranking

Usage:
  esfdraft assess PLAN.xml -o FILE.docx|FILE.html [options]
  esfdraft assess FOLDER | PLAN.xml PLAN2.xml ... -o ranking.html [options]

For one plan, writes the document a reviewer assesses the application with:
  step 1  the formal requirements as a checklist: those esfdraft can decide
          (programme and call fit, co-financing, the attachments the call
          lists, the applicant's details, the fundamental rights section)
          are filled in as met or not met with the rules that decided it;
          the others (the signatory's authority, debts to the state,
          bankruptcy, state aid) are boxes for the reviewer to tick;
  step 2  one part per selection criterion of the programme's rule pack,
          with the application's text that bears on it, esfdraft's findings
          for those sections, the pre-study's evidence behind the goals, and
          empty score and comment fields (the pack's scale).
esfdraft proposes no scores. The output's extension chooses the format:
  .docx   a Word document to fill in: headings for every part (the
          navigation pane lists them), the checklist with boxes, a row of
          score boxes and a bordered comment field per criterion;
  .html   a standalone page: type into the fields in a browser and print,
          or print it with empty boxes.

For a FOLDER (every plan below it) or several plans, writes one table per
call ranking the applications by completeness: fewest errors, then fewest
warnings, then title. The ranking is HTML only (-o ranking.html).

)";

const char* const assess_help_examples = R"(
Examples:
  esfdraft assess samples/esf-plus/plan.xml -o bedomning.docx
  esfdraft assess samples/esf-plus/plan.xml -o bedomning.html
  esfdraft assess ansokningar/ -o rangordning.html --lang en

Exit status: 0 written and no application has errors, 1 written but an
application has errors, 2 esfdraft could not do its job (bad usage, an
unreadable plan; nothing was replaced). In a ranking, a plan that cannot be
read at all is named on standard error and in the page; the status is then 2.
)";

}  // namespace

int run_assess(const std::vector<std::string>& arguments) {
    po::options_description options("Options");
    // clang-format off
    options.add_options()("help,h", "show this help")("output,o", po::value<std::string>()->value_name("FILE"),
                                                      "the file to write: .docx or .html (a ranking: .html)")(
        "findings", po::value<std::string>()->value_name("FILE"),
        "the pre-study's findings file (default: the one the plan names; only with one plan)")(
        "lang", po::value<std::string>()->value_name("LANG"), "language of the document: sv (default) or en")(
        "date", po::value<std::string>()->value_name("YYYY-MM-DD"),
        "the document's date and 'today' for the checks (default: $SOURCE_DATE_EPOCH, else the real date)");
    // clang-format on
    const po::variables_map values = parse(arguments, options, "plans");
    if (values.count("help")) {
        std::cout << assess_help_intro << options << assess_help_examples;
        return exit_ok;
    }
    if (!values.count("plans"))
        throw UsageError(
            model::Said("assess behöver en PLAN.xml eller en MAPP", "assess needs a PLAN.xml or a FOLDER"));
    if (!values.count("output"))
        throw UsageError(model::Said("assess behöver -o FIL.docx eller -o FIL.html (vart underlaget ska skrivas)",
                                     "assess needs -o FILE.docx or -o FILE.html (where to write)"));
    const std::string output = values["output"].as<std::string>();
    std::string extension = std::filesystem::path(output).extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool docx = extension == ".docx";
    if (!docx && extension != ".html" && extension != ".htm")
        throw UsageError(model::Said(
            "assess skriver ett Word-dokument eller en HTML-sida: -o ska sluta på .docx eller .html, inte '" + output +
                "'",
            "assess writes a Word document or an HTML page: -o must end in .docx or .html, not '" + output + "'"));

    const std::string lang = language_from(values).value_or("sv");
    pipeline::AssessRequest request;
    report::parse_language(lang, request.language);
    request.today = today_from(values);
    request.output = output;
    const auto plan_arguments = values["plans"].as<std::vector<std::string>>();
    request.plans = pipeline::expand_plan_arguments(plan_arguments);
    request.ranking =
        plan_arguments.size() > 1 || request.plans.size() > 1 || std::filesystem::is_directory(plan_arguments.front());
    request.format = docx ? pipeline::AssessmentFormat::docx : pipeline::AssessmentFormat::html;
    if (request.ranking && docx)
        throw UsageError(
            model::Said("rangordningen av flera planer skrivs bara som HTML: använd -o rangordning.html (Word-dokument "
                        "görs för en plan i taget)",
                        "the ranking of several plans is written as HTML only: use -o ranking.html (a Word document is "
                        "made for one plan)"));
    if (values.count("findings")) {
        if (request.ranking)
            throw UsageError(model::Said("--findings hör till exakt en plan", "--findings goes with exactly one plan"));
        request.findings_override = values["findings"].as<std::string>();
    }

    const pipeline::AssessResult result = pipeline::assess(request);
    for (const std::string& failure : result.failures)
        std::cerr << "esfdraft: error: " << report::printable(failure) << "\n";
    std::cout << (lang == "en" ? "wrote " : "skrev ") << report::printable(result.written) << " ("
              << (request.ranking ? (lang == "en" ? "ranking of " : "rangordning av ") + std::to_string(result.plans) +
                                        (lang == "en" ? " applications" : " ansökningar")
                                  : std::string(lang == "en" ? "assessment document" : "bedömningsunderlag"))
              << ")\n";
    if (!result.failures.empty()) return exit_failure;
    return result.all_ready ? exit_ok : exit_findings;
}

}  // namespace esfdraft::cli
