// UTF-8 decoded in one place for every module that walks text character by
// character (a message's quoted input, XML escaping in the draft, whole-word
// matching in the rules), so that all of them agree on what is valid.
#pragma once

#include <cstddef>
#include <string_view>

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

}  // namespace esfdraft::model
