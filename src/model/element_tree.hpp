// An XML element as plain values, for editing a document one part at a time
// (the browser editor): local names and attribute values exactly as written,
// text as read, child elements and text in document order. load turns a
// document's bytes into this tree and writes a tree back in place of one part
// (load/document_edit.hpp, reached from http through pipeline/plan_editing.hpp);
// nothing here knows a format or does I/O.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace esfdraft::model {

// A piece of mixed content: text, or the index of a child element.
struct ElementContent {
    bool is_text = false;
    std::string text;
    std::size_t child = 0;
};

struct Element {
    std::string name;                                             // local name
    std::vector<std::pair<std::string, std::string>> attributes;  // unqualified attributes, in order
    std::vector<Element> children;
    std::vector<ElementContent> content;  // text and child references in order
    int line = 0;                         // of the start tag when read from bytes; 0 when built

    Element() = default;
    explicit Element(std::string local_name) : name(std::move(local_name)) {}

    // The attribute's value, or nullopt when absent.
    std::optional<std::string> attribute(std::string_view local_name) const;
    // The attribute's value, or "" when absent.
    std::string attribute_or_empty(std::string_view local_name) const;
    // Replaces the attribute's value, or adds it at the end.
    void set_attribute(std::string_view local_name, std::string value);
    // The first child with that local name, or nullptr.
    const Element* child(std::string_view local_name) const;
    // All children with that local name, in order.
    std::vector<const Element*> children_named(std::string_view local_name) const;
    // Adds a child element at the end (children and content) and returns it.
    // The reference is valid until the next append.
    Element& append(std::string local_name);
    // Adds a child element with only `text` as its content.
    Element& append(std::string local_name, std::string text);
    // Adds text at the end of the content.
    void append_text(std::string text);
    // All descendant text concatenated, unchanged.
    std::string text() const;
    // True when the content holds text that is not only XML whitespace.
    bool has_text() const;
};

}  // namespace esfdraft::model
