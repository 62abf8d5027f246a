// Large files are checked in two SAX passes side by side (one builds the
// tree, one validates) instead of one parse into a libxml2 document. The two
// ways must give the same element tree, positions, findings and verdict:
// here every kind of markup a valid file may hold goes through both.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <limits>
#include <memory>
#include <random>

#include "load/tree_parser.hpp"
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
    checked.outcome = schema.check(bytes, "input.xml", checked.findings, &checked.tree,
                                   [&](const load::XmlElement&) { ++checked.reads; });
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
    for (const char* plan :
         {"samples/framsyn/plan.xml", "samples/framsyn-prestudy/plan.xml", "tests/load/fixtures/minimal-plan.xml",
          "tests/load/fixtures/rich-plan.xml", "tests/load/fixtures/additions-plan.xml", "samples/esf-plus/plan.xml"})
        BOOST_TEST_CONTEXT(plan) {
            const Checked checked = expect_same_both_ways(read_file(source_path(plan)));
            BOOST_TEST((checked.outcome == load::Schema::Outcome::valid));
        }
    for (const char* findings :
         {"samples/framsyn/findings.xml", "samples/esf-plus/findings.xml", "tests/load/fixtures/rich-findings.xml"})
        BOOST_TEST_CONTEXT(findings) {
            const Checked checked = expect_same_both_ways(read_file(source_path(findings)), "schemas/findings-1.xsd");
            BOOST_TEST((checked.outcome == load::Schema::Outcome::valid));
        }
}

BOOST_AUTO_TEST_CASE(entities_cdata_comments_and_instructions_read_the_same) {
    std::string plan = minimal_plan();
    plan = replaced(plan, "<title>Minsta möjliga plan</title>",
                    "<title>A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#38; &#x41;&#66; &#x1F600; <!-- not text "
                    "-->F<?pi data?>G</title>");
    plan =
        replaced(plan, "<p>Bakgrund.</p>",
                 "<p>Före <![CDATA[<rå> & ]]> efter<!-- c --> <em>betonad &amp; <strong>stark</strong></em> slut.</p>\n"
                 "    <ul><li>ett</li><li>två &#8211; tre</li></ul>");
    plan =
        replaced(plan, "<owner>Exempelkommunen</owner>", "<owner orgNumber=\"212000-2478\">Exempel &amp; Co</owner>");
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
    prefixed =
        replaced(prefixed, "xmlns=\"urn:esfdraft:plan:1\"",
                 "xmlns:p=\"urn:esfdraft:plan:1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" lang=\"sv\"");
    std::string crlf;
    for (char c : prefixed) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    const Checked checked = expect_same_both_ways(crlf);
    BOOST_TEST((checked.outcome == load::Schema::Outcome::valid));
    BOOST_TEST(checked.tree.ns() == "urn:esfdraft:plan:1");
    BOOST_TEST(checked.tree.attributes.size() == 2u);  // lang and programme; declarations are not attributes
    BOOST_TEST(checked.tree.child("budget")->line == 39);
}

BOOST_AUTO_TEST_CASE(comments_and_instructions_whose_end_is_easily_misread) {
    // Valid: the markup inside the comments is comment text for libxml2,
    // and must be for the tree read straight from the bytes too.
    std::string plan = replaced(minimal_plan(), "<title>Minsta möjliga plan</title>",
                                "<title>Minsta<!--> <b/> --> möjliga<!---> <i/> --><!----> plan<?x?><?x ?></title>");
    plan = replaced(plan, "    </costs>",
                    "      <!--> <cost category=\"staff\" year=\"2010\" amount=\"1\"/> -->\n    </costs>");
    plan = replaced(plan, "<!-- The least", "<!---> <x/> --><?x?>\n<!-- The least");
    const Checked checked = expect_same_both_ways(plan);
    BOOST_TEST_REQUIRE((checked.outcome == load::Schema::Outcome::valid));
    BOOST_TEST(checked.tree.child("project")->child("title")->text() == "Minsta möjliga plan");
    BOOST_TEST(checked.tree.child("budget")->child("costs")->children.size() == 1u);
    BOOST_TEST(checked.tree.child("budget")->line == 40);
    // Not XML: "--" inside a comment, a comment ending in "--->", an
    // instruction without a target. Neither way reads a tree from them.
    // A reference in a namespace name: the tree parser leaves such a file to libxml2.
    const std::string foreign = replaced(minimal_plan(), "xmlns=\"urn:esfdraft:plan:1\"",
                                         "xmlns=\"urn:esfdraft:plan:1\" xmlns:x=\"urn:a&amp;b\"");
    const Checked one_pass = check_with(never, "schemas/plan-1.xsd", foreign);
    const Checked streaming = check_with(0, "schemas/plan-1.xsd", foreign);
    BOOST_TEST((one_pass.outcome == load::Schema::Outcome::valid));
    BOOST_TEST((streaming.outcome == load::Schema::Outcome::valid));
    expect_same_tree(one_pass.tree, streaming.tree);
    load::XmlElement refused;
    BOOST_TEST(!load::parse_element_tree(foreign, refused));
    for (const char* bad : {"<!-- a -- b -->", "<!-- a --->", "<!-- -- -->", "<? x?>",
                            "<?"
                            "?>"})
        BOOST_TEST_CONTEXT(bad) {
            const std::string text = replaced(minimal_plan(), "<title>", std::string("<title>") + bad);
            const Checked broken = expect_same_both_ways(text);
            BOOST_TEST((broken.outcome == load::Schema::Outcome::not_well_formed));
            load::XmlElement tree;
            BOOST_TEST(!load::parse_element_tree(text, tree));
        }
}

BOOST_AUTO_TEST_CASE(invalid_and_broken_files_get_the_one_pass_findings) {
    const std::string plan = minimal_plan();
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"amount=\"1000\">Lön", "amount=\"12kr\">Lön"},       // invalid value
             {"<title>Minsta möjliga plan</title>", ""},           // missing element (sections may be missing)
             {"<cost category", "<cost colour=\"red\" category"},  // unknown attribute
             {"</costs>", "</kostnader>"},                         // not well-formed
             {"Lön</cost>", "L&ouml;n</cost>"},                    // undefined entity
         })
        BOOST_TEST_CONTEXT(to) {
            const Checked checked = expect_same_both_ways(replaced(plan, from, to));
            BOOST_TEST((checked.outcome != load::Schema::Outcome::valid));
            BOOST_TEST(!checked.findings.empty());
        }
}

BOOST_AUTO_TEST_SUITE_END()

// Many well-formed variants of real plans, made by rewriting their markup in
// ways XML allows (references, CDATA, comments, instructions, quotes,
// whitespace in tags, line ends): the tree read straight from the bytes must
// equal the one read from libxml2's document, whatever the schema says.
BOOST_AUTO_TEST_SUITE(tree_parser_against_libxml2)

namespace {

class Rewriter {
public:
    explicit Rewriter(unsigned seed) : random_(seed) {}

    std::string rewrite(const std::string& xml) {
        std::string out;
        std::size_t at = 0;
        // Text outside the root element stays as it is: only markup may stand there.
        std::size_t root_begin = xml.find('<');
        while (xml.compare(root_begin, 2, "<?") == 0 || xml.compare(root_begin, 2, "<!") == 0)
            root_begin = xml.find('<', root_begin + 1);
        const std::size_t root_end = xml.rfind('>') + 1;
        while (at < xml.size()) {
            if (xml.compare(at, 4, "<!--") == 0 || xml.compare(at, 2, "<?") == 0) {
                const std::size_t end = xml.find(xml[at + 1] == '!' ? "-->" : "?>", at) + (xml[at + 1] == '!' ? 3 : 2);
                out += xml.substr(at, end - at);
                at = end;
            } else if (xml[at] == '<') {
                const std::size_t end = xml.find('>', at) + 1;
                out += tag(xml.substr(at, end - at));
                at = end;
            } else {
                const std::size_t end = std::min(xml.find('<', at), xml.size());
                out += at > root_begin && end < root_end ? text(xml.substr(at, end - at)) : xml.substr(at, end - at);
                at = end;
            }
        }
        if (chance(4)) out = crlf(out);
        return out;
    }

private:
    bool chance(unsigned in) { return random_() % in == 0; }

    std::string reference(char c) {
        const auto code = static_cast<unsigned char>(c);
        switch (random_() % 3) {
            case 0: return "&#" + std::to_string(code) + ";";
            case 1: {
                char hex[8];
                std::snprintf(hex, sizeof hex, "&#x%X;", code);
                return hex;
            }
            default:
                if (c == '&') return "&amp;";
                if (c == '<') return "&lt;";
                if (c == '>') return "&gt;";
                if (c == '"') return "&quot;";
                if (c == '\'') return "&apos;";
                return "&#" + std::to_string(code) + ";";
        }
    }

    // Text between tags (already escaped where needed): some ASCII
    // characters as references, pieces in CDATA, comments and instructions
    // in between, a lone CR for a line end.
    std::string text(const std::string& raw) {
        std::string out;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            const char c = raw[i];
            if (c == '&') {  // keep an existing reference whole
                const std::size_t end = raw.find(';', i);
                out += raw.substr(i, end - i + 1);
                i = end;
                continue;
            }
            const bool ascii = static_cast<unsigned char>(c) < 0x80;
            if (ascii && c != '\n' && chance(9)) {
                out += reference(c);
            } else if (c == '\n' && chance(5)) {
                out += '\r';
            } else if (ascii && c != ']' && chance(25)) {
                out += "<![CDATA[" + std::string(1, c) + "]]>";
            } else if (ascii && chance(40)) {  // never inside a UTF-8 sequence
                out += markup_to_skip();
                out += c;
            } else {
                out += c;
            }
        }
        return out;
    }

    // Comments and processing instructions, among them those whose end is
    // easily misread: "<!-->" and "<!--->" open a comment, "<!---->" is a
    // whole one, and markup inside a comment is not markup.
    std::string markup_to_skip() {
        static const char* const pieces[] = {
            "<!-- note -->",
            "<?esfdraft ignored?>",
            "<!---->",
            "<!-->-->",
            "<!--->-->",
            "<!--> <b x='1'/> -->",
            "<!---> <cost category='staff'/> -->",
            "<!-- a - b -->",
            "<!-- a->b -->",
            "<?x?>",
            "<?x ?>",
            "<?x <y/> ?"
            "?>",
        };
        return pieces[random_() % (sizeof pieces / sizeof pieces[0])];
    }

    // A tag: attribute values with references and either quote, more
    // whitespace between the parts.
    std::string tag(const std::string& raw) {
        if (raw.compare(0, 2, "</") == 0) return chance(3) ? raw.substr(0, raw.size() - 1) + " \n>" : raw;
        std::string out;
        bool in_value = false;
        char quote = '"';
        for (std::size_t i = 0; i < raw.size(); ++i) {
            const char c = raw[i];
            if (!in_value && c == '"') {
                in_value = true;
                quote = chance(2) ? '\'' : '"';
                out += quote;
            } else if (in_value && c == '"') {
                in_value = false;
                out += quote;
            } else if (in_value && c == '&') {
                const std::size_t end = raw.find(';', i);
                out += raw.substr(i, end - i + 1);
                i = end;
            } else if (in_value && (c == quote || ((static_cast<unsigned char>(c) < 0x80) && chance(6)))) {
                out += reference(c);
            } else if (!in_value && c == ' ' && chance(3)) {
                out += chance(2) ? " \t " : "\n   ";
            } else {
                out += c;
            }
        }
        return out;
    }

    static std::string crlf(const std::string& text) {
        std::string out;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
            out += text[i];
        }
        return out;
    }

    std::mt19937 random_;
};

}  // namespace

BOOST_AUTO_TEST_CASE(rewritten_samples_read_the_same_both_ways) {
    const std::vector<std::pair<const char*, const char*>> sources = {
        {"samples/framsyn/plan.xml", "schemas/plan-1.xsd"},
        {"samples/framsyn/findings.xml", "schemas/findings-1.xsd"},
        {"tests/load/fixtures/rich-plan.xml", "schemas/plan-1.xsd"},
    };
    int compared = 0;
    for (const auto& [source, xsd] : sources) {
        const std::string original = read_file(source_path(source));
        const load::Schema schema(source_path(xsd), never);
        for (unsigned seed = 1; seed <= 60; ++seed) {
            const std::string variant = Rewriter(seed).rewrite(original);
            BOOST_TEST_CONTEXT(source << ", variant " << seed) {
                model::Findings findings;
                load::XmlElement expected;
                const auto outcome = schema.check_in_one_pass(variant, "input.xml", findings, &expected, {});
                BOOST_TEST_REQUIRE((outcome != load::Schema::Outcome::not_well_formed), "the rewriting broke the XML");
                load::XmlElement tree;
                BOOST_TEST_REQUIRE(load::parse_element_tree(variant, tree));
                load::assign_element_paths(tree, std::make_shared<const std::string>("input.xml"));
                expect_same_tree(expected, tree);
                ++compared;
            }
        }
    }
    BOOST_TEST(compared == 180);
}

BOOST_AUTO_TEST_CASE(broken_or_unexpected_input_is_refused_not_misread) {
    // The tree parser gives up on anything it does not expect; libxml2 has
    // the last word on such a file anyway.
    for (const char* text :
         {"", "<a>", "<a></b>", "<a x='1>", "<a>&unknown;</a>", "<a>&#0;</a>", "<a>&#x110000;</a>",
          "<p:a xmlns:q='u'/>", "<!DOCTYPE a><a/>", "<a/><b/>", "text<a/>", "<a b='<'/>", "<a><![CDATA[x</a>",
          "<a><!-- never closed</a>", "<a x='1'y='2'/>", "<a>&#xZZ;</a>", "<a>&amp</a>",
          // libxml2 keeps the reference in a namespace name as it is
          "<a xmlns='urn:a&amp;b'/>", "<p:a xmlns:p='urn:a&#38;b'/>"})
        BOOST_TEST_CONTEXT(text) {
            load::XmlElement tree;
            BOOST_TEST(!load::parse_element_tree(text, tree));
        }
    // Nesting far deeper than libxml2 accepts, which the tree's users could
    // not walk without running out of stack.
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<a>";
    for (int i = 0; i < 100000; ++i) deep += "</a>";
    load::XmlElement tree;
    BOOST_TEST(!load::parse_element_tree(deep, tree));
    // A megabyte of '&' with no ';', in text and in an attribute.
    BOOST_TEST(!load::parse_element_tree("<a>" + std::string(1 << 20, '&') + "</a>", tree));
    BOOST_TEST(!load::parse_element_tree("<a b='" + std::string(1 << 20, '&') + "'/>", tree));
    std::string shallow;
    for (int i = 0; i < 200; ++i) shallow += "<a>";
    for (int i = 0; i < 200; ++i) shallow += "</a>";
    BOOST_TEST(load::parse_element_tree(shallow, tree));
}

BOOST_AUTO_TEST_SUITE_END()
