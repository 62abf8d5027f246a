#include "docx/application_view.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "docx/engine/filters.hpp"
#include "model/budget_figures.hpp"
#include "model/values.hpp"
#include "model/vocabulary.hpp"

namespace esfdraft::docx {

namespace {

// ------------------------------------------------------------------ labels

struct Label {
    std::string_view code, sv, en;
};

constexpr std::array<Label, 4> unit_labels{{
    {"persons", "personer", "persons"},
    {"organisations", "organisationer", "organisations"},
    {"percent", "procent", "per cent"},
    {"count", "antal", "number"},
}};

constexpr std::array<Label, 3> priority_labels{{
    {"high", "hög", "high"},
    {"medium", "medel", "medium"},
    {"low", "låg", "low"},
}};

constexpr std::array<Label, 4> partner_role_labels{{
    {"beneficiary", "Stödmottagare", "Beneficiary"},
    {"cofinancier", "Medfinansiär", "Co-financier"},
    {"cooperation", "Samverkanspart", "Cooperation partner"},
    {"partner", "Partner", "Partner"},
}};

constexpr std::array<Label, 8> applicant_kind_labels{{
    {"municipality", "Kommun", "Municipality"},
    {"region", "Region", "Region"},
    {"county-board", "Länsstyrelse", "County administrative board"},
    {"agency", "Statlig myndighet", "Government agency"},
    {"university", "Universitet eller högskola", "University"},
    {"non-profit", "Ideell organisation", "Non-profit organisation"},
    {"company", "Företag", "Company"},
    {"other", "Annan organisation", "Other organisation"},
}};

constexpr std::array<Label, 3> vat_labels{{
    {"deductible", "Redovisar moms (momsen är inte en kostnad i projektet)", "Deducts VAT (VAT is not a project cost)"},
    {"partly-deductible", "Redovisar moms delvis", "Deducts VAT in part"},
    {"not-deductible", "Redovisar inte moms (momsen är en kostnad i projektet)",
     "Does not deduct VAT (VAT is a project cost)"},
}};

constexpr std::array<Label, 3> account_labels{{
    {"bankgiro", "Bankgiro", "Bankgiro"},
    {"plusgiro", "Plusgiro", "Plusgiro"},
    {"bank", "Bankkonto", "Bank account"},
}};

constexpr std::array<std::string_view, 12> short_months_sv{"jan", "feb", "mar", "apr", "maj", "jun",
                                                           "jul", "aug", "sep", "okt", "nov", "dec"};
constexpr std::array<std::string_view, 12> short_months_en{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

template <std::size_t N>
std::string label_of(const std::array<Label, N>& labels, std::string_view code, const std::string& lang) {
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
std::string programme_label(std::string_view code, const std::string& lang) {
    const model::Words* words = model::programme_words(code);
    return std::string(words ? words->in(lang) : code);
}
std::string code_label(const model::CodeWords* words, std::string_view code, const std::string& lang) {
    return std::string(words ? words->name.in(lang) : code);
}
model::Words section_label(std::string_view key) {
    const model::SectionWords* words = model::section_words(key);
    return words ? words->name : model::Words{key, key};
}

// ------------------------------------------------------------------ values

TemplateValue text(std::string value) { return TemplateValue::text(std::move(value)); }

TemplateValue optional(const std::optional<std::string>& value) { return value ? text(*value) : TemplateValue(); }

TemplateValue decimal(const std::optional<model::Decimal>& value) {
    return value ? text(value->text()) : TemplateValue();
}

TemplateValue date(const model::Date& value) { return text(value.iso()); }

TemplateValue money(model::Money amount) { return text(money_text(amount)); }

RichText rich(const model::RichText& source) {
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
TemplateValue marker(const Words& words, std::string_view sv, std::string_view en) {
    RichBlock paragraph;
    paragraph.spans.push_back({words("[Saknas: ", "[Missing: ") + words(sv, en) + "]", true, false, true});
    return TemplateValue::rich_text({paragraph});
}

TemplateValue section(const std::optional<model::RichText>& source, const Words& words, std::string_view sv,
                      std::string_view en) {
    if (!source || source->empty()) return marker(words, sv, en);
    return TemplateValue::rich_text(rich(*source));
}
// Whole months, the end date inclusive: 2009-10-01 – 2011-09-30 is 24,
// 2009-01-07 – 2009-07-07 is 6 (the day over does not make a 7th); 0 for a
// period without valid dates.
int whole_months(const model::Period& period) {
    int months = 0;
    if (period.start.valid() && period.end.valid()) {
        const model::Date after_end = model::Date::from_days_since_epoch(period.end.days_since_epoch() + 1);
        while (months < 1200 && period.start.add_months(months + 1) <= after_end) ++months;
    }
    return months;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator, std::string_view when_empty) {
    return parts.empty() ? std::string(when_empty) : model::join(parts, separator);
}

// ------------------------------------------------------------------ the view

class ViewBuilder {
public:
    ViewBuilder(const model::Application& application, const ApplicationViewOptions& options)
        : app_(application),
          options_(options),
          lang_(options.lang == "en" ? "en" : "sv"),
          words_{lang_},
          goal_label_(model::goal_labels(application, lang_)),
          activity_label_(model::activity_labels(application)),
          figures_(model::budget_figures(application, {.period_years = true})) {
        if (app_.findings)
            for (std::size_t i = 0; i < app_.findings->findings.size(); ++i)
                finding_label_[app_.findings->findings[i].id] = "F" + std::to_string(i + 1);
        // The budget's figures, once: the budget part shows them, and the
        // activity table and the finding trace need the costs per activity
        // (a scan of every cost line per activity or finding would grow with
        // the square of the plan).
        for (std::size_t i = 0; i < figures_.activities.size(); ++i) activity_index_.emplace(figures_.activities[i], i);
        // Also once: each activity's label, and the activities serving each
        // goal (the timeline and the finding trace asked for them per month
        // and per finding, a map lookup for every activity each time).
        // The goals resting on each finding, in plan order, each once.
        for (const model::Goal& goal : app_.goals)
            for (const model::GoalBasis& basis : goal.basis) {
                std::vector<const model::Goal*>& goals = goals_resting_on_[basis.finding_id];
                if (goals.empty() || goals.back() != &goal) goals.push_back(&goal);
            }
        activity_label_at_.reserve(app_.activities.size());
        for (std::size_t i = 0; i < app_.activities.size(); ++i) {
            activity_label_at_.push_back(label(activity_label_, app_.activities[i].id));
            for (const std::string& goal : app_.activities[i].goal_ids) {
                std::vector<std::size_t>& serving = activities_serving_[goal];
                if (serving.empty() || serving.back() != i) serving.push_back(i);
            }
        }
    }

    model::Money costs_of_activity(const std::string& id) const {
        const auto found = activity_index_.find(id);
        return found == activity_index_.end() ? 0 : figures_.by_activity[found->second];
    }

    TemplateValue build() {
        TemplateValue root = TemplateValue::map();
        root.set("document", document());
        root.set("logo", options_.logo ? TemplateValue::image(*options_.logo) : TemplateValue());
        root.set("project", project());
        root.set("summary", summary(false));
        root.set("summary_en", summary(true));
        // Guards for content around a list (a table's heading, an intro):
        // a section over the list itself would repeat that content.
        TemplateValue has = TemplateValue::map();
        has.set("target_groups", TemplateValue::boolean(!app_.target_groups.empty()));
        has.set("goals", TemplateValue::boolean(!app_.goals.empty()));
        has.set("activities", TemplateValue::boolean(!app_.activities.empty()));
        has.set("partners", TemplateValue::boolean(!app_.partners.empty()));
        // The budget part shows its tables unless the plan has no budget
        // lines at all and the draft marks the budget as missing (S001).
        has.set("budget", TemplateValue::boolean(app_.budget.has_lines() || !marks("budget")));
        has.set("costs", TemplateValue::boolean(!app_.budget.costs.empty()));
        has.set("financing", TemplateValue::boolean(!app_.budget.financing.empty()));
        has.set("applicant", TemplateValue::boolean(app_.project.applicant.has_value()));
        has.set("risks", TemplateValue::boolean(app_.risk_analysis && !app_.risk_analysis->risks.empty()));
        has.set("project_logic", TemplateValue::boolean(app_.project_logic && !app_.project_logic->steps.empty()));
        has.set("attachments", TemplateValue::boolean(app_.attachments && !app_.attachments->empty()));
        has.set("beneficiaries", TemplateValue::boolean(app_.has_beneficiary_partners()));
        has.set("cost_models", TemplateValue::boolean(!app_.budget.cost_models.empty()));
        has.set("non_binary", TemplateValue::boolean(non_binary_given()));
        root.set("has", has);
        // Which rich sections the plan gives (a marker stands in for those it
        // leaves out): for templates that show a section only when it is there.
        TemplateValue given = TemplateValue::map();
        const auto given_section = [](const std::optional<model::RichText>& text) {
            return TemplateValue::boolean(text && !text->empty());
        };
        given.set("background", given_section(app_.background));
        given.set("problem", given_section(app_.problem));
        given.set("purpose", given_section(app_.purpose));
        given.set("organisation", given_section(app_.organisation));
        given.set("gender_equality", given_section(app_.gender_equality));
        given.set("non_discrimination", given_section(app_.non_discrimination));
        given.set("transnational", given_section(app_.transnational));
        given.set("dissemination", given_section(app_.dissemination));
        given.set("evaluation", given_section(app_.evaluation));
        root.set("given", given);
        root.set("gender_categories", gender_categories());
        root.set("background", section_of(app_.background, "background"));
        root.set("problem", section_of(app_.problem, "problem"));
        root.set("purpose", section_of(app_.purpose, "purpose"));
        root.set("pre_study", pre_study());
        root.set("target_groups", target_groups());
        root.set("goals", goals());
        root.set("activities", activities());
        root.set("timeline", timeline());
        root.set("organisation", section_of(app_.organisation, "organisation"));
        root.set("partners", partners());
        root.set("gender_equality", section_of(app_.gender_equality, "genderEquality"));
        root.set("accessibility", accessibility());
        root.set("non_discrimination", section_of(app_.non_discrimination, "nonDiscrimination"));
        root.set("transnational", section_of(app_.transnational, "transnational"));
        root.set("dissemination", section_of(app_.dissemination, "dissemination"));
        root.set("evaluation", section_of(app_.evaluation, "evaluation"));
        root.set("risk_analysis", risk_analysis());
        root.set("project_logic", project_logic());
        root.set("sustainable_development", addition_of(app_.sustainable_development, "sustainableDevelopment"));
        root.set("fundamental_rights", addition_of(app_.fundamental_rights, "fundamentalRights"));
        root.set("attachments", attachments());
        root.set("budget", budget());
        return root;
    }

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
    bool marks(std::string_view key) const {
        return !options_.check || options_.check->flagged_sections.count(std::string(key)) > 0;
    }

    // A section of the plan: its text, else its marker when the draft marks
    // it, else empty rich text: {{@x}} writes nothing and {{#x}} is false, so
    // the default templates leave out its heading (null would be "missing
    // data" for a template that writes {{@x}} unguarded).
    TemplateValue section_of(const std::optional<model::RichText>& source, std::string_view key) const {
        if (source && !source->empty()) return TemplateValue::rich_text(rich(*source));
        return marks(key) ? marker(words_, section_label(key).sv, section_label(key).en) : TemplateValue::rich_text({});
    }

    // An ESF+ addition (plan-format §3): marked only when a check flags it,
    // never by default (a draft made without a check asked for none of them).
    bool marks_addition(std::string_view key) const { return options_.check && marks(key); }
    TemplateValue addition_of(const std::optional<model::RichText>& source, std::string_view key) const {
        if (source && !source->empty()) return TemplateValue::rich_text(rich(*source));
        return marks_addition(key) ? marker(words_, section_label(key).sv, section_label(key).en) : TemplateValue();
    }

    // "utkast – 3 fel kvar" / "klar att lämna in", as the report decides.
    std::string verdict_text(const DraftCheck& check) const {
        if (check.ready) return words_("klar att lämna in", "ready to submit");
        const std::string count = std::to_string(check.errors);
        return words_("utkast – " + count + " fel kvar",
                      "draft – " + count + (check.errors == 1 ? " error left" : " errors left"));
    }

    std::string label(const std::map<std::string, std::string, std::less<>>& labels, const std::string& id) const {
        const auto found = labels.find(id);
        return found == labels.end() ? id : found->second;
    }

    TemplateValue document() const {
        TemplateValue out = TemplateValue::map();
        out.set("lang", text(lang_));
        out.set("language_tag", text(words_("sv-SE", "en-GB")));
        out.set("date", date(options_.date));
        out.set("timestamp", text(options_.date.iso() + "T00:00:00Z"));
        out.set("title", text(app_.project.title.value));
        out.set("subject", text(words_("Ansökan om stöd från ", "Application for support from the ") +
                                programme_label(app_.programme, lang_)));
        out.set("programme", text(app_.programme));
        out.set("programme_label", text(programme_label(app_.programme, lang_)));
        out.set("call", optional(app_.call));
        // The call as the pack names it ("Övre Norrland 2009 …"), else its id.
        out.set("call_title", options_.call_title ? text(*options_.call_title) : optional(app_.call));
        out.set("verdict", options_.check ? text(verdict_text(*options_.check)) : TemplateValue());
        out.set("ready", TemplateValue::boolean(options_.check && options_.check->ready));
        return out;
    }

    TemplateValue organisation(const std::string& name, const std::optional<std::string>& org_number) const {
        TemplateValue out = TemplateValue::map();
        out.set("name", text(name));
        out.set("org_number", optional(org_number));
        return out;
    }

    std::string municipality_name(const model::MunicipalityRef& m) const {
        if (m.name && !m.name->empty()) return *m.name;
        const auto found = options_.municipality_names.find(m.code);
        return found == options_.municipality_names.end() ? m.code : found->second;
    }

    TemplateValue project() const {
        const model::Project& p = app_.project;
        TemplateValue out = TemplateValue::map();
        out.set("title", text(p.title.value));
        out.set("acronym", p.acronym ? text(p.acronym->value) : TemplateValue());
        out.set("short_name", text(p.acronym ? p.acronym->value : p.title.value));
        out.set("programme_area", text(p.programme_area.value));
        // "A1 Främja livslångt lärande": the code and the pack's name, as the report's assessment and the workbook give
        // it.
        out.set("programme_area_label",
                text(options_.area_name ? p.programme_area.value + " " + *options_.area_name : p.programme_area.value));
        out.set("phase", text(p.phase.value));
        const model::PhaseWords* phase = model::phase_words(p.phase.value, app_.programme);
        out.set("phase_label", text(phase ? std::string(phase->name.in(lang_)) : p.phase.value));
        out.set("region", text(p.region.value));
        out.set("region_label", text(options_.region_name.value_or(p.region.value)));
        out.set("owner", organisation(p.owner.name, p.owner.org_number));
        TemplateValue contact = TemplateValue::map();
        contact.set("name", text(p.contact.name));
        contact.set("email", text(p.contact.email));
        contact.set("phone", optional(p.contact.phone));
        out.set("contact", contact);
        TemplateValue period = TemplateValue::map();
        period.set("start", date(p.period.start));
        period.set("end", date(p.period.end));
        // Whole months, the end date inclusive: 2009-10-01 – 2011-09-30 is 24,
        // 2009-01-07 – 2009-07-07 is 6 (the day over does not make a 7th).
        period.set("months", text(std::to_string(whole_months(p.period))));
        out.set("period", period);
        TemplateValue municipalities = TemplateValue::list();
        TemplateValue names = TemplateValue::list();
        for (const model::MunicipalityRef& m : p.municipalities) {
            TemplateValue item = TemplateValue::map();
            item.set("code", text(m.code));
            item.set("name", text(municipality_name(m)));
            item.set("partner", TemplateValue::boolean(m.partner));
            municipalities.push(std::move(item));
            names.push(text(municipality_name(m) + (m.partner ? words_(" (partner)", " (partner)") : "")));
        }
        out.set("municipalities", municipalities);
        out.set("municipality_names", names);
        out.set("municipality_count", text(std::to_string(p.municipalities.size())));
        if (p.pre_study) {
            TemplateValue pre = TemplateValue::map();
            pre.set("title", text(p.pre_study->title));
            pre.set("start", date(p.pre_study->period.start));
            pre.set("end", date(p.pre_study->period.end));
            out.set("pre_study", pre);
        } else {
            out.set("pre_study", TemplateValue());
        }
        out.set("case_number",
                p.case_number && !p.case_number->value.empty() ? text(p.case_number->value) : TemplateValue());
        out.set("applicant", applicant());
        return out;
    }

    // The applicant's details (plan-format §3): null when the plan has none,
    // and each part null when the plan leaves it out.
    TemplateValue applicant() const {
        if (!app_.project.applicant) return TemplateValue();
        const model::Applicant& a = *app_.project.applicant;
        TemplateValue out = TemplateValue::map();
        out.set("kind", a.kind ? text(a.kind->value) : TemplateValue());
        out.set("kind_label", a.kind ? text(label_of(applicant_kind_labels, a.kind->value, lang_)) : TemplateValue());
        out.set("vat", a.vat ? text(a.vat->value) : TemplateValue());
        out.set("vat_label", a.vat ? text(label_of(vat_labels, a.vat->value, lang_)) : TemplateValue());
        if (a.address) {
            TemplateValue address = TemplateValue::map();
            address.set("street", text(a.address->street));
            address.set("postcode", text(a.address->postcode));
            address.set("city", text(a.address->city));
            out.set("address", address);
        } else {
            out.set("address", TemplateValue());
        }
        if (a.signatory) {
            TemplateValue signatory = TemplateValue::map();
            signatory.set("name", text(a.signatory->name));
            signatory.set("title", text(a.signatory->title));
            out.set("signatory", signatory);
        } else {
            out.set("signatory", TemplateValue());
        }
        if (a.finance_contact) {
            TemplateValue contact = TemplateValue::map();
            contact.set("name", text(a.finance_contact->name));
            contact.set("email", text(a.finance_contact->email));
            contact.set("phone", optional(a.finance_contact->phone));
            out.set("finance_contact", contact);
        } else {
            out.set("finance_contact", TemplateValue());
        }
        if (a.account) {
            TemplateValue account = TemplateValue::map();
            account.set("kind", text(a.account->kind));
            account.set("kind_label", text(label_of(account_labels, a.account->kind, lang_)));
            account.set("number", text(a.account->number));
            out.set("account", account);
        } else {
            out.set("account", TemplateValue());
        }
        return out;
    }

    // ------------------------------------------------------------ plan-format §3 sections

    bool non_binary_given() const {
        for (const model::Goal& goal : app_.goals)
            for (const model::Indicator& indicator : goal.indicators)
                if (indicator.non_binary) return true;
        return false;
    }

    // The gender categories a participant count is split over: women and
    // men, and non-binary persons when the plan gives that count anywhere
    // (ESF+, where national law provides it). The view has no rule pack, so
    // the plan decides; the pack's own list is checked by rule G005.
    std::vector<std::pair<std::string, std::string>> gender_category_list() const {
        std::vector<std::pair<std::string, std::string>> out{{"women", words_("Kvinnor", "Women")},
                                                             {"men", words_("Män", "Men")}};
        if (non_binary_given()) out.emplace_back("nonBinary", words_("Icke-binära", "Non-binary"));
        return out;
    }

    TemplateValue gender_categories() const {
        TemplateValue out = TemplateValue::list();
        for (const auto& [code, name] : gender_category_list()) {
            TemplateValue item = TemplateValue::map();
            item.set("code", text(code));
            item.set("label", text(name));
            out.push(std::move(item));
        }
        return out;
    }

    // One value per gender category, in gender_categories' order.
    TemplateValue gender_split(const std::optional<model::Decimal>& women, const std::optional<model::Decimal>& men,
                               const std::optional<model::Decimal>& non_binary) const {
        TemplateValue out = TemplateValue::list();
        for (const auto& [code, name] : gender_category_list()) {
            TemplateValue item = TemplateValue::map();
            item.set("code", text(code));
            item.set("label", text(name));
            item.set("value", decimal(code == "women" ? women : code == "men" ? men : non_binary));
            out.push(std::move(item));
        }
        return out;
    }

    // A risk analysis or project logic the plan leaves out: null, or, when
    // the check flags it (S006 in ESF+), the section with only its marker as
    // the introduction and no rows.
    TemplateValue flagged_addition(std::string_view key) const {
        if (!marks_addition(key)) return TemplateValue();
        TemplateValue out = TemplateValue::map();
        out.set("introduction", marker(words_, section_label(key).sv, section_label(key).en));
        out.set(key == "riskAnalysis" ? "risks" : "steps", TemplateValue::list());
        return out;
    }

    TemplateValue risk_analysis() const {
        if (!app_.risk_analysis || (app_.risk_analysis->introduction.empty() && app_.risk_analysis->risks.empty()))
            return flagged_addition("riskAnalysis");
        const model::RiskAnalysis& analysis = *app_.risk_analysis;
        TemplateValue out = TemplateValue::map();
        out.set("introduction", analysis.introduction.empty() ? TemplateValue()
                                                              : TemplateValue::rich_text(rich(analysis.introduction)));
        TemplateValue risks = TemplateValue::list();
        for (std::size_t i = 0; i < analysis.risks.size(); ++i) {
            const model::Risk& risk = analysis.risks[i];
            TemplateValue item = TemplateValue::map();
            item.set("id", optional(risk.id));
            item.set("label", text("R" + std::to_string(i + 1)));
            item.set("description", text(risk.description));
            item.set("likelihood", text(risk.likelihood));
            item.set("likelihood_label",
                     text(code_label(model::risk_level_words(risk.likelihood), risk.likelihood, lang_)));
            item.set("impact", text(risk.impact));
            item.set("impact_label", text(code_label(model::risk_level_words(risk.impact), risk.impact, lang_)));
            item.set("measure", text(risk.measure));
            risks.push(std::move(item));
        }
        out.set("risks", risks);
        return out;
    }

    TemplateValue project_logic() const {
        if (!app_.project_logic || (app_.project_logic->introduction.empty() && app_.project_logic->steps.empty()))
            return flagged_addition("projectLogic");
        const model::ProjectLogic& logic = *app_.project_logic;
        TemplateValue out = TemplateValue::map();
        out.set("introduction",
                logic.introduction.empty() ? TemplateValue() : TemplateValue::rich_text(rich(logic.introduction)));
        TemplateValue steps = TemplateValue::list();
        for (const model::LogicStep& step : logic.steps) {
            TemplateValue item = TemplateValue::map();
            item.set("kind", text(step.kind));
            item.set("kind_label", text(code_label(model::logic_step_words(step.kind), step.kind, lang_)));
            std::vector<std::string> goal_labels;
            for (const std::string& id : step.goal_ids) goal_labels.push_back(label(goal_label_, id));
            item.set("goals", goal_labels.empty() ? TemplateValue() : text(joined(goal_labels, ", ", "")));
            item.set("text", step.text.empty() ? marker(words_, "Beskrivning", "Description")
                                               : TemplateValue::rich_text(rich(step.text)));
            steps.push(std::move(item));
        }
        out.set("steps", steps);
        return out;
    }

    TemplateValue attachments() const {
        TemplateValue out = TemplateValue::list();
        if (!app_.attachments) return out;
        for (std::size_t i = 0; i < app_.attachments->size(); ++i) {
            const model::Attachment& attachment = (*app_.attachments)[i];
            TemplateValue item = TemplateValue::map();
            item.set("number", text(std::to_string(i + 1)));
            item.set("kind", text(attachment.kind));
            item.set("title", text(attachment.title.empty() ? attachment.kind : attachment.title));
            out.push(std::move(item));
        }
        return out;
    }

    TemplateValue summary(bool english) const {
        const model::Summary* found = english ? app_.english_summary() : app_.main_summary();
        // An English draft of a Swedish plan leads with the English summary when there is one.
        if (!english && lang_ == "en" && app_.lang != "en" && app_.english_summary()) found = app_.english_summary();
        if (!found || found->text.empty()) {
            if (!marks(english ? "summary_en" : "summary")) return TemplateValue::rich_text({});
            return english ? marker(words_, "Sammanfattning på engelska", "English summary")
                           : marker(words_, "Sammanfattning", "Summary");
        }
        return TemplateValue::rich_text(rich(found->text));
    }

    // ------------------------------------------------------------ pre-study findings and tracing

    std::vector<const model::Goal*> goals_resting_on(const std::string& finding) const {
        const auto found = goals_resting_on_.find(finding);
        return found == goals_resting_on_.end() ? std::vector<const model::Goal*>() : found->second;
    }

    TemplateValue pre_study() const {
        TemplateValue out = TemplateValue::map();
        out.set("available", TemplateValue::boolean(app_.findings.has_value()));
        // "Förprojekteringens resultat" in 2007–2013, "Förstudiens resultat" in ESF+.
        const model::PhaseWords* prestudy = model::phase_words("prestudy", app_.programme);
        std::string sv = std::string(prestudy->genitive.sv) + " resultat",
                    en = std::string(prestudy->genitive.en) + " findings";
        sv[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sv[0])));
        en[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(en[0])));
        out.set("missing", marker(words_, sv, en));
        const model::PreStudyFindings empty;
        const model::PreStudyFindings& f = app_.findings ? *app_.findings : empty;
        out.set("title", text(f.study_title));
        out.set("start", date(f.study_period.start));
        out.set("end", date(f.study_period.end));
        out.set("method", section(f.method, words_, "Förprojekteringens metod", "The pre-study's method"));
        TemplateValue questions = TemplateValue::list();
        for (std::size_t i = 0; i < f.questions.size(); ++i) {
            TemplateValue q = TemplateValue::map();
            q.set("id", text(f.questions[i].id));
            q.set("number", text(std::to_string(i + 1)));
            q.set("text", text(f.questions[i].text));
            questions.push(std::move(q));
        }
        out.set("questions", questions);
        TemplateValue findings = TemplateValue::list();
        for (const model::StudyFinding& finding : f.findings) findings.push(finding_value(f, finding));
        out.set("findings", findings);
        return out;
    }

    TemplateValue finding_value(const model::PreStudyFindings& all, const model::StudyFinding& finding) const {
        TemplateValue out = TemplateValue::map();
        out.set("id", text(finding.id));
        out.set("label", text(label(finding_label_, finding.id)));
        out.set("statement", text(finding.statement));
        out.set("theme_label", text(code_label(model::finding_theme_words(finding.theme), finding.theme, lang_)));
        out.set("priority_label", text(label_of(priority_labels, finding.priority, lang_)));
        out.set("in_scope", TemplateValue::boolean(!finding.out_of_scope));
        out.set("recommendation", optional(finding.recommendation));
        std::string question;
        for (std::size_t i = 0; i < all.questions.size(); ++i)
            if (all.questions[i].id == finding.question_id)
                question = words_("Fråga ", "Question ") + std::to_string(i + 1);
        out.set("question", text(question.empty() ? finding.question_id : question));
        TemplateValue evidence = TemplateValue::list();
        for (const model::Evidence& e : finding.evidence) {
            TemplateValue item = TemplateValue::map();
            item.set("kind_label", text(code_label(model::evidence_kind_words(e.kind), e.kind, lang_)));
            item.set("text", text(e.text));
            std::vector<std::string> details;
            if (e.respondents) details.push_back(std::to_string(*e.respondents) + words_(" svarande", " respondents"));
            if (!e.actor_ids.empty()) {
                std::vector<std::string> names;
                for (const std::string& id : e.actor_ids) {
                    std::string name = id;
                    for (const model::Actor& actor : all.actors)
                        if (actor.id == id) name = actor.name;
                    names.push_back(name);
                }
                details.push_back(joined(names, ", ", ""));
            }
            item.set("detail", details.empty() ? TemplateValue() : text(joined(details, "; ", "")));
            evidence.push(std::move(item));
        }
        out.set("evidence", evidence);

        // Tracing: goals resting on the finding, the activities serving those
        // goals, and what those activities cost.
        std::vector<std::string> goal_labels, activity_labels;
        std::vector<std::size_t> serving;  // activity indices, in plan order, once each
        for (const model::Goal* goal : goals_resting_on(finding.id)) {
            goal_labels.push_back(label(goal_label_, goal->id));
            if (const auto found = activities_serving_.find(goal->id); found != activities_serving_.end())
                serving.insert(serving.end(), found->second.begin(), found->second.end());
        }
        std::sort(serving.begin(), serving.end());
        serving.erase(std::unique(serving.begin(), serving.end()), serving.end());
        model::Money costs = 0;
        std::set<std::string_view> counted;  // costs belong to activity ids: count each id once
        for (std::size_t index : serving) {
            const std::string& id = app_.activities[index].id;
            activity_labels.push_back(activity_label_at_[index]);
            if (counted.insert(id).second) costs = model::checked_add(costs, costs_of_activity(id));
        }
        out.set("goals", text(joined(goal_labels, ", ", "–")));
        out.set("activities", text(joined(activity_labels, ", ", "–")));
        out.set("costs", money(costs));
        out.set("traced", TemplateValue::boolean(!goal_labels.empty()));
        return out;
    }

    // ------------------------------------------------------------ target groups, goals, activities

    TemplateValue target_groups() const {
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

    TemplateValue goals() const {
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

    TemplateValue activities() const {
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

    std::string month_label(int year, int month) const {
        return std::string(lang_ == "en" ? short_months_en[static_cast<std::size_t>(month - 1)]
                                         : short_months_sv[static_cast<std::size_t>(month - 1)]) +
               " " + std::to_string(year);
    }

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
    TemplateValue timeline() const {
        const std::vector<TimelineMonth> calendar = timeline_calendar();
        TemplateValue out = TemplateValue::map();
        out.set("months", timeline_months(calendar));
        out.set("runs", timeline_runs(calendar));
        timeline_chart(calendar, out);
        return out;
    }

    struct TimelineMonth {
        int year, month;
        std::vector<std::size_t> active;  // activity indexes
    };

    // Every month of the period (at most 240), with the activities running in it.
    std::vector<TimelineMonth> timeline_calendar() const {
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

    // "A1, A3", or "–" for none.
    std::string labels_of(const std::vector<std::size_t>& active) const {
        std::vector<std::string> labels;
        for (std::size_t i : active) labels.push_back(activity_label_at_[i]);
        return joined(labels, ", ", "–");
    }

    TemplateValue timeline_months(const std::vector<TimelineMonth>& calendar) const {
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

    TemplateValue timeline_runs(const std::vector<TimelineMonth>& calendar) const {
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

    // The chart: activities × columns of 1, 3, 6 or 12 months, each cell
    // whether the activity runs then; its scale, column heads and rows.
    void timeline_chart(const std::vector<TimelineMonth>& calendar, TemplateValue& out) const {
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

    TemplateValue partners() const {
        TemplateValue out = TemplateValue::list();
        for (const model::Partner& partner : app_.partners) {
            TemplateValue item = TemplateValue::map();
            item.set("id", optional(partner.id));
            item.set("name", text(partner.name));
            item.set("beneficiary", TemplateValue::boolean(partner.beneficiary()));
            item.set("role", text(partner.role));
            item.set("role_label", text(label_of(partner_role_labels, partner.role, lang_)));
            item.set("org_number", optional(partner.org_number));
            out.push(std::move(item));
        }
        return out;
    }

    TemplateValue accessibility() const {
        const std::optional<model::Accessibility>& a = app_.accessibility;
        TemplateValue out = TemplateValue::map();
        const std::optional<model::RichText> none;
        // A001 (missing) and A002 (a part missing) both flag "accessibility".
        const auto part = [&](const std::optional<model::RichText>& text, std::string_view sv, std::string_view en) {
            if (text && !text->empty()) return TemplateValue::rich_text(rich(*text));
            return marks("accessibility") ? marker(words_, sv, en) : TemplateValue::rich_text({});
        };
        out.set("physical", part(a ? a->physical : none, "Tillgänglighet – fysisk", "Accessibility – physical"));
        out.set("information",
                part(a ? a->information : none, "Tillgänglighet – information", "Accessibility – information"));
        out.set("participation",
                part(a ? a->participation : none, "Tillgänglighet – delaktighet", "Accessibility – participation"));
        return out;
    }

    // ------------------------------------------------------------ budget

    TemplateValue budget() const {
        const model::Budget& b = app_.budget;
        const model::BudgetFigures& f = figures_;
        const std::vector<int>& years = f.years;
        const model::Money total = f.total_costs;

        TemplateValue out = TemplateValue::map();
        out.set("currency", text(b.currency));
        TemplateValue year_values = TemplateValue::list();
        TemplateValue year_totals = TemplateValue::list();
        for (std::size_t y = 0; y < years.size(); ++y) {
            TemplateValue year = TemplateValue::map();
            year.set("year", text(std::to_string(years[y])));
            year_values.push(std::move(year));
            TemplateValue t = TemplateValue::map();
            t.set("amount", money(f.by_year[y]));
            year_totals.push(std::move(t));
        }
        out.set("years", year_values);
        out.set("year_totals", year_totals);
        out.set("categories", budget_categories(f));
        out.set("total_costs", money(total));
        const model::Money income = f.income;
        out.set("total_income", money(income));
        out.set("has_income", TemplateValue::boolean(!b.income.empty()));
        TemplateValue income_lines = TemplateValue::list();
        for (const model::Income& line : b.income) {
            TemplateValue i = TemplateValue::map();
            i.set("label", text(line.label));
            i.set("amount", money(line.amount));
            income_lines.push(std::move(i));
        }
        out.set("income", income_lines);
        const model::Money eligible = f.eligible;
        out.set("eligible_costs", money(eligible));

        const model::Money financing_total = f.financing;
        out.set("financing", budget_sources(f));
        out.set("total_financing", money(financing_total));
        const model::Money esf = f.esf;
        out.set("esf_amount", money(esf));
        out.set("esf_share", text(share_text(esf, eligible)));
        out.set("co_financing", money(f.cofinancing));
        out.set("co_financing_share", text(share_text(f.cofinancing, financing_total)));
        out.set("balanced", TemplateValue::boolean(eligible == financing_total));
        out.set("imbalance", money(eligible - financing_total));
        cost_models(out, f);
        out.set("beneficiaries", beneficiaries(f));
        return out;
    }

    // The categories' rows: each year's amount, the total and its share.
    TemplateValue budget_categories(const model::BudgetFigures& f) const {
        const std::vector<std::string>& categories = f.categories;
        const std::vector<int>& years = f.years;
        const model::Money total = f.total_costs;
        TemplateValue category_values = TemplateValue::list();
        const std::vector<std::string> category_shares = shares_shown(f.by_category, total);
        for (std::size_t k = 0; k < categories.size(); ++k) {
            const std::string& category = categories[k];
            TemplateValue c = TemplateValue::map();
            c.set("code", text(category));
            c.set("label", text(code_label(model::cost_category_words(category, app_.programme), category, lang_)));
            TemplateValue amounts = TemplateValue::list();
            for (std::size_t y = 0; y < years.size(); ++y) {
                TemplateValue a = TemplateValue::map();
                a.set("amount", money(f.cell(k, y)));
                amounts.push(std::move(a));
            }
            c.set("amounts", amounts);
            c.set("total", money(f.by_category[k]));
            c.set("share", text(category_shares[k]));
            category_values.push(std::move(c));
        }
        return category_values;
    }

    // The financing sources' rows: kind, funder, amount and share.
    TemplateValue budget_sources(const model::BudgetFigures& f) const {
        const model::Budget& b = app_.budget;
        const model::Money financing_total = f.financing;
        std::vector<model::Money> source_amounts;
        for (const model::FinancingSource& source : b.financing) source_amounts.push_back(source.amount);
        const std::vector<std::string> source_shares = shares_shown(source_amounts, financing_total);
        TemplateValue sources = TemplateValue::list();
        for (std::size_t i = 0; i < b.financing.size(); ++i) {
            const model::FinancingSource& source = b.financing[i];
            TemplateValue s = TemplateValue::map();
            s.set("kind", text(source.kind));
            s.set("kind_label", text(code_label(model::financing_kind_words(source.kind), source.kind, lang_)));
            s.set("funder", text(source.funder          ? *source.funder
                                 : source.kind == "esf" ? words_("Europeiska socialfonden", "European Social Fund")
                                                        : "–"));
            s.set("org_number", optional(source.org_number));
            s.set("amount", money(source.amount));
            s.set("share", text(source_shares[i]));
            sources.push(std::move(s));
        }
        return sources;
    }

    // The shares of one table's column as fractions the percent filter
    // prints unchanged (tenths of a per cent), adding up to 100 % by
    // largest remainder; each exact share where the parts do not split the
    // whole (a negative amount, an unbalanced table).
    static std::vector<std::string> shares_shown(const std::vector<model::Money>& parts, model::Money whole) {
        std::vector<std::string> out;
        if (const auto tenths = model::display_shares(parts, whole, percent_decimals)) {
            for (const std::int64_t share : *tenths) out.push_back(model::fraction_text(share, 1000));
        } else {
            for (const model::Money part : parts) out.push_back(share_text(part, whole));
        }
        return out;
    }

    // The cost models in words, and each flat-rate line with its base and
    // the rate the budget's own amounts give (whether that rate is allowed
    // is the pack's business, rule B012).
    void cost_models(TemplateValue& out, const model::BudgetFigures& f) const {
        const model::Budget& b = app_.budget;
        TemplateValue models = TemplateValue::list();
        std::vector<std::string> names;
        for (const std::string& code : b.cost_models) {
            TemplateValue item = TemplateValue::map();
            item.set("code", text(code));
            item.set("label", text(code_label(model::cost_model_words(code), code, lang_)));
            models.push(std::move(item));
            names.push_back(code_label(model::cost_model_words(code), code, lang_));
        }
        out.set("cost_models", models);
        std::string sentence;
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (i > 0) sentence += i + 1 == names.size() ? words_(" och ", " and ") : ", ";
            sentence += names[i];
        }
        out.set("cost_model_text", names.empty()
                                       ? TemplateValue()
                                       : text(words_("Budgeten bygger på ", "The budget uses ") + sentence + "."));
        // Per beneficiary when there are beneficiaries (each sub-budget's
        // flat rate rests on its own staff costs), else over the whole budget.
        TemplateValue flat_rates = TemplateValue::list();
        const bool per_beneficiary = app_.has_beneficiary_partners();
        const auto flat_rate = [&](std::string_view category) {
            bool shown = false;
            const std::size_t c = static_cast<std::size_t>(
                std::find(f.categories.begin(), f.categories.end(), category) - f.categories.begin());
            const std::size_t staff_at = static_cast<std::size_t>(
                std::find(f.categories.begin(), f.categories.end(), model::staff_category) - f.categories.begin());
            const auto add = [&](const model::SubBudgetFigures* sub, bool always) {
                const auto of = [&](std::size_t at) {
                    if (at >= f.categories.size()) return model::Money{0};
                    return sub ? sub->by_category[at] : f.by_category[at];
                };
                const model::Money amount = of(c), staff = of(staff_at);
                const std::optional<std::string> key = sub ? std::optional(sub->key) : std::nullopt;
                if (amount == 0 && !always) return;
                TemplateValue item = TemplateValue::map();
                item.set("category", text(std::string(category)));
                item.set("label",
                         text(code_label(model::cost_category_words(category, app_.programme), category, lang_)));
                item.set("beneficiary", key ? text(beneficiary_name(*key)) : TemplateValue());
                item.set("amount", money(amount));
                item.set("base_label", text(words_("direkta personalkostnader", "direct staff costs")));
                item.set("base", money(staff));
                item.set("rate", text(share_text(amount, staff)));
                flat_rates.push(std::move(item));
                shown = true;
            };
            if (per_beneficiary)
                for (const model::SubBudgetFigures& sub : f.sub_budgets) add(&sub, false);
            // No sub-budget has the line (or there are no sub-budgets): the whole budget, even at 0.
            if (!shown) add(nullptr, true);
        };
        for (const std::string& code : b.cost_models) {
            if (code == "indirect-flat-rate")
                flat_rate(model::indirect_category);
            else if (code == "remaining-flat-rate")
                flat_rate("other");
        }
        out.set("flat_rates", flat_rates);
    }

    std::string beneficiary_name(const std::string& key) const {
        if (key.empty()) return words_("Ej fördelat på stödmottagare", "Not assigned to a beneficiary");
        if (key == "owner") return app_.project.owner.name;
        const model::Partner* partner = app_.find_partner(key);
        return partner ? partner->name : key;
    }

    // The budget per beneficiary (stödmottagare): the owner first, then the
    // beneficiary partners in plan order, then any other name the lines use
    // (a partner id rule X004 reports), then the lines that name no one.
    TemplateValue beneficiaries(const model::BudgetFigures& f) const {
        TemplateValue out = TemplateValue::list();
        for (const model::SubBudgetFigures& sub : f.sub_budgets) {
            const std::string& key = sub.key;
            TemplateValue item = TemplateValue::map();
            item.set("id", key.empty() ? TemplateValue() : text(key));
            const model::Partner* partner = key.empty() || key == "owner" ? nullptr : app_.find_partner(key);
            item.set("name", text(beneficiary_name(key)));
            item.set("owner", TemplateValue::boolean(key == "owner"));
            item.set("role_label", text(key.empty()      ? "–"
                                        : key == "owner" ? words_("Projektägare", "Project owner")
                                                         : words_("Stödmottagare", "Beneficiary")));
            item.set("org_number", key == "owner" ? optional(app_.project.owner.org_number)
                                   : partner      ? optional(partner->org_number)
                                                  : TemplateValue());
            TemplateValue categories = TemplateValue::list();
            for (std::size_t k = 0; k < f.categories.size(); ++k) {
                const std::string& code = f.categories[k];
                const model::Money amount = sub.by_category[k];
                if (amount == 0) continue;
                TemplateValue c = TemplateValue::map();
                c.set("code", text(code));
                c.set("label", text(code_label(model::cost_category_words(code, app_.programme), code, lang_)));
                c.set("amount", money(amount));
                categories.push(std::move(c));
            }
            item.set("categories", categories);
            item.set("costs", money(sub.costs));
            item.set("financing", money(sub.financing));
            item.set("esf_amount", money(sub.esf));
            out.push(std::move(item));
        }
        return out;
    }
};

}  // namespace

std::string money_text(model::Money amount) {
    const bool negative = amount < 0;
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
    std::string out = negative ? "-" : "";
    out += std::to_string(magnitude / 100);
    if (magnitude % 100 != 0) {
        out += '.';
        out += static_cast<char>('0' + magnitude % 100 / 10);
        out += static_cast<char>('0' + magnitude % 10);
    }
    return out;
}

std::string share_text(model::Money part, model::Money whole) { return model::fraction_text(part, whole); }

TemplateValue application_view(const model::Application& application, const ApplicationViewOptions& options) {
    return ViewBuilder(application, options).build();
}

// Long because it is data: a plan with one item in every list, written out.
TemplateValue application_specimen(const std::string& lang) {
    model::Application a;
    a.lang = lang;
    a.programme = "esf-2007-2013";
    a.call = "call";
    a.project.title.value = "title";
    a.project.acronym = model::Located<std::string>{"acronym", {}};
    a.project.contact.phone = "phone";
    a.project.owner.org_number = "000000-0000";
    a.project.period = {{2009, 1, 1}, {2009, 1, 31}, {}};
    a.project.municipalities.push_back({"0000", "name", false, {}});
    a.project.pre_study = model::PreStudyRef{"title", {{2009, 1, 1}, {2009, 1, 31}, {}}, "findings.xml", {}};
    model::RichText some;
    some.blocks.push_back({model::Block::Kind::paragraph, {{"text", false, false}}, {}, {}});
    a.summaries.push_back({std::nullopt, some});
    a.summaries.push_back({"en", some});
    a.target_groups.push_back({"tg", "name", some, model::Decimal{1}, model::Decimal{1}, {}});
    model::Goal goal;
    goal.id = "g";
    goal.indicators.push_back({"text",
                               "persons",
                               {},
                               {},
                               model::Decimal{1},
                               model::Decimal{1},
                               std::nullopt,
                               std::nullopt,
                               model::Date{2009, 1, 1},
                               {}});
    goal.basis.push_back({"f", {}});
    a.goals.push_back(goal);
    model::Activity activity;
    activity.id = "a";
    activity.start = {2009, 1, 1};
    activity.end = {2009, 1, 31};
    activity.goal_ids = {"g"};
    activity.tags = {"evaluation"};
    a.activities.push_back(activity);
    a.partners.push_back({"p", "name", "beneficiary", "000000-0000", {}});
    a.budget.costs.push_back({"staff", 2009, "a", 100, {}, "label", "p", {}});
    a.budget.costs.push_back({"indirect", 2009, std::nullopt, 15, {}, "label", "owner", {}});
    a.budget.financing.push_back({"esf", std::nullopt, "000000-0000", 100, "p", {}});
    a.budget.cost_models = {"real-costs", "indirect-flat-rate"};
    // plan-format §3: every addition present, so that no name of theirs is unknown.
    model::Applicant applicant;
    applicant.kind = model::Located<std::string>{"municipality", {}};
    applicant.vat = model::Located<std::string>{"deductible", {}};
    applicant.address = model::PostalAddress{"street", "000 00", "city", {}};
    applicant.signatory = model::Signatory{"name", "title", {}};
    applicant.finance_contact = model::Contact{"name", "email", "phone", {}, {}};
    applicant.account = model::PaymentAccount{"bankgiro", "0000-0000", {}};
    a.project.applicant = applicant;
    a.project.case_number = model::Located<std::string>{"0000-00000", {}};
    a.goals.front().indicators.front().non_binary = model::Decimal{1};
    a.goals.front().indicators.front().code = "EECO01";
    model::RiskAnalysis risks;
    risks.introduction = some;
    risks.risks.push_back({"r", "low", "high", "text", "text", {}});
    a.risk_analysis = risks;
    model::ProjectLogic logic;
    logic.introduction = some;
    logic.steps.push_back({"activities", {"g"}, some, {}});
    a.project_logic = logic;
    a.sustainable_development = some;
    a.fundamental_rights = some;
    a.attachments = std::vector<model::Attachment>{{"kind", "title", {}}};
    a.budget.income.push_back({0, "label", {}});
    model::PreStudyFindings findings;
    findings.questions.push_back({"q", "text", {}});
    findings.actors.push_back({"act", "other", std::nullopt, "name", {}});
    model::StudyFinding finding;
    finding.id = "f";
    finding.question_id = "q";
    finding.recommendation = "text";
    finding.evidence.push_back({"survey", 1, model::Decimal{1}, {"act"}, "text", {}});
    findings.findings.push_back(finding);
    a.findings = findings;
    ApplicationViewOptions options;
    options.lang = lang;
    options.date = {2009, 1, 1};
    ImageData logo;
    logo.extension = "png";
    logo.alt_text = "logo";
    options.logo = logo;
    return application_view(a, options);
}

}  // namespace esfdraft::docx
