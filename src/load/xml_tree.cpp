#include "load/xml_tree.hpp"

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/ContentHandler.h>
#include <Poco/SAX/Locator.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/XML/XMLString.h>

#include <map>
#include <stdexcept>

namespace esfdraft::load {

namespace {

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Builds the tree from SAX events, taking positions from the parser's locator
// at each start tag.
class TreeBuilder final : public Poco::XML::ContentHandler {
public:
    explicit TreeBuilder(std::string file) : file_(std::move(file)) {}

    XmlElement take_root() { return std::move(root_); }

    void setDocumentLocator(const Poco::XML::Locator* locator) override { locator_ = locator; }
    void startDocument() override {}
    void endDocument() override {}
    void startPrefixMapping(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {}
    void endPrefixMapping(const Poco::XML::XMLString&) override {}
    void processingInstruction(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {}
    void skippedEntity(const Poco::XML::XMLString&) override {}
    void ignorableWhitespace(const Poco::XML::XMLChar* ch, int start, int length) override {
        characters(ch, start, length);
    }

    void startElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local_name,
                      const Poco::XML::XMLString&, const Poco::XML::Attributes& attributes) override {
        XmlElement element;
        element.ns = uri;
        element.name = local_name;
        for (int i = 0; i < attributes.getLength(); ++i) {
            if (!attributes.getURI(i).empty()) continue;  // xml:lang, xsi:* and the like
            element.attributes.emplace_back(attributes.getLocalName(i), attributes.getValue(i));
        }
        element.where.file = file_;
        if (locator_) {
            element.where.line = locator_->getLineNumber();
            element.where.column = locator_->getColumnNumber() + 1;  // expat counts columns from 0
        }
        if (stack_.empty()) {
            root_ = std::move(element);
            stack_.push_back(&root_);
            return;
        }
        XmlElement* parent = stack_.back();
        parent->content.push_back(XmlContent{false, {}, parent->children.size()});
        parent->children.push_back(std::move(element));
        stack_.push_back(&parent->children.back());
    }

    void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {
        stack_.pop_back();
    }

    void characters(const Poco::XML::XMLChar* ch, int start, int length) override {
        if (stack_.empty()) return;
        XmlElement* current = stack_.back();
        if (!current->content.empty() && current->content.back().is_text)
            current->content.back().text.append(ch + start, static_cast<std::size_t>(length));
        else
            current->content.push_back(XmlContent{true, std::string(ch + start, static_cast<std::size_t>(length)), 0});
    }

private:
    std::string file_;
    const Poco::XML::Locator* locator_ = nullptr;
    XmlElement root_;
    // Pointers stay valid: a parent's children vector only grows while the
    // parent is the innermost open element, i.e. before the child is pushed.
    std::vector<XmlElement*> stack_;
};

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

XmlElement parse_xml_tree(std::string_view bytes, const std::string& file) {
    TreeBuilder builder(file);
    Poco::XML::SAXParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACE_PREFIXES, false);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
    parser.setContentHandler(&builder);
    try {
        parser.parseMemoryNP(bytes.data(), bytes.size());
    } catch (const Poco::Exception& error) {
        throw std::runtime_error(file + ": XML parse error: " + error.displayText());
    }
    XmlElement root = builder.take_root();
    root.where.path = "/" + root.name;
    assign_paths(root, root.where.path);
    return root;
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
