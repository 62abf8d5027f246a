// The mistakes people make when they edit a plan's XML by hand: each is an
// X001 (or X002) finding of its own, never libxml2's raw English inside the
// generic frame, at the place of the mistake (line and column in characters),
// with the names the message needs; the one-pass and the streaming check give
// the very same finding.
#include <boost/test/unit_test.hpp>

#include <limits>
#include <sstream>

#include "load/loader.hpp"
#include "load_test_support.hpp"
#include "support/temp_files.hpp"

using namespace esfdraft;
using esfdraft::testing::source_path;

namespace {

std::string minimal_plan() { return esfdraft::testing::read_file(source_path("tests/load/fixtures/minimal-plan.xml")); }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks " << from);
    text.replace(at, from.size(), to);
    return text;
}

// 1-based line and column, in characters, of the first `marker` in `text`
// (after `after`, when given).
std::pair<int, int> place_of(const std::string& text, const std::string& marker, const std::string& after = "") {
    const std::size_t past = after.empty() ? 0 : text.find(after);
    BOOST_REQUIRE(past != std::string::npos);
    const std::size_t from = past + after.size();
    const std::size_t at = text.find(marker, from);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "no " << marker);
    int line = 1, column = 1;
    for (std::size_t i = 0; i < at; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0u) != 0x80u) {
            ++column;
        }
    }
    return {line, column};
}

std::string dump(const model::Findings& findings) {
    std::ostringstream out;
    for (const model::Finding& finding : findings) {
        out << finding.rule << ' ' << finding.message_id << ' ' << finding.where.line << ':' << finding.where.column
            << ' ' << finding.where.path;
        for (const auto& [name, value] : finding.args) out << ' ' << name << '=' << value.text;
        out << '\n';
    }
    return out.str();
}

struct Case {
    const char* what;
    std::string plan;
    const char* message_id;
    std::pair<int, int> place;
    std::vector<std::pair<const char*, std::string>> args;
};

std::vector<Case> cases() {
    const std::string plan = minimal_plan();
    std::vector<Case> out;
    const auto add = [&](const char* what, const std::string& text, const char* id, std::pair<int, int> place,
                         std::vector<std::pair<const char*, std::string>> args = {}) {
        out.push_back(Case{what, text, id, place, std::move(args)});
    };
    {
        // A long line with Swedish letters: libxml2's own column drifts there.
        std::string words;
        for (int i = 0; i < 12; ++i) words += "Syfte för länets kommuner och regionala aktörer. ";
        const std::string text =
            replaced(plan, "<purpose><p>Syfte.</p></purpose>", "<purpose><p>" + words + "</p></purposee>");
        add("misspelt end tag on a long line", text, "X001.end_tag_mismatch", place_of(text, "</purposee>"),
            {{"end", "purposee"},
             {"start", "purpose"},
             {"start_line", std::to_string(place_of(text, "<purpose>").first)}});
    }
    {
        const std::string text = replaced(plan, "<statement>Mål.</statement>", "<statement>Mål.");
        add("an end tag left out", text, "X001.not_closed_before", place_of(text, "</goal>"),
            {{"end", "goal"},
             {"start", "statement"},
             {"start_line", std::to_string(place_of(text, "<statement>").first)}});
    }
    {
        const std::string text = plan.substr(0, plan.find("</targetGroups>"));
        add("the file ends inside an element", text, "X001.not_closed_at_end", place_of(text + "\x01", "\x01"),
            {{"element", "targetGroups"}, {"start_line", std::to_string(place_of(text, "<targetGroups>").first)}});
    }
    {
        const std::string text = plan.substr(0, plan.find("<goal ") + 14);
        add("the file ends inside a start tag", text, "X001.start_tag_not_closed", place_of(text, "<goal "),
            {{"element", "goal"}});
    }
    {
        const std::string text = replaced(plan, "Bakgrund.", "Vård & omsorg.");
        add("a bare ampersand", text, "X001.bare_ampersand", place_of(text, "& omsorg"));
    }
    {
        const std::string text = replaced(plan, "Bakgrund.", "Vård &amp omsorg.");
        add("an entity without its semicolon", text, "X001.entity_semicolon", place_of(text, "&amp omsorg"),
            {{"entity", "amp"}});
    }
    {
        const std::string text = replaced(plan, "Bakgrund.", "Vård&nbsp;och omsorg.");
        add("an HTML entity", text, "X001.unknown_entity", place_of(text, "&nbsp;"), {{"entity", "nbsp"}});
    }
    {
        const std::string text = replaced(plan, "Bakgrund.", "Färre än 1 < 2.");
        add("a less-than sign in text", text, "X001.less_than_in_text", place_of(text, "< 2"));
    }
    {
        const std::string text = replaced(plan, "kind=\"project\"", "kind=project");
        add("a value without quotes", text, "X001.unquoted_value", place_of(text, "kind=project"),
            {{"attribute", "kind"}, {"value", "project"}});
    }
    {
        const std::string text = replaced(plan, "kind=\"project\"", "kind=\"project\" kind=\"effect\"");
        add("an attribute given twice", text, "X001.duplicate_attribute", place_of(text, "kind=\"effect\""),
            {{"attribute", "kind"}, {"element", "goal"}});
    }
    {
        const std::string text = replaced(plan, "Bakgrund.", "Bakgrund\x01.");
        add("a control character", text, "X001.invalid_character", place_of(text, "\x01"), {{"character", "U+0001"}});
    }
    {
        const std::string text = plan + "Mer text.\n";
        add("text after the root element", text, "X001.text_after_root", place_of(text, "Mer text."));
    }
    {
        const std::string text = plan + "<application/>\n";
        add("a second root element", text, "X001.second_root", place_of(text, "<application/>"),
            {{"element", "application"}});
    }
    {
        const std::string text = plan + "</application>\n";
        add("one end tag too many", text, "X001.stray_end_tag", place_of(text, "</application>", "</application>\n"),
            {{"element", "application"}});
    }
    {
        const std::string text = "\n" + plan;
        add("a line before the XML declaration", text, "X001.declaration_not_first", place_of(text, "<?xml"));
    }
    {
        const std::string text = replaced(plan, "</application>", "<!-- att göra\n</application>");
        add("a comment never closed", text, "X001.comment_not_closed", place_of(text, "<!-- att"));
    }
    return out;
}

struct Loaders {
    load::Loader one_pass{source_path("schemas"), load::default_max_input_bytes,
                          std::numeric_limits<std::size_t>::max()};
    load::Loader streaming{source_path("schemas"), load::default_max_input_bytes, 0};
};

Loaders& loaders() {
    static Loaders instance;
    return instance;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hand_edit_errors)

BOOST_AUTO_TEST_CASE(each_common_mistake_has_its_own_message_at_its_place) {
    for (const Case& mistake : cases()) BOOST_TEST_CONTEXT(mistake.what) {
            const load::PlanLoad loaded = loaders().one_pass.load_plan_bytes(mistake.plan, "plan.xml");
            BOOST_TEST(!loaded.application);
            BOOST_REQUIRE_MESSAGE(loaded.findings.size() == 1u, dump(loaded.findings));
            const model::Finding& finding = loaded.findings.front();
            BOOST_TEST(finding.rule == "X001");
            BOOST_TEST((finding.severity == model::Severity::error));
            BOOST_TEST(finding.message_id == mistake.message_id);
            BOOST_TEST(finding.where.file == "plan.xml");
            BOOST_TEST(finding.where.line == mistake.place.first);
            BOOST_TEST(finding.where.column == mistake.place.second);
            BOOST_TEST(!finding.find_arg("detail"), "no libxml2 text: " << dump(loaded.findings));
            for (const auto& [name, value] : mistake.args) {
                BOOST_REQUIRE_MESSAGE(finding.find_arg(name), "no argument " << name);
                BOOST_TEST(finding.find_arg(name)->text == value, name);
            }
        }
}

BOOST_AUTO_TEST_CASE(the_streaming_check_gives_the_same_findings) {
    for (const Case& mistake : cases()) BOOST_TEST_CONTEXT(mistake.what) {
            const load::PlanLoad one_pass = loaders().one_pass.load_plan_bytes(mistake.plan, "plan.xml");
            const load::PlanLoad streaming = loaders().streaming.load_plan_bytes(mistake.plan, "plan.xml");
            BOOST_TEST(dump(one_pass.findings) == dump(streaming.findings));
        }
}

BOOST_AUTO_TEST_CASE(an_unknown_element_where_blocks_stand_names_them) {
    const std::string text = replaced(minimal_plan(), "<p>Bakgrund.</p>", "<table>Bakgrund.</table>");
    const load::PlanLoad loaded = loaders().one_pass.load_plan_bytes(text, "plan.xml");
    BOOST_REQUIRE_MESSAGE(!loaded.findings.empty(), "expected a finding");
    const model::Finding& finding = loaded.findings.front();
    BOOST_TEST(finding.message_id == "X002.unknown_element_expected");
    BOOST_TEST(finding.where.line == place_of(text, "<table>").first);
    BOOST_TEST(finding.find_arg("element")->text == "table");
    BOOST_TEST(finding.find_arg("expected")->text == "<p>, <ul>, <ol>");
    BOOST_TEST(dump(loaded.findings) == dump(loaders().streaming.load_plan_bytes(text, "plan.xml").findings));
}

BOOST_AUTO_TEST_CASE(common_schema_mistakes_have_their_own_messages) {
    struct Schema {
        const char* what;
        std::string from, to;
        const char* message_id;
        std::vector<std::pair<const char*, std::string>> args;
    };
    const std::vector<Schema> mistakes = {
        {"a required attribute left out",
         "<goal id=\"g1\" kind=\"project\">",
         "<goal id=\"g1\">",
         "X002.missing_attribute",
         {{"element", "goal"}, {"attribute", "kind"}}},
        {"an attribute the element does not have",
         "<goal id=\"g1\"",
         "<goal colour=\"red\" id=\"g1\"",
         "X002.attribute_not_allowed",
         {{"element", "goal"}, {"attribute", "colour"}}},
        {"text straight in a section",
         "<summary><p>Kort.</p></summary>",
         "<summary>Kort.</summary>",
         "X002.text_not_allowed",
         {{"element", "summary"}}},
        {"a word for a number",
         "target=\"1\"",
         "target=\"ett\"",
         "X002.not_a_number",
         {{"value", "ett"}, {"name", "indicator/@target"}}},
    };
    for (const Schema& mistake : mistakes) BOOST_TEST_CONTEXT(mistake.what) {
            const std::string text = replaced(minimal_plan(), mistake.from, mistake.to);
            const load::PlanLoad loaded = loaders().one_pass.load_plan_bytes(text, "plan.xml");
            BOOST_REQUIRE_MESSAGE(loaded.findings.size() == 1u, dump(loaded.findings));
            BOOST_TEST(loaded.findings.front().message_id == mistake.message_id);
            for (const auto& [name, value] : mistake.args) {
                BOOST_REQUIRE_MESSAGE(loaded.findings.front().find_arg(name), "no argument " << name);
                BOOST_TEST(loaded.findings.front().find_arg(name)->text == value, name);
            }
        }
}

BOOST_AUTO_TEST_SUITE_END()
