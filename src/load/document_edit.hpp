// A plan's or findings' bytes as an element tree (model/element_tree.hpp),
// and one of the root's children replaced, inserted or removed so that every
// other byte stays: what the browser editor saves. pipeline/plan_editing.hpp
// is the seam over this that http uses.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/element_tree.hpp"
#include "model/finding.hpp"

namespace esfdraft::load {

// Bytes that are not XML esfdraft reads: `finding` is the X001 finding
// (empty, invalid UTF-8, not UTF-8, DOCTYPE, not well-formed; X002 for a
// start tag over the markup limits) with its line and column. what() is
// its message id and line, for logs.
class UnreadableDocument : public std::runtime_error {
public:
    explicit UnreadableDocument(model::Finding finding);
    const model::Finding& finding() const { return finding_; }

private:
    model::Finding finding_;
};

// The root element as a tree: local names, unqualified attributes, text with
// references and CDATA resolved and line ends as XML reads them (LF),
// elements' start-tag lines. Comments, processing instructions, namespace
// declarations and namespaced attributes (xsi:…, xml:…) are left out.
// `file` is what findings call the bytes. The caller refuses inputs over its
// size limit first. Throws UnreadableDocument.
model::Element read_document_tree(std::string_view bytes, const std::string& file = "document");

// The three below parse `bytes` first (UnreadableDocument when they are not
// well-formed) and keep every byte outside the element they touch. A written
// element takes the root's namespace prefix, the document's line ends (CRLF
// when its first line ends so) and indentation: an element with only element
// children gets one per line, one level deeper; an element with text, and
// the format's mixed-content elements (p, li, em, strong) always, are
// written on one line exactly as their content is. An element with no
// content is written <name/>. Inside the written element, what the tree
// does not hold (comments, processing instructions, namespaced attributes)
// is gone and CDATA is escaped text. When an element's content is empty but it has
// children, the children are written in order.
//
// The root's child number `index` (element children, 0-based) replaced.
// Throws std::out_of_range when there is no such child.
std::string replace_root_child(std::string_view bytes, std::size_t index, const model::Element& replacement,
                               const std::string& file = "document");
// `element` inserted before child number `before` (npos or the number of
// children: after the last one), indented like its neighbour; in a root with
// no children, two spaces deeper than the root. Throws std::out_of_range for
// `before` past the end.
std::string insert_root_child(std::string_view bytes, std::size_t before, const model::Element& element,
                              const std::string& file = "document");
// Child number `index` removed, with the line it stood on when nothing else
// stood there. Throws std::out_of_range when there is no such child.
std::string remove_root_child(std::string_view bytes, std::size_t index, const std::string& file = "document");

// A whole new document: the XML declaration, `root` with `namespace_uri` as
// its default namespace (none when empty), two spaces a level, "\n" line
// ends and one at the end.
std::string write_element_document(const model::Element& root, std::string_view namespace_uri);

}  // namespace esfdraft::load
