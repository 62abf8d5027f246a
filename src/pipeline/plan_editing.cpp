#include "pipeline/plan_editing.hpp"

#include "load/document_edit.hpp"
#include "load/loader.hpp"
#include "load/xml_input.hpp"
#include "report/catalogue.hpp"

namespace esfdraft::pipeline {
namespace {

// The size limit the loader holds every input to: a document the check would
// refuse is not taken apart either.
void check_size(std::string_view bytes) {
    if (bytes.size() <= load::default_max_input_bytes) return;
    const std::string limit = std::to_string(load::default_max_input_bytes / (1024 * 1024));
    const std::string size = std::to_string((bytes.size() + 1024 * 1024 - 1) / (1024 * 1024));
    throw DocumentUnreadable("dokumentet är " + size + " MiB; esfdraft läser högst " + limit + " MiB",
                             "the document is " + size + " MiB; esfdraft reads at most " + limit + " MiB");
}

// load's finding said for a page in both languages: "rad 12: …" / "line 12: …".
[[noreturn]] void unreadable(const load::UnreadableDocument& error) {
    const model::Finding& finding = error.finding();
    const int line = finding.where.line > 0 ? finding.where.line : 1;
    throw DocumentUnreadable(
        "rad " + std::to_string(line) + ": " + report::message_text(finding, report::Language::sv),
        "line " + std::to_string(line) + ": " + report::message_text(finding, report::Language::en));
}

template <typename Work>
auto editing(std::string_view bytes, Work work) {
    check_size(bytes);
    try {
        return work();
    } catch (const load::UnreadableDocument& error) {
        unreadable(error);
    }
}

}  // namespace

const char* plan_document_namespace() { return load::plan_namespace; }
const char* findings_document_namespace() { return load::findings_namespace; }

model::Element read_document(std::string_view bytes) {
    return editing(bytes, [&] { return load::read_document_tree(bytes); });
}

std::string replace_child(std::string_view bytes, std::size_t index, const model::Element& replacement) {
    return editing(bytes, [&] { return load::replace_root_child(bytes, index, replacement); });
}

std::string insert_child(std::string_view bytes, std::size_t before, const model::Element& element) {
    return editing(bytes, [&] { return load::insert_root_child(bytes, before, element); });
}

std::string remove_child(std::string_view bytes, std::size_t index) {
    return editing(bytes, [&] { return load::remove_root_child(bytes, index); });
}

std::string write_document(const model::Element& root, std::string_view namespace_uri) {
    return load::write_element_document(root, namespace_uri);
}

}  // namespace esfdraft::pipeline
