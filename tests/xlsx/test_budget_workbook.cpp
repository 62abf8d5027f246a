// Writing the workbook: golden parts, identical bytes, edge cases, and errors
// that are exceptions with a clear message and never a library warning.
#include <boost/test/unit_test.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <csignal>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "support/temp_files.hpp"
#include "xlsx/budget_workbook.hpp"
#include "xlsx/sample_budgets.hpp"
#include "xlsx/xlsx_package.hpp"

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

bool is_golden_part(const std::string& name) {
    const bool xml = name.size() > 4 && (name.ends_with(".xml") || name.ends_with(".rels"));
    return xml && name != "xl/theme/theme1.xml";   // libxlsxwriter's fixed theme, not ours
}

// Compares the workbook's XML parts with the exploded copies under
// tests/xlsx/golden/<name>/; with ESFDRAFT_ACCEPT=1 rewrites them instead.
void check_golden(const std::string& workbook, const std::string& name) {
    const std::filesystem::path golden = testing::source_path("tests/xlsx/golden/" + name);
    const auto parts = testing::read_package(workbook);
    const char* accept = std::getenv("ESFDRAFT_ACCEPT");
    if (accept != nullptr && std::string(accept) == "1") {
        std::filesystem::remove_all(golden);
        for (const auto& [part, content] : parts) {
            if (!is_golden_part(part)) continue;
            const auto file = golden / part;
            std::filesystem::create_directories(file.parent_path());
            std::ofstream(file, std::ios::binary) << testing::canonical_xml(content);
        }
        BOOST_TEST(!parts.empty());
        BOOST_TEST_MESSAGE("rewrote " << golden.string() << ": read the diff before committing");
        return;
    }
    std::set<std::string> expected_parts;
    if (std::filesystem::exists(golden))
        for (const auto& entry : std::filesystem::recursive_directory_iterator(golden))
            if (entry.is_regular_file())
                expected_parts.insert(std::filesystem::relative(entry.path(), golden).generic_string());
    std::set<std::string> written_parts;
    for (const auto& [part, content] : parts) {
        if (!is_golden_part(part)) continue;
        written_parts.insert(part);
        if (!std::filesystem::exists(golden / part)) continue;   // reported as a missing part below
        const std::string expected = testing::read_file((golden / part).string());
        const std::string actual = testing::canonical_xml(content);
        if (expected == actual) continue;
        std::istringstream expected_lines(expected), actual_lines(actual);
        std::string left, right;
        int line = 1;
        while (std::getline(expected_lines, left) && std::getline(actual_lines, right) && left == right) ++line;
        BOOST_ERROR(name << "/" << part << " differs from the golden copy at line " << line << ":\n  expected: " << left
                         << "\n  written:  " << right << "\n(ESFDRAFT_ACCEPT=1 rewrites the golden files)");
    }
    BOOST_TEST(written_parts == expected_parts, boost::test_tools::per_element());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(budget_workbook)

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
    const auto parts = testing::read_package(folder.path("one.xlsx"));
    BOOST_TEST(
        parts.at("docProps/core.xml").find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2009-08-15T00:00:00Z<") !=
        std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_document_date_sets_the_creation_time) {
    ScratchFolder folder;
    xlsx::WorkbookOptions options = testing::framsyn_options();
    options.date = {1970, 1, 1};   // libxlsxwriter would read 0 as "now"
    xlsx::write_budget_workbook(testing::framsyn_application(), options, folder.path("epoch.xlsx"));
    const auto parts = testing::read_package(folder.path("epoch.xlsx"));
    BOOST_TEST(parts.at("docProps/core.xml").find(">1970-01-01T00:00:01Z<") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(edge_cases_write_complete_workbooks) {
    ScratchFolder folder;
    const auto write = [&](const model::Application& application, const std::string& name) {
        const std::string path = folder.path(name);
        StderrCapture capture;
        xlsx::write_budget_workbook(application, testing::framsyn_options(), path);
        BOOST_TEST(capture.text().empty(), name << " printed something");
        const auto parts = testing::read_package(path);
        BOOST_TEST(parts.count("xl/worksheets/sheet5.xml") == 1u, name);
        BOOST_TEST(parts.count("xl/tables/table1.xml") == 1u, name);
        return parts;
    };
    const auto empty = write(testing::application_without_budget(), "empty.xlsx");
    BOOST_TEST(empty.count("xl/charts/chart1.xml") == 0u);   // nothing to compare
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
    const auto parts = testing::read_package(path);
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
    BOOST_TEST(testing::read_package(path).count("xl/workbook.xml") == 1u);
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
