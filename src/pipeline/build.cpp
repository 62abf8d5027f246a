#include "pipeline/build.hpp"

#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <iterator>
#include <string_view>

#include "docx/application_draft.hpp"
#include "docx/engine/image_formats.hpp"
#include "pipeline/artefacts.hpp"
#include "pipeline/output_file.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/report_figures.hpp"
#include "pipeline/workbook_options.hpp"
#include "report/report.hpp"
#include "xlsx/budget_workbook.hpp"

namespace esfdraft::pipeline {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t max_output_name_bytes = 100;  // the suffixes (-rapport.html) stay far below NAME_MAX (255)

// The acronym as a file name: kept as written (å, ä, ö, spaces and all),
// with only what a file system refuses, or Windows does, replaced by '-':
// '/', NUL and other control characters, and \ : * ? " < > |. Cut to
// max_output_name_bytes at a UTF-8 character boundary, without spaces or
// dots at its end (Windows drops them). Empty when nothing usable is left.
std::string file_name_from(const std::string& acronym) {
    std::string name;
    for (const char c : acronym) {
        const auto byte = static_cast<unsigned char>(c);
        const bool refused =
            byte < 0x20 || byte == 0x7F || std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos;
        name += refused ? '-' : c;
    }
    if (name.size() > max_output_name_bytes) {
        std::size_t cut = max_output_name_bytes;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0u) == 0x80u) --cut;  // not inside a character
        name.resize(cut);
    }
    while (!name.empty() && (name.back() == ' ' || name.back() == '.')) name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    return name;
}

// The pack's and call's limits as the workbook shows them beside the key
// figures: the ones the check resolved and the report shows (CheckedPlan::limits).
xlsx::BudgetLimits workbook_limits(const CheckedPlan& checked) {
    xlsx::BudgetLimits limits;
    const model::RulePack* pack = checked.pack;
    if (!pack || !checked.limits) return limits;
    const AppliedLimits& applied = *checked.limits;
    if (applied.max_esf_share) limits.max_esf_share_hundredths = applied.max_esf_share->value;
    if (applied.min_cofinancing) limits.min_cofinancing_share_hundredths = applied.min_cofinancing->value;
    if (applied.esf_ceiling) limits.esf_ceiling = applied.esf_ceiling->value;
    if (applied.max_indirect_share_of_staff)
        limits.max_indirect_share_of_staff_hundredths = applied.max_indirect_share_of_staff->value;
    limits.source_note = pack->name + (applied.call ? ", " + applied.call->name : std::string());
    return limits;
}

}  // namespace

std::vector<xlsx::CategoryChoice> workbook_categories(const model::RulePack& pack) {
    std::vector<xlsx::CategoryChoice> out;
    for (const model::CostCategoryRule& category : pack.cost_categories)
        out.push_back({category.code, category.name.sv, category.name.en});
    return out;
}

namespace {

constexpr std::uintmax_t max_template_file_bytes = 64ull << 20;  // as the docx module allows
constexpr std::uintmax_t max_logo_file_bytes = 10ull << 20;

// Reads an input file whole for the file layer; `what` names it in errors
// ("template 'x.docx'"), with the words the docx module used when it read
// these files itself.
std::string read_input_file(const std::string& path, const model::Said& what, std::uintmax_t limit) {
    const auto fail = [&](const std::string& why_sv, const std::string& why) {
        throw ToolError(model::Said(what.sv + ": " + why_sv, what.en + ": " + why));
    };
    std::error_code error;
    if (!fs::is_regular_file(path, error)) fail("filen finns inte", "no such file");
    const std::uintmax_t size = fs::file_size(path, error);
    if (error) fail("kan inte läsas: " + error.message(), "cannot read: " + error.message());
    if (size > limit)
        fail("större än " + std::to_string(limit >> 20) + " MiB",
             "larger than " + std::to_string(limit >> 20) + " MiB");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail("kan inte öppnas", "cannot be opened");
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) fail("läsfel", "read error");
    return bytes;
}

std::string read_back(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in.good() && !in.eof())
        throw ToolError(model::Said("kan inte läsa tillbaka budgetarbetsboken från '" + path + "'",
                                    "cannot read back the budget workbook from '" + path + "'"));
    return bytes;
}

std::string render_report(const report::ApplicationReport& entry, const ArtefactRequest& request,
                          const std::string& lang) {
    report::ReportOptions options;
    if (!report::parse_language(lang, options.language)) options.language = report::Language::sv;
    options.strict = request.strict;
    options.date = request.today.iso();
    return report::render_html({entry}, options);
}

// What the draft needs of the report to agree with it: the sections the
// report flags as missing or empty (S001, A001, S006; S005 for the English
// summary) get a marker, and the cover states the same verdict.
docx::DraftCheck draft_check(const report::ApplicationReport& checked, bool strict) {
    docx::DraftCheck out;
    for (const model::Finding& finding : checked.findings) {
        if (finding.rule == "S001" || finding.rule == "A001" || finding.rule == "S006")
            out.flagged_sections.insert(finding.section);
        if (finding.rule == "S005") out.flagged_sections.insert("summary_en");
    }
    const report::Tally counts = report::tally(checked.findings);
    out.errors = counts.errors + (strict ? counts.warnings : 0);
    out.ready = report::ready_to_submit(checked.findings, strict);
    return out;
}

using OnLoaded = std::function<void(const model::Application&)>;
// How the plan (with its findings) is checked: from bytes or from files.
using CheckStep = std::function<CheckedPlan(const OnLoaded&)>;
// An optional input read when it is needed, perhaps on the second thread.
using InputStep = std::function<std::optional<NamedBytes>()>;

struct Made {
    Artefacts artefacts;
    std::string acronym;                       // empty when the plan has none or did not load
    std::string lang;                          // the documents' language
    std::optional<std::string> findings_file;  // the findings file the application was checked with
};

// The template: the one given, else the default for options.lang.
docx::DraftTemplate load_template(const InputStep& read_template, const docx::DraftOptions& options) {
    std::optional<NamedBytes> given = read_template();
    if (!given) return docx::load_draft_template(options);
    return docx::DraftTemplate{given->name, docx::DocumentTemplate::load(given->bytes, given->name)};
}

// The draft, with the logo's bytes as given (its name in messages).
std::string render_draft(const model::Application& application, docx::DraftOptions options,
                         const docx::DraftTemplate& draft_template, const std::optional<NamedBytes>& logo) {
    if (logo) {
        if (!docx::probe_image(logo->bytes))
            throw ToolError(model::Said("logotypen '" + logo->name + "': ingen PNG- eller JPEG-bild",
                                        "logo '" + logo->name + "': not a PNG or JPEG image"));
        options.logo = docx::Logo{logo->name, logo->bytes};
    }
    return docx::render_application_draft(application, options, draft_template);
}

// What the draft needs from the check: its language and programme, the
// municipalities' names, the verdict and the call's title.
void complete_draft_options(docx::DraftOptions& draft_options, const ArtefactRequest& request, CheckSession& session,
                            const CheckedPlan& checked, const std::string& lang) {
    draft_options.lang = lang;
    draft_options.programme = checked.application->programme;
    for (const model::Municipality& municipality : session.municipalities().municipalities)
        draft_options.municipality_names[municipality.code] = municipality.name;
    draft_options.check = draft_check(checked.report, request.strict);
    if (checked.pack && checked.application->call)
        if (const model::Call* call = checked.pack->find_call(*checked.application->call))
            draft_options.call_title = lang == "en" ? call->title.en : call->title.sv;
    if (checked.pack)
        if (const model::ProgrammeArea* area =
                checked.pack->find_area(checked.application->project.programme_area.value))
            draft_options.area_name = lang == "en" ? area->name.en : area->name.sv;
    if (const model::Region* region = session.municipalities().find_region(checked.application->project.region.value))
        draft_options.region_name = region->name;
}

// The workbook's options: its language and date, the limits, the stamp of
// the service's version, the region's name, and the pack's categories,
// titles and flat rates.
xlsx::WorkbookOptions workbook_options(const ArtefactRequest& request, CheckSession& session,
                                       const CheckedPlan& checked, const std::string& lang) {
    xlsx::WorkbookOptions options;
    options.lang = lang;
    options.date = request.today;
    options.limits = workbook_limits(checked);
    if (request.workbook_stamp)
        options.source = xlsx::WorkbookSource{request.workbook_stamp->application, request.workbook_stamp->version};
    if (const model::Region* region = session.municipalities().find_region(checked.application->project.region.value))
        options.region_name = region->name;
    if (checked.pack) {
        options.categories = workbook_categories(*checked.pack);
        options.programme_title = checked.pack->title;
        if (checked.application->call)
            if (const model::Call* call = checked.pack->find_call(*checked.application->call))
                options.call_title = call->title;
        if (const model::ProgrammeArea* area =
                checked.pack->find_area(checked.application->project.programme_area.value))
            options.area_title = area->name;
        if (const auto* model = checked.pack->find_cost_model("indirect-flat-rate"); model && model->rate)
            options.indirect_flat_rate_hundredths = *model->rate;
        if (const auto* model = checked.pack->find_cost_model("remaining-flat-rate"); model && model->rate)
            options.remaining_flat_rate_hundredths = *model->rate;
    }
    return options;
}

// The one build: check, then the draft, the workbook and the report in memory.
Made make(const ArtefactRequest& request, CheckSession& session, const CheckStep& check, const InputStep& read_template,
          const InputStep& read_logo) {
    session.set_today(request.today);
    docx::DraftOptions draft_options;
    draft_options.date = request.today;
    draft_options.data_dir = session.data_folder();
    // The template needs only the language and the programme: read and compile it on a second
    // core while the plan's findings are read and the rules run. (Here and
    // below, when no thread can be started the work is done when it is
    // needed, on this one: std::launch::deferred.)
    std::future<docx::DraftTemplate> draft_template;
    const auto prepare_template = [&](const model::Application& application) {
        if (!request.draft) return;
        draft_options.lang = request.lang.value_or(application.lang);
        draft_options.programme = application.programme;
        draft_template = std::async(std::launch::async | std::launch::deferred, load_template, std::cref(read_template),
                                    draft_options);
    };
    CheckedPlan checked = check(prepare_template);

    Made made;
    made.lang = request.lang.value_or(checked.application ? checked.application->lang : "sv");
    if (checked.application) {
        if (checked.application->project.acronym) made.acronym = checked.application->project.acronym->value;
    }
    // Also a findings file that turned out invalid: it is still an input.
    if (checked.findings_file)
        made.findings_file = checked.findings_file;
    else if (checked.application && checked.application->findings)
        made.findings_file = checked.application->findings->file;
    Artefacts& artefacts = made.artefacts;
    artefacts.plan_loaded = checked.application.has_value();
    try {
        // The draft renders on a second thread while the workbook is written;
        // a problem with the draft is reported first, as it always was.
        std::future<std::string> draft;
        if (checked.application && request.draft) {
            complete_draft_options(draft_options, request, session, checked, made.lang);
            if (!draft_template.valid())
                draft_template =
                    std::async(std::launch::deferred, load_template, std::cref(read_template), draft_options);
            draft = std::async(std::launch::async | std::launch::deferred, [&] {
                const docx::DraftTemplate prepared = draft_template.get();
                return render_draft(*checked.application, draft_options, prepared, read_logo());
            });
        }
        std::exception_ptr workbook_error;
        if (checked.application && request.workbook) {
            const xlsx::WorkbookOptions options = workbook_options(request, session, checked, made.lang);
            try {
                // libxlsxwriter 1.1.4 (Debian 12) writes only to a file name
                // (no output_buffer before 1.1.5): a private file, read back.
                // Its own temporary files go into the same folder, so a full
                // or unwritable output folder never reaches it.
                PrivateFolder folder;
                const std::string path = folder.file("budget.xlsx");
                xlsx::write_budget_workbook(*checked.application, options, path);
                artefacts.workbook_xlsx = read_back(path);
            } catch (...) {
                workbook_error = std::current_exception();
            }
        }
        if (draft.valid()) artefacts.draft_docx = draft.get();
        if (workbook_error) std::rethrow_exception(workbook_error);
        if (request.report_html) artefacts.report_html = render_report(checked.report, request, made.lang);
    } catch (const ToolError&) {
        throw;
    } catch (const docx::TemplateError& error) {
        // Every problem, in place order, in the documents' language (as template check lists them).
        throw ToolError(docx::problems_text(error, made.lang));
    } catch (const std::exception& error) {
        throw ToolError(model::said_of(error));
    }
    artefacts.report = std::move(checked.report);
    return made;
}

std::vector<std::string> input_files(const BuildRequest& request, const Made& made) {
    std::vector<std::string> inputs = {request.plan};
    if (request.findings_override) inputs.push_back(*request.findings_override);
    if (request.template_path) inputs.push_back(*request.template_path);
    if (request.logo_path) inputs.push_back(*request.logo_path);
    if (made.findings_file) inputs.push_back(*made.findings_file);
    return inputs;
}

// The file layer of build_application and build_into_folder: reads the
// inputs (the plan's @findings relative to the plan, by CheckSession::check),
// makes the artefacts, then writes them all and renames them together.
// `name_outputs` fills in the paths once the plan is loaded (build_into_folder
// names them after the acronym).
template <typename NameOutputs>
BuildResult build(BuildRequest request, bool draft, bool workbook, bool report_html, NameOutputs name_outputs) {
    CheckSession session(request.today);
    ArtefactRequest wanted;
    wanted.plan.name = request.plan;
    wanted.lang = request.lang;
    wanted.today = request.today;
    wanted.strict = request.strict;
    wanted.draft = draft;
    wanted.workbook = workbook;
    wanted.report_html = report_html;
    const CheckStep check = [&](const OnLoaded& on_loaded) {
        return session.check(request.plan, request.findings_override, on_loaded);
    };
    const InputStep read_template = [&]() -> std::optional<NamedBytes> {
        if (!request.template_path) return std::nullopt;
        const std::string& path = *request.template_path;
        return NamedBytes{path, read_input_file(path, model::Said("mallen '" + path + "'", "template '" + path + "'"),
                                                max_template_file_bytes)};
    };
    const InputStep read_logo = [&]() -> std::optional<NamedBytes> {
        if (!request.logo_path) return std::nullopt;
        const std::string& path = *request.logo_path;
        return NamedBytes{path, read_input_file(path, model::Said("logotypen '" + path + "'", "logo '" + path + "'"),
                                                max_logo_file_bytes)};
    };
    Made made = make(wanted, session, check, read_template, read_logo);
    name_outputs(request, made);

    const std::vector<std::string> inputs = input_files(request, made);
    std::vector<PendingOutput> outputs;
    const auto stage = [&](const std::optional<std::string>& path, const std::optional<std::string>& bytes) {
        if (!path || !bytes) return;
        outputs.emplace_back(*path, inputs);
        outputs.back().write(*bytes);
    };
    stage(request.draft_path, made.artefacts.draft_docx);
    stage(request.workbook_path, made.artefacts.workbook_xlsx);
    stage(request.report_path, made.artefacts.report_html);
    // Everything is ready: only now replace what was there before.
    commit_together(outputs);
    BuildResult result;
    for (const PendingOutput& output : outputs) result.written.push_back(output.target());
    result.plan_loaded = made.artefacts.plan_loaded;
    result.report = std::move(made.artefacts.report);
    return result;
}

}  // namespace

OutputPaths output_paths(const std::string& folder, const std::string& plan, const std::string& acronym,
                         const std::string& lang) {
    // Only dots or nothing usable ("", "..", "   "): the plan file's own name.
    std::string name = file_name_from(acronym);
    if (name.empty()) name = fs::path(plan).stem().string();
    const fs::path base(folder);
    return OutputPaths{(base / (name + ".docx")).string(), (base / (name + ".xlsx")).string(),
                       (base / (name + (lang == "en" ? "-report.html" : "-rapport.html"))).string()};
}

void export_default_template(const std::string& path, const std::string& lang, const std::string& programme) {
    std::string bytes;
    try {
        bytes = docx::default_template_bytes(data_dir(), lang, programme);
    } catch (const std::exception& error) {
        throw ToolError(model::said_of(error));
    }
    write_file_atomically(path, bytes);
}

TemplateCheck check_template(const std::string& path, const std::string& lang) {
    try {
        docx::TemplateReport report = docx::check_template_file(path, lang);
        return TemplateCheck{std::move(report.tags), std::move(report.errors)};
    } catch (const std::exception& error) {
        throw ToolError(model::said_of(error));
    }
}

Artefacts build_artefacts(const ArtefactRequest& request, CheckSession& session) {
    const CheckStep check = [&](const OnLoaded& on_loaded) {
        return session.check_bytes(request.plan, request.findings, on_loaded);
    };
    const InputStep read_template = [&] { return request.template_docx; };
    const InputStep read_logo = [&] { return request.logo; };
    return make(request, session, check, read_template, read_logo).artefacts;
}

BuildResult build_application(const BuildRequest& request) {
    return build(request, request.draft_path.has_value(), request.workbook_path.has_value(),
                 request.report_path.has_value(), [](BuildRequest&, const Made&) {});
}

BuildResult build_into_folder(BuildRequest request, const std::string& folder) {
    std::error_code error;
    if (fs::exists(folder, error) && !fs::is_directory(folder, error))
        throw ToolError(model::Said("kan inte skriva i '" + folder + "': det är en fil, inte en mapp",
                                    "cannot write into '" + folder + "': it is a file, not a folder"));
    if (!fs::exists(folder, error)) {
        const fs::path parent = fs::path(folder).parent_path();
        if (!parent.empty() && !fs::is_directory(parent, error))
            throw ToolError(
                model::Said("kan inte skapa '" + folder + "': mappen '" + parent.string() + "' finns inte",
                            "cannot create '" + folder + "': the folder '" + parent.string() + "' does not exist"));
        fs::create_directory(folder, error);
        if (error)
            throw ToolError(model::Said("kan inte skapa '" + folder + "': " + error.message(),
                                        "cannot create '" + folder + "': " + error.message()));
    }
    return build(std::move(request), true, true, true, [&](BuildRequest& named, const Made& made) {
        const OutputPaths paths = output_paths(folder, named.plan, made.acronym, made.lang);
        named.draft_path = paths.draft;
        named.workbook_path = paths.workbook;
        named.report_path = paths.report;
    });
}

}  // namespace esfdraft::pipeline
