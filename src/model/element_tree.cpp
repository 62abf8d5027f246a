#include "model/element_tree.hpp"

namespace esfdraft::model {

std::optional<std::string> Element::attribute(std::string_view local_name) const {
    for (const auto& [key, value] : attributes)
        if (key == local_name) return value;
    return std::nullopt;
}

std::string Element::attribute_or_empty(std::string_view local_name) const {
    return attribute(local_name).value_or(std::string());
}

void Element::set_attribute(std::string_view local_name, std::string value) {
    for (auto& [key, old] : attributes)
        if (key == local_name) {
            old = std::move(value);
            return;
        }
    attributes.emplace_back(std::string(local_name), std::move(value));
}

const Element* Element::child(std::string_view local_name) const {
    for (const Element& element : children)
        if (element.name == local_name) return &element;
    return nullptr;
}

std::vector<const Element*> Element::children_named(std::string_view local_name) const {
    std::vector<const Element*> out;
    for (const Element& element : children)
        if (element.name == local_name) out.push_back(&element);
    return out;
}

Element& Element::append(std::string local_name) {
    content.push_back(ElementContent{false, {}, children.size()});
    children.emplace_back(std::move(local_name));
    return children.back();
}

Element& Element::append(std::string local_name, std::string text) {
    Element& element = append(std::move(local_name));
    element.append_text(std::move(text));
    return element;
}

void Element::append_text(std::string text) {
    if (text.empty()) return;
    // Adjacent texts are one piece, as a parser gives them.
    if (!content.empty() && content.back().is_text)
        content.back().text += text;
    else
        content.push_back(ElementContent{true, std::move(text), 0});
}

std::string Element::text() const {
    std::string out;
    for (const ElementContent& piece : content) {
        if (piece.is_text)
            out += piece.text;
        else if (piece.child < children.size())
            out += children[piece.child].text();
    }
    return out;
}

bool Element::has_text() const {
    for (const ElementContent& piece : content)
        if (piece.is_text && piece.text.find_first_not_of(" \t\r\n") != std::string::npos) return true;
    return false;
}

}  // namespace esfdraft::model
