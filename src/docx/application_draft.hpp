// The application draft: the default templates in templates/ (or a user's
// own .docx template) rendered with the application. What the pipeline and
// the `template` commands call; the engine underneath knows nothing about ESF.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "docx/application_view.hpp"
#include "docx/engine/template_engine.hpp"
#include "docx/engine/zip_package.hpp"
#include "model/application.hpp"

namespace esfdraft::docx {

// A logo as given: the name messages call it by (the user's file name) and
// its bytes, a PNG or JPEG.
struct Logo {
    std::string name;
    std::string bytes;
};

// Reads a logo file (at most 10 MiB); throws std::runtime_error naming it.
Logo read_logo_file(const std::string& path);

struct DraftOptions {
    std::string lang = "sv";   // "sv" or "en": the default template and every label
    model::Date date;          // the document date (core properties, "Utkast framställt …")
    std::optional<Logo> logo;  // for the {{%logo}} tag or placeholder picture
    // The programme whose default template is used (esf-plus-2021-2027:
    // templates/application-plus-<lang>/; any other: application-<lang>/).
    // nullopt: the application's own programme where there is one
    // (render_application_draft with no prepared template), else esf-2007-2013.
    std::optional<std::string> programme;
    std::optional<std::string> template_path;  // nullopt: the programme's default template under data_dir
    std::string data_dir;                      // holds templates/
    // SCB code -> name, for municipalities the plan gives by code alone (the
    // pipeline fills it from the municipality register); a code missing here
    // is shown as the code.
    std::map<std::string, std::string> municipality_names;
    // The check's sections and verdict, so that the draft's markers and cover
    // say what the report says (ApplicationViewOptions::check); the pipeline
    // fills it. nullopt: every section the plan leaves out is marked and the
    // cover states no verdict.
    std::optional<DraftCheck> check;
    std::optional<std::string> call_title;  // the call's title (the pack's), for the cover; nullopt: the plan's call id
    std::optional<std::string> area_name;   // the programme area's name (the pack's), in the draft's language
    std::optional<std::string> region_name;  // the region's name (the municipality register's)
};

// Renders the application draft and returns the .docx bytes (the caller
// writes them to a temporary file and renames it into place).
// Throws TemplateError (a std::runtime_error) listing every template problem
// with where it is: syntax, names the data does not have, missing data, a
// logo with no place for it. Throws std::runtime_error, naming the file, for
// an unreadable or hostile template, an unreadable or unsupported logo, an
// unknown language or a missing default template folder.
// A section the plan leaves out is not an error: the draft shows a marker
// such as "[Saknas: Jämställdhetsintegrering]" in its place.
std::string render_application_draft(const model::Application& application, const DraftOptions& options);

// A template read and compiled, ready to render: the two halves of
// render_application_draft, so that a caller may prepare the template while
// it is still checking the plan (the template does not depend on it).
struct DraftTemplate {
    std::string name;  // as messages give it: the user's path, or "application-<lang>" / "application-plus-<lang>"
    DocumentTemplate document;
};
// Reads and compiles options.template_path, or the default template for
// options.programme and options.lang. Throws as render_application_draft
// does for the template.
DraftTemplate load_draft_template(const DraftOptions& options);
// Renders with a template from load_draft_template.
std::string render_application_draft(const model::Application& application, const DraftOptions& options,
                                     const DraftTemplate& draft_template);

// The default template for `lang` ("sv" or "en") and a programme, zipped
// from the folder default_template_folder names, in a fixed entry order with
// fixed timestamps (`esfdraft template export`). Throws std::runtime_error
// when the language is unknown or the folder is missing. Any programme but
// esf-plus-2021-2027 (also an unknown one) gets the 2007–2013 template, as
// the plan format's first programme.
std::string default_template_bytes(const std::string& data_dir, const std::string& lang,
                                   const std::string& programme = "esf-2007-2013");

// The parts of a template kept unzipped in `folder` (every regular file
// below it, named by its path relative to the folder; editor droppings such
// as ".DS_Store", "x~" and ".#x" are skipped). For any document template a
// caller keeps in a folder, not only the application's. Throws
// std::runtime_error naming the folder when it is missing or unreadable, or
// a file is larger than 64 MiB.
Package template_folder_package(const std::string& folder);

// The default template's parts as default_template_bytes zips them.
Package default_template_package(const std::string& data_dir, const std::string& lang,
                                 const std::string& programme = "esf-2007-2013");

// The folder default_template_bytes zips: data_dir/templates/application-<lang>/,
// or application-plus-<lang>/ for esf-plus-2021-2027.
std::string default_template_folder(const std::string& data_dir, const std::string& lang,
                                    const std::string& programme = "esf-2007-2013");
// The folder's name alone ("application-plus-sv"): the template's name in messages.
std::string default_template_name(const std::string& lang, const std::string& programme);

struct TemplateReport {
    std::string name;                 // as given
    std::vector<std::string> tags;    // every distinct tag, in document order
    std::vector<std::string> errors;  // "word/document.xml, paragraph 14, near "…": unclosed section {{#goals}}"
    bool ok() const { return errors.empty(); }
};

// Checks a template without data (`esfdraft template check`): tag syntax and
// structure, and every name against what an application provides (also
// inside loops and false sections). Throws std::runtime_error, naming the
// template, when it cannot be read at all (not a zip, hostile archive,
// missing main document part, XML that is not well-formed).
TemplateReport check_template(std::string_view docx_bytes, const std::string& template_name,
                              const std::string& lang = "sv");
// Reads the file first; throws std::runtime_error when it cannot be read.
TemplateReport check_template_file(const std::string& path, const std::string& lang = "sv");

}  // namespace esfdraft::docx
