// The application as template data: maps model::Application onto the
// generic TemplateValue the engine renders, with labels in the draft's
// language, money as exact decimals for the `sek` filter, dates in ISO form,
// sections as rich text, and a visible marker ("[Saknas: Jämställdhetsintegrering]")
// for every section the plan leaves out, so an incomplete plan still gives a
// draft. The names are listed in docs/templates.md.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "docx/template_value.hpp"
#include "model/application.hpp"

namespace esfdraft::docx {

struct ApplicationViewOptions {
    std::string lang = "sv";                               // "sv" or "en": labels and markers
    model::Date date;                                      // the document date (--date)
    std::optional<ImageData> logo;                         // null in the data when absent
    std::map<std::string, std::string> municipality_names; // SCB code -> name, for codes the plan gives without a name
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
