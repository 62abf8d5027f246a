// Building the application's documents: the draft (DOCX), the budget
// workbook (XLSX) and the completeness report, from one plan.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/values.hpp"
#include "pipeline/artefacts.hpp"
#include "report/report.hpp"

namespace esfdraft::pipeline {

enum class Output { draft, workbook, report };

struct BuildRequest {
    std::string plan;
    std::optional<std::string> findings_override;  // --findings
    std::optional<std::string>
        template_path;  // --template (a .docx); default: the programme's templates/application[-plus]-<lang>/
    std::optional<std::string> logo_path;  // --logo (PNG or JPEG)
    std::optional<std::string> lang;       // --lang; default: the plan's lang
    model::Date today;                     // --date: "today" for the rules and the documents' date
    bool strict = false;

    // What to write, each to its own path (see output_paths()).
    std::optional<std::string> draft_path;
    std::optional<std::string> workbook_path;
    std::optional<std::string> report_path;
};

struct BuildResult {
    report::ApplicationReport report;  // the findings (printed by the caller)
    std::vector<std::string> written;  // paths written, in order
    bool plan_loaded = false;          // false: X001/X002, nothing but the report was written
};

// The names `esfdraft build -o DIR` gives its outputs: DIR/<NAME>.docx,
// DIR/<NAME>.xlsx and DIR/<NAME>-rapport.html (-report.html in English), where
// NAME is the plan's acronym as written (å, ä, ö and spaces kept), with
// only the characters a file system refuses ('/', NUL, control characters,
// and \ : * ? " < > | for Windows) replaced by '-', cut to 100 bytes at a
// UTF-8 boundary and without spaces or dots at its end; when nothing is left
// (an empty acronym, one of only dots), the plan file's stem.
struct OutputPaths {
    std::string draft;
    std::string workbook;
    std::string report;
};
OutputPaths output_paths(const std::string& folder, const std::string& plan, const std::string& acronym,
                         const std::string& lang);

// The file layer over build_artefacts (artefacts.hpp): reads the input files
// (the plan's preStudy/@findings relative to the plan, see
// CheckSession::check), makes every requested output in memory, writes each
// to a temporary file beside its target (with the replaced file's mode, else
// 0666 less the umask; synced to the disk), and only then renames them all
// into place under a lock on their folder: a failure (a template error, a
// full disk) leaves earlier outputs as they were, and two builds into one
// folder leave the whole set of one of them.
// When the plan cannot be read into the model, only the report is written.
// An application with errors still gets its draft (with markers for what is
// missing) and workbook. Throws ToolError for everything that stops the job.
BuildResult build_application(const BuildRequest& request);

// `esfdraft build -o DIR`: like build_application with all three outputs
// named by output_paths(); DIR is created when missing (its parent must exist).
BuildResult build_into_folder(BuildRequest request, const std::string& folder);

// `esfdraft template export`: the default template for `lang` ("sv" or "en")
// and `programme` (esf-plus-2021-2027 has its own; any other gets the
// 2007–2013 one) written to `path` (whole or not at all). Throws ToolError.
void export_default_template(const std::string& path, const std::string& lang,
                             const std::string& programme = "esf-2007-2013");

struct TemplateCheck {
    std::vector<std::string> tags;    // every distinct tag, in document order
    std::vector<std::string> errors;  // each with its part, paragraph and nearby text
};
// `esfdraft template check`: the tags a template uses and all its errors.
// Throws ToolError when the file cannot be read as a template at all.
TemplateCheck check_template(const std::string& path, const std::string& lang);

}  // namespace esfdraft::pipeline
