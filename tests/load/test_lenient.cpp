// Issue 10: the plan format is lenient about what the rules judge better.
// After <project> the sections come in any order and none is required by the
// schema (S001/A001 decide that); a section given twice is read from its
// first place and recorded for X005; a negative amount is read (B001 judges
// it). Everything that was valid before stays valid and reads the same.
#include <boost/test/unit_test.hpp>

#include "load/loader.hpp"
#include "load_test_support.hpp"
#include "support/temp_files.hpp"

using namespace esfdraft;
using esfdraft::testing::ScratchFolder;
using esfdraft::testing::source_path;

namespace {

load::Loader& loader() { return esfdraft::testing::shared_loader(); }

std::string minimal_plan() { return esfdraft::testing::read_file(source_path("tests/load/fixtures/minimal-plan.xml")); }

std::string without(std::string text, const std::string& part) {
    const auto at = text.find(part);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks " << part);
    text.erase(at, part.size());
    return text;
}

std::string inserted_before(std::string text, const std::string& before, const std::string& part) {
    const auto at = text.find(before);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks " << before);
    text.insert(at, part);
    return text;
}

std::string messages(const model::Findings& findings) {
    std::string out;
    for (const auto& finding : findings)
        out += finding.rule + " " + finding.message_id + " line " + std::to_string(finding.where.line) + "; ";
    return out;
}

const std::string background = "  <background><p>Bakgrund.</p></background>\n";
const std::string budget =
    "  <budget>\n    <costs>\n      <cost category=\"staff\" year=\"2010\" amount=\"1000\">Lön</cost>\n    </costs>\n"
    "    <financing>\n      <source kind=\"esf\" amount=\"1000\"/>\n    </financing>\n  </budget>\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(lenient_plan)

BOOST_AUTO_TEST_CASE(sections_in_any_order_read_as_in_the_usual_order) {
    ScratchFolder folder;
    // background after purpose, budget before the summary.
    std::string text = inserted_before(without(minimal_plan(), background), "  <organisation>", background);
    text = inserted_before(without(text, budget), "  <summary>", budget);
    const auto result = loader().load_plan(folder.write("order.xml", text));
    BOOST_TEST_INFO(messages(result.findings));
    BOOST_REQUIRE(result.application);
    BOOST_TEST(result.findings.empty());
    const model::Application& application = *result.application;
    BOOST_REQUIRE(application.background);
    BOOST_TEST(application.background->plain_text() == "Bakgrund.");
    BOOST_REQUIRE(application.budget.costs.size() == 1u);
    BOOST_TEST(application.budget.costs[0].amount == 100000);
    BOOST_TEST(application.budget.where.line == 16);
    BOOST_TEST(application.summaries.size() == 1u);
    BOOST_TEST(application.repeated_sections.empty());
}

BOOST_AUTO_TEST_CASE(no_section_is_required_by_the_schema) {
    ScratchFolder folder;
    std::string text = without(minimal_plan(), "  <genderEquality><p>Jämställdhet.</p></genderEquality>\n");
    text = without(text, budget);
    text = without(text, "  <summary><p>Kort.</p></summary>\n");
    const auto result = loader().load_plan(folder.write("missing.xml", text));
    BOOST_TEST_INFO(messages(result.findings));
    BOOST_REQUIRE(result.application);
    BOOST_TEST(result.findings.empty());
    BOOST_TEST(!result.application->gender_equality);
    BOOST_TEST(result.application->summaries.empty());
    BOOST_TEST(result.application->budget.where.line == 0);
    BOOST_TEST(result.application->budget.costs.empty());
}

BOOST_AUTO_TEST_CASE(project_must_still_come_first) {
    // The schema says so (X002); the plan is still read, so the rest is checked.
    ScratchFolder folder;
    const std::string summary = "  <summary><p>Kort.</p></summary>\n";
    const auto result = loader().load_plan(
        folder.write("first.xml", inserted_before(without(minimal_plan(), summary), "  <project>", summary)));
    BOOST_REQUIRE(!result.findings.empty());
    BOOST_TEST(result.findings[0].rule == "X002");
    BOOST_REQUIRE(result.application.has_value());
    BOOST_TEST(result.application->summaries.size() == 1u);
}

BOOST_AUTO_TEST_CASE(only_the_wrong_document_or_a_plan_without_project_stops_the_reading) {
    // A bad value or a misplaced element is reported and the rest is read;
    // a plan without <project>, or a findings file given as the plan, is not read at all.
    ScratchFolder folder;
    const std::size_t from = minimal_plan().find("  <project>");
    const std::size_t to = minimal_plan().find("</project>") + 11;
    BOOST_REQUIRE(from != std::string::npos);
    const auto headless =
        loader().load_plan(folder.write("headless.xml", minimal_plan().substr(0, from) + minimal_plan().substr(to)));
    BOOST_TEST(!headless.findings.empty());
    BOOST_TEST(!headless.application);
    std::string other = minimal_plan();
    other.replace(other.find("urn:esfdraft:plan:1"), 19, "urn:example:other");
    const auto wrong = loader().load_plan(folder.write("wrong.xml", other));
    BOOST_TEST(!wrong.findings.empty());
    BOOST_TEST(!wrong.application);
}

BOOST_AUTO_TEST_CASE(a_section_given_twice_is_read_from_its_first_place_and_recorded) {
    ScratchFolder folder;
    const std::string again = "  <background><p>Andra gången.</p></background>\n";
    const auto result =
        loader().load_plan(folder.write("twice.xml", inserted_before(minimal_plan(), "  <budget>", again)));
    BOOST_TEST_INFO(messages(result.findings));
    BOOST_REQUIRE(result.application);
    BOOST_TEST(result.findings.empty());  // X005 is the rules' finding, not the reader's
    const model::Application& application = *result.application;
    BOOST_TEST(application.background->plain_text() == "Bakgrund.");
    BOOST_REQUIRE(application.repeated_sections.size() == 1u);
    const model::RepeatedSection& repeated = application.repeated_sections[0];
    BOOST_TEST(repeated.section == "background");
    BOOST_TEST(!repeated.lang);
    BOOST_TEST(repeated.first.line == 17);
    BOOST_TEST(repeated.again.line == 39);
    BOOST_TEST(repeated.again.column == 3);
    BOOST_TEST(repeated.again.path == "/application/background[2]");
}

BOOST_AUTO_TEST_CASE(summaries_are_told_apart_by_language_none_meaning_sv) {
    ScratchFolder folder;
    // sv (no lang) and en: fine. A second en and an explicit sv: both repeated.
    const std::string more =
        "  <summary lang=\"en\"><p>Short.</p></summary>\n"
        "  <summary lang=\"en\"><p>Again.</p></summary>\n"
        "  <summary lang=\"sv\"><p>Igen.</p></summary>\n";
    const auto result =
        loader().load_plan(folder.write("summaries.xml", inserted_before(minimal_plan(), "  <background>", more)));
    BOOST_REQUIRE(result.application);
    const model::Application& application = *result.application;
    BOOST_REQUIRE(application.summaries.size() == 2u);
    BOOST_TEST(application.summaries[1].text.plain_text() == "Short.");
    BOOST_REQUIRE(application.repeated_sections.size() == 2u);
    BOOST_TEST(application.repeated_sections[0].section == "summary");
    BOOST_TEST(application.repeated_sections[0].lang.value_or("-") == "en");
    BOOST_TEST(application.repeated_sections[0].first.line == 17);
    BOOST_TEST(application.repeated_sections[0].again.line == 18);
    BOOST_TEST(application.repeated_sections[1].lang.value_or("-") == "sv");
    BOOST_TEST(application.repeated_sections[1].first.line == 16);
    BOOST_TEST(application.repeated_sections[1].again.line == 19);
}

BOOST_AUTO_TEST_CASE(a_negative_amount_is_read_as_negative) {
    ScratchFolder folder;
    std::string text = minimal_plan();
    text.replace(text.find("amount=\"1000\">Lön"), 17, "amount=\"-5000.50\">Lön");
    text = inserted_before(text, "  </budget>", "    <income amount=\" -20 \">Avgifter</income>\n");
    const auto result = loader().load_plan(folder.write("negative.xml", text));
    BOOST_TEST_INFO(messages(result.findings));
    BOOST_REQUIRE(result.application);
    BOOST_TEST(result.application->budget.costs[0].amount == -500050);
    BOOST_REQUIRE(result.application->budget.income.size() == 1u);
    BOOST_TEST(result.application->budget.income[0].amount == -2000);
}

BOOST_AUTO_TEST_SUITE_END()
