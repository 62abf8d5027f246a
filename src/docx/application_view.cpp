#include "docx/application_view.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "model/vocabulary.hpp"

namespace esfdraft::docx {

namespace {

// ------------------------------------------------------------------ labels

struct Label {
    std::string_view code, sv, en;
};

constexpr std::array<Label, 8> programme_area_labels{{
    {"PO1", "Programområde 1 Kompetensförsörjning", "Programme area 1: Skills supply"},
    {"PO2", "Programområde 2 Ökat arbetskraftsutbud", "Programme area 2: Increased labour supply"},
    {"A1", "A1 Främja livslångt lärande", "A1 Promoting lifelong learning"},
    {"A2", "A2 Aktiv inkludering", "A2 Active inclusion"},
    {"B", "B Öka möjligheten till arbete", "B Increasing access to employment"},
    {"C", "C Minska risken för ekonomisk utsatthet", "C Reducing the risk of economic vulnerability"},
    {"D", "D Öka kapaciteten i den glesa geografin", "D Increasing capacity in sparsely populated areas"},
    {"E", "E Social innovation", "E Social innovation"},
}};

constexpr std::array<Label, 8> region_labels{{
    {"SE11", "Stockholm", "Stockholm"},
    {"SE12", "Östra Mellansverige", "East Middle Sweden"},
    {"SE21", "Småland och öarna", "Småland and the islands"},
    {"SE22", "Sydsverige", "South Sweden"},
    {"SE23", "Västsverige", "West Sweden"},
    {"SE31", "Norra Mellansverige", "North Middle Sweden"},
    {"SE32", "Mellersta Norrland", "Central Norrland"},
    {"SE33", "Övre Norrland", "Upper Norrland"},
}};

constexpr std::array<Label, 4> unit_labels{{
    {"persons", "personer", "persons"},
    {"organisations", "organisationer", "organisations"},
    {"percent", "procent", "per cent"},
    {"count", "antal", "number"},
}};

constexpr std::array<Label, 5> tag_labels{{
    {"accessibility", "tillgänglighet", "accessibility"},
    {"gender-equality", "jämställdhet", "gender equality"},
    {"transnational", "transnationellt", "transnational"},
    {"dissemination", "spridning", "dissemination"},
    {"evaluation", "utvärdering", "evaluation"},
}};

constexpr std::array<Label, 5> theme_labels{{
    {"needs", "Behov", "Needs"},
    {"cooperation", "Samverkan", "Cooperation"},
    {"competence", "Kompetens", "Competence"},
    {"support", "Stöd", "Support"},
    {"other", "Övrigt", "Other"},
}};

constexpr std::array<Label, 3> priority_labels{{
    {"high", "hög", "high"},
    {"medium", "medel", "medium"},
    {"low", "låg", "low"},
}};

constexpr std::array<Label, 5> evidence_labels{{
    {"survey", "Enkät", "Survey"},
    {"interview", "Intervjuer", "Interviews"},
    {"workshop", "Workshop", "Workshop"},
    {"document", "Dokumentstudie", "Document study"},
    {"statistics", "Statistik", "Statistics"},
}};

constexpr std::array<Label, 3> partner_role_labels{{
    {"cofinancier", "Medfinansiär", "Co-financier"},
    {"cooperation", "Samverkanspart", "Cooperation partner"},
    {"partner", "Partner", "Partner"},
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
    std::string operator()(std::string_view sv, std::string_view en) const { return std::string(lang == "en" ? en : sv); }
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

TemplateValue decimal(const std::optional<model::Decimal>& value) { return value ? text(value->text()) : TemplateValue(); }

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

TemplateValue section(const std::optional<model::RichText>& source, const Words& words, std::string_view sv, std::string_view en) {
    if (!source || source->empty()) return marker(words, sv, en);
    return TemplateValue::rich_text(rich(*source));
}
TemplateValue section(const std::optional<model::RichText>& source, const Words& words, const model::Words& name) {
    return section(source, words, name.sv, name.en);
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator, std::string_view when_empty) {
    if (parts.empty()) return std::string(when_empty);
    std::string out;
    for (const std::string& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

// ------------------------------------------------------------------ the view

class ViewBuilder {
public:
    ViewBuilder(const model::Application& application, const ApplicationViewOptions& options)
        : app_(application), options_(options), lang_(options.lang == "en" ? "en" : "sv"), words_{lang_} {
        for (std::size_t i = 0; i < app_.goals.size(); ++i) goal_label_[app_.goals[i].id] = words_("M", "G") + std::to_string(i + 1);
        for (std::size_t i = 0; i < app_.activities.size(); ++i) activity_label_[app_.activities[i].id] = "A" + std::to_string(i + 1);
        if (app_.findings)
            for (std::size_t i = 0; i < app_.findings->findings.size(); ++i)
                finding_label_[app_.findings->findings[i].id] = "F" + std::to_string(i + 1);
        // Summed once: the activity table and the finding trace both need
        // costs per activity, and a scan of every cost line per activity or
        // finding grows with the square of the plan.
        for (const model::CostLine& cost : app_.budget.costs)
            if (cost.activity_id) {
                model::Money& sum = costs_by_activity_[*cost.activity_id];
                sum = model::checked_add(sum, cost.amount);
            }
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
        const auto found = costs_by_activity_.find(id);
        return found == costs_by_activity_.end() ? 0 : found->second;
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
        has.set("costs", TemplateValue::boolean(!app_.budget.costs.empty()));
        has.set("financing", TemplateValue::boolean(!app_.budget.financing.empty()));
        root.set("has", has);
        root.set("background", section(app_.background, words_, section_label("background")));
        root.set("problem", section(app_.problem, words_, section_label("problem")));
        root.set("purpose", section(app_.purpose, words_, section_label("purpose")));
        root.set("pre_study", pre_study());
        root.set("target_groups", target_groups());
        root.set("goals", goals());
        root.set("activities", activities());
        root.set("timeline", timeline());
        root.set("organisation", section(app_.organisation, words_, section_label("organisation")));
        root.set("partners", partners());
        root.set("gender_equality", section(app_.gender_equality, words_, section_label("genderEquality")));
        root.set("accessibility", accessibility());
        root.set("non_discrimination", section(app_.non_discrimination, words_, section_label("nonDiscrimination")));
        root.set("transnational", section(app_.transnational, words_, section_label("transnational")));
        root.set("dissemination", section(app_.dissemination, words_, section_label("dissemination")));
        root.set("evaluation", section(app_.evaluation, words_, section_label("evaluation")));
        root.set("budget", budget());
        return root;
    }

private:
    const model::Application& app_;
    const ApplicationViewOptions& options_;
    const std::string lang_;
    const Words words_;
    std::map<std::string, std::string, std::less<>> goal_label_, activity_label_, finding_label_;
    std::map<std::string, model::Money, std::less<>> costs_by_activity_;
    std::vector<std::string> activity_label_at_;                                    // by index in app_.activities
    std::map<std::string, std::vector<std::size_t>, std::less<>> activities_serving_;  // goal id -> activity indices
    std::map<std::string, std::vector<const model::Goal*>, std::less<>> goals_resting_on_;  // finding id -> goals

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
        out.set("programme_area_label", text(label_of(programme_area_labels, p.programme_area.value, lang_)));
        out.set("phase", text(p.phase.value));
        const model::PhaseWords* phase = model::phase_words(p.phase.value, app_.programme);
        out.set("phase_label", text(phase ? std::string(phase->name.in(lang_)) : p.phase.value));
        out.set("region", text(p.region.value));
        out.set("region_label", text(label_of(region_labels, p.region.value, lang_)));
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
        int months = 0;
        if (p.period.start.valid() && p.period.end.valid()) {
            const model::Date after_end = model::Date::from_days_since_epoch(p.period.end.days_since_epoch() + 1);
            while (months < 1200 && p.period.start.add_months(months + 1) <= after_end) ++months;
        }
        period.set("months", text(std::to_string(months)));
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
        return out;
    }

    TemplateValue summary(bool english) const {
        const model::Summary* found = english ? app_.english_summary() : app_.main_summary();
        // An English draft of a Swedish plan leads with the English summary when there is one.
        if (!english && lang_ == "en" && app_.lang != "en" && app_.english_summary()) found = app_.english_summary();
        if (!found || found->text.empty())
            return english ? marker(words_, "Sammanfattning på engelska", "English summary") : marker(words_, "Sammanfattning", "Summary");
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
        out.set("missing", marker(words_, "Förprojekteringens resultat", "The pre-study's findings"));
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
        out.set("theme_label", text(label_of(theme_labels, finding.theme, lang_)));
        out.set("priority_label", text(label_of(priority_labels, finding.priority, lang_)));
        out.set("in_scope", TemplateValue::boolean(!finding.out_of_scope));
        out.set("recommendation", optional(finding.recommendation));
        std::string question;
        for (std::size_t i = 0; i < all.questions.size(); ++i)
            if (all.questions[i].id == finding.question_id) question = words_("Fråga ", "Question ") + std::to_string(i + 1);
        out.set("question", text(question.empty() ? finding.question_id : question));
        TemplateValue evidence = TemplateValue::list();
        for (const model::Evidence& e : finding.evidence) {
            TemplateValue item = TemplateValue::map();
            item.set("kind_label", text(label_of(evidence_labels, e.kind, lang_)));
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
            item.set("description", group.description && !group.description->empty() ? TemplateValue::rich_text(rich(*group.description))
                                                                                      : TemplateValue());
            item.set("women", decimal(group.women));
            item.set("men", decimal(group.men));
            item.set("total", group.women && group.men ? text(model::Decimal{group.women->micros + group.men->micros}.text())
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
            item.set("kind_label", text(goal.kind == "effect" ? words_("Effektmål", "Effect goal") : words_("Projektmål", "Project goal")));
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
                i.set("due", indicator.due ? date(*indicator.due) : TemplateValue());
                indicators.push(std::move(i));
            }
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
            for (const std::string& tag : activity.tags) tags.push_back(label_of(tag_labels, tag, lang_));
            item.set("goals", text(joined(goal_labels, ", ", "–")));
            item.set("tags", tags.empty() ? TemplateValue() : text(joined(tags, ", ", "")));
            item.set("costs", money(costs_of_activity(activity.id)));
            out.push(std::move(item));
        }
        return out;
    }

    // One row per month of the period with the activities under way.
    TemplateValue timeline() const {
        TemplateValue months = TemplateValue::list();
        const model::Period& period = app_.project.period;
        if (period.start.valid() && period.end.valid() && period.start <= period.end) {
            int year = period.start.year, month = period.start.month;
            for (int guard = 0; guard < 240 && (year < period.end.year || (year == period.end.year && month <= period.end.month)); ++guard) {
                const model::Date first{year, month, 1};
                const model::Date last{year, month, model::days_in_month(year, month)};
                std::vector<std::string> active;
                for (std::size_t i = 0; i < app_.activities.size(); ++i)
                    if (app_.activities[i].start <= last && first <= app_.activities[i].end) active.push_back(activity_label_at_[i]);
                TemplateValue item = TemplateValue::map();
                item.set("month", text(model::Date{year, month, 1}.iso().substr(0, 7)));
                item.set("label", text(std::string(lang_ == "en" ? short_months_en[static_cast<std::size_t>(month - 1)]
                                                                 : short_months_sv[static_cast<std::size_t>(month - 1)]) +
                                       " " + std::to_string(year)));
                item.set("activities", text(joined(active, ", ", "–")));
                months.push(std::move(item));
                if (++month > 12) month = 1, ++year;
            }
        }
        TemplateValue out = TemplateValue::map();
        out.set("months", months);
        return out;
    }

    TemplateValue partners() const {
        TemplateValue out = TemplateValue::list();
        for (const model::Partner& partner : app_.partners) {
            TemplateValue item = TemplateValue::map();
            item.set("name", text(partner.name));
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
        out.set("physical", section(a ? a->physical : none, words_, "Tillgänglighet – fysisk", "Accessibility – physical"));
        out.set("information", section(a ? a->information : none, words_, "Tillgänglighet – information", "Accessibility – information"));
        out.set("participation", section(a ? a->participation : none, words_, "Tillgänglighet – delaktighet", "Accessibility – participation"));
        return out;
    }

    // ------------------------------------------------------------ budget

    TemplateValue budget() const {
        const model::Budget& b = app_.budget;
        std::set<int> year_set;
        if (app_.project.period.start.valid() && app_.project.period.end.valid())
            for (int y = app_.project.period.start.year; y <= app_.project.period.end.year && year_set.size() < 20; ++y) year_set.insert(y);
        for (const model::CostLine& cost : b.costs) year_set.insert(cost.year);
        const std::vector<int> years(year_set.begin(), year_set.end());

        std::vector<std::string> categories;
        for (const model::CodeWords& category : model::cost_categories())
            for (const model::CostLine& cost : b.costs)
                if (cost.category == category.key) {
                    categories.emplace_back(category.key);
                    break;
                }
        for (const model::CostLine& cost : b.costs)
            if (std::find(categories.begin(), categories.end(), cost.category) == categories.end()) categories.push_back(cost.category);

        // Sums per category and year in one pass over the cost lines, in
        // tables indexed like `categories` and `years` (every cost's category
        // and year is in them).
        const auto category_at = [&categories](const std::string& code) {
            return static_cast<std::size_t>(std::find(categories.begin(), categories.end(), code) - categories.begin());
        };
        const auto year_at = [&years](int year) {
            return static_cast<std::size_t>(std::lower_bound(years.begin(), years.end(), year) - years.begin());
        };
        std::vector<model::Money> cell(categories.size() * years.size(), 0);
        std::vector<model::Money> category_total(categories.size(), 0);
        std::vector<model::Money> year_total(years.size(), 0);
        model::Money total = 0;
        for (const model::CostLine& cost : b.costs) {
            const std::size_t c = category_at(cost.category), y = year_at(cost.year);
            cell[c * years.size() + y] = model::checked_add(cell[c * years.size() + y], cost.amount);
            category_total[c] = model::checked_add(category_total[c], cost.amount);
            year_total[y] = model::checked_add(year_total[y], cost.amount);
            total = model::checked_add(total, cost.amount);
        }

        TemplateValue out = TemplateValue::map();
        out.set("currency", text(b.currency));
        TemplateValue year_values = TemplateValue::list();
        TemplateValue year_totals = TemplateValue::list();
        for (std::size_t y = 0; y < years.size(); ++y) {
            TemplateValue year = TemplateValue::map();
            year.set("year", text(std::to_string(years[y])));
            year_values.push(std::move(year));
            TemplateValue t = TemplateValue::map();
            t.set("amount", money(year_total[y]));
            year_totals.push(std::move(t));
        }
        out.set("years", year_values);
        out.set("year_totals", year_totals);
        TemplateValue category_values = TemplateValue::list();
        for (std::size_t k = 0; k < categories.size(); ++k) {
            const std::string& category = categories[k];
            TemplateValue c = TemplateValue::map();
            c.set("code", text(category));
            c.set("label", text(code_label(model::cost_category_words(category), category, lang_)));
            TemplateValue amounts = TemplateValue::list();
            for (std::size_t y = 0; y < years.size(); ++y) {
                TemplateValue a = TemplateValue::map();
                a.set("amount", money(cell[k * years.size() + y]));
                amounts.push(std::move(a));
            }
            c.set("amounts", amounts);
            c.set("total", money(category_total[k]));
            c.set("share", text(share_text(category_total[k], total)));
            category_values.push(std::move(c));
        }
        out.set("categories", category_values);
        out.set("total_costs", money(total));
        const model::Money income = b.total_income();
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
        const model::Money eligible = total - income;
        out.set("eligible_costs", money(eligible));

        const model::Money financing_total = b.total_financing();
        TemplateValue sources = TemplateValue::list();
        for (const model::FinancingSource& source : b.financing) {
            TemplateValue s = TemplateValue::map();
            s.set("kind", text(source.kind));
            s.set("kind_label", text(code_label(model::financing_kind_words(source.kind), source.kind, lang_)));
            s.set("funder", text(source.funder ? *source.funder
                                               : source.kind == "esf" ? words_("Europeiska socialfonden", "European Social Fund") : "–"));
            s.set("org_number", optional(source.org_number));
            s.set("amount", money(source.amount));
            s.set("share", text(share_text(source.amount, financing_total)));
            sources.push(std::move(s));
        }
        out.set("financing", sources);
        out.set("total_financing", money(financing_total));
        const model::Money esf = b.financing_of_kind("esf");
        out.set("esf_amount", money(esf));
        out.set("esf_share", text(share_text(esf, eligible)));
        out.set("co_financing", money(financing_total - esf));
        out.set("co_financing_share", text(share_text(financing_total - esf, financing_total)));
        out.set("balanced", TemplateValue::boolean(eligible == financing_total));
        out.set("imbalance", money(eligible - financing_total));
        return out;
    }
};

}  // namespace

std::string money_text(model::Money amount) {
    const bool negative = amount < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
    std::string out = negative ? "-" : "";
    out += std::to_string(magnitude / 100);
    if (magnitude % 100 != 0) {
        out += '.';
        out += static_cast<char>('0' + magnitude % 100 / 10);
        out += static_cast<char>('0' + magnitude % 10);
    }
    return out;
}

std::string share_text(model::Money part, model::Money whole) {
    if (whole == 0) return "0";
    const bool negative = (part < 0) != (whole < 0) && part != 0;
    // 128 bits: part × 10^6 must not overflow for any two int64 amounts.
    __extension__ typedef unsigned __int128 wide;
    const wide p = part < 0 ? 0 - static_cast<wide>(part) : static_cast<wide>(part);
    const wide w = whole < 0 ? 0 - static_cast<wide>(whole) : static_cast<wide>(whole);
    const wide micros = (p * 1000000 + w / 2) / w;
    const auto whole_part = static_cast<std::uint64_t>(micros / 1000000);
    const auto fraction = static_cast<std::uint64_t>(micros % 1000000);
    std::string digits = std::to_string(fraction);
    digits.insert(0, 6 - digits.size(), '0');
    return (negative ? "-" : "") + std::to_string(whole_part) + "." + digits;
}

TemplateValue application_view(const model::Application& application, const ApplicationViewOptions& options) {
    return ViewBuilder(application, options).build();
}

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
    goal.indicators.push_back({"text", "persons", {}, {}, model::Decimal{1}, model::Decimal{1}, std::nullopt, std::nullopt, model::Date{2009, 1, 1}, {}});
    goal.basis.push_back({"f", {}});
    a.goals.push_back(goal);
    model::Activity activity;
    activity.id = "a";
    activity.start = {2009, 1, 1};
    activity.end = {2009, 1, 31};
    activity.goal_ids = {"g"};
    activity.tags = {"evaluation"};
    a.activities.push_back(activity);
    a.partners.push_back({std::nullopt, "name", "cofinancier", "000000-0000", {}});
    a.budget.costs.push_back({"staff", 2009, "a", 100, {}, "label", std::nullopt, {}});
    a.budget.financing.push_back({"esf", std::nullopt, "000000-0000", 100, std::nullopt, {}});
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
