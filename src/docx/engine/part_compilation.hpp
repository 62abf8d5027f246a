// The three steps that compile one part of a template, and what they hand
// on to each other. Internal to src/docx.
//
//   1. scan_tags (tag_scanning.cpp) finds {{…}} in the part's text, moves a
//      tag split over runs into one w:t and records every tag site;
//   2. flatten_part (template_compiler.cpp) reads the rewritten tree as a
//      stream of tokens, and lay_out_sections (section_layout.cpp) pairs the
//      sections and decides what each repeats (text, paragraphs, rows or a
//      column), which elements go and which are replaced;
//   3. emit_program (program_emission.cpp) writes the tokens and that layout
//      as the part's flat program (compiled_template.hpp).
//
// Each step takes the previous one's result and changes nothing of it, so
// the order is visible in compile_template and no step sees another's
// working state.
#pragma once

#include <cstddef>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "docx/engine/compiled_template.hpp"
#include "docx/engine/template_parts.hpp"
#include "docx/engine/xml_node.hpp"

namespace esfdraft::docx {

inline constexpr std::size_t no_token = std::numeric_limits<std::size_t>::max();

// One element start or end, one text or one tag of the part, in document order.
struct Token {
    enum class Kind { start, end, text, tag };
    Kind kind = Kind::text;
    const XmlNode* node = nullptr;
    std::size_t match = no_token;   // start <-> end
    std::size_t parent = no_token;  // start token of the enclosing element
    int paragraph = 0;              // number of the innermost paragraph
};

// The part's tree as tokens. The nodes are the scanned tree's, which must
// outlive this.
struct PartTokens {
    std::vector<Token> tokens;
    std::vector<std::size_t> tag_token;  // tag index -> its token, no_token when it has none
};

// The start token of the nearest enclosing w:`local`, or no_token.
std::size_t ancestor(const std::vector<Token>& tokens, std::size_t token, std::string_view local);

// The parsed tag of a site; nullptr when it did not parse.
const Tag* tag_of(const CompiledPart& part, int tag);

// A section as the tags pair it, and the body the layout gives it.
struct Section {
    int open_tag = -1;
    int close_tag = -1;
    std::size_t open_token = no_token;
    std::size_t close_token = no_token;
    int parent = -1;  // enclosing section (by tag nesting)
    int depth = 0;
    bool valid = true;
    std::size_t begin = no_token;  // body: tokens [begin, end)
    std::size_t end = no_token;
    std::size_t column_cell = no_token;  // column loops: start token of the w:tc
};

// What the layout decided for the part's tokens.
struct PartLayout {
    std::vector<Section> sections;
    std::vector<bool> removed;                          // token -> left out of the program
    std::map<std::size_t, Instruction> replacement_at;  // token index -> instruction replacing that element
    std::set<std::size_t> column_cells;                 // start tokens of w:tc repeated by column loops
    std::map<std::size_t, std::pair<int, std::string>> grid_columns;  // gridCol start token -> (tag, width)
    std::map<std::size_t, int> shade_at;  // w:shd start token -> the {{shade}} tag deciding it
};

void scan_tags(CompiledPart& part, XmlNode& root, const ListStyles& list_styles,
               std::vector<TemplateProblem>& problems);

PartTokens flatten_part(const CompiledPart& part, const XmlNode& root);

PartLayout lay_out_sections(const CompiledPart& part, const PartTokens& tokens, const NumberingInfo& numbering,
                            const ListStyles& list_styles, std::vector<TemplateProblem>& problems);

void emit_program(CompiledPart& part, const PartTokens& tokens, const PartLayout& layout,
                  const NumberingInfo& numbering, std::vector<TemplateProblem>& problems);

}  // namespace esfdraft::docx
