// The checks of docs/rules.md: pure functions from an application and its
// rule pack (and the few facts in CheckContext) to findings. One family per
// file: structure (X003, X004, X005), project (M), sections (S), goals (G),
// accessibility (A), budget (B), period (D) and findings (F). A family reports
// every occurrence, never just the first, and reads every limit from the pack
// or the application's call, never from a constant of its own.
//
// Each family returns its findings with the default severities of
// docs/rules.md; check_application adds the pack's overrides (a rule turned
// off or given another severity) and drops the added rules (M008 … B014)
// the pack does not turn on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/application.hpp"
#include "model/finding.hpp"
#include "model/rule_pack.hpp"

namespace esfdraft::rules {

// A limit and who set it: the call's name, or the pack's name when the call
// leaves it to the pack (shown in messages as "(ovre-norrland-2009)").
template <typename T>
struct Limit {
    T value{};
    std::string set_by;
};

// The limits that apply to one application: its phase's defaults in the
// pack, narrowed by its call. Its pointers point into the pack.
struct Terms {
    const model::Call* call = nullptr;         // the application's call, when it names one the pack has
    const model::PhaseRules* phase = nullptr;  // the application's phase, when the pack knows it
    std::optional<Limit<model::ShareHundredths>> max_esf_share;
    std::optional<Limit<model::ShareHundredths>> min_cofinancing;
    std::optional<Limit<model::Money>> esf_ceiling;
    std::optional<Limit<model::Date>> earliest_start;
    std::optional<Limit<model::Date>> latest_end;
    std::optional<Limit<model::ShareHundredths>> min_transnational_share;
};

// The call's value where it sets one, else the phase's default in the pack.
// The one place the terms are worked out: the check applies them, and a
// build shows the same ones beside the key figures and in the workbook.
Terms resolve_terms(const model::Application& application, const model::RulePack& pack);

struct CheckContext {
    // "Today" for D007; fixed by --date or SOURCE_DATE_EPOCH for reproducible
    // reports. An invalid (default) date turns D007 off.
    model::Date today;
    // All municipalities and regions (M003, M004); nullptr skips those rules.
    const model::MunicipalityRegister* municipalities = nullptr;
    // The application's terms when the caller has resolved them already for
    // this application and pack (a build resolves them once for the check,
    // the report and the workbook); nullptr: check_application resolves them,
    // once for every family.
    const Terms* terms = nullptr;
};

// Runs every family on a loaded application and applies the pack's severity
// overrides. `pack` is the pack the application's `programme` names, or
// nullptr when there is none: then X003 reports it and only X004 and X005,
// which need no pack, run besides.
model::Findings check_application(const model::Application& application, const model::RulePack* pack,
                                  const CheckContext& context);

// X003: the programme names a pack (`pack` is not null) and the call, when
// given, is one of the pack's calls.
model::Findings check_programme(const model::Application& application, const model::RulePack* pack);
// X005: no section is given twice (a summary: not twice in one language);
// one finding at each later place, naming the line of the first. Needs no pack.
model::Findings check_repeated_sections(const model::Application& application);
// X004: ids are unique and every reference resolves, within the plan and
// into its findings file.
model::Findings check_references(const model::Application& application);

model::Findings check_project(const model::Application& application, const model::RulePack& pack,
                              const CheckContext& context);
model::Findings check_sections(const model::Application& application, const model::RulePack& pack,
                               const CheckContext& context);
model::Findings check_goals(const model::Application& application, const model::RulePack& pack,
                            const CheckContext& context);
model::Findings check_accessibility(const model::Application& application, const model::RulePack& pack,
                                    const CheckContext& context);
model::Findings check_budget(const model::Application& application, const model::RulePack& pack,
                             const CheckContext& context);
model::Findings check_period(const model::Application& application, const model::RulePack& pack,
                             const CheckContext& context);
// F001–F004; nothing when the application has no findings file.
model::Findings check_findings(const model::Application& application, const model::RulePack& pack,
                               const CheckContext& context);

// Removes the findings of rules the pack turns off, and of the added rules
// it does not turn on (<addedRules>), and gives the others the pack's
// severity where it sets one.
void apply_overrides(model::Findings& findings, const model::RulePack& pack);

// The sections of the completeness report for this application, in
// application order: "project", every section the application has or the pack
// requires or recommends, and "findings" when a findings file is loaded.
// Findings in other sections ("file") are added by the report itself.
std::vector<std::string> report_sections(const model::Application& application, const model::RulePack* pack);

}  // namespace esfdraft::rules
