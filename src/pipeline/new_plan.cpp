#include "pipeline/new_plan.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <utility>

#include "load/loader.hpp"
#include "load/rule_pack_reader.hpp"
#include "load/xml_input.hpp"
#include "model/rule_pack.hpp"
#include "model/values.hpp"
#include "model/vocabulary.hpp"
#include "pipeline/output_file.hpp"
#include "pipeline/pipeline.hpp"
#include "report/report.hpp"

namespace esfdraft::pipeline {

namespace fs = std::filesystem;

namespace {

// Text for an XML document: every value goes through escaped(), so no
// content can close an element or an attribute early.
std::string escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

using Attributes = std::vector<std::pair<std::string, std::string>>;

// A small indenting XML writer. Element and attribute names are ours
// (constants); texts and attribute values are escaped.
class XmlWriter {
public:
    XmlWriter() { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

    void open(const std::string& name, const Attributes& attributes = {}) {
        out_ += indent() + "<" + name + attribute_text(attributes) + ">\n";
        open_.push_back(name);
    }
    void close() {
        const std::string name = open_.back();
        open_.pop_back();
        out_ += indent() + "</" + name + ">\n";
    }
    // <name attributes>text</name>, or <name attributes/> when text is empty.
    void leaf(const std::string& name, const Attributes& attributes, const std::string& text = {}) {
        out_ += indent() + "<" + name + attribute_text(attributes) +
                (text.empty() ? "/>\n" : ">" + escaped(text) + "</" + name + ">\n");
    }
    void leaf(const std::string& name, const std::string& text) { leaf(name, {}, text); }
    // A comment; "--" cannot occur in one, so it is spaced apart.
    void comment(std::string text) {
        for (std::size_t at = text.find("--"); at != std::string::npos; at = text.find("--", at))
            text.replace(at, 2, "- -");
        out_ += indent() + "<!-- " + text + " -->\n";
    }
    const std::string& text() const { return out_; }

private:
    std::string indent() const { return std::string(2 * open_.size(), ' '); }
    static std::string attribute_text(const Attributes& attributes) {
        std::string out;
        for (const auto& [name, value] : attributes) out += " " + name + "=\"" + escaped(value) + "\"";
        return out;
    }
    std::string out_;
    std::vector<std::string> open_;
};

// A path as a URI reference (schemaLocation): unreserved bytes and '/' as
// they are, everything else (spaces, å) percent-encoded.
std::string uri_path(const std::string& path) {
    static const char* const hex = "0123456789ABCDEF";
    std::string out;
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        const bool plain = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                           (byte >= '0' && byte <= '9') || c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
        if (plain) {
            out += c;
        } else {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0x0F];
        }
    }
    return out;
}

struct Guide {
    const char* sv;
    const char* en;
};

// What each section should say. Every text holds "[…]" (and the Swedish
// "att komplettera"), placeholders of every pack, so S003 reports the
// section until the applicant has written it.
// Long because it is a table: one guide per section, in both languages.
const std::map<std::string, Guide>& section_guides() {
    static const std::map<std::string, Guide> guides = {
        {"summary",
         {"[…] Att komplettera: sammanfatta projektet på några meningar: behovet, vad ni ska göra, för vilka och vad "
          "det ska leda till.",
          "[…] To be written: sum up the project in a few sentences: the need, what you will do, for whom and what it "
          "will lead to."}},
        {"background",
         {"[…] Att komplettera: beskriv bakgrunden: vad som har lett fram till projektet, och vad en eventuell "
          "förstudie visade.",
          "[…] To be written: describe the background: what led to the project, and what a pre-study showed."}},
        {"problem",
         {"[…] Att komplettera: beskriv problemet eller situationen som projektet ska förändra, med siffror och "
          "källor.",
          "[…] To be written: describe the problem or situation the project is to change, with figures and sources."}},
        {"purpose",
         {"[…] Att komplettera: ange projektets syfte: vad det ska åstadkomma på längre sikt.",
          "[…] To be written: state the project's purpose: what it is to achieve in the longer run."}},
        {"organisation",
         {"[…] Att komplettera: beskriv projektorganisationen: projektägare, styrgrupp, bemanning och vilken kompetens "
          "som finns.",
          "[…] To be written: describe the project organisation: owner, steering group, staffing and the skills it "
          "has."}},
        {"partners", {"[…] Att komplettera: ange samverkansparter.", "[…] To be written: name the partners."}},
        {"genderEquality",
         {"[…] Att komplettera: beskriv hur jämställdhet mellan kvinnor och män integreras i projektets analys, "
          "aktiviteter och uppföljning.",
          "[…] To be written: describe how equality between women and men is built into the project's analysis, "
          "activities and follow-up."}},
        {"nonDiscrimination",
         {"[…] Att komplettera: beskriv hur projektet motverkar diskriminering och främjar lika rättigheter och "
          "möjligheter.",
          "[…] To be written: describe how the project counters discrimination and promotes equal rights and "
          "opportunities."}},
        {"transnational",
         {"[…] Att komplettera: beskriv det transnationella samarbetet.",
          "[…] To be written: describe the transnational co-operation."}},
        {"dissemination",
         {"[…] Att komplettera: beskriv hur resultaten sprids och till vilka.",
          "[…] To be written: describe how the results are spread, and to whom."}},
        {"evaluation",
         {"[…] Att komplettera: beskriv hur projektet följs upp och utvärderas.",
          "[…] To be written: describe how the project is followed up and evaluated."}},
        {"sustainableDevelopment",
         {"[…] Att komplettera: beskriv hur projektet bidrar till hållbar utveckling, socialt, ekonomiskt och "
          "miljömässigt.",
          "[…] To be written: describe how the project contributes to sustainable development, socially, economically "
          "and environmentally."}},
        {"fundamentalRights",
         {"[…] Att komplettera: beskriv hur projektet respekterar och främjar EU:s stadga om de grundläggande "
          "rättigheterna.",
          "[…] To be written: describe how the project respects and promotes the EU Charter of Fundamental Rights."}},
        {"risk",
         {"[…] Att komplettera: en risk för att projektet inte når sina mål",
          "[…] To be written: a risk that the project misses its goals"}},
        {"measure",
         {"[…] Att komplettera: vad projektet gör för att möta risken",
          "[…] To be written: what the project does to meet the risk"}},
        {"step.problem",
         {"[…] Att komplettera: problemet som projektet utgår från.",
          "[…] To be written: the problem the project starts from."}},
        {"step.activities", {"[…] Att komplettera: vad projektet gör.", "[…] To be written: what the project does."}},
        {"step.outputs",
         {"[…] Att komplettera: vad aktiviteterna direkt ger (till exempel antal deltagare och utbildningar).",
          "[…] To be written: what the activities directly deliver (for example participants and courses)."}},
        {"step.results",
         {"[…] Att komplettera: vad som har förändrats när projektet slutar.",
          "[…] To be written: what has changed when the project ends."}},
        {"step.effects",
         {"[…] Att komplettera: den varaktiga förändringen efter projektet.",
          "[…] To be written: the lasting change after the project."}},
        {"attachments",
         {"Bilagor: <attachment kind=\"…\">titel</attachment>, ett element per bilaga, med de slag utlysningen kräver.",
          "Attachments: <attachment kind=\"…\">title</attachment>, one element per attachment, of the kinds the call "
          "requires."}},
        {"applicant",
         {"Sökandens uppgifter (valfria här, M010): <applicant kind=\"municipality\" vat=\"deductible\"> med "
          "<address>, <signatory>, <financeContact> och <account kind=\"bankgiro\">; <caseNumber> när diarienumret är "
          "känt.",
          "The applicant's details (optional here, M010): <applicant kind=\"municipality\" vat=\"deductible\"> with "
          "<address>, <signatory>, <financeContact> and <account kind=\"bankgiro\">; <caseNumber> once the case number "
          "is known."}},
        {"targetGroup", {"[…] Att komplettera: målgruppens namn", "[…] To be written: the target group's name"}},
        {"targetGroupDescription",
         {"[…] Att komplettera: vilka som ingår i målgruppen, hur många, och deras behov.",
          "[…] To be written: who the target group are, how many, and their needs."}},
        {"goal", {"[…] Att komplettera: ett mätbart projektmål", "[…] To be written: a measurable project goal"}},
        {"indicator", {"[…] Att komplettera: vad som mäts", "[…] To be written: what is measured"}},
        {"activity", {"[…] Att komplettera: aktivitetens namn", "[…] To be written: the activity's name"}},
        {"activityDescription",
         {"[…] Att komplettera: vad som görs, av vem och när.", "[…] To be written: what is done, by whom and when."}},
        {"physical",
         {"[…] Att komplettera: hur lokaler och mötesplatser blir tillgängliga.",
          "[…] To be written: how premises and meeting places are made accessible."}},
        {"information",
         {"[…] Att komplettera: hur information och kommunikation blir tillgänglig.",
          "[…] To be written: how information and communication are made accessible."}},
        {"participation",
         {"[…] Att komplettera: hur alla kan delta i verksamheten.",
          "[…] To be written: how everyone can take part in the activities."}},
        {"cost", {"[…] Att komplettera: kostnadens slag", "[…] To be written: what the cost is"}},
        {"title", {"[…] Att komplettera: projektets namn", "[…] To be written: the project's name"}},
        {"owner", {"[…] Att komplettera: projektägarens namn", "[…] To be written: the project owner's name"}},
        {"contact", {"[…] Att komplettera: kontaktpersonens namn", "[…] To be written: the contact person's name"}},
        {"question", {"[…] Att komplettera: förstudiens fråga", "[…] To be written: the pre-study's question"}},
        {"finding",
         {"[…] Att komplettera: vad förstudien kom fram till", "[…] To be written: what the pre-study found"}},
        {"preStudyTitle", {"[…] Att komplettera: förstudiens namn", "[…] To be written: the pre-study's name"}},
        {"values",
         {"Ändra: region, kommunkoder, programområde och datum ovan är förslag som ska ersättas med projektets egna.",
          "Change: the region, municipality codes, programme area and dates above are stand-ins to replace with the "
          "project's own."}},
    };
    return guides;
}

// The guide for `key`; for a section of the format that has none of its
// own yet, one that names the section, with the same placeholder, so that
// `esfdraft new` still writes every section a pack requires.
std::string guide(const std::string& key, bool english) {
    const auto found = section_guides().find(key);
    if (found != section_guides().end()) return english ? found->second.en : found->second.sv;
    const model::SectionWords* words = model::section_words(key);
    const std::string name(words ? words->name.in(english ? "en" : "sv") : std::string_view(key));
    return english ? "[…] To be written: " + name + "." : "[…] Att komplettera: " + name + ".";
}

// The pre-study's plan as loaded, or ToolError saying why it cannot be one.
const model::Application& prestudy_of(const load::PlanLoad& loaded, const std::string& name,
                                      const model::Said& option) {
    if (!loaded.application) {
        std::string first_sv, first_en;
        for (const model::Finding& finding : loaded.findings)
            if (finding.severity == model::Severity::error) {
                first_sv = message_text(finding, report::Language::sv) + " [" + finding.rule + "]";
                first_en = message_text(finding, report::Language::en) + " [" + finding.rule + "]";
                break;
            }
        throw ToolError(model::Said("förstudien '" + name + "' går inte att läsa: " + first_sv + " (esfdraft check " +
                                        name + " visar varje problem)",
                                    "the pre-study '" + name + "' cannot be read: " + first_en + " (esfdraft check " +
                                        name + " lists every problem)"));
    }
    if (loaded.application->project.phase.value != "prestudy")
        throw ToolError(
            model::Said("'" + name + "' är ingen förstudie (dess fas är '" + loaded.application->project.phase.value +
                            "'); " + option.sv + " tar en förstudies plan (<phase>prestudy</phase>)",
                        "'" + name + "' is not a pre-study (its phase is '" + loaded.application->project.phase.value +
                            "'); " + option.en + " takes the plan of a pre-study (<phase>prestudy</phase>)"));
    return *loaded.application;
}

const model::Application* read_prestudy(const std::string& path, load::Loader& loader, load::PlanLoad& loaded) {
    try {
        loaded = loader.load_plan(path);
    } catch (const load::LoadError& error) {
        throw ToolError(error.said());
    }
    return &prestudy_of(loaded, path, model::Said(std::string("--from-prestudy")));
}

void rich_text(XmlWriter& xml, const std::string& element, const std::string& text, const Attributes& attributes = {}) {
    xml.open(element, attributes);
    xml.leaf("p", text);
    xml.close();
}

// Without guides (the editor), the question and the finding the format
// requires are there empty, for the rules to report as not written.
std::string findings_document(const model::Application* prestudy, const model::Date& start, const model::Date& end,
                              bool english, bool guides) {
    XmlWriter xml;
    xml.open("findings", {{"xmlns", "urn:esfdraft:findings:1"}, {"lang", english ? "en" : "sv"}});
    if (guides)
        xml.comment(english ? "The pre-study's findings, which the plan's goals build on (goal/basis/@finding)."
                            : "Förstudiens resultat, som planens mål bygger på (goal/basis/@finding).");
    xml.open("study");
    xml.leaf("title", prestudy ? prestudy->project.title.value : guide("preStudyTitle", english));
    xml.leaf("period", {{"start", start.iso()}, {"end", end.iso()}});
    xml.close();
    xml.open("questions");
    xml.leaf("question", {{"id", "q1"}}, guides ? guide("question", english) : std::string());
    xml.close();
    xml.open("finding", {{"id", "f1"}, {"question", "q1"}});
    xml.leaf("statement", guides ? guide("finding", english) : std::string());
    xml.close();
    xml.close();
    return xml.text();
}

}  // namespace

namespace {

// What a new plan is made from: the programme and phase checked against the
// pack, and the project facts of a pre-study or the editor's first form.
struct PlanFacts {
    std::string programme;
    std::string phase;
    std::string lang = "sv";
    const model::Call* call = nullptr;
    const model::Application* prestudy = nullptr;  // its facts are carried forward
    std::string title;                             // without a pre-study; empty: the guiding text
    std::string owner;
    std::string owner_org_number;
    // The CLI's plan for an XML editor: guiding texts in every section (S003
    // until replaced), comments and the schema's location. Without them (the
    // browser editor), only the project facts: sections are left out, for
    // the rules to report as missing, and the server's paths stay out of the file.
    bool guides = true;
    model::Date today;
};

std::string known_programmes(const load::RulePackLibrary& packs) { return model::join(packs.pack_names()); }

const model::RulePack& find_pack(load::RulePackLibrary& packs, const std::string& programme, const std::string& phase) {
    const model::RulePack* pack = nullptr;
    try {
        pack = packs.find(programme);
    } catch (const load::LoadError& error) {
        throw ToolError(error.said());
    }
    if (!pack)
        throw ToolError(
            model::Said("det finns inget program '" + programme + "'; programmen är: " + known_programmes(packs),
                        "there is no programme '" + programme + "'; the programmes are: " + known_programmes(packs)));
    if (!pack->find_phase(phase))
        throw ToolError(model::Said("programmet " + programme + " har ingen fas '" + phase + "'",
                                    "the programme " + programme + " has no phase '" + phase + "'"));
    return *pack;
}

void check_phase(const std::string& phase) {
    if (phase != "prestudy" && phase != "implementation")
        throw ToolError(model::Said("--phase ska vara prestudy eller implementation, inte '" + phase + "'",
                                    "--phase must be prestudy or implementation, not '" + phase + "'"));
}

void check_lang(const std::string& lang) {
    if (lang != "sv" && lang != "en")
        throw ToolError(model::Said("--lang ska vara sv eller en, inte '" + lang + "'",
                                    "--lang must be sv or en, not '" + lang + "'"));
}

// The dates a new plan proposes: the implementation period (the next
// calendar year and the one after, within a call's earliest start and latest
// end) and the pre-study's (the pre-study carried forward, or the half year
// before the period).
struct PlanDates {
    model::Date start, end;
    model::Date study_start, study_end;
};

PlanDates stand_in_dates(const PlanFacts& facts) {
    const model::Application* prestudy = facts.prestudy;
    PlanDates dates;
    dates.start = prestudy && prestudy->project.period.end.valid()
                      ? model::Date{prestudy->project.period.end.year + 1, 1, 1}
                      : model::Date{facts.today.year + 1, 1, 1};
    if (facts.call && facts.call->earliest_start && dates.start < facts.call->earliest_start->value)
        dates.start = facts.call->earliest_start->value;
    dates.end = model::Date{dates.start.year + 1, 12, 31};
    if (facts.call && facts.call->latest_end && facts.call->latest_end->value < dates.end &&
        dates.start < facts.call->latest_end->value)
        dates.end = facts.call->latest_end->value;
    dates.study_start = prestudy ? prestudy->project.period.start : model::Date{dates.start.year - 1, 1, 1};
    dates.study_end = prestudy ? prestudy->project.period.end : model::Date{dates.start.year - 1, 6, 30};
    return dates;
}

// <application …>: the format's namespace, for a plan with guides the
// schema's location (so XML editors check it as one types), the programme,
// the call and the language.
void open_application(XmlWriter& xml, const PlanFacts& facts, const std::string& data) {
    const bool english = facts.lang == "en";
    Attributes root = {{"xmlns", "urn:esfdraft:plan:1"}};
    if (facts.guides) {
        const std::string schema = fs::absolute(fs::path(data) / "schemas" / "plan-1.xsd").lexically_normal().string();
        root.emplace_back("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
        root.emplace_back("xsi:schemaLocation", "urn:esfdraft:plan:1 " + uri_path(schema));
    }
    root.emplace_back("programme", facts.programme);
    if (facts.call) root.emplace_back("call", facts.call->name);
    root.emplace_back("lang", facts.lang);
    xml.open("application", root);
    if (facts.guides)
        xml.comment(english
                        ? "Made by esfdraft new. Replace every text marked [...] (esfdraft check lists them as S003); "
                          "docs/format.md describes every element."
                        : "Skapad av esfdraft new. Ersätt varje text märkt [...] (esfdraft check listar dem som S003); "
                          "docs/format.md beskriver varje element.");
}

// The owner and the contact: the pre-study's, or what the user gave (with
// guides, a guiding text where nothing was given).
void write_owner_and_contact(XmlWriter& xml, const PlanFacts& facts) {
    const bool english = facts.lang == "en";
    const bool guides = facts.guides;
    const model::Application* prestudy = facts.prestudy;
    Attributes owner;
    if (prestudy && prestudy->project.owner.org_number)
        owner.emplace_back("orgNumber", *prestudy->project.owner.org_number);
    if (!prestudy && !facts.owner_org_number.empty()) owner.emplace_back("orgNumber", facts.owner_org_number);
    xml.leaf("owner", owner,
             prestudy ? prestudy->project.owner.name
             : guides ? (!facts.owner.empty() ? facts.owner : guide("owner", english))
                      : facts.owner);
    xml.open("contact");
    xml.leaf("name", prestudy ? prestudy->project.contact.name : guides ? guide("contact", english) : std::string());
    xml.leaf("email", prestudy ? prestudy->project.contact.email
                      : guides ? std::string("namn@example.se")
                               : std::string());
    if (prestudy && prestudy->project.contact.phone) xml.leaf("phone", *prestudy->project.contact.phone);
    xml.close();
}

// The pre-study's municipalities, or Stockholm's code as the stand-in.
void write_municipalities(XmlWriter& xml, const PlanFacts& facts) {
    const model::Application* prestudy = facts.prestudy;
    xml.open("municipalities");
    if (prestudy && !prestudy->project.municipalities.empty()) {
        for (const model::MunicipalityRef& municipality : prestudy->project.municipalities) {
            Attributes attributes = {{"code", municipality.code}};
            if (municipality.partner) attributes.emplace_back("role", "partner");
            xml.leaf("municipality", attributes, municipality.name.value_or(""));
        }
    } else {
        if (facts.guides)
            xml.comment(facts.lang == "en" ? "The four-digit municipality code (kommunkod), e.g. 0180 Stockholm"
                                           : "Den fyrsiffriga kommunkoden, t.ex. 0180 Stockholm");
        xml.leaf("municipality", {{"code", "0180"}});
    }
    xml.close();
}

// <project>: the pre-study's facts carried forward, or the user's and
// stand-ins (the call's or the pack's first area, the call's first region),
// and the link to the pre-study when findings_name is given.
void write_project(XmlWriter& xml, const PlanFacts& facts, const model::RulePack& pack, const PlanDates& dates,
                   const std::string& findings_name) {
    const bool english = facts.lang == "en";
    const bool guides = facts.guides;
    const model::Application* prestudy = facts.prestudy;
    const std::string stand_in_area = facts.call && facts.call->limits_areas() ? facts.call->areas.front()
                                      : pack.areas.empty()                     ? std::string("-")
                                                                               : pack.areas.front().code;
    const std::string stand_in_region =
        facts.call && !facts.call->regions.empty() ? facts.call->regions.front() : "SE11";

    xml.open("project");
    xml.leaf("title", prestudy               ? prestudy->project.title.value
                      : !facts.title.empty() ? facts.title
                                             : guide("title", english));
    if (prestudy && prestudy->project.acronym) xml.leaf("acronym", prestudy->project.acronym->value);
    std::string areas;
    for (const model::ProgrammeArea& area : pack.areas) areas += (areas.empty() ? "" : ", ") + area.code;
    if (!prestudy && guides)
        xml.comment((english ? "Programme areas of " : "Programområden i ") + facts.programme + ": " + areas);
    xml.leaf("programmeArea", prestudy ? prestudy->project.programme_area.value : stand_in_area);
    xml.leaf("phase", facts.phase);
    if (!prestudy && guides)
        xml.comment(english ? "Region (NUTS2): SE11, SE12, SE21, SE22, SE23, SE31, SE32 or SE33"
                            : "Region (NUTS2): SE11, SE12, SE21, SE22, SE23, SE31, SE32 eller SE33");
    xml.leaf("region", prestudy ? prestudy->project.region.value : stand_in_region);
    write_owner_and_contact(xml, facts);
    xml.leaf("period", {{"start", dates.start.iso()}, {"end", dates.end.iso()}});
    write_municipalities(xml, facts);
    if (!findings_name.empty()) {
        xml.leaf("preStudy", {{"title", prestudy ? prestudy->project.title.value : guide("preStudyTitle", english)},
                              {"start", dates.study_start.iso()},
                              {"end", dates.study_end.iso()},
                              {"findings", findings_name}});
    }
    if (guides) {
        if (!prestudy) xml.comment(guide("values", english));
        xml.comment(guide("applicant", english));
    }
    xml.close();
}

// The sections every new plan starts with, whatever the pack (the format
// itself requires none: that is each pack's decision, S001), and those the
// pack requires or recommends.
bool wanted_section(const model::RulePack& pack, const std::string& section) {
    static const std::vector<std::string> always = {"summary",        "background",    "problem",    "purpose",
                                                    "targetGroups",   "goals",         "activities", "organisation",
                                                    "genderEquality", "accessibility", "budget"};
    if (std::find(always.begin(), always.end(), section) != always.end() || pack.requires_section(section)) return true;
    return std::any_of(pack.recommended_sections.begin(), pack.recommended_sections.end(),
                       [&](const model::SectionRule& rule) { return rule.section == section; });
}

// The project logic's five steps, each with its guiding text; the middle
// three lead to the goal.
void write_guided_project_logic(XmlWriter& xml, bool english) {
    xml.open("projectLogic");
    for (const char* kind : {"problem", "activities", "outputs", "results", "effects"}) {
        Attributes attributes{{"kind", kind}};
        if (std::string_view(kind) != "problem" && std::string_view(kind) != "effects")
            attributes.emplace_back("goals", "g1");
        xml.open("step", attributes);
        xml.leaf("p", guide(std::string("step.") + kind, english));
        xml.close();
    }
    xml.close();
}

// One section of a plan with guides: a guiding text in each element the
// applicant writes, and for the structured sections one entry of each kind
// (a target group, a goal with an indicator, an activity over the period, …).
void write_guided_section(XmlWriter& xml, const std::string& section, const PlanDates& dates, bool english,
                          bool implementation) {
    if (section == "targetGroups") {
        xml.open("targetGroups");
        xml.open("targetGroup", {{"id", "tg1"}});
        xml.leaf("name", guide("targetGroup", english));
        rich_text(xml, "description", guide("targetGroupDescription", english));
        xml.close();
        xml.close();
    } else if (section == "goals") {
        xml.open("goals");
        xml.open("goal", {{"id", "g1"}, {"kind", "project"}});
        xml.leaf("statement", guide("goal", english));
        xml.leaf("indicator", {{"unit", "persons"}, {"target", "1"}}, guide("indicator", english));
        if (implementation) xml.leaf("basis", {{"finding", "f1"}});
        xml.close();
        xml.close();
    } else if (section == "activities") {
        xml.open("activities");
        xml.open("activity", {{"id", "a1"}, {"start", dates.start.iso()}, {"end", dates.end.iso()}, {"goals", "g1"}});
        xml.leaf("title", guide("activity", english));
        rich_text(xml, "description", guide("activityDescription", english));
        xml.close();
        xml.close();
    } else if (section == "partners" || section == "attachments") {
        xml.comment(guide(section, english));
        xml.leaf(section, Attributes{});
    } else if (section == "accessibility") {
        xml.open("accessibility");
        for (const char* part : {"physical", "information", "participation"})
            rich_text(xml, part, guide(part, english));
        xml.close();
    } else if (section == "riskAnalysis") {
        xml.open("riskAnalysis");
        xml.open("risk", {{"id", "r1"}, {"likelihood", "medium"}, {"impact", "medium"}});
        xml.leaf("description", guide("risk", english));
        xml.leaf("measure", guide("measure", english));
        xml.close();
        xml.close();
    } else if (section == "projectLogic") {
        write_guided_project_logic(xml, english);
    } else if (section == "budget") {
        xml.open("budget");
        xml.open("costs");
        xml.leaf("cost", {{"category", "staff"}, {"year", std::to_string(dates.start.year)}, {"amount", "0"}},
                 guide("cost", english));
        xml.close();
        xml.open("financing");
        xml.leaf("source", {{"kind", "esf"}, {"amount", "0"}});
        xml.close();
        xml.close();
    } else {
        rich_text(xml, section, guide(section, english));
    }
}

// The plan (and for an implementation application its findings skeleton).
NewPlanBytes compose_plan(const PlanFacts& facts, const model::RulePack& pack, const std::string& data) {
    const bool english = facts.lang == "en";
    const bool implementation = facts.phase == "implementation";
    const PlanDates dates = stand_in_dates(facts);
    // A pre-study to link to: the one carried forward, or the CLI's stand-in;
    // the editor's plan from nothing has none until the applicant adds it.
    const bool links_prestudy = implementation && (facts.prestudy || facts.guides);
    const std::string findings_name = links_prestudy ? "findings.xml" : "";

    XmlWriter xml;
    open_application(xml, facts, data);
    write_project(xml, facts, pack, dates, findings_name);
    for (const std::string& section : facts.guides ? model::plan_sections() : std::vector<std::string>{})
        if (wanted_section(pack, section)) write_guided_section(xml, section, dates, english, implementation);
    xml.close();

    NewPlanBytes out;
    out.plan = xml.text();
    if (links_prestudy) {
        out.findings_name = findings_name;
        out.findings = findings_document(facts.prestudy, dates.study_start, dates.study_end, english, facts.guides);
    }
    return out;
}
}  // namespace

NewPlanBytes follow_up_plan(std::string_view prestudy_plan_bytes, const std::string& name, model::Date today,
                            std::string lang) {
    check_lang(lang);
    const std::string data = data_dir();
    load::Loader loader(data + "/schemas");
    load::PlanLoad loaded;
    try {
        loaded = loader.load_plan_bytes(prestudy_plan_bytes, name);
    } catch (const load::LoadError& error) {
        throw ToolError(error.said());
    }
    PlanFacts facts;
    facts.prestudy = &prestudy_of(loaded, name, model::Said("en genomförandeansökan", "an implementation application"));
    facts.programme = facts.prestudy->programme;
    facts.phase = "implementation";
    facts.lang = std::move(lang);
    facts.guides = false;
    facts.today = today;
    load::RulePackLibrary packs(data + "/schemas");
    return compose_plan(facts, find_pack(packs, facts.programme, facts.phase), data);
}

std::string starter_plan(const StarterPlan& request) {
    check_lang(request.lang);
    check_phase(request.phase);
    if (request.title.find_first_not_of(" \t\r\n") == std::string::npos)
        throw ToolError(model::Said("ange projektets titel: en plan kan inte göras utan",
                                    "say the project's title: a plan cannot be made without one"));
    const std::string data = data_dir();
    load::RulePackLibrary packs(data + "/schemas");
    const model::RulePack& pack = find_pack(packs, request.programme, request.phase);
    PlanFacts facts;
    facts.programme = request.programme;
    facts.phase = request.phase;
    facts.lang = request.lang;
    if (request.call && !request.call->empty()) {
        facts.call = pack.find_call(*request.call);
        if (!facts.call) {
            std::string known;
            for (const model::Call& call : pack.calls) known += (known.empty() ? "" : ", ") + call.name;
            throw ToolError(
                model::Said("programmet " + request.programme + " har ingen utlysning '" + *request.call + "'" +
                                (known.empty() ? std::string(" (det har inga)") : "; dess utlysningar är: " + known),
                            "the programme " + request.programme + " has no call '" + *request.call + "'" +
                                (known.empty() ? std::string(" (it has none)") : "; its calls are: " + known)));
        }
        if (!facts.call->allows_phase(request.phase))
            throw ToolError(
                model::Said("utlysningen " + facts.call->name + " är inte öppen för fasen '" + request.phase + "'",
                            "the call " + facts.call->name + " is not open to the phase '" + request.phase + "'"));
    }
    facts.title = request.title;
    facts.owner = request.owner;
    facts.owner_org_number = request.owner_org_number;
    facts.guides = false;
    facts.today = request.today;
    return compose_plan(facts, pack, data).plan;
}

NewPlanResult write_new_plan(const NewPlanRequest& request) {
    check_lang(request.lang);
    const std::string data = data_dir();
    load::Loader loader(data + "/schemas");
    load::PlanLoad prestudy_load;
    const model::Application* prestudy =
        request.from_prestudy ? read_prestudy(*request.from_prestudy, loader, prestudy_load) : nullptr;

    const std::string phase = request.phase.value_or(prestudy ? "implementation" : "");
    if (phase.empty())
        throw ToolError(
            model::Said("ange vilken fas ansökan gäller: --phase prestudy eller --phase implementation",
                        "say which phase the application is for: --phase prestudy or --phase implementation"));
    check_phase(phase);
    if (prestudy && phase != "implementation")
        throw ToolError(
            model::Said("--from-prestudy påbörjar genomförandeansökan som följer på en förstudie: utelämna --phase "
                        "eller använd --phase implementation",
                        "--from-prestudy starts the implementation application that follows a pre-study: leave out "
                        "--phase or use --phase implementation"));
    const std::string programme = request.programme ? *request.programme : prestudy ? prestudy->programme : "";
    if (programme.empty())
        throw ToolError(
            model::Said("ange vilket program ansökan gäller: --programme esf-plus-2021-2027 eller esf-2007-2013",
                        "say which programme the application is for: --programme esf-plus-2021-2027 or esf-2007-2013"));

    load::RulePackLibrary packs(data + "/schemas");
    const model::RulePack& pack = find_pack(packs, programme, phase);

    const bool implementation = phase == "implementation";
    const fs::path plan_path(request.output);
    const std::string findings_path = (plan_path.parent_path() / "findings.xml").string();
    std::vector<std::string> targets = {request.output};
    if (implementation) targets.push_back(findings_path);
    std::vector<std::string> inputs;
    if (request.from_prestudy) inputs.push_back(*request.from_prestudy);
    for (const std::string& target : targets) {
        std::error_code error;
        if (!request.force && fs::exists(fs::symlink_status(target, error)))
            throw ToolError(model::Said(
                "'" + target +
                    "' finns redan; esfdraft new ersätter den inte (välj en annan -o, eller lägg till --force)",
                "'" + target +
                    "' already exists; esfdraft new does not replace it (choose another -o, or add --force)"));
    }

    PlanFacts facts;
    facts.programme = programme;
    facts.phase = phase;
    facts.lang = request.lang;
    facts.prestudy = prestudy;
    facts.today = request.today;
    const NewPlanBytes bytes = compose_plan(facts, pack, data);

    std::vector<PendingOutput> outputs;
    outputs.emplace_back(request.output, inputs);
    outputs.back().write(bytes.plan);
    if (bytes.findings) {
        outputs.emplace_back(findings_path, inputs);
        outputs.back().write(*bytes.findings);
    }
    commit_together(outputs);
    NewPlanResult result;
    for (const PendingOutput& output : outputs) result.written.push_back(output.target());
    return result;
}

}  // namespace esfdraft::pipeline
