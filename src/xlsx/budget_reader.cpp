#include "xlsx/budget_reader.hpp"

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/ContentHandler.h>
#include <Poco/SAX/LexicalHandler.h>
#include <Poco/SAX/Locator.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

#include "model/utf8.hpp"
#include "model/values.hpp"
#include "model/vocabulary.hpp"
#include "xlsx/cell_reference.hpp"
#include "xlsx/cell_text.hpp"
#include "xlsx/workbook_labels.hpp"

namespace esfdraft::xlsx {
namespace {

using model::Money;

// A spreadsheet keeps 15 significant digits; the writer refuses more, so does the reader.
constexpr Money max_exact_ore = 999'999'999'999'999;

[[noreturn]] void refuse(const std::string& english, const std::string& swedish) {
    throw WorkbookReadError(english, swedish);
}

const char* const not_ours_en =
    "; upload the budget.xlsx that esfdraft wrote for this application (download it from the version), edited and "
    "saved as .xlsx";
const char* const not_ours_sv =
    "; ladda upp den budget.xlsx som esfdraft skrev för ansökan (hämta den från versionen), redigerad och sparad "
    "som .xlsx";

// ------------------------------------------------------------------ XML parts

// One streaming pass over a part with namespaces resolved. A DOCTYPE is
// refused before anything it declares is used (no entity expansion, no
// external entities), as for templates.
class PartHandler : public Poco::XML::ContentHandler, public Poco::XML::LexicalHandler {
public:
    using Start = std::function<void(const std::string& uri, const std::string& local, const Poco::XML::Attributes&)>;
    using End = std::function<void(const std::string& uri, const std::string& local)>;
    using Text = std::function<void(const char*, std::size_t)>;

    PartHandler(Start start, End end, Text text)
        : start_(std::move(start)), end_(std::move(end)), text_(std::move(text)) {}

    std::string refused;

    void setDocumentLocator(const Poco::XML::Locator*) override {}
    void startDocument() override {}
    void endDocument() override {}
    void startPrefixMapping(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {}
    void endPrefixMapping(const Poco::XML::XMLString&) override {}
    void processingInstruction(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {}
    void skippedEntity(const Poco::XML::XMLString&) override {}
    void startElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local, const Poco::XML::XMLString&,
                      const Poco::XML::Attributes& attributes) override {
        if (refused.empty() && start_) start_(uri, local, attributes);
    }
    void endElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local,
                    const Poco::XML::XMLString&) override {
        if (refused.empty() && end_) end_(uri, local);
    }
    void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
        if (refused.empty() && text_) text_(ch + start, static_cast<std::size_t>(length));
    }
    void ignorableWhitespace(const Poco::XML::XMLChar ch[], int start, int length) override {
        characters(ch, start, length);
    }
    void startDTD(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {
        if (refused.empty()) refused = "a DOCTYPE is not allowed in a workbook part";
    }
    void endDTD() override {}
    void startEntity(const Poco::XML::XMLString&) override {}
    void endEntity(const Poco::XML::XMLString&) override {}
    void startCDATA() override {}
    void endCDATA() override {}
    void comment(const Poco::XML::XMLChar[], int, int) override {}

private:
    Start start_;
    End end_;
    Text text_;
};

void parse_part(const std::string& bytes, const std::string& part_name, PartHandler& handler) {
    Poco::XML::SAXParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
    parser.setContentHandler(&handler);
    parser.setProperty(Poco::XML::XMLReader::PROPERTY_LEXICAL_HANDLER,
                       static_cast<Poco::XML::LexicalHandler*>(&handler));
    std::string not_well_formed;
    try {
        parser.parseMemoryNP(bytes.data(), bytes.size());
    } catch (const WorkbookReadError&) {
        throw;
    } catch (const Poco::XML::SAXParseException& error) {
        not_well_formed = error.message() + " (line " + std::to_string(error.getLineNumber()) + ")";
    } catch (const std::exception& error) {
        not_well_formed = error.what();
    }
    if (!handler.refused.empty())
        refuse(part_name + ": " + handler.refused + not_ours_en,
               part_name + ": en DOCTYPE är inte tillåten i en arbetsboks delar" + not_ours_sv);
    if (!not_well_formed.empty())
        refuse(part_name + ": not well-formed XML: " + not_well_formed + not_ours_en,
               part_name + ": inte välformad XML: " + not_well_formed + not_ours_sv);
}

// Transitional and Strict OOXML name the same elements in two namespaces.
bool is_spreadsheet(const std::string& uri) {
    return uri == "http://schemas.openxmlformats.org/spreadsheetml/2006/main" ||
           uri == "http://purl.oclc.org/ooxml/spreadsheetml/main";
}
bool is_relationships(const std::string& uri) {
    return uri == "http://schemas.openxmlformats.org/officeDocument/2006/relationships" ||
           uri == "http://purl.oclc.org/ooxml/officeDocument/relationships";
}

std::string attribute(const Poco::XML::Attributes& attributes, std::string_view local, bool in_relationships = false) {
    for (int i = 0; i < attributes.getLength(); ++i) {
        if (attributes.getLocalName(i) != local) continue;
        const std::string& uri = attributes.getURI(i);
        if (in_relationships ? is_relationships(uri) : uri.empty()) return attributes.getValue(i);
    }
    return {};
}

// "xl/worksheets/sheet2.xml" from a relationship target relative to `base_folder` ("xl/") or absolute.
std::string resolve_target(const std::string& base_folder, const std::string& target) {
    std::vector<std::string> parts;
    std::string path = target.starts_with('/') ? target.substr(1) : base_folder + target;
    std::size_t at = 0;
    while (at <= path.size()) {
        const std::size_t slash = std::min(path.find('/', at), path.size());
        const std::string part = path.substr(at, slash - at);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        at = slash + 1;
    }
    return model::join(parts, "/");
}

struct Relationship {
    std::string type, target;  // target resolved to a part name
};

std::map<std::string, Relationship> read_relationships(const std::string& bytes, const std::string& part_name,
                                                       const std::string& base_folder) {
    std::map<std::string, Relationship> out;
    PartHandler handler(
        [&](const std::string&, const std::string& local, const Poco::XML::Attributes& attributes) {
            if (local != "Relationship") return;
            out[attribute(attributes, "Id")] = {attribute(attributes, "Type"),
                                                resolve_target(base_folder, attribute(attributes, "Target"))};
        },
        nullptr, nullptr);
    parse_part(bytes, part_name, handler);
    return out;
}

// OOXML writes characters XML cannot hold as "_xHHHH_" (ECMA-376 §22.9.2.19);
// "_x005F_" is a literal underscore.
std::string decode_escapes(const std::string& text) {
    if (text.find("_x") == std::string::npos) return text;
    std::string out;
    std::size_t i = 0;
    const auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    while (i < text.size()) {
        if (i + 7 <= text.size() && text[i] == '_' && text[i + 1] == 'x' && hex(text[i + 2]) && hex(text[i + 3]) &&
            hex(text[i + 4]) && hex(text[i + 5]) && text[i + 6] == '_') {
            const auto code = static_cast<char32_t>(std::stoul(text.substr(i + 2, 4), nullptr, 16));
            if (code < 0x80) {
                out += static_cast<char>(code);
            } else if (code < 0x800) {
                out += static_cast<char>(0xC0 | (code >> 6));
                out += static_cast<char>(0x80 | (code & 0x3F));
            } else {
                out += static_cast<char>(0xE0 | (code >> 12));
                out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
                out += static_cast<char>(0x80 | (code & 0x3F));
            }
            i += 7;
        } else {
            out += text[i++];
        }
    }
    return out;
}

std::vector<std::string> read_shared_strings(const std::string& bytes, const std::string& part_name) {
    std::vector<std::string> out;
    bool in_item = false, in_text = false;
    int phonetic = 0;  // <rPh> holds a reading aid, not the text
    std::string current;
    PartHandler handler(
        [&](const std::string& uri, const std::string& local, const Poco::XML::Attributes&) {
            if (!is_spreadsheet(uri)) return;
            if (local == "si")
                in_item = true, current.clear();
            else if (local == "rPh")
                ++phonetic;
            else if (local == "t" && in_item && phonetic == 0)
                in_text = true;
        },
        [&](const std::string& uri, const std::string& local) {
            if (!is_spreadsheet(uri)) return;
            if (local == "si") {
                out.push_back(decode_escapes(current));
                in_item = false;
                if (out.size() > max_read_cells)
                    refuse(part_name + ": more than " + model::group_digits(max_read_cells, " ") + " texts",
                           part_name + ": fler än " + model::group_digits(max_read_cells, " ") + " texter");
            } else if (local == "rPh") {
                --phonetic;
            } else if (local == "t") {
                in_text = false;
            }
        },
        [&](const char* text, std::size_t length) {
            if (in_text) current.append(text, length);
        });
    parse_part(bytes, part_name, handler);
    return out;
}

// ------------------------------------------------------------------ sheets

struct RawCell {
    enum class Kind { empty, number, text, boolean, error };
    Kind kind = Kind::empty;
    std::string value;  // the number as stored, the text, "0"/"1", the error code
    bool formula = false;
};

using SheetRows = std::map<std::uint32_t, std::map<std::uint32_t, RawCell>>;

// "E7" -> (6, 4); false for anything else.
bool parse_reference(const std::string& reference, std::uint32_t& row, std::uint32_t& column) {
    std::size_t i = 0;
    std::uint64_t c = 0, r = 0;
    while (i < reference.size() && std::isalpha(static_cast<unsigned char>(reference[i]))) {
        c = c * 26 + static_cast<std::uint64_t>(std::toupper(static_cast<unsigned char>(reference[i])) - 'A' + 1);
        if (++i > 3) return false;
    }
    const std::size_t digits = i;
    while (i < reference.size() && std::isdigit(static_cast<unsigned char>(reference[i]))) {
        r = r * 10 + static_cast<std::uint64_t>(reference[i] - '0');
        if (++i - digits > 7) return false;
    }
    if (digits == 0 || i == digits || i != reference.size() || c > max_columns || r == 0 || r > max_rows) return false;
    row = static_cast<std::uint32_t>(r - 1);
    column = static_cast<std::uint32_t>(c - 1);
    return true;
}

// Reads one sheet's cells as the SAX parser reports its elements: where
// the parser is (sheetData, a row, a cell, its value or inline text) and the
// cell being read, then the cell kept by its row and column.
class SheetReader {
public:
    SheetReader(const std::string& sheet_name, const std::vector<std::string>& shared)
        : sheet_name_(sheet_name), shared_(shared) {}

    void start(const std::string& local, const Poco::XML::Attributes& attributes) {
        if (local == "sheetData") {
            in_data_ = true;
        } else if (in_data_ && local == "row") {
            start_row(attribute(attributes, "r"));
        } else if (in_data_ && local == "c") {
            start_cell(attribute(attributes, "r"), attribute(attributes, "t"));
        } else if (in_cell_ && local == "v") {
            in_value_ = true;
        } else if (in_cell_ && local == "f") {
            formula_ = true;
        } else if (in_cell_ && local == "is") {
            in_inline_ = true;
        } else if (in_inline_ && local == "rPh") {
            ++phonetic_;
        } else if (in_inline_ && local == "t" && phonetic_ == 0) {
            in_inline_text_ = true;
        }
    }

    void end(const std::string& local) {
        if (local == "sheetData") {
            in_data_ = false;
        } else if (local == "v") {
            in_value_ = false;
        } else if (local == "t") {
            in_inline_text_ = false;
        } else if (local == "rPh") {
            --phonetic_;
        } else if (local == "is") {
            in_inline_ = false;
        } else if (local == "c" && in_cell_) {
            in_cell_ = false;
            keep(finished_cell());
        }
    }

    void characters(const char* text, std::size_t length) {
        if (in_value_)
            value_.append(text, length);
        else if (in_inline_text_)
            inline_text_.append(text, length);
    }

    SheetRows take_rows() { return std::move(rows_); }

private:
    [[noreturn]] void bad_sheet(const std::string& english, const std::string& swedish) const {
        refuse(sheet_name_ + ": " + english, sheet_name_ + ": " + swedish);
    }

    // <row r="…">: the row named, or the one after the last.
    void start_row(const std::string& r) {
        if (!r.empty()) {
            if (r.size() > 7 || r.find_first_not_of("0123456789") != std::string::npos || std::stoul(r) == 0 ||
                std::stoul(r) > max_rows)
                bad_sheet("a row numbered '" + r + "'" + not_ours_en, "en rad med numret '" + r + "'" + not_ours_sv);
            row_ = static_cast<std::uint32_t>(std::stoul(r) - 1);
        } else {
            row_ = have_row_ ? row_ + 1 : 0;
        }
        have_row_ = true;
        have_cell_ = false;
    }

    // <c r="…" t="…">: the cell named, or the one right of the last.
    void start_cell(const std::string& r, const std::string& type) {
        std::uint32_t cell_row = row_;
        if (!r.empty()) {
            if (!parse_reference(r, cell_row, column_))
                bad_sheet("a cell named '" + r + "'" + not_ours_en, "en cell med namnet '" + r + "'" + not_ours_sv);
        } else {
            column_ = have_cell_ ? column_ + 1 : 0;
        }
        row_ = cell_row;
        have_cell_ = true;
        in_cell_ = true;
        type_ = type;
        value_.clear();
        inline_text_.clear();
        formula_ = false;
    }

    // The cell just read, by its type: an inline or shared text, a formula's
    // text, a boolean, an error or a number.
    RawCell finished_cell() const {
        RawCell cell;
        cell.formula = formula_;
        if (type_ == "inlineStr") {
            cell.kind = RawCell::Kind::text;
            cell.value = decode_escapes(inline_text_);
        } else if (value_.empty()) {
            cell.kind = RawCell::Kind::empty;
        } else if (type_ == "s") {
            const std::string& index = value_;
            if (index.size() > 9 || index.find_first_not_of("0123456789") != std::string::npos ||
                std::stoul(index) >= shared_.size())
                bad_sheet(
                    cell_ref(row_, column_) + ": a shared text " + index + " that the workbook does not have" +
                        not_ours_en,
                    cell_ref(row_, column_) + ": en delad text " + index + " som arbetsboken saknar" + not_ours_sv);
            cell.kind = RawCell::Kind::text;
            cell.value = shared_[std::stoul(index)];
        } else if (type_ == "str") {
            cell.kind = RawCell::Kind::text;
            cell.value = decode_escapes(value_);
        } else if (type_ == "b") {
            cell.kind = RawCell::Kind::boolean;
            cell.value = value_;
        } else if (type_ == "e") {
            cell.kind = RawCell::Kind::error;
            cell.value = value_;
        } else {
            cell.kind = RawCell::Kind::number;
            cell.value = value_;
        }
        return cell;
    }

    // Every cell but an empty one without a formula, up to max_read_cells.
    void keep(RawCell cell) {
        if (cell.kind == RawCell::Kind::empty && !cell.formula) return;
        if (++count_ > max_read_cells)
            bad_sheet("more than " + model::group_digits(max_read_cells, " ") + " cells",
                      "fler än " + model::group_digits(max_read_cells, " ") + " celler");
        rows_[row_][column_] = std::move(cell);
    }

    const std::string& sheet_name_;
    const std::vector<std::string>& shared_;
    SheetRows rows_;
    std::size_t count_ = 0;
    std::uint32_t row_ = 0, column_ = 0;
    bool have_row_ = false, have_cell_ = false;
    bool in_data_ = false, in_cell_ = false, in_value_ = false, in_inline_ = false, in_inline_text_ = false;
    int phonetic_ = 0;
    std::string type_, value_, inline_text_;
    bool formula_ = false;
};

SheetRows read_sheet(const std::string& bytes, const std::string& part_name, const std::string& sheet_name,
                     const std::vector<std::string>& shared) {
    SheetReader reader(sheet_name, shared);
    PartHandler handler(
        [&](const std::string& uri, const std::string& local, const Poco::XML::Attributes& attributes) {
            if (is_spreadsheet(uri)) reader.start(local, attributes);
        },
        [&](const std::string& uri, const std::string& local) {
            if (is_spreadsheet(uri)) reader.end(local);
        },
        [&](const char* text, std::size_t length) { reader.characters(text, length); });
    parse_part(bytes, part_name, handler);
    return reader.take_rows();
}

// ------------------------------------------------------------------ values

// A reader of one sheet's cells with the messages that name them.
class SheetCells {
public:
    SheetCells(std::string name, SheetRows rows) : name_(std::move(name)), rows_(std::move(rows)) {}

    const SheetRows& rows() const { return rows_; }
    const std::string& name() const { return name_; }

    const RawCell* find(std::uint32_t row, std::uint32_t column) const {
        const auto r = rows_.find(row);
        if (r == rows_.end()) return nullptr;
        const auto c = r->second.find(column);
        return c == r->second.end() ? nullptr : &c->second;
    }

    std::string where(std::uint32_t row, std::uint32_t column) const {
        // A sheet name with a space is quoted as in a formula: 'Per år'!B2.
        const bool plain = name_.find_first_of(" '!") == std::string::npos;
        return (plain ? name_ : "'" + name_ + "'") + "!" + cell_ref(row, column);
    }

    [[noreturn]] void fail(std::uint32_t row, std::uint32_t column, const std::string& english,
                           const std::string& swedish) const {
        refuse(where(row, column) + ": " + english, where(row, column) + ": " + swedish);
    }

    // A formula cell without a stored result cannot be read without evaluating it.
    void check_stored(const RawCell& cell, std::uint32_t row, std::uint32_t column) const {
        if (cell.formula && cell.kind == RawCell::Kind::empty)
            fail(row, column,
                 "a formula without a stored result; open the workbook in Excel or LibreOffice and save it again",
                 "en formel utan sparat resultat; öppna arbetsboken i Excel eller LibreOffice och spara den igen");
        if (cell.kind == RawCell::Kind::error)
            fail(row, column, "holds the error " + cell.value + "; correct the cell",
                 "innehåller felet " + cell.value + "; rätta cellen");
    }

    // The text of a cell, trimmed; numbers as stored ("12"); nullopt when empty.
    std::optional<std::string> text(std::uint32_t row, std::uint32_t column) const {
        const RawCell* cell = find(row, column);
        if (!cell) return std::nullopt;
        check_stored(*cell, row, column);
        std::string value = cell->value;
        if (cell->kind == RawCell::Kind::boolean) value = value == "1" ? "TRUE" : "FALSE";
        if (cell->kind == RawCell::Kind::number) value = number_as_text(value);
        if (const auto problem = cell_text_problem(value))
            fail(row, column, "the text " + *problem,
                 "texten innehåller ett tecken som ett kalkylblad inte kan lagra eller är längre än 32 767 tecken");
        for (const char c : value)
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
                fail(row, column, "the text holds a control character", "texten innehåller ett styrtecken");
        const auto first = value.find_first_not_of(" \t\r\n");
        if (first == std::string::npos) return std::nullopt;
        const auto last = value.find_last_not_of(" \t\r\n");
        return value.substr(first, last - first + 1);
    }

    bool empty(std::uint32_t row, std::uint32_t column) const {
        const RawCell* cell = find(row, column);
        if (!cell) return true;
        if (cell->kind == RawCell::Kind::text) return cell->value.find_first_not_of(" \t\r\n") == std::string::npos;
        return cell->kind == RawCell::Kind::empty && !cell->formula;
    }

    Money amount(std::uint32_t row, std::uint32_t column) const {
        const RawCell* cell = find(row, column);
        if (!cell || empty(row, column))
            fail(row, column, "the amount is empty; type the amount in kronor",
                 "beloppet är tomt; skriv beloppet i kronor");
        check_stored(*cell, row, column);
        if (cell->kind != RawCell::Kind::number)
            fail(row, column,
                 "the amount is the text '" + shorten_utf8(cell->value, 60) +
                     "', not a number; type the amount in kronor as a number (e.g. 125000 or 125000,50)",
                 "beloppet är texten '" + shorten_utf8(cell->value, 60) +
                     "', inte ett tal; skriv beloppet i kronor som ett tal (t.ex. 125000 eller 125000,50)");
        const std::optional<Money> ore = parse_ore(cell->value);
        if (!ore)
            fail(row, column,
                 "the amount " + cell->value +
                     " has fractions of an öre or more than 15 digits; amounts are kronor with at most two decimals",
                 "beloppet " + cell->value +
                     " har delar av ett öre eller fler än 15 siffror; belopp är kronor med högst två decimaler");
        return *ore;
    }

    int year(std::uint32_t row, std::uint32_t column) const {
        const auto value = text(row, column);
        if (!value)
            fail(row, column, "the year is empty; type the year, e.g. 2010", "året är tomt; skriv året, t.ex. 2010");
        if (value->size() != 4 || value->find_first_not_of("0123456789") != std::string::npos)
            fail(row, column, "the year '" + shorten_utf8(*value, 60) + "' is not a year of four digits, e.g. 2010",
                 "året '" + shorten_utf8(*value, 60) + "' är inte ett år med fyra siffror, t.ex. 2010");
        return std::stoi(*value);
    }

    // A number as stored ("2010", "1E+3") written as its plain digits when it
    // is a whole number, so an activity id or year typed as a number reads as typed.
    static std::string number_as_text(const std::string& stored) {
        const std::optional<Money> ore = parse_ore(stored);
        if (!ore || *ore % 100 != 0) return stored;
        return std::to_string(*ore / 100);
    }

    // Kronor as the cell stores them ("125000", "1250000.5", "-12",
    // "1.25E6", "0.30000000000000004") in öre; nullopt for a fraction of an
    // öre beyond binary noise, beyond 15 digits, or not a number at all.
    static std::optional<Money> parse_ore(const std::string& stored) {
        std::size_t i = 0;
        bool negative = false;
        if (i < stored.size() && (stored[i] == '-' || stored[i] == '+')) negative = stored[i++] == '-';
        std::string digits;
        int exponent = 0;  // value = digits × 10^exponent
        bool any = false, point = false;
        for (; i < stored.size(); ++i) {
            const char c = stored[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (digits.empty() && c == '0') {
                    if (point) --exponent;
                    continue;
                }
                if (digits.size() > 40) return std::nullopt;
                digits += c;
                if (point) --exponent;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (!any) return std::nullopt;
        if (i < stored.size()) {
            if (stored[i] != 'e' && stored[i] != 'E') return std::nullopt;
            ++i;
            bool exponent_negative = false;
            if (i < stored.size() && (stored[i] == '-' || stored[i] == '+')) exponent_negative = stored[i++] == '-';
            if (i == stored.size()) return std::nullopt;
            int given = 0;
            for (; i < stored.size(); ++i) {
                if (stored[i] < '0' || stored[i] > '9' || given > 1000) return std::nullopt;
                given = given * 10 + (stored[i] - '0');
            }
            exponent += exponent_negative ? -given : given;
        }
        if (digits.empty()) return Money{0};
        exponent += 2;  // kronor -> öre
        std::string whole, fraction;
        if (exponent >= 0) {
            if (digits.size() + static_cast<std::size_t>(exponent) > 15) return std::nullopt;
            whole = digits + std::string(static_cast<std::size_t>(exponent), '0');
        } else {
            const auto cut = static_cast<std::size_t>(-exponent);
            if (cut >= digits.size()) {
                fraction = std::string(cut - digits.size(), '0') + digits;
            } else {
                whole = digits.substr(0, digits.size() - cut);
                fraction = digits.substr(digits.size() - cut);
            }
        }
        if (whole.size() > 15) return std::nullopt;
        Money ore = whole.empty() ? 0 : std::stoll(whole);
        if (!fraction.empty()) {
            // A typed amount has at most two decimals; what a cell stores
            // beyond them is binary noise (…0000001 or …9999999) or a real
            // fraction of an öre, which the plan format cannot hold.
            const bool noise_down = fraction.size() >= 6 && fraction.compare(0, 6, "000000") == 0;
            const bool noise_up = fraction.size() >= 6 && fraction.compare(0, 6, "999999") == 0;
            if (noise_up)
                ++ore;
            else if (!noise_down && fraction.find_first_not_of('0') != std::string::npos)
                return std::nullopt;
        }
        if (ore > max_exact_ore) return std::nullopt;
        return negative ? -ore : ore;
    }

private:
    std::string name_;
    SheetRows rows_;
};

bool same_words(std::string_view a, std::string_view b) { return model::equal_ignoring_case(a, b); }

// The code of a category or kind given as its words (either language, case
// ignored: "LÖN PERSONAL" is "Lön personal") or as the code itself.
std::optional<std::string> code_of(std::span<const model::CodeWords> table, std::string_view given) {
    for (const model::CodeWords& entry : table)
        if (same_words(given, entry.key) || same_words(given, entry.name.sv) || same_words(given, entry.name.en))
            return std::string(entry.key);
    return std::nullopt;
}

std::string words_list(std::span<const model::CodeWords> table, std::string_view lang) {
    std::string out;
    for (const model::CodeWords& entry : table) out += (out.empty() ? "" : ", ") + std::string(entry.name.in(lang));
    return out;
}

std::optional<std::string> tag_code(std::string_view given) {
    for (const model::CodeWords& tag : model::tags()) {
        const std::string_view code = tag.key;
        if (same_words(given, code)) return std::string(code);
        for (const char* lang : {"sv", "en"})
            if (const auto words = tag_words(*labels_for(lang), code); words && same_words(given, *words))
                return std::string(code);
    }
    return std::nullopt;
}

// The header row within the first rows of a sheet: the row where every one
// of `labels` is a cell's text; the column of each.
std::optional<std::pair<std::uint32_t, std::vector<std::uint32_t>>> find_header(
    const SheetCells& sheet, const std::vector<std::string_view>& labels, std::uint32_t from_row = 0,
    std::uint32_t rows_searched = 50) {
    for (const auto& [row, cells] : sheet.rows()) {
        if (row < from_row) continue;
        if (row >= from_row + rows_searched) break;
        std::vector<std::uint32_t> columns;
        for (const auto label : labels) {
            for (const auto& [column, cell] : cells) {
                if (cell.kind == RawCell::Kind::text && same_words(sheet.text(row, column).value_or(""), label)) {
                    columns.push_back(column);
                    break;
                }
            }
        }
        if (columns.size() == labels.size()) return std::make_pair(row, columns);
    }
    return std::nullopt;
}

std::string labels_text(const std::vector<std::string_view>& labels) {
    std::string out;
    for (const auto label : labels) out += (out.empty() ? "'" : ", '") + std::string(label) + "'";
    return out;
}

[[noreturn]] void no_header(const SheetCells& sheet, const std::vector<std::string_view>& labels) {
    refuse(sheet.name() + ": no header row with " + labels_text(labels) + not_ours_en,
           sheet.name() + ": ingen rubrikrad med " + labels_text(labels) + not_ours_sv);
}

// The column of an optional header in the header row, when there is one.
std::optional<std::uint32_t> optional_column(const SheetCells& sheet, std::uint32_t header_row,
                                             std::string_view label) {
    const auto row = sheet.rows().find(header_row);
    if (row == sheet.rows().end()) return std::nullopt;
    for (const auto& [column, cell] : row->second)
        if (cell.kind == RawCell::Kind::text && same_words(sheet.text(header_row, column).value_or(""), label))
            return column;
    return std::nullopt;
}

// A line's beneficiary: the owner in either language's words (or "owner"), else the id as typed.
std::optional<std::string> beneficiary_of(const SheetCells& sheet, std::uint32_t row,
                                          const std::optional<std::uint32_t>& column) {
    if (!column) return std::nullopt;
    auto given = sheet.text(row, *column);
    if (!given) return std::nullopt;
    if (same_words(*given, "owner") || same_words(*given, labels_for("sv")->owner_key) ||
        same_words(*given, labels_for("en")->owner_key))
        return std::string("owner");
    return given;
}

// The category of a cost line: the pack's words first, then every workbook's words and codes.
std::optional<std::string> category_code(const std::vector<CategoryChoice>& categories, std::string_view given) {
    for (const CategoryChoice& choice : categories)
        if (same_words(given, choice.code) || (!choice.sv.empty() && same_words(given, choice.sv)) ||
            (!choice.en.empty() && same_words(given, choice.en)))
            return choice.code;
    // A category the pack does not allow still reads (the layout writes it
    // when the plan has it; rule B002 reports it, not the reader).
    return code_of(model::cost_categories(), given);
}

std::string category_list(const std::vector<CategoryChoice>& categories, std::string_view lang) {
    if (categories.empty()) return words_list(model::cost_categories(), lang);
    std::string out;
    for (const CategoryChoice& choice : categories) {
        std::string words = lang == "en" ? choice.en : choice.sv;
        if (words.empty())
            if (const auto* known = model::cost_category_words(choice.code)) words = std::string(known->name.in(lang));
        out += (out.empty() ? "" : ", ") + (words.empty() ? choice.code : words);
    }
    return out;
}

void read_costs(const SheetCells& sheet, const WorkbookLabels& labels, const std::vector<CategoryChoice>& categories,
                const model::Labels& activity_ids, model::Budget& budget) {
    const std::vector<std::string_view> headers{labels.category, labels.year,   labels.activity,
                                                labels.label,    labels.amount, labels.tags};
    const auto header = find_header(sheet, headers);
    if (!header) no_header(sheet, headers);
    const auto [header_row, columns] = *header;
    const std::uint32_t category = columns[0], year = columns[1], activity = columns[2], label = columns[3],
                        amount = columns[4], tags = columns[5];
    const auto beneficiary = optional_column(sheet, header_row, labels.beneficiary);
    for (const auto& [row, cells] : sheet.rows()) {
        if (row <= header_row) continue;
        if (std::all_of(columns.begin(), columns.end(), [&, r = row](std::uint32_t c) { return sheet.empty(r, c); }))
            continue;
        // A flat rate below the lines (its label, the rate and a note) is no cost line.
        if (sheet.empty(row, category) && sheet.empty(row, year)) {
            const std::string given = sheet.text(row, label).value_or("");
            if (same_words(given, labels.indirect_flat_rate) || same_words(given, labels.remaining_flat_rate)) continue;
        }
        model::CostLine cost;
        const auto category_text = sheet.text(row, category);
        if (!category_text)
            sheet.fail(row, category, "the category is empty; choose one of: " + category_list(categories, "en"),
                       "kategorin är tom; välj en av: " + category_list(categories, "sv"));
        const auto code = category_code(categories, *category_text);
        if (!code)
            sheet.fail(row, category,
                       "'" + shorten_utf8(*category_text, 60) +
                           "' is not a cost category; choose one of: " + category_list(categories, "en"),
                       "'" + shorten_utf8(*category_text, 60) +
                           "' är ingen kostnadskategori; välj en av: " + category_list(categories, "sv"));
        cost.category = *code;
        cost.year = sheet.year(row, year);
        cost.activity_id = sheet.text(row, activity);
        if (cost.activity_id)
            if (const auto named = activity_ids.find(*cost.activity_id); named != activity_ids.end())
                cost.activity_id = named->second;
        cost.label = sheet.text(row, label).value_or("");
        cost.amount = sheet.amount(row, amount);
        if (const auto given = sheet.text(row, tags)) {
            std::size_t at = 0;
            while (at <= given->size()) {
                const std::size_t comma = std::min(given->find(',', at), given->size());
                std::string word = given->substr(at, comma - at);
                const auto first = word.find_first_not_of(' ');
                word = first == std::string::npos ? "" : word.substr(first, word.find_last_not_of(' ') - first + 1);
                at = comma + 1;
                if (word.empty()) continue;
                const auto tag = tag_code(word);
                const std::string known_en = words_list(model::tags(), "en"),
                                  known_sv = words_list(model::tags(), "sv");
                if (!tag)
                    sheet.fail(
                        row, tags,
                        "'" + shorten_utf8(word, 60) + "' is not a tag; use these, separated by commas: " + known_en,
                        "'" + shorten_utf8(word, 60) +
                            "' är ingen tagg; använd dessa, åtskilda med komma: " + known_sv);
                if (std::find(cost.tags.begin(), cost.tags.end(), *tag) == cost.tags.end()) cost.tags.push_back(*tag);
            }
        }
        cost.beneficiary = beneficiary_of(sheet, row, beneficiary);
        budget.costs.push_back(std::move(cost));
    }
}

void read_financing(const SheetCells& sheet, const WorkbookLabels& labels, model::Budget& budget) {
    const std::vector<std::string_view> headers{labels.kind, labels.funder, labels.org_number, labels.amount};
    const auto header = find_header(sheet, headers);
    if (!header) no_header(sheet, headers);
    const auto [header_row, columns] = *header;
    const std::uint32_t kind = columns[0], funder = columns[1], org_number = columns[2], amount = columns[3];
    const auto beneficiary = optional_column(sheet, header_row, labels.beneficiary);
    const auto is_label = [&](std::uint32_t row, std::string_view label) {
        const RawCell* cell = sheet.find(row, kind);
        return cell && cell->kind == RawCell::Kind::text && same_words(sheet.text(row, kind).value_or(""), label);
    };

    // The sources, down to their total row.
    std::optional<std::uint32_t> total_row;
    for (const auto& [row, cells] : sheet.rows()) {
        if (row <= header_row) continue;
        if (is_label(row, labels.total)) {
            total_row = row;
            break;
        }
        if (is_label(row, labels.no_financing)) continue;
        if (std::all_of(columns.begin(), columns.end(), [&, r = row](std::uint32_t c) { return sheet.empty(r, c); }))
            continue;
        model::FinancingSource source;
        const auto kind_text = sheet.text(row, kind);
        if (!kind_text)
            sheet.fail(row, kind, "the kind is empty; choose one of: " + words_list(model::financing_kinds(), "en"),
                       "typen är tom; välj en av: " + words_list(model::financing_kinds(), "sv"));
        const auto code = code_of(model::financing_kinds(), *kind_text);
        if (!code)
            sheet.fail(row, kind,
                       "'" + shorten_utf8(*kind_text, 60) +
                           "' is not a kind of financing; choose one of: " + words_list(model::financing_kinds(), "en"),
                       "'" + shorten_utf8(*kind_text, 60) +
                           "' är ingen finansieringstyp; välj en av: " + words_list(model::financing_kinds(), "sv"));
        source.kind = *code;
        source.funder = sheet.text(row, funder);
        source.org_number = sheet.text(row, org_number);
        source.amount = sheet.amount(row, amount);
        source.beneficiary = beneficiary_of(sheet, row, beneficiary);
        budget.financing.push_back(std::move(source));
    }
    if (!total_row)
        refuse(
            sheet.name() + ": no row '" + std::string(labels.total) + "' under the sources" + not_ours_en,
            sheet.name() + ": ingen rad '" + std::string(labels.total) + "' under finansieringskällorna" + not_ours_sv);

    // The income block below: its header, its lines, its total.
    const std::vector<std::string_view> income_headers{labels.income, labels.amount};
    const auto income_header = find_header(sheet, income_headers, *total_row + 1);
    if (!income_header) no_header(sheet, income_headers);
    const auto [income_row, income_columns] = *income_header;
    const std::uint32_t income_label = income_columns[0], income_amount = income_columns[1];
    for (const auto& [row, cells] : sheet.rows()) {
        if (row <= income_row) continue;
        const RawCell* cell = sheet.find(row, income_label);
        const auto is_income_label = [&](std::string_view label) {
            return cell && cell->kind == RawCell::Kind::text &&
                   same_words(sheet.text(row, income_label).value_or(""), label);
        };
        if (is_income_label(labels.total)) break;
        if (is_income_label(labels.no_income)) continue;
        if (sheet.empty(row, income_label) && sheet.empty(row, income_amount)) continue;
        model::Income income;
        income.label = sheet.text(row, income_label).value_or("");
        income.amount = sheet.amount(row, income_amount);
        budget.income.push_back(std::move(income));
    }
}

}  // namespace

namespace {

// esfdraft.application and esfdraft.version of the custom properties
// (WorkbookOptions::source); nullopt unless both are there and the version is
// a whole number. Other properties (a user's own) are ignored.
std::optional<WorkbookSource> read_source(const std::string& bytes, const std::string& part_name) {
    std::map<std::string, std::string> values;
    std::string current;  // the property being read, empty outside one
    int depth = 0;
    PartHandler handler(
        [&](const std::string&, const std::string& local, const Poco::XML::Attributes& attributes) {
            ++depth;
            if (local == "property" && depth == 2) current = attribute(attributes, "name");
        },
        [&](const std::string&, const std::string& local) {
            if (local == "property" && depth == 2) current.clear();
            --depth;
        },
        [&](const char* text, std::size_t length) {
            if (!current.empty() && values[current].size() < 256) values[current].append(text, length);
        });
    parse_part(bytes, part_name, handler);
    const auto application = values.find("esfdraft.application");
    const auto version = values.find("esfdraft.version");
    if (application == values.end() || version == values.end() || application->second.empty()) return std::nullopt;
    const std::string& digits = version->second;
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return WorkbookSource{application->second, std::stoi(digits)};
}

}  // namespace

WorkbookBudget read_budget_workbook(const std::vector<WorkbookPart>& parts,
                                    const std::vector<CategoryChoice>& categories, const model::Labels& activity_ids) {
    std::map<std::string, const std::string*> by_name;
    for (const WorkbookPart& part : parts) by_name[part.name] = &part.bytes;
    const auto part = [&](const std::string& name) -> const std::string& {
        const auto found = by_name.find(name);
        if (found == by_name.end())
            refuse("the workbook has no part " + name + not_ours_en, "arbetsboken saknar delen " + name + not_ours_sv);
        return *found->second;
    };

    // The workbook part: where the package's relationships say, else the usual place.
    std::string workbook_name = "xl/workbook.xml";
    if (by_name.count("_rels/.rels")) {
        for (const auto& [id, relationship] : read_relationships(part("_rels/.rels"), "_rels/.rels", ""))
            if (relationship.type.ends_with("/officeDocument")) workbook_name = relationship.target;
    }
    const std::string& workbook = part(workbook_name);
    const std::size_t slash = workbook_name.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : workbook_name.substr(0, slash + 1);
    const std::string rels_name = folder + "_rels/" + workbook_name.substr(folder.size()) + ".rels";
    const auto relationships = read_relationships(part(rels_name), rels_name, folder);

    std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
    PartHandler handler(
        [&](const std::string& uri, const std::string& local, const Poco::XML::Attributes& attributes) {
            if (is_spreadsheet(uri) && local == "sheet")
                sheets.emplace_back(attribute(attributes, "name"), attribute(attributes, "id", true));
        },
        nullptr, nullptr);
    parse_part(workbook, workbook_name, handler);

    const auto sheet_part = [&](std::string_view name) -> std::optional<std::string> {
        for (const auto& [sheet, id] : sheets) {
            if (sheet != name) continue;
            const auto found = relationships.find(id);
            if (found == relationships.end())
                refuse(workbook_name + ": the sheet '" + sheet + "' has no part" + not_ours_en,
                       workbook_name + ": bladet '" + sheet + "' saknar del" + not_ours_sv);
            return found->second.target;
        }
        return std::nullopt;
    };

    WorkbookBudget out;
    const WorkbookLabels* labels = nullptr;
    for (const char* lang : {"sv", "en"}) {
        const WorkbookLabels* candidate = labels_for(lang);
        if (sheet_part(candidate->costs_sheet) && sheet_part(candidate->financing_sheet)) {
            labels = candidate;
            out.lang = lang;
            break;
        }
    }
    if (!labels)
        refuse(
            "this is not a budget workbook of esfdraft: it has no sheets 'Kostnader' and 'Finansiering' (or 'Costs' "
            "and 'Financing')" +
                std::string(not_ours_en),
            "det här är ingen budgetarbetsbok från esfdraft: den saknar bladen 'Kostnader' och 'Finansiering' (eller "
            "'Costs' och 'Financing')" +
                std::string(not_ours_sv));

    std::vector<std::string> shared;
    for (const auto& [id, relationship] : relationships)
        if (relationship.type.ends_with("/sharedStrings"))
            shared = read_shared_strings(part(relationship.target), relationship.target);

    const auto load_sheet = [&](std::string_view name) {
        const std::string part_name = *sheet_part(name);
        return SheetCells(std::string(name), read_sheet(part(part_name), part_name, std::string(name), shared));
    };
    out.budget.currency = "SEK";
    read_costs(load_sheet(labels->costs_sheet), *labels, categories, activity_ids, out.budget);
    read_financing(load_sheet(labels->financing_sheet), *labels, out.budget);
    if (by_name.count("docProps/custom.xml"))
        out.source = read_source(part("docProps/custom.xml"), "docProps/custom.xml");
    return out;
}

}  // namespace esfdraft::xlsx
