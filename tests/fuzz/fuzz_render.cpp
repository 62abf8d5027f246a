// fuzz_render: the default Swedish template (templates/application-sv/),
// compiled once, rendered with hostile data.
//
// The data starts as the FRAMSYN sample's application view (or, when the
// first byte is odd, the specimen with one item in every list); the rest of
// the input is a list of edits: two bytes saying how many values (depth
// first) to pass over, one byte for what to put in place of the next, then
// that replacement's own bytes. A value is replaced with text full of
// control characters, characters XML cannot hold, markup and tag syntax; a huge, negative or malformed number; null; a
// boolean; a list repeated up to 255 times; a value buried in nested lists; rich text of such spans; a map with a
// hostile key. An input of one byte is the unchanged data. Properties (a failure traps):
//  - render either throws TemplateError with at least one problem (missing
//    data, a value a filter cannot format) or std::runtime_error, or gives a
//    .docx whose XML parts libxml2 finds well-formed, whatever characters
//    the data held, and that reads back as a template (unless it has more
//    elements than the template reader's bound, docx::max_xml_nodes);
//  - no other exception, crash, leak, UB or timeout.
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <limits>
#include <stdexcept>
#include <string>

#include "docx/application_draft.hpp"
#include "docx/application_view.hpp"
#include "docx/engine/template_engine.hpp"
#include "docx/engine/xml_node.hpp"
#include "docx/engine/zip_package.hpp"
#include "fuzz_support.hpp"
#include "load/loader.hpp"

using namespace esfdraft;
using docx::TemplateValue;

namespace {

struct State {
    docx::DraftTemplate draft = [] {
        docx::DraftOptions options;
        options.lang = "sv";
        options.data_dir = fuzz::data_dir();
        return docx::load_draft_template(options);
    }();
    TemplateValue specimen = docx::application_specimen("sv");
    TemplateValue sample = [] {
        load::Loader loader(fuzz::data_dir() + "/schemas");
        const load::PlanLoad plan = loader.load_plan(fuzz::data_dir() + "/samples/framsyn/plan.xml");
        if (!plan.application) {
            std::fprintf(stderr, "fuzz_render: samples/framsyn/plan.xml did not load\n");
            std::abort();
        }
        docx::ApplicationViewOptions options;
        options.date = {2009, 10, 1};
        return docx::application_view(*plan.application, options);
    }();
};

State* state = nullptr;

// What libxml2 finds wrong with `bytes` as XML (no network, no DTD, no
// entities; XML_PARSE_HUGE: a draft may be far larger than a template), or
// "" when it is well-formed. An oracle independent of the engine's own parser.
std::string xml_problem(const std::string& bytes) {
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) return "larger than 2 GiB";
    xmlDocPtr document = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), "part.xml", nullptr,
                                       XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (document == nullptr) {
        const xmlError* error = xmlGetLastError();
        return error && error->message ? error->message : "not well-formed";
    }
    xmlFreeDoc(document);
    return "";
}

void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

class Mutator {
public:
    explicit Mutator(fuzz::ByteReader& in) : in_(in) { next_edit_ = skip(); }

    TemplateValue mutated(const TemplateValue& value, int depth) {
        if (--budget_ <= 0 || depth > 200) return value;
        // Values are visited depth first; the input says how many to pass
        // over before the next edit, so a short input reaches any value.
        int op = 0;
        if (next_edit_ >= 0 && next_edit_-- == 0) {
            op = 8 + in_.byte() % 8;
            next_edit_ = skip();
        }
        switch (op) {
            case 8: return TemplateValue::text(hostile_text());
            case 9: return TemplateValue::text(number_text());
            case 10: return TemplateValue();
            case 11: return TemplateValue::boolean(in_.flip());
            case 12: {  // many copies of one item, or of the value itself
                const TemplateValue& item = value.kind() == TemplateValue::Kind::list && !value.as_list().empty()
                                                ? value.as_list()[in_.byte() % value.as_list().size()]
                                                : value;
                TemplateValue::List items;
                const int copies = in_.byte();
                // Each copy costs every value in it: copies of a large part
                // (a goal with its indicators) would otherwise make drafts
                // of hundreds of MiB and slow every run to a crawl.
                const int each = weight(item, budget_ + 1);
                for (int i = 0; i < copies && budget_ >= each; ++i) {
                    items.push_back(item);
                    budget_ -= each;
                }
                return TemplateValue::list(std::move(items));
            }
            case 13: {  // buried in lists
                TemplateValue out = value;
                for (int levels = in_.byte() % 64; levels > 0; --levels) out = TemplateValue::list({out});
                return out;
            }
            case 14: return TemplateValue::rich_text(hostile_rich_text());
            case 15: {
                TemplateValue::Map entries =
                    value.kind() == TemplateValue::Kind::map ? value.as_map() : TemplateValue::Map{};
                entries.emplace_back(hostile_text(), TemplateValue::text(hostile_text()));
                return TemplateValue::map(std::move(entries));
            }
            default: break;  // keep it, and look inside
        }
        switch (value.kind()) {
            case TemplateValue::Kind::list: {
                TemplateValue::List items;
                for (const TemplateValue& item : value.as_list()) items.push_back(mutated(item, depth + 1));
                return TemplateValue::list(std::move(items));
            }
            case TemplateValue::Kind::map: {
                TemplateValue::Map entries;
                for (const auto& [key, item] : value.as_map()) entries.emplace_back(key, mutated(item, depth + 1));
                return TemplateValue::map(std::move(entries));
            }
            case TemplateValue::Kind::image: {
                if (!in_.flip()) return value;
                docx::ImageData image = value.as_image();
                const std::int64_t sizes[] = {0,
                                              -1,
                                              1,
                                              std::numeric_limits<std::int64_t>::max(),
                                              std::numeric_limits<std::int64_t>::min(),
                                              914400ll * 100000};
                image.width_emu = sizes[in_.byte() % 6];
                image.height_emu = sizes[in_.byte() % 6];
                image.alt_text = hostile_text();
                return TemplateValue::image(std::move(image));
            }
            default: return value;
        }
    }

private:
    // The values in `value` (itself and everything below it), counted up to
    // `cap`.
    static int weight(const TemplateValue& value, int cap) {
        int total = 1;
        if (value.kind() == TemplateValue::Kind::list) {
            for (const TemplateValue& item : value.as_list())
                if ((total += weight(item, cap - total)) >= cap) return cap;
        } else if (value.kind() == TemplateValue::Kind::map) {
            for (const auto& [key, item] : value.as_map())
                if ((total += weight(item, cap - total)) >= cap) return cap;
        }
        return total;
    }

    // Valid UTF-8 (the model's strings are), but with everything else a
    // plan's text cannot hold or a document must escape.
    std::string hostile_text() {
        static constexpr std::uint32_t specials[] = {0x0,    0x1,    0x8,    0xB,      0xC,     0x1B,   0x7F,   0x85,
                                                     0xA0,   0xAD,   0x2028, 0x2029,   0x200B,  0xFEFF, 0xFFFD, 0xFFFE,
                                                     0xFFFF, 0xD7FF, 0xE000, 0x10FFFF, 0x1F600, 0x301};
        static constexpr std::string_view pieces[] = {
            "&",  "<",  ">",    "\"", "'",     "]]>",  "<w:p>", "</w:t>",  "{{",   "}}", "{{#goals}}", "{{/goals}}",
            "\t", "\n", "\r\n", "\r", "&amp;", "&#1;", "<!--",  "<?xml?>", "%s%n", "\\", "         "};
        std::string out;
        const int length = in_.byte();
        budget_ -= length / 8;
        for (int i = 0; i < length; ++i) {
            const std::uint8_t b = in_.byte();
            if (b < 0x20)
                append_utf8(out, b);
            else if (b >= 0xE0)
                append_utf8(out, specials[b % std::size(specials)]);
            else if (b >= 0xC0)
                out += pieces[b % std::size(pieces)];
            else if (b >= 0x80)
                append_utf8(out, 0xC0 + b);  // Latin-1 letters: å ä ö é
            else
                out += static_cast<char>(b);
        }
        return out;
    }

    std::string number_text() {
        static constexpr std::string_view numbers[] = {"0",
                                                       "-0",
                                                       "-1",
                                                       "0.5",
                                                       "-0.005",
                                                       "1.005",
                                                       "9223372036854775807",
                                                       "-9223372036854775808",
                                                       "9223372036854775808",
                                                       "92233720368547758.07",
                                                       "1e308",
                                                       "NaN",
                                                       "inf",
                                                       "0x10",
                                                       "1,5",
                                                       "1 000",
                                                       ".5",
                                                       "5.",
                                                       "--1",
                                                       "+1",
                                                       "00000000000000000000000000000001",
                                                       "2009-02-30",
                                                       "2009-13-01",
                                                       "9999-12-31",
                                                       "0000-00-00",
                                                       "-2009-01-01",
                                                       "2009-1-1",
                                                       "2009-10",
                                                       "1.0000000000000000000001",
                                                       ""};
        const std::uint8_t b = in_.byte();
        if (b >= std::size(numbers)) {  // a long run of digits, maybe with a point
            std::string digits(static_cast<std::size_t>(b) * 4, '9');
            if (in_.flip()) digits.insert(digits.size() / 2, ".");
            if (in_.flip()) digits.insert(0, "-");
            return digits;
        }
        return std::string(numbers[b]);
    }

    docx::RichText hostile_rich_text() {
        docx::RichText blocks;
        for (int b = in_.byte() % 8; b > 0; --b) {
            docx::RichBlock block;
            block.kind = static_cast<docx::RichBlock::Kind>(in_.byte() % 3);
            const auto spans = [&] {
                docx::SpanList list;
                for (int s = in_.byte() % 6; s > 0; --s) {
                    const std::uint8_t style = in_.byte();
                    list.push_back({hostile_text(), (style & 1) != 0, (style & 2) != 0, (style & 4) != 0});
                }
                return list;
            };
            if (block.kind == docx::RichBlock::Kind::paragraph)
                block.spans = spans();
            else
                for (int i = in_.byte() % 8; i > 0; --i) block.items.push_back(spans());
            blocks.push_back(std::move(block));
        }
        return blocks;
    }

    fuzz::ByteReader& in_;
    // Values to pass over before the next edit; -1 once the input is used up.
    int skip() { return in_.empty() ? -1 : static_cast<int>(in_.below(1024)); }

    int next_edit_ = -1;
    int budget_ = 1000;  // values changed or added (a copy counts each value in it): a draft of a few MiB at most
};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    state = new State;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::ByteReader in(std::string_view(reinterpret_cast<const char*>(data), size));
    const std::uint8_t first = in.byte();
    docx::RenderSettings settings;
    settings.lang = (first & 2) != 0 ? "en" : "sv";
    Mutator mutator(in);
    const TemplateValue value = mutator.mutated((first & 1) != 0 ? state->specimen : state->sample, 0);

    std::string rendered;
    try {
        rendered = state->draft.document.render(value, settings);
    } catch (const docx::TemplateError& error) {
        FUZZ_REQUIRE(!error.problems().empty(), std::string("a TemplateError listing no problem: ") + error.what());
        return 0;
    } catch (const std::runtime_error&) {
        return 0;
    }
    docx::PackageLimits relaxed;
    relaxed.max_ratio = std::numeric_limits<std::uint64_t>::max();
    docx::Package package;
    try {
        package = docx::read_package(rendered, "rendered.docx", relaxed);
    } catch (const std::runtime_error& error) {
        FUZZ_REQUIRE(false, std::string("the rendered draft is not a zip esfdraft reads: ") + error.what());
    }
    for (const docx::PackageEntry& entry : package.entries())
        if (entry.name.ends_with(".xml") || entry.name.ends_with(".rels")) {
            const std::string problem = xml_problem(entry.bytes);
            FUZZ_REQUIRE(problem.empty(), "the rendered " + entry.name + " is not well-formed XML: " + problem);
        }
    // Read back as a template too. The reader bounds the elements of a part
    // (docx::max_xml_nodes) against hostile templates; a draft of data
    // repeated hundreds of times may pass that bound, which says nothing
    // about the XML written, so that refusal alone is allowed.
    try {
        (void)docx::DocumentTemplate::load(std::move(package), "rendered.docx");
    } catch (const std::runtime_error& error) {
        const std::string over_bound = "more than " + std::to_string(docx::max_xml_nodes) + " elements";
        FUZZ_REQUIRE(std::string_view(error.what()).find(over_bound) != std::string_view::npos,
                     std::string("the rendered draft does not read back: ") + error.what());
    }
    return 0;
}
