// Internal to src/docx: the application view's builder, whose parts are
// defined by area in application_view.cpp (the document, the project, the
// sections), view_findings.cpp (the pre-study and its tracing),
// view_activities.cpp (target groups, goals, activities, the timeline) and
// view_budget.cpp (the budget), and the small values and labels they share.
// Everything the parts read is fixed in the constructor; each part is a
// const method, so they may run in any order.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "docx/application_view.hpp"
#include "model/budget_figures.hpp"
#include "model/values.hpp"
#include "model/vocabulary.hpp"

namespace esfdraft::docx::view {

// ------------------------------------------------------------------ labels

struct Label {
    std::string_view code, sv, en;
};

inline constexpr std::array<Label, 4> unit_labels{{
    {"persons", "personer", "persons"},
    {"organisations", "organisationer", "organisations"},
    {"percent", "procent", "per cent"},
    {"count", "antal", "number"},
}};

inline constexpr std::array<Label, 3> priority_labels{{
    {"high", "hög", "high"},
    {"medium", "medel", "medium"},
    {"low", "låg", "low"},
}};

inline constexpr std::array<Label, 4> partner_role_labels{{
    {"beneficiary", "Stödmottagare", "Beneficiary"},
    {"cofinancier", "Medfinansiär", "Co-financier"},
    {"cooperation", "Samverkanspart", "Cooperation partner"},
    {"partner", "Partner", "Partner"},
}};

inline constexpr std::array<Label, 8> applicant_kind_labels{{
    {"municipality", "Kommun", "Municipality"},
    {"region", "Region", "Region"},
    {"county-board", "Länsstyrelse", "County administrative board"},
    {"agency", "Statlig myndighet", "Government agency"},
    {"university", "Universitet eller högskola", "University"},
    {"non-profit", "Ideell organisation", "Non-profit organisation"},
    {"company", "Företag", "Company"},
    {"other", "Annan organisation", "Other organisation"},
}};

inline constexpr std::array<Label, 3> vat_labels{{
    {"deductible", "Redovisar moms (momsen är inte en kostnad i projektet)", "Deducts VAT (VAT is not a project cost)"},
    {"partly-deductible", "Redovisar moms delvis", "Deducts VAT in part"},
    {"not-deductible", "Redovisar inte moms (momsen är en kostnad i projektet)",
     "Does not deduct VAT (VAT is a project cost)"},
}};

inline constexpr std::array<Label, 3> account_labels{{
    {"bankgiro", "Bankgiro", "Bankgiro"},
    {"plusgiro", "Plusgiro", "Plusgiro"},
    {"bank", "Bankkonto", "Bank account"},
}};

inline constexpr std::array<std::string_view, 12> short_months_sv{"jan", "feb", "mar", "apr", "maj", "jun",
                                                                  "jul", "aug", "sep", "okt", "nov", "dec"};
inline constexpr std::array<std::string_view, 12> short_months_en{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

template <std::size_t N>
inline std::string label_of(const std::array<Label, N>& labels, std::string_view code, const std::string& lang) {
    for (const Label& label : labels)
        if (label.code == code) return std::string(lang == "en" ? label.en : label.sv);
    return std::string(code);
}

struct Words {
    const std::string& lang;
    std::string operator()(std::string_view sv, std::string_view en) const {
        return std::string(lang == "en" ? en : sv);
    }
};

// Programmes, phases, sections, cost categories and financing kinds are
// named by the one vocabulary the report and the workbook also use
// (model/vocabulary.hpp); an unknown code stands for itself.
inline std::string programme_label(std::string_view code, const std::string& lang) {
    const model::Words* words = model::programme_words(code);
    return std::string(words ? words->in(lang) : code);
}
inline std::string code_label(const model::CodeWords* words, std::string_view code, const std::string& lang) {
    return std::string(words ? words->name.in(lang) : code);
}
inline model::Words section_label(std::string_view key) {
    const model::SectionWords* words = model::section_words(key);
    return words ? words->name : model::Words{key, key};
}

// ------------------------------------------------------------------ values

inline TemplateValue text(std::string value) { return TemplateValue::text(std::move(value)); }

inline TemplateValue optional(const std::optional<std::string>& value) {
    return value ? text(*value) : TemplateValue();
}

inline TemplateValue decimal(const std::optional<model::Decimal>& value) {
    return value ? text(value->text()) : TemplateValue();
}

inline TemplateValue date(const model::Date& value) { return text(value.iso()); }

inline TemplateValue money(model::Money amount) { return text(money_text(amount)); }

inline RichText rich(const model::RichText& source) {
    auto spans = [](const model::InlineText& inlines) {
        SpanList out;
        for (const model::Inline& piece : inlines) out.push_back({piece.text, piece.strong, piece.emphasis, false});
        return out;
    };
    RichText out;
    for (const model::Block& block : source.blocks) {
        RichBlock converted;
        switch (block.kind) {
            case model::Block::Kind::paragraph: converted.kind = RichBlock::Kind::paragraph; break;
            case model::Block::Kind::bullet_list: converted.kind = RichBlock::Kind::bullet_list; break;
            case model::Block::Kind::numbered_list: converted.kind = RichBlock::Kind::numbered_list; break;
        }
        converted.spans = spans(block.inlines);
        for (const model::InlineText& item : block.items) converted.items.push_back(spans(item));
        out.push_back(std::move(converted));
    }
    return out;
}

// The visible marker for a section the plan does not have.
inline TemplateValue marker(const Words& words, std::string_view sv, std::string_view en) {
    RichBlock paragraph;
    paragraph.spans.push_back({words("[Saknas: ", "[Missing: ") + words(sv, en) + "]", true, false, true});
    return TemplateValue::rich_text({paragraph});
}

inline TemplateValue section(const std::optional<model::RichText>& source, const Words& words, std::string_view sv,
                             std::string_view en) {
    if (!source || source->empty()) return marker(words, sv, en);
    return TemplateValue::rich_text(rich(*source));
}

// Whole months, the end date inclusive: 2009-10-01 – 2011-09-30 is 24,
// 2009-01-07 – 2009-07-07 is 6 (the day over does not make a 7th); 0 for a
// period without valid dates.
inline int whole_months(const model::Period& period) {
    int months = 0;
    if (period.start.valid() && period.end.valid()) {
        const model::Date after_end = model::Date::from_days_since_epoch(period.end.days_since_epoch() + 1);
        while (months < 1200 && period.start.add_months(months + 1) <= after_end) ++months;
    }
    return months;
}

inline std::string joined(const std::vector<std::string>& parts, std::string_view separator,
                          std::string_view when_empty) {
    return parts.empty() ? std::string(when_empty) : model::join(parts, separator);
}

// ------------------------------------------------------------------ the view

class ViewBuilder {
public:
    ViewBuilder(const model::Application& application, const ApplicationViewOptions& options);

    model::Money costs_of_activity(const std::string& id) const;

    TemplateValue build();

private:
    const model::Application& app_;
    const ApplicationViewOptions& options_;
    const std::string lang_;
    const Words words_;
    std::map<std::string, std::string, std::less<>> goal_label_, activity_label_, finding_label_;
    const model::BudgetFigures figures_;                      // with the project period's years
    std::map<std::string_view, std::size_t> activity_index_;  // activity key -> index in figures_
    std::vector<std::string> activity_label_at_;              // by index in app_.activities
    std::map<std::string, std::vector<std::size_t>, std::less<>> activities_serving_;  // goal id -> activity indices
    std::map<std::string, std::vector<const model::Goal*>, std::less<>> goals_resting_on_;  // finding id -> goals

    // Whether the draft marks a section the plan leaves out: with a check,
    // exactly when the report flags it (S001, A001, S006; S005 for
    // "summary_en"), so a 2007–2013 plan without a transnational section (not
    // asked for there) gets no marker; without a check, always.
    bool marks(std::string_view key) const;

    // A section of the plan: its text, else its marker when the draft marks
    // it, else empty rich text: {{@x}} writes nothing and {{#x}} is false, so
    // the default templates leave out its heading (null would be "missing
    // data" for a template that writes {{@x}} unguarded).
    TemplateValue section_of(const std::optional<model::RichText>& source, std::string_view key) const;

    // An ESF+ addition (plan-format §3): marked only when a check flags it,
    // never by default (a draft made without a check asked for none of them).
    bool marks_addition(std::string_view key) const;
    TemplateValue addition_of(const std::optional<model::RichText>& source, std::string_view key) const;

    // "utkast – 3 fel kvar" / "klar att lämna in", as the report decides.
    std::string verdict_text(const DraftCheck& check) const;

    std::string label(const std::map<std::string, std::string, std::less<>>& labels, const std::string& id) const;

    TemplateValue document() const;

    TemplateValue organisation(const std::string& name, const std::optional<std::string>& org_number) const;

    std::string municipality_name(const model::MunicipalityRef& m) const;

    TemplateValue project() const;

    // The applicant's details (plan-format §3): null when the plan has none,
    // and each part null when the plan leaves it out.
    TemplateValue applicant() const;

    // ------------------------------------------------------------ plan-format §3 sections

    bool non_binary_given() const;

    // The gender categories a participant count is split over: women and
    // men, and non-binary persons when the plan gives that count anywhere
    // (ESF+, where national law provides it). The view has no rule pack, so
    // the plan decides; the pack's own list is checked by rule G005.
    std::vector<std::pair<std::string, std::string>> gender_category_list() const;

    TemplateValue gender_categories() const;

    // One value per gender category, in gender_categories' order.
    TemplateValue gender_split(const std::optional<model::Decimal>& women, const std::optional<model::Decimal>& men,
                               const std::optional<model::Decimal>& non_binary) const;

    // A risk analysis or project logic the plan leaves out: null, or, when
    // the check flags it (S006 in ESF+), the section with only its marker as
    // the introduction and no rows.
    TemplateValue flagged_addition(std::string_view key) const;

    TemplateValue risk_analysis() const;

    TemplateValue project_logic() const;

    TemplateValue attachments() const;

    TemplateValue summary(bool english) const;

    // ------------------------------------------------------------ pre-study findings and tracing

    std::vector<const model::Goal*> goals_resting_on(const std::string& finding) const;

    TemplateValue pre_study() const;

    TemplateValue finding_value(const model::PreStudyFindings& all, const model::StudyFinding& finding) const;

    // ------------------------------------------------------------ target groups, goals, activities

    TemplateValue target_groups() const;

    TemplateValue goals() const;

    TemplateValue activities() const;

    std::string month_label(int year, int month) const;

    // The timetable: `months` (one item per calendar month with the
    // activities under way), `runs` (the same, consecutive months with the
    // same activities joined: the chart's text alternative) and the Gantt
    // chart, `periods` (its columns) and `rows` (one per activity, a cell per
    // period, `active` when the activity runs in any part of the period). The
    // column length follows the project's length so a chart fits a portrait
    // page: months up to 12 months, quarters up to 36, half-years up to 72,
    // years beyond (at most 13 columns up to 72 months, whatever the start).
    // The timeline: the months of the period with the activities in each,
    // the runs of months with the same activities (the chart's text
    // alternative), and the chart itself (timeline_chart).
    TemplateValue timeline() const;

    struct TimelineMonth {
        int year, month;
        std::vector<std::size_t> active;  // activity indexes
    };

    // Every month of the period (at most 240), with the activities running in it.
    std::vector<TimelineMonth> timeline_calendar() const;

    // "A1, A3", or "–" for none.
    std::string labels_of(const std::vector<std::size_t>& active) const;

    TemplateValue timeline_months(const std::vector<TimelineMonth>& calendar) const;

    TemplateValue timeline_runs(const std::vector<TimelineMonth>& calendar) const;

    // The chart: activities × columns of 1, 3, 6 or 12 months, each cell
    // whether the activity runs then; its scale, column heads and rows.
    void timeline_chart(const std::vector<TimelineMonth>& calendar, TemplateValue& out) const;

    TemplateValue partners() const;

    TemplateValue accessibility() const;

    // ------------------------------------------------------------ budget

    TemplateValue budget() const;

    // The categories' rows: each year's amount, the total and its share.
    TemplateValue budget_categories(const model::BudgetFigures& f) const;

    // The financing sources' rows: kind, funder, amount and share.
    TemplateValue budget_sources(const model::BudgetFigures& f) const;

    // The shares of one table's column as fractions the percent filter
    // prints unchanged (tenths of a per cent), adding up to 100 % by
    // largest remainder; each exact share where the parts do not split the
    // whole (a negative amount, an unbalanced table).
    static std::vector<std::string> shares_shown(const std::vector<model::Money>& parts, model::Money whole);

    // The cost models in words, and each flat-rate line with its base and
    // the rate the budget's own amounts give (whether that rate is allowed
    // is the pack's business, rule B012).
    void cost_models(TemplateValue& out, const model::BudgetFigures& f) const;

    std::string beneficiary_name(const std::string& key) const;

    // The budget per beneficiary (stödmottagare): the owner first, then the
    // beneficiary partners in plan order, then any other name the lines use
    // (a partner id rule X004 reports), then the lines that name no one.
    TemplateValue beneficiaries(const model::BudgetFigures& f) const;
};

}  // namespace esfdraft::docx::view
