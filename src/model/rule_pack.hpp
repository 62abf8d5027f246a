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
    std::string code;  // "PO1", "A1", "D"
    LocalizedName name;
    std::vector<std::string> regions;  // NUTS2 codes the area is open to; empty = every region
    std::string source;
};

// What a phase allows when no call says otherwise.
struct PhaseRules {
    std::string code;  // "prestudy" | "implementation"
    LocalizedName name;
    std::string source;
    std::optional<Sourced<int>> warn_above_months;   // D002 warning
    std::optional<Sourced<int>> error_above_months;  // D002 error
    Sourced<ShareHundredths> max_esf_share;          // B006
    Sourced<ShareHundredths> min_cofinancing;        // B007
    std::optional<Sourced<Money>> esf_ceiling;       // B009
};

struct SectionRule {
    std::string section;  // plan element name: "summary", "genderEquality", ...
    std::string source;
};

struct CostCategoryRule {
    std::string code;  // plan cost/@category: "staff", ...
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
    std::string rule;  // "D007"
    bool enabled = true;
    std::optional<Severity> severity;  // replaces every severity the rule reports
    std::string source;
};

// One of the categories a persons indicator is split into (G005): the
// plan's indicator attribute of that name. An optional category (nonBinary,
// "in accordance with national law") is counted in the sum when a plan
// gives it and never asked for.
struct GenderCategory {
    std::string code;  // women | men | nonBinary
    bool optional = false;
    LocalizedName name;
    std::string source;
};

// A common indicator of the programme (G009), named by indicator/@code.
struct CommonIndicator {
    std::string code;  // "EECO01"
    std::string unit;  // persons | organisations | percent | count
    LocalizedName name;
    std::string source;
};

// A cost model a budget may use (budget/@costModel; B012, B013).
struct CostModelRule {
    std::string code;         // real-costs | indirect-flat-rate | remaining-flat-rate | lump-sum | unit-costs
    bool simplified = false;  // a simplified cost option (B013)
    std::optional<ShareHundredths> rate;  // a flat rate: at most rate × the base category's costs ...
    std::string base;                     // ... of this category ("staff")
    std::string flat_category;            // the cost category the flat-rate line is booked on ("other")
    std::vector<std::string> categories;  // non-empty: the only categories a budget using the model may hold
    std::vector<std::string> excludes;    // models it is never combined with
    LocalizedName name;
    std::string source;
};

// A ground of discrimination (S007) and the words that name it: matched
// ignoring case as whole words, a trailing '*' matching any ending.
struct DiscriminationGround {
    std::string code;  // "age"
    LocalizedName name;
    std::vector<std::string> terms;
};

// A selection criterion (step 2 of the assessment). `sections`: the plan
// sections that bear on it (plan element names, pack data [I]); esfdraft
// assess shows their text under the criterion and routes the findings of
// those sections to it. Empty: no section is tied to it.
struct AssessmentCriterion {
    std::string code;
    LocalizedName name;
    std::string source;
    std::vector<std::string> sections;

    bool concerns(std::string_view section) const;
};

struct ScoreScale {
    int min = 0;
    int max = 0;
    std::string source;
};

// An added rule (docs/rules.md, "Added rules") the pack turns on.
struct AddedRule {
    std::string rule;  // "B013"
    std::string source;
};

// An attachment a call considers (M009).
struct AttachmentRule {
    std::string kind;  // the plan's attachment/@kind
    bool required = false;
    LocalizedName name;
};

// A call (utlysning): narrows the pack for the applications made to it.
// Every limit is optional; an absent one leaves the pack's phase default.
struct Call {
    std::string name;  // file name without .xml
    std::string file;
    LocalizedName title;
    std::string source;
    std::vector<std::string> areas;    // empty = every area of the pack
    std::vector<std::string> regions;  // empty = every region
    std::vector<std::string> phases;   // empty = every phase
    std::optional<Sourced<ShareHundredths>> max_esf_share;
    std::optional<Sourced<ShareHundredths>> min_cofinancing;
    std::optional<Sourced<Money>> esf_ceiling;
    std::optional<Sourced<Date>> earliest_start;
    std::optional<Sourced<Date>> latest_end;
    std::optional<Sourced<ShareHundredths>> min_transnational_share;  // B011
    // B012: the cost models the call allows among the pack's; nullopt = all of the pack's.
    std::optional<Sourced<std::vector<std::string>>> allowed_cost_models;
    // B013: kronor per euro for the pack's euro threshold; nullopt = B013 cannot convert and stays silent.
    std::optional<Sourced<Decimal>> sek_per_eur;
    std::optional<Sourced<bool>> state_aid;  // true: B013 does not apply
    // M009: the attachments the call considers; empty = the call lists none (M009 silent).
    std::vector<AttachmentRule> attachments;
    std::string attachments_source;

    bool limits_areas() const { return !areas.empty(); }
    bool allows_area(std::string_view code) const;
    bool allows_region(std::string_view code) const;
    bool allows_phase(std::string_view code) const;
};

struct RulePack {
    std::string name;  // folder name: "esf-2007-2013"
    std::string file;  // path of pack.xml
    LocalizedName title;
    std::string source;
    std::vector<ProgrammeArea> areas;
    std::vector<PhaseRules> phases;
    std::vector<SectionRule> required_sections;
    std::vector<SectionRule> recommended_sections;
    std::vector<CostCategoryRule> cost_categories;
    Sourced<int> default_min_words{40, ""};
    std::vector<WordMinimum> min_words;  // per-section exceptions
    Sourced<int> summary_max_characters{2000, ""};
    std::optional<Sourced<ShareHundredths>> indirect_max_share_of_staff;  // absent: no flat-rate limit
    Sourced<Date> eligibility_start;
    Sourced<Date> eligibility_end;
    Sourced<int> prestudy_gap_warn_months{12, ""};
    Sourced<std::vector<std::string>> placeholders;
    // G005: the categories a persons target is split into. The reader fills
    // in women and men when pack.xml has no <genderCategories>.
    std::vector<GenderCategory> gender_categories;
    std::vector<CommonIndicator> common_indicators;                // G009; empty: no common indicators
    std::vector<CostModelRule> cost_models;                        // B012; empty: the pack sets no cost models
    std::optional<Sourced<Money>> simplified_costs_threshold_eur;  // B013, whole euro cents
    std::vector<DiscriminationGround> discrimination_grounds;      // S007
    std::string discrimination_grounds_source;
    std::vector<AssessmentCriterion> assessment_criteria;
    std::optional<ScoreScale> score_scale;
    // Formal requirements (step 1) that the plan has a section with text (ESF+: fundamentalRights).
    std::vector<SectionRule> formal_sections;
    std::vector<AddedRule> added_rules;  // the added rules the pack turns on
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
    const CommonIndicator* find_common_indicator(std::string_view code) const;
    const CostModelRule* find_cost_model(std::string_view code) const;
    // True for every rule that is not an added one, and for an added rule the
    // pack lists in <addedRules>.
    bool turns_on(std::string_view rule) const;
};

// The plan's top-level sections in application order (plan-format.md), by
// element name: the keys packs, findings and reports use for sections.
const std::vector<std::string>& plan_sections();

// ---------------------------------------------------------------- regions

struct Municipality {
    std::string code;  // four-digit SCB kommunkod
    std::string name;
    std::string county_code;  // two digits
    std::string county;
    std::string nuts2;  // "SE33"
};

struct Region {
    std::string code;  // NUTS2
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
// `added`: one of the "Added rules" a pack turns on (<addedRules>); it
// reports nothing under a pack that does not. X005 needs no pack and is
// always on.
struct RuleDefinition {
    std::string_view id;
    std::string_view family;  // "X", "M", "S", "G", "A", "B", "D", "F"
    Severity severity;
    std::optional<Severity> second_severity;
    bool added = false;
    // A rule over the budget's sums (total, shares, ceilings): it is not
    // reported while an amount of the plan could not be read (X002).
    bool over_sums = false;
};

// Every rule, in the order of docs/rules.md: the one place a rule's id,
// family, severities and kind are written. The checks, the loader, the pack
// reader, the catalogue's tests and `esfdraft rules` all read them here.
const std::vector<RuleDefinition>& rule_definitions();
const RuleDefinition* find_rule_definition(std::string_view id);

// The rule's default severity, and the other one of the rules that report
// two levels, for the code that makes findings. Throws std::logic_error for
// an id that is not a rule (or has no second level): a programming error.
Severity default_severity(std::string_view id);
Severity second_severity(std::string_view id);

}  // namespace esfdraft::model
