// A small, read-only XML element tree with source positions, the form in
// which the readers in this module see a file. Built by Schema::check from
// the same libxml2 parse that validates the file. No libxml2 type appears here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
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
    std::string ns;          // namespace URI ("" when none)
    std::string name;        // local name
    std::vector<std::pair<std::string, std::string>> attributes;  // unqualified attributes only
    std::vector<XmlElement> children;
    std::vector<XmlContent> content;   // text and child references in document order
    model::SourceLocation where;       // position of the start tag and element path

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

// Sets every element's path from its place in the tree ("/application",
// "/application/budget/costs/cost[3]"); used by the builders of trees.
void assign_element_paths(XmlElement& root);

// The first element, in document order, whose start tag is on `line`; nullptr
// when none is. Used to give libxml2's line-only messages a column and a path.
const XmlElement* element_on_line(const XmlElement& root, int line);

// Collapses runs of XML whitespace (space, tab, CR, LF) to one space and trims.
std::string collapse_whitespace(std::string_view text);

}  // namespace esfdraft::load
