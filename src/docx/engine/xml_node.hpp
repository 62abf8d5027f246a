// A mutable XML tree that keeps prefixes and attribute order exactly as the
// part wrote them, so a template re-serializes the way it was written. Used
// inside src/docx only; built with Poco XML's SAX parser, but no Poco type
// appears here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace esfdraft::docx {

namespace ns {
inline constexpr std::string_view wordprocessing = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr std::string_view relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr std::string_view package_relationships =
    "http://schemas.openxmlformats.org/package/2006/relationships";
inline constexpr std::string_view content_types = "http://schemas.openxmlformats.org/package/2006/content-types";
inline constexpr std::string_view drawing_wordprocessing =
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
inline constexpr std::string_view drawing_main = "http://schemas.openxmlformats.org/drawingml/2006/main";
inline constexpr std::string_view drawing_picture = "http://schemas.openxmlformats.org/drawingml/2006/picture";
inline constexpr std::string_view xml = "http://www.w3.org/XML/1998/namespace";
}  // namespace ns

struct XmlAttribute {
    std::string name;   // as written, e.g. "w:val"
    std::string ns;     // resolved namespace URI ("" when unprefixed)
    std::string local;  // e.g. "val"
    std::string value;  // unescaped
};

struct XmlNode {
    enum class Kind { element, text, tag };
    Kind kind = Kind::element;
    std::string name;   // element name as written, e.g. "w:p"
    std::string ns;     // resolved namespace URI
    std::string local;  // local name, e.g. "p"
    std::vector<XmlAttribute> attributes;
    std::vector<XmlNode> children;
    std::string text;      // text nodes: the unescaped text
    int tag = -1;          // tag nodes: index into the part's tag list
    bool dropped = false;  // removed from the output (a w:t emptied by tag merging)

    bool is(std::string_view uri, std::string_view local_name) const {
        return kind == Kind::element && local == local_name && ns == uri;
    }
    bool is_w(std::string_view local_name) const { return is(ns::wordprocessing, local_name); }
    // The attribute with that namespace and local name, or nullptr.
    const XmlAttribute* attribute(std::string_view uri, std::string_view local_name) const;
    XmlAttribute* attribute(std::string_view uri, std::string_view local_name);
    // The first child element with that namespace and local name, or nullptr.
    const XmlNode* child(std::string_view uri, std::string_view local_name) const;
    // The concatenated text of all descendant text nodes.
    std::string all_text() const;
};

// Parses a part. Comments, processing instructions and the XML declaration
// are dropped; whitespace-only text between elements (indentation) is
// dropped too, since no WordprocessingML element mixes text and elements.
// A DOCTYPE is refused (no entity expansion, no external entities), and so
// are parts larger than max_xml_part_bytes or holding more than
// max_xml_nodes elements, attributes and texts (the tree and the compiler's
// passes take a few hundred bytes per node; a 200-page document has about
// 500 000), and
// elements nested deeper than max_xml_depth (every pass over the tree
// recurses once per level; Word's own documents stay under ~30).
// Throws std::runtime_error "<part_name>: <reason> (line L)" for anything
// refused or not well-formed.
inline constexpr std::size_t max_xml_depth = 256;
inline constexpr std::size_t max_xml_part_bytes = 64u << 20;
inline constexpr std::size_t max_xml_nodes = 2'000'000;
XmlNode parse_xml(std::string_view bytes, const std::string& part_name);

// The standard declaration every part written starts with.
inline constexpr std::string_view xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";

// Appends `text` escaped for element content (&, <, >) or for a double-quoted
// attribute (also "). Characters XML 1.0 forbids and invalid UTF-8 never
// reach the output: control characters are dropped (tab, LF and CR kept) and
// invalid byte sequences become U+FFFD.
void append_escaped_text(std::string& out, std::string_view text);
void append_escaped_attribute(std::string& out, std::string_view text);

// The start tag without its closing '>' (so callers can add attributes).
void append_start_tag_open(std::string& out, const XmlNode& element);
// Serializes a node and its subtree; tag nodes write nothing (the renderer
// handles them before a subtree is written this way).
void append_xml(std::string& out, const XmlNode& node);

// Removes characters XML 1.0 does not allow, and repairs invalid UTF-8 as
// U+FFFD; everything else is unchanged.
std::string sanitize_xml_text(std::string_view text);

// Whether this element itself declares a prefix for `uri` (xmlns:p="uri",
// or xmlns="uri" giving ""); the prefix goes to `prefix`.
bool declared_prefix(const XmlNode& element, std::string_view uri, std::string& prefix);

}  // namespace esfdraft::docx
