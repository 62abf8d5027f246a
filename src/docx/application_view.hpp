// The application as template data: maps model::Application onto the
// generic TemplateValue the engine renders, with labels in the draft's
// language, money as exact decimals for the `sek` filter, dates in ISO form,
// sections as rich text, and a visible marker ("[Saknas: Jämställdhetsintegrering]")
// for every section the plan leaves out, so an incomplete plan still gives a
// draft. The names are listed in docs/templates.md.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "docx/engine/template_value.hpp"
#include "model/application.hpp"

namespace esfdraft::docx {

// What the check of the plan found, so that the draft says what the report
// says: the sections it reports missing or empty and its verdict.
struct DraftCheck {
    // Section keys (the plan's element names, as in Finding::section) of
    // S001, A001 and S006; "summary_en" for S005 (no English summary).
    std::set<std::string> flagged_sections;
    int errors = 0;      // errors left, counted as the report counts them (with --strict, warnings too)
    bool ready = false;  // the report's verdict: ready to submit
};

struct ApplicationViewOptions {
    std::string lang = "sv";                                // "sv" or "en": labels and markers
    model::Date date;                                       // the document date (--date)
    std::optional<ImageData> logo;                          // null in the data when absent
    std::map<std::string, std::string> municipality_names;  // SCB code -> name, for codes the plan gives without a name
    // With a check, a section the plan leaves out gets its marker exactly
    // when the check flags it (else it is empty rich text, or null for the
    // ESF+ additions, and the default templates leave out its heading too),
    // and document.verdict states the verdict. nullopt (a draft made without
    // a check): every section the plan leaves out is marked, except the ESF+
    // additions (risk analysis, project logic, sustainable development,
    // fundamental rights), and there is no verdict.
    std::optional<DraftCheck> check;
    // The call's title in the draft's language (from the rule pack);
    // nullopt: document.call_title is the plan's call id.
    std::optional<std::string> call_title;
    // The programme area's name in the draft's language (the pack's) and the
    // region's (the municipality register's NUTS 2 name), as the report and
    // the workbook name them; nullopt: project.programme_area_label and
    // region_label are the plan's codes.
    std::optional<std::string> area_name;
    std::optional<std::string> region_name;
};

TemplateValue application_view(const model::Application& application, const ApplicationViewOptions& options);

// Data shaped exactly like application_view's, with one item in every list
// and every optional value present: the yardstick for "unknown name" checks.
TemplateValue application_specimen(const std::string& lang);

// Whole öre as the plain decimal the `sek` filter reads: 163800000 ->
// "1638000", 163800050 -> "1638000.50", -5000 -> "-50".
std::string money_text(model::Money amount);

// part / whole as a fraction with six decimals ("0.613500"), rounded half
// up; "0" when whole is 0. Exact for any two amounts.
std::string share_text(model::Money part, model::Money whole);

}  // namespace esfdraft::docx
