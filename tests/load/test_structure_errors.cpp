// Files that are not plans: each gives a clear X001/X002 finding with its
// line and column, or a LoadError when the file cannot be read at all.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "load/loader.hpp"
#include "load_test_support.hpp"
#include "support/temp_files.hpp"

using namespace esfdraft;
using esfdraft::testing::ScratchFolder;
using esfdraft::testing::source_path;

namespace {

load::Loader& loader() { return esfdraft::testing::shared_loader(); }

std::string minimal_plan() { return esfdraft::testing::read_file(source_path("tests/load/fixtures/minimal-plan.xml")); }

// Replaces the first `from` in the minimal plan with `to`.
std::string minimal_plan_with(const std::string& from, const std::string& to) {
    std::string text = minimal_plan();
    const auto at = text.find(from);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks " << from);
    text.replace(at, from.size(), to);
    return text;
}

struct Expected {
    const char* rule;
    int line;
    int column;
};

void expect_single(const model::Findings& findings, Expected expected, const char* message_id = nullptr) {
    BOOST_REQUIRE_MESSAGE(!findings.empty(), "expected a finding");
    const model::Finding& finding = findings.front();
    BOOST_TEST(finding.rule == expected.rule);
    BOOST_TEST((finding.severity == model::Severity::error));
    BOOST_TEST(finding.where.line == expected.line);
    BOOST_TEST(finding.where.column == expected.column);
    if (message_id) BOOST_TEST(finding.message_id == message_id);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(not_well_formed)

BOOST_AUTO_TEST_CASE(empty_and_blank_files) {
    ScratchFolder folder;
    for (const char* content : {"", "  \n\t\n"}) {
        const auto result = loader().load_plan(folder.write("empty.xml", content));
        BOOST_TEST(!result.application);
        expect_single(result.findings, {"X001", 1, 1}, "X001.empty");
    }
}

BOOST_AUTO_TEST_CASE(binary_file) {
    ScratchFolder folder;
    std::string bytes = "\x89PNG\r\n\x1a\n";
    bytes += std::string("\0\0\0\rIHDR", 8);
    const auto result = loader().load_plan(folder.write("image.xml", bytes));
    expect_single(result.findings, {"X001", 1, 1}, "X001.invalid_utf8");
    BOOST_TEST(result.findings[0].find_arg("byte")->text == "0x89");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_located) {
    ScratchFolder folder;
    const auto result =
        loader().load_plan(folder.write("latin1.xml", minimal_plan_with("Minsta möjliga", "Minsta m\xF6jliga")));
    expect_single(result.findings, {"X001", 5, 20}, "X001.invalid_utf8");
}

BOOST_AUTO_TEST_CASE(a_nul_byte_among_plain_ascii_is_located) {
    // The check reads plain ASCII eight bytes at a time: a NUL at any place
    // in such a stretch must still be found, at its own column.
    ScratchFolder folder;
    for (std::size_t at = 0; at < 9; ++at) {
        std::string text = "Background text.";
        text[at] = '\0';
        const auto result = loader().load_plan(folder.write("nul.xml", minimal_plan_with("Bakgrund.", text)));
        BOOST_TEST_CONTEXT("NUL at " << at) {
            expect_single(result.findings, {"X001", 17, 18 + static_cast<int>(at)}, "X001.invalid_utf8");
            BOOST_TEST(result.findings[0].find_arg("byte")->text == "0x00");
        }
    }
}

BOOST_AUTO_TEST_CASE(overlong_utf8_and_surrogates_are_refused) {
    ScratchFolder folder;
    for (const char* bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
        const auto result =
            loader().load_plan(folder.write("bad.xml", minimal_plan_with("Kort.", std::string("K") + bad)));
        expect_single(result.findings, {"X001", 16, 16}, "X001.invalid_utf8");
    }
}

BOOST_AUTO_TEST_CASE(declared_encoding_other_than_utf8) {
    ScratchFolder folder;
    const auto result = loader().load_plan(folder.write("enc.xml", minimal_plan_with("UTF-8", "ISO-8859-1")));
    expect_single(result.findings, {"X001", 1, 21}, "X001.not_utf8");
}

BOOST_AUTO_TEST_CASE(truncated_xml_gives_line_and_column) {
    ScratchFolder folder;
    const std::string text = minimal_plan();
    const auto result = loader().load_plan(folder.write("cut.xml", text.substr(0, text.find("</targetGroups>"))));
    BOOST_REQUIRE(!result.findings.empty());
    BOOST_TEST(result.findings[0].rule == "X001");
    // The end of the file, where the end tag is missing; the message names the open element and its line.
    BOOST_TEST(result.findings[0].message_id == "X001.not_closed_at_end");
    BOOST_TEST(result.findings[0].where.line == 22);
    BOOST_TEST(result.findings[0].where.column > 0);
    BOOST_TEST(result.findings[0].find_arg("element")->text == "targetGroups");
    BOOST_TEST(result.findings[0].find_arg("start_line")->text == "20");
}

BOOST_AUTO_TEST_CASE(mismatched_tag) {
    ScratchFolder folder;
    const auto result = loader().load_plan(folder.write("tag.xml", minimal_plan_with("</purpose>", "</purpos>")));
    // At the wrong end tag itself, naming the start tag and its line.
    expect_single(result.findings, {"X001", 19, 25}, "X001.end_tag_mismatch");
    BOOST_TEST(result.findings[0].find_arg("end")->text == "purpos");
    BOOST_TEST(result.findings[0].find_arg("start")->text == "purpose");
    BOOST_TEST(result.findings[0].find_arg("start_line")->text == "19");
}

BOOST_AUTO_TEST_CASE(dtd_with_external_entity_is_refused_and_nothing_is_read) {
    ScratchFolder folder;
    const std::string secret = folder.write("secret.txt", "TOP-SECRET-CONTENT");
    const std::string plan = "<?xml version=\"1.0\"?>\n<!DOCTYPE application [\n  <!ENTITY leak SYSTEM \"file://" +
                             secret + "\">\n]>\n" + minimal_plan_with("Minsta möjliga plan", "&leak;").substr(39);
    const auto result = loader().load_plan(folder.write("xxe.xml", plan));
    expect_single(result.findings, {"X001", 2, 1}, "X001.doctype");
    BOOST_TEST(!result.application);
}

BOOST_AUTO_TEST_CASE(billion_laughs_is_refused_before_expansion) {
    ScratchFolder folder;
    std::string dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    for (int level = 1; level <= 9; ++level) {
        dtd += " <!ENTITY lol" + std::to_string(level) + " \"";
        for (int i = 0; i < 10; ++i) dtd += "&lol" + (level == 1 ? std::string() : std::to_string(level - 1)) + ";";
        dtd += "\">\n";
    }
    dtd += "]>\n<application xmlns=\"urn:esfdraft:plan:1\">&lol9;</application>\n";
    const auto result = loader().load_plan(folder.write("lol.xml", dtd));
    expect_single(result.findings, {"X001", 2, 1}, "X001.doctype");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(not_valid)

BOOST_AUTO_TEST_CASE(wrong_namespace) {
    ScratchFolder folder;
    const auto result =
        loader().load_plan(folder.write("ns.xml", minimal_plan_with("urn:esfdraft:plan:1", "urn:example:other")));
    expect_single(result.findings, {"X002", 3, 1}, "X002.plan_namespace");
    BOOST_TEST(result.findings[0].where.path == "/application");
    BOOST_TEST(result.findings[0].find_arg("namespace")->text == "urn:example:other");
    BOOST_TEST(result.findings[0].find_arg("expected")->text == "urn:esfdraft:plan:1");
}

BOOST_AUTO_TEST_CASE(no_namespace) {
    ScratchFolder folder;
    const auto result =
        loader().load_plan(folder.write("nons.xml", minimal_plan_with(" xmlns=\"urn:esfdraft:plan:1\"", "")));
    expect_single(result.findings, {"X002", 3, 1}, "X002.plan_no_namespace");
    BOOST_TEST(result.findings[0].find_arg("expected")->text == "urn:esfdraft:plan:1");
}

BOOST_AUTO_TEST_CASE(unknown_element_and_attribute) {
    ScratchFolder folder;
    const auto result = loader().load_plan(
        folder.write("unknown.xml", minimal_plan_with("<organisation><p>Organisation.</p></organisation>",
                                                      "<organization><p>Organisation.</p></organization>")));
    expect_single(result.findings, {"X002", 34, 3}, "X002.unknown_element");
    BOOST_TEST(result.findings[0].find_arg("element")->text == "organization");
    BOOST_TEST(result.findings[0].find_arg("nearest")->text == "organisation");
}

BOOST_AUTO_TEST_CASE(two_swapped_letters_are_one_slip) {
    // <titel> is one swap from <title>; counted as two edits it was too far for a five-letter name.
    ScratchFolder folder;
    const auto result = loader().load_plan(folder.write(
        "titel.xml", minimal_plan_with("<title>Minsta möjliga plan</title>", "<titel>Minsta möjliga plan</titel>")));
    expect_single(result.findings, {"X002", 5, 5}, "X002.unknown_element");
    BOOST_TEST(result.findings[0].find_arg("element")->text == "titel");
    BOOST_TEST(result.findings[0].find_arg("nearest")->text == "title");
}

BOOST_AUTO_TEST_CASE(an_element_nothing_like_a_known_one_is_named_without_a_guess) {
    ScratchFolder folder;
    const auto result = loader().load_plan(folder.write(
        "xyzzy.xml",
        minimal_plan_with("<organisation><p>Organisation.</p></organisation>", "<xyzzy><p>O.</p></xyzzy>")));
    expect_single(result.findings, {"X002", 34, 3}, "X002.unknown_element_here");
    BOOST_TEST(result.findings[0].find_arg("element")->text == "xyzzy");
    BOOST_TEST(!result.findings[0].find_arg("nearest"));
}

BOOST_AUTO_TEST_CASE(a_missing_element_inside_project_names_what_is_expected) {
    ScratchFolder folder;
    const auto result =
        loader().load_plan(folder.write("title.xml", minimal_plan_with("<title>Minsta möjliga plan</title>", "")));
    // The project's facts come in any order (an xs:all): the missing one is
    // reported at <project>, named alone (libxml2 also lists the optional
    // ones not given, acronym, preStudy, ...).
    expect_single(result.findings, {"X002", 4, 3}, "X002.missing_child");
    BOOST_TEST(result.findings[0].find_arg("element")->text == "project");
    BOOST_TEST(result.findings[0].find_arg("expected")->text == "<title>");
}

BOOST_AUTO_TEST_CASE(values_outside_a_list_name_the_allowed_ones) {
    ScratchFolder folder;
    auto result =
        loader().load_plan(folder.write("cat.xml", minimal_plan_with("category=\"staff\"", "category=\"stuff\"")));
    expect_single(result.findings, {"X002", 41, 7}, "X002.not_allowed");
    BOOST_TEST(result.findings[0].find_arg("value")->text == "stuff");
    BOOST_TEST(result.findings[0].find_arg("name")->text == "cost/@category");
    BOOST_TEST(result.findings[0].find_arg("allowed")->text ==
               "staff, services, premises, travel, materials, indirect, participants, other");
    result = loader().load_plan(folder.write("region.xml", minimal_plan_with("<region>SE33", "<region>SE99")));
    expect_single(result.findings, {"X002", 8, 5}, "X002.not_allowed");
    BOOST_TEST(result.findings[0].find_arg("name")->text == "<region>");
}

BOOST_AUTO_TEST_CASE(a_malformed_date_says_the_form) {
    ScratchFolder folder;
    const auto result =
        loader().load_plan(folder.write("date.xml", minimal_plan_with("start=\"2010-01-01\" end=\"2010-12-31\"/>",
                                                                      "start=\"2010-1-01\" end=\"2010-12-31\"/>")));
    expect_single(result.findings, {"X002", 11, 5}, "X002.date_form");
    BOOST_TEST(result.findings[0].find_arg("value")->text == "2010-1-01");
    BOOST_TEST(result.findings[0].find_arg("name")->text == "period/@start");
}

BOOST_AUTO_TEST_CASE(bad_amounts_each_give_a_finding_with_position) {
    ScratchFolder folder;
    // The form people write elsewhere gets the amount as it should be written.
    const std::vector<std::pair<const char*, const char*>> amounts = {
        {"1,5", "1.5"}, {"1e6", nullptr},        {"+3", "3"},       {"--3", nullptr},
        {"-", nullptr}, {"12.345", nullptr},     {"1 000", "1000"}, {"", nullptr},
        {"12kr", "12"}, {"1 000,50", "1000.50"}, {"1,000", nullptr}};
    for (const auto& [amount, suggestion] : amounts) {
        const auto result = loader().load_plan(folder.write(
            "amount.xml", minimal_plan_with("amount=\"1000\">Lön", std::string("amount=\"") + amount + "\">Lön")));
        BOOST_TEST_CONTEXT("amount " << amount) {
            expect_single(result.findings, {"X002", 41, 7},
                          suggestion ? "X002.amount_form_suggest" : "X002.amount_form");
            BOOST_REQUIRE(result.findings[0].find_arg("value"));
            BOOST_TEST(result.findings[0].find_arg("value")->text == amount);
            if (suggestion) BOOST_TEST(result.findings[0].find_arg("suggestion")->text == suggestion);
            BOOST_TEST(result.findings[0].where.path == "/application/budget/costs/cost");
        }
    }
}

BOOST_AUTO_TEST_CASE(every_violation_is_reported_not_just_the_first) {
    ScratchFolder folder;
    std::string text = minimal_plan_with("amount=\"1000\">Lön", "amount=\"1,5\">Lön");
    text.replace(text.find("amount=\"1000\"/>"), 15, "amount=\"1e3\"/>");
    const auto result = loader().load_plan(folder.write("two.xml", text));
    BOOST_REQUIRE(result.findings.size() == 2u);
    BOOST_TEST(result.findings[0].where.line == 41);
    BOOST_TEST(result.findings[1].where.line == 44);
}

BOOST_AUTO_TEST_CASE(an_amount_beyond_64_bits_is_caught_after_the_schema) {
    ScratchFolder folder;
    const auto result = loader().load_plan(
        folder.write("huge.xml", minimal_plan_with("amount=\"1000\">Lön", "amount=\"99999999999999999999\">Lön")));
    expect_single(result.findings, {"X002", 41, 7}, "X002.amount");
    BOOST_TEST(!result.application);
}

BOOST_AUTO_TEST_CASE(a_findings_file_is_not_a_plan) {
    const auto result = loader().load_plan(source_path("tests/load/fixtures/rich-findings.xml"));
    expect_single(result.findings, {"X002", 2, 1}, "X002.findings_given_as_plan");
    BOOST_TEST(result.findings.size() == 1u);
    BOOST_TEST(result.findings[0].find_arg("expected")->text == "urn:esfdraft:plan:1");
}

BOOST_AUTO_TEST_CASE(another_xml_file_is_not_a_plan) {
    ScratchFolder folder;
    const auto result =
        loader().load_plan(folder.write("other.xml", "<?xml version=\"1.0\"?>\n<document xmlns=\"urn:x\"/>\n"));
    expect_single(result.findings, {"X002", 2, 1}, "X002.not_a_plan");
    BOOST_TEST(result.findings[0].find_arg("root")->text == "document");
    BOOST_TEST(result.findings[0].find_arg("namespace")->text == "urn:x");
}

BOOST_AUTO_TEST_CASE(a_plan_given_as_the_findings_file_is_not_a_findings_file) {
    const auto result = loader().load_findings(source_path("tests/load/fixtures/minimal-plan.xml"));
    expect_single(result.problems, {"X002", 3, 1}, "X002.not_findings");
    BOOST_TEST(result.problems[0].find_arg("root")->text == "application");
    BOOST_TEST(result.problems[0].find_arg("expected")->text == "urn:esfdraft:findings:1");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(unreadable)

BOOST_AUTO_TEST_CASE(missing_file_and_folder_are_load_errors) {
    ScratchFolder folder;
    BOOST_CHECK_THROW(loader().load_plan(folder.path("nothing.xml")), load::LoadError);
    BOOST_CHECK_THROW(loader().load_plan(folder.path()), load::LoadError);
}

BOOST_AUTO_TEST_CASE(files_over_the_limit_are_refused_without_reading) {
    ScratchFolder folder;
    const std::string path = folder.path("huge.xml");
    { std::ofstream out(path); }
    std::filesystem::resize_file(path, 100u * 1024u * 1024u);  // sparse: 100 MiB
    try {
        loader().load_plan(path);
        BOOST_FAIL("a 100 MiB file was accepted");
    } catch (const load::LoadError& error) {
        const std::string message = error.what();
        BOOST_TEST(message.find("100 MiB") != std::string::npos);
        BOOST_TEST(message.find("32 MiB") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(a_missing_schema_is_a_load_error_naming_it) {
    load::Loader broken("/nonexistent-folder");
    try {
        broken.load_plan(source_path("tests/load/fixtures/minimal-plan.xml"));
        BOOST_FAIL("no error");
    } catch (const load::LoadError& error) {
        BOOST_TEST(std::string(error.what()).find("/nonexistent-folder/plan-1.xsd") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(not_exact)

BOOST_AUTO_TEST_CASE(a_decimal_with_more_than_six_places_is_reported_not_rounded) {
    ScratchFolder folder;
    const auto result =
        loader().load_plan(folder.write("decimal.xml", minimal_plan_with("target=\"1\"", "target=\"1.0000001\"")));
    expect_single(result.findings, {"X002", 26, 7}, "X002.decimal");
    BOOST_TEST(result.findings[0].find_arg("value")->text == "target=\"1.0000001\"");
    BOOST_TEST(!result.application);
}

BOOST_AUTO_TEST_CASE(a_co_financing_source_must_name_its_funder) {
    ScratchFolder folder;
    const auto result = loader().load_plan(folder.write(
        "funder.xml",
        minimal_plan_with("<source kind=\"esf\" amount=\"1000\"/>",
                          "<source kind=\"esf\" amount=\"500\"/><source kind=\"public-cash\" amount=\"500\"/>")));
    expect_single(result.findings, {"X002", 44, 40}, "X002.funder");
}

BOOST_AUTO_TEST_SUITE_END()

// From default_streaming_from_bytes on, the loader validates on a second
// thread while it copies and reads the tree, and frees the tree on a third:
// the findings and the model must be exactly those of the one-thread path.
BOOST_AUTO_TEST_SUITE(large_files)

namespace {

// The minimal plan with `count` more cost lines, one per line, after the
// first; cost k (1-based, k > 1) sits on line 41 + k - 1. `line_for` may
// replace the line of one cost.
std::string large_plan(int count, int odd_one_out = 0, const std::string& odd_line = {}) {
    std::string lines;
    for (int k = 2; k <= count + 1; ++k) {
        if (k == odd_one_out) {
            lines += odd_line + "\n";
            continue;
        }
        lines += "      <cost category=\"staff\" year=\"2010\" amount=\"" + std::to_string(k) +
                 "\">Lön för en samordnare, nummer " + std::to_string(k) + "; kostnaden är räknad på helår</cost>\n";
    }
    std::string text = minimal_plan();
    const std::string first = "      <cost category=\"staff\" year=\"2010\" amount=\"1000\">Lön</cost>\n";
    const auto at = text.find(first);
    BOOST_REQUIRE(at != std::string::npos);
    text.insert(at + first.size(), lines);
    BOOST_REQUIRE_GT(text.size(), 300u * 1024u);  // above the threshold of the parallel path
    return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_large_valid_plan_reads_with_positions) {
    ScratchFolder folder;
    const std::string path = folder.write("large.xml", large_plan(3000));
    const auto result = loader().load_plan(path);
    BOOST_TEST_REQUIRE(result.findings.empty());
    BOOST_REQUIRE(result.application);
    const auto& costs = result.application->budget.costs;
    BOOST_TEST_REQUIRE(costs.size() == 3001u);
    const auto& last = costs.back();
    BOOST_TEST(last.amount == 300100);
    BOOST_TEST(last.label == "Lön för en samordnare, nummer 3001; kostnaden är räknad på helår");
    BOOST_TEST(last.where.file == path);
    BOOST_TEST(last.where.line == 41 + 3000);
    BOOST_TEST(last.where.column == 7);
    BOOST_TEST(last.where.path == "/application/budget/costs/cost[3001]");
}

BOOST_AUTO_TEST_CASE(a_violation_late_in_a_large_plan_has_its_line_column_and_path) {
    ScratchFolder folder;
    // Cost 2500: "ö" before the tag counts as one column, not two bytes.
    const auto result = loader().load_plan(folder.write(
        "late.xml",
        large_plan(3000, 2500, "  <!-- ö --><cost category=\"staff\" year=\"2010\" amount=\"12kr\">Lön</cost>")));
    // The rest of the plan is still read (the amount counts as 0).
    BOOST_TEST_REQUIRE(result.application.has_value());
    BOOST_TEST(result.application->budget.costs.size() == 3001u);  // the fixture's own line and the 3000 added
    expect_single(result.findings, {"X002", 41 + 2499, 13}, "X002.amount_form_suggest");
    BOOST_TEST(result.findings[0].where.path == "/application/budget/costs/cost[2500]");
}

BOOST_AUTO_TEST_CASE(a_reader_problem_in_a_large_plan_is_reported) {
    ScratchFolder folder;
    // Valid for the XSD, too large for 64 bits: the reader's own finding.
    const auto result = loader().load_plan(folder.write(
        "huge-amount.xml",
        large_plan(3000, 1234,
                   "      <cost category=\"staff\" year=\"2010\" amount=\"99999999999999999999\">Lön</cost>")));
    BOOST_TEST(!result.application);
    expect_single(result.findings, {"X002", 41 + 1233, 7}, "X002.amount");
}

BOOST_AUTO_TEST_CASE(a_large_plan_that_is_not_well_formed) {
    ScratchFolder folder;
    const auto result = loader().load_plan(folder.write(
        "broken.xml", large_plan(3000, 2000, "      <cost category=\"staff\" year=\"2010\" amount=\"1\">Lön</kost>")));
    BOOST_TEST(!result.application);
    BOOST_TEST_REQUIRE(result.findings.size() == 1u);
    BOOST_TEST(result.findings[0].rule == "X001");
    BOOST_TEST(result.findings[0].where.line == 41 + 1999);
}

BOOST_AUTO_TEST_CASE(one_loader_reads_many_large_files) {
    ScratchFolder folder;
    load::Loader own(source_path("schemas"), load::default_max_input_bytes, esfdraft::testing::streaming_from_bytes());
    for (int round = 0; round < 4; ++round) {
        const auto result = own.load_plan(folder.write("many.xml", large_plan(3000 + round)));
        BOOST_TEST_REQUIRE(result.findings.empty());
        BOOST_TEST(result.application->budget.costs.size() == 3001u + static_cast<unsigned>(round));
    }
}

BOOST_AUTO_TEST_SUITE_END()
