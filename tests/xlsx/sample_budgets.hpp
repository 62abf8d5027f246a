// Applications built in code for the workbook tests: a FRAMSYN-like budget
// (2009–2011, several categories and activities, ESF + public cash + public
// in-kind, one income line) and the edge cases.
#pragma once

#include <cstddef>
#include <string>

#include "model/application.hpp"
#include "xlsx/budget_workbook.hpp"

namespace esfdraft::testing {

// Costs 2 010 000 kr, income 20 000 kr, financing 1 990 000 kr (ESF 1 005 000):
// it balances, ESF is 50.50 % of the eligible cost.
model::Application framsyn_application(const std::string& lang = "sv");

// The call's limits for FRAMSYN (ESF at most 60 %, co-financing at least
// 40 %, ceiling 10 000 000 kr) and a flat rate of 15 % of staff costs.
xlsx::BudgetLimits framsyn_limits();

// Options with the FRAMSYN limits and the document date 2009-08-15.
xlsx::WorkbookOptions framsyn_options(const std::string& lang = "sv");

// FRAMSYN's project facts with an empty budget.
model::Application application_without_budget();

// One cost line, one ESF source.
model::Application application_with_one_cost();

// Amounts with öre: 1 250 000,50 kr and 0,25 kr, income 0,75 kr.
model::Application application_with_ore();

// `lines` cost lines over 2009–2011, eight categories, seven activities and
// costs without one; amounts with öre; financed exactly.
model::Application application_with_many_costs(std::size_t lines);

// FRAMSYN with keys that spreadsheet criteria would misread: a category with
// * and ?, an activity id differing only in case from another ("A1", "a1"),
// ids with '-', a source kind nobody defined. Balanced.
model::Application application_with_odd_keys();

// A municipality that is a beneficiary partner (id "umea") with a sub-budget
// of its own, the indirect-cost flat rate (each indirect line is exactly 15 %
// of its year's and beneficiary's staff costs, half an öre rounded up once),
// one line naming no beneficiary. Costs 529 845,12 kr, balanced.
model::Application application_with_partners_and_flat_rate();

// Costs of 1 000 kr in each of 2009, 2010 and 2011, and sources that a third
// a year does not split into whole kronor: ESF 1 000 kr (no funder),
// public cash 1 001 kr from Umeå kommun and 7,50 kr from Region Västerbotten
// (2,50 kr a year: half a krona). Not balanced (the financing by year does not need it).
model::Application application_with_financing_over_three_years();

// The ESF+ pack's eight categories with its own words ("Personalkostnader", "Övriga kostnader").
std::vector<xlsx::CategoryChoice> esf_plus_categories();

model::CostLine cost(std::string category, int year, std::string activity, model::Money ore, std::string label,
                     std::vector<std::string> tags = {});

}  // namespace esfdraft::testing
