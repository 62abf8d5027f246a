// Reading the structure of a template package: which part holds what
// (from [Content_Types].xml), the list styles and the numbering instances
// the engine needs for rich text and restarting lists. Internal to src/docx.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "docx/engine/compiled_template.hpp"
#include "docx/engine/xml_node.hpp"
#include "docx/engine/zip_package.hpp"

namespace esfdraft::docx {

struct ContentTypes {
    std::map<std::string, std::string> defaults;   // extension (lower case) -> type
    std::map<std::string, std::string> overrides;  // part name without '/' -> type
};

// Throws std::runtime_error "<template_name>: not an OOXML package (no
// [Content_Types].xml)" when the part is missing.
ContentTypes read_content_types(const Package& package, const std::string& template_name);

bool ends_with(std::string_view text, std::string_view suffix);

// "word/header1.xml" -> "word/_rels/header1.xml.rels".
std::string relationships_part_for(const std::string& part);

// The prefix a part binds to the WordprocessingML namespace ("w" when it
// binds none: generated markup then declares its own).
std::string wordprocessing_prefix(const XmlNode& root);

// The template's list paragraph styles, found by id (ListBullet,
// ListNumber) or by name (List Bullet, List Number).
struct ListStyles {
    std::string bullet_style;   // styleId, "" when the template has none
    std::string bullet_num_id;  // the numId the style's own pPr gives, "" when none
    std::string number_style;
    std::string number_num_id;
    // Paragraph styles that are headings: id or name beginning with
    // "heading" or "rubrik" (any case), a title, or an outline level.
    std::set<std::string> heading_styles;
};
ListStyles find_list_styles(const XmlNode* styles);
// "Heading1", "heading 2", "Rubrik1", "Title": a name a heading style has.
bool is_heading_style_name(std::string_view name);

// The numbering instances of the numbering part; an empty NumberingInfo
// when the template has none.
NumberingInfo read_numbering(const Package& package, const std::string& part_name, const std::string& template_name);

}  // namespace esfdraft::docx
