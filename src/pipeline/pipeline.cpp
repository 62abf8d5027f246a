#include "pipeline/pipeline.hpp"

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "load/loader.hpp"
#include "load/rule_pack_reader.hpp"
#include "pipeline/output_file.hpp"
#include "pipeline/report_figures.hpp"
#include "rules/check.hpp"

#ifndef ESFDRAFT_SOURCE_DATA_DIR
#define ESFDRAFT_SOURCE_DATA_DIR "."
#endif

namespace esfdraft::pipeline {

namespace fs = std::filesystem;

namespace {

// Whether the schema refused an amount of the budget (it then counts as 0,
// so the budget's sums mean nothing).
bool unreadable_amount(const model::Findings& load_findings) {
    for (const model::Finding& finding : load_findings)
        if (finding.rule == "X002" && finding.message_id.rfind("X002.amount", 0) == 0 &&
            finding.where.path.rfind("/application/budget", 0) == 0)
            return true;
    return false;
}

// A plan the schema rejected in places is still checked; what the rules say
// about an element whose value the schema already refused is the same
// mistake again (B002 for category="travl" beside X002), and the budget's
// sums mean nothing while one of its amounts could not be read. Both are
// dropped, so one mistake gets one message.
model::Findings without_knock_on(model::Findings findings, const model::Findings& load_findings) {
    std::vector<std::string> refused_paths;
    for (const model::Finding& finding : load_findings)
        if (finding.rule == "X002") refused_paths.push_back(finding.where.path);
    if (refused_paths.empty()) return findings;
    const bool unreadable = unreadable_amount(load_findings);
    std::erase_if(findings, [&](const model::Finding& finding) {
        if (finding.rule.front() == 'X') return false;
        if (unreadable)
            if (const model::RuleDefinition* rule = model::find_rule_definition(finding.rule); rule && rule->over_sums)
                return true;
        return !finding.where.path.empty() &&
               std::find(refused_paths.begin(), refused_paths.end(), finding.where.path) != refused_paths.end();
    });
    return findings;
}

bool looks_like_plan(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    char buffer[4096];
    in.read(buffer, sizeof buffer);
    const std::string_view head(buffer, static_cast<std::size_t>(in.gcount()));
    return head.find("urn:esfdraft:plan:1") != std::string_view::npos;
}

// Where a message about preStudy/@findings points: "FILE:LINE" of the
// preStudy element, or the plan's file when the element has no place.
std::string pre_study_place(const model::Application& application) {
    const model::SourceLocation& where = application.project.pre_study->where;
    if (where.file.empty()) return application.file;
    return where.file + (where.line > 0 ? ":" + std::to_string(where.line) : "");
}

// The findings file the file layer reads: `findings_override` when given,
// else the plan's preStudy/@findings, relative to the plan's folder. A plan
// is data from someone else: its @findings may name only a file at or below
// its own folder (checked on the path as written, after removing "." and
// "..", so a symlink inside the folder still works). Empty: no findings file.
std::string resolve_findings_path(const model::Application& application,
                                  const std::optional<std::string>& findings_override) {
    if (findings_override) return *findings_override;
    if (!application.project.pre_study || !application.project.pre_study->findings_path) return {};
    const std::string& named = *application.project.pre_study->findings_path;
    const fs::path relative = fs::path(named).lexically_normal();
    const bool outside = relative.is_absolute() || relative.has_root_name() || relative.has_root_directory() ||
                         (!relative.empty() && *relative.begin() == "..");
    if (outside) {
        const std::string place = pre_study_place(application);
        throw ToolError(model::Said(
            place + ": preStudy/@findings pekar på '" + named +
                "', som inte ligger i planens mapp, och esfdraft läser ingen fil utanför den för att en plan ber om "
                "det: "
                "ange resultatfilen med --findings, eller lägg den bredvid planen",
            place + ": preStudy/@findings names '" + named +
                "', which is not in the plan's folder, and esfdraft reads no file outside it on a plan's word: "
                "give the findings file with --findings, or put it beside the plan"));
    }
    return (fs::path(application.file).parent_path() / relative).lexically_normal().string();
}

}  // namespace

std::string data_dir() {
    if (const char* configured = std::getenv("ESFDRAFT_DATA_DIR"); configured && *configured) return configured;
    std::error_code error;
    const fs::path self = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path installed = self.parent_path().parent_path() / "share" / "esfdraft";
        if (fs::is_directory(installed / "schemas", error)) return installed.string();
    }
    return ESFDRAFT_SOURCE_DATA_DIR;
}

model::Date resolve_today(const std::optional<std::string>& fixed) {
    if (fixed) {
        const auto date = model::parse_date(*fixed);
        if (!date || !date->valid())
            throw ToolError(model::Said("--date vill ha ett riktigt datum som ÅÅÅÅ-MM-DD, inte '" + *fixed + "'",
                                        "--date expects a real date as YYYY-MM-DD, got '" + *fixed + "'"));
        return *date;
    }
    std::int64_t seconds = 0;
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char* end = nullptr;
        const long long value = std::strtoll(epoch, &end, 10);
        if (*end != '\0' || value < 0)
            throw ToolError(
                model::Said(std::string("SOURCE_DATE_EPOCH ska vara hela sekunder sedan 1970, inte '") + epoch + "'",
                            std::string("SOURCE_DATE_EPOCH must be whole seconds since 1970, got '") + epoch + "'"));
        seconds = value;
    } else {
        seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                      .count();
    }
    return model::Date::from_days_since_epoch(seconds / 86400);
}

std::vector<std::string> expand_plan_arguments(const std::vector<std::string>& arguments) {
    std::vector<std::string> plans;
    for (const std::string& argument : arguments) {
        std::error_code error;
        if (fs::is_directory(argument, error)) {
            std::vector<std::string> found;
            for (auto it =
                     fs::recursive_directory_iterator(argument, fs::directory_options::skip_permission_denied, error);
                 !error && it != fs::recursive_directory_iterator(); it.increment(error))
                if (it->is_regular_file() && it->path().extension() == ".xml" && looks_like_plan(it->path()))
                    found.push_back(it->path().string());
            if (found.empty())
                throw ToolError(model::Said("kan inte kontrollera '" + argument +
                                                "': mappen innehåller inga planfiler (*.xml med urn:esfdraft:plan:1)",
                                            "cannot check '" + argument +
                                                "': the folder holds no plan files (*.xml with urn:esfdraft:plan:1)"));
            std::sort(found.begin(), found.end());
            plans.insert(plans.end(), found.begin(), found.end());
        } else if (fs::exists(argument, error)) {
            plans.push_back(argument);
        } else {
            throw ToolError(model::Said("kan inte läsa '" + argument + "': filen finns inte",
                                        "cannot read '" + argument + "': no such file"));
        }
    }
    return plans;
}

CheckSession::CheckSession(model::Date today)
    : data_dir_(data_dir()),
      loader_(std::make_unique<load::Loader>(data_dir_ + "/schemas")),
      packs_(std::make_unique<load::RulePackLibrary>(data_dir_ + "/schemas")),
      today_(today) {}

CheckSession::~CheckSession() = default;

CheckedPlan CheckSession::check(const std::string& plan, const std::optional<std::string>& findings_override) {
    return check(plan, findings_override, {});
}

CheckedPlan CheckSession::check(const std::string& plan, const std::optional<std::string>& findings_override,
                                const std::function<void(const model::Application&)>& on_loaded) {
    std::optional<std::string> findings_file;
    CheckedPlan checked = check_loaded(
        plan, [&] { return loader_->load_plan(plan); },
        [&](const model::Application& application) -> std::optional<load::FindingsLoad> {
            const std::string findings_path = resolve_findings_path(application, findings_override);
            if (findings_path.empty()) return std::nullopt;
            findings_file = findings_path;
            std::error_code error;
            if (!findings_override && !fs::exists(findings_path, error)) {
                // Said at the attribute that names it, so the user knows which line to correct.
                const std::string place = pre_study_place(application);
                const std::string& named = *application.project.pre_study->findings_path;
                throw ToolError(model::Said(
                    place + ": preStudy/@findings pekar på '" + named + "', men det finns ingen fil '" + findings_path +
                        "': lägg förstudiens resultatfil där, rätta sökvägen eller ange den med --findings",
                    place + ": preStudy/@findings names '" + named + "', but there is no file '" + findings_path +
                        "': put the pre-study's findings file there, correct the path, or give it with --findings"));
            }
            return loader_->load_findings(findings_path);
        },
        on_loaded);
    checked.findings_file = std::move(findings_file);
    return checked;
}

CheckedPlan CheckSession::check_bytes(const NamedBytes& plan, const std::optional<NamedBytes>& findings) {
    return check_bytes(plan, findings, {});
}

CheckedPlan CheckSession::check_bytes(const NamedBytes& plan, const std::optional<NamedBytes>& findings,
                                      const std::function<void(const model::Application&)>& on_loaded) {
    return check_loaded(
        plan.name, [&] { return loader_->load_plan_bytes(plan.bytes, plan.name); },
        // Only the buffer given: the plan's @findings names a file on someone else's machine.
        [&](const model::Application&) -> std::optional<load::FindingsLoad> {
            if (!findings) return std::nullopt;
            return loader_->load_findings_bytes(findings->bytes, findings->name);
        },
        on_loaded);
}

CheckedPlan CheckSession::check_loaded(
    const std::string& name, const std::function<load::PlanLoad()>& load_plan,
    const std::function<std::optional<load::FindingsLoad>(const model::Application&)>& load_findings,
    const std::function<void(const model::Application&)>& on_loaded) {
    try {
        rules::CheckContext context{today_, &packs_->municipalities(), nullptr};
        CheckedPlan checked;
        report::ApplicationReport& entry = checked.report;
        entry.file = name;
        load::PlanLoad loaded = load_plan();
        entry.findings = std::move(loaded.findings);
        if (!loaded.application) return checked;
        model::Application& application = *loaded.application;
        if (on_loaded) on_loaded(application);
        entry.title = application.project.title.value;
        entry.programme = application.programme;
        if (std::optional<load::FindingsLoad> study = load_findings(application)) {
            entry.findings.insert(entry.findings.end(), study->problems.begin(), study->problems.end());
            application.findings = std::move(study->findings);
        }
        checked.pack = packs_->find(application.programme);
        // The terms once: the check applies them, the key figures and the workbook show them.
        const rules::Terms terms = checked.pack ? rules::resolve_terms(application, *checked.pack) : rules::Terms{};
        context.terms = &terms;
        checked.limits = std::make_shared<const AppliedLimits>(applied_limits(terms, checked.pack));
        entry.sections = rules::report_sections(application, checked.pack);
        add_key_figures(entry, application, checked.pack, *checked.limits);
        if (unreadable_amount(entry.findings)) entry.key_figures.reset();  // its sums mean nothing, as for the rules
        model::Findings findings =
            without_knock_on(rules::check_application(application, checked.pack, context), entry.findings);
        entry.findings.insert(entry.findings.end(), findings.begin(), findings.end());
        checked.application = std::move(application);
        return checked;
    } catch (const load::LoadError& error) {
        throw ToolError(error.said());
    }
}

const model::MunicipalityRegister& CheckSession::municipalities() {
    try {
        return packs_->municipalities();
    } catch (const load::LoadError& error) {
        throw ToolError(error.said());
    }
}

model::Said named_after(const std::string& plan, model::Said message) {
    for (std::string* text : {&message.sv, &message.en})
        if (text->rfind(plan, 0) != 0) *text = plan + ": " + *text;
    return message;
}

CheckOutcome check_plans(const CheckRequest& request) {
    CheckOutcome outcome;
    // Schemas, packs and the municipality register are read once per run, not per plan.
    CheckSession session(request.today);
    for (const std::string& plan : request.plans) {
        outcome.inputs.push_back(plan);
        // Whatever the plan's findings file turns out to be, it is an input
        // (an output must never replace it, even when it could not be read).
        if (request.findings_override) outcome.inputs.push_back(*request.findings_override);
        try {
            CheckedPlan checked = session.check(plan, request.findings_override);
            if (checked.findings_file) outcome.inputs.push_back(*checked.findings_file);
            outcome.reports.push_back(std::move(checked.report));
        } catch (const ToolError& error) {
            // The plan's own problem (a broken data folder fails every plan alike).
            outcome.failures.push_back(PlanFailure{plan, named_after(plan, error.said())});
        }
    }
    return outcome;
}

RulesListing list_rules(const std::optional<std::string>& pack_name) {
    try {
        load::RulePackLibrary packs(data_dir() + "/schemas");
        RulesListing listing;
        listing.pack_names = packs.pack_names();
        if (pack_name) {
            const model::RulePack* pack = packs.find(*pack_name);
            if (!pack) {
                const std::string known = model::join(listing.pack_names);
                throw ToolError(model::Said("det finns inget regelpaket '" + *pack_name + "'; paketen är: " + known,
                                            "there is no rule pack '" + *pack_name + "'; the packs are: " + known));
            }
            listing.pack = *pack;
        }
        return listing;
    } catch (const load::LoadError& error) {
        throw ToolError(error.said());
    }
}

void write_file_atomically(const std::string& path, const std::string& bytes, const std::vector<std::string>& inputs) {
    std::vector<PendingOutput> outputs;
    outputs.emplace_back(path, inputs);
    outputs.back().write(bytes);
    commit_together(outputs);
}

}  // namespace esfdraft::pipeline
