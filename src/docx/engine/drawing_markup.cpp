#include "docx/engine/drawing_markup.hpp"

#include <algorithm>
#include <cstdint>
#include <exception>

namespace esfdraft::docx {

namespace {

void set_attribute(XmlNode& node, std::string_view local, const std::string& value) {
    for (XmlAttribute& a : node.attributes)
        if (a.local == local && a.ns.empty()) {
            a.value = value;
            return;
        }
    node.attributes.push_back({std::string(local), "", std::string(local), value});
}

void adjust_placeholder(XmlNode& node, const std::string& id, const std::string& relationship, const std::string& alt,
                        const std::string& cx, const std::string& cy, bool in_shape_properties) {
    if (node.kind != XmlNode::Kind::element) return;
    if (node.is(ns::drawing_wordprocessing, "docPr")) {
        set_attribute(node, "id", id);
        set_attribute(node, "descr", alt);
        node.attributes.erase(std::remove_if(node.attributes.begin(), node.attributes.end(),
                                             [](const XmlAttribute& a) { return a.local == "title" && a.ns.empty(); }),
                              node.attributes.end());
    } else if (node.is(ns::drawing_picture, "cNvPr")) {
        set_attribute(node, "descr", alt);
    } else if (node.is(ns::drawing_main, "blip")) {
        for (XmlAttribute& a : node.attributes)
            if (a.ns == ns::relationships && a.local == "embed") a.value = relationship;
    } else if (node.is(ns::drawing_wordprocessing, "extent") ||
               (in_shape_properties && node.is(ns::drawing_main, "ext"))) {
        set_attribute(node, "cx", cx);
        set_attribute(node, "cy", cy);
    }
    const bool shape = in_shape_properties || node.is(ns::drawing_picture, "spPr");
    for (XmlNode& child : node.children) adjust_placeholder(child, id, relationship, alt, cx, cy, shape);
}

}  // namespace

std::string inline_image_markup(const std::string& w, const ImageData& image, const std::string& id,
                                const std::string& relationship) {
    const std::string cx = std::to_string(image.width_emu), cy = std::to_string(image.height_emu);
    std::string alt;
    append_escaped_attribute(alt, image.alt_text);
    std::string out;
    out += "<" + w + "drawing>";
    out += "<wp:inline xmlns:wp=\"" + std::string(ns::drawing_wordprocessing) +
           "\" distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">";
    out += "<wp:extent cx=\"" + cx + "\" cy=\"" + cy + "\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>";
    out += "<wp:docPr id=\"" + id + "\" name=\"Picture " + id + "\" descr=\"" + alt + "\"/>";
    out += "<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"" + std::string(ns::drawing_main) +
           "\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>";
    out += "<a:graphic xmlns:a=\"" + std::string(ns::drawing_main) + "\"><a:graphicData uri=\"" +
           std::string(ns::drawing_picture) + "\"><pic:pic xmlns:pic=\"" + std::string(ns::drawing_picture) + "\">";
    out += "<pic:nvPicPr><pic:cNvPr id=\"" + id + "\" name=\"Picture " + id + "\" descr=\"" + alt +
           "\"/><pic:cNvPicPr/></pic:nvPicPr>";
    out += "<pic:blipFill><a:blip xmlns:r=\"" + std::string(ns::relationships) + "\" r:embed=\"" + relationship +
           "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>";
    out += "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"" + cx + "\" cy=\"" + cy +
           "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>";
    out += "</pic:pic></a:graphicData></a:graphic></wp:inline></" + w + "drawing>";
    return out;
}

XmlNode fitted_placeholder(const XmlNode& drawing, const ImageData& image, const std::string& id,
                           const std::string& relationship) {
    XmlNode copy = drawing;
    std::int64_t box_cx = image.width_emu, box_cy = image.height_emu;
    for (XmlNode& frame : copy.children)
        if (const XmlNode* extent = frame.child(ns::drawing_wordprocessing, "extent")) {
            // A template may leave either size out: the image's own size then stands.
            const XmlAttribute* width = extent->attribute("", "cx");
            const XmlAttribute* height = extent->attribute("", "cy");
            if (!width || !height) continue;
            try {
                const std::int64_t w = std::stoll(width->value), h = std::stoll(height->value);
                box_cx = w, box_cy = h;
            } catch (const std::exception&) {
            }
        }
    std::int64_t cx = box_cx, cy = box_cy;
    if (image.width_emu > 0 && image.height_emu > 0 && box_cx > 0 && box_cy > 0) {
        // Compare box_cx/box_cy with the image's aspect without floating point.
        if (static_cast<long double>(box_cx) * image.height_emu > static_cast<long double>(box_cy) * image.width_emu)
            cx = static_cast<std::int64_t>(static_cast<long double>(box_cy) * image.width_emu / image.height_emu);
        else
            cy = static_cast<std::int64_t>(static_cast<long double>(box_cx) * image.height_emu / image.width_emu);
    }
    adjust_placeholder(copy, id, relationship, image.alt_text, std::to_string(cx), std::to_string(cy), false);
    return copy;
}

}  // namespace esfdraft::docx
