#include "xlsx/cell_text.hpp"

#include <cstdint>

#include "model/utf8.hpp"
#include "model/values.hpp"

namespace esfdraft::xlsx {
namespace {

// Decodes one UTF-8 sequence at `text[at]`; returns its length and sets
// `code_point`, or 0 for an invalid sequence (bad lead or continuation byte,
// overlong form, surrogate, beyond U+10FFFF, cut short).
std::size_t decode_utf8(std::string_view text, std::size_t at, char32_t& code_point) {
    const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
    const std::uint8_t lead = byte(at);
    std::size_t length = 0;
    char32_t value = 0;
    char32_t smallest = 0;
    if (lead < 0x80) {
        code_point = lead;
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2, value = lead & 0x1Fu, smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, value = lead & 0x0Fu, smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, value = lead & 0x07u, smallest = 0x10000;
    } else {
        return 0;
    }
    if (at + length > text.size()) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        const std::uint8_t next = byte(at + i);
        if ((next & 0xC0) != 0x80) return 0;
        value = (value << 6) | (next & 0x3Fu);
    }
    if (value < smallest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    code_point = value;
    return length;
}

bool is_hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

std::string hex4(char32_t code_point) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out = "U+";
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(code_point >> shift) & 0xF];
    return out;
}

}  // namespace

std::optional<std::string> cell_text_problem(std::string_view text, std::size_t limit) {
    std::size_t units = 0;
    std::size_t characters = 0;
    for (std::size_t at = 0; at < text.size();) {
        char32_t code_point = 0;
        const std::size_t length = decode_utf8(text, at, code_point);
        if (length == 0) return "is not valid UTF-8 (byte " + std::to_string(at + 1) + ")";
        ++characters;
        // XML 1.0 allows tab, line feed and carriage return, nothing else below
        // U+0020, and neither U+FFFE nor U+FFFF.
        const bool control = code_point < 0x20 && code_point != '\t' && code_point != '\n' && code_point != '\r';
        if (control || code_point == 0xFFFE || code_point == 0xFFFF)
            return "holds the character " + hex4(code_point) + ", which a spreadsheet cannot store (character " +
                   std::to_string(characters) + ")";
        units += code_point > 0xFFFF ? 2 : 1;
        at += length;
    }
    if (units > limit)
        return "is " + model::group_digits(units, " ") + " characters long; a spreadsheet cell holds at most " +
               model::group_digits(limit, " ");
    return std::nullopt;
}

std::size_t utf16_length(std::string_view text) {
    std::size_t units = 0;
    for (const char c : text) {
        const auto byte = static_cast<std::uint8_t>(c);
        if ((byte & 0xC0) != 0x80) ++units;  // a lead byte starts a character
        if ((byte & 0xF8) == 0xF0) ++units;  // four-byte sequences need a surrogate pair
    }
    return units;
}

std::size_t code_points(std::string_view text) { return model::character_count(text); }

std::string escape_ooxml_escapes(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size(); ++at) {
        const bool escape_sequence = text[at] == '_' && at + 6 < text.size() && text[at + 1] == 'x' &&
                                     is_hex_digit(text[at + 2]) && is_hex_digit(text[at + 3]) &&
                                     is_hex_digit(text[at + 4]) && is_hex_digit(text[at + 5]) && text[at + 6] == '_';
        if (escape_sequence) out += "_x005F";
        out += text[at];
    }
    return out;
}

std::string shorten_utf8(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    static constexpr std::string_view ellipsis = "\xE2\x80\xA6";
    if (max_bytes < ellipsis.size()) return {};
    std::size_t end = max_bytes - ellipsis.size();
    while (end > 0 && (static_cast<std::uint8_t>(text[end]) & 0xC0) == 0x80) --end;  // back to a lead byte
    return std::string(text.substr(0, end)) + std::string(ellipsis);
}

}  // namespace esfdraft::xlsx
