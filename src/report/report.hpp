// Findings → the completeness report, as compiler-style text or JSON.
#pragma once

#include <string>
#include <vector>

#include "model/finding.hpp"
#include "report/catalogue.hpp"

namespace esfdraft::report {

// One checked application: its file, its title when it loaded, its findings.
struct ApplicationReport {
    std::string file;
    std::string title;           // empty when the plan did not load
    model::Findings findings;
};

struct ReportOptions {
    Language language = Language::sv;
    bool strict = false;         // warnings count as errors for the verdict
    std::string date;            // the day of the check, "YYYY-MM-DD"
};

// Counts by severity.
struct Tally {
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};
Tally tally(const model::Findings& findings);

// Ready to submit: no error (and, when strict, no warning).
bool ready_to_submit(const model::Findings& findings, bool strict);

// Findings in report order: by file, line, column, then rule id.
model::Findings sorted(model::Findings findings);

// `file:line:col: severity: message [ID]` lines, then a summary and verdict
// per application; with several applications, a closing one-line-each table.
std::string render_text(const std::vector<ApplicationReport>& applications, const ReportOptions& options);

// A JSON document (described by schemas/report.schema.json).
std::string render_json(const std::vector<ApplicationReport>& applications, const ReportOptions& options);

}  // namespace esfdraft::report
