// The plan's parts of the editor, in application order: each draws its
// fields from the stored tree with the findings beside the rows they name,
// and writes its element(s) back from the fields, values as typed (a bad
// date or number is the loader's X002 finding at its field).
#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "http/editor.hpp"
#include "http/editor_parts_util.hpp"
#include "http/editor_rich.hpp"
#include "http/page_kit.hpp"
#include "model/vocabulary.hpp"
#include "pipeline/plan_editing.hpp"

namespace esfdraft::http::editor {

namespace {

using model::Element;
using namespace parts_util;

// ----------------------------------------------------------------- facts

// The programme (shown), the call and the application's language: the
// root's attributes. (The root's own findings are every section's, e.g.
// S001 for a missing one: not drawn here.)
void draw_programme_and_call(Sheet& sheet, std::ostream& out) {
    out << "<fieldset><legend>" << sheet.t("Program och utlysning", "Programme and call") << "</legend>";
    std::vector<std::pair<std::string, std::string>> calls;
    if (const model::RulePack* pack = sheet.check.pack.get())
        for (const model::Call& call : pack->calls) calls.push_back({call.name, words(sheet, call.title, call.name)});
    out << "<p class=\"hint\">" << sheet.t("Program: ", "Programme: ")
        << e(sheet.check.programme_title ? words(sheet, *sheet.check.programme_title, attr(sheet.root, "programme"))
                                         : attr(sheet.root, "programme"))
        << "</p>";
    sheet.choice(out, "call", sheet.t("Utlysning", "Call"), attr(sheet.root, "call"), calls,
                 sheet.t("Utan utlysning gäller programmets allmänna regler.",
                         "Without a call the programme's general rules apply."));
    sheet.choice(out, "lang", sheet.t("Ansökans språk", "The application's language"), attr(sheet.root, "lang"),
                 {{"sv", "svenska"}, {"en", "English"}});
    out << "</fieldset>";
}

// Title, acronym, the pack's area and phase, the case number and the period.
void draw_project(Sheet& sheet, const Element* project, const std::string& at, std::ostream& out) {
    std::vector<std::pair<std::string, std::string>> areas, phases;
    if (const model::RulePack* pack = sheet.check.pack.get()) {
        for (const model::ProgrammeArea& area : pack->areas)
            areas.push_back({area.code, area.code + " – " + words(sheet, area.name, area.code)});
        for (const model::PhaseRules& phase : pack->phases)
            phases.push_back({phase.code, words(sheet, phase.name, phase.code)});
    }
    out << "<fieldset><legend>" << sheet.t("Projektet", "The project") << "</legend>";
    sheet.text(out, "title", sheet.t("Titel", "Title"), text_of(child(project, "title")),
               sheet.t("1–200 tecken.", "1–200 characters."), at + "/title");
    sheet.text(out, "acronym", sheet.t("Förkortning (valfri)", "Acronym (optional)"),
               text_of(child(project, "acronym")), "", at + "/acronym");
    sheet.choice(out, "programmeArea", sheet.t("Programområde", "Programme area"),
                 text_of(child(project, "programmeArea")), areas, "", at + "/programmeArea");
    sheet.choice(out, "phase", sheet.t("Fas", "Phase"), text_of(child(project, "phase")), phases, "", at + "/phase");
    sheet.text(out, "caseNumber", sheet.t("Diarienummer (när det finns)", "Case number (once known)"),
               text_of(child(project, "caseNumber")), "", at + "/caseNumber");
    sheet.text(out, "period.start", sheet.t("Projektperiodens start", "The project period's start"),
               attr(child(project, "period"), "start"), date_hint(sheet), at + "/period");
    sheet.text(out, "period.end",
               sheet.t("Projektperiodens slut (sista dagen)", "The project period's end (its last day)"),
               attr(child(project, "period"), "end"), date_hint(sheet), at + "/period");
    out << "</fieldset>";
}

void draw_owner_and_contact(Sheet& sheet, const Element* project, const std::string& at, std::ostream& out) {
    out << "<fieldset><legend>" << sheet.t("Projektägare och kontakt", "Project owner and contact") << "</legend>";
    sheet.text(out, "owner", sheet.t("Projektägarens namn", "The project owner's name"),
               text_of(child(project, "owner")), "", at + "/owner");
    sheet.text(out, "owner.orgNumber", sheet.t("Organisationsnummer", "Organisation number"),
               attr(child(project, "owner"), "orgNumber"), "NNNNNN-NNNN", at + "/owner");
    const Element* contact = child(project, "contact");
    sheet.text(out, "contact.name", sheet.t("Kontaktperson", "Contact person"), text_of(child(contact, "name")), "",
               at + "/contact");
    sheet.text(out, "contact.email", sheet.t("Kontaktpersonens e-post", "The contact's email"),
               text_of(child(contact, "email")), "", at + "/contact/email", "email");
    sheet.text(out, "contact.phone", sheet.t("Telefon (valfri)", "Phone (optional)"), text_of(child(contact, "phone")),
               "", at + "/contact/phone");
    out << "</fieldset>";
}

// The region, and as check boxes the municipalities of the region chosen
// (as typed, before it is saved) and every one stored, of any region.
void draw_region_and_municipalities(Sheet& sheet, const Element* project, const std::string& at, std::ostream& out) {
    out << "<fieldset><legend>" << sheet.t("Region och kommuner", "Region and municipalities") << "</legend>";
    std::vector<std::pair<std::string, std::string>> regions;
    if (sheet.municipalities)
        for (const model::Region& region : sheet.municipalities->regions)
            regions.push_back({region.code, region.code + " " + region.name});
    const std::string region = sheet.value("region", text_of(child(project, "region")));
    sheet.choice(out, "region", sheet.t("Region (NUTS2)", "Region (NUTS2)"), text_of(child(project, "region")), regions,
                 sheet.t("Kommunerna nedan är regionens; byter du region visas den nya regionens kommuner när du "
                         "sparat eller lagt till en rad.",
                         "The municipalities below are the region's; when you change the region, the new region's "
                         "appear once you save."),
                 at + "/region");
    const Element* municipalities = child(project, "municipalities");
    std::set<std::string> stored;
    for (const Element* m : all(municipalities, "municipality")) stored.insert(m->attribute_or_empty("code"));
    out << "<fieldset><legend>" << sheet.t("Kommuner där projektet verkar", "Municipalities the project works in")
        << "</legend>" << sheet.findings_at(at + "/municipalities") << "<div class=\"municipalities\">";
    std::set<std::string> drawn;
    if (sheet.municipalities)
        for (const model::Municipality& m : sheet.municipalities->municipalities)
            if (m.nuts2 == region || stored.count(m.code)) {
                sheet.checkbox(out, "municipality." + m.code, m.name + " (" + m.code + ")", stored.count(m.code) > 0);
                drawn.insert(m.code);
            }
    for (const std::string& code : stored)
        if (!drawn.count(code)) sheet.checkbox(out, "municipality." + code, code, true);
    out << "</div></fieldset></fieldset>";
}

// The pre-study an implementation application rests on.
void draw_prestudy_link(Sheet& sheet, const Element* project, const std::string& at, std::ostream& out) {
    out << "<fieldset><legend>"
        << sheet.t("Förstudien (för en genomförandeansökan)", "The pre-study (for an implementation application)")
        << "</legend>";
    const Element* pre = child(project, "preStudy");
    sheet.text(out, "preStudy.title", sheet.t("Förstudiens titel", "The pre-study's title"), attr(pre, "title"), "",
               at + "/preStudy");
    sheet.text(out, "preStudy.start", sheet.t("Förstudiens start", "The pre-study's start"), attr(pre, "start"),
               date_hint(sheet), at + "/preStudy");
    sheet.text(out, "preStudy.end", sheet.t("Förstudiens slut", "The pre-study's end"), attr(pre, "end"),
               date_hint(sheet), at + "/preStudy");
    sheet.text(out, "preStudy.findings", sheet.t("Förstudiens resultatfil", "The pre-study's findings file"),
               attr(pre, "findings"), sheet.t("Filnamnet, t.ex. findings.xml.", "The file name, e.g. findings.xml."),
               at + "/preStudy");
    out << "</fieldset>";
}

// The applicant's details ESF+ asks for: kind, VAT, address, signatory,
// finance contact and account.
void draw_applicant(Sheet& sheet, const Element* project, const std::string& at, std::ostream& out) {
    out << "<fieldset><legend>" << sheet.t("Sökandens uppgifter", "The applicant's details") << "</legend>";
    const Element* applicant = child(project, "applicant");
    const std::string ap = at + "/applicant";
    sheet.choice(out, "applicant.kind", sheet.t("Typ av organisation", "Kind of organisation"), attr(applicant, "kind"),
                 {{"municipality", sheet.t("kommun", "municipality")},
                  {"region", sheet.t("region", "region")},
                  {"county-board", sheet.t("länsstyrelse", "county board")},
                  {"agency", sheet.t("myndighet", "agency")},
                  {"university", sheet.t("lärosäte", "university")},
                  {"non-profit", sheet.t("ideell organisation", "non-profit")},
                  {"company", sheet.t("företag", "company")},
                  {"other", sheet.t("annan", "other")}},
                 "", ap);
    sheet.choice(out, "applicant.vat", sheet.t("Moms", "VAT"), attr(applicant, "vat"),
                 {{"deductible", sheet.t("avdragsgill", "deductible")},
                  {"partly-deductible", sheet.t("delvis avdragsgill", "partly deductible")},
                  {"not-deductible", sheet.t("inte avdragsgill", "not deductible")}},
                 "", ap);
    const Element* address = child(applicant, "address");
    sheet.text(out, "applicant.street", sheet.t("Postadress: gata eller box", "Postal address: street or box"),
               text_of(child(address, "street")), "", ap + "/address");
    sheet.text(out, "applicant.postcode", sheet.t("Postnummer", "Postcode"), text_of(child(address, "postcode")), "",
               ap + "/address");
    sheet.text(out, "applicant.city", sheet.t("Ort", "City"), text_of(child(address, "city")), "", ap + "/address");
    const Element* signatory = child(applicant, "signatory");
    sheet.text(out, "applicant.signatory", sheet.t("Firmatecknare", "Authorised signatory"),
               text_of(child(signatory, "name")), "", ap + "/signatory");
    sheet.text(out, "applicant.signatoryTitle", sheet.t("Firmatecknarens titel", "The signatory's title"),
               text_of(child(signatory, "title")), "", ap + "/signatory");
    const Element* finance = child(applicant, "financeContact");
    sheet.text(out, "applicant.finance.name", sheet.t("Ekonomikontakt", "Finance contact"),
               text_of(child(finance, "name")), "", ap + "/financeContact");
    sheet.text(out, "applicant.finance.email", sheet.t("Ekonomikontaktens e-post", "The finance contact's email"),
               text_of(child(finance, "email")), "", ap + "/financeContact", "email");
    const Element* account = child(applicant, "account");
    sheet.choice(out, "applicant.account.kind", sheet.t("Kontoslag", "Kind of account"), attr(account, "kind"),
                 {{"bankgiro", "bankgiro"}, {"plusgiro", "plusgiro"}, {"bank", sheet.t("bankkonto", "bank account")}},
                 "", ap + "/account");
    sheet.text(out, "applicant.account", sheet.t("Kontonummer", "Account number"), text_of(account), "",
               ap + "/account");
    out << "</fieldset>";
}

void draw_facts(Sheet& sheet, std::ostream& out) {
    const Element* project = child(sheet.root, "project");
    const std::string at = plan_root + "/project";
    draw_programme_and_call(sheet, out);
    draw_project(sheet, project, at, out);
    draw_owner_and_contact(sheet, project, at, out);
    draw_region_and_municipalities(sheet, project, at, out);
    draw_prestudy_link(sheet, project, at, out);
    draw_applicant(sheet, project, at, out);
}

Element contact_element(const Fields& fields, const std::string& prefix, const std::string& name) {
    Element contact(name);
    append_if(contact, "name", field(fields, prefix + ".name"));
    append_if(contact, "email", field(fields, prefix + ".email"));
    append_if(contact, "phone", field(fields, prefix + ".phone"));
    return contact;
}

std::string apply_facts(const Fields& fields, std::string_view document, const Element& root) {
    const model::MunicipalityRegister* municipalities = municipality_register();
    Element project("project");
    append_if(project, "title", field(fields, "title"));
    append_if(project, "acronym", field(fields, "acronym"));
    append_if(project, "programmeArea", field(fields, "programmeArea"));
    append_if(project, "phase", field(fields, "phase"));
    append_if(project, "region", field(fields, "region"));
    if (!field(fields, "owner").empty() || !field(fields, "owner.orgNumber").empty()) {
        Element& owner = project.append("owner", field(fields, "owner"));
        set_if(owner, "orgNumber", field(fields, "owner.orgNumber"));
    }
    adopt_if(project, contact_element(fields, "contact", "contact"));
    if (!field(fields, "period.start").empty() || !field(fields, "period.end").empty()) {
        Element& period = project.append("period");
        set_if(period, "start", field(fields, "period.start"));
        set_if(period, "end", field(fields, "period.end"));
    }
    // The municipalities ticked, in the register's order, their names filled in; a stored role (partner) kept.
    const Element* stored = root.child("project") ? root.child("project")->child("municipalities") : nullptr;
    std::vector<std::string> ticked;
    for (const auto& [name, value] : fields)
        if (name.rfind("municipality.", 0) == 0 && value == "1") ticked.push_back(name.substr(13));
    if (!ticked.empty()) {
        Element& list = project.append("municipalities");
        for (const std::string& code : ticked) {
            const model::Municipality* known = municipalities ? municipalities->find(code) : nullptr;
            Element& m = list.append("municipality", known ? known->name : "");
            m.set_attribute("code", code);
            for (const Element* before : all(stored, "municipality"))
                if (before->attribute_or_empty("code") == code) set_if(m, "role", before->attribute_or_empty("role"));
        }
    }
    if (!field(fields, "preStudy.title").empty() || !field(fields, "preStudy.start").empty() ||
        !field(fields, "preStudy.end").empty() || !field(fields, "preStudy.findings").empty()) {
        Element& pre = project.append("preStudy");
        for (const char* name : {"title", "start", "end", "findings"})
            set_if(pre, name, field(fields, std::string("preStudy.") + name));
    }
    Element applicant("applicant");
    set_if(applicant, "kind", field(fields, "applicant.kind"));
    set_if(applicant, "vat", field(fields, "applicant.vat"));
    if (!field(fields, "applicant.street").empty() || !field(fields, "applicant.postcode").empty() ||
        !field(fields, "applicant.city").empty()) {
        Element& address = applicant.append("address");
        address.append("street", field(fields, "applicant.street"));
        address.append("postcode", field(fields, "applicant.postcode"));
        address.append("city", field(fields, "applicant.city"));
    }
    if (!field(fields, "applicant.signatory").empty() || !field(fields, "applicant.signatoryTitle").empty()) {
        Element& signatory = applicant.append("signatory");
        signatory.append("name", field(fields, "applicant.signatory"));
        append_if(signatory, "title", field(fields, "applicant.signatoryTitle"));
    }
    adopt_if(applicant, contact_element(fields, "applicant.finance", "financeContact"));
    if (!field(fields, "applicant.account").empty() || !field(fields, "applicant.account.kind").empty()) {
        Element& account = applicant.append("account", field(fields, "applicant.account"));
        set_if(account, "kind", field(fields, "applicant.account.kind"));
    }
    adopt_if(project, std::move(applicant));
    append_if(project, "caseNumber", field(fields, "caseNumber"));
    std::string bytes = put_child(document, root, project, plan_order());
    // The root's call and language: the whole document again only when they change.
    if (field(fields, "call") != root.attribute_or_empty("call") ||
        field(fields, "lang") != root.attribute_or_empty("lang"))
        bytes = with_root_attributes(bytes, {{"call", field(fields, "call")}, {"lang", field(fields, "lang")}});
    return bytes;
}

// ------------------------------------------------------------- rich text

// The rich-text sections that are a part each, in application order: the
// vocabulary's sections of rich text but the summary, which has a part of
// its own (both languages). The parts are made at compile time, one per
// index, so their number is written here; adding a section of rich text to
// the vocabulary without raising it fails at the first use (every editor
// test), with this message.
constexpr std::size_t rich_section_count = 11;

const std::vector<std::string>& rich_sections() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> out;
        for (const model::SectionWords& section : model::sections())
            if (section.rich_text && section.key != "summary") out.emplace_back(section.key);
        if (out.size() != rich_section_count)
            throw std::logic_error("the vocabulary has " + std::to_string(out.size()) +
                                   " sections of rich text besides the summary; set rich_section_count to that");
        return out;
    }();
    return keys;
}

template <std::size_t I>
void draw_rich(Sheet& sheet, std::ostream& out) {
    const std::string& key = rich_sections()[I];
    sheet.area(out, "text", section_title(sheet.request, key), rich_markup(child(sheet.root, key)), markup_help(sheet),
               plan_root + "/" + key);
}

template <std::size_t I>
std::string apply_rich(const Fields& fields, std::string_view document, const Element& root) {
    const std::string& key = rich_sections()[I];
    const Element element = rich_element(key, field(fields, "text"));
    return put_child(document, root, element, plan_order(), element.children.empty());
}

// --------------------------------------------------------------- summary

// The Swedish (main) summary and the English one: both are <summary>.
std::pair<const Element*, const Element*> summaries(const Element* root) {
    const Element* main = nullptr;
    const Element* english = nullptr;
    for (const Element* s : all(root, "summary")) (s->attribute_or_empty("lang") == "en" ? english : main) = s;
    return {main, english};
}

void draw_summary(Sheet& sheet, std::ostream& out) {
    const auto [main, english] = summaries(sheet.root);
    const std::size_t count = all(sheet.root, "summary").size();
    std::size_t main_n = 1, english_n = 1;
    if (count > 1) {
        const auto list = all(sheet.root, "summary");
        for (std::size_t i = 0; i < list.size(); ++i) (list[i] == english ? english_n : main_n) = i + 1;
    }
    sheet.area(out, "text", sheet.t("Sammanfattning", "Summary"), rich_markup(main), markup_help(sheet),
               child_path(plan_root, "summary", main_n, count));
    sheet.area(out, "text.en", sheet.t("Sammanfattning på engelska (In English)", "Summary in English"),
               rich_markup(english), markup_help(sheet),
               english ? child_path(plan_root, "summary", english_n, count) : "");
}

std::string apply_summary(const Fields& fields, std::string_view document, const Element& root) {
    std::string bytes(document);
    const auto step = [&](bool en) {
        const Element current = pipeline::read_document(bytes);
        Element element = rich_element("summary", field(fields, en ? "text.en" : "text"));
        if (en) element.attributes.insert(element.attributes.begin(), {"lang", "en"});
        for (std::size_t i = 0; i < current.children.size(); ++i) {
            const Element& c = current.children[i];
            if (c.name != "summary" || (c.attribute_or_empty("lang") == "en") != en) continue;
            bytes = element.children.empty() ? pipeline::remove_child(bytes, i)
                                             : pipeline::replace_child(bytes, i, element);
            return;
        }
        if (element.children.empty()) return;
        // After the project and any summary (put_child would take the other summary for this one).
        std::size_t after = 0;
        for (std::size_t i = 0; i < current.children.size(); ++i)
            if (current.children[i].name == "project" || current.children[i].name == "summary") after = i + 1;
        bytes = pipeline::insert_child(bytes, after, element);
    };
    (void)root;
    step(false);
    step(true);
    return bytes;
}

// --------------------------------------------------------- accessibility

void draw_accessibility(Sheet& sheet, std::ostream& out) {
    const Element* section = child(sheet.root, "accessibility");
    const std::string at = plan_root + "/accessibility";
    out << sheet.findings_at(at, true);
    sheet.area(out, "physical", sheet.t("Fysisk tillgänglighet (lokaler)", "Physical accessibility (premises)"),
               rich_markup(child(section, "physical")), markup_help(sheet), at + "/physical");
    sheet.area(out, "information", sheet.t("Tillgänglig information", "Accessible information"),
               rich_markup(child(section, "information")), markup_help(sheet), at + "/information");
    sheet.area(out, "participation", sheet.t("Delaktighet", "Participation"),
               rich_markup(child(section, "participation")), markup_help(sheet), at + "/participation");
}

std::string apply_accessibility(const Fields& fields, std::string_view document, const Element& root) {
    Element section("accessibility");
    for (const char* aspect : {"physical", "information", "participation"}) {
        Element part = rich_element(aspect, field(fields, aspect));
        adopt_if(section, std::move(part));
    }
    return put_child(document, root, section, plan_order(), section.children.empty());
}

// --------------------------------------------------------- target groups

void draw_target_groups(Sheet& sheet, std::ostream& out) {
    const std::string at = plan_root + "/targetGroups";
    const auto stored = all(child(sheet.root, "targetGroups"), "targetGroup");
    const std::size_t rows = sheet.rows("targetGroup", stored.size());
    out << sheet.findings_at(at, true);
    sheet.count(out, "targetGroup", rows);
    for (std::size_t n = 1; n <= rows; ++n) {
        const Element* group = n <= stored.size() ? stored[n - 1] : nullptr;
        const std::string r = row("targetGroup", n), path = row_path(at, "targetGroup", n, stored.size());
        sheet.begin_row(
            out, r,
            sheet.t("Målgrupp ", "Target group ") + std::to_string(n) + (group ? "" : sheet.t(" (ny)", " (new)")),
            path);
        out << "<div class=\"row-grid\">";
        sheet.text(out, r + ".id", sheet.t("Id", "Id"), attr(group, "id"),
                   sheet.t("Unikt i ansökan, t.ex. tg-1.", "Unique in the application, e.g. tg-1."), path);
        sheet.text(out, r + ".name", sheet.t("Namn", "Name"), text_of(child(group, "name")), "",
                   path.empty() ? "" : path + "/name");
        sheet.text(out, r + ".women", sheet.t("Antal kvinnor", "Women"), attr(group, "women"), "", path);
        sheet.text(out, r + ".men", sheet.t("Antal män", "Men"), attr(group, "men"), "", path);
        out << "</div>";
        sheet.area(out, r + ".description", sheet.t("Beskrivning", "Description"),
                   rich_markup(child(group, "description")), markup_help(sheet),
                   path.empty() ? "" : path + "/description");
        sheet.end_row(out, r, group != nullptr);
    }
    sheet.add_row_button(out, "targetGroup", sheet.t("Lägg till en målgrupp", "Add a target group"));
}

std::string apply_target_groups(const Fields& fields, std::string_view document, const Element& root) {
    Element section("targetGroups");
    for (std::size_t n : kept_rows(fields, "targetGroup")) {
        const std::string r = row("targetGroup", n);
        Element& group = section.append("targetGroup");
        group.set_attribute("id", field(fields, r + ".id"));
        set_if(group, "women", field(fields, r + ".women"));
        set_if(group, "men", field(fields, r + ".men"));
        group.append("name", field(fields, r + ".name"));
        Element description = rich_element("description", field(fields, r + ".description"));
        adopt_if(group, std::move(description));
    }
    return put_child(document, root, section, plan_order(), section.children.empty());
}

template <std::size_t... I>
void add_rich(std::vector<Part>& parts, std::index_sequence<I...>) {
    (parts.push_back(Part{rich_sections()[I],
                          std::string(model::section_words(rich_sections()[I])->name.sv),
                          std::string(model::section_words(rich_sections()[I])->name.en),
                          Document::plan,
                          {rich_sections()[I]},
                          {plan_root + "/" + rich_sections()[I]},
                          &draw_rich<I>,
                          &apply_rich<I>}),
     ...);
}

}  // namespace

void add_plan_parts(std::vector<Part>& parts) {
    parts.push_back({"facts",
                     "Projektuppgifter",
                     "Project facts",
                     Document::plan,
                     {"project"},
                     {plan_root + "/project"},
                     &draw_facts,
                     &apply_facts});
    parts.push_back({"summary",
                     "Sammanfattning",
                     "Summary",
                     Document::plan,
                     {"summary"},
                     {plan_root + "/summary"},
                     &draw_summary,
                     &apply_summary});
    add_rich(parts, std::make_index_sequence<rich_section_count>{});
    parts.push_back({"accessibility",
                     "Tillgänglighet",
                     "Accessibility",
                     Document::plan,
                     {"accessibility"},
                     {plan_root + "/accessibility"},
                     &draw_accessibility,
                     &apply_accessibility});
    parts.push_back({"target-groups",
                     "Målgrupper",
                     "Target groups",
                     Document::plan,
                     {"targetGroups"},
                     {plan_root + "/targetGroups"},
                     &draw_target_groups,
                     &apply_target_groups});
    add_row_parts(parts);
}

}  // namespace esfdraft::http::editor
