// fuzz_template: a user's template read, compiled, checked and rendered.
//
// Two kinds of input:
//  - bytes starting with "PK": a whole .docx, read as `esfdraft draft
//    --template` reads one (DocumentTemplate::load on the bytes);
//  - anything else: WordprocessingML parts put into the default template's
//    package, so the fuzzer works on the XML and the tags rather than on
//    zip CRCs. The input up to the first line "#part NAME" is
//    word/document.xml; each such line starts the part NAME (e.g.
//    word/styles.xml, word/numbering.xml, word/header1.xml,
//    [Content_Types].xml), replacing the default's.
// Properties (a failure traps):
//  - loading either gives a template or throws std::runtime_error (the
//    documented refusal of an unreadable or hostile package); never another
//    exception, a crash, a leak, UB or a timeout;
//  - every problem names its part; tags() and names() and check_names()
//    against the application's specimen data work on whatever loaded;
//  - render() with the specimen either throws TemplateError (listing at
//    least one problem) or std::runtime_error, or gives a .docx that reads
//    back as a template (a zip with well-formed XML parts).
#include <limits>
#include <stdexcept>
#include <string>

#include "docx/application_draft.hpp"
#include "docx/application_view.hpp"
#include "docx/engine/template_engine.hpp"
#include "docx/engine/zip_package.hpp"
#include "fuzz_support.hpp"

using namespace esfdraft;

namespace {

struct State {
    docx::Package base = docx::default_template_package(fuzz::data_dir(), "sv");
    docx::TemplateValue specimen = docx::application_specimen("sv");
};

State* state = nullptr;

docx::Package package_from_parts(std::string_view input) {
    docx::Package package = state->base;
    static constexpr std::string_view marker = "#part ";
    std::string name = "word/document.xml";
    std::size_t start = 0;
    while (true) {
        std::size_t at = input.find(marker, start);
        while (at != std::string_view::npos && at != 0 && input[at - 1] != '\n') at = input.find(marker, at + 1);
        const std::size_t end = at == std::string_view::npos ? input.size() : at;
        package.put(name, std::string(input.substr(start, end - start)));
        if (at == std::string_view::npos) return package;
        const std::size_t line_end = std::min(input.find('\n', at), input.size());
        name = std::string(input.substr(at + marker.size(), line_end - at - marker.size()));
        start = std::min(line_end + 1, input.size());
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    state = new State;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::string name = "fuzz.docx";
    std::optional<docx::DocumentTemplate> loaded;
    try {
        if (bytes.substr(0, 2) == "PK")
            loaded = docx::DocumentTemplate::load(bytes, name);
        else
            loaded = docx::DocumentTemplate::load(package_from_parts(bytes), name);
    } catch (const std::runtime_error&) {
        return 0;  // refused, as documented
    }
    const docx::DocumentTemplate& document = *loaded;
    FUZZ_REQUIRE(document.name() == name, "the template lost its name");
    for (const docx::TemplateProblem& problem : document.problems())
        FUZZ_REQUIRE(!problem.part.empty() && !problem.message.empty(),
                     "a problem without a part or message: " + problem.text());
    for (const std::string& tag : document.tags()) (void)document.names(tag);
    for (const docx::TemplateProblem& problem : document.check_names(state->specimen))
        FUZZ_REQUIRE(!problem.message.empty(), "a name problem without a message: " + problem.text());

    std::string rendered;
    try {
        rendered = document.render(state->specimen);
    } catch (const docx::TemplateError& error) {
        FUZZ_REQUIRE(!error.problems().empty(), std::string("a TemplateError listing no problem: ") + error.what());
        return 0;
    } catch (const std::runtime_error&) {
        return 0;
    }
    FUZZ_REQUIRE(document.problems().empty(), "a template with problems rendered");
    try {
        // A draft may compress better than the reader allows a template to
        // (one long repeated section): the ratio bound is not checked here.
        docx::PackageLimits relaxed;
        relaxed.max_ratio = std::numeric_limits<std::uint64_t>::max();
        (void)docx::DocumentTemplate::load(docx::read_package(rendered, "rendered.docx", relaxed), "rendered.docx");
    } catch (const std::runtime_error& error) {
        FUZZ_REQUIRE(false, std::string("the rendered draft does not read back: ") + error.what());
    }
    return 0;
}
