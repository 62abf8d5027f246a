#include "docx_test_support.hpp"

#include <fstream>

#include <Poco/Checksum.h>
#include <Poco/DeflatingStream.h>
#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>

#include "docx/engine/template_engine.hpp"
#include "docx/engine/xml_node.hpp"
#include "docx/engine/zip_package.hpp"

namespace esfdraft::docx::testing {

namespace {

const std::string declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

void put_u16(std::string& out, std::uint32_t value) {
    out += static_cast<char>(value & 0xff);
    out += static_cast<char>((value >> 8) & 0xff);
}

void put_u32(std::string& out, std::uint32_t value) {
    put_u16(out, value & 0xffff);
    put_u16(out, value >> 16);
}

void put_u32_big(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xff);
}

void collect_paragraphs(const XmlNode& node, std::vector<std::string>& out) {
    if (node.kind != XmlNode::Kind::element) return;
    if (node.is_w("p")) {
        std::string text;
        std::vector<const XmlNode*> stack{&node};
        // Depth-first, document order, without entering nested paragraphs.
        std::function<void(const XmlNode&)> walk = [&](const XmlNode& n) {
            for (const XmlNode& child : n.children) {
                if (child.kind != XmlNode::Kind::element) continue;
                if (child.is_w("p")) continue;
                if (child.is_w("t"))
                    text += child.all_text();
                else if (child.is_w("br"))
                    text += '\n';
                else if (child.is_w("tab"))
                    text += '\t';
                else if (!child.is_w("instrText") && !child.is_w("delText"))
                    walk(child);
            }
        };
        walk(node);
        out.push_back(text);
    }
    for (const XmlNode& child : node.children) collect_paragraphs(child, out);
}

TemplateValue from_var(const Poco::Dynamic::Var& var) {
    if (var.isEmpty()) return {};
    if (var.type() == typeid(Poco::JSON::Object::Ptr)) {
        const auto object = var.extract<Poco::JSON::Object::Ptr>();
        if (object->has("$rich")) {
            RichText blocks;
            const auto items = object->getArray("$rich");
            for (std::size_t i = 0; i < items->size(); ++i) {
                const auto item = items->getObject(static_cast<unsigned>(i));
                RichBlock block;
                if (item->has("p")) {
                    block.spans.push_back({item->getValue<std::string>("p")});
                } else {
                    const bool bullets = item->has("ul");
                    block.kind = bullets ? RichBlock::Kind::bullet_list : RichBlock::Kind::numbered_list;
                    const auto list = item->getArray(bullets ? "ul" : "ol");
                    for (std::size_t k = 0; k < list->size(); ++k)
                        block.items.push_back({{list->getElement<std::string>(static_cast<unsigned>(k))}});
                }
                blocks.push_back(std::move(block));
            }
            return TemplateValue::rich_text(std::move(blocks));
        }
        TemplateValue map = TemplateValue::map();
        for (const auto& key : object->getNames()) map.set(key, from_var(object->get(key)));
        return map;
    }
    if (var.type() == typeid(Poco::JSON::Array::Ptr)) {
        const auto array = var.extract<Poco::JSON::Array::Ptr>();
        TemplateValue list = TemplateValue::list();
        for (std::size_t i = 0; i < array->size(); ++i) list.push(from_var(array->get(static_cast<unsigned>(i))));
        return list;
    }
    if (var.type() == typeid(bool)) return TemplateValue::boolean(var.extract<bool>());
    return TemplateValue::text(var.convert<std::string>());
}

}  // namespace

std::string paragraph(const std::string& text) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

std::string make_docx(const TemplateSource& source) {
    Package package;
    std::string overrides =
        "<Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>";
    std::string relationships = source.document_relationships;
    std::string section = "<w:sectPr>";
    if (!source.header.empty()) {
        overrides +=
            "<Override PartName=\"/word/header1.xml\" "
            "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>";
        relationships +=
            "<Relationship Id=\"rIdHeader\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" "
            "Target=\"header1.xml\"/>";
        section += "<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>";
        package.put("word/header1.xml", declaration + "<w:hdr " + w_namespaces + ">" + source.header + "</w:hdr>");
    }
    section +=
        "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1418\" w:right=\"1418\" w:bottom=\"1418\" "
        "w:left=\"1418\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr>";
    if (!source.footnotes.empty()) {
        overrides +=
            "<Override PartName=\"/word/footnotes.xml\" "
            "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>";
        relationships +=
            "<Relationship Id=\"rIdFootnotes\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" "
            "Target=\"footnotes.xml\"/>";
        package.put("word/footnotes.xml",
                    declaration + "<w:footnotes " + w_namespaces + ">" + source.footnotes + "</w:footnotes>");
    }
    if (!source.numbering.empty()) {
        overrides +=
            "<Override PartName=\"/word/numbering.xml\" "
            "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>";
        relationships +=
            "<Relationship Id=\"rIdNumbering\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" "
            "Target=\"numbering.xml\"/>";
        package.put("word/numbering.xml",
                    declaration + "<w:numbering " + w_namespaces + ">" + source.numbering + "</w:numbering>");
    }
    if (!source.styles.empty()) {
        overrides +=
            "<Override PartName=\"/word/styles.xml\" "
            "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>";
        relationships +=
            "<Relationship Id=\"rIdStyles\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
            "Target=\"styles.xml\"/>";
        package.put("word/styles.xml", declaration + "<w:styles " + w_namespaces + ">" + source.styles + "</w:styles>");
    }
    package.put(
        "[Content_Types].xml",
        declaration +
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            "<Default Extension=\"png\" ContentType=\"image/png\"/>" +
            overrides + "</Types>");
    package.put("_rels/.rels",
                declaration +
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    "<Relationship Id=\"rId1\" "
                    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                    "Target=\"word/document.xml\"/>"
                    "</Relationships>");
    package.put("word/_rels/document.xml.rels",
                declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                    relationships + "</Relationships>");
    package.put("word/document.xml", declaration + "<w:document " + w_namespaces + "><w:body>" + source.body + section +
                                         "</w:body></w:document>");
    for (const auto& [name, bytes] : source.extra_parts) package.put(name, bytes);
    return write_package(package);
}

std::string deflate_raw(const std::string& data) {
    std::ostringstream out;
    Poco::DeflatingOutputStream deflater(out, -15, 9);
    deflater << data;
    deflater.close();
    return out.str();
}

std::uint32_t crc32_of(const std::string& data) {
    Poco::Checksum checksum(Poco::Checksum::TYPE_CRC32);
    checksum.update(data.data(), static_cast<unsigned>(data.size()));
    return checksum.checksum();
}

std::string make_raw_zip(const std::vector<RawEntry>& entries) {
    std::string out, directory;
    for (const RawEntry& entry : entries) {
        const std::uint32_t offset = static_cast<std::uint32_t>(out.size());
        const std::uint32_t crc = entry.deflated ? entry.crc : crc32_of(entry.data);
        const std::uint32_t size = entry.deflated ? entry.declared_size : static_cast<std::uint32_t>(entry.data.size());
        const std::uint16_t method = entry.deflated ? 8 : 0;
        auto header = [&](std::string& to, bool central) {
            put_u32(to, central ? 0x02014b50 : 0x04034b50);
            if (central) put_u16(to, 20);
            put_u16(to, 20);
            put_u16(to, 0);
            put_u16(to, method);
            put_u16(to, 0);
            put_u16(to, 0x21);
            put_u32(to, crc);
            put_u32(to, static_cast<std::uint32_t>(entry.data.size()));
            put_u32(to, size);
            put_u16(to, static_cast<std::uint32_t>(entry.name.size()));
            put_u16(to, 0);
            if (central) {
                put_u16(to, 0);
                put_u16(to, 0);
                put_u16(to, 0);
                put_u32(to, 0);
                put_u32(to, offset);
            }
            to += entry.name;
        };
        header(out, false);
        out += entry.data;
        header(directory, true);
    }
    const std::uint32_t directory_offset = static_cast<std::uint32_t>(out.size());
    out += directory;
    put_u32(out, 0x06054b50);
    put_u16(out, 0);
    put_u16(out, 0);
    put_u16(out, static_cast<std::uint32_t>(entries.size()));
    put_u16(out, static_cast<std::uint32_t>(entries.size()));
    put_u32(out, static_cast<std::uint32_t>(directory.size()));
    put_u32(out, directory_offset);
    put_u16(out, 0);
    return out;
}

std::string part_of(const std::string& docx, const std::string& name) {
    const Package package = read_package(docx, "rendered document");
    const std::string* bytes = package.find(name);
    return bytes ? *bytes : "";
}

std::vector<std::string> paragraph_texts(const std::string& part_xml) {
    std::vector<std::string> out;
    collect_paragraphs(parse_xml(part_xml, "part"), out);
    return out;
}

std::string visible_text(const std::string& part_xml) {
    std::string out;
    for (const std::string& text : paragraph_texts(part_xml)) {
        if (!out.empty()) out += '|';
        out += text;
    }
    return out;
}

std::size_t count_of(const std::string& haystack, const std::string& needle) {
    std::size_t count = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + needle.size()))
        ++count;
    return count;
}

TemplateValue data_from_json(const std::string& json) {
    Poco::JSON::ParseHandler::Ptr handler = new Poco::JSON::ParseHandler(true);
    Poco::JSON::Parser parser(handler);
    return from_var(parser.parse(json));
}

std::string make_png(int width, int height) {
    auto chunk = [](std::string& out, const std::string& type, const std::string& data) {
        put_u32_big(out, static_cast<std::uint32_t>(data.size()));
        out += type + data;
        put_u32_big(out, crc32_of(type + data));
    };
    std::string header;
    put_u32_big(header, static_cast<std::uint32_t>(width));
    put_u32_big(header, static_cast<std::uint32_t>(height));
    header += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, deflate, no filter, no interlace
    std::string pixels;
    for (int y = 0; y < height; ++y) {
        pixels += '\0';  // filter type: none
        for (int x = 0; x < width; ++x) {
            pixels += static_cast<char>(30 + 200 * x / std::max(width, 1));
            pixels += static_cast<char>(80);
            pixels += static_cast<char>(30 + 200 * y / std::max(height, 1));
        }
    }
    std::ostringstream compressed;
    {
        Poco::DeflatingOutputStream deflater(compressed, Poco::DeflatingStreamBuf::STREAM_ZLIB, 9);
        deflater << pixels;
        deflater.close();
    }
    std::string png("\x89PNG\r\n\x1a\n", 8);
    chunk(png, "IHDR", header);
    chunk(png, "IDAT", compressed.str());
    chunk(png, "IEND", "");
    return png;
}

std::string render_json(const std::string& docx, const std::string& json, const std::string& lang) {
    const DocumentTemplate document = DocumentTemplate::load(docx, "test.docx");
    RenderSettings settings;
    settings.lang = lang;
    return document.render(data_from_json(json), settings);
}

}  // namespace esfdraft::docx::testing

namespace esfdraft::docx::testing {
std::map<std::string, std::string> municipality_names() {
    std::map<std::string, std::string> names;
    std::ifstream in(std::string(ESFDRAFT_SOURCE_DIR) + "/schemas/regions/municipalities.tsv");
    std::string line;
    std::getline(in, line);  // the header
    while (std::getline(in, line)) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        const std::size_t next = line.find('\t', tab + 1);
        names[line.substr(0, tab)] =
            line.substr(tab + 1, next == std::string::npos ? std::string::npos : next - tab - 1);
    }
    return names;
}
}  // namespace esfdraft::docx::testing
