#include "load/xml_markup.hpp"

#include <stdexcept>

namespace esfdraft::load {
namespace {

[[noreturn]] void fail(const std::string& message) { throw std::runtime_error(message); }

std::size_t skip_past(std::string_view xml, std::size_t from, std::string_view end) {
    const std::size_t at = xml.find(end, from);
    if (at == std::string_view::npos) fail("the markup is cut off (no '" + std::string(end) + "')");
    return at + end.size();
}

// The end of a tag starting at `from` ('<'): just after its '>', past quoted values.
std::size_t tag_end(std::string_view xml, std::size_t from, bool& self_closing) {
    char quote = 0;
    for (std::size_t i = from + 1; i < xml.size(); ++i) {
        const char c = xml[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            self_closing = xml[i - 1] == '/';
            return i + 1;
        }
    }
    fail("the markup is cut off (a tag without '>')");
}

std::string tag_name(std::string_view xml, std::size_t from) {
    std::size_t end = from;
    while (end < xml.size() && xml[end] != '>' && xml[end] != '/' && xml[end] != ' ' && xml[end] != '\t' &&
           xml[end] != '\r' && xml[end] != '\n')
        ++end;
    return std::string(xml.substr(from, end - from));
}

}  // namespace

std::string ElementSpan::prefix() const {
    const std::size_t colon = qualified_name.find(':');
    return colon == std::string::npos ? std::string() : qualified_name.substr(0, colon + 1);
}

std::string ElementSpan::local_name() const {
    const std::size_t colon = qualified_name.find(':');
    return colon == std::string::npos ? qualified_name : qualified_name.substr(colon + 1);
}

RootSpans find_root_children(std::string_view xml) {
    RootSpans spans;
    int depth = 0;
    bool in_root = false;
    std::size_t i = 0;
    while ((i = xml.find('<', i)) != std::string_view::npos) {
        if (xml.substr(i, 4) == "<!--") {
            i = skip_past(xml, i + 4, "-->");
        } else if (xml.substr(i, 9) == "<![CDATA[") {
            i = skip_past(xml, i + 9, "]]>");
        } else if (xml.substr(i, 2) == "<?") {
            i = skip_past(xml, i + 2, "?>");
        } else if (xml.substr(i, 2) == "<!") {
            fail("a DOCTYPE is not allowed");
        } else if (xml.substr(i, 2) == "</") {
            --depth;
            const std::size_t end = skip_past(xml, i, ">");
            if (depth == 1 && !spans.children.empty()) {
                spans.children.back().content_end = i;
                spans.children.back().end = end;
            } else if (depth == 0 && in_root) {
                spans.root.content_end = i;
                spans.root.end = end;
                return spans;
            }
            i = end;
        } else {
            bool self_closing = false;
            const std::size_t end = tag_end(xml, i, self_closing);
            if (depth <= 1) {
                ElementSpan span;
                span.start_tag = i;
                span.content_begin = end;
                span.qualified_name = tag_name(xml, i + 1);
                span.self_closing = self_closing;
                if (self_closing) span.content_end = span.end = end;
                if (depth == 0) {
                    if (in_root) fail("there is more than one root element");
                    in_root = true;
                    spans.root = span;
                    if (self_closing) return spans;
                } else {
                    spans.children.push_back(span);
                }
            }
            if (!self_closing) ++depth;
            i = end;
        }
    }
    fail(in_root ? "the root element is not closed" : "there is no root element");
}

void append_escaped(std::string& out, std::string_view text, bool attribute, std::string_view newline) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += attribute ? "&quot;" : "\""; break;
            case '\r': out += "&#13;"; break;
            case '\t': out += attribute ? "&#9;" : "\t"; break;
            case '\n':
                if (attribute)
                    out += "&#10;";
                else
                    out += newline;
                break;
            default: out += c;
        }
    }
}

void append_attribute(std::string& out, std::string_view name, std::string_view value) {
    out += ' ';
    out += name;
    out += "=\"";
    append_escaped(out, value, true);
    out += '"';
}

std::string indent_before(std::string_view xml, std::size_t at) {
    const std::size_t line_break = at == 0 ? std::string_view::npos : xml.rfind('\n', at - 1);
    const std::size_t line_start = line_break == std::string_view::npos ? 0 : line_break + 1;
    std::string indent(xml.substr(line_start, at - line_start));
    if (indent.find_first_not_of(" \t") != std::string::npos) return {};
    return indent;
}

}  // namespace esfdraft::load
