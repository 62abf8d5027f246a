// esfdraft build / draft / budget / template with the real binary: outputs,
// their names, exit codes, and that a failure replaces nothing.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <filesystem>
#include <utility>
#include <vector>

#include "support/run_binary.hpp"

using namespace esfdraft::testing;
namespace fs = std::filesystem;

namespace {

const std::string sample = "samples/framsyn/plan.xml";

bool is_zip(const std::string& path) { return read_file(path).rfind("PK\x03\x04", 0) == 0; }

int count_entries(const std::string& folder) {
    int entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++entries;
    return entries;
}

// A zip archive of stored (uncompressed) entries, enough for a template.
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    const auto crc32 = [](const std::string& data) {
        std::uint32_t crc = 0xffffffffu;
        for (unsigned char byte : data) {
            crc ^= byte;
            for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
        }
        return ~crc;
    };
    const auto put = [](std::string& out, std::uint32_t value, int bytes) {
        for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
    };
    std::string archive, directory;
    for (const auto& [name, data] : entries) {
        const auto offset = static_cast<std::uint32_t>(archive.size());
        for (const bool central : {false, true}) {
            std::string& out = central ? directory : archive;
            put(out, central ? 0x02014b50u : 0x04034b50u, 4);
            if (central) put(out, 20, 2);
            put(out, 20, 2), put(out, 0, 2), put(out, 0, 2), put(out, 0, 4);  // version, flags, stored, time and date
            put(out, crc32(data), 4), put(out, static_cast<std::uint32_t>(data.size()), 4);
            put(out, static_cast<std::uint32_t>(data.size()), 4);
            put(out, static_cast<std::uint32_t>(name.size()), 2), put(out, 0, 2);
            if (central) put(out, 0, 2), put(out, 0, 2), put(out, 0, 2), put(out, 0, 4), put(out, offset, 4);
            out += name;
            if (!central) out += data;
        }
    }
    const auto directory_offset = static_cast<std::uint32_t>(archive.size());
    archive += directory;
    put(archive, 0x06054b50u, 4), put(archive, 0, 4);
    put(archive, static_cast<std::uint32_t>(entries.size()), 2),
        put(archive, static_cast<std::uint32_t>(entries.size()), 2);
    put(archive, static_cast<std::uint32_t>(directory.size()), 4), put(archive, directory_offset, 4),
        put(archive, 0, 2);
    return archive;
}

}  // namespace

BOOST_AUTO_TEST_CASE(build_writes_draft_workbook_and_report_named_after_the_acronym) {
    ScratchFolder folder;
    const std::string out = folder.path("out");
    const auto result = run_esfdraft({"build", sample, "-o", out, "--date", "2009-09-01"});
    BOOST_TEST(result.exit_code == 0, result.out << result.err);
    BOOST_TEST(is_zip(out + "/FRAMSYN.docx"));
    BOOST_TEST(is_zip(out + "/FRAMSYN.xlsx"));
    BOOST_TEST(contains(read_file(out + "/FRAMSYN-rapport.html"), "<html lang=\"sv\""));
    BOOST_TEST(contains(result.out, "skrev " + out + "/FRAMSYN.docx"));
    BOOST_TEST(count_entries(out) == 3);
}

BOOST_AUTO_TEST_CASE(build_is_deterministic) {
    ScratchFolder folder;
    run_esfdraft({"build", sample, "-o", folder.path("a"), "--date", "2009-09-01"});
    run_esfdraft({"build", sample, "-o", folder.path("b"), "--date", "2009-09-01"});
    for (const char* name : {"FRAMSYN.docx", "FRAMSYN.xlsx", "FRAMSYN-rapport.html"})
        BOOST_TEST(read_file(folder.path("a/") + name) == read_file(folder.path("b/") + name), name);
}

BOOST_AUTO_TEST_CASE(english_build_names_the_report_in_english) {
    ScratchFolder folder;
    const auto result =
        run_esfdraft({"build", sample, "-o", folder.path("en"), "--lang", "en", "--date", "2009-09-01"});
    BOOST_TEST(result.exit_code == 0, result.out << result.err);
    BOOST_TEST(contains(read_file(folder.path("en/FRAMSYN-report.html")), "<html lang=\"en\""));
    BOOST_TEST(contains(result.out, "wrote "));
}

BOOST_AUTO_TEST_CASE(an_application_with_errors_still_gets_its_draft_and_exits_1) {
    ScratchFolder folder;
    std::string plan = read_file(source_path(sample));
    const auto start = plan.find("<genderEquality>");
    const auto end = plan.find("</genderEquality>") + std::string("</genderEquality>").size();
    plan.erase(start, end - start);
    plan.insert(start, "<genderEquality><p/></genderEquality>");
    fs::copy_file(source_path("samples/framsyn/findings.xml"), folder.path("findings.xml"));
    const std::string path = folder.write("plan.xml", plan);
    const auto result = run_esfdraft({"build", path, "-o", folder.path("out"), "--date", "2009-09-01"});
    BOOST_TEST(result.exit_code == 1, result.out << result.err);
    BOOST_TEST(contains(result.out, "[S001]"));
    BOOST_TEST(is_zip(folder.path("out/FRAMSYN.docx")));
}

BOOST_AUTO_TEST_CASE(a_plan_that_cannot_be_read_gets_only_the_report) {
    ScratchFolder folder;
    const std::string path = folder.write("broken.xml", "<application xmlns=\"urn:esfdraft:plan:1\">");
    const auto result = run_esfdraft({"build", path, "-o", folder.path("out")});
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(contains(result.err, "bara rapporten skrevs"));
    BOOST_TEST(fs::exists(folder.path("out/broken-rapport.html")));
    BOOST_TEST(count_entries(folder.path("out")) == 1);
}

BOOST_AUTO_TEST_CASE(a_failing_build_replaces_nothing) {
    ScratchFolder folder;
    const std::string out = folder.path("out");
    BOOST_REQUIRE(run_esfdraft({"build", sample, "-o", out, "--date", "2009-09-01"}).exit_code == 0);
    const std::string before = read_file(out + "/FRAMSYN.xlsx");
    const std::string bad_template = folder.write("bad.docx", "this is not a zip archive");
    const auto result = run_esfdraft({"build", sample, "-o", out, "--template", bad_template, "--date", "2010-01-01"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "esfdraft: error:"));
    BOOST_TEST(contains(result.err, bad_template));
    BOOST_TEST(read_file(out + "/FRAMSYN.xlsx") == before);
    BOOST_TEST(count_entries(out) == 3);  // no temporary files left
}

BOOST_AUTO_TEST_CASE(a_template_nested_too_deep_is_refused_and_leaves_no_temporary_files) {
    // 50 000 nested elements in a few KB overflowed the stack before the
    // build could remove its temporary outputs.
    ScratchFolder folder;
    const std::string out = folder.path("out");
    BOOST_REQUIRE(run_esfdraft({"build", sample, "-o", out, "--date", "2009-09-01"}).exit_code == 0);
    std::string document =
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
    for (int i = 0; i < 50000; ++i) document += "<w:sdt>";
    for (int i = 0; i < 50000; ++i) document += "</w:sdt>";
    document += "</w:body></w:document>";
    const std::string types =
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    const std::string deep =
        folder.write("deep.docx", stored_zip({{"[Content_Types].xml", types}, {"word/document.xml", document}}));
    const auto result = run_esfdraft({"build", sample, "-o", out, "--template", deep, "--date", "2009-09-01"});
    BOOST_TEST(result.exit_code == 2, result.out << result.err);
    BOOST_TEST(contains(result.err, "word/document.xml: elements nested deeper than 256 levels (line 1)"), result.err);
    BOOST_TEST(count_entries(out) == 3);  // no temporary files left
}

BOOST_AUTO_TEST_CASE(a_refused_entry_name_reaches_the_terminal_escaped) {
    // The name was echoed raw, so a template could send escape sequences
    // (clear the screen, set the title) to the terminal of whoever checks it.
    ScratchFolder folder;
    const std::string evil = folder.write("evil.docx", stored_zip({{"word/\x1b[2J\x1b]0;pwned\x07\tx.xml", "x"}}));
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"template", "check", evil},
          std::vector<std::string>{"build", sample, "-o", folder.path("out"), "--template", evil}}) {
        const auto result = run_esfdraft(command);
        BOOST_TEST(result.exit_code == 2, result.out << result.err);
        BOOST_TEST(result.err.find('\x1b') == std::string::npos);
        BOOST_TEST(result.err.find('\x07') == std::string::npos);
        BOOST_TEST(result.err.find('\t') == std::string::npos);
        BOOST_TEST(
            contains(result.err,
                     "refused a control character in an entry name: \"word/\\x1b[2J\\x1b]0;pwned\\x07\\x09x.xml\""),
            result.err);
    }
}

BOOST_AUTO_TEST_CASE(build_usage_errors) {
    auto result = run_esfdraft({"build", "--lang", "en", sample});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "needs -o"));
    result = run_esfdraft({"build", "-o", "out"});
    BOOST_TEST(result.exit_code == 2);
    ScratchFolder folder;
    const std::string file = folder.write("file", "x");
    result = run_esfdraft({"build", "--lang", "en", sample, "-o", file});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "it is a file, not a folder"));
    result = run_esfdraft({"build", "--help"});
    BOOST_TEST(result.exit_code == 0);
    BOOST_TEST(contains(result.out, "--template"));
    BOOST_TEST(contains(result.out, "Examples:"));
}

BOOST_AUTO_TEST_CASE(draft_and_budget_write_one_file_each_and_never_over_an_input) {
    ScratchFolder folder;
    auto result = run_esfdraft({"draft", sample, "-o", folder.path("d.docx"), "--date", "2009-09-01"});
    BOOST_TEST(result.exit_code == 0, result.err);
    BOOST_TEST(is_zip(folder.path("d.docx")));
    result = run_esfdraft({"budget", sample, "-o", folder.path("b.xlsx"), "--date", "2009-09-01"});
    BOOST_TEST(result.exit_code == 0, result.err);
    BOOST_TEST(is_zip(folder.path("b.xlsx")));
    BOOST_TEST(count_entries(folder.path()) == 2);
    const std::string copy = folder.path("plan.xml");
    fs::copy_file(source_path(sample), copy);
    fs::copy_file(source_path("samples/framsyn/findings.xml"), folder.path("findings.xml"));
    result = run_esfdraft({"budget", "--lang", "en", copy, "-o", copy});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "it is one of the input files"));
    BOOST_TEST(read_file(copy) == read_file(source_path(sample)));
}

// A template whose problems are found in two passes (a bad filter while
// compiling, in paragraph 3; an unknown name while checking names, in
// paragraph 1): they used to come out in the order found.
std::string template_with_two_problems(const ScratchFolder& folder) {
    const auto paragraph = [](const std::string& text) {
        return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
    };
    const std::string document =
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
        paragraph("Titel {{nosuchname}}") + paragraph("{{project.title}}") +
        paragraph("Akronym {{project.acronym|nofilter}}") + "</w:body></w:document>";
    const std::string types =
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    return folder.write("two-problems.docx",
                        stored_zip({{"[Content_Types].xml", types}, {"word/document.xml", document}}));
}

BOOST_AUTO_TEST_CASE(build_with_a_template_lists_all_its_errors_by_place_in_the_language) {
    ScratchFolder folder;
    const std::string bad = template_with_two_problems(folder);
    for (const std::string lang : {"sv", "en"}) {
        const std::string out = folder.path("out-" + lang);
        const auto result =
            run_esfdraft({"build", sample, "-o", out, "--template", bad, "--lang", lang, "--date", "2009-09-01"});
        BOOST_TEST(result.exit_code == 2, result.out << result.err);
        const std::string first = lang == "sv" ? "huvuddokumentet, vid \"Titel {{nosuchname}}\""
                                               : "the main document, at \"Titel {{nosuchname}}\"";
        const std::string third = lang == "sv" ? "huvuddokumentet, vid \"Akronym {{project.acronym|nofilter}}\""
                                               : "the main document, at \"Akronym {{project.acronym|nofilter}}\"";
        const std::size_t at_first = result.err.find(first), at_third = result.err.find(third);
        BOOST_TEST(at_first != std::string::npos, result.err);
        BOOST_TEST(at_third != std::string::npos, result.err);
        BOOST_TEST(at_first < at_third, result.err);
        BOOST_TEST(contains(result.err, "nosuchname"), result.err);
        BOOST_TEST(contains(result.err, "nofilter"), result.err);
        BOOST_TEST(contains(result.err,
                            lang == "sv" ? "mallen '" + bad + "' har 2 fel" : "template '" + bad + "': 2 problems"),
                   result.err);
        // template check: the same two, in the same order.
        const auto check = run_esfdraft({"template", "check", bad, "--lang", lang});
        BOOST_TEST(check.exit_code == 1, check.out << check.err);
        BOOST_TEST(check.out.find(first) < check.out.find(third), check.out);
        BOOST_TEST(check.out.find(third) != std::string::npos, check.out);
    }
}

// Issue 10: the printed place is a Word user's: the heading above the tag,
// the table cell, the nearby text, and the message in --lang.
BOOST_AUTO_TEST_CASE(template_check_and_build_print_the_place_under_its_heading_and_in_its_cell) {
    ScratchFolder folder;
    const auto run = [](const std::string& text) {
        return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
    };
    const std::string document =
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
        "<w:p><w:pPr><w:pStyle w:val=\"Rubrik1\"/></w:pPr>" +
        run("Mål och indikatorer") +
        "</w:p>"
        "<w:tbl><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"3000\"/></w:tblGrid>"
        "<w:tr><w:tc><w:p>" +
        run("Mål") + "</w:p></w:tc><w:tc><w:p>" + run("Titel") +
        "</w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p>" +
        run("1") + "</w:p></w:tc><w:tc><w:p>" + run("Projektets titel: {{project.titel}}") +
        "</w:p></w:tc></w:tr>"
        "</w:tbl></w:body></w:document>";
    const std::string types =
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    const std::string bad =
        folder.write("in-a-cell.docx", stored_zip({{"[Content_Types].xml", types}, {"word/document.xml", document}}));
    auto check = run_esfdraft({"template", "check", bad});
    BOOST_TEST(check.exit_code == 1, check.out << check.err);
    BOOST_TEST(
        contains(check.out,
                 bad +
                     ": error: huvuddokumentet, under rubriken \"Mål och indikatorer\", i en tabell, rad 2, kolumn 2, "
                     "vid \"Projektets titel: {{project.titel}}\": okänt namn \"project.titel\" i {{project.titel}} "
                     "(menade du \"project.title\"?)\n" +
                     bad + ": 1 fel\n"),
        check.out);
    check = run_esfdraft({"template", "check", bad, "--lang", "en"});
    BOOST_TEST(
        contains(
            check.out,
            bad +
                ": error: the main document, under the heading \"Mål och indikatorer\", in a table, row 2, column 2, "
                "at \"Projektets titel: {{project.titel}}\": unknown name \"project.titel\" in {{project.titel}} "
                "(did you mean \"project.title\"?)\n" +
                bad + ": 1 error\n"),
        check.out);
    const auto build = run_esfdraft(
        {"build", sample, "-o", folder.path("out"), "--template", bad, "--lang", "en", "--date", "2009-09-01"});
    BOOST_TEST(build.exit_code == 2, build.out << build.err);
    BOOST_TEST(contains(build.err, "template '" + bad +
                                       "': 1 problem\n  the main document, under the heading \"Mål och indikatorer\", "
                                       "in a table, row 2, column 2, at "),
               build.err);
}

BOOST_AUTO_TEST_CASE(template_export_says_what_it_wrote) {
    ScratchFolder folder;
    const std::string exported = folder.path("mall.docx");
    auto result = run_esfdraft({"template", "export", "-o", exported});
    BOOST_TEST(result.exit_code == 0, result.err);
    BOOST_TEST(result.out == "skrev " + exported + "\n", result.out);
    const std::string english = folder.path("template.docx");
    result = run_esfdraft({"template", "export", "-o", english, "--lang", "en"});
    BOOST_TEST(result.out == "wrote " + english + "\n", result.out);
}

BOOST_AUTO_TEST_CASE(template_export_gives_the_esf_plus_template_for_that_programme) {
    ScratchFolder folder;
    const std::string first = folder.path("first.docx"), plus = folder.path("plus.docx");
    auto result = run_esfdraft({"template", "export", "-o", first});
    BOOST_TEST(result.exit_code == 0, result.err);
    result = run_esfdraft({"template", "export", "-o", plus, "--programme", "esf-plus-2021-2027"});
    BOOST_TEST(result.exit_code == 0, result.err);
    BOOST_TEST(read_file(plus) != read_file(first));
    // Its tags show what only the ESF+ draft has: the gender split as columns, the budget per beneficiary.
    result = run_esfdraft({"template", "check", plus});
    BOOST_TEST(result.exit_code == 0, result.out << result.err);
    BOOST_TEST(contains(result.out, "{{#column gender_categories}}"));
    BOOST_TEST(contains(result.out, "{{#budget.beneficiaries}}"));
    BOOST_TEST(!contains(run_esfdraft({"template", "check", first}).out, "{{#budget.beneficiaries}}"));
    result =
        run_esfdraft({"template", "export", "--lang", "en", "-o", folder.path("x.docx"), "--programme", "esf-1994"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.err, "unknown programme 'esf-1994' (esf-2007-2013 or esf-plus-2021-2027)"), result.err);
}

BOOST_AUTO_TEST_CASE(template_export_then_check_then_build_with_it) {
    ScratchFolder folder;
    const std::string exported = folder.path("mall.docx");
    auto result = run_esfdraft({"template", "export", "-o", exported});
    BOOST_TEST(result.exit_code == 0, result.err);
    BOOST_TEST(is_zip(exported));
    result = run_esfdraft({"template", "check", exported});
    BOOST_TEST(result.exit_code == 0, result.out << result.err);
    BOOST_TEST(contains(result.out, "{{project.title}}"));
    BOOST_TEST(contains(result.out, ": 0 fel"));
    result = run_esfdraft({"build", sample, "-o", folder.path("out"), "--template", exported, "--date", "2009-09-01"});
    BOOST_TEST(result.exit_code == 0, result.err);
    BOOST_TEST(is_zip(folder.path("out/FRAMSYN.docx")));
    result = run_esfdraft({"template", "check", folder.path("missing.docx")});
    BOOST_TEST(result.exit_code == 2);
    result = run_esfdraft({"template"});
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(contains(result.out, "template export"));
}
