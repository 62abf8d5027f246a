// Goals G001–G009 (docs/rules.md, "Goals" and "Added rules").
#include "rules/check.hpp"
#include "rules/rule_finding.hpp"

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

// The indicator's value for one of the plan format's gender attributes.
const std::optional<model::Decimal>& gender_value(const model::Indicator& indicator, std::string_view code) {
    static const std::optional<model::Decimal> none;
    if (code == "women") return indicator.women;
    if (code == "men") return indicator.men;
    if (code == "nonBinary") return indicator.non_binary;
    return none;
}

bool declares(const model::RulePack& pack, std::string_view code) {
    for (const model::GenderCategory& category : pack.gender_categories)
        if (category.code == code) return true;
    return false;
}

// G005 over the pack's gender categories: the required ones are given, and
// they and the optional ones given add up to the target.
void check_gender_split(const model::Indicator& indicator, const MessageArg& goal_id, const MessageArg& name,
                        const model::RulePack& pack, model::Findings& out) {
    if (pack.gender_categories.empty()) return;  // a pack without categories asks for no split
    std::vector<std::string> required;
    bool all_required = true;
    std::int64_t sum = 0;
    for (const model::GenderCategory& category : pack.gender_categories) {
        const std::optional<model::Decimal>& value = gender_value(indicator, category.code);
        if (!category.optional) required.push_back(category.code);
        if (value)
            sum += value->micros;
        else if (!category.optional)
            all_required = false;
    }
    if (!all_required) {
        out.push_back(rule_finding("G005", "goals", "G005.no_split", indicator.where)
                          .arg("goal", goal_id)
                          .arg("indicator", name)
                          .arg("target", decimal(indicator.target))
                          .arg("categories", MessageArg::of_text(join(required))));
        return;
    }
    if (sum == indicator.target.micros) return;
    const bool non_binary = indicator.non_binary && declares(pack, "nonBinary");
    const char* message = non_binary             ? "G005.split_mismatch_non_binary"
                          : indicator.non_binary ? "G005.split_mismatch_undeclared"
                                                 : "G005.split_mismatch";
    model::Finding finding = at_second_level(rule_finding("G005", "goals", message, indicator.where));
    finding.arg("goal", goal_id).arg("indicator", name);
    if (indicator.women) finding.arg("women", decimal(*indicator.women));
    if (indicator.men) finding.arg("men", decimal(*indicator.men));
    if (indicator.non_binary) finding.arg("non_binary", decimal(*indicator.non_binary));
    finding.arg("sum", decimal(model::Decimal{sum}))
        .arg("target", decimal(indicator.target))
        .arg("categories", MessageArg::of_text(join(required)));
    out.push_back(std::move(finding));
}

// G009 (info): an indicator that is not one of the pack's common indicators:
// one without a code (a hint to give one), or one whose code the pack does not have.
void check_common_indicator(const model::Indicator& indicator, const MessageArg& goal_id, const MessageArg& name,
                            const model::RulePack& pack, model::Findings& out) {
    if (!indicator.code) {
        // Only where the pack has common indicators of this unit could the
        // indicator have been one (ESF+ has persons only, not organisations).
        bool could_be_common = false;
        for (const model::CommonIndicator& common : pack.common_indicators)
            could_be_common = could_be_common || common.unit == indicator.unit;
        if (!could_be_common) return;
        out.push_back(rule_finding("G009", "goals", "G009.project_specific", indicator.where)
                          .arg("goal", goal_id)
                          .arg("indicator", name));
        return;
    }
    if (pack.common_indicators.empty() || pack.find_common_indicator(*indicator.code)) return;
    std::vector<std::string> codes;
    for (const model::CommonIndicator& common : pack.common_indicators) codes.push_back(common.code);
    out.push_back(rule_finding("G009", "goals", "G009.unknown_code", indicator.where)
                      .arg("goal", goal_id)
                      .arg("indicator", name)
                      .arg("code", MessageArg::of_text(*indicator.code))
                      .arg("programme", MessageArg::of_text(pack.name))
                      .arg("codes", MessageArg::of_text(join(codes))));
}

}  // namespace

model::Findings check_goals(const model::Application& application, const model::RulePack& pack, const CheckContext&) {
    model::Findings out;
    const model::SourceLocation& goals_where = located_or(application.goals_where, application.where);

    bool has_project_goal = false;
    bool has_effect_goal = false;
    for (const model::Goal& goal : application.goals) {
        has_project_goal = has_project_goal || goal.kind == "project";
        has_effect_goal = has_effect_goal || goal.kind == "effect";
    }
    if (!has_project_goal) out.push_back(rule_finding("G001", "goals", "G001.no_project_goal", goals_where));
    if (!has_effect_goal) out.push_back(rule_finding("G002", "goals", "G002.no_effect_goal", goals_where));

    const model::Period& period = application.project.period;
    const bool period_known = period.start.valid() && period.end.valid() && !(period.end < period.start);
    const bool implementation = application.project.phase.value == "implementation";

    for (const model::Goal& goal : application.goals) {
        const MessageArg goal_id = MessageArg::of_text(goal.id);
        if (goal.indicators.empty())
            out.push_back(rule_finding("G003", "goals", "G003.no_indicator", goal.where).arg("goal", goal_id));

        for (const model::Indicator& indicator : goal.indicators) {
            const MessageArg name = MessageArg::of_text(indicator_name(indicator));
            // G004: only a project goal must be reached within the project;
            // an effect goal is due afterwards by definition.
            if (goal.kind == "project" && period_known && indicator.due && indicator.due->valid() &&
                (*indicator.due < period.start || period.end < *indicator.due))
                out.push_back(rule_finding("G004", "goals", "G004.due_outside", indicator.where)
                                  .arg("goal", goal_id)
                                  .arg("indicator", name)
                                  .arg("due", MessageArg::of_date(*indicator.due))
                                  .arg("period", MessageArg::of_text(period_text(period.start, period.end))));

            if (indicator.unit == "persons") check_gender_split(indicator, goal_id, name, pack, out);
            check_common_indicator(indicator, goal_id, name, pack, out);

            if (!(indicator.baseline < indicator.target))
                out.push_back(rule_finding("G008", "goals", "G008.target_not_above_baseline", indicator.where)
                                  .arg("goal", goal_id)
                                  .arg("indicator", name)
                                  .arg("target", decimal(indicator.target))
                                  .arg("baseline", decimal(indicator.baseline)));
        }

        if (!served_by_an_activity(application, goal.id))
            out.push_back(rule_finding("G006", "goals", "G006.no_activity", goal.where).arg("goal", goal_id));

        if (implementation && application.findings && goal.basis.empty())
            out.push_back(rule_finding("G007", "goals", "G007.no_basis", goal.where)
                              .arg("goal", goal_id)
                              .arg("programme", MessageArg::of_text(application.programme)));
    }
    return out;
}

}  // namespace esfdraft::rules
