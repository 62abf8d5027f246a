#include "load/xml_tree.hpp"

#include <algorithm>
#include <vector>

#include "model/utf8.hpp"

namespace esfdraft::load {

namespace {

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Children's names repeat (10 000 <cost>) but are few: count them in a small
// flat table rather than a map. Only elements with children get a path
// string of their own, shared by those children.
void assign_paths(XmlElement& element, const std::shared_ptr<const std::string>& file) {
    element.file = file;
    if (element.children.empty()) return;
    struct NameCount {
        std::string_view name;
        int total = 0;
        int seen = 0;
    };
    std::vector<NameCount> counts;
    const auto count_of = [&counts](std::string_view name) -> NameCount& {
        for (NameCount& count : counts)
            if (count.name == name) return count;
        return counts.emplace_back(NameCount{name});
    };
    for (const XmlElement& child : element.children) ++count_of(child.name).total;
    const auto path = std::make_shared<const std::string>(element.path());
    for (XmlElement& child : element.children) {
        NameCount& count = count_of(child.name);
        child.parent_path = path;
        child.position = count.total > 1 ? ++count.seen : 0;
        assign_paths(child, file);
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

const std::string& XmlElement::ns() const {
    static const std::string none;
    return namespace_uri ? *namespace_uri : none;
}

std::string XmlElement::path() const {
    std::string out;
    out.reserve((parent_path ? parent_path->size() : 0) + name.size() + 8);
    if (parent_path) out += *parent_path;
    out.append(1, '/').append(name);
    if (position > 0) out.append(1, '[').append(std::to_string(position)).append(1, ']');
    return out;
}

model::SourceLocation XmlElement::where() const {
    model::SourceLocation location;
    if (file) location.file = *file;
    location.line = line;
    location.column = column;
    location.path = path();
    return location;
}

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

std::pair<int, int> ForwardPosition::at(std::size_t offset) {
    offset = std::min(offset, bytes_.size());
    if (offset > lines_to_) {
        const char* begin = bytes_.data() + lines_to_;
        const char* end = bytes_.data() + offset;
        if (const auto breaks = std::count(begin, end, '\n'); breaks > 0) {
            line_ += static_cast<int>(breaks);
            const char* last = end;
            while (*(last - 1) != '\n') --last;
            column_to_ = static_cast<std::size_t>(last - bytes_.data());
            column_ = 1;
        }
        lines_to_ = offset;
    }
    for (; column_to_ < offset; ++column_to_)
        if (!model::continues_utf8(bytes_[column_to_])) ++column_;
    return {line_, column_};
}

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

void assign_element_paths(XmlElement& root, const std::shared_ptr<const std::string>& file) {
    root.parent_path = nullptr;
    root.position = 0;
    assign_paths(root, file);
}

const XmlElement* element_on_line(const XmlElement& root, int line) {
    if (root.line == line) return &root;
    for (const XmlElement& child : root.children) {
        if (child.line > line) break;
        if (const XmlElement* found = element_on_line(child, line)) return found;
    }
    // The last child starting before `line` may hold it.
    return nullptr;
}

}  // namespace esfdraft::load
