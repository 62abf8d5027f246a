// Runs the rule families in the order of docs/rules.md and applies the pack's overrides.
#include <algorithm>
#include <optional>

#include "rules/check.hpp"
#include "rules/section_view.hpp"

namespace esfdraft::rules {

namespace {

void append(model::Findings& out, model::Findings more) {
    out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

}  // namespace

model::Findings check_application(const model::Application& application, const model::RulePack* pack,
                                  const CheckContext& context) {
    model::Findings findings = check_programme(application, pack);
    append(findings, check_references(application));
    append(findings, check_repeated_sections(application));
    if (!pack) return findings;
    // The terms once for every family that reads them (project, budget, period).
    std::optional<Terms> resolved;
    CheckContext with_terms = context;
    if (!with_terms.terms) with_terms.terms = &resolved.emplace(resolve_terms(application, *pack));
    append(findings, check_project(application, *pack, with_terms));
    append(findings, check_sections(application, *pack, with_terms));
    append(findings, check_goals(application, *pack, with_terms));
    append(findings, check_accessibility(application, *pack, with_terms));
    append(findings, check_budget(application, *pack, with_terms));
    append(findings, check_period(application, *pack, with_terms));
    append(findings, check_findings(application, *pack, with_terms));
    apply_overrides(findings, *pack);
    return findings;
}

void apply_overrides(model::Findings& findings, const model::RulePack& pack) {
    std::erase_if(findings, [&](const model::Finding& finding) {
        if (!pack.turns_on(finding.rule)) return true;
        const model::RuleOverride* entry = pack.override_for(finding.rule);
        return entry && !entry->enabled;
    });
    if (pack.overrides.empty()) return;
    for (model::Finding& finding : findings)
        if (const model::RuleOverride* entry = pack.override_for(finding.rule); entry && entry->severity)
            finding.severity = *entry->severity;
}

std::vector<std::string> report_sections(const model::Application& application, const model::RulePack* pack) {
    std::vector<std::string> sections = {"project"};
    for (const std::string& name : model::plan_sections()) {
        const SectionView view = view_section(application, name);
        bool listed = view.present;
        if (pack) {
            for (const model::SectionRule& rule : pack->required_sections) listed = listed || rule.section == name;
            for (const model::SectionRule& rule : pack->recommended_sections) listed = listed || rule.section == name;
        }
        if (listed) sections.push_back(name);
    }
    if (application.findings) sections.push_back("findings");
    return sections;
}

}  // namespace esfdraft::rules
