#include "docx/application_view.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "docx/engine/filters.hpp"
#include "docx/view_builder.hpp"
#include "model/budget_figures.hpp"
#include "model/values.hpp"
#include "model/vocabulary.hpp"

namespace esfdraft::docx::view {

ViewBuilder::ViewBuilder(const model::Application& application, const ApplicationViewOptions& options)
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

model::Money ViewBuilder::costs_of_activity(const std::string& id) const {
    const auto found = activity_index_.find(id);
    return found == activity_index_.end() ? 0 : figures_.by_activity[found->second];
}

TemplateValue ViewBuilder::build() {
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

bool ViewBuilder::marks(std::string_view key) const {
    return !options_.check || options_.check->flagged_sections.count(std::string(key)) > 0;
}

TemplateValue ViewBuilder::section_of(const std::optional<model::RichText>& source, std::string_view key) const {
    if (source && !source->empty()) return TemplateValue::rich_text(rich(*source));
    return marks(key) ? marker(words_, section_label(key).sv, section_label(key).en) : TemplateValue::rich_text({});
}

bool ViewBuilder::marks_addition(std::string_view key) const { return options_.check && marks(key); }

TemplateValue ViewBuilder::addition_of(const std::optional<model::RichText>& source, std::string_view key) const {
    if (source && !source->empty()) return TemplateValue::rich_text(rich(*source));
    return marks_addition(key) ? marker(words_, section_label(key).sv, section_label(key).en) : TemplateValue();
}

std::string ViewBuilder::verdict_text(const DraftCheck& check) const {
    if (check.ready) return words_("klar att lämna in", "ready to submit");
    const std::string count = std::to_string(check.errors);
    return words_("utkast – " + count + " fel kvar",
                  "draft – " + count + (check.errors == 1 ? " error left" : " errors left"));
}

std::string ViewBuilder::label(const std::map<std::string, std::string, std::less<>>& labels,
                               const std::string& id) const {
    const auto found = labels.find(id);
    return found == labels.end() ? id : found->second;
}

TemplateValue ViewBuilder::document() const {
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

TemplateValue ViewBuilder::organisation(const std::string& name, const std::optional<std::string>& org_number) const {
    TemplateValue out = TemplateValue::map();
    out.set("name", text(name));
    out.set("org_number", optional(org_number));
    return out;
}

std::string ViewBuilder::municipality_name(const model::MunicipalityRef& m) const {
    if (m.name && !m.name->empty()) return *m.name;
    const auto found = options_.municipality_names.find(m.code);
    return found == options_.municipality_names.end() ? m.code : found->second;
}

TemplateValue ViewBuilder::project() const {
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

TemplateValue ViewBuilder::applicant() const {
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

bool ViewBuilder::non_binary_given() const {
    for (const model::Goal& goal : app_.goals)
        for (const model::Indicator& indicator : goal.indicators)
            if (indicator.non_binary) return true;
    return false;
}

std::vector<std::pair<std::string, std::string>> ViewBuilder::gender_category_list() const {
    std::vector<std::pair<std::string, std::string>> out{{"women", words_("Kvinnor", "Women")},
                                                         {"men", words_("Män", "Men")}};
    if (non_binary_given()) out.emplace_back("nonBinary", words_("Icke-binära", "Non-binary"));
    return out;
}

TemplateValue ViewBuilder::gender_categories() const {
    TemplateValue out = TemplateValue::list();
    for (const auto& [code, name] : gender_category_list()) {
        TemplateValue item = TemplateValue::map();
        item.set("code", text(code));
        item.set("label", text(name));
        out.push(std::move(item));
    }
    return out;
}

TemplateValue ViewBuilder::gender_split(const std::optional<model::Decimal>& women,
                                        const std::optional<model::Decimal>& men,
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

TemplateValue ViewBuilder::flagged_addition(std::string_view key) const {
    if (!marks_addition(key)) return TemplateValue();
    TemplateValue out = TemplateValue::map();
    out.set("introduction", marker(words_, section_label(key).sv, section_label(key).en));
    out.set(key == "riskAnalysis" ? "risks" : "steps", TemplateValue::list());
    return out;
}

TemplateValue ViewBuilder::risk_analysis() const {
    if (!app_.risk_analysis || (app_.risk_analysis->introduction.empty() && app_.risk_analysis->risks.empty()))
        return flagged_addition("riskAnalysis");
    const model::RiskAnalysis& analysis = *app_.risk_analysis;
    TemplateValue out = TemplateValue::map();
    out.set("introduction",
            analysis.introduction.empty() ? TemplateValue() : TemplateValue::rich_text(rich(analysis.introduction)));
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

TemplateValue ViewBuilder::project_logic() const {
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

TemplateValue ViewBuilder::attachments() const {
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

TemplateValue ViewBuilder::summary(bool english) const {
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

TemplateValue ViewBuilder::partners() const {
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

TemplateValue ViewBuilder::accessibility() const {
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

}  // namespace esfdraft::docx::view

namespace esfdraft::docx {

using view::ViewBuilder;

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
