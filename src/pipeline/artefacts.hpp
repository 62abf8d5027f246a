// The application's documents from bytes to bytes: what the web service
// calls, and what `esfdraft build`, `draft` and `budget` are a file layer
// over (build.hpp). Nothing here opens a file the request names; the only
// files touched are the data folder's schemas, packs and default templates
// and a private temporary folder (see build_artefacts).
#pragma once

#include <optional>
#include <string>

#include "model/values.hpp"
#include "pipeline/pipeline.hpp"
#include "report/report.hpp"

namespace esfdraft::pipeline {

// Which application and version a service download is made from; the
// workbook carries it (see plan_with_workbook_budget).
struct WorkbookStamp {
    std::string application;
    int version = 0;
};

struct ArtefactRequest {
    NamedBytes plan;
    std::optional<NamedBytes> findings;       // the plan's preStudy/@findings is never opened
    std::optional<NamedBytes> template_docx;  // default: the programme's templates/application[-plus]-<lang>/
    std::optional<NamedBytes> logo;           // PNG or JPEG
    std::optional<std::string> lang;          // default: the plan's lang
    model::Date today;                        // "today" for the rules and the documents' date
    bool strict = false;                      // warnings count as errors in the report's verdict
    bool draft = true, workbook = true, report_html = true;  // which artefacts to make
    std::optional<WorkbookStamp> workbook_stamp;             // written into the workbook when given
};

struct Artefacts {
    report::ApplicationReport report;
    bool plan_loaded = false;                                           // false: X001/X002; no draft or workbook
    std::optional<std::string> draft_docx, workbook_xlsx, report_html;  // the bytes of each one made
};

// Checks the plan with `session` (after setting its "today" to
// request.today, so a long-lived session does not keep an old date) and makes the artefacts asked for, in
// memory. An application with errors still gets its draft (with markers for
// what is missing) and workbook; a plan that does not load (X001/X002) gets
// only the report. Messages name the inputs by their NamedBytes::name.
//
// libxlsxwriter (1.1.4 in Debian 12) can only write a workbook to a file
// name, and the docx module reads a logo only from a file: both go through
// a private folder (0700) under $TMPDIR, else /tmp, removed before this
// returns (and on SIGINT/SIGTERM/SIGHUP, see output_file.hpp).
//
// Throws ToolError for what stops the job: a broken template, a logo that is
// not a PNG or JPEG, a broken pack, an input larger than the input limit, a
// temporary folder that cannot be made. Safe to call from several threads
// at once with different sessions (a session is one thread's at a time).
Artefacts build_artefacts(const ArtefactRequest& request, CheckSession& session);

}  // namespace esfdraft::pipeline
