// A new application written in the browser: programme, call, phase, title
// and language chosen from the packs' own lists, stored as version 1 of a
// starter plan, then the editor's facts part.
#include <sstream>

#include "http/context.hpp"
#include "http/editor.hpp"
#include "http/page_kit.hpp"
#include "pipeline/new_plan.hpp"
#include "pipeline/pipeline.hpp"

namespace esfdraft::http {

using editor::Fields;

namespace {

std::string words(const Request& request, const model::LocalizedName& name, const std::string& fallback) {
    const std::string& chosen = request.language == "en" ? name.en : name.sv;
    return chosen.empty() ? fallback : chosen;
}

std::string value_of(const Fields& entries, const std::string& name, const std::string& fallback = "") {
    const auto found = entries.find(name);
    return found == entries.end() ? fallback : found->second;
}

}  // namespace

Response new_application_page(Context& context, const Request& request, const Fields& entries,
                              const std::map<std::string, std::string>& errors, int status) {
    const auto& packs = context.checker.packs();
    std::ostringstream out;
    out << "<link rel=\"stylesheet\" href=\"/static/editor.css\"><h1>"
        << t(request, "Ny ansökan i webbläsaren", "A new application in the browser") << "</h1><p>"
        << t(request,
             "Välj program och utlysning och ge projektet en titel. Resten fyller du i del för del; varje sparning "
             "kontrolleras.",
             "Choose the programme and call and give the project a title. You fill in the rest part by part; every "
             "save is checked.")
        << "</p>";
    if (!errors.empty()) {
        out << "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"new-errors\"><h2 "
               "id=\"new-errors\">"
            << t(request, "Rätta det här först", "Correct this first") << "</h2><ul>";
        for (const auto& [field, message] : errors)
            out << "<li><a href=\"#f-" << e(field) << "\">" << e(message) << "</a></li>";
        out << "</ul></div>";
    }
    // Drawn by the editor's sheet, so labels, hints and errors are tied to
    // their controls as on every other editor page; no check of a plan yet.
    const UploadCheck nothing_checked;
    editor::Sheet sheet(request, nothing_checked, nullptr, entries.empty() ? nullptr : &entries);
    sheet.errors = errors;
    out << "<form method=\"post\" action=\"/applications/new/edit\" id=\"new-form\">" << csrf_field(request);
    editor::Sheet::OptionGroups programmes{{"", {}}}, calls;
    for (const auto& pack : packs) {
        programmes.front().second.push_back({pack->name, words(request, pack->title, pack->name)});
        calls.push_back({words(request, pack->title, pack->name), {}});
        for (const model::Call& each : pack->calls)
            calls.back().second.push_back({each.name, words(request, each.title, each.name)});
    }
    sheet.grouped_choice(out, "programme", t(request, "Program", "Programme"), packs.empty() ? "" : packs.back()->name,
                         programmes);
    sheet.grouped_choice(
        out, "call", t(request, "Utlysning", "Call"), "", calls,
        t(request, "Utlysningen ska höra till programmet du valt. Utan utlysning gäller programmets allmänna regler.",
          "The call must belong to the programme you chose. Without a call the programme's general rules apply."),
        "", t(request, "ingen särskild utlysning", "no particular call"));
    sheet.radios(out, "phase", t(request, "Fas", "Phase"), "implementation",
                 {{"prestudy", t(request, "Förstudie / förprojektering", "Pre-study")},
                  {"implementation", t(request, "Genomförande", "Implementation")}});
    sheet.text(out, "title", t(request, "Projektets titel", "The project's title"), "", "", "", "text",
               "required maxlength=\"200\"");
    sheet.radios(out, "lang", t(request, "Ansökans språk", "The application's language"), request.language,
                 {{"sv", "Svenska"}, {"en", "English"}}, true);
    out << "<p><button type=\"submit\">"
        << t(request, "Skapa ansökan och fyll i projektuppgifterna", "Create the application and fill in the facts")
        << "</button></p></form>";
    return html(request, {t(request, "Ny ansökan i webbläsaren", "A new application in the browser"), out.str()},
                status);
}

StoredVersion create_from_nothing(Context& context, const Request& request, const Fields& entries,
                                  std::map<std::string, std::string>& errors) {
    const Caller& caller = caller_of(request);
    const bool en = request.language == "en";
    const auto say = [en](const char* sv, const char* english) { return std::string(en ? english : sv); };
    const std::string programme = value_of(entries, "programme");
    const std::string call = value_of(entries, "call");
    const std::string phase = value_of(entries, "phase");
    const std::string title = value_of(entries, "title");
    const std::string lang = value_of(entries, "lang", "sv");
    const model::RulePack* pack = nullptr;
    for (const auto& each : context.checker.packs())
        if (each->name == programme) pack = each.get();
    if (!pack)
        errors["programme"] = say("Välj ett av programmen i listan.", "Choose one of the programmes in the list.");
    if (pack && !call.empty() && !pack->find_call(call))
        errors["call"] = say(
            "Utlysningen hör inte till programmet du valt: välj en under programmets rubrik, eller ingen.",
            "The call does not belong to the programme you chose: choose one under the programme's heading, or none.");
    if (phase != "prestudy" && phase != "implementation") errors["phase"] = say("Välj en fas.", "Choose a phase.");
    if (title.empty() || title.size() > 600)
        errors["title"] =
            say("Ge projektet en titel (högst 200 tecken).", "Give the project a title (at most 200 characters).");
    if (lang != "sv" && lang != "en")
        errors["lang"] = say("Välj svenska eller engelska.", "Choose Swedish or English.");
    if (!errors.empty()) return {};
    pipeline::StarterPlan starter;
    starter.programme = programme;
    if (!call.empty()) starter.call = call;
    starter.phase = phase;
    starter.title = title;
    starter.owner_org_number = caller.organisation;  // the owner's organisation is the caller's
    starter.lang = lang;
    starter.today = context.today();
    std::string plan;
    try {
        plan = pipeline::starter_plan(starter);
    } catch (const pipeline::ToolError& refused) {
        // What the lists above let through but the pack refuses (a call not open to the phase).
        errors["call"] = en ? "This call and phase do not go together: " + refused.message("en")
                            : "Den här kombinationen av utlysning och fas går inte: " + refused.message("sv");
        return {};
    }
    return create_application(context, caller, UploadParts{{"plan.xml", plan}, std::nullopt});
}

}  // namespace esfdraft::http
