// The data a document template is rendered against: a small JSON-like value
// (null, text, boolean, list, map) plus two document-specific kinds, rich
// text (paragraphs and lists) and an image. Numbers travel as text in the
// invariant form ("1638000", "1638000.50", "0.64"); filters format them.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace esfdraft::docx {

// A span of text with character formatting.
struct TextSpan {
    std::string text;
    bool bold = false;
    bool italic = false;
    bool highlight = false;  // a visible marker (yellow highlight)
};

using SpanList = std::vector<TextSpan>;

struct RichBlock {
    enum class Kind { paragraph, bullet_list, numbered_list };
    Kind kind = Kind::paragraph;
    SpanList spans;               // paragraph content
    std::vector<SpanList> items;  // list items
};

using RichText = std::vector<RichBlock>;

// A PNG or JPEG image and the size it is shown at.
struct ImageData {
    std::string bytes;
    std::string extension;       // "png" or "jpeg"
    std::int64_t width_emu = 0;  // English Metric Units: 914400 per inch
    std::int64_t height_emu = 0;
    std::string alt_text;  // alternative text; never empty in a written document
};

class TemplateValue {
public:
    enum class Kind { null, text, boolean, list, map, rich_text, image };
    using List = std::vector<TemplateValue>;
    using Map = std::vector<std::pair<std::string, TemplateValue>>;

    TemplateValue() = default;  // null
    static TemplateValue text(std::string value);
    static TemplateValue boolean(bool value);
    static TemplateValue list(List items = {});
    static TemplateValue map(Map entries = {});
    static TemplateValue rich_text(RichText blocks);
    static TemplateValue image(ImageData image);

    Kind kind() const { return static_cast<Kind>(value_.index()); }
    bool is_null() const { return kind() == Kind::null; }
    // Each accessor gives an empty value (or false) for another kind.
    const std::string& as_text() const;
    bool as_boolean() const;
    const List& as_list() const;
    const Map& as_map() const;
    const RichText& as_rich_text() const;
    const ImageData& as_image() const;

    // Maps: the value under `key`, or nullptr when the key is absent (which
    // is different from present and null). Linear: maps here are small.
    const TemplateValue* find(std::string_view key) const;
    // Makes this a map if it is not one, sets `key` (replacing an existing
    // entry) and returns *this.
    TemplateValue& set(std::string key, TemplateValue value);
    // Makes this a list if it is not one and appends.
    TemplateValue& push(TemplateValue value);

    // Mustache truthiness: null, false, "" and an empty list or rich text are
    // false; everything else is true.
    bool truthy() const;

private:
    // The alternatives in Kind's order; images are shared, so a value stays
    // small and copies of data holding a logo stay cheap.
    std::variant<std::monostate, std::string, bool, List, Map, RichText, std::shared_ptr<const ImageData>> value_;
};

// Shorthand for building data in code.
inline TemplateValue text_value(std::string value) { return TemplateValue::text(std::move(value)); }

}  // namespace esfdraft::docx
