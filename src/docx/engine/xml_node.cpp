#include "docx/engine/xml_node.hpp"

#include <Poco/Exception.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/LexicalHandler.h>
#include <Poco/SAX/Locator.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/SAX/XMLReader.h>

#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "model/utf8.hpp"

namespace esfdraft::docx {

const XmlAttribute* XmlNode::attribute(std::string_view uri, std::string_view local_name) const {
    for (const XmlAttribute& a : attributes)
        if (a.local == local_name && a.ns == uri) return &a;
    return nullptr;
}

XmlAttribute* XmlNode::attribute(std::string_view uri, std::string_view local_name) {
    for (XmlAttribute& a : attributes)
        if (a.local == local_name && a.ns == uri) return &a;
    return nullptr;
}

const XmlNode* XmlNode::child(std::string_view uri, std::string_view local_name) const {
    for (const XmlNode& c : children)
        if (c.is(uri, local_name)) return &c;
    return nullptr;
}

std::string XmlNode::all_text() const {
    if (kind == Kind::text) return text;
    std::string out;
    for (const XmlNode& c : children) out += c.all_text();
    return out;
}

bool declared_prefix(const XmlNode& element, std::string_view uri, std::string& prefix) {
    for (const XmlAttribute& a : element.attributes) {
        if (a.value != uri) continue;
        if (a.name == "xmlns") {
            prefix.clear();
            return true;
        }
        if (a.name.rfind("xmlns:", 0) == 0) {
            prefix = a.name.substr(6);
            return true;
        }
    }
    return false;
}

namespace {

// Builds XmlNode trees from SAX events with namespace processing switched
// off, so names, prefixes and attribute order arrive exactly as written;
// prefixes are resolved here, each with the stack of URIs bound to it.
//
// No handler throws: an exception unwinding through expat's callbacks leaves
// the parser in a state XML_ParserFree cannot clean up (expat 2.5.0-1+deb12u3
// and later leak its buffers). A refusal is recorded instead, every later
// event is ignored, and parse_xml reports it once the parser has returned.
class TreeBuilder : public Poco::XML::DefaultHandler, public Poco::XML::LexicalHandler {
public:
    XmlNode root;
    bool has_root = false;
    std::string refused;  // why the part is refused; empty while it is not

    void setDocumentLocator(const Poco::XML::Locator* locator) override { locator_ = locator; }

    void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString& qname,
                      const Poco::XML::Attributes& attributes) override {
        if (!refused.empty()) return;
        if (open_.size() >= max_xml_depth) {
            // Refused here, while the tree is still shallow: every pass over
            // it (and its destructor) recurses once per level.
            refused = "elements nested deeper than " + std::to_string(max_xml_depth) + " levels (line " +
                      std::to_string(locator_ ? locator_->getLineNumber() : 0) + ")";
            return;
        }
        const int count = attributes.getLength();
        nodes_ += 1 + static_cast<std::size_t>(count);
        if (nodes_ > max_xml_nodes) {
            refuse_size();
            return;
        }
        flush_text();
        if (!refused.empty()) return;
        XmlNode element;
        element.kind = XmlNode::Kind::element;
        element.name = qname;
        std::vector<std::string> declared;
        element.attributes.reserve(static_cast<std::size_t>(count));
        for (int i = 0; i < count; ++i) {
            XmlAttribute attribute;
            attribute.name = attributes.getQName(i);
            attribute.value = attributes.getValue(i);
            if (attribute.name == "xmlns" || attribute.name.rfind("xmlns:", 0) == 0) {
                std::string prefix = attribute.name == "xmlns" ? "" : attribute.name.substr(6);
                bindings_[prefix].push_back(attribute.value);
                declared.push_back(std::move(prefix));
            }
            element.attributes.push_back(std::move(attribute));
        }
        declared_.push_back(std::move(declared));
        resolve(element.name, true, element.ns, element.local);
        for (XmlAttribute& attribute : element.attributes) {
            if (attribute.name == "xmlns" || attribute.name.rfind("xmlns:", 0) == 0) {
                attribute.ns = "http://www.w3.org/2000/xmlns/";
                attribute.local = attribute.name == "xmlns" ? "" : attribute.name.substr(6);
            } else {
                resolve(attribute.name, false, attribute.ns, attribute.local);
            }
        }
        open_.push_back(std::move(element));
    }

    void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {
        if (!refused.empty()) return;
        flush_text();
        if (!refused.empty()) return;
        XmlNode element = std::move(open_.back());
        open_.pop_back();
        for (const std::string& prefix : declared_.back()) {
            const auto binding = bindings_.find(prefix);
            binding->second.pop_back();
            if (binding->second.empty()) bindings_.erase(binding);
        }
        declared_.pop_back();
        // Indentation between elements is not content.
        bool has_elements = false;
        for (const XmlNode& c : element.children) has_elements |= c.kind == XmlNode::Kind::element;
        if (has_elements) {
            std::vector<XmlNode> kept;
            kept.reserve(element.children.size());
            for (XmlNode& c : element.children)
                if (c.kind != XmlNode::Kind::text || !whitespace_only(c.text)) kept.push_back(std::move(c));
            element.children = std::move(kept);
        }
        if (open_.empty()) {
            root = std::move(element);
            has_root = true;
        } else {
            open_.back().children.push_back(std::move(element));
        }
    }

    void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
        if (refused.empty() && !open_.empty()) pending_text_.append(ch + start, static_cast<std::size_t>(length));
    }
    void ignorableWhitespace(const Poco::XML::XMLChar ch[], int start, int length) override {
        characters(ch, start, length);
    }

    void startDTD(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {
        if (refused.empty()) refused = "a DOCTYPE is not allowed in an OOXML part";
    }
    void endDTD() override {}
    void startEntity(const Poco::XML::XMLString&) override {}
    void endEntity(const Poco::XML::XMLString&) override {}
    void startCDATA() override {}
    void endCDATA() override {}
    void comment(const Poco::XML::XMLChar[], int, int) override {}

private:
    const Poco::XML::Locator* locator_ = nullptr;
    std::size_t nodes_ = 0;
    std::vector<XmlNode> open_;
    // Prefix resolution in constant time per name, however deep the tree and
    // however many declarations are open: each prefix maps to the URIs bound
    // to it, innermost last; each open element remembers the prefixes it
    // declared, to unbind them when it closes.
    std::unordered_map<std::string, std::vector<std::string>> bindings_;
    std::vector<std::vector<std::string>> declared_;
    std::string pending_text_;

    static bool whitespace_only(const std::string& text) {
        for (char c : text)
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
        return true;
    }

    // A tree takes a few hundred bytes per node while the compiler works on
    // it: a 64 MiB part of "<a/>" took 6 GB. The count bounds that.
    void refuse_size() {
        refused = "more than " + std::to_string(max_xml_nodes) + " elements, attributes and texts (line " +
                  std::to_string(locator_ ? locator_->getLineNumber() : 0) + ")";
    }

    void flush_text() {
        if (pending_text_.empty()) return;
        if (++nodes_ > max_xml_nodes) {
            refuse_size();
            return;
        }
        XmlNode text;
        text.kind = XmlNode::Kind::text;
        text.text = std::move(pending_text_);
        pending_text_.clear();
        open_.back().children.push_back(std::move(text));
    }

    void resolve(const std::string& qname, bool is_element, std::string& uri, std::string& local) const {
        const std::size_t colon = qname.find(':');
        const std::string prefix = colon == std::string::npos ? "" : qname.substr(0, colon);
        local = colon == std::string::npos ? qname : qname.substr(colon + 1);
        uri.clear();
        if (prefix == "xml") {
            uri = ns::xml;
            return;
        }
        if (prefix.empty() && !is_element) return;  // unprefixed attributes have no namespace
        const auto binding = bindings_.find(prefix);
        if (binding != bindings_.end()) uri = binding->second.back();
    }
};

}  // namespace

XmlNode parse_xml(std::string_view bytes, const std::string& part_name) {
    if (bytes.size() > max_xml_part_bytes)
        throw std::runtime_error(part_name + ": " + std::to_string(bytes.size()) +
                                 " bytes of XML, more than the limit of " + std::to_string(max_xml_part_bytes >> 20) +
                                 " MiB");
    TreeBuilder builder;
    Poco::XML::SAXParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
    parser.setContentHandler(&builder);
    parser.setProperty(Poco::XML::XMLReader::PROPERTY_LEXICAL_HANDLER,
                       static_cast<Poco::XML::LexicalHandler*>(&builder));
    std::string not_well_formed;
    try {
        parser.parseMemoryNP(bytes.data(), bytes.size());
    } catch (const Poco::XML::SAXParseException& error) {
        not_well_formed = error.message() + " (line " + std::to_string(error.getLineNumber()) + ")";
    } catch (const Poco::Exception& error) {
        not_well_formed = error.displayText();
    }
    // A refusal comes first: it is why the rest of the part was not read.
    if (!builder.refused.empty()) throw std::runtime_error(part_name + ": " + builder.refused);
    if (!not_well_formed.empty()) throw std::runtime_error(part_name + ": not well-formed XML: " + not_well_formed);
    if (!builder.has_root) throw std::runtime_error(part_name + ": no root element");
    return std::move(builder.root);
}

namespace {

bool allowed_in_xml(char32_t code) {
    if (code == 0x9 || code == 0xA || code == 0xD) return true;
    if (code < 0x20 || (code >= 0x7F && code <= 0x9F)) return false;  // C0 and C1 controls, DEL
    if (code == 0xFFFE || code == 0xFFFF) return false;
    return true;
}

template <bool in_attribute>
void append_escaped(std::string& out, std::string_view text) {
    std::size_t at = 0;
    while (at < text.size()) {
        const char c = text[at];
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7F) {
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"':
                    if constexpr (in_attribute)
                        out += "&quot;";
                    else
                        out += c;
                    break;
                default: out += c;
            }
            ++at;
            continue;
        }
        const auto [code, length] = model::decode_utf8(text, at);
        if (length == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
            ++at;
            continue;
        }
        if (allowed_in_xml(code)) {
            if constexpr (in_attribute) {
                // Attribute values are normalized by parsers; keep line breaks and tabs.
                if (code == 0x9)
                    out += "&#9;";
                else if (code == 0xA)
                    out += "&#10;";
                else if (code == 0xD)
                    out += "&#13;";
                else
                    out.append(text.substr(at, length));
            } else {
                if (code == 0xD)
                    out += "&#13;";
                else
                    out.append(text.substr(at, length));
            }
        }
        at += length;
    }
}

}  // namespace

void append_escaped_text(std::string& out, std::string_view text) { append_escaped<false>(out, text); }
void append_escaped_attribute(std::string& out, std::string_view text) { append_escaped<true>(out, text); }

std::string sanitize_xml_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const auto [code, length] = model::decode_utf8(text, at);
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            ++at;
            continue;
        }
        if (allowed_in_xml(code)) out.append(text.substr(at, length));
        at += length;
    }
    return out;
}

void append_start_tag_open(std::string& out, const XmlNode& element) {
    out += '<';
    out += element.name;
    for (const XmlAttribute& attribute : element.attributes) {
        out += ' ';
        out += attribute.name;
        out += "=\"";
        append_escaped_attribute(out, attribute.value);
        out += '"';
    }
}

void append_xml(std::string& out, const XmlNode& node) {
    if (node.dropped) return;
    switch (node.kind) {
        case XmlNode::Kind::text: append_escaped_text(out, node.text); return;
        case XmlNode::Kind::tag: return;
        case XmlNode::Kind::element: break;
    }
    append_start_tag_open(out, node);
    if (node.children.empty()) {
        out += "/>";
        return;
    }
    out += '>';
    for (const XmlNode& child : node.children) append_xml(out, child);
    out += "</";
    out += node.name;
    out += '>';
}

}  // namespace esfdraft::docx
