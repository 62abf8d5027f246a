// Reading a budget workbook back: what write_budget_workbook wrote reads back
// as the same budget, edits made inside the sheets' XML read as edited
// (changed amounts and texts, deleted and added rows, moved columns), and a
// workbook that cannot be read gives a message naming the sheet and cell.
#include <boost/test/unit_test.hpp>

#include <regex>

#include "support/golden.hpp"
#include "support/temp_files.hpp"
#include "xlsx/budget_reader.hpp"
#include "xlsx/budget_workbook.hpp"
#include "xlsx/sample_budgets.hpp"

using namespace esfdraft;
using esfdraft::testing::ScratchFolder;

namespace {

using Parts = std::map<std::string, std::string>;

Parts written_parts(const model::Application& application, const std::string& lang = "sv") {
    ScratchFolder folder;
    const std::string path = folder.path("budget.xlsx");
    xlsx::write_budget_workbook(application, testing::framsyn_options(lang), path);
    return testing::zip_entries_of_file(path);
}

// With `plan`, the costs sheet's activity labels ("A1") read as the plan's ids, as the service reads them.
xlsx::WorkbookBudget read_back(const Parts& parts, const model::Application* plan = nullptr) {
    std::vector<xlsx::WorkbookPart> list;
    for (const auto& [name, bytes] : parts) list.push_back({name, bytes});
    return xlsx::read_budget_workbook(list, {}, plan ? xlsx::cost_activity_names(*plan).ids : model::Labels{});
}

std::string read_error(const Parts& parts, const std::string& lang = "en") {
    try {
        read_back(parts);
    } catch (const xlsx::WorkbookReadError& error) {
        return error.message(lang);
    }
    return "(read without error)";
}

void check_same(const model::Budget& read, const model::Budget& written) {
    BOOST_TEST_REQUIRE(read.costs.size() == written.costs.size());
    for (std::size_t i = 0; i < read.costs.size(); ++i) {
        BOOST_TEST_CONTEXT("cost line " << i + 1) {
            BOOST_TEST(read.costs[i].category == written.costs[i].category);
            BOOST_TEST(read.costs[i].year == written.costs[i].year);
            BOOST_TEST((read.costs[i].activity_id == written.costs[i].activity_id));
            BOOST_TEST(read.costs[i].label == written.costs[i].label);
            BOOST_TEST(read.costs[i].amount == written.costs[i].amount);
            BOOST_TEST((read.costs[i].tags == written.costs[i].tags));
        }
    }
    BOOST_TEST_REQUIRE(read.financing.size() == written.financing.size());
    for (std::size_t i = 0; i < read.financing.size(); ++i) {
        BOOST_TEST_CONTEXT("source " << i + 1) {
            BOOST_TEST(read.financing[i].kind == written.financing[i].kind);
            BOOST_TEST((read.financing[i].funder == written.financing[i].funder));
            BOOST_TEST((read.financing[i].org_number == written.financing[i].org_number));
            BOOST_TEST(read.financing[i].amount == written.financing[i].amount);
        }
    }
    BOOST_TEST_REQUIRE(read.income.size() == written.income.size());
    for (std::size_t i = 0; i < read.income.size(); ++i) {
        BOOST_TEST(read.income[i].label == written.income[i].label);
        BOOST_TEST(read.income[i].amount == written.income[i].amount);
    }
}

// The part of the sheet called `name` ("xl/worksheets/sheet2.xml"): libxlsxwriter numbers them in sheet order.
const std::string costs_part = "xl/worksheets/sheet2.xml";
const std::string financing_part = "xl/worksheets/sheet5.xml";

// The <c> element of `reference` in a sheet part.
std::regex cell_pattern(const std::string& reference) {
    return std::regex("<c r=\"" + reference + "\"[^>]*?(/>|>.*?</c>)");
}

// Replaces the cell, or adds it at the end of its row (a row of the sheet) when it is empty.
void set_cell(std::string& sheet, const std::string& reference, const std::string& element) {
    const std::regex pattern = cell_pattern(reference);
    if (std::regex_search(sheet, pattern)) {
        sheet = std::regex_replace(sheet, pattern, element, std::regex_constants::format_first_only);
        return;
    }
    const std::string row = reference.substr(reference.find_first_of("0123456789"));
    const std::regex row_pattern("(<row r=\"" + row + "\"[^>]*>.*?)</row>");
    BOOST_TEST_REQUIRE(std::regex_search(sheet, row_pattern), "no row " << row);
    sheet = std::regex_replace(sheet, row_pattern, "$1" + element + "</row>", std::regex_constants::format_first_only);
}

std::string inline_text(const std::string& reference, const std::string& text) {
    return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

std::string number(const std::string& reference, const std::string& value) {
    return "<c r=\"" + reference + "\"><v>" + value + "</v></c>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(budget_reader)

BOOST_AUTO_TEST_CASE(written_workbooks_read_back_as_their_budget) {
    const std::pair<const char*, model::Application> fixtures[] = {
        {"framsyn sv", testing::framsyn_application()},
        {"one cost", testing::application_with_one_cost()},
        {"öre", testing::application_with_ore()},
        {"no budget", testing::application_without_budget()},
        {"many costs", testing::application_with_many_costs(300)},
    };
    for (const auto& [name, application] : fixtures) {
        for (const char* lang : {"sv", "en"}) {
            BOOST_TEST_CONTEXT(name << " in " << lang) {
                const xlsx::WorkbookBudget read = read_back(written_parts(application, lang), &application);
                BOOST_TEST(read.lang == lang);
                check_same(read.budget, application.budget);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(an_edited_amount_and_label_read_as_edited) {
    Parts parts = written_parts(testing::framsyn_application());
    set_cell(parts[costs_part], "E2", number("E2", "140000.5"));
    set_cell(parts[costs_part], "D2", inline_text("D2", "Projektledare &amp; samordnare"));
    // Binary noise of a computed cell is not a fraction of an öre.
    set_cell(parts[financing_part], "D2", "<c r=\"D2\"><f>1000000+5000</f><v>1005000.0000000001</v></c>");
    const model::Budget budget = read_back(parts).budget;
    BOOST_TEST(budget.costs[0].amount == 14'000'050);
    BOOST_TEST(budget.costs[0].label == "Projektledare & samordnare");
    BOOST_TEST(budget.financing[0].amount == 100'500'000);
}

// A category typed in other case, also in its Swedish letters, is the same
// category; so are a financing kind's words.
BOOST_AUTO_TEST_CASE(categories_and_kinds_read_whatever_their_case) {
    Parts parts = written_parts(testing::framsyn_application());
    set_cell(parts[costs_part], "A2", inline_text("A2", "LÖN PERSONAL"));
    set_cell(parts[costs_part], "A3", inline_text("A3", "lön personal"));
    set_cell(parts[costs_part], "A4", inline_text("A4", "ÖVRIGA KOSTNADER"));
    const model::Budget budget = read_back(parts).budget;
    BOOST_TEST(budget.costs[0].category == "staff");
    BOOST_TEST(budget.costs[1].category == "staff");
    BOOST_TEST(budget.costs[2].category == "other");
}

BOOST_AUTO_TEST_CASE(a_deleted_and_an_added_row_read_as_edited) {
    const model::Application application = testing::framsyn_application();
    Parts parts = written_parts(application);
    std::string& sheet = parts[costs_part];
    // Delete row 3 (the second cost line) as a user deleting the row leaves it: gone.
    sheet = std::regex_replace(sheet, std::regex("<row r=\"3\"[^>]*>.*?</row>"), "");
    // Add a line below the last one, with words in English and the category's code.
    const std::string row = std::to_string(application.budget.costs.size() + 3);
    const std::string added = "<row r=\"" + row + "\">" + inline_text("A" + row, "Travel") + number("B" + row, "2011") +
                              inline_text("C" + row, "a2") + inline_text("D" + row, "Resa till Bryssel") +
                              number("E" + row, "12345.67") + inline_text("F" + row, "transnationellt, evaluation") +
                              "</row>";
    sheet = std::regex_replace(sheet, std::regex("</sheetData>"), added + "</sheetData>");
    const model::Budget budget = read_back(parts, &application).budget;
    BOOST_TEST_REQUIRE(budget.costs.size() == application.budget.costs.size());
    BOOST_TEST(budget.costs[1].label == application.budget.costs[2].label);
    const model::CostLine& line = budget.costs.back();
    BOOST_TEST(line.category == "travel");
    BOOST_TEST(line.year == 2011);
    BOOST_TEST(*line.activity_id == "a2");
    BOOST_TEST(line.amount == 1'234'567);
    BOOST_TEST((line.tags == std::vector<std::string>{"transnational", "evaluation"}));
}

// The costs sheet names activities by their labels; given the plan, a label
// reads as its activity's id, an id typed as itself, anything else as typed.
BOOST_AUTO_TEST_CASE(activity_labels_read_as_the_plans_ids) {
    const model::Application application = testing::framsyn_application();
    Parts parts = written_parts(application);
    BOOST_TEST(parts[costs_part].find("a3") == std::string::npos);
    set_cell(parts[costs_part], "C2", inline_text("C2", "a5"));
    set_cell(parts[costs_part], "C3", inline_text("C3", "A6"));
    set_cell(parts[costs_part], "C4", inline_text("C4", "A8"));
    const model::Budget budget = read_back(parts, &application).budget;
    BOOST_TEST(*budget.costs[0].activity_id == "a5");
    BOOST_TEST(*budget.costs[1].activity_id == "a6");
    BOOST_TEST(*budget.costs[2].activity_id == "A8");  // no eighth activity: as typed
    BOOST_TEST(*budget.costs[3].activity_id == "a3");
    BOOST_TEST(*read_back(parts).budget.costs[3].activity_id == "A3");  // without the plan: as typed

    // Ids that are labels in another order keep their ids and read as them.
    model::Application swapped = application;
    swapped.activities.resize(2);
    swapped.activities[0].id = "A2";
    swapped.activities[1].id = "A1";
    swapped.budget.costs = {testing::cost("travel", 2010, "A2", 100'000, "Resa"),
                            testing::cost("travel", 2011, "A1", 200'000, "Resa igen"),
                            testing::cost("travel", 2011, "", 300'000, "Resa utan aktivitet")};
    check_same(read_back(written_parts(swapped), &swapped).budget, swapped.budget);
}

BOOST_AUTO_TEST_CASE(columns_are_found_by_their_headers) {
    const model::Application application = testing::application_with_one_cost();
    Parts parts = written_parts(application);
    std::string& sheet = parts[costs_part];
    // Swap the year and amount columns, headers and all.
    for (const char* row : {"1", "2"}) {
        const std::string b = std::string("B") + row, e = std::string("E") + row;
        std::smatch year, amount;
        std::regex_search(sheet, year, cell_pattern(b));
        std::regex_search(sheet, amount, cell_pattern(e));
        std::string year_cell = std::regex_replace(year.str(), std::regex("r=\"B"), "r=\"E");
        std::string amount_cell = std::regex_replace(amount.str(), std::regex("r=\"E"), "r=\"B");
        set_cell(sheet, b, amount_cell);
        set_cell(sheet, e, year_cell);
    }
    check_same(read_back(parts, &application).budget, application.budget);
}

BOOST_AUTO_TEST_CASE(financing_and_income_edits_read_as_edited) {
    Parts parts = written_parts(testing::framsyn_application());
    std::string& sheet = parts[financing_part];
    set_cell(sheet, "A3", inline_text("A3", "Privat kontant medfinansiering"));
    set_cell(sheet, "B3", inline_text("B3", "Företaget AB"));
    set_cell(sheet, "C3", inline_text("C3", " "));
    const model::Budget budget = read_back(parts).budget;
    BOOST_TEST(budget.financing[1].kind == "private-cash");
    BOOST_TEST(*budget.financing[1].funder == "Företaget AB");
    BOOST_TEST(!budget.financing[1].org_number.has_value());
    BOOST_TEST(budget.income.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_text_in_an_amount_cell_names_the_cell) {
    Parts parts = written_parts(testing::framsyn_application());
    set_cell(parts[costs_part], "E7", inline_text("E7", "tolv tusen"));
    BOOST_TEST(read_error(parts) ==
               "Kostnader!E7: the amount is the text 'tolv tusen', not a number; type the amount in kronor as a number "
               "(e.g. 125000 or 125000,50)");
    BOOST_TEST(
        read_error(parts, "sv") ==
        "Kostnader!E7: beloppet är texten 'tolv tusen', inte ett tal; skriv beloppet i kronor som ett tal (t.ex. "
        "125000 eller 125000,50)");
}

BOOST_AUTO_TEST_CASE(cells_that_cannot_be_read_are_named) {
    const model::Application application = testing::framsyn_application();
    const auto error_with = [&](const std::string& part, const std::string& reference, const std::string& element) {
        Parts parts = written_parts(application);
        set_cell(parts[part], reference, element);
        return read_error(parts);
    };
    BOOST_TEST(error_with(costs_part, "E2", number("E2", "12.345"))
                   .starts_with("Kostnader!E2: the amount 12.345 has fractions of an öre"));
    BOOST_TEST(error_with(costs_part, "E2", "<c r=\"E2\" t=\"e\"><v>#VALUE!</v></c>") ==
               "Kostnader!E2: holds the error #VALUE!; correct the cell");
    BOOST_TEST(error_with(costs_part, "E2", "<c r=\"E2\"><f>1+1</f></c>")
                   .starts_with("Kostnader!E2: a formula without a stored result"));
    BOOST_TEST(error_with(costs_part, "B2", number("B2", "2010.5")).starts_with("Kostnader!B2: the year '2010.5'"));
    BOOST_TEST(error_with(costs_part, "A2", inline_text("A2", "Fika"))
                   .starts_with("Kostnader!A2: 'Fika' is not a cost category; choose one of: Staff"));
    BOOST_TEST(error_with(costs_part, "F2", inline_text("F2", "hållbarhet"))
                   .starts_with("Kostnader!F2: 'hållbarhet' is not a tag"));
    BOOST_TEST(error_with(financing_part, "A2", inline_text("A2", "Lotteri"))
                   .starts_with("Finansiering!A2: 'Lotteri' is not a kind of financing"));
    BOOST_TEST(
        error_with(financing_part, "D3", inline_text("D3", "")).starts_with("Finansiering!D3: the amount is empty"));
    BOOST_TEST(error_with(costs_part, "E2", number("E2", "1E+20"))
                   .starts_with("Kostnader!E2: the amount 1E+20 has fractions of an öre or more than 15 digits"));
    BOOST_TEST(error_with(costs_part, "D2", inline_text("D2", "a_x0001_b")) ==
               "Kostnader!D2: the text holds the character U+0001, which a spreadsheet cannot store (character 2)");
}

BOOST_AUTO_TEST_CASE(other_workbooks_are_refused_with_what_to_do) {
    Parts parts = written_parts(testing::framsyn_application());
    parts["xl/workbook.xml"] =
        std::regex_replace(parts["xl/workbook.xml"], std::regex("name=\"Kostnader\""), "name=\"Blad1\"");
    BOOST_TEST(read_error(parts).starts_with(
        "this is not a budget workbook of esfdraft: it has no sheets 'Kostnader' and 'Finansiering' (or 'Costs' and "
        "'Financing'); upload the budget.xlsx that esfdraft wrote"));
    BOOST_TEST(read_error(parts, "sv").starts_with("det här är ingen budgetarbetsbok från esfdraft"));

    Parts no_header = written_parts(testing::framsyn_application());
    set_cell(no_header[costs_part], "F1", inline_text("F1", "Kommentar"));
    BOOST_TEST(read_error(no_header).starts_with(
        "Kostnader: no header row with 'Kategori', 'År', 'Aktivitet', 'Benämning', 'Belopp', 'Taggar'"));

    Parts doctype = written_parts(testing::framsyn_application());
    doctype[costs_part] = std::regex_replace(doctype[costs_part], std::regex("<worksheet "),
                                             "<!DOCTYPE worksheet [<!ENTITY a \"aaaa\">]><worksheet ");
    BOOST_TEST(read_error(doctype).starts_with(costs_part + ": a DOCTYPE is not allowed in a workbook part"));

    Parts broken = written_parts(testing::framsyn_application());
    broken[costs_part].resize(broken[costs_part].size() / 2);
    BOOST_TEST(read_error(broken).starts_with(costs_part + ": not well-formed XML"));

    Parts missing = written_parts(testing::framsyn_application());
    missing.erase(costs_part);
    BOOST_TEST(read_error(missing).starts_with("the workbook has no part " + costs_part));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(budget_reader_issue15)

// The pack's words ("Personalkostnader") and the beneficiary column read back
// as codes and ids; without the pack's words the reader names the cell.
BOOST_AUTO_TEST_CASE(pack_words_and_beneficiaries_read_back) {
    const model::Application application = testing::application_with_partners_and_flat_rate();
    xlsx::WorkbookOptions options = testing::framsyn_options();
    options.categories = testing::esf_plus_categories();
    ScratchFolder folder;
    const std::string path = folder.path("budget.xlsx");
    xlsx::write_budget_workbook(application, options, path);
    const Parts parts = testing::zip_entries_of_file(path);
    std::vector<xlsx::WorkbookPart> list;
    for (const auto& [name, bytes] : parts) list.push_back({name, bytes});
    const xlsx::WorkbookBudget read =
        xlsx::read_budget_workbook(list, testing::esf_plus_categories(), xlsx::cost_activity_names(application).ids);
    check_same(read.budget, application.budget);  // the flat rate below the lines is no cost line
    for (std::size_t i = 0; i < application.budget.costs.size(); ++i)
        BOOST_TEST((read.budget.costs[i].beneficiary == application.budget.costs[i].beneficiary));
    for (std::size_t i = 0; i < application.budget.financing.size(); ++i)
        BOOST_TEST((read.budget.financing[i].beneficiary == application.budget.financing[i].beneficiary));
    BOOST_TEST(read_error(parts).starts_with("Kostnader!A2: 'Personalkostnader' is not a cost category"),
               read_error(parts));
}

BOOST_AUTO_TEST_SUITE_END()
