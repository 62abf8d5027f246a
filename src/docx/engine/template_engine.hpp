// A template engine over WordprocessingML: a .docx whose text holds
// {{tags}} is rendered against a TemplateValue into a new .docx. It knows
// nothing about what the data means. The tag language is documented in
// docs/templates.md.
//
// Loading parses every content part once, merges tags that Word or
// LibreOffice split over several runs, and compiles each part into a flat
// program of literal XML and instructions; rendering is then a single pass
// over those programs.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "docx/engine/template_value.hpp"

namespace esfdraft::docx {

class Package;

// One problem with a template, and where it is.
struct TemplateProblem {
    std::string part;          // "word/document.xml"
    int paragraph = 0;         // 1-based paragraph number in the part; 0 when not in a paragraph
    std::string context;       // visible text around the tag, e.g. "…Mål: {{#goals}} …"
    std::string message;       // in English: "the section {{#goals}} is never closed (no {{/goals}})"
    std::string message_sv{};  // the same in Swedish; "" when only the English was written
    // Where a Word user finds it: the text of the nearest heading (a
    // Heading/Rubrik style) before the paragraph, "" when none; the table
    // cell (1-based row and column of the innermost table), 0 when not in one.
    std::string heading{};
    int table_row = 0;
    int table_column = 0;
    bool in_picture = false;  // the tag is a picture's alternative text (context: the tag)

    // For developers and logs: "word/document.xml, paragraph 14, near
    // "…Mål: {{#goals}}…": the section {{#goals}} is never closed (no {{/goals}})".
    std::string text() const;
    // For a Word user, in `lang` ("sv"; anything else: English): the part in
    // words, the heading it is under, the table cell, the nearby text, then
    // the message: "huvuddokumentet, under rubriken "Mål", i en tabell, rad 2,
    // kolumn 1, vid "…Mål: {{#goals}}…": avsnittet {{#goals}} stängs aldrig (inget {{/goals}})".
    std::string text_in(std::string_view lang) const;
    // The place alone, as text_in gives it ("" when the problem has none).
    std::string place_in(std::string_view lang) const;
    // The message alone in `lang` (English when no Swedish was written).
    const std::string& message_in(std::string_view lang) const;
};

// Sorts problems by where they are, as a reader meets them: the main document
// first, then headers, footers, footnotes, endnotes, other parts (by name
// within each kind); by paragraph within a part (problems
// outside a paragraph first). Stable: problems at one place keep their order.
void sort_by_place(std::vector<TemplateProblem>& problems);

class TemplateError;
// "template 'x.docx': 2 problems" / "mallen 'x.docx' har 2 fel", then every
// problem on a line of its own, indented, in place order, in `lang`, as a
// Word user finds it (TemplateProblem::text_in).
std::string problems_text(const TemplateError& error, std::string_view lang);

// Thrown when a template cannot be rendered: lists every problem found.
class TemplateError : public std::runtime_error {
public:
    // Sorts `problems` by place (sort_by_place); what() lists them in English
    // in the technical form (TemplateProblem::text), problems_text for a user.
    TemplateError(const std::string& template_name, std::vector<TemplateProblem> problems);
    const std::vector<TemplateProblem>& problems() const { return problems_; }
    const std::string& template_name() const { return template_name_; }

private:
    TemplateError(const std::string& template_name, std::vector<TemplateProblem> sorted, int);  // already sorted
    std::string template_name_;
    std::vector<TemplateProblem> problems_;
};

struct RenderSettings {
    std::string lang = "sv";  // "sv" or "en": how filters format numbers, dates and booleans
};

class DocumentTemplate {
public:
    // Reads and compiles a .docx (or .dotx) template. `template_name` names
    // it in every message. Throws std::runtime_error naming the template when
    // the package is unreadable (not a zip, path traversal, zip bomb, missing
    // [Content_Types].xml or main document part, XML that is not
    // well-formed). Problems in the tags themselves do not throw here: they
    // are collected in problems() and thrown by render().
    static DocumentTemplate load(std::string_view docx_bytes, const std::string& template_name);
    // The same from parts already read (the default templates are kept
    // unzipped: zipping them only to unzip them again cost a tenth of a small
    // draft's time).
    static DocumentTemplate load(Package package, const std::string& template_name);

    const std::string& name() const;
    // Tag syntax and structure problems (unclosed or mismatched sections,
    // unknown filters, sections that cannot repeat where they stand), in
    // document order. Empty for a good template.
    const std::vector<TemplateProblem>& problems() const;
    // Every distinct tag as written (quotes normalized), in document order.
    std::vector<std::string> tags() const;
    // Whether some tag (value, section, block or image) names `path` exactly.
    bool names(std::string_view path) const;

    // Names the data does not provide. `specimen` is data shaped like the
    // real thing with at least one item in every list; every section's
    // content is visited once (also inverted and false ones), so names inside
    // loops over empty lists are checked too. Values are not formatted.
    std::vector<TemplateProblem> check_names(const TemplateValue& specimen) const;

    // Renders and returns the .docx bytes. Throws TemplateError listing
    // every problem: those of problems(), names the data lacks, data that is
    // null where a value is needed ("missing data: goals[2].indicators[1].men"),
    // values a filter cannot format. The output is deterministic: the same
    // template, data and settings give the same bytes.
    std::string render(const TemplateValue& data, const RenderSettings& settings = {}) const;

    struct Compiled;

private:
    std::shared_ptr<const Compiled> compiled_;
};

}  // namespace esfdraft::docx
