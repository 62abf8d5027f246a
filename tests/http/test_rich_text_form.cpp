// The editor's light markup for rich text (http/rich_text_form.hpp): hand-
// written markup into the format's blocks and back, and every rich-text
// element of the samples and fixtures through markup and back unchanged.
#define BOOST_TEST_MODULE http_rich_text
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/rich_text_form.hpp"
#include "pipeline/plan_editing.hpp"

namespace model = esfdraft::model;
using esfdraft::http::fill_rich_text;
using esfdraft::http::markup_from;

namespace {

model::Element filled(std::string_view markup) {
    model::Element section("problem");
    fill_rich_text(section, markup);
    return section;
}

std::string normalised(std::string_view markup) { return markup_from(filled(markup)); }

// The blocks as a compact string: p[a<em>b</em>] ul[li[..]].
std::string shape(const model::Element& element) {
    std::string out;
    for (const model::ElementContent& piece : element.content) {
        if (piece.is_text) {
            out += piece.text;
            continue;
        }
        const model::Element& child = element.children.at(piece.child);
        out += "<" + child.name + ">" + shape(child) + "</" + child.name + ">";
    }
    return out;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

bool is_rich_text(const model::Element& element) {
    if (element.children.empty() || element.has_text()) return false;
    for (const model::Element& child : element.children)
        if (child.name != "p" && child.name != "ul" && child.name != "ol") return false;
    return true;
}

void rich_text_elements(const model::Element& element, std::vector<const model::Element*>& out) {
    if (is_rich_text(element)) out.push_back(&element);
    for (const model::Element& child : element.children) rich_text_elements(child, out);
}

}  // namespace

BOOST_AUTO_TEST_CASE(paragraphs_lists_and_emphasis) {
    BOOST_TEST(shape(filled("Första raden\nfortsätter här.\n\nAndra stycket.")) ==
               "<p>Första raden fortsätter här.</p><p>Andra stycket.</p>");
    BOOST_TEST(shape(filled("Inledning:\n- ett\n* två\n\n1. först\n12. sedan")) ==
               "<p>Inledning:</p><ul><li>ett</li><li>två</li></ul><ol><li>först</li><li>sedan</li></ol>");
    BOOST_TEST(shape(filled("Det är *viktigt* och **mycket** viktigt.")) ==
               "<p>Det är <em>viktigt</em> och <strong>mycket</strong> viktigt.</p>");
    BOOST_TEST(shape(filled("**stark *och betonad* stark**")) ==
               "<p><strong>stark <em>och betonad</em> stark</strong></p>");
    BOOST_TEST(shape(filled("***båda***")) == "<p><strong><em>båda</em></strong></p>");
    // A bulleted item then a numbered one: two lists; an indented line continues its item.
    BOOST_TEST(shape(filled("- a\n  fortsatt\n1. b")) == "<ul><li>a fortsatt</li></ul><ol><li>b</li></ol>");
}

BOOST_AUTO_TEST_CASE(literal_asterisks_backslashes_and_unclosed_markers) {
    BOOST_TEST(shape(filled("2 \\* 3 = 6")) == "<p>2 * 3 = 6</p>");
    BOOST_TEST(shape(filled("C:\\mapp och \\\\*")) == "<p>C:\\mapp och \\*</p>");
    BOOST_TEST(shape(filled("en *ensam stjärna")) == "<p>en *ensam stjärna</p>");
    BOOST_TEST(shape(filled("\\- 5 grader\n\n\\2024. Året")) == "<p>- 5 grader</p><p>2024. Året</p>");
    // And back: what would read as markup is escaped.
    model::Element section("problem");
    section.append("p", "- 5 grader * 2");
    section.append("p", "2024. Året");
    section.append("p", "\\-x och \\");
    BOOST_TEST(markup_from(section) == "\\- 5 grader \\* 2\n\n\\2024. Året\n\n\\\\-x och \\");
    BOOST_TEST(shape(filled(markup_from(section))) == shape(section));
}

BOOST_AUTO_TEST_CASE(crlf_blank_lines_and_whitespace_are_normalised) {
    BOOST_TEST(normalised("Ett\r\nstycke\r\n\r\n\r\n- a\r\n-   b  \r\n") == "Ett stycke\n\n- a\n- b");
    BOOST_TEST(normalised("  a   b\t\n \n*x*  y  ") == "a b\n\n*x* y");
    BOOST_TEST(normalised("7. sju\n9. nio") == "1. sju\n2. nio");
    BOOST_TEST(normalised("").empty());
    BOOST_TEST(filled("  \r\n\n").children.empty());
    BOOST_TEST(normalised("-\n- b") == "-\n- b");  // an empty item stays
}

BOOST_AUTO_TEST_CASE(typical_markup_comes_back_as_written) {
    for (const char* markup :
         {"Länets kommuner söker **få** socialfondsprojekt.\n\n- små kommuner saknar projektkompetens;\n"
          "- samverkan mellan kommunerna är *ad hoc*.",
          "1. först\n2. sedan **och *sist***", "Ett *betonat* ord\n\nOch ett \\* tecken"})
        BOOST_TEST(normalised(markup) == markup);
}

BOOST_AUTO_TEST_CASE(whitespace_collapses_as_the_reader_does) {
    model::Element section("background");
    model::Element& p = section.append("p");
    p.append_text("\n    Två  rader\n    ");
    p.append("em", " betonat ");
    p.append_text("  slut\n  ");
    BOOST_TEST(markup_from(section) == "Två rader *betonat *slut");
}

BOOST_AUTO_TEST_CASE(every_rich_text_element_of_the_samples_round_trips) {
    const std::filesystem::path root(ESFDRAFT_SOURCE_DIR);
    std::size_t checked = 0;
    for (const char* folder : {"samples", "tests/load/fixtures", "tests/rules/fixtures"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root / folder)) {
            if (entry.path().extension() != ".xml") continue;
            const model::Element tree = esfdraft::pipeline::read_document(read_file(entry.path()));
            std::vector<const model::Element*> elements;
            rich_text_elements(tree, elements);
            for (const model::Element* element : elements) {
                const std::string once = markup_from(*element);
                model::Element again(element->name);
                fill_rich_text(again, once);
                BOOST_TEST(markup_from(again) == once, entry.path().string()
                                                           << " " << element->name << " line " << element->line);
                ++checked;
            }
        }
    }
    BOOST_TEST(checked > 50u);
}
