// UTF-8 decoded in one place for every module that walks text character by
// character (a message's quoted input, XML escaping in the draft, whole-word
// matching in the rules), so that all of them agree on what is valid.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace esfdraft::model {

// The sequence starting at byte `at` of `text`.
struct Utf8Sequence {
    char32_t code = 0xFFFD;  // its code point; U+FFFD when it is not valid
    std::size_t length = 0;  // its bytes (1–4); 0 when the bytes at `at` are not valid UTF-8
};

// Decodes the sequence at `at` (< text.size()). Not valid: a lone or
// unexpected continuation byte, a sequence cut short by the end or by a byte
// that does not continue it, an overlong form, a surrogate (U+D800–U+DFFF)
// and a code point past U+10FFFF.
Utf8Sequence decode_utf8(std::string_view text, std::size_t at);

// True for a byte that continues a sequence (10xxxxxx). Every other byte
// starts a character, so counting those counts characters; a stray
// continuation byte is not counted, an invalid lead byte is.
constexpr bool continues_utf8(char byte) { return (static_cast<unsigned char>(byte) & 0xC0u) == 0x80u; }

// The characters of `text`, as continues_utf8 counts them: what a reader
// calls the text's length, what a column counts.
std::size_t character_count(std::string_view text);

// The 1-based line and column (in characters, as character_count counts) of
// byte `offset` of `text`; past the end, of the end. Every message that
// points into a file the user gave counts this way.
std::pair<int, int> line_and_column(std::string_view text, std::size_t offset);

// Lower-cases ASCII and the Latin-1 capitals (Å, Ä, Ö, É in UTF-8) so that
// "UMEÅ" and "Umeå" compare equal; other bytes stay as they are.
std::string folded(std::string_view text);

// Whether `a` and `b` are the same text but for the case of their letters,
// as folded() folds them: "LÖN PERSONAL" and "Lön personal" are one.
bool equal_ignoring_case(std::string_view a, std::string_view b);

}  // namespace esfdraft::model
