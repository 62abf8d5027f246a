// The application view: target groups, goals, activities and the timeline.
#include <algorithm>
#include <set>

#include "docx/view_builder.hpp"

namespace esfdraft::docx::view {

TemplateValue ViewBuilder::target_groups() const {
    TemplateValue out = TemplateValue::list();
    for (const model::TargetGroup& group : app_.target_groups) {
        TemplateValue item = TemplateValue::map();
        item.set("id", text(group.id));
        item.set("name", text(group.name));
        item.set("description", group.description && !group.description->empty()
                                    ? TemplateValue::rich_text(rich(*group.description))
                                    : TemplateValue());
        item.set("women", decimal(group.women));
        item.set("men", decimal(group.men));
        item.set("split", gender_split(group.women, group.men, std::nullopt));
        item.set("total", group.women && group.men
                              ? text(model::Decimal{group.women->micros + group.men->micros}.text())
                              : TemplateValue());
        out.push(std::move(item));
    }
    return out;
}

TemplateValue ViewBuilder::goals() const {
    TemplateValue out = TemplateValue::list();
    const model::PreStudyFindings* findings = app_.findings ? &*app_.findings : nullptr;
    for (const model::Goal& goal : app_.goals) {
        TemplateValue item = TemplateValue::map();
        item.set("id", text(goal.id));
        item.set("label", text(label(goal_label_, goal.id)));
        item.set("kind", text(goal.kind));
        item.set("kind_label", text(goal.kind == "effect" ? words_("Effektmål", "Effect goal")
                                                          : words_("Projektmål", "Project goal")));
        item.set("statement", text(goal.statement));
        TemplateValue indicators = TemplateValue::list();
        for (const model::Indicator& indicator : goal.indicators) {
            TemplateValue i = TemplateValue::map();
            i.set("text", text(indicator.text));
            i.set("unit", text(indicator.unit));
            i.set("unit_label", text(label_of(unit_labels, indicator.unit, lang_)));
            i.set("baseline", text(indicator.baseline.text()));
            i.set("target", text(indicator.target.text()));
            i.set("women", decimal(indicator.women));
            i.set("men", decimal(indicator.men));
            i.set("non_binary", decimal(indicator.non_binary));
            i.set("split", gender_split(indicator.women, indicator.men, indicator.non_binary));
            i.set("code", optional(indicator.code));
            i.set("common", TemplateValue::boolean(indicator.code.has_value()));
            i.set("due", indicator.due ? date(*indicator.due) : TemplateValue());
            indicators.push(std::move(i));
        }
        item.set("has_indicators", TemplateValue::boolean(!goal.indicators.empty()));
        item.set("indicators", indicators);
        TemplateValue basis = TemplateValue::list();
        std::vector<std::string> labels;
        for (const model::GoalBasis& b : goal.basis) {
            TemplateValue entry = TemplateValue::map();
            entry.set("id", text(b.finding_id));
            entry.set("label", text(label(finding_label_, b.finding_id)));
            const model::StudyFinding* finding = findings ? findings->find(b.finding_id) : nullptr;
            entry.set("statement", text(finding ? finding->statement : b.finding_id));
            basis.push(std::move(entry));
            labels.push_back(label(finding_label_, b.finding_id));
        }
        item.set("basis", basis);
        item.set("basis_labels", text(joined(labels, ", ", "–")));
        out.push(std::move(item));
    }
    return out;
}

TemplateValue ViewBuilder::activities() const {
    TemplateValue out = TemplateValue::list();
    for (const model::Activity& activity : app_.activities) {
        TemplateValue item = TemplateValue::map();
        item.set("id", text(activity.id));
        item.set("label", text(activity_label_at_[static_cast<std::size_t>(&activity - app_.activities.data())]));
        item.set("title", text(activity.title));
        item.set("description", activity.description && !activity.description->empty()
                                    ? TemplateValue::rich_text(rich(*activity.description))
                                    : marker(words_, "Beskrivning", "Description"));
        item.set("start", date(activity.start));
        item.set("end", date(activity.end));
        std::vector<std::string> goal_labels, tags;
        for (const std::string& id : activity.goal_ids) goal_labels.push_back(label(goal_label_, id));
        for (const std::string& tag : activity.tags) tags.push_back(code_label(model::tag_words(tag), tag, lang_));
        item.set("goals", text(joined(goal_labels, ", ", "–")));
        item.set("tags", tags.empty() ? TemplateValue() : text(joined(tags, ", ", "")));
        item.set("costs", money(costs_of_activity(activity.id)));
        out.push(std::move(item));
    }
    return out;
}

std::string ViewBuilder::month_label(int year, int month) const {
    return std::string(lang_ == "en" ? short_months_en[static_cast<std::size_t>(month - 1)]
                                     : short_months_sv[static_cast<std::size_t>(month - 1)]) +
           " " + std::to_string(year);
}

TemplateValue ViewBuilder::timeline() const {
    const std::vector<TimelineMonth> calendar = timeline_calendar();
    TemplateValue out = TemplateValue::map();
    out.set("months", timeline_months(calendar));
    out.set("runs", timeline_runs(calendar));
    timeline_chart(calendar, out);
    return out;
}

std::vector<ViewBuilder::TimelineMonth> ViewBuilder::timeline_calendar() const {
    std::vector<TimelineMonth> calendar;
    const model::Period& period = app_.project.period;
    if (period.start.valid() && period.end.valid() && period.start <= period.end) {
        int year = period.start.year, month = period.start.month;
        for (int guard = 0;
             guard < 240 && (year < period.end.year || (year == period.end.year && month <= period.end.month));
             ++guard) {
            const model::Date first{year, month, 1};
            const model::Date last{year, month, model::days_in_month(year, month)};
            TimelineMonth item{year, month, {}};
            for (std::size_t i = 0; i < app_.activities.size(); ++i)
                if (app_.activities[i].start <= last && first <= app_.activities[i].end) item.active.push_back(i);
            calendar.push_back(std::move(item));
            if (++month > 12) month = 1, ++year;
        }
    }
    return calendar;
}

std::string ViewBuilder::labels_of(const std::vector<std::size_t>& active) const {
    std::vector<std::string> labels;
    for (std::size_t i : active) labels.push_back(activity_label_at_[i]);
    return joined(labels, ", ", "–");
}

TemplateValue ViewBuilder::timeline_months(const std::vector<TimelineMonth>& calendar) const {
    TemplateValue months = TemplateValue::list();
    for (const TimelineMonth& m : calendar) {
        TemplateValue item = TemplateValue::map();
        item.set("month", text(model::Date{m.year, m.month, 1}.iso().substr(0, 7)));
        item.set("label", text(month_label(m.year, m.month)));
        item.set("activities", text(labels_of(m.active)));
        months.push(std::move(item));
    }
    return months;
}

TemplateValue ViewBuilder::timeline_runs(const std::vector<TimelineMonth>& calendar) const {
    TemplateValue runs = TemplateValue::list();
    for (std::size_t k = 0; k < calendar.size();) {
        std::size_t last = k;
        while (last + 1 < calendar.size() && calendar[last + 1].active == calendar[k].active) ++last;
        TemplateValue item = TemplateValue::map();
        const std::string from = month_label(calendar[k].year, calendar[k].month);
        const std::string to = month_label(calendar[last].year, calendar[last].month);
        item.set("label", text(last == k ? from : from + " – " + to));
        item.set("activities", text(labels_of(calendar[k].active)));
        runs.push(std::move(item));
        k = last + 1;
    }

    return runs;
}

void ViewBuilder::timeline_chart(const std::vector<TimelineMonth>& calendar, TemplateValue& out) const {
    const model::Period& period = app_.project.period;
    // Months per column: 1, 3, 6 or 12, columns aligned to the calendar
    // (quarter 1 is January to March).
    const int length = whole_months(period);
    const int span = length <= 12 ? 1 : length <= 36 ? 3 : length <= 72 ? 6 : 12;
    struct Column {
        int year, first_month;  // first calendar month of the column
        std::vector<bool> active;
    };
    std::vector<Column> columns;
    for (const TimelineMonth& m : calendar) {
        const int first_month = (m.month - 1) / span * span + 1;
        if (columns.empty() || columns.back().year != m.year || columns.back().first_month != first_month)
            columns.push_back({m.year, first_month, std::vector<bool>(app_.activities.size(), false)});
        for (std::size_t i : m.active) columns.back().active[i] = true;
    }
    const auto column_label = [&](const Column& c) -> std::string {
        const int n = (c.first_month - 1) / span + 1;
        switch (span) {
            case 1:
                return std::string(lang_ == "en" ? short_months_en[static_cast<std::size_t>(c.first_month - 1)]
                                                 : short_months_sv[static_cast<std::size_t>(c.first_month - 1)]);
            case 3: return (lang_ == "en" ? "Q" : "kv ") + std::to_string(n);
            case 6: return "H" + std::to_string(n);
            default: return std::to_string(c.year);
        }
    };
    TemplateValue periods = TemplateValue::list();
    for (const Column& c : columns) {
        TemplateValue item = TemplateValue::map();
        const std::string label = column_label(c);
        item.set("label", text(label));
        item.set("year", text(span == 12 ? "" : std::to_string(c.year)));
        item.set("title", text(span == 12 ? label : label + " " + std::to_string(c.year)));
        item.set("start", text(model::Date{c.year, c.first_month, 1}.iso().substr(0, 7)));
        periods.push(std::move(item));
    }
    TemplateValue rows = TemplateValue::list();
    if (!columns.empty())
        for (std::size_t i = 0; i < app_.activities.size(); ++i) {
            TemplateValue row = TemplateValue::map();
            row.set("label", text(activity_label_at_[i]));
            row.set("title", text(app_.activities[i].title));
            TemplateValue cells = TemplateValue::list();
            for (const Column& c : columns) {
                TemplateValue cell = TemplateValue::map();
                cell.set("active", TemplateValue::boolean(c.active[i]));
                cells.push(std::move(cell));
            }
            row.set("cells", cells);
            rows.push(std::move(row));
        }
    out.set("scale", text(span == 1 ? "month" : span == 3 ? "quarter" : span == 6 ? "half-year" : "year"));
    out.set("scale_label", text(span == 1   ? words_("månad", "month")
                                : span == 3 ? words_("kvartal", "quarter")
                                : span == 6 ? words_("halvår", "half-year")
                                            : words_("år", "year")));
    out.set("periods", periods);
    out.set("rows", rows);
    out.set("chart", TemplateValue::boolean(!rows.as_list().empty()));
}

}  // namespace esfdraft::docx::view
