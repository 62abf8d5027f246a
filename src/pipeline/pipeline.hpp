// The one place that orders the steps for each use case; the CLI (and later
// the HTTP service) are thin layers over it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/application.hpp"
#include "model/rule_pack.hpp"
#include "model/said.hpp"
#include "model/values.hpp"
#include "report/report.hpp"

namespace esfdraft::load {
class Loader;
class RulePackLibrary;
struct PlanLoad;
struct FindingsLoad;
}  // namespace esfdraft::load

namespace esfdraft::pipeline {

struct AppliedLimits;  // report_figures.hpp

// Thrown when the tool cannot do its job (exit status 2): bad usage, an
// unreadable file, a missing schema. The message is ready for the user, in
// Swedish and English (what() is the English one); a message that comes
// from elsewhere untranslated (a broken data folder) is the same in both.
class ToolError : public model::SaidError {
public:
    using model::SaidError::SaidError;
};

// The folder holding schemas/ and templates/: $ESFDRAFT_DATA_DIR when set,
// else <binary>/../share/esfdraft when it exists, else the source tree the
// binary was built from.
std::string data_dir();

// "Today" for the date rules: `fixed` when given (--date), else
// $SOURCE_DATE_EPOCH when set, else the system clock (UTC).
// Throws ToolError for a malformed --date or SOURCE_DATE_EPOCH.
model::Date resolve_today(const std::optional<std::string>& fixed);

// Expands the command line's PLAN arguments: files as given; a folder gives
// every *.xml below it (sorted) whose root is a plan (urn:esfdraft:plan:1).
// Throws ToolError for a path that does not exist or a folder with no plans.
std::vector<std::string> expand_plan_arguments(const std::vector<std::string>& arguments);

struct CheckRequest {
    std::vector<std::string> plans;                // already expanded
    std::optional<std::string> findings_override;  // --findings (only with one plan)
    model::Date today;
};

// A plan of a batch that could not be checked at all (its findings file is
// missing, a file is too large, it names a findings file outside its folder).
struct PlanFailure {
    std::string plan;
    model::Said message;  // ready for the user; starts with the plan's name
};

// `message` with "PLAN: " in front unless it already starts with the plan's name.
model::Said named_after(const std::string& plan, model::Said message);

struct CheckOutcome {
    std::vector<report::ApplicationReport> reports;  // the plans that were checked, in order
    std::vector<PlanFailure> failures;               // the plans that could not be, in order
    std::vector<std::string> inputs;                 // every file read: the plans and their findings files
};

// Loads and checks every plan; one report entry per plan that could be
// read, in order. A plan that cannot be read at all (missing, too large, its
// findings file missing) does not stop the others: it is a PlanFailure.
// Throws ToolError only when nothing can be checked (the data folder's
// schemas or a rule pack are broken).
CheckOutcome check_plans(const CheckRequest& request);

// A file's content in memory (an upload, a database row). `name` is what
// findings and messages call the file; nothing is ever opened by it.
struct NamedBytes {
    std::string name;
    std::string bytes;
};

// One plan after loading and checking.
struct CheckedPlan {
    report::ApplicationReport report;
    std::optional<model::Application> application;  // nullopt when the plan did not load
    const model::RulePack* pack = nullptr;          // the plan's rule pack, when it exists
    // The limits in force, resolved once for the check, the report's key
    // figures and the budget workbook; null when the plan did not load.
    std::shared_ptr<const AppliedLimits> limits;
    // The findings file opened for the plan (check() only), also when it
    // turned out unreadable or invalid: an output must never replace it.
    std::optional<std::string> findings_file;
};

// Everything the checks read once per run (schemas, rule packs, the
// municipality register), for checking one plan after another.
//
// Threads: a CheckSession is used by one thread at a time (it reads schemas
// and packs lazily into itself and does not lock); a server keeps one per
// thread. Several CheckSessions in one process share no mutable state and
// may run at the same time.
class CheckSession {
public:
    // Throws ToolError when the data folder's schemas are missing or broken
    // (they are read lazily, so this is reported by the first check()).
    explicit CheckSession(model::Date today);
    ~CheckSession();
    CheckSession(const CheckSession&) = delete;
    CheckSession& operator=(const CheckSession&) = delete;

    // Loads the plan (and its findings file: `findings_override`, else the one
    // the plan names in preStudy/@findings, relative to the plan's folder) and
    // checks it. A @findings that is absolute or leaves the plan's folder
    // through ".." is refused with ToolError unless `findings_override` is
    // given (then @findings is not looked at): a plan must not make esfdraft
    // read files elsewhere. `application` is empty when the plan
    // could not be read into the model (X001/X002). Throws ToolError when a
    // file cannot be read at all or a pack is broken.
    CheckedPlan check(const std::string& plan, const std::optional<std::string>& findings_override);
    // The same; `on_loaded` is called once the plan is read into the model,
    // before its findings file is read and the rules run, so that a caller
    // can start work that needs only the plan (build prepares the template).
    CheckedPlan check(const std::string& plan, const std::optional<std::string>& findings_override,
                      const std::function<void(const model::Application&)>& on_loaded);
    // The same for a plan in memory, with the findings file `findings` when
    // given. The plan's preStudy/@findings is never opened (nor is any other
    // file named by the plan): without `findings`, no findings are loaded.
    // Throws ToolError when a buffer is larger than the input limit or a pack
    // is broken.
    CheckedPlan check_bytes(const NamedBytes& plan, const std::optional<NamedBytes>& findings);
    CheckedPlan check_bytes(const NamedBytes& plan, const std::optional<NamedBytes>& findings,
                            const std::function<void(const model::Application&)>& on_loaded);
    const model::MunicipalityRegister& municipalities();
    // "Today" for the date rules of the checks from now on.
    void set_today(model::Date today) { today_ = today; }
    model::Date today() const { return today_; }
    const std::string& data_folder() const { return data_dir_; }

private:
    CheckedPlan check_loaded(
        const std::string& name, const std::function<load::PlanLoad()>& load_plan,
        const std::function<std::optional<load::FindingsLoad>(const model::Application&)>& load_findings,
        const std::function<void(const model::Application&)>& on_loaded);

    std::string data_dir_;
    std::unique_ptr<load::Loader> loader_;
    std::unique_ptr<load::RulePackLibrary> packs_;
    model::Date today_;
};

// What `esfdraft rules` shows: the packs there are and, when one is named,
// that pack with its calls. Throws ToolError for an unknown or broken pack.
struct RulesListing {
    std::vector<std::string> pack_names;
    std::optional<model::RulePack> pack;
};
RulesListing list_rules(const std::optional<std::string>& pack_name);

// Writes `bytes` to a temporary file beside `path` and renames it into
// place, so a reader never sees half a file. Refuses to replace any of
// `inputs` (compared as the same file, not as strings). Throws ToolError.
void write_file_atomically(const std::string& path, const std::string& bytes,
                           const std::vector<std::string>& inputs = {});

}  // namespace esfdraft::pipeline
