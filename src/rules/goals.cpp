// Goals G001–G008 (docs/rules.md, "Goals").
#include "rules/check.hpp"
#include "rules/terms.hpp"

namespace esfdraft::rules {

namespace {

using model::MessageArg;
using model::Severity;

MessageArg decimal(const model::Decimal& value) { return MessageArg::of_text(value.text()); }

// How a message names an indicator: its text, shortened, or its unit when it has none.
std::string indicator_name(const model::Indicator& indicator) {
    return indicator.text.empty() ? indicator.unit : excerpt(indicator.text, 50);
}

bool served_by_an_activity(const model::Application& application, const std::string& goal_id) {
    for (const model::Activity& activity : application.activities)
        for (const std::string& id : activity.goal_ids)
            if (id == goal_id) return true;
    return false;
}

}  // namespace

model::Findings check_goals(const model::Application& application, const model::RulePack&, const CheckContext&) {
    model::Findings out;
    const model::SourceLocation& goals_where = located_or(application.goals_where, application.where);

    bool has_project_goal = false;
    bool has_effect_goal = false;
    for (const model::Goal& goal : application.goals) {
        has_project_goal = has_project_goal || goal.kind == "project";
        has_effect_goal = has_effect_goal || goal.kind == "effect";
    }
    if (!has_project_goal) out.push_back(make_finding("G001", Severity::error, "goals", "G001.no_project_goal", goals_where));
    if (!has_effect_goal) out.push_back(make_finding("G002", Severity::warning, "goals", "G002.no_effect_goal", goals_where));

    const model::Period& period = application.project.period;
    const bool period_known = period.start.valid() && period.end.valid() && !(period.end < period.start);
    const bool implementation = application.project.phase.value == "implementation";

    for (const model::Goal& goal : application.goals) {
        const MessageArg goal_id = MessageArg::of_text(goal.id);
        if (goal.indicators.empty())
            out.push_back(make_finding("G003", Severity::error, "goals", "G003.no_indicator", goal.where).arg("goal", goal_id));

        for (const model::Indicator& indicator : goal.indicators) {
            const MessageArg name = MessageArg::of_text(indicator_name(indicator));
            // G004: only a project goal must be reached within the project;
            // an effect goal is due afterwards by definition.
            if (goal.kind == "project" && period_known && indicator.due && indicator.due->valid() &&
                (*indicator.due < period.start || period.end < *indicator.due))
                out.push_back(make_finding("G004", Severity::error, "goals", "G004.due_outside", indicator.where)
                                  .arg("goal", goal_id)
                                  .arg("indicator", name)
                                  .arg("due", MessageArg::of_date(*indicator.due))
                                  .arg("period", MessageArg::of_text(period_text(period.start, period.end))));

            if (indicator.unit == "persons") {
                if (!indicator.women || !indicator.men) {
                    out.push_back(make_finding("G005", Severity::warning, "goals", "G005.no_split", indicator.where)
                                      .arg("goal", goal_id)
                                      .arg("indicator", name)
                                      .arg("target", decimal(indicator.target)));
                } else if (indicator.women->micros + indicator.men->micros != indicator.target.micros) {
                    out.push_back(make_finding("G005", Severity::error, "goals", "G005.split_mismatch", indicator.where)
                                      .arg("goal", goal_id)
                                      .arg("indicator", name)
                                      .arg("women", decimal(*indicator.women))
                                      .arg("men", decimal(*indicator.men))
                                      .arg("sum", decimal(model::Decimal{indicator.women->micros + indicator.men->micros}))
                                      .arg("target", decimal(indicator.target)));
                }
            }

            if (!(indicator.baseline < indicator.target))
                out.push_back(make_finding("G008", Severity::warning, "goals", "G008.target_not_above_baseline", indicator.where)
                                  .arg("goal", goal_id)
                                  .arg("indicator", name)
                                  .arg("target", decimal(indicator.target))
                                  .arg("baseline", decimal(indicator.baseline)));
        }

        if (!served_by_an_activity(application, goal.id))
            out.push_back(make_finding("G006", Severity::error, "goals", "G006.no_activity", goal.where).arg("goal", goal_id));

        if (implementation && application.findings && goal.basis.empty())
            out.push_back(make_finding("G007", Severity::warning, "goals", "G007.no_basis", goal.where)
                              .arg("goal", goal_id)
                              .arg("programme", MessageArg::of_text(application.programme)));
    }
    return out;
}

}  // namespace esfdraft::rules
