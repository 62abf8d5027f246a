// Pre-study findings F001–F004 (docs/rules.md, "Findings"): the evidence an
// implementation application rests on.
#include "rules/check.hpp"
#include "rules/rule_finding.hpp"

namespace esfdraft::rules {

namespace {

using model::MessageArg;
using model::Severity;

bool named_as_basis(const model::Application& application, const std::string& finding_id) {
    for (const model::Goal& goal : application.goals)
        for (const model::GoalBasis& basis : goal.basis)
            if (basis.finding_id == finding_id) return true;
    return false;
}

bool has_finding_for(const model::PreStudyFindings& findings, const std::string& question_id) {
    for (const model::StudyFinding& finding : findings.findings)
        if (finding.question_id == question_id) return true;
    return false;
}

}  // namespace

model::Findings check_findings(const model::Application& application, const model::RulePack&, const CheckContext&) {
    model::Findings out;
    if (!application.findings) return out;
    const model::PreStudyFindings& study = *application.findings;

    for (const model::StudyFinding& finding : study.findings) {
        if (!finding.out_of_scope && !named_as_basis(application, finding.id))
            out.push_back(rule_finding("F001", "findings", "F001.unused", finding.where)
                              .arg("finding", MessageArg::of_text(finding.id))
                              .arg("statement", MessageArg::of_text(excerpt(finding.statement, 60))));
        if (finding.evidence.empty())
            out.push_back(rule_finding("F004", "findings", "F004.no_evidence", finding.where)
                              .arg("finding", MessageArg::of_text(finding.id)));
    }
    for (const model::ResearchQuestion& question : study.questions)
        if (!has_finding_for(study, question.id))
            out.push_back(rule_finding("F002", "findings", "F002.unanswered", question.where)
                              .arg("question", MessageArg::of_text(question.id))
                              .arg("text", MessageArg::of_text(excerpt(question.text, 60))));

    if (const auto& pre_study = application.project.pre_study) {
        const model::Period& planned = pre_study->period;
        const model::Period& studied = study.study_period;
        if (planned.start != studied.start || planned.end != studied.end)
            out.push_back(
                rule_finding("F003", "findings", "F003.period", located_or(pre_study->where, application.where))
                    .arg("plan", MessageArg::of_text(period_text(planned.start, planned.end)))
                    .arg("study", MessageArg::of_text(period_text(studied.start, studied.end)))
                    .arg("file", MessageArg::of_text(study.file))
                    .arg("programme", MessageArg::of_text(application.programme)));
    }
    return out;
}

}  // namespace esfdraft::rules
