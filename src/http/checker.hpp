// Checks uploaded bytes and makes a version's outputs, for many request
// threads: CheckSession is for one thread at a time and fixes "today", so
// sessions are pooled and each check borrows one and sets its day.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "model/application.hpp"
#include "model/rule_pack.hpp"
#include "model/values.hpp"
#include "report/report.hpp"

namespace esfdraft::pipeline {
class CheckSession;
}

namespace esfdraft::http {

struct NamedUpload {
    std::string name;  // a plain file name, shown in the report ("plan.xml")
    std::string bytes;
};

struct UploadCheck {
    report::ApplicationReport report;
    std::optional<model::Application> application;  // nullopt when the plan did not load (X001/X002)
    // The names the pack gives the plan's programme and call (sv, en), for a
    // page to show instead of the ids; nullopt for an unknown one.
    std::optional<model::LocalizedName> programme_title;
    std::optional<model::LocalizedName> call_title;
    // The pack's cost categories with its names for them ("Personalkostnader"
    // in ESF+, "Lön personal" in 2007–2013); empty for an unknown pack.
    std::vector<model::CostCategoryRule> cost_categories;
    // The plan's rule pack (its areas, phases, gender categories, common
    // indicators, calls) for the editor's lists; nullptr for an unknown pack.
    std::shared_ptr<const model::RulePack> pack;
};

class Checker {
public:
    Checker();
    ~Checker();
    // Checks the plan with `findings` as its pre-study findings (the plan's
    // own preStudy/@findings is never opened). Throws pipeline::ToolError
    // when the data folder is broken.
    UploadCheck check(const NamedUpload& plan, const std::optional<NamedUpload>& findings, model::Date today);
    // The draft (DOCX) and the budget workbook (XLSX) of a plan; nullopt
    // when the plan does not load. `lang` empty: the plan's language.
    std::optional<std::string> draft(const NamedUpload& plan, const std::optional<NamedUpload>& findings,
                                     model::Date today, const std::string& lang);
    // The reviewer's assessment document of a plan, as DOCX (`docx`) or as
    // an HTML page, dated `today`; also for a plan that does not load (then
    // the formal part and its findings). `lang` empty: the plan's language.
    // Throws pipeline::ToolError when the data folder is broken.
    std::string assessment(const NamedUpload& plan, const std::optional<NamedUpload>& findings, model::Date today,
                           const std::string& lang, bool docx);
    // `application` and `version` are written into the workbook, so that an
    // edited copy uploaded later can be told from one of an older version.
    std::optional<std::string> workbook(const NamedUpload& plan, const std::optional<NamedUpload>& findings,
                                        model::Date today, const std::string& application, int version);
    // `plan` with its budget replaced by the one read back from `workbook`
    // (pipeline::plan_with_workbook_budget): throws pipeline::WorkbookRejected
    // for what the user must correct, pipeline::ToolError otherwise.
    // With `application` and `version` (those of `plan`), a workbook made for
    // another application or an earlier version is refused
    // (pipeline::WorkbookRejected, pipeline::WorkbookStale).
    // Every rule pack of the data folder (with its calls), read once, in
    // name order, and the municipality register (schemas/regions), for the
    // editor's lists. Throw pipeline::ToolError when the data folder is broken.
    const std::vector<std::shared_ptr<const model::RulePack>>& packs();
    const model::MunicipalityRegister& municipalities();

    std::string plan_with_budget(const NamedUpload& plan, const NamedUpload& workbook, model::Date today,
                                 const std::string& application, int version);

    struct Pool;

private:
    std::unique_ptr<Pool> pool_;
};

// A name safe to show and to use as a file name: the last path segment of
// what the client sent, with only letters, digits, '.', '-' and '_' kept;
// `fallback` when nothing is left.
std::string plain_file_name(const std::string& sent, const std::string& fallback);

// The summary stored with a version: counts and "ready" | "not-ready".
struct SummaryCounts {
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    std::string verdict;
};
SummaryCounts summarise(const report::ApplicationReport& report);

}  // namespace esfdraft::http
