// A plan whose budget is replaced by the one read back from its budget
// workbook, edited by a finance person: the service's "upload the workbook"
// (spec: POST …/versions with the part `budget`). The pipeline composes the
// modules for it: docx's zip reader unpacks the workbook (with the bounds
// templates get), xlsx reads the cost lines and financing from its sheets,
// load writes them into the plan's XML, and the result is checked like any
// upload before it is handed back.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "pipeline/artefacts.hpp"
#include "pipeline/pipeline.hpp"

namespace esfdraft::pipeline {

// A workbook, or the plan it would make, that the user must correct: the
// message in Swedish and English (what() is the English one), ready to show.
class WorkbookRejected : public std::runtime_error {
public:
    WorkbookRejected(const std::string& english, std::string swedish)
        : std::runtime_error(english), swedish_(std::move(swedish)) {}
    const std::string& swedish() const { return swedish_; }
    std::string message(std::string_view lang) const { return lang == "en" ? what() : swedish_; }

private:
    std::string swedish_;
};

// A workbook made from another version than the latest (its WorkbookStamp):
// storing it would quietly undo what the versions since changed.
class WorkbookStale : public WorkbookRejected {
public:
    WorkbookStale(const std::string& english, std::string swedish, int made_from)
        : WorkbookRejected(english, std::move(swedish)), made_from_(made_from) {}
    int made_from() const { return made_from_; }

private:
    int made_from_;
};

// `plan` (the bytes of the latest version) with the content of its <budget>
// replaced by the cost lines, financing sources and income lines of
// `workbook` (an .xlsx that esfdraft wrote, possibly edited and re-saved by
// Excel or LibreOffice); every byte outside the budget element is kept.
// The costs sheet's activity labels ("A1", xlsx::cost_activity_names) read
// as the ids of `plan`'s activities, the plan the workbook was made from.
// The result loads (no X001/X002) and its budget equals the workbook's.
//
// Throws WorkbookRejected when `plan` itself does not load, `workbook` is not
// a readable zip within the template bounds (size, entries, ratio), is not a
// budget workbook of esfdraft's layout or holds a cell that cannot be read
// (the message names the sheet and cell: "Kostnader!E7: …"), or the budget
// read makes a plan the schema refuses (the first such problem is named).
// Throws ToolError when the data folder's schemas are broken, or when the
// written plan does not read back as the budget read (a defect, never the
// user's). Uses `session` for the checks (its "today" as set).
//
// With `latest` (the application and number of the version `plan` is): a
// workbook stamped for another application is WorkbookRejected, one stamped
// for an earlier version WorkbookStale. A workbook without a stamp (made by
// the command line, or saved by a program that drops custom properties) is
// read as it is.
std::string plan_with_workbook_budget(const NamedBytes& plan, const NamedBytes& workbook, CheckSession& session,
                                      const std::optional<WorkbookStamp>& latest = std::nullopt);

}  // namespace esfdraft::pipeline
