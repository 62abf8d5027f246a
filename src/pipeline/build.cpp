#include "pipeline/build.hpp"

#include <exception>
#include <filesystem>
#include <future>

#include "docx/application_draft.hpp"
#include "pipeline/output_file.hpp"
#include "pipeline/pipeline.hpp"
#include "rules/terms.hpp"
#include "xlsx/budget_workbook.hpp"

namespace esfdraft::pipeline {

namespace fs = std::filesystem;

namespace {

bool plain_file_name(const std::string& name) {
    if (name.empty() || name.size() > 60) return false;
    for (char c : name)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    return true;
}

// The pack's and call's limits as the workbook shows them beside the key figures.
xlsx::BudgetLimits workbook_limits(const model::Application& application, const model::RulePack* pack) {
    xlsx::BudgetLimits limits;
    if (!pack) return limits;
    const rules::Terms terms = rules::resolve_terms(application, *pack);
    if (terms.max_esf_share) limits.max_esf_share_hundredths = terms.max_esf_share->value;
    if (terms.min_cofinancing) limits.min_cofinancing_share_hundredths = terms.min_cofinancing->value;
    if (terms.esf_ceiling) limits.esf_ceiling = terms.esf_ceiling->value;
    if (pack->indirect_max_share_of_staff) limits.max_indirect_share_of_staff_hundredths = pack->indirect_max_share_of_staff->value;
    limits.source_note = pack->name + (terms.call ? ", " + terms.call->name : std::string());
    return limits;
}

std::vector<std::string> input_files(const BuildRequest& request, const std::optional<model::Application>& application) {
    std::vector<std::string> inputs = {request.plan};
    if (request.findings_override) inputs.push_back(*request.findings_override);
    if (request.template_path) inputs.push_back(*request.template_path);
    if (request.logo_path) inputs.push_back(*request.logo_path);
    if (application && application->findings) inputs.push_back(application->findings->file);
    return inputs;
}

std::string render_report(const report::ApplicationReport& entry, const BuildRequest& request, const std::string& lang) {
    report::ReportOptions options;
    if (!report::parse_language(lang, options.language)) options.language = report::Language::sv;
    options.strict = request.strict;
    options.date = request.today.iso();
    return report::render_html({entry}, options);
}

// Does the work of build_application; `name_outputs` fills in the paths once
// the plan is loaded (build_into_folder names them after the acronym), and
// `writes_draft` says whether a draft will be written.
template <typename NameOutputs>
BuildResult build(BuildRequest request, bool writes_draft, NameOutputs name_outputs) {
    CheckSession session(request.today);
    docx::DraftOptions draft_options;
    draft_options.date = request.today;
    draft_options.logo_path = request.logo_path;
    draft_options.template_path = request.template_path;
    draft_options.data_dir = session.data_folder();
    // The template needs only the language: read and compile it on a second
    // core while the plan's findings are read and the rules run. (Here and
    // below, when no thread can be started the work is done when it is
    // needed, on this one: std::launch::deferred.)
    std::future<docx::DraftTemplate> draft_template;
    const auto prepare_template = [&](const model::Application& application) {
        if (!writes_draft) return;
        draft_options.lang = request.lang.value_or(application.lang);
        draft_template = std::async(std::launch::async | std::launch::deferred, docx::load_draft_template, draft_options);
    };
    CheckedPlan checked = session.check(request.plan, request.findings_override, prepare_template);
    name_outputs(request, checked);
    const std::string lang = request.lang.value_or(checked.application ? checked.application->lang : "sv");

    BuildResult result;
    result.plan_loaded = checked.application.has_value();
    const std::vector<std::string> inputs = input_files(request, checked.application);
    std::vector<PendingOutput> outputs;
    try {
        // The draft renders on a second thread while the workbook is written;
        // a problem with the draft is reported first, as it always was.
        std::future<std::string> draft;
        std::size_t draft_output = 0;
        if (checked.application && request.draft_path) {
            outputs.emplace_back(*request.draft_path, inputs);
            draft_output = outputs.size() - 1;
            draft_options.lang = lang;
            for (const model::Municipality& municipality : session.municipalities().municipalities)
                draft_options.municipality_names[municipality.code] = municipality.name;
            if (!draft_template.valid())
                draft_template = std::async(std::launch::deferred, docx::load_draft_template, draft_options);
            draft = std::async(std::launch::async | std::launch::deferred, [&] {
                return docx::render_application_draft(*checked.application, draft_options, draft_template.get());
            });
        }
        std::exception_ptr workbook_error;
        if (checked.application && request.workbook_path) {
            xlsx::WorkbookOptions options;
            options.lang = lang;
            options.date = request.today;
            options.limits = workbook_limits(*checked.application, checked.pack);
            outputs.emplace_back(*request.workbook_path, inputs);
            try {
                xlsx::write_budget_workbook(*checked.application, options, outputs.back().temporary_path());
            } catch (...) {
                workbook_error = std::current_exception();
            }
        }
        if (draft.valid()) {
            outputs[draft_output].write(draft.get());
        }
        if (workbook_error) std::rethrow_exception(workbook_error);
        if (request.report_path) {
            outputs.emplace_back(*request.report_path, inputs);
            outputs.back().write(render_report(checked.report, request, lang));
        }
    } catch (const ToolError&) {
        throw;
    } catch (const std::exception& error) {
        throw ToolError(error.what());
    }
    // Everything is ready: only now replace what was there before.
    for (PendingOutput& output : outputs) {
        output.commit();
        result.written.push_back(output.target());
    }
    result.report = std::move(checked.report);
    return result;
}

}  // namespace

OutputPaths output_paths(const std::string& folder, const std::string& plan, const std::string& acronym,
                         const std::string& lang) {
    const std::string name = plain_file_name(acronym) ? acronym : fs::path(plan).stem().string();
    const fs::path base(folder);
    return OutputPaths{(base / (name + ".docx")).string(), (base / (name + ".xlsx")).string(),
                       (base / (name + (lang == "en" ? "-report.html" : "-rapport.html"))).string()};
}

void export_default_template(const std::string& path, const std::string& lang) {
    std::string bytes;
    try {
        bytes = docx::default_template_bytes(data_dir(), lang);
    } catch (const std::exception& error) {
        throw ToolError(error.what());
    }
    write_file_atomically(path, bytes);
}

TemplateCheck check_template(const std::string& path, const std::string& lang) {
    try {
        docx::TemplateReport report = docx::check_template_file(path, lang);
        return TemplateCheck{std::move(report.tags), std::move(report.errors)};
    } catch (const std::exception& error) {
        throw ToolError(error.what());
    }
}

BuildResult build_application(const BuildRequest& request) {
    return build(request, request.draft_path.has_value(), [](BuildRequest&, const CheckedPlan&) {});
}

BuildResult build_into_folder(BuildRequest request, const std::string& folder) {
    std::error_code error;
    if (fs::exists(folder, error) && !fs::is_directory(folder, error))
        throw ToolError("cannot write into '" + folder + "': it is a file, not a folder");
    if (!fs::exists(folder, error)) {
        const fs::path parent = fs::path(folder).parent_path();
        if (!parent.empty() && !fs::is_directory(parent, error))
            throw ToolError("cannot create '" + folder + "': the folder '" + parent.string() + "' does not exist");
        fs::create_directory(folder, error);
        if (error) throw ToolError("cannot create '" + folder + "': " + error.message());
    }
    return build(std::move(request), true, [&](BuildRequest& named, const CheckedPlan& checked) {
        std::string acronym;
        std::string lang = named.lang.value_or("sv");
        if (checked.application) {
            if (checked.application->project.acronym) acronym = checked.application->project.acronym->value;
            lang = named.lang.value_or(checked.application->lang);
        }
        const OutputPaths paths = output_paths(folder, named.plan, acronym, lang);
        named.draft_path = paths.draft;
        named.workbook_path = paths.workbook;
        named.report_path = paths.report;
    });
}

}  // namespace esfdraft::pipeline
