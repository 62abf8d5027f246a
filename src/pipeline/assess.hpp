// `esfdraft assess`: the reviewer's assessment document for one plan, or the
// ranking of several by completeness. Load + check (CheckSession), render
// (report::render_assessment_html / _ranking), write through the safe
// output layer (a temporary file renamed into place; never over an input).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/values.hpp"
#include "pipeline/pipeline.hpp"
#include "report/catalogue.hpp"
#include "report/report.hpp"

namespace esfdraft::pipeline {

// The assessment document as a standalone HTML page, or as a Word document
// rendered from templates/assessment-<lang>/ (the ranking of a batch is HTML
// only).
enum class AssessmentFormat { html, docx };

struct AssessRequest {
    std::vector<std::string> plans;                // already expanded (expand_plan_arguments)
    std::optional<std::string> findings_override;  // --findings (only with one plan)
    model::Date today;
    report::Language language = report::Language::sv;
    std::string output;                                // FILE.html or FILE.docx
    AssessmentFormat format = AssessmentFormat::html;  // docx: one plan only (a ranking is refused with ToolError)
    // True: the ranking of the plans (a folder or several plans), else the
    // assessment document of plans.front(), which must be the only one.
    bool ranking = false;
};

struct AssessResult {
    std::string written;                // the output path
    int plans = 0;                      // plans that were checked
    bool all_ready = true;              // every checked plan is ready to submit (no errors)
    std::vector<std::string> failures;  // plans that could not be checked (batch), messages ready for the user
};

// Checks the plans and writes the document. Throws ToolError when nothing
// can be checked (a single plan that cannot be read, a broken data folder)
// or the output cannot be written (then nothing was replaced).
AssessResult assess(const AssessRequest& request);

// The assessment document of one checked plan (it need not have loaded:
// then only the formal part and the findings), in `options.language`, dated
// `options.date`. DOCX: the same content as the HTML page (report's
// describe_assessment) rendered with the template folder
// `data_dir`/templates/assessment-<lang>/. Throws ToolError when that
// template is missing or broken.
std::string render_assessment(const CheckedPlan& plan, const report::ReportOptions& options, AssessmentFormat format,
                              const std::string& data_dir);

// The same from bytes, for the service: checks `plan` (with `findings` as
// its pre-study findings; nothing the plan names is opened) with `session`
// on `today` and renders in `lang`, else the plan's own language (sv when it
// did not load). Throws ToolError as CheckSession::check_bytes and
// render_assessment do.
std::string assessment_from_bytes(CheckSession& session, const NamedBytes& plan,
                                  const std::optional<NamedBytes>& findings, model::Date today,
                                  const std::optional<std::string>& lang, AssessmentFormat format);

}  // namespace esfdraft::pipeline
