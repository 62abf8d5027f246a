// The reviewer's assessment document (`esfdraft assess`): step 1, the
// formal requirements as a checklist, the ones esfdraft can decide filled in
// from the check's findings; step 2, one part per selection criterion of the
// pack with the plan's text that bears on it, the findings of those
// sections, the pre-study's evidence behind the goals, and empty score and
// comment fields for the reviewer. And the ranking of a batch by
// completeness. esfdraft never proposes a score.
#pragma once

#include <string>
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
    std::string section;   // a formal section requirement: the plan section it asks for
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

// One standalone, accessible HTML page (lang, headings, labelled form
// fields that print as empty boxes, no script, print styles).
std::string render_assessment_html(const AssessedApplication& assessed, const ReportOptions& options);

// A batch: one table per call (pack and call; plans without a call
// together), ranked by errors, then warnings, then title; plans that could
// not be checked at all are listed after the tables with `failures`.
std::string render_assessment_ranking(const std::vector<AssessedApplication>& applications,
                                      const std::vector<std::string>& failures, const ReportOptions& options);

}  // namespace esfdraft::report
