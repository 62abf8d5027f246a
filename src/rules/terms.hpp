// Internal to the rules module: small helpers every family uses to build
// findings and compute shares exactly. The limits that apply to one
// application (Terms, resolve_terms) are the check's API, in check.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/application.hpp"
#include "model/budget_figures.hpp"
#include "model/finding.hpp"
#include "model/rule_pack.hpp"
#include "model/values.hpp"
#include "rules/check.hpp"

namespace esfdraft::rules {

// The terms a family applies: those the caller resolved (CheckContext::terms),
// else resolved here for a family called on its own.
Terms terms_for(const model::Application& application, const model::RulePack& pack, const CheckContext& context);

model::Finding make_finding(std::string_view rule, model::Severity severity, std::string_view section,
                            std::string_view message_id, const model::SourceLocation& where);

// `where` when it is a real position, else `fallback` (an element the file
// left out is reported at its parent).
const model::SourceLocation& located_or(const model::SourceLocation& where, const model::SourceLocation& fallback);

// The exact share arithmetic lives with the budget's figures (model/budget_figures.hpp).
using model::at_least_share;
using model::at_most_share;
using model::share_ceiling;
using model::share_floor;
using model::share_of;

// Short text to name an element in a message: the first `max_characters`
// characters (whole UTF-8 characters), with "…" when cut.
std::string excerpt(std::string_view text, std::size_t max_characters = 60);

// Activities and goals by id (the first of duplicates), built once per check:
// a lookup per cost line must not scan every activity.
std::unordered_map<std::string_view, const model::Activity*> activities_by_id(const model::Application& application);
std::unordered_map<std::string_view, const model::Goal*> goals_by_id(const model::Application& application);

// Lower-cases ASCII and the Latin-1 capitals (Å, Ä, Ö, É in UTF-8) so that
// "UMEÅ" and "Umeå" compare equal; other bytes stay as they are.
std::string folded(std::string_view text);

// True when `text` holds `term` as whole words: not inside a longer word,
// and, when `term` ends with '*', followed by any ending ("ålders*" names
// "åldersgrupper"). Both are given folded (folded()); spaces in `term` must
// be spaces in `text`.
bool names_term(std::string_view text, std::string_view term);

// "PO1, PO2" (model/values.hpp).
using model::join;

// "2009-10-01 – 2011-09-30".
std::string period_text(const model::Date& start, const model::Date& end);

}  // namespace esfdraft::rules

namespace esfdraft::rules {

// One top-level section of the plan as the section rules see it.
struct SectionView {
    bool present = false;
    bool empty = true;
    const model::RichText* text = nullptr;   // for the sections of rich text; the main summary for "summary"
    int words = 0;                           // words of rich text (accessibility: its three aspects together)
    model::SourceLocation where;             // the element, or the application when it is missing
};

// `name` is a plan element name: "summary", "targetGroups", "genderEquality", ...
SectionView view_section(const model::Application& application, std::string_view name);

}  // namespace esfdraft::rules
