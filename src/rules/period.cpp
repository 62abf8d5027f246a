// Period D001–D007 (docs/rules.md, "Period").
#include "rules/check.hpp"
#include "rules/rule_finding.hpp"
#include "rules/terms.hpp"

namespace esfdraft::rules {

namespace {

using model::MessageArg;
using model::Severity;

// The element a D001 names: what it is ("project", "activity", …) and, for
// an activity, its number as the draft numbers them (A1, A2, … in document
// order) and its id, so the owner finds it without reading the path.
struct Dated {
    std::string_view what;
    std::string number;  // "A3"; empty for elements the draft does not number
    std::string id;
    std::string_view programme;  // for the programme period's words ("förstudiens period")
};

// `message` for most elements, `activity_message` (which names the number and id) for an activity.
model::Finding d001(std::string_view message, std::string_view activity_message, std::string_view section,
                    const Dated& element, const model::SourceLocation& where) {
    if (element.number.empty())
        return rule_finding("D001", section, message, where)
            .arg("what", MessageArg::of_text(std::string(element.what)))
            .arg("programme", MessageArg::of_text(std::string(element.programme)));
    return rule_finding("D001", section, activity_message, where)
        .arg("what", MessageArg::of_text(std::string(element.what)))
        .arg("number", MessageArg::of_text(element.number))
        .arg("activity", MessageArg::of_text(element.id));
}

// D001 for one start–end pair: each date exists, and the end is not before
// the start. Returns true when the pair can be used by the other rules.
// An end on the start day is allowed: dates are inclusive, so that is a one-day span.
bool check_dates(const model::Date& start, const model::Date& end, std::string_view section, const Dated& element,
                 const model::SourceLocation& where, model::Findings& out) {
    bool usable = true;
    for (const auto& [date, attribute] : {std::pair{&start, "start"}, std::pair{&end, "end"}}) {
        if (date->valid()) continue;
        usable = false;
        out.push_back(d001("D001.invalid_date", "D001.activity_invalid_date", section, element, where)
                          .arg("attribute", MessageArg::of_text(attribute))
                          .arg("date", MessageArg::of_text(date->iso())));
    }
    if (usable && end < start) {
        usable = false;
        out.push_back(d001("D001.end_before_start", "D001.activity_end_before_start", section, element, where)
                          .arg("start", MessageArg::of_date(start))
                          .arg("end", MessageArg::of_date(end)));
    }
    return usable;
}

void check_single_date(const model::Date& date, std::string_view section, std::string_view what,
                       std::string_view attribute, const model::SourceLocation& where, model::Findings& out) {
    if (date.valid()) return;
    out.push_back(rule_finding("D001", section, "D001.invalid_date", where)
                      .arg("what", MessageArg::of_text(std::string(what)))
                      .arg("attribute", MessageArg::of_text(std::string(attribute)))
                      .arg("date", MessageArg::of_text(date.iso())));
}

// Counted exactly from the start date to the end date, as the limits are
// compared: "6 months and 1 day" is over a 6-month limit, never "7 months".
model::Finding with_duration(model::Finding finding, const model::Date::MonthsAndDays& span) {
    return std::move(
        finding.arg("months", MessageArg::of_number(span.months)).arg("days", MessageArg::of_number(span.days)));
}

// What D001 leaves usable for the other rules.
struct UsableDates {
    bool period = false, pre_study = false;
    std::vector<const model::Activity*> activities;
};

// D001 over every date of the plan and the findings.
UsableDates check_every_date(const model::Application& application, const model::SourceLocation& period_where,
                             model::Findings& out) {
    const model::Project& project = application.project;
    const model::Period& period = project.period;
    UsableDates usable;
    usable.period =
        check_dates(period.start, period.end, "project", {"project", "", "", application.programme}, period_where, out);
    if (project.pre_study)
        usable.pre_study = check_dates(project.pre_study->period.start, project.pre_study->period.end, "project",
                                       {"preStudy", "", "", application.programme},
                                       located_or(project.pre_study->where, period_where), out);
    for (std::size_t i = 0; i < application.activities.size(); ++i) {
        const model::Activity& activity = application.activities[i];
        if (check_dates(activity.start, activity.end, "activities",
                        {"activity", "A" + std::to_string(i + 1), activity.id, application.programme}, activity.where,
                        out))
            usable.activities.push_back(&activity);
    }
    for (const model::Goal& goal : application.goals)
        for (const model::Indicator& indicator : goal.indicators)
            if (indicator.due) check_single_date(*indicator.due, "goals", "indicator", "due", indicator.where, out);
    if (application.findings) {
        const model::Period& study = application.findings->study_period;
        check_dates(study.start, study.end, "findings", {"study", "", "", application.programme},
                    located_or(study.where, application.findings->where), out);
    }
    return usable;
}

// D002: the period's length against the phase's limits; an error limit wins
// over a warning limit.
void check_duration(const model::Application& application, const Terms& terms,
                    const model::SourceLocation& period_where, model::Findings& out) {
    const model::Period& period = application.project.period;
    const model::Date::MonthsAndDays duration = period.start.months_and_days_until(period.end);
    const MessageArg programme = MessageArg::of_text(application.programme);
    if (terms.phase) {
        const auto& error_limit = terms.phase->error_above_months;
        const auto& warn_limit = terms.phase->warn_above_months;
        if (error_limit && duration.longer_than(error_limit->value))
            out.push_back(
                with_duration(at_second_level(rule_finding("D002", "project", "D002.too_long", period_where)), duration)
                    .arg("phase_name", MessageArg::of_text(terms.phase->code))
                    .arg("programme", programme)
                    .arg("limit", MessageArg::of_number(error_limit->value)));
        else if (warn_limit && duration.longer_than(warn_limit->value))
            out.push_back(with_duration(rule_finding("D002", "project", "D002.long", period_where), duration)
                              .arg("phase_name", MessageArg::of_text(terms.phase->code))
                              .arg("programme", programme)
                              .arg("limit", MessageArg::of_number(warn_limit->value)));
    }
}

// D003: the programme's eligibility window; D004: the call's dates.
void check_windows(const model::Period& period, const model::RulePack& pack, const Terms& terms,
                   const model::SourceLocation& period_where, model::Findings& out) {
    const MessageArg start = MessageArg::of_date(period.start);
    const MessageArg end = MessageArg::of_date(period.end);
    const model::Date& window_start = pack.eligibility_start.value;
    const model::Date& window_end = pack.eligibility_end.value;
    const MessageArg window = MessageArg::of_text(period_text(window_start, window_end));
    if (window_start.valid() && period.start < window_start)
        out.push_back(rule_finding("D003", "project", "D003.before_window", period_where)
                          .arg("start", start)
                          .arg("window", window)
                          .arg("programme", MessageArg::of_text(pack.name)));
    if (window_end.valid() && window_end < period.end)
        out.push_back(rule_finding("D003", "project", "D003.after_window", period_where)
                          .arg("end", end)
                          .arg("window", window)
                          .arg("programme", MessageArg::of_text(pack.name)));

    if (terms.earliest_start && period.start < terms.earliest_start->value)
        out.push_back(rule_finding("D004", "project", "D004.too_early", period_where)
                          .arg("start", start)
                          .arg("earliest", MessageArg::of_date(terms.earliest_start->value))
                          .arg("call", MessageArg::of_text(terms.earliest_start->set_by)));
    if (terms.latest_end && terms.latest_end->value < period.end)
        out.push_back(rule_finding("D004", "project", "D004.too_late", period_where)
                          .arg("end", end)
                          .arg("latest", MessageArg::of_date(terms.latest_end->value))
                          .arg("call", MessageArg::of_text(terms.latest_end->set_by)));
}

// D006: an implementation project starts after its pre-study, and not long after.
void check_pre_study_gap(const model::Application& application, const model::RulePack& pack,
                         const model::SourceLocation& period_where, model::Findings& out) {
    const model::Project& project = application.project;
    const model::Period& period = project.period;
    const MessageArg start = MessageArg::of_date(period.start);
    const MessageArg programme = MessageArg::of_text(application.programme);
    if (project.phase.value == "implementation" && project.pre_study) {
        const model::Date& pre_study_end = project.pre_study->period.end;
        if (!(pre_study_end < period.start)) {
            out.push_back(rule_finding("D006", "project", "D006.overlap", period_where)
                              .arg("start", start)
                              .arg("prestudy_end", MessageArg::of_date(pre_study_end))
                              .arg("programme", programme));
        } else {
            const model::Date::MonthsAndDays gap = pre_study_end.months_and_days_until(period.start);
            if (gap.longer_than(pack.prestudy_gap_warn_months.value))
                out.push_back(
                    with_duration(at_second_level(rule_finding("D006", "project", "D006.gap", period_where)), gap)
                        .arg("programme", programme)
                        .arg("prestudy_end", MessageArg::of_date(pre_study_end))
                        .arg("start", start)
                        .arg("limit", MessageArg::of_number(pack.prestudy_gap_warn_months.value)));
        }
    }
}

}  // namespace

model::Findings check_period(const model::Application& application, const model::RulePack& pack,
                             const CheckContext& context) {
    model::Findings out;
    const Terms terms = terms_for(application, pack, context);
    const model::Project& project = application.project;
    const model::Period& period = project.period;
    const model::SourceLocation& period_where = located_or(period.where, located_or(project.where, application.where));
    const UsableDates usable = check_every_date(application, period_where, out);
    if (!usable.period) return out;

    check_duration(application, terms, period_where, out);
    check_windows(period, pack, terms, period_where, out);
    for (const model::Activity* activity : usable.activities)
        if (activity->start < period.start || period.end < activity->end)
            out.push_back(rule_finding("D005", "activities", "D005.activity_outside", activity->where)
                              .arg("activity", MessageArg::of_text(activity->id))
                              .arg("dates", MessageArg::of_text(period_text(activity->start, activity->end)))
                              .arg("period", MessageArg::of_text(period_text(period.start, period.end))));

    if (usable.pre_study) check_pre_study_gap(application, pack, period_where, out);
    if (context.today.valid() && period.start < context.today)
        out.push_back(rule_finding("D007", "project", "D007.started", period_where)
                          .arg("start", MessageArg::of_date(period.start))
                          .arg("today", MessageArg::of_date(context.today)));
    return out;
}

}  // namespace esfdraft::rules
