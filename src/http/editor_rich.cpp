#include "http/editor_rich.hpp"

#include <sstream>
#include <vector>

namespace esfdraft::http::editor {

namespace {

using model::Element;

bool space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string inline_markup(const Element& element) {
    std::string out;
    for (const model::ElementContent& piece : element.content) {
        if (piece.is_text) {
            for (char c : piece.text) {
                if (space(c)) {
                    if (!out.empty() && out.back() != ' ') out += ' ';
                } else {
                    out += c;
                }
            }
            continue;
        }
        const Element& inner = element.children[piece.child];
        const std::string mark = inner.name == "strong" ? "**" : inner.name == "em" ? "*" : "";
        out += mark + inline_markup(inner) + mark;
    }
    return out;
}

std::string trimmed(std::string text) {
    while (!text.empty() && space(text.back())) text.pop_back();
    std::size_t start = 0;
    while (start < text.size() && space(text[start])) ++start;
    return text.substr(start);
}

// "a *b* **c**" as text, <em> and <strong> in `into`.
void inlines(Element& into, std::string_view text) {
    std::string plain;
    std::size_t i = 0;
    const auto flush = [&] {
        if (!plain.empty()) into.append_text(plain);
        plain.clear();
    };
    while (i < text.size()) {
        const bool strong = text.compare(i, 2, "**") == 0;
        if (strong || text[i] == '*') {
            const std::string_view mark = strong ? "**" : "*";
            const std::size_t close = text.find(mark, i + mark.size());
            if (close != std::string_view::npos && close > i + mark.size()) {
                flush();
                into.append(strong ? "strong" : "em", std::string(text.substr(i + mark.size(), close - i - mark.size())));
                i = close + mark.size();
                continue;
            }
        }
        plain += text[i++];
    }
    flush();
}

// A list item's text when `line` starts one ("- ", "* ", "1. "); else nullopt.
bool list_item(const std::string& line, bool& numbered, std::string& text) {
    if (line.size() > 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' ') {
        numbered = false;
        text = trimmed(line.substr(2));
        return true;
    }
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    if (digits > 0 && digits + 1 < line.size() && line[digits] == '.' && line[digits + 1] == ' ') {
        numbered = true;
        text = trimmed(line.substr(digits + 2));
        return true;
    }
    return false;
}

}  // namespace

std::string rich_markup(const Element* element) {
    if (!element) return "";
    std::vector<std::string> blocks;
    for (const Element& block : element->children) {
        if (block.name == "p") {
            blocks.push_back(trimmed(inline_markup(block)));
        } else if (block.name == "ul" || block.name == "ol") {
            std::string list;
            std::size_t n = 0;
            for (const Element& item : block.children) {
                if (item.name != "li") continue;
                list += (list.empty() ? "" : "\n") + (block.name == "ul" ? std::string("- ") : std::to_string(++n) + ". ") + trimmed(inline_markup(item));
            }
            blocks.push_back(list);
        }
    }
    std::string out;
    for (const std::string& block : blocks) out += (out.empty() ? "" : "\n\n") + block;
    return out;
}

Element rich_element(std::string name, std::string_view markup) {
    Element out(std::move(name));
    std::istringstream lines{std::string(markup)};
    std::string line, paragraph;
    Element* list = nullptr;
    bool list_numbered = false;
    const auto end_paragraph = [&] {
        const std::string text = trimmed(paragraph);
        if (!text.empty()) inlines(out.append("p"), text);
        paragraph.clear();
    };
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::string clean = trimmed(line);
        bool numbered = false;
        std::string item;
        if (clean.empty()) {
            end_paragraph();
            list = nullptr;
        } else if (list_item(clean, numbered, item)) {
            end_paragraph();
            if (!list || list_numbered != numbered) {
                list = &out.append(numbered ? "ol" : "ul");
                list_numbered = numbered;
            }
            inlines(list->append("li"), item);
        } else if (list) {
            // A line under an item continues it.
            Element& last = list->children.back();
            last.append_text(" ");
            inlines(last, clean);
        } else {
            paragraph += (paragraph.empty() ? "" : " ") + clean;
        }
    }
    end_paragraph();
    return out;
}

}  // namespace esfdraft::http::editor
