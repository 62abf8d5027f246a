#include "pipeline/report_figures.hpp"

#include <stdexcept>

#include "model/budget_figures.hpp"

namespace esfdraft::pipeline {

AppliedLimits applied_limits(const rules::Terms& terms, const model::RulePack* pack) {
    AppliedLimits limits;
    if (!pack) return limits;
    limits.call = terms.call;
    limits.max_esf_share = terms.max_esf_share;
    limits.min_cofinancing = terms.min_cofinancing;
    limits.esf_ceiling = terms.esf_ceiling;
    if (pack->indirect_max_share_of_staff)
        limits.max_indirect_share_of_staff =
            rules::Limit<model::ShareHundredths>{pack->indirect_max_share_of_staff->value, pack->name};
    return limits;
}

namespace {

// part of whole beside an upper (`maximum`) or lower limit; compared exactly
// (model::at_most_share, at_least_share), and, as B006 and B007, a share of
// nothing keeps to its limit (B001 and B005 speak for an empty budget).
report::KeyShare share(model::Money part, model::Money whole,
                       const std::optional<rules::Limit<model::ShareHundredths>>& limit, bool maximum) {
    report::KeyShare out;
    out.part = part;
    out.whole = whole;
    out.hundredths = model::share_of(part, whole);
    if (limit) {
        const bool within = maximum ? model::at_most_share(part, whole, limit->value)
                                    : model::at_least_share(part, whole, limit->value);
        out.limit = report::ShareLimit{limit->value, maximum, limit->set_by, within};
    }
    return out;
}

}  // namespace

std::optional<report::KeyFigures> key_figures(const model::Application& application, const AppliedLimits& limits) {
    const model::Budget& budget = application.budget;
    if (!budget.has_lines()) return std::nullopt;
    try {
        // The sums the rules check and the draft and workbook show (model::budget_figures).
        const model::BudgetFigures sums = model::budget_figures(application);
        report::KeyFigures figures;
        figures.total_costs = sums.total_costs;
        figures.income = sums.income;
        figures.eligible_costs = sums.eligible;
        figures.esf = sums.esf;
        figures.cofinancing = sums.cofinancing;
        figures.esf_share = share(figures.esf, figures.eligible_costs, limits.max_esf_share, true);
        figures.cofinancing_share = share(figures.cofinancing, figures.eligible_costs, limits.min_cofinancing, false);
        if (figures.eligible_costs <= 0) {  // B006 and B007 are silent then: no share stands across its limit
            if (figures.esf_share.limit) figures.esf_share.limit->within = true;
            if (figures.cofinancing_share.limit) figures.cofinancing_share.limit->within = true;
        }
        if (sums.indirect > 0)
            figures.indirect_share = share(sums.indirect, sums.staff, limits.max_indirect_share_of_staff, true);
        return figures;
    } catch (const std::overflow_error&) {
        return std::nullopt;
    }
}

void add_key_figures(report::ApplicationReport& report, const model::Application& application,
                     const model::RulePack* pack, const AppliedLimits& limits) {
    report.key_figures = key_figures(application, limits);
    if (pack) report.pack = report::AppliedTerms{pack->name, pack->title};
    if (application.call) {
        report::AppliedTerms call{*application.call, {}};
        if (limits.call) call.name = limits.call->title;
        report.call = std::move(call);
    }
}

}  // namespace esfdraft::pipeline
