#include "model/utf8.hpp"

namespace esfdraft::model {

Utf8Sequence decode_utf8(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) return {lead, 1};
    std::size_t length = 0;
    char32_t code = 0;
    if (lead >= 0xC2 && lead <= 0xDF)
        length = 2, code = lead & 0x1Fu;
    else if (lead >= 0xE0 && lead <= 0xEF)
        length = 3, code = lead & 0x0Fu;
    else if (lead >= 0xF0 && lead <= 0xF4)
        length = 4, code = lead & 0x07u;
    else
        return {};
    if (at + length > text.size()) return {};
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return {};
        code = (code << 6) | (byte(at + i) & 0x3Fu);
    }
    if ((length == 3 && code < 0x800) || (length == 4 && (code < 0x10000 || code > 0x10FFFF))) return {};
    if (code >= 0xD800 && code <= 0xDFFF) return {};
    return {code, length};
}

std::size_t character_count(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text)
        if (!continues_utf8(c)) ++count;
    return count;
}

std::pair<int, int> line_and_column(std::string_view text, std::size_t offset) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if (!continues_utf8(text[i])) {
            ++column;
        }
    }
    return {line, column};
}

namespace {

// U+0041–U+005A and U+00C0–U+00DE but U+00D7 (×) in lower case.
char32_t lower_latin(char32_t code) {
    if ((code >= U'A' && code <= U'Z') || (code >= 0xC0 && code <= 0xDE && code != 0xD7)) return code + 0x20;
    return code;
}

}  // namespace

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const Utf8Sequence x = decode_utf8(a, i), y = decode_utf8(b, j);
        if (x.length == 0 || y.length == 0) {  // not valid: the bytes themselves
            if (a[i] != b[j]) return false;
            ++i;
            ++j;
            continue;
        }
        if (lower_latin(x.code) != lower_latin(y.code)) return false;
        i += x.length;
        j += y.length;
    }
    return i == a.size() && j == b.size();
}

}  // namespace esfdraft::model
