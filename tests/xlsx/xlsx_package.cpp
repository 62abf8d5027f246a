#include "xlsx/xlsx_package.hpp"

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/XML/XMLString.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace esfdraft::testing {
namespace {

std::string escape(const std::string& text, bool attribute) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += attribute ? "&quot;" : "\"";
                break;
            case '\n':
                out += attribute ? "&#10;" : "\n";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// Prints each element on its own line. An element whose only content is
// text keeps it on the same line, byte for byte.
class CanonicalPrinter : public Poco::XML::DefaultHandler {
public:
    std::string text() const { return out_.str(); }

    void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString& qname,
                      const Poco::XML::Attributes& attributes) override {
        close_pending_start();
        out_ << std::string(2 * depth_, ' ') << '<' << qname;
        for (int i = 0; i < attributes.getLength(); ++i)
            out_ << ' ' << attributes.getQName(i) << "=\"" << escape(attributes.getValue(i), true) << '"';
        pending_start_ = true;
        text_.clear();
        ++depth_;
    }

    void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                    const Poco::XML::XMLString& qname) override {
        --depth_;
        if (pending_start_) {
            if (text_.empty())
                out_ << "/>\n";
            else
                out_ << '>' << escape(text_, false) << "</" << qname << ">\n";
            pending_start_ = false;
        } else {
            out_ << std::string(2 * depth_, ' ') << "</" << qname << ">\n";
        }
        text_.clear();
    }

    void characters(const Poco::XML::XMLChar chars[], int start, int length) override {
        text_.append(chars + start, static_cast<std::size_t>(length));
    }

private:
    void close_pending_start() {
        if (!pending_start_) return;
        out_ << ">\n";   // text before a child element is whitespace in these parts; it is dropped
        pending_start_ = false;
    }

    std::ostringstream out_;
    std::string text_;
    bool pending_start_ = false;
    std::size_t depth_ = 0;
};

}  // namespace

std::map<std::string, std::string> read_package(const std::string& path) {
    std::ifstream listing(path, std::ios::binary);
    if (!listing) throw std::runtime_error("cannot open " + path);
    Poco::Zip::ZipArchive archive(listing);
    std::map<std::string, std::string> parts;
    for (auto entry = archive.headerBegin(); entry != archive.headerEnd(); ++entry) {
        std::ifstream in(path, std::ios::binary);
        Poco::Zip::ZipInputStream stream(in, entry->second);
        parts[entry->first] = std::string(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
    }
    return parts;
}

std::string canonical_xml(const std::string& xml) {
    CanonicalPrinter printer;
    Poco::XML::SAXParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
    parser.setContentHandler(&printer);
    parser.parseString(xml);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + printer.text();
}

}  // namespace esfdraft::testing
