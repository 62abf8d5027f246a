// fuzz_tags: the tag parser and the filters it names, on what a template's
// text may hold between "{{" and "}}".
//
// The input is the tag's body, optionally followed by a NUL byte and a value
// the tag's filters are applied to (the body itself when there is none).
// Properties (a failure traps):
//  - parse_tag never crashes; it returns a tag, or nullopt with a problem to
//    show the template's author;
//  - a parsed tag keeps what it read: raw is the normalized text, the path is
//    its segments joined by dots, every segment is a name, and parsing raw
//    again gives the same tag; quote normalization is idempotent;
//  - every filter of a parsed tag, applied to text, null, a boolean and a
//    list, gives a value or a problem (no exception, crash or UB), and so do
//    the number and date formatters on the value.
#include <string>
#include <vector>

#include "docx/engine/filters.hpp"
#include "docx/engine/tag_syntax.hpp"
#include "fuzz_support.hpp"

using namespace esfdraft;

namespace {

std::string describe(const docx::Tag& tag) {
    std::string out =
        std::to_string(static_cast<int>(tag.kind)) + "/" + std::to_string(static_cast<int>(tag.mode)) + " " + tag.path;
    for (const std::string& segment : tag.segments) out += " [" + segment + "]";
    for (const docx::FilterCall& filter : tag.filters)
        out += " |" + filter.name + (filter.argument ? "(" + *filter.argument + ")" : "");
    return out;
}

bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool is_segment(const std::string& segment) {
    if (segment == "@index" || segment == "@first" || segment == "@last") return true;
    if (segment.empty()) return false;
    for (char c : segment)
        if (!name_char(c)) return false;
    return true;
}

void apply_all(const docx::Tag& tag, const std::string& value) {
    const std::vector<docx::TemplateValue> inputs = {
        docx::text_value(value),
        docx::TemplateValue(),
        docx::TemplateValue::boolean(!value.empty()),
        docx::TemplateValue::list({docx::text_value(value), docx::TemplateValue()}),
        docx::TemplateValue::map({{value, docx::text_value(value)}}),
    };
    for (const docx::FilterCall& filter : tag.filters)
        for (const docx::TemplateValue& input : inputs)
            for (const char* lang : {"sv", "en"}) {
                std::string problem;
                const std::optional<docx::TemplateValue> out = docx::apply_filter(filter, input, lang, problem);
                FUZZ_REQUIRE(out || !problem.empty(), "filter " + filter.name + " failed without saying why");
            }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t nul = input.find('\0');
    const std::string_view body = input.substr(0, nul);
    const std::string value(nul == std::string_view::npos ? body : input.substr(nul + 1));

    // The compiler hands parse_tag a tag with its braces; so does this.
    const std::string raw = "{{" + std::string(body) + "}}";
    const std::string normalized = docx::normalize_tag_text(raw);
    FUZZ_REQUIRE(docx::normalize_tag_text(normalized) == normalized, "normalizing twice changed the tag");

    std::string problem;
    const std::optional<docx::Tag> tag = docx::parse_tag(raw, problem);
    if (!tag) {
        FUZZ_REQUIRE(!problem.empty(), "a tag was refused without a problem: " + raw);
    } else {
        FUZZ_REQUIRE(tag->raw == normalized, "raw is not the normalized text: " + tag->raw);
        if (tag->kind != docx::Tag::Kind::comment) {
            if (tag->path == ".") {
                FUZZ_REQUIRE(tag->segments.empty(), "\".\" has segments: " + describe(*tag));
            } else {
                std::string joined;
                for (const std::string& segment : tag->segments) {
                    FUZZ_REQUIRE(is_segment(segment), "not a name: [" + segment + "] in " + describe(*tag));
                    joined += (joined.empty() ? "" : ".") + segment;
                }
                FUZZ_REQUIRE(joined == tag->path, "the segments do not make the path: " + describe(*tag));
            }
        }
        std::string again_problem;
        const std::optional<docx::Tag> again = docx::parse_tag(tag->raw, again_problem);
        FUZZ_REQUIRE(again && describe(*again) == describe(*tag),
                     "parsing raw again gave another tag: " + describe(*tag));
        apply_all(*tag, value);
    }

    for (const char* lang : {"sv", "en"}) {
        (void)docx::format_number(value, lang);
        (void)docx::format_percent(value, lang);
        (void)docx::format_long_date(value, lang);
    }
    (void)docx::to_upper(value);
    (void)docx::to_lower(value);
    return 0;
}
