// The application view: the pre-study, its findings and what traces to them.
#include <algorithm>
#include <set>

#include "docx/view_builder.hpp"

namespace esfdraft::docx::view {

std::vector<const model::Goal*> ViewBuilder::goals_resting_on(const std::string& finding) const {
    const auto found = goals_resting_on_.find(finding);
    return found == goals_resting_on_.end() ? std::vector<const model::Goal*>() : found->second;
}

TemplateValue ViewBuilder::pre_study() const {
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

TemplateValue ViewBuilder::finding_value(const model::PreStudyFindings& all, const model::StudyFinding& finding) const {
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

}  // namespace esfdraft::docx::view
