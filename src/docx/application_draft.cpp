#include "docx/application_draft.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>

#include "docx/application_view.hpp"
#include "docx/engine/image_formats.hpp"
#include "docx/engine/zip_package.hpp"
#include "model/said.hpp"

namespace esfdraft::docx {

namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t max_template_file_bytes = 64ull << 20;
constexpr std::uintmax_t max_logo_bytes = 10ull << 20;

// The logo's box in the header: 1.2 cm high, at most 5 cm wide.
constexpr std::int64_t emu_per_cm = 360000;
constexpr std::int64_t logo_height = 12 * emu_per_cm / 10;
constexpr std::int64_t logo_max_width = 5 * emu_per_cm;

void require_language(const std::string& lang) {
    if (lang != "sv" && lang != "en") throw std::runtime_error("unknown draft language '" + lang + "' (sv or en)");
}

// Reads a whole file; `what` names it in errors ("template 'x.docx'").
std::string read_whole_file(const std::string& path, const std::string& what, std::uintmax_t limit) {
    std::error_code error;
    if (!fs::is_regular_file(path, error)) throw std::runtime_error(what + ": no such file");
    const std::uintmax_t size = fs::file_size(path, error);
    if (error) throw std::runtime_error(what + ": cannot read: " + error.message());
    if (size > limit) throw std::runtime_error(what + ": larger than " + std::to_string(limit >> 20) + " MiB");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(what + ": cannot be opened");
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw std::runtime_error(what + ": read error");
    return bytes;
}

ImageData logo_image(const Logo& given, const model::Application& application, const std::string& lang) {
    const std::string what = "logo '" + given.name + "'";
    if (given.bytes.size() > max_logo_bytes)
        throw std::runtime_error(what + ": larger than " + std::to_string(max_logo_bytes >> 20) + " MiB");
    ImageData logo;
    logo.bytes = given.bytes;
    const std::optional<ImageFormat> format = probe_image(logo.bytes);
    if (!format) throw std::runtime_error(what + ": not a PNG or JPEG image");
    if (const ImageRefusal refusal = image_size_refusal(*format); !refusal.empty())
        throw model::SaidError(model::Said(
            "logotypen '" + given.name + "': " + refusal.sv + " (gör den mindre, t.ex. 1000 bildpunkter bred)",
            what + ": " + refusal.en + " (make it smaller, e.g. 1000 pixels wide)"));
    logo.extension = format->extension;
    logo.height_emu = logo_height;
    logo.width_emu = logo_height * format->width_pixels / format->height_pixels;
    if (logo.width_emu > logo_max_width) {
        logo.width_emu = logo_max_width;
        logo.height_emu = logo_max_width * format->height_pixels / format->width_pixels;
    }
    logo.width_emu = std::max<std::int64_t>(logo.width_emu, 1);
    logo.height_emu = std::max<std::int64_t>(logo.height_emu, 1);
    const std::string& owner = application.project.owner.name;
    logo.alt_text =
        (lang == "en" ? "Logo of " : "Logotyp för ") + (owner.empty() ? application.project.title.value : owner);
    return logo;
}

std::vector<TemplateProblem> merged(std::vector<TemplateProblem> first, const std::vector<TemplateProblem>& second) {
    std::set<std::string> seen;
    for (const TemplateProblem& p : first) seen.insert(p.text());
    for (const TemplateProblem& p : second)
        if (seen.insert(p.text()).second) first.push_back(p);
    return first;
}

// The name problems a section that is never closed causes: its names were
// looked up outside it, so every tag after its opening looked unknown (one
// missing {{/goals}} gave an error for each tag behind it). One mistake, one
// error: names in the same part from that paragraph on are not reported
// until the section is closed.
std::vector<TemplateProblem> without_knock_on(const std::vector<TemplateProblem>& syntax,
                                              std::vector<TemplateProblem> names) {
    for (const TemplateProblem& problem : syntax) {
        // Also a section closed only by an outer section's closing tag
        // ("is not closed before"): its names were looked up outside it too.
        if (problem.message.rfind("the section ", 0) != 0 ||
            (problem.message.find(" is never closed") == std::string::npos &&
             problem.message.find(" is not closed before ") == std::string::npos))
            continue;
        std::erase_if(names, [&](const TemplateProblem& name) {
            const bool about_a_name =
                name.message.rfind("unknown name", 0) == 0 || name.message.rfind("missing data", 0) == 0;
            return about_a_name && name.part == problem.part && name.paragraph >= problem.paragraph;
        });
    }
    return names;
}

}  // namespace

Logo read_logo_file(const std::string& path) {
    return {path, read_whole_file(path, "logo '" + path + "'", max_logo_bytes)};
}

std::string default_template_name(const std::string& lang, const std::string& programme) {
    require_language(lang);
    // ESF+ has its own application (another order, the §3 sections); every
    // other programme keeps the first one.
    return (programme == "esf-plus-2021-2027" ? "application-plus-" : "application-") + lang;
}

std::string default_template_folder(const std::string& data_dir, const std::string& lang,
                                    const std::string& programme) {
    return (fs::path(data_dir) / "templates" / default_template_name(lang, programme)).string();
}

Package template_folder_package(const std::string& folder_name) {
    const fs::path folder = folder_name;
    std::error_code error;
    if (!fs::is_directory(folder, error))
        throw std::runtime_error("the template folder " + folder.string() + " is missing");
    Package package;
    for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        if (!it->is_regular_file()) continue;
        const std::string name = fs::relative(it->path(), folder).generic_string();
        const std::string file = it->path().filename().string();
        // Editor and file-manager droppings are not parts.
        if (file == ".DS_Store" || file.back() == '~' || file.rfind(".#", 0) == 0) continue;
        package.put(name, read_whole_file(it->path().string(), "template file '" + it->path().string() + "'",
                                          max_template_file_bytes));
    }
    if (error) throw std::runtime_error("cannot read the template folder " + folder.string() + ": " + error.message());
    return package;
}

Package default_template_package(const std::string& data_dir, const std::string& lang, const std::string& programme) {
    const fs::path folder = default_template_folder(data_dir, lang, programme);
    std::error_code error;
    if (!fs::is_directory(folder, error))
        throw std::runtime_error("the default template for '" + lang + "' is missing: no folder " + folder.string());
    return template_folder_package(folder.string());
}

std::string default_template_bytes(const std::string& data_dir, const std::string& lang, const std::string& programme) {
    return write_package(default_template_package(data_dir, lang, programme));
}

DraftTemplate load_draft_template(const DraftOptions& options) {
    require_language(options.lang);
    DraftTemplate loaded;
    if (options.template_path) {
        loaded.name = *options.template_path;
        const std::string bytes =
            read_whole_file(*options.template_path, "template '" + loaded.name + "'", max_template_file_bytes);
        loaded.document = DocumentTemplate::load(bytes, loaded.name);
    } else {
        const std::string programme = options.programme.value_or("esf-2007-2013");
        loaded.name = default_template_name(options.lang, programme);
        loaded.document =
            DocumentTemplate::load(default_template_package(options.data_dir, options.lang, programme), loaded.name);
    }
    return loaded;
}

std::string render_application_draft(const model::Application& application, const DraftOptions& options) {
    DraftOptions with_programme = options;
    if (!with_programme.programme) with_programme.programme = application.programme;
    return render_application_draft(application, options, load_draft_template(with_programme));
}

std::string render_application_draft(const model::Application& application, const DraftOptions& options,
                                     const DraftTemplate& draft_template) {
    require_language(options.lang);
    const std::string& template_name = draft_template.name;
    const DocumentTemplate& document = draft_template.document;

    ApplicationViewOptions view_options;
    view_options.lang = options.lang;
    view_options.date = options.date;
    view_options.municipality_names = options.municipality_names;
    view_options.check = options.check;
    view_options.call_title = options.call_title;
    view_options.area_name = options.area_name;
    view_options.region_name = options.region_name;
    std::vector<TemplateProblem> problems =
        without_knock_on(document.problems(), document.check_names(application_specimen(options.lang)));
    if (options.logo) {
        view_options.logo = logo_image(*options.logo, application, options.lang);
        if (!document.names("logo"))
            problems.push_back(
                {"", 0, "",
                 "--logo was given, but the template has no place for it: add {{%logo}} to the text "
                 "(the default templates have it in the header) or give a picture the alternative text {{%logo}}",
                 "--logo angavs, men mallen har ingen plats för en logotyp: skriv {{%logo}} i texten "
                 "(standardmallarna har den i sidhuvudet) eller ge en bild alternativtexten {{%logo}}"});
    }
    const TemplateValue data = application_view(application, view_options);
    RenderSettings settings;
    settings.lang = options.lang;
    std::string rendered;
    std::vector<TemplateProblem> render_problems;
    try {
        rendered = document.render(data, settings);
    } catch (const TemplateError& error) {
        render_problems = error.problems();
    }
    // Names are checked on every section, also those the data leaves empty.
    problems = merged(without_knock_on(document.problems(), std::move(render_problems)), problems);
    if (!problems.empty()) throw TemplateError(template_name, std::move(problems));
    return rendered;
}

TemplateReport check_template(std::string_view docx_bytes, const std::string& template_name, const std::string& lang) {
    require_language(lang);
    const DocumentTemplate document = DocumentTemplate::load(docx_bytes, template_name);
    TemplateReport report;
    report.name = template_name;
    report.tags = document.tags();
    std::vector<TemplateProblem> problems = merged(
        document.problems(), without_knock_on(document.problems(), document.check_names(application_specimen(lang))));
    sort_by_place(problems);
    for (const TemplateProblem& problem : problems) report.errors.push_back(problem.text_in(lang));
    return report;
}

TemplateReport check_template_file(const std::string& path, const std::string& lang) {
    return check_template(read_whole_file(path, "template '" + path + "'", max_template_file_bytes), path, lang);
}

}  // namespace esfdraft::docx
