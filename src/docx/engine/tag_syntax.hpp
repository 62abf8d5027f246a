// The tag language inside {{ }}: values with filters, sections, inverted
// sections, block (rich text) and image tags. See docs/templates.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "docx/engine/filters.hpp"

namespace esfdraft::docx {

struct Tag {
    enum class Kind {
        value,     // {{path | filter}}
        section,   // {{#path}} or {{#row path}}
        inverted,  // {{^path}}
        close,     // {{/path}}
        block,     // {{@path}}: rich text as paragraphs and lists
        image,     // {{%path}}: an image
        comment,   // {{! ... }}: removed
        shade,     // {{shade path}}: the table cell keeps its shading only when the value is true
    };
    // How a section repeats: decided from where its tags stand unless the
    // template names it ({{#row goals}}, {{#column years}}, ...).
    enum class Mode { automatic, inline_content, paragraphs, rows, column };

    Kind kind = Kind::value;
    Mode mode = Mode::automatic;
    std::string raw;   // as written, after quote normalization: "{{#goals}}"
    std::string path;  // "project.owner.name"; "." is the current item
    std::vector<std::string> segments;
    std::vector<FilterCall> filters;
};

// Word's autocorrect turns quotes into typographic ones and may put no-break
// spaces inside a tag; this maps them back (“ ” „ ″ → ", ‘ ’ ‚ ′ → ',
// U+00A0 → space) so the tag parses as typed.
std::string normalize_tag_text(std::string_view raw);

// Why a tag was refused, in Swedish and English.
struct TagProblem {
    std::string sv, en;
};

// Parses one tag, "{{" and "}}" included. Returns nullopt and sets `problem`
// for a malformed tag (empty, a bad name, an unknown filter, a filter
// argument missing or not quoted).
std::optional<Tag> parse_tag(std::string_view raw, TagProblem& problem);
// The same with the problem in English only.
std::optional<Tag> parse_tag(std::string_view raw, std::string& problem);

// "row", "column", ... for messages.
std::string_view mode_name(Tag::Mode mode);

}  // namespace esfdraft::docx
