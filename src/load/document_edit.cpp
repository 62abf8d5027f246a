#include "load/document_edit.hpp"

#include <optional>
#include <utility>

#include "load/xml_input.hpp"
#include "load/xml_markup.hpp"
#include "load/xml_tree.hpp"

namespace esfdraft::load {
namespace {

std::string describe(const model::Finding& finding) {
    return finding.message_id + " at line " + std::to_string(finding.where.line);
}

model::Element to_element(XmlElement&& from) {
    model::Element out(std::move(from.name));
    out.attributes = std::move(from.attributes);
    out.line = from.line;
    out.children.reserve(from.children.size());
    for (XmlElement& child : from.children) out.children.push_back(to_element(std::move(child)));
    out.content.reserve(from.content.size());
    for (XmlContent& piece : from.content)
        out.content.push_back(model::ElementContent{piece.is_text, std::move(piece.text), piece.child});
    return out;
}

// Parses for well-formedness; throws UnreadableDocument.
XmlElement parsed(std::string_view bytes, const std::string& file) {
    model::Findings findings;
    XmlElement tree;
    if (!read_well_formed(bytes, file, findings, tree)) {
        model::Finding first;
        if (!findings.empty())
            first = findings.front();
        else
            first.rule = "X001", first.message_id = "X001.not_well_formed";
        throw UnreadableDocument(std::move(first));
    }
    return tree;
}

// The whitespace before `at` on its line, or nullopt when anything else stands there.
std::optional<std::string> own_line_indent(std::string_view xml, std::size_t at) {
    const std::size_t line_break = at == 0 ? std::string_view::npos : xml.rfind('\n', at - 1);
    const std::size_t line_start = line_break == std::string_view::npos ? 0 : line_break + 1;
    const std::string_view before = xml.substr(line_start, at - line_start);
    if (before.find_first_not_of(" \t") != std::string_view::npos) return std::nullopt;
    if (line_break == std::string_view::npos && at != 0) return std::nullopt;
    return std::string(before);
}

// The format's mixed-content elements (plan-1.xsd and findings-1.xsd type
// Inline): written on one line even when they hold only elements, because
// whitespace between <em> and <strong> would be text.
bool is_mixed(const std::string& name) { return name == "p" || name == "li" || name == "em" || name == "strong"; }

struct Style {
    std::string prefix;   // "" or "p:"
    std::string newline;  // "\n" or "\r\n"
    std::string step;     // one level of indentation
};

// The pieces to write: the content, or the children when content is empty.
template <typename Visit>
void each_piece(const model::Element& element, Visit visit) {
    if (element.content.empty()) {
        for (const model::Element& child : element.children) visit(nullptr, &child);
        return;
    }
    for (const model::ElementContent& piece : element.content) {
        if (piece.is_text)
            visit(&piece.text, nullptr);
        else if (piece.child < element.children.size())
            visit(nullptr, &element.children[piece.child]);
    }
}

bool is_empty(const model::Element& element) {
    bool empty = true;
    each_piece(element, [&](const std::string* text, const model::Element*) {
        if (!text || !text->empty()) empty = false;
    });
    return empty;
}

void write_start(std::string& out, const model::Element& element, const Style& style, std::string_view extra = {}) {
    out += '<';
    out += style.prefix;
    out += element.name;
    out += extra;
    for (const auto& [name, value] : element.attributes) append_attribute(out, name, value);
}

void write_inline(std::string& out, const model::Element& element, const Style& style) {
    write_start(out, element, style);
    if (is_empty(element)) {
        out += "/>";
        return;
    }
    out += '>';
    each_piece(element, [&](const std::string* text, const model::Element* child) {
        if (text)
            append_escaped(out, *text, false, style.newline);
        else
            write_inline(out, *child, style);
    });
    out += "</" + style.prefix + element.name + ">";
}

void write_element(std::string& out, const model::Element& element, const Style& style, const std::string& indent,
                   std::string_view extra = {}) {
    if (is_empty(element)) {
        write_start(out, element, style, extra);
        out += "/>";
        return;
    }
    bool any_child = false;
    each_piece(element, [&](const std::string*, const model::Element* child) { any_child = any_child || child; });
    if (!any_child || element.has_text() || is_mixed(element.name)) {
        if (extra.empty()) {
            write_inline(out, element, style);
        } else {
            write_start(out, element, style, extra);
            out += '>';
            each_piece(element, [&](const std::string* text, const model::Element* child) {
                if (text)
                    append_escaped(out, *text, false, style.newline);
                else
                    write_inline(out, *child, style);
            });
            out += "</" + style.prefix + element.name + ">";
        }
        return;
    }
    // Only elements (and whitespace, which the layout replaces).
    write_start(out, element, style, extra);
    out += '>';
    const std::string inner = indent + style.step;
    each_piece(element, [&](const std::string*, const model::Element* child) {
        if (!child) return;
        out += style.newline + inner;
        write_element(out, *child, style, inner);
    });
    out += style.newline + indent + "</" + style.prefix + element.name + ">";
}

struct Document {
    RootSpans spans;
    Style style;
    std::string root_indent;
};

Document layout_of(std::string_view xml, const std::string& file) {
    (void)parsed(xml, file);
    Document document;
    document.spans = find_root_children(xml);
    const std::size_t first_break = xml.find('\n');
    document.style.newline =
        first_break != std::string_view::npos && first_break > 0 && xml[first_break - 1] == '\r' ? "\r\n" : "\n";
    document.style.prefix = document.spans.root.prefix();
    document.root_indent = own_line_indent(xml, document.spans.root.start_tag).value_or("");
    document.style.step = "  ";
    for (const ElementSpan& child : document.spans.children) {
        const std::optional<std::string> indent = own_line_indent(xml, child.start_tag);
        if (!indent) continue;
        if (indent->size() > document.root_indent.size() && indent->starts_with(document.root_indent))
            document.style.step = indent->substr(document.root_indent.size());
        break;
    }
    return document;
}

std::string written(const model::Element& element, const Document& document, const std::string& indent) {
    std::string out;
    write_element(out, element, document.style, indent);
    return out;
}

}  // namespace

UnreadableDocument::UnreadableDocument(model::Finding finding)
    : std::runtime_error("the document cannot be read: " + describe(finding)), finding_(std::move(finding)) {}

model::Element read_document_tree(std::string_view bytes, const std::string& file) {
    return to_element(parsed(bytes, file));
}

std::string replace_root_child(std::string_view xml, std::size_t index, const model::Element& replacement,
                               const std::string& file) {
    const Document document = layout_of(xml, file);
    if (index >= document.spans.children.size())
        throw std::out_of_range("the root has " + std::to_string(document.spans.children.size()) +
                                " child elements, not " + std::to_string(index + 1));
    const ElementSpan& old = document.spans.children[index];
    const std::string indent = own_line_indent(xml, old.start_tag).value_or(document.root_indent + document.style.step);
    std::string out(xml.substr(0, old.start_tag));
    out += written(replacement, document, indent);
    out.append(xml.substr(old.end));
    return out;
}

std::string insert_root_child(std::string_view xml, std::size_t before, const model::Element& element,
                              const std::string& file) {
    const Document document = layout_of(xml, file);
    const std::vector<ElementSpan>& children = document.spans.children;
    if (before == std::string::npos) before = children.size();
    if (before > children.size())
        throw std::out_of_range("the root has " + std::to_string(children.size()) +
                                " child elements; cannot insert before number " + std::to_string(before + 1));
    const std::string& nl = document.style.newline;
    std::string out;
    if (before < children.size()) {
        const std::size_t at = children[before].start_tag;
        const std::optional<std::string> indent = own_line_indent(xml, at);
        out.append(xml.substr(0, at));
        out += written(element, document, indent.value_or(document.root_indent + document.style.step));
        if (indent) out += nl + *indent;
        out.append(xml.substr(at));
        return out;
    }
    if (!children.empty()) {
        const ElementSpan& last = children.back();
        const std::optional<std::string> indent = own_line_indent(xml, last.start_tag);
        out.append(xml.substr(0, last.end));
        if (indent) out += nl + *indent;
        out += written(element, document, indent.value_or(document.root_indent + document.style.step));
        out.append(xml.substr(last.end));
        return out;
    }
    const ElementSpan& root = document.spans.root;
    const std::string inner = document.root_indent + document.style.step;
    if (root.self_closing) {
        // <root …/> becomes <root …> the element </root>.
        std::size_t slash = root.end - 2;
        out.append(xml.substr(0, slash));
        out += ">" + nl + inner + written(element, document, inner) + nl + document.root_indent + "</" +
               root.qualified_name + ">";
        out.append(xml.substr(root.end));
        return out;
    }
    const std::string_view content = xml.substr(root.content_begin, root.content_end - root.content_begin);
    if (content.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        out.append(xml.substr(0, root.content_begin));
        out += nl + inner + written(element, document, inner) + nl + document.root_indent;
        out.append(xml.substr(root.content_end));
        return out;
    }
    // Only comments or processing instructions: after them, on a line of its own.
    const std::optional<std::string> end_indent = own_line_indent(xml, root.content_end);
    if (end_indent) {
        const std::size_t line_start = root.content_end - end_indent->size();
        out.append(xml.substr(0, line_start));
        out += inner + written(element, document, inner) + nl;
        out.append(xml.substr(line_start));
    } else {
        out.append(xml.substr(0, root.content_end));
        out += nl + inner + written(element, document, inner) + nl + document.root_indent;
        out.append(xml.substr(root.content_end));
    }
    return out;
}

std::string remove_root_child(std::string_view xml, std::size_t index, const std::string& file) {
    const Document document = layout_of(xml, file);
    if (index >= document.spans.children.size())
        throw std::out_of_range("the root has " + std::to_string(document.spans.children.size()) +
                                " child elements, not " + std::to_string(index + 1));
    const ElementSpan& old = document.spans.children[index];
    std::size_t from = old.start_tag, to = old.end;
    const std::optional<std::string> indent = own_line_indent(xml, old.start_tag);
    if (indent) {
        std::size_t after = old.end;
        while (after < xml.size() && (xml[after] == ' ' || xml[after] == '\t')) ++after;
        if (after < xml.size() && xml[after] == '\r' && after + 1 < xml.size() && xml[after + 1] == '\n')
            after += 2;
        else if (after < xml.size() && xml[after] == '\n')
            after += 1;
        else
            after = std::string_view::npos;
        if (after != std::string_view::npos) {
            from = old.start_tag - indent->size();
            to = after;
        }
    }
    std::string out(xml.substr(0, from));
    out.append(xml.substr(to));
    return out;
}

std::string write_element_document(const model::Element& root, std::string_view namespace_uri) {
    Style style{"", "\n", "  "};
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    std::string declaration;
    if (!namespace_uri.empty()) append_attribute(declaration, "xmlns", namespace_uri);
    write_element(out, root, style, "", declaration);
    out += "\n";
    return out;
}

}  // namespace esfdraft::load
