#include "rules/section_view.hpp"

#include "rules/rule_finding.hpp"

namespace esfdraft::rules {

namespace {

SectionView rich(const std::optional<model::RichText>& text, const model::Application& application) {
    SectionView view;
    view.where = application.where;
    if (!text) return view;
    view.present = true;
    view.text = &*text;
    view.words = text->word_count();
    view.empty = view.words == 0;
    view.where = located_or(text->where, application.where);
    return view;
}

template <typename Item>
SectionView list(const std::vector<Item>& items, const model::SourceLocation& where,
                 const model::Application& application) {
    SectionView view;
    view.present = where.line > 0 || !items.empty();
    view.empty = items.empty();
    view.where = located_or(where, application.where);
    return view;
}

}  // namespace

SectionView view_section(const model::Application& application, std::string_view name) {
    if (name == "summary") {
        SectionView view;
        view.where = application.where;
        if (const model::Summary* summary = application.main_summary()) {
            view.present = true;
            view.text = &summary->text;
            view.words = summary->text.word_count();
            view.empty = view.words == 0;
            view.where = located_or(summary->text.where, application.where);
        }
        return view;
    }
    if (const std::optional<model::RichText>* text = model::rich_section(application, name))
        return rich(*text, application);
    if (name == "riskAnalysis") {
        SectionView view;
        view.where = application.where;
        if (!application.risk_analysis) return view;
        const model::RiskAnalysis& analysis = *application.risk_analysis;
        view.present = true;
        view.words = analysis.introduction.word_count();
        view.empty = analysis.risks.empty() && view.words == 0;
        view.where = located_or(analysis.where, application.where);
        return view;
    }
    if (name == "projectLogic") {
        SectionView view;
        view.where = application.where;
        if (!application.project_logic) return view;
        const model::ProjectLogic& logic = *application.project_logic;
        view.present = true;
        view.words = logic.introduction.word_count();
        for (const model::LogicStep& step : logic.steps) view.words += step.text.word_count();
        view.empty = view.words == 0;
        view.where = located_or(logic.where, application.where);
        return view;
    }
    if (name == "attachments") {
        if (!application.attachments) return SectionView{false, true, nullptr, 0, application.where};
        return list(*application.attachments, application.attachments_where, application);
    }
    if (name == "targetGroups") return list(application.target_groups, application.target_groups_where, application);
    if (name == "goals") return list(application.goals, application.goals_where, application);
    if (name == "activities") return list(application.activities, application.activities_where, application);
    if (name == "partners") {
        SectionView view;
        view.present = !application.partners.empty();
        view.empty = application.partners.empty();
        view.where = view.present ? application.partners.front().where : application.where;
        return view;
    }
    if (name == "accessibility") {
        SectionView view;
        view.where = application.where;
        if (!application.accessibility) return view;
        const model::Accessibility& aspects = *application.accessibility;
        view.present = true;
        for (const auto* aspect : {&aspects.physical, &aspects.information, &aspects.participation})
            if (*aspect) view.words += (*aspect)->word_count();
        view.empty = view.words == 0;
        view.where = located_or(aspects.where, application.where);
        return view;
    }
    if (name == "budget") {
        const model::Budget& budget = application.budget;
        SectionView view;
        // Costs and financing fill the section; income alone does not (not Budget::has_lines()).
        view.present = budget.where.line > 0 || !budget.costs.empty() || !budget.financing.empty();
        view.empty = budget.costs.empty() && budget.financing.empty();
        view.where = located_or(budget.where, application.where);
        return view;
    }
    return SectionView{false, true, nullptr, 0, application.where};
}

}  // namespace esfdraft::rules
