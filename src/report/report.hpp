// Findings → the completeness report (docs/rules.md, "The completeness
// report"): compiler-style text, JSON (schemas/report.schema.json) or one
// standalone HTML page; and the listing of `esfdraft rules`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/finding.hpp"
#include "model/printable.hpp"
#include "model/rule_pack.hpp"
#include "report/catalogue.hpp"

namespace esfdraft::report {

// One checked application: its file, its title when it loaded, its findings
// and the sections its summary lists.
struct ApplicationReport {
    std::string file;
    std::string title;                   // empty when the plan did not load
    model::Findings findings;
    // Section keys in application order ("project", "summary", ...; see
    // rules::report_sections). Empty when the plan did not load; sections
    // that findings name are added to the summary in any case.
    std::vector<std::string> sections;
    std::string programme;               // the plan's programme (its words for a few names); empty when it did not load
};

struct ReportOptions {
    Language language = Language::sv;
    bool strict = false;                 // warnings count as errors for the verdict and the section status
    std::string date;                    // the day of the check, "YYYY-MM-DD"
};

// Counts by severity.
struct Tally {
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};
Tally tally(const model::Findings& findings);
// "2 fel, 1 varning, 0 tips" / "2 errors, 1 warning, 0 hints".
std::string count_phrase(const Tally& counts, Language language);

// Ready to submit: no error (and, when strict, no warning).
bool ready_to_submit(const model::Findings& findings, bool strict);

// Findings in report order: by file, line, column, then rule id.
model::Findings sorted(model::Findings findings);

enum class SectionStatus { complete, needs_attention, incomplete };

// "complete" | "needs-attention" | "incomplete" (the JSON values).
std::string_view to_string(SectionStatus status);
// The status in words: "komplett", "behöver ses över", "ofullständigt".
std::string status_text(SectionStatus status, Language language);

struct SectionSummary {
    std::string section;
    SectionStatus status = SectionStatus::complete;
    Tally counts;
};

// The per-section summary: complete (no findings), needs attention (warnings
// or hints only; with `strict`, hints only), incomplete (any error; with
// `strict`, any warning too). Every section of `application.sections` and
// every other section a finding names ("file" first), in application order.
std::vector<SectionSummary> section_summary(const ApplicationReport& application, bool strict);

// `text` made safe to print on a terminal: model::printable (control
// characters and invalid UTF-8 as \xNN), named here for the callers that
// format what they print with the report.
using model::printable;

// `text` safe inside HTML text and quoted attribute values: & < > " ' as
// character references, everything else unchanged.
std::string escape_html(std::string_view text);

// `file:line:col: severity: message [ID]` lines, then per application the
// per-section summary, the counts and the verdict; with several applications,
// a closing one-line-each table. File names and messages go through
// printable().
std::string render_text(const std::vector<ApplicationReport>& applications, const ReportOptions& options);

// Only the closing lines, one per application (`esfdraft check --quiet`):
// `file: 2 fel (B005, S001), 1 varning (S006), 0 tips — verdict`.
std::string render_text_summary(const std::vector<ApplicationReport>& applications, const ReportOptions& options);

// A JSON document described by schemas/report.schema.json.
std::string render_json(const std::vector<ApplicationReport>& applications, const ReportOptions& options);

// One standalone, accessible HTML page (lang, headings, tables with header
// cells, no script, print styles).
std::string render_html(const std::vector<ApplicationReport>& applications, const ReportOptions& options);

// `esfdraft rules`: every rule with id, severity and meaning; with `pack`,
// its severity changes and every parameter with its source, and its calls.
std::string render_rules(const std::vector<std::string>& pack_names, const model::RulePack* pack, Language language);

// `esfdraft rules ID`: the rule's severity, meaning and how to fix it, then
// for each of `packs` the parameters the rule reads with their sources. With
// `call` (a call of the one pack given), what applies to an application made
// to it: the call's value where it sets one, else the pack's phase default.
// A rule that reads no parameter says so for each pack.
std::string render_rule(const model::RuleDefinition& rule, const std::vector<const model::RulePack*>& packs, const model::Call* call,
                        Language language);

// `esfdraft rules --format markdown`: docs/rules.md, the rules reference:
// severities, the completeness report, exit statuses, every rule in both
// languages with each pack's parameters for it, and the packs and calls.
// Paths are relative to the data folder, so the text is the same wherever
// esfdraft runs.
std::string render_rules_markdown(const std::vector<model::RulePack>& packs);

// The known rule id nearest to `text` (model::nearest_name: case ignored, a
// swap of two neighbours is one edit, the first rule wins a tie), for
// "there is no rule B07; did you mean B007?".
std::string nearest_rule_id(std::string_view text);

}  // namespace esfdraft::report
