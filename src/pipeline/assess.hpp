// `esfdraft assess`: the reviewer's assessment document for one plan, or the
// ranking of several by completeness. Load + check (CheckSession), render
// (report::render_assessment_html / _ranking), write through the safe
// output layer (a temporary file renamed into place; never over an input).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/values.hpp"
#include "report/catalogue.hpp"

namespace esfdraft::pipeline {

struct AssessRequest {
    std::vector<std::string> plans;                 // already expanded (expand_plan_arguments)
    std::optional<std::string> findings_override;   // --findings (only with one plan)
    model::Date today;
    report::Language language = report::Language::sv;
    std::string output;                             // FILE.html
    // True: the ranking of the plans (a folder or several plans), else the
    // assessment document of plans.front(), which must be the only one.
    bool ranking = false;
};

struct AssessResult {
    std::string written;                   // the output path
    int plans = 0;                         // plans that were checked
    bool all_ready = true;                 // every checked plan is ready to submit (no errors)
    std::vector<std::string> failures;     // plans that could not be checked (batch), messages ready for the user
};

// Checks the plans and writes the document. Throws ToolError when nothing
// can be checked (a single plan that cannot be read, a broken data folder)
// or the output cannot be written (then nothing was replaced).
AssessResult assess(const AssessRequest& request);

}  // namespace esfdraft::pipeline
