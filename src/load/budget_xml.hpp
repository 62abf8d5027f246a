// Writing a budget back into a plan: the plan format's <budget> content
// (docs/format.md "budget", schemas/plan-1.xsd) made from the model, put in
// place of the old content so that everything else stays byte for byte.
#pragma once

#include <string>
#include <string_view>

#include "model/application.hpp"

namespace esfdraft::load {

// `plan_xml` with the content of its budget element (the root's child
// `budget`) replaced by `budget`: <costs> with one <cost> per line,
// <financing> with one <source> per source, then one <income> per income
// line. The budget element's own start and end tags (its currency, its
// prefix and namespace declarations) and every byte outside them are kept;
// the new elements take the budget's prefix and the indentation and line
// ends the old content used (two spaces and "\n" when it had none).
// Amounts are written as the format reads them: kronor with a '.' and two
// decimals only when there are öre ("135000", "1250000.50", "-5000").
// An empty list gives an empty <costs/> or <financing/>; absent activity,
// tags, funder and orgNumber are left out. Texts are escaped; tabs, line
// ends and carriage returns in attributes as character references, so they
// read back as typed. The caller checks the result like any plan (a value
// the schema refuses, such as a year of three digits, is X002 there).
//
// Throws std::runtime_error when the plan has a DOCTYPE, has no budget
// element under its root, or its markup is cut off (not well-formed).
std::string replace_budget(std::string_view plan_xml, const model::Budget& budget);

// An amount in the plan format: 13500000 öre -> "135000", 125000050 -> "1250000.50".
std::string plan_amount(model::Money ore);

}  // namespace esfdraft::load
