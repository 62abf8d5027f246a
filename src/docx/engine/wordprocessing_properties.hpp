// Paragraph and run properties (w:pPr, w:rPr) for content the engine
// writes itself: rich text paragraphs and list items that take the style of
// the paragraph a block tag stood in. The schema fixes the order of their
// children, so properties are inserted in schema order, never appended.
#pragma once

#include <string>
#include <string_view>

#include "docx/engine/compiled_template.hpp"
#include "docx/engine/xml_node.hpp"

namespace esfdraft::docx {

// A new WordprocessingML element with the part's prefix.
XmlNode wordprocessing_element(const std::string& prefix, std::string_view local,
                               std::initializer_list<std::pair<std::string_view, std::string>> attributes = {});

// Sets `child` inside w:pPr or w:rPr at its schema position, replacing a
// child of the same name.
void set_property(XmlNode& properties, XmlNode child);
void remove_property(XmlNode& properties, std::string_view local);

// Builds the styles a block tag's content uses from the tag's paragraph
// (its w:pPr) and run (its w:rPr; nullptr when none). `bullet_style` and
// `number_style` are the template's list paragraph style ids ("" when it has
// none); `number_abstract` is the abstract numbering of the numbered list
// style ("" when unknown: numbered lists then cannot restart and get
// "1. " prefixes).
BlockStyle make_block_style(const XmlNode& paragraph, const XmlNode* run, const std::string& prefix,
                            const std::string& bullet_style, const std::string& number_style,
                            const std::string& number_abstract);

}  // namespace esfdraft::docx
