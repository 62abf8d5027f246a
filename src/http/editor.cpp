// The guided editor's routes (editor.hpp): the part pages with their
// navigation and finding summary, the save (a new version as an upload
// makes one, refused with the other save's changes when based on an older
// version), and a new application written from nothing.
#include "http/editor.hpp"

#include <algorithm>
#include <sstream>

#include "http/api.hpp"
#include "http/context.hpp"
#include "http/page_kit.hpp"
#include "http/pages.hpp"
#include "pipeline/plan_editing.hpp"
#include "report/catalogue.hpp"
#include "store/store.hpp"

namespace esfdraft::http {

extern const char* const editor_script;
extern const char* const editor_stylesheet;

namespace editor {

const std::vector<Part>& parts() {
    static const std::vector<Part> all = [] {
        std::vector<Part> out;
        add_plan_parts(out);
        add_budget_and_findings_parts(out);
        const auto rank = [](const Part& part) {
            if (part.document == Document::findings) return plan_order().size() + 1;
            const std::string first = part.sections.empty() ? part.key : part.sections.front();
            const auto found = std::find(plan_order().begin(), plan_order().end(), first);
            return static_cast<std::size_t>(found - plan_order().begin());
        };
        std::stable_sort(out.begin(), out.end(), [&](const Part& a, const Part& b) { return rank(a) < rank(b); });
        return out;
    }();
    return all;
}

const Part* find_part(std::string_view key) {
    for (const Part& part : parts())
        if (part.key == key) return &part;
    return nullptr;
}

}  // namespace editor

namespace {

using editor::Fields;
using editor::Part;
using editor::Sheet;

bool owns(const Caller& caller, const store::Application& application) {
    return caller.role == "owner" && !caller.organisation.empty() && caller.organisation == application.organisation;
}

bool takes_versions(const store::Application& application) {
    return application.status == store::Status::draft || application.status == store::Status::changes_requested;
}

// The application, when the caller owns it; 404 when they may not see it, 403 when they see it but do not own it.
store::Application owned_application(Context& context, const Request& request) {
    const Caller& caller = caller_of(request);
    store::Application application = visible_application(context, caller, request.params.at("id"));
    if (!owns(caller, application))
        throw HttpError(403, "forbidden",
                        Said{"bara den ägande organisationen redigerar ansökan; se ansökans sida",
                             "only the owner's organisation edits the application; see the application's page"});
    return application;
}

const Part& part_of(const Request& request) {
    const Part* part = editor::find_part(request.params.at("part"));
    if (!part)
        throw HttpError(404, "not-found",
                        Said{"ansökan har ingen del som heter så", "the application has no such part"});
    return *part;
}

// The part's findings: those of its sections and those at or below its paths.
std::vector<std::size_t> findings_of(const Part& part, const report::ApplicationReport& report) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
        const model::Finding& finding = report.findings[i];
        bool mine = std::find(part.sections.begin(), part.sections.end(), finding.section) != part.sections.end();
        for (const std::string& path : part.paths) {
            const std::string& at = finding.where.path;
            if (at == path || (at.size() > path.size() && at.compare(0, path.size(), path) == 0 &&
                               (at[path.size()] == '/' || at[path.size()] == '[')))
                mine = true;
        }
        // A finding of the findings file belongs to the findings' parts, and one of the plan to the plan's.
        const bool in_findings_file = finding.where.path.rfind("/findings", 0) == 0;
        if (mine && in_findings_file == (part.document == editor::Document::findings)) out.push_back(i);
    }
    return out;
}

report::SectionStatus status_of(const Part& part, const report::ApplicationReport& report) {
    report::SectionStatus status = report::SectionStatus::complete;
    for (std::size_t i : findings_of(part, report)) {
        if (report.findings[i].severity == model::Severity::error) return report::SectionStatus::incomplete;
        status = report::SectionStatus::needs_attention;
    }
    return status;
}

std::string status_words(const Request& request, report::SectionStatus status) {
    // A sign and words: never colour alone.
    switch (status) {
        case report::SectionStatus::complete: return t(request, "✓ klar", "✓ complete");
        case report::SectionStatus::needs_attention: return t(request, "! behöver ses över", "! needs attention");
        case report::SectionStatus::incomplete: return t(request, "✗ ofullständig", "✗ incomplete");
    }
    return "";
}

std::string part_name(const Request& request, const Part& part) { return request.language == "en" ? part.en : part.sv; }

std::string navigation(const Request& request, const std::string& application, const report::ApplicationReport& report,
                       const Part* current) {
    std::ostringstream out;
    out << "<nav class=\"parts\" aria-labelledby=\"parts-heading\"><h2 id=\"parts-heading\">"
        << t(request, "Ansökans delar", "The application's parts") << "</h2><ol>";
    for (const Part& part : editor::parts()) {
        const report::SectionStatus status = status_of(part, report);
        out << "<li class=\"part-" << report::to_string(status) << "\"><a id=\"part-" << e(part.key)
            << "\" href=\"/applications/" << e(application) << "/edit/" << e(part.key) << "\""
            << (current == &part ? " aria-current=\"page\"" : "") << ">" << e(part_name(request, part))
            << "</a> <span class=\"part-status\">" << e(status_words(request, status)) << "</span></li>";
    }
    out << "</ol></nav>";
    return out.str();
}

// What a drawn form's values come to, to tell an unchanged save: CRLF as
// LF, empty values and row counts left out (an empty row added changes nothing).
std::string values_hash(const Fields& values) {
    std::string text;
    for (const auto& [name, value] : values) {
        if (value.empty() || (name.size() >= 6 && name.compare(name.size() - 6, 6, ".count") == 0)) continue;
        if (name == "csrf" || name == "base" || name == "drawn" || name == "add" || name == "save") continue;
        const std::string normal = editor::field(values, name);
        if (normal.empty()) continue;
        text += std::to_string(name.size()) + ":" + name + "=" + std::to_string(normal.size()) + ":" + normal + "\n";
    }
    return store::sha256_hex(text);
}

// The form's own fields, CRLF as LF.
Fields submitted(const Request& request) {
    Fields out;
    for (const auto& [name, value] : request.fields) {
        if (name == "csrf" || name == "base" || name == "drawn" || name == "save") continue;
        out[name] = editor::field(request.fields, name);
    }
    return out;
}

// The latest version and what the part draws from.
struct Drawing {
    store::Version latest;
    UploadCheck check;
    std::optional<model::Element> plan, findings;
};

Drawing drawing(Context& context, const store::Application& application) {
    Drawing out{find_version(context, application.id, "latest"), {}, std::nullopt, std::nullopt};
    out.check = check_version(context, out.latest);
    try {
        out.plan = pipeline::read_document(out.latest.plan);
        if (out.latest.findings) out.findings = pipeline::read_document(*out.latest.findings);
    } catch (const pipeline::DocumentUnreadable& unreadable) {
        throw HttpError(422, "unprocessable",
                        Said{"version " + std::to_string(out.latest.number) + " går inte att redigera i webbläsaren: " +
                                 unreadable.sv() + ". Rätta filen och ladda upp den som en ny version",
                             "version " + std::to_string(out.latest.number) + " cannot be edited in the browser: " +
                                 unreadable.en() + ". Correct the file and upload it as a new version"});
    }
    return out;
}

// The part's fields as a sheet draws them (the page's HTML, or only the values).
struct Drawn {
    std::string html;
    Fields values;
    std::map<std::size_t, std::string> placed;
};

Drawn draw_part(Context& context, const Request& request, const Part& part, const Drawing& from, const Fields* entries,
                const std::string& application) {
    const bool findings = part.document == editor::Document::findings;
    const model::Element* root =
        findings ? (from.findings ? &*from.findings : nullptr) : (from.plan ? &*from.plan : nullptr);
    Sheet sheet(request, from.check, root, entries);
    sheet.other = findings ? (from.plan ? &*from.plan : nullptr) : (from.findings ? &*from.findings : nullptr);
    sheet.municipalities = &context.checker.municipalities();
    editor::set_municipality_register(sheet.municipalities);
    sheet.application = application;
    std::ostringstream out;
    part.draw(sheet, out);
    return {out.str(), sheet.drawn(), sheet.placed()};
}

std::string finding_summary(const Request& request, const Part& part, const report::ApplicationReport& report,
                            const std::map<std::size_t, std::string>& placed) {
    const std::vector<std::size_t> mine = findings_of(part, report);
    std::vector<std::size_t> shown = mine;
    for (const auto& [index, anchor] : placed)
        if (std::find(shown.begin(), shown.end(), index) == shown.end()) shown.push_back(index);
    if (shown.empty()) return "";
    const report::Language language = request.language == "en" ? report::Language::en : report::Language::sv;
    std::ostringstream out;
    out << "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"summary-heading\" tabindex=\"-1\" "
           "id=\"finding-summary\"><h2 id=\"summary-heading\">"
        << (shown.size() == 1
                ? t(request, "1 anmärkning i den här delen", "1 finding in this part")
                : std::to_string(shown.size()) + t(request, " anmärkningar i den här delen", " findings in this part"))
        << "</h2><ul>";
    for (std::size_t index : shown) {
        const model::Finding& finding = report.findings[index];
        const auto at = placed.find(index);
        out << "<li><a href=\"#" << e(at == placed.end() ? "form-top" : at->second) << "\">" << e(finding.rule) << ": "
            << e(report::message_text(finding, language)) << "</a></li>";
    }
    out << "</ul></div>";
    return out.str();
}

// The part's findings no field drew, at the top of the form.
std::string unplaced_findings(const Request& request, const Part& part, const report::ApplicationReport& report,
                              const std::map<std::size_t, std::string>& placed) {
    const report::Language language = request.language == "en" ? report::Language::en : report::Language::sv;
    std::ostringstream items;
    for (std::size_t index : findings_of(part, report)) {
        if (placed.count(index)) continue;
        const model::Finding& finding = report.findings[index];
        const std::string fix = report::rule_fix(finding.rule, language);
        items << "<li class=\"sev-" << model::to_string(finding.severity) << "\"><strong>"
              << (finding.severity == model::Severity::error     ? t(request, "✗ Fel", "✗ Error")
                  : finding.severity == model::Severity::warning ? t(request, "! Varning", "! Warning")
                                                                 : t(request, "i Tips", "i Hint"))
              << "</strong> (" << e(finding.rule) << "): " << e(report::message_text(finding, language))
              << (fix.empty()
                      ? ""
                      : " <span class=\"fix\">" + t(request, "Så rättar du: ", "How to fix: ") + e(fix) + "</span>")
              << "</li>";
    }
    const std::string list = items.str();
    return list.empty() ? "" : "<ul class=\"findings\">" + list + "</ul>";
}

struct PageState {
    std::string notice;      // "saved as version N", "nothing changed"
    std::string conflict;    // the refused save's alert and diff
    int base = 0;            // the version the form is drawn from
    std::string drawn_hash;  // of the values drawn from the stored version
    const Fields* entries = nullptr;
    int status = 200;
};

Response part_page(Context& context, const Request& request, const store::Application& application, const Part& part,
                   const Drawing& from, const PageState& state) {
    const Drawn drawn = draw_part(context, request, part, from, state.entries, application.id);
    const std::string hash = state.drawn_hash.empty()
                                 ? values_hash(draw_part(context, request, part, from, nullptr, application.id).values)
                                 : state.drawn_hash;
    const bool can_save = takes_versions(application);
    const std::string action = "/applications/" + application.id + "/edit/" + part.key;
    std::ostringstream out;
    out << "<link rel=\"stylesheet\" href=\"/static/editor.css\">"
        << "<p class=\"crumbs\"><a href=\"/applications/" << e(application.id) << "\">"
        << t(request, "Tillbaka till ansökan", "Back to the application") << "</a></p><h1>"
        << e(part_name(request, part)) << " <span class=\"muted\">– " << e(application.title) << "</span></h1>";
    if (!state.notice.empty())
        out << "<div class=\"notice\" role=\"status\" id=\"editor-notice\">" << e(state.notice) << "</div>";
    out << "<div id=\"editor-live\" class=\"notice\" aria-live=\"polite\" hidden></div>";
    if (!state.conflict.empty()) out << state.conflict;
    if (!can_save)
        out << "<div class=\"alert\" role=\"status\"><p>"
            << t(request,
                 "Ansökan är inskickad eller under granskning: den går att läsa här men inte att ändra förrän "
                 "ändringar begärs.",
                 "The application is submitted or in review: you can read it here but not change it until changes are "
                 "requested.")
            << "</p></div>";
    out << "<div class=\"editor\">" << navigation(request, application.id, from.check.report, &part)
        << "<div class=\"part\">" << finding_summary(request, part, from.check.report, drawn.placed)
        << "<form method=\"post\" action=\"" << e(action) << "\" id=\"editor-form\" data-application=\""
        << e(application.id) << "\" data-version=\"" << from.latest.number << "\" data-part=\"" << e(part.key) << "\">"
        << csrf_field(request) << "<input type=\"hidden\" name=\"base\" value=\"" << state.base
        << "\"><input type=\"hidden\" name=\"drawn\" value=\"" << e(hash) << "\">";
    // The first submit button of a form is the one Enter presses: saving, never "add a row".
    if (can_save)
        out << "<p><button type=\"submit\" name=\"save\" value=\"1\">" << t(request, "Spara", "Save")
            << "</button></p>";
    out << "<div id=\"form-top\" tabindex=\"-1\">" << unplaced_findings(request, part, from.check.report, drawn.placed)
        << "</div>" << drawn.html;
    if (can_save)
        out << "<p><button type=\"submit\" name=\"save\" value=\"1\">"
            << (state.conflict.empty()
                    ? t(request, "Spara", "Save")
                    : t(request, "Spara mina uppgifter över version ", "Save my entries over version ") +
                          std::to_string(from.latest.number))
            << "</button></p>";
    out << "<p class=\"muted\">"
        << t(request, "Varje sparning kontrolleras och blir en ny version. Kontrollerad version: ",
             "Every save is checked and becomes a new version. Checked version: ")
        << from.latest.number << ".</p></form></div></div><script src=\"/static/editor.js\"></script>";
    return html(request, {part_name(request, part) + " – " + application.title, out.str()}, state.status);
}

int base_of(const Request& request) {
    const std::string base = editor::field(request.fields, "base");
    if (base.empty() || base.size() > 9 || base.find_first_not_of("0123456789") != std::string::npos)
        throw HttpError(
            400, "invalid",
            Said{"formuläret saknar sin version; ladda om sidan", "the form lacks its version; reload the page"});
    return std::stoi(base);
}

Response conflict_page(Context& context, const Request& request, const store::Application& application,
                       const Part& part, int base, const Fields& entries) {
    const Drawing from = drawing(context, application);
    std::ostringstream conflict;
    conflict << "<div class=\"alert\" role=\"alert\" id=\"conflict\" tabindex=\"-1\"><h2>"
             << t(request, "Någon annan sparade under tiden", "Someone else saved meanwhile") << "</h2><p>"
             << t(request, "Du utgick från version ", "You started from version ") << base
             << t(request, ", men version ", ", but version ") << from.latest.number
             << t(request,
                  " har sparats sedan dess. Ingenting av det du skrev har sparats. Nedan ser du vad den andra "
                  "ändringen innehöll; "
                  "dina uppgifter finns kvar i formuläret. Spara dem över den nyare versionen, eller öppna delen igen "
                  "för att utgå från den.",
                  " has been saved since. Nothing you wrote was saved. Below is what the other save changed; your "
                  "entries are kept in the form. "
                  "Save them over the newer version, or open the part again to start from it.")
             << "</p><p><a href=\"/applications/" << e(application.id) << "/edit/" << e(part.key) << "\">"
             << t(request, "Öppna delen igen från den senaste versionen", "Open the part again from the latest version")
             << "</a></p></div>"
             << "<section class=\"other-save\" aria-labelledby=\"other-save\"><h2 id=\"other-save\">"
             << t(request, "Vad den andra sparningen ändrade", "What the other save changed") << "</h2>"
             << diff_html(request, version_diff(context, application, std::to_string(base),
                                                std::to_string(from.latest.number), request.language))
             << "</section>";
    PageState state;
    state.conflict = conflict.str();
    state.base = from.latest.number;
    state.entries = &entries;
    state.status = 409;
    return part_page(context, request, application, part, from, state);
}

Response save_part(Context& context, Request& request) {
    const Caller& caller = caller_of(request);
    const store::Application application = owned_application(context, request);
    const Part& part = part_of(request);
    const int base = base_of(request);
    const Fields entries = submitted(request);
    if (entries.count("add")) {
        // "Add a row": the same form again with the entries and one more row; nothing stored.
        const Drawing from = drawing(context, application);
        PageState state;
        state.base = base;
        state.drawn_hash = editor::field(request.fields, "drawn");
        state.entries = &entries;
        return part_page(context, request, application, part, from, state);
    }
    const store::Version latest = find_version(context, application.id, "latest");
    if (latest.number != base) return conflict_page(context, request, application, part, base, entries);
    const std::string page = "/applications/" + application.id + "/edit/" + part.key;
    if (values_hash(entries) == editor::field(request.fields, "drawn")) return redirect(page + "?unchanged=1");
    if (!takes_versions(application))
        throw HttpError(409, "conflict",
                        Said{"en ny version går att spara bara när ansökan är ett utkast eller ändringar är begärda",
                             "a version can be saved only in draft or changes-requested"});
    const bool findings = part.document == editor::Document::findings;
    const std::string document =
        findings ? (latest.findings
                        ? *latest.findings
                        : pipeline::write_document(model::Element("findings"), pipeline::findings_document_namespace()))
                 : latest.plan;
    editor::set_municipality_register(&context.checker.municipalities());
    std::string bytes;
    try {
        bytes = part.apply(entries, document, pipeline::read_document(document));
    } catch (const pipeline::DocumentUnreadable& unreadable) {
        throw HttpError(422, "unprocessable",
                        Said{"versionen går inte att redigera i webbläsaren: " + unreadable.sv(),
                             "the version cannot be edited in the browser: " + unreadable.en()});
    }
    UploadParts parts;
    parts.plan = {"plan.xml", findings ? latest.plan : bytes};
    if (findings)
        parts.findings = NamedUpload{"findings.xml", bytes};
    else if (latest.findings)
        parts.findings = NamedUpload{"findings.xml", *latest.findings};
    try {
        const StoredVersion stored = add_version(context, caller, application, parts, base);
        return redirect(page + "?saved=" + std::to_string(stored.version));
    } catch (const HttpError& error) {
        // Another save landed between the look above and the store.
        if (error.status() == 409 && find_version(context, application.id, "latest").number != base)
            return conflict_page(context, request, application, part, base, entries);
        throw;
    }
}

Response show_part(Context& context, Request& request) {
    const store::Application application = owned_application(context, request);
    const Part& part = part_of(request);
    const Drawing from = drawing(context, application);
    PageState state;
    state.base = from.latest.number;
    if (const std::string* saved = request.query_value("saved"))
        state.notice = t(request, "Sparad som version ", "Saved as version ") + *saved +
                       t(request, ". Kontrollen nedan gäller den.", ". The check below is of it.");
    if (request.query_value("unchanged"))
        state.notice = t(request, "Inget ändrades, så ingen ny version sparades.",
                         "Nothing changed, so no new version was stored.");
    return part_page(context, request, application, part, from, state);
}

Response overview(Context& context, Request& request) {
    const store::Application application = owned_application(context, request);
    const Drawing from = drawing(context, application);
    std::ostringstream out;
    out << "<link rel=\"stylesheet\" href=\"/static/editor.css\"><p class=\"crumbs\"><a href=\"/applications/"
        << e(application.id) << "\">" << t(request, "Tillbaka till ansökan", "Back to the application")
        << "</a></p><h1>" << e(application.title) << "</h1><p>"
        << t(request,
             "Fyll i delarna i tur och ordning. Varje del visar kontrollens anmärkningar bredvid fälten de gäller. "
             "Senaste version: ",
             "Fill in the parts in turn. Each part shows the check's findings beside the fields they concern. Latest "
             "version: ")
        << from.latest.number << ".</p><div class=\"overview\">"
        << navigation(request, application.id, from.check.report, nullptr) << "</div>";
    return html(request, {application.title, out.str()});
}

}  // namespace

Response new_application_page(Context& context, const Request& request, const Fields& entries,
                              const std::map<std::string, std::string>& errors, int status);
StoredVersion create_from_nothing(Context& context, const Request& request, const Fields& entries,
                                  std::map<std::string, std::string>& errors);

void add_editor_routes(Router& router, Context& context) {
    Context* site = &context;
    router.add({"GET", "/static/editor.js",
                "The editor's script (drafts, live sums, the timeline, news of other saves)", Access::anyone, true,
                [](Request&) {
                    Response response;
                    response.content_type = "text/javascript; charset=utf-8";
                    response.body = editor_script;
                    return response;
                }});
    router.add({"GET", "/static/editor.css", "The editor's stylesheet", Access::anyone, true, [](Request&) {
                    Response response;
                    response.content_type = "text/css; charset=utf-8";
                    response.body = editor_stylesheet;
                    return response;
                }});
    // Before /applications/{id}/edit, which "new" would match too.
    router.add({"GET", "/applications/new/edit", "A new application written in the browser (form)", Access::signed_in,
                true, [site](Request& request) {
                    if (caller_of(request).role != "owner")
                        throw HttpError(
                            403, "forbidden",
                            Said{"bara projektägare skapar ansökningar", "only project owners create applications"});
                    return new_application_page(*site, request, {}, {}, 200);
                }});
    router.add({"POST", "/applications/new/edit",
                "Create an application from nothing (form: programme, call, phase, title, lang)", Access::signed_in,
                true, [site](Request& request) {
                    if (caller_of(request).role != "owner")
                        throw HttpError(
                            403, "forbidden",
                            Said{"bara projektägare skapar ansökningar", "only project owners create applications"});
                    const Fields entries = submitted(request);
                    std::map<std::string, std::string> errors;
                    const StoredVersion stored = create_from_nothing(*site, request, entries, errors);
                    if (!errors.empty()) return new_application_page(*site, request, entries, errors, 422);
                    return redirect("/applications/" + stored.application + "/edit/facts");
                }});
    router.add({"GET", "/applications/{id}/edit", "The editor: the application's parts with their status",
                Access::signed_in, true, [site](Request& request) { return overview(*site, request); }});
    router.add({"GET", "/applications/{id}/edit/{part}", "The editor: one part's form with its findings",
                Access::signed_in, true, [site](Request& request) { return show_part(*site, request); }});
    router.add({"POST", "/applications/{id}/edit/{part}", "The editor: save one part as a new version (form)",
                Access::signed_in, true, [site](Request& request) { return save_part(*site, request); }});
}

}  // namespace esfdraft::http
