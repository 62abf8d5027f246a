#include "http/rich_text_form.hpp"

#include <vector>

#include "model/values.hpp"

namespace esfdraft::http {
namespace {

// A run of text with its emphasis, as the plan reader reads a paragraph
// (load/plan_reader.cpp read_inlines): both directions go through these
// runs, so markup_from and fill_rich_text agree with what a check sees.
struct Run {
    std::string text;
    bool em = false;
    bool strong = false;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Appends `text`, runs of whitespace collapsed to one space that stays in
// the run where it was written, never doubled across runs, none at the start.
void add_text(std::vector<Run>& runs, std::string_view text, bool em, bool strong) {
    bool after_space = runs.empty() || (!runs.back().text.empty() && runs.back().text.back() == ' ');
    std::string collapsed;
    for (const char c : text) {
        const bool space = is_space(c);
        if (space && after_space) continue;
        collapsed += space ? ' ' : c;
        after_space = space;
    }
    if (collapsed.empty()) return;
    if (!runs.empty() && runs.back().em == em && runs.back().strong == strong)
        runs.back().text += collapsed;
    else
        runs.push_back(Run{std::move(collapsed), em, strong});
}

// The block's trailing space is layout, not content.
void trim_end(std::vector<Run>& runs) {
    while (!runs.empty()) {
        std::string& last = runs.back().text;
        while (!last.empty() && last.back() == ' ') last.pop_back();
        if (!last.empty()) break;
        runs.pop_back();
    }
}

void collect(const model::Element& element, bool em, bool strong, std::vector<Run>& runs) {
    for (const model::ElementContent& piece : element.content) {
        if (piece.is_text) {
            add_text(runs, piece.text, em, strong);
        } else if (piece.child < element.children.size()) {
            const model::Element& child = element.children[piece.child];
            collect(child, em || child.name == "em", strong || child.name == "strong", runs);
        }
    }
}

std::vector<Run> runs_of(const model::Element& block) {
    std::vector<Run> runs;
    collect(block, false, false, runs);
    trim_end(runs);
    return runs;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

enum class ItemKind { none, bullet, number };

// The item a (left-trimmed) line starts, and the text after its marker.
ItemKind item_marker(std::string_view line, std::string_view& rest) {
    std::size_t after = 0;
    ItemKind kind = ItemKind::none;
    if (!line.empty() && (line[0] == '-' || line[0] == '*')) {
        after = 1;
        kind = ItemKind::bullet;
    } else {
        while (after < line.size() && is_digit(line[after])) ++after;
        if (after == 0 || after >= line.size() || line[after] != '.') return ItemKind::none;
        ++after;
        kind = ItemKind::number;
    }
    if (after < line.size() && line[after] != ' ' && line[after] != '\t') return ItemKind::none;
    rest = line.substr(after);
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    return kind;
}

// ------------------------------------------------------------------ to markup

std::string inline_markup(const std::vector<Run>& runs) {
    std::string out;
    bool em = false, strong = false;
    const auto toggle_to = [&](bool to_em, bool to_strong) {
        // Strong first, so that "***" always reads as ** then *.
        if (to_strong != strong) out += "**";
        if (to_em != em) out += "*";
        em = to_em;
        strong = to_strong;
    };
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const Run& run = runs[r];
        toggle_to(run.em, run.strong);
        // After the run's last character comes a marker when another run
        // follows (adjacent runs differ) or this one must be closed.
        const bool marker_follows = r + 1 < runs.size() || run.em || run.strong;
        for (std::size_t k = 0; k < run.text.size(); ++k) {
            const char c = run.text[k];
            if (c == '*') {
                out += "\\*";
            } else if (c == '\\') {
                const bool before_special =
                    k + 1 < run.text.size() ? run.text[k + 1] == '*' || run.text[k + 1] == '\\' : marker_follows;
                out += before_special ? "\\\\" : "\\";
            } else {
                out += c;
            }
        }
    }
    toggle_to(false, false);
    return out;
}

std::string paragraph_markup(const std::vector<Run>& runs) {
    std::string text = inline_markup(runs);
    // A paragraph that would read as an item, or whose leading backslash
    // would be taken for that escape, gets one of its own.
    std::string_view rest;
    if (item_marker(text, rest) != ItemKind::none ||
        (text.size() > 1 && text[0] == '\\' && (text[1] == '-' || is_digit(text[1]))))
        text.insert(0, "\\");
    return text;
}

// ---------------------------------------------------------------- from markup

struct Token {
    enum Kind { text, em, strong } kind = text;
    std::string value;  // text only
};

std::vector<Run> parse_inline(std::string_view text) {
    std::vector<Token> tokens;
    const auto literal = [&](std::string_view value) {
        if (!tokens.empty() && tokens.back().kind == Token::text)
            tokens.back().value += value;
        else
            tokens.push_back(Token{Token::text, std::string(value)});
    };
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size() && (text[i + 1] == '*' || text[i + 1] == '\\')) {
            literal(text.substr(i + 1, 1));
            i += 2;
        } else if (c == '*') {
            const bool two = i + 1 < text.size() && text[i + 1] == '*';
            tokens.push_back(Token{two ? Token::strong : Token::em, {}});
            i += two ? 2 : 1;
        } else {
            literal(text.substr(i, 1));
            ++i;
        }
    }
    // An odd marker of a kind: its last one was never closed, and is text.
    for (const Token::Kind kind : {Token::strong, Token::em}) {
        std::size_t count = 0, last = 0;
        for (std::size_t t = 0; t < tokens.size(); ++t)
            if (tokens[t].kind == kind) ++count, last = t;
        if (count % 2 == 1) tokens[last] = Token{Token::text, kind == Token::strong ? "**" : "*"};
    }
    std::vector<Run> runs;
    bool em = false, strong = false;
    for (const Token& token : tokens) {
        if (token.kind == Token::em)
            em = !em;
        else if (token.kind == Token::strong)
            strong = !strong;
        else
            add_text(runs, token.value, em, strong);
    }
    trim_end(runs);
    return runs;
}

// The runs as content: strong runs side by side in one <strong>, with <em>
// inside it where both hold.
void append_runs(model::Element& block, const std::vector<Run>& runs) {
    for (std::size_t r = 0; r < runs.size();) {
        if (runs[r].strong) {
            model::Element strong("strong");
            for (; r < runs.size() && runs[r].strong; ++r) {
                if (runs[r].em)
                    strong.append("em", runs[r].text);
                else
                    strong.append_text(runs[r].text);
            }
            block.content.push_back(model::ElementContent{false, {}, block.children.size()});
            block.children.push_back(std::move(strong));
        } else {
            if (runs[r].em)
                block.append("em", runs[r].text);
            else
                block.append_text(runs[r].text);
            ++r;
        }
    }
}

std::vector<std::string> lines_of(std::string_view markup) {
    std::vector<std::string> lines(1);
    for (std::size_t i = 0; i < markup.size(); ++i) {
        const char c = markup[i];
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < markup.size() && markup[i + 1] == '\n') ++i;
            lines.emplace_back();
        } else {
            lines.back() += c;
        }
    }
    return lines;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

class BlockBuilder {
public:
    explicit BlockBuilder(model::Element& target) : target_(target) {}

    void line(const std::string& raw) {
        std::string_view trimmed(raw);
        while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t')) trimmed.remove_prefix(1);
        std::string_view rest;
        const ItemKind kind = item_marker(trimmed, rest);
        if (kind != ItemKind::none) {
            flush_paragraph();
            if (list_ != kind) flush_list();
            list_ = kind;
            items_.emplace_back(rest);
            return;
        }
        if (list_ != ItemKind::none && trimmed.size() < raw.size()) {  // indented under an item
            items_.back() += ' ';
            items_.back() += trimmed;
            return;
        }
        flush_list();
        if (trimmed.size() > 1 && trimmed[0] == '\\' && (trimmed[1] == '-' || is_digit(trimmed[1])))
            trimmed.remove_prefix(1);
        if (!paragraph_.empty()) paragraph_ += ' ';
        paragraph_ += trimmed;
    }

    void end_block() {
        flush_paragraph();
        flush_list();
    }

private:
    void flush_paragraph() {
        if (paragraph_.empty()) return;
        const std::vector<Run> runs = parse_inline(paragraph_);
        paragraph_.clear();
        if (runs.empty()) return;
        append_runs(target_.append("p"), runs);
    }
    void flush_list() {
        if (list_ == ItemKind::none) return;
        model::Element list(list_ == ItemKind::bullet ? "ul" : "ol");
        for (const std::string& item : items_) append_runs(list.append("li"), parse_inline(item));
        target_.content.push_back(model::ElementContent{false, {}, target_.children.size()});
        target_.children.push_back(std::move(list));
        items_.clear();
        list_ = ItemKind::none;
    }

    model::Element& target_;
    std::string paragraph_;
    ItemKind list_ = ItemKind::none;
    std::vector<std::string> items_;
};

}  // namespace

std::string markup_from(const model::Element& rich_text_element) {
    std::vector<std::string> blocks;
    for (const model::ElementContent& piece : rich_text_element.content) {
        if (piece.is_text || piece.child >= rich_text_element.children.size()) continue;
        const model::Element& block = rich_text_element.children[piece.child];
        if (block.name == "p") {
            const std::vector<Run> runs = runs_of(block);
            if (!runs.empty()) blocks.push_back(paragraph_markup(runs));
        } else if (block.name == "ul" || block.name == "ol") {
            std::string list;
            std::size_t number = 0;
            for (const model::ElementContent& item_piece : block.content) {
                if (item_piece.is_text || item_piece.child >= block.children.size()) continue;
                const model::Element& item = block.children[item_piece.child];
                if (item.name != "li") continue;
                if (!list.empty()) list += '\n';
                const std::string text = inline_markup(runs_of(item));
                list += block.name == "ul" ? std::string("-") : std::to_string(++number) + ".";
                if (!text.empty()) list += " " + text;
            }
            if (!list.empty()) blocks.push_back(std::move(list));
        }
    }
    return model::join(blocks, "\n\n");
}

void fill_rich_text(model::Element& target, std::string_view markup) {
    BlockBuilder builder(target);
    for (const std::string& line : lines_of(markup)) {
        if (is_blank(line))
            builder.end_block();
        else
            builder.line(line);
    }
    builder.end_block();
}

}  // namespace esfdraft::http
