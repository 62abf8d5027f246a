#include "load/xml_tree.hpp"


#include <map>

namespace esfdraft::load {

namespace {

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void assign_paths(XmlElement& element, const std::string& parent_path) {
    std::map<std::string, int> totals;
    for (const XmlElement& child : element.children) ++totals[child.name];
    std::map<std::string, int> seen;
    for (XmlElement& child : element.children) {
        std::string path = parent_path + "/" + child.name;
        if (totals[child.name] > 1) path += "[" + std::to_string(++seen[child.name]) + "]";
        child.where.path = path;
        assign_paths(child, path);
    }
}

void append_text(const XmlElement& element, std::string& out) {
    for (const XmlContent& piece : element.content) {
        if (piece.is_text)
            out += piece.text;
        else
            append_text(element.children[piece.child], out);
    }
}

}  // namespace

std::optional<std::string> XmlElement::attribute(std::string_view local_name) const {
    for (const auto& [key, value] : attributes)
        if (key == local_name) return value;
    return std::nullopt;
}

const XmlElement* XmlElement::child(std::string_view local_name) const {
    for (const XmlElement& element : children)
        if (element.name == local_name) return &element;
    return nullptr;
}

std::vector<const XmlElement*> XmlElement::children_named(std::string_view local_name) const {
    std::vector<const XmlElement*> out;
    for (const XmlElement& element : children)
        if (element.name == local_name) out.push_back(&element);
    return out;
}

std::string XmlElement::text() const {
    std::string out;
    append_text(*this, out);
    return out;
}

std::string XmlElement::normalized_text() const { return collapse_whitespace(text()); }

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (char c : text) {
        if (is_xml_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

void assign_element_paths(XmlElement& root) {
    root.where.path = "/" + root.name;
    assign_paths(root, root.where.path);
}

const XmlElement* element_on_line(const XmlElement& root, int line) {
    if (root.where.line == line) return &root;
    for (const XmlElement& child : root.children) {
        if (child.where.line > line) break;
        if (const XmlElement* found = element_on_line(child, line)) return found;
    }
    // The last child starting before `line` may hold it.
    return nullptr;
}

}  // namespace esfdraft::load
