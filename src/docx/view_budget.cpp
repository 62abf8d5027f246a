// The application view: the budget.
#include <algorithm>
#include <set>

#include "docx/engine/filters.hpp"
#include "docx/view_builder.hpp"

namespace esfdraft::docx::view {

TemplateValue ViewBuilder::budget() const {
    const model::Budget& b = app_.budget;
    const model::BudgetFigures& f = figures_;
    const std::vector<int>& years = f.years;
    const model::Money total = f.total_costs;

    TemplateValue out = TemplateValue::map();
    out.set("currency", text(b.currency));
    TemplateValue year_values = TemplateValue::list();
    TemplateValue year_totals = TemplateValue::list();
    for (std::size_t y = 0; y < years.size(); ++y) {
        TemplateValue year = TemplateValue::map();
        year.set("year", text(std::to_string(years[y])));
        year_values.push(std::move(year));
        TemplateValue t = TemplateValue::map();
        t.set("amount", money(f.by_year[y]));
        year_totals.push(std::move(t));
    }
    out.set("years", year_values);
    out.set("year_totals", year_totals);
    out.set("categories", budget_categories(f));
    out.set("total_costs", money(total));
    const model::Money income = f.income;
    out.set("total_income", money(income));
    out.set("has_income", TemplateValue::boolean(!b.income.empty()));
    TemplateValue income_lines = TemplateValue::list();
    for (const model::Income& line : b.income) {
        TemplateValue i = TemplateValue::map();
        i.set("label", text(line.label));
        i.set("amount", money(line.amount));
        income_lines.push(std::move(i));
    }
    out.set("income", income_lines);
    const model::Money eligible = f.eligible;
    out.set("eligible_costs", money(eligible));

    const model::Money financing_total = f.financing;
    out.set("financing", budget_sources(f));
    out.set("total_financing", money(financing_total));
    const model::Money esf = f.esf;
    out.set("esf_amount", money(esf));
    out.set("esf_share", text(share_text(esf, eligible)));
    out.set("co_financing", money(f.cofinancing));
    out.set("co_financing_share", text(share_text(f.cofinancing, financing_total)));
    out.set("balanced", TemplateValue::boolean(eligible == financing_total));
    out.set("imbalance", money(eligible - financing_total));
    cost_models(out, f);
    out.set("beneficiaries", beneficiaries(f));
    return out;
}

TemplateValue ViewBuilder::budget_categories(const model::BudgetFigures& f) const {
    const std::vector<std::string>& categories = f.categories;
    const std::vector<int>& years = f.years;
    const model::Money total = f.total_costs;
    TemplateValue category_values = TemplateValue::list();
    const std::vector<std::string> category_shares = shares_shown(f.by_category, total);
    for (std::size_t k = 0; k < categories.size(); ++k) {
        const std::string& category = categories[k];
        TemplateValue c = TemplateValue::map();
        c.set("code", text(category));
        c.set("label", text(code_label(model::cost_category_words(category, app_.programme), category, lang_)));
        TemplateValue amounts = TemplateValue::list();
        for (std::size_t y = 0; y < years.size(); ++y) {
            TemplateValue a = TemplateValue::map();
            a.set("amount", money(f.cell(k, y)));
            amounts.push(std::move(a));
        }
        c.set("amounts", amounts);
        c.set("total", money(f.by_category[k]));
        c.set("share", text(category_shares[k]));
        category_values.push(std::move(c));
    }
    return category_values;
}

TemplateValue ViewBuilder::budget_sources(const model::BudgetFigures& f) const {
    const model::Budget& b = app_.budget;
    const model::Money financing_total = f.financing;
    std::vector<model::Money> source_amounts;
    for (const model::FinancingSource& source : b.financing) source_amounts.push_back(source.amount);
    const std::vector<std::string> source_shares = shares_shown(source_amounts, financing_total);
    TemplateValue sources = TemplateValue::list();
    for (std::size_t i = 0; i < b.financing.size(); ++i) {
        const model::FinancingSource& source = b.financing[i];
        TemplateValue s = TemplateValue::map();
        s.set("kind", text(source.kind));
        s.set("kind_label", text(code_label(model::financing_kind_words(source.kind), source.kind, lang_)));
        s.set("funder", text(source.funder          ? *source.funder
                             : source.kind == "esf" ? words_("Europeiska socialfonden", "European Social Fund")
                                                    : "–"));
        s.set("org_number", optional(source.org_number));
        s.set("amount", money(source.amount));
        s.set("share", text(source_shares[i]));
        sources.push(std::move(s));
    }
    return sources;
}

std::vector<std::string> ViewBuilder::shares_shown(const std::vector<model::Money>& parts, model::Money whole) {
    std::vector<std::string> out;
    if (const auto tenths = model::display_shares(parts, whole, percent_decimals)) {
        for (const std::int64_t share : *tenths) out.push_back(model::fraction_text(share, 1000));
    } else {
        for (const model::Money part : parts) out.push_back(share_text(part, whole));
    }
    return out;
}

void ViewBuilder::cost_models(TemplateValue& out, const model::BudgetFigures& f) const {
    const model::Budget& b = app_.budget;
    TemplateValue models = TemplateValue::list();
    std::vector<std::string> names;
    for (const std::string& code : b.cost_models) {
        TemplateValue item = TemplateValue::map();
        item.set("code", text(code));
        item.set("label", text(code_label(model::cost_model_words(code), code, lang_)));
        models.push(std::move(item));
        names.push_back(code_label(model::cost_model_words(code), code, lang_));
    }
    out.set("cost_models", models);
    std::string sentence;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) sentence += i + 1 == names.size() ? words_(" och ", " and ") : ", ";
        sentence += names[i];
    }
    out.set("cost_model_text",
            names.empty() ? TemplateValue() : text(words_("Budgeten bygger på ", "The budget uses ") + sentence + "."));
    // Per beneficiary when there are beneficiaries (each sub-budget's
    // flat rate rests on its own staff costs), else over the whole budget.
    TemplateValue flat_rates = TemplateValue::list();
    const bool per_beneficiary = app_.has_beneficiary_partners();
    const auto flat_rate = [&](std::string_view category) {
        bool shown = false;
        const std::size_t c = static_cast<std::size_t>(std::find(f.categories.begin(), f.categories.end(), category) -
                                                       f.categories.begin());
        const std::size_t staff_at = static_cast<std::size_t>(
            std::find(f.categories.begin(), f.categories.end(), model::staff_category) - f.categories.begin());
        const auto add = [&](const model::SubBudgetFigures* sub, bool always) {
            const auto of = [&](std::size_t at) {
                if (at >= f.categories.size()) return model::Money{0};
                return sub ? sub->by_category[at] : f.by_category[at];
            };
            const model::Money amount = of(c), staff = of(staff_at);
            const std::optional<std::string> key = sub ? std::optional(sub->key) : std::nullopt;
            if (amount == 0 && !always) return;
            TemplateValue item = TemplateValue::map();
            item.set("category", text(std::string(category)));
            item.set("label", text(code_label(model::cost_category_words(category, app_.programme), category, lang_)));
            item.set("beneficiary", key ? text(beneficiary_name(*key)) : TemplateValue());
            item.set("amount", money(amount));
            item.set("base_label", text(words_("direkta personalkostnader", "direct staff costs")));
            item.set("base", money(staff));
            item.set("rate", text(share_text(amount, staff)));
            flat_rates.push(std::move(item));
            shown = true;
        };
        if (per_beneficiary)
            for (const model::SubBudgetFigures& sub : f.sub_budgets) add(&sub, false);
        // No sub-budget has the line (or there are no sub-budgets): the whole budget, even at 0.
        if (!shown) add(nullptr, true);
    };
    for (const std::string& code : b.cost_models) {
        if (code == "indirect-flat-rate")
            flat_rate(model::indirect_category);
        else if (code == "remaining-flat-rate")
            flat_rate("other");
    }
    out.set("flat_rates", flat_rates);
}

std::string ViewBuilder::beneficiary_name(const std::string& key) const {
    if (key.empty()) return words_("Ej fördelat på stödmottagare", "Not assigned to a beneficiary");
    if (key == "owner") return app_.project.owner.name;
    const model::Partner* partner = app_.find_partner(key);
    return partner ? partner->name : key;
}

TemplateValue ViewBuilder::beneficiaries(const model::BudgetFigures& f) const {
    TemplateValue out = TemplateValue::list();
    for (const model::SubBudgetFigures& sub : f.sub_budgets) {
        const std::string& key = sub.key;
        TemplateValue item = TemplateValue::map();
        item.set("id", key.empty() ? TemplateValue() : text(key));
        const model::Partner* partner = key.empty() || key == "owner" ? nullptr : app_.find_partner(key);
        item.set("name", text(beneficiary_name(key)));
        item.set("owner", TemplateValue::boolean(key == "owner"));
        item.set("role_label", text(key.empty()      ? "–"
                                    : key == "owner" ? words_("Projektägare", "Project owner")
                                                     : words_("Stödmottagare", "Beneficiary")));
        item.set("org_number", key == "owner" ? optional(app_.project.owner.org_number)
                               : partner      ? optional(partner->org_number)
                                              : TemplateValue());
        TemplateValue categories = TemplateValue::list();
        for (std::size_t k = 0; k < f.categories.size(); ++k) {
            const std::string& code = f.categories[k];
            const model::Money amount = sub.by_category[k];
            if (amount == 0) continue;
            TemplateValue c = TemplateValue::map();
            c.set("code", text(code));
            c.set("label", text(code_label(model::cost_category_words(code, app_.programme), code, lang_)));
            c.set("amount", money(amount));
            categories.push(std::move(c));
        }
        item.set("categories", categories);
        item.set("costs", money(sub.costs));
        item.set("financing", money(sub.financing));
        item.set("esf_amount", money(sub.esf));
        out.push(std::move(item));
    }
    return out;
}

}  // namespace esfdraft::docx::view
