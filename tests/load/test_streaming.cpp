// Large files are checked in two SAX passes side by side (one builds the
// tree, one validates) instead of one parse into a libxml2 document. The two
// ways must give the same element tree, positions, findings and verdict:
// here every kind of markup a valid file may hold goes through both.
#include <boost/test/unit_test.hpp>

#include <limits>

#include "load/xml_input.hpp"
#include "support/temp_files.hpp"

using namespace esfdraft;
using esfdraft::testing::read_file;
using esfdraft::testing::source_path;

namespace {

constexpr std::size_t never = std::numeric_limits<std::size_t>::max();

void expect_same_tree(const load::XmlElement& a, const load::XmlElement& b) {
    BOOST_TEST_CONTEXT(a.path()) {
        BOOST_TEST(a.name == b.name);
        BOOST_TEST(a.ns() == b.ns());
        BOOST_TEST(a.line == b.line);
        BOOST_TEST(a.column == b.column);
        BOOST_TEST(a.path() == b.path());
        BOOST_TEST(a.where().file == b.where().file);
        BOOST_TEST_REQUIRE(a.attributes.size() == b.attributes.size());
        for (std::size_t i = 0; i < a.attributes.size(); ++i) {
            BOOST_TEST(a.attributes[i].first == b.attributes[i].first);
            BOOST_TEST(a.attributes[i].second == b.attributes[i].second);
        }
        BOOST_TEST_REQUIRE(a.content.size() == b.content.size());
        for (std::size_t i = 0; i < a.content.size(); ++i) {
            BOOST_TEST(a.content[i].is_text == b.content[i].is_text);
            BOOST_TEST(a.content[i].text == b.content[i].text);
            BOOST_TEST(a.content[i].child == b.content[i].child);
        }
        BOOST_TEST_REQUIRE(a.children.size() == b.children.size());
        for (std::size_t i = 0; i < a.children.size(); ++i) expect_same_tree(a.children[i], b.children[i]);
    }
}

struct Checked {
    load::Schema::Outcome outcome;
    model::Findings findings;
    load::XmlElement tree;
    int reads = 0;
};

Checked check_with(std::size_t streaming_from, const std::string& xsd, const std::string& bytes) {
    const load::Schema schema(source_path(xsd), streaming_from);
    Checked checked{};
    checked.outcome = schema.check(bytes, "input.xml", checked.findings, &checked.tree, [&](const load::XmlElement&) { ++checked.reads; });
    return checked;
}

// Checks `bytes` both ways; returns the streaming result.
Checked expect_same_both_ways(const std::string& bytes, const std::string& xsd = "schemas/plan-1.xsd") {
    const Checked one_pass = check_with(never, xsd, bytes);
    const Checked streaming = check_with(0, xsd, bytes);
    BOOST_TEST((one_pass.outcome == streaming.outcome));
    BOOST_TEST_REQUIRE(one_pass.findings.size() == streaming.findings.size());
    for (std::size_t i = 0; i < one_pass.findings.size(); ++i) {
        BOOST_TEST(one_pass.findings[i].rule == streaming.findings[i].rule);
        BOOST_TEST(one_pass.findings[i].message_id == streaming.findings[i].message_id);
        BOOST_TEST(one_pass.findings[i].where.line == streaming.findings[i].where.line);
    }
    if (one_pass.outcome != load::Schema::Outcome::not_well_formed) expect_same_tree(one_pass.tree, streaming.tree);
    BOOST_TEST(one_pass.reads == (one_pass.outcome == load::Schema::Outcome::not_well_formed ? 0 : 1));
    // A valid file must go through the streaming passes themselves, not the
    // one-pass check they fall back to.
    const load::Schema schema(source_path(xsd), 0);
    load::XmlElement tree;
    const bool streamed = schema.check_streaming(bytes, "input.xml", tree, {});
    BOOST_TEST(streamed == (one_pass.outcome == load::Schema::Outcome::valid));
    if (streamed) expect_same_tree(one_pass.tree, tree);
    return streaming;
}

std::string minimal_plan() { return read_file(source_path("tests/load/fixtures/minimal-plan.xml")); }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks " << from);
    return text.replace(at, from.size(), to);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(streaming_check)

BOOST_AUTO_TEST_CASE(the_samples_and_fixtures_give_the_same_tree_both_ways) {
    for (const char* plan : {"samples/framsyn/plan.xml", "samples/framsyn-prestudy/plan.xml", "tests/load/fixtures/minimal-plan.xml",
                             "tests/load/fixtures/rich-plan.xml"})
        BOOST_TEST_CONTEXT(plan) {
            const Checked checked = expect_same_both_ways(read_file(source_path(plan)));
            BOOST_TEST((checked.outcome == load::Schema::Outcome::valid));
        }
    for (const char* findings : {"samples/framsyn/findings.xml", "tests/load/fixtures/rich-findings.xml"})
        BOOST_TEST_CONTEXT(findings) {
            const Checked checked = expect_same_both_ways(read_file(source_path(findings)), "schemas/findings-1.xsd");
            BOOST_TEST((checked.outcome == load::Schema::Outcome::valid));
        }
}

BOOST_AUTO_TEST_CASE(entities_cdata_comments_and_instructions_read_the_same) {
    std::string plan = minimal_plan();
    plan = replaced(plan, "<title>Minsta möjliga plan</title>",
                    "<title>A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#38; &#x41;&#66; &#x1F600; <!-- not text -->F<?pi data?>G</title>");
    plan = replaced(plan, "<p>Bakgrund.</p>",
                    "<p>Före <![CDATA[<rå> & ]]> efter<!-- c --> <em>betonad &amp; <strong>stark</strong></em> slut.</p>\n"
                    "    <ul><li>ett</li><li>två &#8211; tre</li></ul>");
    plan = replaced(plan, "<owner>Exempelkommunen</owner>", "<owner orgNumber=\"212000-2478\">Exempel &amp; Co</owner>");
    // Attribute values: entities, and tabs and line breaks that become spaces.
    plan = replaced(plan, "goals=\"g1\"", "goals=\"&#32;g1\t\n\"");
    const Checked checked = expect_same_both_ways(plan);
    BOOST_TEST((checked.outcome == load::Schema::Outcome::valid));
    const load::XmlElement* title = checked.tree.child("project")->child("title");
    BOOST_TEST(title->text() == "A & B <C> \"D\" 'E' & AB \xF0\x9F\x98\x80 FG");
    const load::XmlElement* activity = checked.tree.child("activities")->child("activity");
    BOOST_TEST(activity->attribute("goals").value() == " g1  ");
}

BOOST_AUTO_TEST_CASE(windows_line_ends_prefixes_and_foreign_attributes_read_the_same) {
    std::string plan = minimal_plan();
    // A prefix instead of the default namespace, and a second namespace declared.
    std::string prefixed;
    for (std::size_t i = 0; i < plan.size(); ++i) {
        if (plan[i] == '<' && i + 1 < plan.size() && plan[i + 1] != '?' && plan[i + 1] != '!') {
            prefixed += plan[i + 1] == '/' ? "</p:" : "<p:";
            if (plan[i + 1] == '/') ++i;
            continue;
        }
        prefixed += plan[i];
    }
    prefixed = replaced(prefixed, "xmlns=\"urn:esfdraft:plan:1\"",
                        "xmlns:p=\"urn:esfdraft:plan:1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" lang=\"sv\"");
    std::string crlf;
    for (char c : prefixed) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    const Checked checked = expect_same_both_ways(crlf);
    BOOST_TEST((checked.outcome == load::Schema::Outcome::valid));
    BOOST_TEST(checked.tree.ns() == "urn:esfdraft:plan:1");
    BOOST_TEST(checked.tree.attributes.size() == 2u);  // lang and programme; declarations are not attributes
    BOOST_TEST(checked.tree.child("budget")->line == 39);
}

BOOST_AUTO_TEST_CASE(invalid_and_broken_files_get_the_one_pass_findings) {
    const std::string plan = minimal_plan();
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"amount=\"1000\">Lön", "amount=\"12kr\">Lön"},             // invalid value
             {"<background><p>Bakgrund.</p></background>", ""},          // missing element
             {"<cost category", "<cost colour=\"red\" category"},        // unknown attribute
             {"</costs>", "</kostnader>"},                               // not well-formed
             {"Lön</cost>", "L&ouml;n</cost>"},                          // undefined entity
         })
        BOOST_TEST_CONTEXT(to) {
            const Checked checked = expect_same_both_ways(replaced(plan, from, to));
            BOOST_TEST((checked.outcome != load::Schema::Outcome::valid));
            BOOST_TEST(!checked.findings.empty());
        }
}

BOOST_AUTO_TEST_SUITE_END()
