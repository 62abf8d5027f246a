// document_edit: a document as an element tree, one root child replaced,
// inserted or removed with every other byte kept, whole documents written;
// for every plan and findings file of the samples and fixtures.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <tuple>

#include "load/budget_xml.hpp"
#include "load/document_edit.hpp"
#include "load/loader.hpp"
#include "load_test_support.hpp"

using namespace esfdraft;

namespace {

std::vector<std::string> sample_documents() {
    std::vector<std::string> out;
    for (const char* folder : {"samples", "tests/load/fixtures", "tests/rules/fixtures"})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(testing::source_path(folder)))
            if (entry.path().extension() == ".xml") out.push_back(entry.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

bool is_findings(std::string_view bytes) {
    return bytes.find("urn:esfdraft:findings:1") != std::string_view::npos &&
           bytes.find("<findings") != std::string_view::npos;
}

using FindingKey = std::tuple<std::string, std::string, std::string>;

std::vector<FindingKey> keys(const model::Findings& findings) {
    std::vector<FindingKey> out;
    for (const model::Finding& finding : findings)
        out.emplace_back(finding.rule, finding.where.path, finding.message_id);
    return out;
}

// Loader findings, and whether a model came out.
std::pair<std::vector<FindingKey>, bool> loaded(std::string_view bytes, bool findings_document) {
    if (findings_document) {
        load::FindingsLoad result = testing::shared_loader().load_findings_bytes(bytes, "doc.xml");
        return {keys(result.problems), result.findings.has_value()};
    }
    load::PlanLoad result = testing::shared_loader().load_plan_bytes(bytes, "doc.xml");
    return {keys(result.findings), result.application.has_value()};
}

// The tree as the readers see it: whitespace between elements of an
// element-only element is layout (the writer re-indents it), everything
// else must be equal.
std::string digest(const model::Element& element) {
    std::string out = "<" + element.name;
    for (const auto& [name, value] : element.attributes) out += " " + name + "=[" + value + "]";
    out += ">";
    const bool layout_only = !element.children.empty() && !element.has_text() && element.name != "p" &&
                             element.name != "li" && element.name != "em" && element.name != "strong";
    for (const model::ElementContent& piece : element.content) {
        if (piece.is_text) {
            if (!layout_only) out += "[" + piece.text + "]";
        } else {
            out += digest(element.children.at(piece.child));
        }
    }
    return out + "</" + element.name + ">";
}

model::Element leaf(std::string name, std::string text = {}) {
    model::Element element(std::move(name));
    if (!text.empty()) element.append_text(std::move(text));
    return element;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(document_edit)

BOOST_AUTO_TEST_CASE(replacing_each_part_with_itself_changes_nothing_the_readers_see) {
    std::size_t documents = 0, parts = 0;
    for (const std::string& path : sample_documents()) {
        const std::string bytes = testing::read_file(path);
        const bool findings_document = is_findings(bytes);
        const auto original = loaded(bytes, findings_document);
        BOOST_TEST_REQUIRE(original.second, path);
        const model::Element tree = load::read_document_tree(bytes);
        BOOST_TEST_REQUIRE(!tree.children.empty());
        for (std::size_t i = 0; i < tree.children.size(); ++i) {
            const std::string replaced = load::replace_root_child(bytes, i, tree.children[i]);
            BOOST_TEST((loaded(replaced, findings_document) == original), path << " child " << i);
            const model::Element again = load::read_document_tree(replaced);
            BOOST_TEST(digest(again) == digest(tree), path << " child " << i << " (" << tree.children[i].name << ")");
            ++parts;
        }
        // A whole document written from the tree loads the same.
        const std::string written =
            load::write_element_document(tree, findings_document ? load::findings_namespace : load::plan_namespace);
        BOOST_TEST((loaded(written, findings_document) == original), path << " written whole");
        BOOST_TEST(digest(load::read_document_tree(written)) == digest(tree), path);
        BOOST_TEST(load::write_element_document(load::read_document_tree(written),
                                                findings_document ? load::findings_namespace : load::plan_namespace) ==
                   written);
        ++documents;
    }
    BOOST_TEST(documents >= 12u);
    BOOST_TEST(parts > 100u);
}

BOOST_AUTO_TEST_CASE(bytes_outside_the_replaced_element_stay) {
    const std::string before =
        "<?xml version=\"1.0\"?>\n<!-- <goals> in a comment -->\n<application xmlns=\"urn:esfdraft:plan:1\">\n"
        "  <project a=\"&lt;x&gt;\"><title>T</title></project>\n"
        "\t<!-- kept -->\n"
        "  <goals>\n    <goal id=\"g1\"><statement>S</statement></goal>\n  </goals>\n"
        "  <budget/>\n</application>\n";
    const model::Element tree = load::read_document_tree(before);
    BOOST_TEST_REQUIRE(tree.children.size() == 3u);
    const std::string same = load::replace_root_child(before, 1, tree.children[1]);
    BOOST_TEST(same ==
               "<?xml version=\"1.0\"?>\n<!-- <goals> in a comment -->\n<application xmlns=\"urn:esfdraft:plan:1\">\n"
               "  <project a=\"&lt;x&gt;\"><title>T</title></project>\n"
               "\t<!-- kept -->\n"
               "  <goals>\n    <goal id=\"g1\">\n      <statement>S</statement>\n    </goal>\n  </goals>\n"
               "  <budget/>\n</application>\n");
    // Written in the document's layout, the replacement gives the same bytes again.
    BOOST_TEST(load::replace_root_child(same, 1, load::read_document_tree(same).children[1]) == same);
    BOOST_CHECK_THROW(load::replace_root_child(before, 3, tree.children[1]), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(insert_and_remove_at_the_start_the_middle_and_the_end) {
    const std::string doc =
        "<application xmlns=\"urn:esfdraft:plan:1\">\n  <a/>\n  <b>x</b> <!-- b -->\n  <c/>\n</application>";
    const model::Element n = leaf("n", "ny");
    BOOST_TEST(load::insert_root_child(doc, 0, n) ==
               "<application xmlns=\"urn:esfdraft:plan:1\">\n  <n>ny</n>\n  <a/>\n  <b>x</b> <!-- b -->\n  "
               "<c/>\n</application>");
    BOOST_TEST(load::insert_root_child(doc, 2, n) ==
               "<application xmlns=\"urn:esfdraft:plan:1\">\n  <a/>\n  <b>x</b> <!-- b -->\n  <n>ny</n>\n  "
               "<c/>\n</application>");
    BOOST_TEST(load::insert_root_child(doc, std::string::npos, n) ==
               "<application xmlns=\"urn:esfdraft:plan:1\">\n  <a/>\n  <b>x</b> <!-- b -->\n  <c/>\n  "
               "<n>ny</n>\n</application>");
    BOOST_TEST(load::insert_root_child(doc, 3, n) == load::insert_root_child(doc, std::string::npos, n));
    BOOST_CHECK_THROW(load::insert_root_child(doc, 4, n), std::out_of_range);
    BOOST_TEST(load::remove_root_child(doc, 0) ==
               "<application xmlns=\"urn:esfdraft:plan:1\">\n  <b>x</b> <!-- b -->\n  <c/>\n</application>");
    // Something else on its line: only the element goes.
    BOOST_TEST(load::remove_root_child(doc, 1) ==
               "<application xmlns=\"urn:esfdraft:plan:1\">\n  <a/>\n   <!-- b -->\n  <c/>\n</application>");
    BOOST_TEST(load::remove_root_child(doc, 2) ==
               "<application xmlns=\"urn:esfdraft:plan:1\">\n  <a/>\n  <b>x</b> <!-- b -->\n</application>");
    BOOST_CHECK_THROW(load::remove_root_child(doc, 3), std::out_of_range);
    // A root without children: two spaces deeper than the root.
    BOOST_TEST(load::insert_root_child("<r/>", 0, n) == "<r>\n  <n>ny</n>\n</r>");
    BOOST_TEST(load::insert_root_child("<r a=\"1\" ></r>\n", 0, n) == "<r a=\"1\" >\n  <n>ny</n>\n</r>\n");
    BOOST_TEST(load::insert_root_child("<r>\n  <!-- c -->\n</r>", 0, n) == "<r>\n  <!-- c -->\n  <n>ny</n>\n</r>");
    // Removing every child leaves the root and its layout.
    BOOST_TEST(load::remove_root_child("<r>\n  <a/>\n</r>", 0) == "<r>\n</r>");
}

BOOST_AUTO_TEST_CASE(a_prefixed_crlf_document_keeps_its_style) {
    const std::string doc =
        "<?xml version=\"1.0\"?>\r\n<p:application xmlns:p=\"urn:esfdraft:plan:1\">\r\n"
        "    <p:project/>\r\n    <p:goals/>\r\n</p:application>\r\n";
    model::Element goals("goals");
    model::Element& goal = goals.append("goal");
    goal.set_attribute("id", "g1");
    goal.append("statement", "rad ett\nrad två");
    const std::string out = load::replace_root_child(doc, 1, goals);
    BOOST_TEST(out ==
               "<?xml version=\"1.0\"?>\r\n<p:application xmlns:p=\"urn:esfdraft:plan:1\">\r\n"
               "    <p:project/>\r\n    <p:goals>\r\n        <p:goal id=\"g1\">\r\n"
               "            <p:statement>rad ett\r\nrad två</p:statement>\r\n        </p:goal>\r\n    </p:goals>\r\n"
               "</p:application>\r\n");
    BOOST_TEST(load::read_document_tree(out).children[1].children[0].children[0].text() == "rad ett\nrad två");
    BOOST_TEST(load::insert_root_child(doc, 1, leaf("summary")) ==
               "<?xml version=\"1.0\"?>\r\n<p:application xmlns:p=\"urn:esfdraft:plan:1\">\r\n"
               "    <p:project/>\r\n    <p:summary/>\r\n    <p:goals/>\r\n</p:application>\r\n");
    BOOST_TEST(load::remove_root_child(doc, 0) ==
               "<?xml version=\"1.0\"?>\r\n<p:application xmlns:p=\"urn:esfdraft:plan:1\">\r\n"
               "    <p:goals/>\r\n</p:application>\r\n");
}

BOOST_AUTO_TEST_CASE(attribute_values_and_texts_read_back_unchanged) {
    const std::string value = "a & <b> \"c\" 'd'\te\nf\rg  h";
    model::Element part("project");
    part.set_attribute("note", value);
    part.append("title", value);
    model::Element& p = part.append("p");
    p.append_text(" före ");
    p.append("em", "mitt");
    p.append_text(" ]]> efter");
    const std::string doc = load::insert_root_child("<application/>", 0, part);
    const model::Element back = load::read_document_tree(doc).children.at(0);
    BOOST_TEST(back.attribute_or_empty("note") == value);
    BOOST_TEST(back.child("title")->text() == value);
    BOOST_TEST(back.child("p")->text() == " före mitt ]]> efter");
    const std::string whole = load::write_element_document(part, "urn:x");
    BOOST_TEST(load::read_document_tree(whole).attribute_or_empty("note") == value);
    BOOST_TEST(whole.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project xmlns=\"urn:x\" note=\""));
    BOOST_TEST(whole.ends_with("</project>\n"));
}

BOOST_AUTO_TEST_CASE(mixed_content_is_written_inline) {
    model::Element section("problem");
    model::Element& p = section.append("p");
    p.append("em", "a");
    p.append("strong", "b");  // no whitespace between them: none may appear
    section.append("ul").append("li", "x");
    BOOST_TEST(load::write_element_document(section, "") ==
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<problem>\n  <p><em>a</em><strong>b</strong></p>\n"
               "  <ul>\n    <li>x</li>\n  </ul>\n</problem>\n");
}

BOOST_AUTO_TEST_CASE(unreadable_documents_are_refused_with_their_line) {
    const auto finding_of = [](std::string_view bytes) {
        try {
            (void)load::read_document_tree(bytes);
        } catch (const load::UnreadableDocument& error) {
            return std::make_pair(error.finding().message_id, error.finding().where.line);
        }
        return std::make_pair(std::string("none"), 0);
    };
    BOOST_TEST((finding_of("<a>\n<b>\n</a>") == std::make_pair(std::string("X001.not_closed_before"), 3)));
    BOOST_TEST((finding_of("\n<!DOCTYPE a>\n<a/>") == std::make_pair(std::string("X001.doctype"), 2)));
    BOOST_TEST((finding_of("<a>\n\xff</a>") == std::make_pair(std::string("X001.invalid_utf8"), 2)));
    BOOST_TEST((finding_of("") == std::make_pair(std::string("X001.empty"), 1)));
    BOOST_CHECK_THROW(load::replace_root_child("<a><b/>", 0, leaf("b")), load::UnreadableDocument);
    BOOST_CHECK_THROW(load::remove_root_child("<!DOCTYPE a><a><b/></a>", 0), load::UnreadableDocument);
}

BOOST_AUTO_TEST_SUITE_END()
