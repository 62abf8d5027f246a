// Test support for the docx suite: builds small templates from a few lines
// of WordprocessingML, writes raw zip archives (also broken and hostile
// ones), reads rendered documents back, and turns JSON into template data.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "docx/engine/template_value.hpp"

namespace esfdraft::docx::testing {

inline const std::string w_namespaces =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
    "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

struct TemplateSource {
    std::string body;                                              // the content of w:body (without sectPr)
    std::string header;                                            // content of w:hdr; "" = no header part
    std::string footnotes;                                         // content of w:footnotes; "" = none
    std::string numbering;                                         // content of w:numbering; "" = none
    std::string styles;                                            // content of w:styles; "" = none
    std::vector<std::pair<std::string, std::string>> extra_parts;  // name, bytes (e.g. a placeholder image)
    std::string document_relationships;                            // extra <Relationship> elements
};

// A complete .docx built from the pieces, zipped with the engine's writer.
std::string make_docx(const TemplateSource& source);
inline std::string make_docx(const std::string& body) {
    TemplateSource source;
    source.body = body;
    return make_docx(source);
}

// A paragraph holding one run of text: <w:p><w:r><w:t>text</w:t></w:r></w:p>.
std::string paragraph(const std::string& text);

// A zip archive written byte by byte, with whatever names and declared
// sizes a test wants (the engine's own writer refuses to write nonsense).
struct RawEntry {
    std::string name;
    std::string data;                 // stored as is (method 0) unless deflated is set
    bool deflated = false;            // `data` is raw deflate data
    std::uint32_t declared_size = 0;  // used when deflated (or to lie)
    std::uint32_t crc = 0;            // written as is when deflated
};
std::string make_raw_zip(const std::vector<RawEntry>& entries);
// Raw deflate of `data` (via Poco), for building entries.
std::string deflate_raw(const std::string& data);
std::uint32_t crc32_of(const std::string& data);

// The bytes of one part of a .docx ("" when missing).
std::string part_of(const std::string& docx, const std::string& name);
// The visible text of each paragraph of a part, in document order
// (including paragraphs in table cells); w:br and w:tab count as "\n", "\t".
std::vector<std::string> paragraph_texts(const std::string& part_xml);
// All visible text of a part, paragraphs joined by "|".
std::string visible_text(const std::string& part_xml);
// How often `needle` occurs in `haystack`.
std::size_t count_of(const std::string& haystack, const std::string& needle);

// JSON (Poco's parser) to template data: strings, numbers (as text),
// booleans, null, arrays, objects in file order. An object {"$rich": [...]}
// is rich text: items {"p": "text"}, {"ul": ["a", "b"]}, {"ol": [...]}.
TemplateValue data_from_json(const std::string& json);

// A valid RGB PNG of the given size (a gradient), built with Poco's deflater.
std::string make_png(int width, int height);

// Renders a template against JSON data with the engine.
std::string render_json(const std::string& docx, const std::string& json, const std::string& lang = "sv");

}  // namespace esfdraft::docx::testing

namespace esfdraft::docx::testing {
// SCB code -> name from the shipped schemas/regions/municipalities.tsv, as
// the pipeline passes them from the municipality register.
std::map<std::string, std::string> municipality_names();
}  // namespace esfdraft::docx::testing
