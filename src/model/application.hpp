// The application and the pre-study findings as plain value types.
//
// This is the one contract between the readers (load), the checks (rules),
// the report and the writers (docx, xlsx). Every element keeps where it came
// from. Optional elements the file left out are std::nullopt or empty
// vectors; the model never invents content. Strings are UTF-8.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/values.hpp"

namespace esfdraft::model {

// ---------------------------------------------------------------- rich text

// A run of text inside a block; `emphasis` is <em>, `strong` is <strong>.
struct Inline {
    std::string text;
    bool emphasis = false;
    bool strong = false;
};

using InlineText = std::vector<Inline>;

struct Block {
    enum class Kind { paragraph, bullet_list, numbered_list };
    Kind kind = Kind::paragraph;
    InlineText inlines;             // paragraph content (empty for lists)
    std::vector<InlineText> items;  // list items (empty for paragraphs)
    SourceLocation where;
};

// A section's rich text: paragraphs and lists.
struct RichText {
    std::vector<Block> blocks;
    SourceLocation where;

    // All text, blocks separated by "\n", list items by "\n".
    std::string plain_text() const;
    // Words = maximal runs of non-whitespace (ASCII whitespace and U+00A0).
    int word_count() const;
    // True when there is no non-whitespace text at all.
    bool empty() const;
};

// ---------------------------------------------------------------- project facts

struct Organisation {
    std::string name;
    std::optional<std::string> org_number;  // "NNNNNN-NNNN" as written
    SourceLocation where;
};

struct Contact {
    std::string name;
    std::string email;
    std::optional<std::string> phone;
    SourceLocation where;
    SourceLocation email_where;
};

struct Period {
    Date start;
    Date end;
    SourceLocation where;
};

struct MunicipalityRef {
    std::string code;                 // four-digit SCB kommunkod as written
    std::optional<std::string> name;  // the element's text, when given
    bool partner = false;             // role="partner"
    SourceLocation where;
};

struct PreStudyRef {
    std::string title;
    Period period;
    std::optional<std::string> findings_path;  // relative to the plan file
    SourceLocation where;
};

// The applicant organisation's details an application form asks for
// (plan-format §3, <project><applicant>). Every part is optional: rule M010
// says which ones a complete application gives.
struct PostalAddress {
    std::string street;
    std::string postcode;
    std::string city;
    SourceLocation where;
};

struct Signatory {  // firmatecknare
    std::string name;
    std::string title;
    SourceLocation where;
};

struct PaymentAccount {
    std::string kind;    // bankgiro | plusgiro | bank
    std::string number;  // as written
    SourceLocation where;
};

struct Applicant {
    std::optional<Located<std::string>>
        kind;  // municipality | region | county-board | agency | university | non-profit | company | other
    std::optional<Located<std::string>> vat;  // deductible | partly-deductible | not-deductible (momsredovisning)
    std::optional<PostalAddress> address;
    std::optional<Signatory> signatory;
    std::optional<Contact> finance_contact;
    std::optional<PaymentAccount> account;
    SourceLocation where;
};

struct Project {
    Located<std::string> title;
    std::optional<Located<std::string>> acronym;
    Located<std::string> programme_area;
    Located<std::string> phase;   // "prestudy" or "implementation" per spec
    Located<std::string> region;  // NUTS2 code, e.g. "SE33"
    Organisation owner;
    Contact contact;
    Period period;
    std::vector<MunicipalityRef> municipalities;
    SourceLocation municipalities_where;
    std::optional<PreStudyRef> pre_study;
    std::optional<Applicant> applicant;
    std::optional<Located<std::string>> case_number;  // diarienummer, once the funder gave one
    SourceLocation where;
};

// ---------------------------------------------------------------- sections

struct Summary {
    std::optional<std::string> lang;  // nullopt = the application's language
    RichText text;
};

struct TargetGroup {
    std::string id;
    std::string name;
    std::optional<RichText> description;
    std::optional<Decimal> women;
    std::optional<Decimal> men;
    SourceLocation where;
};

struct Indicator {
    std::string text;  // what is counted
    std::string unit;  // persons | organisations | percent | count
    Decimal target;
    Decimal baseline;  // 0 when the file leaves it out
    std::optional<Decimal> women;
    std::optional<Decimal> men;
    std::optional<Decimal> non_binary;  // nonBinary="…": ESF+ where national law provides it
    std::optional<std::string> code;    // a common indicator of the pack (code="EECO01"); none = project-specific
    std::optional<Date> due;
    SourceLocation where;
};

struct GoalBasis {
    std::string finding_id;
    SourceLocation where;
};

struct Goal {
    std::string id;
    std::string kind;  // project | effect
    std::string statement;
    std::vector<Indicator> indicators;
    std::vector<GoalBasis> basis;
    SourceLocation where;
};

struct Activity {
    std::string id;
    Date start;
    Date end;
    std::vector<std::string> goal_ids;
    std::vector<std::string> tags;
    std::string title;
    std::optional<RichText> description;
    SourceLocation where;

    bool has_tag(std::string_view tag) const;
};

struct Partner {
    std::optional<std::string> id;  // needed when costs or sources name it (@beneficiary)
    std::string name;
    std::string role;  // free text; "beneficiary" = a stödmottagare with its own sub-budget
    std::optional<std::string> org_number;
    SourceLocation where;

    bool beneficiary() const { return role == "beneficiary"; }
};

// <riskAnalysis>: an optional introduction, then the risks.
struct Risk {
    std::optional<std::string> id;
    std::string likelihood;   // low | medium | high
    std::string impact;       // low | medium | high
    std::string description;  // the risk
    std::string measure;      // what meets it
    SourceLocation where;
};

struct RiskAnalysis {
    RichText introduction;
    std::vector<Risk> risks;
    SourceLocation where;
};

// <projectLogic>: from the problem through activities and outputs to results
// and effects; an optional introduction, then steps, each optionally tied to
// goals.
struct LogicStep {
    std::string kind;  // problem | activities | outputs | results | effects
    std::vector<std::string> goal_ids;
    RichText text;
    SourceLocation where;
};

struct ProjectLogic {
    RichText introduction;
    std::vector<LogicStep> steps;
    SourceLocation where;
};

// <attachments><attachment kind="…">title</attachment>: kind from the call's list.
struct Attachment {
    std::string kind;
    std::string title;
    SourceLocation where;
};

struct Accessibility {
    std::optional<RichText> physical;
    std::optional<RichText> information;
    std::optional<RichText> participation;
    SourceLocation where;
};

// ---------------------------------------------------------------- budget

struct CostLine {
    std::string category;  // staff | services | premises | travel | materials | indirect | participants | other
    int year = 0;
    std::optional<std::string> activity_id;
    Money amount = 0;
    std::vector<std::string> tags;
    std::string label;
    // Whose sub-budget (plan-format §3): a beneficiary partner's id or
    // "owner"; nullopt when the line does not say.
    std::optional<std::string> beneficiary;
    SourceLocation where;

    bool has_tag(std::string_view tag) const;
};

struct FinancingSource {
    std::string kind;  // esf | public-cash | public-in-kind | public-allowance | private-cash | private-in-kind
    std::optional<std::string> funder;
    std::optional<std::string> org_number;
    Money amount = 0;
    std::optional<std::string> beneficiary;  // as CostLine::beneficiary
    SourceLocation where;
};

struct Income {
    Money amount = 0;
    std::string label;
    SourceLocation where;
};

struct Budget {
    std::string currency = "SEK";
    // @costModel, a list: real-costs | indirect-flat-rate | remaining-flat-rate
    // | lump-sum | unit-costs; empty when the plan does not say (rule B012/B013).
    std::vector<std::string> cost_models;
    SourceLocation cost_model_where;
    std::vector<CostLine> costs;
    std::vector<FinancingSource> financing;
    std::vector<Income> income;
    SourceLocation where;
    SourceLocation costs_where;
    SourceLocation financing_where;

    // Whether the plan gives any budget line: a cost, a financing source or an
    // income. (The budget section is empty for S001 without costs and
    // financing: income alone does not fill it.)
    bool has_lines() const { return !costs.empty() || !financing.empty() || !income.empty(); }

    // Sums throw std::overflow_error rather than wrap.
    Money total_costs() const;
    Money total_income() const;
    Money total_financing() const;
    Money eligible_costs() const { return total_costs() - total_income(); }
    Money financing_of_kind(std::string_view kind) const;
    // The costs of one category ("staff", "indirect"): the base of the flat
    // rates (B008) and of the indirect share the editor shows.
    Money costs_of_category(std::string_view category) const;
};

// ---------------------------------------------------------------- pre-study findings

struct ResearchQuestion {
    std::string id;
    std::string text;
    SourceLocation where;
};

struct Actor {
    std::string id;
    std::string kind;
    std::optional<std::string> municipality_code;
    std::string name;
    SourceLocation where;
};

struct Evidence {
    std::string kind;  // survey | interview | workshop | document | statistics
    std::optional<std::int64_t> respondents;
    std::optional<Decimal> share;  // 0–1
    std::vector<std::string> actor_ids;
    std::string text;
    SourceLocation where;
};

struct StudyFinding {
    std::string id;
    std::string question_id;
    std::string theme;          // needs | cooperation | competence | support | other
    std::string priority;       // high | medium | low
    bool out_of_scope = false;  // scope="out"
    std::string statement;
    std::vector<Evidence> evidence;
    std::optional<std::string> recommendation;
    SourceLocation where;
};

struct PreStudyFindings {
    std::string file;  // the path it was read from
    std::string lang = "sv";
    std::string study_title;
    Period study_period;
    std::optional<RichText> method;
    std::vector<ResearchQuestion> questions;
    std::vector<Actor> actors;
    std::vector<StudyFinding> findings;
    SourceLocation where;

    const StudyFinding* find(std::string_view id) const;
};

// ---------------------------------------------------------------- the application

// A section the plan gives more than once (rule X005): the reader keeps the
// first and records each later one here. For summary, `section` is
// "summary" and `lang` the language both share (no lang attribute = sv).
struct RepeatedSection {
    std::string section;              // plan element name: "goals", "summary", ...
    std::optional<std::string> lang;  // summary only
    SourceLocation first;
    SourceLocation again;
};

struct Application {
    std::string file;                 // the path the plan was read from
    std::string programme;            // rule pack name, e.g. "esf-2007-2013"
    std::optional<std::string> call;  // call name in that pack
    std::string lang = "sv";          // sv | en
    SourceLocation where;

    Project project;
    std::vector<Summary> summaries;
    std::optional<RichText> background;
    std::optional<RichText> problem;
    std::optional<RichText> purpose;
    std::vector<TargetGroup> target_groups;
    SourceLocation target_groups_where;
    std::vector<Goal> goals;
    SourceLocation goals_where;
    std::vector<Activity> activities;
    SourceLocation activities_where;
    std::optional<RichText> organisation;
    std::vector<Partner> partners;
    std::optional<RichText> gender_equality;
    std::optional<Accessibility> accessibility;
    std::optional<RichText> non_discrimination;
    std::optional<RichText> transnational;
    std::optional<RichText> dissemination;
    std::optional<RichText> evaluation;
    // plan-format §3: the other sections a real (ESF+) application carries.
    std::optional<RiskAnalysis> risk_analysis;
    std::optional<ProjectLogic> project_logic;
    std::optional<RichText> sustainable_development;
    std::optional<RichText> fundamental_rights;
    std::optional<std::vector<Attachment>> attachments;
    SourceLocation attachments_where;
    Budget budget;
    // Sections given more than once, in document order of the repetition.
    std::vector<RepeatedSection> repeated_sections;

    // The pre-study's findings file, when the plan names one (or --findings
    // gave one) and it loaded.
    std::optional<PreStudyFindings> findings;

    // The summary in the application's language (the first without a lang, or
    // whose lang equals `lang`); nullptr when there is none.
    const Summary* main_summary() const;
    // The summary with lang="en" when the application itself is not English.
    const Summary* english_summary() const;
    const Goal* find_goal(std::string_view id) const;
    const Activity* find_activity(std::string_view id) const;
    const Partner* find_partner(std::string_view id) const;
    // True when some partner has role="beneficiary" (rule B014, sub-budgets).
    bool has_beneficiary_partners() const;
};

// The text of a section that is one rich text and nothing else: the
// vocabulary's sections of rich text (model/vocabulary.hpp) but the summary,
// which a plan may give in two languages (Application::main_summary). For
// "background", "genderEquality", … the member that holds it; nullptr for
// any other key. This is the one place that ties those keys to the members,
// so the rules, the reports, the service's pages and its diff can walk the
// vocabulary's sections instead of naming each one.
const std::optional<RichText>* rich_section(const Application& application, std::string_view key);

// The numbers the draft gives the plan's activities and goals, by their
// place in the plan: activities "A1", "A2", …; goals "M1", "M2", … in
// Swedish ("mål") and "G1", "G2", … in English (any lang other than "en" is
// Swedish). Keyed by id; an id the plan gives twice takes the number of its
// last place (rule X004 reports the duplicate). The draft and the budget
// workbook both name activities and goals by these.
using Labels = std::map<std::string, std::string, std::less<>>;
Labels activity_labels(const Application& application);
Labels goal_labels(const Application& application, std::string_view lang);

}  // namespace esfdraft::model
