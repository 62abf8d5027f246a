// The reviewer's assessment document (`esfdraft assess`): step 1, the
// formal requirements as a checklist, the ones esfdraft can decide filled in
// from the check's findings; step 2, one part per selection criterion of the
// pack with the plan's text that bears on it, the findings of those
// sections, the pre-study's evidence behind the goals, and empty score and
// comment fields for the reviewer. And the ranking of a batch by
// completeness. esfdraft never proposes a score.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/application.hpp"
#include "model/rule_pack.hpp"
#include "report/report.hpp"

namespace esfdraft::report {

// One checked plan with what the check knew about it. `application` and
// `pack` are nullptr when the plan did not load or names no pack; the
// document then has only the formal part with the findings.
struct AssessedApplication {
    ApplicationReport report;
    const model::Application* application = nullptr;
    const model::RulePack* pack = nullptr;
};

enum class RequirementState { met, not_met, for_reviewer };

// One row of step 1. `key` names the requirement in the catalogue
// ("req.programme_fit" …); `rules`: the rule ids of the findings that
// decided "not met" (empty when met or for the reviewer); `checked`: the
// rules esfdraft ran for it; `note`: a catalogue key that explains a row
// left to the reviewer although esfdraft has a rule for it.
struct RequirementRow {
    std::string key;
    RequirementState state = RequirementState::for_reviewer;
    std::vector<std::string> rules;
    std::vector<std::string> checked;
    std::string note;
    std::string section;  // a formal section requirement: the plan section it asks for
};

// The formal checklist: programme and call fit (X003, M001, M008),
// co-financing (B006, B007), attachments (M009, when the call lists any),
// applicant details (M010, when the pack turns it on), each section the
// pack's <formalSection> asks for (ESF+: fundamental rights; not met when
// the section is missing or empty or has an error or warning); a
// requirement is not met when one of its rules reported an error or a
// warning. Then, always for the
// reviewer: the signatory's authority, debts to the state, active
// organisations (no bankruptcy), state aid. A plan that did not load has
// every row for the reviewer.
std::vector<RequirementRow> formal_checklist(const AssessedApplication& assessed);

// The findings that concern a criterion: those whose section is one of the
// criterion's sections, in report order.
model::Findings criterion_findings(const model::AssessmentCriterion& criterion, const model::Findings& findings);

// ---------------------------------------------------------------- the document, format-free
// What the assessment document says, built once from the check and already
// in the document's language (every label from the catalogue), so the HTML
// page and the Word document (the pipeline maps it onto docx's template
// engine) show the same content. Nothing here knows a format: spans carry
// emphasis as flags, blocks are paragraphs and lists.

// A span of text. `note`: a remark for the reviewer (the HTML shows it in
// italics as "for-reviewer").
struct DocSpan {
    std::string text;
    bool strong = false;
    bool emphasis = false;
    bool code = false;
    bool note = false;
};
using DocSpans = std::vector<DocSpan>;

struct DocBlock;
// A list item: its text, then blocks under it (a target group's
// description, a goal's indicators). `blocks_on_new_line`: the HTML starts
// the blocks on a line of their own (a nested list), which keeps the page's
// bytes as they were.
struct DocItem {
    DocSpans spans;
    std::vector<DocBlock> blocks;
    bool blocks_on_new_line = false;
};
struct DocBlock {
    enum class Kind { paragraph, bullet_list, numbered_list };
    Kind kind = Kind::paragraph;
    DocSpans spans;              // a paragraph
    std::vector<DocItem> items;  // a list
};
using DocBlocks = std::vector<DocBlock>;

// One finding as a table row.
struct FindingRow {
    std::string severity;        // "error", "warning", "info" (a style, not words)
    std::string severity_words;  // "fel" / "error"
    std::string rule;
    std::string message;
    std::string location;  // "rad 12" / "line 12", or the file when the finding is in another file or has no line
    bool location_is_file = false;
};

// One row of step 1 with its words.
struct ChecklistEntry {
    RequirementRow row;
    std::string id;           // "req-programme_fit", "req-fundamentalRights": unique in the document
    std::string requirement;  // the requirement in words (a section requirement with the section's name)
    DocSpans basis;           // what decided it: the rules esfdraft ran, the rules that reported, a note
};

// A plan section shown under a criterion.
struct PlanSection {
    std::string name;      // the section's name in the language
    bool present = false;  // false: the plan does not have it (content empty)
    DocBlocks content;
};

struct CriterionPart {
    std::string code;  // the pack's code
    std::string id;    // the code with anything but letters, digits and '-' as '-'
    std::string name;
    std::vector<PlanSection> sections;  // empty: the pack ties no section to the criterion
    std::vector<FindingRow> findings;   // criterion_findings, in report order
    bool has_evidence = false;          // the criterion concerns the goals: the evidence trail follows
    DocBlocks evidence;
};

struct AssessmentDocument {
    std::string name;  // the plan's title, else its file
    std::string date;  // options.date
    std::vector<std::pair<std::string, std::string>>
        facts;                // label, value: file, programme, call, area, phase, owner, period
    std::string case_number;  // the plan's case number, empty when it has none
    bool ready = false;       // ready to submit (no errors)
    std::string verdict;      // the verdict in words
    std::string counts;       // "2 fel, 1 varning"
    std::vector<ChecklistEntry> checklist;
    bool loaded = false;                     // the plan loaded and names a pack: step 2 follows
    std::vector<FindingRow> all_findings;    // !loaded: every finding, sorted
    std::vector<CriterionPart> criteria;     // the pack's criteria in order
    std::optional<model::ScoreScale> scale;  // the pack's score scale
    std::string scale_text;                  // "1–5", empty without a scale
};

// Builds the document's content in `language`; never throws for a plan that
// loaded (an overflowing budget shows no sums).
AssessmentDocument describe_assessment(const AssessedApplication& assessed, const ReportOptions& options);

// One standalone, accessible HTML page (lang, headings, labelled form
// fields that print as empty boxes, no script, print styles).
std::string render_assessment_html(const AssessedApplication& assessed, const ReportOptions& options);

// A batch: one table per call (pack and call; plans without a call
// together), ranked by errors, then warnings, then title; plans that could
// not be checked at all are listed after the tables with `failures`.
std::string render_assessment_ranking(const std::vector<AssessedApplication>& applications,
                                      const std::vector<std::string>& failures, const ReportOptions& options);

}  // namespace esfdraft::report
