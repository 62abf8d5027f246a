// A rule pack: the parameters of one programme period (areas, phases,
// required sections, cost categories, limits, rates, the eligibility window,
// severity overrides) and its calls, as plain values. The pack is data
// (schemas/<programme>/pack.xml and calls/*.xml, read by the load module);
// the rules read it and never hold a number of their own.
//
// Every parameter keeps `source`: where its value comes from (the [S], [R],
// [I] notes of the source notes of docs/rules.md), so `esfdraft rules --pack` can show it.
//
// Shares are whole hundredths of a per cent (50 % = 5000) and money whole
// öre, so every comparison is exact integer arithmetic.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/finding.hpp"
#include "model/values.hpp"

namespace esfdraft::model {

// A value and where it comes from.
template <typename T>
struct Sourced {
    T value{};
    std::string source;
};

// Hundredths of a per cent: 4600 = 46 %.
using ShareHundredths = std::int64_t;

struct LocalizedName {
    std::string sv;
    std::string en;
};

struct ProgrammeArea {
    std::string code;                   // "PO1", "A1", "D"
    LocalizedName name;
    std::vector<std::string> regions;   // NUTS2 codes the area is open to; empty = every region
    std::string source;
};

// What a phase allows when no call says otherwise.
struct PhaseRules {
    std::string code;                   // "prestudy" | "implementation"
    LocalizedName name;
    std::string source;
    std::optional<Sourced<int>> warn_above_months;    // D002 warning
    std::optional<Sourced<int>> error_above_months;   // D002 error
    Sourced<ShareHundredths> max_esf_share;           // B006
    Sourced<ShareHundredths> min_cofinancing;         // B007
    std::optional<Sourced<Money>> esf_ceiling;        // B009
};

struct SectionRule {
    std::string section;                // plan element name: "summary", "genderEquality", ...
    std::string source;
};

struct CostCategoryRule {
    std::string code;                   // plan cost/@category: "staff", ...
    LocalizedName name;
    std::string source;
};

struct WordMinimum {
    std::string section;
    int min_words = 0;
    std::string source;
};

// A pack may turn a rule off or change its severity, never its meaning.
struct RuleOverride {
    std::string rule;                   // "D007"
    bool enabled = true;
    std::optional<Severity> severity;   // replaces every severity the rule reports
    std::string source;
};

// A call (utlysning): narrows the pack for the applications made to it.
// Every limit is optional; an absent one leaves the pack's phase default.
struct Call {
    std::string name;                   // file name without .xml
    std::string file;
    LocalizedName title;
    std::string source;
    std::vector<std::string> areas;     // empty = every area of the pack
    std::vector<std::string> regions;   // empty = every region
    std::vector<std::string> phases;    // empty = every phase
    std::optional<Sourced<ShareHundredths>> max_esf_share;
    std::optional<Sourced<ShareHundredths>> min_cofinancing;
    std::optional<Sourced<Money>> esf_ceiling;
    std::optional<Sourced<Date>> earliest_start;
    std::optional<Sourced<Date>> latest_end;
    std::optional<Sourced<ShareHundredths>> min_transnational_share;   // B011

    bool limits_areas() const { return !areas.empty(); }
    bool allows_area(std::string_view code) const;
    bool allows_region(std::string_view code) const;
    bool allows_phase(std::string_view code) const;
};

struct RulePack {
    std::string name;                   // folder name: "esf-2007-2013"
    std::string file;                   // path of pack.xml
    LocalizedName title;
    std::string source;
    std::vector<ProgrammeArea> areas;
    std::vector<PhaseRules> phases;
    std::vector<SectionRule> required_sections;
    std::vector<SectionRule> recommended_sections;
    std::vector<CostCategoryRule> cost_categories;
    Sourced<int> default_min_words{40, ""};
    std::vector<WordMinimum> min_words;           // per-section exceptions
    Sourced<int> summary_max_characters{2000, ""};
    std::optional<Sourced<ShareHundredths>> indirect_max_share_of_staff;   // absent: no flat-rate limit
    Sourced<Date> eligibility_start;
    Sourced<Date> eligibility_end;
    Sourced<int> prestudy_gap_warn_months{12, ""};
    Sourced<std::vector<std::string>> placeholders;
    std::vector<RuleOverride> overrides;
    std::vector<Call> calls;

    // Each returns nullptr / false / the default when the pack has no entry.
    const ProgrammeArea* find_area(std::string_view code) const;
    const PhaseRules* find_phase(std::string_view code) const;
    const Call* find_call(std::string_view name) const;
    bool allows_cost_category(std::string_view code) const;
    bool requires_section(std::string_view section) const;
    int min_words_for(std::string_view section) const;
    const RuleOverride* override_for(std::string_view rule) const;
};

// The plan's top-level sections in application order (plan-format.md), by
// element name: the keys packs, findings and reports use for sections.
const std::vector<std::string>& plan_sections();

// ---------------------------------------------------------------- regions

struct Municipality {
    std::string code;                   // four-digit SCB kommunkod
    std::string name;
    std::string county_code;            // two digits
    std::string county;
    std::string nuts2;                  // "SE33"
};

struct Region {
    std::string code;                   // NUTS2
    std::string name;
};

// All municipalities and NUTS2 regions (schemas/regions/), read once per run.
struct MunicipalityRegister {
    std::vector<Municipality> municipalities;
    std::vector<Region> regions;
    std::string source;

    const Municipality* find(std::string_view code) const;
    const Region* find_region(std::string_view code) const;
};

// ---------------------------------------------------------------- the rules themselves

// One rule of docs/rules.md: its id, family, default severity and, for the
// rules that report two levels (G005, B011, D002, D006), the other one.
struct RuleDefinition {
    std::string_view id;
    std::string_view family;            // "X", "M", "S", "G", "A", "B", "D", "F"
    Severity severity;
    std::optional<Severity> second_severity;
};

// Every rule, in the order of docs/rules.md.
const std::vector<RuleDefinition>& rule_definitions();
const RuleDefinition* find_rule_definition(std::string_view id);

}  // namespace esfdraft::model
