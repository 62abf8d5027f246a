// The editor's light markup for rich text (the plan format's <p>, <ul>/<ol>
// of <li>, inline <em> and <strong>; docs/format.md "Rich text"), to and from
// a rich-text element. Pure functions over model::Element, no Poco.
//
// The markup, as a textarea holds it:
//   - blocks are separated by a blank line (a line of only spaces and tabs);
//   - a line starting "- " or "* " is a bulleted item, "1. " (any number,
//     then ". ") a numbered one; consecutive item lines form one list, and a
//     change from bulleted to numbered starts another; a line indented under
//     an item continues it; "-", "*" or "3." alone is an empty item;
//   - the other lines of a block join, with a space, into one paragraph;
//   - *text* is emphasis, **text** strong, nested as the format allows
//     (***both***, **strong *and em* strong**); a marker left unclosed at the
//     end of its paragraph or item is a literal asterisk;
//   - \* is a literal asterisk, \\ a literal backslash (any other backslash is
//     itself); a paragraph line starting with "\" and then "-" or a digit is
//     a paragraph line, the backslash dropped ("\- 5 grader", "\2024. År").
// CR LF and lone CR (browsers' textareas send CR LF) are read as LF.
#pragma once

#include <string>
#include <string_view>

#include "model/element_tree.hpp"

namespace esfdraft::http {

// The markup for a rich-text element's <p>, <ul> and <ol> children (others
// and text between blocks are ignored): whitespace inside a paragraph or an
// item collapsed as the plan reader collapses it (runs of it one space,
// trimmed at both ends), blocks separated by one blank line, numbered items
// numbered from 1, empty paragraphs left out, no line end at the end.
std::string markup_from(const model::Element& rich_text_element);

// Appends to `target` the blocks `markup` describes: <p>, <ul> and <ol> with
// <li>, text in them collapsed as markup_from gives it, emphasis as <em>
// and strong as <strong> (an <em> inside a <strong> where both hold).
// Empty markup appends nothing.
void fill_rich_text(model::Element& target, std::string_view markup);

}  // namespace esfdraft::http
