#include "xlsx/workbook_labels.hpp"

#include <array>
#include <utility>

#include "model/vocabulary.hpp"

namespace esfdraft::xlsx {
namespace {

constexpr WorkbookLabels swedish{
    .summary_sheet = "Sammanställning",
    .costs_sheet = "Kostnader",
    .by_year_sheet = "Per år",
    .by_activity_sheet = "Per aktivitet",
    .financing_sheet = "Finansiering",
    .sub_budgets_sheet = "Delbudgetar",

    .costs_table = "Kostnadsrader",
    .category = "Kategori",
    .year = "År",
    .activity = "Aktivitet",
    .label = "Benämning",
    .amount = "Belopp",
    .tags = "Taggar",

    .total = "Totalt",
    .title = "Benämning",
    .goals = "Mål",
    .statement = "Målformulering",
    .activities = "Aktiviteter",
    .no_activity = "(ingen aktivitet)",
    .unknown_activity = "(okänd aktivitet)",
    .unknown_goal = "(okänt mål)",
    .unknown_category = "okänd kategori",
    .goal_note =
        "Ett måls kostnad är summan av kostnaderna för de aktiviteter som tjänar målet. En aktivitet som "
        "tjänar flera mål räknas med i vart och ett av dem, så målens kostnader kan tillsammans bli större "
        "än projektets totala kostnad.",
    .chart_title = "Kostnader per kategori",
    .chart_alt_text = "Stapeldiagram över kostnaderna per kategori: ",
    .financing_by_year = "Finansiering per år (fördelad efter årets kostnader)",
    .financing_by_year_note =
        "Planen anger inget år för finansieringen, så varje finansieringskälla är fördelad på åren i proportion "
        "till årets kostnader (raden Totalt ovan; intäkterna har inte heller något år). Varje år utom det sista "
        "avrundas till hela kronor och det sista året får resten, så att raden blir källans belopp. Ändras en "
        "kostnad eller ett belopp på bladet Finansiering följer fördelningen med.",

    .kind = "Typ",
    .funder = "Finansiär",
    .org_number = "Organisationsnummer",
    .share = "Andel",
    .income = "Intäkter",
    .unknown_kind = "okänd typ",
    .no_financing = "(ingen finansiering)",
    .no_income = "(inga intäkter)",

    .beneficiary = "Stödmottagare",
    .owner_key = "Projektägaren",
    .no_beneficiary = "(ingen stödmottagare angiven)",
    .unknown_beneficiary = "(okänd stödmottagare)",
    .name = "Namn",
    .costs = "Kostnader",
    .financing = "Finansiering",
    .of_which_esf = "varav ESF-stöd",
    .sub_budget_difference = "Differens (kostnader − finansiering)",
    .sub_budget_note =
        "Varje stödmottagares delbudget: kostnaderna och finansieringen vars kolumn Stödmottagare på bladen "
        "Kostnader och Finansiering har stödmottagarens nyckel i kolumn A.",
    .sub_budget_income_note =
        "Intäkterna är inte fördelade på stödmottagare (planen anger dem för hela projektet), så delbudgetarnas "
        "differenser blir tillsammans projektets differens plus intäkterna.",
    .indirect_flat_rate = "Schablon indirekta kostnader",
    .remaining_flat_rate = "Schablon övriga kostnader",
    .flat_rate_note = "av personalkostnaderna samma år",

    .budget_title = "Budget",
    .project = "Projekt",
    .acronym = "Kortnamn",
    .owner = "Projektägare",
    .programme = "Program",
    .call = "Utlysning",
    .programme_area = "Programområde",
    .region = "Region",
    .period_start = "Projektstart",
    .period_end = "Projektslut",
    .prepared = "Upprättad",
    .key_figure = "Nyckeltal",
    .value = "Värde",
    .limit = "Gräns",
    .status = "Status",
    .total_cost = "Total kostnad",
    .eligible_cost = "Stödberättigande kostnad",
    .total_cofinancing = "Medfinansiering totalt",
    .total_financing = "Finansiering totalt",
    .difference = "Differens (stödberättigande kostnad − finansiering)",
    .esf_share = "ESF-andel av stödberättigande kostnad",
    .cofinancing_share = "Medfinansieringsandel av stödberättigande kostnad",
    .staff_costs = "Personalkostnader",
    .indirect_costs = "Indirekta kostnader",
    .indirect_share = "Indirekta kostnader i procent av personalkostnader",
    .within_limit = "✓ inom gränsen",
    .above_limit = "✗ över gränsen",
    .below_limit = "✗ under gränsen",
    .balanced = "✓ i balans",
    .not_balanced = "✗ ej i balans",
    .broken_marker = "✗",
    .limits_note = "Gränser: ",
    .marks_note = "✗ markerar en bruten gräns. Alla värden är formler över de andra bladen.",

    .name_total_cost = "Kostnad_totalt",
    .name_income = "Intakter_totalt",
    .name_eligible_cost = "Stodberattigande_kostnad",
    .name_esf = "ESF_stod",
    .name_cofinancing = "Medfinansiering_totalt",
    .name_financing = "Finansiering_totalt",
    .name_difference = "Budgetdifferens",
    .name_esf_share = "ESF_andel",
    .name_cofinancing_share = "Medfinansieringsandel",
    .name_staff_costs = "Personalkostnader",
    .name_indirect_costs = "Indirekta_kostnader",
    .name_indirect_share = "Indirekt_andel_av_personal",

    .money_format = "#,##0 \"kr\"",
    .money_with_ore_format = "#,##0.00 \"kr\"",
    .percent_format = "0.00 %",
    .date_format = "yyyy-mm-dd",
    .at_most = "\"högst \"",
    .at_least = "\"minst \"",
    .must_be = "\"ska vara \"",
    .money_words = model::format_sek,

    .page_footer = "Sida &P av &N",
    .subject = "Budget för en ansökan till Europeiska socialfonden",
};

constexpr WorkbookLabels english{
    .summary_sheet = "Summary",
    .costs_sheet = "Costs",
    .by_year_sheet = "By year",
    .by_activity_sheet = "By activity",
    .financing_sheet = "Financing",
    .sub_budgets_sheet = "Sub-budgets",

    .costs_table = "CostLines",
    .category = "Category",
    .year = "Year",
    .activity = "Activity",
    .label = "Label",
    .amount = "Amount",
    .tags = "Tags",

    .total = "Total",
    .title = "Title",
    .goals = "Goals",
    .statement = "Statement",
    .activities = "Activities",
    .no_activity = "(no activity)",
    .unknown_activity = "(unknown activity)",
    .unknown_goal = "(unknown goal)",
    .unknown_category = "unknown category",
    .goal_note =
        "A goal's cost is the sum of the costs of the activities that serve it. An activity that serves "
        "several goals counts toward each of them, so the goals' costs may add up to more than the "
        "project's total cost.",
    .chart_title = "Costs by category",
    .chart_alt_text = "Bar chart of the costs by category: ",
    .financing_by_year = "Financing by year (spread by each year's costs)",
    .financing_by_year_note =
        "The plan gives the financing no year, so each financing source is spread over the years in proportion "
        "to each year's costs (the Total row above; the income has no year either). Every year but the last is "
        "rounded to whole kronor and the last year takes the rest, so that the row comes to the source's amount. "
        "Change a cost or an amount on the sheet Financing and the spread follows.",

    .kind = "Kind",
    .funder = "Funder",
    .org_number = "Organisation number",
    .share = "Share",
    .income = "Income",
    .unknown_kind = "unknown kind",
    .no_financing = "(no financing)",
    .no_income = "(no income)",

    .beneficiary = "Beneficiary",
    .owner_key = "Project owner",
    .no_beneficiary = "(no beneficiary given)",
    .unknown_beneficiary = "(unknown beneficiary)",
    .name = "Name",
    .costs = "Costs",
    .financing = "Financing",
    .of_which_esf = "of which ESF support",
    .sub_budget_difference = "Difference (costs − financing)",
    .sub_budget_note =
        "Each beneficiary's sub-budget: the costs and financing whose column Beneficiary on the sheets Costs and "
        "Financing holds the beneficiary's key in column A.",
    .sub_budget_income_note =
        "Income is not split between the beneficiaries (the plan gives it for the whole project), so the "
        "sub-budgets' differences add up to the project's difference plus the income.",
    .indirect_flat_rate = "Flat rate, indirect costs",
    .remaining_flat_rate = "Flat rate, other costs",
    .flat_rate_note = "of the staff costs of the same year",

    .budget_title = "Budget",
    .project = "Project",
    .acronym = "Acronym",
    .owner = "Project owner",
    .programme = "Programme",
    .call = "Call",
    .programme_area = "Programme area",
    .region = "Region",
    .period_start = "Project start",
    .period_end = "Project end",
    .prepared = "Prepared",
    .key_figure = "Key figure",
    .value = "Value",
    .limit = "Limit",
    .status = "Status",
    .total_cost = "Total cost",
    .eligible_cost = "Eligible cost",
    .total_cofinancing = "Total co-financing",
    .total_financing = "Total financing",
    .difference = "Difference (eligible cost − financing)",
    .esf_share = "ESF share of the eligible cost",
    .cofinancing_share = "Co-financing share of the eligible cost",
    .staff_costs = "Staff costs",
    .indirect_costs = "Indirect costs",
    .indirect_share = "Indirect costs as a share of staff costs",
    .within_limit = "✓ within the limit",
    .above_limit = "✗ above the limit",
    .below_limit = "✗ below the limit",
    .balanced = "✓ balanced",
    .not_balanced = "✗ not balanced",
    .broken_marker = "✗",
    .limits_note = "Limits: ",
    .marks_note = "✗ marks a broken limit. Every value is a formula over the other sheets.",

    .name_total_cost = "Total_cost",
    .name_income = "Total_income",
    .name_eligible_cost = "Eligible_cost",
    .name_esf = "ESF_support",
    .name_cofinancing = "Total_cofinancing",
    .name_financing = "Total_financing",
    .name_difference = "Budget_difference",
    .name_esf_share = "ESF_share",
    .name_cofinancing_share = "Cofinancing_share",
    .name_staff_costs = "Staff_costs",
    .name_indirect_costs = "Indirect_costs",
    .name_indirect_share = "Indirect_share_of_staff",

    .money_format = "\"SEK \"#,##0",
    .money_with_ore_format = "\"SEK \"#,##0.00",
    .percent_format = "0.00%",
    .date_format = "yyyy-mm-dd",
    .at_most = "\"at most \"",
    .at_least = "\"at least \"",
    .must_be = "\"must be \"",
    .money_words = model::format_sek_en,

    .page_footer = "Page &P of &N",
    .subject = "Budget of an application to the European Social Fund",
};

bool is_english(const WorkbookLabels& labels) { return &labels == &english; }

// Cost categories, financing kinds and tags are named by the one vocabulary the
// report and the draft also use (model/vocabulary.hpp).
std::optional<std::string_view> words_in(const model::CodeWords* words, const WorkbookLabels& labels) {
    if (!words) return std::nullopt;
    return is_english(labels) ? words->name.en : words->name.sv;
}

}  // namespace

const WorkbookLabels* labels_for(std::string_view lang) {
    if (lang == "sv") return &swedish;
    if (lang == "en") return &english;
    return nullptr;
}

std::optional<std::string_view> category_words(const WorkbookLabels& labels, std::string_view code) {
    return words_in(model::cost_category_words(code), labels);
}

std::optional<std::string_view> source_kind_words(const WorkbookLabels& labels, std::string_view code) {
    return words_in(model::financing_kind_words(code), labels);
}

std::optional<std::string_view> tag_words(const WorkbookLabels& labels, std::string_view code) {
    return words_in(model::tag_words(code), labels);
}

}  // namespace esfdraft::xlsx
