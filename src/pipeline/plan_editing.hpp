// Editing a plan or a pre-study's findings one part at a time, for the
// browser editor (http): a stored document's bytes as an element tree, one
// of its root's children replaced, inserted or removed while every other
// byte stays, and whole new documents. The XML itself is load's
// (load/document_edit.hpp); this is the seam http may include.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/element_tree.hpp"
#include "model/values.hpp"

namespace esfdraft::pipeline {

// The plan format's and the findings format's namespaces.
const char* plan_document_namespace();      // "urn:esfdraft:plan:1"
const char* findings_document_namespace();  // "urn:esfdraft:findings:1"

// A document the editor cannot take apart: not well-formed, not UTF-8, with a
// DOCTYPE, or larger than the input limit. what() is English; `sv` and `en`
// say it for a page ("rad 12: …").
class DocumentUnreadable : public std::runtime_error {
public:
    DocumentUnreadable(std::string sv, std::string en)
        : std::runtime_error(en), sv_(std::move(sv)), en_(std::move(en)) {}
    const std::string& sv() const { return sv_; }
    const std::string& en() const { return en_; }

private:
    std::string sv_, en_;
};

// The document's root element as a tree (model/element_tree.hpp): comments,
// processing instructions and namespace declarations left out, entities and
// CDATA read as text, every element's start-tag line kept. Throws
// DocumentUnreadable.
model::Element read_document(std::string_view bytes);

// `bytes` with the root's child element number `index` (0-based, counting
// element children only, in document order) replaced by `replacement`,
// written with the document's namespace prefix, its line ends and the
// indentation of the element it replaces. Everything outside that element is
// kept byte for byte. Throws DocumentUnreadable, and std::out_of_range when
// there is no such child.
// What the tree does not hold is not written back inside the replaced
// element: its comments, processing instructions and namespaced attributes
// (xsi:…, xml:…); CDATA becomes escaped text. Elements with only element
// children get one per line (their whitespace is layout); elements with
// text, and p, li, em and strong always, are written on one line as they are.
std::string replace_child(std::string_view bytes, std::size_t index, const model::Element& replacement);
// `bytes` with `element` inserted as the root's child before child number
// `before` (npos or the number of children: after the last child), indented
// like its siblings (two spaces more than the root when it has none).
std::string insert_child(std::string_view bytes, std::size_t before, const model::Element& element);
// `bytes` without the root's child number `index` (and the line it stood on
// when nothing else was on it).
std::string remove_child(std::string_view bytes, std::size_t index);

// A whole document: the XML declaration, then `root` in `namespace_uri` as
// the default namespace, elements holding only elements indented by two
// spaces a level, elements with text (rich text: <p>, <li>, <em>) written on
// one line as they are, "\n" line ends, ending in a line end. Texts and
// attribute values escaped so that read_document gives them back unchanged.
std::string write_document(const model::Element& root, std::string_view namespace_uri);

}  // namespace esfdraft::pipeline
