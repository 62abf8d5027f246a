// Compiles a template package: finds the content parts, merges tags that
// are split over runs, pairs sections and decides how each repeats, and
// turns every part into a flat program (compiled_template.hpp).
#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <stdexcept>

#include "docx/engine/compiled_template.hpp"
#include "docx/engine/template_parts.hpp"
#include "docx/engine/wordprocessing_properties.hpp"
#include "model/printable.hpp"

namespace esfdraft::docx {

namespace {

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
// More grid columns than a gridSpan or gridBefore may count (Word allows 63):
// summing the cells of a row up to a part's size then stays far from LONG_MAX.
constexpr long max_grid_count = 1L << 20;
constexpr std::string_view word_2010 = "http://schemas.microsoft.com/office/word/2010/wordml";

// ------------------------------------------------------------------ context excerpts

// Cuts `text` at a UTF-8 character boundary at or before `at`.
std::size_t utf8_floor(std::string_view text, std::size_t at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
}

std::string excerpt(std::string_view text, std::size_t begin, std::size_t end) {
    constexpr std::size_t margin = 30;
    std::size_t from = begin > margin ? utf8_floor(text, begin - margin) : 0;
    std::size_t to = end + margin < text.size() ? utf8_floor(text, end + margin) : text.size();
    // Whole words: a cut word starts or ends at the nearest space inside the margin.
    if (from > 0)
        if (const std::size_t space = text.find(' ', from); space != std::string_view::npos && space < begin)
            from = space + 1;
    if (to < text.size())
        if (const std::size_t space = text.rfind(' ', to); space != std::string_view::npos && space >= end) to = space;
    std::string out;
    if (from > 0) out += "\xE2\x80\xA6";
    out += text.substr(from, to - from);
    if (to < text.size()) out += "\xE2\x80\xA6";
    return sanitize_xml_text(out);
}

// ------------------------------------------------------------------ one part

struct Token {
    enum class Kind { start, end, text, tag };
    Kind kind = Kind::text;
    const XmlNode* node = nullptr;
    std::size_t match = none;   // start <-> end
    std::size_t parent = none;  // start token of the enclosing element
    int paragraph = 0;          // number of the innermost paragraph
};

struct Section {
    int open_tag = -1;
    int close_tag = -1;
    std::size_t open_token = none;
    std::size_t close_token = none;
    int parent = -1;  // enclosing section (by tag nesting)
    int depth = 0;
    bool valid = true;
    std::size_t begin = none;  // body: tokens [begin, end)
    std::size_t end = none;
    std::size_t column_cell = none;  // column loops: start token of the w:tc
};

class PartCompiler {
public:
    PartCompiler(CompiledPart& part, XmlNode& root, std::vector<TemplateProblem>& problems,
                 const NumberingInfo& numbering, const ListStyles& list_styles)
        : part_(part), root_(root), problems_(problems), numbering_(numbering), list_styles_(list_styles) {}

    void compile() {
        part_.w_prefix = wordprocessing_prefix(root_);
        if (part_.wordprocessing)
            scan_wordprocessing(root_);
        else
            scan_plain(root_);
        flatten(root_, none, 0);
        tag_token_.assign(part_.tags.size(), none);
        for (std::size_t i = 0; i < tokens_.size(); ++i)
            if (tokens_[i].kind == Token::Kind::tag) tag_token_[static_cast<std::size_t>(tokens_[i].node->tag)] = i;
        pair_sections();
        for (std::size_t s = 0; s < sections_.size(); ++s) place_section(s);
        check_nesting();
        place_blocks();
        place_lone_images();
        place_shades();
        emit();
    }

private:
    CompiledPart& part_;
    XmlNode& root_;
    std::vector<TemplateProblem>& problems_;
    const NumberingInfo& numbering_;
    const ListStyles& list_styles_;
    int paragraph_count_ = 0;
    std::vector<Token> tokens_;
    std::vector<std::size_t> tag_token_;
    std::vector<Section> sections_;
    std::vector<int> section_of_open_tag_;
    std::vector<bool> removed_;
    std::map<std::size_t, Instruction> replacement_at_;  // token index -> instruction replacing that element
    std::set<std::size_t> column_cells_;                 // start tokens of w:tc repeated by column loops
    std::map<std::size_t, std::pair<int, std::string>> grid_columns_;  // gridCol start token -> (tag, width)
    std::vector<int> open_sections_;            // while emitting: the sections open, outermost first
    std::map<std::size_t, int> shade_at_;       // w:shd start token -> the {{shade}} tag deciding it
    std::size_t open_shade_ = none;             // while emitting: program index of the open shade instruction
    std::set<std::string> repeated_bookmarks_;  // ids of bookmarks inside a repeated body

    void problem(int tag, std::string sv, std::string en) {
        problems_.push_back(problem_at(part_, tag, std::move(sv), std::move(en)));
    }
    // A problem found while scanning, at the paragraph being scanned.
    void problem_in_paragraph(int paragraph, std::string context, std::string sv, std::string en) {
        TemplateProblem found{part_.name, paragraph, std::move(context), std::move(en), std::move(sv)};
        found.heading = heading_;
        if (!cells_.empty()) {
            found.table_row = cells_.back().first;
            found.table_column = cells_.back().second;
        }
        problems_.push_back(std::move(found));
    }

    // While scanning: the text of the last heading paragraph passed, and the
    // (row, column) reached in each table open around the paragraph.
    std::string heading_;
    std::vector<std::pair<int, int>> cells_;

    int register_tag(std::string raw, int paragraph, std::string context, bool in_text_run) {
        TagSite site;
        site.raw = raw;
        site.paragraph = paragraph;
        site.context = std::move(context);
        site.in_text_run = in_text_run;
        site.heading = heading_;
        if (!cells_.empty()) {
            site.table_row = cells_.back().first;
            site.table_column = cells_.back().second;
        }
        TagProblem why;
        site.tag = parse_tag(raw, why);
        part_.tags.push_back(std::move(site));
        const int index = static_cast<int>(part_.tags.size()) - 1;
        if (!part_.tags.back().tag) problem(index, std::move(why.sv), std::move(why.en));
        return index;
    }

    static XmlNode tag_node(int tag) {
        XmlNode node;
        node.kind = XmlNode::Kind::tag;
        node.tag = tag;
        return node;
    }

    static XmlNode text_node(std::string text) {
        XmlNode node;
        node.kind = XmlNode::Kind::text;
        node.text = std::move(text);
        return node;
    }

    // ---------------------------------------------------------------- scanning

    void scan_wordprocessing(XmlNode& node) {
        for (XmlNode& child : node.children) {
            if (child.kind != XmlNode::Kind::element) continue;
            if (child.is_w("tbl")) {
                cells_.emplace_back(0, 0);
                scan_wordprocessing(child);
                cells_.pop_back();
                continue;
            }
            if (child.is_w("tr") && !cells_.empty()) cells_.back() = {cells_.back().first + 1, 0};
            if (child.is_w("tc") && !cells_.empty()) ++cells_.back().second;
            if (child.is_w("p")) {
                ++paragraph_count_;
                // A heading names the place of what follows it, not its own.
                std::optional<std::string> heading;
                if (is_heading(child)) heading = heading_text(child);
                scan_paragraph(child, paragraph_count_);
                if (heading && !heading->empty()) heading_ = std::move(*heading);
            } else if (child.is_w("drawing")) {
                if (scan_placeholder(child)) continue;
            }
            scan_wordprocessing(child);
        }
    }

    // A paragraph in a heading style: its style id or name begins with
    // "Heading" or "Rubrik" (Word's ids in English and Swedish), or the style
    // is a title.
    bool is_heading(const XmlNode& paragraph) const {
        const XmlNode* properties = paragraph.child(ns::wordprocessing, "pPr");
        const XmlNode* style = properties ? properties->child(ns::wordprocessing, "pStyle") : nullptr;
        const XmlAttribute* id = style ? style->attribute(ns::wordprocessing, "val") : nullptr;
        return id && (list_styles_.heading_styles.count(id->value) || is_heading_style_name(id->value));
    }

    // The heading's visible text, shortened for a message.
    static std::string heading_text(XmlNode& paragraph) {
        std::vector<XmlNode*> slots;
        collect_text_slots(paragraph, slots);
        std::string text;
        for (XmlNode* slot : slots) text += slot_text(*slot);
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
        std::size_t first = 0;
        while (first < text.size() && (text[first] == ' ' || text[first] == '\t')) ++first;
        text.erase(0, first);
        constexpr std::size_t longest = 60;
        if (text.size() > longest) text = text.substr(0, utf8_floor(text, longest)) + "\xE2\x80\xA6";
        return sanitize_xml_text(text);
    }

    // A picture whose alternative text is {{%name}} is an image placeholder:
    // the drawing becomes a tag node that keeps the original drawing.
    bool scan_placeholder(XmlNode& drawing) {
        const XmlNode* doc_properties = nullptr;
        for (const XmlNode& frame : drawing.children)
            if (frame.kind == XmlNode::Kind::element)
                if (const XmlNode* found = frame.child(ns::drawing_wordprocessing, "docPr")) doc_properties = found;
        if (!doc_properties) return false;
        std::string raw;
        for (const char* attribute : {"descr", "title"}) {
            if (const XmlAttribute* a = doc_properties->attribute("", attribute)) {
                std::string text = normalize_tag_text(a->value);
                while (!text.empty() && text.back() == ' ') text.pop_back();
                while (!text.empty() && text.front() == ' ') text.erase(0, 1);
                if (text.size() > 4 && text.rfind("{{", 0) == 0 && ends_with(text, "}}")) {
                    raw = text;
                    break;
                }
            }
        }
        if (raw.empty()) return false;
        const int tag = register_tag(raw, paragraph_count_, raw, false);
        part_.tags[static_cast<std::size_t>(tag)].in_picture = true;
        for (TemplateProblem& found : problems_)  // a problem register_tag found names the picture too
            if (found.part == part_.name && found.paragraph == paragraph_count_ && found.context == raw)
                found.in_picture = true;
        const auto& parsed = part_.tags[static_cast<std::size_t>(tag)].tag;
        if (parsed && parsed->kind != Tag::Kind::image) {
            problem(tag, "en bilds alternativtext kan bara innehålla en bildtagg som {{%logo}}, inte " + raw,
                    "a picture's alternative text can only hold an image tag like {{%logo}}, not " + raw);
            part_.tags[static_cast<std::size_t>(tag)].tag.reset();
        }
        XmlNode placeholder = tag_node(tag);
        placeholder.children.push_back(std::move(drawing));
        drawing = std::move(placeholder);
        return true;
    }

    static void collect_text_slots(XmlNode& node, std::vector<XmlNode*>& slots) {
        for (XmlNode& child : node.children) {
            if (child.kind != XmlNode::Kind::element) continue;
            // Nested paragraphs (text boxes) are scanned on their own; deleted
            // text, field codes and deleted field codes are not visible.
            if (child.is_w("p") || child.is_w("del") || child.is_w("moveFrom") || child.is_w("instrText") ||
                child.is_w("delText"))
                continue;
            if (child.is_w("t")) {
                slots.push_back(&child);
                continue;
            }
            collect_text_slots(child, slots);
        }
    }

    static std::string slot_text(const XmlNode& t) {
        std::string out;
        for (const XmlNode& c : t.children)
            if (c.kind == XmlNode::Kind::text) out += c.text;
        return out;
    }

    static void ensure_preserve(XmlNode& t) {
        if (t.attribute(ns::xml, "space")) {
            t.attribute(ns::xml, "space")->value = "preserve";
            return;
        }
        t.attributes.push_back({"xml:space", std::string(ns::xml), "space", "preserve"});
    }

    // Finds {{…}} in the paragraph's visible text and moves every tag into
    // the w:t where it starts, whatever runs, proofing marks, bookmarks or
    // revision marks Word put between its characters.
    void scan_paragraph(XmlNode& paragraph, int number) {
        std::vector<XmlNode*> slots;
        collect_text_slots(paragraph, slots);
        std::string visible;
        std::vector<std::size_t> slot_start;
        for (XmlNode* slot : slots) {
            slot_start.push_back(visible.size());
            visible += slot_text(*slot);
        }
        if (visible.find("{{") == std::string::npos) return;

        struct Found {
            std::size_t begin, end;
        };
        std::vector<Found> found;
        std::size_t at = 0;
        while (true) {
            const std::size_t open = visible.find("{{", at);
            if (open == std::string::npos) break;
            const std::size_t close = visible.find("}}", open + 2);
            const std::size_t next_open = visible.find("{{", open + 2);
            if (close == std::string::npos) {
                const std::string tag = model::printable(sanitize_xml_text(visible.substr(open, 40)));
                problem_in_paragraph(number, excerpt(visible, open, visible.size()),
                                     "taggen \"" + tag + "\" stängs inte med }} i det här stycket",
                                     "the tag \"" + tag + "\" is not closed with }} in this paragraph");
                break;
            }
            if (next_open != std::string::npos && next_open < close) {
                // "{{{x}}": a stray brace before a tag; report and continue at the next "{{".
                if (next_open == open + 1) {
                    at = next_open;
                    continue;
                }
                const std::string tag = model::printable(sanitize_xml_text(visible.substr(open, next_open - open)));
                problem_in_paragraph(number, excerpt(visible, open, next_open),
                                     "taggen \"" + tag + "\" stängs inte med }} före nästa {{",
                                     "the tag \"" + tag + "\" is not closed with }} before the next {{");
                at = next_open;
                continue;
            }
            found.push_back({open, close + 2});
            at = close + 2;
        }
        if (found.empty()) return;

        // Every character belongs to a slot; a tag's characters all move to
        // the slot holding its first character.
        std::vector<std::size_t> owner(visible.size());
        for (std::size_t k = 0; k < slots.size(); ++k) {
            const std::size_t end = k + 1 < slots.size() ? slot_start[k + 1] : visible.size();
            for (std::size_t i = slot_start[k]; i < end; ++i) owner[i] = k;
        }
        for (const Found& f : found)
            for (std::size_t i = f.begin; i < f.end; ++i) owner[i] = owner[f.begin];
        std::vector<std::string> texts(slots.size());
        std::vector<std::vector<std::pair<std::size_t, std::size_t>>> spans(slots.size());  // (offset, found index)
        std::size_t next_found = 0;
        for (std::size_t i = 0; i < visible.size(); ++i) {
            const std::size_t k = owner[i];
            if (next_found < found.size() && found[next_found].begin == i)
                spans[k].emplace_back(texts[k].size(), next_found++);
            texts[k] += visible[i];
        }
        for (std::size_t k = 0; k < slots.size(); ++k) {
            XmlNode& slot = *slots[k];
            const std::size_t original_length =
                (k + 1 < slots.size() ? slot_start[k + 1] : visible.size()) - slot_start[k];
            if (spans[k].empty() && texts[k].size() == original_length) continue;
            slot.children.clear();
            if (texts[k].empty()) {
                slot.dropped = true;
                continue;
            }
            std::size_t position = 0;
            for (const auto& [offset, index] : spans[k]) {
                const Found& f = found[index];
                const std::size_t length = f.end - f.begin;
                if (offset > position) slot.children.push_back(text_node(texts[k].substr(position, offset - position)));
                const int tag =
                    register_tag(texts[k].substr(offset, length), number, excerpt(visible, f.begin, f.end), true);
                slot.children.push_back(tag_node(tag));
                position = offset + length;
            }
            if (position < texts[k].size()) slot.children.push_back(text_node(texts[k].substr(position)));
            ensure_preserve(slot);
        }
    }

    // Plain parts (docProps/core.xml): tags inside single text nodes.
    void scan_plain(XmlNode& node) {
        std::vector<XmlNode> children;
        children.reserve(node.children.size());
        for (XmlNode& child : node.children) {
            if (child.kind == XmlNode::Kind::element) scan_plain(child);
            if (child.kind != XmlNode::Kind::text || child.text.find("{{") == std::string::npos) {
                children.push_back(std::move(child));
                continue;
            }
            const std::string& text = child.text;
            std::size_t at = 0;
            while (at < text.size()) {
                const std::size_t open = text.find("{{", at);
                const std::size_t close = open == std::string::npos ? std::string::npos : text.find("}}", open + 2);
                if (close == std::string::npos) {
                    if (open != std::string::npos)
                        problem_in_paragraph(0, excerpt(text, open, text.size()),
                                             "taggen i <" + node.name + "> stängs inte med }}",
                                             "the tag in <" + node.name + "> is not closed with }}");
                    children.push_back(text_node(text.substr(at)));
                    break;
                }
                if (open > at) children.push_back(text_node(text.substr(at, open - at)));
                children.push_back(
                    tag_node(register_tag(text.substr(open, close + 2 - open), 0,
                                          "<" + node.name + ">" + excerpt(text, open, close + 2), false)));
                at = close + 2;
            }
        }
        node.children = std::move(children);
    }

    // ---------------------------------------------------------------- tokens

    void flatten(const XmlNode& node, std::size_t parent, int paragraph) {
        if (node.dropped) return;
        Token token;
        token.node = &node;
        token.parent = parent;
        token.paragraph = paragraph;
        switch (node.kind) {
            case XmlNode::Kind::text:
                token.kind = Token::Kind::text;
                tokens_.push_back(token);
                return;
            case XmlNode::Kind::tag:
                token.kind = Token::Kind::tag;
                tokens_.push_back(token);
                return;
            case XmlNode::Kind::element: break;
        }
        if (part_.wordprocessing && node.is_w("p")) token.paragraph = paragraph = ++paragraph_count_flat_;
        token.kind = Token::Kind::start;
        const std::size_t start = tokens_.size();
        tokens_.push_back(token);
        for (const XmlNode& child : node.children) flatten(child, start, paragraph);
        Token end = token;
        end.kind = Token::Kind::end;
        end.match = start;
        tokens_[start].match = tokens_.size();
        tokens_.push_back(end);
    }
    int paragraph_count_flat_ = 0;

    const Tag* tag_of(int tag) const {
        const auto& site = part_.tags[static_cast<std::size_t>(tag)];
        return site.tag ? &*site.tag : nullptr;
    }

    std::size_t ancestor(std::size_t token, std::string_view local) const {
        for (std::size_t at = tokens_[token].parent; at != none; at = tokens_[at].parent)
            if (tokens_[at].node->is_w(local)) return at;
        return none;
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
        if (parent == none || !tokens_[parent].node->is_w("tc")) return false;
        return tokens_[paragraph].match + 1 == tokens_[parent].match;
    }

    void remove_range(std::size_t first, std::size_t last_inclusive) {
        for (std::size_t i = first; i <= last_inclusive; ++i) removed_[i] = true;
    }

    // Tag paragraphs inside repeated rows or cells go away, except when a
    // table cell would be left without its closing paragraph.
    void remove_tag_paragraph_in_cell(std::size_t tag_token) {
        const std::size_t paragraph = ancestor(tag_token, "p");
        if (paragraph == none || !alone_in_paragraph(paragraph, tag_token) || last_block_in_cell(paragraph) ||
            holds_page_break(paragraph))
            return;
        remove_range(paragraph, tokens_[paragraph].match);
    }

    // ---------------------------------------------------------------- sections

    void pair_sections() {
        removed_.assign(tokens_.size(), false);
        section_of_open_tag_.assign(part_.tags.size(), -1);
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
                section_of_open_tag_[static_cast<std::size_t>(tag_index)] = static_cast<int>(sections_.size()) - 1;
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
        for (std::size_t at = tokens_[token].parent; at != none; at = tokens_[at].parent)
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
        for (std::size_t row = ancestor(open, "tr"); row != none; row = ancestor(row, "tr")) {
            for (std::size_t other = ancestor(close, "tr"); other != none; other = ancestor(other, "tr")) {
                if (tokens_[row].parent == tokens_[other].parent) {
                    open_row = row;
                    close_row = other;
                    return true;
                }
            }
        }
        return false;
    }

    void place_section(std::size_t index) {
        Section& s = sections_[index];
        if (!s.valid) return;
        const Tag& open_tag = *tag_of(s.open_tag);
        const std::string& raw = open_tag.raw;
        if (!part_.wordprocessing) {
            if (!same_element_path(s.open_token, s.close_token)) {
                problem(s.open_tag, "avsnittet " + raw + " måste öppnas och stängas i samma element",
                        "the section " + raw + " must open and close inside the same element");
                s.valid = false;
                return;
            }
            s.begin = s.open_token + 1;
            s.end = s.close_token;
            return;
        }
        const std::size_t open_paragraph = ancestor(s.open_token, "p");
        const std::size_t close_paragraph = ancestor(s.close_token, "p");
        const bool same_paragraph = open_paragraph != none && open_paragraph == close_paragraph;
        const bool alone = open_paragraph != none && close_paragraph != none && !same_paragraph &&
                           alone_in_paragraph(open_paragraph, s.open_token) &&
                           alone_in_paragraph(close_paragraph, s.close_token);
        const bool sibling_paragraphs = alone && tokens_[open_paragraph].parent == tokens_[close_paragraph].parent;
        std::size_t open_row = none, close_row = none;
        const bool rows = find_rows(s.open_token, s.close_token, open_row, close_row);

        Tag::Mode mode = open_tag.mode;
        if (mode == Tag::Mode::automatic) {
            if (same_paragraph)
                mode = Tag::Mode::inline_content;
            else if (sibling_paragraphs)
                mode = Tag::Mode::paragraphs;
            else if (rows)
                mode = Tag::Mode::rows;
            else
                mode = Tag::Mode::inline_content;
        }
        switch (mode) {
            case Tag::Mode::automatic:
            case Tag::Mode::inline_content:
                if (!same_element_path(s.open_token, s.close_token)) {
                    problem(s.open_tag,
                            "avsnittet " + raw + " kan inte upprepas där det står: sätt " + raw + " och {{/" +
                                open_tag.path +
                                "}} i samma stycke, ensamma i stycken intill varandra eller i rader i samma tabell",
                            "the section " + raw + " cannot repeat from where it stands: put " + raw + " and {{/" +
                                open_tag.path +
                                "}} in one paragraph, alone in paragraphs side by side, or in rows of one table");
                    s.valid = false;
                    return;
                }
                s.begin = s.open_token + 1;
                s.end = s.close_token;
                return;
            case Tag::Mode::paragraphs:
                if (!sibling_paragraphs) {
                    problem(s.open_tag,
                            "styckeavsnittet " + raw + " behöver " + raw + " och {{/" + open_tag.path +
                                "}} ensamma i var sitt stycke, intill varandra på samma ställe",
                            "the paragraph section " + raw + " needs " + raw + " and {{/" + open_tag.path +
                                "}} each alone in a paragraph, side by side in the same place");
                    s.valid = false;
                    return;
                }
                s.begin = tokens_[open_paragraph].match + 1;
                s.end = close_paragraph;
                if (!holds_page_break(open_paragraph)) remove_range(open_paragraph, tokens_[open_paragraph].match);
                if (!last_block_in_cell(close_paragraph) && !holds_page_break(close_paragraph))
                    remove_range(close_paragraph, tokens_[close_paragraph].match);
                return;
            case Tag::Mode::rows:
                if (!rows) {
                    problem(s.open_tag,
                            "radavsnittet " + raw + " behöver " + raw + " och {{/" + open_tag.path +
                                "}} i rader i samma tabell",
                            "the row section " + raw + " needs " + raw + " and {{/" + open_tag.path +
                                "}} in rows of the same table");
                    s.valid = false;
                    return;
                }
                s.begin = open_row;
                s.end = tokens_[close_row].match + 1;
                remove_tag_paragraph_in_cell(s.open_token);
                remove_tag_paragraph_in_cell(s.close_token);
                return;
            case Tag::Mode::column: place_column(s); return;
        }
    }

    void place_column(Section& s) {
        const Tag& open_tag = *tag_of(s.open_tag);
        const std::size_t cell = ancestor(s.open_token, "tc");
        if (cell == none || ancestor(s.close_token, "tc") != cell) {
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
        std::size_t grid = none;
        for (std::size_t i = table + 1; i < tokens_[table].match; ++i)
            if (tokens_[i].kind == Token::Kind::start && tokens_[i].parent == table && tokens_[i].node->is_w("tblGrid"))
                grid = i;
        if (grid == none) {
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
            if (!s.valid || s.begin == none) continue;
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
            if (token == none) continue;
            const std::size_t paragraph = part_.wordprocessing ? ancestor(token, "p") : none;
            if (paragraph == none || !alone_in_paragraph(paragraph, token)) {
                problem(static_cast<int>(t), "blocktaggen " + tag->raw + " måste stå ensam i sitt stycke",
                        "the block tag " + tag->raw + " must stand alone in its paragraph");
                continue;
            }
            Instruction block;
            block.op = Op::block;
            block.tag = static_cast<int>(t);
            const std::size_t run = ancestor(token, "r");
            block.block = std::make_shared<BlockStyle>(
                make_block_style(*tokens_[paragraph].node, run == none ? nullptr : tokens_[run].node, part_.w_prefix,
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
            if (!tag || tag->kind != Tag::Kind::image || token == none || !tokens_[token].node->children.empty())
                continue;
            const std::size_t text = tokens_[token].parent;
            if (text == none || !tokens_[text].node->is_w("t") || tokens_[text].match != token + 1 || text + 1 != token)
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
            if (!tag || tag->kind != Tag::Kind::shade || token == none) continue;
            const int index = static_cast<int>(t);
            const std::size_t cell = part_.wordprocessing ? ancestor(token, "tc") : none;
            if (cell == none) {
                problem(index, "skuggningstaggen " + tag->raw + " måste stå i en tabellcell",
                        "the shading tag " + tag->raw + " must stand in a table cell");
                continue;
            }
            std::size_t shading = none;
            for (std::size_t i = cell + 1; i < tokens_[cell].match && shading == none; ++i) {
                if (tokens_[i].kind != Token::Kind::start || tokens_[i].parent != cell) continue;
                if (!tokens_[i].node->is_w("tcPr")) break;
                for (std::size_t k = i + 1; k < tokens_[i].match; ++k)
                    if (tokens_[k].kind == Token::Kind::start && tokens_[k].parent == i && tokens_[k].node->is_w("shd"))
                        shading = k;
            }
            if (shading == none) {
                problem(
                    index,
                    "cellen med " + tag->raw + " har ingen skuggning: skugga cellen i mallen med den färg den ska få",
                    "the cell of " + tag->raw +
                        " has no shading: shade the cell in the template with the colour it should get");
                continue;
            }
            bool inside_section = false;
            for (const Section& s : sections_)
                if (s.valid && s.begin != none && s.begin > cell && s.begin <= token && s.end > token)
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
    // whose every repetition a restarting list starts again; 0 for none.
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
            if (cell_properties != none && column_cells_.count(tokens_[cell_properties].parent)) return Op::cell_width;
        }
        return Op::literal;
    }

    // Bookmarks and Word's paragraph ids must be unique; copies made by a
    // loop would repeat them, so bookmarks touching a repeated body are
    // dropped (both ends) and paragraph ids inside one are left out.
    void find_repeated_bookmarks() {
        std::vector<bool> repeated(tokens_.size() + 1, false);
        for (const Section& s : sections_)
            if (s.valid && s.begin != none)
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

    void emit() {
        if (part_.wordprocessing) find_repeated_bookmarks();
        std::vector<std::vector<int>> opens(tokens_.size() + 1), closes(tokens_.size() + 1);
        for (std::size_t i = 0; i < sections_.size(); ++i) {
            const Section& s = sections_[i];
            if (!s.valid || s.begin == none) continue;
            opens[s.begin].push_back(static_cast<int>(i));
            if (s.end != s.begin) closes[s.end].push_back(static_cast<int>(i));
        }
        std::string literal;
        std::vector<std::size_t> open_instructions;  // program index of each open section instruction
        auto open_section = [&](int s) {
            const Section& section = sections_[static_cast<std::size_t>(s)];
            // "column" tells the renderer to divide cell widths by the item count.
            push(literal,
                 {Op::section, section.column_cell != none ? "column" : "", section.open_tag, 0, nullptr, nullptr});
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

            if (auto replacement = replacement_at_.find(i); replacement != replacement_at_.end())
                push(literal, replacement->second);
            if (auto grid = grid_columns_.find(i); grid != grid_columns_.end())
                push(literal, {Op::grid_columns, grid->second.second, grid->second.first, 0, nullptr, nullptr});
            if (removed_[i]) continue;
            const Token& t = tokens_[i];
            if (t.kind == Token::Kind::start && dropped_bookmark(i))
                continue;  // childless: its end token writes nothing
            const auto shade = t.kind == Token::Kind::start ? shade_at_.find(i) : shade_at_.end();
            if (shade != shade_at_.end()) {
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
                    if (open_shade_ != none && shade_at_.count(t.match)) {
                        push(literal, {Op::shade_end, "", -1, 0, nullptr, nullptr});
                        part_.program[open_shade_].end = part_.program.size() - 1;
                        open_shade_ = none;
                    }
                    break;
                case Token::Kind::text: append_escaped_text(literal, t.node->text); break;
                case Token::Kind::tag: emit_tag(literal, i); break;
            }
        }
        flush(literal);
    }

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

TemplateProblem problem_at(const CompiledPart& part, int tag, std::string message_sv, std::string message_en) {
    const TagSite& site = part.tags[static_cast<std::size_t>(tag)];
    TemplateProblem problem{part.name, site.paragraph, site.context, std::move(message_en), std::move(message_sv)};
    problem.heading = site.heading;
    problem.table_row = site.table_row;
    problem.table_column = site.table_column;
    problem.in_picture = site.in_picture;
    return problem;
}

std::shared_ptr<DocumentTemplate::Compiled> compile_template(Package package, const std::string& template_name) {
    auto compiled = std::make_shared<DocumentTemplate::Compiled>();
    compiled->name = template_name;
    const std::string quoted_name = "template '" + template_name + "'";
    const ContentTypes types = read_content_types(package, quoted_name);

    std::string main_part, styles_part, numbering_part;
    std::vector<std::string> headers_and_footers, notes, plain_parts;
    for (const auto& [part, type] : types.overrides) {
        if (ends_with(type, "wordprocessingml.document.main+xml") ||
            ends_with(type, "wordprocessingml.template.main+xml") ||
            ends_with(type, "document.macroEnabled.main+xml") ||
            ends_with(type, "template.macroEnabledTemplate.main+xml")) {
            main_part = part;
            compiled->main_is_template = ends_with(type, "template.main+xml");
        } else if (ends_with(type, "wordprocessingml.header+xml") || ends_with(type, "wordprocessingml.footer+xml")) {
            headers_and_footers.push_back(part);
        } else if (ends_with(type, "wordprocessingml.footnotes+xml") ||
                   ends_with(type, "wordprocessingml.endnotes+xml")) {
            notes.push_back(part);
        } else if (ends_with(type, "wordprocessingml.styles+xml")) {
            styles_part = part;
        } else if (ends_with(type, "wordprocessingml.numbering+xml")) {
            numbering_part = part;
        } else if (ends_with(type, "package.core-properties+xml")) {
            plain_parts.push_back(part);
        }
    }
    if (main_part.empty())
        throw std::runtime_error(quoted_name + ": no main document part (word/document.xml) in [Content_Types].xml");
    if (!package.find(main_part))
        throw std::runtime_error(quoted_name + ": the main document part " + main_part + " is missing");
    compiled->main_part = main_part;

    std::optional<XmlNode> styles;
    if (!styles_part.empty())
        if (const std::string* bytes = package.find(styles_part))
            styles = parse_xml(*bytes, quoted_name + ": " + styles_part);
    const ListStyles list_styles = find_list_styles(styles ? &*styles : nullptr);
    compiled->numbering = read_numbering(package, numbering_part, quoted_name);

    std::vector<std::pair<std::string, bool>> order{{main_part, true}};
    for (const std::string& part : headers_and_footers) order.emplace_back(part, true);
    for (const std::string& part : notes) order.emplace_back(part, true);
    for (const std::string& part : plain_parts) order.emplace_back(part, false);
    for (const auto& [name, wordprocessing] : order) {
        const std::string* bytes = package.find(name);
        if (!bytes) continue;  // an override for a part that is not there: nothing to render
        XmlNode root = parse_xml(*bytes, quoted_name + ": " + name);
        CompiledPart part;
        part.name = name;
        part.rels_name = relationships_part_for(name);
        part.wordprocessing = wordprocessing;
        if (const std::string* rels = package.find(part.rels_name)) {
            const XmlNode rels_root = parse_xml(*rels, quoted_name + ": " + part.rels_name);
            for (const XmlNode& relationship : rels_root.children)
                if (const XmlAttribute* id = relationship.attribute("", "Id")) part.relationship_ids.insert(id->value);
        }
        const std::size_t first_problem = compiled->problems.size();
        PartCompiler(part, root, compiled->problems, compiled->numbering, list_styles).compile();
        // Report in document order, whichever step found the problem.
        std::stable_sort(compiled->problems.begin() + static_cast<std::ptrdiff_t>(first_problem),
                         compiled->problems.end(),
                         [](const TemplateProblem& a, const TemplateProblem& b) { return a.paragraph < b.paragraph; });
        compiled->parts.push_back(std::move(part));
    }
    compiled->package = std::move(package);
    return compiled;
}

}  // namespace esfdraft::docx
