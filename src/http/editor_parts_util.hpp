// What the editor's part files share: reading the stored tree, building
// elements, rows and the markup's help line. Internal to http.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "http/editor.hpp"
#include "http/editor_rich.hpp"
#include "model/vocabulary.hpp"
#include "pipeline/plan_editing.hpp"

namespace esfdraft::http::editor::parts_util {

using model::Element;

inline const Element* child(const Element* parent, std::string_view name) {
    return parent ? parent->child(name) : nullptr;
}
inline std::string text_of(const Element* element) { return element ? element->text() : ""; }
inline std::string attr(const Element* element, std::string_view name) {
    return element ? element->attribute_or_empty(name) : "";
}
inline std::vector<const Element*> all(const Element* parent, std::string_view name) {
    return parent ? parent->children_named(name) : std::vector<const Element*>{};
}
inline std::string row(const std::string& name, std::size_t n) { return name + "." + std::to_string(n); }
inline std::string words(const Sheet& sheet, const model::LocalizedName& name, const std::string& fallback) {
    const std::string& chosen = sheet.request.language == "en" ? name.en : name.sv;
    return chosen.empty() ? fallback : chosen;
}
// The options of a code list in the vocabulary's words (the draft's).
inline std::vector<std::pair<std::string, std::string>> vocabulary_options(const Sheet& sheet,
                                                                           std::span<const model::CodeWords> table) {
    std::vector<std::pair<std::string, std::string>> options;
    for (const model::CodeWords& words : table)
        options.push_back({std::string(words.key), std::string(words.name.in(sheet.request.language))});
    return options;
}
inline std::string date_hint(const Sheet& sheet) { return sheet.t("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"); }
// The path of row n of `count` rows of NAME under `parent` (the row drawn empty has none).
inline std::string row_path(const std::string& parent, const std::string& name, std::size_t n, std::size_t count) {
    return n <= count ? child_path(parent, name, n, count) : "";
}

inline const std::string plan_root = "/application";

// Makes `element` the last child of `parent`.
inline void adopt(Element& parent, Element element) {
    parent.children.push_back(std::move(element));
    parent.content.push_back({false, "", parent.children.size() - 1});
}
inline void adopt_if(Element& parent, Element element) {
    if (!element.children.empty() || !element.attributes.empty() || element.has_text())
        adopt(parent, std::move(element));
}

// The document with the root's attributes set (an empty value removes one):
// written whole, since only the root's children are rewritten in place.
inline std::string with_root_attributes(const std::string& bytes,
                                        const std::vector<std::pair<std::string, std::string>>& values) {
    Element root = pipeline::read_document(bytes);
    for (const auto& [name, value] : values) {
        auto& list = root.attributes;
        list.erase(
            std::remove_if(list.begin(), list.end(), [&](const auto& a) { return a.first == name && value.empty(); }),
            list.end());
        if (!value.empty()) root.set_attribute(name, value);
    }
    return pipeline::write_document(root, pipeline::plan_document_namespace());
}

inline std::string markup_help(const Sheet& sheet) {
    return sheet.t(
        "Skriv stycken åtskilda av en tom rad. En rad som börjar med \"- \" blir en punkt i en punktlista, "
        "\"1. \" en numrerad punkt. *kursiv* och **fetstil**.",
        "Write paragraphs separated by an empty line. A line starting with \"- \" is a bullet, "
        "\"1. \" a numbered item. *emphasis* and **strong**.");
}

}  // namespace esfdraft::http::editor::parts_util

namespace esfdraft::http::editor {
// Goals, activities, partners, risk analysis, project logic, attachments (editor_parts_rows.cpp).
void add_row_parts(std::vector<Part>& parts);
}  // namespace esfdraft::http::editor
