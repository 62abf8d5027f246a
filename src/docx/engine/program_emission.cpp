// Step 3 of compiling a part (part_compilation.hpp): writes the tokens as
// the part's program, literal XML merged into as few instructions as
// possible, with the instructions the layout decided (sections, blocks,
// images, grid columns, shading) and the attributes only the renderer can
// fill (drawing ids, restarted numbering, the widths of column loops).
#include "docx/engine/part_compilation.hpp"

namespace esfdraft::docx {

namespace {

constexpr std::string_view word_2010 = "http://schemas.microsoft.com/office/word/2010/wordml";

class ProgramEmitter {
public:
    ProgramEmitter(CompiledPart& part, const PartTokens& tokens, const PartLayout& layout,
                   const NumberingInfo& numbering, std::vector<TemplateProblem>& problems)
        : part_(part),
          tokens_(tokens.tokens),
          layout_(layout),
          sections_(layout.sections),
          removed_(layout.removed),
          numbering_(numbering),
          problems_(problems) {}

private:
    CompiledPart& part_;
    const std::vector<Token>& tokens_;
    const PartLayout& layout_;
    const std::vector<Section>& sections_;
    const std::vector<bool>& removed_;
    const NumberingInfo& numbering_;
    std::vector<TemplateProblem>& problems_;
    std::vector<int> open_sections_;            // the sections open, outermost first
    std::size_t open_shade_ = no_token;         // program index of the open shade instruction
    std::set<std::string> repeated_bookmarks_;  // ids of bookmarks inside a repeated body

    void problem(int tag, std::string sv, std::string en) {
        problems_.push_back(problem_at(part_, tag, std::move(sv), std::move(en)));
    }
    const Tag* tag_of(int tag) const { return docx::tag_of(part_, tag); }

    // ---------------------------------------------------------------- emitting

    void flush(std::string& literal) {
        if (literal.empty()) return;
        if (!part_.program.empty() && part_.program.back().op == Op::literal)
            part_.program.back().text += literal;
        else
            part_.program.push_back({Op::literal, literal, -1, 0, nullptr, nullptr});
        literal.clear();
    }

    void push(std::string& literal, Instruction instruction) {
        flush(literal);
        part_.program.push_back(std::move(instruction));
    }

    // Whether a section's body is nothing but paragraphs numbered with
    // `num_id`: then it repeats the items of one list, and the list restarts
    // with the section around it, not with every item.
    bool body_is_one_list(int section, const std::string& num_id) const {
        const Section& s = sections_[static_cast<std::size_t>(section)];
        for (std::size_t i = s.begin; i < s.end && i < tokens_.size(); ++i) {
            const Token& t = tokens_[i];
            if (t.kind != Token::Kind::start || removed_[i]) continue;
            if (t.node->is_w("tbl")) return false;
            if (!t.node->is_w("p")) continue;
            const XmlNode* properties = t.node->child(ns::wordprocessing, "pPr");
            const XmlNode* numbering = properties ? properties->child(ns::wordprocessing, "numPr") : nullptr;
            const XmlNode* id = numbering ? numbering->child(ns::wordprocessing, "numId") : nullptr;
            const XmlAttribute* value = id ? id->attribute(ns::wordprocessing, "val") : nullptr;
            if (!value || value->value != num_id) return false;
        }
        return true;
    }

    // The nesting depth (1 = outermost open section) of the section in
    // whose every repetition a restarting list starts again; 0 for no_token.
    std::size_t restart_depth(const std::string& num_id) const {
        for (std::size_t depth = open_sections_.size(); depth > 0; --depth)
            if (!body_is_one_list(open_sections_[depth - 1], num_id)) return depth;
        return 0;
    }

    // Which attribute of this start tag is computed at render time.
    Op dynamic_attribute(std::size_t token, int open_sections, const XmlAttribute& attribute) const {
        const XmlNode& node = *tokens_[token].node;
        if (node.is(ns::drawing_wordprocessing, "docPr") && attribute.local == "id" && attribute.ns.empty())
            return Op::drawing_id;
        if (node.is_w("numId") && attribute.local == "val" && open_sections > 0 &&
            numbering_.restarting.count(attribute.value) && restart_depth(attribute.value) > 0)
            return Op::numbering_id;
        if (node.is_w("tcW") && attribute.local == "w" && attribute.ns == ns::wordprocessing) {
            const std::size_t cell_properties = tokens_[token].parent;
            if (cell_properties != no_token && layout_.column_cells.count(tokens_[cell_properties].parent))
                return Op::cell_width;
        }
        return Op::literal;
    }

    // Bookmarks and Word's paragraph ids must be unique; copies made by a
    // loop would repeat them, so bookmarks touching a repeated body are
    // dropped (both ends) and paragraph ids inside one are left out.
    void find_repeated_bookmarks() {
        std::vector<bool> repeated(tokens_.size() + 1, false);
        for (const Section& s : sections_)
            if (s.valid && s.begin != no_token)
                for (std::size_t i = s.begin; i < s.end && i < tokens_.size(); ++i) repeated[i] = true;
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            const Token& t = tokens_[i];
            if (t.kind != Token::Kind::start || !(t.node->is_w("bookmarkStart") || t.node->is_w("bookmarkEnd")))
                continue;
            if (const XmlAttribute* id = t.node->attribute(ns::wordprocessing, "id"); id && repeated[i])
                repeated_bookmarks_.insert(id->value);
        }
    }

    bool dropped_bookmark(std::size_t token) const {
        const XmlNode& node = *tokens_[token].node;
        if (!(node.is_w("bookmarkStart") || node.is_w("bookmarkEnd"))) return false;
        const XmlAttribute* id = node.attribute(ns::wordprocessing, "id");
        return id && repeated_bookmarks_.count(id->value);
    }

    void emit_start(std::string& literal, std::size_t token, int open_sections) {
        const XmlNode& node = *tokens_[token].node;
        literal += '<';
        literal += node.name;
        for (const XmlAttribute& attribute : node.attributes) {
            if (open_sections > 0 && attribute.ns == word_2010 &&
                (attribute.local == "paraId" || attribute.local == "textId"))
                continue;
            literal += ' ';
            literal += attribute.name;
            literal += "=\"";
            const Op op = dynamic_attribute(token, open_sections, attribute);
            if (op == Op::literal)
                append_escaped_attribute(literal, attribute.value);
            else if (op == Op::numbering_id)
                push(literal, {op, attribute.value, -1, restart_depth(attribute.value), nullptr, nullptr});
            else
                push(literal, {op, attribute.value, -1, 0, nullptr, nullptr});
            literal += '"';
        }
        literal += node.children.empty() ? "/>" : ">";
    }

public:
    void emit() {
        if (part_.wordprocessing) find_repeated_bookmarks();
        std::vector<std::vector<int>> opens(tokens_.size() + 1), closes(tokens_.size() + 1);
        for (std::size_t i = 0; i < sections_.size(); ++i) {
            const Section& s = sections_[i];
            if (!s.valid || s.begin == no_token) continue;
            opens[s.begin].push_back(static_cast<int>(i));
            if (s.end != s.begin) closes[s.end].push_back(static_cast<int>(i));
        }
        std::string literal;
        std::vector<std::size_t> open_instructions;  // program index of each open section instruction
        auto open_section = [&](int s) {
            const Section& section = sections_[static_cast<std::size_t>(s)];
            // "column" tells the renderer to divide cell widths by the item count.
            push(literal,
                 {Op::section, section.column_cell != no_token ? "column" : "", section.open_tag, 0, nullptr, nullptr});
            open_instructions.push_back(part_.program.size() - 1);
            open_sections_.push_back(s);
        };
        auto close_section = [&] {
            push(literal, {Op::section_end, "", -1, 0, nullptr, nullptr});
            part_.program[open_instructions.back()].end = part_.program.size() - 1;
            open_instructions.pop_back();
            open_sections_.pop_back();
        };
        for (std::size_t i = 0; i <= tokens_.size(); ++i) {
            // Sections ending here close innermost first (by tag nesting: the
            // later opened closes first).
            for (auto s = closes[i].rbegin(); s != closes[i].rend(); ++s) close_section();
            // Sections starting here open outermost first; an empty body closes at once.
            std::size_t empty = 0;
            for (int s : opens[i]) {
                open_section(s);
                if (sections_[static_cast<std::size_t>(s)].end == i) ++empty;
            }
            for (std::size_t k = 0; k < empty; ++k) close_section();
            if (i == tokens_.size()) break;

            if (auto replacement = layout_.replacement_at.find(i); replacement != layout_.replacement_at.end())
                push(literal, replacement->second);
            if (auto grid = layout_.grid_columns.find(i); grid != layout_.grid_columns.end())
                push(literal, {Op::grid_columns, grid->second.second, grid->second.first, 0, nullptr, nullptr});
            if (removed_[i]) continue;
            const Token& t = tokens_[i];
            if (t.kind == Token::Kind::start && dropped_bookmark(i))
                continue;  // childless: its end token writes nothing
            const auto shade = t.kind == Token::Kind::start ? layout_.shade_at.find(i) : layout_.shade_at.end();
            if (shade != layout_.shade_at.end()) {
                push(literal, {Op::shade, "", shade->second, 0, nullptr, nullptr});
                open_shade_ = part_.program.size() - 1;
            }
            switch (t.kind) {
                case Token::Kind::start: emit_start(literal, i, static_cast<int>(open_instructions.size())); break;
                case Token::Kind::end:
                    if (!t.node->children.empty()) {
                        literal += "</";
                        literal += t.node->name;
                        literal += '>';
                    }
                    if (open_shade_ != no_token && layout_.shade_at.count(t.match)) {
                        push(literal, {Op::shade_end, "", -1, 0, nullptr, nullptr});
                        part_.program[open_shade_].end = part_.program.size() - 1;
                        open_shade_ = no_token;
                    }
                    break;
                case Token::Kind::text: append_escaped_text(literal, t.node->text); break;
                case Token::Kind::tag: emit_tag(literal, i); break;
            }
        }
        flush(literal);
    }

private:
    void emit_tag(std::string& literal, std::size_t token) {
        const int index = tokens_[token].node->tag;
        const Tag* tag = tag_of(index);
        if (!tag) return;
        switch (tag->kind) {
            case Tag::Kind::value: push(literal, {Op::value, "", index, 0, nullptr, nullptr}); return;
            case Tag::Kind::image:
                if (!tokens_[token].node->children.empty()) {
                    Instruction placeholder{Op::image_placeholder, "", index, 0, nullptr, nullptr};
                    placeholder.drawing = std::make_shared<XmlNode>(tokens_[token].node->children.front());
                    push(literal, std::move(placeholder));
                } else if (!part_.tags[static_cast<std::size_t>(index)].in_text_run) {
                    problem(index, "bildtaggen " + tag->raw + " måste stå i dokumentets text",
                            "the image tag " + tag->raw + " must stand in the document's text");
                } else {
                    push(literal, {Op::image, "", index, 0, nullptr, nullptr});
                }
                return;
            case Tag::Kind::section:
            case Tag::Kind::inverted:
            case Tag::Kind::close:
            case Tag::Kind::block:
            case Tag::Kind::shade:
            case Tag::Kind::comment: return;
        }
    }
};

}  // namespace

void emit_program(CompiledPart& part, const PartTokens& tokens, const PartLayout& layout,
                  const NumberingInfo& numbering, std::vector<TemplateProblem>& problems) {
    ProgramEmitter(part, tokens, layout, numbering, problems).emit();
}

}  // namespace esfdraft::docx
