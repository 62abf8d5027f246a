// Accessibility A001–A003 (docs/rules.md, "Accessibility").
#include "rules/check.hpp"
#include "rules/rule_finding.hpp"
#include "rules/section_view.hpp"

namespace esfdraft::rules {

namespace {

using model::Severity;

bool addressed(const std::optional<model::RichText>& aspect) { return aspect && !aspect->empty(); }

}  // namespace

model::Findings check_accessibility(const model::Application& application, const model::RulePack&,
                                    const CheckContext&) {
    model::Findings out;
    const SectionView view = view_section(application, "accessibility");
    if (!view.present || view.empty) {
        out.push_back(rule_finding("A001", "accessibility", view.present ? "A001.empty" : "A001.missing", view.where));
    } else {
        // A002: each aspect on its own; the section as a whole is not empty.
        const model::Accessibility& aspects = *application.accessibility;
        const struct {
            const std::optional<model::RichText>& text;
            const char* message_id;
        } checks[] = {{aspects.physical, "A002.physical"},
                      {aspects.information, "A002.information"},
                      {aspects.participation, "A002.participation"}};
        for (const auto& check : checks) {
            if (addressed(check.text)) continue;
            const model::SourceLocation& where = check.text ? located_or(check.text->where, view.where) : view.where;
            out.push_back(rule_finding("A002", "accessibility", check.message_id, where));
        }
    }

    // A003: the plan promises accessibility; in an implementation something must pay for it.
    if (application.project.phase.value == "implementation") {
        bool paid_for = false;
        for (const model::Activity& activity : application.activities)
            paid_for = paid_for || activity.has_tag("accessibility");
        for (const model::CostLine& cost : application.budget.costs)
            paid_for = paid_for || cost.has_tag("accessibility");
        if (!paid_for) out.push_back(rule_finding("A003", "accessibility", "A003.nothing_pays", view.where));
    }
    return out;
}

}  // namespace esfdraft::rules
