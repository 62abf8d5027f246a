#include "pipeline/assess.hpp"

#include "pipeline/pipeline.hpp"
#include "report/assessment.hpp"

namespace esfdraft::pipeline {

AssessResult assess(const AssessRequest& request) {
    if (request.plans.empty()) throw ToolError(model::Said("assess behöver en plan", "assess needs a plan"));
    if (!request.ranking && request.plans.size() != 1)
        throw ToolError(model::Said("bedömningsdokumentet görs för en plan i taget",
                                    "the assessment document is made for one plan at a time"));
    if (request.ranking && request.format != AssessmentFormat::html)
        throw ToolError(model::Said("rangordningen av flera planer skrivs bara som HTML",
                                    "the ranking of several plans is written as HTML only"));
    // The checked plans keep pointers into the session (its packs), so the session outlives the rendering.
    CheckSession session(request.today);
    std::vector<CheckedPlan> checked;
    std::vector<std::string> inputs;
    AssessResult result;
    for (const std::string& plan : request.plans) {
        inputs.push_back(plan);
        if (request.findings_override) inputs.push_back(*request.findings_override);
        try {
            checked.push_back(session.check(plan, request.findings_override));
            if (checked.back().findings_file) inputs.push_back(*checked.back().findings_file);
        } catch (const ToolError& error) {
            if (!request.ranking) throw;
            result.failures.push_back(named_after(plan, error.said()).in(report::language_code(request.language)));
        }
    }
    std::vector<report::AssessedApplication> assessed;
    for (const CheckedPlan& plan : checked) {
        assessed.push_back(
            {plan.report, plan.application ? &*plan.application : nullptr, plan.application ? plan.pack : nullptr});
        if (!report::ready_to_submit(plan.report.findings, false)) result.all_ready = false;
    }
    report::ReportOptions options;
    options.language = request.language;
    options.date = request.today.iso();
    const std::string bytes = request.ranking
                                  ? report::render_assessment_ranking(assessed, result.failures, options)
                                  : render_assessment(checked.front(), options, request.format, session.data_folder());
    write_file_atomically(request.output, bytes, inputs);
    result.written = request.output;
    result.plans = static_cast<int>(checked.size());
    return result;
}

}  // namespace esfdraft::pipeline
