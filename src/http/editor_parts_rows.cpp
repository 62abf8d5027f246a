// The plan's parts made of rows: goals with their indicators and basis,
// activities with their timeline, partners, the risk analysis, the project
// logic and the attachments. Rows as editor.hpp names them (NAME.N.FIELD).
#include <array>
#include <map>
#include <set>
#include <sstream>

#include "http/editor_parts_util.hpp"
#include "http/page_kit.hpp"

namespace esfdraft::http::editor {

namespace {

using model::Element;
using namespace parts_util;

// Ids ticked as "PREFIX.ID" = "1", in the order given, then any others ticked.
std::string ticked_ids(const Fields& fields, const std::string& prefix, const std::vector<std::string>& order) {
    std::string out;
    std::set<std::string> done;
    const auto add = [&](const std::string& id) {
        if (done.insert(id).second) out += (out.empty() ? "" : " ") + id;
    };
    for (const std::string& id : order)
        if (field(fields, prefix + id) == "1") add(id);
    for (auto it = fields.lower_bound(prefix); it != fields.end() && it->first.compare(0, prefix.size(), prefix) == 0;
         ++it)
        if (it->second == "1" && it->first.find('.', prefix.size()) == std::string::npos)
            add(it->first.substr(prefix.size()));
    return out;
}

std::vector<std::string> split_ids(const std::string& list) {
    std::vector<std::string> out;
    std::istringstream in(list);
    for (std::string id; in >> id;) out.push_back(id);
    return out;
}

// ----------------------------------------------------------------- goals

// What a goal's fields offer to choose from: the pack's common indicators,
// its gender categories (women and men where it names none) and the
// pre-study's findings a goal may rest on.
struct GoalChoices {
    std::vector<std::pair<std::string, std::string>> codes;     // code, "code – name"
    std::vector<std::pair<std::string, std::string>> genders;   // code, words
    std::vector<std::pair<std::string, std::string>> findings;  // id, statement
};

GoalChoices goal_choices(const Sheet& sheet) {
    GoalChoices choices;
    if (const model::RulePack* pack = sheet.check.pack.get()) {
        for (const model::CommonIndicator& indicator : pack->common_indicators)
            choices.codes.push_back(
                {indicator.code, indicator.code + " – " + words(sheet, indicator.name, indicator.code)});
        for (const model::GenderCategory& category : pack->gender_categories)
            choices.genders.push_back({category.code, words(sheet, category.name, category.code)});
    }
    if (choices.genders.empty())
        choices.genders = {{"women", sheet.t("kvinnor", "women")}, {"men", sheet.t("män", "men")}};
    if (sheet.other)
        for (const Element* finding : sheet.other->children_named("finding"))
            choices.findings.push_back({finding->attribute_or_empty("id"), text_of(finding->child("statement"))});
    return choices;
}

// The sum of an indicator's gender fields as the server counts it, so that
// it is there without script too.
void draw_indicator_sum(Sheet& sheet, std::ostream& out, const std::string& q, const Element* indicator,
                        const GoalChoices& choices) {
    double sum = 0;
    bool summable = true;
    for (const auto& [code, name] : choices.genders) {
        const std::string v = sheet.value(q + "." + code, attr(indicator, code));
        if (v.empty()) continue;
        try {
            sum += std::stod(v);
        } catch (...) {
            summable = false;
        }
    }
    std::ostringstream total;
    total << sum;
    out << "<output data-sum-total=\"" << e(q) << "\" aria-live=\"polite\">"
        << (summable ? sheet.t("Summa: ", "Sum: ") + total.str()
                     : sheet.t("Summan går inte att räkna", "The sum cannot be counted"))
        << "</output>";
}

// Indicator `m` of goal `n` (the row `q`, stored at `ipath` when it exists).
void draw_indicator(Sheet& sheet, std::ostream& out, const std::string& q, std::size_t n, std::size_t m,
                    const Element* indicator, const std::string& ipath, const GoalChoices& choices) {
    sheet.begin_row(out, q,
                    sheet.t("Indikator ", "Indicator ") + std::to_string(m) + sheet.t(" för mål ", " of goal ") +
                        std::to_string(n) + (indicator ? "" : sheet.t(" (ny)", " (new)")));
    sheet.text(out, q + ".text", sheet.t("Vad som räknas", "What is counted"), text_of(indicator), "", ipath);
    out << "<div class=\"row-grid\">";
    sheet.choice(out, q + ".unit", sheet.t("Enhet", "Unit"), attr(indicator, "unit"),
                 {{"persons", sheet.t("personer", "persons")},
                  {"organisations", sheet.t("organisationer", "organisations")},
                  {"percent", sheet.t("procent", "percent")},
                  {"count", sheet.t("antal", "count")}},
                 "", ipath);
    if (!choices.codes.empty())
        sheet.choice(out, q + ".code", sheet.t("Gemensam indikator", "Common indicator"), attr(indicator, "code"),
                     choices.codes, "", ipath);
    sheet.text(out, q + ".baseline", sheet.t("Utgångsvärde", "Baseline"), attr(indicator, "baseline"), "", ipath);
    sheet.text(out, q + ".target", sheet.t("Målvärde", "Target"), attr(indicator, "target"), "", ipath, "text",
               "data-sum-target=\"" + e(q) + "\"");
    for (const auto& [code, name] : choices.genders)
        sheet.text(out, q + "." + code, sheet.t("Varav ", "Of which ") + name, attr(indicator, code), "", ipath, "text",
                   "data-sum=\"" + e(q) + "\"");
    sheet.text(out, q + ".due", sheet.t("Ska nås senast", "Due"), attr(indicator, "due"), date_hint(sheet), ipath);
    out << "</div>";
    draw_indicator_sum(sheet, out, q, indicator, choices);
    sheet.end_row(out, q, indicator != nullptr);
}

// The findings goal row `r` rests on, as check boxes: the pre-study's, and
// any stored that it no longer has.
void draw_goal_basis(Sheet& sheet, std::ostream& out, const std::string& r, const Element* goal,
                     const GoalChoices& choices) {
    std::set<std::string> basis;
    for (const Element* b : all(goal, "basis")) basis.insert(b->attribute_or_empty("finding"));
    if (choices.findings.empty() && basis.empty()) return;
    out << "<fieldset><legend>"
        << sheet.t("Förstudiens resultat som målet bygger på", "The pre-study findings the goal rests on")
        << "</legend>";
    std::set<std::string> drawn;
    for (const auto& [id, statement] : choices.findings) {
        sheet.checkbox(out, r + ".basis." + id, id + ": " + statement, basis.count(id) > 0);
        drawn.insert(id);
    }
    for (const std::string& id : basis)
        if (!drawn.count(id)) sheet.checkbox(out, r + ".basis." + id, id, true);
    out << "</fieldset>";
}

void draw_goals(Sheet& sheet, std::ostream& out) {
    const std::string at = plan_root + "/goals";
    const auto goals = all(child(sheet.root, "goals"), "goal");
    const GoalChoices choices = goal_choices(sheet);
    const std::size_t rows = sheet.rows("goal", goals.size());
    out << sheet.findings_at(at, true);
    sheet.count(out, "goal", rows);
    for (std::size_t n = 1; n <= rows; ++n) {
        const Element* goal = n <= goals.size() ? goals[n - 1] : nullptr;
        const std::string r = row("goal", n), path = row_path(at, "goal", n, goals.size());
        sheet.begin_row(out, r,
                        sheet.t("Mål ", "Goal ") + std::to_string(n) +
                            (goal ? " " + attr(goal, "id") : sheet.t(" (nytt)", " (new)")),
                        path);
        out << "<div class=\"row-grid\">";
        sheet.text(out, r + ".id", sheet.t("Id", "Id"), attr(goal, "id"), sheet.t("T.ex. g1.", "E.g. g1."), path);
        sheet.choice(out, r + ".kind", sheet.t("Slag av mål", "Kind of goal"), attr(goal, "kind"),
                     {{"project", sheet.t("projektmål (nås under perioden)", "project goal (reached in the period)")},
                      {"effect", sheet.t("effektmål (varaktig förändring)", "effect goal (lasting change)")}},
                     "", path);
        out << "</div>";
        sheet.text(out, r + ".statement", sheet.t("Målet", "The goal"), text_of(child(goal, "statement")), "",
                   path.empty() ? "" : path + "/statement");
        const auto indicators = all(goal, "indicator");
        const std::string ir = r + ".indicator";
        const std::size_t indicator_rows = sheet.rows(ir, indicators.size());
        sheet.count(out, ir, indicator_rows);
        for (std::size_t m = 1; m <= indicator_rows; ++m) {
            const Element* indicator = m <= indicators.size() ? indicators[m - 1] : nullptr;
            const std::string ipath = path.empty() ? "" : row_path(path, "indicator", m, indicators.size());
            draw_indicator(sheet, out, row(ir, m), n, m, indicator, ipath, choices);
        }
        sheet.add_row_button(
            out, ir, sheet.t("Lägg till en indikator för mål ", "Add an indicator to goal ") + std::to_string(n));
        draw_goal_basis(sheet, out, r, goal, choices);
        sheet.end_row(out, r, goal != nullptr);
    }
    sheet.add_row_button(out, "goal", sheet.t("Lägg till ett mål", "Add a goal"));
}

std::string apply_goals(const Fields& fields, std::string_view document, const Element& root) {
    Element section("goals");
    for (std::size_t n : kept_rows(fields, "goal")) {
        const std::string r = row("goal", n);
        Element& goal = section.append("goal");
        goal.set_attribute("id", field(fields, r + ".id"));
        goal.set_attribute("kind", field(fields, r + ".kind"));
        goal.append("statement", field(fields, r + ".statement"));
        for (std::size_t m : kept_rows(fields, r + ".indicator")) {
            const std::string q = row(r + ".indicator", m);
            Element& indicator = goal.append("indicator", field(fields, q + ".text"));
            for (const char* name : {"unit", "baseline", "target", "women", "men", "nonBinary", "due", "code"})
                set_if(indicator, name, field(fields, q + "." + name));
        }
        for (const std::string& id : split_ids(ticked_ids(fields, r + ".basis.", {})))
            goal.append("basis").set_attribute("finding", id);
    }
    return put_child(document, root, section, plan_order(), section.children.empty());
}

// ------------------------------------------------------------ activities

std::string timeline_html(Sheet& sheet, const std::vector<std::array<std::string, 3>>& rows) {
    // start, end, title → a month grid (what the script redraws while typing).
    const auto months = [](const std::string& iso) -> int {
        if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return -1;
        try {
            return std::stoi(iso.substr(0, 4)) * 12 + std::stoi(iso.substr(5, 2)) - 1;
        } catch (...) {
            return -1;
        }
    };
    int first = 1 << 30, last = -1;
    for (const auto& r : rows) {
        const int s = months(r[0]), f = months(r[1]);
        if (s < 0 || f < s) continue;
        first = std::min(first, s);
        last = std::max(last, f);
    }
    if (last < 0) return "";
    last = std::min(last, first + 95);
    std::ostringstream out;
    out << "<table class=\"timeline\"><caption>" << sheet.t("Tidslinje (månader)", "Timeline (months)")
        << "</caption><thead><tr><th scope=\"col\">" << sheet.t("Aktivitet", "Activity") << "</th>";
    for (int m = first; m <= last; ++m) {
        out << "<th scope=\"col\">";
        if (m % 12 == 0 || m == first)
            out << m / 12 << '-' << (m % 12 + 1 < 10 ? "0" : "") << m % 12 + 1;
        else
            out << m % 12 + 1;
        out << "</th>";
    }
    out << "</tr></thead><tbody>";
    for (const auto& r : rows) {
        const int s = months(r[0]), f = months(r[1]);
        if (s < 0 || f < s) continue;
        out << "<tr><th scope=\"row\">" << e(r[2].empty() ? "–" : r[2]) << "</th>";
        for (int m = first; m <= last; ++m)
            out << (m >= s && m <= f ? "<td class=\"on\">■</td>" : "<td class=\"off\"></td>");
        out << "</tr>";
    }
    out << "</tbody></table>";
    return out.str();
}

void draw_activities(Sheet& sheet, std::ostream& out) {
    const std::string at = plan_root + "/activities";
    const auto activities = all(child(sheet.root, "activities"), "activity");
    std::vector<std::pair<std::string, std::string>> goals;
    for (const Element* goal : all(child(sheet.root, "goals"), "goal"))
        goals.push_back({attr(goal, "id"), text_of(child(goal, "statement"))});
    const std::size_t rows = sheet.rows("activity", activities.size());
    std::vector<std::array<std::string, 3>> spans;
    std::ostringstream body;
    body << sheet.findings_at(at, true);
    sheet.count(body, "activity", rows);
    for (std::size_t n = 1; n <= rows; ++n) {
        const Element* activity = n <= activities.size() ? activities[n - 1] : nullptr;
        const std::string r = row("activity", n), path = row_path(at, "activity", n, activities.size());
        sheet.begin_row(body, r,
                        sheet.t("Aktivitet ", "Activity ") + std::to_string(n) +
                            (activity ? " " + attr(activity, "id") : sheet.t(" (ny)", " (new)")),
                        path);
        body << "<div class=\"row-grid\">";
        const std::string tl = "data-timeline-row=\"" + std::to_string(n) + "\" data-timeline=\"";
        sheet.text(body, r + ".id", sheet.t("Id", "Id"), attr(activity, "id"), sheet.t("T.ex. a1.", "E.g. a1."), path);
        sheet.text(body, r + ".start", sheet.t("Start", "Start"), attr(activity, "start"), date_hint(sheet), path,
                   "text", tl + "start\"");
        sheet.text(body, r + ".end", sheet.t("Slut", "End"), attr(activity, "end"), date_hint(sheet), path, "text",
                   tl + "end\"");
        body << "</div>";
        sheet.text(body, r + ".title", sheet.t("Rubrik", "Title"), text_of(child(activity, "title")), "",
                   path.empty() ? "" : path + "/title", "text", tl + "title\"");
        spans.push_back({sheet.value(r + ".start", attr(activity, "start")),
                         sheet.value(r + ".end", attr(activity, "end")),
                         sheet.value(r + ".title", text_of(child(activity, "title")))});
        const std::vector<std::string> served = split_ids(attr(activity, "goals"));
        body << "<fieldset><legend>" << sheet.t("Mål som aktiviteten tjänar", "Goals the activity serves")
             << "</legend>";
        std::set<std::string> drawn;
        for (const auto& [id, statement] : goals) {
            sheet.checkbox(body, r + ".goal." + id, id + ": " + statement,
                           std::find(served.begin(), served.end(), id) != served.end());
            drawn.insert(id);
        }
        for (const std::string& id : served)
            if (!drawn.count(id)) sheet.checkbox(body, r + ".goal." + id, id, true);
        if (goals.empty() && served.empty())
            body << "<p class=\"hint\">"
                 << sheet.t("Skriv målen först (delen Mål).", "Write the goals first (the Goals part).") << "</p>";
        body << "</fieldset>";
        sheet.text(body, r + ".tags", sheet.t("Taggar (valfria)", "Tags (optional)"), attr(activity, "tags"),
                   "accessibility, gender-equality, transnational, dissemination, evaluation", path);
        sheet.area(body, r + ".description", sheet.t("Beskrivning", "Description"),
                   rich_markup(child(activity, "description")), markup_help(sheet),
                   path.empty() ? "" : path + "/description");
        sheet.end_row(body, r, activity != nullptr);
    }
    out << "<div id=\"timeline\">" << timeline_html(sheet, spans) << "</div>" << body.str();
    sheet.add_row_button(out, "activity", sheet.t("Lägg till en aktivitet", "Add an activity"));
}

std::string apply_activities(const Fields& fields, std::string_view document, const Element& root) {
    std::vector<std::string> goal_order;
    for (const Element* goal : all(root.child("goals"), "goal")) goal_order.push_back(attr(goal, "id"));
    Element section("activities");
    for (std::size_t n : kept_rows(fields, "activity")) {
        const std::string r = row("activity", n);
        Element& activity = section.append("activity");
        activity.set_attribute("id", field(fields, r + ".id"));
        activity.set_attribute("start", field(fields, r + ".start"));
        activity.set_attribute("end", field(fields, r + ".end"));
        activity.set_attribute("goals", ticked_ids(fields, r + ".goal.", goal_order));
        set_if(activity, "tags", field(fields, r + ".tags"));
        activity.append("title", field(fields, r + ".title"));
        Element description = rich_element("description", field(fields, r + ".description"));
        adopt_if(activity, std::move(description));
    }
    return put_child(document, root, section, plan_order(), section.children.empty());
}

// -------------------------------------------------------------- partners

void draw_partners(Sheet& sheet, std::ostream& out) {
    const std::string at = plan_root + "/partners";
    const auto partners = all(child(sheet.root, "partners"), "partner");
    const std::size_t rows = sheet.rows("partner", partners.size());
    out << sheet.findings_at(at, true);
    sheet.count(out, "partner", rows);
    for (std::size_t n = 1; n <= rows; ++n) {
        const Element* partner = n <= partners.size() ? partners[n - 1] : nullptr;
        const std::string r = row("partner", n), path = row_path(at, "partner", n, partners.size());
        sheet.begin_row(
            out, r,
            sheet.t("Samverkanspart ", "Partner ") + std::to_string(n) + (partner ? "" : sheet.t(" (ny)", " (new)")),
            path);
        out << "<div class=\"row-grid\">";
        sheet.text(out, r + ".name", sheet.t("Namn", "Name"), text_of(partner), "", path);
        sheet.choice(
            out, r + ".role", sheet.t("Roll", "Role"), attr(partner, "role"),
            {{"beneficiary", sheet.t("stödmottagare med egen delbudget", "beneficiary with its own sub-budget")},
             {"cofinancier", sheet.t("medfinansiär", "co-financier")},
             {"partner", sheet.t("samverkanspart", "partner")},
             {"reference", sheet.t("referensgrupp", "reference group")}},
            "", path);
        sheet.text(out, r + ".id", sheet.t("Id (för stödmottagare)", "Id (for a beneficiary)"), attr(partner, "id"), "",
                   path);
        sheet.text(out, r + ".orgNumber", sheet.t("Organisationsnummer", "Organisation number"),
                   attr(partner, "orgNumber"), "NNNNNN-NNNN", path);
        out << "</div>";
        sheet.end_row(out, r, partner != nullptr);
    }
    sheet.add_row_button(out, "partner", sheet.t("Lägg till en samverkanspart", "Add a partner"));
}

std::string apply_partners(const Fields& fields, std::string_view document, const Element& root) {
    Element section("partners");
    for (std::size_t n : kept_rows(fields, "partner")) {
        const std::string r = row("partner", n);
        Element& partner = section.append("partner", field(fields, r + ".name"));
        for (const char* name : {"id", "role", "orgNumber"}) set_if(partner, name, field(fields, r + "." + name));
    }
    return put_child(document, root, section, plan_order(), section.children.empty());
}

// -------------------------------------------------- risks, logic, attachments

void draw_risks(Sheet& sheet, std::ostream& out) {
    const std::string at = plan_root + "/riskAnalysis";
    const Element* section = child(sheet.root, "riskAnalysis");
    const auto risks = all(section, "risk");
    out << sheet.findings_at(at, true);
    sheet.area(out, "intro", sheet.t("Inledning (valfri)", "Introduction (optional)"), rich_markup(section),
               markup_help(sheet));
    const std::size_t rows = sheet.rows("risk", risks.size());
    sheet.count(out, "risk", rows);
    for (std::size_t n = 1; n <= rows; ++n) {
        const Element* risk = n <= risks.size() ? risks[n - 1] : nullptr;
        const std::string r = row("risk", n), path = row_path(at, "risk", n, risks.size());
        sheet.begin_row(out, r,
                        sheet.t("Risk ", "Risk ") + std::to_string(n) + (risk ? "" : sheet.t(" (ny)", " (new)")), path);
        sheet.text(out, r + ".description", sheet.t("Risken", "The risk"), text_of(child(risk, "description")), "",
                   path);
        out << "<div class=\"row-grid\">";
        sheet.choice(out, r + ".likelihood", sheet.t("Sannolikhet", "Likelihood"), attr(risk, "likelihood"),
                     vocabulary_options(sheet, model::risk_levels()), "", path);
        sheet.choice(out, r + ".impact", sheet.t("Konsekvens", "Impact"), attr(risk, "impact"),
                     vocabulary_options(sheet, model::risk_levels()), "", path);
        out << "</div>";
        sheet.text(out, r + ".measure", sheet.t("Åtgärd", "Measure"), text_of(child(risk, "measure")), "", path);
        sheet.end_row(out, r, risk != nullptr);
    }
    sheet.add_row_button(out, "risk", sheet.t("Lägg till en risk", "Add a risk"));
}

std::string apply_risks(const Fields& fields, std::string_view document, const Element& root) {
    Element section = rich_element("riskAnalysis", field(fields, "intro"));
    for (std::size_t n : kept_rows(fields, "risk")) {
        const std::string r = row("risk", n);
        Element& risk = section.append("risk");
        risk.set_attribute("likelihood", field(fields, r + ".likelihood"));
        risk.set_attribute("impact", field(fields, r + ".impact"));
        risk.append("description", field(fields, r + ".description"));
        risk.append("measure", field(fields, r + ".measure"));
    }
    return put_child(document, root, section, plan_order(), section.children.empty());
}

void draw_logic(Sheet& sheet, std::ostream& out) {
    const std::string at = plan_root + "/projectLogic";
    const Element* section = child(sheet.root, "projectLogic");
    const auto steps = all(section, "step");
    out << sheet.findings_at(at, true);
    sheet.area(out, "intro", sheet.t("Inledning (valfri)", "Introduction (optional)"), rich_markup(section),
               markup_help(sheet));
    const std::size_t rows = sheet.rows("step", steps.size());
    sheet.count(out, "step", rows);
    for (std::size_t n = 1; n <= rows; ++n) {
        const Element* step = n <= steps.size() ? steps[n - 1] : nullptr;
        const std::string r = row("step", n), path = row_path(at, "step", n, steps.size());
        sheet.begin_row(
            out, r, sheet.t("Steg ", "Step ") + std::to_string(n) + (step ? "" : sheet.t(" (nytt)", " (new)")), path);
        out << "<div class=\"row-grid\">";
        sheet.choice(out, r + ".kind", sheet.t("Slag", "Kind"), attr(step, "kind"),
                     vocabulary_options(sheet, model::logic_step_kinds()), "", path);
        sheet.text(out, r + ".goals", sheet.t("Mål (id, valfria)", "Goals (ids, optional)"), attr(step, "goals"),
                   sheet.t("Åtskilda av mellanslag.", "Separated by spaces."), path);
        out << "</div>";
        sheet.area(out, r + ".text", sheet.t("Text", "Text"), rich_markup(step), markup_help(sheet), path);
        sheet.end_row(out, r, step != nullptr);
    }
    sheet.add_row_button(out, "step", sheet.t("Lägg till ett steg", "Add a step"));
}

std::string apply_logic(const Fields& fields, std::string_view document, const Element& root) {
    Element section = rich_element("projectLogic", field(fields, "intro"));
    for (std::size_t n : kept_rows(fields, "step")) {
        const std::string r = row("step", n);
        Element step = rich_element("step", field(fields, r + ".text"));
        step.attributes.insert(step.attributes.begin(), {"kind", field(fields, r + ".kind")});
        set_if(step, "goals", field(fields, r + ".goals"));
        adopt(section, std::move(step));
    }
    return put_child(document, root, section, plan_order(), section.children.empty());
}

void draw_attachments(Sheet& sheet, std::ostream& out) {
    const std::string at = plan_root + "/attachments";
    const auto attachments = all(child(sheet.root, "attachments"), "attachment");
    std::vector<std::pair<std::string, std::string>> kinds;
    const model::RulePack* pack = sheet.check.pack.get();
    const std::string call = attr(sheet.root, "call");
    if (pack && !call.empty())
        if (const model::Call* found = pack->find_call(call))
            for (const model::AttachmentRule& rule : found->attachments)
                kinds.push_back({rule.kind, words(sheet, rule.name, rule.kind) +
                                                (rule.required ? sheet.t(" (krävs)", " (required)") : "")});
    out << sheet.findings_at(at, true);
    if (kinds.empty())
        out << "<p class=\"hint\">"
            << sheet.t("Utlysningen listar inga bilagor; skriv slaget med egna ord.",
                       "The call lists no attachments; write the kind in your own words.")
            << "</p>";
    const std::size_t rows = sheet.rows("attachment", attachments.size());
    sheet.count(out, "attachment", rows);
    for (std::size_t n = 1; n <= rows; ++n) {
        const Element* attachment = n <= attachments.size() ? attachments[n - 1] : nullptr;
        const std::string r = row("attachment", n), path = row_path(at, "attachment", n, attachments.size());
        sheet.begin_row(
            out, r,
            sheet.t("Bilaga ", "Attachment ") + std::to_string(n) + (attachment ? "" : sheet.t(" (ny)", " (new)")),
            path);
        out << "<div class=\"row-grid\">";
        if (kinds.empty())
            sheet.text(out, r + ".kind", sheet.t("Slag", "Kind"), attr(attachment, "kind"), "", path);
        else
            sheet.choice(out, r + ".kind", sheet.t("Slag", "Kind"), attr(attachment, "kind"), kinds, "", path);
        sheet.text(out, r + ".title", sheet.t("Titel", "Title"), text_of(attachment), "", path);
        out << "</div>";
        sheet.end_row(out, r, attachment != nullptr);
    }
    sheet.add_row_button(out, "attachment", sheet.t("Lägg till en bilaga", "Add an attachment"));
}

std::string apply_attachments(const Fields& fields, std::string_view document, const Element& root) {
    Element section("attachments");
    for (std::size_t n : kept_rows(fields, "attachment")) {
        const std::string r = row("attachment", n);
        Element& attachment = section.append("attachment", field(fields, r + ".title"));
        attachment.set_attribute("kind", field(fields, r + ".kind"));
    }
    return put_child(document, root, section, plan_order(), section.children.empty());
}

}  // namespace

void add_row_parts(std::vector<Part>& parts) {
    const std::string at = plan_root + "/";
    parts.push_back({"goals",
                     "Mål och indikatorer",
                     "Goals and indicators",
                     Document::plan,
                     {"goals"},
                     {at + "goals"},
                     &draw_goals,
                     &apply_goals});
    parts.push_back({"activities",
                     "Aktiviteter",
                     "Activities",
                     Document::plan,
                     {"activities"},
                     {at + "activities"},
                     &draw_activities,
                     &apply_activities});
    parts.push_back({"project-logic",
                     "Projektlogik",
                     "Project logic",
                     Document::plan,
                     {"projectLogic"},
                     {at + "projectLogic"},
                     &draw_logic,
                     &apply_logic});
    parts.push_back({"risks",
                     "Riskanalys",
                     "Risk analysis",
                     Document::plan,
                     {"riskAnalysis"},
                     {at + "riskAnalysis"},
                     &draw_risks,
                     &apply_risks});
    parts.push_back({"partners",
                     "Samverkanspartner",
                     "Partners",
                     Document::plan,
                     {"partners"},
                     {at + "partners"},
                     &draw_partners,
                     &apply_partners});
    parts.push_back({"attachments",
                     "Bilagor",
                     "Attachments",
                     Document::plan,
                     {"attachments"},
                     {at + "attachments"},
                     &draw_attachments,
                     &apply_attachments});
}

}  // namespace esfdraft::http::editor
