// The workbook's figures, formulas and results, read from the layout before
// any file is written. Expected sums are worked out here from the plan lines.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "xlsx/budget_layout.hpp"
#include "xlsx/cell_reference.hpp"
#include "xlsx/sample_budgets.hpp"

using namespace esfdraft;
using namespace esfdraft::xlsx;
using esfdraft::testing::cost;

namespace {

constexpr model::Money kr = 100;

// The cell a defined name points at ("='Sammanställning'!$B$16").
const Cell& named_cell(const WorkbookLayout& layout, const std::string& name) {
    const auto found = std::find_if(layout.names.begin(), layout.names.end(),
                                    [&](const DefinedName& defined) { return defined.name == name; });
    if (found == layout.names.end()) throw std::logic_error("no defined name " + name);
    const std::string& target = found->target;
    const auto bang = target.rfind('!');
    const std::string sheet_name = target.substr(2, bang - 3);
    std::uint32_t column = 0;
    std::size_t at = bang + 2;  // past "!$"
    while (target[at] >= 'A' && target[at] <= 'Z')
        column = column * 26 + static_cast<std::uint32_t>(target[at++] - 'A' + 1);
    const auto row = static_cast<std::uint32_t>(std::stoul(target.substr(at + 1)) - 1);
    const SheetLayout* sheet = layout.find_sheet(sheet_name);
    if (sheet == nullptr) throw std::logic_error("no sheet " + sheet_name);
    const Cell* cell = sheet->find(row, column - 1);
    if (cell == nullptr) throw std::logic_error("no cell for " + name);
    return *cell;
}

model::Money ore_of(const Cell& cell) { return std::get<Amount>(cell.value).ore; }

const SheetLayout& sheet(const WorkbookLayout& layout, const std::string& name) {
    const SheetLayout* found = layout.find_sheet(name);
    if (found == nullptr) throw std::logic_error("no sheet " + name);
    return *found;
}

const Cell& at(const SheetLayout& sheet, std::uint32_t row, std::uint32_t column) {
    const Cell* cell = sheet.find(row, column);
    if (cell == nullptr) throw std::logic_error("no cell " + cell_ref(row, column) + " on " + sheet.name);
    return *cell;
}

std::string text_at(const SheetLayout& sheet, std::uint32_t row, std::uint32_t column) {
    return std::get<std::string>(at(sheet, row, column).value);
}

// The row whose column A reads `label`.
std::uint32_t row_of(const SheetLayout& sheet, const std::string& label, std::uint32_t after = 0) {
    for (const Cell& cell : sheet.cells)
        if (cell.column == 0 && cell.row >= after && std::holds_alternative<std::string>(cell.value) &&
            std::get<std::string>(cell.value) == label)
            return cell.row;
    throw std::logic_error("no row " + label + " on " + sheet.name);
}

// The status (column D) on the row of a named figure.
std::string status_of(const WorkbookLayout& layout, const std::string& name) {
    const Cell& figure = named_cell(layout, name);
    return text_at(sheet(layout, "Sammanställning"), figure.row, 3);
}

WorkbookLayout framsyn_layout() {
    return layout_budget_workbook(testing::framsyn_application(), testing::framsyn_options());
}

std::string layout_error(const model::Application& application, const WorkbookOptions& options) {
    try {
        layout_budget_workbook(application, options);
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return "(no error)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(budget_layout)

BOOST_AUTO_TEST_CASE(sheets_in_swedish_by_default) {
    const WorkbookLayout layout = framsyn_layout();
    std::vector<std::string> names;
    for (const auto& sheet : layout.sheets) names.push_back(sheet.name);
    const std::vector<std::string> expected{"Sammanställning", "Kostnader", "Per år", "Per aktivitet", "Finansiering"};
    BOOST_TEST(names == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(key_figures_are_exact_sums_of_the_plan) {
    const WorkbookLayout layout = framsyn_layout();
    BOOST_TEST(ore_of(named_cell(layout, "Kostnad_totalt")) == 2'010'000 * kr);
    BOOST_TEST(ore_of(named_cell(layout, "Intakter_totalt")) == 20'000 * kr);
    BOOST_TEST(ore_of(named_cell(layout, "Stodberattigande_kostnad")) == 1'990'000 * kr);
    BOOST_TEST(ore_of(named_cell(layout, "ESF_stod")) == 1'005'000 * kr);
    BOOST_TEST(ore_of(named_cell(layout, "Medfinansiering_totalt")) == 985'000 * kr);
    BOOST_TEST(ore_of(named_cell(layout, "Finansiering_totalt")) == 1'990'000 * kr);
    BOOST_TEST(ore_of(named_cell(layout, "Budgetdifferens")) == 0);
    BOOST_TEST(ore_of(named_cell(layout, "Personalkostnader")) == 1'513'000 * kr);
    BOOST_TEST(ore_of(named_cell(layout, "Indirekta_kostnader")) == 72'000 * kr);
    BOOST_TEST((std::get<Ratio>(named_cell(layout, "ESF_andel").value) == Ratio{1'005'000 * kr, 1'990'000 * kr}));
    BOOST_TEST(
        (std::get<Ratio>(named_cell(layout, "Medfinansieringsandel").value) == Ratio{985'000 * kr, 1'990'000 * kr}));
    BOOST_TEST((std::get<Ratio>(named_cell(layout, "Indirekt_andel_av_personal").value) ==
                Ratio{72'000 * kr, 1'513'000 * kr}));
}

BOOST_AUTO_TEST_CASE(key_figures_are_formulas_over_the_other_sheets) {
    const WorkbookLayout layout = framsyn_layout();
    BOOST_TEST(named_cell(layout, "Kostnad_totalt").formula == "=SUM('Kostnader'!$E$2:$E$55)");
    BOOST_TEST(named_cell(layout, "Personalkostnader").formula ==
               "=SUMIFS('Kostnader'!$E$2:$E$55,'Kostnader'!$A$2:$A$55,\"Lön personal\")");
    BOOST_TEST(named_cell(layout, "ESF_stod").formula ==
               "=SUMIFS('Finansiering'!$D$2:$D$8,'Finansiering'!$A$2:$A$8,$A" +
                   std::to_string(named_cell(layout, "ESF_stod").row + 1) + ")");
    for (const SheetLayout& sheet : layout.sheets)
        for (const Cell& cell : sheet.cells)
            if (!cell.formula.empty())
                BOOST_TEST(!std::holds_alternative<std::monostate>(cell.value),
                           sheet.name << "!" << cell_ref(cell.row, cell.column) << " has no result");
}

BOOST_AUTO_TEST_CASE(each_kind_of_cofinancing_has_a_row) {
    const WorkbookLayout layout = framsyn_layout();
    const SheetLayout& summary = sheet(layout, "Sammanställning");
    BOOST_TEST(ore_of(at(summary, row_of(summary, "Offentlig kontant medfinansiering"), 1)) == 500'000 * kr);
    BOOST_TEST(ore_of(at(summary, row_of(summary, "Offentligt bidrag i annat än pengar"), 1)) == 485'000 * kr);
    BOOST_CHECK_THROW(row_of(summary, "Privat kontant medfinansiering"), std::logic_error);
}

BOOST_AUTO_TEST_CASE(limits_stand_beside_the_figures_with_their_status) {
    const WorkbookLayout layout = framsyn_layout();
    const SheetLayout& summary = sheet(layout, "Sammanställning");
    const Cell& esf_share = named_cell(layout, "ESF_andel");
    BOOST_TEST((std::get<Ratio>(at(summary, esf_share.row, 2).value) == Ratio{6000, 10000}));
    BOOST_TEST(status_of(layout, "ESF_andel") == "✓ inom gränsen");
    BOOST_TEST(status_of(layout, "Medfinansieringsandel") == "✓ inom gränsen");
    BOOST_TEST(status_of(layout, "Indirekt_andel_av_personal") == "✓ inom gränsen");
    BOOST_TEST(status_of(layout, "ESF_stod") == "✓ inom gränsen");
    BOOST_TEST(status_of(layout, "Budgetdifferens") == "✓ i balans");
    BOOST_TEST(text_at(summary, row_of(summary, "Gränser: ESF 2007–2013, utlysning ovre-norrland-2009"), 0) ==
               "Gränser: ESF 2007–2013, utlysning ovre-norrland-2009");
    const auto& highlights = summary.highlights;
    BOOST_TEST(std::any_of(highlights.begin(), highlights.end(), [&](const Highlight& h) {
        return h.row == esf_share.row && h.column == 3 && h.marker == "✗";
    }));
}

BOOST_AUTO_TEST_CASE(broken_limits_are_marked) {
    model::Application application = testing::framsyn_application();
    application.budget.costs.push_back(cost("other", 2011, "", 1 * kr, "En krona för mycket"));
    WorkbookOptions options = testing::framsyn_options();
    options.limits.max_esf_share_hundredths = 5000;
    options.limits.min_cofinancing_share_hundredths = 5000;
    options.limits.max_indirect_share_of_staff_hundredths = 400;
    options.limits.esf_ceiling = 1'000'000 * kr;
    const WorkbookLayout layout = layout_budget_workbook(application, options);
    BOOST_TEST(status_of(layout, "ESF_andel") == "✗ över gränsen");
    BOOST_TEST(status_of(layout, "Medfinansieringsandel") == "✗ under gränsen");
    BOOST_TEST(status_of(layout, "Indirekt_andel_av_personal") == "✗ över gränsen");
    BOOST_TEST(status_of(layout, "ESF_stod") == "✗ över gränsen");
    BOOST_TEST(status_of(layout, "Budgetdifferens") == "✗ ej i balans");
    BOOST_TEST(ore_of(named_cell(layout, "Budgetdifferens")) == 1 * kr);
    const Cell& status = at(sheet(layout, "Sammanställning"), named_cell(layout, "ESF_andel").row, 3);
    BOOST_TEST(status.formula.find("ROUND(") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_share_exactly_at_its_limit_is_within_it) {
    // ESF 995 000 of an eligible 1 990 000 kr is exactly 50 %.
    model::Application application = testing::framsyn_application();
    application.budget.financing[0].amount = 995'000 * kr;
    application.budget.financing[1].amount = 310'000 * kr;
    WorkbookOptions options = testing::framsyn_options();
    options.limits.max_esf_share_hundredths = 5000;
    options.limits.min_cofinancing_share_hundredths = 5000;
    options.limits.esf_ceiling = 995'000 * kr;
    const WorkbookLayout layout = layout_budget_workbook(application, options);
    BOOST_TEST(status_of(layout, "ESF_andel") == "✓ inom gränsen");
    BOOST_TEST(status_of(layout, "Medfinansieringsandel") == "✓ inom gränsen");
    BOOST_TEST(status_of(layout, "ESF_stod") == "✓ inom gränsen");
}

BOOST_AUTO_TEST_CASE(no_limits_give_no_status) {
    WorkbookOptions options = testing::framsyn_options();
    options.limits = {};
    const WorkbookLayout layout = layout_budget_workbook(testing::framsyn_application(), options);
    const SheetLayout& summary = sheet(layout, "Sammanställning");
    BOOST_TEST(summary.find(named_cell(layout, "ESF_andel").row, 3) == nullptr);
    BOOST_TEST(summary.find(named_cell(layout, "ESF_andel").row, 2) == nullptr);
    BOOST_CHECK_THROW(row_of(summary, "Gränser: "), std::logic_error);
    BOOST_TEST(status_of(layout, "Budgetdifferens") == "✓ i balans");  // the balance is always checked
}

BOOST_AUTO_TEST_CASE(costs_sheet_is_a_table_of_every_line) {
    const WorkbookLayout layout = framsyn_layout();
    const SheetLayout& costs = sheet(layout, "Kostnader");
    BOOST_REQUIRE(costs.table.has_value());
    BOOST_TEST(costs.table->name == "Kostnadsrader");
    BOOST_TEST(costs.table->last_row == 34u);
    const std::vector<std::string> headers{"Kategori", "År", "Aktivitet", "Benämning", "Belopp", "Taggar"};
    BOOST_TEST(costs.table->headers == headers, boost::test_tools::per_element());
    BOOST_TEST(text_at(costs, 1, 0) == "Lön personal");
    BOOST_TEST((std::get<Count>(at(costs, 1, 1).value) == Count{2009}));
    BOOST_TEST(costs.find(1, 2) == nullptr);   // no activity: an empty cell
    BOOST_TEST(text_at(costs, 4, 2) == "A3");  // activity a3, third in the plan, as the draft numbers it
    BOOST_TEST(ore_of(at(costs, 4, 4)) == 80'000 * kr);
    BOOST_TEST(text_at(costs, 14, 5) == "utvärdering, spridning");
    BOOST_TEST(costs.frozen_rows == 1u);
    BOOST_REQUIRE_EQUAL(costs.validations.size(), 1u);
    BOOST_TEST(costs.validations.front().values.size() == 8u);
}

BOOST_AUTO_TEST_CASE(by_year_crosses_categories_and_years_with_sumifs) {
    const WorkbookLayout layout = framsyn_layout();
    const SheetLayout& by_year = sheet(layout, "Per år");
    BOOST_TEST((std::get<Count>(at(by_year, 0, 1).value) == Count{2009}));
    BOOST_TEST((std::get<Count>(at(by_year, 0, 3).value) == Count{2011}));
    BOOST_TEST(text_at(by_year, 0, 4) == "Totalt");
    const std::uint32_t staff = row_of(by_year, "Lön personal");
    BOOST_TEST(ore_of(at(by_year, staff, 1)) == 126'000 * kr);
    BOOST_TEST(ore_of(at(by_year, staff, 2)) == 796'000 * kr);
    BOOST_TEST(ore_of(at(by_year, staff, 3)) == 591'000 * kr);
    BOOST_TEST(ore_of(at(by_year, staff, 4)) == 1'513'000 * kr);
    BOOST_TEST(at(by_year, staff, 2).formula ==
               "=SUMIFS('Kostnader'!$E$2:$E$55,'Kostnader'!$A$2:$A$55,$A2,'Kostnader'!$B$2:$B$55,C$1)");
    // Totals read the cost lines (and the rows below them), not the cells beside them.
    BOOST_TEST(at(by_year, staff, 4).formula == "=SUMIFS('Kostnader'!$E$2:$E$55,'Kostnader'!$A$2:$A$55,$A2)");
    const std::uint32_t total = row_of(by_year, "Totalt");
    BOOST_TEST(total == 7u);  // six categories
    BOOST_TEST(ore_of(at(by_year, total, 4)) == 2'010'000 * kr);
    BOOST_TEST(at(by_year, total, 4).formula == "=SUM('Kostnader'!$E$2:$E$55)");
    BOOST_TEST(at(by_year, total, 2).formula == "=SUMIFS('Kostnader'!$E$2:$E$55,'Kostnader'!$B$2:$B$55,C$1)");
    BOOST_REQUIRE(by_year.chart.has_value());
    BOOST_TEST(by_year.chart->values == "='Per år'!$E$2:$E$7");
    BOOST_TEST(by_year.chart->alt_text.find("Lön personal 1\xC2\xA0"
                                            "513\xC2\xA0"
                                            "000\xC2\xA0kr") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(by_activity_counts_costs_without_activity_and_goals_through_activities) {
    const WorkbookLayout layout = framsyn_layout();
    const SheetLayout& by_activity = sheet(layout, "Per aktivitet");
    const std::uint32_t a3 = row_of(by_activity, "A3");
    BOOST_TEST(ore_of(at(by_activity, a3, 6)) == 505'000 * kr);
    BOOST_TEST(text_at(by_activity, a3, 1) == "Nätverk av lokala processledare och regional samordning");
    BOOST_TEST(text_at(by_activity, a3, 2) == "M2 M5");
    BOOST_TEST(at(by_activity, a3, 4).formula ==
               "=SUMPRODUCT(EXACT('Kostnader'!$C$2:$C$55,$A4)*('Kostnader'!$B$2:$B$55=E$1)*'Kostnader'!$E$2:$E$55)");
    const std::uint32_t none = row_of(by_activity, "(ingen aktivitet)");
    // Project manager, premises, one trip, start-up material, indirect costs.
    BOOST_TEST(ore_of(at(by_activity, none, 6)) == (1'008'000 + 48'000 + 30'000 + 8'000 + 72'000) * kr);
    BOOST_TEST(at(by_activity, none, 3).formula.find("EXACT('Kostnader'!$C$2:$C$55,\"\")") != std::string::npos);
    const std::uint32_t total = row_of(by_activity, "Totalt");
    BOOST_TEST(ore_of(at(by_activity, total, 6)) == 2'010'000 * kr);

    // g2 is served by a1 (8 000), a3 (505 000) and a6 (22 000).
    const std::uint32_t g2 = row_of(by_activity, "M2", total);
    BOOST_TEST(ore_of(at(by_activity, g2, 6)) == 535'000 * kr);
    BOOST_TEST(text_at(by_activity, g2, 2) == "A1 A3 A6");
    BOOST_TEST(at(by_activity, g2, 3).formula == "=SUMPRODUCT(ISNUMBER(FIND(\" \"&$A" + std::to_string(g2 + 1) +
                                                     "&\" \",\" \"&$C$2:$C$9&\" \"))*D$2:D$9)");
    // a4 serves only g3, a6 serves g2 and g3: both count toward g3.
    const std::uint32_t g3 = row_of(by_activity, "M3", total);
    BOOST_TEST(ore_of(at(by_activity, g3, 6)) ==
               (60'000 + 30'000 + 15'000 + 10'000 + 20'000 + 12'000 + 6'000 + 22'000) * kr);
    const std::uint32_t note = row_of(by_activity,
                                      "Ett måls kostnad är summan av kostnaderna för de aktiviteter som "
                                      "tjänar målet. En aktivitet som tjänar flera mål räknas med i vart "
                                      "och ett av dem, så målens kostnader kan tillsammans bli större än "
                                      "projektets totala kostnad.");
    BOOST_TEST(note > g3);
}

BOOST_AUTO_TEST_CASE(by_activity_names_activities_and_goals_as_the_draft_does) {
    const WorkbookLayout layout =
        layout_budget_workbook(testing::framsyn_application(), testing::framsyn_options("en"));
    const SheetLayout& by_activity = sheet(layout, "By activity");
    for (int i = 1; i <= 7; ++i)
        BOOST_TEST_CONTEXT("A" << i) BOOST_TEST(row_of(by_activity, "A" + std::to_string(i)) == i);
    BOOST_TEST(text_at(by_activity, 1, 2) == "G1 G2");
    BOOST_TEST(text_at(by_activity, 7, 2) == "G5 G6");
    const std::uint32_t total = row_of(by_activity, "Total");
    const std::uint32_t g6 = row_of(by_activity, "G6", total);
    BOOST_TEST(text_at(by_activity, g6, 1) == "Fler socialfondsprojekt i Västerbotten bygger på regionens behov.");
    BOOST_TEST(text_at(by_activity, g6, 2) == "A2 A5 A7");
    BOOST_TEST(text_at(sheet(layout, "Costs"), 4, 2) == "A3");
}

// Ids that are labels in another order: the first activity is "A2". The
// costs sheet keeps the ids (a label there would read back as the other
// activity); By activity still numbers them as the draft does, its sums
// matching the costs' ids.
BOOST_AUTO_TEST_CASE(ids_that_look_like_other_labels_stay_ids_on_the_costs_sheet) {
    model::Application application = testing::framsyn_application();
    application.activities.resize(2);
    application.activities[0].id = "A2";
    application.activities[1].id = "A1";
    application.budget.costs = {cost("travel", 2010, "A2", 1'000 * kr, "Resa"),
                                cost("travel", 2011, "A1", 2'000 * kr, "Resa igen")};
    BOOST_TEST(xlsx::cost_activity_names(application).ids.empty());
    const WorkbookLayout layout = layout_budget_workbook(application, testing::framsyn_options());
    const SheetLayout& costs = sheet(layout, "Kostnader");
    BOOST_TEST(text_at(costs, 1, 2) == "A2");
    BOOST_TEST(text_at(costs, 2, 2) == "A1");
    const SheetLayout& by_activity = sheet(layout, "Per aktivitet");
    const std::uint32_t first = row_of(by_activity, "A1");
    BOOST_TEST(first == 1u);
    BOOST_TEST(text_at(by_activity, first, 1) == application.activities[0].title);
    // Row A1 sums the costs of "A2" (its id), row A2 those of "A1".
    const auto sum_of_formulas_with = [&](std::uint32_t row, const std::string& part) {
        model::Money sum = 0;
        int found = 0;
        for (const Cell& cell : by_activity.cells)
            if (cell.row == row && cell.formula.find(part) != std::string::npos) sum += ore_of(cell), ++found;
        BOOST_TEST(found > 0);
        return sum;
    };
    BOOST_TEST(sum_of_formulas_with(first, "EXACT('Kostnader'!$C$2:$C$23,\"A2\")") == 1'000 * kr);
    BOOST_TEST(sum_of_formulas_with(row_of(by_activity, "A2"), "EXACT('Kostnader'!$C$2:$C$23,\"A1\")") == 2'000 * kr);
}

BOOST_AUTO_TEST_CASE(unknown_activities_goals_and_categories_get_their_own_rows) {
    model::Application application = testing::framsyn_application();
    application.budget.costs.push_back(cost("consulting", 2010, "a99", 5'000 * kr, "Konsult"));
    application.activities[0].goal_ids.push_back("g42");
    const WorkbookLayout layout = layout_budget_workbook(application, testing::framsyn_options());
    const SheetLayout& by_activity = sheet(layout, "Per aktivitet");
    const std::uint32_t a99 = row_of(by_activity, "a99");
    BOOST_TEST(text_at(by_activity, a99, 1) == "(okänd aktivitet)");
    BOOST_TEST(ore_of(at(by_activity, a99, 6)) == 5'000 * kr);
    const std::uint32_t g42 = row_of(by_activity, "g42");
    BOOST_TEST(text_at(by_activity, g42, 1) == "(okänt mål)");
    BOOST_TEST(ore_of(at(by_activity, g42, 6)) == 8'000 * kr);

    const SheetLayout& by_year = sheet(layout, "Per år");
    const std::uint32_t consulting = row_of(by_year, "consulting (okänd kategori)");
    BOOST_TEST(ore_of(at(by_year, consulting, 2)) == 5'000 * kr);
    // Not our own label: matched exactly, not through SUMIFS criteria.
    BOOST_TEST(at(by_year, consulting, 2).formula.rfind("=SUMPRODUCT(EXACT(", 0) == 0);
    BOOST_TEST(ore_of(at(by_year, row_of(by_year, "Totalt"), 4)) == 2'015'000 * kr);
}

BOOST_AUTO_TEST_CASE(keys_are_matched_exactly_not_as_criteria) {
    const WorkbookLayout layout =
        layout_budget_workbook(testing::application_with_odd_keys(), testing::framsyn_options());
    const SheetLayout& by_activity = sheet(layout, "Per aktivitet");
    BOOST_TEST(ore_of(at(by_activity, row_of(by_activity, "a1"), 6)) == 8'000 * kr);  // not A1's 5 000
    BOOST_TEST(ore_of(at(by_activity, row_of(by_activity, "A1"), 6)) == 5'000 * kr);
    BOOST_TEST(ore_of(at(by_activity, row_of(by_activity, "act-8"), 6)) == 2'500 * kr + 1);
    const std::uint32_t goals_start = row_of(by_activity, "Totalt");
    BOOST_TEST(ore_of(at(by_activity, row_of(by_activity, "M7", goals_start), 6)) == 2'500 * kr + 1);
    BOOST_TEST(ore_of(at(by_activity, row_of(by_activity, "M1", goals_start), 6)) == (8'000 + 20'000 + 2'500) * kr + 1);
    // A cost names "A1", which no activity has but which is a1's label: the
    // activities keep their ids everywhere, so no two rows read "A1".
    BOOST_TEST(text_at(by_activity, row_of(by_activity, "act-8"), 2) == "M7 M1");
    BOOST_TEST(xlsx::cost_activity_names(testing::application_with_odd_keys()).shown.empty());
    const SheetLayout& by_year = sheet(layout, "Per år");
    BOOST_TEST(ore_of(at(by_year, row_of(by_year, "con*sult? (okänd kategori)"), 4)) == 5'000 * kr);
    const SheetLayout& summary = sheet(layout, "Sammanställning");
    const std::uint32_t unknown_kind = row_of(summary, "public-grant? (okänd typ)");
    BOOST_TEST(ore_of(at(summary, unknown_kind, 1)) == 7'500 * kr + 1);
    BOOST_TEST(at(summary, unknown_kind, 1).formula.rfind("=SUMPRODUCT(EXACT(", 0) == 0);
    BOOST_TEST(status_of(layout, "Budgetdifferens") == "✓ i balans");
}

BOOST_AUTO_TEST_CASE(financing_lists_sources_with_shares_and_income) {
    const WorkbookLayout layout = framsyn_layout();
    const SheetLayout& financing = sheet(layout, "Finansiering");
    BOOST_TEST(text_at(financing, 1, 0) == "ESF-stöd");
    BOOST_TEST(financing.find(1, 1) == nullptr);
    BOOST_TEST(text_at(financing, 2, 1) == "Länsstyrelsen i Västerbottens län");
    BOOST_TEST(text_at(financing, 2, 2) == "202100-2346");
    BOOST_TEST((std::get<Ratio>(at(financing, 1, 4).value) == Ratio{1'005'000 * kr, 1'990'000 * kr}));
    BOOST_TEST(at(financing, 1, 4).formula == "=IF(ROUND($D$9*100,0)>0,D2/$D$9,\"–\")");
    BOOST_TEST(ore_of(at(financing, 8, 3)) == 1'990'000 * kr);
    const std::uint32_t income_total = row_of(financing, "Totalt", 9);
    BOOST_TEST(ore_of(at(financing, income_total, 3)) == 20'000 * kr);
    BOOST_TEST(text_at(financing, income_total - 1, 0) == "Deltagaravgifter, ESF-skolans avslutande konferens");
}

BOOST_AUTO_TEST_CASE(english_labels) {
    const WorkbookLayout layout =
        layout_budget_workbook(testing::framsyn_application("en"), testing::framsyn_options("en"));
    BOOST_TEST(layout.sheets[0].name == "Summary");
    BOOST_TEST(layout.sheets[2].name == "By year");
    BOOST_TEST(ore_of(named_cell(layout, "Total_cost")) == 2'010'000 * kr);
    BOOST_TEST(text_at(sheet(layout, "Summary"), named_cell(layout, "ESF_share").row, 3) == "✓ within the limit");
    BOOST_TEST(text_at(sheet(layout, "Costs"), 1, 0) == "Staff");
    BOOST_TEST(layout.looks[at(sheet(layout, "Costs"), 1, 4).look].number_format == "\"SEK \"#,##0");
}

BOOST_AUTO_TEST_CASE(an_empty_language_means_the_plans_own) {
    WorkbookOptions options = testing::framsyn_options("");
    const WorkbookLayout layout = layout_budget_workbook(testing::framsyn_application("en"), options);
    BOOST_TEST(layout.sheets[0].name == "Summary");
}

BOOST_AUTO_TEST_CASE(empty_budget_gives_a_complete_workbook_of_zeros) {
    const WorkbookLayout layout =
        layout_budget_workbook(testing::application_without_budget(), testing::framsyn_options());
    BOOST_TEST(ore_of(named_cell(layout, "Kostnad_totalt")) == 0);
    BOOST_TEST(named_cell(layout, "Kostnad_totalt").formula == "=SUM('Kostnader'!$E$2:$E$22)");
    BOOST_TEST(std::get<std::string>(named_cell(layout, "ESF_andel").value) == "–");
    const SheetLayout& costs = sheet(layout, "Kostnader");
    BOOST_TEST(costs.table->last_row == 1u);  // one empty row to type into
    const SheetLayout& by_year = sheet(layout, "Per år");
    BOOST_TEST(at(by_year, 1, 1).formula == "=SUM('Kostnader'!$E$2:$E$22)");
    BOOST_TEST(!by_year.chart.has_value());
    const SheetLayout& financing = sheet(layout, "Finansiering");
    BOOST_TEST(text_at(financing, 1, 0) == "(ingen finansiering)");
    BOOST_TEST(ore_of(at(financing, 2, 3)) == 0);
    BOOST_TEST(text_at(financing, 5, 0) == "(inga intäkter)");
    const SheetLayout& by_activity = sheet(layout, "Per aktivitet");
    BOOST_TEST(ore_of(at(by_activity, row_of(by_activity, "(ingen aktivitet)"), 3)) == 0);
}

BOOST_AUTO_TEST_CASE(amounts_with_ore_stay_exact_and_show_their_ore) {
    const WorkbookLayout layout = layout_budget_workbook(testing::application_with_ore(), testing::framsyn_options());
    BOOST_TEST(ore_of(named_cell(layout, "Kostnad_totalt")) == 125'000'075);
    BOOST_TEST(ore_of(named_cell(layout, "Intakter_totalt")) == 75);
    BOOST_TEST(ore_of(named_cell(layout, "Stodberattigande_kostnad")) == 125'000'000);
    BOOST_TEST(ore_of(named_cell(layout, "Budgetdifferens")) == 0);
    BOOST_TEST(layout.looks[named_cell(layout, "Kostnad_totalt").look].number_format == "#,##0.00 \"kr\"");
}

BOOST_AUTO_TEST_CASE(bad_data_gives_a_clear_error) {
    model::Application application = testing::framsyn_application();
    application.budget.costs[2].label = std::string(40000, 'x');
    BOOST_TEST(layout_error(application, testing::framsyn_options()) ==
               "budget workbook: the label of cost line 3 (framsyn.xml:247:7) is 40 000 characters long; a "
               "spreadsheet cell holds at most 32 767");

    application = testing::framsyn_application();
    application.budget.costs[0].label = "Lön\x01";
    BOOST_TEST(layout_error(application, testing::framsyn_options()) ==
               "budget workbook: the label of cost line 1 (framsyn.xml:245:7) holds the character U+0001, which a "
               "spreadsheet cannot store (character 4)");

    application = testing::framsyn_application();
    application.activities[1].title = "Behov\xFF";
    BOOST_TEST(layout_error(application, testing::framsyn_options()) ==
               "budget workbook: the title of activity 'a2' is not valid UTF-8 (byte 6)");

    application = testing::framsyn_application();
    application.budget.costs[0].amount = 100'000'000'000'000'000;
    BOOST_TEST(layout_error(application, testing::framsyn_options())
                   .rfind("budget workbook: the amount of cost line 1 (framsyn.xml:245:7) is 1\xC2\xA0", 0) == 0);

    BOOST_TEST(layout_error(testing::framsyn_application(), testing::framsyn_options("de")) ==
               "budget workbook: unsupported language 'de' (the workbook speaks sv and en)");
    WorkbookOptions options = testing::framsyn_options();
    options.date = {2009, 2, 30};
    BOOST_TEST(layout_error(testing::framsyn_application(), options) ==
               "budget workbook: the document date 2009-02-30 is not a valid date");
    options = testing::framsyn_options();
    options.limits.max_esf_share_hundredths = 12000;
    BOOST_TEST(layout_error(testing::framsyn_application(), options) ==
               "budget workbook: the limit 'max ESF share' is 12000 hundredths of a per cent; it must lie within "
               "0–10000 (0–100 %)");
}

BOOST_AUTO_TEST_CASE(sums_that_overflow_are_refused) {
    model::Application application = testing::framsyn_application();
    application.budget.costs.clear();
    for (int i = 0; i < 10; ++i) application.budget.costs.push_back(cost("staff", 2010, "", 999'999'999'999'999, "x"));
    BOOST_TEST(layout_error(application, testing::framsyn_options())
                   .rfind("budget workbook: the total of the cost lines is ", 0) == 0);
}

BOOST_AUTO_TEST_CASE(dates_are_dates_and_impossible_ones_stay_text) {
    model::Application application = testing::framsyn_application();
    application.project.period.end = {2011, 2, 30};
    const WorkbookLayout layout = layout_budget_workbook(application, testing::framsyn_options());
    const SheetLayout& summary = sheet(layout, "Sammanställning");
    const std::uint32_t start = row_of(summary, "Projektstart");
    BOOST_TEST((std::get<model::Date>(at(summary, start, 1).value) == model::Date{2009, 10, 1}));
    BOOST_TEST(text_at(summary, row_of(summary, "Projektslut"), 1) == "2011-02-30");
    BOOST_TEST((std::get<model::Date>(at(summary, row_of(summary, "Upprättad"), 1).value) == model::Date{2009, 8, 15}));
    BOOST_TEST((layout.properties.created == model::Date{2009, 8, 15}));
}

BOOST_AUTO_TEST_CASE(print_header_names_the_project_and_escapes_ampersands) {
    model::Application application = testing::framsyn_application();
    application.project.title.value = "Kust & inland";
    const WorkbookLayout layout = layout_budget_workbook(application, testing::framsyn_options());
    BOOST_TEST(layout.sheets[1].print.header == "&LKust && inland&R&A");
    BOOST_TEST(layout.sheets[1].print.footer == "&LUpprättad 2009-08-15&RSida &P av &N");
    BOOST_TEST(*layout.sheets[1].print.repeat_rows_through == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(budget_layout_issue15)

WorkbookLayout partners_layout() {
    WorkbookOptions options = testing::framsyn_options();
    options.categories = testing::esf_plus_categories();
    return layout_budget_workbook(testing::application_with_partners_and_flat_rate(), options);
}

BOOST_AUTO_TEST_CASE(flat_rate_lines_are_rate_times_staff_with_exact_results) {
    const WorkbookLayout layout = partners_layout();
    const SheetLayout& costs = sheet(layout, "Kostnader");
    // Row 4 (index 3): the owner's indirect costs of 2010, 15 % of 100 000,10 kr = 15 000,015 -> 15 000,02 kr.
    const Cell& indirect = at(costs, 3, 4);
    BOOST_TEST(ore_of(indirect) == 1'500'002);
    BOOST_TEST(indirect.formula.starts_with("=ROUND(ROUND((SUMPRODUCT(EXACT($A$2:$A$3,\"Personalkostnader\")"),
               indirect.formula);
    // The rate stands below the table's spare rows (7 lines, spare rows 9..28, a free row 29), in the
    // table's own columns so that the sheet prints one page wide at a readable size.
    BOOST_TEST(indirect.formula.ends_with("*100,0)*ROUND($E$30*10000,0)/10000,0)/100"), indirect.formula);
    BOOST_TEST(indirect.formula.find("$E$4") == std::string::npos);  // never its own cell
    BOOST_TEST(text_at(costs, 29, 3) == "Schablon indirekta kostnader");
    BOOST_TEST((std::get<Ratio>(at(costs, 29, 4).value) == Ratio{1500, 10000}));
    BOOST_TEST(text_at(costs, 29, 5) == "av personalkostnaderna samma år");
    BOOST_TEST(costs.column_widths.size() <= 7u);  // nothing right of the table (A–G) widens the page
    // The same with a rate the pack gives.
    WorkbookOptions options = testing::framsyn_options();
    options.indirect_flat_rate_hundredths = 2000;
    const WorkbookLayout twenty = layout_budget_workbook(testing::application_with_partners_and_flat_rate(), options);
    BOOST_TEST(ore_of(at(sheet(twenty, "Kostnader"), 3, 4)) == 2'000'002);  // 20 000,02 kr
    BOOST_TEST(ore_of(named_cell(twenty, "Kostnad_totalt")) ==
               ore_of(named_cell(layout, "Kostnad_totalt")) + 2'250'000);  // 5 000 + 2 500 + 15 000 kr
}

BOOST_AUTO_TEST_CASE(drop_down_holds_the_packs_categories_in_its_words) {
    const WorkbookLayout layout = partners_layout();
    const SheetLayout& costs = sheet(layout, "Kostnader");
    BOOST_REQUIRE_EQUAL(costs.validations.size(), 2u);  // categories, beneficiaries
    BOOST_TEST(costs.validations[0].values.front() == "Personalkostnader");
    BOOST_TEST(costs.validations[0].values.back() == "Övriga kostnader");
    BOOST_TEST(costs.validations[0].last_row == costs.table->last_row + xlsx::spare_cost_rows);
    BOOST_TEST(text_at(costs, 1, 0) == "Personalkostnader");
    BOOST_TEST((costs.validations[1].values == std::vector<std::string>{"Projektägaren", "umea"}));
    WorkbookOptions fewer = testing::framsyn_options();
    fewer.categories = {{"staff", "", ""}, {"travel", "", ""}};
    const WorkbookLayout two = layout_budget_workbook(testing::framsyn_application(), fewer);
    BOOST_TEST((sheet(two, "Kostnader").validations[0].values == std::vector<std::string>{"Lön personal", "Resa"}));
    fewer.categories = {{"coffee", "Kaffe", "Coffee"}};
    BOOST_CHECK_THROW(layout_budget_workbook(testing::framsyn_application(), fewer), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(each_beneficiary_has_a_sub_budget_with_its_balance) {
    const WorkbookLayout layout = partners_layout();
    const SheetLayout& subs = sheet(layout, "Delbudgetar");
    const std::uint32_t owner = row_of(subs, "Projektägaren");
    const std::uint32_t umea = row_of(subs, "umea");
    const std::uint32_t none = row_of(subs, "(ingen stödmottagare angiven)");
    BOOST_TEST(text_at(subs, umea, 1) == "Umeå kommun");
    BOOST_TEST(ore_of(at(subs, umea, 2)) == 57'500 * 100);  // 50 000 + 7 500 kr
    BOOST_TEST(ore_of(at(subs, umea, 3)) == 57'500 * 100);
    BOOST_TEST(text_at(subs, umea, 6) == "✓ i balans");
    BOOST_TEST(ore_of(at(subs, owner, 4)) == 300'000 * 100);  // the owner's ESF support
    BOOST_TEST(ore_of(at(subs, none, 2)) == 12'345 * 100);
    BOOST_TEST(at(subs, umea, 2).formula == "=SUMPRODUCT(EXACT('Kostnader'!$G$2:$G$28,$A3)*'Kostnader'!$E$2:$E$28)");
    // FRAMSYN has no beneficiary partners: no sheet, no column.
    BOOST_TEST(framsyn_layout().find_sheet("Delbudgetar") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
