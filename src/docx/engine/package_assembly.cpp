#include "docx/engine/package_assembly.hpp"

#include <set>

#include "docx/engine/image_formats.hpp"
#include "docx/engine/xml_node.hpp"
#include "docx/engine/zip_package.hpp"

namespace esfdraft::docx {

namespace {

constexpr std::string_view relationship_type_image =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

// Adds the new numbering instances after the last w:num (before
// w:numIdMacAtCleanup, which must stay last).
std::string numbering_with(const NumberingInfo& numbering, const std::vector<NewNumbering>& added) {
    const XmlNode& root = *numbering.root;
    const std::string w = numbering.w_prefix.empty() ? "" : numbering.w_prefix + ":";
    std::string insertion;
    for (const auto& n : added)
        insertion += "<" + w + "num " + w + "numId=\"" + n.id + "\"><" + w + "abstractNumId " + w + "val=\"" +
                     n.abstract_id + "\"/>" + n.overrides + "</" + w + "num>";
    std::size_t insert_after = 0;  // index of the child after which to insert; 0 with none_found = at start
    bool found = false;
    for (std::size_t i = 0; i < root.children.size(); ++i)
        if (root.children[i].is_w("num") || root.children[i].is_w("abstractNum") ||
            root.children[i].is_w("numPicBullet")) {
            insert_after = i;
            found = true;
        }
    std::string out(xml_declaration);
    append_start_tag_open(out, root);
    out += '>';
    if (!found) out += insertion;
    for (std::size_t i = 0; i < root.children.size(); ++i) {
        append_xml(out, root.children[i]);
        if (found && i == insert_after) out += insertion;
    }
    out += "</" + root.name + ">";
    return out;
}

std::string with_relationships(const std::string* existing, const std::vector<NewRelationship>& added) {
    std::string additions;
    for (const auto& r : added) {
        additions +=
            "<Relationship Id=\"" + r.id + "\" Type=\"" + std::string(relationship_type_image) + "\" Target=\"";
        append_escaped_attribute(additions, r.target);
        additions += "\"/>";
    }
    if (!existing) {
        return std::string(xml_declaration) + "<Relationships xmlns=\"" + std::string(ns::package_relationships) +
               "\">" + additions + "</Relationships>";
    }
    const XmlNode root = parse_xml(*existing, "relationships");
    std::string out(xml_declaration);
    append_start_tag_open(out, root);
    out += '>';
    for (const XmlNode& child : root.children) append_xml(out, child);
    out += additions;
    out += "</" + root.name + ">";
    return out;
}

std::string with_content_types(const std::string& existing, const std::set<std::string>& extensions,
                               const std::string& main_part, bool main_is_template) {
    const XmlNode root = parse_xml(existing, "[Content_Types].xml");
    std::string out(xml_declaration);
    append_start_tag_open(out, root);
    out += '>';
    std::set<std::string> missing = extensions;
    for (const XmlNode& child : root.children) {
        if (child.local == "Default")
            if (const XmlAttribute* extension = child.attribute("", "Extension")) missing.erase(extension->value);
    }
    for (const std::string& extension : missing)
        out += "<Default Extension=\"" + extension + "\" ContentType=\"" + image_content_type(extension) + "\"/>";
    for (const XmlNode& child : root.children) {
        const XmlAttribute* part = child.attribute("", "PartName");
        if (main_is_template && child.local == "Override" && part && part->value == "/" + main_part) {
            // A .dotx renders to a document, not to another template.
            XmlNode document = child;
            for (XmlAttribute& a : document.attributes)
                if (a.name == "ContentType")
                    a.value = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
            append_xml(out, document);
            continue;
        }
        append_xml(out, child);
    }
    out += "</" + root.name + ">";
    return out;
}

}  // namespace

std::string assemble_package(const DocumentTemplate::Compiled& compiled,
                             std::vector<std::pair<std::string, std::string>> parts, const PackageAdditions& added) {
    Package result = compiled.package;
    for (auto& [name, bytes] : parts) result.put(name, std::move(bytes));
    if (!added.numbering.empty() && compiled.numbering.root)
        result.put(compiled.numbering.part_name, numbering_with(compiled.numbering, added.numbering));
    std::set<std::string> extensions;
    for (const RenderedMedia& media : added.media) {
        result.put(media.name, media.image->bytes);
        extensions.insert(media.image->extension);
    }
    for (const auto& [rels, relationships] : added.relationships)
        result.put(rels, with_relationships(result.find(rels), relationships));
    if (!extensions.empty() || compiled.main_is_template)
        result.put("[Content_Types].xml", with_content_types(*result.find("[Content_Types].xml"), extensions,
                                                             compiled.main_part, compiled.main_is_template));
    return write_package(result);
}

}  // namespace esfdraft::docx
