// Budget B001–B011 (docs/rules.md, "Budget"). Money is whole öre; every
// share is compared exactly in integers (rules/terms.hpp), never in floating point.
#include "rules/check.hpp"
#include "rules/terms.hpp"

namespace esfdraft::rules {

namespace {

using model::MessageArg;
using model::Money;
using model::Severity;

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
        out.push_back(make_finding("B001", Severity::error, "budget", "B001.no_costs",
                                   located_or(budget.costs_where, located_or(budget.where, application.where))));
    // Money that comes in is never negative: a source or an income below zero is
    // almost always a cost-lowering income written with a minus sign.
    for (const model::FinancingSource& source : budget.financing)
        if (source.amount < 0)
            out.push_back(make_finding("B001", Severity::error, "budget", "B001.negative_source", source.where)
                              .arg("source", MessageArg::of_text(source.funder.value_or(source.kind)))
                              .arg("amount", money(source.amount)));
    for (const model::Income& income : budget.income)
        if (income.amount < 0)
            out.push_back(make_finding("B001", Severity::error, "budget", "B001.negative_income", income.where)
                              .arg("income", MessageArg::of_text(income.label.empty() ? "<income>" : excerpt(income.label, 50)))
                              .arg("amount", money(income.amount)));
    std::vector<std::string> allowed;
    for (const model::CostCategoryRule& category : pack.cost_categories) allowed.push_back(category.code);

    const auto activities = activities_by_id(application);
    for (const model::CostLine& cost : budget.costs) {
        const MessageArg name = MessageArg::of_text(cost_name(cost));
        if (cost.amount <= 0)
            out.push_back(make_finding("B001", Severity::error, "budget", "B001.not_positive", cost.where)
                              .arg("cost", name)
                              .arg("amount", money(cost.amount)));
        if (!pack.allows_cost_category(cost.category))
            out.push_back(make_finding("B002", Severity::error, "budget", "B002.category", cost.where)
                              .arg("cost", name)
                              .arg("category", MessageArg::of_text(cost.category))
                              .arg("programme", MessageArg::of_text(pack.name))
                              .arg("allowed", MessageArg::of_text(join(allowed))));
        if (period_known && (cost.year < period.start.year || cost.year > period.end.year))
            out.push_back(make_finding("B003", Severity::error, "budget", "B003.year_outside", cost.where)
                              .arg("cost", name)
                              .arg("year", MessageArg::of_text(std::to_string(cost.year)))
                              .arg("period", MessageArg::of_text(period_text(period.start, period.end))));
        if (cost.activity_id) {
            const auto found = activities.find(*cost.activity_id);
            const model::Activity* activity = found == activities.end() ? nullptr : found->second;
            if (activity && activity->start.valid() && activity->end.valid() &&
                (cost.year < activity->start.year || cost.year > activity->end.year))
                out.push_back(make_finding("B004", Severity::warning, "budget", "B004.activity_year", cost.where)
                                  .arg("cost", name)
                                  .arg("year", MessageArg::of_text(std::to_string(cost.year)))
                                  .arg("activity", MessageArg::of_text(activity->id))
                                  .arg("period", MessageArg::of_text(period_text(activity->start, activity->end))));
        }
    }
}

void check_balance(const model::Application& application, model::Findings& out) {
    const model::Budget& budget = application.budget;
    const Money costs = budget.total_costs();
    const Money income = budget.total_income();
    const Money financing = budget.total_financing();
    const Money eligible = costs - income;
    if (financing == eligible) return;
    const model::SourceLocation& where = located_or(budget.financing_where, located_or(budget.where, application.where));
    const char* message_id = financing < eligible ? (income > 0 ? "B005.short_income" : "B005.short")
                                                  : (income > 0 ? "B005.excess_income" : "B005.excess");
    out.push_back(make_finding("B005", Severity::error, "budget", message_id, where)
                      .arg("financing", money(financing))
                      .arg("costs", money(costs))
                      .arg("income", money(income))
                      .arg("eligible", money(eligible))
                      .arg("difference", money(financing < eligible ? eligible - financing : financing - eligible)));
}

void check_rates(const model::Application& application, const model::RulePack& pack, const Terms& terms,
                 model::Findings& out) {
    const model::Budget& budget = application.budget;
    const Money eligible = budget.eligible_costs();
    const Money esf = budget.financing_of_kind("esf");
    const Money cofinancing = budget.total_financing() - esf;
    const model::SourceLocation& financing_where = located_or(budget.financing_where, located_or(budget.where, application.where));

    // Shares of nothing mean nothing: B001 and B005 already speak for an empty budget.
    if (eligible > 0 && terms.max_esf_share && !at_most_share(esf, eligible, terms.max_esf_share->value)) {
        const Money allowed = share_floor(eligible, terms.max_esf_share->value);
        out.push_back(make_finding("B006", Severity::error, "budget", "B006.esf_share", esf_location(application))
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
        out.push_back(make_finding("B007", Severity::error, "budget", "B007.cofinancing", financing_where)
                          .arg("cofinancing", money(cofinancing))
                          .arg("share", share(share_of(cofinancing, eligible)))
                          .arg("eligible", money(eligible))
                          .arg("minimum", share(terms.min_cofinancing->value))
                          .arg("by", MessageArg::of_text(terms.min_cofinancing->set_by))
                          .arg("required", money(required))
                          .arg("missing", money(required - cofinancing)));
    }

    if (pack.indirect_max_share_of_staff) {
        Money indirect = 0;
        Money staff = 0;
        const model::CostLine* first_indirect = nullptr;
        for (const model::CostLine& cost : budget.costs) {
            if (cost.category == "indirect") {
                indirect = model::checked_add(indirect, cost.amount);
                if (!first_indirect) first_indirect = &cost;
            }
            if (cost.category == "staff") staff = model::checked_add(staff, cost.amount);
        }
        const model::ShareHundredths maximum = pack.indirect_max_share_of_staff->value;
        if (indirect > 0 && !at_most_share(indirect, staff, maximum)) {
            const Money allowed = share_floor(staff, maximum);
            out.push_back(make_finding("B008", Severity::error, "budget", staff > 0 ? "B008.indirect" : "B008.no_staff",
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
        out.push_back(make_finding("B009", Severity::error, "budget", "B009.ceiling", esf_location(application))
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
        const bool same_name = source.funder && !owner.name.empty() && normalized_name(*source.funder) == normalized_name(owner.name);
        if (same_number || same_name)
            out.push_back(make_finding("B010", Severity::warning, "budget", "B010.owner_in_kind", source.where)
                              .arg("owner", MessageArg::of_text(owner.name))
                              .arg("amount", money(source.amount)));
    }
}

void check_transnational(const model::Application& application, const Terms& terms, model::Findings& out) {
    const model::Budget& budget = application.budget;
    Money tagged = 0;
    const model::CostLine* first_tagged = nullptr;
    for (const model::CostLine& cost : budget.costs)
        if (cost.has_tag("transnational")) {
            tagged = model::checked_add(tagged, cost.amount);
            if (!first_tagged) first_tagged = &cost;
        }
    const Money costs = budget.total_costs();
    const SectionView section = view_section(application, "transnational");
    const bool has_section = section.present && !section.empty;
    const model::SourceLocation& costs_where = located_or(budget.costs_where, located_or(budget.where, application.where));

    if (terms.min_transnational_share) {
        const model::ShareHundredths minimum = terms.min_transnational_share->value;
        if (!has_section)
            out.push_back(make_finding("B011", Severity::error, "transnational", "B011.section_required", section.where)
                              .arg("call", MessageArg::of_text(terms.min_transnational_share->set_by))
                              .arg("minimum", share(minimum)));
        if (costs > 0 && !at_least_share(tagged, costs, minimum)) {
            const Money required = share_ceiling(costs, minimum);
            out.push_back(make_finding("B011", Severity::error, "budget", "B011.share", costs_where)
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
        out.push_back(make_finding("B011", Severity::warning, "transnational", "B011.section_without_costs", section.where));
    if (!has_section && first_tagged)
        out.push_back(make_finding("B011", Severity::warning, "budget", "B011.costs_without_section", first_tagged->where)
                          .arg("transnational", money(tagged)));
}

}  // namespace

model::Findings check_budget(const model::Application& application, const model::RulePack& pack, const CheckContext&) {
    model::Findings out;
    // A plan without a budget section gets S001 (when the pack requires one) and
    // nothing here: no costs, no balance, no shares of a budget that is not there.
    if (!view_section(application, "budget").present) return out;
    const Terms terms = resolve_terms(application, pack);
    check_cost_lines(application, pack, out);
    check_balance(application, out);
    check_rates(application, pack, terms, out);
    check_owner_in_kind(application, out);
    check_transnational(application, terms, out);
    return out;
}

}  // namespace esfdraft::rules
