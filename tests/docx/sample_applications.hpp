// Applications built in code for the docx tests (the suite does not depend
// on the loader): a FRAMSYN-like implementation application with every
// section, and an incomplete one.
#pragma once

#include <initializer_list>
#include <string>

#include "model/application.hpp"

namespace esfdraft::docx::testing {

// Rich text from lines: a plain line is a paragraph, consecutive lines
// starting with "* " a bullet list, with "# " a numbered list.
model::RichText rich_text(std::initializer_list<std::string> lines);

// The FRAMSYN implementation application (after samples/framsyn/plan.xml),
// with its pre-study findings, every section and a balanced budget.
model::Application framsyn_application();

// An ESF+ 2021–2027 implementation application that uses every plan-format
// §3 addition: applicant details with signatory, case number, risks, project
// logic, the two other horizontal principles, attachments, beneficiary
// partners with their own sub-budgets, a cost model with a flat rate, common
// indicators with codes and a non-binary count.
model::Application esf_plus_application();

// A plan with only the required project facts, one goal, one activity and a
// small budget: no summaries, no findings, no horizontal sections.
model::Application incomplete_application();

}  // namespace esfdraft::docx::testing
