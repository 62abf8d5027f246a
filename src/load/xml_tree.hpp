// A small, read-only XML element tree with source positions, the form in
// which the readers in this module see a file. Built by Schema::check, from
// the libxml2 document that it validates or, for a large file, straight from
// the bytes (tree_parser.hpp). No libxml2 type appears here.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/values.hpp"

namespace esfdraft::load {

struct XmlElement;

// A piece of mixed content: either text or the index of a child element.
struct XmlContent {
    bool is_text = false;
    std::string text;
    std::size_t child = 0;
};

struct XmlElement {
    std::string name;                                             // local name
    std::vector<std::pair<std::string, std::string>> attributes;  // unqualified attributes only
    std::vector<XmlElement> children;
    std::vector<XmlContent> content;  // text and child references in document order
    int line = 0;                     // position of the start tag's '<' (1-based, in characters)
    int column = 0;

    // Shared by many elements, so a large tree costs no allocation per
    // element for them (set by the builders of trees):
    std::shared_ptr<const std::string> namespace_uri;  // nullptr when none
    std::shared_ptr<const std::string> file;
    std::shared_ptr<const std::string> parent_path;  // nullptr for the root
    int position = 0;                                // 1-based among same-named siblings when there are several, else 0

    // The namespace URI, "" when none.
    const std::string& ns() const;
    // The element path: "/application", "/application/budget/costs/cost[3]".
    std::string path() const;
    // File, line, column and path, as findings and the model give them.
    model::SourceLocation where() const;

    // The attribute's value, or nullopt when absent.
    std::optional<std::string> attribute(std::string_view local_name) const;
    // The first child with that local name, or nullptr.
    const XmlElement* child(std::string_view local_name) const;
    // All children with that local name, in order.
    std::vector<const XmlElement*> children_named(std::string_view local_name) const;
    // All descendant text concatenated, unchanged.
    std::string text() const;
    // text() with runs of XML whitespace collapsed to one space and trimmed.
    std::string normalized_text() const;
};

// Sets every element's parent_path and position from its place in the
// tree, and `file` on every element; used by the builders of trees.
void assign_element_paths(XmlElement& root, const std::shared_ptr<const std::string>& file);

// The first element, in document order, whose start tag is on `line`; nullptr
// when none is. Used to give libxml2's line-only messages a column and a path.
const XmlElement* element_on_line(const XmlElement& root, int line);

// Line and column (1-based; columns in characters, not bytes) of offsets
// into `bytes` asked for in increasing order, as the builders of trees give
// start tags. Lines are counted over everything once, in a vectorisable
// pass; columns only up to the offsets asked for.
class ForwardPosition {
public:
    explicit ForwardPosition(std::string_view bytes) : bytes_(bytes) {}
    // `offset` must not be less than the one asked for before.
    std::pair<int, int> at(std::size_t offset);

private:
    std::string_view bytes_;
    int line_ = 1;
    std::size_t lines_to_ = 0;   // line breaks before this offset are counted in line_
    std::size_t column_to_ = 0;  // characters of the current line before this offset are in column_
    int column_ = 1;
};

// Collapses runs of XML whitespace (space, tab, CR, LF) to one space and trims.
std::string collapse_whitespace(std::string_view text);

}  // namespace esfdraft::load
