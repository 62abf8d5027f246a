// Step 2 of compiling a part (part_compilation.hpp): pairs each {{#…}}
// with its {{/…}}, decides what the section repeats (text inside one
// paragraph, whole paragraphs, table rows or a table column) and checks that
// the bodies nest as the tags do; places block, lone image and shading tags.
// The result says, token by token, what goes, what is replaced and where
// each section's body runs; nothing is emitted here.
#include <algorithm>
#include <charconv>

#include "docx/engine/part_compilation.hpp"
#include "docx/engine/wordprocessing_properties.hpp"

namespace esfdraft::docx {

namespace {

// More grid columns than a gridSpan or gridBefore may count (Word allows 63):
// summing the cells of a row up to a part's size then stays far from LONG_MAX.
constexpr long max_grid_count = 1L << 20;

class SectionLayout {
public:
    SectionLayout(const CompiledPart& part, const PartTokens& tokens, const NumberingInfo& numbering,
                  const ListStyles& list_styles, std::vector<TemplateProblem>& problems)
        : part_(part),
          tokens_(tokens.tokens),
          tag_token_(tokens.tag_token),
          numbering_(numbering),
          list_styles_(list_styles),
          problems_(problems) {}

    PartLayout lay_out() {
        pair_sections();
        for (std::size_t s = 0; s < sections_.size(); ++s) place_section(s);
        check_nesting();
        place_blocks();
        place_lone_images();
        place_shades();
        return std::move(layout_);
    }

private:
    const CompiledPart& part_;
    const std::vector<Token>& tokens_;
    const std::vector<std::size_t>& tag_token_;
    const NumberingInfo& numbering_;
    const ListStyles& list_styles_;
    std::vector<TemplateProblem>& problems_;
    PartLayout layout_;
    std::vector<Section>& sections_ = layout_.sections;
    std::vector<bool>& removed_ = layout_.removed;
    std::map<std::size_t, Instruction>& replacement_at_ = layout_.replacement_at;
    std::set<std::size_t>& column_cells_ = layout_.column_cells;
    std::map<std::size_t, std::pair<int, std::string>>& grid_columns_ = layout_.grid_columns;
    std::map<std::size_t, int>& shade_at_ = layout_.shade_at;

    void problem(int tag, std::string sv, std::string en) {
        problems_.push_back(problem_at(part_, tag, std::move(sv), std::move(en)));
    }
    const Tag* tag_of(int tag) const { return docx::tag_of(part_, tag); }
    std::size_t ancestor(std::size_t token, std::string_view local) const {
        return docx::ancestor(tokens_, token, local);
    }

    // The tag stands alone in its paragraph: no other visible text, no other
    // tag, nothing else a reader would miss if the paragraph went away.
    bool alone_in_paragraph(std::size_t paragraph, std::size_t tag_token) const {
        for (std::size_t i = paragraph + 1; i < tokens_[paragraph].match; ++i) {
            const Token& t = tokens_[i];
            if (t.kind == Token::Kind::tag && i != tag_token) {
                const Tag* other = tag_of(t.node->tag);
                if (!other || other->kind != Tag::Kind::comment) return false;
            }
            if (t.kind == Token::Kind::text)
                for (char c : t.node->text)
                    if (c != ' ' && c != '\t') return false;
            if (t.kind == Token::Kind::start) {
                const XmlNode& n = *t.node;
                if (is_page_break(n)) continue;
                for (std::string_view blocking :
                     {"drawing", "pict", "object", "fldChar", "fldSimple", "sym", "footnoteReference",
                      "endnoteReference", "commentReference", "tab", "br", "p"})
                    if (n.is_w(blocking)) return false;
            }
        }
        return true;
    }

    static bool is_page_break(const XmlNode& node) {
        if (!node.is_w("br")) return false;
        const XmlAttribute* type = node.attribute(ns::wordprocessing, "type");
        return type && (type->value == "page" || type->value == "column");
    }

    // LibreOffice saves "page break before" as a break at the end of the
    // paragraph before; when that is a tag paragraph it stays (emptied of its
    // tag) so the page break is not lost.
    bool holds_page_break(std::size_t paragraph) const {
        for (std::size_t i = paragraph + 1; i < tokens_[paragraph].match; ++i)
            if (tokens_[i].kind == Token::Kind::start && is_page_break(*tokens_[i].node)) return true;
        return false;
    }

    bool last_block_in_cell(std::size_t paragraph) const {
        const std::size_t parent = tokens_[paragraph].parent;
        if (parent == no_token || !tokens_[parent].node->is_w("tc")) return false;
        return tokens_[paragraph].match + 1 == tokens_[parent].match;
    }

    void remove_range(std::size_t first, std::size_t last_inclusive) {
        for (std::size_t i = first; i <= last_inclusive; ++i) removed_[i] = true;
    }

    // Tag paragraphs inside repeated rows or cells go away, except when a
    // table cell would be left without its closing paragraph.
    void remove_tag_paragraph_in_cell(std::size_t tag_token) {
        const std::size_t paragraph = ancestor(tag_token, "p");
        if (paragraph == no_token || !alone_in_paragraph(paragraph, tag_token) || last_block_in_cell(paragraph) ||
            holds_page_break(paragraph))
            return;
        remove_range(paragraph, tokens_[paragraph].match);
    }

    // ---------------------------------------------------------------- sections
    void pair_sections() {
        removed_.assign(tokens_.size(), false);
        std::vector<int> open;
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            if (tokens_[i].kind != Token::Kind::tag) continue;
            const int tag_index = tokens_[i].node->tag;
            const Tag* tag = tag_of(tag_index);
            if (!tag) continue;
            if (tag->kind == Tag::Kind::section || tag->kind == Tag::Kind::inverted) {
                Section section;
                section.open_tag = tag_index;
                section.open_token = i;
                section.parent = open.empty() ? -1 : open.back();
                section.depth = static_cast<int>(open.size());
                sections_.push_back(section);
                open.push_back(static_cast<int>(sections_.size()) - 1);
            } else if (tag->kind == Tag::Kind::close) {
                auto match = std::find_if(open.rbegin(), open.rend(), [&](int s) {
                    return tag_of(sections_[static_cast<std::size_t>(s)].open_tag)->path == tag->path;
                });
                if (match == open.rend()) {
                    if (open.empty()) {
                        problem(tag_index,
                                tag->raw + " stänger inget avsnitt (det finns inget {{#" + tag->path + "}} före)",
                                tag->raw + " closes no section (there is no {{#" + tag->path + "}} before it)");
                    } else {
                        const std::string& other =
                            tag_of(sections_[static_cast<std::size_t>(open.back())].open_tag)->raw;
                        problem(tag_index, tag->raw + " passar inte till det öppna avsnittet " + other,
                                tag->raw + " does not match the open section " + other);
                    }
                    continue;
                }
                // Sections opened after the matching one were never closed.
                while (open.back() != *match) {
                    Section& unclosed = sections_[static_cast<std::size_t>(open.back())];
                    const std::string& raw = tag_of(unclosed.open_tag)->raw;
                    problem(unclosed.open_tag, "avsnittet " + raw + " stängs inte före " + tag->raw,
                            "the section " + raw + " is not closed before " + tag->raw);
                    unclosed.valid = false;
                    open.pop_back();
                }
                Section& section = sections_[static_cast<std::size_t>(open.back())];
                section.close_tag = tag_index;
                section.close_token = i;
                open.pop_back();
            }
        }
        for (int s : open) {
            Section& unclosed = sections_[static_cast<std::size_t>(s)];
            const Tag& open_tag = *tag_of(unclosed.open_tag);
            problem(unclosed.open_tag,
                    "avsnittet " + open_tag.raw + " stängs aldrig (inget {{/" + open_tag.path + "}})",
                    "the section " + open_tag.raw + " is never closed (no {{/" + open_tag.path + "}})");
            unclosed.valid = false;
        }
    }

    // Element names from the root down to the token's parent.
    std::vector<const std::string*> element_path(std::size_t token) const {
        std::vector<const std::string*> path;
        for (std::size_t at = tokens_[token].parent; at != no_token; at = tokens_[at].parent)
            path.push_back(&tokens_[at].node->name);
        return path;
    }

    bool same_element_path(std::size_t a, std::size_t b) const {
        const auto pa = element_path(a), pb = element_path(b);
        if (pa.size() != pb.size()) return false;
        for (std::size_t i = 0; i < pa.size(); ++i)
            if (*pa[i] != *pb[i]) return false;
        return true;
    }

    // The rows holding the two tags when both are rows of one table.
    bool find_rows(std::size_t open, std::size_t close, std::size_t& open_row, std::size_t& close_row) const {
        for (std::size_t row = ancestor(open, "tr"); row != no_token; row = ancestor(row, "tr")) {
            for (std::size_t other = ancestor(close, "tr"); other != no_token; other = ancestor(other, "tr")) {
                if (tokens_[row].parent == tokens_[other].parent) {
                    open_row = row;
                    close_row = other;
                    return true;
                }
            }
        }
        return false;
    }

    // Where a section's two tags stand, as the choice of what it repeats needs it.
    struct TagPlaces {
        std::size_t open_paragraph = no_token, close_paragraph = no_token;
        bool same_paragraph = false;
        bool sibling_paragraphs = false;  // each alone in its paragraph, the two side by side
        bool rows = false;                // in rows of one table
        std::size_t open_row = no_token, close_row = no_token;
    };

    TagPlaces tag_places(const Section& s) const {
        TagPlaces at;
        at.open_paragraph = ancestor(s.open_token, "p");
        at.close_paragraph = ancestor(s.close_token, "p");
        at.same_paragraph = at.open_paragraph != no_token && at.open_paragraph == at.close_paragraph;
        const bool alone = at.open_paragraph != no_token && at.close_paragraph != no_token && !at.same_paragraph &&
                           alone_in_paragraph(at.open_paragraph, s.open_token) &&
                           alone_in_paragraph(at.close_paragraph, s.close_token);
        at.sibling_paragraphs = alone && tokens_[at.open_paragraph].parent == tokens_[at.close_paragraph].parent;
        at.rows = find_rows(s.open_token, s.close_token, at.open_row, at.close_row);
        return at;
    }

    // What a section without a mode of its own repeats: the text inside one
    // paragraph, whole paragraphs, or table rows.
    static Tag::Mode automatic_mode(const TagPlaces& at) {
        if (at.same_paragraph) return Tag::Mode::inline_content;
        if (at.sibling_paragraphs) return Tag::Mode::paragraphs;
        if (at.rows) return Tag::Mode::rows;
        return Tag::Mode::inline_content;
    }

    void place_section(std::size_t index) {
        Section& s = sections_[index];
        if (!s.valid) return;
        const Tag& open_tag = *tag_of(s.open_tag);
        if (!part_.wordprocessing) {
            if (!same_element_path(s.open_token, s.close_token)) {
                problem(s.open_tag, "avsnittet " + open_tag.raw + " måste öppnas och stängas i samma element",
                        "the section " + open_tag.raw + " must open and close inside the same element");
                s.valid = false;
                return;
            }
            s.begin = s.open_token + 1;
            s.end = s.close_token;
            return;
        }
        const TagPlaces at = tag_places(s);
        const Tag::Mode mode = open_tag.mode == Tag::Mode::automatic ? automatic_mode(at) : open_tag.mode;
        switch (mode) {
            case Tag::Mode::automatic:
            case Tag::Mode::inline_content: place_inline(s); return;
            case Tag::Mode::paragraphs: place_paragraphs(s, at); return;
            case Tag::Mode::rows: place_rows(s, at); return;
            case Tag::Mode::column: place_column(s); return;
        }
    }

    void place_inline(Section& s) {
        const Tag& open_tag = *tag_of(s.open_tag);
        const std::string& raw = open_tag.raw;
        if (!same_element_path(s.open_token, s.close_token)) {
            problem(s.open_tag,
                    "avsnittet " + raw + " kan inte upprepas där det står: sätt " + raw + " och {{/" + open_tag.path +
                        "}} i samma stycke, ensamma i stycken intill varandra eller i rader i samma tabell",
                    "the section " + raw + " cannot repeat from where it stands: put " + raw + " and {{/" +
                        open_tag.path +
                        "}} in one paragraph, alone in paragraphs side by side, or in rows of one table");
            s.valid = false;
            return;
        }
        s.begin = s.open_token + 1;
        s.end = s.close_token;
    }

    void place_paragraphs(Section& s, const TagPlaces& at) {
        const Tag& open_tag = *tag_of(s.open_tag);
        const std::string& raw = open_tag.raw;
        if (!at.sibling_paragraphs) {
            problem(s.open_tag,
                    "styckeavsnittet " + raw + " behöver " + raw + " och {{/" + open_tag.path +
                        "}} ensamma i var sitt stycke, intill varandra på samma ställe",
                    "the paragraph section " + raw + " needs " + raw + " and {{/" + open_tag.path +
                        "}} each alone in a paragraph, side by side in the same place");
            s.valid = false;
            return;
        }
        s.begin = tokens_[at.open_paragraph].match + 1;
        s.end = at.close_paragraph;
        if (!holds_page_break(at.open_paragraph)) remove_range(at.open_paragraph, tokens_[at.open_paragraph].match);
        if (!last_block_in_cell(at.close_paragraph) && !holds_page_break(at.close_paragraph))
            remove_range(at.close_paragraph, tokens_[at.close_paragraph].match);
    }

    void place_rows(Section& s, const TagPlaces& at) {
        const Tag& open_tag = *tag_of(s.open_tag);
        const std::string& raw = open_tag.raw;
        if (!at.rows) {
            problem(
                s.open_tag,
                "radavsnittet " + raw + " behöver " + raw + " och {{/" + open_tag.path + "}} i rader i samma tabell",
                "the row section " + raw + " needs " + raw + " and {{/" + open_tag.path +
                    "}} in rows of the same table");
            s.valid = false;
            return;
        }
        s.begin = at.open_row;
        s.end = tokens_[at.close_row].match + 1;
        remove_tag_paragraph_in_cell(s.open_token);
        remove_tag_paragraph_in_cell(s.close_token);
    }

    void place_column(Section& s) {
        const Tag& open_tag = *tag_of(s.open_tag);
        const std::size_t cell = ancestor(s.open_token, "tc");
        if (cell == no_token || ancestor(s.close_token, "tc") != cell) {
            problem(s.open_tag,
                    "kolumnavsnittet " + open_tag.raw + " behöver " + open_tag.raw + " och {{/" + open_tag.path +
                        "}} i samma tabellcell",
                    "the column section " + open_tag.raw + " needs " + open_tag.raw + " and {{/" + open_tag.path +
                        "}} in the same table cell");
            s.valid = false;
            return;
        }
        s.begin = cell;
        s.end = tokens_[cell].match + 1;
        s.column_cell = cell;
        column_cells_.insert(cell);
        remove_tag_paragraph_in_cell(s.open_token);
        remove_tag_paragraph_in_cell(s.close_token);

        // Which grid column the cell covers: gridBefore plus the spans of the
        // cells before it in its row.
        const std::size_t row = tokens_[cell].parent;
        long column = 0;
        for (std::size_t i = row + 1; i < cell; ++i) {
            const Token& t = tokens_[i];
            if (t.kind != Token::Kind::start) continue;
            if (t.node->is_w("gridBefore") || (t.node->is_w("gridSpan") && ancestor(i, "tc") != cell)) {
                if (const XmlAttribute* val = t.node->attribute(ns::wordprocessing, "val")) {
                    // Saturated: the values come from the template, and two
                    // near LONG_MAX overflowed the sum. A column beyond any
                    // grid is reported below like any other missing column.
                    long count = 0;
                    const char* first = val->value.data();
                    const char* last = first + val->value.size();
                    const auto [rest, error] = std::from_chars(first, last, count);
                    if (error == std::errc::result_out_of_range)
                        count = first != last && *first == '-' ? 0 : max_grid_count;
                    if (error != std::errc::invalid_argument)
                        column += std::clamp(count, 0L, max_grid_count) - (t.node->is_w("gridSpan") ? 1 : 0);
                }
            }
            if (t.node->is_w("tc") && t.parent == row) ++column;
        }
        const std::size_t table = tokens_[row].parent;
        std::size_t grid = no_token;
        for (std::size_t i = table + 1; i < tokens_[table].match; ++i)
            if (tokens_[i].kind == Token::Kind::start && tokens_[i].parent == table && tokens_[i].node->is_w("tblGrid"))
                grid = i;
        if (grid == no_token) {
            problem(s.open_tag, "kolumnavsnittet " + open_tag.raw + " står i en tabell utan kolumnrutnät (w:tblGrid)",
                    "the column section " + open_tag.raw + " is in a table without a column grid (w:tblGrid)");
            return;
        }
        long index = 0;
        for (std::size_t i = grid + 1; i < tokens_[grid].match; ++i) {
            if (tokens_[i].kind != Token::Kind::start || tokens_[i].parent != grid) continue;
            if (index++ != column) continue;
            const auto existing = grid_columns_.find(i);
            if (existing == grid_columns_.end()) {
                const XmlAttribute* width = tokens_[i].node->attribute(ns::wordprocessing, "w");
                grid_columns_[i] = {s.open_tag, width ? width->value : "0"};
                remove_range(i, tokens_[i].match);
            }
            return;
        }
        problem(s.open_tag, "kolumnavsnittet " + open_tag.raw + " står i en kolumn som tabellens rutnät inte har",
                "the column section " + open_tag.raw + " stands in a column the table grid does not have");
    }

    // Bodies must nest the way the tags do; two sections repeating the same
    // row, or a row section around half of another, cannot be rendered.
    void check_nesting() {
        std::vector<int> last_child(sections_.size() + 1, -1);
        for (std::size_t i = 0; i < sections_.size(); ++i) {
            Section& s = sections_[i];
            if (!s.valid || s.begin == no_token) continue;
            int parent = s.parent;
            while (parent >= 0 && !sections_[static_cast<std::size_t>(parent)].valid)
                parent = sections_[static_cast<std::size_t>(parent)].parent;
            if (parent >= 0) {
                const Section& p = sections_[static_cast<std::size_t>(parent)];
                if (s.begin < p.begin || s.end > p.end) {
                    problem(s.open_tag,
                            "avsnittet " + tag_of(s.open_tag)->raw + " når utanför avsnittet " +
                                tag_of(p.open_tag)->raw +
                                " runt det (ett rad- eller styckeavsnitt inuti måste stanna inuti)",
                            "the section " + tag_of(s.open_tag)->raw + " reaches outside the section " +
                                tag_of(p.open_tag)->raw +
                                " around it (a row or paragraph section inside must stay inside)");
                    s.valid = false;
                    continue;
                }
            }
            const std::size_t slot = static_cast<std::size_t>(parent + 1);
            if (last_child[slot] >= 0) {
                const Section& previous = sections_[static_cast<std::size_t>(last_child[slot])];
                if (previous.end > s.begin) {
                    problem(s.open_tag,
                            "avsnitten " + tag_of(previous.open_tag)->raw + " och " + tag_of(s.open_tag)->raw +
                                " upprepar samma rader eller stycken; ge vart och ett sina egna",
                            "the sections " + tag_of(previous.open_tag)->raw + " and " + tag_of(s.open_tag)->raw +
                                " repeat the same rows or paragraphs; give each its own");
                    s.valid = false;
                    continue;
                }
            }
            last_child[slot] = static_cast<int>(i);
        }
    }

    // ---------------------------------------------------------------- block tags

    void place_blocks() {
        for (std::size_t t = 0; t < part_.tags.size(); ++t) {
            const Tag* tag = tag_of(static_cast<int>(t));
            if (!tag || tag->kind != Tag::Kind::block) continue;
            const std::size_t token = tag_token_[t];
            if (token == no_token) continue;
            const std::size_t paragraph = part_.wordprocessing ? ancestor(token, "p") : no_token;
            if (paragraph == no_token || !alone_in_paragraph(paragraph, token)) {
                problem(static_cast<int>(t), "blocktaggen " + tag->raw + " måste stå ensam i sitt stycke",
                        "the block tag " + tag->raw + " must stand alone in its paragraph");
                continue;
            }
            Instruction block;
            block.op = Op::block;
            block.tag = static_cast<int>(t);
            const std::size_t run = ancestor(token, "r");
            block.block = std::make_shared<BlockStyle>(make_block_style(
                *tokens_[paragraph].node, run == no_token ? nullptr : tokens_[run].node, part_.w_prefix,
                list_styles_.bullet_style, list_styles_.number_style, numbering_number_abstract()));
            remove_range(paragraph, tokens_[paragraph].match);
            replacement_at_[paragraph] = std::move(block);
        }
    }

    // An image tag that is all of its w:t replaces the w:t: the run then
    // holds the drawing alone, without empty text on either side.
    void place_lone_images() {
        for (std::size_t t = 0; t < part_.tags.size(); ++t) {
            const Tag* tag = tag_of(static_cast<int>(t));
            const std::size_t token = tag_token_[t];
            if (!tag || tag->kind != Tag::Kind::image || token == no_token || !tokens_[token].node->children.empty())
                continue;
            const std::size_t text = tokens_[token].parent;
            if (text == no_token || !tokens_[text].node->is_w("t") || tokens_[text].match != token + 1 ||
                text + 1 != token)
                continue;
            remove_range(text, tokens_[text].match);
            replacement_at_[text] = {Op::image, "bare", static_cast<int>(t), 0, nullptr, nullptr};
        }
    }

    // {{shade x}} decides the shading of the cell it stands in: the cell's
    // own w:shd (its colour chosen in the template) is written only when x
    // is true. The value is read where the cell starts, so the tag may not
    // stand inside a section that opens within the same cell (its item is
    // not known yet there); a column or row section around the cell is fine.
    void place_shades() {
        for (std::size_t t = 0; t < part_.tags.size(); ++t) {
            const Tag* tag = tag_of(static_cast<int>(t));
            const std::size_t token = tag_token_[t];
            if (!tag || tag->kind != Tag::Kind::shade || token == no_token) continue;
            const int index = static_cast<int>(t);
            const std::size_t cell = part_.wordprocessing ? ancestor(token, "tc") : no_token;
            if (cell == no_token) {
                problem(index, "skuggningstaggen " + tag->raw + " måste stå i en tabellcell",
                        "the shading tag " + tag->raw + " must stand in a table cell");
                continue;
            }
            std::size_t shading = no_token;
            for (std::size_t i = cell + 1; i < tokens_[cell].match && shading == no_token; ++i) {
                if (tokens_[i].kind != Token::Kind::start || tokens_[i].parent != cell) continue;
                if (!tokens_[i].node->is_w("tcPr")) break;
                for (std::size_t k = i + 1; k < tokens_[i].match; ++k)
                    if (tokens_[k].kind == Token::Kind::start && tokens_[k].parent == i && tokens_[k].node->is_w("shd"))
                        shading = k;
            }
            if (shading == no_token) {
                problem(
                    index,
                    "cellen med " + tag->raw + " har ingen skuggning: skugga cellen i mallen med den färg den ska få",
                    "the cell of " + tag->raw +
                        " has no shading: shade the cell in the template with the colour it should get");
                continue;
            }
            bool inside_section = false;
            for (const Section& s : sections_)
                if (s.valid && s.begin != no_token && s.begin > cell && s.begin <= token && s.end > token)
                    inside_section = true;
            if (inside_section) {
                problem(index,
                        "skuggningstaggen " + tag->raw +
                            " står i ett avsnitt som öppnas i samma cell; sätt den utanför avsnittet",
                        "the shading tag " + tag->raw +
                            " stands inside a section that opens in the same cell; put it outside that section");
                continue;
            }
            if (!shade_at_.emplace(shading, index).second)
                problem(index, "cellen med " + tag->raw + " har redan en skuggningstagg",
                        "the cell of " + tag->raw + " already has a shading tag");
        }
    }

    std::string numbering_number_abstract() const {
        if (list_styles_.number_num_id.empty()) return "";
        const auto found = numbering_.abstract_of_num.find(list_styles_.number_num_id);
        return found == numbering_.abstract_of_num.end() ? "" : found->second;
    }
};

}  // namespace

PartLayout lay_out_sections(const CompiledPart& part, const PartTokens& tokens, const NumberingInfo& numbering,
                            const ListStyles& list_styles, std::vector<TemplateProblem>& problems) {
    return SectionLayout(part, tokens, numbering, list_styles, problems).lay_out();
}

}  // namespace esfdraft::docx
