// Writing the workbook: golden parts, identical bytes, edge cases, and errors
// that are exceptions with a clear message and never a library warning.
#include <boost/test/unit_test.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <csignal>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "support/golden.hpp"
#include "support/temp_files.hpp"
#include "xlsx/budget_workbook.hpp"
#include "xlsx/sample_budgets.hpp"

using namespace esfdraft;
using esfdraft::testing::ScratchFolder;

namespace {

// Collects what is written to file descriptor 2 while it lives.
class StderrCapture {
public:
    StderrCapture() : file_(std::tmpfile()) {
        std::fflush(stderr);
        saved_ = ::dup(2);
        ::dup2(::fileno(file_), 2);
    }
    ~StderrCapture() {
        restore();
        std::fclose(file_);
    }
    std::string text() {
        restore();
        std::rewind(file_);
        std::string out;
        for (int c = std::fgetc(file_); c != EOF; c = std::fgetc(file_)) out += static_cast<char>(c);
        return out;
    }

private:
    void restore() {
        if (saved_ < 0) return;
        std::fflush(stderr);
        ::dup2(saved_, 2);
        ::close(saved_);
        saved_ = -1;
    }
    std::FILE* file_;
    int saved_ = -1;
};

// The error write_budget_workbook throws, with what it printed meanwhile.
struct Outcome {
    std::string error;
    std::string printed;
};

Outcome write_expecting_error(const model::Application& application, const xlsx::WorkbookOptions& options,
                              const std::string& path) {
    StderrCapture capture;
    Outcome outcome;
    try {
        xlsx::write_budget_workbook(application, options, path);
        outcome.error = "(no error)";
    } catch (const std::runtime_error& error) {
        outcome.error = error.what();
    }
    outcome.printed = capture.text();
    return outcome;
}

// Compares the workbook's XML parts with the exploded copies under
// tests/xlsx/golden/<name>/ (ESFDRAFT_ACCEPT=1 rewrites them, see
// tests/support/golden.hpp). The theme is libxlsxwriter's fixed one, not ours.
void check_golden(const std::string& workbook, const std::string& name) {
    const auto parts = testing::canonical_parts(testing::zip_entries_of_file(workbook),
                                                testing::XmlDeclaration::written, {"xl/theme/theme1.xml"});
    BOOST_TEST_REQUIRE(!parts.empty());
    const std::string difference = testing::check_golden("tests/xlsx", name, parts);
    BOOST_TEST(difference.empty(), difference);
}

// A cell of a written worksheet as the file stores it: its formula (without
// the "=", XML entities decoded) and its cached value (the <v> text).
struct StoredCell {
    std::string formula;
    std::string value;
};

std::string xml_unescape(std::string text) {
    for (const auto& [entity, character] : {std::pair<std::string, std::string>{"&quot;", "\""},
                                            {"&apos;", "'"},
                                            {"&lt;", "<"},
                                            {"&gt;", ">"},
                                            {"&amp;", "&"}}) {
        for (std::size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1))
            text.replace(at, entity.size(), character);
    }
    return text;
}

StoredCell stored_cell(const std::string& sheet_xml, const std::string& reference) {
    const std::string start = "<c r=\"" + reference + "\"";
    const std::size_t at = sheet_xml.find(start);
    if (at == std::string::npos) throw std::logic_error("no cell " + reference);
    const std::size_t end = sheet_xml.find("</c>", at);
    const std::string cell = sheet_xml.substr(at, end == std::string::npos ? std::string::npos : end - at);
    const auto inner = [&](const std::string& tag) {
        const std::size_t open = cell.find("<" + tag + ">");
        if (open == std::string::npos) return std::string();
        const std::size_t from = open + tag.size() + 2;
        return xml_unescape(cell.substr(from, cell.find("</" + tag + ">", from) - from));
    };
    return {inner("f"), inner("v")};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(budget_workbook)

// Costs in three years of 1 000 kr each: every source is spread a third a
// year, rounded to whole kronor, and the last year takes the rest. The cells
// are read back from the written file: formula text and cached result.
BOOST_AUTO_TEST_CASE(financing_by_year_is_spread_by_each_years_costs_with_live_formulas) {
    const model::Application application = testing::application_with_financing_over_three_years();
    ScratchFolder folder;
    const std::string path = folder.path("budget.xlsx");
    xlsx::write_budget_workbook(application, testing::framsyn_options(), path);
    const auto parts = testing::zip_entries_of_file(path);
    const std::string& by_year = parts.at("xl/worksheets/sheet3.xml");  // Per år
    BOOST_TEST(parts.at("xl/sharedStrings.xml").find("Finansiering per år (fördelad efter årets kostnader)") !=
               std::string::npos);
    const auto cell = [&](const std::string& reference) { return stored_cell(by_year, reference); };

    // Rows: 1 header, 2 Lön personal, 3 Totalt; 5 the block's header, 6 ESF (one source without a
    // funder: its own row), 7 public cash (the subtotal of 8 and 9), 10 the total, 11 co-financing.
    const std::string share = "IF(ROUND($E$3*100,0)=0,0,ROUND('Finansiering'!";
    BOOST_TEST(cell("B6").formula == share + "$D$2*B$3/$E$3,0))");
    BOOST_TEST(cell("B6").value == "333");
    BOOST_TEST(cell("C6").formula == share + "$D$2*C$3/$E$3,0))");
    BOOST_TEST(cell("C6").value == "333");
    BOOST_TEST(cell("D6").formula == "'Finansiering'!$D$2-SUM(B6:C6)");
    BOOST_TEST(cell("D6").value == "334");
    BOOST_TEST(cell("E6").formula == "SUM(B6:D6)");
    BOOST_TEST(cell("E6").value == "1000");  // the row comes to the source's amount

    BOOST_TEST(cell("B8").formula == share + "$D$3*B$3/$E$3,0))");
    BOOST_TEST(cell("B8").value == "334");
    BOOST_TEST(cell("C8").value == "334");
    BOOST_TEST(cell("D8").formula == "'Finansiering'!$D$3-SUM(B8:C8)");
    BOOST_TEST(cell("D8").value == "333");
    BOOST_TEST(cell("E8").value == "1001");

    BOOST_TEST(cell("B9").value == "3");
    BOOST_TEST(cell("C9").value == "3");
    BOOST_TEST(cell("D9").value == "1.5");  // the rest keeps its öre
    BOOST_TEST(cell("E9").value == "7.5");

    BOOST_TEST(cell("B7").formula == "SUBTOTAL(9,B8:B9)");
    BOOST_TEST(cell("B7").value == "337");
    BOOST_TEST(cell("D7").value == "334.5");
    BOOST_TEST(cell("E7").formula == "SUBTOTAL(9,E8:E9)");
    BOOST_TEST(cell("E7").value == "1008.5");

    // The total skips the kind's subtotal (SUBTOTAL ignores SUBTOTAL), so each column is the year's financing.
    // Each source's years add up to its amount, to the öre.
    const auto ore_at = [&](const std::string& reference) {
        return std::llround(std::stod(cell(reference).value) * 100);
    };
    for (const auto& [row, source_ore] : {std::pair<std::string, long long>{"6", 100000}, {"8", 100100}, {"9", 750}})
        BOOST_TEST(ore_at("B" + row) + ore_at("C" + row) + ore_at("D" + row) == source_ore, "row " << row);

    BOOST_TEST(cell("B10").formula == "SUBTOTAL(9,B6:B9)");
    BOOST_TEST(cell("B10").value == "670");
    BOOST_TEST(cell("C10").value == "670");
    BOOST_TEST(cell("D10").value == "668.5");
    BOOST_TEST(cell("E10").value == "2008.5");
    BOOST_TEST(cell("B11").formula == "B10-B6");
    BOOST_TEST(cell("B11").value == "337");
    BOOST_TEST(cell("E11").value == "1008.5");
}

// Two years of unequal costs (1 000 kr and 2 000 kr): 1 000 kr splits 333,33 / 666,67 kr.
BOOST_AUTO_TEST_CASE(financing_by_year_over_two_years_of_unequal_costs) {
    model::Application application = testing::application_with_one_cost();
    application.budget.costs = {testing::cost("staff", 2010, "a1", 1000 * 100, "Projektledare"),
                                testing::cost("staff", 2011, "a1", 2000 * 100, "Projektledare")};
    application.budget.financing.front().amount = 1000 * 100;
    ScratchFolder folder;
    const std::string path = folder.path("budget.xlsx");
    xlsx::write_budget_workbook(application, testing::framsyn_options(), path);
    const std::string by_year = testing::zip_entries_of_file(path).at("xl/worksheets/sheet3.xml");
    BOOST_TEST(stored_cell(by_year, "B6").formula == "IF(ROUND($D$3*100,0)=0,0,ROUND('Finansiering'!$D$2*B$3/$D$3,0))");
    BOOST_TEST(stored_cell(by_year, "B6").value == "333");
    BOOST_TEST(stored_cell(by_year, "C6").formula == "'Finansiering'!$D$2-SUM(B6:B6)");
    BOOST_TEST(stored_cell(by_year, "C6").value == "667");
    BOOST_TEST(stored_cell(by_year, "D6").value == "1000");
}

// Each beneficiary's sub-budget in full below the summary of Delbudgetar
// (issue 15), read back from the written file: live formulas matching the
// beneficiary by its summary row's key with EXACT, as that row does, over
// ranges that reach the spare rows below the cost table, and stored results
// that are the figures' sums.
BOOST_AUTO_TEST_CASE(each_beneficiary_has_a_block_of_its_costs_by_category_and_year) {
    xlsx::WorkbookOptions options = testing::framsyn_options();
    options.categories = testing::esf_plus_categories();
    ScratchFolder folder;
    const std::string path = folder.path("budget.xlsx");
    xlsx::write_budget_workbook(testing::application_with_partners_and_flat_rate(), options, path);
    const auto parts = testing::zip_entries_of_file(path);
    const std::string& subs = parts.at("xl/worksheets/sheet6.xml");  // Delbudgetar
    const std::string& texts = parts.at("xl/sharedStrings.xml");
    BOOST_TEST(texts.find("Umeå kommun (umea)") != std::string::npos);
    BOOST_TEST(texts.find("Regionförbundet Västerbottens län (Projektägaren)") != std::string::npos);
    const auto cell = [&](const std::string& reference) { return stored_cell(subs, reference); };
    const auto ore_at = [&](const std::string& reference) {
        return std::llround(std::stod(cell(reference).value) * 100);
    };

    // Rows: 1 header, 2 the owner, 3 umea, 4 no beneficiary, 5 Totalt, 7 the note; the owner's block
    // from 9 (its costs 10–13, financing 15–17, balance 18), umea's from 20: 21 the years, 22 staff,
    // 23 indirect, 24 its total costs, 26–28 its financing, 29 its balance.
    const std::string umea = "EXACT('Kostnader'!$G$2:$G$28,$A$3)";  // the key in A3, as row 3 matches it
    BOOST_TEST(cell("C22").formula ==
               "SUMPRODUCT(" + umea +
                   "*EXACT('Kostnader'!$A$2:$A$28,$B22)*('Kostnader'!$B$2:$B$28=C$21)*'Kostnader'!$E$2:$E$28)");
    BOOST_TEST(cell("C22").value == "50000");
    BOOST_TEST(cell("D22").value == "0");
    BOOST_TEST(cell("E22").formula ==
               "SUMPRODUCT(" + umea + "*EXACT('Kostnader'!$A$2:$A$28,$B22)*'Kostnader'!$E$2:$E$28)");
    BOOST_TEST(cell("E22").value == "50000");
    BOOST_TEST(cell("C23").value == "7500");  // the flat rate: 15 % of 50 000 kr
    BOOST_TEST(cell("E24").formula == "SUMPRODUCT(" + umea + "*'Kostnader'!$E$2:$E$28)");
    BOOST_TEST(cell("E24").value == "57500");
    BOOST_TEST(cell("E27").formula ==
               "SUMPRODUCT(EXACT('Finansiering'!$F$2:$F$4,$A$3)*EXACT('Finansiering'!$A$2:$A$4,$B27)*'Finansiering'!$D$"
               "2:$D$4)");
    BOOST_TEST(cell("E27").value == "57500");
    BOOST_TEST(cell("E29").formula == "E24-E28");
    BOOST_TEST(cell("E29").value == "0");
    BOOST_TEST(cell("F29").value.empty() == false);

    // The owner's flat rate keeps its öre (15 % of 100 000,10 kr = 15 000,02 kr).
    BOOST_TEST(ore_at("C12") == 1'500'002);
    BOOST_TEST(ore_at("D12") == 4'500'000);
    // Each block's lines add up to its totals, and its totals are the summary's row.
    for (const auto& [first, last, total, summary] : {std::tuple<int, int, int, int>{11, 12, 13, 2}, {22, 23, 24, 3}}) {
        for (const char column : {'C', 'D', 'E'}) {
            long long sum = 0;
            for (int row = first; row <= last; ++row) sum += ore_at(column + std::to_string(row));
            BOOST_TEST(sum == ore_at(column + std::to_string(total)), column << total);
        }
        BOOST_TEST(ore_at("C" + std::to_string(total)) + ore_at("D" + std::to_string(total)) ==
                   ore_at("E" + std::to_string(total)));
        BOOST_TEST(ore_at("E" + std::to_string(total)) == ore_at("C" + std::to_string(summary)));
    }
    BOOST_TEST(ore_at("E17") == ore_at("D2"));
    BOOST_TEST(ore_at("E28") == ore_at("D3"));
    // With the lines that name no beneficiary (row 4), the blocks come to the whole budget.
    BOOST_TEST(ore_at("E13") + ore_at("E24") + ore_at("C4") == ore_at("C5"));
}

BOOST_AUTO_TEST_CASE(framsyn_matches_the_golden_parts) {
    ScratchFolder folder;
    const std::string path = folder.path("budget.xlsx");
    xlsx::write_budget_workbook(testing::framsyn_application(), testing::framsyn_options(), path);
    check_golden(path, "framsyn-sv");
}

BOOST_AUTO_TEST_CASE(english_small_budget_matches_the_golden_parts) {
    ScratchFolder folder;
    const std::string path = folder.path("budget.xlsx");
    model::Application application = testing::application_with_ore();
    application.lang = "en";
    xlsx::write_budget_workbook(application, testing::framsyn_options("en"), path);
    check_golden(path, "ore-en");
}

BOOST_AUTO_TEST_CASE(same_inputs_give_the_same_bytes) {
    ScratchFolder folder;
    xlsx::write_budget_workbook(testing::framsyn_application(), testing::framsyn_options(), folder.path("one.xlsx"));
    xlsx::write_budget_workbook(testing::framsyn_application(), testing::framsyn_options(), folder.path("two.xlsx"));
    const std::string one = testing::read_file(folder.path("one.xlsx"));
    BOOST_TEST(one.size() > 10000u);
    BOOST_TEST((one == testing::read_file(folder.path("two.xlsx"))));
    const auto parts = testing::zip_entries_of_file(folder.path("one.xlsx"));
    BOOST_TEST(
        parts.at("docProps/core.xml").find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2009-08-15T00:00:00Z<") !=
        std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_document_date_sets_the_creation_time) {
    ScratchFolder folder;
    xlsx::WorkbookOptions options = testing::framsyn_options();
    options.date = {1970, 1, 1};  // libxlsxwriter would read 0 as "now"
    xlsx::write_budget_workbook(testing::framsyn_application(), options, folder.path("epoch.xlsx"));
    const auto parts = testing::zip_entries_of_file(folder.path("epoch.xlsx"));
    BOOST_TEST(parts.at("docProps/core.xml").find(">1970-01-01T00:00:01Z<") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(edge_cases_write_complete_workbooks) {
    ScratchFolder folder;
    const auto write = [&](const model::Application& application, const std::string& name) {
        const std::string path = folder.path(name);
        StderrCapture capture;
        xlsx::write_budget_workbook(application, testing::framsyn_options(), path);
        BOOST_TEST(capture.text().empty(), name << " printed something");
        const auto parts = testing::zip_entries_of_file(path);
        BOOST_TEST(parts.count("xl/worksheets/sheet5.xml") == 1u, name);
        BOOST_TEST(parts.count("xl/tables/table1.xml") == 1u, name);
        return parts;
    };
    const auto empty = write(testing::application_without_budget(), "empty.xlsx");
    BOOST_TEST(empty.count("xl/charts/chart1.xml") == 0u);  // nothing to compare
    write(testing::application_with_one_cost(), "one.xlsx");
    const auto with_ore = write(testing::application_with_ore(), "ore.xlsx");
    // 1 250 000,50 kr and 0,25 kr, stored as written.
    BOOST_TEST(with_ore.at("xl/worksheets/sheet2.xml").find("<v>1250000.5</v>") != std::string::npos);
    BOOST_TEST(with_ore.at("xl/worksheets/sheet2.xml").find("<v>0.25</v>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(ten_thousand_cost_lines) {
    ScratchFolder folder;
    const std::string path = folder.path("large.xlsx");
    const model::Application application = testing::application_with_many_costs(10000);
    const auto started = std::chrono::steady_clock::now();
    xlsx::write_budget_workbook(application, testing::framsyn_options(), path);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    const auto size = std::filesystem::file_size(path);
    BOOST_TEST_MESSAGE("10 000 cost lines: " << size << " bytes in " << took.count() << " ms");
    const auto parts = testing::zip_entries_of_file(path);
    BOOST_TEST(parts.at("xl/tables/table1.xml").find("ref=\"A1:F10001\"") != std::string::npos);
    // The summary's total cost, cached as libxlsxwriter prints the double nearest to the exact kronor.
    const model::Money ore = application.budget.total_costs();
    std::string kronor = std::to_string(ore / 100);
    if (ore % 100 != 0) {
        kronor += "." + std::to_string(ore % 100 / 10) + std::to_string(ore % 10);
        if (kronor.back() == '0') kronor.pop_back();
    }
    BOOST_TEST(parts.at("xl/worksheets/sheet1.xml").find("<v>" + kronor + "</v>") != std::string::npos, kronor);
    BOOST_TEST(parts.at("xl/worksheets/sheet1.xml").find("SUM('Kostnader'!$E$2:$E$10021)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_label_too_long_for_a_cell_is_a_clear_error_and_no_file) {
    ScratchFolder folder;
    model::Application application = testing::framsyn_application();
    application.budget.costs[0].label = std::string(40000, 'x');
    const std::string path = folder.path("long.xlsx");
    const Outcome outcome = write_expecting_error(application, testing::framsyn_options(), path);
    BOOST_TEST(outcome.error ==
               "budget workbook: the label of cost line 1 (framsyn.xml:245:7) is 40 000 characters long; a spreadsheet "
               "cell holds at most 32 767");
    BOOST_TEST(outcome.printed.empty());
    BOOST_TEST(!std::filesystem::exists(path));
}

BOOST_AUTO_TEST_CASE(an_unwritable_path_is_a_clear_error_without_stderr) {
    ScratchFolder folder;
    const std::string path = folder.path("no-such-folder/budget.xlsx");
    const Outcome outcome = write_expecting_error(testing::framsyn_application(), testing::framsyn_options(), path);
    BOOST_TEST(outcome.error == "budget workbook: cannot write '" + path + "': No such file or directory");
    BOOST_TEST(outcome.printed.empty());
}

BOOST_AUTO_TEST_CASE(a_failure_in_the_middle_of_writing_removes_the_partial_file) {
    // A file-size limit makes the write fail part-way, as a full disk would.
    ScratchFolder folder;
    const std::string path = folder.path("budget.xlsx");
    rlimit saved{};
    BOOST_REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    const auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 4096;
    BOOST_REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    const Outcome outcome = write_expecting_error(testing::framsyn_application(), testing::framsyn_options(), path);
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous_handler);
    BOOST_TEST(outcome.error.rfind("budget workbook: cannot write '" + path + "': ", 0) == 0, outcome.error);
    BOOST_TEST(!std::filesystem::exists(path));
    BOOST_TEST_MESSAGE("libxlsxwriter printed: " << outcome.printed);
}

BOOST_AUTO_TEST_CASE(an_existing_file_is_replaced) {
    ScratchFolder folder;
    const std::string path = folder.write("budget.xlsx", std::string(100000, 'x'));
    xlsx::write_budget_workbook(testing::application_with_one_cost(), testing::framsyn_options(), path);
    BOOST_TEST(testing::zip_entries_of_file(path).count("xl/workbook.xml") == 1u);
}

BOOST_AUTO_TEST_CASE(no_libxlsxwriter_type_in_any_header) {
    for (const auto& entry : std::filesystem::directory_iterator(testing::source_path("src/xlsx"))) {
        if (entry.path().extension() != ".hpp") continue;
        const std::string text = testing::read_file(entry.path().string());
        BOOST_TEST(text.find("lxw_") == std::string::npos, entry.path().filename());
        BOOST_TEST(text.find("<xlsxwriter") == std::string::npos, entry.path().filename());
    }
}

BOOST_AUTO_TEST_SUITE_END()
