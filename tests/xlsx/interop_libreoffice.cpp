// Interop: LibreOffice opens the budget workbooks and saves them again in its
// own way (its shared strings, styles, cell types and row attributes); the
// budget read back from what it saved must be the one written, and edits made
// before the re-save (a changed amount, a deleted row, an added row, a typed
// text in an amount cell) must read as edited from LibreOffice's file.
// Skips itself when soffice is not installed.
#define BOOST_TEST_MODULE xlsx_interop
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "docx/engine/zip_package.hpp"
#include "support/temp_files.hpp"
#include "xlsx/budget_reader.hpp"
#include "xlsx/budget_workbook.hpp"
#include "xlsx/sample_budgets.hpp"

using namespace esfdraft;
namespace fs = std::filesystem;

namespace {

bool have_soffice() { return std::system("command -v soffice > /dev/null 2>&1") == 0; }

// The costs sheet's activity labels ("A1") read as the FRAMSYN plan's ids, as the service reads them.
xlsx::WorkbookBudget read_file_back(const std::string& path) {
    const docx::Package package = docx::read_package(testing::read_file(path), path);
    std::vector<xlsx::WorkbookPart> parts;
    for (const auto& entry : package.entries()) parts.push_back({entry.name, entry.bytes});
    return xlsx::read_budget_workbook(parts, {}, xlsx::cost_activity_names(testing::framsyn_application()).ids);
}

std::string edited(const std::string& workbook, const std::function<void(std::string&)>& edit) {
    docx::Package package = docx::read_package(workbook, "budget.xlsx");
    std::string sheet = *package.find("xl/worksheets/sheet2.xml");
    edit(sheet);
    package.put("xl/worksheets/sheet2.xml", sheet);
    return docx::write_package(package);
}

}  // namespace

BOOST_AUTO_TEST_CASE(workbooks_resaved_by_libreoffice_read_back) {
    if (!have_soffice()) {
        BOOST_TEST_MESSAGE("soffice not installed: LibreOffice interop skipped");
        return;
    }
    testing::ScratchFolder folder;
    const model::Application application = testing::framsyn_application();
    const std::string plain = folder.path("plain.xlsx");
    xlsx::write_budget_workbook(application, testing::framsyn_options(), plain);
    const std::string english = folder.path("english.xlsx");
    xlsx::write_budget_workbook(testing::application_with_ore(), testing::framsyn_options("en"), english);
    const std::string original = testing::read_file(plain);
    const std::string last_row = std::to_string(application.budget.costs.size() + 1);
    const std::string new_row = std::to_string(application.budget.costs.size() + 2);
    folder.write("edited.xlsx", edited(original, [&](std::string& sheet) {
                     sheet = std::regex_replace(sheet, std::regex("<c r=\"E2\"([^>]*)><v>[^<]*</v></c>"),
                                                "<c r=\"E2\"$1><v>140000.5</v></c>");
                     sheet = std::regex_replace(sheet, std::regex("<row r=\"3\"[^>]*>.*?</row>"), "");
                     sheet = std::regex_replace(sheet, std::regex("</sheetData>"),
                                                "<row r=\"" + new_row + "\"><c r=\"A" + new_row +
                                                    "\" t=\"inlineStr\"><is><t>Resa</t></is></c><c r=\"B" + new_row +
                                                    "\"><v>2010</v></c><c r=\"D" + new_row +
                                                    "\" t=\"inlineStr\"><is><t>Resa till Bryssel</t></is></c><c r=\"E" +
                                                    new_row + "\"><v>9999.99</v></c></row></sheetData>");
                 }));
    folder.write("text.xlsx", edited(original, [](std::string& sheet) {
                     sheet = std::regex_replace(sheet, std::regex("<c r=\"E4\"[^>]*><v>[^<]*</v></c>"),
                                                "<c r=\"E4\" t=\"inlineStr\"><is><t>tolv tusen</t></is></c>");
                 }));

    const std::string profile = folder.path("profile");
    const std::string command = "cd '" + folder.path("") + "' && HOME='" + profile +
                                "' soffice -env:UserInstallation=file://" + profile +
                                " --headless --norestore --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir resaved " +
                                "plain.xlsx english.xlsx edited.xlsx text.xlsx > soffice.log 2>&1";
    BOOST_REQUIRE_EQUAL(std::system(command.c_str()), 0);
    for (const char* name : {"plain.xlsx", "english.xlsx", "edited.xlsx", "text.xlsx"})
        BOOST_REQUIRE_MESSAGE(fs::exists(folder.path("resaved/") + name), "LibreOffice did not save " << name);

    // LibreOffice's own file is not ours byte for byte, yet gives the same budget.
    BOOST_TEST(testing::read_file(folder.path("resaved/plain.xlsx")) != original);
    const model::Budget plain_budget = read_file_back(folder.path("resaved/plain.xlsx")).budget;
    BOOST_REQUIRE_EQUAL(plain_budget.costs.size(), application.budget.costs.size());
    for (std::size_t i = 0; i < plain_budget.costs.size(); ++i) {
        BOOST_TEST(plain_budget.costs[i].label == application.budget.costs[i].label);
        BOOST_TEST(plain_budget.costs[i].amount == application.budget.costs[i].amount);
        BOOST_TEST(plain_budget.costs[i].category == application.budget.costs[i].category);
        BOOST_TEST((plain_budget.costs[i].activity_id == application.budget.costs[i].activity_id));
        BOOST_TEST((plain_budget.costs[i].tags == application.budget.costs[i].tags));
    }
    BOOST_TEST(plain_budget.total_financing() == application.budget.total_financing());
    BOOST_TEST(plain_budget.total_income() == application.budget.total_income());

    const xlsx::WorkbookBudget english_budget = read_file_back(folder.path("resaved/english.xlsx"));
    BOOST_TEST(english_budget.lang == "en");
    BOOST_TEST(english_budget.budget.total_costs() == testing::application_with_ore().budget.total_costs());

    const model::Budget edited_budget = read_file_back(folder.path("resaved/edited.xlsx")).budget;
    BOOST_REQUIRE_EQUAL(edited_budget.costs.size(), application.budget.costs.size());
    BOOST_TEST(edited_budget.costs.front().amount == 14'000'050);
    BOOST_TEST(edited_budget.costs[1].label == application.budget.costs[2].label);
    BOOST_TEST(edited_budget.costs.back().category == "travel");
    BOOST_TEST(edited_budget.costs.back().amount == 999'999);

    try {
        read_file_back(folder.path("resaved/text.xlsx"));
        BOOST_ERROR("a text in an amount cell was read");
    } catch (const xlsx::WorkbookReadError& error) {
        BOOST_TEST(std::string(error.what()).starts_with("Kostnader!E4: the amount is the text 'tolv tusen'"));
    }
}
