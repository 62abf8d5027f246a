// A new application written in the browser: programme, call, phase, title
// and language chosen from the packs' own lists, stored as version 1 of a
// starter plan, then the editor's facts part.
#include <sstream>
#include <tuple>

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

// The error beside a field, tied to it by aria-describedby.
std::string error_for(const std::map<std::string, std::string>& errors, const std::string& field) {
    const auto found = errors.find(field);
    if (found == errors.end()) return "";
    return "<ul class=\"findings\" id=\"err-" + field + "\"><li class=\"sev-error\"><strong>✗</strong> " + e(found->second) + "</li></ul>";
}

std::string described(const std::map<std::string, std::string>& errors, const std::string& field, const std::string& hint = "") {
    std::string ids = hint;
    if (errors.count(field)) ids += (ids.empty() ? "" : " ") + ("err-" + field);
    return ids.empty() ? "" : " aria-describedby=\"" + ids + "\"" + (errors.count(field) ? " aria-invalid=\"true\"" : "");
}

std::string value_of(const Fields& entries, const std::string& name, const std::string& fallback = "") {
    const auto found = entries.find(name);
    return found == entries.end() ? fallback : found->second;
}

}  // namespace

Response new_application_page(Context& context, const Request& request, const Fields& entries, const std::map<std::string, std::string>& errors,
                              int status) {
    const auto& packs = context.checker.packs();
    std::ostringstream out;
    out << "<link rel=\"stylesheet\" href=\"/static/editor.css\"><h1>" << t(request, "Ny ansökan i webbläsaren", "A new application in the browser")
        << "</h1><p>" << t(request, "Välj program och utlysning och ge projektet en titel. Resten fyller du i del för del; varje sparning kontrolleras.",
                           "Choose the programme and call and give the project a title. You fill in the rest part by part; every save is checked.")
        << "</p>";
    if (!errors.empty()) {
        out << "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"new-errors\"><h2 id=\"new-errors\">"
            << t(request, "Rätta det här först", "Correct this first") << "</h2><ul>";
        for (const auto& [field, message] : errors) out << "<li><a href=\"#f-" << e(field) << "\">" << e(message) << "</a></li>";
        out << "</ul></div>";
    }
    const std::string programme = value_of(entries, "programme", packs.empty() ? "" : packs.back()->name);
    out << "<form method=\"post\" action=\"/applications/new/edit\" id=\"new-form\">" << csrf_field(request);
    out << "<div class=\"field\"><label for=\"f-programme\">" << t(request, "Program", "Programme") << "</label><select id=\"f-programme\" name=\"programme\""
        << described(errors, "programme") << ">";
    for (const auto& pack : packs)
        out << "<option value=\"" << e(pack->name) << "\"" << (pack->name == programme ? " selected" : "") << ">" << e(words(request, pack->title, pack->name))
            << "</option>";
    out << "</select>" << error_for(errors, "programme") << "</div>";
    const std::string call = value_of(entries, "call");
    out << "<div class=\"field\"><label for=\"f-call\">" << t(request, "Utlysning", "Call") << "</label><p class=\"hint\" id=\"h-call\">"
        << t(request, "Utlysningen ska höra till programmet du valt. Utan utlysning gäller programmets allmänna regler.",
             "The call must belong to the programme you chose. Without a call the programme's general rules apply.")
        << "</p><select id=\"f-call\" name=\"call\"" << described(errors, "call", "h-call") << "><option value=\"\">"
        << t(request, "ingen särskild utlysning", "no particular call") << "</option>";
    for (const auto& pack : packs) {
        out << "<optgroup label=\"" << e(words(request, pack->title, pack->name)) << "\">";
        for (const model::Call& each : pack->calls)
            out << "<option value=\"" << e(each.name) << "\"" << (each.name == call ? " selected" : "") << ">" << e(words(request, each.title, each.name))
                << "</option>";
        out << "</optgroup>";
    }
    out << "</select>" << error_for(errors, "call") << "</div>";
    const std::string phase = value_of(entries, "phase", "implementation");
    out << "<fieldset><legend>" << t(request, "Fas", "Phase") << "</legend>";
    for (const auto& [code, sv, en] : {std::tuple{"prestudy", "Förstudie / förprojektering", "Pre-study"},
                                       std::tuple{"implementation", "Genomförande", "Implementation"}})
        out << "<div class=\"field check\"><input type=\"radio\" id=\"f-phase-" << code << "\" name=\"phase\" value=\"" << code << "\""
            << (phase == code ? " checked" : "") << "><label for=\"f-phase-" << code << "\">" << t(request, sv, en) << "</label></div>";
    out << error_for(errors, "phase") << "</fieldset>";
    out << "<div class=\"field\"><label for=\"f-title\">" << t(request, "Projektets titel", "The project's title") << "</label><input type=\"text\" id=\"f-title\" name=\"title\" value=\""
        << e(value_of(entries, "title")) << "\"" << described(errors, "title") << " required maxlength=\"200\">" << error_for(errors, "title") << "</div>";
    const std::string lang = value_of(entries, "lang", request.language);
    out << "<fieldset><legend>" << t(request, "Ansökans språk", "The application's language") << "</legend>";
    for (const auto& [code, name] : {std::pair{"sv", "Svenska"}, std::pair{"en", "English"}})
        out << "<div class=\"field check\"><input type=\"radio\" id=\"f-lang-" << code << "\" name=\"lang\" value=\"" << code << "\""
            << (lang == code ? " checked" : "") << "><label for=\"f-lang-" << code << "\" lang=\"" << code << "\">" << name << "</label></div>";
    out << "</fieldset><p><button type=\"submit\">" << t(request, "Skapa ansökan och fyll i projektuppgifterna", "Create the application and fill in the facts")
        << "</button></p></form>";
    return html(request, {t(request, "Ny ansökan i webbläsaren", "A new application in the browser"), out.str()}, status);
}

StoredVersion create_from_nothing(Context& context, const Request& request, const Fields& entries, std::map<std::string, std::string>& errors) {
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
    if (!pack) errors["programme"] = say("Välj ett av programmen i listan.", "Choose one of the programmes in the list.");
    if (pack && !call.empty() && !pack->find_call(call))
        errors["call"] = say("Utlysningen hör inte till programmet du valt: välj en under programmets rubrik, eller ingen.",
                             "The call does not belong to the programme you chose: choose one under the programme's heading, or none.");
    if (phase != "prestudy" && phase != "implementation") errors["phase"] = say("Välj en fas.", "Choose a phase.");
    if (title.empty() || title.size() > 600) errors["title"] = say("Ge projektet en titel (högst 200 tecken).", "Give the project a title (at most 200 characters).");
    if (lang != "sv" && lang != "en") errors["lang"] = say("Välj svenska eller engelska.", "Choose Swedish or English.");
    if (!errors.empty()) return {};
    pipeline::StarterPlan starter;
    starter.programme = programme;
    if (!call.empty()) starter.call = call;
    starter.phase = phase;
    starter.title = title;
    starter.owner_org_number = caller.organisation;   // the owner's organisation is the caller's
    starter.lang = lang;
    starter.today = context.today();
    std::string plan;
    try {
        plan = pipeline::starter_plan(starter);
    } catch (const pipeline::ToolError& refused) {
        // What the lists above let through but the pack refuses (a call not open to the phase).
        errors["call"] = say("Den här kombinationen av utlysning och fas går inte: ", "This call and phase do not go together: ") + refused.what();
        return {};
    }
    return create_application(context, caller, UploadParts{{"plan.xml", plan}, std::nullopt});
}

}  // namespace esfdraft::http
