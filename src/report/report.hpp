// Findings → the completeness report (docs/rules.md, "The completeness
// report"): compiler-style text, JSON (schemas/report.schema.json) or one
// standalone HTML page; and the listing of `esfdraft rules`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/finding.hpp"
#include "model/printable.hpp"
#include "model/rule_pack.hpp"
#include "report/catalogue.hpp"

namespace esfdraft::report {

// The limit in force for one share: its value, who set it (the call's name,
// or the pack's when the call leaves it to the pack) and whether the share
// keeps to it (compared exactly, not on the rounded share).
struct ShareLimit {
    model::ShareHundredths value = 0;
    bool maximum = true;  // true: at most; false: at least
    std::string set_by;
    bool within = true;
};

// One share of the key figures: `part` of `whole`, rounded to hundredths of
// a per cent for JSON; the reports format it from the amounts, with as many
// decimals as it takes to stand on its side of the limit (45,99 % < 46 %).
struct KeyShare {
    model::Money part = 0;
    model::Money whole = 0;
    model::ShareHundredths hundredths = 0;
    std::optional<ShareLimit> limit;  // nullopt: no limit applies
};

// The budget's key figures (all money in öre), as the workbook shows them.
struct KeyFigures {
    model::Money total_costs = 0;
    model::Money income = 0;
    model::Money eligible_costs = 0;  // total costs less income
    model::Money esf = 0;
    KeyShare esf_share;            // of the eligible costs
    model::Money cofinancing = 0;  // every financing source but the ESF
    KeyShare cofinancing_share;    // of the eligible costs
    // Where the plan has indirect costs: their share of the staff costs.
    std::optional<KeyShare> indirect_share;
};

// A pack or call by id (its file name) and title in both languages.
struct AppliedTerms {
    std::string id;
    model::LocalizedName name;  // empty when the pack has no such call
};

// One checked application: its file, its title when it loaded, its findings
// and the sections its summary lists.
struct ApplicationReport {
    std::string file;
    std::string title;  // empty when the plan did not load
    model::Findings findings;
    // Section keys in application order ("project", "summary", ...; see
    // rules::report_sections). Empty when the plan did not load; sections
    // that findings name are added to the summary in any case.
    std::vector<std::string> sections;
    std::string programme;  // the plan's programme (its words for a few names); empty when it did not load
    // Empty when the plan did not load or has no budget (no costs, financing or income).
    std::optional<KeyFigures> key_figures;
    std::optional<AppliedTerms> pack;  // the rule pack the plan was checked with
    std::optional<AppliedTerms> call;  // the call the plan names, when it names one
};

// esfdraft's version, as `esfdraft --version` prints it ("0.1.0"): the
// project's version, compiled into the report module.
std::string_view esfdraft_version();

struct ReportOptions {
    Language language = Language::sv;
    bool strict = false;  // warnings count as errors for the verdict and the section status
    std::string date;     // the day of the check, "YYYY-MM-DD"
    std::string tool_version = std::string(esfdraft_version());  // shown in the header; empty: not shown
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

// A key figure's share in per cent for the language, from its amounts:
// two decimals at most ("45,5 %", "46 %"), more where rounding would put it
// on the limit or across it ("45,996 %" under a maximum of 46 %).
std::string share_text(const KeyShare& share, Language language);
// "högst 46 %" / "at most 46 %", "minst 40 %" / "at least 40 %".
std::string limit_text(const ShareLimit& limit, Language language);

// "inom gränsen" / "within the limit", "över gränsen", "under gränsen".
std::string limit_status_text(const ShareLimit& limit, Language language);
// The pack's or call's title in the language, else its id.
std::string terms_name(const AppliedTerms& terms, Language language);
// "Regelpaket: esf-2007-2013 (Europeiska socialfonden 2007–2013)", then
// "Utlysning: ovre-norrland-2009 (Utlysning Övre Norrland 2009)" when the
// plan names a call ("… (finns inte i regelpaketet)" when the pack has none
// of that name); no lines without a pack or call.
std::vector<std::string> applied_terms_lines(const ApplicationReport& application, Language language);
// "Kontrollerad 2009-09-01 med esfdraft 0.1.0" / "Checked on … with esfdraft …";
// empty without a version.
std::string made_with_text(const ReportOptions& options);

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
std::string render_rule(const model::RuleDefinition& rule, const std::vector<const model::RulePack*>& packs,
                        const model::Call* call, Language language);

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
