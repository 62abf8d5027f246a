// The golden-file helper. It reads what it compares with Poco Zip and Poco's
// SAX parser and writes its canonical XML with its own few lines, on purpose
// not with the product's zip reader (docx::read_package), XML writer
// (load::xml_markup, docx::xml_node) or parser set-up: a comparison that
// shared the code it checks would let a defect there change both sides alike.
#include "support/golden.hpp"

#include <Poco/Exception.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

namespace esfdraft::testing {

namespace fs = std::filesystem;

namespace {

// ---- where golden files may be written ---------------------------------------

const fs::path source_tree = ESFDRAFT_SOURCE_DIR;

// A relative path of plain components: no "..", ".", empty or absolute parts.
bool plain_relative(const std::string& text) {
    if (text.empty() || text.front() == '/' || text.back() == '/') return false;
    for (const fs::path& part : fs::path(text)) {
        const std::string component = part.string();
        if (component.empty() || component == "." || component == ".." || component.find('\\') != std::string::npos)
            return false;
    }
    return true;
}

// <source>/<folder>/golden/<name>, or why it is refused.
std::string golden_target(const std::string& folder, const std::string& name, fs::path& target) {
    if (!plain_relative(folder) || folder.rfind("tests/", 0) != 0)
        return "refused golden folder '" + folder +
               "': give the test's own folder relative to the source tree, tests/<suite>";
    for (const fs::path& part : fs::path(folder))
        if (part == "golden") return "refused golden folder '" + folder + "': name the test folder, not its golden/";
    if (!fs::is_directory(source_tree / folder))
        return "refused golden folder '" + folder + "': no such folder in the source tree";
    if (!plain_relative(name))
        return "refused golden name '" + name + "': a relative name below golden/, without . or ..";
    target = source_tree / folder / "golden" / name;
    return "";
}

std::string shown(const fs::path& path) { return fs::relative(path, source_tree).generic_string(); }

std::string accept_hint(const std::string& folder) {
    return "(an intended change: run the suite again with ESFDRAFT_ACCEPT=1, then read git diff -- " + folder +
           "/golden)";
}

// ---- readable differences ----------------------------------------------------

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t from = 0;
    for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', from)) {
        lines.push_back(text.substr(from, at - from));
        from = at + 1;
    }
    if (from < text.size()) lines.push_back(text.substr(from));
    return lines;
}

// A long line shown around `column` (a byte offset), so the difference is on screen.
std::string excerpt(const std::string& line, std::size_t column) {
    constexpr std::size_t window = 70;
    if (line.size() <= 2 * window + 20) return line;
    std::size_t from = column > window ? column - window : 0;
    while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;  // not inside a UTF-8 character
    std::size_t to = std::min(line.size(), from + 2 * window);
    while (to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) ++to;
    return (from > 0 ? "…" : "") + line.substr(from, to - from) + (to < line.size() ? "…" : "");
}

// "" when equal, else the first differing line with two lines before it.
std::string difference(const std::string& label, const std::string& expected, const std::string& actual) {
    if (expected == actual) return "";
    const std::vector<std::string> want = lines_of(expected), got = lines_of(actual);
    std::size_t line = 0;
    while (line < want.size() && line < got.size() && want[line] == got[line]) ++line;
    std::ostringstream out;
    if (line == want.size() && line == got.size()) {  // the same lines: only the newline at the end differs
        out << label << " differs at its end: "
            << (expected.ends_with('\n') ? "the golden file ends with a newline, the output does not"
                                         : "the output ends with a newline, the golden file does not");
        return out.str();
    }
    const std::string& left = line < want.size() ? want[line] : std::string();
    const std::string& right = line < got.size() ? got[line] : std::string();
    std::size_t column = 0;
    while (column < left.size() && column < right.size() && left[column] == right[column]) ++column;
    out << label << " differs at line " << line + 1;
    if (line < want.size() && line < got.size()) out << ", column " << column + 1;
    out << ":\n";
    for (std::size_t before = line >= 2 ? line - 2 : 0; before < line; ++before)
        out << "      " << before + 1 << ": " << excerpt(want[before], 0) << '\n';
    out << "  golden " << line + 1 << ": " << (line < want.size() ? excerpt(left, column) : "(end of file)") << '\n';
    out << "  output " << line + 1 << ": " << (line < got.size() ? excerpt(right, column) : "(end of file)");
    return out.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

std::string read_whole(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// ---- canonical XML -----------------------------------------------------------

struct Node {
    bool is_text = false;
    std::string name;  // the qualified name, or the text
    std::vector<std::pair<std::string, std::string>> attributes;
    std::vector<Node> children;
};

bool whitespace_only(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

// Builds the tree from SAX events with namespace processing off, so names,
// prefixes and the order of attributes arrive as written. Text split over
// several events (expat splits at entities and line ends) is joined.
class TreeBuilder : public Poco::XML::DefaultHandler {
public:
    Node root;

    void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString& qname,
                      const Poco::XML::Attributes& attributes) override {
        flush_text();
        Node element;
        element.name = qname;
        for (int i = 0; i < attributes.getLength(); ++i)
            element.attributes.emplace_back(attributes.getQName(i), attributes.getValue(i));
        open_.push_back(std::move(element));
    }

    void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {
        flush_text();
        Node element = std::move(open_.back());
        open_.pop_back();
        bool has_elements = false;
        for (const Node& child : element.children) has_elements |= !child.is_text;
        if (has_elements) {  // indentation between elements is not content
            std::vector<Node> kept;
            for (Node& child : element.children)
                if (!child.is_text || !whitespace_only(child.name)) kept.push_back(std::move(child));
            element.children = std::move(kept);
        }
        if (open_.empty())
            root = std::move(element);
        else
            open_.back().children.push_back(std::move(element));
    }

    void characters(const Poco::XML::XMLChar chars[], int start, int length) override {
        if (!open_.empty()) text_.append(chars + start, static_cast<std::size_t>(length));
    }
    void ignorableWhitespace(const Poco::XML::XMLChar chars[], int start, int length) override {
        characters(chars, start, length);
    }

private:
    void flush_text() {
        if (text_.empty()) return;
        Node text;
        text.is_text = true;
        text.name = std::move(text_);
        text_.clear();
        open_.back().children.push_back(std::move(text));
    }

    std::vector<Node> open_;
    std::string text_;
};

void append_escaped(std::string& out, const std::string& text, bool attribute) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += attribute ? "&quot;" : "\""; break;
            case '\t': out += attribute ? "&#9;" : "\t"; break;
            case '\n': out += attribute ? "&#10;" : "\n"; break;
            case '\r': out += "&#13;"; break;
            default: out += c;
        }
    }
}

void append_canonical(std::string& out, const Node& node, std::size_t depth) {
    const std::string indent(2 * depth, ' ');
    out += indent;
    if (node.is_text) {
        append_escaped(out, node.name, false);
        out += '\n';
        return;
    }
    out += '<' + node.name;
    for (const auto& [name, value] : node.attributes) {
        out += ' ' + name + "=\"";
        append_escaped(out, value, true);
        out += '"';
    }
    if (node.children.empty()) {
        out += "/>\n";
        return;
    }
    bool only_text = true;
    for (const Node& child : node.children) only_text &= child.is_text;
    out += '>';
    if (only_text) {
        for (const Node& child : node.children) append_escaped(out, child.name, false);
    } else {
        out += '\n';
        for (const Node& child : node.children) append_canonical(out, child, depth + 1);
        out += indent;
    }
    out += "</" + node.name + ">\n";
}

std::map<std::string, std::string> entries_from(std::istream& listing,
                                                const std::function<std::unique_ptr<std::istream>()>& reopen) {
    Poco::Zip::ZipArchive archive(listing);
    std::map<std::string, std::string> entries;
    for (auto header = archive.headerBegin(); header != archive.headerEnd(); ++header) {
        if (header->second.isDirectory()) continue;
        const auto in = reopen();
        Poco::Zip::ZipInputStream stream(*in, header->second);
        entries[header->first] = std::string(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
    }
    return entries;
}

}  // namespace

bool accepting_goldens() {
    const char* value = std::getenv("ESFDRAFT_ACCEPT");
    return value != nullptr && std::string(value) == "1";
}

std::string check_golden(const std::string& folder, const std::string& name, const std::string& actual) {
    fs::path target;
    if (std::string refused = golden_target(folder, name, target); !refused.empty()) return refused;
    if (accepting_goldens()) {
        if (!fs::is_regular_file(target) || read_whole(target) != actual) {
            write_file(target, actual);
            std::cerr << "accepted " << shown(target) << ": read its diff before committing\n";
        }
        return "";
    }
    if (!fs::is_regular_file(target)) return "no golden file " + shown(target) + " " + accept_hint(folder);
    const std::string found = difference(shown(target), read_whole(target), actual);
    return found.empty() ? "" : found + "\n" + accept_hint(folder);
}

std::string check_golden(const std::string& folder, const std::string& name, const GoldenFiles& actual) {
    fs::path target;
    if (std::string refused = golden_target(folder, name, target); !refused.empty()) return refused;
    for (const auto& [file, bytes] : actual)
        if (!plain_relative(file)) return "refused golden file name '" + file + "' in " + shown(target);
    const bool accepting = accepting_goldens();
    if (!fs::is_directory(target)) {
        if (!accepting) return "no golden folder " + shown(target) + " " + accept_hint(folder);
        fs::create_directories(target);
    }
    std::set<std::string> golden_files;
    for (const auto& entry : fs::recursive_directory_iterator(target))
        if (entry.is_regular_file()) golden_files.insert(fs::relative(entry.path(), target).generic_string());
    std::string out;
    const auto add = [&out](const std::string& text) { out += (out.empty() ? "" : "\n") + text; };
    for (const std::string& file : golden_files)
        if (!actual.contains(file)) add(shown(target / file) + " was not written");
    for (const auto& [file, bytes] : actual) {
        if (!golden_files.contains(file))
            add(shown(target / file) + " is written but has no golden file");
        else if (std::string found = difference(shown(target / file), read_whole(target / file), bytes); !found.empty())
            add(found);
    }
    if (out.empty()) return "";
    if (!accepting) return out + "\n" + accept_hint(folder);
    fs::remove_all(target);  // parts no longer written go with it
    for (const auto& [file, bytes] : actual) write_file(target / file, bytes);
    std::cerr << "accepted " << shown(target) << "/ (" << actual.size() << " files): read its diff before committing\n";
    return "";
}

std::string canonical_xml(const std::string& xml, XmlDeclaration declaration) {
    TreeBuilder builder;
    Poco::XML::SAXParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
    parser.setContentHandler(&builder);
    try {
        parser.parseMemoryNP(xml.data(), xml.size());
    } catch (const Poco::Exception& error) {
        throw std::runtime_error("not well-formed XML: " + error.displayText());
    }
    std::string out = declaration == XmlDeclaration::written ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : "";
    append_canonical(out, builder.root, 0);
    return out;
}

std::map<std::string, std::string> zip_entries(const std::string& bytes) {
    try {
        std::istringstream listing(bytes);
        return entries_from(listing, [&bytes] { return std::make_unique<std::istringstream>(bytes); });
    } catch (const Poco::Exception& error) {
        throw std::runtime_error("not a zip archive: " + error.displayText());
    }
}

std::map<std::string, std::string> zip_entries_of_file(const std::string& path) {
    std::ifstream listing(path, std::ios::binary);
    if (!listing) throw std::runtime_error("cannot open " + path);
    try {
        return entries_from(listing, [&path] { return std::make_unique<std::ifstream>(path, std::ios::binary); });
    } catch (const Poco::Exception& error) {
        throw std::runtime_error(path + ": not a zip archive: " + error.displayText());
    }
}

GoldenFiles canonical_parts(const std::map<std::string, std::string>& entries, XmlDeclaration declaration,
                            const std::set<std::string>& skip) {
    GoldenFiles parts;
    for (const auto& [name, bytes] : entries) {
        if (skip.contains(name) || !(name.ends_with(".xml") || name.ends_with(".rels"))) continue;
        try {
            parts[name] = canonical_xml(bytes, declaration);
        } catch (const std::runtime_error& error) {
            throw std::runtime_error(name + ": " + error.what());
        }
    }
    return parts;
}

}  // namespace esfdraft::testing
