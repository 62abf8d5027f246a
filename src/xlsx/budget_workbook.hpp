// The budget workbook (XLSX): the application's budget as a spreadsheet that
// finance staff can work on and reviewers can check. Every figure derived from
// the cost lines and sources is a live formula stored together with its exact
// result, so viewers that do not recalculate still show the right numbers.
//
// Sheets (names in the workbook's language): Sammanställning / Summary,
// Kostnader / Costs, Per år / By year, Per aktivitet / By activity,
// Finansiering / Financing; and Delbudgetar / Sub-budgets when partners are
// beneficiaries with sub-budgets of their own.
//
// Totals reach spare_cost_rows rows below the last cost line, so a line a
// finance officer types on the first empty rows under the cost table counts
// in every total after a recalculation (Excel or LibreOffice).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/application.hpp"
#include "model/rule_pack.hpp"
#include "model/values.hpp"

namespace esfdraft::xlsx {

// The programme's and the call's limits, shown beside the key figures with a
// mark where the budget breaks one. Each is optional: a missing limit gives
// no limit and no mark. Shares are in hundredths of a per cent (5000 = 50 %)
// and must lie within 0–10000; the ceiling is öre and must not be negative.
struct BudgetLimits {
    std::optional<std::int64_t> max_esf_share_hundredths;                // of the eligible cost
    std::optional<std::int64_t> min_cofinancing_share_hundredths;        // of the eligible cost
    std::optional<std::int64_t> max_indirect_share_of_staff_hundredths;  // of the staff costs
    std::optional<model::Money> esf_ceiling;                             // öre
    // Where the limits come from, shown under them; empty = no note.
    std::string source_note;
};

// A cost category the pack allows, with the pack's words for it.
struct CategoryChoice {
    std::string code;  // plan cost/@category: "staff", ...
    std::string sv;    // the pack's Swedish name; empty = the workbook's own words
    std::string en;
};

// The flat rates of the simplified cost options (Budget::cost_models), in
// hundredths of a per cent of the staff costs; each within 0–10000.
inline constexpr std::int64_t default_indirect_flat_rate_hundredths = 1500;   // CPR art. 54(b): 15 %
inline constexpr std::int64_t default_remaining_flat_rate_hundredths = 4000;  // CPR art. 56: 40 %

// Empty rows below the cost table that every total still counts.
inline constexpr std::uint32_t spare_cost_rows = 20;

struct WorkbookSource {
    std::string application;
    int version = 0;
};

struct WorkbookOptions {
    // Language of the labels: "sv" or "en". Empty means the application's own
    // language (`application.lang`).
    std::string lang = "sv";
    // The document date: the workbook's creation time (midnight UTC) and the
    // "prepared" date on the summary. Must be a valid date.
    model::Date date;
    BudgetLimits limits;
    // The categories the category drop-down offers, in this order, named
    // with the pack's words (cost lines of these categories show the same
    // words, so the totals find what is chosen). Empty = the plan format's
    // eight categories in the workbook's own words. A code the plan format
    // does not define is refused.
    std::vector<CategoryChoice> categories;
    // The rates shown when the budget's cost model is a flat rate
    // (indirect-flat-rate: the `indirect` lines = rate × staff costs;
    // remaining-flat-rate: the `other` lines = rate × staff costs).
    // nullopt = the defaults above (the pack's values when it has them).
    std::optional<std::int64_t> indirect_flat_rate_hundredths;
    std::optional<std::int64_t> remaining_flat_rate_hundredths;
    // The pack's names for the plan's programme, call and programme area,
    // shown on the summary with the plan's id after them ("Utlysning 2023 …
    // (livslangt-larande-ovre-norrland-2023)"); nullopt = the id alone.
    // Which application and version the workbook is made from (the service's
    // downloads): written as the custom document properties
    // esfdraft.application and esfdraft.version, so that an edited workbook
    // uploaded after another version landed is refused rather than undoing
    // that version. nullopt (the command line) writes neither.
    std::optional<WorkbookSource> source;
    std::optional<model::LocalizedName> programme_title;
    std::optional<model::LocalizedName> call_title;
    std::optional<model::LocalizedName> area_title;
    // The name of the plan's NUTS2 region ("Övre Norrland"), shown as
    // "Övre Norrland (SE33)"; nullopt = the code alone.
    std::optional<std::string> region_name;
};

// How the costs sheet's activity column names the plan's activities, the
// same for the writer and the reader: by their labels ("A1", "A2", … as the
// draft numbers them, model::activity_labels) when no text could then be
// read as another activity, else by their ids as the plan gives them.
// Labels could be misread when an activity's label is the id of another
// activity (ids "A2", "A1" in that order) or the id a cost line names but no
// activity has (a cost of "A3" in a plan whose third activity is "a3").
// A cost line's activity that the plan does not define is shown as typed.
struct CostActivityNames {
    model::Labels shown;  // activity id -> the column's text; empty = the ids
    model::Labels ids;    // the column's text -> activity id (the reverse of `shown`)
};
CostActivityNames cost_activity_names(const model::Application& application);

// Writes the budget workbook to `path`, replacing any file there (the caller
// passes a temporary path and renames it into place). The same inputs give
// the same bytes.
//
// Flat rates: when Budget::cost_models holds indirect-flat-rate (or
// remaining-flat-rate), each `indirect` (or `other`) cost line is a formula,
// the rate (a cell beside the cost table) times the staff costs of the same
// year (and sub-budget, when partners are beneficiaries), rounded to the öre
// half away from zero; the workbook's totals use that amount, not the one
// the plan gives. When two such lines share a year (and sub-budget), they
// stay as the plan gives them (splitting a base would be a guess).
//
// Edges: an application without cost lines, sources or income still gives a
// complete workbook (the lists show a placeholder row and the totals are 0);
// costs without an activity go in a row "(ingen aktivitet)"; an activity id
// or goal id that nothing defines gets its own row marked unknown.
//
// Throws std::runtime_error with a message naming the offending element and
// where it came from, without printing anything, when: a text is longer than
// a cell holds (32 767 characters) or is not valid UTF-8 or holds control
// characters; an amount or total has more than 15 significant digits (what a
// spreadsheet keeps exactly) or the sums overflow; there are more cost lines
// than a worksheet holds; the language, the date or a limit is invalid; the
// file cannot be written. Bad data is found before the file system is
// touched, so `path` is then left as it was; when writing itself fails, the
// partial file is removed. The one thing that can reach stderr is
// libxlsxwriter's own line about an I/O failure in the middle of writing
// (a full disk), which no check can foresee and libxlsxwriter 1.1.4 has no
// switch for: so the pipeline gives a `path` in a private temporary folder,
// never the user's output folder, and writes the bytes there itself.
// libxlsxwriter's own temporary files go into `path`'s folder. Safe to call
// from several threads (the final packing is done one workbook at a time).
void write_budget_workbook(const model::Application& application, const WorkbookOptions& options,
                           const std::string& path);

}  // namespace esfdraft::xlsx
