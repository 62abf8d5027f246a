// Every word the budget workbook shows, in Swedish and English: the one label
// table of the xlsx module.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/values.hpp"

namespace esfdraft::xlsx {

struct WorkbookLabels {
    // Sheets (at most 31 characters, none of []:*?/\).
    std::string_view summary_sheet, costs_sheet, by_year_sheet, by_activity_sheet, financing_sheet;
    std::string_view sub_budgets_sheet;

    // Costs.
    std::string_view costs_table;  // Excel table name: letters, digits, '_' only
    std::string_view category, year, activity, label, amount, tags;

    // By year / by activity.
    std::string_view total;
    std::string_view title, goals, statement, activities;
    std::string_view no_activity, unknown_activity, unknown_goal, unknown_category;
    std::string_view goal_note;
    std::string_view chart_title, chart_alt_text;
    // Financing spread over the years (below the costs by year).
    std::string_view financing_by_year, financing_by_year_note;

    // Financing.
    std::string_view kind, funder, org_number, share, income, unknown_kind;
    std::string_view no_financing, no_income;

    // Sub-budgets (partners that are beneficiaries) and flat rates.
    std::string_view beneficiary;     // the column of costs and sources
    std::string_view owner_key;       // what that column shows for the plan's "owner"
    std::string_view no_beneficiary;  // the sub-budget of lines that name none
    std::string_view unknown_beneficiary;
    std::string_view name, costs, financing, of_which_esf;
    std::string_view sub_budget_difference;  // costs − financing
    std::string_view sub_budget_note, sub_budget_income_note;
    std::string_view indirect_flat_rate, remaining_flat_rate, flat_rate_note;

    // Summary.
    std::string_view budget_title;
    std::string_view project, acronym, owner, programme, call, programme_area, region, period_start, period_end,
        prepared;
    std::string_view key_figure, value, limit, status;
    std::string_view total_cost, eligible_cost, total_cofinancing, total_financing, difference, esf_share,
        cofinancing_share, staff_costs, indirect_costs, indirect_share;
    std::string_view within_limit, above_limit, below_limit, balanced, not_balanced, broken_marker;
    std::string_view limits_note, marks_note;

    // Defined names (ASCII letters, digits, '_'; not a cell reference).
    std::string_view name_total_cost, name_income, name_eligible_cost, name_esf, name_cofinancing, name_financing,
        name_difference, name_esf_share, name_cofinancing_share, name_staff_costs, name_indirect_costs,
        name_indirect_share;

    // Number formats (Excel codes: ',' groups and '.' marks decimals; a
    // viewer shows the reader's own separators, "1 250 000 kr" in Swedish).
    std::string_view money_format, money_with_ore_format, percent_format, date_format;
    std::string_view at_most, at_least, must_be;  // quoted prefixes of limit formats
    std::string (*money_words)(model::Money);     // an amount in text, as the money format shows it

    // Print header and footer, document properties.
    std::string_view page_footer;  // Excel codes, e.g. "Sida &P av &N"
    std::string_view subject;
};

// The labels for "sv" or "en"; nullptr for any other language.
const WorkbookLabels* labels_for(std::string_view lang);

// A cost category code in words ("staff" -> "Lön personal"); nullopt for a
// code the plan format does not define.
std::optional<std::string_view> category_words(const WorkbookLabels& labels, std::string_view code);
// A financing source kind in words ("public-in-kind" -> "Offentligt bidrag i annat än pengar").
std::optional<std::string_view> source_kind_words(const WorkbookLabels& labels, std::string_view code);
// A tag in words ("gender-equality" -> "jämställdhet").
std::optional<std::string_view> tag_words(const WorkbookLabels& labels, std::string_view code);

}  // namespace esfdraft::xlsx
