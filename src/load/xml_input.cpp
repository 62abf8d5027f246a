#include "load/xml_input.hpp"

#include "load/tree_parser.hpp"
#include "load/xml_syntax.hpp"
#include "model/nearest_name.hpp"
#include "model/utf8.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <future>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace esfdraft::load {

namespace {

// Length of the UTF-8 sequence starting at bytes[i], or 0 when it is invalid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_sequence_length(std::string_view bytes, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned int code_point = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code_point = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        code_point = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code_point = lead & 0x07u;
    } else {
        return 0;
    }
    if (i + length > bytes.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0u) != 0x80u) return 0;
        code_point = (code_point << 6) | (byte(i + k) & 0x3Fu);
    }
    if ((length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000)) return 0;
    if (code_point >= 0xD800 && code_point <= 0xDFFF) return 0;
    if (code_point > 0x10FFFF) return 0;
    return length;
}

// libxml2 reports through a global handler; we collect per call. Past
// `keep` messages only the count grows (the first error proper is kept
// still): a file can hold a violation on every line, so what a message
// costs past the cut must not depend on how many came before it.
struct ErrorCollector {
    std::size_t keep = std::numeric_limits<std::size_t>::max();
    std::size_t count = 0;
    bool kept_an_error = false;
    std::vector<xmlError> errors;
    std::vector<std::string> messages;
    // For the parser's messages: each kept error's strings, copied while
    // they live (the xmlError copies in `errors` point into libxml2's).
    bool keep_details = false;
    std::vector<ParseError> details;
    // Messages about a node for which libxml2 looked up the file name
    // itself: it does so by stepping back over every node before the one in
    // question (for XInclude boundaries), time linear in the node's place in
    // the document. Zero when the document has no URL (see parse_document).
    std::size_t located_through_document = 0;
};

void collect_error(void* context, xmlErrorPtr error) {
    auto* collector = static_cast<ErrorCollector*>(context);
    if (!error) return;
    ++collector->count;
    if (error->node && error->file) ++collector->located_through_document;
    const bool is_error = error->level >= XML_ERR_ERROR;
    if (collector->errors.size() >= collector->keep && !(is_error && !collector->kept_an_error)) return;
    collector->kept_an_error = collector->kept_an_error || is_error;
    collector->errors.push_back(*error);
    std::string message = error->message ? error->message : "unknown error";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    if (collector->keep_details) {
        ParseError detail;
        detail.code = error->code;
        detail.line = error->line;
        detail.column = error->int2;
        detail.int1 = error->int1;
        detail.str1 = error->str1 ? error->str1 : "";
        detail.str2 = error->str2 ? error->str2 : "";
        collector->details.push_back(std::move(detail));
    }
    collector->messages.push_back(message);
}

// Makes libxml2's messages easier to read: "{urn:esfdraft:plan:1}cost" -> "cost".
std::string tidy_libxml_message(std::string message) {
    for (std::size_t open = message.find('{'); open != std::string::npos; open = message.find('{', open)) {
        const std::size_t close = message.find('}', open);
        if (close == std::string::npos) break;
        const std::string_view inside(message.data() + open + 1, close - open - 1);
        if (inside.find(':') == std::string_view::npos) {
            open = close;
            continue;
        }
        message.erase(open, close - open + 1);
    }
    return message;
}

// No network, no DTD loading, no entity substitution; long files keep their
// line numbers. Short text is stored inside its node (the tree is never
// changed after the parse), which saves an allocation per attribute value.
constexpr int parse_options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT;

// Runs `work` with libxml2's structured errors sent to `collector`.
template <typename Work>
auto with_collected_errors(ErrorCollector& collector, Work work) {
    xmlSetStructuredErrorFunc(&collector, collect_error);
    struct Restore {
        ~Restore() { xmlSetStructuredErrorFunc(nullptr, nullptr); }
    } restore;
    return work();
}

bool iequals_ascii(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// ---------------------------------------------------------------- schema messages
// The common mistakes in a hand-written plan get a message of their own, with
// what to write instead, rather than libxml2's wording: a file that is not a
// plan (or not a findings file), amounts and dates in another form, values
// outside a list, misspelt elements. Everything else keeps libxml2's detail
// inside a translated frame (X002.invalid).

// The text between `open` (after `from`) and the next `close`, or nullopt.
std::optional<std::string> between(std::string_view text, std::string_view open, std::string_view close,
                                   std::size_t from = 0) {
    const std::size_t start = text.find(open, from);
    if (start == std::string_view::npos) return std::nullopt;
    const std::size_t end = text.find(close, start + open.size());
    if (end == std::string_view::npos) return std::nullopt;
    return std::string(text.substr(start + open.size(), end - start - open.size()));
}

// "'a', 'b'" -> "a, b"
std::string unquoted_list(std::string text) {
    std::erase(text, '\'');
    return text;
}

// An amount written in a form people use elsewhere (1 000, 1000,50, 100 kr,
// +100), rewritten as the format wants it; nullopt when no plain rewrite is clear.
std::optional<std::string> amount_suggestion(std::string_view value) {
    std::string out;
    bool decimal_mark = false;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c >= '0' && c <= '9') {
            out += c;
        } else if ((c == ',' || c == '.') && !decimal_mark && !out.empty() && value.size() - i - 1 <= 2 &&
                   value.size() - i - 1 >= 1) {
            out += '.';
            decimal_mark = true;
        } else if (c == ' ' || c == '\t' || c == '\'' || c == '_' || (c == '+' && out.empty())) {
            continue;
        } else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < value.size() &&
                   static_cast<unsigned char>(value[i + 1]) == 0xA0) {
            ++i;  // a no-break space
        } else if (value.substr(i) == "kr" || value.substr(i) == "SEK" || value.substr(i) == " kr") {
            break;
        } else {
            return std::nullopt;
        }
    }
    if (out.empty() || out == value) return std::nullopt;
    return out;
}

}  // namespace

// What the schema file declares: its root element, target namespace and all
// element names (for "did you mean").
struct SchemaVocabulary {
    std::string root;
    std::string target_namespace;
    std::vector<std::string> elements;
    // For an element whose type is an xs:all (project, applicant): the
    // children it must have. libxml2 names every child not yet seen as
    // "expected", the optional ones too; a missing title is clearer alone.
    std::map<std::string, std::vector<std::string>> required_in_all;
};

namespace {

bool is_xsd(const xmlNode* node, std::string_view name) {
    return node->type == XML_ELEMENT_NODE && std::string_view(reinterpret_cast<const char*>(node->name)) == name;
}

// Fills required_in_all from the schema's named complex types whose content
// is an xs:all, for each element declared with such a type (an element name
// declared with two types is left out: its message cannot be narrowed).
template <typename Attribute>
void read_required_in_all(const xmlNode* schema, const Attribute& attribute, SchemaVocabulary& vocabulary) {
    std::map<std::string, std::vector<std::string>> by_type;
    for (const xmlNode* type = schema->children; type; type = type->next) {
        if (!is_xsd(type, "complexType")) continue;
        for (const xmlNode* all = type->children; all; all = all->next) {
            if (!is_xsd(all, "all")) continue;
            std::vector<std::string>& required = by_type[attribute(type, "name")];
            for (const xmlNode* element = all->children; element; element = element->next)
                if (is_xsd(element, "element") && attribute(element, "minOccurs") != "0")
                    required.push_back(attribute(element, "name"));
        }
    }
    std::map<std::string, std::set<std::string>> types_of;
    std::vector<const xmlNode*> pending{schema};
    while (!pending.empty()) {
        const xmlNode* node = pending.back();
        pending.pop_back();
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (child->type != XML_ELEMENT_NODE) continue;
            if (is_xsd(child, "element") && !attribute(child, "name").empty())
                types_of[attribute(child, "name")].insert(attribute(child, "type"));
            pending.push_back(child);
        }
    }
    for (const auto& [element, types] : types_of)
        if (types.size() == 1)
            if (auto found = by_type.find(*types.begin()); found != by_type.end())
                vocabulary.required_in_all[element] = found->second;
}

SchemaVocabulary read_vocabulary(const std::string& xsd_path) {
    SchemaVocabulary vocabulary;
    xmlDocPtr document =
        xmlReadFile(xsd_path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!document) return vocabulary;
    const xmlNode* schema = xmlDocGetRootElement(document);
    const auto attribute = [](const xmlNode* node, const char* name) {
        std::string out;
        if (xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name))) {
            out = reinterpret_cast<const char*>(value);
            xmlFree(value);
        }
        return out;
    };
    if (schema) vocabulary.target_namespace = attribute(schema, "targetNamespace");
    std::vector<const xmlNode*> pending;
    if (schema) pending.push_back(schema);
    while (!pending.empty()) {
        const xmlNode* node = pending.back();
        pending.pop_back();
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (child->type != XML_ELEMENT_NODE) continue;
            if (std::string_view(reinterpret_cast<const char*>(child->name)) == "element") {
                const std::string name = attribute(child, "name");
                if (!name.empty()) {
                    if (node == schema && vocabulary.root.empty()) vocabulary.root = name;
                    if (std::find(vocabulary.elements.begin(), vocabulary.elements.end(), name) ==
                        vocabulary.elements.end())
                        vocabulary.elements.push_back(name);
                }
            }
            pending.push_back(child);
        }
    }
    if (schema) read_required_in_all(schema, attribute, vocabulary);
    xmlFreeDoc(document);
    return vocabulary;
}

// The finding for one libxml2 validation message (already tidied).
// Long because it is one branch per kind of libxml2 message, each with its own
// finding.
model::Finding schema_finding(const std::string& message, const SchemaVocabulary& vocabulary, const xmlNode* root,
                              const std::string& file, int line) {
    const auto text = [](const std::string& value) { return model::MessageArg::of_text(value); };
    const std::string_view view(message);
    const std::optional<std::string> element = between(view, "Element '", "'");
    const std::optional<std::string> attribute = between(view, "attribute '", "'");
    const std::optional<std::string> value = between(view, "The value '", "'");

    if (view.find("No matching global declaration available for the validation root") != std::string_view::npos &&
        root) {
        const std::string name = reinterpret_cast<const char*>(root->name);
        const std::string ns = root->ns && root->ns->href ? reinterpret_cast<const char*>(root->ns->href) : "";
        const bool plan = vocabulary.root == "application";
        const char* id = plan && name == "findings" ? "X002.findings_given_as_plan"
                         : name != vocabulary.root  ? (plan ? "X002.not_a_plan" : "X002.not_findings")
                         : ns.empty()               ? (plan ? "X002.plan_no_namespace" : "X002.findings_no_namespace")
                                                    : (plan ? "X002.plan_namespace" : "X002.findings_namespace");
        return file_finding("X002", id, file, line, 0)
            .arg("root", text(name))
            .arg("namespace", text(ns.empty() ? "-" : ns))
            .arg("expected", text(vocabulary.target_namespace));
    }
    if (element && value && view.find("[facet 'pattern']") != std::string_view::npos) {
        if (attribute && *attribute == "amount") {
            if (auto suggestion = amount_suggestion(*value))
                return file_finding("X002", "X002.amount_form_suggest", file, line, 0)
                    .arg("value", text(*value))
                    .arg("suggestion", text(*suggestion));
            return file_finding("X002", "X002.amount_form", file, line, 0).arg("value", text(*value));
        }
        if (view.find("pattern '[0-9]{4}'") != std::string_view::npos)
            return file_finding("X002", "X002.year_form", file, line, 0)
                .arg("value", text(*value))
                .arg("name", text(attribute ? *element + "/@" + *attribute : "<" + *element + ">"));
        if (view.find("[0-9]{4}-[0-9]{2}-[0-9]{2}") != std::string_view::npos)
            return file_finding("X002", "X002.date_form", file, line, 0)
                .arg("value", text(*value))
                .arg("name", text(attribute ? *element + "/@" + *attribute : "<" + *element + ">"));
    }
    if (element && value && view.find("[facet 'enumeration']") != std::string_view::npos) {
        if (auto set = between(view, "of the set {", "}"))
            return file_finding("X002", "X002.not_allowed", file, line, 0)
                .arg("value", text(*value))
                .arg("name", text(attribute ? *element + "/@" + *attribute : "<" + *element + ">"))
                .arg("allowed", text(unquoted_list(*set)));
    }
    // "Expected is ( a )" / "Expected is one of ( a, b )": the names libxml2 would take there.
    std::optional<std::string> expected;
    if (auto names = between(view, "Expected is ( ", " )"))
        expected = *names;
    else if (auto several = between(view, "Expected is one of ( ", " )"))
        expected = *several;
    if (expected)
        expected = "<" + [&] {
            std::string list = *expected;
            for (std::size_t at = list.find(", "); at != std::string::npos; at = list.find(", ", at + 4))
                list.replace(at, 2, ">, <");
            return list;
        }() + ">";
    if (element && !attribute && view.find("This element is not expected") != std::string_view::npos) {
        const bool known =
            std::find(vocabulary.elements.begin(), vocabulary.elements.end(), *element) != vocabulary.elements.end();
        if (!known)
            // A third of the letters may differ, at least one; a swap of two neighbours is one slip (<titel>).
            if (auto nearest = model::nearest_name(*element, vocabulary.elements, model::slip_limit(*element)))
                return file_finding("X002", "X002.unknown_element", file, line, 0)
                    .arg("element", text(*element))
                    .arg("nearest", text(*nearest));
        if (known && expected)
            return file_finding("X002", "X002.misplaced", file, line, 0)
                .arg("element", text(*element))
                .arg("expected", text(*expected));
        if (known)  // after the last element its parent may have
            return file_finding("X002", "X002.not_here", file, line, 0).arg("element", text(*element));
        if (expected)  // <table> where <p>, <ul> or <ol> may stand
            return file_finding("X002", "X002.unknown_element_expected", file, line, 0)
                .arg("element", text(*element))
                .arg("expected", text(*expected));
        return file_finding("X002", "X002.unknown_element_here", file, line, 0).arg("element", text(*element));
    }
    if (element && view.find("is required but missing") != std::string_view::npos)
        if (auto missing = between(view, "The attribute '", "'"))
            return file_finding("X002", "X002.missing_attribute", file, line, 0)
                .arg("element", text(*element))
                .arg("attribute", text(*missing));
    if (element && attribute && view.find("is not allowed.") != std::string_view::npos &&
        view.find("The attribute '") != std::string_view::npos)
        return file_finding("X002", "X002.attribute_not_allowed", file, line, 0)
            .arg("element", text(*element))
            .arg("attribute", text(*attribute));
    if (element && view.find("Character content other than whitespace is not allowed") != std::string_view::npos)
        return file_finding("X002", "X002.text_not_allowed", file, line, 0).arg("element", text(*element));
    if (element && view.find("is not a valid value of the atomic type 'xs:decimal'") != std::string_view::npos)
        if (auto bad = between(view, ": '", "' is not a valid value"))
            return file_finding("X002", "X002.not_a_number", file, line, 0)
                .arg("value", text(*bad))
                .arg("name", text(attribute ? *element + "/@" + *attribute : "<" + *element + ">"));
    if (element && !attribute && expected && view.find("Missing child element") != std::string_view::npos) {
        // In an xs:all only the required ones are missing: "<title>", not "<title>, <acronym>, <preStudy>".
        if (auto all = vocabulary.required_in_all.find(*element); all != vocabulary.required_in_all.end()) {
            std::string required;
            for (const std::string& name : all->second)
                if (expected->find("<" + name + ">") != std::string::npos)
                    required += (required.empty() ? "<" : ", <") + name + ">";
            if (!required.empty()) expected = required;
        }
        return file_finding("X002", "X002.missing_child", file, line, 0)
            .arg("element", text(*element))
            .arg("expected", text(*expected));
    }
    return file_finding("X002", "X002.invalid", file, line, 0).arg("detail", text(message));
}

}  // namespace

LoadError larger_than(const std::string& file, std::size_t max_bytes) {
    const std::string mib = std::to_string(max_bytes / (1024 * 1024));
    return LoadError(model::Said("'" + file + "' är större än de " + mib + " MiB esfdraft läser",
                                 "'" + file + "' is larger than the " + mib + " MiB esfdraft reads"));
}

std::string read_input_file(const std::string& path, std::size_t max_bytes) {
    const std::string not_regular_sv = "det är ingen vanlig fil (en enhet, en FIFO eller en socket)";
    const std::string not_regular_en = "it is not a regular file (a device, FIFO or socket)";
    const auto fail = [&](const std::string& why_sv, const std::string& why) {
        throw LoadError(model::Said("kan inte läsa '" + path + "': " + why_sv, "cannot read '" + path + "': " + why));
    };
    // Opened without waiting (open() itself blocks on a FIFO nobody writes
    // to), then judged by what the descriptor is, not by a name that may be
    // swapped in between. A symbolic link to a regular file is followed.
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (descriptor < 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR) fail("filen finns inte", "no such file");
        if (error == EACCES || error == EPERM) fail("behörighet saknas", "permission denied");
        if (error == ENXIO) fail(not_regular_sv, not_regular_en);  // a socket
        fail(std::strerror(error), std::strerror(error));
    }
    struct Close {
        int descriptor;
        ~Close() { ::close(descriptor); }
    } close_on_return{descriptor};
    struct stat status {};
    if (::fstat(descriptor, &status) != 0) fail(std::strerror(errno), std::strerror(errno));
    if (S_ISDIR(status.st_mode)) fail("det är en mapp, inte en fil", "it is a folder, not a file");
    if (!S_ISREG(status.st_mode)) fail(not_regular_sv, not_regular_en);
    const auto size = static_cast<std::uintmax_t>(status.st_size);
    if (size > max_bytes)
        throw LoadError(model::Said(
            "'" + path + "' är " + std::to_string(size / (1024 * 1024)) + " MiB; esfdraft läser filer på högst " +
                std::to_string(max_bytes / (1024 * 1024)) + " MiB (en plan med 10 000 kostnadsrader är omkring 2 MiB)",
            "'" + path + "' is " + std::to_string(size / (1024 * 1024)) + " MiB; esfdraft reads files up to " +
                std::to_string(max_bytes / (1024 * 1024)) + " MiB (a plan with 10 000 cost lines is about 2 MiB)"));
    // Reads wait as usual for a regular file's data.
    if (const int flags = ::fcntl(descriptor, F_GETFL); flags >= 0) ::fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK);
    // The size said is only a hint: the file may grow while it is read, so
    // never more than one byte past the limit is read.
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(size));
    char buffer[65536];
    while (bytes.size() <= max_bytes) {
        const std::size_t wanted = std::min(sizeof buffer, max_bytes + 1 - bytes.size());
        const ssize_t got = ::read(descriptor, buffer, wanted);
        if (got < 0) {
            if (errno == EINTR) continue;
            fail(std::string("läsfel: ") + std::strerror(errno), std::string("read error: ") + std::strerror(errno));
        }
        if (got == 0) return bytes;
        bytes.append(buffer, static_cast<std::size_t>(got));
    }
    throw larger_than(path, max_bytes);
}

bool check_input_bytes(std::string_view bytes, const std::string& file, model::Findings& out) {
    std::size_t start = 0;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") start = 3;  // a UTF-8 byte order mark is allowed
    if (bytes.find_first_not_of(" \t\r\n", start) == std::string_view::npos) {
        out.push_back(file_finding("X001", "X001.empty", file, 1, 1));
        return false;
    }
    for (std::size_t i = start; i < bytes.size();) {
        // Eight ASCII bytes, none of them NUL, at a time (most of a plan).
        if (i + 8 <= bytes.size()) {
            std::uint64_t word;
            std::memcpy(&word, bytes.data() + i, sizeof word);
            constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
            if ((word & highs) == 0 && ((word - ones) & ~word & highs) == 0) {
                i += 8;
                continue;
            }
        }
        const std::size_t length = utf8_sequence_length(bytes, i);
        if (length == 0 || bytes[i] == '\0') {
            const auto [line, column] = model::line_and_column(bytes, i);
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned int>(static_cast<unsigned char>(bytes[i])));
            out.push_back(file_finding("X001", "X001.invalid_utf8", file, line, column)
                              .arg("byte", model::MessageArg::of_text(hex)));
            return false;
        }
        i += length;
    }
    // The declared encoding, when there is one, must be UTF-8.
    if (bytes.substr(start, 5) == "<?xml") {
        const std::size_t end = bytes.find("?>", start);
        const std::string_view declaration = bytes.substr(start, end == std::string_view::npos ? 0 : end - start);
        const std::size_t at = declaration.find("encoding");
        if (at != std::string_view::npos) {
            const std::size_t quote = declaration.find_first_of("\"'", at);
            if (quote != std::string_view::npos) {
                const std::size_t close = declaration.find(declaration[quote], quote + 1);
                const std::string_view name =
                    declaration.substr(quote + 1, close == std::string_view::npos ? 0 : close - quote - 1);
                if (!iequals_ascii(name, "utf-8")) {
                    const auto [line, column] = model::line_and_column(bytes, start + at);
                    out.push_back(file_finding("X001", "X001.not_utf8", file, line, column)
                                      .arg("encoding", model::MessageArg::of_text(std::string(name))));
                    return false;
                }
            }
        }
    }
    const std::size_t doctype = bytes.find("<!DOCTYPE");
    if (doctype != std::string_view::npos) {
        const auto [line, column] = model::line_and_column(bytes, doctype);
        out.push_back(file_finding("X001", "X001.doctype", file, line, column));
        return false;
    }
    return true;
}

namespace {

// Parses with libxml2. On failure appends one X001 finding with line and
// column and returns nullptr; the caller frees the document.
// The document gets no URL: for every validation message about a node of a
// document with one, libxml2 (2.9) walks back over all the nodes before it
// to find the file name, which made a file with a violation on every line
// take time quadratic in their number (10 000 of them 4.4 s, 20 000 26 s).
// Our findings take the file name from the caller, never from libxml2.
xmlDocPtr parse_document(std::string_view bytes, const std::string& file, model::Findings& out) {
    ErrorCollector collector;
    collector.keep = 1000;  // only the first error is reported
    collector.keep_details = true;
    xmlDocPtr document = with_collected_errors(collector, [&] {
        return xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, parse_options);
    });
    if (document && collector.count == 0) return document;
    if (document) xmlFreeDoc(document);
    // The first error proper; a warning (an undeclared prefix) only when there is none.
    std::size_t index = 0;
    for (std::size_t i = 0; i < collector.errors.size(); ++i)
        if (collector.errors[i].level >= XML_ERR_ERROR) {
            index = i;
            break;
        }
    ParseError error;
    if (index < collector.details.size()) {
        error = collector.details[index];
        error.message = tidy_libxml_message(collector.messages[index]);
    } else {
        error.message = "the file is not well-formed XML";
    }
    out.push_back(well_formedness_finding(bytes, file, error));
    return nullptr;
}

// Walks the bytes from one start tag to the next, in document order, keeping
// line and column (1-based, counted in characters). Text and attribute values
// cannot hold a raw '<', so every '<' begins markup; comments, CDATA sections,
// processing instructions and end tags are stepped over.
class StartTagScanner {
public:
    explicit StartTagScanner(std::string_view bytes) : bytes_(bytes), position_(bytes) {}

    // Position of the next start tag's '<'; {0, 0} when there is none.
    std::pair<int, int> next() {
        while (true) {
            const std::size_t at = bytes_.find('<', offset_);
            if (at == std::string_view::npos) return {0, 0};
            const std::string_view rest = bytes_.substr(at);
            // Each construct ends at the first terminator after its own
            // opening: "<!-->" opens a comment, it does not close one.
            if (rest.substr(0, 4) == "<!--") {
                skip_past(at + 4, "-->");
            } else if (rest.substr(0, 9) == "<![CDATA[") {
                skip_past(at + 9, "]]>");
            } else if (rest.substr(0, 2) == "<?") {
                skip_past(at + 2, "?>");
            } else if (rest.substr(0, 2) == "</" || rest.substr(0, 2) == "<!") {
                skip_past(at + 2, ">");
            } else {
                offset_ = at + 1;
                return position_.at(at);
            }
        }
    }

private:
    // Moves past the first `end` from `from` on.
    void skip_past(std::size_t from, std::string_view end) {
        const std::size_t found = bytes_.find(end, from);
        offset_ = found == std::string_view::npos ? bytes_.size() : found + end.size();
    }

    std::string_view bytes_;
    std::size_t offset_ = 0;  // where to look for the next '<'
    ForwardPosition position_;
};

// Finds the first start tag with more than max_attributes_per_element
// attributes (namespace declarations count: they are attributes to XML), or
// one that brings the namespace declarations in force above
// max_namespaces_in_scope. libxml2 takes time quadratic in both (it checks
// each attribute against those before it, lists them by walking, and looks
// prefixes up through every declaration in force), and no format needs more
// than a few. Markup is stepped over as StartTagScanner does; a tag it cannot
// make sense of is left to libxml2, which refuses it.
class MarkupLimits {
public:
    explicit MarkupLimits(std::string_view bytes) : bytes_(bytes) {}

    struct Excess {
        std::size_t offset;  // of the start tag's '<'
        std::string detail;
    };

    std::optional<Excess> check() {
        std::size_t at = 0;
        while ((at = bytes_.find('<', at)) != std::string_view::npos) {
            const std::string_view rest = bytes_.substr(at);
            if (rest.substr(0, 4) == "<!--") {
                at = past(at + 4, "-->");
            } else if (rest.substr(0, 9) == "<![CDATA[") {
                at = past(at + 9, "]]>");
            } else if (rest.substr(0, 2) == "<?") {
                at = past(at + 2, "?>");
            } else if (rest.substr(0, 2) == "</") {
                if (!declared_.empty()) {
                    in_scope_ -= declared_.back();
                    declared_.pop_back();
                }
                at = past(at + 2, ">");
            } else if (rest.substr(0, 2) == "<!") {
                at = past(at + 2, ">");
            } else {
                const std::size_t start = at;
                if (auto excess = start_tag(at)) return Excess{start, std::move(*excess)};
            }
        }
        return std::nullopt;
    }

private:
    static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

    std::size_t past(std::size_t from, std::string_view end) const {
        const std::size_t found = bytes_.find(end, from);
        return found == std::string_view::npos ? bytes_.size() : found + end.size();
    }

    // At a start tag's '<': counts its attributes and declarations and
    // moves `at` past it. A description of the excess, if there is one.
    std::optional<std::string> start_tag(std::size_t& at) {
        ++at;
        std::size_t attributes = 0, declarations = 0;
        const auto excess = [&]() -> std::optional<std::string> {
            if (attributes > max_attributes_per_element)
                return "the element has more than " + std::to_string(max_attributes_per_element) +
                       " attributes (namespace declarations included); the formats need fewer than 10";
            if (in_scope_ + declarations > max_namespaces_in_scope)
                return "more than " + std::to_string(max_namespaces_in_scope) +
                       " namespace declarations are in force here; the formats need one or two";
            return std::nullopt;
        };
        while (at < bytes_.size()) {
            const char c = bytes_[at];
            if (c == '>' || c == '<') break;
            if (c == '"' || c == '\'') {  // a value: '>' and '=' inside do not count
                const std::size_t close = bytes_.find(c, at + 1);
                at = close == std::string_view::npos ? bytes_.size() : close + 1;
                continue;
            }
            if (c == '=') {
                ++attributes;
                // The name before it, past any spaces: "xmlns" or "xmlns:…" declares.
                std::size_t end = at;
                while (end > 0 && is_space(bytes_[end - 1])) --end;
                std::size_t begin = end;
                while (begin > 0 && !is_space(bytes_[begin - 1]) && bytes_[begin - 1] != '"' &&
                       bytes_[begin - 1] != '\'' && bytes_[begin - 1] != '<' && bytes_[begin - 1] != '=')
                    --begin;
                const std::string_view name = bytes_.substr(begin, end - begin);
                if (name == "xmlns" || name.substr(0, 6) == "xmlns:") ++declarations;
                if (auto found = excess()) return found;
            }
            ++at;
        }
        const bool empty = at > 0 && at < bytes_.size() && bytes_[at] == '>' && bytes_[at - 1] == '/';
        if (at < bytes_.size() && bytes_[at] == '>') ++at;
        if (!empty) {
            declared_.push_back(declarations);
            in_scope_ += declarations;
        }
        return std::nullopt;
    }

    std::string_view bytes_;
    std::vector<std::size_t> declared_;  // by each open element
    std::size_t in_scope_ = 0;
};

std::string text_of_node(const xmlChar* text) { return text ? reinterpret_cast<const char*>(text) : ""; }

// Copies libxml2's elements into our tree, in document order, so one parse
// serves validation and reading. Only reads the document, so it may run while
// another thread validates it.
class TreeCopier {
public:
    explicit TreeCopier(std::string_view bytes) : scanner_(bytes) {}

    void copy(const xmlNode* node, XmlElement& out) {
        out.name = text_of_node(node->name);
        out.namespace_uri = namespace_of(node);
        const auto [line, column] = scanner_.next();
        out.line = line;
        out.column = column;
        std::size_t attributes = 0;
        for (const xmlAttr* attribute = node->properties; attribute; attribute = attribute->next) ++attributes;
        out.attributes.reserve(attributes);
        for (const xmlAttr* attribute = node->properties; attribute; attribute = attribute->next) {
            if (attribute->ns) continue;  // xml:lang, xsi:* and the like
            out.attributes.emplace_back(text_of_node(attribute->name), attribute_value(node, attribute));
        }
        std::size_t element_children = 0;
        for (const xmlNode* child = node->children; child; child = child->next)
            if (child->type == XML_ELEMENT_NODE) ++element_children;
        out.children.reserve(element_children);
        out.content.reserve(2 * element_children + 1);
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (child->type == XML_ELEMENT_NODE) {
                out.content.push_back(XmlContent{false, {}, out.children.size()});
                out.children.emplace_back();
                copy(child, out.children.back());
            } else if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content &&
                       *child->content) {
                if (!out.content.empty() && out.content.back().is_text)
                    out.content.back().text += text_of_node(child->content);
                else
                    out.content.push_back(XmlContent{true, text_of_node(child->content), 0});
            }
        }
    }

private:
    // Namespace names repeat on every element: share the last one's copy.
    std::shared_ptr<const std::string> namespace_of(const xmlNode* node) {
        if (!node->ns || !node->ns->href) return nullptr;
        if (node->ns->href != last_href_ || !last_namespace_) {
            last_href_ = node->ns->href;
            last_namespace_ = std::make_shared<const std::string>(text_of_node(last_href_));
        }
        return last_namespace_;
    }

    // An attribute's value is one text node unless it held entity references
    // that the parser kept apart; only then ask libxml2 to join them.
    static std::string attribute_value(const xmlNode* node, const xmlAttr* attribute) {
        const xmlNode* value = attribute->children;
        if (!value) return {};
        if (!value->next && value->type == XML_TEXT_NODE) return text_of_node(value->content);
        xmlChar* joined = xmlNodeListGetString(node->doc, value, 1);
        std::string out = text_of_node(joined);
        xmlFree(joined);
        return out;
    }

    StartTagScanner scanner_;
    const xmlChar* last_href_ = nullptr;
    std::shared_ptr<const std::string> last_namespace_;
};

}  // namespace

struct Schema::Impl {
    xmlSchemaPtr schema = nullptr;
    SchemaVocabulary vocabulary;
    ~Impl() {
        if (schema) xmlSchemaFree(schema);
    }
};

Schema::Schema(const std::string& xsd_path, std::size_t streaming_from_bytes)
    : impl_(std::make_unique<Impl>()), path_(xsd_path), streaming_from_bytes_(streaming_from_bytes) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(xsd_path, error))
        throw LoadError("schema '" + xsd_path + "' is missing; is the data folder (ESFDRAFT_DATA_DIR) right?");
    ErrorCollector collector;
    impl_->schema = with_collected_errors(collector, [&] {
        xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(xsd_path.c_str());
        xmlSchemaPtr schema = parser ? xmlSchemaParse(parser) : nullptr;
        if (parser) xmlSchemaFreeParserCtxt(parser);
        return schema;
    });
    if (!impl_->schema) {
        std::string where = xsd_path;
        if (!collector.errors.empty() && collector.errors.front().line > 0)
            where += ":" + std::to_string(collector.errors.front().line);
        throw LoadError("schema " + where + " is broken: " +
                        (collector.messages.empty() ? std::string("cannot be parsed") : collector.messages.front()));
    }
    impl_->vocabulary = read_vocabulary(xsd_path);
}

Schema::~Schema() = default;

namespace {

// The X002 finding for a start tag over the limits, or none.
bool within_markup_limits(std::string_view bytes, const std::string& file, model::Findings& out) {
    const std::optional<MarkupLimits::Excess> excess = MarkupLimits(bytes).check();
    if (!excess) return true;
    const auto [line, column] = model::line_and_column(bytes, excess->offset);
    out.push_back(file_finding("X002", "X002.invalid", file, line, column)
                      .arg("detail", model::MessageArg::of_text(excess->detail)));
    return false;
}

}  // namespace

bool read_well_formed(std::string_view bytes, const std::string& file, model::Findings& out, XmlElement& tree) {
    tree = XmlElement{};
    if (!check_input_bytes(bytes, file, out)) return false;
    if (!within_markup_limits(bytes, file, out)) return false;
    xmlDocPtr document = parse_document(bytes, file, out);
    if (!document) return false;
    struct FreeDocument {
        xmlDocPtr document;
        ~FreeDocument() { xmlFreeDoc(document); }
    } free_document{document};
    if (const xmlNode* root = xmlDocGetRootElement(document)) {
        TreeCopier(bytes).copy(root, tree);
        assign_element_paths(tree, std::make_shared<const std::string>(file));
    }
    return true;
}

Schema::Outcome Schema::check(std::string_view bytes, const std::string& file, model::Findings& out, XmlElement* tree,
                              const std::function<void(const XmlElement&)>& while_validating) const {
    work_ = Work{};
    if (!within_markup_limits(bytes, file, out)) return Outcome::invalid;
    if (tree && bytes.size() >= streaming_from_bytes_) {
        if (streaming(bytes, file, *tree, while_validating)) return Outcome::valid;
        // Not valid, or not surely so: the one-pass check gives the findings,
        // with the positions of the element each one is about.
    }
    return one_pass(bytes, file, out, tree, while_validating);
}

Schema::Outcome Schema::check_in_one_pass(std::string_view bytes, const std::string& file, model::Findings& out,
                                          XmlElement* tree,
                                          const std::function<void(const XmlElement&)>& while_validating) const {
    work_ = Work{};
    if (!within_markup_limits(bytes, file, out)) return Outcome::invalid;
    return one_pass(bytes, file, out, tree, while_validating);
}

bool Schema::check_streaming(std::string_view bytes, const std::string& file, XmlElement& tree,
                             const std::function<void(const XmlElement&)>& while_validating) const {
    work_ = Work{};
    model::Findings ignored;
    return within_markup_limits(bytes, file, ignored) && streaming(bytes, file, tree, while_validating);
}

Schema::Outcome Schema::one_pass(std::string_view bytes, const std::string& file, model::Findings& out,
                                 XmlElement* tree,
                                 const std::function<void(const XmlElement&)>& while_validating) const {
    // One parse serves well-formedness, validity and the tree the readers use.
    xmlDocPtr document = parse_document(bytes, file, out);
    if (!document) return Outcome::not_well_formed;
    struct FreeDocument {
        xmlDocPtr document;
        ~FreeDocument() { xmlFreeDoc(document); }
    } free_document{document};

    if (tree) {
        *tree = XmlElement{};
        if (const xmlNode* root = xmlDocGetRootElement(document)) {
            TreeCopier(bytes).copy(root, *tree);
            assign_element_paths(*tree, std::make_shared<const std::string>(file));
        }
        if (while_validating) while_validating(*tree);
    }
    ErrorCollector collector;
    collector.keep = max_schema_findings + 1;  // the one past the cut gives the closing finding its line
    const bool valid = with_collected_errors(collector, [&] {
        xmlSchemaValidCtxtPtr context = xmlSchemaNewValidCtxt(impl_->schema);
        if (!context) return false;
        xmlSchemaSetValidStructuredErrors(context, collect_error, &collector);
        const int result = xmlSchemaValidateDoc(context, document);
        xmlSchemaFreeValidCtxt(context);
        return result == 0;
    });
    work_.schema_messages = collector.count;
    work_.messages_kept = collector.errors.size();
    work_.located_through_document = collector.located_through_document;
    const auto line_of = [](const xmlError& error) { return error.line > 0 ? error.line : 1; };
    for (std::size_t i = 0; i < collector.errors.size() && i < max_schema_findings; ++i)
        out.push_back(schema_finding(tidy_libxml_message(collector.messages[i]), impl_->vocabulary,
                                     xmlDocGetRootElement(document), file, line_of(collector.errors[i])));
    if (collector.count > max_schema_findings) {
        // Where the first one left out is, so that the user sees where to go on.
        const int line =
            collector.errors.size() > max_schema_findings ? line_of(collector.errors[max_schema_findings]) : 1;
        const std::size_t more = collector.count - max_schema_findings;
        out.push_back(
            file_finding("X002", "X002.invalid", file, line, 0)
                .arg("detail", model::MessageArg::of_text(std::to_string(more) +
                                                          " more violations of the format from here on are not listed; "
                                                          "correct the ones above and check the file again")));
    }
    if (!valid && collector.count == 0)
        out.push_back(file_finding("X002", "X002.invalid", file, 1, 1)
                          .arg("detail", model::MessageArg::of_text("the file does not match " + path_)));
    return valid ? Outcome::valid : Outcome::invalid;
}

bool Schema::streaming(std::string_view bytes, const std::string& file, XmlElement& tree,
                       const std::function<void(const XmlElement&)>& while_validating) const {
    std::size_t messages = 0;  // written by the validator, read once it is joined
    std::packaged_task<bool()> task([this, bytes, &messages] { return validates_streaming(bytes, messages); });
    std::future<bool> verdict = task.get_future();
    std::thread validator;
    try {
        validator = std::thread(std::move(task));
    } catch (const std::system_error&) {
        return false;  // no second thread to be had: the one-pass check does it all
    }
    bool built = false;
    try {
        built = parse_element_tree(bytes, tree);
        if (built) assign_element_paths(tree, std::make_shared<const std::string>(file));
        if (built && while_validating) while_validating(tree);
    } catch (...) {
        validator.join();
        throw;
    }
    validator.join();
    work_.streaming_messages = messages;
    return built && verdict.get();
}

bool Schema::validates_streaming(std::string_view bytes, std::size_t& messages) const {
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) return false;
    ErrorCollector collector;  // any message at all, a warning too, means "not surely valid"
    collector.keep = 1;
    const bool valid = with_collected_errors(collector, [&] {
        xmlParserCtxtPtr parser = xmlCreateMemoryParserCtxt(bytes.data(), static_cast<int>(bytes.size()));
        if (!parser) return false;
        xmlCtxtUseOptions(parser, parse_options);
        // The pass reads to the end even after its first message: stopping
        // libxml2 2.9 from a message callback (xmlStopParser) crashes it when
        // the message comes from inside the XML declaration (an encoding it
        // cannot switch to: a null dereference in xmlSwitchToEncoding, found
        // by fuzz_load_plan). Without a document there is no per-message walk
        // over earlier nodes, so reading on stays linear.
        xmlSchemaValidCtxtPtr context = xmlSchemaNewValidCtxt(impl_->schema);
        if (!context) {
            xmlFreeParserCtxt(parser);
            return false;
        }
        xmlSchemaSetValidStructuredErrors(context, collect_error, &collector);
        // No callbacks of our own: the schema's plug sees every event and
        // nothing builds a document.
        *parser->sax = xmlSAXHandler{};
        parser->sax->initialized = XML_SAX2_MAGIC;
        bool passed = false;
        if (xmlSchemaSAXPlugPtr plug = xmlSchemaSAXPlug(context, &parser->sax, &parser->userData)) {
            xmlParseDocument(parser);
            xmlSchemaSAXUnplug(plug);
            passed = parser->wellFormed && xmlSchemaIsValid(context) == 1;
        }
        xmlSchemaFreeValidCtxt(context);
        xmlFreeParserCtxt(parser);
        return passed && collector.count == 0;
    });
    messages = collector.count;
    return valid;
}

}  // namespace esfdraft::load
