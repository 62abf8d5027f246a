// The pages: server-rendered HTML that works without script, in Swedish or
// English. Every printed value goes through escape_html; forms that change
// something carry the session's CSRF token.
#include "http/pages.hpp"

#include "http/page_kit.hpp"

#include <map>
#include <sstream>

#include "http/api.hpp"
#include "http/json.hpp"
#include "http/plan_diff.hpp"
#include "model/values.hpp"
#include "model/vocabulary.hpp"
#include "report/report.hpp"
#include "store/passwords.hpp"

namespace esfdraft::http {

std::string escape_html(const std::string& text) { return report::escape_html(text); }

namespace {

using E = std::string;

// A pack's name for a programme or call in the page's language, with the id
// the plan uses after it; the id alone when the pack does not know it.
std::string titled(const Request& request, const std::optional<model::LocalizedName>& title, const std::string& id) {
    if (!title) return id;
    const std::string& name = request.language == "en" ? title->en : title->sv;
    return name.empty() ? id : name + " (" + id + ")";
}

std::string status_name(const Request& request, store::Status status) {
    using store::Status;
    switch (status) {
        case Status::draft: return t(request, "utkast", "draft");
        case Status::submitted: return t(request, "inskickad", "submitted");
        case Status::in_review: return t(request, "granskas", "in review");
        case Status::changes_requested: return t(request, "ändringar begärda", "changes requested");
        case Status::approved: return t(request, "beviljad", "approved");
        case Status::rejected: return t(request, "avslagen", "rejected");
    }
    return "";
}

std::string summary_text(const Request& request, const store::CheckSummary& summary) {
    std::ostringstream out;
    // "1 varning", not "1 varningar" (the browser tests read these).
    out << summary.errors << ' ' << (summary.errors == 1 ? t(request, "fel", "error") : t(request, "fel", "errors"))
        << ", " << summary.warnings << ' '
        << (summary.warnings == 1 ? t(request, "varning", "warning") : t(request, "varningar", "warnings")) << ", "
        << summary.infos << ' ' << (summary.infos == 1 ? t(request, "tips", "hint") : t(request, "tips", "hints"))
        << " – "
        << (summary.verdict == "ready" ? t(request, "klar att skicka in", "ready to submit")
                                       : t(request, "inte klar", "not ready"));
    return out.str();
}

std::string date_of(std::int64_t at) { return iso_time(at).substr(0, 10); }

std::string upload_form(const Request& request, const std::string& action, const std::string& button) {
    std::ostringstream out;
    out << "<form method=\"post\" action=\"" << e(action) << "\" enctype=\"multipart/form-data\">"
        << csrf_field(request) << "<label for=\"plan\">" << t(request, "Projektplan (XML)", "Project plan (XML)")
        << "</label>"
        << "<input type=\"file\" id=\"plan\" name=\"plan\" accept=\".xml,application/xml,text/xml\" required>"
        << "<label for=\"findings\">"
        << t(request, "Förstudiens resultat (XML, valfritt)", "Pre-study findings (XML, optional)")
        << "</label><input type=\"file\" id=\"findings\" name=\"findings\" accept=\".xml,application/xml,text/xml\">"
        << "<p><button type=\"submit\">" << e(button) << "</button></p></form>";
    return out.str();
}

// ------------------------------------------------------------ the plan as HTML

std::string inline_html(const model::InlineText& text) {
    std::string out;
    for (const model::Inline& part : text) {
        std::string piece = e(part.text);
        if (part.emphasis) piece = "<em>" + piece + "</em>";
        if (part.strong) piece = "<strong>" + piece + "</strong>";
        out += piece;
    }
    return out;
}

std::string rich_html(const model::RichText& text) {
    std::string out;
    for (const model::Block& block : text.blocks) {
        if (block.kind == model::Block::Kind::paragraph) {
            out += "<p>" + inline_html(block.inlines) + "</p>";
        } else {
            const char* tag = block.kind == model::Block::Kind::bullet_list ? "ul" : "ol";
            out += std::string("<") + tag + ">";
            for (const model::InlineText& item : block.items) out += "<li>" + inline_html(item) + "</li>";
            out += std::string("</") + tag + ">";
        }
    }
    return out;
}

// Risk levels, logic steps and cost models in the vocabulary's words, the
// draft's (model/vocabulary.hpp); the code itself for one it lacks.
std::string level_name(const Request& request, const std::string& level) {
    return code_name(request, model::risk_level_words(level), level);
}

std::string logic_step_name(const Request& request, const std::string& kind) {
    return code_name(request, model::logic_step_words(kind), kind);
}

std::string cost_model_name(const Request& request, const std::string& model) {
    return code_name(request, model::cost_model_words(model), model);
}

// Whose sub-budget a line is: the owner, a partner by name, or the id as written.
std::string beneficiary_name(const Request& request, const model::Application& plan,
                             const std::optional<std::string>& id) {
    if (!id) return "";
    if (*id == "owner") return t(request, "projektägaren", "the project owner");
    if (const model::Partner* partner = plan.find_partner(*id)) return partner->name;
    return *id;
}

std::string row(const std::string& header, const std::string& value) {
    return "<tr><th scope=\"row\">" + header + "</th><td>" + value + "</td></tr>";
}

// The project's facts: title, owner, period, municipalities, the applicant.
void project_html(std::ostream& out, const Request& request, const model::Application& plan) {
    const model::Project& project = plan.project;
    out << "<section><h3>" << t(request, "Projektet", "The project") << "</h3><table><tbody>"
        << row(t(request, "Titel", "Title"), e(project.title.value));
    if (project.acronym) out << row(t(request, "Förkortning", "Acronym"), e(project.acronym->value));
    if (project.case_number) out << row(t(request, "Diarienummer", "Case number"), e(project.case_number->value));
    out << row(t(request, "Programområde", "Programme area"), e(project.programme_area.value))
        << row(t(request, "Projektägare", "Project owner"),
               e(project.owner.name) + (project.owner.org_number ? " (" + e(*project.owner.org_number) + ")" : ""))
        << row(t(request, "Kontakt", "Contact"), e(project.contact.name) + ", " + e(project.contact.email))
        << row(t(request, "Period", "Period"), e(project.period.start.iso()) + " – " + e(project.period.end.iso()));
    std::string municipalities;
    for (std::size_t i = 0; i < project.municipalities.size(); ++i) {
        const model::MunicipalityRef& m = project.municipalities[i];
        municipalities += (i ? ", " : "") + e(m.name.value_or(m.code)) + " (" + e(m.code) + ")";
    }
    out << row(t(request, "Kommuner", "Municipalities"), municipalities);
    if (const auto& applicant = project.applicant) {
        if (applicant->address)
            out << row(t(request, "Postadress", "Postal address"), e(applicant->address->street) + ", " +
                                                                       e(applicant->address->postcode) + " " +
                                                                       e(applicant->address->city));
        if (applicant->signatory)
            out << row(t(request, "Firmatecknare", "Authorised signatory"),
                       e(applicant->signatory->name) +
                           (applicant->signatory->title.empty() ? "" : ", " + e(applicant->signatory->title)));
        if (applicant->finance_contact)
            out << row(
                t(request, "Ekonomikontakt", "Finance contact"),
                e(applicant->finance_contact->name) +
                    (applicant->finance_contact->email.empty() ? "" : ", " + e(applicant->finance_contact->email)));
        if (applicant->account)
            out << row(t(request, "Konto", "Account"),
                       e(applicant->account->kind) + " " + e(applicant->account->number));
    }
    out << "</tbody></table></section>";
}

// The summary in the plan's language.
void summary_html(std::ostream& out, const Request& request, const model::Application& plan) {
    if (const model::Summary* summary = plan.main_summary()) {
        out << "<section><h3>" << e(section_title(request, "summary")) << "</h3>" << rich_html(summary->text)
            << "</section>";
    }
}

// Each target group with its description.
void target_groups_html(std::ostream& out, const Request& request, const model::Application& plan) {
    if (!plan.target_groups.empty()) {
        out << "<section><h3>" << e(section_title(request, "targetGroups")) << "</h3><ul>";
        for (const model::TargetGroup& group : plan.target_groups) {
            out << "<li><strong>" << e(group.name) << "</strong>";
            if (group.description) out << rich_html(*group.description);
            out << "</li>";
        }
        out << "</ul></section>";
    }
}

// Each goal with its indicators as a table.
void goals_html(std::ostream& out, const Request& request, const model::Application& plan) {
    if (!plan.goals.empty()) {
        out << "<section><h3>" << e(section_title(request, "goals")) << "</h3>";
        for (const model::Goal& goal : plan.goals) {
            out << "<h4>" << e(goal.id) << ": " << e(goal.statement) << "</h4>";
            if (!goal.indicators.empty()) {
                out << "<table><thead><tr><th scope=\"col\">" << t(request, "Indikator", "Indicator")
                    << "</th><th scope=\"col\">" << t(request, "Utgångsvärde", "Baseline") << "</th><th scope=\"col\">"
                    << t(request, "Målvärde", "Target") << "</th><th scope=\"col\">" << t(request, "Enhet", "Unit")
                    << "</th></tr></thead><tbody>";
                for (const model::Indicator& indicator : goal.indicators) {
                    out << "<tr><td>" << e(indicator.text)
                        << (indicator.code ? " <span class=\"code\">(" + e(*indicator.code) + ")</span>" : "")
                        << "</td><td class=\"num\">" << e(indicator.baseline.text()) << "</td><td class=\"num\">"
                        << e(indicator.target.text()) << "</td><td>" << e(indicator.unit) << "</td></tr>";
                }
                out << "</tbody></table>";
            }
        }
        out << "</section>";
    }
}

// The activities as a table: when, and for which goals.
void activities_html(std::ostream& out, const Request& request, const model::Application& plan) {
    if (!plan.activities.empty()) {
        out << "<section><h3>" << e(section_title(request, "activities")) << "</h3><table><thead><tr><th scope=\"col\">"
            << t(request, "Aktivitet", "Activity") << "</th><th scope=\"col\">" << t(request, "Tid", "When")
            << "</th><th scope=\"col\">" << t(request, "Mål", "Goals") << "</th></tr></thead><tbody>";
        for (const model::Activity& activity : plan.activities) {
            out << "<tr><td><strong>" << e(activity.title) << "</strong>";
            if (activity.description) out << rich_html(*activity.description);
            out << "</td><td>" << e(activity.start.iso()) << " – " << e(activity.end.iso()) << "</td><td>"
                << e(model::join(activity.goal_ids)) << "</td></tr>";
        }
        out << "</tbody></table></section>";
    }
}

// The project logic, step by step.
void project_logic_html(std::ostream& out, const Request& request, const model::Application& plan) {
    if (const auto& logic = plan.project_logic) {
        out << "<section><h3>" << e(section_title(request, "projectLogic")) << "</h3>";
        if (!logic->introduction.empty()) out << rich_html(logic->introduction);
        for (const model::LogicStep& step : logic->steps) {
            out << "<h4>" << e(logic_step_name(request, step.kind))
                << (step.goal_ids.empty() ? ""
                                          : " (" + t(request, "mål ", "goals ") + e(model::join(step.goal_ids)) + ")")
                << "</h4>" << rich_html(step.text);
        }
        out << "</section>";
    }
}

// The risks as a table: likelihood, impact, measure.
void risk_analysis_html(std::ostream& out, const Request& request, const model::Application& plan) {
    if (const auto& risks = plan.risk_analysis) {
        out << "<section><h3>" << e(section_title(request, "riskAnalysis")) << "</h3>";
        if (!risks->introduction.empty()) out << rich_html(risks->introduction);
        if (!risks->risks.empty()) {
            out << "<table><thead><tr><th scope=\"col\">" << t(request, "Risk", "Risk") << "</th><th scope=\"col\">"
                << t(request, "Sannolikhet", "Likelihood") << "</th><th scope=\"col\">"
                << t(request, "Konsekvens", "Impact") << "</th><th scope=\"col\">" << t(request, "Åtgärd", "Measure")
                << "</th></tr></thead><tbody>";
            for (const model::Risk& risk : risks->risks)
                out << "<tr><td>" << e(risk.description) << "</td><td>" << e(level_name(request, risk.likelihood))
                    << "</td><td>" << e(level_name(request, risk.impact)) << "</td><td>" << e(risk.measure)
                    << "</td></tr>";
            out << "</tbody></table>";
        }
        out << "</section>";
    }
}

// The partners, a beneficiary as one with its own sub-budget.
void partners_html(std::ostream& out, const Request& request, const model::Application& plan) {
    if (!plan.partners.empty()) {
        out << "<section><h3>" << e(section_title(request, "partners")) << "</h3><ul>";
        for (const model::Partner& partner : plan.partners)
            out << "<li>" << e(partner.name) << " – "
                << (partner.beneficiary()
                        ? t(request, "stödmottagare med egen delbudget", "beneficiary with its own sub-budget")
                        : e(partner.role))
                << "</li>";
        out << "</ul></section>";
    }
}

// Accessibility's three parts, each a section of its own.
void accessibility_html(std::ostream& out, const Request& request, const model::Application& plan) {
    if (plan.accessibility) {
        const std::string name = section_title(request, "accessibility");
        for (const auto& [aspect, text] :
             {std::pair{t(request, "lokaler", "premises"), &plan.accessibility->physical},
              std::pair{t(request, "information", "information"), &plan.accessibility->information},
              std::pair{t(request, "delaktighet", "participation"), &plan.accessibility->participation}})
            if (*text && !(*text)->empty())
                out << "<section><h3>" << e(name) << ": " << e(aspect) << "</h3>" << rich_html(**text) << "</section>";
    }
}

// The cost lines and the financing, with the sub-budget's beneficiary when there are several.
void budget_html(std::ostream& out, const Request& request, const model::Application& plan,
                 const std::vector<model::CostCategoryRule>& pack_categories) {
    const bool by_beneficiary = plan.has_beneficiary_partners();
    out << "<section><h3>" << e(section_title(request, "budget")) << "</h3>";
    if (!plan.budget.cost_models.empty()) {
        std::string models;
        for (const std::string& model : plan.budget.cost_models)
            models += (models.empty() ? "" : ", ") + cost_model_name(request, model);
        out << "<p>" << t(request, "Kostnadsmodell: ", "Cost model: ") << e(models) << "</p>";
    }
    out << "<table><caption>" << t(request, "Kostnader", "Costs") << "</caption><thead><tr><th scope=\"col\">"
        << t(request, "Kategori", "Category") << "</th><th scope=\"col\">" << t(request, "År", "Year")
        << "</th><th scope=\"col\">" << t(request, "Beskrivning", "Description") << "</th>"
        << (by_beneficiary ? "<th scope=\"col\">" + t(request, "Stödmottagare", "Beneficiary") + "</th>" : "")
        << "<th scope=\"col\">" << t(request, "Belopp", "Amount") << "</th></tr></thead><tbody>";
    for (const model::CostLine& line : plan.budget.costs) {
        out << "<tr><td>" << e(category_name(request, pack_categories, line.category)) << "</td><td>" << line.year
            << "</td><td>" << e(line.label) << "</td>"
            << (by_beneficiary ? "<td>" + e(beneficiary_name(request, plan, line.beneficiary)) + "</td>" : "")
            << "<td class=\"num\">" << e(money(request, line.amount)) << "</td></tr>";
    }
    out << "<tr><th scope=\"row\" colspan=\"" << (by_beneficiary ? 4 : 3) << "\">" << t(request, "Summa", "Total")
        << "</th><td class=\"num\">" << e(money(request, plan.budget.total_costs()))
        << "</td></tr></tbody></table><table><caption>" << t(request, "Finansiering", "Financing")
        << "</caption><thead><tr><th scope=\"col\">" << t(request, "Slag", "Kind") << "</th><th scope=\"col\">"
        << t(request, "Finansiär", "Funder") << "</th>"
        << (by_beneficiary ? "<th scope=\"col\">" + t(request, "Stödmottagare", "Beneficiary") + "</th>" : "")
        << "<th scope=\"col\">" << t(request, "Belopp", "Amount") << "</th></tr></thead><tbody>";
    for (const model::FinancingSource& source : plan.budget.financing) {
        out << "<tr><td>" << e(code_name(request, model::financing_kind_words(source.kind), source.kind)) << "</td><td>"
            << e(source.funder.value_or("")) << "</td>"
            << (by_beneficiary ? "<td>" + e(beneficiary_name(request, plan, source.beneficiary)) + "</td>" : "")
            << "<td class=\"num\">" << e(money(request, source.amount)) << "</td></tr>";
    }
    out << "</tbody></table></section>";
}

// The attachments' titles.
void attachments_html(std::ostream& out, const Request& request, const model::Application& plan) {
    if (plan.attachments && !plan.attachments->empty()) {
        out << "<section><h3>" << e(section_title(request, "attachments")) << "</h3><ul>";
        for (const model::Attachment& attachment : *plan.attachments) out << "<li>" << e(attachment.title) << "</li>";
        out << "</ul></section>";
    }
}

// The plan as the service's page shows it: the vocabulary's sections in
// application order (the draft's), a section of rich text by its key, the
// others each by its writer above; a section the plan leaves out is not shown.
std::string plan_html(const Request& request, const model::Application& plan,
                      const std::vector<model::CostCategoryRule>& pack_categories) {
    using Writer = void (*)(std::ostream&, const Request&, const model::Application&);
    static const std::map<std::string_view, Writer> structured_writers = {{"project", project_html},
                                                                          {"summary", summary_html},
                                                                          {"targetGroups", target_groups_html},
                                                                          {"goals", goals_html},
                                                                          {"activities", activities_html},
                                                                          {"projectLogic", project_logic_html},
                                                                          {"riskAnalysis", risk_analysis_html},
                                                                          {"partners", partners_html},
                                                                          {"accessibility", accessibility_html},
                                                                          {"attachments", attachments_html}};
    std::ostringstream out;
    out << "<div class=\"plan\">";
    for (const model::SectionWords& section : model::sections()) {
        const std::string_view key = section.key;
        if (const std::optional<model::RichText>* text = model::rich_section(plan, key)) {
            if (*text && !(*text)->empty())
                out << "<section><h3>" << e(section_title(request, key)) << "</h3>" << rich_html(**text)
                    << "</section>";
        } else if (key == "budget") {
            budget_html(out, request, plan, pack_categories);
        } else if (const auto writer = structured_writers.find(key); writer != structured_writers.end()) {
            writer->second(out, request, plan);
        }
    }
    out << "</div>";
    return out.str();
}

std::string findings_html(const Request& request, const report::ApplicationReport& checked) {
    report::Language language = request.language == "en" ? report::Language::en : report::Language::sv;
    std::ostringstream out;
    out << "<table><caption>" << t(request, "Status per avsnitt", "Status by section")
        << "</caption><thead><tr><th scope=\"col\">" << t(request, "Avsnitt", "Section")
        << "</th><th scope=\"col\">Status</th></tr></thead><tbody>";
    for (const report::SectionSummary& summary : report::section_summary(checked, false)) {
        out << "<tr><td>" << e(report::section_name(summary.section, language, checked.programme)) << "</td><td>"
            << e(report::status_text(summary.status, language)) << "</td></tr>";
    }
    out << "</tbody></table>";
    const model::Findings findings = report::sorted(checked.findings);
    if (findings.empty()) {
        out << "<p>" << t(request, "Inga anmärkningar.", "No findings.") << "</p>";
        return out.str();
    }
    out << "<table><caption>" << t(request, "Anmärkningar", "Findings") << "</caption><thead><tr><th scope=\"col\">"
        << t(request, "Allvar", "Severity") << "</th><th scope=\"col\">" << t(request, "Regel", "Rule")
        << "</th><th scope=\"col\">" << t(request, "Meddelande", "Message") << "</th><th scope=\"col\">"
        << t(request, "Plats", "Where") << "</th></tr></thead><tbody>";
    for (const model::Finding& finding : findings) {
        const std::string severity(model::to_string(finding.severity));
        const std::string shown = severity == "error"     ? t(request, "fel", "error")
                                  : severity == "warning" ? t(request, "varning", "warning")
                                                          : t(request, "tips", "hint");
        out << "<tr><td class=\"" << e(severity) << "\">" << e(shown) << "</td><td>" << e(finding.rule) << "</td><td>"
            << e(report::message_text(finding, language)) << "</td><td>" << e(finding.where.file) << ':'
            << finding.where.line << "<br><code>" << e(finding.where.path) << "</code></td></tr>";
    }
    out << "</tbody></table>";
    return out.str();
}

// The transitions the caller may try from the current status, as buttons.
std::vector<std::pair<std::string, std::string>> moves(const Request& request, const Caller& caller,
                                                       const store::Application& application) {
    using store::Status;
    std::vector<std::pair<std::string, std::string>> out;
    const bool owner = caller.role == "owner" && caller.organisation == application.organisation;
    const bool reviewer = caller.role == "reviewer" || caller.role == "admin";
    const Status s = application.status;
    if (owner && (s == Status::draft || s == Status::changes_requested))
        out.push_back({"submitted", t(request, "Skicka in", "Submit")});
    if (owner && s == Status::submitted) out.push_back({"draft", t(request, "Dra tillbaka", "Withdraw")});
    if (reviewer && s == Status::submitted) out.push_back({"in-review", t(request, "Börja granska", "Start review")});
    if (reviewer && s == Status::in_review) {
        out.push_back({"changes-requested", t(request, "Begär ändringar", "Request changes")});
        out.push_back({"approved", t(request, "Bevilja", "Approve")});
        out.push_back({"rejected", t(request, "Avslå", "Reject")});
    }
    return out;
}

std::string applications_table(const Request& request, const std::vector<store::ApplicationListing>& rows,
                               bool submitted_column) {
    if (rows.empty()) return "<p>" + t(request, "Inga ansökningar.", "No applications.") + "</p>";
    std::ostringstream out;
    out << "<table><thead><tr><th scope=\"col\">" << t(request, "Titel", "Title") << "</th><th scope=\"col\">"
        << t(request, "Organisation", "Organisation") << "</th><th scope=\"col\">Status</th><th scope=\"col\">"
        << t(request, "Senaste version", "Latest version") << "</th><th scope=\"col\">"
        << t(request, "Kontroll", "Check") << "</th><th scope=\"col\">"
        << (submitted_column ? t(request, "Inskickad", "Submitted") : t(request, "Ändrad", "Updated"))
        << "</th></tr></thead><tbody>";
    for (const store::ApplicationListing& row : rows) {
        out << "<tr><td><a href=\"/applications/" << e(row.application.id) << "\">" << e(row.application.title)
            << "</a>" << (row.application.acronym.empty() ? "" : " (" + e(row.application.acronym) + ")") << "</td><td>"
            << e(row.application.organisation) << "</td><td><span class=\"status\">"
            << e(status_name(request, row.application.status)) << "</span></td><td class=\"num\">" << row.latest.number
            << "</td><td>" << e(summary_text(request, row.latest.summary)) << "</td><td class=\"date\">"
            << e(submitted_column ? (row.application.submitted_at ? date_of(*row.application.submitted_at) : "")
                                  : date_of(row.application.updated))
            << "</td></tr>";
    }
    out << "</tbody></table>";
    return out.str();
}

// Sign-in has no session to hold a CSRF token, so the form carries one that
// must equal a cookie set with it (SameSite=Strict, only for /login): another
// site cannot read the cookie, so it cannot sign a visitor in to an account
// of its own choosing (login CSRF).
const char* const login_cookie = "esfdraft_login";

std::string login_cookie_header(const Context& context, const std::string& token) {
    return std::string(login_cookie) + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict; Max-Age=3600" +
           (context.options.secure_cookies ? "; Secure" : "");
}

bool login_token_matches(const Request& request) {
    const auto cookie = request.cookies.find(login_cookie);
    const std::string* field = request.field("login_csrf");
    return cookie != request.cookies.end() && field && !cookie->second.empty() && cookie->second == *field;
}

// The sign-in page with a fresh login token in its form and its cookie.
Response login_page(const Context& context, const Request& request, const std::string& message,
                    const std::string& email, int status = 200) {
    const std::string token = store::random_token();
    std::ostringstream out;
    out << "<h1>" << t(request, "Logga in", "Sign in") << "</h1>";
    if (!message.empty()) out << "<div class=\"alert\" role=\"alert\">" << e(message) << "</div>";
    out << "<form method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"login_csrf\" value=\"" << e(token)
        << "\">"
        << "<label for=\"email\">" << t(request, "E-post", "Email")
        << "</label><input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"username\" required value=\""
        << e(email) << "\"><label for=\"password\">" << t(request, "Lösenord", "Password")
        << "</label><input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" "
           "required>"
        << "<p><button type=\"submit\">" << t(request, "Logga in", "Sign in") << "</button></p></form>";
    Response response = html(request, {t(request, "Logga in", "Sign in"), out.str()}, status);
    response.headers.emplace_back("Set-Cookie", login_cookie_header(context, token));
    return response;
}

const std::string& field_or_empty(const Request& request, const std::string& name) {
    static const std::string empty;
    const std::string* value = request.field(name);
    return value ? *value : empty;
}

// The application's title, a notice after a change, its status,
// organisation, programme and call.
void write_application_head(std::ostringstream& out, const Request& request, const store::Application& application,
                            const UploadCheck& checked, const std::string& notice) {
    out << "<h1>" << e(application.title) << "</h1>";
    if (!notice.empty()) out << "<div class=\"notice\" role=\"status\">" << e(notice) << "</div>";
    out << "<p>" << t(request, "Status", "Status") << ": <span class=\"status\">"
        << e(status_name(request, application.status)) << "</span> · " << t(request, "Organisation", "Organisation")
        << ": " << e(application.organisation) << " · " << t(request, "Program", "Programme") << ": "
        << e(titled(request, checked.programme_title, application.programme))
        << (application.call.empty() ? ""
                                     : " · " + t(request, "Utlysning", "Call") + ": " +
                                           e(titled(request, checked.call_title, application.call)))
        << "</p>";
}

// The status changes the caller may make, each a button, with a comment.
void write_transitions(std::ostringstream& out, Request& request, const Caller& caller,
                       const store::Application& application, const std::string& base) {
    const auto buttons = moves(request, caller, application);
    if (buttons.empty()) return;
    out << "<form method=\"post\" action=\"" << e(base) << "/transitions\">" << csrf_field(request)
        << "<label for=\"transition-comment\">"
        << t(request, "Kommentar till statusändringen (valfri)", "Comment on the status change (optional)")
        << "</label><textarea id=\"transition-comment\" name=\"comment\"></textarea><p>";
    for (const auto& [to, label] : buttons)
        out << "<button type=\"submit\" name=\"to\" value=\"" << e(to) << "\">" << e(label) << "</button>";
    out << "</p></form>";
}

// Every version with its check summary and its files.
void write_versions(std::ostringstream& out, Context& context, const Request& request,
                    const std::vector<store::VersionInfo>& versions, const std::string& api) {
    out << "<h2>" << t(request, "Versioner", "Versions") << "</h2><table><thead><tr><th scope=\"col\">"
        << t(request, "Version", "Version") << "</th><th scope=\"col\">" << t(request, "Skapad", "Created")
        << "</th><th scope=\"col\">" << t(request, "Av", "By") << "</th><th scope=\"col\">"
        << t(request, "Kontroll", "Check") << "</th><th scope=\"col\">" << t(request, "Filer", "Files")
        << "</th></tr></thead><tbody>";
    for (const store::VersionInfo& version : versions) {
        const std::string v = api + "/versions/" + std::to_string(version.number);
        out << "<tr><td class=\"num\">" << version.number << "</td><td class=\"date\">" << e(iso_time(version.created))
            << "</td><td>" << e(user_email(context, version.created_by)) << "</td><td>"
            << e(summary_text(request, version.summary)) << "</td><td>"
            << "<a href=\"" << e(v) << "/plan.xml\">plan.xml</a>";
        if (version.findings_sha256) out << " · <a href=\"" << e(v) << "/findings.xml\">findings.xml</a>";
        out << " · <a href=\"" << e(v) << "/report?format=html&amp;lang=" << e(request.language) << "\">"
            << t(request, "rapport", "report") << "</a> · <a href=\"" << e(v)
            << "/draft.docx?lang=" << e(request.language) << "\">" << t(request, "utkast (DOCX)", "draft (DOCX)")
            << "</a> · <a href=\"" << e(v) << "/assessment.docx?lang=" << e(request.language) << "\">"
            << t(request, "bedömningsunderlag (DOCX)", "assessment (DOCX)") << "</a> · <a href=\"" << e(v)
            << "/budget.xlsx\">" << t(request, "budget (XLSX)", "budget (XLSX)") << "</a></td></tr>";
    }
    out << "</tbody></table>";
}

// What the owner can do with a draft or an application sent back: edit it,
// upload a new version or an edited budget, follow a pre-study up.
void write_owner_actions(std::ostringstream& out, Request& request, const store::Application& application,
                         const UploadCheck& checked, const std::string& base) {
    if (application.status == store::Status::draft || application.status == store::Status::changes_requested) {
        out << "<p><a class=\"button\" id=\"edit-in-browser\" href=\"" << e(base) << "/edit\">"
            << t(request, "Redigera i webbläsaren", "Edit in the browser") << "</a></p>"
            << "<h3>" << t(request, "Ladda upp en ny version", "Upload a new version") << "</h3>"
            << upload_form(request, base + "/versions", t(request, "Ladda upp", "Upload")) << "<h3>"
            << t(request, "Eller ladda upp en redigerad budget", "Or upload an edited budget")
            << "</h3><p id=\"budget-help\">"
            << t(request,
                 "Ladda ner budgeten (XLSX) för den senaste versionen, ändra kostnadsraderna och finansieringen i "
                 "Excel eller LibreOffice och ladda upp arbetsboken här. Du ser ändringarna först; den nya versionen "
                 "är "
                 "den senaste planen med bara budgeten utbytt.",
                 "Download the latest version's budget (XLSX), edit the cost lines and financing in Excel or "
                 "LibreOffice and upload the workbook here. You see the changes first; the new version is the latest "
                 "plan with only its budget replaced.")
            << "</p><form method=\"post\" action=\"" << e(base) << "/budget\" enctype=\"multipart/form-data\">"
            << csrf_field(request) << "<label for=\"budget\">"
            << t(request, "Budgetarbetsbok (XLSX)", "Budget workbook (XLSX)") << "</label>"
            << "<input type=\"file\" id=\"budget\" name=\"budget\" aria-describedby=\"budget-help\" "
               "accept=\".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\" required>"
            << "<p><button type=\"submit\">" << t(request, "Visa ändringarna", "Show the changes")
            << "</button></p></form>";
    }
    // A pre-study leads to an implementation application: started here with its facts carried forward.
    if (checked.application && checked.application->project.phase.value == "prestudy") {
        out << "<h3>" << t(request, "Efter förstudien", "After the pre-study") << "</h3><form method=\"post\" action=\""
            << e(base) << "/follow-up\">" << csrf_field(request) << "<p id=\"follow-up-help\">"
            << t(request,
                 "En ny ansökan om genomförande med förstudiens projektuppgifter, kommuner och en länk till "
                 "förstudien; "
                 "förstudiens resultat följer med. Den här ansökan ändras inte.",
                 "A new implementation application with the pre-study's project facts, municipalities and a link to "
                 "the "
                 "pre-study; the pre-study's findings come along. This application is not changed.")
            << "</p><p><button type=\"submit\" aria-describedby=\"follow-up-help\">"
            << t(request, "Starta en genomförandeansökan", "Start an implementation application")
            << "</button></p></form>";
    }
}

// Two versions to compare, the last two chosen.
void write_version_choice(std::ostringstream& out, const Request& request,
                          const std::vector<store::VersionInfo>& versions, const std::string& base) {
    out << "<h3>" << t(request, "Jämför versioner", "Compare versions") << "</h3><form method=\"get\" action=\""
        << e(base) << "/diff\" class=\"filters\"><div><label for=\"from\">" << t(request, "Från", "From")
        << "</label><select id=\"from\" name=\"from\">";
    for (const store::VersionInfo& version : versions) {
        out << "<option" << (static_cast<std::size_t>(version.number) + 1 == versions.size() ? " selected" : "") << ">"
            << version.number << "</option>";
    }
    out << "</select></div><div><label for=\"to\">" << t(request, "Till", "To")
        << "</label><select id=\"to\" name=\"to\">";
    for (const store::VersionInfo& version : versions) {
        out << "<option" << (static_cast<std::size_t>(version.number) == versions.size() ? " selected" : "") << ">"
            << version.number << "</option>";
    }
    out << "</select></div><div><button type=\"submit\">" << t(request, "Jämför", "Compare")
        << "</button></div></form>";
}

// The comments so far and the form for a new one on the latest version.
void write_comments(std::ostringstream& out, Context& context, Request& request, const store::Application& application,
                    const store::Version& latest, const std::string& base) {
    out << "<h2>" << t(request, "Kommentarer", "Comments") << "</h2>";
    const std::vector<store::Comment> comments = context.store.list_comments(application.id);
    if (comments.empty()) out << "<p>" << t(request, "Inga kommentarer än.", "No comments yet.") << "</p>";
    for (const store::Comment& comment : comments) {
        out << "<article class=\"comment\"><h3>" << e(user_email(context, comment.author)) << ", "
            << e(iso_time(comment.created)) << " (" << t(request, "version ", "version ") << comment.version
            << (comment.section ? ", " + e(*comment.section) : "") << (comment.rule ? ", " + e(*comment.rule) : "")
            << ")</h3><p>" << e(comment.text) << "</p></article>";
    }
    out << "<form method=\"post\" action=\"" << e(base) << "/comments\">" << csrf_field(request)
        << "<label for=\"comment-text\">" << t(request, "Ny kommentar", "New comment")
        << "</label><textarea id=\"comment-text\" name=\"text\" required></textarea>"
        << "<label for=\"comment-section\">" << t(request, "Avsnitt (valfritt)", "Section (optional)")
        << "</label><input type=\"text\" id=\"comment-section\" name=\"section\"><label for=\"comment-rule\">"
        << t(request, "Regel (valfri, t.ex. B005)", "Rule (optional, e.g. B005)")
        << "</label><input type=\"text\" id=\"comment-rule\" name=\"rule\"><input type=\"hidden\" name=\"version\" "
           "value=\""
        << latest.number << "\"><p><button type=\"submit\">" << t(request, "Lägg till kommentar", "Add comment")
        << "</button></p></form>";
}

// Who did what to the application, and when.
void write_history(std::ostringstream& out, Context& context, const Request& request,
                   const store::Application& application) {
    out << "<h2>" << t(request, "Historik", "History") << "</h2><table><thead><tr><th scope=\"col\">"
        << t(request, "När", "When") << "</th><th scope=\"col\">" << t(request, "Vem", "Who")
        << "</th><th scope=\"col\">" << t(request, "Vad", "What") << "</th><th scope=\"col\">"
        << t(request, "Detalj", "Detail") << "</th></tr></thead><tbody>";
    for (const store::HistoryEvent& event : context.store.list_history(application.id)) {
        out << "<tr><td class=\"date\">" << e(iso_time(event.at)) << "</td><td>"
            << e(event.actor ? user_email(context, *event.actor) : "") << "</td><td>" << e(event.action)
            << (event.from_status || event.to_status
                    ? " " + e(event.from_status.value_or("")) + " → " + e(event.to_status.value_or(""))
                    : "")
            << "</td><td>" << e(event.detail) << "</td></tr>";
    }
    out << "</tbody></table>";
}

Response application_page(Context& context, Request& request, const std::string& notice) {
    const Caller& caller = caller_of(request);
    const store::Application application = visible_application(context, caller, request.params.at("id"));
    const std::vector<store::VersionInfo> versions = context.store.list_versions(application.id);
    const store::Version latest = find_version(context, application.id, "latest");
    const UploadCheck checked = check_version(context, latest);
    const std::string base = "/applications/" + application.id;
    const std::string api = "/api/applications/" + application.id;
    std::ostringstream out;
    write_application_head(out, request, application, checked, notice);
    write_transitions(out, request, caller, application, base);
    write_versions(out, context, request, versions, api);
    const bool owner = caller.role == "owner" && caller.organisation == application.organisation;
    if (owner) write_owner_actions(out, request, application, checked, base);
    if (versions.size() >= 2) write_version_choice(out, request, versions, base);
    out << "<h2>" << t(request, "Kontrollrapport, version ", "Check report, version ") << latest.number << "</h2>"
        << findings_html(request, checked.report);
    write_comments(out, context, request, application, latest, base);
    write_history(out, context, request, application);
    out << "<h2>" << t(request, "Projektplanen, version ", "The project plan, version ") << latest.number << "</h2>";
    if (checked.application)
        out << plan_html(request, *checked.application, checked.cost_categories);
    else
        out << "<p>"
            << t(request, "Planen kunde inte läsas; se rapporten.", "The plan could not be read; see the report.")
            << "</p>";
    return html(request, {application.title, out.str()});
}

// The diff's change words ("added", "changed", "removed") in the page's language.
std::string change_name(const Request& request, const std::string& change) {
    if (change == "added") return t(request, "tillagd", "added");
    if (change == "removed") return t(request, "borttagen", "removed");
    if (change == "changed") return t(request, "ändrad", "changed");
    return change;
}

// The diff's JSON words, as the page says them.
std::string diff_kind_name(const Request& request, const std::string& kind) {
    const DiffKind* found = diff_kind(kind);
    return found ? std::string(request.language == "en" ? found->en : found->sv) : kind;
}

std::string diff_field_name(const Request& request, const std::string& field) {
    static const std::map<std::string, std::pair<const char*, const char*>> names = {
        {"text", {"text", "text"}},
        {"amount", {"belopp", "amount"}},
        {"organisationNumber", {"organisationsnummer", "organisation number"}},
        {"kind", {"slag", "kind"}},
        {"statement", {"mål", "statement"}},
        {"unit", {"enhet", "unit"}},
        {"target", {"målvärde", "target"}},
        {"baseline", {"utgångsvärde", "baseline"}},
        {"women", {"kvinnor", "women"}},
        {"men", {"män", "men"}},
        {"due", {"ska nås", "due"}},
        {"title", {"titel", "title"}},
        {"start", {"start", "start"}},
        {"end", {"slut", "end"}},
        {"goals", {"mål", "goals"}},
        {"description", {"beskrivning", "description"}},
        {"name", {"namn", "name"}},
        {"partner", {"partner", "partner"}},
        {"beneficiary", {"stödmottagare", "beneficiary"}},
        {"role", {"roll", "role"}},
        {"likelihood", {"sannolikhet", "likelihood"}},
        {"impact", {"konsekvens", "impact"}},
        {"measure", {"åtgärd", "measure"}},
        {"nonBinary", {"icke-binära", "non-binary"}},
        {"code", {"kod", "code"}}};
    const auto found = names.find(field);
    return found == names.end() ? field : t(request, found->second.first, found->second.second);
}

// An amount of the diff ("100000.00") as the page's language writes money;
// anything else as it is.
std::string diff_amount(const Request& request, const std::string& value) {
    const std::optional<model::Money> amount = model::parse_money(value);
    if (!amount) return value;
    return request.language == "en" ? model::format_sek_en(*amount) : model::format_sek(*amount);
}

// A share of the diff ("40.0", per cent) with the page's decimal mark.
std::string diff_share(const Request& request, std::string value) {
    if (value.empty()) return value;
    if (request.language != "en")
        for (char& c : value)
            if (c == '.') c = ',';
    return value + "\u00a0%";
}

}  // namespace

std::string diff_html(const Request& request, const JsonObject& diff) {
    std::ostringstream out;
    out << "<h2>" << t(request, "Nyckeltal", "Key figures")
        << "</h2><table><thead><tr><th scope=\"col\"><span class=\"visually-hidden\">"
        << t(request, "Nyckeltal", "Key figure") << "</span></th><th scope=\"col\">" << t(request, "Före", "Before")
        << "</th><th scope=\"col\">" << t(request, "Efter", "After") << "</th></tr></thead><tbody>";
    const JsonObject figures = diff->getObject("keyFigures");
    const JsonObject before = figures->getObject("before");
    const JsonObject after = figures->getObject("after");
    for (const auto& [key, label] : std::vector<std::pair<std::string, std::string>>{
             {"totalCost", t(request, "Total kostnad", "Total cost")},
             {"esf", t(request, "ESF-stöd", "ESF support")},
             {"coFinancingShare", t(request, "Medfinansiering", "Co-financing")}}) {
        const auto shown = [&](const JsonObject& side) {
            if (!side->has(key) || side->isNull(key)) return std::string();
            const std::string value = side->get(key).toString();
            return key == "coFinancingShare" ? diff_share(request, value) : diff_amount(request, value);
        };
        out << "<tr><th scope=\"row\">" << e(label) << "</th><td class=\"num\">" << e(shown(before))
            << "</td><td class=\"num\">" << e(shown(after)) << "</td></tr>";
    }
    out << "</tbody></table><h2>" << t(request, "Ändringar i planen", "Changes in the plan") << "</h2>";
    const JsonArray changes = diff->getArray("changes");
    if (!changes->size())
        out << "<p>" << t(request, "Inga ändringar.", "No changes.") << "</p>";
    else {
        out << "<table><thead><tr><th scope=\"col\">" << t(request, "Vad", "What") << "</th><th scope=\"col\">"
            << t(request, "Ändring", "Change") << "</th><th scope=\"col\">" << t(request, "Fält", "Field")
            << "</th><th scope=\"col\">" << t(request, "Före", "Before") << "</th><th scope=\"col\">"
            << t(request, "Efter", "After") << "</th></tr></thead><tbody>";
        for (std::size_t i = 0; i < changes->size(); ++i) {
            const JsonObject change = changes->getObject(static_cast<unsigned int>(i));
            const JsonArray fields = change->getArray("fields");
            for (std::size_t f = 0; f < fields->size(); ++f) {
                const JsonObject field = fields->getObject(static_cast<unsigned int>(f));
                const std::string name = field->getValue<std::string>("field");
                const auto value = [&](const char* which) {
                    if (field->isNull(which)) return std::string();
                    const std::string text = field->getValue<std::string>(which);
                    return name == "amount" ? diff_amount(request, text) : text;
                };
                out << "<tr><td>" << e(diff_kind_name(request, change->getValue<std::string>("kind"))) << " "
                    << e(change->getValue<std::string>("key")) << "</td><td>"
                    << e(change_name(request, change->getValue<std::string>("change"))) << "</td><td>"
                    << e(diff_field_name(request, name)) << "</td><td><del>" << e(value("old"))
                    << "</del></td><td><ins>" << e(value("new")) << "</ins></td></tr>";
            }
            if (!fields->size()) {
                out << "<tr><td>" << e(diff_kind_name(request, change->getValue<std::string>("kind"))) << " "
                    << e(change->getValue<std::string>("key")) << "</td><td>"
                    << e(change_name(request, change->getValue<std::string>("change")))
                    << "</td><td></td><td></td><td></td></tr>";
            }
        }
        out << "</tbody></table>";
    }
    const JsonObject check = diff->getObject("check");
    for (const auto& [key, label] : std::vector<std::pair<std::string, std::string>>{
             {"new", t(request, "Nya anmärkningar", "New findings")},
             {"resolved", t(request, "Åtgärdade anmärkningar", "Resolved findings")}}) {
        out << "<h2>" << e(label) << "</h2>";
        const JsonArray list = check->getArray(key);
        if (!list->size()) {
            out << "<p>" << t(request, "Inga.", "None.") << "</p>";
            continue;
        }
        out << "<ul>";
        for (std::size_t i = 0; i < list->size(); ++i) {
            const JsonObject finding = list->getObject(static_cast<unsigned int>(i));
            out << "<li><strong>" << e(finding->getValue<std::string>("rule")) << "</strong> "
                << e(finding->getValue<std::string>("message")) << " <code>"
                << e(finding->getValue<std::string>("path")) << "</code></li>";
        }
        out << "</ul>";
    }
    return out.str();
}

namespace {

Response diff_page(Context& context, Request& request) {
    const Caller& caller = caller_of(request);
    const store::Application application = visible_application(context, caller, request.params.at("id"));
    const std::string* from = request.query_value("from");
    const std::string* to = request.query_value("to");
    if (!from || !to) throw HttpError(400, "invalid", t(request, "Välj två versioner.", "Choose two versions."));
    const JsonObject diff = version_diff(context, application, *from, *to, request.language);
    std::ostringstream out;
    out << "<h1>" << e(application.title) << ": " << t(request, "version ", "version ") << e(*from) << " → " << e(*to)
        << "</h1>"
        << "<p><a href=\"/applications/" << e(application.id) << "\">"
        << t(request, "Tillbaka till ansökan", "Back to the application") << "</a></p>";
    out << diff_html(request, diff);
    return html(request, {t(request, "Jämförelse", "Comparison"), out.str()});
}

std::string select_filter(const Request& request, const std::string& name, const std::string& label,
                          const std::vector<std::pair<std::string, std::string>>& options) {
    const std::string* chosen = request.query_value(name);
    std::ostringstream out;
    out << "<div><label for=\"filter-" << e(name) << "\">" << e(label) << "</label><select id=\"filter-" << e(name)
        << "\" name=\"" << e(name) << "\"><option value=\"\">" << t(request, "alla", "all") << "</option>";
    for (const auto& [value, text] : options) {
        out << "<option value=\"" << e(value) << "\"" << (chosen && *chosen == value ? " selected" : "") << ">"
            << e(text) << "</option>";
    }
    out << "</select></div>";
    return out.str();
}

}  // namespace

Response error_page(Context&, const Request& request, const HttpError& error) {
    std::ostringstream out;
    std::string heading;
    switch (error.status()) {
        case 404: heading = t(request, "Sidan finns inte", "Page not found"); break;
        case 403: heading = t(request, "Inte tillåtet", "Not allowed"); break;
        case 409: heading = t(request, "Går inte just nu", "Not possible now"); break;
        case 413: heading = t(request, "För stor fil", "File too large"); break;
        default:
            heading = error.status() >= 500 ? t(request, "Något gick fel", "Something went wrong")
                                            : t(request, "Det gick inte", "That did not work");
    }
    out << "<h1>" << e(heading) << "</h1><div class=\"alert\" role=\"alert\"><p>" << e(error.message(request.language))
        << "</p></div><p><a href=\"/\">" << t(request, "Till startsidan", "To the start page") << "</a></p>";
    return html(request, {heading, out.str()}, error.status());
}

// Long because it is the route table: one entry per page, with its method,
// path, access and handler together; the pages are drawn by the functions
// above.
void add_page_routes(Router& router, Context& context) {
    Context* site = &context;

    router.add({"GET", "/static/site.css", "The pages' stylesheet", Access::anyone, true, [](Request&) {
                    Response response;
                    response.content_type = "text/css; charset=utf-8";
                    response.body = stylesheet;
                    return response;
                }});

    router.add({"GET", "/", "Start: the applications, or sign in", Access::anyone, true,
                [](Request& request) { return redirect(request.caller ? "/applications" : "/login"); }});

    router.add({"GET", "/login", "Sign-in page", Access::anyone, true, [site](Request& request) {
                    if (request.caller) return redirect("/applications");
                    return login_page(*site, request, "", "");
                }});

    router.add(
        {"POST", "/login", "Sign in (form)", Access::anyone, true, [site](Request& request) {
             const std::string email = field_or_empty(request, "email");
             if (!login_token_matches(request))
                 return login_page(
                     *site, request,
                     t(request,
                       "Inloggningsformuläret hade gått ut eller kom från en annan webbplats. Logga in igen här.",
                       "The sign-in form had expired or came from another site. Sign in again here."),
                     email, 403);
             try {
                 const LoginResult login =
                     log_in(*site, email, field_or_empty(request, "password"), request.client_address);
                 Response response = redirect("/applications");
                 response.headers.emplace_back("Set-Cookie", session_cookie_header(*site, login.token));
                 return response;
             } catch (const HttpError& error) {
                 if (error.status() != 401 && error.status() != 429) throw;
                 const std::string message =
                     error.status() == 429
                         ? t(request, "För många misslyckade inloggningar. Vänta en kvart och försök igen.",
                             "Too many failed sign-ins. Wait a quarter of an hour and try again.")
                         : t(request, "Fel e-postadress eller lösenord.", "Wrong email or password.");
                 return login_page(*site, request, message, email, error.status());
             }
         }});

    router.add({"POST", "/logout", "Sign out (form)", Access::signed_in, true, [site](Request& request) {
                    log_out(*site, request);
                    Response response = redirect("/login");
                    response.headers.emplace_back("Set-Cookie", expired_session_cookie_header(*site));
                    return response;
                }});

    router.add(
        {"POST", "/language", "Choose the pages' language (form: lang)", Access::anyone, true, [](Request& request) {
             const std::string lang = field_or_empty(request, "lang") == "en" ? "en" : "sv";
             Response response = redirect(request.caller ? "/applications" : "/login");
             response.headers.emplace_back(
                 "Set-Cookie", std::string(language_cookie) + "=" + lang + "; Path=/; SameSite=Lax; Max-Age=31536000");
             return response;
         }});

    router.add({"GET", "/applications", "The caller's applications", Access::signed_in, true, [site](Request& request) {
                    const Caller& caller = caller_of(request);
                    const auto rows = site->store.list_applications(visibility_filter(caller));
                    std::ostringstream out;
                    out << "<h1>"
                        << (caller.role == "owner" ? t(request, "Mina ansökningar", "My applications")
                                                   : t(request, "Ansökningar", "Applications"))
                        << "</h1>";
                    if (caller.role == "owner")
                        out << "<p><a class=\"button\" href=\"/applications/new\">"
                            << t(request, "Ny ansökan", "New application") << "</a></p>";
                    out << applications_table(request, rows, false);
                    return html(request, {t(request, "Ansökningar", "Applications"), out.str()});
                }});

    router.add(
        {"GET", "/applications/new", "Upload form for a new application", Access::signed_in, true,
         [](Request& request) {
             if (caller_of(request).role != "owner")
                 throw HttpError(
                     403, "forbidden",
                     t(request, "Bara projektägare skapar ansökningar.", "Only project owners create applications."));
             std::ostringstream out;
             out << "<h1>" << t(request, "Ny ansökan", "New application") << "</h1><p>"
                 << t(request,
                      "Ladda upp projektplanen (och gärna förstudiens resultat). Planen kontrolleras direkt och sparas "
                      "som version 1.",
                      "Upload the project plan (and the pre-study's findings if you have them). The plan is checked at "
                      "once and stored as version 1.")
                 << "</p>" << upload_form(request, "/applications", t(request, "Skapa ansökan", "Create application"))
                 << "<h2>" << t(request, "Eller skriv den i webbläsaren", "Or write it in the browser") << "</h2><p>"
                 << t(request,
                      "Fyll i ansökan del för del i formulär. Varje sparning kontrolleras och blir en ny version.",
                      "Fill in the application part by part in forms. Every save is checked and becomes a new version.")
                 << "</p><p><a class=\"button\" id=\"write-in-browser\" href=\"/applications/new/edit\">"
                 << t(request, "Skriv ansökan i webbläsaren", "Write it in the browser") << "</a></p>";
             return html(request, {t(request, "Ny ansökan", "New application"), out.str()});
         }});

    router.add({"POST", "/applications", "Create an application (form upload)", Access::signed_in, true,
                [site](Request& request) {
                    const StoredVersion stored = create_application(*site, caller_of(request), upload_parts(request));
                    return redirect("/applications/" + stored.application);
                }});

    router.add({"GET", "/applications/{id}", "One application", Access::signed_in, true,
                [site](Request& request) { return application_page(*site, request, ""); }});

    router.add({"POST", "/applications/{id}/versions",
                "Upload a new version (form: plan, findings; or budget, an edited budget workbook)", Access::signed_in,
                true, [site](Request& request) {
                    const Caller& caller = caller_of(request);
                    const store::Application application = visible_application(*site, caller, request.params.at("id"));
                    // A workbook (the part `budget`) is shown as a diff first, never stored unseen.
                    if (request.parts.count("budget")) {
                        return budget_preview_page(*site, request);
                    } else {
                        add_version(*site, caller, application, upload_parts(request));
                    }
                    return redirect("/applications/" + application.id);
                }});

    router.add({"POST", "/applications/{id}/transitions", "Change the status (form: to, comment)", Access::signed_in,
                true, [site](Request& request) {
                    const Caller& caller = caller_of(request);
                    const store::Application application = visible_application(*site, caller, request.params.at("id"));
                    transition(*site, caller, application, field_or_empty(request, "to"),
                               field_or_empty(request, "comment"));
                    return redirect("/applications/" + application.id);
                }});

    router.add({"POST", "/applications/{id}/comments", "Add a comment (form)", Access::signed_in, true,
                [site](Request& request) {
                    const Caller& caller = caller_of(request);
                    const store::Application application = visible_application(*site, caller, request.params.at("id"));
                    CommentInput input;
                    input.version = field_or_empty(request, "version");
                    input.text = field_or_empty(request, "text");
                    if (!field_or_empty(request, "section").empty()) input.section = field_or_empty(request, "section");
                    if (!field_or_empty(request, "rule").empty()) input.rule = field_or_empty(request, "rule");
                    add_comment(*site, caller, application, input);
                    return redirect("/applications/" + application.id);
                }});

    router.add({"GET", "/applications/{id}/diff", "Compare two versions", Access::signed_in, true,
                [site](Request& request) { return diff_page(*site, request); }});

    router.add({"GET", "/queue", "The reviewers' queue", Access::signed_in, true, [site](Request& request) {
                    const Caller& caller = caller_of(request);
                    if (caller.role == "owner")
                        throw HttpError(
                            403, "forbidden",
                            t(request, "Granskningskön är för handläggare.", "The review queue is for reviewers."));
                    store::ApplicationFilter filter = listing_filter(request, caller);
                    const auto rows = site->store.list_applications(filter, store::ListOrder::submitted_asc);
                    std::vector<std::pair<std::string, std::string>> statuses;
                    for (store::Status s :
                         {store::Status::submitted, store::Status::in_review, store::Status::changes_requested,
                          store::Status::approved, store::Status::rejected, store::Status::draft}) {
                        statuses.push_back({std::string(store::to_string(s)), status_name(request, s)});
                    }
                    std::vector<std::pair<std::string, std::string>> programmes;
                    for (const char* programme : {"esf-2007-2013", "esf-plus-2021-2027"})
                        programmes.push_back(
                            {programme, std::string(model::programme_words(programme)->in(request.language))});
                    std::ostringstream out;
                    out << "<h1>" << t(request, "Granskningskö", "Review queue")
                        << "</h1><form method=\"get\" action=\"/queue\" class=\"filters\">"
                        << select_filter(request, "status", "Status", statuses)
                        << select_filter(request, "programme", t(request, "Program", "Programme"), programmes)
                        << "<div><label for=\"filter-call\">" << t(request, "Utlysning", "Call")
                        << "</label><input type=\"text\" id=\"filter-call\" name=\"call\" value=\""
                        << e(request.query_value("call") ? *request.query_value("call") : "") << "\"></div>"
                        << select_filter(request, "verdict", t(request, "Bedömning", "Verdict"),
                                         {{"ready", t(request, "klar att skicka in", "ready to submit")},
                                          {"not-ready", t(request, "inte klar", "not ready")}})
                        << "<div><button type=\"submit\">" << t(request, "Filtrera", "Filter")
                        << "</button></div></form>"
                        << "<p class=\"muted\">" << t(request, "Äldst inskickad först.", "Oldest submission first.")
                        << "</p>" << applications_table(request, rows, true);
                    return html(request, {t(request, "Granskningskö", "Review queue"), out.str()});
                }});

    const auto users_page = [site](Request& request, const std::string& notice) {
        std::ostringstream out;
        out << "<h1>" << t(request, "Användare", "Users") << "</h1>";
        if (!notice.empty()) out << "<div class=\"notice\" role=\"status\">" << notice << "</div>";
        out << "<table><thead><tr><th scope=\"col\">" << t(request, "E-post", "Email") << "</th><th scope=\"col\">"
            << t(request, "Namn", "Name") << "</th><th scope=\"col\">" << t(request, "Roll", "Role")
            << "</th><th scope=\"col\">" << t(request, "Organisation", "Organisation") << "</th><th scope=\"col\">"
            << t(request, "Aktiv", "Active") << "</th></tr></thead><tbody>";
        for (const store::User& user : site->store.list_users()) {
            out << "<tr><td>" << e(user.email) << "</td><td>" << e(user.name) << "</td><td>"
                << e(std::string(store::to_string(user.role))) << "</td><td>" << e(user.organisation) << "</td><td>"
                << (user.disabled ? t(request, "avstängd", "disabled") : t(request, "ja", "yes")) << "</td></tr>";
        }
        out << "</tbody></table><h2>" << t(request, "Lägg till användare", "Add a user")
            << "</h2><form method=\"post\" action=\"/users\">" << csrf_field(request) << "<label for=\"user-email\">"
            << t(request, "E-post", "Email")
            << "</label><input type=\"email\" id=\"user-email\" name=\"email\" required><label for=\"user-name\">"
            << t(request, "Namn", "Name")
            << "</label><input type=\"text\" id=\"user-name\" name=\"name\"><label for=\"user-role\">"
            << t(request, "Roll", "Role") << "</label><select id=\"user-role\" name=\"role\"><option value=\"owner\">"
            << t(request, "projektägare", "owner") << "</option><option value=\"reviewer\">"
            << t(request, "handläggare", "reviewer") << "</option><option value=\"admin\">"
            << t(request, "administratör", "admin") << "</option></select><label for=\"user-organisation\">"
            << t(request, "Organisationsnummer (projektägare)", "Organisation number (owners)")
            << "</label><input type=\"text\" id=\"user-organisation\" name=\"organisation\"><p><button type=\"submit\">"
            << t(request, "Lägg till", "Add") << "</button></p></form>";
        return html(request, {t(request, "Användare", "Users"), out.str()});
    };

    router.add({"GET", "/users", "Users (admin)", Access::signed_in, true, [users_page](Request& request) {
                    if (caller_of(request).role != "admin")
                        throw HttpError(403, "forbidden",
                                        t(request, "Bara administratörer hanterar användare.",
                                          "Only administrators manage users."));
                    return users_page(request, "");
                }});

    router.add(
        {"POST", "/users", "Add a user (admin, form)", Access::signed_in, true, [site, users_page](Request& request) {
             const Caller& caller = caller_of(request);
             if (caller.role != "admin")
                 throw HttpError(
                     403, "forbidden",
                     t(request, "Bara administratörer hanterar användare.", "Only administrators manage users."));
             const std::optional<store::Role> role = store::parse_role(field_or_empty(request, "role"));
             const std::string email = field_or_empty(request, "email");
             if (!role || email.find('@') == std::string::npos)
                 throw HttpError(400, "invalid", t(request, "Ange e-post och roll.", "Give an email and a role."));
             const std::string password = store::generate_password();
             const auto added =
                 site->store.add_user(email, field_or_empty(request, "name"), *role,
                                      *role == store::Role::owner ? field_or_empty(request, "organisation") : "",
                                      store::hash_password(password));
             if (!added)
                 throw HttpError(409, "conflict",
                                 t(request, "Det finns redan en användare med den e-postadressen.",
                                   "A user with that email exists already."));
             site->store.append_history(
                 {std::nullopt, caller.user_id, "user-add", std::nullopt, std::nullopt, added->email});
             return users_page(request, e(t(request, "Användaren lades till. Lösenordet visas bara nu: ",
                                            "The user was added. The password is shown only now: ")) +
                                            "<code>" + e(password) + "</code>");
         }});

    add_budget_upload_routes(router, context);
    add_follow_up_route(router, context);
}

}  // namespace esfdraft::http
