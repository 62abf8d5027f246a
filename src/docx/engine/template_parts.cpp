#include "docx/engine/template_parts.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <stdexcept>

namespace esfdraft::docx {

ContentTypes read_content_types(const Package& package, const std::string& template_name) {
    const std::string* bytes = package.find("[Content_Types].xml");
    if (!bytes) throw std::runtime_error(template_name + ": not an OOXML package (no [Content_Types].xml)");
    const XmlNode root = parse_xml(*bytes, template_name + ": [Content_Types].xml");
    ContentTypes types;
    for (const XmlNode& entry : root.children) {
        if (entry.kind != XmlNode::Kind::element) continue;
        const XmlAttribute* type = entry.attribute("", "ContentType");
        if (!type) continue;
        if (entry.local == "Default") {
            if (const XmlAttribute* extension = entry.attribute("", "Extension")) {
                std::string lower = extension->value;
                for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                types.defaults[lower] = type->value;
            }
        } else if (entry.local == "Override") {
            if (const XmlAttribute* name = entry.attribute("", "PartName")) {
                std::string part = name->value;
                if (!part.empty() && part.front() == '/') part.erase(0, 1);
                types.overrides[part] = type->value;
            }
        }
    }
    return types;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string relationships_part_for(const std::string& part) {
    const std::size_t slash = part.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
    const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
    return folder + "_rels/" + file + ".rels";
}

std::string wordprocessing_prefix(const XmlNode& root) {
    if (root.ns == ns::wordprocessing) {
        const std::size_t colon = root.name.find(':');
        return colon == std::string::npos ? "" : root.name.substr(0, colon);
    }
    std::string prefix;
    if (declared_prefix(root, ns::wordprocessing, prefix)) return prefix;
    return "w";
}

bool is_heading_style_name(std::string_view name) {
    std::string lower;
    for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lower.rfind("heading", 0) == 0 || lower.rfind("rubrik", 0) == 0 || lower == "title" || lower == "titel";
}

ListStyles find_list_styles(const XmlNode* styles) {
    ListStyles found;
    if (!styles) return found;
    for (const XmlNode& style : styles->children) {
        if (!style.is_w("style")) continue;
        const XmlAttribute* id = style.attribute(ns::wordprocessing, "styleId");
        if (!id) continue;
        const XmlNode* name_node = style.child(ns::wordprocessing, "name");
        const XmlAttribute* name = name_node ? name_node->attribute(ns::wordprocessing, "val") : nullptr;
        std::string num_id;
        if (const XmlNode* ppr = style.child(ns::wordprocessing, "pPr"))
            if (const XmlNode* numpr = ppr->child(ns::wordprocessing, "numPr"))
                if (const XmlNode* numid = numpr->child(ns::wordprocessing, "numId"))
                    if (const XmlAttribute* val = numid->attribute(ns::wordprocessing, "val")) num_id = val->value;
        const bool bullet =
            id->value == "ListBullet" || (name && (name->value == "List Bullet" || name->value == "list bullet"));
        const bool number =
            id->value == "ListNumber" || (name && (name->value == "List Number" || name->value == "list number"));
        if (bullet && found.bullet_style.empty()) found.bullet_style = id->value, found.bullet_num_id = num_id;
        if (number && found.number_style.empty()) found.number_style = id->value, found.number_num_id = num_id;
        const XmlNode* ppr = style.child(ns::wordprocessing, "pPr");
        if (is_heading_style_name(id->value) || (name && is_heading_style_name(name->value)) ||
            (ppr && ppr->child(ns::wordprocessing, "outlineLvl")))
            found.heading_styles.insert(id->value);
    }
    return found;
}

NumberingInfo read_numbering(const Package& package, const std::string& part_name, const std::string& template_name) {
    NumberingInfo info;
    if (part_name.empty()) return info;
    const std::string* bytes = package.find(part_name);
    if (!bytes) return info;
    info.part_name = part_name;
    auto root = std::make_shared<XmlNode>(parse_xml(*bytes, template_name + ": " + part_name));
    info.w_prefix = wordprocessing_prefix(*root);
    long highest = 0;
    for (const XmlNode& num : root->children) {
        if (!num.is_w("num")) continue;
        const XmlAttribute* id = num.attribute(ns::wordprocessing, "numId");
        if (!id) continue;
        try {
            // Ids beyond 32 bits are left out: the next free id is
            // highest + 1, which must neither overflow nor collide.
            const long value = std::stol(id->value);
            if (value < (1L << 31)) highest = std::max(highest, value);
        } catch (const std::exception&) {
        }
        std::string overrides;
        for (const XmlNode& child : num.children) {
            if (child.is_w("abstractNumId")) {
                if (const XmlAttribute* val = child.attribute(ns::wordprocessing, "val"))
                    info.abstract_of_num[id->value] = val->value;
            } else if (child.is_w("lvlOverride")) {
                append_xml(overrides, child);
                if (child.child(ns::wordprocessing, "startOverride")) info.restarting.insert(id->value);
            }
        }
        info.overrides_of_num[id->value] = overrides;
    }
    info.next_id = highest + 1;
    info.root = std::move(root);
    return info;
}

}  // namespace esfdraft::docx
