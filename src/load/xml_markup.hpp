// Where elements lie in a document's bytes, and writing markup that reads
// back as written: shared by the writers that change one part of a document
// and keep every other byte (budget_xml's replace_budget, document_edit).
// Internal to load.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace esfdraft::load {

// One element's place in the bytes. For <x/>, content_begin == content_end == end.
struct ElementSpan {
    std::size_t start_tag = 0;      // the '<' of its start tag
    std::size_t content_begin = 0;  // just after the start tag's '>'
    std::size_t content_end = 0;    // the '<' of its end tag
    std::size_t end = 0;            // just after the end tag's '>'
    std::string qualified_name;     // as the start tag writes it: "budget", "p:budget"
    bool self_closing = false;

    // "" or "p:", as the start tag names it.
    std::string prefix() const;
    std::string local_name() const;
};

struct RootSpans {
    ElementSpan root;
    std::vector<ElementSpan> children;  // the root's child elements, in order
};

// The root element and its children, found by following the markup
// (comments, processing instructions, CDATA and quoted attribute values may
// hold '<' and '>'). Meant for bytes a parser has found well-formed: only
// depth matters. Throws std::runtime_error("…") when there is a DOCTYPE, no
// root, or the markup is cut off.
RootSpans find_root_children(std::string_view xml);

// Text or an attribute value escaped so that a parser gives it back as it
// is: & < > always, " in attributes, CR always as &#13; (a parser turns a
// bare CR into LF), tab and LF in attributes as references (a parser turns
// them into spaces there). In content, LF is written as `newline`.
void append_escaped(std::string& out, std::string_view text, bool attribute, std::string_view newline = "\n");
// ` name="value"`, the value escaped.
void append_attribute(std::string& out, std::string_view name, std::string_view value);

// The spaces and tabs before `at` on its line, or "" when anything else
// precedes it there.
std::string indent_before(std::string_view xml, std::size_t at);

}  // namespace esfdraft::load
