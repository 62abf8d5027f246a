// Step 1 of compiling a part (part_compilation.hpp): finds {{…}} in the
// visible text of each paragraph, or in the text nodes of a plain part,
// moves every tag into the w:t where it starts, turns a picture whose
// alternative text is a tag into a placeholder, and records each tag site
// with the heading and table cell a Word user finds it under.
#include <optional>

#include "docx/engine/part_compilation.hpp"
#include "docx/engine/tag_syntax.hpp"
#include "model/printable.hpp"

namespace esfdraft::docx {

namespace {

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

class TagScanner {
public:
    TagScanner(CompiledPart& part, std::vector<TemplateProblem>& problems, const ListStyles& list_styles)
        : part_(part), problems_(problems), list_styles_(list_styles) {}

    void scan(XmlNode& root) {
        if (part_.wordprocessing)
            scan_wordprocessing(root);
        else
            scan_plain(root);
    }

private:
    CompiledPart& part_;
    std::vector<TemplateProblem>& problems_;
    const ListStyles& list_styles_;
    int paragraph_count_ = 0;

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

    // A tag's place in a paragraph's visible text: [begin, end).
    struct Found {
        std::size_t begin, end;
    };

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
        const std::vector<Found> found = find_tags(visible, number);
        if (!found.empty()) move_tags_into_slots(slots, slot_start, visible, found, number);
    }

    // The tags of a paragraph's visible text; a tag left open is reported.
    std::vector<Found> find_tags(const std::string& visible, int number) {
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
        return found;
    }

    // Every character belongs to a slot; a tag's characters all move to
    // the slot holding its first character.
    void move_tags_into_slots(const std::vector<XmlNode*>& slots, const std::vector<std::size_t>& slot_start,
                              const std::string& visible, const std::vector<Found>& found, int number) {
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
};

}  // namespace

void scan_tags(CompiledPart& part, XmlNode& root, const ListStyles& list_styles,
               std::vector<TemplateProblem>& problems) {
    TagScanner(part, problems, list_styles).scan(root);
}

}  // namespace esfdraft::docx
