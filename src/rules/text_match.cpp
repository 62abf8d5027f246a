#include "rules/text_match.hpp"

#include <utility>

#include "model/utf8.hpp"

namespace esfdraft::rules {

namespace {

// The code point starting at `at`, and its length: U+FFFD and one byte where
// the bytes are not UTF-8.
std::pair<char32_t, std::size_t> code_point_at(std::string_view text, std::size_t at) {
    const model::Utf8Sequence sequence = model::decode_utf8(text, at);
    if (sequence.length == 0) return {0xFFFD, 1};
    return {sequence.code, sequence.length};
}

// Letters and digits: ASCII ones and the letters from U+00C0 on (not ×, ÷,
// nor the punctuation and spaces of U+2000–U+206F).
bool word_character(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
    return !(c >= 0x2000 && c <= 0x206F) && c != 0xFFFD;
}

bool word_before(std::string_view text, std::size_t at) {
    if (at == 0) return false;
    std::size_t start = at - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0u) == 0x80u) --start;
    return word_character(code_point_at(text, start).first);
}

bool word_after(std::string_view text, std::size_t at) {
    return at < text.size() && word_character(code_point_at(text, at).first);
}

}  // namespace

bool names_term(std::string_view text, std::string_view term) {
    const bool any_ending = !term.empty() && term.back() == '*';
    if (any_ending) term.remove_suffix(1);
    if (term.empty() || term.size() > text.size()) return false;
    for (std::size_t at = text.find(term); at != std::string_view::npos; at = text.find(term, at + 1)) {
        if (word_before(text, at)) continue;
        if (!any_ending && word_after(text, at + term.size())) continue;
        return true;
    }
    return false;
}

}  // namespace esfdraft::rules
