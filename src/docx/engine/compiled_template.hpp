// The compiled form of a document template, shared by the compiler
// (template_compiler.cpp, which runs the steps of part_compilation.hpp) and
// the renderer (template_renderer.cpp). Internal to src/docx.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "docx/engine/tag_syntax.hpp"
#include "docx/engine/template_engine.hpp"
#include "docx/engine/xml_node.hpp"
#include "docx/engine/zip_package.hpp"

namespace esfdraft::docx {

// A tag and where it stands.
struct TagSite {
    std::optional<Tag> tag;  // nullopt when the tag did not parse (a problem was recorded)
    std::string raw;         // as written
    int paragraph = 0;
    std::string context;
    bool in_text_run = false;  // inside a w:t: line breaks and tabs become w:br / w:tab
    // Where a Word user sees it (TemplateProblem's fields of the same names).
    std::string heading;
    int table_row = 0;
    int table_column = 0;
    bool in_picture = false;
};

enum class Op {
    literal,  // text: XML to copy
    value,    // tag: a value tag
    section,  // tag, end: a section; its body runs to program[end] (a section_end)
    section_end,
    block,              // tag, block: rich text paragraphs replacing a paragraph
    image,              // tag: an inline image inside a run; text "bare" when it replaces a whole w:t
    image_placeholder,  // tag, drawing: a picture whose alternative text is {{%name}}
    drawing_id,         // the next document-wide drawing id
    numbering_id,       // text: a numId that restarts in every repetition of the open section at depth `end`
    cell_width,         // text: a width divided by the innermost column loop's item count
    grid_columns,       // tag (the first column loop of the table), text: the gridCol width
    shade,  // tag, end: a cell's w:shd, written only when the tag's value is true; runs to program[end] (a shade_end)
    shade_end,
};

// Paragraph and run properties a block tag's content takes from the
// paragraph the tag stood in.
struct BlockStyle {
    std::string paragraph_properties;        // <w:pPr>…</w:pPr> for paragraphs, or ""
    std::string bullet_properties;           // <w:pPr> for bullet items
    std::string numbered_properties_before;  // <w:pPr>… up to the numId value
    std::string numbered_properties_after;   // after the numId value
    bool bullets_have_numbering = false;     // false: items get a "• " prefix instead
    bool numbers_have_numbering = false;     // false: items get "1. " prefixes
    std::string numbered_abstract_id;        // abstractNumId for restarted numbered lists
    std::string run_properties[8];           // <w:rPr> for bold|italic<<1|highlight<<2
};

struct Instruction {
    Op op = Op::literal;
    std::string text;
    int tag = -1;
    std::size_t end = 0;
    std::shared_ptr<const BlockStyle> block;
    std::shared_ptr<const XmlNode> drawing;
};

struct CompiledPart {
    std::string name;             // "word/document.xml"
    std::string rels_name;        // "word/_rels/document.xml.rels"
    bool wordprocessing = false;  // false: a plain XML part such as docProps/core.xml
    std::string w_prefix = "w";   // the prefix this part binds to the WordprocessingML namespace
    std::vector<TagSite> tags;
    std::vector<Instruction> program;
    std::set<std::string> relationship_ids;  // ids already used in rels_name
};

struct NumberingInfo {
    std::string part_name;  // "" when the template has no numbering part
    std::shared_ptr<const XmlNode> root;
    std::map<std::string, std::string> abstract_of_num;   // numId -> abstractNumId
    std::map<std::string, std::string> overrides_of_num;  // numId -> its <w:lvlOverride> XML
    std::set<std::string> restarting;                     // numIds with a startOverride
    long next_id = 1;
    std::string w_prefix = "w";
};

struct DocumentTemplate::Compiled {
    std::string name;
    Package package;
    std::vector<CompiledPart> parts;  // in render order
    std::vector<TemplateProblem> problems;
    NumberingInfo numbering;
    std::string main_part;          // "word/document.xml"
    bool main_is_template = false;  // a .dotx: the output's content type is changed to a document
};

// Compiles a template package; defined in template_compiler.cpp.
std::shared_ptr<DocumentTemplate::Compiled> compile_template(Package package, const std::string& template_name);

// A problem at a tag site, its message in Swedish and English.
TemplateProblem problem_at(const CompiledPart& part, int tag, std::string message_sv, std::string message_en);

}  // namespace esfdraft::docx
