#include "load/xml_syntax.hpp"

#include <libxml/xmlerror.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <vector>

#include "model/rule_pack.hpp"
#include "model/utf8.hpp"

namespace esfdraft::load {

namespace {

using model::continues_utf8;
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

// The bytes of one file with its lines, for finding a mistake near where
// libxml2 says it is.
class Text {
public:
    explicit Text(std::string_view bytes) : bytes_(bytes) {}

    std::string_view bytes() const { return bytes_; }
    char at(std::size_t offset) const { return offset < bytes_.size() ? bytes_[offset] : '\0'; }

    // Offset of the first byte of 1-based `line` (the end of the bytes past the last line).
    std::size_t line_start(int line) const {
        std::size_t offset = 0;
        for (int current = 1; current < line; ++current) {
            const std::size_t newline = bytes_.find('\n', offset);
            if (newline == std::string_view::npos) return bytes_.size();
            offset = newline + 1;
        }
        return offset;
    }
    std::size_t line_end(std::size_t offset) const {
        const std::size_t newline = bytes_.find('\n', offset);
        return newline == std::string_view::npos ? bytes_.size() : newline;
    }

    // Where libxml2's line and column (in characters) point.
    std::size_t hint(int line, int column) const {
        std::size_t offset = line_start(line);
        const std::size_t end = line_end(offset);
        for (int k = 1; k < column && offset < end; ++k) {
            ++offset;
            while (offset < end && continues_utf8(bytes_[offset])) ++offset;
        }
        return offset;
    }

    // Of the offsets on `line` (or, when there are none, the line before:
    // libxml2 may have read past a line end) where `matches` holds, the one
    // nearest the hint.
    template <typename Matches>
    std::optional<std::size_t> nearest_on_line(int line, std::size_t hint, const Matches& matches) const {
        for (int candidate_line : {line, line - 1}) {
            if (candidate_line < 1) continue;
            const std::size_t begin = line_start(candidate_line), end = line_end(begin);
            std::optional<std::size_t> best;
            for (std::size_t offset = begin; offset < end; ++offset)
                if (matches(offset)) {
                    const std::size_t distance = offset > hint ? offset - hint : hint - offset;
                    if (!best || distance < (*best > hint ? *best - hint : hint - *best)) best = offset;
                }
            if (best) return best;
        }
        return std::nullopt;
    }

    bool starts_with(std::size_t offset, std::string_view text) const {
        return bytes_.substr(offset, text.size()) == text;
    }
    // `<name` or `</name` at `offset` followed by a character that ends the name.
    bool tag_named(std::size_t offset, std::string_view opening, std::string_view name) const {
        return starts_with(offset, opening) && starts_with(offset + opening.size(), name) &&
               !is_name_char(at(offset + opening.size() + name.size()));
    }
    std::string name_at(std::size_t offset) const {
        std::size_t end = offset;
        while (end < bytes_.size() && is_name_char(bytes_[end])) ++end;
        return std::string(bytes_.substr(offset, end - offset));
    }

private:
    std::string_view bytes_;
};

model::MessageArg text(std::string value) { return model::MessageArg::of_text(std::move(value)); }

model::Finding x001(const char* message_id, const std::string& file, const Text& bytes, std::size_t offset) {
    const auto [line, column] = model::line_and_column(bytes.bytes(), offset);
    return file_finding("X001", message_id, file, line, column);
}

// The number at the end of libxml2's message ("… Char value 1"), or nullopt.
std::optional<unsigned long> trailing_number(const std::string& message) {
    std::size_t end = message.size();
    while (end > 0 && (message[end - 1] == ' ' || message[end - 1] == '.')) --end;
    std::size_t begin = end;
    while (begin > 0 && message[begin - 1] >= '0' && message[begin - 1] <= '9') --begin;
    if (begin == end) return std::nullopt;
    return std::strtoul(message.substr(begin, end - begin).c_str(), nullptr, 10);
}

}  // namespace

// Long because it is one case per libxml2 error, each finding its own place
// and words.
model::Finding well_formedness_finding(std::string_view bytes_view, const std::string& file, const ParseError& error) {
    const Text bytes(bytes_view);
    const std::size_t hint = bytes.hint(error.line > 0 ? error.line : 1, error.column > 0 ? error.column : 1);
    const auto on_line = [&](int line, const auto& matches) {
        return bytes.nearest_on_line(line > 0 ? line : 1, hint, matches).value_or(hint);
    };
    const std::string_view message(error.message);

    switch (error.code) {
        case XML_ERR_TAG_NAME_MISMATCH: {
            // </organisaton> for <organisation>: a slip in the end tag, write the
            // start tag's name; </costs> while the <cost> inside it is open (a
            // <costs> was opened before): the end tag of <cost> is missing.
            const std::string& start = error.str1;
            const std::string& end = error.str2;
            const std::size_t at =
                on_line(error.line, [&](std::size_t offset) { return bytes.tag_named(offset, "</", end); });
            bool opened_before = false;
            for (std::size_t open = bytes_view.find("<" + end); open != std::string_view::npos && open < at;
                 open = bytes_view.find("<" + end, open + 1))
                if (bytes.tag_named(open, "<", end)) opened_before = true;
            return x001(opened_before ? "X001.not_closed_before" : "X001.end_tag_mismatch", file, bytes, at)
                .arg("end", text(end))
                .arg("start", text(start))
                .arg("start_line", text(std::to_string(error.int1 > 0 ? error.int1 : error.line)));
        }
        case XML_ERR_TAG_NOT_FINISHED: {
            // The file ends while <element> is open: at the end, where the end
            // tag is missing (the message names the start tag's line).
            return x001("X001.not_closed_at_end", file, bytes, hint)
                .arg("element", text(error.str1))
                .arg("start_line", text(std::to_string(error.int1 > 0 ? error.int1 : error.line)));
        }
        case XML_ERR_NAME_REQUIRED:
            if (message.find("EntityRef") != std::string_view::npos) {
                const std::size_t at = on_line(error.line, [&](std::size_t offset) {
                    return bytes.at(offset) == '&' && !is_name_start(bytes.at(offset + 1)) &&
                           bytes.at(offset + 1) != '#';
                });
                return x001("X001.bare_ampersand", file, bytes, at);
            }
            if (message.find("StartTag: invalid element name") != std::string_view::npos) {
                const std::size_t at = on_line(error.line, [&](std::size_t offset) {
                    const char next = bytes.at(offset + 1);
                    return bytes.at(offset) == '<' && !is_name_start(next) && next != '/' && next != '!' && next != '?';
                });
                return x001("X001.less_than_in_text", file, bytes, at);
            }
            break;
        case XML_ERR_ENTITYREF_SEMICOL_MISSING: {
            const std::size_t at = on_line(error.line, [&](std::size_t offset) {
                if (bytes.at(offset) != '&' || !is_name_start(bytes.at(offset + 1))) return false;
                return bytes.at(offset + 1 + bytes.name_at(offset + 1).size()) != ';';
            });
            const std::string name = bytes.at(at) == '&' ? bytes.name_at(at + 1) : std::string();
            return x001("X001.entity_semicolon", file, bytes, at).arg("entity", text(name.empty() ? "amp" : name));
        }
        case XML_ERR_UNDECLARED_ENTITY: {
            const std::string reference = "&" + error.str1 + ";";
            const std::size_t at =
                on_line(error.line, [&](std::size_t offset) { return bytes.starts_with(offset, reference); });
            return x001("X001.unknown_entity", file, bytes, at).arg("entity", text(error.str1));
        }
        case XML_ERR_INVALID_CHAR: {
            const std::optional<unsigned long> value = trailing_number(error.message);
            if (!value) break;
            const bool reference = message.find("CharRef") != std::string_view::npos;
            const std::size_t at = on_line(error.line, [&](std::size_t offset) {
                return reference ? bytes.starts_with(offset, "&#")
                                 : static_cast<unsigned char>(bytes.at(offset)) == *value;
            });
            char code[16];
            std::snprintf(code, sizeof code, "U+%04lX", *value);
            return x001("X001.invalid_character", file, bytes, at).arg("character", text(code));
        }
        case XML_ERR_LT_IN_ATTRIBUTE:
            return x001("X001.less_than_in_attribute", file, bytes,
                        on_line(error.line, [&](std::size_t offset) { return bytes.at(offset) == '<'; }));
        case XML_ERR_ATTRIBUTE_NOT_STARTED: {
            // name=value: the '=' nearest the hint that a quote does not follow.
            const std::size_t equals = on_line(error.line, [&](std::size_t offset) {
                if (bytes.at(offset) != '=') return false;
                std::size_t value = offset + 1;
                while (is_space(bytes.at(value))) ++value;
                return bytes.at(value) != '"' && bytes.at(value) != '\'' && bytes.at(value) != '\0';
            });
            if (bytes.at(equals) != '=') break;
            std::size_t name_end = equals;
            while (name_end > 0 && is_space(bytes.at(name_end - 1))) --name_end;
            std::size_t name_start = name_end;
            while (name_start > 0 && is_name_char(bytes.at(name_start - 1))) --name_start;
            std::size_t value_start = equals + 1;
            while (is_space(bytes.at(value_start))) ++value_start;
            std::size_t value_end = value_start;
            while (value_end < bytes_view.size() && !is_space(bytes.at(value_end)) && bytes.at(value_end) != '>' &&
                   !(bytes.at(value_end) == '/' && bytes.at(value_end + 1) == '>') && bytes.at(value_end) != '<')
                ++value_end;
            const std::string name(bytes_view.substr(name_start, name_end - name_start));
            if (name.empty()) break;
            return x001("X001.unquoted_value", file, bytes, name_start)
                .arg("attribute", text(name))
                .arg("value", text(std::string(bytes_view.substr(value_start, value_end - value_start))));
        }
        case XML_ERR_ATTRIBUTE_NOT_FINISHED: {
            // The value runs to the end of the file: its opening quote is the last one after a '='.
            std::size_t at = hint;
            for (std::size_t k = std::min(hint, bytes_view.size()); k > 0; --k)
                if ((bytes.at(k - 1) == '"' || bytes.at(k - 1) == '\'')) {
                    std::size_t before = k - 1;
                    while (before > 0 && is_space(bytes.at(before - 1))) --before;
                    if (before > 0 && bytes.at(before - 1) == '=') {
                        at = k - 1;
                        break;
                    }
                }
            return x001("X001.value_not_closed", file, bytes, at);
        }
        case XML_ERR_ATTRIBUTE_WITHOUT_VALUE: {
            const std::size_t at = on_line(error.line, [&](std::size_t offset) {
                return offset > 0 && is_space(bytes.at(offset - 1)) && bytes.starts_with(offset, error.str1) &&
                       !is_name_char(bytes.at(offset + error.str1.size()));
            });
            return x001("X001.attribute_without_value", file, bytes, at).arg("attribute", text(error.str1));
        }
        case XML_ERR_ATTRIBUTE_REDEFINED: {
            // The second place in its start tag.
            const std::size_t tag = bytes_view.rfind('<', std::min(hint, bytes_view.size() - 1));
            std::size_t at = hint;
            int seen = 0;
            for (std::size_t k = tag == std::string_view::npos ? 0 : tag; k < hint && k < bytes_view.size(); ++k)
                if (is_space(bytes.at(k)) && bytes.starts_with(k + 1, error.str1)) {
                    std::size_t after = k + 1 + error.str1.size();
                    while (is_space(bytes.at(after))) ++after;
                    if (bytes.at(after) == '=' && ++seen == 2) {
                        at = k + 1;
                        break;
                    }
                }
            const std::string element = tag == std::string_view::npos ? std::string() : bytes.name_at(tag + 1);
            return x001("X001.duplicate_attribute", file, bytes, at)
                .arg("attribute", text(error.str1))
                .arg("element", text(element.empty() ? "?" : element));
        }
        case XML_ERR_COMMENT_NOT_FINISHED: {
            const std::size_t open = bytes_view.rfind("<!--", std::min(hint, bytes_view.size()));
            return x001("X001.comment_not_closed", file, bytes, open == std::string_view::npos ? hint : open);
        }
        case XML_ERR_RESERVED_XML_NAME: {
            const std::size_t declaration = bytes_view.find("<?xml");
            return x001("X001.declaration_not_first", file, bytes,
                        declaration == std::string_view::npos ? hint : declaration);
        }
        case XML_ERR_GT_REQUIRED:
            if (!error.str1.empty()) {
                const std::size_t at = on_line(error.int1 > 0 ? error.int1 : error.line, [&](std::size_t offset) {
                    return bytes.tag_named(offset, "<", error.str1);
                });
                return x001("X001.start_tag_not_closed", file, bytes, at).arg("element", text(error.str1));
            } else {
                const std::size_t open = bytes_view.rfind("</", std::min(hint, bytes_view.size()));
                if (open == std::string_view::npos) break;
                return x001("X001.end_tag_not_closed", file, bytes, open).arg("element", text(bytes.name_at(open + 2)));
            }
        case XML_ERR_DOCUMENT_END: {
            // After the root element's end: another element, an end tag too many, or text.
            std::size_t at = hint;
            while (at < bytes_view.size() && is_space(bytes.at(at))) ++at;
            if (bytes.at(at) == '<' && bytes.at(at + 1) == '/')
                return x001("X001.stray_end_tag", file, bytes, at).arg("element", text(bytes.name_at(at + 2)));
            if (bytes.at(at) == '<' && is_name_start(bytes.at(at + 1)))
                return x001("X001.second_root", file, bytes, at).arg("element", text(bytes.name_at(at + 1)));
            return x001("X001.text_after_root", file, bytes, at);
        }
        case XML_ERR_DOCUMENT_EMPTY: {
            std::size_t at = 0;
            if (bytes.starts_with(0, "\xEF\xBB\xBF")) at = 3;
            while (at < bytes_view.size() && is_space(bytes.at(at))) ++at;
            return x001("X001.no_start_tag", file, bytes, at);
        }
        case XML_NS_ERR_UNDEFINED_NAMESPACE: {
            const std::string qualified = "<" + error.str1 + ":" + error.str2;
            const std::size_t at =
                on_line(error.line, [&](std::size_t offset) { return bytes.tag_named(offset, "", qualified); });
            return x001("X001.undefined_prefix", file, bytes, at)
                .arg("prefix", text(error.str1))
                .arg("element", text(error.str2));
        }
        default: break;
    }
    return x001("X001.not_well_formed", file, bytes, hint).arg("detail", text(error.message));
}

model::Finding file_finding(const char* rule, const std::string& message_id, const std::string& file, int line,
                            int column) {
    model::Finding finding;
    finding.rule = rule;
    finding.severity = model::default_severity(rule);
    finding.section = "file";
    finding.message_id = message_id;
    finding.where.file = file;
    finding.where.line = line;
    finding.where.column = column;
    return finding;
}

}  // namespace esfdraft::load
