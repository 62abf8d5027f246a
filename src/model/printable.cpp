#include "model/printable.hpp"

#include <algorithm>

#include "model/utf8.hpp"

namespace esfdraft::model {

namespace {

void append_hex_escape(std::string& out, unsigned char byte) {
    constexpr char digits[] = "0123456789abcdef";
    out += "\\x";
    out += digits[byte >> 4];
    out += digits[byte & 0xF];
}

}  // namespace

std::string printable(std::string_view text, bool keep_line_feeds) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const auto byte = static_cast<unsigned char>(text[at]);
        const std::size_t length = decode_utf8(text, at).length;
        // C1 controls are U+0080..U+009F: C2 80..C2 9F in UTF-8.
        const bool c1 = length == 2 && byte == 0xC2 && static_cast<unsigned char>(text[at + 1]) < 0xA0;
        if (length == 0 || c1 || byte < 0x20 || byte == 0x7F) {
            if (byte == '\n' && keep_line_feeds) {
                out += '\n';
                ++at;
                continue;
            }
            for (std::size_t i = 0; i < std::max<std::size_t>(length, 1); ++i)
                append_hex_escape(out, static_cast<unsigned char>(text[at + i]));
            at += std::max<std::size_t>(length, 1);
            continue;
        }
        out.append(text.substr(at, length));
        at += length;
    }
    return out;
}

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t length = decode_utf8(text, at).length;
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            ++at;
            continue;
        }
        out.append(text.substr(at, length));
        at += length;
    }
    return out;
}

}  // namespace esfdraft::model
