// Input quoted in a message, made safe to print. Here, below every module,
// so that each one quoting a user's text (a zip entry name in docx, a file
// name in report and cli) escapes it the same way, where the message is made.
#pragma once

#include <string>
#include <string_view>

namespace esfdraft::model {

// `text` made safe to print on a terminal, where quoted input (a file or
// zip entry name, a plan value, a template's text) could otherwise carry
// escape sequences or forge lines: every byte of a control character (C0
// including tab, CR and line feed, DEL, C1 U+0080..U+009F) and every byte
// that is not valid UTF-8 is written as \xNN (ESC as \x1b, a line feed as
// \x0a, U+009B as \xc2\x9b); all else is unchanged (a backslash too). With
// `keep_line_feeds`, line feeds stay (for messages that list problems one
// per line).
std::string printable(std::string_view text, bool keep_line_feeds = false);

// `text` with every byte that is not part of valid UTF-8 replaced by U+FFFD,
// all else unchanged: for formats that must be UTF-8 (JSON), where a file
// name may hold any bytes.
std::string valid_utf8(std::string_view text);

}  // namespace esfdraft::model
