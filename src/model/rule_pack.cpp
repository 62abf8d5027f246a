#include "model/rule_pack.hpp"

#include <algorithm>
#include <stdexcept>

#include "model/vocabulary.hpp"

namespace esfdraft::model {

namespace {

bool listed(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

template <typename Item, typename Key>
const Item* find_by(const std::vector<Item>& items, std::string_view wanted, Key key) {
    for (const Item& item : items)
        if (key(item) == wanted) return &item;
    return nullptr;
}

}  // namespace

bool Call::allows_area(std::string_view code) const { return areas.empty() || listed(areas, code); }
bool Call::allows_region(std::string_view code) const { return regions.empty() || listed(regions, code); }
bool Call::allows_phase(std::string_view code) const { return phases.empty() || listed(phases, code); }

const ProgrammeArea* RulePack::find_area(std::string_view code) const {
    return find_by(areas, code, [](const ProgrammeArea& area) -> const std::string& { return area.code; });
}

const PhaseRules* RulePack::find_phase(std::string_view code) const {
    return find_by(phases, code, [](const PhaseRules& phase) -> const std::string& { return phase.code; });
}

const Call* RulePack::find_call(std::string_view call_name) const {
    return find_by(calls, call_name, [](const Call& call) -> const std::string& { return call.name; });
}

bool RulePack::allows_cost_category(std::string_view code) const {
    return find_by(cost_categories, code,
                   [](const CostCategoryRule& rule) -> const std::string& { return rule.code; }) != nullptr;
}

bool RulePack::requires_section(std::string_view section) const {
    return find_by(required_sections, section,
                   [](const SectionRule& rule) -> const std::string& { return rule.section; }) != nullptr;
}

int RulePack::min_words_for(std::string_view section) const {
    if (const WordMinimum* minimum =
            find_by(min_words, section, [](const WordMinimum& rule) -> const std::string& { return rule.section; }))
        return minimum->min_words;
    return default_min_words.value;
}

const RuleOverride* RulePack::override_for(std::string_view rule) const {
    return find_by(overrides, rule, [](const RuleOverride& entry) -> const std::string& { return entry.rule; });
}

const CommonIndicator* RulePack::find_common_indicator(std::string_view code) const {
    return find_by(common_indicators, code,
                   [](const CommonIndicator& indicator) -> const std::string& { return indicator.code; });
}

const CostModelRule* RulePack::find_cost_model(std::string_view code) const {
    return find_by(cost_models, code, [](const CostModelRule& model) -> const std::string& { return model.code; });
}

bool RulePack::turns_on(std::string_view rule) const {
    const RuleDefinition* definition = find_rule_definition(rule);
    if (!definition || !definition->added) return true;
    return find_by(added_rules, rule, [](const AddedRule& entry) -> const std::string& { return entry.rule; }) !=
           nullptr;
}

bool AssessmentCriterion::concerns(std::string_view section) const {
    for (const std::string& entry : sections)
        if (entry == section) return true;
    return false;
}

const std::vector<std::string>& plan_sections() {
    // The vocabulary's sections in application order, without the project facts (not a section a pack can require).
    static const std::vector<std::string> order = [] {
        std::vector<std::string> out;
        for (const SectionWords& section : sections())
            if (section.key != "project") out.emplace_back(section.key);
        return out;
    }();
    return order;
}

const Municipality* MunicipalityRegister::find(std::string_view code) const {
    return find_by(municipalities, code,
                   [](const Municipality& municipality) -> const std::string& { return municipality.code; });
}

const Region* MunicipalityRegister::find_region(std::string_view code) const {
    return find_by(regions, code, [](const Region& region) -> const std::string& { return region.code; });
}

const std::vector<RuleDefinition>& rule_definitions() {
    using S = Severity;
    static const std::vector<RuleDefinition> rules = {
        {"X001", "X", S::error, std::nullopt},
        {"X002", "X", S::error, std::nullopt},
        {"X003", "X", S::error, std::nullopt},
        {"X004", "X", S::error, std::nullopt},
        {"X005", "X", S::error, std::nullopt},
        {"M001", "M", S::error, std::nullopt},
        {"M002", "M", S::error, std::nullopt},
        {"M003", "M", S::error, std::nullopt},
        {"M004", "M", S::error, std::nullopt},
        {"M005", "M", S::error, std::nullopt},
        {"M006", "M", S::warning, std::nullopt},
        {"M007", "M", S::warning, std::nullopt},
        {"M008", "M", S::error, std::nullopt, true},
        {"M009", "M", S::warning, std::nullopt, true},
        {"M010", "M", S::warning, std::nullopt, true},
        {"S001", "S", S::error, std::nullopt},
        {"S002", "S", S::warning, std::nullopt},
        {"S003", "S", S::warning, std::nullopt},
        {"S004", "S", S::warning, std::nullopt},
        {"S005", "S", S::info, std::nullopt},
        {"S006", "S", S::warning, std::nullopt},
        {"S007", "S", S::warning, std::nullopt, true},
        {"G001", "G", S::error, std::nullopt},
        {"G002", "G", S::warning, std::nullopt},
        {"G003", "G", S::error, std::nullopt},
        {"G004", "G", S::error, std::nullopt},
        {"G005", "G", S::warning, S::error},
        {"G006", "G", S::error, std::nullopt},
        {"G007", "G", S::warning, std::nullopt},
        {"G008", "G", S::warning, std::nullopt},
        {"G009", "G", S::info, std::nullopt, true},
        {"A001", "A", S::error, std::nullopt},
        {"A002", "A", S::warning, std::nullopt},
        {"A003", "A", S::info, std::nullopt},
        {"B001", "B", S::error, std::nullopt},
        {"B002", "B", S::error, std::nullopt},
        {"B003", "B", S::error, std::nullopt},
        {"B004", "B", S::warning, std::nullopt},
        // The rules over the budget's sums (over_sums), which mean nothing
        // while an amount could not be read.
        {"B005", "B", S::error, std::nullopt, false, true},
        {"B006", "B", S::error, std::nullopt, false, true},
        {"B007", "B", S::error, std::nullopt, false, true},
        {"B008", "B", S::error, std::nullopt, false, true},
        {"B009", "B", S::error, std::nullopt, false, true},
        {"B010", "B", S::warning, std::nullopt},
        {"B011", "B", S::error, S::warning, false, true},
        {"B012", "B", S::error, std::nullopt, true, true},
        {"B013", "B", S::error, std::nullopt, true, true},
        {"B014", "B", S::error, std::nullopt, true, true},
        {"D001", "D", S::error, std::nullopt},
        {"D002", "D", S::warning, S::error},
        {"D003", "D", S::error, std::nullopt},
        {"D004", "D", S::error, std::nullopt},
        {"D005", "D", S::error, std::nullopt},
        {"D006", "D", S::error, S::warning},
        {"D007", "D", S::warning, std::nullopt},
        {"F001", "F", S::warning, std::nullopt},
        {"F002", "F", S::warning, std::nullopt},
        {"F003", "F", S::warning, std::nullopt},
        {"F004", "F", S::warning, std::nullopt},
    };
    return rules;
}

const RuleDefinition* find_rule_definition(std::string_view id) {
    for (const RuleDefinition& rule : rule_definitions())
        if (rule.id == id) return &rule;
    return nullptr;
}

Severity default_severity(std::string_view id) {
    const RuleDefinition* rule = find_rule_definition(id);
    if (!rule) throw std::logic_error("no rule " + std::string(id) + " in model::rule_definitions()");
    return rule->severity;
}

Severity second_severity(std::string_view id) {
    const RuleDefinition* rule = find_rule_definition(id);
    if (!rule || !rule->second_severity)
        throw std::logic_error("no rule " + std::string(id) + " with a second severity in model::rule_definitions()");
    return *rule->second_severity;
}

}  // namespace esfdraft::model
