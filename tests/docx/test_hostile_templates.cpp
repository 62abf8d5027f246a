// Templates come from users: every broken or hostile package gives a clear
// error that names the template, and nothing crashes or balloons.
#include <boost/test/unit_test.hpp>

#include "docx/engine/tag_syntax.hpp"
#include "docx/engine/template_engine.hpp"
#include "docx/engine/xml_node.hpp"
#include "docx/engine/zip_package.hpp"
#include "docx_test_support.hpp"

using namespace esfdraft::docx;
using namespace esfdraft::docx::testing;

namespace {

// The error DocumentTemplate::load gives for these bytes ("" when none).
std::string load_error(const std::string& bytes, const std::string& name = "evil.docx") {
    try {
        DocumentTemplate::load(bytes, name);
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return "";
}

const std::string content_types =
    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

// A main document whose body holds `levels` nested elements.
std::string nested_document(std::size_t levels) {
    std::string xml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\n";
    for (std::size_t i = 0; i < levels; ++i) xml += "<w:sdt>";
    for (std::size_t i = 0; i < levels; ++i) xml += "</w:sdt>";
    return xml + "<w:p/></w:body></w:document>";
}

const std::string minimal_document =
    "<w:document "
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>";

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_templates)

BOOST_AUTO_TEST_CASE(an_entry_name_with_path_traversal_is_refused) {
    const std::string zip = make_raw_zip(
        {{"[Content_Types].xml", content_types}, {"word/document.xml", minimal_document}, {"../evil", "x"}});
    BOOST_TEST(load_error(zip) ==
               "template 'evil.docx': refused path traversal (\"..\") in an entry name: \"../evil\"");
    BOOST_TEST(load_error(make_raw_zip({{"/etc/passwd", "x"}})) ==
               "template 'evil.docx': refused an absolute entry name: \"/etc/passwd\"");
    BOOST_TEST(load_error(make_raw_zip({{"word\\..\\x", "x"}})) ==
               "template 'evil.docx': refused a backslash in an entry name: \"word\\..\\x\"");
    BOOST_TEST(load_error(make_raw_zip({{"a.xml", "x"}, {"A.XML", "y"}})) ==
               "template 'evil.docx': the entry \"A.XML\" appears twice");
}

BOOST_AUTO_TEST_CASE(a_package_built_in_memory_refuses_the_names_the_reader_refuses) {
    // fuzz_template: a part named "/w:tcPr>" put into a package in memory (as
    // a template folder is read) loaded and rendered into a draft that
    // read_package, and Word, refuse to open.
    const auto refused = [](const std::string& name) {
        Package package;
        package.put("word/document.xml", minimal_document);
        try {
            package.put(name, "x");
        } catch (const std::runtime_error& error) {
            return std::string(error.what());
        }
        return std::string("accepted");
    };
    BOOST_TEST(refused("/w:tcPr>") == "refused an absolute entry name: \"/w:tcPr>\"");
    BOOST_TEST(refused("word\\x.xml") == "refused a backslash in an entry name: \"word\\x.xml\"");
    BOOST_TEST(refused("word/../x") == "refused path traversal (\"..\") in an entry name: \"word/../x\"");
    BOOST_TEST(refused("a\nb") == "refused a control character in an entry name: \"a\\x0ab\"");
    BOOST_TEST(refused("") == "refused an empty entry name: \"\"");
    BOOST_TEST(refused("Word/Document.XML") ==
               "the entry \"Word/Document.XML\" appears twice (as \"word/document.xml\")");
    // The same name again replaces the bytes, as before.
    Package package;
    package.put("word/document.xml", "a");
    package.put("word/document.xml", "b");
    BOOST_TEST(package.entries().size() == 1u);
    BOOST_TEST(*package.find("word/document.xml") == "b");
}

BOOST_AUTO_TEST_CASE(a_refused_entry_name_is_quoted_with_its_control_characters_escaped) {
    // The CLI prints an error's line feeds as they are (messages may list
    // problems one per line), so a raw one in a name forged a line of output,
    // and an ESC drove the terminal.
    BOOST_TEST(load_error(make_raw_zip({{"a\nesfdraft: wrote /etc/x", "x"}})) ==
               "template 'evil.docx': refused a control character in an entry name: \"a\\x0aesfdraft: wrote /etc/x\"");
    BOOST_TEST(
        load_error(make_raw_zip({{"tab\tcr\rdel\x7f\x1b[2J", "x"}})) ==
        "template 'evil.docx': refused a control character in an entry name: \"tab\\x09cr\\x0ddel\\x7f\\x1b[2J\"");
    // Names without C0 controls reach other messages: C1 controls (CSI is
    // U+009B) and bytes that are not UTF-8 are escaped there too.
    BOOST_TEST(load_error(make_raw_zip({{"a\xC2\x9B"
                                         "31m.xml",
                                         "x"},
                                        {"A\xC2\x9B"
                                         "31M.XML",
                                         "y"}})) ==
               "template 'evil.docx': the entry \"A\\xc2\\x9b31M.XML\" appears twice");
    RawEntry liar{"bad\xff.bin", deflate_raw(std::string(100, 'x')), true, 10, 0};
    BOOST_TEST(load_error(make_raw_zip({liar})) ==
               "template 'evil.docx': bad\\xff.bin: the data inflates beyond its declared size of 10 bytes");
}

BOOST_AUTO_TEST_CASE(a_tag_quoted_in_a_problem_has_its_control_characters_escaped) {
    // A template's text may hold a line feed (&#10;) or an ESC inside a tag;
    // the problem that quotes the tag is printed a line at a time.
    std::string problem;
    BOOST_TEST(!parse_tag("{{bad\x1b[2Jname}}", problem));
    BOOST_TEST(problem == "\"bad\\x1b[2Jname\" is not a name (letters, digits, _ and -, joined by dots)");
    BOOST_TEST(!parse_tag("{{name | up\nper}}", problem));
    BOOST_TEST(problem == "\"up\\x0aper\" is not a filter");
}

BOOST_AUTO_TEST_CASE(a_zip_bomb_claiming_two_gigabytes_is_refused_before_inflating) {
    const std::string small = deflate_raw(std::string(1000, 'a'));
    RawEntry bomb{"word/document.xml", small, true, 2000000000u, 0};
    const std::string error = load_error(make_raw_zip({{"[Content_Types].xml", content_types}, bomb}));
    BOOST_TEST(error ==
               "template 'evil.docx': word/document.xml: declares 2000000000 bytes uncompressed, more than the limit "
               "of 134217728");
}

BOOST_AUTO_TEST_CASE(a_zip_bomb_under_the_size_limit_is_caught_by_its_compression_ratio) {
    const std::string zeros(32u << 20, '\0');
    RawEntry bomb{"word/document.xml", deflate_raw(zeros), true, static_cast<std::uint32_t>(zeros.size()),
                  crc32_of(zeros)};
    BOOST_TEST(load_error(make_raw_zip({{"[Content_Types].xml", content_types}, bomb})) ==
               "template 'evil.docx': word/document.xml: compression ratio above 200:1 (a zip bomb?)");
}

BOOST_AUTO_TEST_CASE(an_entry_that_inflates_beyond_its_declared_size_is_stopped) {
    const std::string data(100000, 'x');
    RawEntry liar{"word/document.xml", deflate_raw(data), true, 1000, crc32_of(data)};
    BOOST_TEST(load_error(make_raw_zip({liar})) ==
               "template 'evil.docx': word/document.xml: the data inflates beyond its declared size of 1000 bytes");
}

BOOST_AUTO_TEST_CASE(padding_after_a_short_deflate_stream_does_not_hide_a_bomb) {
    // The declared compressed size counted the padding, so 32 MiB of zeros
    // from a 32 KB stream passed as a 150:1 entry.
    const std::string zeros(32u << 20, '\0');
    const std::string data = deflate_raw(zeros) + std::string(200000, 'p');
    BOOST_TEST_REQUIRE(zeros.size() / data.size() < 200u);
    RawEntry bomb{"word/document.xml", data, true, static_cast<std::uint32_t>(zeros.size()), crc32_of(zeros)};
    BOOST_TEST(load_error(make_raw_zip({{"[Content_Types].xml", content_types}, bomb})) ==
               "template 'evil.docx': word/document.xml: compression ratio above 200:1 (a zip bomb?)");
    // Padding alone is no offence: an ordinary entry with trailing bytes still reads.
    const std::string padded = deflate_raw(minimal_document) + std::string(100, 'p');
    RawEntry document{"word/document.xml", padded, true, static_cast<std::uint32_t>(minimal_document.size()),
                      crc32_of(minimal_document)};
    BOOST_TEST(load_error(make_raw_zip({{"[Content_Types].xml", content_types}, document})) == "");
}

BOOST_AUTO_TEST_CASE(an_xml_part_above_64_mib_is_refused_before_inflating) {
    RawEntry big{"word/document.xml", deflate_raw(std::string(1000, ' ')), true, (64u << 20) + 1, 0};
    BOOST_TEST(load_error(make_raw_zip({{"[Content_Types].xml", content_types}, big})) ==
               "template 'evil.docx': word/document.xml: declares 67108865 bytes uncompressed, more than the limit of "
               "67108864 "
               "for an XML part");
    RawEntry rels{"word/_rels/document.xml.RELS", deflate_raw(std::string(1000, ' ')), true, 100u << 20, 0};
    BOOST_TEST(load_error(make_raw_zip({rels})) ==
               "template 'evil.docx': word/_rels/document.xml.RELS: declares 104857600 bytes uncompressed, more than "
               "the limit of "
               "67108864 for an XML part");
    // And parsing refuses a bigger part however it arrived.
    BOOST_CHECK_EXCEPTION(
        parse_xml(std::string((64u << 20) + 1, ' '), "part"), std::runtime_error, [](const std::runtime_error& e) {
            return std::string(e.what()) == "part: 67108865 bytes of XML, more than the limit of 64 MiB";
        });
}

BOOST_AUTO_TEST_CASE(a_part_with_more_than_two_million_nodes_is_refused) {
    // 64 MiB of "<a/>" from a 2 MB template built a tree of 6 GB.
    std::string elements = "<r>";
    for (std::size_t i = 1; i < max_xml_nodes; ++i) elements += "<a/>";
    BOOST_TEST(parse_xml(elements + "</r>", "part").children.size() == max_xml_nodes - 1);
    const std::string refusal = "part: more than 2000000 elements, attributes and texts (line 1)";
    BOOST_CHECK_EXCEPTION(parse_xml(elements + "<a/></r>", "part"), std::runtime_error,
                          [&](const std::runtime_error& e) { return e.what() == refusal; });
    // Texts and attributes count too.
    std::string texts = "<r>";
    for (std::size_t i = 0; i < max_xml_nodes / 2; ++i) texts += "<a>x</a>";
    BOOST_CHECK_EXCEPTION(parse_xml(texts + "</r>", "part"), std::runtime_error,
                          [&](const std::runtime_error& e) { return e.what() == refusal; });
    std::string attributes = "<r>";
    for (std::size_t i = 0; i < max_xml_nodes / 2; ++i) attributes += "<a b=\"\"/>";
    BOOST_CHECK_EXCEPTION(parse_xml(attributes + "</r>", "part"), std::runtime_error,
                          [&](const std::runtime_error& e) { return e.what() == refusal; });
}

BOOST_AUTO_TEST_CASE(entries_whose_headers_or_data_overlap_are_refused) {
    // The second entry's local header and data lie inside the first
    // entry's data: one set of bytes read twice.
    const std::string inner_zip = make_raw_zip({{"word/b.xml", "<b/>"}});
    const std::string inner = inner_zip.substr(0, 30 + 10 + 4);  // b's local header, name and data
    std::string zip = make_raw_zip({{"word/a.xml", inner}, {"word/b.xml", "<b/>"}});
    const std::size_t second_central = zip.rfind(std::string("PK\x01\x02", 4));
    const std::uint32_t inside = 30 + 10;  // where a's data, and so b's copied header, starts
    for (int i = 0; i < 4; ++i) zip[second_central + 42 + i] = static_cast<char>((inside >> (8 * i)) & 0xff);
    BOOST_TEST(
        load_error(zip) ==
        "template 'evil.docx': word/b.xml: its local header or data overlaps the entry \"word/a.xml\" (a zip bomb?)");
    // Two entries pointing at one local header.
    std::string twice = make_raw_zip({{"word/a.xml", "<a/>"}, {"word/b.xml", "<b/>"}});
    const std::size_t b_central = twice.rfind(std::string("PK\x01\x02", 4));
    for (int i = 0; i < 4; ++i) twice[b_central + 42 + i] = 0;
    BOOST_TEST(
        load_error(twice) ==
        "template 'evil.docx': word/b.xml: the local header does not match the central directory (the name differs)");
}

BOOST_AUTO_TEST_CASE(a_local_header_that_disagrees_with_the_central_directory_is_refused) {
    const std::string zip = make_raw_zip({{"[Content_Types].xml", content_types}});
    const auto patched = [&](std::size_t at, char value) {
        std::string copy = zip;
        copy[at] = value;
        return load_error(copy);
    };
    const std::string prefix =
        "template 'evil.docx': [Content_Types].xml: the local header does not match the central directory (the ";
    BOOST_TEST(patched(30 + 1, 'c') == prefix + "name differs)");
    BOOST_TEST(patched(8, 8) == prefix + "compression method differs)");
    BOOST_TEST(patched(14, static_cast<char>(zip[14] ^ 1)) == prefix + "CRC differs)");
    BOOST_TEST(patched(18, static_cast<char>(zip[18] + 1)) == prefix + "compressed size differs)");
    BOOST_TEST(patched(22, static_cast<char>(zip[22] + 1)) == prefix + "size differs)");
    // With a data descriptor (flag bit 3) the local CRC and sizes may be zero.
    std::string described = zip;
    described[6] = 0x08;
    for (std::size_t at = 14; at < 26; ++at) described[at] = 0;
    BOOST_TEST(load_error(described) == "template 'evil.docx': the main document part word/document.xml is missing");
}

BOOST_AUTO_TEST_CASE(total_declared_size_is_bounded) {
    PackageLimits limits;
    limits.max_total_bytes = 1000;
    const std::string zip = make_raw_zip({{"a", std::string(600, 'a')}, {"b", std::string(600, 'b')}});
    BOOST_CHECK_EXCEPTION(
        read_package(zip, "template 'x'", limits), std::runtime_error, [](const std::runtime_error& e) {
            return std::string(e.what()) ==
                   "template 'x': the entries declare more than 0 MiB uncompressed in total (a zip bomb?)";
        });
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_zip_archive_is_named) {
    BOOST_TEST(load_error("This is a plain text file, not a document.") ==
               "template 'evil.docx': not a zip archive (a .docx file is one)");
    BOOST_TEST(load_error("") == "template 'evil.docx': not a zip archive (a .docx file is one)");
}

BOOST_AUTO_TEST_CASE(a_truncated_or_corrupt_archive_is_named) {
    const std::string docx = make_docx(paragraph("x"));
    BOOST_TEST(load_error(docx.substr(0, docx.size() / 2)) ==
               "template 'evil.docx': not a zip archive, or a truncated one (no central directory)");
    std::string corrupt =
        make_raw_zip({{"[Content_Types].xml", content_types}, {"word/document.xml", minimal_document}});
    corrupt[30 + 19 + 5] = static_cast<char>(corrupt[30 + 19 + 5] ^ 0x20);  // a byte of the first entry's data
    BOOST_TEST(load_error(corrupt) == "template 'evil.docx': [Content_Types].xml: CRC mismatch (corrupt archive)");
    RawEntry garbage{"word/document.xml", "this is not deflate data at all", true, 50, 0};
    BOOST_TEST_MESSAGE(load_error(make_raw_zip({garbage})));
    BOOST_TEST(load_error(make_raw_zip({garbage}))
                   .find("template 'evil.docx': word/document.xml: the compressed data is corrupt") == 0);
}

BOOST_AUTO_TEST_CASE(a_package_without_its_main_document_is_named) {
    BOOST_TEST(load_error(make_raw_zip({{"[Content_Types].xml", content_types}})) ==
               "template 'evil.docx': the main document part word/document.xml is missing");
    BOOST_TEST(load_error(make_raw_zip({{"word/document.xml", minimal_document}})) ==
               "template 'evil.docx': not an OOXML package (no [Content_Types].xml)");
    const std::string no_override = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
    BOOST_TEST(
        load_error(make_raw_zip({{"[Content_Types].xml", no_override}, {"word/document.xml", minimal_document}})) ==
        "template 'evil.docx': no main document part (word/document.xml) in [Content_Types].xml");
}

BOOST_AUTO_TEST_CASE(xml_that_is_not_well_formed_or_declares_entities_is_refused) {
    const std::string broken =
        make_raw_zip({{"[Content_Types].xml", content_types}, {"word/document.xml", "<w:document><w:body>"}});
    BOOST_TEST(load_error(broken).find("template 'evil.docx': word/document.xml: not well-formed XML") == 0);
    const std::string laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
        "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
        "<w:document "
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol2;</w:t></"
        "w:r></w:p></w:body></w:document>";
    BOOST_TEST(load_error(make_raw_zip({{"[Content_Types].xml", content_types}, {"word/document.xml", laughs}})) ==
               "template 'evil.docx': word/document.xml: a DOCTYPE is not allowed in an OOXML part");
    const std::string external =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>";
    BOOST_TEST(load_error(make_raw_zip({{"[Content_Types].xml", external}})) ==
               "template 'evil.docx': [Content_Types].xml: a DOCTYPE is not allowed in an OOXML part");
}

BOOST_AUTO_TEST_CASE(elements_nested_too_deep_are_refused_before_any_pass_recurses_over_them) {
    // 50 000 levels in a few KB crashed the compiler's recursive passes (and
    // the tree's destructor) with a stack overflow.
    const std::string deep =
        make_raw_zip({{"[Content_Types].xml", content_types}, {"word/document.xml", nested_document(50000)}});
    BOOST_TEST(load_error(deep) ==
               "template 'evil.docx': word/document.xml: elements nested deeper than 256 levels (line 2)");
    // 256 levels in all (document, body and 254 more) are still read.
    const std::string deepest =
        make_raw_zip({{"[Content_Types].xml", content_types}, {"word/document.xml", nested_document(254)}});
    BOOST_TEST(load_error(deepest) == "");
    const std::string one_more =
        make_raw_zip({{"[Content_Types].xml", content_types}, {"word/document.xml", nested_document(255)}});
    BOOST_TEST(load_error(one_more) ==
               "template 'evil.docx': word/document.xml: elements nested deeper than 256 levels (line 2)");
}

BOOST_AUTO_TEST_CASE(prefixes_resolve_to_the_innermost_declaration_however_many_are_open) {
    // Deep and wide: every level declares many prefixes and uses the root's.
    // Resolving by walking every open scope took seconds to minutes here.
    constexpr int levels = 250, prefixes = 300;
    std::string xml =
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:v=\"urn:outer\">";
    for (int level = 0; level < levels; ++level) {
        xml += "<w:sdt";
        for (int p = 0; p < prefixes; ++p)
            xml += " xmlns:p" + std::to_string(p) + "=\"urn:" + std::to_string(level) + "\"";
        for (int p = 0; p < prefixes; ++p) xml += " w:a" + std::to_string(p) + "=\"1\"";
        xml += ">";
    }
    xml += "<v:x xmlns:v=\"urn:inner\" p7:y=\"1\"/><v:z/>";
    for (int level = 0; level < levels; ++level) xml += "</w:sdt>";
    xml += "<v:after p7:y=\"1\"/></w:document>";
    const XmlNode root = parse_xml(xml, "part");
    const XmlNode* innermost = &root;
    for (int level = 0; level < levels; ++level) innermost = &innermost->children.at(0);
    BOOST_TEST(innermost->ns == std::string(ns::wordprocessing));
    BOOST_TEST(innermost->attributes.back().ns == std::string(ns::wordprocessing));
    BOOST_TEST(innermost->children.at(0).ns == "urn:inner");
    BOOST_TEST(innermost->children.at(0).attributes.back().ns == "urn:" + std::to_string(levels - 1));
    // A declaration ends with its element: the outer binding is back.
    BOOST_TEST(innermost->children.at(1).ns == "urn:outer");
    const XmlNode& after = root.children.at(1);
    BOOST_TEST(after.ns == "urn:outer");
    BOOST_TEST(after.attributes.back().ns == "");  // p7 is no longer bound
}

BOOST_AUTO_TEST_CASE(huge_grid_spans_before_a_column_loop_saturate_instead_of_overflowing) {
    // Two spans near LONG_MAX overflowed the sum of the row's columns (UB).
    for (const std::string span : {"2147483647", "9223372036854775807", "99999999999999999999"}) {
        TemplateSource source;
        source.body =
            "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"6000\"/></w:tblGrid><w:tr>"
            "<w:tc><w:tcPr><w:gridSpan w:val=\"" +
            span +
            "\"/></w:tcPr><w:p/></w:tc>"
            "<w:tc><w:tcPr><w:gridSpan w:val=\"" +
            span +
            "\"/></w:tcPr><w:p/></w:tc>"
            "<w:tc><w:p><w:r><w:t>{{#column years}}{{.}}{{/years}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>";
        const DocumentTemplate document = DocumentTemplate::load(make_docx(source), "evil.docx");
        BOOST_TEST_REQUIRE(document.problems().size() == 1u, span);
        BOOST_TEST(document.problems()[0].message ==
                       "the column section {{#column years}} stands in a column the table grid does not have",
                   span);
    }
    // Negative spans count as none: the loop's cell is then the grid's first column.
    TemplateSource negative;
    negative.body =
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w=\"3000\"/></w:tblGrid><w:tr>"
        "<w:tc><w:tcPr><w:gridSpan w:val=\"-9223372036854775808\"/></w:tcPr><w:p/></w:tc>"
        "<w:tc><w:p><w:r><w:t>{{#column years}}{{.}}{{/years}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>";
    BOOST_TEST(DocumentTemplate::load(make_docx(negative), "evil.docx").problems().empty());
}

BOOST_AUTO_TEST_CASE(a_numbering_id_near_long_max_does_not_overflow_the_next_free_id) {
    TemplateSource source;
    source.numbering =
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt "
        "w:val=\"decimal\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"9223372036854775807\"><w:abstractNumId w:val=\"0\"/></w:num>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride "
        "w:val=\"1\"/></w:lvlOverride></w:num>";
    const std::string restarted =
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId "
        "w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>{{.}}</w:t></w:r></w:p>";
    source.body = paragraph("{{#groups}}") + paragraph("Grupp") + paragraph("{{#steps}}") + restarted +
                  paragraph("{{/steps}}") + paragraph("{{/groups}}");
    const std::string docx = render_json(make_docx(source), R"({"groups":[{"steps":["a"]},{"steps":["b"]}]})");
    // The ids past 32 bits are left out: the next free ones are 2 and 3.
    BOOST_TEST(count_of(part_of(docx, "word/document.xml"), "<w:numId w:val=\"3\"/>") == 1u);
    const std::string numbering = part_of(docx, "word/numbering.xml");
    BOOST_TEST(count_of(numbering, "<w:num w:numId=\"2\">") == 1u, numbering);
    BOOST_TEST(count_of(numbering, "<w:num w:numId=\"3\">") == 1u, numbering);
}

BOOST_AUTO_TEST_CASE(encrypted_and_unsupported_entries_are_named) {
    std::string zip = make_raw_zip({{"word/document.xml", minimal_document}});
    // Set the "encrypted" flag in the central directory header.
    const std::size_t central = zip.find(std::string("PK\x01\x02", 4));
    zip[central + 8] = 1;
    BOOST_TEST(load_error(zip) == "template 'evil.docx': word/document.xml: encrypted entries are not supported");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(package_writing)

BOOST_AUTO_TEST_CASE(written_packages_hold_parts_only_in_a_fixed_order_and_read_back) {
    Package package;
    package.put("word/media/b.png", make_png(40, 40));
    package.put("word/document.xml", minimal_document);
    package.put("_rels/.rels", "<Relationships/>");
    package.put("[Content_Types].xml", content_types);
    package.put("word/empty.xml", "");
    const std::string zip = write_package(package);
    // No folder entries: Word reports a package with "word/" as unreadable content.
    BOOST_TEST(count_of(zip, std::string("PK\x01\x02", 4)) == 5u);
    const Package back = read_package(zip, "written");
    std::vector<std::string> names;
    for (const PackageEntry& entry : back.entries()) names.push_back(entry.name);
    BOOST_TEST(names == (std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "word/document.xml",
                                                  "word/empty.xml", "word/media/b.png"}),
               boost::test_tools::per_element());
    BOOST_TEST(*back.find("word/media/b.png") == make_png(40, 40));
    BOOST_TEST(back.find("word/empty.xml")->empty());
    BOOST_TEST(write_package(back) == zip);
}

BOOST_AUTO_TEST_SUITE_END()
