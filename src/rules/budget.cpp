// Budget B001–B014 (docs/rules.md, "Budget" and "Added rules"). Money is whole öre; every
// share is compared exactly in integers (rules/terms.hpp), never in floating point.
#include <algorithm>
#include <map>

#include "rules/check.hpp"
#include "rules/indexes.hpp"
#include "rules/rule_finding.hpp"
#include "rules/section_view.hpp"
#include "rules/terms.hpp"

namespace esfdraft::rules {

namespace {

using model::MessageArg;
using model::Money;
using model::Severity;

__extension__ typedef __int128 Wide;  // a threshold in euro cents times a rate in millionths

MessageArg money(Money amount) { return MessageArg::of_money(amount); }
MessageArg share(model::ShareHundredths hundredths) { return MessageArg::of_percent_hundredths(hundredths); }

// How a message names a cost line: its label, or its category and year.
std::string cost_name(const model::CostLine& cost) {
    return cost.label.empty() ? cost.category + " " + std::to_string(cost.year) : excerpt(cost.label, 50);
}

std::string normalized_name(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

// The first ESF source, where B006 and B009 point; the financing element when there is none.
const model::SourceLocation& esf_location(const model::Application& application) {
    for (const model::FinancingSource& source : application.budget.financing)
        if (source.kind == "esf") return located_or(source.where, application.budget.financing_where);
    return located_or(application.budget.financing_where, application.budget.where);
}

void check_cost_lines(const model::Application& application, const model::RulePack& pack, model::Findings& out) {
    const model::Budget& budget = application.budget;
    const model::Period& period = application.project.period;
    const bool period_known = period.start.valid() && period.end.valid() && !(period.end < period.start);
    if (budget.costs.empty())
        out.push_back(rule_finding("B001", "budget", "B001.no_costs",
                                   located_or(budget.costs_where, located_or(budget.where, application.where))));
    // Money that comes in is never negative: a source or an income below zero is
    // almost always a cost-lowering income written with a minus sign.
    for (const model::FinancingSource& source : budget.financing)
        if (source.amount < 0)
            out.push_back(rule_finding("B001", "budget", "B001.negative_source", source.where)
                              .arg("source", MessageArg::of_text(source.funder.value_or(source.kind)))
                              .arg("amount", money(source.amount)));
    for (const model::Income& income : budget.income)
        if (income.amount < 0)
            out.push_back(
                rule_finding("B001", "budget", "B001.negative_income", income.where)
                    .arg("income", MessageArg::of_text(income.label.empty() ? "<income>" : excerpt(income.label, 50)))
                    .arg("amount", money(income.amount)));
    std::vector<std::string> allowed;
    for (const model::CostCategoryRule& category : pack.cost_categories) allowed.push_back(category.code);

    const auto activities = activities_by_id(application);
    for (const model::CostLine& cost : budget.costs) {
        const MessageArg name = MessageArg::of_text(cost_name(cost));
        if (cost.amount <= 0)
            // A negative cost is most often an income with a minus sign: its message says where that goes.
            out.push_back(
                rule_finding("B001", "budget", cost.amount < 0 ? "B001.negative_cost" : "B001.not_positive", cost.where)
                    .arg("cost", name)
                    .arg("amount", money(cost.amount)));
        if (!pack.allows_cost_category(cost.category))
            out.push_back(rule_finding("B002", "budget", "B002.category", cost.where)
                              .arg("cost", name)
                              .arg("category", MessageArg::of_text(cost.category))
                              .arg("programme", MessageArg::of_text(pack.name))
                              .arg("allowed", MessageArg::of_text(join(allowed))));
        if (period_known && (cost.year < period.start.year || cost.year > period.end.year))
            out.push_back(rule_finding("B003", "budget", "B003.year_outside", cost.where)
                              .arg("cost", name)
                              .arg("year", MessageArg::of_text(std::to_string(cost.year)))
                              .arg("period", MessageArg::of_text(period_text(period.start, period.end))));
        if (cost.activity_id) {
            const auto found = activities.find(*cost.activity_id);
            const model::Activity* activity = found == activities.end() ? nullptr : found->second;
            if (activity && activity->start.valid() && activity->end.valid() &&
                (cost.year < activity->start.year || cost.year > activity->end.year))
                out.push_back(rule_finding("B004", "budget", "B004.activity_year", cost.where)
                                  .arg("cost", name)
                                  .arg("year", MessageArg::of_text(std::to_string(cost.year)))
                                  .arg("activity", MessageArg::of_text(activity->id))
                                  .arg("period", MessageArg::of_text(period_text(activity->start, activity->end))));
        }
    }
}

void check_balance(const model::Application& application, const model::BudgetFigures& figures, model::Findings& out) {
    const model::Budget& budget = application.budget;
    const Money costs = figures.total_costs;
    const Money income = figures.income;
    const Money financing = figures.financing;
    const Money eligible = figures.eligible;
    if (financing == eligible) return;
    const model::SourceLocation& where =
        located_or(budget.financing_where, located_or(budget.where, application.where));
    const char* message_id = financing < eligible ? (income > 0 ? "B005.short_income" : "B005.short")
                                                  : (income > 0 ? "B005.excess_income" : "B005.excess");
    out.push_back(rule_finding("B005", "budget", message_id, where)
                      .arg("financing", money(financing))
                      .arg("costs", money(costs))
                      .arg("income", money(income))
                      .arg("eligible", money(eligible))
                      .arg("difference", money(financing < eligible ? eligible - financing : financing - eligible)));
}

void check_rates(const model::Application& application, const model::RulePack& pack, const Terms& terms,
                 const model::BudgetFigures& figures, model::Findings& out) {
    const model::Budget& budget = application.budget;
    const Money eligible = figures.eligible;
    const Money esf = figures.esf;
    const Money cofinancing = figures.cofinancing;
    const model::SourceLocation& financing_where =
        located_or(budget.financing_where, located_or(budget.where, application.where));

    // Shares of nothing mean nothing: B001 and B005 already speak for an empty budget.
    if (eligible > 0 && terms.max_esf_share && !at_most_share(esf, eligible, terms.max_esf_share->value)) {
        const Money allowed = share_floor(eligible, terms.max_esf_share->value);
        out.push_back(rule_finding("B006", "budget", "B006.esf_share", esf_location(application))
                          .arg("esf", money(esf))
                          .arg("share", share(share_of(esf, eligible)))
                          .arg("eligible", money(eligible))
                          .arg("maximum", share(terms.max_esf_share->value))
                          .arg("by", MessageArg::of_text(terms.max_esf_share->set_by))
                          .arg("allowed", money(allowed))
                          .arg("excess", money(esf - allowed)));
    }
    if (eligible > 0 && terms.min_cofinancing && !at_least_share(cofinancing, eligible, terms.min_cofinancing->value)) {
        const Money required = share_ceiling(eligible, terms.min_cofinancing->value);
        out.push_back(rule_finding("B007", "budget", "B007.cofinancing", financing_where)
                          .arg("cofinancing", money(cofinancing))
                          .arg("share", share(share_of(cofinancing, eligible)))
                          .arg("eligible", money(eligible))
                          .arg("minimum", share(terms.min_cofinancing->value))
                          .arg("by", MessageArg::of_text(terms.min_cofinancing->set_by))
                          .arg("required", money(required))
                          .arg("missing", money(required - cofinancing)));
    }

    if (pack.indirect_max_share_of_staff) {
        const Money indirect = figures.indirect;
        const Money staff = figures.staff;
        const model::CostLine* first_indirect = nullptr;
        for (const model::CostLine& cost : budget.costs) {
            if (cost.category == model::indirect_category) {
                first_indirect = &cost;
                break;
            }
        }
        const model::ShareHundredths maximum = pack.indirect_max_share_of_staff->value;
        if (indirect > 0 && !at_most_share(indirect, staff, maximum)) {
            const Money allowed = share_floor(staff, maximum);
            out.push_back(rule_finding("B008", "budget", staff > 0 ? "B008.indirect" : "B008.no_staff",
                                       located_or(first_indirect->where, financing_where))
                              .arg("indirect", money(indirect))
                              .arg("share", share(share_of(indirect, staff)))
                              .arg("staff", money(staff))
                              .arg("maximum", share(maximum))
                              .arg("allowed", money(allowed))
                              .arg("excess", money(indirect - allowed)));
        }
    }

    if (terms.esf_ceiling && esf > terms.esf_ceiling->value)
        out.push_back(rule_finding("B009", "budget", "B009.ceiling", esf_location(application))
                          .arg("esf", money(esf))
                          .arg("ceiling", money(terms.esf_ceiling->value))
                          .arg("by", MessageArg::of_text(terms.esf_ceiling->set_by))
                          .arg("excess", money(esf - terms.esf_ceiling->value)));
}

void check_owner_in_kind(const model::Application& application, model::Findings& out) {
    const model::Organisation& owner = application.project.owner;
    for (const model::FinancingSource& source : application.budget.financing) {
        if (source.kind != "public-in-kind" && source.kind != "private-in-kind") continue;
        const bool same_number = owner.org_number && source.org_number && *owner.org_number == *source.org_number;
        const bool same_name =
            source.funder && !owner.name.empty() && normalized_name(*source.funder) == normalized_name(owner.name);
        if (same_number || same_name)
            out.push_back(rule_finding("B010", "budget", "B010.owner_in_kind", source.where)
                              .arg("owner", MessageArg::of_text(owner.name))
                              .arg("amount", money(source.amount)));
    }
}

void check_transnational(const model::Application& application, const Terms& terms, const model::BudgetFigures& figures,
                         model::Findings& out) {
    const model::Budget& budget = application.budget;
    const Money tagged = figures.transnational;
    const model::CostLine* first_tagged = nullptr;
    for (const model::CostLine& cost : budget.costs)
        if (cost.has_tag("transnational")) {
            first_tagged = &cost;
            break;
        }
    const Money costs = figures.total_costs;
    const SectionView section = view_section(application, "transnational");
    const bool has_section = section.present && !section.empty;
    const model::SourceLocation& costs_where =
        located_or(budget.costs_where, located_or(budget.where, application.where));

    if (terms.min_transnational_share) {
        const model::ShareHundredths minimum = terms.min_transnational_share->value;
        if (!has_section)
            out.push_back(rule_finding("B011", "transnational", "B011.section_required", section.where)
                              .arg("call", MessageArg::of_text(terms.min_transnational_share->set_by))
                              .arg("minimum", share(minimum)));
        if (costs > 0 && !at_least_share(tagged, costs, minimum)) {
            const Money required = share_ceiling(costs, minimum);
            out.push_back(rule_finding("B011", "budget", "B011.share", costs_where)
                              .arg("transnational", money(tagged))
                              .arg("share", share(share_of(tagged, costs)))
                              .arg("costs", money(costs))
                              .arg("minimum", share(minimum))
                              .arg("call", MessageArg::of_text(terms.min_transnational_share->set_by))
                              .arg("required", money(required))
                              .arg("missing", money(required - tagged)));
        }
        return;
    }
    if (has_section && !first_tagged)
        out.push_back(
            at_second_level(rule_finding("B011", "transnational", "B011.section_without_costs", section.where)));
    if (!has_section && first_tagged)
        out.push_back(at_second_level(rule_finding("B011", "budget", "B011.costs_without_section", first_tagged->where))
                          .arg("transnational", money(tagged)));
}

bool listed(const std::vector<std::string>& items, std::string_view item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

// B012: every cost model the budget names is one the pack and the call
// allow; two models one excludes are never combined; with a model that
// limits the categories, every line is of those; a flat rate booked on its
// own category is at most its rate of the base (the indirect-cost rate is
// B008's). Silent when the budget names no model or the pack sets none.
void check_cost_models(const model::Application& application, const model::RulePack& pack, const Terms& terms,
                       const model::BudgetFigures& figures, model::Findings& out) {
    const model::Budget& budget = application.budget;
    if (budget.cost_models.empty() || pack.cost_models.empty()) return;
    const model::SourceLocation& where =
        located_or(budget.cost_model_where, located_or(budget.where, application.where));
    const std::vector<std::string>* call_allowed =
        terms.call && terms.call->allowed_cost_models ? &terms.call->allowed_cost_models->value : nullptr;
    std::vector<std::string> allowed;
    for (const model::CostModelRule& rule : pack.cost_models)
        if (!call_allowed || listed(*call_allowed, rule.code)) allowed.push_back(rule.code);
    std::vector<const model::CostModelRule*> used;
    for (const std::string& code : budget.cost_models) {
        const model::CostModelRule* rule = pack.find_cost_model(code);
        if (!rule) {
            out.push_back(rule_finding("B012", "budget", "B012.not_in_pack", where)
                              .arg("model", MessageArg::of_text(code))
                              .arg("programme", MessageArg::of_text(pack.name))
                              .arg("allowed", MessageArg::of_text(join(allowed))));
            continue;
        }
        if (call_allowed && !listed(*call_allowed, code))
            out.push_back(rule_finding("B012", "budget", "B012.not_in_call", where)
                              .arg("model", MessageArg::of_text(code))
                              .arg("call", MessageArg::of_text(terms.call->name))
                              .arg("allowed", MessageArg::of_text(join(allowed))));
        used.push_back(rule);
    }
    for (const model::CostModelRule* rule : used)
        for (const model::CostModelRule* other : used)
            if (rule != other && listed(rule->excludes, other->code))
                out.push_back(rule_finding("B012", "budget", "B012.combined", where)
                                  .arg("model", MessageArg::of_text(rule->code))
                                  .arg("other", MessageArg::of_text(other->code)));
    for (const model::CostModelRule* rule : used) {
        if (!rule->categories.empty())
            for (const model::CostLine& cost : budget.costs)
                if (!listed(rule->categories, cost.category))
                    out.push_back(rule_finding("B012", "budget", "B012.category", cost.where)
                                      .arg("cost", MessageArg::of_text(cost_name(cost)))
                                      .arg("category", MessageArg::of_text(cost.category))
                                      .arg("model", MessageArg::of_text(rule->code))
                                      .arg("allowed", MessageArg::of_text(join(rule->categories))));
        if (!rule->rate || rule->flat_category == model::indirect_category)
            continue;  // B008 checks the indirect-cost rate
        const Money flat = figures.category(rule->flat_category);
        const Money base = figures.category(rule->base);
        const model::CostLine* first_flat = nullptr;
        for (const model::CostLine& cost : budget.costs)
            if (cost.category == rule->flat_category) {
                first_flat = &cost;
                break;
            }
        if (flat > 0 && !at_most_share(flat, base, *rule->rate)) {
            const Money most = share_floor(base, *rule->rate);
            out.push_back(rule_finding("B012", "budget", "B012.rate", first_flat->where)
                              .arg("model", MessageArg::of_text(rule->code))
                              .arg("flat", money(flat))
                              .arg("base", money(base))
                              .arg("base_category", MessageArg::of_text(rule->base))
                              .arg("rate", share(*rule->rate))
                              .arg("allowed", money(most))
                              .arg("excess", money(flat - most)));
        }
    }
}

// B013: an operation whose total cost is at most the pack's threshold,
// converted at the call's rate, uses a simplified cost model, unless the
// call says the support is state aid. Silent without a threshold or a rate.
void check_simplified_costs(const model::Application& application, const model::RulePack& pack, const Terms& terms,
                            const model::BudgetFigures& figures, model::Findings& out) {
    if (!pack.simplified_costs_threshold_eur || !terms.call || !terms.call->sek_per_eur) return;
    if (terms.call->state_aid && terms.call->state_aid->value) return;
    const model::Budget& budget = application.budget;
    for (const std::string& code : budget.cost_models)
        if (const model::CostModelRule* rule = pack.find_cost_model(code); rule && rule->simplified) return;
    const Money total = figures.total_costs;
    if (total <= 0) return;  // B001 speaks for a budget without costs
    // total (öre) <= threshold (euro cents) × rate (kronor per euro, in millionths), exactly.
    const Wide threshold_scaled =
        static_cast<Wide>(pack.simplified_costs_threshold_eur->value) * terms.call->sek_per_eur->value.micros;
    if (static_cast<Wide>(total) * model::Decimal::scale > threshold_scaled) return;
    const Money threshold = static_cast<Money>(threshold_scaled / model::Decimal::scale);
    out.push_back(rule_finding("B013", "budget", "B013.not_simplified",
                               located_or(budget.cost_model_where, located_or(budget.where, application.where)))
                      .arg("total", money(total))
                      .arg("threshold", money(threshold))
                      .arg("threshold_eur", MessageArg::of_number(pack.simplified_costs_threshold_eur->value / 100))
                      .arg("rate", MessageArg::of_text(terms.call->sek_per_eur->value.text()))
                      .arg("call", MessageArg::of_text(terms.call->name)));
}

// B014: with beneficiary partners, every line names its sub-budget and each
// sub-budget balances (income, which names none, counts in the owner's).
// The balances are left until every line names one: a sum over lines that
// do not say whose they are would only repeat B005.
void check_sub_budgets(const model::Application& application, const model::BudgetFigures& figures,
                       model::Findings& out) {
    if (!application.has_beneficiary_partners()) return;
    const model::Budget& budget = application.budget;
    bool all_named = true;
    for (const model::CostLine& cost : budget.costs)
        if (!cost.beneficiary) {
            all_named = false;
            out.push_back(rule_finding("B014", "budget", "B014.cost_unassigned", cost.where)
                              .arg("cost", MessageArg::of_text(cost_name(cost))));
        }
    for (const model::FinancingSource& source : budget.financing)
        if (!source.beneficiary) {
            all_named = false;
            out.push_back(rule_finding("B014", "budget", "B014.source_unassigned", source.where)
                              .arg("source", MessageArg::of_text(source.funder.value_or(source.kind))));
        }
    if (!all_named) return;
    // Sub-budgets in the order they first appear, so findings come in file order.
    std::vector<std::string> order;
    std::map<std::string, const model::SourceLocation*> first;
    const auto note = [&](const std::string& who, const model::SourceLocation& where) {
        if (first.emplace(who, &where).second) order.push_back(who);
    };
    for (const model::CostLine& cost : budget.costs) note(*cost.beneficiary, cost.where);
    for (const model::FinancingSource& source : budget.financing) note(*source.beneficiary, source.where);
    if (figures.income != 0) note("owner", located_or(budget.where, application.where));
    for (const std::string& who : order) {
        // Income names no sub-budget: it counts in the owner's.
        const model::SubBudgetFigures* sub = figures.sub_budget(who);
        const Money eligible = (sub ? sub->costs : 0) - (who == "owner" ? figures.income : 0);
        const Money financing = sub ? sub->financing : 0;
        if (eligible == financing) continue;
        const model::Partner* partner = who == "owner" ? nullptr : application.find_partner(who);
        out.push_back(
            rule_finding("B014", "budget", financing < eligible ? "B014.short" : "B014.excess", *first[who])
                .arg("beneficiary", MessageArg::of_text(who))
                .arg("name", MessageArg::of_text(partner          ? partner->name
                                                 : who == "owner" ? application.project.owner.name
                                                                  : who))
                .arg("costs", money(eligible))
                .arg("financing", money(financing))
                .arg("difference", money(financing < eligible ? eligible - financing : financing - eligible)));
    }
}

}  // namespace

model::Findings check_budget(const model::Application& application, const model::RulePack& pack,
                             const CheckContext& context) {
    model::Findings out;
    // A plan without a budget section gets S001 (when the pack requires one) and
    // nothing here: no costs, no balance, no shares of a budget that is not there.
    if (!view_section(application, "budget").present) return out;
    const Terms terms = terms_for(application, pack, context);
    check_cost_lines(application, pack, out);
    // A negative amount is B001's (above), with what to write instead: the
    // sums it enters (balance, shares, ceiling, sub-budgets) would only say
    // the same mistake again in other words, so they wait until it is fixed,
    // as they do for an amount that could not be read.
    const model::Budget& budget = application.budget;
    const bool negative =
        std::any_of(budget.costs.begin(), budget.costs.end(), [](const model::CostLine& c) { return c.amount < 0; }) ||
        std::any_of(budget.financing.begin(), budget.financing.end(),
                    [](const model::FinancingSource& f) { return f.amount < 0; }) ||
        std::any_of(budget.income.begin(), budget.income.end(), [](const model::Income& i) { return i.amount < 0; });
    const model::BudgetFigures figures = model::budget_figures(application);
    if (!negative) {
        check_balance(application, figures, out);
        check_rates(application, pack, terms, figures, out);
    }
    check_owner_in_kind(application, out);
    check_transnational(application, terms, figures, out);
    check_cost_models(application, pack, terms, figures, out);
    check_simplified_costs(application, pack, terms, figures, out);
    if (!negative) check_sub_budgets(application, figures, out);
    return out;
}

}  // namespace esfdraft::rules
