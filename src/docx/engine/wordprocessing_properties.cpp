#include "docx/engine/wordprocessing_properties.hpp"

#include <algorithm>
#include <array>

namespace esfdraft::docx {

namespace {

// CT_PPr's children in schema order (ECMA-376 Part 1, 17.3.1.26).
constexpr std::array<std::string_view, 36> paragraph_property_order{"pStyle",
                                                                    "keepNext",
                                                                    "keepLines",
                                                                    "pageBreakBefore",
                                                                    "framePr",
                                                                    "widowControl",
                                                                    "numPr",
                                                                    "suppressLineNumbers",
                                                                    "pBdr",
                                                                    "shd",
                                                                    "tabs",
                                                                    "suppressAutoHyphens",
                                                                    "kinsoku",
                                                                    "wordWrap",
                                                                    "overflowPunct",
                                                                    "topLinePunct",
                                                                    "autoSpaceDE",
                                                                    "autoSpaceDN",
                                                                    "bidi",
                                                                    "adjustRightInd",
                                                                    "snapToGrid",
                                                                    "spacing",
                                                                    "ind",
                                                                    "contextualSpacing",
                                                                    "mirrorIndents",
                                                                    "suppressOverlap",
                                                                    "jc",
                                                                    "textDirection",
                                                                    "textAlignment",
                                                                    "textboxTightWrap",
                                                                    "outlineLvl",
                                                                    "divId",
                                                                    "cnfStyle",
                                                                    "rPr",
                                                                    "sectPr",
                                                                    "pPrChange"};

// CT_RPr's children in schema order (17.3.2.28).
constexpr std::array<std::string_view, 40> run_property_order{"rStyle",
                                                              "rFonts",
                                                              "b",
                                                              "bCs",
                                                              "i",
                                                              "iCs",
                                                              "caps",
                                                              "smallCaps",
                                                              "strike",
                                                              "dstrike",
                                                              "outline",
                                                              "shadow",
                                                              "emboss",
                                                              "imprint",
                                                              "noProof",
                                                              "snapToGrid",
                                                              "vanish",
                                                              "webHidden",
                                                              "color",
                                                              "spacing",
                                                              "w",
                                                              "kern",
                                                              "position",
                                                              "sz",
                                                              "szCs",
                                                              "highlight",
                                                              "u",
                                                              "effect",
                                                              "bdr",
                                                              "shd",
                                                              "fitText",
                                                              "vertAlign",
                                                              "rtl",
                                                              "cs",
                                                              "em",
                                                              "lang",
                                                              "eastAsianLayout",
                                                              "specVanish",
                                                              "oMath",
                                                              "rPrChange"};

template <std::size_t N>
std::size_t rank_in(const std::array<std::string_view, N>& order, std::string_view local) {
    const auto found = std::find(order.begin(), order.end(), local);
    return found == order.end() ? N : static_cast<std::size_t>(found - order.begin());
}

std::size_t rank(const XmlNode& properties, std::string_view local) {
    return properties.local == "rPr" ? rank_in(run_property_order, local) : rank_in(paragraph_property_order, local);
}

std::string serialize(const XmlNode& node) {
    std::string out;
    append_xml(out, node);
    return out;
}

}  // namespace

XmlNode wordprocessing_element(const std::string& prefix, std::string_view local,
                               std::initializer_list<std::pair<std::string_view, std::string>> attributes) {
    XmlNode node;
    node.kind = XmlNode::Kind::element;
    node.local = std::string(local);
    node.ns = std::string(ns::wordprocessing);
    node.name = prefix.empty() ? node.local : prefix + ":" + node.local;
    for (const auto& [name, value] : attributes)
        node.attributes.push_back({prefix.empty() ? std::string(name) : prefix + ":" + std::string(name),
                                   std::string(ns::wordprocessing), std::string(name), value});
    return node;
}

void remove_property(XmlNode& properties, std::string_view local) {
    auto& children = properties.children;
    children.erase(std::remove_if(children.begin(), children.end(), [&](const XmlNode& c) { return c.is_w(local); }),
                   children.end());
}

void set_property(XmlNode& properties, XmlNode child) {
    remove_property(properties, child.local);
    const std::size_t wanted = rank(properties, child.local);
    auto& children = properties.children;
    auto at = std::find_if(children.begin(), children.end(), [&](const XmlNode& c) {
        return c.kind == XmlNode::Kind::element && rank(properties, c.local) > wanted;
    });
    children.insert(at, std::move(child));
}

BlockStyle make_block_style(const XmlNode& paragraph, const XmlNode* run, const std::string& prefix,
                            const std::string& bullet_style, const std::string& number_style,
                            const std::string& number_abstract) {
    BlockStyle style;
    XmlNode base = wordprocessing_element(prefix, "pPr");
    if (const XmlNode* existing = paragraph.child(ns::wordprocessing, "pPr")) base = *existing;
    // A section break in the tag's paragraph must not be repeated for every
    // paragraph of the content.
    remove_property(base, "sectPr");
    remove_property(base, "pPrChange");
    style.paragraph_properties = base.children.empty() ? "" : serialize(base);

    // List items take the paragraph's properties but the list style's own
    // indentation and numbering.
    XmlNode list_base = base;
    remove_property(list_base, "numPr");
    remove_property(list_base, "ind");
    remove_property(list_base, "outlineLvl");

    style.bullets_have_numbering = !bullet_style.empty();
    if (style.bullets_have_numbering) {
        XmlNode bullet = list_base;
        set_property(bullet, wordprocessing_element(prefix, "pStyle", {{"val", bullet_style}}));
        style.bullet_properties = serialize(bullet);
    } else {
        style.bullet_properties = style.paragraph_properties;
    }

    style.numbers_have_numbering = !number_style.empty() && !number_abstract.empty();
    style.numbered_abstract_id = number_abstract;
    if (style.numbers_have_numbering) {
        XmlNode numbered = list_base;
        set_property(numbered, wordprocessing_element(prefix, "pStyle", {{"val", number_style}}));
        XmlNode numbering = wordprocessing_element(prefix, "numPr");
        numbering.children.push_back(wordprocessing_element(prefix, "ilvl", {{"val", "0"}}));
        numbering.children.push_back(wordprocessing_element(prefix, "numId", {{"val", "\x01"}}));
        set_property(numbered, std::move(numbering));
        const std::string text = serialize(numbered);
        // The sentinel is dropped by the escaper, so split where it would be.
        const std::string marker = "<" + (prefix.empty() ? std::string() : prefix + ":") + "numId " +
                                   (prefix.empty() ? std::string() : prefix + ":") + "val=\"";
        const std::size_t at = text.find(marker);
        style.numbered_properties_before = text.substr(0, at + marker.size());
        style.numbered_properties_after = text.substr(at + marker.size());
    } else {
        style.numbered_properties_before = style.paragraph_properties;
    }

    XmlNode run_base = wordprocessing_element(prefix, "rPr");
    if (run)
        if (const XmlNode* existing = run->child(ns::wordprocessing, "rPr")) run_base = *existing;
    remove_property(run_base, "rPrChange");
    for (int variant = 0; variant < 8; ++variant) {
        XmlNode properties = run_base;
        if (variant & 1) set_property(properties, wordprocessing_element(prefix, "b"));
        if (variant & 2) set_property(properties, wordprocessing_element(prefix, "i"));
        if (variant & 4) set_property(properties, wordprocessing_element(prefix, "highlight", {{"val", "yellow"}}));
        style.run_properties[variant] = properties.children.empty() ? "" : serialize(properties);
    }
    return style;
}

}  // namespace esfdraft::docx
